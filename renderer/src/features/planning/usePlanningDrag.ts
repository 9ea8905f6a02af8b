/**
 * Pointer use of the planning grid: dragging a bar (or one of its edges) to a new period, checked
 * live against the other occupations, and dragging over empty cells to start a booking. While a
 * drag lasts the pointer is followed anywhere in the window; Escape or a cancelled pointer drops it.
 */
import type { PointerEvent as ReactPointerEvent } from 'react'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Occupation } from '../../../../shared/availability'
import type { Booking, Conflict, Resource } from '../../../../shared/domain/types'
import { formatPeriodShort } from '../../lib/dates'
import type { DragMode, Granularity, PlanningPeriod, RowLayout } from './model'
import { bookingPeriod, canDrag, dragPeriod, moveConflicts, samePeriod } from './model'
import type { RowDrag } from './PlanningRow'

/** Pointer travel before a press on a bar becomes a drag, px. */
const DRAG_THRESHOLD = 4

/** Empty cells being swept on one row: columns `from` (where the press began) to `to`, either order. */
export interface CellSelection {
  readonly type: 'select'
  readonly rowIndex: number
  readonly resource: Resource
  readonly from: number
  readonly to: number
}

interface BarDrag {
  readonly type: 'bar'
  readonly booking: Booking
  readonly mode: DragMode
  /** Pointer position when the press began, px (client coordinates). */
  readonly originX: number
  readonly original: PlanningPeriod
  readonly moved: boolean
  /** A bar that cannot move (handed out, returned, a day-long loan in hours): a press is a click. */
  readonly locked: boolean
  /** Null when the drag cannot apply (an edge past the other one). */
  readonly period: PlanningPeriod | null
  readonly conflicts: readonly Conflict[]
}

type DragState = BarDrag | CellSelection

interface DragOptions {
  readonly columnWidth: number
  readonly granularity: Granularity
  readonly layouts: ReadonlyMap<string, RowLayout>
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly occupationsOf: ReadonlyMap<string, readonly Occupation[]>
  /** A move being saved: its bar stays at the new period until the data comes back. */
  readonly pending: { readonly bookingId: string; readonly period: PlanningPeriod } | null
  /** The column under a pointer, from its `clientX` (px). */
  readonly columnAt: (clientX: number) => number
  /** A press on empty cells: the cell pressed takes the focus. */
  readonly onSelectionStart: (row: number, col: number) => void
  readonly onSelectRange: (resource: Resource, from: number, to: number) => void
  readonly onOpenBookings: (bookingIds: readonly string[], context: string) => void
  readonly onMove: (booking: Booking, period: PlanningPeriod) => void
}

/** The booking with this id among the laid-out bars, if any. */
function layoutsBooking(layouts: ReadonlyMap<string, RowLayout>, bookingId: string): Booking | null {
  for (const layout of layouts.values()) {
    for (const item of layout.items)
      if (item.type === 'booking' && item.booking.id === bookingId) return item.booking
  }
  return null
}

// formatPeriodShort reads a booking's period as ISO instants and local dates.
function periodAsBooking(period: PlanningPeriod) {
  return {
    start: new Date(period.start).toISOString(),
    end: new Date(period.end).toISOString(),
    allDay: period.allDay,
    startDate: period.startDate,
    endDate: period.endDate,
  }
}

/**
 * The drag under way, if any, and the handlers that start one. A released bar that did not move is
 * a click (`onOpenBookings`); one that moved calls `onMove` with its new period, even when it
 * conflicts (the backend refuses and explains). A released selection calls `onSelectRange`.
 * Returns `dragging` (any drag), `barMoving` (a bar has left its place), the `selection` being
 * swept, `rowDrag` (the bar drawn away from its place: dragged, or being saved) with
 * `movedResourceIds` (the rows that bar is on), and `startBarDrag` / `startSelection` for the rows.
 */
