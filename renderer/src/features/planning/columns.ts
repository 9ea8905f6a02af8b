/**
 * The views of the planning board and their columns: days (Europe/Paris local dates) or, in the day
 * zoom, the real hours of one day (23 or 25 on DST days). Positions are in column units. Pure
 * functions, no DOM, no store, no machine time zone.
 */
import { addDaysToDate, instantToLocalTime, startOfLocalDate } from '../../../../shared/time'
import {
  addMonthsToDate,
  dateRange,
  formatLocalDatePattern,
  startOfMonth,
  startOfWeek,
} from '../../lib/dates'

const HOUR_MS = 3_600_000

export const planningViews = ['day', 'week', 'twoWeeks', 'month'] as const
/** `day`: one day in hours; `week`, `twoWeeks`, `month`: one column per day. */
export type PlanningView = (typeof planningViews)[number]

/** `day` columns (one per local day) or `hour` columns (the day zoom). */
export type Granularity = 'day' | 'hour'

export function granularityOf(view: PlanningView): Granularity {
  return view === 'day' ? 'hour' : 'day'
}

/** One column of the board: a half-open interval of instants `[start, end)`, epoch ms. */
export interface PlanningColumn {
  readonly index: number
  /** Unique within the view: `2027-06-14`, or `2027-06-14T08:00` (`…T02:00+1` for the repeated autumn hour). */
  readonly key: string
  /** The local date the column belongs to. */
  readonly date: string
  readonly start: number
  readonly end: number
  /** Day zoom: the wall-clock hour at the column's start, `08:00`; null for day columns. */
  readonly hour: string | null
}

/** The local dates a view shows, first and last included (Monday-first weeks). */
export function visibleDates(view: PlanningView, anchor: string): string[] {
  switch (view) {
    case 'day':
      return [anchor]
    case 'week': {
      const first = startOfWeek(anchor)
      return dateRange(first, addDaysToDate(first, 6))
    }
    case 'twoWeeks': {
      const first = startOfWeek(anchor)
      return dateRange(first, addDaysToDate(first, 13))
    }
    case 'month': {
      const first = startOfMonth(anchor)
      return dateRange(first, addDaysToDate(addMonthsToDate(first, 1), -1))
    }
    default:
      return assertNeverView(view)
  }
}

function assertNeverView(value: never): never {
  throw new Error(`Vue inconnue : ${String(value)}`)
}

/**
 * The columns of a view: one per local day, or in the day zoom one per real hour of the day, from
 * local midnight to the next (23 columns on the spring-forward day, 25 on the autumn one, whose
 * repeated hour gets the key suffix `+1`).
 */
export function columnsFor(view: PlanningView, anchor: string): PlanningColumn[] {
  if (view !== 'day') {
    return visibleDates(view, anchor).map((date, index) => ({
      index,
      key: date,
      date,
      start: startOfLocalDate(date),
      end: startOfLocalDate(addDaysToDate(date, 1)),
      hour: null,
    }))
  }
  const dayStart = startOfLocalDate(anchor)
  const dayEnd = startOfLocalDate(addDaysToDate(anchor, 1))
  const columns: PlanningColumn[] = []
  const seen = new Set<string>()
  for (let start = dayStart; start < dayEnd; start += HOUR_MS) {
    const hour = instantToLocalTime(start)
    const key = seen.has(hour) ? `${anchor}T${hour}+1` : `${anchor}T${hour}`
    seen.add(hour)
    columns.push({ index: columns.length, key, date: anchor, start, end: start + HOUR_MS, hour })
  }
  return columns
}

/** The anchor one step back (-1) or forward (+1): a day, a week, two weeks or a month. */
export function stepAnchor(view: PlanningView, anchor: string, step: -1 | 1): string {
  switch (view) {
    case 'day':
      return addDaysToDate(anchor, step)
    case 'week':
      return addDaysToDate(anchor, 7 * step)
    case 'twoWeeks':
      return addDaysToDate(anchor, 14 * step)
    case 'month':
      return addMonthsToDate(startOfMonth(anchor), step)
    default:
      return assertNeverView(view)
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Title of what the board shows: `Juin 2027`, `Lundi 14 juin 2027`, `14 – 20 juin 2027`,
 * `28 juin – 11 juillet 2027`, `28 décembre 2026 – 3 janvier 2027`.
 */
export function planningTitle(view: PlanningView, anchor: string): string {
  if (view === 'month') return capitalize(formatLocalDatePattern(startOfMonth(anchor), 'MMMM yyyy'))
  if (view === 'day') return capitalize(formatLocalDatePattern(anchor, 'EEEE d MMMM yyyy'))
  const dates = visibleDates(view, anchor)
  const first = dates[0] ?? anchor
  const last = dates[dates.length - 1] ?? anchor
  const sameYear = first.slice(0, 4) === last.slice(0, 4)
  const sameMonth = sameYear && first.slice(5, 7) === last.slice(5, 7)
  const dayOf = (date: string) => (date.endsWith('-01') ? '1er' : String(Number(date.slice(8, 10))))
  const from = sameMonth
    ? dayOf(first)
    : `${dayOf(first)} ${formatLocalDatePattern(first, sameYear ? 'MMMM' : 'MMMM yyyy')}`
  return `${from} – ${dayOf(last)} ${formatLocalDatePattern(last, 'MMMM yyyy')}`
}

/** Header text of a column: `lun. 14` for a day, `08:00` for an hour. */
export function columnLabel(column: PlanningColumn): string {
  return column.hour ?? formatLocalDatePattern(column.date, 'EEE d')
}

/** The column's period in words, for cell labels: `lundi 14 juin 2027` or `lundi 14 juin 2027, 08:00–09:00`. */
export function columnDescription(column: PlanningColumn): string {
  const day = formatLocalDatePattern(column.date, 'EEEE d MMMM yyyy')
  return column.hour ? `${day}, ${column.hour}–${instantToLocalTime(column.end)}` : day
}

/** The index of the column containing instant `t`, or -1 before the first / `columns.length` after the last. */
export function columnIndexAt(columns: readonly PlanningColumn[], t: number): number {
  let lo = 0
  let hi = columns.length - 1
  if (hi < 0 || t < (columns[0]?.start ?? 0)) return -1
  if (t >= (columns[hi]?.end ?? 0)) return columns.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((columns[mid]?.start ?? 0) <= t) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Instant `t` in column units (proportional inside its column), clamped to `[0, columns.length]`. */
export function positionOf(columns: readonly PlanningColumn[], t: number): number {
  const index = columnIndexAt(columns, t)
  if (index < 0) return 0
  if (index >= columns.length) return columns.length
  const column = columns[index]
  if (!column) return 0
  return index + (t - column.start) / (column.end - column.start)
}

/** The column of an instant, clamped to the view: the first column before it, the last after it. */
export function columnOf(columns: readonly PlanningColumn[], t: number): number {
  const index = columnIndexAt(columns, t)
  return Math.min(Math.max(0, index), Math.max(0, columns.length - 1))
}

/**
 * The column a view opens on: 06:00 in the day zoom (the first column if that hour is missing), or
 * the column of `now` (epoch ms) clamped to the view, so a past or future period opens on its edge.
 */
export function initialColumnOf(
  columns: readonly PlanningColumn[],
  granularity: Granularity,
  now: number,
): number {
  if (granularity === 'hour') {
    return Math.max(
      0,
      columns.findIndex((c) => c.hour === '06:00'),
    )
  }
  return columnOf(columns, Math.max(columns[0]?.start ?? 0, Math.min(now, (columns.at(-1)?.end ?? 1) - 1)))
}
