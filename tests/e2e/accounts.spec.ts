import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { dayFromToday } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

const PASSWORD = 'pont-de-la-sèvre-1848'

async function createAccount(
  page: Page,
  account: { name: string; login: string; role?: string; commune?: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Nouveau compte' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouveau compte' })
  await dialog.getByLabel('Nom affiché').fill(account.name)
  await dialog.getByLabel('Identifiant').fill(account.login)
  await dialog.getByLabel('Mot de passe provisoire').fill(PASSWORD)
  if (account.role) await dialog.getByLabel('Rôle').selectOption({ label: account.role })
  if (account.commune) await dialog.getByLabel('Commune').selectOption({ label: account.commune })
  await dialog.getByRole('button', { name: 'Créer le compte' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('accounts-table').locator(`tr[data-login="${account.login}"]`)).toBeVisible()
}

async function signIn(page: Page, login: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible()
  await page.getByLabel('Identifiant').fill(login)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByTestId('signed-in-user')).toBeVisible()
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible()
}

/** An API call with the page's cookies, as a script in the page would make it. */
async function call(page: Page, method: string, input: unknown) {
  const reply = await page.request.post(new URL(`/api/${method}`, page.url()).href, { data: input })
  return (await reply.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

test('accounts: a secretary asks, sees only « Réservé » elsewhere, the manager approves, the journal names both', async ({
  page,
  server,
}) => {
  // A new installation: no sign-in; the local administrator creates the accounts.
  await page.goto(`${server.url}/#/comptes`)
  await expect(page.getByRole('heading', { name: 'Comptes' })).toBeVisible()
  await createAccount(page, { name: 'Anne Durand', login: 'a.durand' })
  await expect(page.getByTestId('signed-in-user')).toContainText('Anne Durand')
  await createAccount(page, {
    name: 'Claire Martin',
    login: 'c.martin',
    role: 'Secrétaire de mairie',
    commune: 'Tiffauges',
  })
  await createAccount(page, { name: 'Paul Moreau', login: 'p.moreau', role: 'Responsable du pôle' })
  await page.screenshot({ path: `${shots}/comptes.png`, fullPage: true })
  // The administrator backs the accounts up before anyone books.
  await page.getByRole('link', { name: 'Sauvegardes' }).click()
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click()
  await expect(page.getByTestId('backup-created')).toBeVisible()
  const backupName =
    (await page
      .getByTestId('backup-list')
      .locator('tr[data-reason="manual"]')
      .first()
      .getAttribute('data-backup')) ?? ''
  await signOut(page)
  await page.screenshot({ path: `${shots}/connexion.png`, fullPage: true })

  // A wrong password: one message, no hint.
  await page.getByLabel('Identifiant').fill('c.martin')
  await page.getByLabel('Mot de passe').fill('pas le bon')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Identifiant ou mot de passe incorrect. Vérifiez la saisie (majuscules comprises) et réessayez.',
  )

  // The secretary of Tiffauges signs in: an HttpOnly, SameSite=Strict cookie holds her session.
  await signIn(page, 'c.martin')
  await expect(page.getByTestId('signed-in-user')).toContainText('Secrétaire de mairie · Tiffauges')
  const port = new URL(server.url).port
  const cookies = await page.context().cookies()
  expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([
    [`mutualisation_session_${port}`, true, 'Strict', '/'],
  ])
  expect(await page.evaluate(() => document.cookie)).toBe('')
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  await expect(nav.getByRole('link', { name: 'Demandes' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Comptes' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Journal' })).toHaveCount(0)

  // She asks for the mini-pelle (the hub approves it) for her commune, the only one offered.
  await nav.getByRole('link', { name: 'Réservations' }).click()
  await expect(page.getByLabel('Commune')).toHaveValue(/.+/)
  await expect(page.getByLabel('Commune').locator('option')).toHaveText(['Choisir la commune…', 'Tiffauges'])
  const [first, last] = [dayFromToday(60), dayFromToday(61)]
  await page.getByLabel('Objet').fill('Curage du lavoir')
  await page.getByLabel('Premier jour').fill(first.fr)
  await page.getByLabel('Dernier jour').fill(last.fr)
  await page.getByLabel('Ressource à ajouter').selectOption({ label: 'Mini-pelle 2,5 t' })
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click()
  await expect(page.getByTestId('availability-status')).toHaveAttribute('data-status', 'available')
  await page.getByRole('button', { name: 'Réserver' }).click()
  const reference = (await page.getByTestId('created-reference').textContent()) ?? ''
  expect(reference).toMatch(/^RES-\d{4}-\d{4}$/)

  // La Gaubretière's Téléthon reads « Réservé »; her own Marché de Noël keeps its title.
  const list = page.getByTestId('booking-list')
  await expect(list).toHaveAttribute('data-status', 'ready')
  await expect(list).toContainText('Marché de Noël')
  await expect(list).toContainText('Réservé')
  await expect(list).not.toContainText('Téléthon')
  await page.screenshot({ path: `${shots}/secretaire-reservations.png`, fullPage: true })

  // She cannot approve, even by calling the API herself.
  const bookings = (await call(page, 'bookings.list', { from: first.iso, to: dayFromToday(62).iso })) as {
    value: { id: string; reference: string; status: string }[]
  }
  const request = bookings.value.find((b) => b.reference === reference)
  expect(request?.status).toBe('requested')
  const approve = await call(page, 'bookings.approve', { id: request?.id })
  expect(approve.error?.code).toBe('FORBIDDEN')
  await page.goto(`${server.url}/#/reservation/${request?.id}`)
  await expect(page.getByTestId('booking-status')).toHaveAttribute('data-status', 'requested')
  await expect(page.getByRole('button', { name: `Accepter ${reference}` })).toHaveCount(0)
  await signOut(page)

  // The manager signs in and approves the request from his inbox.
  await signIn(page, 'p.moreau')
  await page.getByRole('link', { name: 'Demandes' }).click()
  await page.getByRole('button', { name: `Accepter ${reference}` }).click()
  await expect(page.getByTestId('action-notice')).toHaveAttribute('data-tone', 'success')

  // The journal names both.
  await page.getByRole('link', { name: 'Journal' }).click()
  const journal = page.getByTestId('journal-page')
  await expect(journal).toHaveAttribute('data-status', 'ready')
  const entries = journal.getByTestId('journal').locator('li')
  await expect(entries.filter({ hasText: reference }).filter({ hasText: 'Demande acceptée' })).toContainText(
    'Paul Moreau (p.moreau)',
  )
  await expect(entries.filter({ hasText: reference }).filter({ hasText: 'Réservation créée' })).toContainText(
    'Claire Martin (c.martin)',
  )
  await page.getByLabel('Personne').selectOption({ label: 'Claire Martin (c.martin)' })
  await expect(journal.getByTestId('journal').locator('li')).toHaveCount(1)
  await page.screenshot({ path: `${shots}/journal.png`, fullPage: true })
  await signOut(page)

  // The administrator restores the morning's backup: the request is gone, the journal says who restored what.
  await signIn(page, 'a.durand')
  await page.getByRole('link', { name: 'Sauvegardes' }).click()
  await page.getByTestId('backup-list').locator(`tr[data-backup="${backupName}"]`).getByRole('button').click()
  await page
    .getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' })
    .getByRole('button', { name: 'Oui, restaurer' })
    .click()
  // Sessions opened after the backup are not in it: everyone signs in again.
  await signIn(page, 'a.durand')
  await page.getByRole('link', { name: 'Journal' }).click()
  await expect(journal).toHaveAttribute('data-status', 'ready')
  const restored = journal.getByTestId('journal').locator('li').filter({ hasText: 'Sauvegarde restaurée' })
  await expect(restored).toContainText('Anne Durand (a.durand)')
  await expect(restored).toContainText(backupName)
  await expect(journal.getByTestId('journal')).not.toContainText(reference)
  const gone = await call(page, 'bookings.get', { id: request?.id })
  expect(gone.error?.code).toBe('NOT_FOUND')
  await page.screenshot({ path: `${shots}/journal-restauration.png`, fullPage: true })
})
