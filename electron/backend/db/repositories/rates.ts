/**
 * Resources' rates (`resource_rates`, migration 005): one row per resource and day from which it
 * applies (`valid_from`, a local date, Europe/Paris). A booking is counted at the rate whose
 * `valid_from` is the latest on or before its first day.
 */
import { randomUUID } from 'node:crypto'
import type { Rate, RateUnit } from '../../../../shared/domain/costs'
import { prepare, type Db } from '../connection'

interface DbRate {
  id: string
  resource_id: string
  unit: RateUnit
  amount_cents: number
  deposit_cents: number
  free: number
  valid_from: string
  created_at: string
  created_by: string
}

const COLUMNS = 'id, resource_id, unit, amount_cents, deposit_cents, free, valid_from, created_at, created_by'

function toRate(row: DbRate): Rate {
  return {
    id: row.id,
    resourceId: row.resource_id,
    unit: row.unit,
    amountCents: row.amount_cents,
    depositCents: row.deposit_cents,
    free: row.free === 1,
    validFrom: row.valid_from,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}

/**
 * Stores a rate; one already stored for the same resource and `validFrom` is replaced (it keeps its
 * id). Returns the stored rate.
 */
export function upsertRate(db: Db, rate: Rate): Rate {
  prepare(
    db,
    `INSERT INTO resource_rates (${COLUMNS})
     VALUES (@id, @resource_id, @unit, @amount_cents, @deposit_cents, @free, @valid_from, @created_at, @created_by)
     ON CONFLICT(resource_id, valid_from) DO UPDATE SET unit = excluded.unit,
       amount_cents = excluded.amount_cents, deposit_cents = excluded.deposit_cents, free = excluded.free,
       created_at = excluded.created_at, created_by = excluded.created_by`,
  ).run({
    id: rate.id,
    resource_id: rate.resourceId,
    unit: rate.unit,
    amount_cents: rate.amountCents,
    deposit_cents: rate.depositCents,
    free: rate.free ? 1 : 0,
    valid_from: rate.validFrom,
    created_at: rate.createdAt,
    created_by: rate.createdBy,
  })
  const stored = getRateAt(db, rate.resourceId, rate.validFrom)
  if (!stored) throw new Error('Tarif non enregistré.')
  return stored
}

/** The rate stored for exactly this resource and `validFrom`. */
function getRateAt(db: Db, resourceId: string, validFrom: string): Rate | undefined {
  const row = prepare<[string, string], DbRate>(
    db,
    `SELECT ${COLUMNS} FROM resource_rates WHERE resource_id = ? AND valid_from = ?`,
  ).get(resourceId, validFrom)
  return row && toRate(row)
}

/** Every rate, or one resource's, by resource then latest `validFrom` first. */
export function listRates(db: Db, resourceId: string | null): Rate[] {
  return prepare<[string | null, string | null], DbRate>(
    db,
    `SELECT ${COLUMNS} FROM resource_rates WHERE (? IS NULL OR resource_id = ?)
     ORDER BY resource_id, valid_from DESC`,
  )
    .all(resourceId, resourceId)
    .map(toRate)
}

/** The rates of these resources, by resource then latest `validFrom` first. */
export function listRatesOf(db: Db, resourceIds: readonly string[]): Rate[] {
  return prepare<[string], DbRate>(
    db,
    `SELECT ${COLUMNS} FROM resource_rates WHERE resource_id IN (SELECT value FROM json_each(?))
     ORDER BY resource_id, valid_from DESC`,
  )
    .all(JSON.stringify(resourceIds))
    .map(toRate)
}

/**
 * The resource's rate in force on a local date (Europe/Paris, `YYYY-MM-DD`): the one whose
 * `validFrom` is the latest on or before it; undefined when none applies yet.
 */
export function rateInForce(db: Db, resourceId: string, date: string): Rate | undefined {
  const row = prepare<[string, string], DbRate>(
    db,
    `SELECT ${COLUMNS} FROM resource_rates WHERE resource_id = ? AND valid_from <= ?
     ORDER BY valid_from DESC LIMIT 1`,
  ).get(resourceId, date)
  return row && toRate(row)
}

/**
 * SQL expression of `Resource.dailyRateCents` for a row of `resources`: the amount of the rate in
 * force today (`paris_today()`, the Europe/Paris date of the backend's clock, db/connection.ts) when
 * it is per day, else NULL — a rate set for a later day does not show before that day (migration 005).
 */
export const DAILY_RATE_SQL = `(SELECT CASE WHEN r.unit = 'day' THEN r.amount_cents END FROM resource_rates r
  WHERE r.resource_id = resources.id AND r.valid_from <= paris_today() ORDER BY r.valid_from DESC LIMIT 1)`

/**
 * Keeps the rates in step with a resource's `dailyRateCents` as written by the inventory form or the
 * import (migration 005). The value is compared with the rate in force on `validFrom` (the local day
 * of the change, 1900-01-01 for a new resource), the one the form showed: unchanged, nothing is
 * written. A new value stores a per-day rate from `validFrom` (replacing one set for that same day),
 * carrying over the deposit and the « gratuit pour les communes membres » flag of the rate in force;
 * null, while the rate in force is per day, stores « no rate » from that day (the deposit and the flag
 * carried over too). Rates set for later
 * days stay as they were: they take over on their own day.
 * @param validFrom local date `YYYY-MM-DD` (Europe/Paris)
 */
export function syncDailyRate(
  db: Db,
  change: {
    readonly resourceId: string
    readonly dailyRateCents: number | null
    readonly validFrom: string
    readonly at: string
    readonly by: string
  },
): void {
  const inForce = rateInForce(db, change.resourceId, change.validFrom)
  const current = inForce?.unit === 'day' ? inForce.amountCents : null
  if (current === change.dailyRateCents) return
  upsertRate(db, {
    id: randomUUID(),
    resourceId: change.resourceId,
    unit: change.dailyRateCents === null ? 'none' : 'day',
    amountCents: change.dailyRateCents ?? 0,
    depositCents: inForce?.depositCents ?? 0,
    free: inForce?.free ?? false,
    validFrom: change.validFrom,
    createdAt: change.at,
    createdBy: change.by,
  })
}
