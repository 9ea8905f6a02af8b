import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../electron/web/server'
import { send, serve } from './web-helpers'

const json = { 'Content-Type': 'application/json' }

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and answers the API with the envelope', async () => {
    const server = await serve('demo')
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    const reply = await send(server, {
      method: 'POST',
      path: '/api/communes.list',
      headers: json,
      body: '{}',
    })
    expect(reply.status).toBe(200)
    const body = JSON.parse(reply.body) as { ok: boolean; value: unknown[] }
    expect(body.ok).toBe(true)
    expect(body.value).toHaveLength(11)
  })

  it('accepts its own Origin, under 127.0.0.1 or localhost', async () => {
    const server = await serve('demo')
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const reply = await send(server, {
        method: 'POST',
        path: '/api/hubs.list',
        headers: { ...json, Host: host, Origin: `http://${host}` },
        body: '{}',
      })
      expect(reply.status, host).toBe(200)
    }
  })

  it('refuses a foreign Origin (another web page trying to drive it)', async () => {
    const server = await serve('demo')
    for (const origin of [
      'https://evil.example',
      `http://127.0.0.1:${server.port + 1}`,
      'null',
      `https://127.0.0.1:${server.port}`,
    ]) {
      const reply = await send(server, {
        method: 'POST',
        path: '/api/communes.list',
        headers: { ...json, Origin: origin },
        body: '{}',
      })
      expect(reply.status, origin).toBe(403)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const server = await serve('demo')
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const api = await send(server, {
        method: 'POST',
        path: '/api/communes.list',
        headers: { ...json, Host: host },
        body: '{}',
      })
      expect(api.status, host).toBe(403)
      const page = await send(server, { path: '/', headers: { Host: host } })
      expect(page.status, host).toBe(403)
    }
  })

  it('takes only POST with JSON, and valid JSON', async () => {
    const server = await serve('demo')
    expect((await send(server, { path: '/api/communes.list' })).status).toBe(405)
    const form = await send(server, {
      method: 'POST',
      path: '/api/communes.list',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(form.status).toBe(415)
    const text = await send(server, {
      method: 'POST',
      path: '/api/communes.list',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(text.status).toBe(415)
    const broken = await send(server, {
      method: 'POST',
      path: '/api/communes.list',
      headers: json,
      body: '{"a":',
    })
    expect(broken.status).toBe(400)
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('answers 404 with UNKNOWN_METHOD for a method outside the contract', async () => {
    const server = await serve('demo')
    const reply = await send(server, {
      method: 'POST',
      path: '/api/db.exec',
      headers: json,
      body: '{"sql":"DROP TABLE bookings"}',
    })
    expect(reply.status).toBe(404)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const server = await serve('demo')
    const page = await send(server, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect((await send(server, { path: '/assets/app.js' })).headers['content-type']).toContain(
      'text/javascript',
    )
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/..%2Fsecret.txt',
    ]) {
      const reply = await send(server, { path })
      expect(reply.body, path).not.toContain('secret')
    }
    expect((await send(server, { path: '/missing.js' })).status).toBe(404)
  })

  it('answers a malformed address with 400 and keeps running', async () => {
    const server = await serve('demo')
    for (const path of ['/%ZZ', '/%FF', '/assets/%E0%A4%A']) {
      expect((await send(server, { path })).status, path).toBe(400)
    }
    const reply = await send(server, { method: 'POST', path: '/api/hubs.list', headers: json, body: '{}' })
    expect(reply.status).toBe(200)
  })

  it('answers 413 to a body over 20 MB, in JSON, and keeps running', async () => {
    const server = await serve('demo')
    const reply = await send(server, {
      method: 'POST',
      path: '/api/resources.import',
      headers: json,
      body: `{"fileName":"a.csv","contentBase64":"${'A'.repeat(21 * 1024 * 1024)}"}`,
    })
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(
      (await send(server, { method: 'POST', path: '/api/hubs.list', headers: json, body: '{}' })).status,
    ).toBe(200)
  })
})
