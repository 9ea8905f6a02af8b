/**
 * One row of the planning grid: a group header, or a resource with its cells (free quantities for a
 * stock) and its bars. Memoised: while the grid scrolls, rows already on screen keep their props and
 * are not drawn again; only the rows coming into view are. Display only: events go to the grid.
 */
import type { PointerEvent as ReactPointerEvent } from 'react'
import { memo } from 'react'
import { lendableQuantity } from '../../../../shared/availability'
import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { ROW_HEADER_WIDTH } from './gridStyle'
import type { CommuneColor, Granularity, GridRow, PlanningColumn, PlanningPeriod, RowLayout } from './model'
import { freeLabel, itemsInColumn } from './model'
import { communeName, PlanningBar } from './PlanningBar'

/** What the rows share; the grid keeps it the same object while only the scroll position changes. */
export interface RowContext {
  readonly columns: readonly PlanningColumn[]
  /** `lundi 14 juin 2027` (or with hours), per column, for cell labels. */
  readonly descriptions: readonly string[]
  /** Classes of each column's cells (weekend, holiday, today, night). */
  readonly cellClasses: readonly string[]
  readonly granularity: Granularity
  readonly columnWidth: number
  readonly colors: ReadonlyMap<string, CommuneColor>
  readonly communesById: ReadonlyMap<string, Commune>
  readonly highlightCommuneId: string
  readonly onBarPointerDown: (event: ReactPointerEvent, booking: Booking) => void
  readonly onCellsPointerDown: (event: ReactPointerEvent, rowIndex: number, resource: Resource) => void
  readonly onCellFocus: (rowIndex: number, col: number | null) => void
  readonly onGroupToggle: (rowIndex: number, key: string) => void
}

/** A booking of this row drawn elsewhere than stored: being dragged, or being saved. */
export interface RowDrag {
  readonly bookingId: string
  readonly period: PlanningPeriod
  readonly state: 'ok' | 'conflict' | 'saving'
  /** Dragging: the new period and whether it fits, shown under the bar. */
  readonly hint: string | null
}

interface PlanningRowProps {
  readonly row: GridRow
  readonly rowIndex: number
  readonly top: number
  readonly height: number
  readonly width: number
  readonly layout: RowLayout
  /** Stock rows: units free per column. */
  readonly free: readonly number[] | null
  readonly firstColumn: number
  readonly lastColumn: number
  /** The focused column when the focus is on this row (0 for a group row), null otherwise. */
  readonly focusCol: number | null
  readonly drag: RowDrag | null
  readonly selection: { readonly from: number; readonly to: number } | null
  readonly ctx: RowContext
}

/** Subtitle of a resource in its row header. */
function resourceDetail(resource: Resource): string {
  if (resource.tracking === 'stock') {
    const lendable = lendableQuantity(resource)
    return lendable === resource.quantity
      ? `Stock : ${resource.quantity}`
      : `Stock : ${lendable} prêtables sur ${resource.quantity}`
  }
  return resource.plate ?? resource.inventoryNumber ?? (resource.kind === 'staff' ? 'Agent' : '')
}

