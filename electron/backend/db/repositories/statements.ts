/**
 * Issued statements (`statements`, `statement_lines`, migration 005). Rows are only ever inserted:
 * triggers refuse any update or delete, so a statement reads the same forever.
 */
import type {
  CostLine,
  RateSource,
  RateUnit,
  Statement,
  StatementSummary,
} from '../../../../shared/domain/costs'
import type { BookingStatus } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

interface DbStatement {
  id: string
  number: string
  hub_id: string
  commune_id: string
  commune_name: string
  insee_code: string
  period_from: string
  period_to: string
  issued_at: string
  issued_by: string
  total_cents: number
  rules_json: string
  line_count: number
}

interface DbLine {
  kind: CostLine['kind']
  booking_id: string
  booking_reference: string
  booking_title: string
  commune_id: string
  resource_id: string
  resource_name: string
  period_text: string
  line_date: string
  quantity: number
  units: number
  unit: RateUnit | 'unit'
  area_m2: number | null
  rate_cents: number
  rate_source: RateSource
  surcharge_percent: number
  band_label: string
  free: number
  amount_cents: number
  detail: string
}

const SUMMARY = `s.id, s.number, s.hub_id, s.commune_id, s.commune_name, s.insee_code, s.period_from, s.period_to,
  s.issued_at, s.issued_by, s.total_cents, s.rules_json,
  (SELECT count(*) FROM statement_lines l WHERE l.statement_id = s.id) AS line_count`

function toSummary(row: DbStatement): StatementSummary {
  return {
    id: row.id,
    number: row.number,
    hubId: row.hub_id,
    communeId: row.commune_id,
    communeName: row.commune_name,
    inseeCode: row.insee_code,
    from: row.period_from,
    to: row.period_to,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    totalCents: row.total_cents,
    lineCount: row.line_count,
  }
}

function toLine(row: DbLine): CostLine {
  return {
    kind: row.kind,
    bookingId: row.booking_id,
    bookingReference: row.booking_reference,
    bookingTitle: row.booking_title,
    communeId: row.commune_id,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    periodText: row.period_text,
    date: row.line_date,
    quantity: row.quantity,
    units: row.units,
    unit: row.unit,
    areaM2: row.area_m2,
    rateCents: row.rate_cents,
    rateSource: row.rate_source,
    surchargePercent: row.surcharge_percent,
    bandLabel: row.band_label,
    free: row.free === 1,
    amountCents: row.amount_cents,
    detail: row.detail,
  }
}

/**
 * Takes the next number of `year` and returns `REL-2027-0001`. Must run inside the write transaction
 * that stores the statement, so two writers never share a number.
 */
export function nextStatementNumber(db: Db, year: number): string {
  const row = prepare<[number], { last_number: number }>(
    db,
    `INSERT INTO statement_numbers (year, last_number) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number`,
  ).get(year)
  if (!row) throw new Error('Numérotation des relevés impossible.')
  return `REL-${year}-${String(row.last_number).padStart(4, '0')}`
}

