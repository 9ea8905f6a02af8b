/**
 * The hub's request inbox (`bookings.inbox`): pending requests in the order they arrived (first come,
 * first served), and what each one competes with, in French. Pure, no DOM.
 */
import type { InboxEntry } from '../../../../shared/domain/lifecycle'
import type { Booking } from '../../../../shared/domain/types'
import { formatInstantFr } from '../../../../shared/time'

/** Oldest request first (`createdAt`), then by reference; only the bookings still `requested`. */
export function sortInbox(entries: readonly InboxEntry[]): InboxEntry[] {
  return entries
    .filter((entry) => entry.booking.status === 'requested')
    .sort(
      (a, b) =>
        a.booking.createdAt.localeCompare(b.booking.createdAt) ||
        a.booking.reference.localeCompare(b.booking.reference),
    )
}

/** `Demandée le 14/05/2027 08:30` (Europe/Paris). */
export function requestedAt(booking: Pick<Booking, 'createdAt'>): string {
  const ms = Date.parse(booking.createdAt)
  return Number.isNaN(ms) ? '' : `Demandée le ${formatInstantFr(ms)}`
}

/** How an entry stands: `blocked` (an approval would be refused now), `competing`, or `clear`. */
export type EntryState = 'blocked' | 'competing' | 'clear'

export function entryState(entry: InboxEntry): EntryState {
  if (entry.conflicts.length > 0 || entry.qualificationIssues.length > 0 || entry.problem) return 'blocked'
  return entry.competing.length > 0 ? 'competing' : 'clear'
}

/** The competing requests that arrived before this one (they are served first). */
export function earlierCompeting(entry: InboxEntry): Booking[] {
  return entry.competing.filter(
    (other) => other.status === 'requested' && other.createdAt.localeCompare(entry.booking.createdAt) < 0,
  )
}

/** The sidebar's figure: `3`, or `99+` beyond 99; '' when none is pending. */
export function countBadge(count: number): string {
  if (count <= 0) return ''
  return count > 99 ? '99+' : String(count)
}
