import { describe, expect, it } from 'vitest'
import type { DepotDay, InboxEntry, LogisticsTask } from '../../shared/domain/lifecycle'
import type { Booking, BookingStatus } from '../../shared/domain/types'
import { bookingStatuses } from '../../shared/domain/types'
import type { ReturnDraft } from '../../renderer/src/features/booking/handover'
import {
  bookingVehicle,
  checkOutDraftErrors,
  checkOutInput,
  fullReturnDraft,
  odometerError,
  returnDraftErrors,
  returnInput,
  returnIssueFields,
} from '../../renderer/src/features/booking/handover'
import {
  allowedActions,
  displayStatus,
  displayStatusLabel,
  itemsText,
  returnedText,
} from '../../renderer/src/features/booking/model'
import {
  bookingDay,
  depotLineCount,
  depotSections,
  lateSince,
  taskTime,
} from '../../renderer/src/features/depot/model'
import { countBadge, earlierCompeting, entryState, sortInbox } from '../../renderer/src/features/inbox/model'
import { journalActionLabel, journalLines } from '../../renderer/src/features/resource/model'
import { makeResource } from './fixtures'

function makeBooking(patch: Partial<Booking> & Pick<Booking, 'id'>): Booking {
  return {
    reference: `RES-2027-${patch.id.padStart(4, '0')}`,
    hubId: 'hub',
    communeId: 'tiffauges',
    title: 'Fête',
    status: 'approved',
    start: '2027-05-13T22:00:00.000Z',
    end: '2027-05-15T22:00:00.000Z',
    allDay: true,
    startDate: '2027-05-14',
    endDate: '2027-05-15',
    items: [],
    notes: '',
    cancelReason: null,
    rejectReason: null,
    providedOperator: null,
    delivery: null,
    seriesId: null,
    checkOut: null,
    return: null,
    late: false,
    createdAt: '2027-05-01T08:00:00.000Z',
    updatedAt: '2027-05-01T08:00:00.000Z',
    ...patch,
  }
}

const chairs = makeResource({ id: 'chairs', name: 'Chaises pliantes', tracking: 'stock', quantity: 120 })
const podium = makeResource({ id: 'podium', name: 'Podium' })
const van = makeResource({ id: 'van', name: 'Fourgon', kind: 'vehicle', odometerKm: 45_210 })
const resourcesById = new Map([chairs, podium, van].map((r) => [r.id, r]))

describe('status shown', () => {
  it('labels every stored status in French, and « En retard » for a late loan', () => {
    const labels = bookingStatuses.map((status) => displayStatusLabel(displayStatus({ status, late: false })))
    expect(labels).toEqual(['Demandée', 'Acceptée', 'Refusée', 'Annulée', 'Sortie', 'Rendue'])
    expect(displayStatus({ status: 'checked_out', late: true })).toBe('late')
    expect(displayStatusLabel('late')).toBe('En retard')
    // Only a loan still out can be late.
    expect(displayStatus({ status: 'returned', late: true })).toBe('returned')
  })
})

describe('actions a status allows', () => {
  const actions = (status: BookingStatus, seriesId: string | null = null) =>
    allowedActions({ status, seriesId })
  it('offers the next steps of the lifecycle and nothing else', () => {
    expect(actions('requested')).toEqual(['approve', 'reject', 'cancel'])
    expect(actions('approved')).toEqual(['checkOut', 'cancel'])
    expect(actions('checked_out')).toEqual(['return', 'checkoutSlip'])
    expect(actions('returned')).toEqual(['checkoutSlip', 'returnSlip'])
    expect(actions('rejected')).toEqual([])
    expect(actions('cancelled')).toEqual([])
  })
  it('adds « Annuler la série à partir de… » to any occurrence of a series', () => {
    expect(actions('approved', 's1')).toEqual(['checkOut', 'cancel', 'cancelSeries'])
    expect(actions('cancelled', 's1')).toEqual(['cancelSeries'])
  })
})

