/**
 * The planning grid: resources as rows, days (or hours) as columns, bookings as bars. Rows and
 * columns are virtualised (@tanstack/react-virtual), so the DOM holds only what is on screen
 * whatever the number of resources. Display and pointer/keyboard interaction only: data comes in
 * as props, decisions go out through callbacks (the page talks to the stores).
 *
 * ARIA: `role="grid"` with `row`, `rowheader`, `columnheader` and `gridcell`; one cell is tabbable
 * (roving tabindex), arrows move between cells, Enter opens, Escape cancels a drag.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Occupation } from '../../../../shared/availability'
import type { Booking, Commune, Conflict, Resource } from '../../../../shared/domain/types'
import { formatPeriodShort } from '../../lib/dates'
import type {
  CommuneColor,
  DragMode,
  Granularity,
  GridRow,
  PlanningColumn,
  PlanningPeriod,
  RowLayout,
} from './model'
import {
  bookingPeriod,
  columnDescription,
  columnIndexAt,
  columnLabel,
  dragPeriod,
  emptyRowLayout,
  freeByColumn,
  itemsInColumn,
  moveConflicts,
  positionOf,
  rowHeight,
  rowMetrics,
  samePeriod,
} from './model'
import type { RowContext, RowDrag } from './PlanningRow'
import { canDrag, cellClass, PlanningRow, ROW_HEADER_WIDTH } from './PlanningRow'

export { ROW_HEADER_WIDTH }

/** Height of the sticky line of day headers, px. */
export const HEADER_HEIGHT = 46
/** Pointer travel before a press on a bar becomes a drag, px. */
const DRAG_THRESHOLD = 4

interface PlanningGridProps {
  readonly label: string
  readonly rows: readonly GridRow[]
  readonly columns: readonly PlanningColumn[]
  readonly granularity: Granularity
  /** Narrowest column, px; columns widen to fill the board when there is room. */
  readonly minColumnWidth: number
  readonly layouts: ReadonlyMap<string, RowLayout>
  readonly occupationsOf: ReadonlyMap<string, readonly Occupation[]>
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly communesById: ReadonlyMap<string, Commune>
  readonly colors: ReadonlyMap<string, CommuneColor>
  /** Commune whose bars stay bright ('' = all). */
  readonly highlightCommuneId: string
  readonly holidays: ReadonlyMap<string, string>
  readonly today: string
  readonly now: number
  readonly ready: boolean
  readonly pending: { readonly bookingId: string; readonly period: PlanningPeriod } | null
  /** Scroll to this column when the view changes (today, or 06:00 in the day zoom). */
  readonly initialColumn: number
  /** Changes when the focus should come back to the active cell (a dialog opened from it has closed). */
  readonly focusToken: number
  readonly onToggleGroup: (key: string) => void
  readonly onOpenBookings: (bookingIds: readonly string[], context: string) => void
  readonly onSelectRange: (resource: Resource, from: number, to: number) => void
  readonly onMove: (booking: Booking, period: PlanningPeriod) => void
  readonly onZoomDay: (date: string) => void
}

type DragState =
  | {
      readonly type: 'bar'
      readonly booking: Booking
      readonly mode: DragMode
      readonly originX: number
      readonly original: PlanningPeriod
      readonly moved: boolean
      /** A bar that cannot move (handed out, returned, a day-long loan in hours): a press is a click. */
      readonly locked: boolean
      readonly period: PlanningPeriod | null
      readonly conflicts: readonly Conflict[]
    }
  | {
      readonly type: 'select'
      readonly rowIndex: number
      readonly resource: Resource
      readonly from: number
      readonly to: number
    }

interface FocusCell {
  readonly row: number
  readonly col: number
}

/** The booking with this id among the laid-out bars, if any. */
function layoutsBooking(layouts: ReadonlyMap<string, RowLayout>, bookingId: string): Booking | null {
  for (const layout of layouts.values()) {
    for (const item of layout.items)
      if (item.type === 'booking' && item.booking.id === bookingId) return item.booking
  }
  return null
}

