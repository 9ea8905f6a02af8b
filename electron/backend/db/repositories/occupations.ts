import type { Occupation } from '../../../../shared/availability'
import { blockingStatuses } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

interface DbBookingOccupation {
  resource_id: string
  quantity: number
  start_ms: number
  end_ms: number
  all_day: number
  start_date: string | null
  end_date: string | null
  booking_id: string
  reference: string
  commune_id: string
  commune_name: string
  title: string
}

const selectBookingOccupations = `SELECT i.resource_id, i.quantity, b.start_ms, b.end_ms, b.all_day, b.start_date,
  b.end_date, b.id AS booking_id, b.reference, b.commune_id, c.name AS commune_name, b.title`

interface DbUnavailabilityOccupation {
  id: string
  resource_id: string
  quantity: number
  start_ms: number
  end_ms: number
  all_day: number
  start_date: string | null
  end_date: string | null
  reason: string
}

/**
 * Blocking occupations (items of bookings in a blocking status, and unavailabilities) of the given
 * resources that overlap `[from, to)` in epoch ms. `ignoreBookingId` leaves one booking out (the one
 * being edited). Callers widen the window by the resources' buffers.
 */
export function listOccupations(
  db: Db,
  resourceIds: readonly string[] | 'all',
  from: number,
  to: number,
  ignoreBookingId: string | null = null,
): Occupation[] {
  const params = { from, to, ignore: ignoreBookingId, statuses: JSON.stringify(blockingStatuses) }
  const bookings =
    resourceIds === 'all'
      ? prepare<Record<string, string | number | null>, DbBookingOccupation>(
          db,
          // The longest booking bounds how early an overlapping one can start: a range scan on start_ms.
          `${selectBookingOccupations}
             FROM bookings b
             JOIN booking_items i ON i.booking_id = b.id
             JOIN communes c ON c.id = b.commune_id
             WHERE b.start_ms < @to
               AND b.start_ms > @from - (SELECT coalesce(max(end_ms - start_ms), 0) FROM bookings)
               AND b.end_ms > @from
               AND b.status IN (SELECT value FROM json_each(@statuses))
               AND (@ignore IS NULL OR b.id <> @ignore)`,
        ).all(params)
      : prepare<Record<string, string | number | null>, DbBookingOccupation>(
          db,
          // Driven by the requested resources (CROSS JOIN fixes the order): a few index lookups each.
          `${selectBookingOccupations}
             FROM json_each(@ids) r
             CROSS JOIN booking_items i ON i.resource_id = r.value
             CROSS JOIN bookings b ON b.id = i.booking_id
             JOIN communes c ON c.id = b.commune_id
             WHERE b.start_ms < @to AND b.end_ms > @from
               AND b.status IN (SELECT value FROM json_each(@statuses))
               AND (@ignore IS NULL OR b.id <> @ignore)`,
        ).all({ ...params, ids: JSON.stringify(resourceIds) })
  const ids = resourceIds === 'all' ? null : JSON.stringify(resourceIds)
  // Deliveries and pick-ups occupy their vehicle and agents while their booking holds its items.
  const tasks = prepare<Record<string, string | number | null>, DbBookingOccupation>(
    db,
    `SELECT tr.resource_id, 1 AS quantity, t.start_ms, t.end_ms, 0 AS all_day, NULL AS start_date,
            NULL AS end_date, b.id AS booking_id, b.reference, b.commune_id, c.name AS commune_name,
            CASE t.kind WHEN 'delivery' THEN 'Livraison : ' ELSE 'Reprise : ' END || b.title AS title
       FROM logistics_tasks t
       JOIN logistics_task_resources tr ON tr.task_id = t.id
       JOIN bookings b ON b.id = t.booking_id
       JOIN communes c ON c.id = b.commune_id
       WHERE t.start_ms < @to AND t.end_ms > @from
         AND (@ids IS NULL OR tr.resource_id IN (SELECT value FROM json_each(@ids)))
         AND b.status IN (SELECT value FROM json_each(@statuses))
         AND (@ignore IS NULL OR b.id <> @ignore)`,
  ).all({ ...params, ids })
  const unavailabilities = prepare<Record<string, string | number | null>, DbUnavailabilityOccupation>(
    db,
    `SELECT id, resource_id, quantity, start_ms, end_ms, all_day, start_date, end_date, reason
       FROM unavailabilities
       WHERE start_ms < @to AND end_ms > @from
         AND (@ids IS NULL OR resource_id IN (SELECT value FROM json_each(@ids)))`,
  ).all({ from, to, ids })
  return [
    ...[...bookings, ...tasks].map((r): Occupation => ({
      resourceId: r.resource_id,
      quantity: r.quantity,
      start: r.start_ms,
      end: r.end_ms,
      allDay: r.all_day === 1,
      startDate: r.start_date,
      endDate: r.end_date,
      source: {
        type: 'booking',
        bookingId: r.booking_id,
        reference: r.reference,
        communeId: r.commune_id,
        communeName: r.commune_name,
        title: r.title,
      },
    })),
    ...unavailabilities.map((r): Occupation => ({
      resourceId: r.resource_id,
      quantity: r.quantity,
      start: r.start_ms,
      end: r.end_ms,
      allDay: r.all_day === 1,
      startDate: r.start_date,
      endDate: r.end_date,
      source: { type: 'unavailability', unavailabilityId: r.id, reason: r.reason },
    })),
  ]
}
