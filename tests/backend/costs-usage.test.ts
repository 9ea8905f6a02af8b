/**
 * `reports.usage`: the bilan d'utilisation per resource, category and commune, with figures counted by
 * hand: unit-days used inside the period, share of the unit-days available, communes' shares, uses,
 * cost per use, amounts, idle resources and months.
 */
import { describe, expect, it } from 'vitest'
import { clockedBackend, pricedInventory, type ClockedApi } from './costs-helpers'

async function may(api: ClockedApi) {
  const f = await pricedInventory(api)
  const benches = await api.ok('resources.create', {
    kind: 'equipment',
    name: 'Bancs',
    tracking: 'stock',
    quantity: 40,
  })
  const book = (communeId: string, start: string, end: string, resourceId: string, quantity?: number) =>
    api.ok('bookings.create', { communeId, title: 'Fête', start, end, items: [{ resourceId, quantity }] })
  await book(f.tiffauges.id, '2027-05-14', '2027-05-17', f.chairs.id, 40)
  await book(f.tiffauges.id, '2027-05-22', '2027-05-23', f.podium.id)
  await book(f.tiffauges.id, '2027-05-15T18:00', '2027-05-16T02:00', f.agent.id)
  await book(f.tiffauges.id, '2027-05-20T08:00', '2027-05-20T11:10', f.van.id)
  await book(f.tiffauges.id, '2027-04-30', '2027-05-02', f.chairs.id, 10)
  await book(f.gaubretiere.id, '2027-05-03', '2027-05-03', f.chairs.id, 20)
  const cancelled = await book(f.gaubretiere.id, '2027-05-10', '2027-05-12', f.chairs.id, 100)
  await api.ok('bookings.cancel', { id: cancelled.id })
  return { ...f, benches }
}

describe('reports.usage', () => {
  it('give each resource its share of days used, its communes and its cost per use', async () => {
    const api = clockedBackend('2027-06-02T08:00:00Z')
    await may(api)
    const report = await api.ok('reports.usage', {
      from: '2027-05-01',
      to: '2027-05-31',
      groupBy: 'resource',
    })
    expect(report.daysInPeriod).toBe(31)
    // Podium and agent 2/31 = 0,0645 (equal: by name); chairs 200/3 720 = 0,0538; van 1/31; benches 0.
    expect(
      report.rows.map((r) => [r.label, r.units, r.daysUsed, r.daysAvailable, r.uses, r.amountCents]),
    ).toEqual([
      ['Paul Girard', 1, 2, 31, 1, 17_550],
      ['Podium 6 × 4 m', 1, 2, 31, 1, 37_440],
      // 40 × 4 (14–17/05) + 10 × 2 (01–02/05 of the loan from 30/04) + 20 × 1 (03/05) = 200 unit-days;
      // amount of the loans starting in May: 4 960 + 620 = 5 580 (the one from 30/04 is April's).
      ['Chaises pliantes', 120, 200, 3720, 3, 5580],
      ['Fourgon Renault Master', 1, 1, 31, 1, 2275],
      ['Bancs', 40, 0, 1240, 0, 0],
    ])
    const chairs = report.rows[2]!
    expect(chairs.shareUsed).toBeCloseTo(200 / 3720, 12)
    // 216 000 cents ÷ 3 uses = 72 000.
    expect([chairs.purchaseValueCents, chairs.costPerUseCents]).toEqual([216_000, 72_000])
    expect(chairs.communes.map((c) => [c.communeName, c.daysUsed, c.share, c.uses])).toEqual([
      ['Tiffauges', 180, 0.9, 2],
      ['La Gaubretière', 20, 0.1, 1],
    ])
    expect(report.rows[0]?.costPerUseCents).toBeNull()
    // The van: 08:00–11:10, 3 h 10 of real time.
    expect(report.rows[3]?.hoursUsed).toBeCloseTo(190 / 60, 12)
    expect(report.idle.map((r) => r.name)).toEqual(['Bancs'])
    // 200 + 2 + 2 + 1 = 205 unit-days of 31 × 163 units = 5 053; 6 uses; 62 225 + 620 = 62 845 cents.
    expect(report.totals).toEqual({
      daysUsed: 205,
      daysAvailable: 5053,
      shareUsed: 205 / 5053,
      uses: 6,
      amountCents: 62_845,
    })
  })

  it('group by commune and by category, month by month', async () => {
    const api = clockedBackend('2027-06-02T08:00:00Z')
    const f = await may(api)
    const byCommune = await api.ok('reports.usage', {
      from: '2027-05-01',
      to: '2027-05-31',
      groupBy: 'commune',
    })
    // Tiffauges: 180 + 2 + 2 + 1 = 185 unit-days, 62 225 cents; La Gaubretière: 20, 620.
    expect(
      byCommune.rows.map((r) => [r.label, r.daysUsed, r.uses, r.amountCents, r.communes[0]?.share]),
    ).toEqual([
      ['Tiffauges', 185, 5, 62_225, 185 / 205],
      ['La Gaubretière', 20, 1, 620, 20 / 205],
    ])
    const byCategory = await api.ok('reports.usage', {
      from: '2027-05-01',
      to: '2027-05-31',
      groupBy: 'category',
    })
    expect(byCategory.rows.map((r) => [r.key, r.label, r.units, r.daysUsed])).toEqual([
      [null, 'Sans catégorie', 163, 205],
    ])

    const months = await api.ok('reports.usage', {
      from: '2027-04-15',
      to: '2027-05-31',
      groupBy: 'resource',
    })
    const chairs = months.rows.find((r) => r.key === f.chairs.id)!
    // April 15–30 (16 days × 120): the loan from 30/04, 10 × 1 day, 10 × 3 × 31 = 930 cents.
    // May: 10 × 2 + 160 + 20 = 200 unit-days, 2 loans starting, 4 960 + 620 = 5 580 cents.
    expect(chairs.months).toEqual([
      {
        month: '2027-04',
        daysUsed: 10,
        daysAvailable: 1920,
        shareUsed: 10 / 1920,
        uses: 1,
        amountCents: 930,
      },
      {
        month: '2027-05',
        daysUsed: 200,
        daysAvailable: 3720,
        shareUsed: 200 / 3720,
        uses: 2,
        amountCents: 5580,
      },
    ])
    expect(
      (await api.fail('reports.usage', { from: '2027-01-01', to: '2030-01-01', groupBy: 'resource' }))
        .message,
    ).toBe('Saisie invalide (fin de la période) : Un bilan couvre trois ans au plus.')
  })
})
