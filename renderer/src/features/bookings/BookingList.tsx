import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { formatPeriodShort } from '../../lib/dates'
import { bookingHash } from '../booking/model'
import { LifecycleBadge } from '../booking/parts'
import { offersCancel } from './model'

interface BookingListProps {
  readonly bookings: readonly Booking[]
  readonly communesById: ReadonlyMap<string, Commune>
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly onCancel: (booking: Booking) => void
  /** Whether the person may cancel this booking (role, and a secretary's own commune); all by default. */
  readonly mayCancel?: (booking: Booking) => boolean
  readonly onShowInCalendar: (booking: Booking) => void
}

const numberFr = new Intl.NumberFormat('fr-FR')

/** "Chaises pliantes × 80" for stock lines, the name alone for unit resources. */
export function itemLabel(
  item: Booking['items'][number],
  resourcesById: ReadonlyMap<string, Resource>,
): string {
  const resource = resourcesById.get(item.resourceId)
  const name = resource?.name ?? 'Ressource inconnue'
  return resource?.tracking === 'stock' ? `${name} × ${numberFr.format(item.quantity)}` : name
}

/** A period on one or two lines, each end kept whole (`05/12/2026 07:30 –` / `06/12/2026 17:30`). */
export function PeriodText({ booking }: { readonly booking: Booking }) {
  const [first, second] = formatPeriodShort(booking).split(' – ')
  return second ? (
    <span className="period-text">
      <span className="nowrap">{first} –</span> <span className="nowrap">{second}</span>
    </span>
  ) : (
    <span className="nowrap">{first}</span>
  )
}

/** The bookings table. Display only. */
export function BookingList({
  bookings,
  communesById,
  resourcesById,
  onCancel,
  mayCancel = () => true,
  onShowInCalendar,
}: BookingListProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Référence</th>
            <th scope="col">Commune</th>
            <th scope="col">Objet</th>
            <th scope="col">Période</th>
            <th scope="col">Ressources</th>
            <th scope="col">Statut</th>
            <th scope="col" className="actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((b) => (
            <tr
              key={b.id}
              data-testid="booking-row"
              data-reference={b.reference}
              className={b.status === 'cancelled' || b.status === 'rejected' ? 'is-inactive' : undefined}
            >
              <th scope="row" className="nowrap">
                <a className="mono" href={bookingHash(b.id)} title="Ouvrir la réservation">
                  {b.reference}
                </a>
              </th>
              <td>{communesById.get(b.communeId)?.name ?? '—'}</td>
              <td className="cell-title">
                {b.title}
                {b.cancelReason ? <div className="cell-sub">Motif : {b.cancelReason}</div> : null}
                {b.rejectReason ? <div className="cell-sub">Refusée : {b.rejectReason}</div> : null}
              </td>
              <td>
                <PeriodText booking={b} />
              </td>
              <td className="cell-resources">
                <ul className="plain-list">
                  {b.items.map((item) => (
                    <li key={item.resourceId}>{itemLabel(item, resourcesById)}</li>
                  ))}
                </ul>
              </td>
              <td>
                <LifecycleBadge booking={b} />
              </td>
              <td className="actions-col">
                <div className="lc-row-actions">
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Afficher ${b.reference} dans le calendrier`}
                    onClick={() => onShowInCalendar(b)}
                  >
                    Calendrier
                  </button>
                  {offersCancel(b.status) && mayCancel(b) ? (
                    <button
                      type="button"
                      className="button button--small button--ghost-danger"
                      aria-label={`Annuler ${b.reference}`}
                      onClick={() => onCancel(b)}
                    >
                      Annuler
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
