/**
 * The planning board's rules, as pure functions (no DOM, no store, no machine time zone): which
 * columns a view shows, where a booking's bar sits among them (clipped to the visible range), how
 * overlapping bars of one row stack into lanes, what period a drag produces, the colours of the
 * communes, the grouping of the rows, and the free quantity of a stock per column.
 *
 * Every day is a Europe/Paris local date (`YYYY-MM-DD`, shared/time.ts). A day column spans local
 * midnight to the next local midnight, 23 or 25 hours on the days clocks change; in the day zoom
 * the columns are the real hours of that day (23 or 25 of them), so nothing is ever computed from
 * the machine's zone. Positions along the grid are in "column units": 2.5 means halfway through the
 * third column.
 */
import type { CapacityResource, Occupation } from '../../../../shared/availability'
import { findConflicts, freeQuantity } from '../../../../shared/availability'
import type {
  Booking,
  Category,
  Commune,
  Conflict,
  Resource,
  ResourceKind,
  Unavailability,
} from '../../../../shared/domain/types'
import { blockingStatuses, resourceKinds } from '../../../../shared/domain/types'
import {
  addDaysToDate,
  instantToLocalDate,
  instantToLocalTime,
  localToInstant,
  startOfLocalDate,
  toIsoUtc,
} from '../../../../shared/time'
import {
  addMonthsToDate,
  dateRange,
  formatLocalDatePattern,
  startOfMonth,
  startOfWeek,
} from '../../lib/dates'
import { kindPluralLabel } from '../../lib/labels'
import type { PeriodValue } from '../../lib/period'
import { formatDateText } from '../../lib/period'

const HOUR_MS = 3_600_000
const QUARTER_MS = 900_000

// ---------------------------------------------------------------------------------------------
// Views and columns

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

// ---------------------------------------------------------------------------------------------
// Bars

/** A period as the board handles it: instants, and for day-long loans the dates (end inclusive). */
export interface PlanningPeriod {
  readonly start: number
  readonly end: number
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
}

/** Where a bar sits, in column units `[left, right)`, and whether it continues beyond the view. */
export interface BarSpan {
  readonly left: number
  readonly right: number
  readonly clippedStart: boolean
  readonly clippedEnd: boolean
}

/** A booking's period from the API's fields. */
export function bookingPeriod(
  booking: Pick<Booking, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>,
): PlanningPeriod {
  return {
    start: Date.parse(booking.start),
    end: Date.parse(booking.end),
    allDay: booking.allDay,
    startDate: booking.startDate,
    endDate: booking.endDate,
  }
}

/**
 * The span of a period among the columns, or null when it does not touch them.
 * - `day` columns: whole cells, from the day of the start to the day of the last instant (a timed
 *   booking 08:00–12:00 fills its day's cell; one 20:00–02:00 fills two).
 * - `hour` columns (day zoom): proportional to the time, so 08:30–10:15 is `[8.5, 10.25)` on a
 *   normal day.
 * Clipped to the visible columns, with `clippedStart` / `clippedEnd` telling that it goes on.
 */
export function barSpan(
  period: Pick<PlanningPeriod, 'start' | 'end'>,
  columns: readonly PlanningColumn[],
  granularity: Granularity,
): BarSpan | null {
  const first = columns[0]
  const last = columns[columns.length - 1]
  if (
    !first ||
    !last ||
    period.end <= first.start ||
    period.start >= last.end ||
    period.end <= period.start
  ) {
    return null
  }
  const clippedStart = period.start < first.start
  const clippedEnd = period.end > last.end
  if (granularity === 'hour') {
    return {
      left: positionOf(columns, period.start),
      right: positionOf(columns, period.end),
      clippedStart,
      clippedEnd,
    }
  }
  const left = clippedStart ? 0 : columnIndexAt(columns, period.start)
  const right = clippedEnd ? columns.length : columnIndexAt(columns, period.end - 1) + 1
  return { left, right, clippedStart, clippedEnd }
}

/** True when two spans share some width (touching spans do not). */
export function spansOverlap(
  a: Pick<BarSpan, 'left' | 'right'>,
  b: Pick<BarSpan, 'left' | 'right'>,
): boolean {
  return a.left < b.right && b.left < a.right
}

/**
 * Stacks spans into lanes: each span goes to the first lane whose previous span ends at or before
 * its left edge (spans taken by left edge, longer first). Returns the lane of each span, in the
 * input order, and the number of lanes (at least 1).
 */