export function PlanningGrid(props: PlanningGridProps) {
  const {
    rows,
    columns,
    granularity,
    layouts,
    occupationsOf,
    resourcesById,
    communesById,
    colors,
    highlightCommuneId,
    holidays,
    today,
    now,
    pending,
    onOpenBookings,
    onSelectRange,
    onMove,
    onToggleGroup,
    onZoomDay,
  } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const [viewportWidth, setViewportWidth] = useState(0)
  const [drag, setDrag] = useState<DragState | null>(null)
  const dragRef = useRef<DragState | null>(null)
  dragRef.current = drag
  const firstResourceRow = Math.max(
    0,
    rows.findIndex((r) => r.type === 'resource'),
  )
  const [focus, setFocus] = useState<FocusCell>({ row: firstResourceRow, col: props.initialColumn })
  const focusRequested = useRef(false)

  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element) return
    setViewportWidth(element.clientWidth)
    const observer = new ResizeObserver(() => setViewportWidth(element.clientWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const columnWidth = Math.max(
    props.minColumnWidth,
    Math.floor((viewportWidth - ROW_HEADER_WIDTH - 1) / Math.max(1, columns.length)),
  )
  const totalWidth = ROW_HEADER_WIDTH + columns.length * columnWidth

  const heights = useMemo(
    () =>
      rows.map((row) =>
        rowHeight(
          row,
          row.type === 'resource' ? (layouts.get(row.resource.id)?.lanes ?? 1) : 1,
          row.type === 'resource' && row.resource.tracking === 'stock',
        ),
      ),
    [rows, layouts],
  )
  // The keys change with the heights, so that the virtualiser measures again.
  const rowKey = useCallback(
    (index: number) => `${rows[index]?.key ?? index}:${heights[index] ?? 0}`,
    [rows, heights],
  )
  // The component re-renders on every scroll anyway; it does not rely on the React Compiler's memoising.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => heights[index] ?? rowMetrics.minHeight,
    getItemKey: rowKey,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 4,
  })
  const columnKey = useCallback(
    (index: number) => `${columns[index]?.key ?? index}:${columnWidth}`,
    [columns, columnWidth],
  )
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => columnWidth,
    getItemKey: columnKey,
    paddingStart: ROW_HEADER_WIDTH,
    scrollPaddingStart: ROW_HEADER_WIDTH,
    overscan: 2,
  })
  const virtualRows = rowVirtualizer.getVirtualItems()
  const virtualColumns = columnVirtualizer.getVirtualItems()
  const firstColumn = virtualColumns[0]?.index ?? 0
  const lastColumn = virtualColumns[virtualColumns.length - 1]?.index ?? -1

  // Opening a view (or changing its dates) shows today, or 06:00 in the day zoom.
  const initialColumn = props.initialColumn
  const columnsKey = columns[0]?.key ?? ''
  useEffect(() => {
    const element = scrollRef.current
    if (!element || viewportWidth === 0) return
    element.scrollLeft = Math.max(0, initialColumn * columnWidth - (granularity === 'hour' ? 0 : columnWidth))
    setFocus((f) => ({ ...f, col: Math.min(Math.max(0, initialColumn), columns.length - 1) }))
    // Only when the columns themselves change, not on every resize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columnsKey, granularity, viewportWidth === 0])

  // Keep the focused cell inside the grid when rows or columns change.
  useEffect(() => {
    setFocus((f) => {
      const row = Math.min(f.row, Math.max(0, rows.length - 1))
      const col = Math.min(f.col, Math.max(0, columns.length - 1))
      return row === f.row && col === f.col ? f : { row, col }
    })
  }, [rows.length, columns.length])

  const descriptions = useMemo(() => columns.map(columnDescription), [columns])
  const labels = useMemo(() => columns.map(columnLabel), [columns])

  // Free quantities of stock rows, computed for the rows on screen and kept while the data holds.
  const freeCache = useMemo(
    () => ({ columns, occupationsOf, byResource: new Map<string, number[]>() }),
    [columns, occupationsOf],
  )
  const freeOf = (resource: Resource): number[] => {
    let free = freeCache.byResource.get(resource.id)
    if (!free) {
      free = freeByColumn(resource, freeCache.columns, freeCache.occupationsOf.get(resource.id) ?? [])
      freeCache.byResource.set(resource.id, free)
    }
    return free
  }

  const xToColumn = (clientX: number): number => {
    const element = scrollRef.current
    if (!element) return 0
    const x = clientX - element.getBoundingClientRect().left + element.scrollLeft - ROW_HEADER_WIDTH
    return Math.min(columns.length - 1, Math.max(0, Math.floor(x / columnWidth)))
  }

  // While dragging: follow the pointer anywhere in the window; Escape cancels.
  const dragging = drag !== null
  useEffect(() => {
    if (!dragging) return
    const onMoveEvent = (event: PointerEvent) => {
      const current = dragRef.current
      if (!current) return
      if (current.type === 'select') {
        const to = xToColumn(event.clientX)
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
        onSelectRange(current.resource, current.from, xToColumn(event.clientX))
        return
      }
      if (!current.moved) {
        onOpenBookings([current.booking.id], '')
        return
      }
      if (current.period && !samePeriod(current.period, current.original))
        onMove(current.booking, current.period)
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
    const col = xToColumn(event.clientX)
    setFocus({ row: rowIndex, col })
    setDrag({ type: 'select', rowIndex, resource, from: col, to: col })
  }

  // ---- Keyboard

  const requestFocus = (cell: FocusCell) => {
    focusRequested.current = true
    setFocus(cell)
    rowVirtualizer.scrollToIndex(cell.row, { align: 'auto' })
    if (rows[cell.row]?.type === 'resource') columnVirtualizer.scrollToIndex(cell.col, { align: 'auto' })
  }

  const focusToken = props.focusToken
  useEffect(() => {
    if (focusToken === 0) return
    focusRequested.current = true
    setFocus((f) => ({ ...f }))
  }, [focusToken])

  useEffect(() => {
    if (!focusRequested.current) return
    const element = scrollRef.current?.querySelector<HTMLElement>(
      `[data-cell="${focus.row}:${rows[focus.row]?.type === 'resource' ? focus.col : 'g'}"]`,
    )
    if (element) {
      focusRequested.current = false
      element.focus({ preventScroll: true })
    }
  })

  const openCell = (row: number, col: number) => {
    const gridRow = rows[row]
    if (!gridRow) return
    if (gridRow.type !== 'resource') {
      onToggleGroup(gridRow.key)
      return
    }
    const layout = layouts.get(gridRow.resource.id) ?? emptyRowLayout
    const bookingIds = itemsInColumn(layout, col).flatMap((item) =>
      item.type === 'booking' ? [item.booking.id] : [],
    )
    if (bookingIds.length > 0) {
      onOpenBookings(bookingIds, `${gridRow.resource.name}, ${descriptions[col] ?? ''}`)
    } else {
      onSelectRange(gridRow.resource, col, col)
    }
  }

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (drag) return
    const { row, col } = focus
    const gridRow = rows[row]
    let next: FocusCell | null = null
    switch (event.key) {
      case 'ArrowDown':
        next = { row: Math.min(rows.length - 1, row + 1), col }
        break
      case 'ArrowUp':
        next = { row: Math.max(0, row - 1), col }
        break
      case 'ArrowRight':
        if (gridRow && gridRow.type !== 'resource') {
          if (gridRow.collapsed) onToggleGroup(gridRow.key)
          event.preventDefault()
          return
        }
        next = { row, col: Math.min(columns.length - 1, col + 1) }
        break
      case 'ArrowLeft':
        if (gridRow && gridRow.type !== 'resource') {
          if (!gridRow.collapsed) onToggleGroup(gridRow.key)
          event.preventDefault()
          return
        }
        next = { row, col: Math.max(0, col - 1) }
        break
      case 'Home':
        next = event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 }
        break
      case 'End':
        next = event.ctrlKey
          ? { row: rows.length - 1, col: columns.length - 1 }
          : { row, col: columns.length - 1 }
        break
      case 'PageDown':
        next = { row: Math.min(rows.length - 1, row + 10), col }
        break
      case 'PageUp':
        next = { row: Math.max(0, row - 10), col }
        break
      case 'Enter':
      case ' ':
        event.preventDefault()
        openCell(row, col)
        return
      default:
        return
    }
    event.preventDefault()
    requestFocus(next)
  }

  // When the focused cell is scrolled away, the grid itself takes Tab and brings it back.
  const focusRendered =
    virtualRows.some((v) => v.index === focus.row) &&
    (rows[focus.row]?.type !== 'resource' || (focus.col >= firstColumn && focus.col <= lastColumn))

  // ---- Drawing

  // Stable callbacks for the memoised rows: they call the latest handlers through a ref.
  const handlers = useRef({ startBarDrag, startSelection, onToggleGroup })
  useLayoutEffect(() => {
    handlers.current = { startBarDrag, startSelection, onToggleGroup }
  })
  const cellClasses = useMemo(
    () => columns.map((c) => cellClass(c, holidays, today)),
    [columns, holidays, today],
  )
  const ctx = useMemo<RowContext>(
    () => ({
      columns,
      descriptions,
      cellClasses,
      granularity,
      columnWidth,
      colors,
      communesById,
      highlightCommuneId,
      onBarPointerDown: (event, booking) => handlers.current.startBarDrag(event, booking),
      onCellsPointerDown: (event, rowIndex, resource) =>
        handlers.current.startSelection(event, rowIndex, resource),
      onCellFocus: (row, col) => setFocus((f) => ({ row, col: col ?? f.col })),
      onGroupToggle: (row, key) => {
        setFocus((f) => ({ row, col: f.col }))
        handlers.current.onToggleGroup(key)
      },
    }),
    [columns, descriptions, cellClasses, granularity, columnWidth, colors, communesById, highlightCommuneId],
  )

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
  const movedItems = rowDrag
    ? new Set(
        (dragBooking ?? layoutsBooking(layouts, rowDrag.bookingId))?.items.map((i) => i.resourceId) ?? [],
      )
    : null

  const nowX =
    columns.length > 0 && now >= (columns[0]?.start ?? 0) && now < (columns[columns.length - 1]?.end ?? 0)
      ? ROW_HEADER_WIDTH + positionOf(columns, now) * columnWidth
      : null

  return (
    <div
      ref={scrollRef}
      className={`planning-grid${drag?.type === 'bar' && drag.moved ? ' is-dragging' : ''}`}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      data-testid="planning-grid"
      data-ready={props.ready && viewportWidth > 0 ? 'true' : 'false'}
      data-granularity={granularity}
      tabIndex={focusRendered ? -1 : 0}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !focusRendered) requestFocus(focus)
      }}
      onKeyDown={onKeyDown}
    >
      <div
        className="planning-head"
        role="row"
        aria-rowindex={1}
        style={{ width: totalWidth, height: HEADER_HEIGHT }}
      >
        <div className="planning-corner" role="columnheader" aria-colindex={1}>
          Ressource
        </div>
        {virtualColumns.map((v) => {
          const column = columns[v.index]
          if (!column) return null
          const holiday = holidays.get(column.date)
          const isHour = column.hour !== null
          const [weekday, day] = isHour ? [column.hour ?? '', ''] : (labels[v.index] ?? '').split(' ')
          return (
            <div
              key={column.key}
              role="columnheader"
              aria-colindex={v.index + 2}
              className={cellClass(column, holidays, today).replace(/planning-cell/g, 'planning-colhead')}
              style={{ left: v.start, width: columnWidth }}
              title={holiday ? `Jour férié : ${holiday}` : undefined}
              data-testid="planning-colhead"
              data-date={column.key}
            >
              {isHour ? (
                <span className="planning-colhead__hour">{column.hour}</span>
              ) : (
                <button
                  type="button"
                  tabIndex={-1}
                  className="planning-colhead__button"
                  aria-label={`${descriptions[v.index] ?? ''}${holiday ? `, férié (${holiday})` : ''} : voir heure par heure`}
                  onClick={() => onZoomDay(column.date)}
                >
                  <span className="planning-colhead__weekday">{weekday}</span>
                  <span className="planning-colhead__day">{day}</span>
                  {holiday ? <span className="planning-colhead__holiday">{holiday}</span> : null}
                </button>
              )}
            </div>
          )
        })}
      </div>
      <div
        className="planning-body"
        style={{ width: totalWidth, height: Math.max(0, rowVirtualizer.getTotalSize() - HEADER_HEIGHT) }}
      >
        {virtualRows.map((v) => {
          const row = rows[v.index]
          if (!row) return null
          const resource = row.type === 'resource' ? row.resource : null
          return (
            <PlanningRow
              key={row.key}
              row={row}
              rowIndex={v.index}
              top={v.start - HEADER_HEIGHT}
              height={v.size}
              width={totalWidth}
              layout={(resource && layouts.get(resource.id)) ?? emptyRowLayout}
              free={resource?.tracking === 'stock' ? freeOf(resource) : null}
              firstColumn={firstColumn}
              lastColumn={lastColumn}
              focusCol={focus.row === v.index ? (resource ? focus.col : 0) : null}
              drag={resource && movedItems?.has(resource.id) ? rowDrag : null}
              selection={drag?.type === 'select' && drag.rowIndex === v.index ? drag : null}
              ctx={ctx}
            />
          )
        })}
        {nowX !== null ? (
          <div
            className="planning-now"
            style={{ left: nowX }}
            aria-hidden="true"
            data-testid="planning-now"
          />
        ) : null}
      </div>
    </div>
  )
}

function periodAsBooking(period: PlanningPeriod) {
  return {
    start: new Date(period.start).toISOString(),
    end: new Date(period.end).toISOString(),
    allDay: period.allDay,
    startDate: period.startDate,
    endDate: period.endDate,
  }
}

/** The column of an instant, for callers that place the initial scroll. */
export function columnOf(columns: readonly PlanningColumn[], t: number): number {
  const index = columnIndexAt(columns, t)
  return Math.min(Math.max(0, index), Math.max(0, columns.length - 1))
}
