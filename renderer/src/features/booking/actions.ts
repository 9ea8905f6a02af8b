/**
 * The lifecycle actions on one booking, shared by the booking page, the inbox and the depot list:
 * Accepter, Refuser (reason required), Annuler, Remettre (check-out), Réceptionner (return), the
 * slips (PDF) and « Annuler la série à partir de… ». One dialog at a time; what was typed stays in
 * the dialog when the backend refuses. `version` changes after each stored action so that the pages
 * showing bookings reload.
 */
import { create } from 'zustand'
import type { Booking } from '../../../../shared/domain/types'
import { instantToLocalDate } from '../../../../shared/time'
import { api } from '../../api'
import { errorConflicts, issuesByPath } from '../../lib/apiErrors'
import { formatDateText, parseDateText } from '../../lib/period'
import { byId, useReference } from '../../stores/reference'
import { downloadPdf } from '../calendar/files'
import { qualificationIssuesOf } from '../bookings/lifecycle'
import type { CheckOutDraft, ReturnDraft, ReturnLineDraft } from './handover'
import {
  checkOutDraftErrors,
  checkOutInput,
  emptyCheckOutDraft,
  fullReturnDraft,
  returnDraftErrors,
  returnInput,
  returnIssueFields,
} from './handover'

export type ActionDialog =
  | { readonly kind: 'reject'; readonly booking: Booking; readonly reason: string }
  | { readonly kind: 'cancel'; readonly booking: Booking; readonly reason: string }
  | { readonly kind: 'checkOut'; readonly booking: Booking; readonly draft: CheckOutDraft }
  | {
      readonly kind: 'return'
      readonly booking: Booking
      readonly draft: ReturnDraft
      /** When the dialog opened, epoch ms: a return before the booking's end is an early one. */
      readonly openedAt: number
    }
  | {
      readonly kind: 'cancelSeries'
      readonly booking: Booking
      readonly from: string
      readonly reason: string
    }

/** The message after an action: what happened, or why it was refused (with the conflicts' lines). */
export interface ActionNotice {
  readonly tone: 'success' | 'error'
  readonly text: string
  readonly lines: readonly string[]
}

interface ActionsState {
  readonly dialog: ActionDialog | null
  /** Field errors of the dialog (`reason`, `odometerKm`, `lines.0.damaged`, `from`). */
  readonly errors: Readonly<Record<string, string>>
  /** The dialog's refusal message. */
  readonly error: string | null
  readonly busy: boolean
  /** Booking ids with an action under way outside a dialog (Accepter, a slip). */
  readonly working: ReadonlySet<string>
  readonly version: number
  readonly notice: ActionNotice | null
  readonly approve: (booking: Booking) => Promise<boolean>
  readonly openReject: (booking: Booking) => void
  readonly openCancel: (booking: Booking) => void
  readonly openCheckOut: (booking: Booking) => void
  readonly openReturn: (booking: Booking) => void
  readonly openCancelSeries: (booking: Booking) => void
  readonly setReason: (reason: string) => void
  readonly setSeriesFrom: (from: string) => void
  readonly setCheckOut: (patch: Partial<CheckOutDraft>) => void
  readonly setReturn: (patch: Partial<Omit<ReturnDraft, 'lines'>>) => void
  readonly setReturnLine: (
    index: number,
    patch: Partial<Pick<ReturnLineDraft, 'returned' | 'damaged'>>,
  ) => void
  readonly close: () => void
  /** Sends the open dialog; resolves to true when the backend stored it. */
  readonly confirm: () => Promise<boolean>
  readonly downloadSlip: (booking: Booking, kind: 'checkout' | 'return') => Promise<void>
  readonly dismissNotice: () => void
}

