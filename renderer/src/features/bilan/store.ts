/**
 * State of the Bilan page: the period (a calendar year by default), the grouping (resource, category
 * or commune) and the usage report of that choice (`reports.usage`).
 */
import { create } from 'zustand'
import type { UsageGrouping, UsageReport } from '../../../../shared/domain/costs'
import { api } from '../../api'
import { todayLocalDate } from '../../lib/dates'
import { periodContaining, type ReportPeriod } from '../costs/period'

interface BilanState {
  readonly period: ReportPeriod
  readonly groupBy: UsageGrouping
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly report: UsageReport | null
  readonly setPeriod: (period: ReportPeriod) => void
  readonly setGroupBy: (groupBy: UsageGrouping) => void
  readonly load: () => Promise<void>
}

export const useBilan = create<BilanState>()((set, get) => ({
  period: periodContaining(todayLocalDate(), 'year'),
  groupBy: 'category',
  status: 'idle',
  error: null,
  report: null,
  setPeriod: (period) => {
    set({ period })
    void get().load()
  },
  setGroupBy: (groupBy) => {
    set({ groupBy })
    void get().load()
  },
  load: async () => {
    const { period, groupBy } = get()
    set({ status: 'loading', error: null })
    const result = await api.reports.usage({ from: period.from, to: period.to, groupBy })
    // A newer choice was made meanwhile: its own load shows its data.
    if (get().period !== period || get().groupBy !== groupBy) return
    if (!result.ok) return set({ status: 'error', error: result.error.message })
    set({ status: 'ready', report: result.value })
  },
}))
