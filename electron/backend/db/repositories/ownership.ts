/**
 * Which commune a booking or a series belongs to: what the rights check needs to keep a secretary to
 * her own commune (electron/backend/auth/scopes.ts).
 */
import { prepare, type Db } from '../connection'

/** The commune of a booking, or null when it does not exist. */
export function bookingCommuneId(db: Db, bookingId: string): string | null {
  return (
    prepare<[string], { commune_id: string }>(db, 'SELECT commune_id FROM bookings WHERE id = ?').get(
      bookingId,
    )?.commune_id ?? null
  )
}

/** The communes of a series' bookings (one, normally); empty when the series has none. */
export function seriesCommuneIds(db: Db, seriesId: string): string[] {
  return prepare<[string], { commune_id: string }>(
    db,
    'SELECT DISTINCT commune_id FROM bookings WHERE series_id = ?',
  )
    .all(seriesId)
    .map((row) => row.commune_id)
}
