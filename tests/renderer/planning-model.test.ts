/**
 * The planning board's pure rules (renderer/src/features/planning/model.ts), with exact values.
 * Runs under any TZ: `TZ=UTC` and `TZ=Pacific/Auckland` give the same results, because every day
 * is a Europe/Paris local date.
 */
import { describe, expect, it } from 'vitest'
import type { CapacityResource } from '../../shared/availability'
import type { Booking, Category, Commune, Resource, Unavailability } from '../../shared/domain/types'
import { localToInstant, startOfLocalDate, toIsoUtc } from '../../shared/time'
import {
  assignLanes,
  barSpan,
  bookingPeriod,
  buildOccupations,
  canDrag,
  columnOf,
  columnsFor,
  initialColumnOf,
  communeColors,
  dragPeriod,
  freeByColumn,
  groupRows,
  itemsInColumn,
  layoutRows,
  moveConflicts,
  occupationsByResource,
  paletteColor,
  periodToApiInput,
  planningTitle,
  positionOf,
  rowHeight,
  selectionToPeriod,
  shiftLocalDays,
  stepAnchor,
  visibleDates,
} from '../../renderer/src/features/planning/model'
import { makeResource } from './fixtures'

const HOUR = 3_600_000

function booking(
  id: string,
  period: { start: number; end: number; allDay?: boolean; startDate?: string; endDate?: string },
  items: { resourceId: string; quantity: number }[],
  extra: Partial<Booking> = {},
): Booking {
  return {
    id,
    reference: `RES-2027-${id.padStart(4, '0')}`,
    status: 'approved',
    hubId: 'hub',
    communeId: 'c1',
    title: `Réservation ${id}`,
    notes: '',
    start: toIsoUtc(period.start),
    end: toIsoUtc(period.end),
    allDay: period.allDay ?? false,
    startDate: period.startDate ?? null,
    endDate: period.endDate ?? null,
    items,
    cancelReason: null,
    rejectReason: null,
    providedOperator: null,
    delivery: null,
    seriesId: null,
    checkOut: null,
    return: null,
    late: false,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...extra,
  }
}

/** A day-long loan from `first` to `last` (inclusive). */
function days(id: string, first: string, last: string, items = [{ resourceId: 'r1', quantity: 1 }]) {
  const end = new Date(Date.UTC(+last.slice(0, 4), +last.slice(5, 7) - 1, +last.slice(8, 10) + 1))
  return booking(
    id,
    {
      start: startOfLocalDate(first),
      end: startOfLocalDate(end.toISOString().slice(0, 10)),
      allDay: true,
      startDate: first,
      endDate: last,
    },
    items,
  )
}

/** A timed booking between two Europe/Paris wall times. */
function timed(
  id: string,
  date: string,
  from: [number, number],
  toDate: string,
  to: [number, number],
  items = [{ resourceId: 'r1', quantity: 1 }],
) {
  return booking(id, { start: localToInstant(date, ...from), end: localToInstant(toDate, ...to) }, items)
}

function resource(id: string, extra: Partial<Resource> = {}): Resource {
  return makeResource({ id, condition: 'good', ...extra })
}

