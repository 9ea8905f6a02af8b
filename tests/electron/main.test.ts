/**
 * The Electron main process's security settings and IPC gate, with `electron` mocked (its binary
 * is not installed on test machines; `require('electron')` throws under Node).
 */
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Backend, BackendOptions } from '../../electron/backend/types'

type Listener = (...args: unknown[]) => unknown

/** A minimal event emitter standing in for Electron objects. */
class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener)
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args)
  }
}

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; instance: unknown }>,
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    singleInstance: true,
  }
  /** Electron functions the tests look at, as standalone mocks. */
  const mocks = {
    requestSingleInstanceLock: vi.fn(() => state.singleInstance),
    appendSwitch: vi.fn(),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    showErrorBox: vi.fn(),
    onHeadersReceived: vi.fn(),
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  }
  return { state, mocks }
})

vi.mock('electron', () => {
  class Emitter {
    readonly listeners = new Map<string, Array<(...args: unknown[]) => unknown>>()
    on(name: string, listener: (...args: unknown[]) => unknown) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
      return this
    }
    once(name: string, listener: (...args: unknown[]) => unknown) {
      return this.on(name, listener)
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args)
    }
  }
  class WebContents extends Emitter {
    readonly id = 7
    readonly mainFrame = { processId: 3, routingId: 1, url: '', parent: null }
    windowOpenHandler: (() => unknown) | undefined
    setWindowOpenHandler(handler: () => unknown) {
      this.windowOpenHandler = handler
    }
  }
  class BrowserWindow extends Emitter {
    readonly webContents = new WebContents()
    loadedUrl: string | undefined
    constructor(options: Record<string, unknown>) {
      super()
      fake.state.windows.push({ options, instance: this })
    }
    loadURL(url: string) {
      this.loadedUrl = url
      return Promise.resolve()
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    show() {}
    focus() {}
    restore() {}
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: fake.mocks.requestSingleInstanceLock,
    commandLine: { appendSwitch: fake.mocks.appendSwitch },
    enableSandbox: fake.mocks.enableSandbox,
    setAppUserModelId: vi.fn(),
    quit: fake.mocks.quit,
    whenReady: fake.mocks.whenReady,
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getVersion: () => '0.1.0',
  })
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: fake.mocks.onHeadersReceived },
      setPermissionRequestHandler: fake.mocks.setPermissionRequestHandler,
      setPermissionCheckHandler: fake.mocks.setPermissionCheckHandler,
    },
  }
  return {
    app,
    BrowserWindow,
    session,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
        fake.state.handlers.set(channel, handler)
      }),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    dialog: {
      showErrorBox: fake.mocks.showErrorBox,
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
    },
  }
})

const electron = await import('electron')
const { startApp } = await import('../../electron/main/app')
const { secureWebPreferences, hardenSession, hardenWebContents } =
  await import('../../electron/main/security')
const { appPaths, isAppRendererUrl, nativeBindingFromEnv, NATIVE_BINDING_ENV } =
  await import('../../electron/main/paths')
const { FORBIDDEN_RESULT } = await import('../../electron/main/ipc')
const { menuTemplate } = await import('../../electron/main/menu')
const { contentSecurityPolicy } = await import('../../electron/main/csp')

const mainDir = '/opt/mutualisation/out/main'
const rendererUrl = 'file:///opt/mutualisation/out/renderer/index.html'

interface FakeWindow {
  webContents: { id: number; mainFrame: { processId: number; routingId: number } }
  loadedUrl?: string
}

function fakeBackend() {
  const dispatch = vi.fn<Backend['dispatch']>(() => Promise.resolve({ ok: true, value: 'résultat' }))
  const close = vi.fn()
  const openBackend = vi.fn((_options: BackendOptions): Backend => ({
    dispatch,
    close,
    databasePath: '/fake/userData/db.sqlite',
  }))
  return { dispatch, close, openBackend }
}

