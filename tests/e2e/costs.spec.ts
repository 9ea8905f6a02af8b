/**
 * Cost sharing (issue 7) end to end: a per-m² rate set on the resource page, a month of Tiffauges'
 * bookings counted on the Refacturation page, its statement issued, downloaded and rendered; a rate
 * changed afterwards leaves the statement alone; the rules written on Paramètres; the Bilan's charts
 * on screen and in print, under the app's strict Content-Security-Policy.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

const FR_MONTHS = [
  'Janvier',
  'Février',
  'Mars',
  'Avril',
  'Mai',
  'Juin',
  'Juillet',
  'Août',
  'Septembre',
  'Octobre',
  'Novembre',
  'Décembre',
]

interface TestMonth {
  /** `2027-02` */
  readonly month: string
  /** `Février 2027`, the Refacturation page's title for it */
  readonly title: string
  readonly first: string
  readonly last: string
  /** Day of the month of its first Friday (1–7). */
  readonly friday: number
}

function iso(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10)
}

/**
 * A calendar month at least 60 days ahead (Europe/Paris): no demo booking in it. May is skipped:
 * 8 May can fall on the Saturday the agent works, which would change his bands.
 */
function monthAhead(extra = 0): TestMonth {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const later = new Date(Date.UTC(y, m - 1, d + 60))
  let year = later.getUTCFullYear()
  let monthIndex = later.getUTCMonth() + 1 + extra
  if (((monthIndex % 12) + 12) % 12 === 4) monthIndex += 1
  year += Math.floor(monthIndex / 12)
  monthIndex = ((monthIndex % 12) + 12) % 12
  const firstDay = new Date(Date.UTC(year, monthIndex, 1)).getUTCDay()
  return {
    month: iso(year, monthIndex, 1).slice(0, 7),
    title: `${FR_MONTHS[monthIndex]} ${year}`,
    first: iso(year, monthIndex, 1),
    last: iso(year, monthIndex + 1, 0),
    friday: 1 + ((5 - firstDay + 7) % 7),
  }
}

/** `2027-02-05` → `05/02/2027`. */
function fr(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}

async function call<T>(request: APIRequestContext, url: string, method: string, input: object): Promise<T> {
  const response = await request.post(`${url}/api/${method}`, { data: input })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  expect(body.ok, `${method}: ${body.error?.message ?? ''}`).toBe(true)
  return body.value
}

interface Named {
  readonly id: string
  readonly name: string
}

async function reference(request: APIRequestContext, url: string) {
  const communes = await call<Named[]>(request, url, 'communes.list', {})
  const resources = await call<Named[]>(request, url, 'resources.list', {})
  const commune = (name: string) => communes.find((c) => c.name === name)?.id ?? ''
  const resource = (name: string) => resources.find((r) => r.name === name)?.id ?? ''
  return { commune, resource }
}

/** A screenshot of the whole page: the pages scroll inside the shell, so the window is made tall enough. */
async function tallShot(page: Page, name: string, height = 2000): Promise<void> {
  const size = page.viewportSize() ?? { width: 1366, height: 820 }
  await page.setViewportSize({ width: size.width, height })
  await page.screenshot({ path: `${shots}/${name}` })
  await page.setViewportSize(size)
}

/** Steps the period bar month by month until it shows `title`. */
async function showMonth(page: Page, prefix: string, title: string): Promise<void> {
  const heading = page.getByTestId(`${prefix}-period-title`)
  for (let i = 0; i < 14 && (await heading.textContent()) !== title; i++) {
    await page.getByRole('button', { name: 'Période suivante' }).click()
  }
  await expect(heading).toHaveText(title)
}

