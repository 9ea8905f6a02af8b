/**
 * Rates, `reports.costs`, deposits and damage charges through the API, with amounts computed by hand
 * (rates: Ville de Montpellier 2014, docs/data/montpellier-2014-tarifs.md).
 */
import { describe, expect, it } from 'vitest'
import { clockedBackend, pricedInventory, type ClockedApi } from './costs-helpers'

/** Wednesday 02/06/2027 10:00 in Paris: May 2027 is over. */
const JUNE_2 = '2027-06-02T08:00:00Z'

/** Tiffauges' May: chairs Friday–Monday, the podium two days, an agent Saturday night, the van 3 h 10. */
async function mayBookings(api: ClockedApi) {
  const f = await pricedInventory(api)
  const book = (
    communeId: string,
    title: string,
    start: string,
    end: string,
    resourceId: string,
    quantity?: number,
  ) => api.ok('bookings.create', { communeId, title, start, end, items: [{ resourceId, quantity }] })
  const chairs = await book(f.tiffauges.id, 'Fête de la musique', '2027-05-14', '2027-05-17', f.chairs.id, 40)
  const podium = await book(f.tiffauges.id, 'Concert', '2027-05-22', '2027-05-23', f.podium.id)
  const agent = await book(f.tiffauges.id, 'Bal', '2027-05-15T18:00', '2027-05-16T02:00', f.agent.id)
  const van = await book(f.tiffauges.id, 'Transport', '2027-05-20T08:00', '2027-05-20T11:10', f.van.id)
  // Not in May's report: cancelled, starting in April, another commune.
  const cancelled = await book(f.tiffauges.id, 'Annulée', '2027-05-25', '2027-05-25', f.chairs.id, 10)
  await api.ok('bookings.cancel', { id: cancelled.id })
  await book(f.tiffauges.id, 'Avril', '2027-04-30', '2027-05-02', f.chairs.id, 10)
  await book(f.gaubretiere.id, 'Vide-grenier', '2027-05-03', '2027-05-03', f.chairs.id, 20)
  return { ...f, chairsBooking: chairs, podiumBooking: podium, agentBooking: agent, vanBooking: van }
}

describe('rates', () => {
  it('keep dailyRateCents as the per-day rate in force today, with its history', async () => {
    const api = clockedBackend('2026-11-29T10:00:00Z')
    const chairs = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Chaises',
      tracking: 'stock',
      quantity: 120,
      dailyRateCents: 31,
    })
    expect(await api.ok('rates.list', { resourceId: chairs.id })).toMatchObject([
      { unit: 'day', amountCents: 31, validFrom: '1900-01-01', depositCents: 0, free: false },
    ])
    const raised = await api.ok('resources.update', { id: chairs.id, dailyRateCents: 35 })
    expect(raised.dailyRateCents).toBe(35)
    expect(
      (await api.ok('rates.list', { resourceId: chairs.id })).map((r) => [r.validFrom, r.amountCents]),
    ).toEqual([
      ['2026-11-29', 35],
      ['1900-01-01', 31],
    ])
    const loan = await api.ok('rates.set', {
      resourceId: chairs.id,
      unit: 'loan',
      amountCents: 5000,
      depositCents: 36_000,
      validFrom: '2027-01-01',
    })
    expect(loan).toMatchObject({
      unit: 'loan',
      amountCents: 5000,
      depositCents: 36_000,
      createdBy: 'administrateur local',
    })
    // The rate per loan applies from 01/01/2027 only: today the daily rate is still 0,35 €.
    expect((await api.ok('resources.get', { id: chairs.id })).dailyRateCents).toBe(35)
    const refused = await api.fail('rates.set', {
      resourceId: chairs.id,
      unit: 'm2_day',
      amountCents: 780,
      validFrom: '2027-01-01',
    })
    expect(refused.message).toBe(
      'Indiquez d’abord la surface en m² de « Chaises » (fiche de la ressource) : le tarif au m² en dépend.',
    )
    const noAmount = await api.fail('rates.set', {
      resourceId: chairs.id,
      unit: 'day',
      validFrom: '2027-01-01',
    })
    expect(noAmount.message).toBe('Saisie invalide (montant) : Indiquez le montant du tarif.')
  })
})

