/**
 * The calendar's day view and agenda as pure layout (renderer/src/features/calendar/model.ts), in
 * Europe/Paris wall time whatever the machine's zone (run under TZ=UTC and TZ=Pacific/Auckland).
 */
import { describe, expect, it } from 'vitest'
import type { Booking } from '../../shared/domain/types'
import { localToInstant, toIsoUtc } from '../../shared/time'
import {
  agendaDays,
  communeColorIndex,
  dayViewSegments,
  monthDays,
  stepAnchor,
  stepLabels,
  viewTitle,
  visibleDays,
} from '../../renderer/src/features/calendar/model'

type Item = Pick<Booking, 'id' | 'reference' | 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>

function timed(
  reference: string,
  date: string,
  from: [number, number],
  toDate: string,
  to: [number, number],
): Item {
  return {
    id: reference,
    reference,
    start: toIsoUtc(localToInstant(date, ...from)),
    end: toIsoUtc(localToInstant(toDate, ...to)),
    allDay: false,
    startDate: null,
    endDate: null,
  }
}

function days(reference: string, first: string, last: string): Item {
  const [y, m, d] = last.split('-').map(Number) as [number, number, number]
  const after = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  return {
    id: reference,
    reference,
    start: toIsoUtc(localToInstant(first)),
    end: toIsoUtc(localToInstant(after)),
    allDay: true,
    startDate: first,
    endDate: last,
  }
}

describe('day and agenda views: days, steps, titles', () => {
  it('shows one day in day view and the whole month in the agenda', () => {
    expect(visibleDays('day', '2027-05-14')).toEqual(['2027-05-14'])
    const may = visibleDays('agenda', '2027-05-14')
    expect(may).toHaveLength(31)
    expect([may[0], may[30]]).toEqual(['2027-05-01', '2027-05-31'])
    expect(monthDays('2028-02-10')).toHaveLength(29)
  })

  it('steps a day at a time in day view, a month in the agenda', () => {
    expect(stepAnchor('day', '2027-05-31', 1)).toBe('2027-06-01')
    expect(stepAnchor('day', '2027-03-28', -1)).toBe('2027-03-27')
    expect(stepAnchor('agenda', '2027-01-31', 1)).toBe('2027-02-01')
    expect(stepLabels('day')).toEqual({ previous: 'Jour précédent', next: 'Jour suivant' })
    expect(stepLabels('agenda')).toEqual({ previous: 'Mois précédent', next: 'Mois suivant' })
  })

  it('titles a day in French', () => {
    expect(viewTitle('day', '2027-05-14')).toBe('Vendredi 14 mai 2027')
    expect(viewTitle('day', '2027-07-01')).toBe('Jeudi 1er juillet 2027')
    expect(viewTitle('agenda', '2027-05-14')).toBe('Mai 2027')
  })
})

describe('day view: 06:00–22:00 in Paris', () => {
  it('places timed bookings by wall-clock minutes from 06:00', () => {
    const [morning] = dayViewSegments([timed('A', '2027-07-14', [9, 0], '2027-07-14', [12, 0])], '2027-07-14')
    expect(morning).toMatchObject({ startMinute: 540, endMinute: 720, top: 180, length: 180 })
    expect(morning).toMatchObject({ clippedBefore: false, clippedAfter: false, lane: 0, lanes: 1 })
    // A winter day: the same wall-clock hours.
    const [winter] = dayViewSegments([timed('B', '2027-01-14', [9, 0], '2027-01-14', [12, 0])], '2027-01-14')
    expect(winter).toMatchObject({ top: 180, length: 180 })
  })

  it('pins what falls outside 06:00–22:00 to the edges and says so', () => {
    const list = [
      timed('early', '2027-07-14', [5, 0], '2027-07-14', [7, 0]),
      timed('night', '2027-07-13', [20, 0], '2027-07-14', [6, 30]),
      timed('late', '2027-07-14', [21, 0], '2027-07-15', [1, 0]),
      timed('dawn', '2027-07-14', [4, 0], '2027-07-14', [5, 0]),
    ]
    const byRef = new Map(dayViewSegments(list, '2027-07-14').map((s) => [s.booking.reference, s]))
    expect(byRef.get('early')).toMatchObject({ startMinute: 300, top: 0, length: 60, clippedBefore: true })
    expect(byRef.get('night')).toMatchObject({
      continuesBefore: true,
      top: 0,
      length: 30,
      clippedBefore: true,
    })
    expect(byRef.get('late')).toMatchObject({
      top: 900,
      length: 60,
      clippedAfter: true,
      continuesAfter: true,
    })
    // Wholly before 06:00: a 15-minute sliver at the top, still clickable.
    expect(byRef.get('dawn')).toMatchObject({ top: 0, length: 15, clippedBefore: true })
  })

  it('leaves day-long loans to the row on top', () => {
    expect(dayViewSegments([days('D', '2027-07-13', '2027-07-15')], '2027-07-14')).toEqual([])
  })
})

describe('agenda', () => {
  it('lists each booking under its first day shown, day-long loans first, days without bookings left out', () => {
    const list = [
      timed('RES-3', '2027-05-14', [14, 0], '2027-05-14', [16, 0]),
      timed('RES-2', '2027-05-14', [8, 0], '2027-05-14', [12, 0]),
      days('RES-1', '2027-05-14', '2027-05-16'),
      days('RES-0', '2027-04-28', '2027-05-02'), // begun in April
      days('RES-9', '2027-06-02', '2027-06-03'), // after the month
    ]
    const agenda = agendaDays(list, monthDays('2027-05-01'))
    expect(agenda.map((d) => [d.date, d.bookings.map((b) => b.reference)])).toEqual([
      ['2027-05-01', ['RES-0']],
      ['2027-05-14', ['RES-1', 'RES-2', 'RES-3']],
    ])
  })

  it('puts a booking across midnight under the day it starts (Paris), whatever the machine zone', () => {
    const agenda = agendaDays(
      [timed('RES-N', '2027-05-14', [23, 0], '2027-05-15', [2, 0])],
      monthDays('2027-05-01'),
    )
    expect(agenda.map((d) => d.date)).toEqual(['2027-05-14'])
  })
})

describe('colours by commune', () => {
  it('gives each commune its own colour, in order, then goes round', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `c${i}`)
    const colors = communeColorIndex(ids)
    expect(ids.map((id) => colors.get(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0, 1])
  })
})
