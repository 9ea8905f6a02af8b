import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { dayFromToday } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

async function openBookings(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/reservations`)
  await expect(page.getByRole('heading', { name: 'Réservations', exact: true })).toBeVisible()
}

async function addResource(page: Page, name: string, quantity?: number): Promise<void> {
  await page.getByLabel('Ressource à ajouter').selectOption({ label: name })
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click()
  if (quantity !== undefined) await page.getByLabel(`Quantité de ${name}`).fill(String(quantity))
}

test('a booking made in the form appears in the commune calendar', async ({ page, server }) => {
  const [first, last, after] = [dayFromToday(50), dayFromToday(51), dayFromToday(52)]
  await openBookings(page, server.url)
  await page.getByLabel('Commune').selectOption({ label: 'Tiffauges' })
  await page.getByLabel('Objet').fill('Fête de la Saint-Jean')
  await page.getByLabel('Premier jour').fill(first.fr)
  await page.getByLabel('Dernier jour').fill(last.fr)
  await addResource(page, 'Chaises pliantes', 50)
  await addResource(page, 'Podium 24 m² (6 × 4 m)')
  const status = page.getByTestId('availability-status')
  await expect(status).toHaveAttribute('data-status', 'available')
  await page.screenshot({ path: `${shots}/reservations-formulaire.png`, fullPage: true })
  await page.getByRole('button', { name: 'Réserver' }).click()
  const reference = page.getByTestId('created-reference')
  await expect(reference).toHaveText(/^RES-\d{4}-\d{4}$/)
  const ref = (await reference.textContent()) ?? ''
  await expect(page.getByTestId('booking-list').locator(`[data-reference="${ref}"]`)).toBeVisible()
  await page.screenshot({ path: `${shots}/reservations-creee.png`, fullPage: true })

  await page.getByRole('button', { name: 'Voir dans le calendrier' }).click()
  await expect(page.getByRole('heading', { name: 'Calendrier', exact: true })).toBeVisible()
  await expect(page.getByLabel('Commune')).toHaveValue(await commune(page, 'Tiffauges'))
  await expect(page.getByTestId('calendar-title')).toHaveText(first.monthTitle)
  for (const day of [first.iso, last.iso]) {
    await expect(
      page.getByTestId(`day-${day}`).locator(`[data-testid="calendar-event"][data-reference="${ref}"]`),
    ).toBeVisible()
  }
  await expect(page.getByTestId(`day-${after.iso}`).locator(`[data-reference="${ref}"]`)).toHaveCount(0)
  await page.screenshot({ path: `${shots}/calendrier-mois.png`, fullPage: true })
  await page.getByRole('button', { name: 'Semaine', exact: true }).click()
  await expect(page.getByTestId(`day-${first.iso}`).locator(`[data-reference="${ref}"]`)).toBeVisible()
  await page.screenshot({ path: `${shots}/calendrier-semaine.png`, fullPage: true })
})

async function commune(page: Page, name: string): Promise<string> {
  const communes = (await (
    await page.request.post(new URL('/api/communes.list', page.url()).href, { data: {} })
  ).json()) as {
    value: { id: string; name: string }[]
  }
  return communes.value.find((c) => c.name === name)?.id ?? ''
}

test('a conflicting request is refused with the explanation, and nothing typed is lost', async ({
  page,
  server,
}) => {
  const day = dayFromToday(55).fr
  await openBookings(page, server.url)
  // First booking: the trailer for Tiffauges (the nacelle would need a CACES operator), 14/05/2027 08:00–12:00.
  await page.getByLabel('Commune').selectOption({ label: 'Tiffauges' })
  await page.getByLabel('Objet').fill('Élagage des platanes')
  await page.getByText('Date et heure', { exact: true }).click()
  await page.getByLabel('Début').fill(`${day} 08:00`)
  await page.getByLabel('Fin').fill(`${day} 12:00`)
  await addResource(page, 'Remorque plateau 3,5 t')
  await expect(page.getByTestId('availability-status')).toHaveAttribute('data-status', 'available')
  await page.getByRole('button', { name: 'Réserver' }).click()
  const ref = (await page.getByTestId('created-reference').textContent()) ?? ''
  expect(ref).toMatch(/^RES-/)

  // Second request overlaps by one hour: refused live, and again on submit.
  await page.getByLabel('Commune').selectOption({ label: 'La Gaubretière' })
  await page.getByLabel('Objet').fill('Guirlandes de la place')
  await page.getByText('Date et heure', { exact: true }).click()
  await page.getByLabel('Début').fill(`${day} 11:00`)
  await page.getByLabel('Fin').fill(`${day} 15:00`)
  await addResource(page, 'Remorque plateau 3,5 t')
  const status = page.getByTestId('availability-status')
  await expect(status).toHaveAttribute('data-status', 'conflicts')
  await expect(status).toContainText(
    `réservation ${ref} (Tiffauges, « Élagage des platanes ») du ${day} 08:00 au ${day} 12:00`,
  )
  await page.getByRole('button', { name: 'Réserver' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Réservation impossible' })
  await expect(alert).toContainText(ref)
  await expect(page.getByLabel('Objet')).toHaveValue('Guirlandes de la place')
  await expect(page.getByLabel('Début')).toHaveValue(`${day} 11:00`)
  await expect(page.getByLabel('Commune')).toHaveValue(await commune(page, 'La Gaubretière'))
  await page.screenshot({ path: `${shots}/reservations-conflit.png`, fullPage: true })

  // Moved to start when the first one ends, it fits (half-open intervals).
  await page.getByLabel('Début').fill(`${day} 12:00`)
  await expect(status).toHaveAttribute('data-status', 'available')
})

test('a stock request above what is left says how many remain', async ({ page, server }) => {
  const [before, day, next] = [dayFromToday(59), dayFromToday(60), dayFromToday(61)]
  await openBookings(page, server.url)
  await page.getByLabel('Commune').selectOption({ label: 'Saint-Aubin-des-Ormeaux' })
  await page.getByLabel('Objet').fill('Repas des aînés')
  await page.getByLabel('Premier jour').fill(day.fr)
  await page.getByLabel('Dernier jour').fill(day.fr)
  await addResource(page, 'Chaises pliantes', 100)
  await page.getByRole('button', { name: 'Réserver' }).click()
  await expect(page.getByTestId('created-reference')).toBeVisible()

  await page.getByLabel('Commune').selectOption({ label: 'Les Landes-Genusson' })
  await page.getByLabel('Objet').fill('Assemblée générale')
  await page.getByLabel('Premier jour').fill(before.fr)
  await page.getByLabel('Dernier jour').fill(next.fr)
  await addResource(page, 'Chaises pliantes', 30)
  const status = page.getByTestId('availability-status')
  await expect(status).toHaveAttribute('data-status', 'conflicts')
  await expect(status).toContainText('il en reste 20 sur 120 pour cette période (demande : 30)')
  await page.getByLabel('Quantité de Chaises pliantes').fill('20')
  await expect(status).toHaveAttribute('data-status', 'available')
})

test('a booking is still there after the server restarts', async ({ page, server }) => {
  const day = dayFromToday(52).fr
  await openBookings(page, server.url)
  await page.getByLabel('Commune').selectOption({ label: 'Saint-Martin-des-Tilleuls' })
  await page.getByLabel('Objet').fill('Broyage des branches')
  await page.getByLabel('Premier jour').fill(day)
  await page.getByLabel('Dernier jour').fill(day)
  await addResource(page, 'Broyeur de végétaux')
  await page.getByRole('button', { name: 'Réserver' }).click()
  const ref = (await page.getByTestId('created-reference').textContent()) ?? ''
  expect(ref).toMatch(/^RES-/)

  const url = await server.restart()
  await page.goto(`${url}/#/reservations`)
  const row = page.getByTestId('booking-list').locator(`[data-reference="${ref}"]`)
  await expect(row).toBeVisible()
  await expect(row).toContainText('Broyage des branches')
  await expect(row).toContainText('Saint-Martin-des-Tilleuls')
})
