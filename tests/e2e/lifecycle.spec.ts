import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { dayFromToday } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

const CHAIRS = 'Chaises de fête'

async function addResource(page: Page, name: string, quantity?: number): Promise<void> {
  await page.getByLabel('Ressource à ajouter').selectOption({ label: name })
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click()
  if (quantity !== undefined) await page.getByLabel(`Quantité de ${name}`).fill(String(quantity))
}

/** A screenshot of the whole page: the pages scroll inside the shell, so the window is made tall enough. */
async function tallShot(page: Page, name: string, height = 1800): Promise<void> {
  const size = page.viewportSize() ?? { width: 1366, height: 820 }
  await page.setViewportSize({ width: size.width, height })
  await page.screenshot({ path: `${shots}/${name}` })
  await page.setViewportSize(size)
}

/** Shows a day of the depot list through its date picker. */
async function showDepotDay(page: Page, fr: string, iso: string): Promise<void> {
  await page.getByLabel('Jour', { exact: true }).fill(fr)
  await page.getByRole('button', { name: 'Afficher', exact: true }).click()
  await expect(page.getByTestId('depot-date')).toHaveAttribute('data-date', iso)
  await expect(page.getByTestId('depot-day')).toHaveAttribute('data-status', 'ready')
}

test('a request needing approval is accepted, handed out, returned with 2 chairs damaged, and kept in its history', async ({
  page,
  server,
}) => {
  const [first, last] = [dayFromToday(70), dayFromToday(71)]

  // A stock of 60 chairs whose loans the hub approves, made in the inventory.
  await page.goto(`${server.url}/#/inventaire`)
  await page.getByRole('button', { name: 'Nouvelle ressource' }).click()
  const form = page.getByRole('dialog', { name: 'Nouvelle ressource' })
  await form.getByLabel('Nom', { exact: true }).fill(CHAIRS)
  await form.getByLabel('Suivi').selectOption('stock')
  await form.getByLabel('Quantité en stock').fill('60')
  await form.getByLabel('Soumis à validation du pôle').check()
  await form.getByLabel('Notes').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${shots}/inventaire-validation.png` })
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(page.getByTestId('inventory-notice')).toContainText(CHAIRS)
  await page.getByRole('link', { name: CHAIRS }).click()
  await expect(page.getByTestId('requires-approval')).toHaveText('Oui : chaque demande est à accepter')

  // Tiffauges asks for 40 of them: the form says before sending that the hub must accept it.
  await page.getByRole('link', { name: 'Réservations' }).click()
  await page.getByLabel('Commune').selectOption({ label: 'Tiffauges' })
  await page.getByLabel('Objet').fill('Kermesse de l’école')
  await page.getByLabel('Premier jour').fill(first.fr)
  await page.getByLabel('Dernier jour').fill(last.fr)
  await addResource(page, CHAIRS, 40)
  await expect(page.getByTestId('approval-notice')).toContainText(`« ${CHAIRS} »`)
  await expect(page.getByTestId('availability-status')).toHaveAttribute('data-status', 'available')

  // The optional sections, looked at then left off: delivery, and a weekly repetition previewed.
  await page.getByLabel('Livraison et reprise par le pôle').check()
  await page.getByLabel('Véhicule de livraison').selectOption({ label: 'Fourgon Renault Master (FR-482-PT)' })
  await page.getByTestId('delivery-section').getByLabel('Agent voirie n° 1').check()
  await page.getByLabel('Adresse de livraison').fill('École Saint-Joseph, Tiffauges')
  await tallShot(page, 'reservation-livraison.png')
  await page.getByLabel('Répéter cette demande').check()
  await page.getByLabel('Nombre d’occurrences').fill('3')
  await page.getByRole('button', { name: 'Voir les dates', exact: true }).click()
  const preview = page.getByTestId('series-preview')
  await expect(preview.getByTestId('series-occurrence')).toHaveCount(3)
  await expect(preview.locator('[data-state="ok"]')).toHaveCount(3)
  await tallShot(page, 'reservation-serie.png', 2200)
  await page.getByLabel('Répéter cette demande').uncheck()
  await page.getByLabel('Livraison et reprise par le pôle').uncheck()

  await page.getByRole('button', { name: 'Réserver' }).click()
  const reference = page.getByTestId('created-reference')
  await expect(reference).toHaveText(/^RES-\d{4}-\d{4}$/)
  const ref = (await reference.textContent()) ?? ''
  const row = page.getByTestId('booking-list').locator(`[data-reference="${ref}"]`)
  await expect(row.getByTestId('booking-status')).toHaveText('Demandée')

  // The hub's inbox: counted in the sidebar, accepted there.
  await expect(page.getByTestId('sidebar-count-demandes')).toBeVisible()
  await page.getByRole('link', { name: 'Demandes' }).click()
  await expect(page.getByTestId('inbox')).toHaveAttribute('data-status', 'ready')
  const entry = page.locator(`[data-testid="inbox-entry"][data-reference="${ref}"]`)
  await expect(entry).toContainText('Tiffauges')
  await expect(entry).toContainText(`${CHAIRS} × 40`)
  await tallShot(page, 'demandes.png', 1000)
  await entry.getByRole('button', { name: `Accepter ${ref}` }).click()
  await expect(page.getByTestId('action-notice')).toContainText(`${ref} est acceptée`)
  await expect(entry).toHaveCount(0)

  // The depot hands it out on its first day…
  await page.getByRole('link', { name: 'Dépôt' }).click()
  await showDepotDay(page, first.fr, first.iso)
  const departure = page.getByTestId('depot-departures').locator(`[data-reference="${ref}"]`)
  await expect(departure).toContainText(`${CHAIRS} × 40`)
  await tallShot(page, 'depot-departs.png', 1000)
  await departure.getByRole('button', { name: `Remettre ${ref}` }).click()
  const handOut = page.getByRole('dialog', { name: `Remettre ${ref}` })
  await handOut.getByLabel('Remarques à la sortie').fill('40 chaises propres, 2 chariots')
  await handOut.getByRole('button', { name: 'Confirmer la remise' }).click()
  await expect(page.getByTestId('action-notice')).toContainText(`${ref} est remise`)
  await expect(page.getByTestId('depot-departures').locator(`[data-reference="${ref}"]`)).toHaveCount(0)

  // …and takes it back on its last day (early: the loan runs to the evening), 2 chairs damaged.
  await showDepotDay(page, last.fr, last.iso)
  const back = page.getByTestId('depot-returns').locator(`[data-reference="${ref}"]`)
  await expect(back).toBeVisible()
  await tallShot(page, 'depot-retours.png', 1000)
  await back.getByRole('button', { name: `Réceptionner ${ref}` }).click()
  const takeBack = page.getByRole('dialog', { name: `Réceptionner ${ref}` })
  await expect(takeBack.getByLabel(`Quantité rendue de ${CHAIRS}`)).toHaveValue('40')
  await takeBack.getByLabel(`Quantité abîmée de ${CHAIRS}`).fill('41')
  await takeBack.getByRole('button', { name: 'Confirmer le retour' }).click()
  await expect(takeBack.locator('.field__error')).toHaveText('Au plus 40, la quantité rendue.')
  await takeBack.getByLabel(`Quantité abîmée de ${CHAIRS}`).fill('2')
  await takeBack.getByLabel('Remarques au retour').fill('2 chaises au pied tordu')
  await page.screenshot({ path: `${shots}/depot-reception.png` })
  await takeBack.getByRole('button', { name: 'Confirmer le retour' }).click()
  await expect(page.getByTestId('action-notice')).toContainText(`${ref} est réceptionnée`)

  // The booking's page: « rendue », what came back, the hand-over and return, its journal.
  await page.getByRole('link', { name: 'Réservations' }).click()
  await page.getByTestId('booking-list').getByRole('link', { name: ref }).click()
  const bookingPage = page.getByTestId('booking-page')
  await expect(bookingPage).toHaveAttribute('data-reference', ref)
  await expect(bookingPage.getByTestId('booking-status')).toHaveText('Rendue')
  await expect(page.getByTestId('booking-items')).toContainText('40 rendues dont 2 abîmées')
  await expect(page.getByTestId('booking-checkout')).toContainText('40 chaises propres, 2 chariots')
  await expect(page.getByTestId('booking-return')).toContainText('2 chaises au pied tordu')
  const journal = page.getByTestId('journal')
  for (const step of [
    'Réservation créée',
    'Demande acceptée',
    'Matériel remis (sortie)',
    'Matériel réceptionné (retour)',
  ]) {
    await expect(journal).toContainText(step)
  }
  await tallShot(page, 'reservation-page.png')

  // The bon de sortie, as a PDF, rendered to look at.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: `Bon de sortie (PDF) ${ref}` }).click()
  const slip = await download
  expect(slip.suggestedFilename()).toMatch(/\.pdf$/)
  const pdfPath = `${shots}/bon-de-sortie.pdf`
  await slip.saveAs(pdfPath)
  execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, `${shots}/bon-de-sortie`])

  // The 2 damaged chairs are withdrawn for repair: 58 of 60 are free over the same days.
  await page.getByRole('link', { name: 'Disponibilités' }).click()
  await page.getByLabel('Premier jour').fill(first.fr)
  await page.getByLabel('Dernier jour').fill(last.fr)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  await expect(page.getByTestId('free-resources').locator('tr', { hasText: CHAIRS })).toContainText('58 / 60')

  // The board draws the open-ended repair (it once crashed on its far end date).
  await page.getByRole('link', { name: 'Planning' }).click()
  await page.getByLabel('Rechercher une ressource').fill(CHAIRS)
  await expect(page.getByTestId('planning-row')).toHaveCount(1)
  await expect(page.getByRole('grid')).toBeVisible()

  // On the chairs' page, the repair lasts until the manager puts them back in service.
  await page.getByRole('link', { name: 'Inventaire' }).click()
  await page.getByRole('link', { name: CHAIRS }).click()
  const repair = page.getByTestId('unavailability-list').locator('tr', { hasText: ref })
  await expect(repair).toContainText('2 abîmés')
  await expect(repair).toContainText('depuis le')
  await repair.getByRole('button', { name: /^Remettre en service/ }).click()
  await expect(page.getByText('Remis en service : ces unités peuvent de nouveau être prêtées.')).toBeVisible()
})

interface Named {
  readonly id: string
  readonly name: string
}

test('delivery trips on the planning board and the depot list, a late loan in red with what it endangers', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/#/depot`)
  const call = async <T>(method: string, data: unknown): Promise<T> => {
    const response = await page.request.post(`${server.url}/api/${method}`, { data })
    const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
    if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'refusé'}`)
    return body.value
  }
  const resources = await call<Named[]>('resources.list', {})
  const communes = await call<Named[]>('communes.list', {})
  const id = (list: readonly Named[], name: string) => list.find((r) => r.name === name)?.id ?? ''
  const tiffauges = id(communes, 'Tiffauges')
  const barriers = id(resources, 'Barrières de ville 2,50 m')
  const [yesterday, inTwoDays, inThreeDays] = [dayFromToday(-1), dayFromToday(2), dayFromToday(3)]

  // Barriers lent yesterday and not back: late; the same barriers are booked in three days.
  const late = await call<{ id: string; reference: string }>('bookings.create', {
    communeId: tiffauges,
    title: 'Vide-grenier',
    start: yesterday.iso,
    end: yesterday.iso,
    items: [{ resourceId: barriers, quantity: 30 }],
  })
  await call('bookings.checkOut', { id: late.id })
  const next = await call<{ reference: string }>('bookings.create', {
    communeId: id(communes, 'La Gaubretière'),
    title: 'Course cycliste',
    start: inThreeDays.iso,
    end: inThreeDays.iso,
    items: [{ resourceId: barriers, quantity: 30 }],
  })
  // A podium delivered and collected by the hub's van and an agent.
  const delivered = await call<{ id: string; reference: string }>('bookings.create', {
    communeId: tiffauges,
    title: 'Fête de la musique',
    start: `${inTwoDays.iso}T14:00`,
    end: `${inTwoDays.iso}T23:00`,
    items: [{ resourceId: id(resources, 'Podium 24 m² (6 × 4 m)') }],
    delivery: {
      vehicleId: id(resources, 'Fourgon Renault Master'),
      agentIds: [id(resources, 'Agent voirie n° 1')],
      minutes: 60,
      address: 'Place de l’église, Tiffauges',
    },
  })

  await page.reload()
  await expect(page.getByTestId('depot-day')).toHaveAttribute('data-status', 'ready')
  const lateLine = page.getByTestId('depot-late').locator(`[data-reference="${late.reference}"]`)
  await expect(lateLine).toContainText('depuis le')
  await expect(
    lateLine.getByTestId('depot-endangered').locator(`[data-reference="${next.reference}"]`),
  ).toBeVisible()
  await expect(page.getByTestId('depot-returns').locator(`[data-reference="${late.reference}"]`)).toHaveCount(
    0,
  )
  await tallShot(page, 'depot-retard.png', 1100)

  await page.getByRole('button', { name: 'Jour suivant' }).click()
  await page.getByRole('button', { name: 'Jour suivant' }).click()
  await expect(page.getByTestId('depot-date')).toHaveAttribute('data-date', inTwoDays.iso)
  const trips = page.getByTestId('depot-logistics').getByTestId('depot-task')
  await expect(trips).toHaveCount(2)
  await expect(trips.first()).toHaveAttribute('data-kind', 'delivery')
  await expect(trips.first()).toContainText('13:00–14:00')
  await expect(trips.last()).toContainText('23:00–00:00')

  // The board: the trips on the rows of the van and of the agent (searched, the board is virtualised).
  await page.goto(`${server.url}/#/planning?vue=semaine&date=${inTwoDays.iso}`)
  await page.getByLabel('Rechercher une ressource').fill('Fourgon')
  const van = page.locator('[data-testid="planning-row"][data-resource-name="Fourgon Renault Master"]')
  await expect(van.getByTestId('planning-logistics')).toHaveCount(2)
  await expect(van.getByTestId('planning-logistics').first()).toHaveAttribute(
    'aria-label',
    `Livraison ${delivered.reference} · Tiffauges`,
  )
  await tallShot(page, 'planning-livraisons.png', 900)
  await page.getByLabel('Rechercher une ressource').fill('Agent voirie n° 1')
  const agent = page.locator('[data-testid="planning-row"][data-resource-name="Agent voirie n° 1"]')
  await expect(agent.getByTestId('planning-logistics')).toHaveCount(2)

  // The late loan, marked on the board.
  await page.goto(`${server.url}/#/planning?vue=semaine&date=${yesterday.iso}`)
  await page.getByLabel('Rechercher une ressource').fill('Barrières')
  const lateBar = page.locator(`[data-testid="planning-bar"][data-reference="${late.reference}"]`).first()
  await expect(lateBar).toHaveClass(/planning-bar--late/)
  await tallShot(page, 'planning-retard.png', 900)

  await page.goto(`${server.url}/#/reservation/${delivered.id}`)
  await expect(page.getByTestId('booking-logistics').locator('li')).toHaveCount(2)
  await page.goto(`${server.url}/#/reservation/${late.id}`)
  await expect(page.getByTestId('booking-status')).toHaveText('En retard')
})

