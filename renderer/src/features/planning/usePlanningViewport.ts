/**
 * The planning grid's scrolling area: its width, the width of a column, and the two virtualisers
 * (@tanstack/react-virtual) that keep only the rows and columns on screen in the DOM, whatever the
 * number of resources. Also places the first scroll of each view.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import type { RefObject } from 'react'
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react'
import { HEADER_HEIGHT, ROW_HEADER_WIDTH } from './gridStyle'
import type { Granularity, GridRow, PlanningColumn, RowLayout } from './model'
import { rowHeight, rowMetrics } from './model'

/** A grid cell by position: `row` in the grid's rows, `col` in the view's columns. */
export interface GridCell {
  readonly row: number
  readonly col: number
}

interface ViewportOptions {
  /** The grid's scrolling element. */
  readonly scrollRef: RefObject<HTMLDivElement | null>
  readonly rows: readonly GridRow[]
  readonly columns: readonly PlanningColumn[]
  readonly granularity: Granularity
  readonly layouts: ReadonlyMap<string, RowLayout>
  /** Narrowest column, px; columns widen to fill the board when there is room. */
  readonly minColumnWidth: number
  /** The column to scroll to when the view changes (today, or 06:00 in the day zoom). */
  readonly initialColumn: number
}

/**
 * Measures the grid's scrolling element and virtualises its rows and columns. Sizes are px;
 * `columnWidth` is at least `minColumnWidth`. Rows on screen come with their `start` (px from the
 * grid's top, header included) and `size`; columns with their `start` (px from the grid's left, row
 * headers included). `firstColumn`…`lastColumn` are the columns on screen (-1
 * for none). `columnAt(clientX)` is the column under a pointer (clamped to the view);
 * `scrollToCell` brings a cell into view (a group row only vertically); `isRendered` tells whether
 * a cell is in the DOM.
 */
export function usePlanningViewport(options: ViewportOptions) {
  const { scrollRef, rows, columns, granularity, layouts, initialColumn } = options
  const [viewportWidth, setViewportWidth] = useState(0)

  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element) return
    setViewportWidth(element.clientWidth)
    const observer = new ResizeObserver(() => setViewportWidth(element.clientWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [scrollRef])

  const columnWidth = Math.max(
    options.minColumnWidth,
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
  // The grid re-renders on every scroll anyway; it does not rely on the React Compiler's memoising.
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
  const columnsKey = columns[0]?.key ?? ''
  useEffect(() => {
    const element = scrollRef.current
    if (!element || viewportWidth === 0) return
    element.scrollLeft = Math.max(0, initialColumn * columnWidth - (granularity === 'hour' ? 0 : columnWidth))
    // Only when the columns themselves change, not on every resize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columnsKey, granularity, viewportWidth === 0])

  const columnAt = (clientX: number): number => {
    const element = scrollRef.current
    if (!element) return 0
    const x = clientX - element.getBoundingClientRect().left + element.scrollLeft - ROW_HEADER_WIDTH
    return Math.min(columns.length - 1, Math.max(0, Math.floor(x / columnWidth)))
  }

  const scrollToCell = (cell: GridCell) => {
    rowVirtualizer.scrollToIndex(cell.row, { align: 'auto' })
    if (rows[cell.row]?.type === 'resource') columnVirtualizer.scrollToIndex(cell.col, { align: 'auto' })
  }

  // A group row is one cell wide: it is in the DOM whenever the row is.
  const isRendered = (cell: GridCell): boolean =>
    virtualRows.some((v) => v.index === cell.row) &&
    (rows[cell.row]?.type !== 'resource' || (cell.col >= firstColumn && cell.col <= lastColumn))

  return {
    /** False until the scrolling element has been measured. */
    measured: viewportWidth > 0,
    columnWidth,
    totalWidth,
    /** Height of the rows below the header, px. */
    bodyHeight: Math.max(0, rowVirtualizer.getTotalSize() - HEADER_HEIGHT),
    virtualRows,
    virtualColumns,
    firstColumn,
    lastColumn,
    columnAt,
    scrollToCell,
    isRendered,
  }
}
