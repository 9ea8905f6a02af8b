/**
 * Where a booking's bar sits among the columns, clipped to the visible range, and how overlapping bars
 * of one row stack into lanes. Pure functions, no DOM, no store, no machine time zone.
 */
import type { LogisticsTask } from '../../../../shared/domain/lifecycle'
import type { Booking, Unavailability } from '../../../../shared/domain/types'
import { columnIndexAt, positionOf, type Granularity, type PlanningColumn } from './columns'

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

/** One bar of a row: a booking item, an unavailability, or a delivery / pick-up trip of a vehicle or agent. */
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
  | {
      readonly type: 'logistics'
      /** `t:taskId:resourceId`. */
      readonly key: string
      readonly task: LogisticsTask
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
 * resource's row, each logistics task on the rows of its vehicle and agents, clipped to the columns
 * and stacked into lanes (unavailabilities and trips take lanes like bookings, so their text stays
 * readable). Cancelled and rejected bookings are left out.
 * @returns the layout of each resource that has at least one bar, by resource id
 */
export function layoutRows(
  bookings: readonly Booking[],
  unavailabilities: readonly Unavailability[],
  columns: readonly PlanningColumn[],
  granularity: Granularity,
  tasks: readonly LogisticsTask[] = [],
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
  for (const task of tasks) {
    const span = barSpan({ start: Date.parse(task.start), end: Date.parse(task.end) }, columns, granularity)
    if (!span) continue
    for (const resourceId of task.resourceIds) {
      push(resourceId, { type: 'logistics', key: `t:${task.id}:${resourceId}`, task, span }, order++)
    }
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
