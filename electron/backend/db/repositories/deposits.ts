/**
 * Deposits (`deposits`, one per booking) and the manager's damage decisions (`damage_charges`, one
 * per booking item: charged, or not billed with a reason), migrations 005 and 006. Amounts in cents;
 * instants ISO 8601 UTC; `confirmed_date` the local day (Europe/Paris) of the decision, which dates
 * the damage line.
 */
import { prepare, type Db } from '../connection'
import type { BilledOn } from './statements'

/** A deposit as stored; null fields were not recorded yet. */
export interface DepositRecord {
  readonly bookingId: string
  readonly receivedCents: number | null
  readonly receivedAt: string | null
  readonly receivedBy: string | null
  readonly returnedCents: number | null
  readonly returnedAt: string | null
  readonly returnedBy: string | null
  readonly notes: string
}

interface DbDeposit {
  booking_id: string
  received_cents: number | null
  received_at: string | null
  received_by: string | null
  returned_cents: number | null
  returned_at: string | null
  returned_by: string | null
  notes: string
}

export function getDeposit(db: Db, bookingId: string): DepositRecord | undefined {
  const row = prepare<[string], DbDeposit>(
    db,
    `SELECT booking_id, received_cents, received_at, received_by, returned_cents, returned_at, returned_by, notes
     FROM deposits WHERE booking_id = ?`,
  ).get(bookingId)
  return row && toDeposit(row)
}

function toDeposit(row: DbDeposit): DepositRecord {
  return {
    bookingId: row.booking_id,
    receivedCents: row.received_cents,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    returnedCents: row.returned_cents,
    returnedAt: row.returned_at,
    returnedBy: row.returned_by,
    notes: row.notes,
  }
}

/** Stores the booking's deposit, replacing what was stored. */
export function putDeposit(db: Db, deposit: DepositRecord): void {
  prepare(
    db,
    `INSERT INTO deposits (booking_id, received_cents, received_at, received_by, returned_cents, returned_at,
       returned_by, notes)
     VALUES (@bookingId, @receivedCents, @receivedAt, @receivedBy, @returnedCents, @returnedAt, @returnedBy, @notes)
     ON CONFLICT(booking_id) DO UPDATE SET received_cents = excluded.received_cents,
       received_at = excluded.received_at, received_by = excluded.received_by,
       returned_cents = excluded.returned_cents, returned_at = excluded.returned_at,
       returned_by = excluded.returned_by, notes = excluded.notes`,
  ).run(deposit)
}

/** A booking, with its deposit's columns (all null without a deposit row). */
type DbCandidate = { id: string } & (DbDeposit | { [K in keyof DbDeposit]: null })

/** A booking whose deposit `deposits.list` may show, with what is recorded of it. */
export interface DepositCandidate {
  readonly bookingId: string
  readonly deposit: DepositRecord | undefined
}

/**
 * Bookings whose deposit is recorded (received, or given back), or that may expect one: accepted or
 * handed out, not received yet, with a resource having some rate with a deposit (whether the rate in
 * force asks one is for the caller to tell). Filtered by commune; by booking start, then reference.
 */
export function listDepositCandidates(db: Db, communeId: string | null): DepositCandidate[] {
  return prepare<{ communeId: string | null }, DbCandidate>(
    db,
    `SELECT b.id, b.start_ms, b.reference, d.booking_id, d.received_cents, d.received_at, d.received_by,
       d.returned_cents, d.returned_at, d.returned_by, d.notes
     FROM deposits d JOIN bookings b ON b.id = d.booking_id
     WHERE @communeId IS NULL OR b.commune_id = @communeId
     UNION ALL
     SELECT b.id, b.start_ms, b.reference, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
     FROM bookings b
     WHERE b.status IN ('approved', 'checked_out') AND (@communeId IS NULL OR b.commune_id = @communeId)
       AND NOT EXISTS (SELECT 1 FROM deposits d WHERE d.booking_id = b.id)
       AND EXISTS (SELECT 1 FROM booking_items i JOIN resource_rates r ON r.resource_id = i.resource_id
                   WHERE i.booking_id = b.id AND r.deposit_cents > 0)
     ORDER BY 2, 3`,
  )
    .all({ communeId })
    .map((row) => ({ bookingId: row.id, deposit: row.booking_id === null ? undefined : toDeposit(row) }))
}

interface DbDamage {
  booking_id: string
  resource_id: string
  quantity: number
  unit_value_cents: number
  confirmed_at: string
  confirmed_date: string
  confirmed_by: string
  notes: string
  reason: string
}

/**
 * A damage decision as stored: `quantity` ≥ 1 charged, or 0 with its `reason` (not billed), and the
 * local day (Europe/Paris) it was taken, which dates the damage line.
 */
export interface DamageRecord {
  readonly bookingId: string
  readonly resourceId: string
  readonly quantity: number
  readonly unitValueCents: number
  readonly confirmedAt: string
  readonly confirmedDate: string
  readonly confirmedBy: string
  readonly notes: string
  readonly reason: string
}

/** A damage decision with the statement billing it, if one does. */
export type DamageWithStatement = DamageRecord & { readonly statement: BilledOn | null }

function toDamage(row: DbDamage): DamageRecord {
  return {
    bookingId: row.booking_id,
    resourceId: row.resource_id,
    quantity: row.quantity,
    unitValueCents: row.unit_value_cents,
    confirmedAt: row.confirmed_at,
    confirmedDate: row.confirmed_date,
    confirmedBy: row.confirmed_by,
    notes: row.notes,
    reason: row.reason,
  }
}