describe('views and columns (Europe/Paris days, Monday first)', () => {
  it('shows a week, two weeks, a month, or one day', () => {
    expect(visibleDates('week', '2027-06-16')).toEqual([
      '2027-06-14',
      '2027-06-15',
      '2027-06-16',
      '2027-06-17',
      '2027-06-18',
      '2027-06-19',
      '2027-06-20',
    ])
    expect(visibleDates('twoWeeks', '2027-06-16')).toHaveLength(14)
    expect(visibleDates('twoWeeks', '2027-06-16').at(-1)).toBe('2027-06-27')
    expect(visibleDates('month', '2027-02-10')).toHaveLength(28)
    expect(visibleDates('month', '2027-03-31')[0]).toBe('2027-03-01')
    expect(visibleDates('month', '2027-03-31')).toHaveLength(31)
    expect(visibleDates('day', '2027-06-16')).toEqual(['2027-06-16'])
  })

  it('steps by a day, a week, two weeks or a month', () => {
    expect(stepAnchor('day', '2027-03-31', 1)).toBe('2027-04-01')
    expect(stepAnchor('week', '2027-06-16', -1)).toBe('2027-06-09')
    expect(stepAnchor('twoWeeks', '2027-06-16', 1)).toBe('2027-06-30')
    expect(stepAnchor('month', '2027-01-31', 1)).toBe('2027-02-01')
  })

  it('titles the period in French', () => {
    expect(planningTitle('week', '2027-06-16')).toBe('14 – 20 juin 2027')
    expect(planningTitle('twoWeeks', '2027-06-30')).toBe('28 juin – 11 juillet 2027')
    expect(planningTitle('week', '2026-12-30')).toBe('28 décembre 2026 – 3 janvier 2027')
    expect(planningTitle('month', '2027-06-16')).toBe('Juin 2027')
    expect(planningTitle('day', '2027-06-14')).toBe('Lundi 14 juin 2027')
  })

  it('makes a day column span local midnight to local midnight: 24 h, 23 h on 28/03/2027, 25 h on 31/10/2027', () => {
    const june = columnsFor('week', '2027-06-16')[0]
    expect(june).toMatchObject({ key: '2027-06-14', date: '2027-06-14', hour: null })
    expect(toIsoUtc(june?.start ?? 0)).toBe('2027-06-13T22:00:00.000Z')
    expect(((june?.end ?? 0) - (june?.start ?? 0)) / HOUR).toBe(24)
    const spring = columnsFor('week', '2027-03-28')[6]
    expect(spring?.key).toBe('2027-03-28')
    expect(toIsoUtc(spring?.start ?? 0)).toBe('2027-03-27T23:00:00.000Z')
    expect(toIsoUtc(spring?.end ?? 0)).toBe('2027-03-28T22:00:00.000Z')
    const autumn = columnsFor('week', '2027-10-31')[6]
    expect(autumn?.key).toBe('2027-10-31')
    expect(((autumn?.end ?? 0) - (autumn?.start ?? 0)) / HOUR).toBe(25)
  })

  it('opens a view on today, clamped to its edges, and the day zoom on 06:00', () => {
    const week = columnsFor('week', '2027-06-16')
    // Wednesday 16/06/2027 10:00 in Paris is the third column of the week of Monday 14/06.
    expect(initialColumnOf(week, 'day', localToInstant('2027-06-16', 10))).toBe(2)
    expect(initialColumnOf(week, 'day', localToInstant('2026-01-01', 10))).toBe(0)
    expect(initialColumnOf(week, 'day', localToInstant('2030-01-01', 10))).toBe(6)
    expect(columnOf(week, localToInstant('2027-06-20', 23, 59))).toBe(6)
    // 28/03/2027 has no 02:00: 06:00 is the fifth column (00, 01, 03, 04, 05, 06).
    expect(initialColumnOf(columnsFor('day', '2027-03-28'), 'hour', 0)).toBe(5)
  })

  it('lets only requested or approved bookings be dragged, and day-long ones not in the hour zoom', () => {
    const period = { start: localToInstant('2027-06-14', 8), end: localToInstant('2027-06-14', 12) }
    const timed = booking('1', period, [{ resourceId: 'nacelle', quantity: 1 }])
    const day = booking(
      '2',
      {
        start: startOfLocalDate('2027-06-14'),
        end: startOfLocalDate('2027-06-15'),
        allDay: true,
        startDate: '2027-06-14',
        endDate: '2027-06-14',
      },
      [{ resourceId: 'nacelle', quantity: 1 }],
    )
    expect(canDrag(timed, 'hour')).toBe(true)
    expect(canDrag({ ...timed, status: 'requested' }, 'day')).toBe(true)
    expect(canDrag({ ...timed, status: 'checked_out' }, 'day')).toBe(false)
    expect(canDrag({ ...timed, status: 'returned' }, 'day')).toBe(false)
    expect(canDrag(day, 'day')).toBe(true)
    expect(canDrag(day, 'hour')).toBe(false)
  })

  it('zooms on a day with one column per real hour: 23 on 28/03/2027, 25 on 31/10/2027', () => {
    expect(columnsFor('day', '2027-06-14').map((c) => c.hour)).toHaveLength(24)
    const spring = columnsFor('day', '2027-03-28')
    expect(spring.map((c) => c.hour).slice(0, 4)).toEqual(['00:00', '01:00', '03:00', '04:00'])
    expect(spring).toHaveLength(23)
    const autumn = columnsFor('day', '2027-10-31')
    expect(autumn).toHaveLength(25)
    expect(autumn.slice(1, 5).map((c) => c.key)).toEqual([
      '2027-10-31T01:00',
      '2027-10-31T02:00',
      '2027-10-31T02:00+1',
      '2027-10-31T03:00',
    ])
    expect(toIsoUtc(autumn[2]?.start ?? 0)).toBe('2027-10-31T00:00:00.000Z')
    expect(toIsoUtc(autumn[3]?.start ?? 0)).toBe('2027-10-31T01:00:00.000Z')
  })
})

