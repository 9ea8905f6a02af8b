/**
 * Known attack paths against browser mode (electron/web/server.ts), beyond the basic ones of
 * tests/backend/web-server.test.ts: look-alike Origin and Host headers, method names smuggled in the
 * path, content types that are almost JSON, other HTTP verbs (no CORS answer ever), prototype keys
 * and pathological JSON bodies. After each, the server still answers a normal call.
 */
import { describe, expect, it } from 'vitest'
import type { WebServer } from '../../electron/web/server'
import { send as sendRaw, serve, type Reply } from '../backend/web-helpers'

/** A request as an attacker would forge it: POST unless told, JSON content type unless overridden. */
function send(
  server: WebServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return sendRaw(server, {
    ...options,
    method: options.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', ...options.headers },
  })
}

async function stillServes(server: WebServer): Promise<void> {
  const reply = await send(server, { path: '/api/hubs.list', body: '{}' })
  expect(reply.status).toBe(200)
  expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
}

function errorOf(reply: Reply): { code: string; message: string } {
  return (JSON.parse(reply.body) as { error: { code: string; message: string } }).error
}

describe('browser mode under attack', () => {
  it('refuses Origin headers that only look like its own', async () => {
    const server = await serve()
    const p = server.port
    for (const origin of [
      `http://127.0.0.1:${p}.evil.example`,
      `http://localhost:${p}@evil.example`,
      `http://127.0.0.1:${p}/`,
      `http://127.0.0.1:${p}/page`,
      `http://[::1]:${p}`,
      `http://127.0.0.2:${p}`,
      `http://0.0.0.0:${p}`,
      `http://127.0.0.1`,
      `file://`,
      '',
    ]) {
      const reply = await send(server, {
        path: '/api/communes.list',
        headers: { Origin: origin },
        body: '{}',
      })
      expect(reply.status, origin).toBe(403)
      expect(errorOf(reply).code, origin).toBe('FORBIDDEN')
    }
    await stillServes(server)
  })

  it('refuses Host headers that only look like its own (DNS rebinding)', async () => {
    const server = await serve()
    const p = server.port
    for (const host of [
      `127.0.0.1:${p}.evil.example`,
      `localhost.evil.example:${p}`,
      `127.0.0.1`,
      `localhost`,
      `0.0.0.0:${p}`,
      `[::ffff:127.0.0.1]:${p}`,
      `127.0.0.1:0${p}`,
    ]) {
      const reply = await send(server, { path: '/api/communes.list', headers: { Host: host }, body: '{}' })
      expect(reply.status, host).toBe(403)
    }
    await stillServes(server)
  })

  it('answers UNKNOWN_METHOD to names smuggled in the path, never a handler', async () => {
    const server = await serve()
    for (const path of [
      '/api/__proto__',
      '/api/constructor',
      '/api/hasOwnProperty',
      '/api/communes.list%00',
      '/api/communes.list/',
      '/api/communes%2Elist',
      '/api/%2e%2e%2fcommunes.list',
      '/api/',
    ]) {
      const reply = await send(server, { path, body: '{}' })
      expect(reply.status, path).toBe(404)
      expect(errorOf(reply).code, path).toBe('UNKNOWN_METHOD')
    }
    await stillServes(server)
  })

  it('takes no content type but JSON, and no verb but POST, and never answers CORS', async () => {
    const server = await serve()
    for (const type of [
      'application/json-patch+json',
      'text/json',
      'application/jsonx',
      'multipart/form-data; boundary=x',
      'text/plain; charset=application/json',
    ]) {
      const reply = await send(server, {
        path: '/api/hubs.list',
        headers: { 'Content-Type': type },
        body: '{}',
      })
      expect(reply.status, type).toBe(415)
    }
    for (const verb of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await send(server, {
        method: verb,
        path: '/api/hubs.list',
        headers: { 'Access-Control-Request-Method': 'POST' },
      })
      expect(reply.status, verb).toBe(405)
      expect(reply.headers['access-control-allow-origin'], verb).toBeUndefined()
    }
    await stillServes(server)
  })

  it('keeps prototype keys of a JSON body as refused fields: the server process is not polluted', async () => {
    const server = await serve()
    for (const body of [
      '{"__proto__":{"polluted":"oui"}}',
      '{"constructor":{"prototype":{"polluted":"oui"}}}',
      '{"kind":"equipment","name":"x","__proto__":{"polluted":"oui"}}',
    ]) {
      const reply = await send(server, { path: '/api/resources.create', body })
      expect(reply.status, body).toBe(200)
      expect(errorOf(reply).code, body).toBe('INVALID_INPUT')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
    expect(Object.keys(Object.prototype)).toEqual([])
  })

  it('answers pathological bodies with a short refusal and keeps running', async () => {
    const server = await serve()
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`
    const manyKeys = `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":1`).join(',')}}`
    for (const [label, body] of [
      ['deep nesting', deep],
      ['100 000 unknown keys', manyKeys],
      ['byte order mark', '\uFEFF{}'],
      ['NaN', 'NaN'],
      ['lone surrogate', '{"name":"\\ud800"}'],
    ] as const) {
      const reply = await send(server, { path: '/api/resources.list', body })
      expect([200, 400], label).toContain(reply.status)
      const error = errorOf(reply)
      expect(error.code, label).toBe('INVALID_INPUT')
      expect(error.message.length, label).toBeLessThanOrEqual(1000)
      expect(reply.body.length, `${label}: answer size`).toBeLessThan(100_000)
    }
    await stillServes(server)
  })
})
