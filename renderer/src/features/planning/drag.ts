/**
 * The period a drag produces: a moved bar, a dragged edge, or a selection of empty cells. Pure
 * functions, no DOM, no store, no machine time zone.
 */
import type { Booking } from '../../../../shared/domain/types'
import { cancellableStatuses } from '../../../../shared/domain/types'
import {
  addDaysToDate,
  instantToLocalDate,
  instantToLocalTime,
  localToInstant,
  startOfLocalDate,
  toIsoUtc,
} from '../../../../shared/time'
import type { PeriodValue } from '../../lib/period'
import { formatDateText } from '../../lib/period'
import { type Granularity, type PlanningColumn } from './columns'
import { type PlanningPeriod } from './bars'

const HOUR_MS = 3_600_000
const QUARTER_MS = 900_000

/** `move` the whole bar, or drag its `start` (left) or `end` (right) edge. */
export type DragMode = 'move' | 'start' | 'end'

/** The same wall-clock time `days` later (or the same time since local midnight when it does not exist that day). */
export function shiftLocalDays(ms: number, days: number): number {
  if (days === 0) return ms
  const date = instantToLocalDate(ms)
  const target = addDaysToDate(date, days)
  const [h, m] = instantToLocalTime(ms).split(':').map(Number) as [number, number]
  const seconds = Math.floor((ms % 60_000) / 1000)
  try {
    return localToInstant(target, h, m, seconds < 0 ? 0 : seconds)
  } catch {
    return startOfLocalDate(target) + (ms - startOfLocalDate(date))
  }
}

/** Rounds an instant to the nearest quarter hour (Europe/Paris offsets are whole hours, so UTC quarters are local ones). */
export function roundToQuarter(ms: number): number {
  return Math.round(ms / QUARTER_MS) * QUARTER_MS
}

function dayPeriod(startDate: string, endDate: string): PlanningPeriod {
  return {
    start: startOfLocalDate(startDate),
    end: startOfLocalDate(addDaysToDate(endDate, 1)),
    allDay: true,
    startDate,
    endDate,
  }
}

/**
 * The period a drag produces, or null when the drag cannot apply (an edge dragged past the other
 * one, a day-long loan dragged in the day zoom).
 * - `day` granularity: the pointer's offset rounded to whole days. Day-long loans move their dates;
 *   timed bookings keep their wall-clock times on the new days (08:00 stays 08:00 across a clock
 *   change).
 * - `hour` granularity (day zoom): the offset in hours, the moved edge(s) rounded to the quarter hour;
 *   a move keeps the duration.
 * @param deltaColumns the pointer's horizontal offset since the drag began, in column units
 */
export function dragPeriod(
  period: PlanningPeriod,
  mode: DragMode,
  deltaColumns: number,
  granularity: Granularity,
): PlanningPeriod | null {
  if (granularity === 'day') {
    const days = Math.round(deltaColumns)
    if (period.allDay && period.startDate && period.endDate) {
      const startDate = mode === 'end' ? period.startDate : addDaysToDate(period.startDate, days)
      const endDate = mode === 'start' ? period.endDate : addDaysToDate(period.endDate, days)
      return endDate < startDate ? null : dayPeriod(startDate, endDate)
    }
    const start = mode === 'end' ? period.start : shiftLocalDays(period.start, days)
    const end = mode === 'start' ? period.end : shiftLocalDays(period.end, days)
    return end <= start ? null : { start, end, allDay: false, startDate: null, endDate: null }
  }
  if (period.allDay) return null
  const delta = deltaColumns * HOUR_MS
  if (mode === 'move') {
    const start = roundToQuarter(period.start + delta)
    return { ...period, start, end: start + (period.end - period.start) }
  }
  const start = mode === 'start' ? roundToQuarter(period.start + delta) : period.start
  const end = mode === 'end' ? roundToQuarter(period.end + delta) : period.end
  return end <= start ? null : { start, end, allDay: false, startDate: null, endDate: null }
}

/**
 * True when the board lets this booking be dragged: not handed out or closed (the statuses that can
 * still be cancelled), and not a day-long loan in the day zoom (it moves by whole days only).
 */
export function canDrag(booking: Booking, granularity: Granularity): boolean {
  return cancellableStatuses.includes(booking.status) && !(granularity === 'hour' && booking.allDay)
}

/** True when two periods are the same instants. */
export function samePeriod(
  a: Pick<PlanningPeriod, 'start' | 'end'>,
  b: Pick<PlanningPeriod, 'start' | 'end'>,
) {
  return a.start === b.start && a.end === b.end
}

/** The `start`/`end` of `bookings.update`: dates for day-long loans (end inclusive), UTC instants otherwise. */
export function periodToApiInput(period: PlanningPeriod): { start: string; end: string } {
  if (period.allDay && period.startDate && period.endDate) {
    return { start: period.startDate, end: period.endDate }
  }
  return { start: toIsoUtc(period.start), end: toIsoUtc(period.end) }
}

/**
 * The booking form's period for a selection of columns `from`…`to` (either order): whole days for
 * day columns, `14/06/2027 08:00` → `14/06/2027 11:00` for hours.
 */
export function selectionToPeriod(
  columns: readonly PlanningColumn[],
  from: number,
  to: number,
): PeriodValue | null {
  const first = columns[Math.min(from, to)]
  const last = columns[Math.max(from, to)]
  if (!first || !last) return null
  if (first.hour === null) {
    return {
      mode: 'days',
      firstDay: formatDateText(first.date),
      lastDay: formatDateText(last.date),
      start: '',
      end: '',
    }
  }
  const at = (ms: number) => `${formatDateText(instantToLocalDate(ms))} ${instantToLocalTime(ms)}`
  return { mode: 'timed', firstDay: '', lastDay: '', start: at(first.start), end: at(last.end) }
}
