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
}

export function insertUnavailability(db: Db, u: UnavailabilityRecord): void {
  prepare(
    db,
    `INSERT INTO unavailabilities (id, resource_id, kind, reason, quantity, start_ms, end_ms, all_day, start_date,
       end_date, created_at)
     VALUES (@id, @resourceId, @kind, @reason, @quantity, @start, @end, @allDay, @startDate, @endDate, @createdAt)`,
  ).run({ ...u, allDay: u.allDay ? 1 : 0 })
}
