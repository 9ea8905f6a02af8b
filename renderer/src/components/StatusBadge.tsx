import type { BookingStatus } from '../../../shared/domain/types'
import { bookingStatusLabel } from '../lib/labels'

/** A booking status in French, coloured by status. */
export function StatusBadge({ status }: { readonly status: BookingStatus }) {
  return <span className={`badge badge--${status}`}>{bookingStatusLabel(status)}</span>
}