test('the manager sets a per-m² rate, issues Tiffauges’ statement for a month and gets it as a PDF a town hall can file', async ({
  page,
  server,
}) => {
  const m = monthAhead()
  const day = (n: number) => iso(Number(m.first.slice(0, 4)), Number(m.first.slice(5, 7)) - 1, n)
  const { commune, resource } = await reference(page.request, server.url)
  const tiffauges = commune('Tiffauges')

  // The podium is rented per m² from the first day of the month: its area is asked with the rate.
  await page.goto(`${server.url}/#/inventaire/${resource('Podium 24 m² (6 × 4 m)')}`)
  const rates = page.getByTestId('resource-rates')
  await rates.getByRole('button', { name: 'Nouveau tarif' }).click()
  await rates.getByLabel('Unité de tarif').selectOption({ label: 'Par m² et par jour' })
  await rates.getByLabel('Montant').fill('7,80')
  await rates.getByLabel('Surface (m²)').fill('24')
  await rates.getByLabel('Caution par réservation').fill('150')
  await rates.getByLabel('Applicable à partir du').fill(fr(m.first))
  await rates.getByRole('button', { name: 'Enregistrer le tarif' }).click()
  await expect(page.getByTestId('rate-saved')).toContainText(
    `7,80 € par m² et par jour (24 m² : 187,20 € par jour), applicable à partir du ${fr(m.first)}`,
  )
  const history = page.getByTestId('rate-history').locator('tbody tr')
  await expect(history).toHaveCount(2)
  await expect(history.first()).toHaveAttribute('data-state', 'future')
  await expect(history.first()).toContainText('150,00 €')
  await tallShot(page, 'tarifs-ressource.png', 1700)

  // Tiffauges' month: 40 chairs Friday to Monday, the podium 2 days, an agent Saturday 18 h to
  // Sunday 2 h, the van 3 h 10.
  const book = (title: string, start: string, end: string, resourceName: string, quantity = 1) =>
    call(page.request, server.url, 'bookings.create', {
      communeId: tiffauges,
      title,
      start,
      end,
      items: [{ resourceId: resource(resourceName), quantity }],
    })
  await book('Fête de l’école', day(m.friday), day(m.friday + 3), 'Chaises pliantes', 40)
  await book(
    'Concert de la Saint-Valentin',
    `${day(m.friday + 1)}T18:00`,
    `${day(m.friday + 2)}T02:00`,
    'Agent voirie n° 1',
  )
  await book('Scène du carnaval', day(m.friday + 4), day(m.friday + 5), 'Podium 24 m² (6 × 4 m)')
  await book(
    'Transport des tables',
    `${day(m.friday + 5)}T09:00`,
    `${day(m.friday + 5)}T12:10`,
    'Fourgon Renault Master',
  )

  await page.getByRole('link', { name: 'Refacturation' }).click()
  await showMonth(page, 'costs', m.title)
  await page.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tiffauges' })
  const card = page.getByTestId('commune-costs').filter({ hasText: 'Tiffauges' })
  await expect(page.getByTestId('commune-costs')).toHaveCount(1)
  await expect(card.getByTestId('commune-total')).toHaveText('622,25 €')
  await expect(card.getByTestId('cost-booking')).toHaveCount(4)
  await expect(card.getByTestId('cost-line')).toHaveCount(6)
  const rowOf = (text: string) => card.getByTestId('cost-line').filter({ hasText: text })
  await expect(rowOf('Chaises pliantes')).toContainText('4 jours')
  await expect(rowOf('Chaises pliantes')).toContainText('49,60 €')
  await expect(rowOf('Podium')).toContainText('2 jours × 24 m²')
  await expect(rowOf('Podium')).toContainText('374,40 €')
  await expect(rowOf('(nuit)').first()).toContainText('+25 % (nuit)')
  await expect(rowOf('Fourgon')).toContainText('3 h 15')
  await expect(rowOf('Fourgon')).toContainText('22,75 €')
  await tallShot(page, 'refacturation.png', 1500)

  // Issuing asks first, saying that a statement never changes afterwards.
  await card.getByRole('button', { name: 'Émettre le relevé de Tiffauges' }).click()
  const dialog = page.getByRole('dialog', { name: 'Émettre le relevé de Tiffauges ?' })
  await expect(dialog).toContainText('ne peut plus être modifié')
  await expect(dialog).toContainText('622,25 €')
  await page.screenshot({ path: `${shots}/refacturation-confirmation.png` })
  await dialog.getByRole('button', { name: 'Émettre le relevé' }).click()
  const issued = page.getByTestId('statement-issued')
  await expect(issued).toContainText('622,25 €')
  const number = ((await issued.locator('.mono').textContent()) ?? '').trim()
  expect(number).toMatch(/^REL-\d{4}-\d{4}$/)
  await expect(card.getByTestId('commune-statement')).toContainText(number)
  await expect(card.getByRole('button', { name: 'Émettre le relevé de Tiffauges' })).toHaveCount(0)
  const listed = page.getByTestId('statement-list').locator(`tr[data-number="${number}"]`)
  await expect(listed).toContainText('622,25 €')
  await expect(listed).toContainText(`du ${fr(m.first)} au ${fr(m.last)}`)

  // The PDF, rendered to look at; the XLSX, a real workbook.
  const pdfDownload = page.waitForEvent('download')
  await listed.getByRole('button', { name: `Télécharger ${number} en PDF` }).click()
  const pdf = await pdfDownload
  expect(pdf.suggestedFilename()).toBe(`releve-${number}-tiffauges.pdf`)
  const pdfPath = `${shots}/releve-tiffauges.pdf`
  await pdf.saveAs(pdfPath)
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfPath, `${shots}/releve-tiffauges`])
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString()
  for (const expected of ['Tiffauges', number, fr(m.first), fr(m.last), '622,25'])
    expect(text).toContain(expected)

  const xlsxDownload = page.waitForEvent('download')
  await listed.getByRole('button', { name: `Télécharger ${number} en Excel` }).click()
  const xlsx = await xlsxDownload
  expect(xlsx.suggestedFilename()).toBe(`releve-${number}-tiffauges.xlsx`)
  const xlsxPath = `${shots}/releve-tiffauges.xlsx`
  await xlsx.saveAs(xlsxPath)
  expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK')

  // The chairs' rate goes up from the first of the month: the report moves, the statement does not.
  await call(page.request, server.url, 'rates.set', {
    resourceId: resource('Chaises pliantes'),
    unit: 'day',
    amountCents: 50,
    validFrom: m.first,
  })
  await page.getByRole('link', { name: 'Bilan' }).click()
  await page.getByRole('link', { name: 'Refacturation' }).click()
  await expect(card.getByTestId('commune-total')).toHaveText('652,65 €')
  await expect(card.getByTestId('commune-statement')).toContainText(number)
  await expect(listed).toContainText('622,25 €')
})

