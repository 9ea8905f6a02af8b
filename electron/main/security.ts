/**
 * Electron hardening, in one place: the window's web preferences, the session's CSP header and
 * permission handlers, and the navigation / new-window rules for every web contents.
 * Follows Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security).
 */
import type { Session, WebContents, WebPreferences } from 'electron'
import { contentSecurityPolicy } from './csp'

/**
 * The web preferences of the application window: isolated, sandboxed, no Node in the page.
 * The preload must be CommonJS (`index.cjs`) for a sandboxed window to load it.
 *
 * @example
 *   new BrowserWindow({ webPreferences: secureWebPreferences('/app/out/preload/index.cjs') })
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  }
}

/**
 * Adds the strict CSP header to every response the session receives, replacing any CSP the
 * response carried, and refuses every permission request (camera, notifications, geolocation…).
 */
export function hardenSession(session: Session): void {
  const policy = contentSecurityPolicy()
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      const lower = name.toLowerCase()
      if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue
      headers[name] = value
    }
    headers['Content-Security-Policy'] = [policy]
    callback({ responseHeaders: headers })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * Applies to every web contents the app creates: no navigation away from the loaded page (in-page
 * hash changes are not navigations and stay allowed), no new windows, no `<webview>`.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
