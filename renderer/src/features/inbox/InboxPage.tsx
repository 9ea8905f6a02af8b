import { useEffect, useMemo } from 'react'
import type { InboxEntry } from '../../../../shared/domain/lifecycle'
import type { Commune, Resource } from '../../../../shared/domain/types'
import { BookingBriefList } from '../../components/BookingBriefList'
import { EmptyState, Loading, LoadError } from '../../components/Feedback'
import { formatPeriodShort } from '../../lib/dates'
import { byId, useReference } from '../../stores/reference'
import { useBookingActions } from '../booking/actions'
import { ActionDialogs } from '../booking/ActionDialogs'
import { bookingHash, itemText } from '../booking/model'
import { ActionButtons, ActionNoticeBanner } from '../booking/parts'
import { earlierCompeting, entryState, requestedAt } from './model'
import { useInbox } from './store'
import '../booking/booking.css'
import './inbox.css'

function EntryCard({
  entry,
  rank,
  communesById,
  resourcesById,
}: {
  readonly entry: InboxEntry
  readonly rank: number
  readonly communesById: ReadonlyMap<string, Commune>
  readonly resourcesById: ReadonlyMap<string, Resource>
}) {
  const b = entry.booking
  const state = entryState(entry)
  const earlier = new Set(earlierCompeting(entry).map((o) => o.id))
  return (
    <li
      className={`card inbox-entry inbox-entry--${state}`}
      data-testid="inbox-entry"
      data-reference={b.reference}
      data-state={state}
    >
      <div className="inbox-entry__rank" aria-label={`Demande n° ${rank}`}>
        {rank}
      </div>
      <div className="inbox-entry__body">
        <div className="inbox-entry__head">
          <a className="mono inbox-entry__ref" href={bookingHash(b.id)}>
            {b.reference}
          </a>
          <span className="inbox-entry__commune">
            {communesById.get(b.communeId)?.name ?? 'Commune inconnue'}
          </span>
          <span className="inbox-entry__title">« {b.title} »</span>
        </div>
        <p className="inbox-entry__period">
          <strong>{formatPeriodShort(b)}</strong>
          <span className="rd-muted"> · {requestedAt(b)}</span>
        </p>
        <ul className="inbox-entry__items">
          {b.items.map((item) => (
            <li key={item.resourceId}>{itemText(item, resourcesById)}</li>
          ))}
        </ul>
        {b.delivery ? <p className="rd-muted">Livraison et reprise par le pôle demandées.</p> : null}
        {b.providedOperator ? (
          <p className="rd-muted">
            Opérateur de la commune : {b.providedOperator.name} ({b.providedOperator.qualification})
          </p>
        ) : null}
        {state === 'blocked' ? (
          <div className="inbox-entry__blocked" data-testid="inbox-blocked">
            <p className="inbox-entry__label">Acceptation impossible en l’état :</p>
            <ul>
              {entry.conflicts.map((c, i) => (
                <li key={`c-${c.resourceId}-${c.bookingId ?? c.unavailabilityId ?? i}`}>{c.message}</li>
              ))}
              {entry.qualificationIssues.map((q) => (
                <li key={`q-${q.resourceId}`}>{q.message}</li>
              ))}
              {entry.problem ? <li>{entry.problem}</li> : null}
            </ul>
          </div>
        ) : null}
        {entry.competing.length > 0 ? (
          <div className="inbox-entry__competing" data-testid="inbox-competing">
            <p className="inbox-entry__label">
              En concurrence sur la même période
              {earlier.size > 0 ? ` (${earlier.size} arrivée${earlier.size > 1 ? 's' : ''} avant)` : ''} :
            </p>
            <BookingBriefList bookings={entry.competing} communesById={communesById} />
          </div>
        ) : null}
      </div>
      <div className="inbox-entry__actions">
        <ActionButtons booking={b} only={['approve', 'reject']} big />
        <a className="button button--quiet" href={bookingHash(b.id)}>
          Voir la réservation
        </a>
      </div>
    </li>
  )
}

/** Demandes: the requests waiting for the hub's approval, first come first served. */
export function InboxPage() {
  const inbox = useInbox()
  const load = inbox.load
  const version = useBookingActions((s) => s.version)
  const dismissNotice = useBookingActions((s) => s.dismissNotice)
  const communes = useReference((s) => s.communes)
  const resources = useReference((s) => s.resources)
  const communesById = useMemo(() => byId(communes), [communes])
  const resourcesById = useMemo(() => byId(resources), [resources])

  useEffect(() => {
    dismissNotice()
  }, [dismissNotice])
  useEffect(() => {
    void load()
  }, [load, version])

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Demandes à valider</h1>
          <p className="page__subtitle">
            Premières arrivées, premières servies : la plus ancienne est en haut. Une demande acceptée réserve
            le matériel ; une demande refusée le libère, avec le motif pour la commune.
          </p>
        </div>
      </header>
      <ActionNoticeBanner />
      <div data-testid="inbox" data-status={inbox.status}>
        {inbox.status === 'error' && inbox.error ? (
          <LoadError message={inbox.error} onRetry={() => void load()} />
        ) : inbox.status !== 'ready' ? (
          <Loading label="Chargement des demandes…" />
        ) : inbox.entries.length === 0 ? (
          <EmptyState title="Aucune demande en attente.">
            <p>
              Les demandes des communes pour du matériel soumis à validation du pôle arrivent ici. Les autres
              sont acceptées dès leur enregistrement.
            </p>
          </EmptyState>
        ) : (
          <ol className="inbox-list">
            {inbox.entries.map((entry, index) => (
              <EntryCard
                key={entry.booking.id}
                entry={entry}
                rank={index + 1}
                communesById={communesById}
                resourcesById={resourcesById}
              />
            ))}
          </ol>
        )}
      </div>
      <ActionDialogs />
    </section>
  )
}
