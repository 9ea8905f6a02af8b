/**
 * Keyboard use of the planning grid (ARIA grid pattern): one cell is tabbable (roving tabindex),
 * arrows, Home/End (Ctrl for the corners) and PageUp/PageDown move between cells, Enter or Space
 * opens the bookings of a cell or starts a booking on an empty one, and on a group row the right
 * and left arrows open and close the group.
 */
import type { KeyboardEvent as ReactKeyboardEvent, RefObject } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { Resource } from '../../../../shared/domain/types'
import type { Granularity, GridRow, PlanningColumn, RowLayout } from './model'
import { emptyRowLayout, itemsInColumn } from './model'
import type { GridCell } from './usePlanningViewport'

/** Rows skipped by PageUp and PageDown. */
const PAGE_ROWS = 10

interface KeyboardOptions {
  readonly rows: readonly GridRow[]
  readonly columns: readonly PlanningColumn[]
  readonly granularity: Granularity
  readonly layouts: ReadonlyMap<string, RowLayout>
  /** `lundi 14 juin 2027` (or with hours), per column: the context of the bookings dialog. */
  readonly descriptions: readonly string[]
  /** The column the view opens on; the focus goes there each time the columns change. */
  readonly initialColumn: number
  /** Changes when the focus should come back to the focused cell (a dialog opened from it has closed). */
  readonly focusToken: number
  /** The grid's scrolling element, holding the cells (`data-cell="<row>:<col>"`, `<row>:g` for a group). */
  readonly scrollRef: RefObject<HTMLDivElement | null>
  /** False until the grid is measured: the focus waits for the view's first scroll. */
  readonly measured: boolean
  readonly scrollToCell: (cell: GridCell) => void
  readonly isRendered: (cell: GridCell) => boolean
  readonly onToggleGroup: (key: string) => void
  readonly onOpenBookings: (bookingIds: readonly string[], context: string) => void
  readonly onSelectRange: (resource: Resource, from: number, to: number) => void
}

/**
 * The focused cell and the keys that move it. Returns `focus` and `setFocus` (for a cell focused
 * or pressed with the pointer), `onKeyDown` for the grid, `focusRendered` (false when the focused
 * cell is scrolled out of the DOM: the grid itself then takes Tab) and `requestFocus`, which scrolls
 * to a cell and puts the DOM focus on it once it is drawn.
 */
export function usePlanningKeyboard(options: KeyboardOptions) {
  const { rows, columns, granularity, layouts, descriptions, initialColumn, measured, onToggleGroup } =
    options
  const firstResourceRow = Math.max(
    0,
    rows.findIndex((r) => r.type === 'resource'),
  )
  const [focus, setFocus] = useState<GridCell>({ row: firstResourceRow, col: initialColumn })
  const focusRequested = useRef(false)

  // A new view starts on the column it scrolls to.
  const columnsKey = columns[0]?.key ?? ''
  useEffect(() => {
    if (!measured) return
    // The view's first scroll is placed in an effect too (it needs the measured grid).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocus((f) => ({ ...f, col: Math.min(Math.max(0, initialColumn), columns.length - 1) }))
    // Only when the columns themselves change, as the view's first scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columnsKey, granularity, measured])

  // Keep the focused cell inside the grid when rows or columns change.
  useEffect(() => {
    // Stored clamped, not clamped on read: a focus pushed back by a shorter list stays there.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocus((f) => {
      const row = Math.min(f.row, Math.max(0, rows.length - 1))
      const col = Math.min(f.col, Math.max(0, columns.length - 1))
      return row === f.row && col === f.col ? f : { row, col }
    })
  }, [rows.length, columns.length])

  const requestFocus = (cell: GridCell) => {
    focusRequested.current = true
    setFocus(cell)
    options.scrollToCell(cell)
  }

  const focusToken = options.focusToken
  useEffect(() => {
    if (focusToken === 0) return
    focusRequested.current = true
    // A render, so that the effect below puts the DOM focus back on the cell.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocus((f) => ({ ...f }))
  }, [focusToken])

  // The cell may be drawn only after the scroll it asked for: try again after each render.
  useEffect(() => {
    if (!focusRequested.current) return
    const element = options.scrollRef.current?.querySelector<HTMLElement>(
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
      options.onOpenBookings(bookingIds, `${gridRow.resource.name}, ${descriptions[col] ?? ''}`)
    } else {
      options.onSelectRange(gridRow.resource, col, col)
    }
  }

  const onKeyDown = (event: ReactKeyboardEvent) => {
    const { row, col } = focus
    const gridRow = rows[row]
    let next: GridCell | null = null
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
        next = { row: Math.min(rows.length - 1, row + PAGE_ROWS), col }
        break
      case 'PageUp':
        next = { row: Math.max(0, row - PAGE_ROWS), col }
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

  return { focus, setFocus, requestFocus, onKeyDown, focusRendered: options.isRendered(focus) }
}
