/**
 * Resource detail page state: the resource's history (`resources.history`), the unavailability
 * form, the bookings a new unavailability endangers (shown, never cancelled) and the deletion of
 * an unavailability. Answers for another resource than the one shown are dropped.
 */
import { create } from 'zustand'
import type { Booking, ResourceHistory, Unavailability } from '../../../../shared/domain/types'
import { api } from '../../api'
import { issuesByPath } from '../../lib/apiErrors'
import type { UnavailabilityDraft, UnavailabilityField } from './model'
import {
  emptyUnavailabilityDraft,
  unavailabilityDraftErrors,
  unavailabilityInput,
  unavailabilityIssueFields,
} from './model'

export type DetailStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface UnavailabilityEditor {
  readonly draft: UnavailabilityDraft
  readonly errors: Partial<Record<UnavailabilityField, string>>
  readonly formError: string | null
  readonly saving: boolean
}

/** A created unavailability and the bookings it overlaps. */
export interface AffectedNotice {
  readonly unavailability: Unavailability
  readonly bookings: readonly Booking[]
}

interface DetailState {
  readonly resourceId: string | null
  readonly status: DetailStatus
  readonly history: ResourceHistory | null
  readonly error: string | null
  readonly editor: UnavailabilityEditor | null
  readonly affected: AffectedNotice | null
  readonly deleteTarget: Unavailability | null
  readonly deleting: boolean
  readonly deleteError: string | null
  readonly notice: string | null
  /** Opens the page of a resource: clears the messages of a previous visit, then loads. */
  readonly open: (resourceId: string) => Promise<void>
  /** Loads (or refreshes) the history of a resource, keeping the messages shown. */
  readonly load: (resourceId: string) => Promise<void>
  /** Reloads the history of the resource shown (after an edit or an archive). */
  readonly reload: () => Promise<void>
  readonly openUnavailability: () => void
  readonly editUnavailability: (patch: Partial<UnavailabilityDraft>) => void
  readonly closeUnavailability: () => void
  readonly saveUnavailability: () => Promise<void>
  readonly askDelete: (unavailability: Unavailability) => void
  readonly cancelDelete: () => void
  readonly confirmDelete: () => Promise<void>
  /** Units withdrawn « jusqu’à remise en service » (damaged at a return) become lendable again. */
  readonly restore: (unavailability: Unavailability) => Promise<void>
  readonly dismissAffected: () => void
  readonly showNotice: (notice: string) => void
  readonly dismissNotice: () => void
}

const cleared = {
  history: null,
  error: null,
  editor: null,
  affected: null,
  deleteTarget: null,
  deleting: false,
  deleteError: null,
  notice: null,
}

export const useResourceDetail = create<DetailState>()((set, get) => ({
  resourceId: null,
  status: 'idle',
  ...cleared,
  open: async (resourceId) => {
    // A page opened afresh: no message of an earlier visit (the data shown until the answer, if same).
    const { history } = get()
    set({ ...cleared, resourceId, history: history?.resource.id === resourceId ? history : null })
    await get().load(resourceId)
  },
  load: async (resourceId) => {
    if (get().resourceId !== resourceId) set({ ...cleared, resourceId })
    set({ status: get().history ? 'ready' : 'loading', error: null })
    const result = await api.resources.history({ id: resourceId })
    if (get().resourceId !== resourceId) return
    if (!result.ok) {
      set({
        status: 'error',
        error:
          result.error.code === 'NOT_FOUND'
            ? 'Cette ressource n’existe pas ou plus. Revenez à l’inventaire et cherchez-la par son nom.'
            : result.error.message,
      })
      return
    }
    set({ status: 'ready', history: result.value })
  },
  reload: async () => {
    const id = get().resourceId
    if (id) await get().load(id)
  },
  openUnavailability: () => {
    const resource = get().history?.resource
    if (!resource) return
    set({
      editor: { draft: emptyUnavailabilityDraft(resource.kind), errors: {}, formError: null, saving: false },
    })
  },
  editUnavailability: (patch) =>
    set((s) => {
      if (!s.editor) return {}
      const errors = { ...s.editor.errors }
      for (const key of Object.keys(patch)) delete errors[key as UnavailabilityField]
      if (patch.period) for (const key of ['firstDay', 'lastDay', 'start', 'end'] as const) delete errors[key]
      return { editor: { ...s.editor, draft: { ...s.editor.draft, ...patch }, errors } }
    }),
  closeUnavailability: () => set({ editor: null }),
  saveUnavailability: async () => {
    const { editor, history, resourceId } = get()
    if (!editor || editor.saving || !history || !resourceId) return
    const resource = history.resource
    const isStock = resource.tracking === 'stock'
    const errors = unavailabilityDraftErrors(editor.draft, isStock ? resource.quantity : null)
    const input = unavailabilityInput(resourceId, editor.draft, isStock)
    if (Object.keys(errors).length > 0 || !input) {
      set({ editor: { ...editor, errors, formError: 'Complétez les champs en rouge.' } })
      return
    }
    set({ editor: { ...editor, saving: true, formError: null } })
    const result = await api.unavailabilities.create(input)
    const current = get().editor
    if (get().resourceId !== resourceId || !current) return
    if (!result.ok) {
      const byField = unavailabilityIssueFields(issuesByPath(result.error), current.draft)
      const { form, ...fieldErrors } = byField
      set({
        editor: {
          ...current,
          saving: false,
          errors: fieldErrors,
          formError: form ?? result.error.message,
        },
      })
      return
    }
    set({
      editor: null,
      affected: { unavailability: result.value.unavailability, bookings: result.value.affectedBookings },
      notice: null,
    })
    await get().load(resourceId)
  },
  restore: async (unavailability) => {
    const resourceId = get().resourceId
    const result = await api.unavailabilities.restore({ id: unavailability.id })
    if (get().resourceId !== resourceId || !resourceId) return
    set({
      notice: result.ok
        ? 'Remis en service : ces unités peuvent de nouveau être prêtées.'
        : `Remise en service impossible : ${result.error.message}`,
    })
    if (result.ok) await get().load(resourceId)
  },
  askDelete: (deleteTarget) => set({ deleteTarget, deleteError: null }),
  cancelDelete: () => set({ deleteTarget: null, deleteError: null }),
  confirmDelete: async () => {
    const { deleteTarget, resourceId } = get()
    if (!deleteTarget || get().deleting || !resourceId) return
    set({ deleting: true, deleteError: null })
    const result = await api.unavailabilities.delete({ id: deleteTarget.id })
    if (get().resourceId !== resourceId) return
    if (!result.ok) {
      set({ deleting: false, deleteError: result.error.message })
      return
    }
    set((s) => ({
      deleting: false,
      deleteTarget: null,
      notice:
        'L’indisponibilité a été supprimée : la ressource peut de nouveau être réservée sur cette période.',
      affected: s.affected?.unavailability.id === deleteTarget.id ? null : s.affected,
    }))
    await get().load(resourceId)
  },
  dismissAffected: () => set({ affected: null }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
}))
