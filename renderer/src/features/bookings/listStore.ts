/**
 * The bookings list of the Réservations page: bookings overlapping [today, today + horizon), an
 * optional commune filter, and the cancellation dialog.
 */
import { create } from 'zustand'
import type { Booking } from '../../../../shared/domain/types'
import { addDaysToDate } from '../../../../shared/time'
import { api } from '../../api'
import { addMonthsToDate, todayLocalDate } from '../../lib/dates'
import type { LoadStatus } from '../../stores/reference'

export const horizons = [1, 3, 6, 12] as const
export type Horizon = (typeof horizons)[number]

interface BookingListState {
  readonly status: LoadStatus
  readonly error: string | null
  readonly bookings: readonly Booking[]
  readonly communeId: string
  readonly horizonMonths: Horizon
  readonly cancelTarget: Booking | null
  readonly cancelReason: string
  readonly cancelling: boolean
  readonly cancelError: string | null
  readonly notice: string | null
  readonly setCommuneId: (communeId: string) => void
  readonly setHorizon: (months: Horizon) => void
  readonly load: () => Promise<void>
  readonly askCancel: (booking: Booking) => void
  readonly setCancelReason: (reason: string) => void
  readonly closeCancel: () => void
  readonly confirmCancel: () => Promise<void>
  readonly dismissNotice: () => void
}

let loadSequence = 0

/** The dates the list covers: from today (Europe/Paris) to the end of the horizon, end exclusive. */
export function listRange(horizonMonths: number, today = todayLocalDate()): { from: string; to: string } {
  return { from: today, to: addDaysToDate(addMonthsToDate(today, horizonMonths), 1) }
}

export const useBookingList = create<BookingListState>()((set, get) => ({
  status: 'idle',
  error: null,
  bookings: [],
  communeId: '',
  horizonMonths: 3,
  cancelTarget: null,
  cancelReason: '',
  cancelling: false,
  cancelError: null,
  notice: null,
  setCommuneId: (communeId) => set({ communeId }),
  setHorizon: (horizonMonths) => set({ horizonMonths }),
  load: async () => {
    const sequence = ++loadSequence
    const { communeId, horizonMonths } = get()
    set({ status: 'loading', error: null })
    const result = await api.bookings.list({
      ...listRange(horizonMonths),
      ...(communeId ? { communeId } : {}),
    })
    if (sequence !== loadSequence) return
    if (!result.ok) {
      set({ status: 'error', error: result.error.message })
      return
    }
    const bookings = [...result.value].sort(
      (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.reference.localeCompare(b.reference),
    )
    set({ status: 'ready', bookings })
  },
  askCancel: (booking) => set({ cancelTarget: booking, cancelReason: '', cancelError: null }),
  setCancelReason: (cancelReason) => set({ cancelReason }),
  closeCancel: () => set({ cancelTarget: null, cancelError: null }),
  confirmCancel: async () => {
    const { cancelTarget, cancelReason, cancelling } = get()
    if (!cancelTarget || cancelling) return
    set({ cancelling: true, cancelError: null })
    const reason = cancelReason.trim()
    const result = await api.bookings.cancel({ id: cancelTarget.id, ...(reason ? { reason } : {}) })
    if (!result.ok) {
      set({ cancelling: false, cancelError: result.error.message })
      return
    }
    set({
      cancelling: false,
      cancelTarget: null,
      notice: `La réservation ${result.value.reference} est annulée ; ses ressources sont de nouveau disponibles.`,
    })
    await get().load()
  },
  dismissNotice: () => set({ notice: null }),
}))
