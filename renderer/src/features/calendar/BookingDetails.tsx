import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { StatusBadge } from '../../components/StatusBadge'
import { formatPeriodShort } from '../../lib/dates'
import { bookingHash } from '../booking/model'
import { itemLabel } from '../bookings/BookingList'

interface BookingDetailsProps {
  readonly booking: Booking
  readonly communesById: ReadonlyMap<string, Commune>
  readonly resourcesById: ReadonlyMap<string, Resource>
  /** Called when « Ouvrir la réservation » is followed (the caller closes its dialog). */
  readonly onOpen?: () => void
}

/** A booking's details, shown when a calendar event is clicked, with the link to its page. */
export function BookingDetails({ booking, communesById, resourcesById, onOpen }: BookingDetailsProps) {
  return (
    <>
      <dl className="details">
        <dt>Référence</dt>
        <dd className="mono">{booking.reference}</dd>
        <dt>Statut</dt>
        <dd>
          <StatusBadge status={booking.status} />
        </dd>
        <dt>Commune</dt>
        <dd>{communesById.get(booking.communeId)?.name ?? '—'}</dd>
        <dt>Objet</dt>
        <dd>{booking.title}</dd>
        <dt>Période</dt>
        <dd>{formatPeriodShort(booking)}</dd>
        <dt>Ressources</dt>
        <dd>
          <ul className="plain-list">
            {booking.items.map((item) => (
              <li key={item.resourceId}>{itemLabel(item, resourcesById)}</li>
            ))}
          </ul>
        </dd>
        {booking.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre-line">{booking.notes}</dd>
          </>
        ) : null}
        {booking.cancelReason ? (
          <>
            <dt>Motif d’annulation</dt>
            <dd>{booking.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a className="button" href={bookingHash(booking.id)} onClick={onOpen}>
          Ouvrir la réservation
        </a>
      </p>
    </>
  )
}
