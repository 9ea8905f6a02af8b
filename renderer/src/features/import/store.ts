/**
 * Import dialog state: the chosen file (base64), the last report of `resources.import` (dry run
 * first, nothing written), the columns the user mapped by hand, and the final import after
 * confirmation. Stale answers (the user changed the mapping or the file meanwhile) are ignored.
 */
import { create } from 'zustand'
import type { ImportField, ImportReport } from '../../../../shared/domain/types'
import { api } from '../../api'
import { readFileAsBase64 } from '../../lib/files'
import { useReference } from '../../stores/reference'
import { useInventory } from '../inventory/store'
import { canImport, fileProblem, importSummary, withMapping } from './model'

export type ImportStatus = 'idle' | 'reading' | 'checking' | 'ready' | 'importing'

interface ImportState {
  readonly open: boolean
  readonly status: ImportStatus
  readonly fileName: string | null
  readonly contentBase64: string | null
  /**
   * The columns the user mapped by hand (header → field, null: ignored), sent with every run and
   * kept when another file is chosen (a corrected file usually has the same headers).
   */
  readonly mapping: Readonly<Record<string, ImportField | null>>
  readonly report: ImportReport | null
  readonly error: string | null
  /** Increases with each request; answers of older requests are dropped. */
  readonly requestId: number
  readonly openImport: () => void
  readonly close: () => void
  readonly chooseFile: (file: File) => Promise<void>
  readonly setMapping: (header: string, value: ImportField | '') => Promise<void>
  /** Imports for real; resolves to true when stored. */
  readonly confirm: () => Promise<boolean>
}

const initial = {
  open: false,
  status: 'idle' as ImportStatus,
  fileName: null,
  contentBase64: null,
  mapping: {},
  report: null,
  error: null,
}

export const useImport = create<ImportState>()((set, get) => {
  /** Runs the import (dry run unless `store`) for the current file and mapping. */
  const run = async (store: boolean) => {
    const { fileName, contentBase64, mapping } = get()
    if (!fileName || contentBase64 === null) return null
    const requestId = get().requestId + 1
    set({ requestId, status: store ? 'importing' : 'checking', error: null })
    const result = await api.resources.import({
      fileName,
      contentBase64,
      dryRun: !store,
      ...(Object.keys(mapping).length > 0 ? { mapping: { ...mapping } } : {}),
    })
    if (get().requestId !== requestId || !get().open) return null
    if (!result.ok) {
      set({ status: get().report ? 'ready' : 'idle', error: result.error.message })
      return null
    }
    set({ status: 'ready', report: result.value })
    return result.value
  }

  return {
    ...initial,
    requestId: 0,
    openImport: () => set({ ...initial, open: true }),
    close: () => set((s) => ({ ...initial, requestId: s.requestId + 1 })),
    chooseFile: async (file) => {
      const problem = fileProblem(file.name, file.size)
      if (problem) {
        set({ fileName: file.name, contentBase64: null, report: null, status: 'idle', error: problem })
        return
      }
      const requestId = get().requestId + 1
      set({
        requestId,
        status: 'reading',
        fileName: file.name,
        contentBase64: null,
        report: null,
        error: null,
      })
      let contentBase64: string
      try {
        contentBase64 = await readFileAsBase64(file)
      } catch (error) {
        if (get().requestId === requestId) {
          set({ status: 'idle', error: error instanceof Error ? error.message : String(error) })
        }
        return
      }
      if (get().requestId !== requestId || !get().open) return
      set({ contentBase64 })
      await run(false)
    },
    setMapping: async (header, value) => {
      if (!get().report) return
      set({ mapping: withMapping(get().mapping, header, value) })
      await run(false)
    },
    confirm: async () => {
      if (!canImport(get().report) || get().status !== 'ready') return false
      const fileName = get().fileName ?? ''
      const report = await run(true)
      if (!report || !report.stored) return false
      set((s) => ({ ...initial, requestId: s.requestId + 1 }))
      useInventory
        .getState()
        .showNotice(`Import de « ${fileName} » terminé : ${importSummary(report.created, report.updated)}.`)
      await useReference.getState().reloadResources()
      return true
    },
  }
})
