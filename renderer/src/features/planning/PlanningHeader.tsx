/**
 * The sticky line of column headers of the planning grid: the corner above the resource names,
 * then the days on screen (weekday, date, public holiday; today, weekend and holidays marked) or,
 * in the day zoom, the hours. A day's header is a button that zooms on that day. Display only.
 */
import { useMemo } from 'react'
import { cellClass, HEADER_HEIGHT } from './gridStyle'
import type { PlanningColumn } from './model'
import { columnLabel } from './model'

interface PlanningHeaderProps {
  readonly columns: readonly PlanningColumn[]
  /** The columns on screen, with their left edge (`start`, px from the grid's left). */
  readonly virtualColumns: readonly { readonly index: number; readonly start: number }[]
  readonly columnWidth: number
  /** Width of the whole grid, px. */
  readonly totalWidth: number
  /** `lundi 14 juin 2027`, per column, for the zoom buttons' names. */
  readonly descriptions: readonly string[]
  /** Public holidays: local date `YYYY-MM-DD` → name. */
  readonly holidays: ReadonlyMap<string, string>
  /** Today's local date, `YYYY-MM-DD`. */
  readonly today: string
  readonly onZoomDay: (date: string) => void
}

/** The header row (`aria-rowindex` 1) of the planning grid. */
export function PlanningHeader(props: PlanningHeaderProps) {
  const { columns, columnWidth, descriptions, holidays, today } = props
  const labels = useMemo(() => columns.map(columnLabel), [columns])
  return (
    <div
      className="planning-head"
      role="row"
      aria-rowindex={1}
      style={{ width: props.totalWidth, height: HEADER_HEIGHT }}
    >
      <div className="planning-corner" role="columnheader" aria-colindex={1}>
        Ressource
      </div>
      {props.virtualColumns.map((v) => {
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
                onClick={() => props.onZoomDay(column.date)}
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
  )
}
