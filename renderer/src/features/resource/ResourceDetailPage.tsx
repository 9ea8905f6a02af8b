import { useEffect, useMemo } from 'react'
import type { Booking } from '../../../../shared/domain/types'
import { BookingBriefList } from '../../components/BookingBriefList'
import { Banner, Loading, LoadError } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { formatPeriodShort, todayLocalDate } from '../../lib/dates'
import { unavailabilityKindLabel } from '../../lib/labels'
import { hashOf, navigate, navigateToHash } from '../../stores/navigation'
import { byId, useReference } from '../../stores/reference'
import { useCan } from '../accounts/session'
import { useCalendar } from '../calendar/store'
import { RatesSection } from '../costs/RatesSection'
import { labelsHash } from '../inventory/model'
import { ArchiveDialog, ResourceEditorDialog } from '../inventory/ResourceDialogs'
import { useInventory } from '../inventory/store'
import {
  BookingTable,
  ConditionBadge,
  InspectionAlert,
  JournalList,
  ResourceAttributes,
  UnavailabilityTable,
} from './DetailSections'
import { journalLines, resourceKindTitle } from './model'
import { useResourceDetail } from './store'
import { UnavailabilityForm } from './UnavailabilityForm'

/** The detail page of one resource (`#/inventaire/<id>`): attributes, bookings, unavailabilities, history. */
export function ResourceDetailPage({ resourceId }: { readonly resourceId: string }) {
  const canEdit = useCan('resources.update')
  const detail = useResourceDetail()
  const open = detail.open
  const load = detail.load
  const categories = useReference((s) => s.categories)
  const communes = useReference((s) => s.communes)
  const openEdit = useInventory((s) => s.openEdit)
  const askArchive = useInventory((s) => s.askArchive)
  const dismissInventoryNotice = useInventory((s) => s.dismissNotice)
  const showBooking = useCalendar((s) => s.showBooking)

  useEffect(() => {
    void open(resourceId)
  }, [open, resourceId])

  const categoriesById = useMemo(() => byId(categories), [categories])
  const communesById = useMemo(() => byId(communes), [communes])
  const history = detail.resourceId === resourceId ? detail.history : null
  const resource = history?.resource ?? null
  const today = todayLocalDate()
  const journal = useMemo(
    () =>
      history
        ? journalLines(history.journal, { categoriesById, communesById, resourceKind: history.resource.kind })
        : [],
    [history, categoriesById, communesById],
  )
  /** After an edit or an archive: the notice here (not on the list, seen later), then fresh data. */
  const afterChange = (notice: string) => {
    dismissInventoryNotice()
    detail.showNotice(notice)
    void detail.reload()
  }
  const openInCalendar = (booking: Booking) => {
    showBooking(booking)
    navigate('calendrier')
  }
  const back = (
    <a className="rd-back" href={hashOf('inventaire')}>
      ← Inventaire
    </a>
  )

  if (!resource) {
    return (
      <section className="page" aria-labelledby="page-title">
        {back}
        <h1 id="page-title" className="visually-hidden">
          Fiche ressource
        </h1>
        {detail.status === 'error' && detail.error ? (
          <LoadError message={detail.error} onRetry={() => void load(resourceId)} />
        ) : (
          <Loading label="Chargement de la fiche…" />
        )}
      </section>
    )
  }

  const isStock = resource.tracking === 'stock'
  const { upcomingBookings, pastBookings, unavailabilities } = history ?? {
    upcomingBookings: [],
    pastBookings: [],
    unavailabilities: [],
  }

  return (
    <section className="page rd-page" aria-labelledby="page-title" data-testid="resource-detail">
      {back}
      <header className="card rd-header">
        <div className="rd-header__top">
          <div className="rd-header__titles">
            <p className="rd-header__eyebrow">{resourceKindTitle(resource)}</p>
            <h1 id="page-title" className="rd-header__title">
              {resource.name}
              <ConditionBadge condition={resource.condition} />
              {resource.archived ? <span className="badge badge--archived">Archivée</span> : null}
            </h1>
            {resource.inventoryNumber || resource.plate ? (
              <p className="rd-header__code mono">{resource.plate ?? resource.inventoryNumber}</p>
            ) : null}
          </div>
          <div className="rd-header__actions">
            {canEdit ? (
              <button type="button" className="button" onClick={() => openEdit(resource)}>
                Modifier
              </button>
            ) : null}
            {resource.kind !== 'staff' ? (
              <button
                type="button"
                className="button"
                disabled={!resource.inventoryNumber}
                title={resource.inventoryNumber ? undefined : 'Sans n° d’inventaire, pas d’étiquette'}
                onClick={() => navigateToHash(labelsHash([resource.id]))}
              >
                Imprimer l’étiquette
              </button>
            ) : null}
            {!resource.archived && canEdit ? (
              <button
                type="button"
                className="button button--ghost-danger"
                onClick={() => askArchive(resource)}
              >
                Archiver
              </button>
            ) : null}
          </div>
        </div>
        <InspectionAlert resource={resource} today={today} />
        <ResourceAttributes
          resource={resource}
          categoriesById={categoriesById}
          communesById={communesById}
          today={today}
        />
      </header>

      {detail.notice ? (
        <Banner tone="success" onDismiss={detail.dismissNotice}>
          {detail.notice}
        </Banner>
      ) : null}

      <section className="card" aria-labelledby="upcoming-title">
        <div className="card__header">
          <h2 id="upcoming-title" className="card__title">
            Réservations à venir <span className="rd-count">{upcomingBookings.length}</span>
          </h2>
        </div>
        {upcomingBookings.length === 0 ? (
          <p className="rd-muted">Aucune réservation à venir.</p>
        ) : (
          <BookingTable
            bookings={upcomingBookings}
            resourceId={resource.id}
            communesById={communesById}
            testId="upcoming-bookings"
            onOpen={openInCalendar}
          />
        )}
      </section>

      <section className="card" aria-labelledby="unavailability-title">
        <div className="card__header">
          <div>
            <h2 id="unavailability-title" className="card__title">
              Indisponibilités <span className="rd-count">{unavailabilities.length}</span>
            </h2>
            <p className="card__subtitle">
              {resource.kind === 'staff'
                ? 'Congés, formations : l’agent ne peut pas être réservé sur ces périodes.'
                : isStock
                  ? 'Entretien, réparation, contrôle : les unités retirées ne peuvent pas être prêtées.'
                  : 'Entretien, réparation, contrôle : la ressource ne peut pas être prêtée sur ces périodes.'}
            </p>
          </div>
          {canEdit ? (
            <button type="button" className="button button--primary" onClick={detail.openUnavailability}>
              Ajouter une indisponibilité
            </button>
          ) : null}
        </div>
        {detail.affected ? (
          detail.affected.bookings.length > 0 ? (
            <div className="rd-affected" role="alert" data-testid="affected-bookings">
              <div className="rd-affected__head">
                <p className="rd-affected__title">
                  Indisponibilité enregistrée ({unavailabilityKindLabel(detail.affected.unavailability.kind)},{' '}
                  {formatPeriodShort(detail.affected.unavailability)}). Ces réservations sont concernées :
                </p>
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Masquer l’avertissement"
                  onClick={detail.dismissAffected}
                >
                  ×
                </button>
              </div>
              <BookingBriefList bookings={detail.affected.bookings} communesById={communesById} />
              <p className="rd-affected__todo">
                Elles n’ont pas été annulées. Prévenez les communes ou déplacez-les.
              </p>
            </div>
          ) : (
            <Banner tone="success" onDismiss={detail.dismissAffected}>
              <span data-testid="unavailability-saved">
                Indisponibilité enregistrée : aucune réservation n’est concernée.
              </span>
            </Banner>
          )
        ) : null}
        {unavailabilities.length === 0 ? (
          <p className="rd-muted">Aucune indisponibilité prévue.</p>
        ) : (
          <UnavailabilityTable
            unavailabilities={unavailabilities}
            isStock={isStock}
            onDelete={canEdit ? detail.askDelete : null}
            onRestore={canEdit ? (u) => void detail.restore(u) : null}
          />
        )}
      </section>

      <RatesSection resource={resource} canEdit={canEdit} onSaved={() => void detail.reload()} />

      <section className="card" aria-labelledby="history-title">
        <div className="card__header">
          <h2 id="history-title" className="card__title">
            Historique
          </h2>
        </div>
        <div className="rd-history">
          <section aria-labelledby="past-title">
            <h3 id="past-title" className="rd-subtitle">
              Réservations passées ou closes <span className="rd-count">{pastBookings.length}</span>
            </h3>
            {pastBookings.length === 0 ? (
              <p className="rd-muted">Aucune réservation passée.</p>
            ) : (
              <BookingTable
                bookings={pastBookings}
                resourceId={resource.id}
                communesById={communesById}
                testId="past-bookings"
                onOpen={openInCalendar}
              />
            )}
          </section>
          <section aria-labelledby="journal-title">
            <h3 id="journal-title" className="rd-subtitle">
              Journal des modifications <span className="rd-count">{journal.length}</span>
            </h3>
            {journal.length === 0 ? (
              <p className="rd-muted">Aucune modification enregistrée.</p>
            ) : (
              <JournalList lines={journal} />
            )}
          </section>
        </div>
      </section>

      {detail.editor ? (
        <Modal
          title={`Nouvelle indisponibilité — ${resource.name}`}
          onClose={detail.closeUnavailability}
          size="large"
          footer={
            <>
              <button type="button" className="button" onClick={detail.closeUnavailability}>
                Annuler
              </button>
              <button
                type="submit"
                form="unavailability-form"
                className="button button--primary"
                disabled={detail.editor.saving}
              >
                {detail.editor.saving ? 'Enregistrement…' : 'Enregistrer l’indisponibilité'}
              </button>
            </>
          }
        >
          <UnavailabilityForm
            resource={resource}
            editor={detail.editor}
            onChange={detail.editUnavailability}
            onSubmit={() => void detail.saveUnavailability()}
          />
        </Modal>
      ) : null}

      {detail.deleteTarget ? (
        <Modal
          title="Supprimer l’indisponibilité ?"
          onClose={detail.cancelDelete}
          footer={
            <>
              <button type="button" className="button" onClick={detail.cancelDelete}>
                Garder
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={detail.deleting}
                onClick={() => void detail.confirmDelete()}
              >
                {detail.deleting ? 'Suppression…' : 'Supprimer'}
              </button>
            </>
          }
        >
          <p>
            {unavailabilityKindLabel(detail.deleteTarget.kind)} « {detail.deleteTarget.reason} »,{' '}
            {formatPeriodShort(detail.deleteTarget)} : la ressource redeviendra réservable sur cette période.
          </p>
          {detail.deleteError ? <Banner tone="error">{detail.deleteError}</Banner> : null}
        </Modal>
      ) : null}

      <ResourceEditorDialog onSaved={(saved) => afterChange(`« ${saved.name} » a été enregistré.`)} />
      <ArchiveDialog
        onArchived={(archived) =>
          afterChange(`« ${archived.name} » a été archivé : il n’est plus proposé à la réservation.`)
        }
      />
    </section>
  )
}
