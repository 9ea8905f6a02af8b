import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend, Caller } from '../../electron/backend/types'
import { registerApiHandler } from '../../electron/main/ipc'
import { isLoopbackHost, readCookie } from '../../electron/web/session-cookie'
import { startWebServer, type WebServer } from '../../electron/web/server'
import { makeTrustBackend, PASSWORD } from './accounts-helpers'
import { tempDir } from './helpers'

const servers: WebServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

function staticDir(): string {
  const dir = join(tempDir(), 'web')
  mkdirSync(dir)
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Mutualisation</title>')
  return dir
}

interface Reply {
  readonly status: number
  readonly setCookie: string[]
  readonly body: { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

function post(port: number, method: string, input: unknown, cookie?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            setCookie: res.headers['set-cookie'] ?? [],
            body: JSON.parse(text) as Reply['body'],
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(input))
  })
}

describe('browser mode sessions', () => {
  it('keeps the session in an HttpOnly, SameSite=Strict cookie set by sign-in and cleared by sign-out', async () => {
    const t = makeTrustBackend()
    await t.account(t.person(), 'a.durand', 'admin')
    const server = await startWebServer({ backend: t.backend, staticDir: staticDir(), port: 0 })
    servers.push(server)
    const name = `mutualisation_session_${server.port}`
    expect((await post(server.port, 'resources.list', {})).body.error?.code).toBe('UNAUTHENTICATED')
    const signIn = await post(server.port, 'auth.signIn', { login: 'a.durand', password: PASSWORD })
    expect(signIn.body.ok).toBe(true)
    expect(signIn.setCookie).toHaveLength(1)
    const cookie = signIn.setCookie[0] ?? ''
    expect(cookie).toMatch(
      new RegExp(`^${name}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/; Max-Age=604800$`),
    )
    const token = cookie.slice(name.length + 1, cookie.indexOf(';'))
    expect(JSON.stringify(signIn.body)).not.toContain(token)
    const pair = `${name}=${token}`
    const status = await post(server.port, 'auth.status', {}, `autre=1; ${pair}`)
    expect(status.body).toMatchObject({ ok: true, value: { user: { login: 'a.durand', role: 'admin' } } })
    expect(status.setCookie).toEqual([])
    const signOut = await post(server.port, 'auth.signOut', {}, pair)
    expect(signOut.setCookie).toEqual([`${name}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`])
    expect((await post(server.port, 'resources.list', {}, pair)).body.error?.code).toBe('UNAUTHENTICATED')
  })

  it('refuses to listen beyond this machine while no account exists', async () => {
    const t = makeTrustBackend()
    await expect(
      startWebServer({ backend: t.backend, staticDir: staticDir(), port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(
      'Refus d’écouter sur 0.0.0.0 : tant qu’aucun compte n’existe, n’importe qui sur le réseau serait administrateur. Lancez sans --host (127.0.0.1), créez un compte administrateur (page « Comptes »), puis relancez avec --host.',
    )
    await t.account(t.person(), 'a.durand', 'admin')
    const server = await startWebServer({
      backend: t.backend,
      staticDir: staticDir(),
      port: 0,
      host: '0.0.0.0',
    })
    servers.push(server)
    expect(server.url).toBe(`http://0.0.0.0:${server.port}`)
  })

  it('knows loopback addresses, and reads only well-formed tokens from cookies', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true)
    expect(['0.0.0.0', '192.168.1.10', '::', 'mairie.local', '128.0.0.1'].some(isLoopbackHost)).toBe(false)
    const req = (cookie: string) => ({ headers: { cookie } })
    expect(readCookie(req('a=1; s=AbCdEfGhIjKlMnOpQrSt_-12'), 's')).toBe('AbCdEfGhIjKlMnOpQrSt_-12')
    expect(readCookie(req('s=<script>'), 's')).toBeNull()
    expect(readCookie(req('xs=AbCdEfGhIjKlMnOpQrSt'), 's')).toBeNull()
  })
})

describe('Electron sessions', () => {
  it('live in the main process, one per window, never in what the page receives', async () => {
    const t = makeTrustBackend()
    await t.account(t.person(), 'a.durand', 'admin')
    const seen: Caller[] = []
    const backend: Pick<Backend, 'dispatch'> = {
      dispatch: (method, input, caller) => {
        seen.push(caller)
        return t.backend.dispatch(method, input, caller)
      },
    }
    let handler: ((event: IpcMainInvokeEvent, method: unknown, input: unknown) => Promise<unknown>) | null =
      null
    const ipcMain = {
      handle: (_channel: string, fn: typeof handler) => {
        handler = fn
      },
    } as unknown as Pick<IpcMain, 'handle'>
    registerApiHandler(ipcMain, { backend, isTrusted: () => true })
    const destroyed = new Map<number, () => void>()
    const windowEvent = (id: number) =>
      ({
        sender: { id, once: (_name: string, fn: () => void) => destroyed.set(id, fn) },
        senderFrame: null,
      }) as unknown as IpcMainInvokeEvent
    const call = (id: number, method: string, input: unknown) =>
      (handler as NonNullable<typeof handler>)(windowEvent(id), method, input) as Promise<{
        ok: boolean
        value?: { user?: { login: string } | null }
        error?: { code: string }
      }>
    const signIn = await call(1, 'auth.signIn', { login: 'a.durand', password: PASSWORD })
    expect(signIn.ok).toBe(true)
    // The window held no token when it signed in; the main process keeps the new one for it.
    expect(seen.at(-1)?.session?.token).toBeNull()
    expect((await call(1, 'auth.status', {})).value?.user?.login).toBe('a.durand')
    const windowToken = seen.at(-1)?.session?.token ?? ''
    expect(windowToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(JSON.stringify(signIn)).not.toContain(windowToken)
    expect((await call(2, 'auth.status', {})).value?.user).toBeNull()
    expect((await call(2, 'resources.list', {})).error?.code).toBe('UNAUTHENTICATED')
    destroyed.get(1)?.()
    expect((await call(1, 'auth.status', {})).value?.user).toBeNull()
  })
})
