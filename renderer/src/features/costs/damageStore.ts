/**
 * Damaged or missing units noted at returns, and the manager's decisions (`costs.pendingDamages`,
 * `costs.damages`, `costs.confirmDamage`): the items awaiting a decision, all periods together (the
 * Refacturation page), or one booking's items with their decisions (its page), and the decision
 * dialog.
 */
import { create } from 'zustand'
import type { DamageCharge } from '../../../../shared/domain/costs'
import type { Booking } from '../../../../shared/domain/types'
import { formatLocalDateFr, instantToLocalDate } from '../../../../shared/time'
import { api } from '../../api'
import { issuesByPath } from '../../lib/apiErrors'
import { byId, useReference } from '../../stores/reference'
import type { DamageDraft, DamageRow } from './damages'
import {
  damageDraftErrors,
  damageDraftFrom,
  damageDraftToInput,
  damageRows,
  pendingDamageRows,
} from './damages'

interface DamageDialog {
  readonly row: DamageRow
  readonly draft: DamageDraft
  readonly errors: Readonly<Record<string, string>>
  readonly error: string | null
  readonly saving: boolean
}

interface DamagesState {
  /** What the list shows: `pending` or `booking:<id>`; a load for another scope is dropped. */
  readonly scope: string
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly rows: readonly DamageRow[]
  readonly dialog: DamageDialog | null
  /** What the last confirmation did, in French. */
  readonly notice: string | null
  /** Every returned item with damaged or missing units awaiting a decision. */
  readonly loadPending: () => Promise<void>
  /** One returned booking's damaged or missing units. */
  readonly loadBooking: (booking: Booking) => Promise<void>
  readonly open: (row: DamageRow) => void
  readonly edit: (patch: Partial<DamageDraft>) => void
  readonly close: () => void
  /** Sends the dialog; resolves to true once stored (the list reloads). */
  readonly save: () => Promise<boolean>
  readonly dismissNotice: () => void
}

/** Bookings with something damaged or missing at their return. */
function withDamage(bookings: readonly Booking[]): Booking[] {
  return bookings.filter((b) =>
    b.items.some((item) => {
      const back = b.return?.items.find((r) => r.resourceId === item.resourceId)
      return back !== undefined && (back.damagedQuantity > 0 || back.returnedQuantity < item.quantity)
    }),
  )
}

let reloadCurrent: (() => Promise<void>) | null = null

export const useDamages = create<DamagesState>()((set, get) => {
  const fill = async (scope: string, bookings: readonly Booking[]) => {
    const damaged = withDamage(bookings)
    const charges = await Promise.all(damaged.map((b) => api.costs.damages({ bookingId: b.id })))
    if (get().scope !== scope) return
    const failed = charges.find((r) => !r.ok)
    if (failed && !failed.ok) return set({ status: 'error', error: failed.error.message })
    const byBooking = new Map<string, readonly DamageCharge[]>(
      damaged.map((b, i) => {
        const result = charges[i]
        return [b.id, result?.ok ? result.value : []]
      }),
    )
    const resourcesById = byId(useReference.getState().resources)
    set({ status: 'ready', rows: damageRows(damaged, byBooking, resourcesById) })
  }
  return {
    scope: '',
    status: 'idle',
    error: null,
    rows: [],
    dialog: null,
    notice: null,
    loadPending: async () => {
      const scope = 'pending'
      reloadCurrent = () => get().loadPending()
      set({ scope, status: 'loading', error: null, ...(get().scope === scope ? {} : { rows: [] }) })
      const result = await api.costs.pendingDamages({})
      if (get().scope !== scope) return
      if (!result.ok) return set({ status: 'error', error: result.error.message })
      set({ status: 'ready', rows: pendingDamageRows(result.value) })
    },
    loadBooking: async (booking) => {
      const scope = `booking:${booking.id}`
      reloadCurrent = () => get().loadBooking(booking)
      set({ scope, status: 'loading', error: null, ...(get().scope === scope ? {} : { rows: [] }) })
      await fill(scope, [booking])
    },
    open: (row) =>
      set({ dialog: { row, draft: damageDraftFrom(row), errors: {}, error: null, saving: false } }),
    edit: (patch) =>
      set((s) =>
        s.dialog ? { dialog: { ...s.dialog, draft: { ...s.dialog.draft, ...patch }, errors: {} } } : {},
      ),
    close: () => set({ dialog: null }),
    save: async () => {
      const dialog = get().dialog
      if (!dialog) return false
      const errors = damageDraftErrors(dialog.draft, dialog.row.chargeable)
      if (Object.keys(errors).length > 0) {
        set({ dialog: { ...dialog, errors } })
        return false
      }
      set({ dialog: { ...dialog, saving: true, error: null } })
      const input = damageDraftToInput(dialog.row, dialog.draft)
      const result = await api.costs.confirmDamage(input)
      if (!result.ok) {
        set({
          dialog: {
            ...dialog,
            saving: false,
            error: result.error.message,
            errors: issuesByPath(result.error),
          },
        })
        return false
      }
      const { booking, resourceName } = dialog.row
      set({
        dialog: null,
        notice:
          result.value.decision === 'waive'
            ? `Décision enregistrée : « ${resourceName} » (${booking.reference}) ne sera pas facturé.`
            : `Dégât confirmé pour « ${resourceName} » (${booking.reference}) : il sera facturé sur le relevé de la commune qui couvre le ${formatLocalDateFr(instantToLocalDate(Date.parse(result.value.confirmedAt)))}.`,
      })
      await reloadCurrent?.()
      return true
    },
    dismissNotice: () => set({ notice: null }),
  }
})
