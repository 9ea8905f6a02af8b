import type { Booking, Commune } from '../../../shared/domain/types'
import { formatPeriodShort } from '../lib/dates'
import { StatusBadge } from './StatusBadge'

interface BookingBriefListProps {
  readonly bookings: readonly Booking[]
  readonly communesById: ReadonlyMap<string, Commune>
  readonly testId?: string
}

/**
 * Bookings named in a warning or a refusal, one line each: reference, commune, « objet », period
 * (Europe/Paris) and status. Display only.
 */
export function BookingBriefList({ bookings, communesById, testId }: BookingBriefListProps) {
  return (
    <ul className="booking-brief" data-testid={testId}>
      {bookings.map((b) => (
        <li key={b.id} className="booking-brief__item" data-reference={b.reference}>
          <span className="mono booking-brief__ref">{b.reference}</span>
          <span className="booking-brief__commune">
            {communesById.get(b.communeId)?.name ?? 'Commune inconnue'}
          </span>
          <span className="booking-brief__title">« {b.title} »</span>
          <span className="nowrap">{formatPeriodShort(b)}</span>
          <StatusBadge status={b.status} />
        </li>
      ))}
    </ul>
  )
}