describe('return form', () => {
  const booking = makeBooking({
    id: '1',
    status: 'checked_out',
    items: [
      { resourceId: 'chairs', quantity: 80 },
      { resourceId: 'podium', quantity: 1 },
      { resourceId: 'van', quantity: 1 },
    ],
  })
  const full = fullReturnDraft(booking, resourcesById)
  const withLine = (index: number, returned: string, damaged: string): ReturnDraft => ({
    ...full,
    lines: full.lines.map((l, i) => (i === index ? { ...l, returned, damaged } : l)),
  })

  it('starts with everything back and undamaged', () => {
    expect(full.lines.map((l) => [l.resourceId, l.quantity, l.isStock, l.returned, l.damaged])).toEqual([
      ['chairs', 80, true, '80', '0'],
      ['podium', 1, false, '1', '0'],
      ['van', 1, false, '1', '0'],
    ])
    expect(returnDraftErrors(full, null)).toEqual({})
  })

  it('keeps damaged ≤ returned ≤ quantity, in whole numbers', () => {
    expect(returnDraftErrors(withLine(0, '78', '2'), null)).toEqual({})
    expect(returnDraftErrors(withLine(0, '81', '0'), null)).toEqual({
      'lines.0.returned': 'Au plus 80, la quantité sortie.',
    })
    expect(returnDraftErrors(withLine(0, '10', '11'), null)).toEqual({
      'lines.0.damaged': 'Au plus 10, la quantité rendue.',
    })
    expect(returnDraftErrors(withLine(0, '7,5', 'x'), null)).toEqual({
      'lines.0.returned': 'Nombre entier attendu (0 si rien n’est revenu).',
      'lines.0.damaged': 'Nombre entier attendu (0 si rien n’est abîmé).',
    })
    expect(returnDraftErrors(withLine(1, '0', '1'), null)).toEqual({
      'lines.1.damaged': 'Au plus 0, la quantité rendue.',
    })
  })

  it('refuses an odometer below the hand-over reading', () => {
    expect(returnDraftErrors({ ...full, odometerKm: '45100' }, 45_210)).toEqual({
      odometerKm: 'Le compteur ne peut pas être inférieur à celui de la sortie (45\u202f210 km).',
    })
    expect(odometerError('45 300', 45_210)).toBeNull()
    expect(odometerError('', 45_210)).toBeNull()
    expect(odometerError('-3', null)).toBe('Kilométrage en km entiers (ex. 45210).')
  })

  it('sends every line, the odometer and trimmed notes', () => {
    expect(
      returnInput('b1', { ...withLine(0, '78', '2'), odometerKm: '45 390', notes: '  2 pieds tordus ' }),
    ).toEqual({
      id: 'b1',
      items: [
        { resourceId: 'chairs', returnedQuantity: 78, damagedQuantity: 2 },
        { resourceId: 'podium', returnedQuantity: 1, damagedQuantity: 0 },
        { resourceId: 'van', returnedQuantity: 1, damagedQuantity: 0 },
      ],
      odometerKm: 45_390,
      notes: '2 pieds tordus',
    })
    expect(
      returnIssueFields({ 'items.0.damagedQuantity': 'Trop', odometerKm: 'Recule', '': 'Autre' }),
    ).toEqual({
      'lines.0.damaged': 'Trop',
      odometerKm: 'Recule',
      form: 'Autre',
    })
  })

  it('reads the check-out form', () => {
    expect(bookingVehicle(booking, resourcesById)?.id).toBe('van')
    expect(checkOutDraftErrors({ odometerKm: '12a', notes: '' })).toEqual({
      odometerKm: 'Kilométrage en km entiers (ex. 45210).',
    })
    expect(checkOutInput('b1', { odometerKm: '45210', notes: '' })).toEqual({ id: 'b1', odometerKm: 45_210 })
  })

  it('says what came back', () => {
    const line = { resourceId: 'chairs', quantity: 80 }
    expect(returnedText(line, { returnedQuantity: 80, damagedQuantity: 2 }, true)).toBe(
      '80 rendues dont 2 abîmées',
    )
    expect(returnedText(line, { returnedQuantity: 78, damagedQuantity: 0 }, true)).toBe(
      '78 rendues sur 80, 2 manquantes',
    )
    expect(
      returnedText({ resourceId: 'podium', quantity: 1 }, { returnedQuantity: 0, damagedQuantity: 0 }, false),
    ).toBe('manquant')
    expect(returnedText(line, undefined, true)).toBeNull()
    expect(itemsText(booking, resourcesById)).toBe('Chaises pliantes × 80, Podium, Fourgon')
  })
})

