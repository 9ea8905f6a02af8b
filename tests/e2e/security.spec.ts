import { expect, test } from './fixtures'

test('the API refuses a request from a foreign Origin', async ({ playwright, server }) => {
  const foreign = await playwright.request.newContext({
    extraHTTPHeaders: { Origin: 'https://evil.example' },
  })
  const reply = await foreign.post(`${server.url}/api/communes.list`, { data: {} })
  expect(reply.status()).toBe(403)
  expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  await foreign.dispose()

  const own = await playwright.request.newContext({ extraHTTPHeaders: { Origin: server.url } })
  const ok = await own.post(`${server.url}/api/communes.list`, { data: {} })
  expect(ok.status()).toBe(200)
  await own.dispose()
})

test('a page from another origin cannot read the API', async ({ page, server }) => {
  // A page served from another origin (about:blank has an opaque one) tries a CORS request.
  await page.goto('about:blank')
  const outcome = await page.evaluate(async (url) => {
    try {
      const res = await fetch(`${url}/api/bookings.list`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: '2026-01-01', to: '2028-01-01' }),
      })
      return `read ${res.status}`
    } catch {
      return 'blocked'
    }
  }, server.url)
  expect(outcome).toBe('blocked')
})

test('the page is served with a strict Content-Security-Policy', async ({ page, server }) => {
  const response = await page.goto(server.url)
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'")
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
})
