import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { dayFromToday } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

/** Calls the API of the page's server, as the renderer does. */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(new URL(`/api/${method}`, page.url()).href, { data: input })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'refusé'}`)
  return body.value
}

/** A screenshot of the whole page: the app scrolls inside `.content`, so the window grows to fit it. */
async function shootPage(page: Page, path: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1366, height: 820 }
  const height = await page.evaluate<number>(
    "(document.querySelector('.content')?.scrollHeight ?? 0) + (document.querySelector('.topbar')?.offsetHeight ?? 0)",
  )
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) })
  await page.screenshot({ path, fullPage: true })
  await page.setViewportSize(size)
}

/** A CSV as French Excel writes it: BOM, `;`, decimal commas, dates jj/mm/aaaa. */
function writeCsv(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name)
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
  return path
}

const header =
  "Désignation;Type;Catégorie;Quantité;Code article;N° de série;Date d'achat;Valeur d'achat;Tarif journalier"
const barrieres =
  'Barrières Héras;Matériel;Manifestations › Barrières et grilles;60;E2E-BAR-010;;03/04/2026;"1 250,00";0,80'
const tronconneuse =
  'Tronçonneuse élagueuse;Matériel;Espaces verts;1;E2E-EV-010;TR-889;15/01/2025;650,00;12,00'

test('import with a bad row, fix it, import; scan an item, its unavailability over a booking; labels', async ({
  page,
  server,
}) => {
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  const dir = mkdtempSync(join(tmpdir(), 'mutualisation-import-'))
  const bad = writeCsv(dir, 'inventaire.csv', [
    header,
    barrieres,
    'Plancher de danse;Matériel;Manifestations › Podiums, barnums et tentes;1;E2E-STR-010;PD-2024-55;31/02/2026;4 800,00;45,00',
    tronconneuse,
  ])
  const fixed = writeCsv(dir, 'inventaire-corrige.csv', [
    header,
    barrieres,
    'Plancher de danse;Matériel;Manifestations › Podiums, barnums et tentes;1;E2E-STR-010;PD-2024-55;28/02/2026;4 800,00;45,00',
    tronconneuse,
  ])

  // Import: the report names the bad row and nothing is written.
  await page.goto(`${server.url}/#/inventaire`)
  await expect(page.getByTestId('resource-table')).toContainText('Chaises pliantes')
  await page.getByRole('button', { name: 'Importer', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Importer des ressources' })
  await dialog.getByLabel('Fichier à importer').setInputFiles(bad)
  const report = dialog.getByTestId('import-report')
  await expect(report).toBeVisible()
  // « Code article » is not a known header: the user maps it to the inventory number.
  const codeColumn = dialog.getByLabel('Champ pour la colonne « Code article »')
  await expect(codeColumn).toHaveValue('')
  await codeColumn.selectOption({ label: "N° d'inventaire" })
  await expect(dialog.getByTestId('import-preview')).toContainText('E2E-BAR-010')
  const errors = dialog.getByTestId('import-errors')
  await expect(errors.locator('tr[data-line="3"]')).toContainText("Date d'achat")
  await expect(errors).toContainText('1 ligne à corriger')
  const confirm = dialog.getByRole('button', { name: /^Importer \d+ lignes?$/ })
  await expect(confirm).toBeDisabled()
  await dialog.screenshot({ path: `${shots}/import-erreurs.png` })
  const before = await call<unknown[]>(page, 'resources.list', {})
  expect(before.some((r) => (r as { name: string }).name === 'Barrières Héras')).toBe(false)

  // The corrected file keeps the mapping, has no error, and imports three rows.
  await dialog.getByLabel('Fichier à importer').setInputFiles(fixed)
  await expect(dialog.getByTestId('import-file-name')).toContainText('inventaire-corrige.csv')
  await expect(report).toHaveAttribute('data-errors', '0')
  await expect(codeColumn).toHaveValue('inventoryNumber')
  await expect(dialog.getByTestId('import-preview').locator('tr[data-action="create"]')).toHaveCount(3)
  await expect(confirm).toHaveText('Importer 3 lignes')
  await expect(confirm).toBeEnabled()
  await dialog.screenshot({ path: `${shots}/import-apercu.png` })
  await confirm.click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('inventory-notice')).toHaveText(
    'Import de « inventaire-corrige.csv » terminé : 3 créées, 0 mise à jour.',
  )
  const table = page.getByTestId('resource-table')
  for (const name of ['Barrières Héras', 'Plancher de danse', 'Tronçonneuse élagueuse']) {
    await expect(table).toContainText(name)
  }
  await expect(table).toContainText('E2E-EV-010')
  await shootPage(page, `${shots}/inventaire-importe.png`)

  // Export of the current tab, as a file download.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter CSV' }).click(),
  ])
  expect(csv.suggestedFilename()).toMatch(/\.csv$/)
  expect(readFileSync(await csv.path(), 'utf8')).toContain('Tronçonneuse élagueuse')
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter Excel' }).click(),
  ])
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)

  // The scanner: an unknown code says so; a known one (any case) opens the item.
  const scan = page.getByLabel("Scanner ou saisir un n° d'inventaire")
  await scan.fill('NOPE-404')
  await scan.press('Enter')
  await expect(
    page.getByRole('alert').filter({ hasText: 'Aucune ressource avec le n° « NOPE-404 »' }),
  ).toBeVisible()
  await scan.fill('e2e-ev-010')
  await scan.press('Enter')
  const detail = page.getByTestId('resource-detail')
  await expect(detail.getByRole('heading', { level: 1 })).toContainText('Tronçonneuse élagueuse')
  await expect(detail.getByTestId('resource-attributes')).toContainText('650,00')
  const resourceId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '')
  expect(resourceId).toMatch(/^[0-9a-f-]{36}$/)

  // A booking of the item, then an unavailability over it: the booking is listed, not cancelled.
  const day = dayFromToday(60)
  const communes = await call<{ id: string; name: string }[]>(page, 'communes.list', {})
  const tiffauges = communes.find((c) => c.name === 'Tiffauges')?.id ?? ''
  const booking = await call<{ reference: string }>(page, 'bookings.create', {
    communeId: tiffauges,
    title: 'Élagage des haies du stade',
    start: day.iso,
    end: day.iso,
    items: [{ resourceId }],
  })
  await page.reload()
  await expect(detail.getByTestId('upcoming-bookings')).toContainText(booking.reference)
  await expect(detail.getByTestId('upcoming-bookings')).toContainText('Tiffauges')

  await detail.getByRole('button', { name: 'Ajouter une indisponibilité' }).click()
  const unav = page.getByRole('dialog', { name: /^Nouvelle indisponibilité/ })
  await unav.getByLabel('Motif').selectOption({ label: 'Réparation' })
  await unav.getByLabel('Raison').fill('Chaîne cassée, en atelier')
  await unav.getByLabel('Premier jour').fill(dayFromToday(59).fr)
  await unav.getByLabel('Dernier jour').fill(dayFromToday(61).fr)
  await unav.screenshot({ path: `${shots}/indisponibilite-formulaire.png` })
  await unav.getByRole('button', { name: 'Enregistrer l’indisponibilité' }).click()
  await expect(unav).toBeHidden()
  const affected = detail.getByTestId('affected-bookings')
  await expect(affected).toContainText('Ces réservations sont concernées')
  await expect(affected).toContainText(booking.reference)
  await expect(affected).toContainText('Tiffauges')
  await expect(affected).toContainText('Prévenez les communes ou déplacez-les')
  await expect(detail.getByTestId('unavailability-list')).toContainText('Chaîne cassée, en atelier')
  await expect(detail.getByTestId('upcoming-bookings')).toContainText(booking.reference)
  await shootPage(page, `${shots}/fiche-indisponibilite.png`)

  // Archive is refused while the booking is ahead, and the refusal lists it.
  await detail.getByRole('button', { name: 'Archiver', exact: true }).click()
  const archive = page.getByRole('dialog', { name: 'Archiver la ressource ?' })
  await archive.getByRole('button', { name: 'Archiver', exact: true }).click()
  await expect(archive.getByTestId('archive-blockers')).toContainText(booking.reference)
  await archive.screenshot({ path: `${shots}/archivage-refuse.png` })
  await archive.getByRole('button', { name: 'Compris', exact: true }).click()

  // Edit from the detail page: the journal shows the change, readable.
  await detail.getByRole('button', { name: 'Modifier', exact: true }).click()
  const form = page.getByRole('dialog', { name: 'Modifier « Tronçonneuse élagueuse »' })
  await form.getByLabel('État').selectOption({ label: 'À réparer' })
  await form.getByLabel("Valeur d'achat").fill('1234,5')
  await form.getByLabel('Tarif journalier').click()
  await expect(form.getByLabel("Valeur d'achat")).toHaveValue('1\u00a0234,50')
  await form.screenshot({ path: `${shots}/formulaire-materiel.png` })
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(form).toBeHidden()
  await expect(detail.getByTestId('condition-badge')).toHaveText('À réparer')
  await expect(detail.getByTestId('resource-attributes')).toContainText('1\u00a0234,50\u00a0€')
  const journal = detail.getByTestId('journal')
  await expect(journal).toContainText('Modification')
  await expect(journal).toContainText('À réparer')
  await expect(journal).toContainText('1\u00a0234,50\u00a0€')
  await shootPage(page, `${shots}/fiche.png`)

  // Delete the unavailability, after confirmation.
  await detail.getByRole('button', { name: /^Supprimer l’indisponibilité du/ }).click()
  await page
    .getByRole('dialog', { name: 'Supprimer l’indisponibilité ?' })
    .getByRole('button', { name: 'Supprimer' })
    .click()
  await expect(detail.getByText('Aucune indisponibilité prévue.')).toBeVisible()

  // Labels: three imported items, and a vehicle without an inventory number.
  await detail.getByRole('link', { name: '← Inventaire' }).click()
  for (const name of ['Barrières Héras', 'Plancher de danse', 'Tronçonneuse élagueuse']) {
    await page.getByLabel(`Sélectionner ${name}`).check()
  }
  await page.getByRole('tab', { name: /Véhicules/ }).click()
  await page.getByLabel('Sélectionner Fourgon Renault Master').check()
  await expect(page.getByTestId('selection-bar')).toContainText('4 sélectionnées')
  await shootPage(page, `${shots}/inventaire-selection.png`)
  await page.getByRole('button', { name: 'Imprimer des étiquettes' }).click()
  await expect(page.getByRole('heading', { name: 'Étiquettes' })).toBeVisible()
  await expect(page.getByTestId('labels-without-number')).toContainText('Fourgon Renault Master')
  const labels = page.getByTestId('label')
  await expect(labels).toHaveCount(3)
  await expect(page.getByTestId('labels-sheets')).toHaveAttribute('data-ready', 'true')
  await expect(labels.filter({ hasText: 'E2E-BAR-010' })).toContainText('Barrières Héras')
  await expect(labels.first()).toContainText('Pôle technique Ouest')
  const qrLoaded = await page.evaluate<boolean>(
    "[...document.querySelectorAll('img.labels-label__qr')].every((img) => img.naturalWidth > 0)",
  )
  expect(qrLoaded).toBe(true)
  await shootPage(page, `${shots}/etiquettes-ecran.png`)
  // window.print() opens the system dialog: counted instead.
  await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1 }')
  await page.getByRole('button', { name: 'Imprimer', exact: true }).click()
  expect(await page.evaluate<number>('window.printed')).toBe(1)

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.sidebar')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Imprimer', exact: true })).toBeHidden()
  const sheet = page.getByTestId('labels-sheet').first()
  const box = await sheet.boundingBox()
  // 210 mm at 96 dpi.
  expect(Math.round(box?.width ?? 0)).toBe(794)
  await page.screenshot({ path: `${shots}/etiquettes.png`, fullPage: true })
  await page.emulateMedia({ media: 'screen' })

  expect(consoleErrors).toEqual([])
})

