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
export * from './columns'
export * from './bars'
export * from './drag'
export * from './availability'
export * from './colours'
export * from './rows'
