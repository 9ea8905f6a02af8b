/**
 * The planning grid: resources as rows, days (or hours) as columns, bookings as bars. Rows and
 * columns are virtualised (usePlanningViewport), so the DOM holds only what is on screen whatever
 * the number of resources. Display and pointer/keyboard interaction only: data comes in as props,
 * decisions go out through callbacks (the page talks to the stores).
 *
 * ARIA: `role="grid"` with `row`, `rowheader`, `columnheader` and `gridcell`; one cell is tabbable
 * (roving tabindex), arrows move between cells, Enter opens (usePlanningKeyboard), Escape cancels a
 * drag (usePlanningDrag).
 */
import { useLayoutEffect, useMemo, useRef } from 'react'
import type { Occupation } from '../../../../shared/availability'
import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { cellClass, HEADER_HEIGHT, ROW_HEADER_WIDTH } from './gridStyle'
import type { CommuneColor, Granularity, GridRow, PlanningColumn, PlanningPeriod, RowLayout } from './model'
import { columnDescription, emptyRowLayout, freeByColumn, positionOf } from './model'
import { PlanningHeader } from './PlanningHeader'
import type { RowContext } from './PlanningRow'
import { PlanningRow } from './PlanningRow'
import { usePlanningDrag } from './usePlanningDrag'
import { usePlanningKeyboard } from './usePlanningKeyboard'
import { usePlanningViewport } from './usePlanningViewport'

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

/**
 * Free quantities of stock rows per column, computed for the rows on screen and kept while the
 * columns and the occupations stay the same objects.
 */
function useFreeQuantities(
  columns: readonly PlanningColumn[],
  occupationsOf: ReadonlyMap<string, readonly Occupation[]>,
): (resource: Resource) => number[] {
  const freeCache = useMemo(
    () => ({ columns, occupationsOf, byResource: new Map<string, number[]>() }),
    [columns, occupationsOf],
  )
  return (resource: Resource): number[] => {
    let free = freeCache.byResource.get(resource.id)
    if (!free) {
      free = freeByColumn(resource, freeCache.columns, freeCache.occupationsOf.get(resource.id) ?? [])
      freeCache.byResource.set(resource.id, free)
    }
    return free
  }
}

/** The planning board's grid, with its header, its rows on screen and the line of the current time. */
export function PlanningGrid(props: PlanningGridProps) {
  const { rows, columns, granularity, layouts, holidays, today, now, onToggleGroup } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const viewport = usePlanningViewport({
    scrollRef,
    rows,
    columns,
    granularity,
    layouts,
    minColumnWidth: props.minColumnWidth,
    initialColumn: props.initialColumn,
  })
  const { columnWidth, totalWidth, firstColumn, lastColumn } = viewport
  const descriptions = useMemo(() => columns.map(columnDescription), [columns])
  const keyboard = usePlanningKeyboard({
    rows,
    columns,
    granularity,
    layouts,
    descriptions,
    initialColumn: props.initialColumn,
    focusToken: props.focusToken,
    scrollRef,
    measured: viewport.measured,
    scrollToCell: viewport.scrollToCell,
    isRendered: viewport.isRendered,
    onToggleGroup,
    onOpenBookings: props.onOpenBookings,
    onSelectRange: props.onSelectRange,
  })
  const { focus, setFocus } = keyboard
  const drag = usePlanningDrag({
    columnWidth,
    granularity,
    layouts,
    resourcesById: props.resourcesById,
    occupationsOf: props.occupationsOf,
    pending: props.pending,
    columnAt: viewport.columnAt,
    onSelectionStart: (row, col) => setFocus({ row, col }),
    onSelectRange: props.onSelectRange,
    onOpenBookings: props.onOpenBookings,
    onMove: props.onMove,
  })
  const freeOf = useFreeQuantities(columns, props.occupationsOf)

  // Stable callbacks for the memoised rows: they call the latest handlers through a ref.
  const { startBarDrag, startSelection } = drag
  const handlers = useRef({ startBarDrag, startSelection, onToggleGroup })
  useLayoutEffect(() => {
    handlers.current = { startBarDrag, startSelection, onToggleGroup }
  })
  const cellClasses = useMemo(
    () => columns.map((c) => cellClass(c, holidays, today)),
    [columns, holidays, today],
  )
  const { colors, communesById, highlightCommuneId } = props
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
    [
      columns,
      descriptions,
      cellClasses,
      granularity,
      columnWidth,
      colors,
      communesById,
      highlightCommuneId,
      setFocus,
    ],
  )

  const nowX =
    columns.length > 0 && now >= (columns[0]?.start ?? 0) && now < (columns[columns.length - 1]?.end ?? 0)
      ? ROW_HEADER_WIDTH + positionOf(columns, now) * columnWidth
      : null

  return (
    <div
      ref={scrollRef}
      className={`planning-grid${drag.barMoving ? ' is-dragging' : ''}`}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      data-testid="planning-grid"
      data-ready={props.ready && viewport.measured ? 'true' : 'false'}
      data-granularity={granularity}
      // When the focused cell is scrolled away, the grid itself takes Tab and brings it back.
      tabIndex={keyboard.focusRendered ? -1 : 0}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !keyboard.focusRendered) keyboard.requestFocus(focus)
      }}
      onKeyDown={(event) => {
        // During a drag the keys are the drag's (Escape cancels it).
        if (!drag.dragging) keyboard.onKeyDown(event)
      }}
    >
      <PlanningHeader
        columns={columns}
        virtualColumns={viewport.virtualColumns}
        columnWidth={columnWidth}
        totalWidth={totalWidth}
        descriptions={descriptions}
        holidays={holidays}
        today={today}
        onZoomDay={props.onZoomDay}
      />
      <div className="planning-body" style={{ width: totalWidth, height: viewport.bodyHeight }}>
        {viewport.virtualRows.map((v) => {
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
              drag={resource && drag.movedResourceIds?.has(resource.id) ? drag.rowDrag : null}
              selection={drag.selection?.rowIndex === v.index ? drag.selection : null}
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