/** Stores a statement and its lines (in their order). */
export function insertStatement(db: Db, statement: Statement): void {
  prepare(
    db,
    `INSERT INTO statements (id, number, hub_id, commune_id, commune_name, insee_code, period_from, period_to,
       issued_at, issued_by, total_cents, rules_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    statement.id,
    statement.number,
    statement.hubId,
    statement.communeId,
    statement.communeName,
    statement.inseeCode,
    statement.from,
    statement.to,
    statement.issuedAt,
    statement.issuedBy,
    statement.totalCents,
    JSON.stringify(statement.rules),
  )
  const insertLine = prepare(
    db,
    `INSERT INTO statement_lines (statement_id, position, kind, booking_id, booking_reference, booking_title,
       resource_id, resource_name, period_text, line_date, quantity, units, unit, area_m2, rate_cents,
       rate_source, surcharge_percent, band_label, free, amount_cents, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  statement.lines.forEach((line, position) => {
    insertLine.run(
      statement.id,
      position,
      line.kind,
      line.bookingId,
      line.bookingReference,
      line.bookingTitle,
      line.resourceId,
      line.resourceName,
      line.periodText,
      line.date,
      line.quantity,
      line.units,
      line.unit,
      line.areaM2,
      line.rateCents,
      line.rateSource,
      line.surchargePercent,
      line.bandLabel,
      line.free ? 1 : 0,
      line.amountCents,
      line.detail,
    )
  })
}

/** A statement with its lines, or undefined. */
export function getStatement(db: Db, id: string): Statement | undefined {
  const row = prepare<[string], DbStatement>(db, `SELECT ${SUMMARY} FROM statements s WHERE s.id = ?`).get(id)
  if (!row) return undefined
  const lines = prepare<[string], DbLine>(
    db,
    `SELECT l.kind, l.booking_id, l.booking_reference, l.booking_title, s.commune_id, l.resource_id,
       l.resource_name, l.period_text, l.line_date, l.quantity, l.units, l.unit, l.area_m2, l.rate_cents,
       l.rate_source, l.surcharge_percent, l.band_label, l.free, l.amount_cents, l.detail
     FROM statement_lines l JOIN statements s ON s.id = l.statement_id
     WHERE l.statement_id = ? ORDER BY l.position`,
  )
    .all(id)
    .map(toLine)
  const { lineCount: _count, ...summary } = toSummary(row)
  return { ...summary, lines, rules: JSON.parse(row.rules_json) as string[] }
}

/** Statements, latest issued first; filtered by commune and by the year of their number. */
export function listStatements(
  db: Db,
  filter: { communeId?: string | undefined; year?: number | undefined },
): StatementSummary[] {
  return prepare<[string | null, string | null, string | null, string | null], DbStatement>(
    db,
    `SELECT ${SUMMARY} FROM statements s
     WHERE (? IS NULL OR s.commune_id = ?) AND (? IS NULL OR s.number LIKE 'REL-' || ? || '-%')
     ORDER BY s.issued_at DESC, s.number DESC`,
  )
    .all(
      filter.communeId ?? null,
      filter.communeId ?? null,
      filter.year === undefined ? null : String(filter.year),
      filter.year === undefined ? null : String(filter.year),
    )
    .map(toSummary)
}

/** The commune's statements whose period shares a day with `[from, to]` (local dates, inclusive). */
export function overlappingStatements(
  db: Db,
  communeId: string,
  from: string,
  to: string,
): StatementSummary[] {
  return prepare<[string, string, string], DbStatement>(
    db,
    `SELECT ${SUMMARY} FROM statements s
     WHERE s.commune_id = ? AND s.period_from <= ? AND s.period_to >= ? ORDER BY s.period_from`,
  )
    .all(communeId, to, from)
    .map(toSummary)
}

/**
 * The statements, of one commune or all, whose period starts before `before` (a local date), by
 * commune then period: those a booking that none of them bills may have fallen from.
 */
export function statementsStartingBefore(
  db: Db,
  communeId: string | null,
  before: string,
): StatementSummary[] {
  return prepare<[string | null, string | null, string], DbStatement>(
    db,
    `SELECT ${SUMMARY} FROM statements s
     WHERE (? IS NULL OR s.commune_id = ?) AND s.period_from < ? ORDER BY s.commune_id, s.period_from`,
  )
    .all(communeId, communeId, before)
    .map(toSummary)
}

/** The statement that bills a line: its number and period (local dates, inclusive). */
export interface BilledOn {
  readonly number: string
  readonly from: string
  readonly to: string
}

/**
 * The booking items (`bookingId`, `resourceId`) of these bookings that an issued statement already
 * bills for their use, each with that statement (one at most: a statement never bills what another
 * one does).
 * @returns the statement by `${bookingId}/${resourceId}`
 */
export function billedUseItems(db: Db, bookingIds: readonly string[]): Map<string, BilledOn> {
  const rows = prepare<
    [string],
    { booking_id: string; resource_id: string; number: string; period_from: string; period_to: string }
  >(
    db,
    `SELECT DISTINCT l.booking_id, l.resource_id, s.number, s.period_from, s.period_to
     FROM statement_lines l JOIN statements s ON s.id = l.statement_id
     WHERE l.kind = 'use' AND l.booking_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(bookingIds))
  return new Map(
    rows.map((r) => [
      `${r.booking_id}/${r.resource_id}`,
      { number: r.number, from: r.period_from, to: r.period_to },
    ]),
  )
}

/**
 * Bookings that a statement starting in `[from, to]` (local dates), of one commune or all, bills for
 * use, whatever their first day is now (a booking may be carried to a later statement, or moved after
 * it was billed).
 */
export function bookingsBilledOnStatementsStarting(
  db: Db,
  communeId: string | null,
  from: string,
  to: string,
): string[] {
  return prepare<[string | null, string | null, string, string], { booking_id: string }>(
    db,
    `SELECT DISTINCT l.booking_id FROM statement_lines l JOIN statements s ON s.id = l.statement_id
     WHERE (? IS NULL OR s.commune_id = ?) AND s.period_from BETWEEN ? AND ? AND l.kind = 'use'`,
  )
    .all(communeId, communeId, from, to)
    .map((r) => r.booking_id)
}

/** A span of bookings' starts: a commune's, `[startMs, endMs)` in epoch ms, with a statement number. */
export interface StatementWindow {
  readonly communeId: string
  readonly startMs: number
  readonly endMs: number
  readonly number: string
}

/**
 * Bookings of these statuses that start inside one of these windows and have an item no statement
 * bills for its use, each with the number of its window; by start, then reference.
 */
export function unbilledBookingsIn(
  db: Db,
  windows: readonly StatementWindow[],
  statuses: readonly BookingStatus[],
): { readonly bookingId: string; readonly number: string }[] {
  if (windows.length === 0) return []
  return prepare<[string, string], { id: string; number: string }>(
    db,
    `SELECT b.id, json_extract(w.value, '$.number') AS number
     FROM json_each(?) w
     JOIN bookings b ON b.commune_id = json_extract(w.value, '$.communeId')
       AND b.start_ms >= json_extract(w.value, '$.startMs') AND b.start_ms < json_extract(w.value, '$.endMs')
     WHERE b.status IN (SELECT value FROM json_each(?))
       AND EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND NOT EXISTS (
             SELECT 1 FROM statement_lines l
             WHERE l.booking_id = i.booking_id AND l.resource_id = i.resource_id AND l.kind = 'use'))
     ORDER BY b.start_ms, b.reference`,
  )
    .all(JSON.stringify(windows), JSON.stringify(statuses))
    .map((r) => ({ bookingId: r.id, number: r.number }))
}
