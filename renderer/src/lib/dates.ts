/**
 * Display helpers for dates in Europe/Paris (DESIGN.md, "Time"), built on `shared/time.ts`. Local
 * dates are `YYYY-MM-DD`; nothing here reads the machine's time zone.
 */
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { fr } from 'date-fns/locale'
import type { Booking } from '../../../shared/domain/types'
import {
  TIME_ZONE,
  addDaysToDate,
  formatLocalDateFr,
  instantToLocalDate,
  instantToLocalTime,
  localToInstant,
} from '../../../shared/time'

/** Today's date in Europe/Paris, `YYYY-MM-DD`. */
export function todayLocalDate(now: number = Date.now()): string {
  return instantToLocalDate(now)
}

/**
 * Formats a local date with a date-fns pattern in French, e.g. `EEEE d MMMM yyyy` →
 * `vendredi 14 mai 2027`. Uses local noon, which exists every day.
 */
export function formatLocalDatePattern(date: string, pattern: string): string {
  return format(new TZDate(localToInstant(date, 12), TIME_ZONE), pattern, { locale: fr })
}

/** Day of the week of a local date, Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/** The Monday of the week containing this local date. */
export function startOfWeek(date: string): string {
  return addDaysToDate(date, -weekdayIndex(date))
}

/** The first day of the month containing this local date. */
export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** Adds whole months to a local date, keeping the day when it exists (31 → last day otherwise). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, last))
  return target.toISOString().slice(0, 10)
}

/** `YYYY-MM-DD` list from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDaysToDate(day, 1)) days.push(day)
  return days
}

/** A booking's period as a half-open interval of instants, epoch ms. */
export function bookingInterval(booking: Pick<Booking, 'start' | 'end'>): { start: number; end: number } {
  return { start: Date.parse(booking.start), end: Date.parse(booking.end) }
}

/**
 * A compact period for tables: `14/05/2027`, `14/05/2027 – 16/05/2027`, `14/05/2027 08:30–12:00`,
 * or `14/05/2027 20:00 – 15/05/2027 02:00`, in Europe/Paris.
 */
export function formatPeriodShort(
  period: Pick<Booking, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>,
): string {
  if (period.allDay && period.startDate && period.endDate) {
    return period.startDate === period.endDate
      ? formatLocalDateFr(period.startDate)
      : `${formatLocalDateFr(period.startDate)} – ${formatLocalDateFr(period.endDate)}`
  }
  const { start, end } = bookingInterval(period)
  const startDay = instantToLocalDate(start)
  const endDay = instantToLocalDate(end)
  if (startDay === endDay) {
    return `${formatLocalDateFr(startDay)} ${instantToLocalTime(start)}–${instantToLocalTime(end)}`
  }
  return `${formatLocalDateFr(startDay)} ${instantToLocalTime(start)} – ${formatLocalDateFr(endDay)} ${instantToLocalTime(end)}`
}
