/**
 * Inventory page state: the list's tab and filters, the resource form (create or edit) and the
 * archive confirmation. Writes go through the API; the resource list itself lives in the
 * reference store, reloaded after each change.
 */
import { create } from 'zustand'
import type { Resource, ResourceKind } from '../../../../shared/domain/types'
import { api } from '../../api'
import { CHECK_FIELDS_MESSAGE, formMessage, issuesByPath } from '../../lib/apiErrors'
import { useReference } from '../../stores/reference'
import type { ResourceDraft } from './model'
import {
  draftFormatErrors,
  draftFromResource,
  draftToCreateInput,
  draftToUpdateInput,
  emptyDraft,
} from './model'

export interface ResourceEditor {
  readonly mode: 'create' | 'edit'
  readonly resourceId: string | null
  readonly draft: ResourceDraft
  /** Messages by field name (dotted API path). */
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly formError: string | null
  readonly saving: boolean
}

interface InventoryState {
  readonly kind: ResourceKind
  readonly categoryId: string
  readonly search: string
  readonly showArchived: boolean
  readonly editor: ResourceEditor | null
  readonly archiveTarget: Resource | null
  readonly archiving: boolean
  readonly archiveError: string | null
  readonly notice: string | null
  readonly setKind: (kind: ResourceKind) => void
  readonly setCategoryId: (categoryId: string) => void
  readonly setSearch: (search: string) => void
  readonly setShowArchived: (show: boolean) => void
  readonly openCreate: () => void
  readonly openEdit: (resource: Resource) => void
  readonly editDraft: (patch: Partial<ResourceDraft>) => void
  readonly closeEditor: () => void
  readonly save: () => Promise<void>
  readonly askArchive: (resource: Resource) => void
  readonly cancelArchive: () => void
  readonly confirmArchive: () => Promise<void>
  readonly dismissNotice: () => void
}

export const useInventory = create<InventoryState>()((set, get) => ({
  kind: 'equipment',
  categoryId: '',
  search: '',
  showArchived: false,
  editor: null,
  archiveTarget: null,
  archiving: false,
  archiveError: null,
  notice: null,
  setKind: (kind) => set({ kind, categoryId: '' }),
  setCategoryId: (categoryId) => set({ categoryId }),
  setSearch: (search) => set({ search }),
  setShowArchived: (showArchived) => set({ showArchived }),
  openCreate: () =>
    set((s) => ({
      editor: {
        mode: 'create',
        resourceId: null,
        draft: emptyDraft(s.kind),
        fieldErrors: {},
        formError: null,
        saving: false,
      },
    })),
  openEdit: (resource) =>
    set({
      editor: {
        mode: 'edit',
        resourceId: resource.id,
        draft: draftFromResource(resource),
        fieldErrors: {},
        formError: null,
        saving: false,
      },
    }),
  editDraft: (patch) =>
    set((s) => {
      if (!s.editor) return {}
      const fieldErrors = { ...s.editor.fieldErrors }
      for (const key of Object.keys(patch)) delete fieldErrors[key]
      return { editor: { ...s.editor, draft: { ...s.editor.draft, ...patch }, fieldErrors } }
    }),
  closeEditor: () => set({ editor: null }),
  save: async () => {
    const editor = get().editor
    if (!editor || editor.saving) return
    const formatErrors = draftFormatErrors(editor.draft)
    if (Object.keys(formatErrors).length > 0) {
      set({ editor: { ...editor, fieldErrors: formatErrors, formError: CHECK_FIELDS_MESSAGE } })
      return
    }
    set({ editor: { ...editor, saving: true, formError: null } })
    const result =
      editor.mode === 'create' || editor.resourceId === null
        ? await api.resources.create(draftToCreateInput(editor.draft))
        : await api.resources.update(draftToUpdateInput(editor.resourceId, editor.draft))
    const current = get().editor
    if (!current) return
    if (!result.ok) {
      set({
        editor: {
          ...current,
          saving: false,
          formError: formMessage(result.error, (path) => (path.split('.')[0] ?? '') in current.draft),
          fieldErrors: issuesByPath(result.error),
        },
      })
      return
    }
    set({
      editor: null,
      kind: result.value.kind,
      notice:
        editor.mode === 'create'
          ? `« ${result.value.name} » a été ajouté à l'inventaire.`
          : `« ${result.value.name} » a été enregistré.`,
    })
    await useReference.getState().reloadResources()
  },
  askArchive: (resource) => set({ archiveTarget: resource, archiveError: null }),
  cancelArchive: () => set({ archiveTarget: null, archiveError: null }),
  confirmArchive: async () => {
    const target = get().archiveTarget
    if (!target || get().archiving) return
    set({ archiving: true, archiveError: null })
    const result = await api.resources.archive({ id: target.id })
    if (!result.ok) {
      set({ archiving: false, archiveError: result.error.message })
      return
    }
    set({
      archiving: false,
      archiveTarget: null,
      notice: `« ${result.value.name} » a été archivé : il n'est plus proposé à la réservation.`,
    })
    await useReference.getState().reloadResources()
  },
  dismissNotice: () => set({ notice: null }),
}))
