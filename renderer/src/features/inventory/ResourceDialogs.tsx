import { useMemo } from 'react'
import type { Resource } from '../../../../shared/domain/types'
import { BookingBriefList } from '../../components/BookingBriefList'
import { Banner } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { todayLocalDate } from '../../lib/dates'
import { byId, useReference } from '../../stores/reference'
import { ResourceForm } from './ResourceForm'
import { useInventory } from './store'

/**
 * The resource form in its dialog, open while the inventory store has an editor (list and detail
 * pages). `onSaved` runs after a successful save.
 */
export function ResourceEditorDialog({ onSaved }: { readonly onSaved?: (resource: Resource) => void }) {
  const editor = useInventory((s) => s.editor)
  const closeEditor = useInventory((s) => s.closeEditor)
  const editDraft = useInventory((s) => s.editDraft)
  const save = useInventory((s) => s.save)
  const categories = useReference((s) => s.categories)
  const communes = useReference((s) => s.communes)
  const hubs = useReference((s) => s.hubs)
  if (!editor) return null
  const submit = async () => {
    const saved = await save()
    if (saved) onSaved?.(saved)
  }
  return (
    <Modal
      title={editor.mode === 'create' ? 'Nouvelle ressource' : `Modifier « ${editor.draft.name || '…'} »`}
      onClose={closeEditor}
      size="large"
      footer={
        <>
          <button type="button" className="button" onClick={closeEditor}>
            Annuler
          </button>
          <button
            type="submit"
            form="resource-form"
            className="button button--primary"
            disabled={editor.saving}
          >
            {editor.saving ? 'Enregistrement…' : 'Enregistrer'}
          </button>
        </>
      }
    >
      <ResourceForm
        editor={editor}
        categories={categories}
        communes={communes}
        hubs={hubs}
        today={todayLocalDate()}
        onChange={editDraft}
        onSubmit={() => void submit()}
      />
    </Modal>
  )
}

/**
 * The archive confirmation, open while the inventory store has an archive target. A refusal
 * (future bookings) lists the bookings to move or cancel first.
 */
export function ArchiveDialog({ onArchived }: { readonly onArchived?: (resource: Resource) => void }) {
  const target = useInventory((s) => s.archiveTarget)
  const archiving = useInventory((s) => s.archiving)
  const archiveError = useInventory((s) => s.archiveError)
  const blockers = useInventory((s) => s.archiveBlockers)
  const cancelArchive = useInventory((s) => s.cancelArchive)
  const confirmArchive = useInventory((s) => s.confirmArchive)
  const communes = useReference((s) => s.communes)
  const communesById = useMemo(() => byId(communes), [communes])
  if (!target) return null
  const confirm = async () => {
    const archived = await confirmArchive()
    if (archived) onArchived?.(archived)
  }
  return (
    <Modal
      title="Archiver la ressource ?"
      onClose={cancelArchive}
      size={blockers.length > 0 ? 'large' : 'small'}
      footer={
        <>
          <button type="button" className="button" onClick={cancelArchive}>
            {blockers.length > 0 ? 'Compris' : 'Garder'}
          </button>
          {blockers.length === 0 ? (
            <button
              type="button"
              className="button button--danger"
              disabled={archiving}
              onClick={() => void confirm()}
            >
              {archiving ? 'Archivage…' : 'Archiver'}
            </button>
          ) : null}
        </>
      }
    >
      <p>
        « {target.name} » ne sera plus proposé à la réservation. Les réservations passées et l’historique sont
        conservés ; la ressource reste visible avec « Afficher les archivées ».
      </p>
      {archiveError ? (
        <Banner tone="error">
          {blockers.length > 0 ? (
            <>
              <p>
                Archivage impossible :{' '}
                {blockers.length > 1 ? `${blockers.length} réservations à venir` : 'une réservation à venir'}{' '}
                {blockers.length > 1 ? 'utilisent' : 'utilise'} encore « {target.name} ». Déplacez-les ou
                annulez-les d’abord :
              </p>
              <BookingBriefList bookings={blockers} communesById={communesById} testId="archive-blockers" />
            </>
          ) : (
            <p>{archiveError}</p>
          )}
        </Banner>
      ) : null}
    </Modal>
  )
}
