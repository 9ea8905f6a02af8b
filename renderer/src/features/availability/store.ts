/**
 * Disponibilités page state: the search (period, kind, category, quantity) and the free resources
 * found by `availability.find`.
 */
import { create } from 'zustand'
import type { FreeResource, ResourceKind } from '../../../../shared/domain/types'
import { api } from '../../api'
import { issuesByPath } from '../../lib/apiErrors'
import type { PeriodValue } from '../../lib/period'
import { emptyPeriod, periodFieldErrors, periodFieldFor, periodToApi } from '../../lib/period'
import type { LoadStatus } from '../../stores/reference'

interface AvailabilityState {
  readonly period: PeriodValue
  readonly kind: ResourceKind | ''
  readonly categoryId: string
  readonly quantity: string
  readonly status: LoadStatus
  readonly error: string | null
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly results: readonly FreeResource[]
  /** The period the results were found for (the search fields may have changed since). */
  readonly searchedPeriod: PeriodValue | null
  readonly setPeriod: (period: PeriodValue) => void
  readonly setKind: (kind: ResourceKind | '') => void
  readonly setCategoryId: (categoryId: string) => void
  readonly setQuantity: (quantity: string) => void
  readonly search: () => Promise<void>
}

export const useAvailability = create<AvailabilityState>()((set, get) => ({
  period: emptyPeriod,
  kind: '',
  categoryId: '',
  quantity: '',
  status: 'idle',
  error: null,
  fieldErrors: {},
  results: [],
  searchedPeriod: null,
  setPeriod: (period) => set({ period, fieldErrors: {} }),
  setKind: (kind) => set({ kind, categoryId: '' }),
  setCategoryId: (categoryId) => set({ categoryId }),
  setQuantity: (quantity) => set({ quantity }),
  search: async () => {
    const { period, kind, categoryId, quantity } = get()
    const range = periodToApi(period)
    if (!range) {
      set({ fieldErrors: periodFieldErrors(period) })
      return
    }
    const qty = quantity.trim()
    set({ status: 'loading', error: null, fieldErrors: {} })
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
    const results = [...result.value].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    set({ status: 'ready', results, searchedPeriod: period })
  },
}))
