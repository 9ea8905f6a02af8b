/**
 * Inventory page state: the list's tab, filters, scanner field and selection (for labels), the
 * resource form (create or edit), the archive confirmation (shared with the detail page) and
 * exports. Writes go through the API; the resource list itself lives in the reference store,
 * reloaded after each change.
 */
import { create } from 'zustand'
import type { Booking, Resource, ResourceKind } from '../../../../shared/domain/types'
import { api } from '../../api'
import { CHECK_FIELDS_MESSAGE, errorBookings, formMessage, issuesByPath } from '../../lib/apiErrors'
import { downloadBase64 } from '../../lib/files'
import { navigateToHash } from '../../stores/navigation'
import { useReference } from '../../stores/reference'
import type { ResourceDraft } from './model'
import {
  detailHash,
  draftFormatErrors,
  draftFromResource,
  draftToCreateInput,
  draftToUpdateInput,
  emptyDraft,
  findByCode,
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

export type ExportFormat = 'csv' | 'xlsx'

interface InventoryState {
  readonly kind: ResourceKind
  readonly categoryId: string
  readonly search: string
  readonly showArchived: boolean
  /** Text of the scanner field. */
  readonly scan: string
  /** Shown under the scanner field when a code matched nothing. */
  readonly scanMessage: string | null
  /** Resources ticked in the table (for labels), in ticking order. */
  readonly selectedIds: readonly string[]
  readonly editor: ResourceEditor | null
  readonly archiveTarget: Resource | null
  readonly archiving: boolean
  readonly archiveError: string | null
  /** Future bookings that prevent the archive (from the refusal's `details.bookings`). */
  readonly archiveBlockers: readonly Booking[]
  readonly exporting: ExportFormat | null
  readonly notice: string | null
  /** A page-level failure (export). */
  readonly error: string | null
  readonly setKind: (kind: ResourceKind) => void
  readonly setCategoryId: (categoryId: string) => void
  readonly setSearch: (search: string) => void
  readonly setShowArchived: (show: boolean) => void
  readonly setScan: (text: string) => void
  /** Looks the scanner field up (Enter): opens the detail page, or says nothing matched. */
  readonly submitScan: () => void
  readonly toggleSelected: (id: string, selected: boolean) => void
  readonly setSelection: (ids: readonly string[]) => void
  readonly openCreate: () => void
  readonly openEdit: (resource: Resource) => void
  readonly editDraft: (patch: Partial<ResourceDraft>) => void
  readonly closeEditor: () => void
  /** Saves the form; resolves to the stored resource, or null when refused or not sent. */
  readonly save: () => Promise<Resource | null>
  readonly askArchive: (resource: Resource) => void
  readonly cancelArchive: () => void
  /** Archives the target; resolves to the archived resource, or null when refused. */
  readonly confirmArchive: () => Promise<Resource | null>
  readonly exportFile: (format: ExportFormat) => Promise<void>
  readonly showNotice: (notice: string) => void
  readonly dismissNotice: () => void
  readonly dismissError: () => void
}

export const useInventory = create<InventoryState>()((set, get) => ({
  kind: 'equipment',
  categoryId: '',
  search: '',
  showArchived: false,
  scan: '',
  scanMessage: null,
  selectedIds: [],
  editor: null,
  archiveTarget: null,
  archiving: false,
  archiveError: null,
  archiveBlockers: [],
  exporting: null,
  notice: null,
  error: null,
  setKind: (kind) => set({ kind, categoryId: '' }),
  setCategoryId: (categoryId) => set({ categoryId }),
  setSearch: (search) => set({ search }),
  setShowArchived: (showArchived) => set({ showArchived }),
  setScan: (scan) => set({ scan, scanMessage: null }),
  submitScan: () => {
    const code = get().scan.trim()
    if (code === '') return
    const found = findByCode(useReference.getState().resources, code)
    if (!found) {
      set({
        scanMessage: `Aucune ressource avec le n° « ${code} ». Vérifiez l’étiquette ou cherchez par nom.`,
      })
      return
    }
    set({ scan: '', scanMessage: null })
    navigateToHash(detailHash(found.id))
  },
  toggleSelected: (id, selected) =>
    set((s) => ({
      selectedIds: selected
        ? s.selectedIds.includes(id)
          ? s.selectedIds
          : [...s.selectedIds, id]
        : s.selectedIds.filter((x) => x !== id),
    })),
  setSelection: (selectedIds) => set({ selectedIds }),
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
      const changed = Object.keys(patch)
      const fieldErrors = Object.fromEntries(
        Object.entries(s.editor.fieldErrors).filter(
          ([path]) => !changed.some((key) => path === key || path.startsWith(`${key}.`)),
        ),
      )
      return { editor: { ...s.editor, draft: { ...s.editor.draft, ...patch }, fieldErrors } }
    }),
  closeEditor: () => set({ editor: null }),
  save: async () => {
    const editor = get().editor
    if (!editor || editor.saving) return null
    const formatErrors = draftFormatErrors(editor.draft)
    if (Object.keys(formatErrors).length > 0) {
      set({ editor: { ...editor, fieldErrors: formatErrors, formError: CHECK_FIELDS_MESSAGE } })
      return null
    }
    set({ editor: { ...editor, saving: true, formError: null } })
    const result =
      editor.mode === 'create' || editor.resourceId === null
        ? await api.resources.create(draftToCreateInput(editor.draft))
        : await api.resources.update(draftToUpdateInput(editor.resourceId, editor.draft))
    const current = get().editor
    if (!current) return null
    if (!result.ok) {
      set({
        editor: {
          ...current,
          saving: false,
          formError: formMessage(result.error, (path) => (path.split('.')[0] ?? '') in current.draft),
          fieldErrors: issuesByPath(result.error),
        },
      })
      return null
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
    return result.value
  },
  askArchive: (resource) => set({ archiveTarget: resource, archiveError: null, archiveBlockers: [] }),
  cancelArchive: () => set({ archiveTarget: null, archiveError: null, archiveBlockers: [] }),
  confirmArchive: async () => {
    const target = get().archiveTarget
    if (!target || get().archiving) return null
    set({ archiving: true, archiveError: null, archiveBlockers: [] })
    const result = await api.resources.archive({ id: target.id })
    if (!result.ok) {
      set({
        archiving: false,
        archiveError: result.error.message,
        archiveBlockers: errorBookings(result.error),
      })
      return null
    }
    set((s) => ({
      archiving: false,
      archiveTarget: null,
      selectedIds: s.selectedIds.filter((id) => id !== target.id),
      notice: `« ${result.value.name} » a été archivé : il n'est plus proposé à la réservation.`,
    }))
    await useReference.getState().reloadResources()
    return result.value
  },
  exportFile: async (format) => {
    if (get().exporting) return
    set({ exporting: format, error: null })
    const result = await api.resources.export({ format, kind: get().kind })
    if (!result.ok) {
      set({ exporting: null, error: `Export impossible : ${result.error.message}` })
      return
    }
    set({ exporting: null })
    downloadBase64(result.value.fileName, result.value.contentBase64)
  },
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
  dismissError: () => set({ error: null }),
}))
