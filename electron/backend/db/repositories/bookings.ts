import type { BookingItem, BookingStatus } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

interface DbBooking {
  id: string
  reference: string
  hub_id: string
  commune_id: string
  title: string
  notes: string
  status: BookingStatus
  start_ms: number
  end_ms: number
  all_day: number
  start_date: string | null
  end_date: string | null
  cancel_reason: string | null
  created_at: string
  updated_at: string
}

/** A booking as stored: instants in epoch ms. */
export interface BookingRecord {
  readonly id: string
  readonly reference: string
  readonly hubId: string
  readonly communeId: string
  readonly title: string
  readonly notes: string
  readonly status: BookingStatus
  readonly start: number
  readonly end: number
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
  readonly cancelReason: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly items: readonly BookingItem[]
}

const columns = `id, reference, hub_id, commune_id, title, notes, status, start_ms, end_ms, all_day, start_date,
  end_date, cancel_reason, created_at, updated_at`

function itemsByBooking(db: Db, ids: readonly string[]): Map<string, BookingItem[]> {
  const rows = prepare<[string], { booking_id: string; resource_id: string; quantity: number }>(
    db,
    `SELECT booking_id, resource_id, quantity FROM booking_items
       WHERE booking_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  ).all(JSON.stringify(ids))
  const map = new Map<string, BookingItem[]>()
  for (const row of rows) {
    const list = map.get(row.booking_id) ?? []
    list.push({ resourceId: row.resource_id, quantity: row.quantity })
    map.set(row.booking_id, list)
  }
  return map
}

function withItems(db: Db, rows: DbBooking[]): BookingRecord[] {
  const items = itemsByBooking(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    hubId: row.hub_id,
    communeId: row.commune_id,
    title: row.title,
    notes: row.notes,
    status: row.status,
    start: row.start_ms,
    end: row.end_ms,
    allDay: row.all_day === 1,
    startDate: row.start_date,
    endDate: row.end_date,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    items: items.get(row.id) ?? [],
  }))
}

/** Stores the booking and its items. The caller holds the write transaction. */
export function insertBooking(db: Db, booking: BookingRecord): void {
  prepare(
    db,
    `INSERT INTO bookings (${columns}) VALUES (@id, @reference, @hubId, @communeId, @title, @notes, @status,
      @start, @end, @allDay, @startDate, @endDate, @cancelReason, @createdAt, @updatedAt)`,
  ).run({ ...booking, allDay: booking.allDay ? 1 : 0, items: undefined })
  const insertItem = prepare(
    db,
    'INSERT INTO booking_items (booking_id, resource_id, quantity) VALUES (?, ?, ?)',
  )
  for (const item of booking.items) insertItem.run(booking.id, item.resourceId, item.quantity)
}

/** Overwrites a booking's fields and replaces its items. The caller holds the write transaction. */
export function replaceBooking(db: Db, booking: BookingRecord): void {
  prepare(
    db,
    `UPDATE bookings SET commune_id = @communeId, title = @title, notes = @notes, status = @status,
       start_ms = @start, end_ms = @end, all_day = @allDay, start_date = @startDate, end_date = @endDate,
       cancel_reason = @cancelReason, updated_at = @updatedAt
     WHERE id = @id`,
  ).run({ ...booking, allDay: booking.allDay ? 1 : 0, items: undefined })
  prepare(db, 'DELETE FROM booking_items WHERE booking_id = ?').run(booking.id)
  const insertItem = prepare(
    db,
    'INSERT INTO booking_items (booking_id, resource_id, quantity) VALUES (?, ?, ?)',
  )
  for (const item of booking.items) insertItem.run(booking.id, item.resourceId, item.quantity)
}

export function getBooking(db: Db, id: string): BookingRecord | undefined {
  const rows = prepare<[string], DbBooking>(db, `SELECT ${columns} FROM bookings WHERE id = ?`).all(id)
  return withItems(db, rows)[0]
}

/** Filters of `listBookings`: bookings overlapping `[from, to)` (epoch ms). */
export interface BookingFilter {
  readonly from: number
  readonly to: number
  readonly communeId?: string | undefined
  readonly resourceId?: string | undefined
  readonly status?: BookingStatus | undefined
}

/** Bookings overlapping the window, by start then reference. */
export function listBookings(db: Db, filter: BookingFilter): BookingRecord[] {
  const rows = prepare<Record<string, string | number | null>, DbBooking>(
    db,
    `SELECT ${columns} FROM bookings b
       WHERE b.start_ms < @to AND b.end_ms > @from
         -- The longest booking bounds how early an overlapping one can start: a range scan on start_ms.
         AND b.start_ms > @from - (SELECT coalesce(max(end_ms - start_ms), 0) FROM bookings)
         AND (@communeId IS NULL OR b.commune_id = @communeId)
         AND (@status IS NULL OR b.status = @status)
         AND (@resourceId IS NULL OR EXISTS (
               SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.resource_id = @resourceId))
       ORDER BY b.start_ms, b.reference`,
  ).all({
    from: filter.from,
    to: filter.to,
    communeId: filter.communeId ?? null,
    status: filter.status ?? null,
    resourceId: filter.resourceId ?? null,
  })
  return withItems(db, rows)
}

/** Sets a new status (and a cancellation reason, if any). */
export function updateBookingStatus(
  db: Db,
  id: string,
  status: BookingStatus,
  cancelReason: string | null,
  updatedAt: string,
): void {
  prepare(db, 'UPDATE bookings SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?').run(
    status,
    cancelReason,
    updatedAt,
    id,
  )
}

/**
 * Takes the next number of `year` and returns the human reference `RES-2027-0042`.
 * Must run inside the write transaction that stores the booking, so two writers never share a number.
 */
export function nextBookingReference(db: Db, year: number): string {
  const row = prepare<[number], { last_number: number }>(
    db,
    `INSERT INTO booking_references (year, last_number) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number`,
  ).get(year)
  if (!row) throw new Error('Numérotation des réservations impossible.')
  return `RES-${year}-${String(row.last_number).padStart(4, '0')}`
}

/**
 * Bookings holding this resource (requested, approved or checked out) that end after `after`
 * (epoch ms), by start: the ones an archive or a stock reduction would strand.
 */
export function listBlockingBookingsOfResource(db: Db, resourceId: string, after: number): BookingRecord[] {
  const rows = prepare<[number, string], DbBooking>(
    db,
    `SELECT ${columns} FROM bookings b
     WHERE b.end_ms > ? AND b.status IN ('requested', 'approved', 'checked_out')
       AND EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.resource_id = ?)
     ORDER BY b.start_ms, b.reference`,
  ).all(after, resourceId)
  return withItems(db, rows)
}

/** Bookings of a resource that are not upcoming blocking ones (past, cancelled…), latest first. */
export function listOtherBookingsOfResource(
  db: Db,
  resourceId: string,
  now: number,
  limit = 200,
): BookingRecord[] {
  const rows = prepare<[string, number, number], DbBooking>(
    db,
    `SELECT ${columns} FROM bookings b
     WHERE EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.resource_id = ?)
       AND NOT (b.end_ms > ? AND b.status IN ('requested', 'approved', 'checked_out'))
     ORDER BY b.start_ms DESC, b.reference DESC LIMIT ?`,
  ).all(resourceId, now, limit)
  return withItems(db, rows)
}
