/**
 * Calendar layout, computed on Europe/Paris local dates (`instantToLocalDate`), never on the
 * machine's zone: the days of a month or week view, the days a booking covers, and the position of
 * timed bookings in a day column. Pure, no DOM.
 */
import type { Booking } from '../../../../shared/domain/types'
import { assertNever } from '../../../../shared/errors'
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

/** `month` and `week` grids, one `day` by hours, or the `agenda` list of a month. */
export type CalendarView = 'month' | 'week' | 'day' | 'agenda'

/** The calendar's commune filter meaning every commune (the hub manager's whole picture). */
export const ALL_COMMUNES = 'all'

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

/** The days of the month containing `anchor`, the 1st to the last. */
export function monthDays(anchor: string): string[] {
  const first = startOfMonth(anchor)
  return dateRange(first, addDaysToDate(addMonthsToDate(first, 1), -1))
}

/** The days shown by a view, first and last included (the agenda lists its month). */
export function visibleDays(view: CalendarView, anchor: string): string[] {
  switch (view) {
    case 'month':
      return monthGridDays(anchor)
    case 'week':
      return weekDays(anchor)
    case 'day':
      return [anchor]
    case 'agenda':
      return monthDays(anchor)
    default:
      return assertNever(view)
  }
}

/**
 * The anchor one step before (-1) or after (+1): a month in month and agenda views, a week in week
 * view, a day in day view.
 */
export function stepAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  switch (view) {
    case 'month':
    case 'agenda':
      return addMonthsToDate(startOfMonth(anchor), step)
    case 'week':
      return addDaysToDate(anchor, 7 * step)
    case 'day':
      return addDaysToDate(anchor, step)
    default:
      return assertNever(view)
  }
}

/** French names of the previous / next buttons of a view. */
export function stepLabels(view: CalendarView): { previous: string; next: string } {
  switch (view) {
    case 'month':
    case 'agenda':
      return { previous: 'Mois précédent', next: 'Mois suivant' }
    case 'week':
      return { previous: 'Semaine précédente', next: 'Semaine suivante' }
    case 'day':
      return { previous: 'Jour précédent', next: 'Jour suivant' }
    default:
      return assertNever(view)
  }
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
 * Title of the period shown: `Mai 2027` (month, agenda), for a week `10 – 16 mai 2027`,
 * `28 avril – 4 mai 2027`, `28 décembre 2026 – 3 janvier 2027`, for a day `Vendredi 14 mai 2027`.
 */
export function viewTitle(view: CalendarView, anchor: string): string {
  const formatDate = formatLocalDatePattern
  if (view === 'month' || view === 'agenda') return capitalize(formatDate(startOfMonth(anchor), 'MMMM yyyy'))
  if (view === 'day') {
    const day = anchor.endsWith('-01') ? '1er' : String(Number(anchor.slice(8, 10)))
    return capitalize(`${formatDate(anchor, 'EEEE')} ${day} ${formatDate(anchor, 'MMMM yyyy')}`)
  }
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

/** First and last hour shown by the day view (06:00–22:00, the hub's working day). */
export const DAY_FIRST_HOUR = 6
export const DAY_LAST_HOUR = 22

/** A timed booking placed in the day view's hours, in wall-clock minutes from local midnight. */
export interface DayViewSegment<B> extends DaySegment<B> {
  /** Minutes from `DAY_FIRST_HOUR`, clipped to the hours shown. */
  readonly top: number
  /** Minutes shown (at least 15, so that a short booking stays readable). */
  readonly length: number
  /** The booking goes on before 06:00 / after 22:00 (or into another day). */
  readonly clippedBefore: boolean
  readonly clippedAfter: boolean
}

/**
 * The timed bookings of one day laid out for the day view, 06:00–22:00: positions in minutes
 * from 06:00 (Europe/Paris wall clock), lanes for overlapping ones; what falls outside the hours
 * shown is pinned to the top or bottom edge and flagged.
 */
export function dayViewSegments<B extends BookingPeriod>(
  bookings: readonly B[],
  day: string,
): DayViewSegment<B>[] {
  const first = DAY_FIRST_HOUR * 60
  const last = DAY_LAST_HOUR * 60
  return timedSegments(bookings, day).map((segment) => {
    const start = Math.min(Math.max(segment.startMinute, first), last - 15)
    const end = Math.max(Math.min(segment.endMinute, last), start + 15)
    return {
      ...segment,
      top: start - first,
      length: end - start,
      clippedBefore: segment.continuesBefore || segment.startMinute < first,
      clippedAfter: segment.continuesAfter || segment.endMinute > last,
    }
  })
}

/** One day of the agenda: its date and the bookings listed under it. */
export interface AgendaDay<B> {
  readonly date: string
  readonly bookings: readonly B[]
}

/**
 * The agenda of `days` (consecutive local dates): each booking under the first of its days that is
 * shown (a loan begun earlier appears under the first day), days without bookings left out;
 * day-long loans first, then by start, then by reference.
 */
export function agendaDays<B extends BookingPeriod & { readonly reference: string }>(
  bookings: readonly B[],
  days: readonly string[],
): AgendaDay<B>[] {
  const first = days[0]
  const last = days[days.length - 1]
  if (first === undefined || last === undefined) return []
  const byDay = new Map<string, B[]>()
  for (const booking of bookings) {
    const span = bookingDaySpan(booking)
    if (span.last < first || span.first > last) continue
    const day = span.first < first ? first : span.first
    byDay.set(day, [...(byDay.get(day) ?? []), booking])
  }
  return days
    .filter((day) => byDay.has(day))
    .map((date) => ({
      date,
      bookings: [...(byDay.get(date) ?? [])].sort(
        (a, b) =>
          Number(b.allDay) - Number(a.allDay) ||
          Date.parse(a.start) - Date.parse(b.start) ||
          a.reference.localeCompare(b.reference),
      ),
    }))
}

/** Number of distinct commune colours (`.commune-color-0` … `-7` in the stylesheet). */
export const COMMUNE_COLOR_COUNT = 8

/**
 * A colour index per commune for the « Toutes les communes » view: the communes in the order
 * given (the select's order), each its own colour while there are enough, then round again.
 */
export function communeColorIndex(communeIds: readonly string[]): ReadonlyMap<string, number> {
  return new Map(communeIds.map((id, index) => [id, index % COMMUNE_COLOR_COUNT]))
}
