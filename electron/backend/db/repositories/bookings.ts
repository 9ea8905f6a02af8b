import type {
  BookingItem,
  BookingStatus,
  Delivery,
  ProvidedOperator,
  ReturnedItem,
} from '../../../../shared/domain/types'
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
  client_request_id: string | null
  reject_reason: string | null
  operator_name: string | null
  operator_qualification: string | null
  delivery_json: string | null
  series_id: string | null
  checked_out_at_ms: number | null
  checked_out_by: string | null
  check_out_odometer_km: number | null
  check_out_notes: string | null
  returned_at_ms: number | null
  returned_by: string | null
  return_odometer_km: number | null
  return_notes: string | null
}

/** A hand-over or a return as stored: `at` in epoch ms. */
export interface HandOverRecord {
  readonly at: number
  readonly by: string
  readonly odometerKm: number | null
  readonly notes: string
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
  /** The client's idempotency key, if it sent one. */
  readonly clientRequestId: string | null
  readonly rejectReason: string | null
  readonly providedOperator: ProvidedOperator | null
  readonly delivery: Delivery | null
  readonly seriesId: string | null
  readonly checkOut: HandOverRecord | null
  readonly return: HandOverRecord | null
  /** Filled at the return: what came back of each item. */
  readonly returnedItems: readonly ReturnedItem[] | null
}

/** The lifecycle fields of a booking just asked for: no operator, delivery, series, hand-over or return. */
export const freshLifecycle = {
  clientRequestId: null,
  rejectReason: null,
  providedOperator: null,
  delivery: null,
  seriesId: null,
  checkOut: null,
  return: null,
  returnedItems: null,
} as const satisfies Partial<BookingRecord>

const columns = `id, reference, hub_id, commune_id, title, notes, status, start_ms, end_ms, all_day, start_date,
  end_date, cancel_reason, created_at, updated_at, client_request_id, reject_reason, operator_name,
  operator_qualification, delivery_json, series_id, checked_out_at_ms, checked_out_by, check_out_odometer_km,
  check_out_notes, returned_at_ms, returned_by, return_odometer_km, return_notes`

interface DbItem {
  booking_id: string
  resource_id: string
  quantity: number
  returned_quantity: number | null
  damaged_quantity: number | null
}