describe('reports.costs', () => {
  it('count each commune’s May at the rates in force, line by line', async () => {
    const api = clockedBackend(JUNE_2)
    const f = await mayBookings(api)
    const report = await api.ok('reports.costs', { from: '2027-05-01', to: '2027-05-31' })
    expect(report.communes.map((c) => [c.communeName, c.inseeCode, c.totalCents])).toEqual([
      // 20 chairs × 1 day × 31 = 620.
      ['La Gaubretière', '85097', 620],
      // 4 960 (chairs) + 5 400 + 6 750 + 5 400 (agent) + 2 275 (van) + 37 440 (podium) = 62 225.
      ['Tiffauges', '85293', 62_225],
    ])
    expect(report.totalCents).toBe(62_845)
    const tiffauges = report.communes[1]!
    expect(
      tiffauges.lines.map((l) => [
        l.bookingReference,
        l.resourceName,
        l.quantity,
        l.units,
        l.unit,
        l.rateCents,
        l.surchargePercent,
        l.amountCents,
      ]),
    ).toEqual([
      [f.chairsBooking.reference, 'Chaises pliantes', 40, 4, 'day', 31, 0, 4960],
      [f.agentBooking.reference, 'Paul Girard', 1, 3, 'hour', 1800, 0, 5400],
      [f.agentBooking.reference, 'Paul Girard', 1, 3, 'hour', 1800, 25, 6750],
      [f.agentBooking.reference, 'Paul Girard', 1, 2, 'hour', 1800, 50, 5400],
      [f.vanBooking.reference, 'Fourgon Renault Master', 1, 3.25, 'hour', 700, 0, 2275],
      [f.podiumBooking.reference, 'Podium 6 × 4 m', 1, 2, 'm2_day', 780, 0, 37_440],
    ])
    expect(tiffauges.lines[0]?.periodText).toBe('du 14/05/2027 au 17/05/2027')
    expect(report.rules[1]).toContain('un prêt du vendredi au lundi compte 4 jours')
    const one = await api.ok('reports.costs', {
      from: '2027-05-01',
      to: '2027-05-31',
      communeId: f.gaubretiere.id,
    })
    expect(one.communes.map((c) => c.communeName)).toEqual(['La Gaubretière'])
    expect((await api.fail('reports.costs', { from: '2027-05-31', to: '2027-05-01' })).message).toBe(
      'Saisie invalide (fin de la période) : La fin de la période doit suivre son début.',
    )
  })

  it('leave out requests not yet accepted, and price a hub setting change from its day', async () => {
    const api = clockedBackend(JUNE_2)
    const f = await pricedInventory(api)
    await api.ok('resources.update', { id: f.van.id, requiresApproval: true })
    await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'En attente',
      start: '2027-05-10T08:00',
      end: '2027-05-10T10:00',
      items: [{ resourceId: f.van.id }],
    })
    expect((await api.ok('reports.costs', { from: '2027-05-01', to: '2027-05-31' })).communes).toEqual([])
    await api.ok('settings.update', { validFrom: '2027-05-20', agentHourlyRateCents: 2000 })
    const before = { communeId: f.tiffauges.id, items: [{ resourceId: f.agent.id }] }
    await api.ok('bookings.create', {
      ...before,
      title: 'Avant',
      start: '2027-05-19T08:00',
      end: '2027-05-19T10:00',
    })
    await api.ok('bookings.create', {
      ...before,
      title: 'Après',
      start: '2027-05-20T08:00',
      end: '2027-05-20T10:00',
    })
    const lines = (await api.ok('reports.costs', { from: '2027-05-01', to: '2027-05-31' })).communes[0]!.lines
    // Wednesday 19/05, 2 h × 1 800 = 3 600; Thursday 20/05, 2 h × 2 000 = 4 000.
    expect(lines.map((l) => [l.bookingTitle, l.rateCents, l.amountCents])).toEqual([
      ['Avant', 1800, 3600],
      ['Après', 2000, 4000],
    ])
  })
})

