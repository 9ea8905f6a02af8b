/**
 * Deposits (`deposits`, one per booking) and confirmed damage charges (`damage_charges`, one per
 * booking item), migration 005. Amounts in cents; instants ISO 8601 UTC; `confirmed_date` the local
 * day (Europe/Paris) of the confirmation, which dates the damage line.
 */
import type { DamageCharge } from '../../../../shared/domain/costs'
import { prepare, type Db } from '../connection'

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
  return (
    row && {
      bookingId: row.booking_id,
      receivedCents: row.received_cents,
      receivedAt: row.received_at,
      receivedBy: row.received_by,
      returnedCents: row.returned_cents,
      returnedAt: row.returned_at,
      returnedBy: row.returned_by,
      notes: row.notes,
    }
  )
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

interface DbDamage {
  booking_id: string
  resource_id: string
  quantity: number
  unit_value_cents: number
  confirmed_at: string
  confirmed_date: string
  confirmed_by: string
  notes: string
}

/** A damage charge with the local day of its confirmation. */
export type DamageRecord = DamageCharge & { readonly confirmedDate: string }

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
  }
}

const DAMAGE_COLUMNS =
  'booking_id, resource_id, quantity, unit_value_cents, confirmed_at, confirmed_date, confirmed_by, notes'

/** Stores a damage charge, replacing the one of the same booking item. */
export function putDamage(db: Db, damage: DamageRecord): void {
  prepare(
    db,
    `INSERT INTO damage_charges (${DAMAGE_COLUMNS})
     VALUES (@bookingId, @resourceId, @quantity, @unitValueCents, @confirmedAt, @confirmedDate, @confirmedBy, @notes)
     ON CONFLICT(booking_id, resource_id) DO UPDATE SET quantity = excluded.quantity,
       unit_value_cents = excluded.unit_value_cents, confirmed_at = excluded.confirmed_at,
       confirmed_date = excluded.confirmed_date, confirmed_by = excluded.confirmed_by, notes = excluded.notes`,
  ).run(damage)
}

/** Withdraws the charge of a booking item (the manager confirmed 0). */
export function deleteDamage(db: Db, bookingId: string, resourceId: string): void {
  prepare(db, 'DELETE FROM damage_charges WHERE booking_id = ? AND resource_id = ?').run(
    bookingId,
    resourceId,
  )
}

/** The charges of one booking, by resource. */
export function listDamagesOfBooking(db: Db, bookingId: string): DamageRecord[] {
  return prepare<[string], DbDamage>(
    db,
    `SELECT ${DAMAGE_COLUMNS} FROM damage_charges WHERE booking_id = ? ORDER BY resource_id`,
  )
    .all(bookingId)
    .map(toDamage)
}

/** Charges confirmed on a local day in `[from, to]` (inclusive), by day. */
export function listDamagesConfirmed(db: Db, from: string, to: string): DamageRecord[] {
  return prepare<[string, string], DbDamage>(
    db,
    `SELECT ${DAMAGE_COLUMNS} FROM damage_charges WHERE confirmed_date BETWEEN ? AND ?
     ORDER BY confirmed_date, booking_id, resource_id`,
  )
    .all(from, to)
    .map(toDamage)
}
