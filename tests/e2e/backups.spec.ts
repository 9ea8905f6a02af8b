import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { dayFromToday } from './dates'
import { expect, launch, stop, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

interface Envelope<T> {
  readonly ok: boolean
  readonly value: T
}

async function callApi<T>(
  request: APIRequestContext,
  url: string,
  method: string,
  input: unknown,
): Promise<T> {
  const response = await request.post(`${url}/api/${method}`, { data: input })
  const body = (await response.json()) as Envelope<T>
  expect(body.ok, `${method}: ${JSON.stringify(body)}`).toBe(true)
  return body.value
}

async function openBackups(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/sauvegardes`)
  await expect(page.getByRole('heading', { name: 'Sauvegardes', exact: true })).toBeVisible()
}

/** The booking list of the Réservations page, once loaded, for every commune. */
async function bookingList(page: Page, url: string) {
  await page.goto(`${url}/#/reservations`)
  const list = page.getByTestId('booking-list')
  await expect(list).toHaveAttribute('data-status', 'ready')
  return list
}

test('a backup made from the page brings the data back: the booking made since is gone, the journal says so', async ({
  page,
  server,
}) => {
  await openBackups(page, server.url)
  await expect(page.getByText('Aucune sauvegarde pour l’instant')).toBeVisible()
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click()
  await expect(page.getByTestId('backup-created')).toBeVisible()
  const rows = page.getByTestId('backup-list').locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-reason', 'manual')
  await expect(rows.first()).toContainText('Manuelle')
  const backupName = (await rows.first().getAttribute('data-backup')) ?? ''
  expect(backupName).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-manual\.sqlite$/)

  // A booking made after the backup.
  const communes = await callApi<{ id: string; name: string }[]>(
    page.request,
    server.url,
    'communes.list',
    {},
  )
  const resources = await callApi<{ id: string; name: string }[]>(
    page.request,
    server.url,
    'resources.list',
    {},
  )
  const day = dayFromToday(50)
  const booking = await callApi<{ id: string; reference: string }>(
    page.request,
    server.url,
    'bookings.create',
    {
      communeId: communes.find((c) => c.name === 'Tiffauges')?.id,
      title: 'Kermesse de l’école',
      start: day.iso,
      end: day.iso,
      items: [{ resourceId: resources.find((r) => r.name === 'Podium 24 m² (6 × 4 m)')?.id }],
    },
  )
  const list = await bookingList(page, server.url)
  await expect(list.locator(`[data-reference="${booking.reference}"]`).first()).toBeVisible()

  await openBackups(page, server.url)
  await page.getByTestId('backup-list').locator(`tr[data-backup="${backupName}"]`).getByRole('button').click()
  const dialog = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' })
  await expect(dialog).toContainText('les données actuelles sont conservées dans une nouvelle sauvegarde')
  await page.screenshot({ path: `${shots}/sauvegardes-confirmation.png`, fullPage: true })
  await dialog.getByRole('button', { name: 'Oui, restaurer' }).click()

  // The page reloads on Sauvegardes and says what was restored and where the replaced data went.
  await expect(page.getByTestId('restore-done')).toContainText(
    `La sauvegarde « ${backupName} » a été restaurée.`,
  )
  await expect(page.getByTestId('restore-done')).toContainText('-before-restore.sqlite')
  const journal = page.getByTestId('restore-journal')
  await expect(journal.locator('li')).toHaveCount(1)
  await expect(journal).toContainText('Sauvegarde manuelle du')
  await expect(journal).toContainText('administrateur local')
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('backup-list').locator('tr[data-reason="before-restore"]')).toHaveCount(1)
  await page.screenshot({ path: `${shots}/sauvegardes.png`, fullPage: true })

  const after = await bookingList(page, server.url)
  await expect(after.locator(`[data-reference="${booking.reference}"]`)).toHaveCount(0)
  const gone = await page.request.post(`${server.url}/api/bookings.get`, { data: { id: booking.id } })
  expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
})

test('a damaged database opens the recovery screen, which restores the newest backup', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mutualisation-e2e-recovery-'))
  const started: ChildProcess[] = []
  try {
    const first = await launch(dataDir)
    started.push(first.child)
    await callApi<{ name: string }>(page.request, first.url, 'backups.create', {})
    const backup = await callApi<{ name: string }>(page.request, first.url, 'backups.create', {})
    await stop(first.child)
    const databasePath = join(dataDir, 'mutualisation.sqlite')
    writeFileSync(databasePath, Buffer.from('Secteur illisible. '.repeat(500)))
    const hash = createHash('sha256').update(readFileSync(databasePath)).digest('hex')

    const second = await launch(dataDir)
    started.push(second.child)
    expect(second.output()).toContain('Mode récupération : Le fichier de données ne peut pas être lu')
    await page.goto(`${second.url}/#/reservations`)
    const screen = page.getByTestId('recovery-screen')
    await expect(
      screen.getByRole('heading', { name: 'Les données ne peuvent pas être ouvertes' }),
    ).toBeVisible()
    await expect(page.getByTestId('recovery-file')).toHaveText(databasePath)
    await expect(page.getByTestId('recovery-newest')).toContainText('sauvegarde manuelle')
    await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1)
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0)
    await page.screenshot({ path: `${shots}/recuperation.png`, fullPage: true })
    expect(createHash('sha256').update(readFileSync(databasePath)).digest('hex')).toBe(hash)

    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' })
    await expect(dialog).toContainText('mis de côté dans le dossier « damaged »')
    await dialog.getByRole('button', { name: 'Oui, restaurer' }).click()

    await expect(page.getByTestId('restore-done')).toContainText(
      `La sauvegarde « ${backup.name} » a été restaurée.`,
    )
    await expect(page.getByRole('link', { name: 'Sauvegardes' })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByTestId('restore-journal')).toContainText('Fichier endommagé mis de côté')
    const damaged = readdirSync(join(dataDir, 'damaged'))
    expect(damaged).toHaveLength(1)
    expect(
      createHash('sha256')
        .update(readFileSync(join(dataDir, 'damaged', damaged[0]!)))
        .digest('hex'),
    ).toBe(hash)
    await page.goto(`${second.url}/#/reservations`)
    await expect(page.getByTestId('booking-list')).toHaveAttribute('data-status', 'ready')
    await stop(second.child)
    expect(existsSync(databasePath)).toBe(true)
  } finally {
    await Promise.all(started.map(stop))
    rmSync(dataDir, { recursive: true, force: true })
  }
})
