/**
 * Booking form state: the draft (kept whatever happens until a booking is stored), the live
 * availability check and the submission. The check is debounced by the page (~250 ms) and
 * stale answers are dropped.
 */
import { create } from 'zustand'
import type { Booking, Conflict } from '../../../../shared/domain/types'
import { api } from '../../api'
import { errorConflicts, fieldIssues, formMessage, issuesByPath } from '../../lib/apiErrors'
import type { PeriodValue } from '../../lib/period'
import { byId, useReference } from '../../stores/reference'
import type { BookingDraft, BookingFieldErrors } from './model'
import {
  draftToCheckInput,
  draftToCreateInput,
  emptyBookingDraft,
  mapIssuePaths,
  missingFields,
} from './model'

export type CheckState =
  | { readonly status: 'incomplete' }
  | { readonly status: 'checking' }
  | { readonly status: 'available' }
  | { readonly status: 'conflicts'; readonly conflicts: readonly Conflict[] }
  | { readonly status: 'invalid'; readonly messages: readonly string[] }
  | { readonly status: 'error'; readonly message: string }

interface BookingFormState {
  readonly draft: BookingDraft
  /** The resource chosen in "Ressource à ajouter", not yet added. */
  readonly pick: string
  readonly fieldErrors: BookingFieldErrors
  readonly formError: string | null
  readonly submitting: boolean
  readonly created: Booking | null
  readonly check: CheckState
  readonly setCommune: (communeId: string) => void
  readonly setTitle: (title: string) => void
  readonly setPeriod: (period: PeriodValue) => void
  readonly setNotes: (notes: string) => void
  readonly setPick: (resourceId: string) => void
  readonly addPicked: () => void
  readonly setItemQuantity: (index: number, quantity: string) => void
  readonly removeItem: (index: number) => void
  /** Starts or completes a request from elsewhere (Disponibilités): period and one resource. */
  readonly prefill: (period: PeriodValue, resourceId: string, quantity: number) => void
  readonly clear: () => void
  readonly dismissCreated: () => void
  readonly checkAvailability: () => Promise<void>
  readonly submit: () => Promise<Booking | null>
}

let checkSequence = 0

/** API paths that the form shows next to a field. */
const bookingFieldPattern = /^(communeId|title|start|end|notes|items(\.\d+(\.(quantity|resourceId))?)?)$/

function without(errors: BookingFieldErrors, ...keys: string[]): BookingFieldErrors {
  const next = { ...errors }
  for (const key of keys) delete next[key]
  delete next.form
  return next
}

export const useBookingForm = create<BookingFormState>()((set, get) => ({
  draft: emptyBookingDraft,
  pick: '',
  fieldErrors: {},
  formError: null,
  submitting: false,
  created: null,
  check: { status: 'incomplete' },
  setCommune: (communeId) =>
    set((s) => ({
      draft: { ...s.draft, communeId },
      formError: null,
      fieldErrors: without(s.fieldErrors, 'communeId'),
    })),
  setTitle: (title) =>
    set((s) => ({
      draft: { ...s.draft, title },
      formError: null,
      fieldErrors: without(s.fieldErrors, 'title'),
    })),
  setPeriod: (period) =>
    set((s) => ({
      draft: { ...s.draft, period },
      formError: null,
      fieldErrors: without(s.fieldErrors, 'firstDay', 'lastDay', 'start', 'end'),
    })),
  setNotes: (notes) =>
    set((s) => ({
      draft: { ...s.draft, notes },
      formError: null,
      fieldErrors: without(s.fieldErrors, 'notes'),
    })),
  setPick: (pick) => set({ pick }),
  addPicked: () =>
    set((s) => {
      if (!s.pick || s.draft.items.some((i) => i.resourceId === s.pick)) return { pick: '' }
      return {
        pick: '',
        draft: { ...s.draft, items: [...s.draft.items, { resourceId: s.pick, quantity: '1' }] },
        formError: null,
        fieldErrors: without(s.fieldErrors, 'items'),
      }
    }),
  setItemQuantity: (index, quantity) =>
    set((s) => ({
      draft: {
        ...s.draft,
        items: s.draft.items.map((item, i) => (i === index ? { ...item, quantity } : item)),
      },
      formError: null,
      fieldErrors: without(s.fieldErrors, `items.${index}.quantity`, `items.${index}`),
    })),
  removeItem: (index) =>
    set((s) => ({
      draft: { ...s.draft, items: s.draft.items.filter((_, i) => i !== index) },
      formError: null,
      // Item errors are positional: after a removal they no longer point at the right row.
      fieldErrors: Object.fromEntries(Object.entries(s.fieldErrors).filter(([k]) => !k.startsWith('items'))),
    })),
  prefill: (period, resourceId, quantity) =>
    set((s) => {
      const others = s.draft.items.filter((i) => i.resourceId !== resourceId)
      return {
        draft: { ...s.draft, period, items: [...others, { resourceId, quantity: String(quantity) }] },
        fieldErrors: {},
        formError: null,
        created: null,
      }
    }),
  clear: () =>
    set({
      draft: emptyBookingDraft,
      pick: '',
      fieldErrors: {},
      formError: null,
      check: { status: 'incomplete' },
    }),
  dismissCreated: () => set({ created: null }),

  checkAvailability: async () => {
    const sequence = ++checkSequence
    const resourcesById = byId(useReference.getState().resources)
    const input = draftToCheckInput(get().draft, resourcesById)
    if (!input) {
      set({ check: { status: 'incomplete' } })
      return
    }
    set({ check: { status: 'checking' } })
    const result = await api.availability.check(input)
    if (sequence !== checkSequence) return
    if (result.ok) {
      set({
        check: result.value.available
          ? { status: 'available' }
          : { status: 'conflicts', conflicts: result.value.conflicts },
      })
    } else if (result.error.code === 'INVALID_INPUT') {
      const issues = fieldIssues(result.error).map((i) => i.message)
      set({ check: { status: 'invalid', messages: issues.length > 0 ? issues : [result.error.message] } })
    } else {
      set({ check: { status: 'error', message: result.error.message } })
    }
  },

  submit: async () => {
    const state = get()
    if (state.submitting) return null
    const missing = missingFields(state.draft)
    if (Object.keys(missing).length > 0) {
      set({
        fieldErrors: missing,
        formError: 'Complétez les champs signalés avant de réserver.',
        created: null,
      })
      return null
    }
    set({ submitting: true, formError: null, created: null })
    const resourcesById = byId(useReference.getState().resources)
    const result = await api.bookings.create(draftToCreateInput(state.draft, resourcesById))
    if (!result.ok) {
      const conflicts = errorConflicts(result.error)
      set({
        submitting: false,
        formError: formMessage(result.error, (path) => bookingFieldPattern.test(path)),
        fieldErrors: mapIssuePaths(issuesByPath(result.error), get().draft.period),
        ...(conflicts.length > 0 ? { check: { status: 'conflicts', conflicts } } : {}),
      })
      return null
    }
    checkSequence++
    set({
      submitting: false,
      created: result.value,
      draft: emptyBookingDraft,
      pick: '',
      fieldErrors: {},
      formError: null,
      check: { status: 'incomplete' },
    })
    return result.value
  },
}))