describe('depot day list', () => {
  const timed = (id: string, start: string, end: string, extra: Partial<Booking> = {}) =>
    makeBooking({ id, start, end, allDay: false, startDate: null, endDate: null, ...extra })
  const task = (id: string, kind: LogisticsTask['kind'], start: string, end: string): LogisticsTask => ({
    id,
    bookingId: 'b',
    reference: 'RES-2027-0009',
    communeId: 'tiffauges',
    kind,
    start,
    end,
    resourceIds: ['van'],
    address: '',
  })
  // 14/05/2027: Paris is UTC+2.
  const day: DepotDay = {
    date: '2027-05-14',
    departures: [
      timed('2', '2027-05-14T12:00:00.000Z', '2027-05-14T16:00:00.000Z'),
      makeBooking({ id: '1' }),
      timed('3', '2027-05-12T06:30:00.000Z', '2027-05-16T16:00:00.000Z'),
    ],
    returns: [
      timed('4', '2027-05-13T07:00:00.000Z', '2027-05-14T15:30:00.000Z', { status: 'checked_out' }),
      timed('5', '2027-05-13T07:00:00.000Z', '2027-05-14T06:00:00.000Z', {
        status: 'checked_out',
        late: true,
      }),
    ],
    logistics: [
      task('t2', 'pickup', '2027-05-14T16:00:00.000Z', '2027-05-14T17:00:00.000Z'),
      task('t1', 'delivery', '2027-05-14T05:00:00.000Z', '2027-05-14T06:00:00.000Z'),
    ],
    late: [
      {
        booking: timed('5', '2027-05-13T07:00:00.000Z', '2027-05-14T06:00:00.000Z', { late: true }),
        endangered: [],
      },
      {
        booking: timed('6', '2027-05-10T07:00:00.000Z', '2027-05-12T16:00:00.000Z', { late: true }),
        endangered: [],
      },
    ],
  }

  it('groups by section, each in the order of the day, times in Europe/Paris', () => {
    const s = depotSections(day)
    expect(s.departures.map((l) => [l.booking.id, l.time, l.overdue])).toEqual([
      ['3', 'Prévue le 12/05/2027', true],
      ['1', 'Journée', false],
      ['2', '14:00', false],
    ])
    // The late one is listed under « En retard » only.
    expect(s.returns.map((l) => [l.booking.id, l.time])).toEqual([['4', '17:30']])
    expect(s.logistics.map((t) => [t.id, taskTime(t)])).toEqual([
      ['t1', '07:00–08:00'],
      ['t2', '18:00–19:00'],
    ])
    expect(s.late.map((l) => l.booking.id)).toEqual(['6', '5'])
    expect(depotLineCount(s)).toBe(8)
  })

  it('reads the day a booking starts and ends', () => {
    expect(bookingDay(timed('7', '2027-05-14T20:00:00.000Z', '2027-05-14T22:00:00.000Z'), 'end')).toBe(
      '2027-05-14',
    )
    expect(bookingDay(makeBooking({ id: '8' }), 'end')).toBe('2027-05-15')
    expect(lateSince(timed('5', '2027-05-13T07:00:00.000Z', '2027-05-14T06:00:00.000Z'))).toBe(
      'depuis le 14/05/2027 08:00',
    )
    expect(lateSince(makeBooking({ id: '8' }))).toBe('depuis le 16/05/2027')
  })
})

