/**
 * The lists the Refacturation page needs — damaged or missing items awaiting a decision
 * (`costs.pendingDamages`), deposits expected, held or given back (`deposits.list`) — and the decision
 * not to bill a damage, recorded with its reason. Values by hand: 120 chairs bought 2 160 € (18 € each),
 * the podium's deposit 1 330 € (Montpellier 2014, docs/data/montpellier-2014-tarifs.md).
 */
import { describe, expect, it } from 'vitest'
import { methodRights } from '../../shared/api/rights'
import { clockedBackend, pricedInventory, type ClockedApi } from './costs-helpers'

/** Wednesday 02/06/2027 10:00 in Paris. */
const JUNE_2 = '2027-06-02T08:00:00Z'

async function returned(
  api: ClockedApi,
  communeId: string,
  title: string,
  start: string,
  end: string,
  items: { resourceId: string; quantity: number; returnedQuantity: number; damagedQuantity: number }[],
) {
  const booking = await api.ok('bookings.create', {
    communeId,
    title,
    start,
    end,
    items: items.map(({ resourceId, quantity }) => ({ resourceId, quantity })),
  })
  await api.ok('bookings.checkOut', { id: booking.id, at: `${start}T08:00` })
  await api.ok('bookings.return', {
    id: booking.id,
    at: `${end}T18:00`,
    items: items.map(({ resourceId, returnedQuantity, damagedQuantity }) => ({
      resourceId,
      returnedQuantity,
      damagedQuantity,
    })),
  })
  return booking
}

describe('damage decisions', () => {
  it('list the items awaiting a decision, record a decision not to bill with its reason', async () => {
    const api = clockedBackend(JUNE_2)
    const f = await pricedInventory(api)
    const fete = await returned(api, f.tiffauges.id, 'Fête de la musique', '2027-05-14', '2027-05-17', [
      { resourceId: f.chairs.id, quantity: 40, returnedQuantity: 38, damagedQuantity: 1 },
    ])
    const concert = await returned(api, f.gaubretiere.id, 'Concert', '2027-05-22', '2027-05-23', [
      { resourceId: f.chairs.id, quantity: 20, returnedQuantity: 20, damagedQuantity: 0 },
      { resourceId: f.podium.id, quantity: 1, returnedQuantity: 1, damagedQuantity: 1 },
    ])
    // Returned intact: nothing to decide.
    await returned(api, f.tiffauges.id, 'Loto', '2027-05-25', '2027-05-25', [
      { resourceId: f.chairs.id, quantity: 10, returnedQuantity: 10, damagedQuantity: 0 },
    ])

    const chairsRow = {
      bookingId: fete.id,
      bookingReference: fete.reference,
      bookingTitle: 'Fête de la musique',
      communeId: f.tiffauges.id,
      resourceId: f.chairs.id,
      resourceName: 'Chaises pliantes',
      // 17/05/2027 18:00 in Paris.
      returnedAt: '2027-05-17T16:00:00.000Z',
      quantity: 40,
      damagedQuantity: 1,
      missingQuantity: 2,
      chargeableQuantity: 3,
      defaultUnitValueCents: 1800,
    }
    const podiumRow = {
      bookingId: concert.id,
      bookingReference: concert.reference,
      bookingTitle: 'Concert',
      communeId: f.gaubretiere.id,
      resourceId: f.podium.id,
      resourceName: 'Podium 6 × 4 m',
      returnedAt: '2027-05-23T16:00:00.000Z',
      quantity: 1,
      damagedQuantity: 1,
      missingQuantity: 0,
      chargeableQuantity: 1,
      // No purchase value on the podium's record.
      defaultUnitValueCents: null,
    }
    expect(await api.ok('costs.pendingDamages', {})).toEqual([chairsRow, podiumRow])
    expect(await api.ok('costs.pendingDamages', { communeId: f.gaubretiere.id })).toEqual([podiumRow])

    const noReason = await api.fail('costs.confirmDamage', {
      bookingId: concert.id,
      resourceId: f.podium.id,
      quantity: 0,
      reason: '  ',
    })
    expect([noReason.code, noReason.message]).toEqual([
      'INVALID_INPUT',
      'Saisie invalide (motif) : Indiquez pourquoi ces unités ne sont pas facturées.',
    ])
    const waived = await api.ok('costs.confirmDamage', {
      bookingId: concert.id,
      resourceId: f.podium.id,
      quantity: 0,
      reason: 'Bâche déjà usée avant le prêt',
    })
    expect(waived).toEqual({
      bookingId: concert.id,
      resourceId: f.podium.id,
      decision: 'waive',
      quantity: 0,
      unitValueCents: 0,
      confirmedAt: '2027-06-02T08:00:00.000Z',
      confirmedBy: 'administrateur local',
      notes: '',
      reason: 'Bâche déjà usée avant le prêt',
      statementNumber: null,
    })
    expect(await api.ok('costs.damages', { bookingId: concert.id })).toEqual([waived])
    expect(await api.ok('costs.pendingDamages', {})).toEqual([chairsRow])

    // A reason sent with a charge is not kept: it would read as « not billed ».
    const charged = await api.ok('costs.confirmDamage', {
      bookingId: fete.id,
      resourceId: f.chairs.id,
      quantity: 3,
      notes: 'Pieds tordus',
      reason: 'sans objet',
    })
    expect(charged).toMatchObject({ decision: 'charge', quantity: 3, unitValueCents: 1800, reason: '' })
    expect(await api.ok('costs.pendingDamages', {})).toEqual([])

    // Only the charge is billed: 3 × 18 € = 54 €, on the report of the day it was decided.
    const june = await api.ok('reports.costs', { from: '2027-06-01', to: '2027-06-30' })
    expect(june.communes.map((c) => [c.communeName, c.totalCents, c.lines.length])).toEqual([
      ['Tiffauges', 5400, 1],
    ])
    const journal = await api.ok('journal.list', { entityId: concert.id })
    expect(
      journal.entries.filter((e) => e.entity === 'damage_charge').map((e) => [e.action, e.before, e.after]),
    ).toEqual([
      [
        'confirm',
        null,
        {
          bookingId: concert.id,
          resourceId: f.podium.id,
          quantity: 0,
          unitValueCents: 0,
          confirmedAt: '2027-06-02T08:00:00.000Z',
          confirmedBy: 'administrateur local',
          notes: '',
          reason: 'Bâche déjà usée avant le prêt',
          communeId: f.gaubretiere.id,
        },
      ],
    ])

    // Deciding again before any statement: the waived podium is charged after all.
    const after = await api.ok('costs.confirmDamage', {
      bookingId: concert.id,
      resourceId: f.podium.id,
      quantity: 1,
      unitValueCents: 45_000,
    })
    expect(after).toMatchObject({ decision: 'charge', quantity: 1, unitValueCents: 45_000, reason: '' })
  })

  it('are listed to the hub only, like costs.damages and deposits.get', () => {
    expect(methodRights['costs.pendingDamages']).toEqual(methodRights['costs.damages'])
    expect(methodRights['deposits.list']).toEqual(methodRights['deposits.get'])
    expect(methodRights['deposits.list']).toEqual({ access: 'roles', roles: ['admin', 'manager', 'viewer'] })
  })
})