describe('bars: which columns a booking covers', () => {
  const week = columnsFor('week', '2027-06-16')

  it('covers the days of a day-long loan, end day included', () => {
    expect(barSpan(bookingPeriod(days('1', '2027-06-15', '2027-06-17')), week, 'day')).toEqual({
      left: 1,
      right: 4,
      clippedStart: false,
      clippedEnd: false,
    })
  })

  it('clips to the visible days and says so', () => {
    expect(barSpan(bookingPeriod(days('1', '2027-06-10', '2027-06-15')), week, 'day')).toEqual({
      left: 0,
      right: 2,
      clippedStart: true,
      clippedEnd: false,
    })
    expect(barSpan(bookingPeriod(days('1', '2027-06-19', '2027-06-25')), week, 'day')).toEqual({
      left: 5,
      right: 7,
      clippedStart: false,
      clippedEnd: true,
    })
    expect(barSpan(bookingPeriod(days('1', '2027-06-21', '2027-06-22')), week, 'day')).toBeNull()
    expect(barSpan(bookingPeriod(days('1', '2027-06-01', '2027-06-13')), week, 'day')).toBeNull()
  })

  it('puts a timed booking in its day cell, and proportionally in the day zoom', () => {
    const morning = bookingPeriod(timed('1', '2027-06-16', [8, 0], '2027-06-16', [12, 0]))
    expect(barSpan(morning, week, 'day')).toMatchObject({ left: 2, right: 3 })
    const zoom = columnsFor('day', '2027-06-16')
    expect(barSpan(morning, zoom, 'hour')).toMatchObject({ left: 8, right: 12 })
    const odd = bookingPeriod(timed('2', '2027-06-16', [8, 30], '2027-06-16', [10, 15]))
    expect(barSpan(odd, zoom, 'hour')).toMatchObject({ left: 8.5, right: 10.25 })
    // An evening to the next morning touches two day cells; in the zoom it is clipped at midnight.
    const night = bookingPeriod(timed('3', '2027-06-16', [20, 0], '2027-06-17', [2, 0]))
    expect(barSpan(night, week, 'day')).toMatchObject({ left: 2, right: 4 })
    expect(barSpan(night, zoom, 'hour')).toEqual({
      left: 20,
      right: 24,
      clippedStart: false,
      clippedEnd: true,
    })
    // Ending exactly at midnight does not spill into the next day.
    const toMidnight = bookingPeriod(timed('4', '2027-06-16', [14, 0], '2027-06-17', [0, 0]))
    expect(barSpan(toMidnight, week, 'day')).toMatchObject({ left: 2, right: 3 })
  })

  it('places bars on 28/03/2027 (23 h) and 31/10/2027 (25 h)', () => {
    const march = columnsFor('week', '2027-03-28')
    expect(barSpan(bookingPeriod(days('1', '2027-03-28', '2027-03-28')), march, 'day')).toMatchObject({
      left: 6,
      right: 7,
    })
    // 01:00–04:00 on the spring day lasts two real hours: columns 01:00 and 03:00.
    const springDay = columnsFor('day', '2027-03-28')
    const spring = bookingPeriod(timed('2', '2027-03-28', [1, 0], '2027-03-28', [4, 0]))
    expect(spring.end - spring.start).toBe(2 * HOUR)
    expect(barSpan(spring, springDay, 'hour')).toMatchObject({ left: 1, right: 3 })
    expect(barSpan(spring, march, 'day')).toMatchObject({ left: 6, right: 7 })

    const october = columnsFor('week', '2027-10-31')
    expect(barSpan(bookingPeriod(days('3', '2027-10-31', '2027-10-31')), october, 'day')).toMatchObject({
      left: 6,
      right: 7,
    })
    // 01:00–04:00 on the autumn day lasts four real hours: 01:00, 02:00, 02:00 again, 03:00.
    const autumnDay = columnsFor('day', '2027-10-31')
    const autumn = bookingPeriod(timed('4', '2027-10-31', [1, 0], '2027-10-31', [4, 0]))
    expect(autumn.end - autumn.start).toBe(4 * HOUR)
    expect(barSpan(autumn, autumnDay, 'hour')).toMatchObject({ left: 1, right: 5 })
    // Saturday evening to the (first) 02:30 of Sunday covers Saturday and Sunday.
    const overnight = bookingPeriod(timed('5', '2027-10-30', [20, 0], '2027-10-31', [2, 30]))
    expect(barSpan(overnight, october, 'day')).toMatchObject({ left: 5, right: 7 })
    expect(positionOf(autumnDay, overnight.end)).toBe(2.5)
  })

  it('stacks overlapping bars into lanes, touching ones share a lane', () => {
    expect(
      assignLanes([
        { left: 0, right: 2 },
        { left: 1, right: 3 },
        { left: 2, right: 4 },
        { left: 0, right: 1 },
      ]),
    ).toEqual({ lanes: [0, 1, 0, 1], count: 2 })
    expect(assignLanes([])).toEqual({ lanes: [], count: 1 })
    expect(
      assignLanes([
        { left: 0, right: 7 },
        { left: 0, right: 7 },
        { left: 3, right: 4 },
      ]),
    ).toEqual({
      lanes: [0, 1, 2],
      count: 3,
    })
  })

  it('lays out each row: items on their resources, cancelled ones left out, unavailabilities in lanes', () => {
    const a = days('1', '2027-06-14', '2027-06-16', [
      { resourceId: 'chairs', quantity: 50 },
      { resourceId: 'podium', quantity: 1 },
    ])
    const b = days('2', '2027-06-15', '2027-06-15', [{ resourceId: 'chairs', quantity: 20 }])
    const cancelled = { ...days('3', '2027-06-15', '2027-06-15', [{ resourceId: 'chairs', quantity: 5 }]) }
    const gone: Booking = { ...cancelled, status: 'cancelled' }
    const repair: Unavailability = {
      id: 'u1',
      resourceId: 'chairs',
      kind: 'repair',
      reason: 'Pieds tordus',
      quantity: 6,
      start: toIsoUtc(localToInstant('2027-06-17', 8)),
      end: toIsoUtc(startOfLocalDate('2027-06-25')),
      allDay: false,
      startDate: null,
      endDate: null,
      createdAt: '2027-01-01T00:00:00.000Z',
      bookingId: null,
      untilRestored: false,
    }
    const layouts = layoutRows([a, b, gone], [repair], columnsFor('week', '2027-06-16'), 'day')
    const chairs = layouts.get('chairs')
    expect(chairs?.lanes).toBe(2)
    expect(chairs?.items.map((i) => [i.key, i.lane, i.span.left, i.span.right])).toEqual([
      ['1:chairs', 0, 0, 3],
      ['2:chairs', 1, 1, 2],
      ['u:u1', 0, 3, 7],
    ])
    expect(layouts.get('podium')?.items.map((i) => i.key)).toEqual(['1:podium'])
    expect(itemsInColumn(chairs ?? { items: [], lanes: 1 }, 1).map((i) => i.key)).toEqual([
      '1:chairs',
      '2:chairs',
    ])
    expect(rowHeight({ type: 'resource', key: 'chairs', resource: resource('chairs') }, 2, true)).toBe(74)
    expect(rowHeight({ type: 'resource', key: 'x', resource: resource('x') }, 1, false)).toBe(40)
  })
})

