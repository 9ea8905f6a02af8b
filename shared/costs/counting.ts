/**
 * The counting rules of cost sharing (issue 7), as pure functions. Every local date and clock time is
 * Europe/Paris wall time, whatever the machine's zone; instants are epoch milliseconds; periods are
 * half-open `[start, end)`; day-long loans carry their local dates, the last one inclusive.
 *
 * - Per day: the local calendar days the booking covers, first and last included. A day-long loan
 *   Friday to Monday is 4 days; a timed booking Saturday 20:00 to Sunday 08:00 covers 2 days; one
 *   ending at midnight does not cover the day that begins then.
 * - Per half-day: the mornings (00:00–12:00) and afternoons (12:00–24:00) the booking overlaps; a
 *   whole day counts two.
 * - Per hour: the real time elapsed, in quarter hours rounded up (a night across the spring change
 *   is one hour shorter, across the autumn change one hour longer).
 * - Agents: the elapsed time is split between surcharge bands by the local clock of each instant and
 *   French public holidays: the date of the instant says whether it is a Sunday or a holiday (Saturday
 *   23:00 is a weekday night, Sunday 01:00 a Sunday night). Each band is rounded up to the quarter
 *   hour on its own; bands change on whole hours, so a booking starting and ending on quarter hours
 *   is billed exactly its elapsed time.
 * - Agents or vehicles booked by whole days (no clock times): `allDayHours` per local day, in the
 *   daytime band of that day.
 */
import type { SurchargeBands } from '../domain/costs'
import { DomainError } from '../errors'
import {
  addDaysToDate,
  daysBetween,
  instantToLocalDate,
  instantToLocalTime,
  localToInstant,
  startOfLocalDate,
  type Period,
} from '../time'

/** What the counting rules read of a booking's period. */
export type CountedPeriod = Pick<Period, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>

export const QUARTER_MS = 15 * 60_000
export const HOUR_MS = 60 * 60_000

/**
 * First and last local dates (`YYYY-MM-DD`, both inclusive) a period covers: the loan's dates for a
 * day-long loan, else the date of `start` to the date of the last millisecond before `end`.
 */
export function coveredDates(period: CountedPeriod): { readonly first: string; readonly last: string } {
  if (period.allDay && period.startDate !== null && period.endDate !== null) {
    return { first: period.startDate, last: period.endDate }
  }
  return { first: instantToLocalDate(period.start), last: instantToLocalDate(period.end - 1) }
}

/**
 * Local calendar days covered, first and last included.
 * @example countDays(fridayToMondayLoan) // 4
 */
export function countDays(period: CountedPeriod): number {
  const { first, last } = coveredDates(period)
  return daysBetween(first, last) + 1
}

/**
 * Local days covered that fall inside `[from, to]` (local dates, both inclusive); 0 when none.
 * Used by the usage report, which clips bookings to its period.
 */
export function countDaysWithin(period: CountedPeriod, from: string, to: string): number {
  const { first, last } = coveredDates(period)
  const a = first > from ? first : from
  const b = last < to ? last : to
  return b < a ? 0 : daysBetween(a, b) + 1
}

/** Half-days (morning before 12:00, afternoon from 12:00, local) the period overlaps; 2 per whole day. */
export function countHalfDays(period: CountedPeriod): number {
  if (period.allDay) return 2 * countDays(period)
  const { first, last } = coveredDates(period)
  let count = 0
  for (let date = first; date <= last; date = addDaysToDate(date, 1)) {
    const midnight = startOfLocalDate(date)
    const noon = localToInstant(date, 12, 0)
    const next = startOfLocalDate(addDaysToDate(date, 1))
    if (period.start < noon && period.end > midnight) count++
    if (period.start < next && period.end > noon) count++
  }
  return count
}

/**
 * Quarter hours billed for `ms` of real time: rounded up.
 * @example quarterHours(190 * 60_000) // 13 (3 h 10 → 3 h 15)
 */
export function quarterHours(ms: number): number {
  return Math.ceil(ms / QUARTER_MS)
}

export const bands = ['day', 'night', 'holidayDay', 'holidayNight'] as const
/** Surcharge band of an agent's time: weekday daytime, night, Sunday/holiday daytime, Sunday/holiday night. */
export type Band = (typeof bands)[number]

