/**
 * The planning board through browser mode: the demo bookings on the board, a refused drag that
 * snaps back with the backend's explanation, a valid drag stored (checked with `bookings.get`),
 * keyboard navigation, and screenshots of the week and month views.
 */
import { mkdirSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { dayFromToday, type TestDay } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

interface Named {
  readonly id: string
  readonly name: string
}

interface ApiBooking {
  readonly id: string
  readonly reference: string
  readonly title: string
  readonly startDate: string | null
  readonly endDate: string | null
  readonly start: string
  readonly items: readonly { resourceId: string }[]
}

async function call<T>(page: Page, url: string, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${url}/api/${method}`, { data: input })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'erreur'}`)
  return body.value
}

async function idOf(page: Page, url: string, method: string, name: string): Promise<string> {
  const list = await call<Named[]>(page, url, method, {})
  const found = list.find((item) => item.name === name)
  if (!found) throw new Error(`${name} introuvable`)
  return found.id
}

/** The first Monday at least `days` days from today (Europe/Paris), and the days after it. */
function mondayFrom(days: number): (offset: number) => TestDay {
  let start = days
  while (new Date(`${dayFromToday(start).iso}T12:00:00Z`).getUTCDay() !== 1) start++
  return (offset: number) => dayFromToday(start + offset)
}

async function openPlanning(page: Page, url: string, hash = '#/planning'): Promise<void> {
  await page.goto(`${url}/${hash}`)
  await expect(page.getByRole('heading', { name: 'Planning', exact: true })).toBeVisible()
  await expect(page.getByTestId('planning-grid')).toHaveAttribute('data-ready', 'true')
}

async function goTo(page: Page, day: TestDay): Promise<void> {
  await page.getByLabel('Aller au').fill(day.fr)
  await page.getByRole('button', { name: 'Aller', exact: true }).click()
  await expect(page.locator(`[data-testid="planning-colhead"][data-date="${day.iso}"]`)).toBeVisible()
}

function asDay(iso: string): TestDay {
  return { iso, fr: `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`, monthTitle: '' }
}

function row(page: Page, resourceName: string): Locator {
  return page.locator(`[data-testid="planning-row"][data-resource-name="${resourceName}"]`)
}

function bar(page: Page, reference: string): Locator {
  return page.locator(`[data-testid="planning-bar"][data-reference="${reference}"]`)
}

/** Presses at `box` and moves the pointer by `dx` pixels in small steps (the button stays down). */
async function drag(page: Page, box: { x: number; y: number }, dx: number): Promise<void> {
  await page.mouse.move(box.x, box.y)
  await page.mouse.down()
  await page.mouse.move(box.x + dx / 2, box.y, { steps: 5 })
  await page.mouse.move(box.x + dx, box.y, { steps: 5 })
}

async function centre(locator: Locator): Promise<{ x: number; y: number; width: number; left: number }> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('élément invisible')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width, left: box.x }
}

