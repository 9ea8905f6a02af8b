/**
 * Browser mode (electron/web/server.ts) under test: a server on a fresh backend and a static folder,
 * closed after the test, and raw HTTP requests whose Host and Origin can be forged as an attacker would.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { startWebServer, type WebServer } from '../../electron/web/server'
import { makeBackend, tempDir } from './helpers'

const servers: WebServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

/**
 * A server on 127.0.0.1, any free port, closed after the test. Its static folder holds index.html and
 * assets/app.js; secret.txt sits beside that folder, for path traversal attempts.
 */
export async function serve(seed: 'demo' | 'empty' = 'empty'): Promise<WebServer> {
  const api = makeBackend(seed)
  const base = tempDir()
  const staticDir = join(base, 'web')
  mkdirSync(staticDir)
  writeFileSync(join(base, 'secret.txt'), 'secret')
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mutualisation</title>')
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  const server = await startWebServer({ backend: api.backend, staticDir, port: 0 })
  servers.push(server)
  return server
}

/** A response: status code, headers as Node gives them, body as text. */
export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request (GET unless told), with exactly the headers given. */
export function send(
  server: WebServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}
