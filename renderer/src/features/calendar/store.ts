/**
 * Calendar page state: the commune shown, the view (month or week), the anchor date, and the
 * bookings and public holidays of the visible days.
 */
import { create } from 'zustand'
import type { Booking, Holiday } from '../../../../shared/domain/types'
import { addDaysToDate } from '../../../../shared/time'
import { api } from '../../api'
import { todayLocalDate } from '../../lib/dates'
import type { LoadStatus } from '../../stores/reference'
import type { CalendarView } from './model'
import { bookingDaySpan, stepAnchor, visibleDays } from './model'

interface CalendarState {
  readonly communeId: string
  readonly view: CalendarView
  /** Any local date of the month or week shown. */
  readonly anchor: string
  readonly status: LoadStatus
  readonly error: string | null
  readonly bookings: readonly Booking[]
  readonly holidays: readonly Holiday[]
  readonly selectedId: string | null
  readonly setCommuneId: (communeId: string) => void
  readonly setView: (view: CalendarView) => void
  readonly step: (step: -1 | 1) => void
  readonly today: () => void
  readonly goTo: (date: string) => void
  readonly select: (bookingId: string | null) => void
  /** Shows a booking: its commune, the week or month of its first day. */
  readonly showBooking: (booking: Booking) => void
  readonly load: () => Promise<void>
}

let loadSequence = 0

export const useCalendar = create<CalendarState>()((set, get) => ({
  communeId: '',
  view: 'month',
  anchor: todayLocalDate(),
  status: 'idle',
  error: null,
  bookings: [],
  holidays: [],
  selectedId: null,
  setCommuneId: (communeId) => set({ communeId, selectedId: null }),
  setView: (view) => set({ view }),
  step: (step) => set((s) => ({ anchor: stepAnchor(s.view, s.anchor, step) })),
  today: () => set({ anchor: todayLocalDate() }),
  goTo: (anchor) => set({ anchor }),
  select: (selectedId) => set({ selectedId }),
  showBooking: (booking) =>
    set({ communeId: booking.communeId, anchor: bookingDaySpan(booking).first, selectedId: null }),
  load: async () => {
    const { communeId, view, anchor } = get()
    const days = visibleDays(view, anchor)
    const from = days[0] ?? anchor
    const last = days[days.length - 1] ?? anchor
    const sequence = ++loadSequence
    set({ status: 'loading', error: null })
    const [holidays, bookings] = await Promise.all([
      api.holidays.list({ from, to: last }),
      communeId
        ? api.bookings.list({ from, to: addDaysToDate(last, 1), communeId })
        : Promise.resolve({ ok: true as const, value: [] as Booking[] }),
    ])
    if (sequence !== loadSequence) return
    if (!bookings.ok) {
      set({ status: 'error', error: bookings.error.message })
      return
    }
    set({
      status: 'ready',
      bookings: bookings.value,
      // Holidays are a help, not a must: without them the calendar still shows the bookings.
      holidays: holidays.ok ? holidays.value : [],
      error: holidays.ok ? null : holidays.error.message,
    })
  },
}))
