/**
 * The calendar's day view, agenda and « Toutes les communes », the .ics export and the week's PDF,
 * and the nearest free periods of Disponibilités, through browser mode. Dates are relative to today
 * (Europe/Paris); beyond 45 days no demo booking is in the way.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import { dayFromToday, type TestDay } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

interface Ids {
  readonly communes: ReadonlyMap<string, string>
  readonly resources: ReadonlyMap<string, string>
}

async function call<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(`${url}/api/${method}`, { data: input })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method} : ${body.error?.message ?? 'échec'}`)
  return body.value
}

async function ids(request: APIRequestContext, url: string): Promise<Ids> {
  const communes = await call<{ id: string; name: string }[]>(request, url, 'communes.list', {})
  const resources = await call<{ id: string; name: string }[]>(request, url, 'resources.list', {})
  return {
    communes: new Map(communes.map((c) => [c.name, c.id])),
    resources: new Map(resources.map((r) => [r.name, r.id])),
  }
}

async function book(
  request: APIRequestContext,
  url: string,
  known: Ids,
  commune: string,
  title: string,
  start: string,
  end: string,
  items: [string, number?][],
): Promise<string> {
  const booking = await call<{ reference: string }>(request, url, 'bookings.create', {
    communeId: known.communes.get(commune),
    title,
    start,
    end,
    items: items.map(([name, quantity]) => ({
      resourceId: known.resources.get(name),
      ...(quantity === undefined ? {} : { quantity }),
    })),
  })
  return booking.reference
}

/** From the calendar's month view, goes to `day`: the month, the week (day number), then the day. */
async function openDay(page: Page, day: TestDay): Promise<void> {
  await page.getByRole('button', { name: 'Mois', exact: true }).click()
  for (let i = 0; i < 4; i++) {
    if ((await page.getByTestId('calendar-title').textContent()) === day.monthTitle) break
    await page.getByRole('button', { name: 'Mois suivant' }).click()
  }
  await expect(page.getByTestId('calendar-title')).toHaveText(day.monthTitle)
  await page.getByTestId(`day-${day.iso}`).getByTitle('Voir la semaine').click()
  await expect(page.getByRole('button', { name: 'Semaine', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.getByTestId(`day-${day.iso}`).getByTitle('Voir la journée').click()
  await expect(page.getByRole('button', { name: 'Jour', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
}

test('day view, agenda and every commune coloured by commune', async ({ page, server }) => {
  const day = dayFromToday(60)
  const next = dayFromToday(61)
  const known = await ids(page.request, server.url)
  const haies = await book(
    page.request,
    server.url,
    known,
    'Tiffauges',
    'Taille des haies',
    `${day.iso}T09:00`,
    `${day.iso}T12:00`,
    [['Broyeur de végétaux']],
  )
  const fete = await book(
    page.request,
    server.url,
    known,
    'Tiffauges',
    'Fête des écoles',
    day.iso,
    next.iso,
    [
      ['Chaises pliantes', 60],
      ['Tables pliantes 2 m', 8],
    ],
  )
  const concert = await book(
    page.request,
    server.url,
    known,
    'La Gaubretière',
    'Concert de l’harmonie',
    `${day.iso}T14:00`,
    `${day.iso}T17:30`,
    [['Sonorisation portable']],
  )

  await page.goto(`${server.url}/#/calendrier`)
  await expect(page.getByRole('heading', { name: 'Calendrier', exact: true })).toBeVisible()
  await page.getByLabel('Commune').selectOption({ label: 'Tiffauges' })
  await openDay(page, day)

  // Day view: the day-long loan on top, the timed booking placed at 09:00 (3 hours below 06:00).
  const column = page.getByTestId(`day-${day.iso}`)
  await expect(column.getByTestId('day-allday').locator(`[data-reference="${fete}"]`)).toBeVisible()
  const timed = column.getByTestId('day-hours').locator(`[data-reference="${haies}"]`)
  await expect(timed).toBeVisible()
  await expect(timed).toHaveAttribute('data-start-minute', '540')
  await expect(timed).toContainText('09:00–12:00')
  await expect(timed).toContainText('Broyeur de végétaux')
  const grid = await column.getByTestId('day-hours').boundingBox()
  const box = await timed.boundingBox()
  expect(grid && box ? Math.round((box.y - grid.y) / 52) : -1).toBe(3)
  await expect(column.locator(`[data-reference="${concert}"]`)).toHaveCount(0) // La Gaubretière's
  await page.screenshot({ path: `${shots}/calendrier-jour.png`, fullPage: true })
  await timed.click()
  await expect(page.getByRole('dialog', { name: `Réservation ${haies}` })).toBeVisible()
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Jour suivant' }).click()
  await expect(page.getByTestId(`day-${next.iso}`).locator(`[data-reference="${fete}"]`)).toBeVisible()

  // Agenda: the month's bookings by day, with period, items and status.
  await page.getByRole('button', { name: 'Agenda', exact: true }).click()
  await expect(page.getByTestId('calendar-title')).toHaveText(day.monthTitle)
  const agendaDay = page.locator(`[data-testid="agenda-day"][data-date="${day.iso}"]`)
  await expect(agendaDay.getByTestId('agenda-item')).toHaveCount(2)
  await expect(agendaDay.getByTestId('agenda-item').first()).toHaveAttribute('data-reference', fete)
  const feteItem = agendaDay.locator(`[data-reference="${fete}"]`)
  await expect(feteItem).toContainText(`${day.fr} – ${next.fr}`)
  await expect(feteItem).toContainText('Chaises pliantes × 60')
  await expect(feteItem).toContainText('Acceptée')
  await expect(agendaDay.locator(`[data-reference="${haies}"]`)).toContainText(`${day.fr} 09:00–12:00`)
  await expect(page.locator(`[data-testid="agenda-day"][data-date="${next.iso}"]`)).toHaveCount(0)
  await page.screenshot({ path: `${shots}/calendrier-agenda.png`, fullPage: true })

  // Toutes les communes: La Gaubretière's concert joins, each commune in its own colour.
  await page.getByLabel('Commune').selectOption({ label: 'Toutes les communes' })
  await expect(agendaDay.getByTestId('agenda-item')).toHaveCount(3)
  await expect(agendaDay.locator(`[data-reference="${concert}"]`)).toContainText('La Gaubretière')
  const legend = page.getByTestId('legend-commune')
  await expect(legend.filter({ hasText: 'Tiffauges' })).toHaveCount(1)
  await expect(legend.filter({ hasText: 'La Gaubretière' })).toHaveCount(1)
  await page.screenshot({ path: `${shots}/calendrier-agenda-toutes-communes.png`, fullPage: true })

  await page.getByRole('button', { name: 'Semaine', exact: true }).click()
  await page.getByRole('button', { name: 'Jour', exact: true }).click()
  await page.getByRole('button', { name: 'Jour précédent' }).click()
  const all = page.getByTestId(`day-${day.iso}`)
  const concertEvent = all.locator(`[data-reference="${concert}"]`)
  const haiesEvent = all.locator(`[data-reference="${haies}"]`)
  await expect(concertEvent).toContainText('La Gaubretière')
  const colourOf = (className: string | null) => /commune-color-\d/.exec(className ?? '')?.[0] ?? ''
  const concertColour = colourOf(await concertEvent.getAttribute('class'))
  const haiesColour = colourOf(await haiesEvent.getAttribute('class'))
  expect(concertColour).not.toBe('')
  expect(haiesColour).not.toBe('')
  expect(concertColour).not.toBe(haiesColour)
  await page.screenshot({ path: `${shots}/calendrier-jour-toutes-communes.png`, fullPage: true })

  await page.getByRole('button', { name: 'Semaine', exact: true }).click()
  await expect(page.getByTestId(`day-${day.iso}`).locator(`[data-reference="${concert}"]`)).toBeVisible()
  await page.screenshot({ path: `${shots}/calendrier-semaine-toutes-communes.png`, fullPage: true })
  await page.getByRole('button', { name: "Aujourd'hui" }).click()
  await page.getByRole('button', { name: 'Mois', exact: true }).click()
  await page.screenshot({ path: `${shots}/calendrier-mois-toutes-communes.png`, fullPage: true })
})

test('the commune’s bookings as .ics, and the week’s planning as PDF', async ({ page, server }) => {
  const day = dayFromToday(60)
  const known = await ids(page.request, server.url)
  const reference = await book(
    page.request,
    server.url,
    known,
    'Tiffauges',
    'Taille des haies',
    `${day.iso}T09:00`,
    `${day.iso}T12:00`,
    [['Broyeur de végétaux']],
  )
  await page.goto(`${server.url}/#/calendrier`)
  await page.getByLabel('Commune').selectOption({ label: 'Tiffauges' })

  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter (.ics)' }).click(),
  ])
  expect(ics.suggestedFilename()).toBe('reservations-tiffauges.ics')
  const text = readFileSync(await ics.path(), 'utf8')
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  expect(text).toContain('X-WR-CALNAME:Mutualisation — Tiffauges')
  expect(text).toContain(`SUMMARY:${reference} · Taille des haies`)
  expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/)

  await openDay(page, day)
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Imprimer la semaine (PDF)' }).click(),
  ])
  expect(pdf.suggestedFilename()).toMatch(/^planning-semaine-\d{4}-\d{2}-\d{2}\.pdf$/)
  const bytes = readFileSync(await pdf.path())
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
})

test('Disponibilités proposes the nearest free periods and fills the one chosen', async ({
  page,
  server,
}) => {
  const day = dayFromToday(70)
  const before = dayFromToday(69)
  const after = dayFromToday(71)
  const known = await ids(page.request, server.url)
  await book(page.request, server.url, known, 'Tiffauges', 'Broyage', day.iso, day.iso, [
    ['Broyeur de végétaux'],
  ])

  await page.goto(`${server.url}/#/disponibilites`)
  await expect(page.getByRole('heading', { name: 'Disponibilités', exact: true })).toBeVisible()
  await page.getByLabel('Premier jour').fill(day.fr)
  await page.getByLabel('Dernier jour').fill(day.fr)
  await page.getByLabel('Ressource recherchée').selectOption({ label: 'Broyeur de végétaux' })
  await page.getByRole('button', { name: 'Rechercher' }).click()

  await expect(page.getByText('« Broyeur de végétaux » n’est pas libre sur cette période.')).toBeVisible()
  const suggestions = page.getByTestId('suggestions')
  await expect(suggestions).toHaveAttribute('data-status', 'ready')
  await expect(suggestions.getByRole('heading', { name: 'Périodes proches disponibles' })).toBeVisible()
  const buttons = suggestions.getByTestId('suggestion')
  await expect(buttons).toHaveCount(5)
  await expect(buttons.nth(0)).toHaveAttribute('data-start', before.iso)
  await expect(buttons.nth(0)).toContainText('1 jour avant')
  await expect(buttons.nth(1)).toHaveAttribute('data-start', after.iso)
  await expect(buttons.nth(1)).toContainText('1 jour après')
  await page.screenshot({ path: `${shots}/disponibilites-suggestions.png`, fullPage: true })

  await buttons.nth(1).click()
  await expect(page.getByLabel('Premier jour')).toHaveValue(after.fr)
  await expect(page.getByLabel('Dernier jour')).toHaveValue(after.fr)
  const free = page.getByTestId('free-resources')
  await expect(free.getByRole('row', { name: /Broyeur de végétaux/ })).toContainText('Libre')
  await expect(page.getByTestId('suggestions')).toHaveCount(0)
  await page.screenshot({ path: `${shots}/disponibilites-suggestion-choisie.png`, fullPage: true })
})
