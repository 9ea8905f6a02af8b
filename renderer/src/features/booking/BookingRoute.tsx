import { EmptyState } from '../../components/Feedback'
import { hashOf, useNavigation } from '../../stores/navigation'
import { BookingPage } from './BookingPage'

/** `#/reservation/<id>` shows a booking's page; without an id, where to find one. */
export function BookingRoute() {
  const bookingId = useNavigation((s) => s.params.path[0] ?? null)
  if (bookingId) return <BookingPage key={bookingId} bookingId={bookingId} />
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Réservation</h1>
      <EmptyState title="Aucune réservation choisie.">
        <p>
          Ouvrez une réservation depuis la <a href={hashOf('reservations')}>liste des réservations</a>, le
          calendrier ou le planning.
        </p>
      </EmptyState>
    </section>
  )
}