function itemsByBooking(db: Db, ids: readonly string[]): Map<string, DbItem[]> {
  const rows = prepare<[string], DbItem>(
    db,
    `SELECT booking_id, resource_id, quantity, returned_quantity, damaged_quantity FROM booking_items
       WHERE booking_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  ).all(JSON.stringify(ids))
  const map = new Map<string, DbItem[]>()
  for (const row of rows) {
    const list = map.get(row.booking_id) ?? []
    list.push(row)
    map.set(row.booking_id, list)
  }
  return map
}

function handOver(
  at: number | null,
  by: string | null,
  odometerKm: number | null,
  notes: string | null,
): HandOverRecord | null {
  return at === null ? null : { at, by: by ?? '', odometerKm, notes: notes ?? '' }
}

function withItems(db: Db, rows: DbBooking[]): BookingRecord[] {
  const items = itemsByBooking(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => {
    const rowItems = items.get(row.id) ?? []
    return {
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
      items: rowItems.map((i) => ({ resourceId: i.resource_id, quantity: i.quantity })),
      clientRequestId: row.client_request_id,
      rejectReason: row.reject_reason,
      providedOperator:
        row.operator_name === null
          ? null
          : { name: row.operator_name, qualification: row.operator_qualification ?? '' },
      delivery: row.delivery_json === null ? null : (JSON.parse(row.delivery_json) as Delivery),
      seriesId: row.series_id,
      checkOut: handOver(
        row.checked_out_at_ms,
        row.checked_out_by,
        row.check_out_odometer_km,
        row.check_out_notes,
      ),
      return: handOver(row.returned_at_ms, row.returned_by, row.return_odometer_km, row.return_notes),
      returnedItems:
        row.returned_at_ms === null
          ? null
          : rowItems.map((i) => ({
              resourceId: i.resource_id,
              returnedQuantity: i.returned_quantity ?? i.quantity,
              damagedQuantity: i.damaged_quantity ?? 0,
            })),
    }
  })
}

/** The named parameters of a booking's columns. */
function toParams(b: BookingRecord): Record<string, string | number | null> {
  return {
    id: b.id,
    reference: b.reference,
    hubId: b.hubId,
    communeId: b.communeId,
    title: b.title,
    notes: b.notes,
    status: b.status,
    start: b.start,
    end: b.end,
    allDay: b.allDay ? 1 : 0,
    startDate: b.startDate,
    endDate: b.endDate,
    cancelReason: b.cancelReason,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    clientRequestId: b.clientRequestId,
    rejectReason: b.rejectReason,
    operatorName: b.providedOperator?.name ?? null,
    operatorQualification: b.providedOperator?.qualification ?? null,
    deliveryJson: b.delivery === null ? null : JSON.stringify(b.delivery),
    seriesId: b.seriesId,
    checkedOutAt: b.checkOut?.at ?? null,
    checkedOutBy: b.checkOut?.by ?? null,
    checkOutOdometerKm: b.checkOut?.odometerKm ?? null,
    checkOutNotes: b.checkOut?.notes ?? null,
    returnedAt: b.return?.at ?? null,
    returnedBy: b.return?.by ?? null,
    returnOdometerKm: b.return?.odometerKm ?? null,
    returnNotes: b.return?.notes ?? null,
  }
}

function insertItems(db: Db, booking: BookingRecord): void {
  const insertItem = prepare(
    db,
    `INSERT INTO booking_items (booking_id, resource_id, quantity, returned_quantity, damaged_quantity)
     VALUES (?, ?, ?, ?, ?)`,
  )
  for (const item of booking.items) {
    const returned = booking.returnedItems?.find((r) => r.resourceId === item.resourceId)
    insertItem.run(
      booking.id,
      item.resourceId,
      item.quantity,
      returned?.returnedQuantity ?? null,
      returned?.damagedQuantity ?? null,
    )
  }
}

/** Stores the booking and its items. The caller holds the write transaction. */
export function insertBooking(db: Db, booking: BookingRecord): void {
  prepare(
    db,
    `INSERT INTO bookings (${columns}) VALUES (@id, @reference, @hubId, @communeId, @title, @notes, @status,
      @start, @end, @allDay, @startDate, @endDate, @cancelReason, @createdAt, @updatedAt, @clientRequestId,
      @rejectReason, @operatorName, @operatorQualification, @deliveryJson, @seriesId, @checkedOutAt,
      @checkedOutBy, @checkOutOdometerKm, @checkOutNotes, @returnedAt, @returnedBy, @returnOdometerKm,
      @returnNotes)`,
  ).run(toParams(booking))
  insertItems(db, booking)
}

/**
 * Overwrites a booking's mutable fields (everything but its id, reference, hub, creation and idempotency
 * key) and replaces its items. The caller holds the write transaction.
 */
export function replaceBooking(db: Db, booking: BookingRecord): void {
  const params = toParams(booking)
  prepare(
    db,
    `UPDATE bookings SET commune_id = @communeId, title = @title, notes = @notes, status = @status,
       start_ms = @start, end_ms = @end, all_day = @allDay, start_date = @startDate, end_date = @endDate,
       cancel_reason = @cancelReason, updated_at = @updatedAt, reject_reason = @rejectReason,
       operator_name = @operatorName, operator_qualification = @operatorQualification,
       delivery_json = @deliveryJson, series_id = @seriesId, checked_out_at_ms = @checkedOutAt,
       checked_out_by = @checkedOutBy, check_out_odometer_km = @checkOutOdometerKm,
       check_out_notes = @checkOutNotes, returned_at_ms = @returnedAt, returned_by = @returnedBy,
       return_odometer_km = @returnOdometerKm, return_notes = @returnNotes
     WHERE id = @id`,
  ).run(
    Object.fromEntries(
      Object.entries(params).filter(
        ([k]) => !['reference', 'hubId', 'createdAt', 'clientRequestId'].includes(k),
      ),
    ),
  )
  prepare(db, 'DELETE FROM booking_items WHERE booking_id = ?').run(booking.id)
  insertItems(db, booking)
}

/** The booking stored with this client idempotency key, if any. */
export function getBookingByClientRequestId(db: Db, clientRequestId: string): BookingRecord | undefined {
  const rows = prepare<[string], DbBooking>(
    db,
    `SELECT ${columns} FROM bookings WHERE client_request_id = ?`,
  ).all(clientRequestId)
  return withItems(db, rows)[0]
}

/** Bookings in one status (of one hub, if given), by start: the inbox lists `requested` ones. */
export function listBookingsByStatus(db: Db, status: BookingStatus, hubId: string | null): BookingRecord[] {
  const rows = prepare<[string, string | null, string | null], DbBooking>(
    db,
    `SELECT ${columns} FROM bookings WHERE status = ? AND (? IS NULL OR hub_id = ?)
     ORDER BY created_at, reference`,
  ).all(status, hubId, hubId)
  return withItems(db, rows)
}

/** Handed-out bookings whose end is at or before `now` (epoch ms): the late ones, by end. */
export function listLateBookings(db: Db, now: number): BookingRecord[] {
  const rows = prepare<[number], DbBooking>(
    db,
    `SELECT ${columns} FROM bookings WHERE status = 'checked_out' AND end_ms <= ? ORDER BY end_ms, reference`,
  ).all(now)
  return withItems(db, rows)
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