describe('deposits and damage', () => {
  it('record a deposit received and returned, and charge confirmed damage at replacement value', async () => {
    const api = clockedBackend(JUNE_2)
    const f = await mayBookings(api)
    const podium = f.podiumBooking
    expect(await api.ok('deposits.get', { bookingId: podium.id })).toMatchObject({
      expectedCents: 133_000,
      state: 'none',
    })
    expect((await api.fail('deposits.record', { bookingId: podium.id, action: 'returned' })).message).toBe(
      `Aucune caution n’a été reçue pour ${podium.reference} : enregistrez d’abord sa réception.`,
    )
    await api.ok('deposits.record', { bookingId: podium.id, action: 'received', at: '2027-05-21T17:00' })
    const back = await api.ok('deposits.record', {
      bookingId: podium.id,
      action: 'returned',
      amountCents: 100_000,
    })
    expect(back).toMatchObject({
      state: 'returned',
      receivedCents: 133_000,
      receivedAt: '2027-05-21T15:00:00.000Z',
      returnedCents: 100_000,
      retainedCents: 33_000,
    })

    const chairs = f.chairsBooking
    await api.ok('bookings.checkOut', { id: chairs.id, at: '2027-05-14T08:00' })
    expect(
      (await api.fail('costs.confirmDamage', { bookingId: chairs.id, resourceId: f.chairs.id, quantity: 1 }))
        .message,
    ).toBe(`La réservation ${chairs.reference} n’est pas encore rendue : les dégâts se constatent au retour.`)
    await api.ok('bookings.return', {
      id: chairs.id,
      at: '2027-05-17T18:00',
      items: [{ resourceId: f.chairs.id, returnedQuantity: 38, damagedQuantity: 1 }],
    })
    expect(
      (await api.fail('costs.confirmDamage', { bookingId: chairs.id, resourceId: f.chairs.id, quantity: 4 }))
        .message,
    ).toBe(
      `Au retour de ${chairs.reference}, 3 unité(s) de « Chaises pliantes » ont été notées abîmées ou manquantes : on ne peut en facturer plus.`,
    )
    // 2 missing + 1 damaged; replacement value 216 000 / 120 chairs = 1 800 cents each.
    const charge = await api.ok('costs.confirmDamage', {
      bookingId: chairs.id,
      resourceId: f.chairs.id,
      quantity: 3,
    })
    expect(charge).toMatchObject({
      quantity: 3,
      unitValueCents: 1800,
      confirmedAt: '2027-06-02T08:00:00.000Z',
    })
    // Confirmed on 02/06: on June's report, 3 × 1 800 = 5 400.
    const june = await api.ok('reports.costs', { from: '2027-06-01', to: '2027-06-30' })
    expect(june.communes[0]?.lines.map((l) => [l.kind, l.quantity, l.rateCents, l.amountCents])).toEqual([
      ['damage', 3, 1800, 5400],
    ])
    // Changing one's mind before any statement bills it: not billed, with the reason.
    await api.ok('costs.confirmDamage', {
      bookingId: chairs.id,
      resourceId: f.chairs.id,
      quantity: 0,
      reason: 'Usure normale',
    })
    expect(await api.ok('costs.damages', { bookingId: chairs.id })).toEqual([
      {
        bookingId: chairs.id,
        resourceId: f.chairs.id,
        decision: 'waive',
        quantity: 0,
        unitValueCents: 0,
        confirmedAt: '2027-06-02T08:00:00.000Z',
        confirmedBy: 'administrateur local',
        notes: '',
        reason: 'Usure normale',
        statementNumber: null,
      },
    ])
    expect((await api.ok('reports.costs', { from: '2027-06-01', to: '2027-06-30' })).communes).toEqual([])
  })
})