const DAMAGE_COLUMNS =
  'booking_id, resource_id, quantity, unit_value_cents, confirmed_at, confirmed_date, confirmed_by, notes, reason'

/** `d.`-prefixed columns, and the statement holding the damage line, if any (`s.`, LEFT JOIN). */
const DAMAGE_WITH_STATEMENT = `${DAMAGE_COLUMNS.split(', ')
  .map((c) => `d.${c}`)
  .join(', ')}, s.number AS statement_number, s.period_from AS statement_from, s.period_to AS statement_to`

/** The join that finds the statement billing a damage (one at most). */
const STATEMENT_OF_DAMAGE = `LEFT JOIN statement_lines l
    ON l.booking_id = d.booking_id AND l.resource_id = d.resource_id AND l.kind = 'damage'
  LEFT JOIN statements s ON s.id = l.statement_id`

type DbDamageWithStatement = DbDamage & {
  statement_number: string | null
  statement_from: string | null
  statement_to: string | null
}

function toDamageWithStatement(row: DbDamageWithStatement): DamageWithStatement {
  return {
    ...toDamage(row),
    statement:
      row.statement_number === null
        ? null
        : { number: row.statement_number, from: row.statement_from ?? '', to: row.statement_to ?? '' },
  }
}

/** Stores a damage decision, replacing the one of the same booking item. */
export function putDamage(db: Db, damage: DamageRecord): void {
  prepare(
    db,
    `INSERT INTO damage_charges (${DAMAGE_COLUMNS})
     VALUES (@bookingId, @resourceId, @quantity, @unitValueCents, @confirmedAt, @confirmedDate, @confirmedBy,
       @notes, @reason)
     ON CONFLICT(booking_id, resource_id) DO UPDATE SET quantity = excluded.quantity,
       unit_value_cents = excluded.unit_value_cents, confirmed_at = excluded.confirmed_at,
       confirmed_date = excluded.confirmed_date, confirmed_by = excluded.confirmed_by, notes = excluded.notes,
       reason = excluded.reason`,
  ).run(damage)
}

/** The decisions of one booking, by resource, with the statement billing each. */
export function listDamagesOfBooking(db: Db, bookingId: string): DamageWithStatement[] {
  return prepare<[string], DbDamageWithStatement>(
    db,
    `SELECT ${DAMAGE_WITH_STATEMENT} FROM damage_charges d ${STATEMENT_OF_DAMAGE}
     WHERE d.booking_id = ? ORDER BY d.resource_id`,
  )
    .all(bookingId)
    .map(toDamageWithStatement)
}

/**
 * The charges (quantity ≥ 1), of one commune or all, that a cost report of `[from, to]` may show:
 * decided on or before `to`, and either billed by no statement yet or by one ending on or after
 * `from` (the caller places each by its day). By day, booking, resource.
 * @param from local date, inclusive
 * @param to local date, inclusive
 */
export function listChargesUpTo(
  db: Db,
  from: string,
  to: string,
  communeId: string | null,
): DamageWithStatement[] {
  return prepare<Record<string, string | null>, DbDamageWithStatement>(
    db,
    `SELECT ${DAMAGE_WITH_STATEMENT} FROM damage_charges d JOIN bookings b ON b.id = d.booking_id
       ${STATEMENT_OF_DAMAGE}
     WHERE d.quantity >= 1 AND d.confirmed_date <= @to AND (@communeId IS NULL OR b.commune_id = @communeId)
       AND (s.id IS NULL OR s.period_to >= @from)
     ORDER BY d.confirmed_date, d.booking_id, d.resource_id`,
  )
    .all({ from, to, communeId })
    .map(toDamageWithStatement)
}

/** A returned booking's item with damaged or missing units and no decision yet. */
export interface PendingDamageRecord {
  readonly bookingId: string
  readonly resourceId: string
  readonly quantity: number
  readonly returnedQuantity: number
  readonly damagedQuantity: number
  /** Epoch ms of the return. */
  readonly returnedAt: number
}

/**
 * Items of returned bookings that came back damaged or missing (fewer returned than lent, or some
 * damaged) without a decision (`damage_charges`) yet, for one commune or all; oldest return first.
 */
export function listPendingDamages(db: Db, communeId: string | null): PendingDamageRecord[] {
  return prepare<
    { communeId: string | null },
    {
      booking_id: string
      resource_id: string
      quantity: number
      returned_quantity: number | null
      damaged_quantity: number | null
      returned_at_ms: number
    }
  >(
    db,
    // The condition on the item is the one of the partial index booking_items_damaged (migration 006).
    `SELECT i.booking_id, i.resource_id, i.quantity, i.returned_quantity, i.damaged_quantity, b.returned_at_ms
     FROM booking_items i JOIN bookings b ON b.id = i.booking_id
     WHERE (i.damaged_quantity > 0 OR i.returned_quantity < i.quantity)
       AND b.status = 'returned' AND b.returned_at_ms IS NOT NULL
       AND (@communeId IS NULL OR b.commune_id = @communeId)
       AND NOT EXISTS (SELECT 1 FROM damage_charges d
                       WHERE d.booking_id = i.booking_id AND d.resource_id = i.resource_id)
     ORDER BY b.returned_at_ms, b.reference, i.rowid`,
  )
    .all({ communeId })
    .map((row) => ({
      bookingId: row.booking_id,
      resourceId: row.resource_id,
      quantity: row.quantity,
      returnedQuantity: row.returned_quantity ?? row.quantity,
      damagedQuantity: row.damaged_quantity ?? 0,
      returnedAt: row.returned_at_ms,
    }))
}
