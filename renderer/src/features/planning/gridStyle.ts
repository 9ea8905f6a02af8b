/**
 * How the planning grid is drawn, shared by its header, its rows and its hooks: the fixed sizes
 * (px, the same as in planning.css) and the classes that mark a column (weekend, holiday, today,
 * night hours).
 */
import type { PlanningColumn } from './model'

/** Width of the sticky column of resource names, px (`.planning-rowhead` in planning.css). */
export const ROW_HEADER_WIDTH = 232
/** Height of the sticky line of day headers, px. */
export const HEADER_HEIGHT = 46

/**
 * `planning-cell` plus `--weekend`, `--holiday`, `--today` for day columns, `--night` for early and
 * late hours (before 07:00, from 19:00, Europe/Paris wall clock as the column's `hour` says).
 * @param holidays public holidays by local date `YYYY-MM-DD`
 * @param today the local date `YYYY-MM-DD` of today
 */
export function cellClass(
  column: PlanningColumn,
  holidays: ReadonlyMap<string, string>,
  today: string,
): string {
  let name = 'planning-cell'
  const weekday = (new Date(`${column.date}T12:00:00Z`).getUTCDay() + 6) % 7
  if (column.hour === null) {
    if (weekday >= 5) name += ' planning-cell--weekend'
    if (holidays.has(column.date)) name += ' planning-cell--holiday'
    if (column.date === today) name += ' planning-cell--today'
  } else {
    const hour = Number(column.hour.slice(0, 2))
    if (hour < 7 || hour >= 19) name += ' planning-cell--night'
  }
  return name
}