test('Refacturation lists every damage awaiting a decision, whatever the period, and not billing one needs a reason', async ({
  page,
  server,
}) => {
  const { commune, resource } = await reference(page.request, server.url)
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
  const chairs = resource('Chaises pliantes')
  const booking = await call<{ id: string; reference: string }>(page.request, server.url, 'bookings.create', {
    communeId: commune('Tiffauges'),
    title: 'Repas des aînés',
    start: today,
    end: today,
    items: [{ resourceId: chairs, quantity: 30 }],
  })
  await call(page.request, server.url, 'bookings.checkOut', { id: booking.id })
  await call(page.request, server.url, 'bookings.return', {
    id: booking.id,
    items: [{ resourceId: chairs, returnedQuantity: 28, damagedQuantity: 1 }],
  })

  // A period months away from the return: the item still awaits its decision there.
  await page.goto(`${server.url}/#/refacturation`)
  await showMonth(page, 'costs', monthAhead(2).title)
  const row = page.getByTestId('damage-row').and(page.locator(`[data-reference="${booking.reference}"]`))
  await expect(row).toHaveAttribute('data-state', 'pending')
  await expect(row).toContainText('1 abîmée, 2 manquantes')
  await row.getByRole('button', { name: `Facturer Chaises pliantes (${booking.reference})` }).click()
  const dialog = page.getByTestId('damage-dialog')
  await dialog.getByLabel('Unités facturées').fill('0')
  await page.getByRole('button', { name: 'Ne pas facturer' }).click()
  await expect(dialog).toContainText('Indiquez pourquoi ces unités ne sont pas facturées.')
  await dialog.getByLabel('Motif de la non-facturation').fill('Chaises déjà fendues avant le prêt')
  await page.screenshot({ path: `${shots}/refacturation-non-facturation.png` })
  await page.getByRole('button', { name: 'Ne pas facturer' }).click()
  await expect(page.getByTestId('damage-notice')).toHaveText(
    `Décision enregistrée : « Chaises pliantes » (${booking.reference}) ne sera pas facturé.`,
  )
  await expect(row).toHaveCount(0)
  const decided = await call<{ decision: string; reason: string }[]>(
    page.request,
    server.url,
    'costs.damages',
    { bookingId: booking.id },
  )
  expect(decided.map((d) => [d.decision, d.reason])).toEqual([
    ['waive', 'Chaises déjà fendues avant le prêt'],
  ])

  // The booking's page shows the decision.
  await page.goto(`${server.url}/#/reservation/${booking.id}`)
  const decision = page.getByTestId('booking-costs').getByTestId('damage-row')
  await expect(decision).toHaveAttribute('data-state', 'waived')
  await expect(decision).toContainText('Non facturé')
  await expect(decision).toContainText('Chaises déjà fendues avant le prêt')
  await tallShot(page, 'reservation-non-facturation.png', 1600)
})

