import { prepare, type Db } from '../connection'

/** An unavailability as stored: a period (epoch ms, half-open) in which `quantity` units are withdrawn. */
export interface UnavailabilityRecord {
  readonly id: string
  readonly resourceId: string
  readonly kind: 'maintenance' | 'repair' | 'inspection' | 'leave'
  readonly reason: string
  readonly quantity: number
  readonly start: number
  readonly end: number
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
  readonly createdAt: string
  /** The booking whose return withdrew these units (missing or damaged), if any. */
  readonly bookingId: string | null
  /** Lasts until the manager restores the units; `end` is then a far sentinel. */
  readonly untilRestored: boolean
}

interface DbUnavailability {
  id: string
  resource_id: string
  kind: UnavailabilityRecord['kind']
  reason: string
  quantity: number
  start_ms: number
  end_ms: number
  all_day: number
  start_date: string | null
  end_date: string | null
  created_at: string
  booking_id: string | null
  until_restored: number
}

const columns = `id, resource_id, kind, reason, quantity, start_ms, end_ms, all_day, start_date, end_date, created_at,
  booking_id, until_restored`

function toRecord(row: DbUnavailability): UnavailabilityRecord {
  return {
    id: row.id,
    resourceId: row.resource_id,
    kind: row.kind,
    reason: row.reason,
    quantity: row.quantity,
    start: row.start_ms,
    end: row.end_ms,
    allDay: row.all_day === 1,
    startDate: row.start_date,
    endDate: row.end_date,
    createdAt: row.created_at,
    bookingId: row.booking_id,
    untilRestored: row.until_restored === 1,
  }
}

export function insertUnavailability(db: Db, u: UnavailabilityRecord): void {
  prepare(
    db,
    `INSERT INTO unavailabilities (${columns})
     VALUES (@id, @resourceId, @kind, @reason, @quantity, @start, @end, @allDay, @startDate, @endDate, @createdAt,
       @bookingId, @untilRestored)`,
  ).run({ ...u, allDay: u.allDay ? 1 : 0, untilRestored: u.untilRestored ? 1 : 0 })
}

export function getUnavailability(db: Db, id: string): UnavailabilityRecord | undefined {
  const row = prepare<[string], DbUnavailability>(
    db,
    `SELECT ${columns} FROM unavailabilities WHERE id = ?`,
  ).get(id)
  return row && toRecord(row)
}

/** Ends an open-ended unavailability at `end` (epoch ms): the units are lendable again from then. */
export function endUnavailability(db: Db, id: string, end: number): void {
  prepare(db, 'UPDATE unavailabilities SET end_ms = ?, until_restored = 0 WHERE id = ?').run(end, id)
}

export function deleteUnavailability(db: Db, id: string): void {
  prepare(db, 'DELETE FROM unavailabilities WHERE id = ?').run(id)
}

/** Unavailabilities overlapping `[from, to)` (epoch ms), of one resource or all, by start. */
export function listUnavailabilities(
  db: Db,
  filter: { readonly resourceId?: string | undefined; readonly from: number; readonly to: number },
): UnavailabilityRecord[] {
  return prepare<Record<string, string | number | null>, DbUnavailability>(
    db,
    `SELECT ${columns} FROM unavailabilities
     WHERE start_ms < @to AND end_ms > @from AND (@resourceId IS NULL OR resource_id = @resourceId)
     ORDER BY start_ms, id`,
  )
    .all({ from: filter.from, to: filter.to, resourceId: filter.resourceId ?? null })
    .map(toRecord)
}
