import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { StatusBadge } from '../../components/StatusBadge'
import { formatPeriodShort } from '../../lib/dates'
import { offersCancel } from './model'

interface BookingListProps {
  readonly bookings: readonly Booking[]
  readonly communesById: ReadonlyMap<string, Commune>
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly onCancel: (booking: Booking) => void
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
                <button
                  type="button"
                  className="link-button mono"
                  title="Voir dans le calendrier"
                  onClick={() => onShowInCalendar(b)}
                >
                  {b.reference}
                </button>
              </th>
              <td>{communesById.get(b.communeId)?.name ?? '—'}</td>
              <td className="cell-title">
                {b.title}
                {b.cancelReason ? <div className="cell-sub">Motif : {b.cancelReason}</div> : null}
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
                <StatusBadge status={b.status} />
              </td>
              <td className="actions-col">
                {offersCancel(b.status) ? (
                  <button
                    type="button"
                    className="button button--small button--ghost-danger"
                    aria-label={`Annuler ${b.reference}`}
                    onClick={() => onCancel(b)}
                  >
                    Annuler
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
