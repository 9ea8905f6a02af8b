import { describe, expect, it } from 'vitest'
import type { DamageCharge, Deposit, PendingDamage } from '../../shared/domain/costs'
import type { Booking } from '../../shared/domain/types'
import {
  chargeAmountCents,
  damageDraftErrors,
  damageDraftFrom,
  damageDraftToInput,
  damageRows,
  damageText,
  depositAmountOf,
  depositStep,
  pendingDamageRows,
} from '../../renderer/src/features/costs/damages'
import { makeResource } from './fixtures'

const NBSP = '\u00a0'

function booking(patch: Partial<Booking> & Pick<Booking, 'id'>): Booking {
  return {
    reference: `RES-2026-${patch.id}`,
    status: 'returned',
    hubId: 'hub',
    communeId: 'gaubretiere',
    title: 'Téléthon',
    notes: '',
    start: '2026-12-04T23:00:00.000Z',
    end: '2026-12-05T23:00:00.000Z',
    allDay: true,
    startDate: '2026-12-05',
    endDate: '2026-12-05',
    items: [],
    cancelReason: null,
    rejectReason: null,
    providedOperator: null,
    delivery: null,
    seriesId: null,
    checkOut: null,
    return: null,
    late: false,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...patch,
  }
}

describe('damages and deposits', () => {
  const chairs = makeResource({
    id: 'chairs',
    name: 'Chaises',
    tracking: 'stock',
    quantity: 120,
    purchaseValueCents: 216000,
  })
  const podium = makeResource({ id: 'podium', name: 'Podium', purchaseValueCents: 1450000 })
  const tables = makeResource({ id: 'tables', name: 'Tables', tracking: 'stock', quantity: 30 })
  const resources = new Map([chairs, podium, tables].map((r) => [r.id, r]))
  const returned = booking({
    id: '0002',
    items: [
      { resourceId: 'chairs', quantity: 80 },
      { resourceId: 'tables', quantity: 12 },
      { resourceId: 'podium', quantity: 1 },
    ],
    return: {
      at: '2026-11-30T23:30:00.000Z',
      by: 'dépôt',
      odometerKm: null,
      notes: '',
      items: [
        { resourceId: 'chairs', returnedQuantity: 78, damagedQuantity: 2 },
        { resourceId: 'tables', returnedQuantity: 12, damagedQuantity: 0 },
        { resourceId: 'podium', returnedQuantity: 0, damagedQuantity: 0 },
      ],
    },
  })
  const charge: DamageCharge = {
    bookingId: '0002',
    resourceId: 'chairs',
    decision: 'charge',
    quantity: 4,
    unitValueCents: 1800,
    confirmedAt: '2026-12-01T08:00:00.000Z',
    confirmedBy: 'responsable',
    notes: 'Pieds tordus',
    reason: '',
    statementNumber: null,
  }
  const waived: DamageCharge = {
    ...charge,
    resourceId: 'podium',
    decision: 'waive',
    quantity: 0,
    unitValueCents: 0,
    notes: '',
    reason: 'Usure normale',
  }

  it('lists the damaged or missing items of returned bookings with their charge', () => {
    const rows = damageRows(
      [returned, booking({ id: '0009', status: 'approved', items: [{ resourceId: 'chairs', quantity: 5 }] })],
      new Map([['0002', [charge]]]),
      resources,
    )
    expect(
      rows.map((r) => [
        r.resourceName,
        r.damaged,
        r.missing,
        r.chargeable,
        r.charge?.quantity ?? null,
        r.defaultUnitValueCents,
      ]),
    ).toEqual([
      ['Chaises', 2, 2, 4, 4, 1800],
      ['Podium', 0, 1, 1, null, 1450000],
    ])
    expect(damageText(rows[0]!, true)).toBe('2 abîmées, 2 manquantes')
    expect(damageText(rows[1]!, false)).toBe('manquant')
    expect(damageText({ damaged: 1, missing: 0 }, false)).toBe('abîmé')
    expect(chargeAmountCents(charge)).toBe(7200)
  })

  it('shows a decision not to bill as decided, and builds the rows awaiting a decision', () => {
    const rows = damageRows([returned], new Map([['0002', [charge, waived]]]), resources)
    expect(rows.map((r) => [r.resourceName, r.charge?.decision ?? null, r.booking])).toEqual([
      [
        'Chaises',
        'charge',
        {
          id: '0002',
          reference: 'RES-2026-0002',
          communeId: 'gaubretiere',
          returnedAt: '2026-11-30T23:30:00.000Z',
        },
      ],
      [
        'Podium',
        'waive',
        {
          id: '0002',
          reference: 'RES-2026-0002',
          communeId: 'gaubretiere',
          returnedAt: '2026-11-30T23:30:00.000Z',
        },
      ],
    ])
    expect(damageDraftFrom(rows[1]!)).toEqual({
      quantity: '0',
      unitValue: `14${NBSP}500,00`,
      notes: 'Usure normale',
    })
    const pending: PendingDamage = {
      bookingId: '0003',
      bookingReference: 'RES-2026-0003',
      bookingTitle: 'Loto',
      communeId: 'tiffauges',
      resourceId: 'chairs',
      resourceName: 'Chaises',
      returnedAt: '2026-12-06T17:00:00.000Z',
      quantity: 40,
      damagedQuantity: 1,
      missingQuantity: 2,
      chargeableQuantity: 3,
      defaultUnitValueCents: 1800,
    }
    expect(pendingDamageRows([pending])).toEqual([
      {
        booking: {
          id: '0003',
          reference: 'RES-2026-0003',
          communeId: 'tiffauges',
          returnedAt: '2026-12-06T17:00:00.000Z',
        },
        resourceId: 'chairs',
        resourceName: 'Chaises',
        damaged: 1,
        missing: 2,
        chargeable: 3,
        charge: null,
        defaultUnitValueCents: 1800,
      },
    ])
  })

  it('prefills, checks and sends the confirmation', () => {
    const [chairsRow, podiumRow] = damageRows([returned], new Map([['0002', [charge]]]), resources)
    expect(damageDraftFrom(chairsRow!)).toEqual({ quantity: '4', unitValue: '18,00', notes: 'Pieds tordus' })
    expect(damageDraftFrom(podiumRow!)).toEqual({ quantity: '1', unitValue: `14${NBSP}500,00`, notes: '' })
    expect(damageDraftErrors({ quantity: '5', unitValue: '18', notes: '' }, 4)).toEqual({
      quantity: '4 unités ont été notées abîmées ou manquantes au retour : pas plus.',
    })
    expect(damageDraftErrors({ quantity: '2', unitValue: '', notes: '' }, 1)).toEqual({
      quantity: '1 unité a été notée abîmée ou manquante au retour : pas plus.',
      unitValueCents: 'Indiquez la valeur de remplacement d’une unité.',
    })
    // Not billing needs its reason, typed where the remarks go.
    expect(damageDraftErrors({ quantity: '0', unitValue: '', notes: '' }, 1)).toEqual({
      reason: 'Indiquez pourquoi ces unités ne sont pas facturées.',
    })
    expect(damageDraftErrors({ quantity: '0', unitValue: '', notes: 'Usure normale' }, 1)).toEqual({})
    expect(damageDraftErrors({ quantity: '1,5', unitValue: '12,345', notes: '' }, 4)).toEqual({
      quantity: 'Indiquez un nombre entier d’unités (0 pour ne rien facturer).',
      unitValueCents: 'Montant non reconnu : écrivez-le en euros, par ex. 1 234,50.',
    })
    expect(damageDraftToInput(chairsRow!, { quantity: ' 3 ', unitValue: '20', notes: ' Cassées ' })).toEqual({
      bookingId: '0002',
      resourceId: 'chairs',
      quantity: 3,
      unitValueCents: 2000,
      notes: 'Cassées',
    })
    expect(
      damageDraftToInput(podiumRow!, { quantity: ' 0 ', unitValue: '14 500', notes: ' Usure normale ' }),
    ).toEqual({
      bookingId: '0002',
      resourceId: 'podium',
      quantity: 0,
      reason: 'Usure normale',
    })
  })

  it('reads a deposit amount and says where the deposit stands', () => {
    expect(depositAmountOf('150')).toEqual({ ok: true, cents: 15000 })
    expect(depositAmountOf(`1${NBSP}200,50`)).toEqual({ ok: true, cents: 120050 })
    expect(depositAmountOf('')).toEqual({ ok: false, message: 'Indiquez le montant, en euros.' })
    const deposit = (patch: Partial<Deposit>): Deposit => ({
      bookingId: 'b',
      bookingReference: 'RES-2026-0001',
      bookingTitle: 'Téléthon',
      periodText: 'le 05/12/2026',
      communeId: 'c',
      expectedCents: 0,
      receivedCents: null,
      receivedAt: null,
      receivedBy: null,
      returnedCents: null,
      returnedAt: null,
      returnedBy: null,
      retainedCents: null,
      notes: '',
      state: 'none',
      ...patch,
    })
    expect(depositStep(deposit({}))).toBe('none')
    expect(depositStep(deposit({ expectedCents: 15000 }))).toBe('expected')
    expect(depositStep(deposit({ expectedCents: 15000, state: 'received', receivedCents: 15000 }))).toBe(
      'received',
    )
    expect(depositStep(deposit({ state: 'returned', receivedCents: 15000, returnedCents: 10000 }))).toBe(
      'returned',
    )
  })
})
