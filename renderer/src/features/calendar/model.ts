/**
 * Calendar layout, computed on Europe/Paris local dates (`instantToLocalDate`), never on the
 * machine's zone: the days of a month or week view, the days a booking covers, and the position of
 * timed bookings in a day column. Pure, no DOM.
 */
import type { Booking } from '../../../../shared/domain/types'
import {
  addDaysToDate,
  instantToLocalDate,
  instantToLocalTime,
  startOfLocalDate,
} from '../../../../shared/time'
import {
  addMonthsToDate,
  dateRange,
  formatLocalDatePattern,
  startOfMonth,
  startOfWeek,
} from '../../lib/dates'

export type CalendarView = 'month' | 'week'

/** The 42 days (6 weeks, Monday first) of the month grid containing `anchor`. */
export function monthGridDays(anchor: string): string[] {
  const first = startOfWeek(startOfMonth(anchor))
  return dateRange(first, addDaysToDate(first, 41))
}

/** The 7 days, Monday to Sunday, of the week containing `anchor`. */
export function weekDays(anchor: string): string[] {
  const first = startOfWeek(anchor)
  return dateRange(first, addDaysToDate(first, 6))
}

/** The days shown by a view, first and last included. */
export function visibleDays(view: CalendarView, anchor: string): string[] {
  return view === 'month' ? monthGridDays(anchor) : weekDays(anchor)
}

/** The anchor one step before (-1) or after (+1): a month in month view, a week in week view. */
export function stepAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  return view === 'month' ? addMonthsToDate(startOfMonth(anchor), step) : addDaysToDate(anchor, 7 * step)
}

type BookingPeriod = Pick<Booking, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>

/** First and last local day a booking touches (end instant excluded). */
export function bookingDaySpan(booking: BookingPeriod): { first: string; last: string } {
  if (booking.allDay && booking.startDate && booking.endDate) {
    return { first: booking.startDate, last: booking.endDate }
  }
  const start = Date.parse(booking.start)
  const end = Date.parse(booking.end)
  return { first: instantToLocalDate(start), last: instantToLocalDate(Math.max(start, end - 1)) }
}

/** The bookings touching each day, day-long ones first, then by start. */
export function bookingsByDay<B extends BookingPeriod>(
  bookings: readonly B[],
  days: readonly string[],
): Map<string, B[]> {
  const map = new Map<string, B[]>(days.map((d) => [d, []]))
  const sorted = [...bookings].sort(
    (a, b) => Number(b.allDay) - Number(a.allDay) || Date.parse(a.start) - Date.parse(b.start),
  )
  for (const booking of sorted) {
    const { first, last } = bookingDaySpan(booking)
    for (const day of days) if (day >= first && day <= last) map.get(day)?.push(booking)
  }
  return map
}

/** A timed booking's piece inside one day column, in wall-clock minutes from local midnight. */
export interface DaySegment<B> {
  readonly booking: B
  /** 0–1440, Europe/Paris wall clock. */
  readonly startMinute: number
  readonly endMinute: number
  /** Starts before this day / ends after it. */
  readonly continuesBefore: boolean
  readonly continuesAfter: boolean
  /** Side-by-side placement among overlapping segments: lane index and lane count. */
  readonly lane: number
  readonly lanes: number
}

function wallMinutes(ms: number): number {
  const [h, m] = instantToLocalTime(ms).split(':').map(Number) as [number, number]
  return h * 60 + m
}

/**
 * The timed (not day-long) bookings of one day, clipped to the day and laid out in lanes so that
 * overlapping ones sit side by side.
 */
export function timedSegments<B extends BookingPeriod>(bookings: readonly B[], day: string): DaySegment<B>[] {
  const dayStart = startOfLocalDate(day)
  const dayEnd = startOfLocalDate(addDaysToDate(day, 1))
  const pieces = bookings
    .filter((b) => !b.allDay)
    .map((booking) => ({ booking, start: Date.parse(booking.start), end: Date.parse(booking.end) }))
    .filter(({ start, end }) => start < dayEnd && end > dayStart)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map(({ booking, start, end }) => ({
      booking,
      startMinute: start <= dayStart ? 0 : wallMinutes(start),
      endMinute: end >= dayEnd ? 24 * 60 : wallMinutes(end),
      continuesBefore: start < dayStart,
      continuesAfter: end > dayEnd,
    }))

  // Greedy lanes within clusters of overlapping segments.
  const result: DaySegment<B>[] = []
  let cluster: { piece: (typeof pieces)[number]; lane: number }[] = []
  let clusterEnd = -1
  const flush = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1))
    for (const { piece, lane } of cluster) result.push({ ...piece, lane, lanes })
    cluster = []
  }
  for (const piece of pieces) {
    if (cluster.length > 0 && piece.startMinute >= clusterEnd) flush()
    const laneEnds = new Map<number, number>()
    for (const c of cluster) laneEnds.set(c.lane, Math.max(laneEnds.get(c.lane) ?? 0, c.piece.endMinute))
    let lane = 0
    while ((laneEnds.get(lane) ?? -1) > piece.startMinute) lane++
    cluster.push({ piece, lane })
    clusterEnd = Math.max(clusterEnd, piece.endMinute)
  }
  if (cluster.length > 0) flush()
  return result
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Title of the period shown: `Mai 2027`, or for a week `10 – 16 mai 2027`,
 * `28 avril – 4 mai 2027`, `28 décembre 2026 – 3 janvier 2027`.
 */
export function viewTitle(view: CalendarView, anchor: string): string {
  const formatDate = formatLocalDatePattern
  if (view === 'month') return capitalize(formatDate(startOfMonth(anchor), 'MMMM yyyy'))
  const days = weekDays(anchor)
  const first = days[0] ?? anchor
  const last = days[6] ?? anchor
  const sameYear = first.slice(0, 4) === last.slice(0, 4)
  const sameMonth = sameYear && first.slice(5, 7) === last.slice(5, 7)
  const dayOf = (date: string) => (date.endsWith('-01') ? '1er' : String(Number(date.slice(8, 10))))
  const from = sameMonth
    ? dayOf(first)
    : `${dayOf(first)} ${formatDate(first, sameYear ? 'MMMM' : 'MMMM yyyy')}`
  return `${from} – ${dayOf(last)} ${formatDate(last, 'MMMM yyyy')}`
}
