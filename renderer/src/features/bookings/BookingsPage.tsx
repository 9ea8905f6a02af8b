import { useEffect, useMemo } from 'react'
import type { Booking } from '../../../../shared/domain/types'
import { resourceKinds } from '../../../../shared/domain/types'
import { CommuneSelect } from '../../components/CommuneSelect'
import { Banner, EmptyState, Loading, LoadError } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { StatusBadge } from '../../components/StatusBadge'
import { addDaysToDate, formatLocalDateFr } from '../../../../shared/time'
import { formatPeriodShort } from '../../lib/dates'
import { navigate, navigateToHash } from '../../stores/navigation'
import { byId, useReference } from '../../stores/reference'
import { bookingHash } from '../booking/model'
import { useCalendar } from '../calendar/store'
import { ApprovalNotice, FormExtras } from './FormExtras'
import { AvailabilityStatus } from './AvailabilityStatus'
import { useCan, useMayActOnBooking, useOwnCommune } from '../accounts/session'
import { BookingForm } from './BookingForm'
import { BookingList } from './BookingList'
import { useBookingForm } from './formStore'
import type { Horizon } from './listStore'
import { horizons, listRange, useBookingList } from './listStore'
import { useSeries } from './seriesStore'

/** Delay between the last keystroke and the availability check, ms. */
const CHECK_DELAY_MS = 250

