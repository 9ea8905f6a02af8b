/**
 * Time rules of the territory (DESIGN.md, "Time"): every local time is Europe/Paris wall time,
 * whatever the machine's zone; instants are epoch milliseconds (UTC). A local time that does not
 * exist (the spring-forward hour) is refused; an ambiguous one (the autumn hour lived twice) means
 * its first occurrence. Day-long loans are local dates `YYYY-MM-DD`, end date inclusive.
 *
 * Pure functions: no I/O, safe in the renderer and the backend.
 */
import { tzOffset, TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { fr } from 'date-fns/locale'
import { DomainError } from './errors'

/** The territory's time zone. */
export const TIME_ZONE = 'Europe/Paris'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

/** A local calendar date split in numbers; month 1–12. */
interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** A moment as the user wrote it: an instant, or a local date for day-long loans. */
export type TimeInput =
  { readonly kind: 'instant'; readonly ms: number } | { readonly kind: 'date'; readonly date: string }

/** A resolved period, half-open `[start, end)` in epoch ms. Day-long periods keep their dates. */
export interface Period {
  readonly start: number
  readonly end: number
  readonly allDay: boolean
  /** First day, `YYYY-MM-DD`, for day-long periods; null otherwise. */
  readonly startDate: string | null
  /** Last day, inclusive, `YYYY-MM-DD`, for day-long periods; null otherwise. */
  readonly endDate: string | null
}

/** What a message may quote of a typed text: at most 40 characters, so a pasted page never comes back whole. */
function quoted(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function formatDateFr(parts: DateParts): string {
  return `${pad(parts.day)}/${pad(parts.month)}/${parts.year}`
}

/** Years the application accepts: enough for purchase dates and long plans, and no year 27 for 2027. */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2199

function validDateParts(year: number, month: number, day: number): DateParts | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth ? { year, month, day } : null
}

/**
 * Checks a local date `YYYY-MM-DD` and returns it unchanged.
 * @throws DomainError INVALID_INPUT for a malformed or impossible date (2027-02-31).
 */
export function parseLocalDate(text: string): string {
  const m = DATE_RE.exec(text)
  const parts = m ? validDateParts(Number(m[1]), Number(m[2]), Number(m[3])) : null
  if (!parts) {
    const year = m ? Number(m[1]) : NaN
    throw new DomainError(
      'INVALID_INPUT',
      year < MIN_YEAR || year > MAX_YEAR
        ? `« ${quoted(text)} » : l'année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.`
        : `« ${quoted(text)} » n'est pas une date valide (attendu : aaaa-mm-jj, une date qui existe).`,
    )
  }
  return text
}

/** Adds whole calendar days to a local date `YYYY-MM-DD` (no time zone involved). */
export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = parseLocalDate(date).split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** Number of calendar days from `from` to `to` (`YYYY-MM-DD`); 0 for the same day. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${parseLocalDate(to)}T00:00:00Z`) - Date.parse(`${parseLocalDate(from)}T00:00:00Z`)) /
      DAY_MS,
  )
}

/**
 * The instant at which Europe/Paris wall clocks show this local date and time.
 * Ambiguous (autumn) times resolve to their first occurrence, the summer-time one.
 * @param date `YYYY-MM-DD`
 * @param hours 0–23, `minutes` 0–59, `seconds` 0–59
 * @returns epoch ms
 * @throws DomainError INVALID_INPUT when the time does not exist (spring forward) or is malformed.
 */
export function localToInstant(date: string, hours = 0, minutes = 0, seconds = 0): number {
  const [y, m, d] = parseLocalDate(date).split('-').map(Number) as [number, number, number]
  if (hours > 23 || minutes > 59 || seconds > 59 || hours < 0 || minutes < 0 || seconds < 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `L'heure ${pad(hours)}:${pad(minutes)}${seconds ? `:${pad(seconds)}` : ''} n'est pas valide.`,
    )
  }
  const wall = Date.UTC(y, m - 1, d, hours, minutes, seconds)
  // The zone's offset can only be one of those in force a day either side of the wall time.
  const offsets = new Set([
    tzOffset(TIME_ZONE, new Date(wall - DAY_MS)),
    tzOffset(TIME_ZONE, new Date(wall + DAY_MS)),
  ])
  const candidates = [...offsets]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wall - tzOffset(TIME_ZONE, new Date(instant)) * MINUTE_MS === instant)
  if (candidates.length === 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `L'heure ${pad(hours)}:${pad(minutes)} n'existe pas le ${formatDateFr({ year: y, month: m, day: d })} ` +
        `(passage à l'heure d'été) : choisissez une heure avant 02:00 ou à partir de 03:00.`,
    )
  }
  return Math.min(...candidates)
}

/** The instant of local midnight starting this Europe/Paris date, in epoch ms. */
export function startOfLocalDate(date: string): number {
  return localToInstant(date, 0, 0, 0)
}

/** The Europe/Paris calendar date (`YYYY-MM-DD`) containing this instant. */
export function instantToLocalDate(ms: number): string {
  return format(new TZDate(ms, TIME_ZONE), 'yyyy-MM-dd')
}

/** The Europe/Paris wall time of this instant, `HH:mm`. */
export function instantToLocalTime(ms: number): string {
  return format(new TZDate(ms, TIME_ZONE), 'HH:mm')
}

/**
 * Reads one moment of the API: an instant with offset (`2027-03-27T20:00:00+01:00`, `…Z`),
 * a Europe/Paris local date-time (`2027-03-27T20:00`), or a local date (`2027-05-14`).
 * @throws DomainError INVALID_INPUT for anything else, an impossible date, or a non-existent local time.
 */
export function parseTimeInput(text: string): TimeInput {
  if (DATE_RE.test(text)) return { kind: 'date', date: parseLocalDate(text) }
  const local = LOCAL_RE.exec(text)
  if (local) {
    const date = `${local[1]}-${local[2]}-${local[3]}`
    return {
      kind: 'instant',
      ms: localToInstant(date, Number(local[4]), Number(local[5]), Number(local[6] ?? 0)),
    }
  }
  if (INSTANT_RE.test(text)) {
    const date = text.slice(0, 10)
    parseLocalDate(date)
    const ms = Date.parse(text)
    if (Number.isFinite(ms)) return { kind: 'instant', ms }
  }
  throw new DomainError(
    'INVALID_INPUT',
    `« ${quoted(text)} » n'est pas une date reconnue (attendu : 2027-05-14, 2027-05-14T08:30 ou un instant ISO 8601 avec fuseau).`,
  )
}