export function assignLanes(spans: readonly Pick<BarSpan, 'left' | 'right'>[]): {
  lanes: number[]
  count: number
} {
  const order = spans.map((_, i) => i)
  order.sort((a, b) => {
    const sa = spans[a]
    const sb = spans[b]
    if (!sa || !sb) return 0
    return sa.left - sb.left || sb.right - sa.right || a - b
  })
  const laneEnds: number[] = []
  const lanes = new Array<number>(spans.length).fill(0)
  for (const i of order) {
    const span = spans[i]
    if (!span) continue
    let lane = laneEnds.findIndex((end) => end <= span.left)
    if (lane < 0) {
      lane = laneEnds.length
      laneEnds.push(span.right)
    } else {
      laneEnds[lane] = span.right
    }
    lanes[i] = lane
  }
  return { lanes, count: Math.max(1, laneEnds.length) }
}

/** Statuses drawn on the board: the blocking ones and the returned ones (history). */
export const shownStatuses: readonly Booking['status'][] = [
  'requested',
  'approved',
  'checked_out',
  'returned',
]

/** One bar of a row: a booking item or an unavailability. */
export type RowItem =
  | {
      readonly type: 'booking'
      /** `bookingId:resourceId`, unique on the board. */
      readonly key: string
      readonly booking: Booking
      readonly quantity: number
      readonly span: BarSpan
      readonly lane: number
    }
  | {
      readonly type: 'unavailability'
      readonly key: string
      readonly unavailability: Unavailability
      readonly span: BarSpan
      readonly lane: number
    }

/** The bars of one resource's row and how many lanes they need. */
export interface RowLayout {
  readonly items: readonly RowItem[]
  readonly lanes: number
}

/** A row item before its lane is known (`Omit` kept distributive over the union). */
type WithoutLane<T> = T extends unknown ? Omit<T, 'lane'> : never

export const emptyRowLayout: RowLayout = { items: [], lanes: 1 }

/**
 * Lays out every row: each shown booking item on its resource's row, each unavailability on its
 * resource's row, clipped to the columns and stacked into lanes (unavailabilities take lanes like
 * bookings, so their reason stays readable). Cancelled and rejected bookings are left out.
 * @returns the layout of each resource that has at least one bar, by resource id
 */
export function layoutRows(
  bookings: readonly Booking[],
  unavailabilities: readonly Unavailability[],
  columns: readonly PlanningColumn[],
  granularity: Granularity,
): Map<string, RowLayout> {
  type Pending = { item: WithoutLane<RowItem>; order: number }
  const byResource = new Map<string, Pending[]>()
  const push = (resourceId: string, item: Pending['item'], order: number) => {
    const list = byResource.get(resourceId)
    if (list) list.push({ item, order })
    else byResource.set(resourceId, [{ item, order }])
  }
  let order = 0
  for (const booking of bookings) {
    if (!shownStatuses.includes(booking.status)) continue
    const span = barSpan(bookingPeriod(booking), columns, granularity)
    if (!span) continue
    for (const item of booking.items) {
      push(
        item.resourceId,
        {
          type: 'booking',
          key: `${booking.id}:${item.resourceId}`,
          booking,
          quantity: item.quantity,
          span,
        },
        order++,
      )
    }
  }
  for (const unavailability of unavailabilities) {
    const span = barSpan(
      { start: Date.parse(unavailability.start), end: Date.parse(unavailability.end) },
      columns,
      granularity,
    )
    if (!span) continue
    push(
      unavailability.resourceId,
      { type: 'unavailability', key: `u:${unavailability.id}`, unavailability, span },
      order++,
    )
  }
  const layouts = new Map<string, RowLayout>()
  for (const [resourceId, pending] of byResource) {
    const { lanes, count } = assignLanes(pending.map((p) => p.item.span))
    layouts.set(resourceId, {
      items: pending.map((p, i): RowItem => ({ ...p.item, lane: lanes[i] ?? 0 })),
      lanes: count,
    })
  }
  return layouts
}

/** The items of a row that cover column `index` (in column units `[index, index + 1)`). */
export function itemsInColumn(layout: RowLayout, index: number): RowItem[] {
  return layout.items.filter((item) => item.span.left < index + 1 && item.span.right > index)
}

// ---------------------------------------------------------------------------------------------
// Dragging

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

// ---------------------------------------------------------------------------------------------
// Availability (for live feedback only: the backend decides)

/**
 * The occupations the availability rule needs, built like the backend does: each item of a
 * blocking booking (requested, approved, checked out) and each unavailability.
 */
export function buildOccupations(
  bookings: readonly Booking[],
  unavailabilities: readonly Unavailability[],
  communeName: (communeId: string) => string,
): Occupation[] {
  const occupations: Occupation[] = []
  for (const b of bookings) {
    if (!blockingStatuses.includes(b.status)) continue
    const period = bookingPeriod(b)
    for (const item of b.items) {
      occupations.push({
        resourceId: item.resourceId,
        quantity: item.quantity,
        ...period,
        source: {
          type: 'booking',
          bookingId: b.id,
          reference: b.reference,
          communeId: b.communeId,
          communeName: communeName(b.communeId),
          title: b.title,
        },
      })
    }
  }
  for (const u of unavailabilities) {
    occupations.push({
      resourceId: u.resourceId,
      quantity: u.quantity,
      start: Date.parse(u.start),
      end: Date.parse(u.end),
      allDay: u.allDay,
      startDate: u.startDate,
      endDate: u.endDate,
      source: { type: 'unavailability', unavailabilityId: u.id, reason: u.reason },
    })
  }
  return occupations
}

