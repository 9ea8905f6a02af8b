/**
 * A booking's deposit on its page (`deposits.get`, `deposits.record`): what its rates ask, what was
 * received and given back, and the dialog that records either step.
 */
import { create } from 'zustand'
import type { Deposit } from '../../../../shared/domain/costs'
import { api } from '../../api'
import { issuesByPath } from '../../lib/apiErrors'
import { formatCents } from '../inventory/amounts'
import { depositAmountOf } from './damages'
import { formatAmount } from './format'

export type DepositAction = 'received' | 'returned'

interface DepositDialog {
  readonly action: DepositAction
  /** Euros as typed. */
  readonly amount: string
  readonly notes: string
  readonly errors: Readonly<Record<string, string>>
  readonly error: string | null
  readonly saving: boolean
}

interface DepositState {
  readonly bookingId: string | null
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly deposit: Deposit | null
  readonly dialog: DepositDialog | null
  readonly notice: string | null
  readonly load: (bookingId: string) => Promise<void>
  /** Opens the dialog prefilled: the expected deposit to receive, all that was received to give back. */
  readonly open: (action: DepositAction) => void
  readonly edit: (patch: Partial<Pick<DepositDialog, 'amount' | 'notes'>>) => void
  readonly close: () => void
  readonly save: () => Promise<boolean>
}

export const useDeposit = create<DepositState>()((set, get) => ({
  bookingId: null,
  status: 'idle',
  error: null,
  deposit: null,
  dialog: null,
  notice: null,
  load: async (bookingId) => {
    const other = get().bookingId !== bookingId
    set({
      bookingId,
      status: 'loading',
      error: null,
      ...(other ? { deposit: null, notice: null, dialog: null } : {}),
    })
    const result = await api.deposits.get({ bookingId })
    if (get().bookingId !== bookingId) return
    if (!result.ok) return set({ status: 'error', error: result.error.message })
    set({ status: 'ready', deposit: result.value })
  },
  open: (action) => {
    const deposit = get().deposit
    if (!deposit) return
    const cents = action === 'received' ? deposit.expectedCents : (deposit.receivedCents ?? 0)
    set({
      notice: null,
      dialog: {
        action,
        amount: cents > 0 ? formatCents(cents) : '',
        notes: deposit.notes,
        errors: {},
        error: null,
        saving: false,
      },
    })
  },
  edit: (patch) => set((s) => (s.dialog ? { dialog: { ...s.dialog, ...patch, errors: {} } } : {})),
  close: () => set({ dialog: null }),
  save: async () => {
    const { dialog, bookingId } = get()
    if (!dialog || !bookingId) return false
    const amount = depositAmountOf(dialog.amount)
    if (!amount.ok) {
      set({ dialog: { ...dialog, errors: { amountCents: amount.message } } })
      return false
    }
    set({ dialog: { ...dialog, saving: true, error: null } })
    const result = await api.deposits.record({
      bookingId,
      action: dialog.action,
      amountCents: amount.cents,
      notes: dialog.notes.trim(),
    })
    if (!result.ok) {
      set({
        dialog: { ...dialog, saving: false, error: result.error.message, errors: issuesByPath(result.error) },
      })
      return false
    }
    const deposit = result.value
    set({
      dialog: null,
      deposit,
      notice:
        dialog.action === 'received'
          ? `Caution de ${formatAmount(amount.cents)} reçue.`
          : `Caution rendue : ${formatAmount(amount.cents)}${deposit.retainedCents ? `, ${formatAmount(deposit.retainedCents)} retenus par le pôle` : ''}.`,
    })
    return true
  },
}))