describe('dragging: the new period', () => {
  it('moves a day-long loan by whole days, across the spring change', () => {
    const moved = dragPeriod(bookingPeriod(days('1', '2027-03-26', '2027-03-27')), 'move', 2.4, 'day')
    expect(moved).toEqual({
      start: Date.parse('2027-03-27T23:00:00Z'),
      end: Date.parse('2027-03-29T22:00:00Z'),
      allDay: true,
      startDate: '2027-03-28',
      endDate: '2027-03-29',
    })
    expect(periodToApiInput(moved ?? bookingPeriod(days('x', '2027-01-01', '2027-01-01')))).toEqual({
      start: '2027-03-28',
      end: '2027-03-29',
    })
  })

  it('resizes a day-long loan by either edge, never past the other one', () => {
    const loan = bookingPeriod(days('1', '2027-10-29', '2027-10-30'))
    expect(dragPeriod(loan, 'end', 1, 'day')).toMatchObject({
      startDate: '2027-10-29',
      endDate: '2027-10-31',
    })
    expect(dragPeriod(loan, 'end', 1, 'day')?.end).toBe(Date.parse('2027-10-31T23:00:00Z'))
    expect(dragPeriod(loan, 'start', -2.6, 'day')).toMatchObject({
      startDate: '2027-10-26',
      endDate: '2027-10-30',
    })
    expect(dragPeriod(loan, 'start', 1, 'day')).toMatchObject({
      startDate: '2027-10-30',
      endDate: '2027-10-30',
    })
    expect(dragPeriod(loan, 'start', 2, 'day')).toBeNull()
    expect(dragPeriod(loan, 'end', -2, 'day')).toBeNull()
  })

  it('keeps the wall-clock times of a timed booking moved by days (08:00 stays 08:00 across a change)', () => {
    const saturday = bookingPeriod(timed('1', '2027-03-27', [8, 0], '2027-03-27', [12, 0]))
    const sunday = dragPeriod(saturday, 'move', 1, 'day')
    expect(periodToApiInput(sunday ?? saturday)).toEqual({
      start: '2027-03-28T06:00:00.000Z',
      end: '2027-03-28T10:00:00.000Z',
    })
    const autumn = bookingPeriod(timed('2', '2027-10-30', [9, 0], '2027-10-30', [17, 0]))
    expect(periodToApiInput(dragPeriod(autumn, 'end', 1, 'day') ?? autumn)).toEqual({
      start: '2027-10-30T07:00:00.000Z',
      end: '2027-10-31T16:00:00.000Z',
    })
    // 02:30 does not exist on 28/03/2027: the same time after midnight is kept (03:30).
    expect(toIsoUtc(shiftLocalDays(localToInstant('2027-03-21', 2, 30), 7))).toBe('2027-03-28T01:30:00.000Z')
  })

  it('moves and resizes by quarter hours in the day zoom', () => {
    const period = bookingPeriod(timed('1', '2027-06-16', [8, 0], '2027-06-16', [10, 0]))
    const moved = dragPeriod(period, 'move', 1.3, 'hour')
    expect(periodToApiInput(moved ?? period)).toEqual({
      start: '2027-06-16T07:15:00.000Z',
      end: '2027-06-16T09:15:00.000Z',
    })
    const shorter = dragPeriod(period, 'end', -0.6, 'hour')
    expect(periodToApiInput(shorter ?? period)).toEqual({
      start: '2027-06-16T06:00:00.000Z',
      end: '2027-06-16T07:30:00.000Z',
    })
    expect(dragPeriod(period, 'start', 2, 'hour')).toBeNull()
    expect(dragPeriod(bookingPeriod(days('2', '2027-06-16', '2027-06-16')), 'move', 1, 'hour')).toBeNull()
    // Through the autumn change, a move keeps the real duration.
    const night = bookingPeriod(timed('3', '2027-10-31', [0, 0], '2027-10-31', [3, 0]))
    const later = dragPeriod(night, 'move', 1, 'hour')
    expect(((later?.end ?? 0) - (later?.start ?? 0)) / HOUR).toBe(4)
  })

  it('turns a selection of columns into the booking form’s period', () => {
    const week = columnsFor('week', '2027-06-16')
    expect(selectionToPeriod(week, 3, 1)).toEqual({
      mode: 'days',
      firstDay: '15/06/2027',
      lastDay: '17/06/2027',
      start: '',
      end: '',
    })
    const zoom = columnsFor('day', '2027-06-16')
    expect(selectionToPeriod(zoom, 8, 10)).toEqual({
      mode: 'timed',
      firstDay: '',
      lastDay: '',
      start: '16/06/2027 08:00',
      end: '16/06/2027 11:00',
    })
    expect(selectionToPeriod(zoom, 23, 23)?.end).toBe('17/06/2027 00:00')
    expect(selectionToPeriod(zoom, 30, 30)).toBeNull()
  })
})

