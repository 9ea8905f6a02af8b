/**
 * What a secretary sees of other communes' bookings: that the resources are taken (« Réservé »),
 * when, and by which commune — never the title, notes, operator, delivery address, hand-over notes or
 * reasons. Applied by the dispatcher to every result and every error a secretary receives, whatever
 * the method, so that a new method cannot leak by forgetting it.
 *
 * Recognised shapes (by their fields, wherever they are nested: lists, inbox entries, journal
 * `before`/`after`, conflicts inside error details):
 * - a booking (`reference`, `communeId`, `title`, `items`): only the fields in `keptBookingFields`
 *   stay; the title becomes « Réservé », other texts empty, other values null;
 * - a conflict (`resourceName`, `bookingId`, `message`): title « Réservé », and the message no longer
 *   quotes the title;
 * - a logistics task (`bookingId`, `address`): no address.
 */
import { MASKED_TITLE } from '../../../shared/domain/accounts'
import type { ApiError } from '../../../shared/errors'

/** Fields of another commune's booking a secretary keeps: enough to show it as taken, and when. */
const keptBookingFields = new Set([
  'id',
  'reference',
  'status',
  'hubId',
  'communeId',
  'start',
  'end',
  'startMs',
  'endMs',
  'allDay',
  'startDate',
  'endDate',
  'items',
  'seriesId',
  'late',
  'createdAt',
  'updatedAt',
])

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function foreign(record: Json, communeId: string): boolean {
  return typeof record.communeId === 'string' && record.communeId !== communeId
}

function isBooking(record: Json): boolean {
  return (
    typeof record.reference === 'string' &&
    typeof record.title === 'string' &&
    'communeId' in record &&
    Array.isArray(record.items)
  )
}

function isConflict(record: Json): boolean {
  return 'resourceName' in record && 'bookingId' in record && typeof record.message === 'string'
}

function isLogisticsTask(record: Json): boolean {
  return 'bookingId' in record && typeof record.address === 'string' && !('resourceName' in record)
}

/** Walks a result; `titles` collects the titles it hid, so that messages can be cleaned too. */
function walk(value: unknown, communeId: string, titles: Set<string>, depth: number): unknown {
  if (depth > 12) return value
  if (Array.isArray(value)) return value.map((v) => walk(v, communeId, titles, depth + 1))
  if (!isRecord(value)) return value
  if (foreign(value, communeId)) {
    if (isBooking(value)) return maskBooking(value, titles)
    if (isConflict(value)) {
      const title = typeof value.title === 'string' ? value.title : null
      if (title) titles.add(title)
      return {
        ...value,
        title: title === null ? null : MASKED_TITLE,
        message: hideTitles(value.message as string, titles),
      }
    }
    if (isLogisticsTask(value)) return { ...value, address: '' }
  }
  const out: Json = {}
  for (const [key, v] of Object.entries(value)) out[key] = walk(v, communeId, titles, depth + 1)
  return out
}

function maskBooking(booking: Json, titles: Set<string>): Json {
  titles.add(booking.title as string)
  const out: Json = {}
  for (const [key, v] of Object.entries(booking)) {
    if (key === 'title') out[key] = MASKED_TITLE
    else if (key === 'items' && Array.isArray(v)) {
      out[key] = v.map((item: unknown) =>
        isRecord(item) ? { resourceId: item.resourceId, quantity: item.quantity } : item,
      )
    } else if (keptBookingFields.has(key) || typeof v === 'boolean') out[key] = v
    else if (typeof v === 'string') out[key] = ''
    else if (Array.isArray(v)) out[key] = []
    else out[key] = null
  }
  return out
}

/** Replaces each hidden title quoted « like this » in a French message by « Réservé ». */
function hideTitles(message: string, titles: ReadonlySet<string>): string {
  let text = message
  for (const title of titles) text = text.split(`« ${title} »`).join(`« ${MASKED_TITLE} »`)
  return text
}

/**
 * A result as a secretary of `communeId` may see it (see the module comment). The value given is
 * not changed; a new one is returned.
 */
export function maskResult<T>(value: T, communeId: string): T {
  return walk(value, communeId, new Set(), 0) as T
}

/** An error as a secretary of `communeId` may see it: its details masked, its message cleaned. */
export function maskError(error: ApiError, communeId: string): ApiError {
  const titles = new Set<string>()
  const details = walk(error.details, communeId, titles, 0)
  return {
    ...error,
    message: hideTitles(error.message, titles),
    ...(details === undefined ? {} : { details }),
  }
}
