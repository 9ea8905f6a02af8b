import { describe, expect, it } from 'vitest'
import type { Booking } from '../../shared/domain/types'
import { localToInstant, toIsoUtc } from '../../shared/time'
import {
  bookingDaySpan,
  bookingsByDay,
  monthGridDays,
  stepAnchor,
  timedSegments,
  viewTitle,
  weekDays,
} from '../../renderer/src/features/calendar/model'

type Period = Pick<Booking, 'id' | 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>

/** A timed booking between two Europe/Paris wall times. */
function timedBooking(
  id: string,
  date: string,
  from: [number, number],
  toDate: string,
  to: [number, number],
): Period {
  return {
    id,
    start: toIsoUtc(localToInstant(date, ...from)),
    end: toIsoUtc(localToInstant(toDate, ...to)),
    allDay: false,
    startDate: null,
    endDate: null,
  }
}

function dayBooking(id: string, startDate: string, endDate: string): Period {
  return { id, start: '', end: '', allDay: true, startDate, endDate }
}

describe('calendar grid (Monday first, Europe/Paris dates)', () => {
  it('shows 6 weeks from the Monday before the 1st', () => {
    const days = monthGridDays('2027-05-14')
    expect(days).toHaveLength(42)
    expect(days[0]).toBe('2027-04-26')
    expect(days[41]).toBe('2027-06-06')
  })

  it('gives a week from Monday to Sunday', () => {
    expect(weekDays('2027-05-16')).toEqual([
      '2027-05-10',
      '2027-05-11',
      '2027-05-12',
      '2027-05-13',
      '2027-05-14',
      '2027-05-15',
      '2027-05-16',
    ])
  })

  it('steps by month without skipping short months', () => {
    expect(stepAnchor('month', '2027-01-31', 1)).toBe('2027-02-01')
    expect(stepAnchor('week', '2027-05-14', -1)).toBe('2027-05-07')
  })

  it('titles months and weeks in French', () => {
    expect(viewTitle('month', '2027-05-14')).toBe('Mai 2027')
    expect(viewTitle('week', '2027-05-14')).toBe('10 – 16 mai 2027')
    expect(viewTitle('week', '2027-04-28')).toBe('26 avril – 2 mai 2027')
    expect(viewTitle('week', '2026-12-30')).toBe('28 décembre 2026 – 3 janvier 2027')
  })
})

describe('days covered by a booking', () => {
  it('uses the dates of a day-long loan, last day included', () => {
    expect(bookingDaySpan(dayBooking('a', '2027-05-14', '2027-05-16'))).toEqual({
      first: '2027-05-14',
      last: '2027-05-16',
    })
  })

  it('stops a timed booking on the day of its last instant (end excluded)', () => {
    const overnight = timedBooking('b', '2027-05-14', [20, 0], '2027-05-15', [2, 0])
    expect(bookingDaySpan(overnight)).toEqual({ first: '2027-05-14', last: '2027-05-15' })
    const untilMidnight = timedBooking('c', '2027-05-14', [20, 0], '2027-05-15', [0, 0])
    expect(bookingDaySpan(untilMidnight)).toEqual({ first: '2027-05-14', last: '2027-05-14' })
  })

  it('puts day-long loans first in each day', () => {
    const map = bookingsByDay(
      [
        timedBooking('t', '2027-05-14', [8, 0], '2027-05-14', [9, 0]),
        dayBooking('d', '2027-05-13', '2027-05-14'),
      ],
      ['2027-05-13', '2027-05-14'],
    )
    expect(map.get('2027-05-13')?.map((b) => b.id)).toEqual(['d'])
    expect(map.get('2027-05-14')?.map((b) => b.id)).toEqual(['d', 't'])
  })
})

describe('timed bookings in a day column', () => {
  it('places bookings by Paris wall-clock minutes, clipped to the day', () => {
    const overnight = timedBooking('b', '2027-05-14', [20, 0], '2027-05-15', [2, 0])
    expect(timedSegments([overnight], '2027-05-14')).toMatchObject([
      { startMinute: 20 * 60, endMinute: 24 * 60, continuesAfter: true },
    ])
    expect(timedSegments([overnight], '2027-05-15')).toMatchObject([
      { startMinute: 0, endMinute: 120, continuesBefore: true },
    ])
  })

  it('keeps wall-clock hours on the days the clocks change', () => {
    // 28/03/2027: 02:00 does not exist; 01:00 → 04:00 lasts two real hours.
    const spring = timedBooking('s', '2027-03-28', [1, 0], '2027-03-28', [4, 0])
    expect(timedSegments([spring], '2027-03-28')).toMatchObject([{ startMinute: 60, endMinute: 240 }])
    // 31/10/2027: 02:00–03:00 happens twice.
    const autumn = timedBooking('a', '2027-10-31', [1, 0], '2027-10-31', [4, 0])
    expect(timedSegments([autumn], '2027-10-31')).toMatchObject([{ startMinute: 60, endMinute: 240 }])
  })

  it('sets overlapping bookings side by side', () => {
    const segments = timedSegments(
      [
        timedBooking('x', '2027-05-14', [8, 0], '2027-05-14', [12, 0]),
        timedBooking('y', '2027-05-14', [9, 0], '2027-05-14', [10, 0]),
        timedBooking('z', '2027-05-14', [14, 0], '2027-05-14', [15, 0]),
      ],
      '2027-05-14',
    )
    expect(segments.map((s) => [s.booking.id, s.lane, s.lanes])).toEqual([
      ['x', 0, 2],
      ['y', 1, 2],
      ['z', 0, 1],
    ])
  })

  it('ignores day-long loans', () => {
    expect(timedSegments([dayBooking('d', '2027-05-14', '2027-05-14')], '2027-05-14')).toEqual([])
  })
})