describe('availability on the board (shared rule, loaded data)', () => {
  const chairs = resource('chairs', { name: 'Chaises pliantes', tracking: 'stock', quantity: 80 })
  const nacelle = resource('nacelle', { name: 'Nacelle élévatrice 12 m' })
  const resources = new Map<string, CapacityResource & { tracking: Resource['tracking'] }>([
    ['chairs', chairs],
    ['nacelle', nacelle],
  ])
  const bookings = [
    days('1', '2027-06-15', '2027-06-16', [{ resourceId: 'chairs', quantity: 50 }]),
    days('2', '2027-06-16', '2027-06-16', [{ resourceId: 'chairs', quantity: 20 }]),
    {
      ...days('3', '2027-06-14', '2027-06-20', [{ resourceId: 'chairs', quantity: 80 }]),
      status: 'cancelled' as const,
    },
    timed('4', '2027-06-17', [8, 0], '2027-06-17', [12, 0], [{ resourceId: 'nacelle', quantity: 1 }]),
    timed('5', '2027-06-18', [8, 0], '2027-06-18', [12, 0], [{ resourceId: 'nacelle', quantity: 1 }]),
  ]
  const repair: Unavailability = {
    id: 'u1',
    resourceId: 'chairs',
    kind: 'repair',
    reason: 'Pieds tordus',
    quantity: 6,
    start: toIsoUtc(startOfLocalDate('2027-06-14')),
    end: toIsoUtc(startOfLocalDate('2027-06-15')),
    allDay: true,
    startDate: '2027-06-14',
    endDate: '2027-06-14',
    createdAt: '2027-01-01T00:00:00.000Z',
    bookingId: null,
    untilRestored: false,
  }
  const names = (id: string) => (id === 'c1' ? 'Tiffauges' : '?')
  const occupations = occupationsByResource(buildOccupations(bookings, [repair], names))

  it('builds the occupations like the backend: blocking bookings and unavailabilities', () => {
    expect(occupations.get('chairs')?.map((o) => [o.quantity, o.source.type])).toEqual([
      [50, 'booking'],
      [20, 'booking'],
      [6, 'unavailability'],
    ])
  })

  it('shows per day what a stock still has free', () => {
    expect(freeByColumn(chairs, columnsFor('week', '2027-06-16'), occupations.get('chairs') ?? [])).toEqual([
      74, 30, 10, 80, 80, 80, 80,
    ])
  })

  it('says why a move does not fit, and ignores the moved booking itself', () => {
    const mover = bookings[4] as Booking
    const onto = bookingPeriod(timed('x', '2027-06-17', [10, 0], '2027-06-17', [14, 0]))
    const conflicts = moveConflicts(mover, onto, resources, occupations)
    expect(conflicts.map((c) => c.message)).toEqual([
      '« Nacelle élévatrice 12 m » : réservation RES-2027-0004 (Tiffauges, « Réservation 4 ») du 17/06/2027 08:00 au 17/06/2027 12:00.',
    ])
    const itself = bookingPeriod(timed('y', '2027-06-18', [9, 0], '2027-06-18', [13, 0]))
    expect(moveConflicts(mover, itself, resources, occupations)).toEqual([])
    const stock = bookings[1] as Booking
    expect(
      moveConflicts(stock, bookingPeriod(days('z', '2027-06-15', '2027-06-15')), resources, occupations),
    ).toEqual([])
    const tooMany = moveConflicts(
      { id: 'new', items: [{ resourceId: 'chairs', quantity: 40 }] },
      bookingPeriod(days('z', '2027-06-16', '2027-06-16')),
      resources,
      occupations,
    )
    expect(tooMany[0]?.freeQuantity).toBe(10)
  })
})

