/**
 * The depot's day list: the local date shown (today by default, Europe/Paris), the date as typed in
 * the picker, and what `depot.day` says about that day. Answers for another date are dropped.
 */
import { create } from 'zustand'
import type { DepotDay } from '../../../../shared/domain/lifecycle'
import { api } from '../../api'
import { todayLocalDate } from '../../lib/dates'
import { formatDateText } from '../../lib/period'
import type { LoadStatus } from '../../stores/reference'
import { parseDepotDate, stepDay } from './model'

interface DepotState {
  /** `YYYY-MM-DD`, Europe/Paris. */
  readonly date: string
  /** The picker's text (`14/05/2027`). */
  readonly dateText: string
  readonly dateError: string | null
  readonly status: LoadStatus
  readonly error: string | null
  readonly day: DepotDay | null
  readonly setDateText: (text: string) => void
  /** Shows the date typed, or says it cannot be read. */
  readonly applyDateText: () => void
  readonly step: (step: -1 | 1) => void
  readonly today: () => void
  readonly load: () => Promise<void>
}

export const useDepot = create<DepotState>()((set, get) => {
  const show = (date: string) => set({ date, dateText: formatDateText(date), dateError: null })
  return {
    date: todayLocalDate(),
    dateText: formatDateText(todayLocalDate()),
    dateError: null,
    status: 'idle',
    error: null,
    day: null,
    setDateText: (dateText) => set({ dateText, dateError: null }),
    applyDateText: () => {
      const date = parseDepotDate(get().dateText)
      if (date) show(date)
      else set({ dateError: 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 14/05/2027).' })
    },
    step: (step) => show(stepDay(get().date, step)),
    today: () => show(todayLocalDate()),
    load: async () => {
      const date = get().date
      set({ status: get().day?.date === date ? 'ready' : 'loading', error: null })
      const result = await api.depot.day({ date })
      if (get().date !== date) return
      if (!result.ok) {
        set({ status: 'error', error: result.error.message })
        return
      }
      set({ status: 'ready', day: result.value })
    },
  }
})
