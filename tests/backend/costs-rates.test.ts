/**
 * `Resource.dailyRateCents` is the per-day rate in force today (Europe/Paris, the backend's clock),
 * and saving it from the inventory form or the import keeps the deposit and the « gratuit pour les
 * communes membres » flag of the rate in force. Rates from the Ville de Montpellier's 2014 sheet
 * (docs/data/montpellier-2014-tarifs.md): chairs 0,31 €/day.
 */
import { describe, expect, it } from 'vitest'
import { clockedBackend } from './costs-helpers'

/** Sunday 29/11/2026 11:00 in Paris. */
const NOW = '2026-11-29T10:00:00Z'

async function chairs(api: ReturnType<typeof clockedBackend>) {
  return api.ok('resources.create', {
    kind: 'equipment',
    name: 'Chaises',
    tracking: 'stock',
    quantity: 120,
    inventoryNumber: 'CH-01',
    dailyRateCents: 31,
  })
}

const ratesOf = async (api: ReturnType<typeof clockedBackend>, resourceId: string) =>
  (await api.ok('rates.list', { resourceId })).map((r) => [
    r.validFrom,
    r.unit,
    r.amountCents,
    r.depositCents,
    r.free,
    r.createdBy,
  ])

describe('Resource.dailyRateCents', () => {
  it('is the per-day rate in force today, not a rate set for a later day', async () => {
    const api = clockedBackend(NOW)
    const c = await chairs(api)
    await api.ok('rates.set', { resourceId: c.id, unit: 'day', amountCents: 40, validFrom: '2027-01-01' })
    await api.ok('rates.set', { resourceId: c.id, unit: 'loan', amountCents: 5000, validFrom: '2027-03-01' })
    // 29/11/2026: the rate of 1900 is in force, in every read of the resource.
    expect((await api.ok('resources.get', { id: c.id })).dailyRateCents).toBe(31)
    expect((await api.ok('resources.list', {})).find((r) => r.id === c.id)?.dailyRateCents).toBe(31)
    // 31/12/2026 23:59 in Paris (22:59 UTC): still 0,31 €.
    api.setNow(Date.parse('2026-12-31T22:59:00Z'))
    expect((await api.ok('resources.get', { id: c.id })).dailyRateCents).toBe(31)
    // 01/01/2027 00:00 in Paris (23:00 UTC the day before): 0,40 € from that day.
    api.setNow(Date.parse('2026-12-31T23:00:00Z'))
    expect((await api.ok('resources.get', { id: c.id })).dailyRateCents).toBe(40)
    // From 01/03/2027 the rate is per loan: no daily rate.
    api.setNow(Date.parse('2027-03-01T08:00:00Z'))
    expect((await api.ok('resources.get', { id: c.id })).dailyRateCents).toBeNull()
  })

  it('saved unchanged by the form (another field edited) writes no rate and keeps later ones', async () => {
    const api = clockedBackend(NOW)
    const c = await chairs(api)
    await api.ok('rates.set', { resourceId: c.id, unit: 'day', amountCents: 40, validFrom: '2027-01-01' })
    // The form sends back the 0,31 € it shows with the new name.
    const renamed = await api.ok('resources.update', {
      id: c.id,
      name: 'Chaises pliantes',
      dailyRateCents: 31,
    })
    expect(renamed.dailyRateCents).toBe(31)
    expect(await ratesOf(api, c.id)).toEqual([
      ['2027-01-01', 'day', 40, 0, false, 'administrateur local'],
      ['1900-01-01', 'day', 31, 0, false, 'fiche de la ressource'],
    ])
    // A new daily rate applies from today until the one planned for 01/01/2027.
    const raised = await api.ok('resources.update', { id: c.id, dailyRateCents: 35 })
    expect(raised.dailyRateCents).toBe(35)
    expect(await ratesOf(api, c.id)).toEqual([
      ['2027-01-01', 'day', 40, 0, false, 'administrateur local'],
      ['2026-11-29', 'day', 35, 0, false, 'fiche de la ressource'],
      ['1900-01-01', 'day', 31, 0, false, 'fiche de la ressource'],
    ])
  })

  it('saved from the form or the import keeps the deposit and the free flag of the rate in force', async () => {
    const api = clockedBackend(NOW)
    const c = await chairs(api)
    // Free for member communes, with a 150 € deposit, since 01/11/2026.
    await api.ok('rates.set', {
      resourceId: c.id,
      unit: 'day',
      amountCents: 31,
      depositCents: 15_000,
      free: true,
      validFrom: '2026-11-01',
    })
    const raised = await api.ok('resources.update', { id: c.id, dailyRateCents: 35 })
    expect(raised.dailyRateCents).toBe(35)
    expect((await ratesOf(api, c.id))[0]).toEqual([
      '2026-11-29',
      'day',
      35,
      15_000,
      true,
      'fiche de la ressource',
    ])

    // The next day, the import of the inventory spreadsheet raises it again.
    api.setNow(Date.parse('2026-11-30T09:00:00Z'))
    const csv = 'Désignation;N° d’inventaire;Tarif journalier\r\nChaises;CH-01;0,38\r\n'
    const report = await api.ok('resources.import', {
      fileName: 'inventaire.csv',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    })
    expect(report).toMatchObject({ stored: true, created: 0, updated: 1, errors: [] })
    expect((await ratesOf(api, c.id))[0]).toEqual([
      '2026-11-30',
      'day',
      38,
      15_000,
      true,
      'fiche de la ressource',
    ])

    // Cleared: « no rate » from that day, the deposit still asked.
    const cleared = await api.ok('resources.update', { id: c.id, dailyRateCents: null })
    expect(cleared.dailyRateCents).toBeNull()
    expect((await ratesOf(api, c.id))[0]).toEqual([
      '2026-11-30',
      'none',
      0,
      15_000,
      true,
      'fiche de la ressource',
    ])
    expect(await api.ok('rates.list', { resourceId: c.id })).toHaveLength(4)
  })

  it('typed over a rate per loan stores a per-day rate with that rate’s deposit; rates.set defaults likewise', async () => {
    const api = clockedBackend(NOW)
    const tent = await api.ok('resources.create', { kind: 'equipment', name: 'Tente de réception' })
    await api.ok('rates.set', {
      resourceId: tent.id,
      unit: 'loan',
      amountCents: 5000,
      depositCents: 36_000,
      free: true,
      validFrom: '2026-01-01',
    })
    expect(tent.dailyRateCents).toBeNull()
    await api.ok('resources.update', { id: tent.id, dailyRateCents: 12_000 })
    // rates.set without deposit nor flag takes those of the rate in force on its day (the form's).
    await api.ok('rates.set', {
      resourceId: tent.id,
      unit: 'half_day',
      amountCents: 7000,
      validFrom: '2027-02-01',
    })
    expect(await ratesOf(api, tent.id)).toEqual([
      ['2027-02-01', 'half_day', 7000, 36_000, true, 'administrateur local'],
      ['2026-11-29', 'day', 12_000, 36_000, true, 'fiche de la ressource'],
      ['2026-01-01', 'loan', 5000, 36_000, true, 'administrateur local'],
    ])
  })
})
