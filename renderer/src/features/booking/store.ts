/**
 * The booking page (`#/reservation/<id>`): the booking, its logistics tasks and its journal
 * (`bookings.history`). Answers for another booking than the one shown are dropped.
 */
import { create } from 'zustand'
import type { BookingHistory } from '../../../../shared/domain/lifecycle'
import { api } from '../../api'
import type { LoadStatus } from '../../stores/reference'

interface BookingPageState {
  readonly bookingId: string | null
  readonly status: LoadStatus
  readonly history: BookingHistory | null
  readonly error: string | null
  /** Opens a booking's page (the data of the same booking stays on screen while it reloads). */
  readonly open: (bookingId: string) => Promise<void>
  readonly reload: () => Promise<void>
}

export const useBookingPage = create<BookingPageState>()((set, get) => ({
  bookingId: null,
  status: 'idle',
  history: null,
  error: null,
  open: async (bookingId) => {
    if (get().bookingId !== bookingId) set({ bookingId, history: null, status: 'loading', error: null })
    else set({ error: null })
    const result = await api.bookings.history({ id: bookingId })
    if (get().bookingId !== bookingId) return
    if (!result.ok) {
      set({
        status: 'error',
        error:
          result.error.code === 'NOT_FOUND'
            ? 'Cette réservation n’existe pas. Retrouvez-la dans la liste des réservations par sa référence.'
            : result.error.message,
      })
      return
    }
    set({ status: 'ready', history: result.value })
  },
  reload: async () => {
    const id = get().bookingId
    if (id) await get().open(id)
  },
}))
