/**
 * The Journal page's state: the filters, the entries loaded (newest first) and the next page.
 */
import { create } from 'zustand'
import type { JournalEntry } from '../../../../shared/domain/accounts'
import { api } from '../../api'
import type { JournalFilters } from './model'
import { emptyJournalFilters, journalFilterErrors, journalQuery } from './model'

interface JournalState {
  readonly filters: JournalFilters
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly entries: readonly JournalEntry[]
  readonly next: string | null
  readonly actors: readonly string[]
  readonly setFilters: (patch: Partial<JournalFilters>) => void
  readonly reset: () => void
  /** Loads the first page for the current filters. */
  readonly search: () => Promise<void>
  /** Appends the next (older) page. */
  readonly more: () => Promise<void>
}

export const useJournal = create<JournalState>()((set, get) => ({
  filters: emptyJournalFilters,
  status: 'idle',
  error: null,
  entries: [],
  next: null,
  actors: [],
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  reset: () => set({ filters: emptyJournalFilters }),
  search: async () => {
    const { filters } = get()
    if (Object.keys(journalFilterErrors(filters)).length > 0) return
    set({ status: 'loading', error: null })
    const result = await api.journal.list(journalQuery(filters))
    if (!result.ok) {
      set({ status: 'error', error: result.error.message })
      return
    }
    set({
      status: 'ready',
      entries: result.value.entries,
      next: result.value.next,
      actors: result.value.actors,
    })
  },
  more: async () => {
    const { filters, next, entries } = get()
    if (next === null) return
    set({ status: 'loading' })
    const result = await api.journal.list(journalQuery(filters, next))
    if (!result.ok) {
      set({ status: 'error', error: result.error.message })
      return
    }
    set({ status: 'ready', entries: [...entries, ...result.value.entries], next: result.value.next })
  },
}))
