/**
 * The depot's day list (`depot.day`) arranged for a person standing at the depot: four sections in
 * the order of the day's work — Départs, Retours, Livraisons et reprises, En retard — each sorted by
 * time, with the time to show (Europe/Paris, 24-hour clock). Pure, no DOM, no machine time zone.
 */
import type { DepotDay, LateBooking, LogisticsTask } from '../../../../shared/domain/lifecycle'
import type { Booking } from '../../../../shared/domain/types'
import { addDaysToDate, instantToLocalDate, instantToLocalTime } from '../../../../shared/time'
import { formatDateText, parseDateText } from '../../lib/period'

/** One line of a section: a booking (with its time) or a logistics task. */
export interface DepotLine {
  readonly key: string
  /** `08:30`, `Journée` for a day-long loan, or `Prévue le 12/05/2027` for a departure of an earlier day. */
  readonly time: string
  /** True when the line belongs to an earlier day (a departure not handed out yet). */
  readonly overdue: boolean
  readonly booking: Booking
}

export interface DepotSections {
  readonly departures: readonly DepotLine[]
  /** Returns expected that day, the late ones left out (they are under `late`). */
  readonly returns: readonly DepotLine[]
  readonly logistics: readonly LogisticsTask[]
  readonly late: readonly LateBooking[]
}

/** The local day (Europe/Paris) a booking starts (`start`) or ends (`end`, last day for day-long loans). */
export function bookingDay(booking: Booking, edge: 'start' | 'end'): string {
  if (booking.allDay) {
    const date = edge === 'start' ? booking.startDate : booking.endDate
    if (date) return date
  }
  const ms = Date.parse(edge === 'start' ? booking.start : booking.end)
  // A timed end at 00:00 belongs to the day before (half-open interval).
  return instantToLocalDate(edge === 'end' ? ms - 1 : ms)
}

function lineTime(booking: Booking, edge: 'start' | 'end', date: string): { time: string; overdue: boolean } {
  const day = bookingDay(booking, edge)
  if (day < date) return { time: `Prévue le ${formatDateText(day)}`, overdue: true }
  if (booking.allDay) return { time: 'Journée', overdue: false }
  return {
    time: instantToLocalTime(Date.parse(edge === 'start' ? booking.start : booking.end)),
    overdue: false,
  }
}

/** Sort key of a line: earlier days first, then day-long loans, then by time. */
function sortKey(booking: Booking, edge: 'start' | 'end'): string {
  const day = bookingDay(booking, edge)
  const time = booking.allDay ? '00:00' : instantToLocalTime(Date.parse(booking[edge]))
  return `${day} ${time} ${booking.reference}`
}

function lines(bookings: readonly Booking[], edge: 'start' | 'end', date: string): DepotLine[] {
  return [...bookings]
    .sort((a, b) => sortKey(a, edge).localeCompare(sortKey(b, edge)))
    .map((booking) => ({ key: booking.id, booking, ...lineTime(booking, edge, date) }))
}

/**
 * The day's sections: departures by start, returns by end (late bookings only under « En retard »,
 * where they can be received too), logistics tasks by start, late bookings by their end (the
 * longest overdue first).
 */
export function depotSections(day: DepotDay): DepotSections {
  const lateIds = new Set(day.late.map((l) => l.booking.id))
  return {
    departures: lines(day.departures, 'start', day.date),
    returns: lines(
      day.returns.filter((b) => !lateIds.has(b.id)),
      'end',
      day.date,
    ),
    logistics: [...day.logistics].sort(
      (a, b) => a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind),
    ),
    late: [...day.late].sort((a, b) => a.booking.end.localeCompare(b.booking.end)),
  }
}

/** Total lines of the day (the page says « Rien de prévu » when 0). */
export function depotLineCount(sections: DepotSections): number {
  return (
    sections.departures.length + sections.returns.length + sections.logistics.length + sections.late.length
  )
}

/** `08:00–09:00` of a logistics task, Europe/Paris. */
export function taskTime(task: Pick<LogisticsTask, 'start' | 'end'>): string {
  return `${instantToLocalTime(Date.parse(task.start))}–${instantToLocalTime(Date.parse(task.end))}`
}

/** `Livraison` or `Reprise`. */
export function taskKindLabel(kind: LogisticsTask['kind']): string {
  return kind === 'delivery' ? 'Livraison' : 'Reprise'
}

/** The day before or after, `YYYY-MM-DD`. */
export function stepDay(date: string, step: -1 | 1): string {
  return addDaysToDate(date, step)
}

/** A date typed in the picker (`14/05/2027`, `2027-05-14`) → `YYYY-MM-DD`, or null. */
export function parseDepotDate(text: string): string | null {
  return parseDateText(text)
}

/** How late a booking is, in words: `depuis le 12/05/2027 18:00` (Europe/Paris). */
export function lateSince(booking: Booking): string {
  if (booking.allDay && booking.endDate)
    return `depuis le ${formatDateText(addDaysToDate(booking.endDate, 1))}`
  const ms = Date.parse(booking.end)
  return `depuis le ${formatDateText(instantToLocalDate(ms))} ${instantToLocalTime(ms)}`
}
