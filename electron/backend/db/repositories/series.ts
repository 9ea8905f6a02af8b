import type { BookingStatus } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

interface DbSeries {
  id: string
  rule: string
  exception_dates: string
  client_request_id: string | null
  created_at: string
}

/** A stored series: its RFC 5545 rule as given, its exception dates (local `YYYY-MM-DD`). */
export interface SeriesRecord {
  readonly id: string
  readonly rule: string
  readonly exceptionDates: readonly string[]
  /** The client's idempotency key, if it sent one. */
  readonly clientRequestId: string | null
  /** ISO 8601 UTC. */
  readonly createdAt: string
}

/** One booking of a series, as much as cancelling from a date needs. */
export interface SeriesBookingRow {
  readonly id: string
  /** Epoch ms. */
  readonly start: number
  readonly status: BookingStatus
}

function fromRow(row: DbSeries): SeriesRecord {
  return {
    id: row.id,
    rule: row.rule,
    exceptionDates: JSON.parse(row.exception_dates) as string[],
    clientRequestId: row.client_request_id,
    createdAt: row.created_at,
  }
}

/** Stores a series row. The caller holds the write transaction; its bookings point to it afterwards. */
export function insertSeries(db: Db, series: SeriesRecord): void {
  prepare(
    db,
    `INSERT INTO series (id, rule, exception_dates, client_request_id, created_at)
     VALUES (@id, @rule, @exceptionDates, @clientRequestId, @createdAt)`,
  ).run({ ...series, exceptionDates: JSON.stringify(series.exceptionDates) })
}

export function getSeries(db: Db, id: string): SeriesRecord | undefined {
  const row = prepare<[string], DbSeries>(
    db,
    'SELECT id, rule, exception_dates, client_request_id, created_at FROM series WHERE id = ?',
  ).get(id)
  return row && fromRow(row)
}

/** The series made by an earlier request with this idempotency key, if any. */
export function getSeriesByClientRequestId(db: Db, clientRequestId: string): SeriesRecord | undefined {
  const row = prepare<[string], DbSeries>(
    db,
    'SELECT id, rule, exception_dates, client_request_id, created_at FROM series WHERE client_request_id = ?',
  ).get(clientRequestId)
  return row && fromRow(row)
}

/** The bookings of a series, whatever their status, by start. */
export function listSeriesBookings(db: Db, seriesId: string): SeriesBookingRow[] {
  return prepare<[string], SeriesBookingRow>(
    db,
    `SELECT id, start_ms AS start, status FROM bookings WHERE series_id = ? ORDER BY start_ms, reference`,
  ).all(seriesId)
}
