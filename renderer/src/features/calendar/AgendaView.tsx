import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { EmptyState } from '../../components/Feedback'
import { StatusBadge } from '../../components/StatusBadge'
import { formatLocalDatePattern, formatPeriodShort } from '../../lib/dates'
import { itemLabel } from '../bookings/BookingList'
import type { LookOf } from './EventChip'
import type { AgendaDay } from './model'

interface AgendaViewProps {
  readonly days: readonly AgendaDay<Booking>[]
  /** `Mai 2027`, for the empty state. */
  readonly title: string
  readonly today: string
  readonly holidays: ReadonlyMap<string, string>
  readonly communesById: ReadonlyMap<string, Commune>
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly onSelect: (booking: Booking) => void
  readonly lookOf?: LookOf | undefined
}

/**
 * Agenda: the month's bookings as a list grouped by day (a loan under its first day), each with its
 * period (Europe/Paris), reference, title, commune, items and status. Display only.
 */
export function AgendaView({
  days,
  title,
  today,
  holidays,
  communesById,
  resourcesById,
  onSelect,
  lookOf,
}: AgendaViewProps) {
  if (days.length === 0) {
    return (
      <div className="agenda agenda--empty" data-testid="agenda">
        <EmptyState title={`Aucune réservation en ${title.toLowerCase()}.`}>
          <p>Changez de mois ou de commune, ou réservez depuis la page Réservations.</p>
        </EmptyState>
      </div>
    )
  }
  return (
    <div className="agenda" data-testid="agenda">
      {days.map(({ date, bookings }) => {
        const holiday = holidays.get(date)
        return (
          <section
            key={date}
            className={`agenda__day${date === today ? ' is-today' : ''}`}
            data-testid="agenda-day"
            data-date={date}
            aria-labelledby={`agenda-${date}`}
          >
            <h3 id={`agenda-${date}`} className="agenda__date">
              <span className="agenda__weekday">{formatLocalDatePattern(date, 'EEEE')}</span>{' '}
              {formatLocalDatePattern(date, 'd MMMM yyyy')}
              {date === today ? <span className="agenda__tag">Aujourd’hui</span> : null}
              {holiday ? <span className="agenda__tag agenda__tag--holiday">Férié : {holiday}</span> : null}
            </h3>
            <ul className="agenda__list">
              {bookings.map((booking) => {
                const look = lookOf?.(booking) ?? null
                return (
                  <li
                    key={booking.id}
                    className={`agenda__item agenda__item--${booking.status}`}
                    data-testid="agenda-item"
                    data-reference={booking.reference}
                  >
                    <span className="agenda__period">
                      {booking.allDay ? <span className="agenda__allday">Journée</span> : null}
                      {formatPeriodShort(booking)}
                    </span>
                    <span className="agenda__main">
                      <button
                        type="button"
                        className="link-button mono"
                        onClick={() => onSelect(booking)}
                        aria-label={`Réservation ${booking.reference}`}
                      >
                        {booking.reference}
                      </button>{' '}
                      <span className="agenda__title">{booking.title}</span>
                      <span className="agenda__items">
                        {booking.items.map((item) => itemLabel(item, resourcesById)).join(' · ')}
                      </span>
                    </span>
                    <span className="agenda__commune">
                      {look && look.colorIndex !== null ? (
                        <span className={`commune-dot commune-color-${look.colorIndex}`} aria-hidden="true" />
                      ) : null}
                      {communesById.get(booking.communeId)?.name ?? '—'}
                    </span>
                    <span className="agenda__status">
                      <StatusBadge status={booking.status} />
                    </span>
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
