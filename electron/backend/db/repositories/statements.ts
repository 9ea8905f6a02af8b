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

/** The number of the statement holding a damage line of this booking item, if any. */
export function statementOfDamage(db: Db, bookingId: string, resourceId: string): string | null {
  return (
    prepare<[string, string], { number: string }>(
      db,
      `SELECT s.number FROM statement_lines l JOIN statements s ON s.id = l.statement_id
       WHERE l.booking_id = ? AND l.resource_id = ? AND l.kind = 'damage' LIMIT 1`,
    ).get(bookingId, resourceId)?.number ?? null
  )
}