function markWorking(working: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(working)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

/** The French success message of a stored action. */
function successText(dialog: ActionDialog, stored: Booking | readonly Booking[]): string {
  const ref = dialog.booking.reference
  switch (dialog.kind) {
    case 'reject':
      return `${ref} est refusée ; la commune verra le motif.`
    case 'cancel':
      return `${ref} est annulée ; ses ressources sont de nouveau disponibles.`
    case 'checkOut':
      return `${ref} est remise : le matériel est sorti.`
    case 'return':
      return `${ref} est réceptionnée : le matériel est rentré.`
    case 'cancelSeries': {
      const count = Array.isArray(stored) ? stored.length : 1
      return count === 0
        ? 'Aucune réservation de la série n’était à annuler à partir de cette date.'
        : `${count} réservation${count > 1 ? 's' : ''} de la série annulée${count > 1 ? 's' : ''}.`
    }
  }
}

export const useBookingActions = create<ActionsState>()((set, get) => {
  const open = (dialog: ActionDialog) => set({ dialog, errors: {}, error: null, busy: false })
  const stored = (text: string) =>
    set((s) => ({ version: s.version + 1, notice: { tone: 'success', text, lines: [] } }))
  return {
    dialog: null,
    errors: {},
    error: null,
    busy: false,
    working: new Set<string>(),
    version: 0,
    notice: null,

    approve: async (booking) => {
      if (get().working.has(booking.id)) return false
      set((s) => ({ working: markWorking(s.working, booking.id, true), notice: null }))
      const result = await api.bookings.approve({ id: booking.id })
      set((s) => ({ working: markWorking(s.working, booking.id, false) }))
      if (!result.ok) {
        const lines = [
          ...errorConflicts(result.error).map((c) => c.message),
          ...qualificationIssuesOf(result.error).map((i) => i.message),
        ]
        // Someone else acted first (another manager, the commune cancelling): the lists must show it.
        const moved = result.error.code === 'INVALID_TRANSITION'
        set((s) => ({
          version: moved ? s.version + 1 : s.version,
          notice: {
            tone: 'error',
            text: moved
              ? `${booking.reference} a changé entre-temps : ${result.error.message} La liste est mise à jour.`
              : `${booking.reference} n’a pas été acceptée : ${result.error.message}`,
            lines,
          },
        }))
        return false
      }
      stored(`${booking.reference} est acceptée : la commune peut compter sur le matériel.`)
      return true
    },
    openReject: (booking) => open({ kind: 'reject', booking, reason: '' }),
    openCancel: (booking) => open({ kind: 'cancel', booking, reason: '' }),
    openCheckOut: (booking) => open({ kind: 'checkOut', booking, draft: emptyCheckOutDraft }),
    openReturn: (booking) =>
      open({
        kind: 'return',
        booking,
        draft: fullReturnDraft(booking, byId(useReference.getState().resources)),
        openedAt: Date.now(),
      }),
    openCancelSeries: (booking) =>
      open({
        kind: 'cancelSeries',
        booking,
        from: formatDateText(booking.startDate ?? instantToLocalDate(Date.parse(booking.start))),
        reason: '',
      }),
    setReason: (reason) =>
      set((s) =>
        s.dialog && 'reason' in s.dialog ? { dialog: { ...s.dialog, reason }, errors: {}, error: null } : {},
      ),
    setSeriesFrom: (from) =>
      set((s) =>
        s.dialog?.kind === 'cancelSeries' ? { dialog: { ...s.dialog, from }, errors: {}, error: null } : {},
      ),
    setCheckOut: (patch) =>
      set((s) =>
        s.dialog?.kind === 'checkOut'
          ? { dialog: { ...s.dialog, draft: { ...s.dialog.draft, ...patch } }, errors: {}, error: null }
          : {},
      ),
    setReturn: (patch) =>
      set((s) =>
        s.dialog?.kind === 'return'
          ? { dialog: { ...s.dialog, draft: { ...s.dialog.draft, ...patch } }, errors: {}, error: null }
          : {},
      ),
    setReturnLine: (index, patch) =>
      set((s) => {
        if (s.dialog?.kind !== 'return') return {}
        const lines = s.dialog.draft.lines.map((line, i) => (i === index ? { ...line, ...patch } : line))
        return { dialog: { ...s.dialog, draft: { ...s.dialog.draft, lines } }, errors: {}, error: null }
      }),
    close: () => set({ dialog: null, errors: {}, error: null, busy: false }),

    confirm: async () => {
      const { dialog, busy } = get()
      if (!dialog || busy) return false
      let errors: Record<string, string> = {}
      if (dialog.kind === 'reject' && dialog.reason.trim() === '') {
        errors = { reason: 'Indiquez le motif du refus : la commune le lira.' }
      } else if (dialog.kind === 'checkOut') errors = checkOutDraftErrors(dialog.draft)
      else if (dialog.kind === 'return')
        errors = returnDraftErrors(dialog.draft, dialog.booking.checkOut?.odometerKm ?? null)
      else if (dialog.kind === 'cancelSeries' && !parseDateText(dialog.from)) {
        errors = { from: 'Date non reconnue : écrivez-la jj/mm/aaaa.' }
      }
      if (Object.keys(errors).length > 0) {
        set({ errors, error: 'Corrigez les champs en rouge.' })
        return false
      }
      set({ busy: true, error: null })
      const id = dialog.booking.id
      const reason = 'reason' in dialog ? dialog.reason.trim() : ''
      const result =
        dialog.kind === 'reject'
          ? await api.bookings.reject({ id, reason })
          : dialog.kind === 'cancel'
            ? await api.bookings.cancel({ id, ...(reason ? { reason } : {}) })
            : dialog.kind === 'checkOut'
              ? await api.bookings.checkOut(checkOutInput(id, dialog.draft))
              : dialog.kind === 'return'
                ? await api.bookings.return(returnInput(id, dialog.draft))
                : await api.series.cancel({
                    id: dialog.booking.seriesId ?? '',
                    from: parseDateText(dialog.from) ?? '',
                    ...(reason ? { reason } : {}),
                  })
      if (get().dialog !== dialog) return false
      if (!result.ok) {
        const issues = issuesByPath(result.error)
        const fieldErrors =
          dialog.kind === 'return'
            ? returnIssueFields(issues)
            : Object.fromEntries(Object.entries(issues).map(([path, message]) => [path || 'form', message]))
        const { form: _form, ...shown } = fieldErrors
        if (result.error.code === 'INVALID_TRANSITION') {
          // Changed by someone else meanwhile: keep the dialog (and what was typed), refresh the lists.
          set((s) => ({
            busy: false,
            errors: shown,
            version: s.version + 1,
            error: `${result.error.message} Elle a changé entre-temps : la liste est mise à jour.`,
          }))
          return false
        }
        set({ busy: false, errors: shown, error: result.error.message })
        return false
      }
      set({ dialog: null, busy: false, errors: {}, error: null })
      stored(successText(dialog, result.value))
      return true
    },

    downloadSlip: async (booking, kind) => {
      const key = `${booking.id}:${kind}`
      if (get().working.has(key)) return
      set((s) => ({ working: markWorking(s.working, key, true), notice: null }))
      const result = await api.bookings.slip({ id: booking.id, kind })
      set((s) => ({ working: markWorking(s.working, key, false) }))
      if (!result.ok) {
        set({ notice: { tone: 'error', text: result.error.message, lines: [] } })
        return
      }
      downloadPdf(result.value)
    },

    dismissNotice: () => set({ notice: null }),
  }
})