test('the board shows the demo bookings, holidays and unavailabilities, by week and by month', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  const from = dayFromToday(0)
  const to = dayFromToday(45)
  const bookings = await call<ApiBooking[]>(page, server.url, 'bookings.list', { from: from.iso, to: to.iso })
  expect(bookings.length).toBeGreaterThanOrEqual(5)
  const market = bookings.find((b) => b.title === 'Marché de Noël')
  if (!market?.startDate) throw new Error('réservation de démonstration manquante')
  const saturday = market.startDate

  await openPlanning(page, server.url)
  await expect(page.getByRole('link', { name: 'Planning' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('button', { name: 'Semaine', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await goTo(page, asDay(saturday))
  // Each demo booking of that week is drawn on each of its resources' rows.
  await expect(
    row(page, "Grilles d'exposition").locator(`[data-reference="${market.reference}"]`),
  ).toBeVisible()
  await expect(
    row(page, 'Tables pliantes 2 m').locator(`[data-reference="${market.reference}"]`),
  ).toBeVisible()
  const telethon = bookings.find((b) => b.title === 'Téléthon : repas et animations')
  await expect(
    row(page, 'Chaises pliantes').locator(`[data-reference="${telethon?.reference}"]`),
  ).toBeVisible()
  // Stock rows show what is left: 120 chairs, 80 lent for the Téléthon.
  await expect(row(page, 'Chaises pliantes').locator(`[data-date="${saturday}"]`)).toHaveAttribute(
    'aria-label',
    new RegExp(`^Chaises pliantes, samedi \\d+ \\S+ \\d{4}, 40 libres, 1 réservation$`),
  )
  // The barriers under repair: an unavailability bar with its reason, and 74 of 80 left.
  await expect(row(page, 'Barrières de ville 2,50 m').getByTestId('planning-unavailability')).toContainText(
    'Pieds tordus',
  )
  await expect(row(page, 'Barrières de ville 2,50 m').locator(`[data-date="${saturday}"]`)).toHaveAttribute(
    'aria-label',
    /, 74 libres$/,
  )
  await page.screenshot({ path: `${shots}/planning-semaine.png` })

  // Month view: the next public holiday is shaded, named in its tooltip.
  const holidays = await call<{ date: string; name: string }[]>(page, server.url, 'holidays.list', {
    from: from.iso,
    to: dayFromToday(120).iso,
  })
  const holiday = holidays[0]
  if (!holiday) throw new Error('aucun jour férié dans les quatre mois')
  await page.getByRole('button', { name: 'Mois', exact: true }).click()
  await goTo(page, asDay(holiday.date))
  const head = page.locator(`[data-testid="planning-colhead"][data-date="${holiday.date}"]`)
  await expect(head).toHaveClass(/planning-colhead--holiday/)
  await expect(head).toHaveAttribute('title', `Jour férié : ${holiday.name}`)
  await expect(page.getByTestId('planning-title')).toHaveText(
    new RegExp(`^[A-ZÉ][a-zéû]+ ${holiday.date.slice(0, 4)}$`),
  )
  await page.screenshot({ path: `${shots}/planning-mois.png` })

  // The day zoom: hours as columns, the barriers' repair starting at 08:00 today.
  await page.getByRole('button', { name: 'Jour', exact: true }).click()
  await expect(page.getByTestId('planning-grid')).toHaveAttribute('data-granularity', 'hour')
  await page.getByRole('button', { name: "Aujourd'hui" }).click()
  await expect(page.locator('[data-testid="planning-colhead"]').filter({ hasText: '08:00' })).toBeVisible()
  await page.screenshot({ path: `${shots}/planning-jour.png` })
})

test('a drag onto a booked day is refused: the bar returns and the board says why', async ({
  page,
  server,
}) => {
  const day = mondayFrom(60)
  const [tiffauges, gaubretiere, trailer] = await Promise.all([
    idOf(page, server.url, 'communes.list', 'Tiffauges'),
    idOf(page, server.url, 'communes.list', 'La Gaubretière'),
    idOf(page, server.url, 'resources.list', 'Remorque plateau 3,5 t'),
  ])
  const first = await call<ApiBooking>(page, server.url, 'bookings.create', {
    communeId: tiffauges,
    title: 'Élagage des tilleuls',
    start: day(0).iso,
    end: day(0).iso,
    items: [{ resourceId: trailer }],
  })
  const second = await call<ApiBooking>(page, server.url, 'bookings.create', {
    communeId: gaubretiere,
    title: 'Illuminations de la mairie',
    start: day(2).iso,
    end: day(2).iso,
    items: [{ resourceId: trailer }],
  })

  await openPlanning(page, server.url)
  await goTo(page, day(0))
  // The rows are virtualised: the search brings the trailer's row into view (accents and case ignored).
  await page.getByLabel('Rechercher une ressource').fill('remorque')
  await expect(page.getByTestId('planning-row')).toHaveCount(1)
  const moving = bar(page, second.reference)
  await expect(moving).toBeVisible()
  const before = await centre(moving)
  const column = await centre(row(page, 'Remorque plateau 3,5 t').locator(`[data-date="${day(0).iso}"]`))

  // Escape cancels a drag: nothing is sent, the bar is where it was.
  await drag(page, before, -column.width)
  await expect(moving).toHaveAttribute('data-state', 'ok')
  await page.keyboard.press('Escape')
  await page.mouse.up()
  await expect(moving).not.toHaveAttribute('data-state', /.+/)
  expect((await centre(moving)).left).toBeCloseTo(before.left, 0)
  await expect(page.getByTestId('planning-message')).toHaveCount(0)

  // Two days to the left lands on the Tiffauges booking: red while dragging, refused on drop.
  await drag(page, before, -2 * column.width)
  await expect(moving).toHaveAttribute('data-state', 'conflict')
  await expect(moving.getByTestId('planning-drag-hint')).toContainText(first.reference)
  await page.screenshot({ path: `${shots}/planning-glisser-conflit.png` })
  await page.mouse.up()
  const message = page.getByTestId('planning-message')
  await expect(message).toHaveAttribute('data-tone', 'error')
  await expect(message).toContainText(`${second.reference} n’a pas été déplacée`)
  await expect(message).toContainText(`réservation ${first.reference} (Tiffauges, « Élagage des tilleuls »)`)
  await expect(moving).not.toHaveClass(/planning-bar--saving/)
  expect((await centre(moving)).left).toBeCloseTo(before.left, 0)
  const unchanged = await call<ApiBooking>(page, server.url, 'bookings.get', { id: second.id })
  expect([unchanged.startDate, unchanged.endDate]).toEqual([day(2).iso, day(2).iso])
  await page.screenshot({ path: `${shots}/planning-refus.png` })
})

test('a valid drag moves the booking and a dragged edge lengthens it', async ({ page, server }) => {
  const day = mondayFrom(60)
  const [tiffauges, podium] = await Promise.all([
    idOf(page, server.url, 'communes.list', 'Tiffauges'),
    idOf(page, server.url, 'resources.list', 'Podium 24 m² (6 × 4 m)'),
  ])
  const booked = await call<ApiBooking>(page, server.url, 'bookings.create', {
    communeId: tiffauges,
    title: 'Fête de la musique',
    start: day(1).iso,
    end: day(1).iso,
    items: [{ resourceId: podium }],
  })
  await openPlanning(page, server.url)
  await goTo(page, day(0))
  const moving = bar(page, booked.reference)
  await moving.scrollIntoViewIfNeeded()
  const start = await centre(moving)

  await drag(page, start, start.width * 2)
  await expect(moving).toHaveAttribute('data-state', 'ok')
  await page.mouse.up()
  await expect(page.getByTestId('planning-message')).toHaveAttribute('data-tone', 'success')
  await expect(page.getByTestId('planning-message')).toContainText(
    `${booked.reference} déplacée : ${day(3).fr}`,
  )
  let stored = await call<ApiBooking>(page, server.url, 'bookings.get', { id: booked.id })
  expect([stored.startDate, stored.endDate]).toEqual([day(3).iso, day(3).iso])

  // The right edge, one day further: the loan now ends a day later.
  const moved = await moving.boundingBox()
  if (!moved) throw new Error('barre invisible')
  await drag(page, { x: moved.x + moved.width - 2, y: moved.y + moved.height / 2 }, moved.width + 4)
  await page.mouse.up()
  await expect(page.getByTestId('planning-message')).toContainText(`${day(3).fr} – ${day(4).fr}`)
  stored = await call<ApiBooking>(page, server.url, 'bookings.get', { id: booked.id })
  expect([stored.startDate, stored.endDate]).toEqual([day(3).iso, day(4).iso])

  // Dragging over empty cells starts a booking of that resource for those days.
  const from = await centre(row(page, 'Podium 24 m² (6 × 4 m)').locator(`[data-date="${day(0).iso}"]`))
  await drag(page, from, from.width)
  await expect(page.getByTestId('planning-selection')).toBeVisible()
  await page.mouse.up()
  await expect(page.getByRole('heading', { name: 'Réservations', exact: true })).toBeVisible()
  await expect(page.getByLabel('Premier jour')).toHaveValue(day(0).fr)
  await expect(page.getByLabel('Dernier jour')).toHaveValue(day(1).fr)
  await expect(page.getByRole('button', { name: 'Retirer Podium 24 m² (6 × 4 m)' })).toBeVisible()
})

test('the keyboard moves between cells, Enter opens a booking or starts one', async ({ page, server }) => {
  const day = mondayFrom(60)
  const [tiffauges, trailer] = await Promise.all([
    idOf(page, server.url, 'communes.list', 'Tiffauges'),
    idOf(page, server.url, 'resources.list', 'Remorque plateau 3,5 t'),
  ])
  const booked = await call<ApiBooking>(page, server.url, 'bookings.create', {
    communeId: tiffauges,
    title: 'Élagage des tilleuls',
    start: `${day(1).iso}T08:00`,
    end: `${day(1).iso}T12:00`,
    items: [{ resourceId: trailer }],
  })
  await openPlanning(page, server.url)
  await goTo(page, day(0))

  const grid = page.getByRole('grid')
  const active = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
  await grid.locator('[role="gridcell"][tabindex="0"]').focus()
  expect(await active()).toMatch(/^Broyeur de végétaux, lundi \d+ \S+ \d{4}, libre$/)
  await page.keyboard.press('ArrowRight')
  expect(await active()).toMatch(/^Broyeur de végétaux, mardi /)
  await page.keyboard.press('ArrowDown')
  expect(await active()).toMatch(/^Désherbeur thermique, mardi /)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  // On a group header: the focus is on its toggle.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true')
  await page.keyboard.press('ArrowDown')
  // Down to the trailer's row (the rows scroll along: they are virtualised).
  for (let i = 0; i < 40 && !(await active()).startsWith('Remorque plateau 3,5 t'); i++) {
    await page.keyboard.press('ArrowDown')
  }
  expect(await active()).toBe(
    `Remorque plateau 3,5 t, ${await dayName(page, day(1).iso)}, réservé : ${booked.reference} (Tiffauges)`,
  )
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: `Réservation ${booked.reference}` })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('planning-booking-details')).toContainText('Élagage des tilleuls')
  await expect(dialog.getByRole('button', { name: 'Voir dans le calendrier' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  // Enter on an empty cell starts a booking for that resource and day.
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Réservations', exact: true })).toBeVisible()
  await expect(page.getByLabel('Premier jour')).toHaveValue(day(2).fr)
  await expect(page.getByRole('button', { name: 'Retirer Remorque plateau 3,5 t' })).toBeVisible()
})

/** `mardi 2 février 2027`, as the board names a day. */
async function dayName(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (date) =>
      new Intl.DateTimeFormat('fr-FR', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${date}T12:00:00Z`)),
    iso,
  )
}