test('the resource form: agents’ qualifications, stock out of service, plate checked by the server', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/#/inventaire`)
  await expect(page.getByTestId('resource-table')).toBeVisible()

  // Stock: 10 chairs out of service leave 110 lendable.
  await page.getByRole('button', { name: 'Modifier Chaises pliantes' }).click()
  let form = page.getByRole('dialog', { name: 'Modifier « Chaises pliantes »' })
  await form.getByLabel('Quantité hors service').fill('10')
  await expect(form.locator('output.rform-lendable')).toContainText('110')
  await form.screenshot({ path: `${shots}/formulaire-stock.png` })
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(form).toBeHidden()
  await expect(page.getByTestId('resource-table')).toContainText('dont 10 hors service')

  // Agent: an expired qualification in red, one expiring within 60 days in orange.
  await page.getByRole('tab', { name: /Agents/ }).click()
  await page.getByRole('button', { name: 'Modifier Agent espaces verts n° 1' }).click()
  form = page.getByRole('dialog', { name: 'Modifier « Agent espaces verts n° 1 »' })
  await expect(form.getByLabel('Commune de rattachement')).not.toHaveValue('')
  await form.getByRole('button', { name: 'Ajouter une qualification' }).click()
  await form.getByLabel('Qualification n° 3').fill('CACES R482 cat. A')
  await form.getByLabel('Expiration n° 3').fill(dayFromToday(-3).fr)
  await form.getByRole('button', { name: 'Ajouter une qualification' }).click()
  await form.getByLabel('Qualification n° 4').fill('Habilitation électrique B0')
  await form.getByLabel('Expiration n° 4').fill(dayFromToday(20).fr)
  const rows = form.getByTestId('qualification-rows').locator('tbody tr')
  await expect(rows.nth(2)).toHaveAttribute('data-state', 'expired')
  await expect(rows.nth(3)).toHaveAttribute('data-state', 'expiring')
  await form.screenshot({ path: `${shots}/formulaire-agent.png` })
  await form.getByRole('button', { name: 'Retirer la ligne n° 4' }).click()
  await expect(rows).toHaveCount(3)
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(form).toBeHidden()
  await page.getByRole('link', { name: 'Agent espaces verts n° 1' }).click()
  const quals = page.getByTestId('qualifications')
  await expect(quals.locator('[data-state="expired"]')).toContainText('CACES R482 cat. A')
  await shootPage(page, `${shots}/fiche-agent.png`)

  // Vehicle: the plate is checked by the server, its message shown under the field, nothing lost.
  await page.goto(`${server.url}/#/inventaire`)
  await page.getByRole('tab', { name: /Véhicules/ }).click()
  await page.getByRole('button', { name: 'Nouvelle ressource' }).click()
  form = page.getByRole('dialog', { name: 'Nouvelle ressource' })
  await expect(form.getByLabel('Type')).toHaveValue('vehicle')
  await form.getByLabel('Nom', { exact: true }).fill('Tracteur Kubota')
  await form.getByLabel('Immatriculation').fill('AB123CD')
  await form.getByLabel('Permis requis').selectOption('B')
  await form.getByText('Heures moteur').click()
  await form.getByLabel('Compteur horaire (h)').fill('1250')
  await form.getByLabel('Prochain contrôle technique').fill(dayFromToday(20).fr)
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(form.locator('#resource-plate-error')).toContainText('AB-123-CD')
  await expect(form.getByLabel('Nom', { exact: true })).toHaveValue('Tracteur Kubota')
  await form.screenshot({ path: `${shots}/formulaire-vehicule.png` })
  await form.getByLabel('Immatriculation').fill('AB-123-CD')
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(form).toBeHidden()
  await expect(page.getByTestId('resource-table')).toContainText('1\u202f250 h')
  await page.getByRole('link', { name: 'Tracteur Kubota' }).click()
  await expect(page.getByTestId('inspection-alert')).toHaveAttribute('data-state', 'soon')
  await shootPage(page, `${shots}/fiche-vehicule.png`)
})
