import { mkdirSync } from 'node:fs'
import { dayFromToday } from './dates'
import { expect, test } from './fixtures'

const shots = 'test-artifacts/screenshots'
mkdirSync(shots, { recursive: true })

test('every page renders in French with the demo data, without console errors', async ({ page, server }) => {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))

  await page.goto(`${server.url}/#/inventaire`)
  await expect(page.getByRole('heading', { name: 'Inventaire' })).toBeVisible()
  await expect(page.getByTestId('resource-table')).toContainText('Chaises pliantes')
  await page.screenshot({ path: `${shots}/inventaire.png`, fullPage: true })
  await page.getByRole('tab', { name: /Véhicules/ }).click()
  await expect(page.getByTestId('resource-table')).toContainText('FR-482-PT')
  await page.screenshot({ path: `${shots}/inventaire-vehicules.png`, fullPage: true })

  await page.getByRole('link', { name: 'Réservations' }).click()
  await expect(page.getByTestId('booking-list')).toContainText('Marché de Noël')
  await page.screenshot({ path: `${shots}/reservations.png`, fullPage: true })

  await page.getByRole('link', { name: 'Calendrier' }).click()
  await expect(page.getByTestId('calendar-title')).toBeVisible()
  await page.getByLabel('Commune').selectOption({ label: 'Tiffauges' })
  await page.screenshot({ path: `${shots}/calendrier.png`, fullPage: true })

  await page.getByRole('link', { name: 'Disponibilités' }).click()
  await page.getByLabel('Premier jour').fill(dayFromToday(70).fr)
  await page.getByLabel('Dernier jour').fill(dayFromToday(71).fr)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  await expect(page.getByTestId('free-resources')).toContainText('Chaises pliantes')
  await page.screenshot({ path: `${shots}/disponibilites.png`, fullPage: true })

  expect(errors).toEqual([])
})

test('the calendar shows French public holidays and weekends', async ({ page, server }) => {
  await page.goto(`${server.url}/#/calendrier`)
  await expect(page.getByTestId('calendar-title')).toBeVisible()
  // Walk to May 2027 (8 mai on a Saturday, Ascension on Thursday 6 May), forwards or backwards.
  const title = page.getByTestId('calendar-title')
  for (let i = 0; i < 60 && (await title.textContent()) !== 'Mai 2027'; i++) {
    const [, year] = /(\d{4})$/.exec((await title.textContent()) ?? '') ?? []
    const shown = await title.textContent()
    const before =
      Number(year) < 2027 ||
      (Number(year) === 2027 &&
        !/^(Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre)/.test(shown ?? ''))
    await page.getByRole('button', { name: before ? 'Mois suivant' : 'Mois précédent' }).click()
    await expect(title).not.toHaveText(shown ?? '')
  }
  await expect(page.getByTestId('calendar-title')).toHaveText('Mai 2027')
  await expect(page.getByTestId('day-2027-05-06')).toHaveClass(/is-holiday/)
  await expect(page.getByTestId('day-2027-05-06')).toContainText('Ascension')
  await expect(page.getByTestId('day-2027-05-08')).toHaveClass(/is-weekend/)
  await expect(page.getByTestId('day-2027-05-17')).toContainText('Lundi de Pentecôte')
  await expect(page.getByTestId('day-2027-05-12')).not.toHaveClass(/is-holiday/)
  await page.screenshot({ path: `${shots}/calendrier-feries.png`, fullPage: true })
})