/** French label of a band, as printed on a statement line. */
export const bandLabels: Record<Band, string> = {
  day: 'jour',
  night: 'nuit',
  holidayDay: 'dimanche ou jour férié',
  holidayNight: 'nuit de dimanche ou jour férié',
}

/** Percent a band adds to the hourly rate. */
export function bandPercent(band: Band, surcharges: SurchargeBands): number {
  switch (band) {
    case 'day':
      return 0
    case 'night':
      return surcharges.nightPercent
    case 'holidayDay':
      return surcharges.holidayDayPercent
    case 'holidayNight':
      return surcharges.holidayNightPercent
  }
}

/** Whether a local date is a Sunday or in `holidays` (local dates of French public holidays). */
export function isSundayOrHoliday(date: string, holidays: ReadonlySet<string>): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 0 || holidays.has(date)
}

function isNight(time: string, surcharges: SurchargeBands): boolean {
  const { nightStart, nightEnd } = surcharges
  return nightStart > nightEnd ? time >= nightStart || time < nightEnd : time >= nightStart && time < nightEnd
}

/**
 * The instant local `HH:mm` happens on `date`; a time inside the spring-forward gap (a band set to
 * 02:30) happens when the clocks jump, at the first instant after it.
 */
function localClockInstant(date: string, time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number]
  try {
    return localToInstant(date, h, m)
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return localToInstant(date, h + 1, m)
  }
}

/** Time spent in one band, real milliseconds. */
export interface BandTime {
  readonly band: Band
  readonly ms: number
}

/**
 * Splits `[start, end)` (epoch ms) between the surcharge bands by the Europe/Paris clock.
 * @param holidays local dates of French public holidays covering the period
 * @returns the bands with time in them, in the order of `bands`
 */
export function splitByBands(
  start: number,
  end: number,
  surcharges: SurchargeBands,
  holidays: ReadonlySet<string>,
): BandTime[] {
  const totals = new Map<Band, number>()
  let t = start
  while (t < end) {
    const date = instantToLocalDate(t)
    const candidates = [
      localClockInstant(date, surcharges.nightEnd),
      localClockInstant(date, surcharges.nightStart),
      startOfLocalDate(addDaysToDate(date, 1)),
    ].filter((instant) => instant > t)
    const next = Math.min(end, ...candidates)
    const night = isNight(instantToLocalTime(t), surcharges)
    const holiday = isSundayOrHoliday(date, holidays)
    const band: Band = holiday ? (night ? 'holidayNight' : 'holidayDay') : night ? 'night' : 'day'
    totals.set(band, (totals.get(band) ?? 0) + (next - t))
    t = next
  }
  return bands.flatMap((band) => {
    const ms = totals.get(band) ?? 0
    return ms > 0 ? [{ band, ms }] : []
  })
}

/**
 * The time billed for an hour-rated resource, per band: real elapsed time split by bands when
 * `surcharges` is given (agents), else one `day` band (vehicles, equipment per hour). A day-long
 * loan counts `allDayHours` per local day in that day's daytime band.
 * @returns quarter hours per band, rounded up band by band, bands with time only
 */
export function billedQuarters(
  period: CountedPeriod,
  allDayHours: number,
  surcharges: SurchargeBands | null,
  holidays: ReadonlySet<string>,
): { readonly band: Band; readonly quarters: number }[] {
  if (period.allDay) {
    const perDay = Math.round(allDayHours * 4)
    const counts = new Map<Band, number>()
    const { first, last } = coveredDates(period)
    for (let date = first; date <= last; date = addDaysToDate(date, 1)) {
      const band: Band = surcharges !== null && isSundayOrHoliday(date, holidays) ? 'holidayDay' : 'day'
      counts.set(band, (counts.get(band) ?? 0) + perDay)
    }
    return bands.flatMap((band) => {
      const quarters = counts.get(band) ?? 0
      return quarters > 0 ? [{ band, quarters }] : []
    })
  }
  if (surcharges === null) return [{ band: 'day', quarters: quarterHours(period.end - period.start) }]
  return splitByBands(period.start, period.end, surcharges, holidays).map(({ band, ms }) => ({
    band,
    quarters: quarterHours(ms),
  }))
}