export function usePlanningDrag(options: DragOptions) {
  const { columnWidth, granularity, resourcesById, occupationsOf, pending, columnAt } = options
  const [drag, setDrag] = useState<DragState | null>(null)
  // The window's listeners stay the same for the whole drag and read the latest state here, kept
  // up to date before any event can reach them.
  const dragRef = useRef<DragState | null>(null)
  useLayoutEffect(() => {
    dragRef.current = drag
  })

  const dragging = drag !== null
  useEffect(() => {
    if (!dragging) return
    const onMoveEvent = (event: PointerEvent) => {
      const current = dragRef.current
      if (!current) return
      if (current.type === 'select') {
        const to = columnAt(event.clientX)
        if (to !== current.to) setDrag({ ...current, to })
        return
      }
      if (current.locked) return
      const dx = event.clientX - current.originX
      if (!current.moved && Math.abs(dx) < DRAG_THRESHOLD) return
      const period = dragPeriod(current.original, current.mode, dx / columnWidth, granularity)
      const same = period && current.period ? samePeriod(period, current.period) : period === current.period
      if (current.moved && same) return
      const conflicts = period ? moveConflicts(current.booking, period, resourcesById, occupationsOf) : []
      setDrag({ ...current, moved: true, period, conflicts })
    }
    const onUp = (event: PointerEvent) => {
      const current = dragRef.current
      setDrag(null)
      if (!current) return
      if (current.type === 'select') {
        options.onSelectRange(current.resource, current.from, columnAt(event.clientX))
        return
      }
      if (!current.moved) {
        options.onOpenBookings([current.booking.id], '')
        return
      }
      if (current.period && !samePeriod(current.period, current.original))
        options.onMove(current.booking, current.period)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault()
        setDrag(null)
      }
    }
    window.addEventListener('pointermove', onMoveEvent)
    window.addEventListener('pointerup', onUp)
    const onCancel = () => setDrag(null)
    window.addEventListener('pointercancel', onCancel)
    // Capture phase: Escape ends the drag before anything else on the page sees it.
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('pointermove', onMoveEvent)
      window.removeEventListener('pointerup', onUp)
      window.removeEventListener('pointercancel', onCancel)
      window.removeEventListener('keydown', onKey, true)
    }
    // The handlers read the drag from the ref; they depend on the layout only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dragging, columnWidth, granularity, resourcesById, occupationsOf])

  const startBarDrag = (event: ReactPointerEvent, booking: Booking) => {
    if (event.button !== 0) return
    event.preventDefault()
    event.stopPropagation()
    const edge = (event.target as HTMLElement).dataset.edge
    const mode: DragMode = edge === 'start' ? 'start' : edge === 'end' ? 'end' : 'move'
    setDrag({
      type: 'bar',
      booking,
      mode,
      originX: event.clientX,
      original: bookingPeriod(booking),
      moved: false,
      locked: !canDrag(booking, granularity),
      period: bookingPeriod(booking),
      conflicts: [],
    })
  }

  const startSelection = (event: ReactPointerEvent, rowIndex: number, resource: Resource) => {
    if (event.button !== 0) return
    event.preventDefault()
    const col = columnAt(event.clientX)
    options.onSelectionStart(rowIndex, col)
    setDrag({ type: 'select', rowIndex, resource, from: col, to: col })
  }

  // The booking drawn away from its place: the one being dragged, or the one being saved.
  const rowDrag: RowDrag | null = useMemo(() => {
    if (drag?.type === 'bar' && drag.moved) {
      const fits = drag.period !== null && drag.conflicts.length === 0
      const why = drag.period === null ? 'La fin doit rester après le début.' : drag.conflicts[0]?.message
      return {
        bookingId: drag.booking.id,
        period: drag.period ?? drag.original,
        state: fits ? 'ok' : 'conflict',
        hint: `${drag.period ? `${formatPeriodShort(periodAsBooking(drag.period))} · ` : ''}${fits ? 'Libre' : why}`,
      }
    }
    if (pending) return { bookingId: pending.bookingId, period: pending.period, state: 'saving', hint: null }
    return null
  }, [drag, pending])
  const dragBooking = drag?.type === 'bar' && drag.moved ? drag.booking : null
  const movedResourceIds: ReadonlySet<string> | null = rowDrag
    ? new Set(
        (dragBooking ?? layoutsBooking(options.layouts, rowDrag.bookingId))?.items.map((i) => i.resourceId) ??
          [],
      )
    : null

  return {
    dragging,
    barMoving: dragBooking !== null,
    selection: drag?.type === 'select' ? drag : null,
    rowDrag,
    movedResourceIds,
    startBarDrag,
    startSelection,
  }
}