test('a nacelle without a qualified operator: what is missing is said, the agent offered is added, nothing typed is lost', async ({
  page,
  server,
}) => {
  const day = dayFromToday(80)
  await page.goto(`${server.url}/#/reservations`)
  await page.getByLabel('Commune').selectOption({ label: 'Saint-Martin-des-Tilleuls' })
  await page.getByLabel('Objet').fill('Élagage des tilleuls')
  await page.getByText('Date et heure', { exact: true }).click()
  await page.getByLabel('Début').fill(`${day.fr} 08:00`)
  await page.getByLabel('Fin').fill(`${day.fr} 12:00`)
  await addResource(page, 'Nacelle élévatrice 12 m')
  // Said before sending (live check with the shared rule)…
  const help = page.getByTestId('qualification-help')
  await expect(help.getByTestId('qualification-issues')).toContainText('CACES R486')
  await page.getByRole('button', { name: 'Réserver' }).click()
  // …and after the backend's refusal, with the way out.
  await expect(page.getByRole('alert').filter({ hasText: 'Il manque un opérateur qualifié' })).toBeVisible()
  await expect(help.getByRole('alert')).toContainText('Nacelle élévatrice 12 m')
  await expect(page.getByLabel('Objet')).toHaveValue('Élagage des tilleuls')
  await help.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${shots}/reservation-qualification.png` })
  await help.getByRole('button', { name: 'Ajouter Agent voirie n° 2' }).click()
  await expect(page.getByRole('button', { name: 'Retirer Agent voirie n° 2' })).toBeVisible()
  await expect(help.getByTestId('qualification-covered')).toBeVisible()
  await page.getByRole('button', { name: 'Réserver' }).click()
  const reference = page.getByTestId('created-reference')
  await expect(reference).toHaveText(/^RES-\d{4}-\d{4}$/)
  const ref = (await reference.textContent()) ?? ''

  // The hub refuses it: a reason is required, and the commune reads it on the booking's page.
  await page.getByRole('link', { name: 'Demandes' }).click()
  await page.getByRole('button', { name: `Refuser ${ref}` }).click()
  const dialog = page.getByRole('dialog', { name: `Refuser la demande ${ref}` })
  await dialog.getByRole('button', { name: 'Refuser la demande' }).click()
  await expect(dialog.locator('.field__error')).toHaveText('Indiquez le motif du refus : la commune le lira.')
  await dialog.getByLabel('Motif du refus').fill('Nacelle en contrôle ce jour-là')
  await page.screenshot({ path: `${shots}/demandes-refus.png` })
  await dialog.getByRole('button', { name: 'Refuser la demande' }).click()
  await expect(page.getByTestId('action-notice')).toContainText(`${ref} est refusée`)
  await expect(page.locator(`[data-testid="inbox-entry"][data-reference="${ref}"]`)).toHaveCount(0)
  await page.getByRole('link', { name: 'Réservations' }).click()
  await page.getByTestId('booking-list').getByRole('link', { name: ref }).click()
  await expect(page.getByTestId('booking-status')).toHaveText('Refusée')
  await expect(page.getByTestId('reject-reason')).toHaveText('Nacelle en contrôle ce jour-là')
})