function frame(
  url: string,
  overrides: Partial<{ parent: unknown; processId: number; routingId: number }> = {},
) {
  return { url, parent: null, processId: 3, routingId: 1, ...overrides }
}

function ipcEvent(senderFrame: unknown, senderId = 7): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame } as unknown as IpcMainInvokeEvent
}

async function started() {
  const backend = fakeBackend()
  const running = startApp({ openBackend: backend.openBackend, mainDir })
  await running.ready
  const handler = fake.state.handlers.get('api')
  if (handler === undefined) throw new Error('no api handler registered')
  const call = (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    handler(event, method, input) as Promise<unknown>
  return { ...backend, running, call }
}

beforeEach(() => {
  fake.state.windows.length = 0
  fake.state.handlers.clear()
  fake.state.singleInstance = true
  vi.clearAllMocks()
})

describe('window web preferences', () => {
  it('are isolated, sandboxed and without Node', () => {
    const prefs = secureWebPreferences('/x/out/preload/index.cjs')
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
  })

  it('are the ones the app window is created with, with the CommonJS preload, loading the file:// renderer', async () => {
    const { running } = await started()
    expect(fake.state.windows).toHaveLength(1)
    const created = fake.state.windows[0]!
    const prefs = created.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(prefs.preload).toBe(appPaths(mainDir).preload)
    expect(String(prefs.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/)
    expect((created.instance as FakeWindow).loadedUrl).toBe(rendererUrl)
    expect(running.mainWindow()).toBe(created.instance)
  })

  it('enables the sandbox for every renderer and takes the single-instance lock', async () => {
    await started()
    expect(fake.mocks.enableSandbox).toHaveBeenCalled()
    expect(fake.mocks.requestSingleInstanceLock).toHaveBeenCalled()
  })

  it('speaks French in Chromium too (date pickers, spell checking)', async () => {
    await started()
    expect(fake.mocks.appendSwitch).toHaveBeenCalledWith('lang', 'fr-FR')
  })

  it('quits without a window when another instance already runs', async () => {
    fake.state.singleInstance = false
    const backend = fakeBackend()
    await startApp({ openBackend: backend.openBackend, mainDir }).ready
    expect(fake.mocks.quit).toHaveBeenCalled()
    expect(backend.openBackend).not.toHaveBeenCalled()
    expect(fake.state.windows).toHaveLength(0)
  })

  it('opens the backend in the per-user folder with the demo seed', async () => {
    const { openBackend } = await started()
    expect(openBackend).toHaveBeenCalledWith({
      dataDir: '/fake/userData',
      seed: 'demo',
      nativeBinding: undefined,
      lockDataDir: true,
    })
  })

  it('shows a French error and quits when the backend cannot be opened', async () => {
    const running = startApp({
      openBackend: () => {
        throw new Error('La base de données est plus récente que cette version de Mutualisation.')
      },
      mainDir,
    })
    await running.ready
    expect(fake.mocks.showErrorBox).toHaveBeenCalledWith(
      'Mutualisation ne peut pas démarrer',
      expect.stringContaining('plus récente'),
    )
    expect(fake.mocks.quit).toHaveBeenCalled()
  })
})

describe('web contents hardening', () => {
  function contents() {
    const emitter = new FakeEmitter()
    let openHandler: (() => unknown) | undefined
    const wc = Object.assign(emitter, {
      setWindowOpenHandler: (handler: () => unknown) => {
        openHandler = handler
      },
    })
    hardenWebContents(wc as unknown as WebContents)
    return { wc, openHandler: () => openHandler }
  }

  it('prevents every navigation', () => {
    const { wc } = contents()
    const event = { preventDefault: vi.fn() }
    wc.emit('will-navigate', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })

  it('prevents <webview> attachment', () => {
    const { wc } = contents()
    const event = { preventDefault: vi.fn() }
    wc.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })

  it('denies window.open', () => {
    const { openHandler } = contents()
    expect(openHandler()?.()).toEqual({ action: 'deny' })
  })

  it('is applied to every web contents the app creates', async () => {
    await started()
    const wc = Object.assign(new FakeEmitter(), { setWindowOpenHandler: vi.fn() })
    ;(electron.app as unknown as FakeEmitter).emit('web-contents-created', {}, wc)
    const event = { preventDefault: vi.fn() }
    wc.emit('will-navigate', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(wc.setWindowOpenHandler).toHaveBeenCalled()
  })
})

describe('session hardening', () => {
  function hardened() {
    const onHeadersReceived = vi.fn()
    const setPermissionRequestHandler = vi.fn()
    const setPermissionCheckHandler = vi.fn()
    hardenSession({
      webRequest: { onHeadersReceived },
      setPermissionRequestHandler,
      setPermissionCheckHandler,
    } as unknown as Session)
    return { onHeadersReceived, setPermissionRequestHandler, setPermissionCheckHandler }
  }

  it('sets the strict CSP header, replacing any other', () => {
    const { onHeadersReceived } = hardened()
    const listener = onHeadersReceived.mock.calls[0]![0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void
    const callback = vi.fn()
    listener(
      {
        responseHeaders: {
          'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
          'X-Other': ['1'],
        },
      },
      callback,
    )
    const headers = (callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> })
      .responseHeaders
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy()])
    expect(headers['content-security-policy']).toBeUndefined()
    expect(headers['X-Other']).toEqual(['1'])
    const policy = contentSecurityPolicy()
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).not.toContain('unsafe-inline')
  })

  it('denies every permission request and check', () => {
    const { setPermissionRequestHandler, setPermissionCheckHandler } = hardened()
    const request = setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void
    const callback = vi.fn()
    request({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    const check = setPermissionCheckHandler.mock.calls[0]![0] as () => boolean
    expect(check()).toBe(false)
  })

  it('is applied to the default session at startup', async () => {
    await started()
    expect(fake.mocks.onHeadersReceived).toHaveBeenCalled()
    expect(fake.mocks.setPermissionRequestHandler).toHaveBeenCalled()
  })
})

describe('the api IPC channel', () => {
  it('is the only channel registered', async () => {
    await started()
    expect([...fake.state.handlers.keys()]).toEqual(['api'])
  })

  it('refuses a foreign sender frame with FORBIDDEN, without reaching the backend', async () => {
    const { call, dispatch } = await started()
    const result = await call(ipcEvent(frame('https://evil.example/')), 'bookings.list', {})
    expect(result).toEqual(FORBIDDEN_RESULT)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(FORBIDDEN_RESULT.ok === false && FORBIDDEN_RESULT.error.message).toMatch(/refusé/)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it.each([
    ['a destroyed frame', ipcEvent(null)],
    ['a sub-frame showing the app page', ipcEvent(frame(rendererUrl, { parent: {} }))],
    ['another frame of the same process', ipcEvent(frame(rendererUrl, { routingId: 2 }))],
    ['another web contents', ipcEvent(frame(rendererUrl), 8)],
    ['another local file', ipcEvent(frame('file:///opt/mutualisation/out/renderer/evil.html'))],
    ['a data: page', ipcEvent(frame('data:text/html,<script>api</script>'))],
  ])('refuses %s', async (_name, event) => {
    const { call, dispatch } = await started()
    await expect(call(event, 'communes.list', {})).resolves.toEqual(FORBIDDEN_RESULT)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it("forwards the app page's call to backend.dispatch with the ipc channel", async () => {
    const { call, dispatch } = await started()
    const input = { communeId: 'c1', title: 'Fête', start: '2027-05-14', end: '2027-05-15', items: [] }
    const result = await call(ipcEvent(frame(`${rendererUrl}#/planning`)), 'bookings.create', input)
    expect(dispatch).toHaveBeenCalledTimes(1)
    const [method, sent, caller] = dispatch.mock.calls[0] ?? []
    // The caller carries its window's session slot (no token until it signs in).
    expect([method, sent, caller?.channel, caller?.session?.token]).toEqual([
      'bookings.create',
      input,
      'ipc',
      null,
    ])
    expect(result).toEqual({ ok: true, value: 'résultat' })
  })

  it('is registered only once the app is ready', async () => {
    const backend = fakeBackend()
    let resolveReady: () => void = () => {}
    fake.mocks.whenReady.mockReturnValueOnce(
      new Promise<void>((resolve) => {
        resolveReady = resolve
      }),
    )
    const running = startApp({ openBackend: backend.openBackend, mainDir })
    expect(fake.state.handlers.has('api')).toBe(false)
    resolveReady()
    await running.ready
    expect(fake.state.handlers.has('api')).toBe(true)
  })

  it('turns a thrown backend error into an INTERNAL envelope', async () => {
    const { call, dispatch } = await started()
    dispatch.mockRejectedValueOnce(new Error('disque plein'))
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(call(ipcEvent(frame(rendererUrl)), 'communes.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
    spy.mockRestore()
  })

  it('refuses a call without a method name', async () => {
    const { call, dispatch } = await started()
    await expect(call(ipcEvent(frame(rendererUrl)), 42, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    })
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('renderer URL check', () => {
  it('accepts the page with a route, refuses look-alikes', () => {
    expect(isAppRendererUrl(`${rendererUrl}#/ressources`, rendererUrl, 'linux')).toBe(true)
    expect(isAppRendererUrl(`${rendererUrl}?x=1`, rendererUrl, 'linux')).toBe(true)
    expect(
      isAppRendererUrl('file:///opt/mutualisation/out/renderer/index.html.evil', rendererUrl, 'linux'),
    ).toBe(false)
    expect(
      isAppRendererUrl('file://evil-host/opt/mutualisation/out/renderer/index.html', rendererUrl, 'linux'),
    ).toBe(false)
    expect(isAppRendererUrl('http://127.0.0.1:5173/', rendererUrl, 'linux')).toBe(false)
    expect(isAppRendererUrl('not a url', rendererUrl, 'linux')).toBe(false)
  })

  it('compares Windows paths decoded and case-insensitively', () => {
    const expected =
      'file:///C:/Users/J%C3%A9r%C3%B4me/AppData/Local/Programs/Mutualisation/resources/app.asar/out/renderer/index.html'
    const actual =
      'file:///c:/Users/Jérôme/AppData/Local/Programs/Mutualisation/resources/app.asar/out/renderer/index.html#/'
    expect(isAppRendererUrl(actual, expected, 'win32')).toBe(true)
    expect(isAppRendererUrl(actual, expected, 'linux')).toBe(false)
  })
})

describe('native binding from the environment', () => {
  it('is unset by default and in a packaged app', () => {
    expect(nativeBindingFromEnv({}, false)).toBeUndefined()
    expect(nativeBindingFromEnv({ [NATIVE_BINDING_ENV]: '/x.node' }, true, () => true)).toBeUndefined()
  })

  it('passes an existing addon, refuses a missing one in French', () => {
    expect(nativeBindingFromEnv({ [NATIVE_BINDING_ENV]: '/x.node' }, false, () => true)).toBe('/x.node')
    expect(() => nativeBindingFromEnv({ [NATIVE_BINDING_ENV]: '/x.node' }, false, () => false)).toThrow(
      /introuvable.*npm start/,
    )
  })
})

describe('application menu', () => {
  it('is French and shows the developer tools only in development', () => {
    const labels = (devTools: boolean) => menuTemplate({ devTools, showAbout: () => {} })
    expect(labels(false).map((item) => item.label)).toEqual([
      'Fichier',
      'Édition',
      'Affichage',
      'Fenêtre',
      'Aide',
    ])
    const roles = (devTools: boolean) =>
      JSON.stringify(
        labels(devTools).map((item) => item.submenu),
        (_key, value: unknown) => value,
      )
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })
})