/** Réservations: the request form with live availability, and the bookings to come. */
export function BookingsPage() {
  const communes = useReference((s) => s.communes)
  const hubs = useReference((s) => s.hubs)
  const resources = useReference((s) => s.resources)
  const referenceStatus = useReference((s) => s.status)
  const form = useBookingForm()
  const list = useBookingList()
  const seriesCreated = useSeries((s) => s.created)
  const dismissSeries = useSeries((s) => s.dismissCreated)
  const previewSeries = useSeries((s) => s.previewSeries)
  const repeating = form.draft.repeat.enabled
  const showBooking = useCalendar((s) => s.showBooking)

  const resourcesById = useMemo(() => byId(resources), [resources])
  const communesById = useMemo(() => byId(communes), [communes])
  // A secretary asks for her own commune only (the backend refuses any other).
  const ownCommune = useOwnCommune()
  const mayAct = useMayActOnBooking()
  // A consultation account reads the list; it has no request form.
  const canAsk = useCan('bookings.create')
  const askable = useMemo(
    () => (ownCommune ? communes.filter((c) => c.id === ownCommune) : communes),
    [communes, ownCommune],
  )
  const { setCommune } = form
  const draftCommune = form.draft.communeId
  useEffect(() => {
    if (ownCommune && draftCommune !== ownCommune) setCommune(ownCommune)
  }, [ownCommune, draftCommune, setCommune])
  const bookable = useMemo(
    () =>
      resources
        .filter((r) => !r.archived)
        .sort(
          (a, b) =>
            resourceKinds.indexOf(a.kind) - resourceKinds.indexOf(b.kind) ||
            a.name.localeCompare(b.name, 'fr'),
        ),
    [resources],
  )

  // Live availability: re-check ~250 ms after the period or the items last changed.
  const { period, items } = form.draft
  const checkAvailability = form.checkAvailability
  useEffect(() => {
    if (referenceStatus !== 'ready') return
    const timer = window.setTimeout(() => void checkAvailability(), CHECK_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [period, items, referenceStatus, checkAvailability])

  const loadList = list.load
  useEffect(() => {
    void loadList()
  }, [loadList, list.communeId, list.horizonMonths])

  // A new series changes the list: reload it (it was made by the series' store).
  useEffect(() => {
    if (seriesCreated) void loadList()
  }, [seriesCreated, loadList])

  const submit = async () => {
    if (repeating) {
      await previewSeries()
      return
    }
    const created = await form.submit()
    if (!created) return
    // A booking beyond the list's horizon would vanish from it right after being made: widen it.
    const wider = horizons.find((h) => Date.parse(created.start) < Date.parse(`${listRange(h).to}T00:00:00Z`))
    if (wider !== undefined && wider > list.horizonMonths) list.setHorizon(wider)
    else await loadList()
  }
  const openInCalendar = (booking: Booking) => {
    showBooking(booking)
    navigate('calendrier')
  }
  const range = listRange(list.horizonMonths)

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Réservations</h1>
          <p className="page__subtitle">
            Demander du matériel, un véhicule ou un agent pour une commune, et suivre les demandes.
          </p>
        </div>
      </header>

      {canAsk ? (
        <div className="split">
          <div className="card">
            <BookingForm
              draft={form.draft}
              pick={form.pick}
              fieldErrors={form.fieldErrors}
              formError={form.formError}
              submitting={form.submitting}
              communes={askable}
              hubs={hubs}
              resources={bookable}
              resourcesById={resourcesById}
              onCommune={form.setCommune}
              onTitle={form.setTitle}
              onPeriod={form.setPeriod}
              onNotes={form.setNotes}
              onPick={form.setPick}
              onAddPicked={form.addPicked}
              onQuantity={form.setItemQuantity}
              onRemove={form.removeItem}
              onSubmit={() => void submit()}
              onClear={form.clear}
              extraSections={<FormExtras />}
              submitLabel={repeating ? 'Voir les dates de la série' : undefined}
              notice={
                <>
                  <ApprovalNotice />
                  {seriesCreated ? (
                    <Banner tone="success" onDismiss={dismissSeries}>
                      <p data-testid="created-series">
                        Série enregistrée : {seriesCreated.bookings.length} réservation
                        {seriesCreated.bookings.length > 1 ? 's' : ''} (
                        {seriesCreated.bookings.map((b) => b.reference).join(', ')})
                        {seriesCreated.skipped.length > 0
                          ? ` ; ${seriesCreated.skipped.length} date${seriesCreated.skipped.length > 1 ? 's' : ''} passée${seriesCreated.skipped.length > 1 ? 's' : ''} pour conflit`
                          : ''}
                        .
                      </p>
                    </Banner>
                  ) : null}
                  {form.created ? (
                    <Banner tone="success" onDismiss={form.dismissCreated}>
                      <p>
                        Réservation <strong data-testid="created-reference">{form.created.reference}</strong>{' '}
                        enregistrée ({formatPeriodShort(form.created)}) — statut :{' '}
                        <StatusBadge status={form.created.status} />
                      </p>
                      {form.created.status === 'requested' ? (
                        <p>Elle attend la validation du pôle technique.</p>
                      ) : null}
                      <div className="lc-inline">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => form.created && openInCalendar(form.created)}
                        >
                          Voir dans le calendrier
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => form.created && navigateToHash(bookingHash(form.created.id))}
                        >
                          Ouvrir la réservation
                        </button>
                      </div>
                    </Banner>
                  ) : null}
                </>
              }
            />
          </div>
          <aside className="split__aside" aria-label="Disponibilité">
            <h2 className="aside__title">Disponibilité</h2>
            <AvailabilityStatus check={form.check} />
            <p className="aside__note">
              La vérification tient compte des marges de préparation et de retour de chaque ressource. La
              demande est revérifiée au moment de l’enregistrement.
            </p>
          </aside>
        </div>
      ) : null}

      <section className="card" aria-labelledby="booking-list-title">
        <div className="card__header">
          <div>
            <h2 id="booking-list-title" className="card__title">
              Réservations à venir
            </h2>
            <p className="card__subtitle">
              Du {formatLocalDateFr(range.from)} au {formatLocalDateFr(addDaysToDate(range.to, -1))}
            </p>
          </div>
          <div className="toolbar toolbar--inline">
            <div className="toolbar__field">
              <label htmlFor="booking-list-commune">Afficher</label>
              <CommuneSelect
                id="booking-list-commune"
                communes={communes}
                hubs={hubs}
                value={list.communeId}
                onChange={list.setCommuneId}
                emptyLabel="Toutes les communes"
              />
            </div>
            <div className="toolbar__field">
              <label htmlFor="booking-list-horizon">Horizon</label>
              <select
                id="booking-list-horizon"
                value={list.horizonMonths}
                onChange={(e) => list.setHorizon(Number(e.target.value) as Horizon)}
              >
                {horizons.map((h) => (
                  <option key={h} value={h}>
                    {h === 1 ? '1 mois' : `${h} mois`}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        {list.notice ? (
          <Banner tone="success" onDismiss={list.dismissNotice}>
            {list.notice}
          </Banner>
        ) : null}
        <div data-testid="booking-list" data-status={list.status}>
          {list.status === 'loading' && list.bookings.length === 0 ? (
            <Loading label="Chargement des réservations…" />
          ) : null}
          {list.status === 'error' && list.error ? (
            <LoadError message={list.error} onRetry={() => void loadList()} />
          ) : null}
          {list.status !== 'error' &&
          list.status !== 'idle' &&
          !(list.status === 'loading' && list.bookings.length === 0) ? (
            list.bookings.length === 0 ? (
              <EmptyState title="Aucune réservation sur cette période.">
                <p>Les demandes enregistrées avec le formulaire ci-dessus apparaîtront ici.</p>
              </EmptyState>
            ) : (
              <BookingList
                bookings={list.bookings}
                communesById={communesById}
                resourcesById={resourcesById}
                onCancel={list.askCancel}
                mayCancel={(b) => mayAct(b, 'cancel')}
                onShowInCalendar={openInCalendar}
              />
            )
          ) : null}
        </div>
      </section>

      {list.cancelTarget ? (
        <Modal
          title={`Annuler la réservation ${list.cancelTarget.reference} ?`}
          onClose={list.closeCancel}
          footer={
            <>
              <button type="button" className="button" onClick={list.closeCancel}>
                Garder la réservation
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={list.cancelling}
                onClick={() => void list.confirmCancel()}
              >
                {list.cancelling ? 'Annulation…' : 'Oui, annuler la réservation'}
              </button>
            </>
          }
        >
          <p>
            « {list.cancelTarget.title} » pour{' '}
            {communesById.get(list.cancelTarget.communeId)?.name ?? 'la commune'},{' '}
            {formatPeriodShort(list.cancelTarget)}. Les ressources redeviendront disponibles pour d’autres
            demandes.
          </p>
          <div className="field">
            <label htmlFor="cancel-reason" className="field__label">
              Motif (facultatif)
            </label>
            <textarea
              id="cancel-reason"
              rows={3}
              value={list.cancelReason}
              onChange={(e) => list.setCancelReason(e.target.value)}
              placeholder="ex. manifestation reportée"
            />
          </div>
          {list.cancelError ? <Banner tone="error">{list.cancelError}</Banner> : null}
        </Modal>
      ) : null}
    </section>
  )
}
