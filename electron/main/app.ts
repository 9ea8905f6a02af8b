/**
 * The Electron application's lifecycle: single instance, hardening, backend, window, menu, IPC.
 * It adapts Electron to the backend and holds no business logic.
 */
import { Menu, app, dialog, ipcMain, session } from 'electron'
import type { BrowserWindow } from 'electron'
import type { Backend, BackendOptions } from '../backend/types'
import { registerApiHandler, isTrustedSender } from './ipc'
import { menuTemplate } from './menu'
import { appPaths, nativeBindingFromEnv } from './paths'
import { hardenSession, hardenWebContents } from './security'
import { createMainWindow } from './window'

export interface StartOptions {
  /** Opens the application core (electron/backend/index.ts in production, a fake in tests). */
  readonly openBackend: (options: BackendOptions) => Backend
  /** Folder of the built main process, `out/main`. */
  readonly mainDir: string
}

/** Handles on what `startApp` created, for tests and for shutdown. */
export interface RunningApp {
  /** Resolves once the window is created and the IPC channel registered (or startup failed). */
  readonly ready: Promise<void>
  mainWindow(): BrowserWindow | null
}

/**
 * Starts the desktop application. When another instance already runs, focuses it and quits.
 * A startup failure (database that cannot be opened, missing build) is shown in a French error
 * box, then the app quits.
 */
export function startApp(options: StartOptions): RunningApp {
  let window: BrowserWindow | null = null
  let backend: Backend | null = null
  const running: RunningApp = { ready: Promise.resolve(), mainWindow: () => window }

  // The page's own date pickers and spell checking follow Chromium's language, not the system's.
  app.commandLine.appendSwitch('lang', 'fr-FR')

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return running
  }
  app.enableSandbox()
  if (process.platform === 'win32') app.setAppUserModelId('fr.paysdemortagne.mutualisation')

  app.on('second-instance', () => {
    if (window === null || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    backend?.close()
    backend = null
  })

  const paths = appPaths(options.mainDir)

  const start = async (): Promise<void> => {
    await app.whenReady()
    hardenSession(session.defaultSession)
    backend = options.openBackend({
      dataDir: app.getPath('userData'),
      seed: 'demo',
      nativeBinding: nativeBindingFromEnv(process.env, app.isPackaged),
      // Browser mode on the same folder would otherwise write beside this window unseen.
      lockDataDir: true,
    })
    const opened = backend
    registerApiHandler(ipcMain, {
      backend: opened,
      isTrusted: (event) => isTrustedSender(event, window, paths.rendererUrl),
    })
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          devTools: !app.isPackaged,
          showAbout: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: 'À propos de Mutualisation',
              message: `Mutualisation ${app.getVersion()}`,
              detail:
                'Réservation des équipements, véhicules et agents partagés entre la Communauté de Communes du Pays de Mortagne et ses communes.\n\n' +
                `Données : ${opened.databasePath}`,
            })
          },
        }),
      ),
    )
    const created = createMainWindow(paths)
    window = created.window
    created.window.on('closed', () => {
      window = null
    })
    await created.loaded
  }

  const ready = start().catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error)
    console.error('[main] démarrage impossible', error)
    dialog.showErrorBox(
      'Mutualisation ne peut pas démarrer',
      `${detail}\n\nSi le problème persiste, contactez le responsable du pôle technique.`,
    )
    app.quit()
  })
  return { ready, mainWindow: () => window }
}
