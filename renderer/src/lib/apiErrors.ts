/**
 * Reading the `details` of API errors (shared/errors.ts): field issues of INVALID_INPUT and the
 * conflicts of CONFLICT. `details` is `unknown` on the wire, so it is checked, not cast blindly.
 */
import type { Booking, Conflict } from '../../../shared/domain/types'
import type { ApiError, FieldIssue } from '../../../shared/errors'

/** The `details.issues` of an INVALID_INPUT error; empty for other errors. */
export function fieldIssues(error: ApiError): FieldIssue[] {
  const details = error.details
  if (typeof details !== 'object' || details === null || !('issues' in details)) return []
  const issues = details.issues
  if (!Array.isArray(issues)) return []
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return []
    const { path, message } = issue as { path?: unknown; message?: unknown }
    if (typeof message !== 'string') return []
    const dotted = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : ''
    return [{ path: dotted, message }]
  })
}

/**
 * Issues keyed by their dotted path (`title`, `items.0.quantity`), the first message of each path
 * kept. Issues without a path are under `''`.
 */
export function issuesByPath(error: ApiError): Record<string, string> {
  const byPath: Record<string, string> = {}
  for (const issue of fieldIssues(error)) byPath[issue.path] ??= issue.message
  return byPath
}

/** The `details.conflicts` of a CONFLICT error; empty for other errors. */
export function errorConflicts(error: ApiError): Conflict[] {
  const details = error.details
  if (typeof details !== 'object' || details === null || !('conflicts' in details)) return []
  const conflicts = details.conflicts
  return Array.isArray(conflicts) ? (conflicts as Conflict[]) : []
}

/** Shown above a form when every issue of an INVALID_INPUT error sits next to its field. */
export const CHECK_FIELDS_MESSAGE =
  'Certains champs sont à corriger : voyez les messages en rouge sous les champs.'

/**
 * The message for the top of a form: the API's own message, unless every field issue is shown
 * next to a field the form displays (then a short pointer to them, without internal field names).
 */
export function formMessage(error: ApiError, isShown: (path: string) => boolean): string {
  const issues = fieldIssues(error)
  if (error.code === 'INVALID_INPUT' && issues.length > 0 && issues.every((i) => isShown(i.path))) {
    return CHECK_FIELDS_MESSAGE
  }
  return error.message
}

/**
 * The `details.bookings` of a CONFLICT error (an archive refused because of future bookings);
 * empty for other errors. Entries without an id and a reference are left out.
 */
export function errorBookings(error: ApiError): Booking[] {
  const details = error.details
  if (typeof details !== 'object' || details === null || !('bookings' in details)) return []
  const bookings = details.bookings
  if (!Array.isArray(bookings)) return []
  return bookings.filter(
    (b: unknown): b is Booking =>
      typeof b === 'object' &&
      b !== null &&
      typeof (b as { id?: unknown }).id === 'string' &&
      typeof (b as { reference?: unknown }).reference === 'string',
  )
}