describe('colours and rows', () => {
  const commune = (id: string, inseeCode: string, hubId: string | null): Commune => ({
    id,
    name: id,
    inseeCode,
    hubId,
    postalCode: null,
    population: null,
  })

  it('gives each commune a fixed colour: served communes first, by INSEE code', () => {
    const colors = communeColors([
      commune('Tiffauges', '85293', 'hub'),
      commune('Mortagne', '85151', null),
      commune('La Gaubretière', '85097', 'hub'),
    ])
    expect(colors.get('La Gaubretière')).toEqual({ fill: '#332288', text: '#FFFFFF', tint: '#C6C1DE' })
    expect(colors.get('Tiffauges')).toEqual({ fill: '#117733', text: '#FFFFFF', tint: '#BCD9C6' })
    expect(colors.get('Mortagne')?.fill).toBe('#CC6677')
    expect(paletteColor(3)).toEqual({ fill: '#88CCEE', text: '#1C2430', tint: '#DEF1FA' })
    expect(paletteColor(4).text).toBe('#1C2430')
    expect(paletteColor(12).fill).toBe('#332288')
  })

  it('groups resources by kind then category, with counts, filters and collapsed groups', () => {
    const categories: Category[] = [
      { id: 'manif', name: 'Manifestations', parentId: null, kind: 'equipment' },
      { id: 'mob', name: 'Chaises et tables', parentId: 'manif', kind: 'equipment' },
      { id: 'pl', name: 'Poids lourds', parentId: null, kind: 'vehicle' },
    ]
    const resources = [
      resource('t', { name: 'Tables pliantes', categoryId: 'mob' }),
      resource('c', { name: 'Chaises pliantes', categoryId: 'mob' }),
      resource('e', { name: 'Élagueuse', categoryId: null }),
      resource('old', { name: 'Ancienne bétonnière', archived: true }),
      resource('v', { name: 'Camion benne', kind: 'vehicle', categoryId: 'pl' }),
    ]
    const all = groupRows(resources, categories, { kind: '', categoryId: '', search: '' }, new Set())
    expect(all.map((r) => (r.type === 'resource' ? r.resource.name : `${r.label} (${r.count})`))).toEqual([
      'Matériel (3)',
      'Manifestations › Chaises et tables (2)',
      'Chaises pliantes',
      'Tables pliantes',
      'Sans catégorie (1)',
      'Élagueuse',
      'Véhicules (1)',
      'Poids lourds (1)',
      'Camion benne',
    ])
    const collapsed = groupRows(
      resources,
      categories,
      { kind: '', categoryId: '', search: '' },
      new Set(['kind:vehicle', 'cat:equipment:Manifestations › Chaises et tables']),
    )
    expect(collapsed.map((r) => r.key)).toEqual([
      'kind:equipment',
      'cat:equipment:Manifestations › Chaises et tables',
      'cat:equipment:Sans catégorie',
      'e',
      'kind:vehicle',
    ])
    const searched = groupRows(resources, categories, { kind: '', categoryId: '', search: 'elag' }, new Set())
    expect(searched.filter((r) => r.type === 'resource').map((r) => r.key)).toEqual(['e'])
    const parent = groupRows(
      resources,
      categories,
      { kind: 'equipment', categoryId: 'manif', search: '' },
      new Set(),
    )
    expect(parent.filter((r) => r.type === 'resource').map((r) => r.key)).toEqual(['c', 't'])
  })
})
