/**
 * Browser mode: serves the built renderer and the API over HTTP (DESIGN.md, "Browser mode").
 * The API is only `POST /api/<method>` with `Content-Type: application/json`; a request whose `Host`
 * or `Origin` is not this server's own is refused, so no other web page can drive it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { ApiResult } from '../../shared/errors'
import type { Backend } from '../backend/types'
import { cookieSlot, isLoopbackHost, sessionCookieHeader, sessionCookieName } from './session-cookie'

/** Content-Security-Policy sent with every page: nothing but the app's own files and API. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Largest accepted request body, bytes (imports of spreadsheets travel as base64). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export interface WebServerOptions {
  readonly backend: Backend
  /** Folder of the built renderer (`index.html` and its assets). */
  readonly staticDir: string
  /** TCP port; 0 picks a free one. */
  readonly port: number
  /** Interface to bind; `127.0.0.1` by default. */
  readonly host?: string
}

export interface WebServer {
  /** `http://127.0.0.1:N` */
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: ApiResult<unknown>,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...securityHeaders,
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

function refuse(
  res: ServerResponse,
  status: number,
  code: 'FORBIDDEN' | 'INVALID_INPUT' | 'UNKNOWN_METHOD',
  message: string,
): void {
  sendJson(res, status, { ok: false, error: { code, message } })
}

/** The `host:port` values under which this server may be addressed. */
function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', host])
  return new Set([...names].map((name) => `${name.includes(':') ? `[${name}]` : name}:${port}`))
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        // Stop buffering but keep reading, so that the 413 answer reaches the client.
        req.removeAllListeners('data')
        req.resume()
        resolvePromise(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  backend: Backend,
  method: string,
  cookieName: string,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    refuse(res, 405, 'INVALID_INPUT', 'L’API ne répond qu’aux requêtes POST.')
    return
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    refuse(
      res,
      415,
      'INVALID_INPUT',
      'Le corps de la requête doit être du JSON (Content-Type: application/json).',
    )
    return
  }
  const text = await readBody(req)
  if (text === null) {
    res.setHeader('Connection', 'close')
    refuse(res, 413, 'INVALID_INPUT', 'Requête trop volumineuse (20 Mo au plus).')
    return
  }
  let input: unknown
  try {
    input = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    refuse(res, 400, 'INVALID_INPUT', 'Le corps de la requête n’est pas du JSON valide.')
    return
  }
  const session = cookieSlot(req, cookieName)
  const result = await backend.dispatch(method, input, { channel: 'http', session })
  const token = session.changed()
  sendJson(
    res,
    result.ok || result.error.code !== 'UNKNOWN_METHOD' ? 200 : 404,
    result,
    token === undefined ? {} : { 'Set-Cookie': sessionCookieHeader(cookieName, token) },
  )
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' })
    res.end()
    return
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // A malformed escape (`/%ZZ`) names no file: answer, never crash.
    res.writeHead(400, securityHeaders)
    res.end()
    return
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  let file = resolve(root, relative === '' ? 'index.html' : relative)
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(404, securityHeaders)
    res.end()
    return
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    // The renderer navigates inside one page: unknown paths without an extension get the page itself.
    if (extname(file) !== '') {
      res.writeHead(404, securityHeaders)
      res.end()
      return
    }
    file = join(root, 'index.html')
  }
  const type = contentTypes[extname(file)] ?? 'application/octet-stream'
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}

/**
 * While no account exists, whoever reaches the server acts as the local administrator: it may then
 * only listen on this machine.
 * @throws Error (French) for another interface when no account exists (or the database is in recovery)
 */
async function refuseNetworkWithoutAccounts(backend: Backend, host: string): Promise<void> {
  if (isLoopbackHost(host)) return
  const status = await backend.dispatch('auth.status', {}, { channel: 'http' })
  const accounts =
    status.ok && typeof status.value === 'object' && status.value !== null && 'accountsExist' in status.value
      ? status.value.accountsExist === true
      : false
  if (!accounts) {
    throw new Error(
      `Refus d’écouter sur ${host} : tant qu’aucun compte n’existe, n’importe qui sur le réseau serait ` +
        'administrateur. Lancez sans --host (127.0.0.1), créez un compte administrateur (page « Comptes »), ' +
        'puis relancez avec --host.',
    )
  }
}

/**
 * Starts the server and resolves once it listens.
 * @throws Error when `staticDir` has no `index.html` (the renderer was not built), the port is taken,
 *   or `host` is not a loopback address while no account exists
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  const root = resolve(options.staticDir)
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `L’interface n’est pas construite (${join(root, 'index.html')} manque) : lancez « npm run serve ».`,
    )
  }
  await refuseNetworkWithoutAccounts(options.backend, host)
  let hosts = new Set<string>()
  let origins = new Set<string>()
  let cookieName = ''
  const server: Server = createServer((req, res) => {
    const hostHeader = (req.headers.host ?? '').toLowerCase()
    if (!hosts.has(hostHeader)) {
      refuse(res, 403, 'FORBIDDEN', 'Hôte refusé : ce serveur ne répond qu’à sa propre adresse.')
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !origins.has(origin.toLowerCase())) {
      refuse(res, 403, 'FORBIDDEN', 'Origine refusée : seule l’application servie ici peut appeler son API.')
      return
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, options.backend, pathname.slice('/api/'.length), cookieName).catch(
        (error: unknown) => {
          console.error('[web] requête API en échec :', error)
          if (!res.headersSent) {
            sendJson(res, 500, {
              ok: false,
              error: { code: 'INTERNAL', message: 'Erreur interne du serveur.' },
            })
          }
        },
      )
      return
    }
    try {
      serveStatic(req, res, root, pathname)
    } catch (error) {
      console.error('[web] fichier non servi :', error)
      if (!res.headersSent) res.writeHead(500, securityHeaders)
      res.end()
    }
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => resolveListen())
  })
  const port = (server.address() as AddressInfo).port
  hosts = allowedHosts(host, port)
  cookieName = sessionCookieName(port)
  origins = new Set([...hosts].map((h) => `http://${h}`))
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      }),
  }
}