describe('deposits.list', () => {
  it('lists the deposits expected, held and given back, by booking start, by state and commune', async () => {
    const api = clockedBackend(JUNE_2)
    const f = await pricedInventory(api)
    const podium = (communeId: string, title: string, start: string, end: string) =>
      api.ok('bookings.create', { communeId, title, start, end, items: [{ resourceId: f.podium.id }] })
    const given = await podium(f.tiffauges.id, 'Concert', '2027-05-22', '2027-05-23')
    const expected = await podium(f.tiffauges.id, 'Kermesse', '2027-06-12', '2027-06-13')
    const held = await podium(f.gaubretiere.id, 'Fête du village', '2027-06-19', '2027-06-20')
    const cancelled = await podium(f.tiffauges.id, 'Annulée', '2027-06-26', '2027-06-27')
    await api.ok('bookings.cancel', { id: cancelled.id })
    // Chairs ask no deposit: not listed.
    await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Loto',
      start: '2027-06-05',
      end: '2027-06-05',
      items: [{ resourceId: f.chairs.id, quantity: 10 }],
    })
    await api.ok('deposits.record', { bookingId: given.id, action: 'received', at: '2027-05-21T17:00' })
    await api.ok('deposits.record', { bookingId: given.id, action: 'returned', amountCents: 100_000 })
    await api.ok('deposits.record', { bookingId: held.id, action: 'received', at: '2027-06-18T17:00' })

    const all = await api.ok('deposits.list', {})
    expect(
      all.map((d) => [d.bookingReference, d.state, d.expectedCents, d.receivedCents, d.retainedCents]),
    ).toEqual([
      [given.reference, 'returned', 133_000, 133_000, 33_000],
      [expected.reference, 'none', 133_000, null, null],
      [held.reference, 'received', 133_000, 133_000, null],
    ])
    expect(all[1]).toEqual({
      bookingId: expected.id,
      bookingReference: expected.reference,
      bookingTitle: 'Kermesse',
      periodText: 'du 12/06/2027 au 13/06/2027',
      communeId: f.tiffauges.id,
      expectedCents: 133_000,
      receivedCents: null,
      receivedAt: null,
      receivedBy: null,
      returnedCents: null,
      returnedAt: null,
      returnedBy: null,
      retainedCents: null,
      notes: '',
      state: 'none',
    })
    const refs = async (input: Parameters<typeof api.ok<'deposits.list'>>[1]) =>
      (await api.ok('deposits.list', input)).map((d) => d.bookingReference)
    expect(await refs({ status: 'expected' })).toEqual([expected.reference])
    expect(await refs({ status: 'received' })).toEqual([held.reference])
    expect(await refs({ status: 'returned' })).toEqual([given.reference])
    expect(await refs({ communeId: f.tiffauges.id })).toEqual([given.reference, expected.reference])
    expect(await refs({ communeId: f.gaubretiere.id, status: 'expected' })).toEqual([])
    expect((await api.fail('deposits.list', { status: 'lost' })).message).toBe(
      'Saisie invalide (statut) : État attendu : attendue, reçue ou rendue.',
    )
  })
})