describe('request inbox', () => {
  const entry = (id: string, createdAt: string, patch: Partial<InboxEntry> = {}): InboxEntry => ({
    booking: makeBooking({ id, status: 'requested', createdAt }),
    conflicts: [],
    qualificationIssues: [],
    problem: null,
    competing: [],
    ...patch,
  })

  it('serves the oldest request first', () => {
    const sorted = sortInbox([
      entry('3', '2027-05-02T09:00:00.000Z'),
      entry('1', '2027-05-01T09:00:00.000Z'),
      entry('2', '2027-05-01T09:00:00.000Z'),
    ])
    expect(sorted.map((e) => e.booking.reference)).toEqual([
      'RES-2027-0001',
      'RES-2027-0002',
      'RES-2027-0003',
    ])
  })

  it('says what an entry runs into', () => {
    const older = makeBooking({ id: '9', status: 'requested', createdAt: '2027-04-01T00:00:00.000Z' })
    const newer = makeBooking({ id: '10', status: 'requested', createdAt: '2027-06-01T00:00:00.000Z' })
    const competing = entry('1', '2027-05-01T00:00:00.000Z', { competing: [older, newer] })
    expect(entryState(competing)).toBe('competing')
    expect(earlierCompeting(competing).map((b) => b.id)).toEqual(['9'])
    expect(entryState(entry('2', '2027-05-01T00:00:00.000Z'))).toBe('clear')
    expect(
      entryState(
        entry('3', '2027-05-01T00:00:00.000Z', {
          qualificationIssues: [
            { resourceId: 'n', resourceName: 'Nacelle', qualification: 'CACES R486', message: 'x' },
          ],
        }),
      ),
    ).toBe('blocked')
    expect(entryState(entry('4', '2027-05-01T00:00:00.000Z', { problem: '« Podium » est archivé.' }))).toBe(
      'blocked',
    )
    expect([countBadge(0), countBadge(3), countBadge(120)]).toEqual(['', '3', '99+'])
  })
})

describe('journal of a booking', () => {
  it('names the lifecycle steps in French', () => {
    expect(journalActionLabel('approve', 'booking')).toBe('Demande acceptée')
    expect(journalActionLabel('reject', 'booking')).toBe('Demande refusée')
    expect(journalActionLabel('check-out', 'booking')).toBe('Matériel remis (sortie)')
    expect(journalActionLabel('return', 'booking')).toBe('Matériel réceptionné (retour)')
  })

  it('tells a repair ended from a backup restored', () => {
    expect(journalActionLabel('restore', 'resource')).toBe('Remise en service')
    expect(journalActionLabel('restore', 'unavailability')).toBe('Remise en service (fin de la réparation)')
    expect(journalActionLabel('restore', 'database')).toBe('Sauvegarde restaurée')
  })

  it('names the cost-sharing changes in French', () => {
    expect(journalActionLabel('confirm', 'damage_charge')).toBe('Dégâts : facturation décidée')
    expect(journalActionLabel('issue', 'statement')).toBe('Relevé émis')
    expect(journalActionLabel('received', 'deposit')).toBe('Caution reçue')
  })

  it('shows a return with the resources named and nothing empty', () => {
    const [line] = journalLines(
      [
        {
          id: 'j1',
          at: '2027-02-09T09:30:00.000Z',
          actor: 'Dépôt',
          entity: 'booking',
          entityId: 'b1',
          action: 'return',
          before: { status: 'checked_out', return: null },
          after: {
            status: 'returned',
            return: { at: Date.parse('2027-02-09T09:30:00.000Z'), by: 'Dépôt', odometerKm: null, notes: '' },
            returnedItems: [{ resourceId: 'chairs', returnedQuantity: 40, damagedQuantity: 2 }],
          },
        },
      ],
      { categoriesById: new Map(), communesById: new Map(), resourceKind: 'equipment', resourcesById },
    )
    expect(line?.action).toBe('Matériel réceptionné (retour)')
    expect(line?.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Statut', 'Sortie', 'Rendue'],
      ['Retour', '—', 'Le : 09/02/2027 10:30, Par : Dépôt'],
      ['Rendu', '—', 'Chaises pliantes : Rendues : 40, Abîmées : 2'],
    ])
  })
})