test('Paramètres write the counting rules, with live examples, and keep each change from its date', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/#/parametres`)
  const rules = page.getByTestId('counting-rules')
  await expect(rules).toContainText('un prêt du vendredi au lundi compte 4 jours')
  await expect(rules).toContainText('la nuit du passage à l’heure d’été compte une heure de moins')
  await expect(rules).toContainText('valeur de remplacement')
  const example = (key: string) => page.locator(`tr[data-example="${key}"]`).getByTestId('example-total')
  await expect(example('chairs')).toHaveText('49,60 €')
  await expect(example('agent-weekend')).toHaveText('175,50 €')
  await expect(example('agent-holiday')).toHaveText('90,00 €')
  await expect(example('vehicle-spring')).toHaveText('77,00 €')

  // A new agents' rate from 1 January: the examples follow while typing; saved, it is a new version.
  const next = monthAhead(12)
  const from = `01/01/${next.first.slice(0, 4)}`
  await page.getByLabel('Taux horaire des agents').fill('20,00')
  await expect(example('agent-holiday')).toHaveText('100,00 €')
  await page.getByLabel('Taux applicables à partir du').fill(from)
  await page.getByTestId('settings-hourly-form').getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByTestId('settings-saved')).toHaveText(
    `Taux horaires enregistrés, applicables à partir du ${from}.`,
  )
  const versions = page.getByTestId('settings-versions').locator('tbody tr')
  await expect(versions).toHaveCount(2)
  await expect(versions.first()).toHaveAttribute('data-state', 'future')
  await expect(versions.first()).toContainText('Agents 20,00 €/h')

  // A governance rule: 6 weeks' notice, refused clearly for a request too soon.
  await page.getByLabel('Délai de prévenance minimum').fill('42')
  await page.getByTestId('settings-governance-form').getByRole('button', { name: 'Enregistrer' }).click()
  const saved = page.getByTestId('settings-saved')
  await expect(saved).toContainText('Règles de gestion enregistrées')
  // The version from 1 January was made before, for the agents' rate: the notice is carried into it,
  // so that it does not lapse on that day, and the manager is told.
  await expect(saved).toContainText(`Reporté aussi sur les paramètres applicables à partir du ${from}.`)
  await expect(versions).toHaveCount(3)
  await expect(versions.first()).toContainText('Délai 42 jours (6 semaines)')
  await expect(versions.first()).toContainText('Agents 20,00 €/h')
  await page.locator('main.content').evaluate((main) => main.scrollTo({ top: 0 }))
  await tallShot(page, 'parametres.png', 2500)
})