/** Occupations grouped by resource id. */
export function occupationsByResource(occupations: readonly Occupation[]): Map<string, Occupation[]> {
  const map = new Map<string, Occupation[]>()
  for (const o of occupations) {
    const list = map.get(o.resourceId)
    if (list) list.push(o)
    else map.set(o.resourceId, [o])
  }
  return map
}

/**
 * The conflicts the booking would meet over `period`, against the loaded occupations less its own
 * (`findConflicts` of shared/availability.ts). Items whose resource is unknown here are skipped.
 */
export function moveConflicts(
  booking: Pick<Booking, 'id' | 'items'>,
  period: Pick<PlanningPeriod, 'start' | 'end'>,
  resourcesById: ReadonlyMap<string, CapacityResource & { readonly tracking: Resource['tracking'] }>,
  occupationsOf: ReadonlyMap<string, readonly Occupation[]>,
): Conflict[] {
  const items = booking.items
    .filter((i) => resourcesById.has(i.resourceId))
    .map((i) => ({
      resourceId: i.resourceId,
      quantity: resourcesById.get(i.resourceId)?.tracking === 'unit' ? 1 : i.quantity,
    }))
  const others = items.flatMap((i) =>
    (occupationsOf.get(i.resourceId) ?? []).filter(
      (o) => o.source.type !== 'booking' || o.source.bookingId !== booking.id,
    ),
  )
  return findConflicts({ start: period.start, end: period.end }, items, resourcesById, others)
}

/**
 * Units of a stock free over each column (`freeQuantity` of shared/availability.ts: the lowest
 * over the column, buffers included), given the resource's own occupations.
 */
export function freeByColumn(
  resource: CapacityResource,
  columns: readonly PlanningColumn[],
  own: readonly Occupation[],
): number[] {
  return columns.map((c) => freeQuantity(resource, { start: c.start, end: c.end }, own))
}

// ---------------------------------------------------------------------------------------------
// Colours

/** A commune's colour: fill, text on it, and a lighter tint for hatching. */
export interface CommuneColor {
  readonly fill: string
  readonly text: string
  readonly tint: string
}

/**
 * Fixed palette (Paul Tol's "muted" scheme, distinct for colour-blind readers and still apart when
 * printed in grey, followed by a few of his "bright" ones), in the order communes receive them.
 */
export const communePalette: readonly string[] = [
  '#332288',
  '#117733',
  '#CC6677',
  '#88CCEE',
  '#DDCC77',
  '#AA4499',
  '#44AA99',
  '#882255',
  '#999933',
  '#4477AA',
  '#EE6677',
  '#228833',
]

function channel(hex: string, offset: number): number {
  return parseInt(hex.slice(offset, offset + 2), 16) / 255
}

/** Relative luminance (WCAG 2) of `#RRGGBB`. */
export function luminance(hex: string): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * lin(channel(hex, 1)) + 0.7152 * lin(channel(hex, 3)) + 0.0722 * lin(channel(hex, 5))
}

/** Mixes `#RRGGBB` with white: `amount` 0 keeps the colour, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const mix = (offset: number) =>
    Math.round((channel(hex, offset) + (1 - channel(hex, offset)) * amount) * 255)
      .toString(16)
      .padStart(2, '0')
  return `#${mix(1)}${mix(3)}${mix(5)}`.toUpperCase()
}

/** Colour of one palette entry: dark text on light fills, white on dark ones (the higher contrast). */
export function paletteColor(index: number): CommuneColor {
  const fill = communePalette[index % communePalette.length] ?? '#4477AA'
  const l = luminance(fill)
  const darkText = '#1C2430'
  // Contrast with white: 1.05 / (l + 0.05); with the dark text (luminance ≈ 0.017): (l + 0.05) / 0.067.
  const text = 1.05 / (l + 0.05) >= (l + 0.05) / 0.067 ? '#FFFFFF' : darkText
  return { fill, text, tint: tint(fill, 0.72) }
}

/**
 * Colours by commune id: the communes served by a hub first, then the others, each group by INSEE
 * code, take the palette in order, so a commune keeps its colour from one session to the next.
 */
export function communeColors(communes: readonly Commune[]): Map<string, CommuneColor> {
  const ordered = [...communes].sort(
    (a, b) => Number(a.hubId === null) - Number(b.hubId === null) || a.inseeCode.localeCompare(b.inseeCode),
  )
  return new Map(ordered.map((c, i) => [c.id, paletteColor(i)]))
}

