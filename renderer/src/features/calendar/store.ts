/**
 * Calendar page state: the commune shown (or every commune), the view (month, week, day or agenda),
 * the anchor date, the bookings and public holidays of the visible days, and the state of the files
 * made from them (the .ics export, the week's planning as PDF).
 */
import { create } from 'zustand'
import type { CalendarFile } from '../../../../shared/domain/calendar'
import type { Booking, ExportedFile, Holiday } from '../../../../shared/domain/types'
import { addDaysToDate } from '../../../../shared/time'
import { api } from '../../api'
import { startOfWeek, todayLocalDate } from '../../lib/dates'
import type { LoadStatus } from '../../stores/reference'
import type { CalendarView } from './model'
import { ALL_COMMUNES, bookingDaySpan, stepAnchor, visibleDays } from './model'

/** Which file is being made, if any. */
export type FileJob = 'ics' | 'pdf' | null

interface CalendarState {
  /** A commune's id, `ALL_COMMUNES` for every commune, or '' before the default is chosen. */
  readonly communeId: string
  readonly view: CalendarView
  /** Any local date of the month, week or day shown. */
  readonly anchor: string
  readonly status: LoadStatus
  readonly error: string | null
  readonly bookings: readonly Booking[]
  readonly holidays: readonly Holiday[]
  readonly selectedId: string | null
  /** The file being made, and the last failure to make one (French). */
  readonly fileJob: FileJob
  readonly fileError: string | null
  readonly setCommuneId: (communeId: string) => void
  readonly setView: (view: CalendarView) => void
  readonly step: (step: -1 | 1) => void
  readonly today: () => void
  readonly goTo: (date: string) => void
  readonly select: (bookingId: string | null) => void
  /** Shows a booking: its commune (unless every commune is shown), the month, week or day of its first day. */
  readonly showBooking: (booking: Booking) => void
  readonly load: () => Promise<void>
  /** `calendar.ics` for the commune shown (every commune: no filter); null when it failed (see `fileError`). */
  readonly exportIcs: () => Promise<CalendarFile | null>
  /** `planning.pdf` of the week (Monday–Sunday) containing the anchor, for the commune shown. */
  readonly printWeek: () => Promise<ExportedFile | null>
}

let loadSequence = 0

/** The commune filter of API calls: none for every commune. */
function communeFilter(communeId: string): { communeId?: string } {
  return communeId && communeId !== ALL_COMMUNES ? { communeId } : {}
}

export const useCalendar = create<CalendarState>()((set, get) => ({
  communeId: '',
  view: 'month',
  anchor: todayLocalDate(),
  status: 'idle',
  error: null,
  bookings: [],
  holidays: [],
  selectedId: null,
  fileJob: null,
  fileError: null,
  setCommuneId: (communeId) => set({ communeId, selectedId: null, fileError: null }),
  setView: (view) => set({ view }),
  step: (step) => set((s) => ({ anchor: stepAnchor(s.view, s.anchor, step) })),
  today: () => set({ anchor: todayLocalDate() }),
  goTo: (anchor) => set({ anchor }),
  select: (selectedId) => set({ selectedId }),
  showBooking: (booking) =>
    set((s) => ({
      communeId: s.communeId === ALL_COMMUNES ? ALL_COMMUNES : booking.communeId,
      anchor: bookingDaySpan(booking).first,
      selectedId: null,
    })),
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
        ? api.bookings.list({ from, to: addDaysToDate(last, 1), ...communeFilter(communeId) })
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
  exportIcs: async () => {
    set({ fileJob: 'ics', fileError: null })
    const result = await api.calendar.ics(communeFilter(get().communeId))
    if (!result.ok) {
      set({ fileJob: null, fileError: `Export du calendrier impossible : ${result.error.message}` })
      return null
    }
    set({ fileJob: null })
    return result.value
  },
  printWeek: async () => {
    const { anchor, communeId } = get()
    set({ fileJob: 'pdf', fileError: null })
    const result = await api.planning.pdf({ from: startOfWeek(anchor), ...communeFilter(communeId) })
    if (!result.ok) {
      set({ fileJob: null, fileError: `Impression du planning impossible : ${result.error.message}` })
      return null
    }
    set({ fileJob: null })
    return result.value
  },
}))
