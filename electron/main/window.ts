/**
 * The application window. Its web preferences come from security.ts; navigation and new-window
 * rules are applied to every web contents by app.ts (`web-contents-created`).
 */
import { BrowserWindow } from 'electron'
import type { AppPaths } from './paths'
import { secureWebPreferences } from './security'

/**
 * Creates the main window, shows it once painted, and loads the built renderer from `file://`.
 * The load promise is returned so the caller can report a missing build.
 */
export function createMainWindow(paths: AppPaths): { window: BrowserWindow; loaded: Promise<void> } {
  const window = new BrowserWindow({
    title: 'Mutualisation',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(paths.preload),
  })
  window.once('ready-to-show', () => window.show())
  const loaded = window.loadURL(paths.rendererUrl)
  return { window, loaded }
}