// ---------------------------------------------------------------------------------------------
// Rows

/** What filters the rows: kind, category (a parent takes its children), text in the name. */
export interface RowFilter {
  readonly kind: ResourceKind | ''
  readonly categoryId: string
  readonly search: string
}

export type GridRow =
  | {
      readonly type: 'kind'
      readonly key: string
      readonly kind: ResourceKind
      readonly label: string
      readonly count: number
      readonly collapsed: boolean
    }
  | {
      readonly type: 'category'
      readonly key: string
      readonly kind: ResourceKind
      readonly label: string
      readonly count: number
      readonly collapsed: boolean
    }
  | { readonly type: 'resource'; readonly key: string; readonly resource: Resource }

/** Lower case without accents, for searching: `Élagage` → `elagage`. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

/** `Manifestations › Chaises et tables` for a sub-category, its name for a top-level one. */
export function categoryLabel(categoriesById: ReadonlyMap<string, Category>, id: string | null): string {
  const category = id ? categoriesById.get(id) : undefined
  if (!category) return 'Sans catégorie'
  const parent = category.parentId ? categoriesById.get(category.parentId) : undefined
  return parent ? `${parent.name} › ${category.name}` : category.name
}

/**
 * The rows of the board: for each kind (Matériel, Véhicules, Agents) a header, then for each
 * category (`Parent › Enfant`, alphabetical, "Sans catégorie" last) a header and its resources by
 * name. Archived resources are left out; kinds and categories with no resource left after filtering
 * are left out; a collapsed group (key in `collapsed`) keeps its header and hides what it holds.
 * Counts are the resources matching the filter.
 */
export function groupRows(
  resources: readonly Resource[],
  categories: readonly Category[],
  filter: RowFilter,
  collapsed: ReadonlySet<string>,
): GridRow[] {
  const categoriesById = new Map(categories.map((c) => [c.id, c]))
  const wanted = foldText(filter.search)
  const inCategory = (r: Resource) => {
    if (!filter.categoryId) return true
    if (r.categoryId === filter.categoryId) return true
    const category = r.categoryId ? categoriesById.get(r.categoryId) : undefined
    return category?.parentId === filter.categoryId
  }
  const kept = resources.filter(
    (r) =>
      !r.archived &&
      (!filter.kind || r.kind === filter.kind) &&
      inCategory(r) &&
      (!wanted || foldText(r.name).includes(wanted)),
  )
  const rows: GridRow[] = []
  for (const kind of resourceKinds) {
    const ofKind = kept.filter((r) => r.kind === kind)
    if (ofKind.length === 0) continue
    const kindKey = `kind:${kind}`
    const kindCollapsed = collapsed.has(kindKey)
    rows.push({
      type: 'kind',
      key: kindKey,
      kind,
      label: kindPluralLabel(kind),
      count: ofKind.length,
      collapsed: kindCollapsed,
    })
    if (kindCollapsed) continue
    const groups = new Map<string, Resource[]>()
    for (const r of ofKind) {
      const label = categoryLabel(categoriesById, r.categoryId)
      const list = groups.get(label)
      if (list) list.push(r)
      else groups.set(label, [r])
    }
    const labels = [...groups.keys()].sort((a, b) =>
      a === 'Sans catégorie' ? 1 : b === 'Sans catégorie' ? -1 : a.localeCompare(b, 'fr'),
    )
    for (const label of labels) {
      const members = (groups.get(label) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      const key = `cat:${kind}:${label}`
      const isCollapsed = collapsed.has(key)
      rows.push({ type: 'category', key, kind, label, count: members.length, collapsed: isCollapsed })
      if (isCollapsed) continue
      for (const resource of members) rows.push({ type: 'resource', key: resource.id, resource })
    }
  }
  return rows
}

/** Heights of the board, px. */
export const rowMetrics = {
  groupHeight: 30,
  laneHeight: 24,
  padding: 5,
  /** The line of free quantities at the bottom of a stock row. */
  freeLine: 16,
  minHeight: 40,
} as const

/** Height of a row, px: a group header, or a resource row with its lanes (and its free-quantity line for a stock). */
export function rowHeight(row: GridRow, lanes: number, stock: boolean): number {
  if (row.type !== 'resource') return rowMetrics.groupHeight
  const body = rowMetrics.padding * 2 + lanes * rowMetrics.laneHeight + (stock ? rowMetrics.freeLine : 0)
  return Math.max(rowMetrics.minHeight, body)
}

/** `74 libres`, `1 libre`, `0 libre`. */
export function freeLabel(free: number): string {
  return `${free} libre${free > 1 ? 's' : ''}`
}