test('the Bilan draws readable charts on screen and in print, under the strict CSP', async ({
  page,
  server,
}) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to apply: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })

  // Two months of bookings by three communes.
  const m = monthAhead()
  const n = monthAhead(1)
  const { commune, resource } = await reference(page.request, server.url)
  const at = (month: TestMonth, d: number) => `${month.month}-${String(d).padStart(2, '0')}`
  const bookings: [string, TestMonth, number, number, string, number][] = [
    ['Tiffauges', m, 3, 5, 'Chaises pliantes', 80],
    ['Tiffauges', m, 10, 11, 'Podium 24 m² (6 × 4 m)', 1],
    ['La Gaubretière', m, 12, 14, 'Tables pliantes 2 m', 20],
    ['La Gaubretière', n, 6, 9, 'Barrières de ville 2,50 m', 40],
    ['Saint-Aubin-des-Ormeaux', n, 14, 14, 'Chaises pliantes', 100],
    ['Saint-Aubin-des-Ormeaux', n, 20, 21, 'Groupe électrogène 6 kVA', 1],
  ]
  for (const [communeName, month, first, last, resourceName, quantity] of bookings) {
    await call(page.request, server.url, 'bookings.create', {
      communeId: commune(communeName),
      title: `Prêt à ${communeName}`,
      start: at(month, first),
      end: at(month, last),
      items: [{ resourceId: resource(resourceName), quantity }],
    })
  }

  await page.goto(`${server.url}/#/bilan`)
  await page.getByRole('button', { name: 'Dates', exact: true }).click()
  await page.getByLabel('Du', { exact: true }).fill(fr(m.first))
  await page.getByLabel('Au', { exact: true }).fill(fr(n.last))
  await page.getByRole('button', { name: 'Afficher', exact: true }).click()
  await page.getByRole('button', { name: 'Par ressource' }).click()
  await expect(page.getByTestId('bilan-report')).toHaveAttribute('data-group', 'resource')

  const share = page.getByTestId('bilan-share')
  await expect(share.locator('svg.recharts-surface').first()).toBeVisible()
  await expect(share).toContainText('Part des jours disponibles utilisés')
  await expect(share).toContainText('Chaises pliantes')
  await expect(page.getByTestId('bilan-trend')).toContainText('Tout le pôle')
  await expect(page.getByTestId('bilan-trend')).toContainText('Taux d’utilisation')
  const pie = page.getByTestId('bilan-communes')
  for (const name of ['Tiffauges', 'La Gaubretière', 'Saint-Aubin-des-Ormeaux'])
    await expect(pie).toContainText(name)
  await expect(page.getByTestId('bilan-cost')).toContainText('Valeur d’achat ÷ utilisations (€)')
  await expect(page.getByTestId('bilan-detail').getByTestId('bilan-row').first()).toBeVisible()
  await expect(page.getByTestId('bilan-idle')).toContainText('Bancs')
  await tallShot(page, 'bilan.png', 3300)

  // Print: no sidebar, the charts at their fixed width, one section per page.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.sidebar')).toBeHidden()
  await expect(page.locator('.bilan-toolbar')).toBeHidden()
  const chartWidth = await share
    .locator('.recharts-wrapper > svg.recharts-surface')
    .first()
    .evaluate((svg) => svg.getBoundingClientRect().width)
  expect(chartWidth).toBe(700)
  await page.screenshot({ path: `${shots}/bilan-impression.png`, fullPage: true })
  const pdfPath = `${shots}/bilan-impression.pdf`
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true })
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdfPath, `${shots}/bilan-impression`])
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath]).toString())?.[1])
  expect(pages).toBeGreaterThanOrEqual(5)

  expect(violations).toEqual([])
})