/**
 * Resolves a period given as two moments of the API (see `parseTimeInput`). Both ends must be of the
 * same kind: two dates make a day-long period from local midnight of `start` to local midnight after
 * `end` (end inclusive); two date-times make a half-open `[start, end)`.
 * @throws DomainError INVALID_INPUT when the ends mix kinds or the end is not after the start.
 */
export function resolvePeriod(start: string, end: string): Period {
  const a = parseTimeInput(start)
  const b = parseTimeInput(end)
  if (a.kind === 'date' && b.kind === 'date') {
    if (b.date < a.date) {
      throw new DomainError('INVALID_INPUT', 'Le dernier jour doit être le même que le premier ou après lui.')
    }
    return {
      start: startOfLocalDate(a.date),
      end: startOfLocalDate(addDaysToDate(b.date, 1)),
      allDay: true,
      startDate: a.date,
      endDate: b.date,
    }
  }
  if (a.kind === 'instant' && b.kind === 'instant') {
    if (b.ms <= a.ms) throw new DomainError('INVALID_INPUT', 'La fin doit être après le début.')
    return { start: a.ms, end: b.ms, allDay: false, startDate: null, endDate: null }
  }
  throw new DomainError(
    'INVALID_INPUT',
    'Le début et la fin doivent être tous deux des dates (journées entières) ou tous deux des dates avec heure.',
  )
}

/** ISO 8601 UTC text of an instant (`2027-03-27T19:00:00.000Z`). */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString()
}

/** `14/05/2027` for a local date `2027-05-14`. */
export function formatLocalDateFr(date: string): string {
  const [y, m, d] = parseLocalDate(date).split('-').map(Number) as [number, number, number]
  return formatDateFr({ year: y, month: m, day: d })
}

/** `14/05/2027 08:30`, Europe/Paris wall time of an instant. */
export function formatInstantFr(ms: number): string {
  return format(new TZDate(ms, TIME_ZONE), 'dd/MM/yyyy HH:mm', { locale: fr })
}

/**
 * A period in French for messages: `du 14/05/2027 au 16/05/2027` for day-long periods,
 * `du 27/03/2027 20:00 au 28/03/2027 08:00` otherwise.
 */
export function formatPeriodFr(
  period: Pick<Period, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>,
): string {
  if (period.allDay && period.startDate && period.endDate) {
    return period.startDate === period.endDate
      ? `le ${formatLocalDateFr(period.startDate)}`
      : `du ${formatLocalDateFr(period.startDate)} au ${formatLocalDateFr(period.endDate)}`
  }
  return `du ${formatInstantFr(period.start)} au ${formatInstantFr(period.end)}`
}
