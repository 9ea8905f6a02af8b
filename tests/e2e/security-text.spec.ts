/**
 * Script in user text: a resource and a booking whose texts are HTML are stored as typed and shown as
 * literal text. The page's CSP would block inline handlers anyway, so `window.__xss` staying undefined
 * proves little on its own: the test also checks that no element was built from the text.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { dayFromToday } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

const resourceName = '<img src=x onerror="window.__xss=1">'
const stockName = '<script>window.__xss=2</script> Chaises'
const title = '<svg onload="window.__xss=3"><script>window.__xss=4</script>'

async function call<T>(page: Page, url: string, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${url}/api/${method}`, { data: input })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'refusé'}`)
  return body.value
}

/** Nothing was made of the texts: no element, no run script, no dialog. */
async function expectInert(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('svg[onload]')).toHaveCount(0)
  await expect(page.locator('script:not([src])')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
}

test('HTML in names and titles is shown as text on the inventory and bookings pages', async ({
  page,
  server,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const day = dayFromToday(70)
  const communes = await call<{ id: string; name: string }[]>(page, server.url, 'communes.list', {})
  const tiffauges = communes.find((c) => c.name === 'Tiffauges')
  if (!tiffauges) throw new Error('Tiffauges manque dans la démo')
  const unit = await call<{ id: string; name: string }>(page, server.url, 'resources.create', {
    kind: 'equipment',
    name: resourceName,
  })
  const stock = await call<{ id: string; name: string }>(page, server.url, 'resources.create', {
    kind: 'equipment',
    name: stockName,
    tracking: 'stock',
    quantity: 10,
  })
  expect([unit.name, stock.name]).toEqual([resourceName, stockName])
  const booking = await call<{ reference: string; title: string }>(page, server.url, 'bookings.create', {
    communeId: tiffauges.id,
    title,
    start: day.iso,
    end: day.iso,
    items: [{ resourceId: unit.id }, { resourceId: stock.id, quantity: 3 }],
  })
  expect(booking.title).toBe(title)

  await page.goto(`${server.url}/#/inventaire`)
  const table = page.getByTestId('resource-table')
  await expect(table.getByRole('link', { name: resourceName, exact: true })).toBeVisible()
  await expect(table.getByRole('link', { name: stockName, exact: true })).toBeVisible()
  await expectInert(page)
  await page.screenshot({ path: `${shots}/securite-texte-inventaire.png` })

  await table.getByRole('link', { name: resourceName, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(resourceName)
  await expectInert(page)

  await page.goto(`${server.url}/#/reservations`)
  const row = page.getByTestId('booking-list').locator(`[data-reference="${booking.reference}"]`)
  await expect(row).toContainText(title)
  await expect(row).toContainText(resourceName)
  await expect(row).toContainText(stockName)
  await expectInert(page)
  await row.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${shots}/securite-texte-reservations.png` })
  expect(dialogs).toEqual([])
})
