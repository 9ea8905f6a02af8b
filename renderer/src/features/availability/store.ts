/**
 * Disponibilités page state: the search (period, kind, category, one resource, quantity), the free
 * resources found by `availability.find`, and — when the resource searched, or anything of that kind
 * or category, is not free — the nearest free periods found by `availability.suggest`.
 */
import { create } from 'zustand'
import type { FreeResource, Resource, ResourceKind } from '../../../../shared/domain/types'
import { api } from '../../api'
import { issuesByPath } from '../../lib/apiErrors'
import type { PeriodValue } from '../../lib/period'
import { emptyPeriod, periodFieldErrors, periodFieldFor, periodToApi } from '../../lib/period'
import type { LoadStatus } from '../../stores/reference'
import { useReference } from '../../stores/reference'
import type { Suggestion } from './model'
import { mergeSuggestions, suggestionCandidates, suggestionToPeriod, SUGGESTIONS_SHOWN } from './model'

interface AvailabilityState {
  readonly period: PeriodValue
  readonly kind: ResourceKind | ''
  readonly categoryId: string
  /** One resource searched, or '' for every resource of the kind and category. */
  readonly resourceId: string
  readonly quantity: string
  readonly status: LoadStatus
  readonly error: string | null
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly results: readonly FreeResource[]
  /** The period the results were found for (the search fields may have changed since). */
  readonly searchedPeriod: PeriodValue | null
  /** The resource searched when the results were found, if any. */
  readonly searchedResource: Resource | null
  /** The nearest free periods: `idle` while what was searched is free. */
  readonly suggestStatus: LoadStatus
  readonly suggestError: string | null
  readonly suggestions: readonly Suggestion[]
  readonly setPeriod: (period: PeriodValue) => void
  readonly setKind: (kind: ResourceKind | '') => void
  readonly setCategoryId: (categoryId: string) => void
  readonly setResourceId: (resourceId: string) => void
  readonly setQuantity: (quantity: string) => void
  readonly search: () => Promise<void>
  /** Puts a proposed period into the search fields and searches again. */
  readonly applySuggestion: (suggestion: Suggestion) => Promise<void>
}

/** The units wanted: the quantity typed, 1 when empty or not a whole number. */
function wantedQuantity(text: string): number {
  const n = Number(text.trim())
  return Number.isInteger(n) && n >= 1 ? n : 1
}

export const useAvailability = create<AvailabilityState>()((set, get) => ({
  period: emptyPeriod,
  kind: '',
  categoryId: '',
  resourceId: '',
  quantity: '',
  status: 'idle',
  error: null,
  fieldErrors: {},
  results: [],
  searchedPeriod: null,
  searchedResource: null,
  suggestStatus: 'idle',
  suggestError: null,
  suggestions: [],
  setPeriod: (period) => set({ period, fieldErrors: {} }),
  setKind: (kind) => set({ kind, categoryId: '', resourceId: '' }),
  setCategoryId: (categoryId) => set({ categoryId, resourceId: '' }),
  setResourceId: (resourceId) => set({ resourceId }),
  setQuantity: (quantity) => set({ quantity }),
  search: async () => {
    const { period, kind, categoryId, resourceId, quantity } = get()
    const range = periodToApi(period)
    if (!range) {
      set({ fieldErrors: periodFieldErrors(period) })
      return
    }
    const qty = quantity.trim()
    set({
      status: 'loading',
      error: null,
      fieldErrors: {},
      suggestStatus: 'idle',
      suggestError: null,
      suggestions: [],
    })
    const result = await api.availability.find({
      ...range,
      ...(kind ? { kind } : {}),
      ...(categoryId ? { categoryId } : {}),
      ...(qty ? { quantity: Number(qty) } : {}),
    })
    if (!result.ok) {
      const issues = issuesByPath(result.error)
      const fieldErrors: Record<string, string> = {}
      for (const [path, message] of Object.entries(issues)) {
        fieldErrors[path === 'start' || path === 'end' ? periodFieldFor(path, period.mode) : path] = message
      }
      set({ status: 'error', error: result.error.message, fieldErrors })
      return
    }
    const { resources, categories } = useReference.getState()
    const searchedResource = resourceId ? (resources.find((r) => r.id === resourceId) ?? null) : null
    const results = [...result.value]
      .filter((r) => !searchedResource || r.id === searchedResource.id)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    set({ status: 'ready', results, searchedPeriod: period, searchedResource })
    if (results.length > 0) return

    // Nothing fits: ask for the nearest periods that do, for the resource searched or for each
    // resource of the kind and category that could lend that many.
    const wanted = wantedQuantity(quantity)
    const candidates = searchedResource
      ? [searchedResource]
      : suggestionCandidates(resources, categories, kind, categoryId, wanted)
    if (candidates.length === 0) {
      set({ suggestStatus: 'ready', suggestions: [] })
      return
    }
    set({ suggestStatus: 'loading' })
    const answers = await Promise.all(
      candidates.map(async (resource) => ({
        resource,
        answer: await api.availability.suggest({
          ...range,
          items: [
            { resourceId: resource.id, ...(resource.tracking === 'stock' ? { quantity: wanted } : {}) },
          ],
          limit: SUGGESTIONS_SHOWN,
        }),
      })),
    )
    if (get().searchedPeriod !== period) return
    const failed = answers.find((a) => !a.answer.ok)
    if (failed && !failed.answer.ok && answers.every((a) => !a.answer.ok)) {
      set({ suggestStatus: 'error', suggestError: failed.answer.error.message })
      return
    }
    const lists = answers.flatMap(({ resource, answer }) =>
      answer.ok ? [{ resourceName: resource.name, periods: answer.value }] : [],
    )
    set({ suggestStatus: 'ready', suggestions: mergeSuggestions(lists, range.start) })
  },
  applySuggestion: async (suggestion) => {
    set((s) => ({ period: suggestionToPeriod(suggestion.period, s.period), fieldErrors: {} }))
    await get().search()
  },
}))
