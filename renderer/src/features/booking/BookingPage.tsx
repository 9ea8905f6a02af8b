import { useEffect, useMemo } from 'react'
import { formatInstantFr } from '../../../../shared/time'
import { Loading, LoadError } from '../../components/Feedback'
import { formatPeriodShort } from '../../lib/dates'
import { hashOf } from '../../stores/navigation'
import { byId, useReference } from '../../stores/reference'
import { BookingCostsSection } from '../costs/BookingCostsSection'
import { JournalList } from '../resource/DetailSections'
import { journalLines } from '../resource/model'
import { useBookingActions } from './actions'
import { ActionDialogs } from './ActionDialogs'
import { DeliverySection, HandOverRecord, ItemsTable } from './BookingSections'
import { ActionButtons, ActionNoticeBanner, LifecycleBadge } from './parts'
import { useBookingPage } from './store'
import './booking.css'

/**
 * A booking's page (`#/reservation/<id>`): status, items, hand-over and return, delivery, the actions
 * its status allows, and its journal.
 */
export function BookingPage({ bookingId }: { readonly bookingId: string }) {
  const page = useBookingPage()
  const open = page.open
  const version = useBookingActions((s) => s.version)
  const dismissNotice = useBookingActions((s) => s.dismissNotice)
  const resources = useReference((s) => s.resources)
  const communes = useReference((s) => s.communes)
  const categories = useReference((s) => s.categories)
  const resourcesById = useMemo(() => byId(resources), [resources])
  const communesById = useMemo(() => byId(communes), [communes])
  const categoriesById = useMemo(() => byId(categories), [categories])

  // A message of another page is not this booking's news.
  useEffect(() => {
    dismissNotice()
  }, [dismissNotice, bookingId])
  useEffect(() => {
    void open(bookingId)
  }, [open, bookingId, version])

  const history = page.bookingId === bookingId ? page.history : null
  const journal = useMemo(
    () =>
      history
        ? journalLines(history.journal, {
            categoriesById,
            communesById,
            resourceKind: 'equipment',
            resourcesById,
          })
        : [],
    [history, categoriesById, communesById, resourcesById],
  )
  const back = (
    <a className="rd-back" href={hashOf('reservations')}>
      ← Réservations
    </a>
  )
  if (!history) {
    return (
      <section className="page" aria-labelledby="page-title">
        {back}
        <h1 id="page-title" className="visually-hidden">
          Réservation
        </h1>
        {page.status === 'error' && page.error ? (
          <LoadError message={page.error} onRetry={() => void open(bookingId)} />
        ) : (
          <Loading label="Chargement de la réservation…" />
        )}
      </section>
    )
  }
  const booking = history.booking
  const commune = communesById.get(booking.communeId)?.name ?? 'Commune inconnue'

  return (
    <section
      className="page lc-page"
      aria-labelledby="page-title"
      data-testid="booking-page"
      data-reference={booking.reference}
    >
      {back}
      <header className="card rd-header">
        <div className="rd-header__top">
          <div>
            <p className="rd-header__eyebrow">Réservation · {commune}</p>
            <h1 id="page-title" className="lc-header__title">
              <span className="mono">{booking.reference}</span>
              <LifecycleBadge booking={booking} />
            </h1>
            <p className="lc-header__subtitle">« {booking.title} »</p>
          </div>
          <ActionButtons booking={booking} />
        </div>
        <dl className="rd-attrs">
          <div className="rd-attr">
            <dt>Période</dt>
            <dd className="lc-strong">{formatPeriodShort(booking)}</dd>
          </div>
          <div className="rd-attr">
            <dt>Commune</dt>
            <dd>{commune}</dd>
          </div>
          <div className="rd-attr">
            <dt>Demandée le</dt>
            <dd>{formatInstantFr(Date.parse(booking.createdAt))}</dd>
          </div>
          {booking.seriesId ? (
            <div className="rd-attr">
              <dt>Série</dt>
              <dd>Occurrence d’une série répétée</dd>
            </div>
          ) : null}
          {booking.providedOperator ? (
            <div className="rd-attr">
              <dt>Opérateur de la commune</dt>
              <dd data-testid="provided-operator">
                {booking.providedOperator.name} ({booking.providedOperator.qualification})
              </dd>
            </div>
          ) : null}
          {booking.rejectReason ? (
            <div className="rd-attr rd-attr--wide">
              <dt>Motif du refus</dt>
              <dd data-testid="reject-reason">{booking.rejectReason}</dd>
            </div>
          ) : null}
          {booking.cancelReason ? (
            <div className="rd-attr rd-attr--wide">
              <dt>Motif d’annulation</dt>
              <dd>{booking.cancelReason}</dd>
            </div>
          ) : null}
          {booking.notes ? (
            <div className="rd-attr rd-attr--wide">
              <dt>Notes</dt>
              <dd className="pre-line">{booking.notes}</dd>
            </div>
          ) : null}
        </dl>
        {booking.late ? (
          <p className="lc-late-alert" role="alert">
            En retard : le matériel devait rentrer le {formatInstantFr(Date.parse(booking.end))}.
          </p>
        ) : null}
      </header>

      <ActionNoticeBanner />

      <section className="card" aria-labelledby="items-title">
        <h2 id="items-title" className="card__title">
          Ressources
        </h2>
        <ItemsTable booking={booking} resourcesById={resourcesById} />
      </section>

      <section className="card" aria-labelledby="handover-title">
        <h2 id="handover-title" className="card__title">
          Remise et retour
        </h2>
        <div className="lc-records">
          <HandOverRecord
            title="Sortie"
            record={booking.checkOut}
            testId="booking-checkout"
            emptyText="Pas encore remise."
          />
          <HandOverRecord
            title="Retour"
            record={booking.return}
            testId="booking-return"
            emptyText="Pas encore rendue."
          />
        </div>
      </section>

      <section className="card" aria-labelledby="delivery-title">
        <h2 id="delivery-title" className="card__title">
          Livraison et reprise
        </h2>
        <DeliverySection booking={booking} tasks={history.logistics} resourcesById={resourcesById} />
      </section>

      <BookingCostsSection booking={booking} />

      <section className="card" aria-labelledby="journal-title">
        <h2 id="journal-title" className="card__title">
          Historique <span className="rd-count">{journal.length}</span>
        </h2>
        {journal.length === 0 ? <p className="rd-muted">Aucune entrée.</p> : <JournalList lines={journal} />}
      </section>

      <ActionDialogs />
    </section>
  )
}