function ResourceCells({
  resource,
  rowIndex,
  layout,
  free,
  firstColumn,
  lastColumn,
  focusCol,
  ctx,
}: {
  readonly resource: Resource
  readonly rowIndex: number
  readonly layout: RowLayout
  readonly free: readonly number[] | null
  readonly firstColumn: number
  readonly lastColumn: number
  readonly focusCol: number | null
  readonly ctx: RowContext
}) {
  const lendable = lendableQuantity(resource)
  const cells = []
  for (let col = firstColumn; col <= lastColumn; col++) {
    const column = ctx.columns[col]
    if (!column) continue
    const inCell = layout.items.length > 0 ? itemsInColumn(layout, col) : []
    const bookingsHere = inCell.flatMap((i) => (i.type === 'booking' ? [i] : []))
    const unavailable = inCell.find((i) => i.type === 'unavailability')
    let status: string
    if (free) {
      status = freeLabel(free[col] ?? 0)
      if (bookingsHere.length > 0) {
        status += `, ${bookingsHere.length} réservation${bookingsHere.length > 1 ? 's' : ''}`
      }
    } else if (bookingsHere.length > 0) {
      status = `réservé : ${bookingsHere
        .map((i) => `${i.booking.reference} (${communeName(ctx.communesById, i.booking.communeId)})`)
        .join(', ')}`
    } else if (unavailable?.type === 'unavailability') {
      status = `indisponible : ${unavailable.unavailability.reason}`
    } else {
      status = 'libre'
    }
    const isFocus = focusCol === col
    const freeHere = free ? (free[col] ?? 0) : 0
    cells.push(
      <div
        key={column.key}
        role="gridcell"
        aria-colindex={col + 2}
        aria-label={`${resource.name}, ${ctx.descriptions[col] ?? ''}, ${status}`}
        tabIndex={isFocus ? 0 : -1}
        data-cell={`${rowIndex}:${col}`}
        data-testid="planning-cell"
        data-date={column.key}
        className={ctx.cellClasses[col]}
        style={{ left: ROW_HEADER_WIDTH + col * ctx.columnWidth, width: ctx.columnWidth }}
        onFocus={() => {
          if (!isFocus) ctx.onCellFocus(rowIndex, col)
        }}
      >
        {free ? (
          <span
            className={`planning-free${freeHere === 0 ? ' planning-free--none' : freeHere < lendable * 0.25 ? ' planning-free--low' : ''}`}
            aria-hidden="true"
          >
            {ctx.columnWidth < 64 ? freeHere : `${freeHere}/${lendable}`}
          </span>
        ) : null}
      </div>,
    )
  }
  return (
    <div className="planning-row__cells" onPointerDown={(e) => ctx.onCellsPointerDown(e, rowIndex, resource)}>
      {cells}
    </div>
  )
}

export const PlanningRow = memo(function PlanningRow(props: PlanningRowProps) {
  const { row, rowIndex, ctx } = props
  const style = { top: props.top, height: props.height, width: props.width }
  if (row.type !== 'resource') {
    const isFocus = props.focusCol !== null
    return (
      <div
        role="row"
        aria-rowindex={rowIndex + 2}
        className={`planning-row planning-row--${row.type}`}
        data-testid="planning-group"
        style={style}
      >
        <div role="rowheader" aria-colindex={1} className="planning-grouphead">
          <button
            type="button"
            className="planning-grouphead__toggle"
            aria-expanded={!row.collapsed}
            tabIndex={isFocus ? 0 : -1}
            data-cell={`${rowIndex}:g`}
            onClick={() => ctx.onGroupToggle(rowIndex, row.key)}
            onFocus={() => {
              if (!isFocus) ctx.onCellFocus(rowIndex, null)
            }}
          >
            <span className="planning-grouphead__chevron" aria-hidden="true">
              {row.collapsed ? '▸' : '▾'}
            </span>
            {row.label}
            <span className="planning-grouphead__count">{row.count}</span>
          </button>
        </div>
      </div>
    )
  }
  const resource = row.resource
  const selection = props.selection
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      className={`planning-row planning-row--resource${props.drag && props.drag.state !== 'saving' ? ' planning-row--drag' : ''}`}
      data-testid="planning-row"
      data-resource-id={resource.id}
      data-resource-name={resource.name}
      style={style}
    >
      <div role="rowheader" aria-colindex={1} className="planning-rowhead" title={resource.name}>
        <span className="planning-rowhead__name">{resource.name}</span>
        <span className="planning-rowhead__detail">{resourceDetail(resource)}</span>
      </div>
      <ResourceCells
        resource={resource}
        rowIndex={rowIndex}
        layout={props.layout}
        free={props.free}
        firstColumn={props.firstColumn}
        lastColumn={props.lastColumn}
        focusCol={props.focusCol}
        ctx={ctx}
      />
      {selection ? (
        <div
          className="planning-selection"
          data-testid="planning-selection"
          style={{
            left: ROW_HEADER_WIDTH + Math.min(selection.from, selection.to) * ctx.columnWidth,
            width: (Math.abs(selection.to - selection.from) + 1) * ctx.columnWidth,
          }}
        >
          Nouvelle réservation
        </div>
      ) : null}
      {props.layout.items.map((item) => (
        <PlanningBar
          key={item.key}
          item={item}
          resource={resource}
          drag={props.drag}
          firstColumn={props.firstColumn}
          lastColumn={props.lastColumn}
          ctx={ctx}
        />
      ))}
    </div>
  )
})
