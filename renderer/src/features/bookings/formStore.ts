/**
 * Booking form state: the draft (kept whatever happens until a booking is stored), the live
 * availability check and the submission. The check is debounced by the page (~250 ms) and
 * stale answers are dropped.
 */
import { create } from 'zustand'
import type { QualificationIssue } from '../../../../shared/domain/lifecycle'
import type { Booking, Conflict } from '../../../../shared/domain/types'
import { api } from '../../api'
import { errorConflicts, fieldIssues, formMessage, issuesByPath } from '../../lib/apiErrors'
import type { PeriodValue } from '../../lib/period'
import { byId, useReference } from '../../stores/reference'
import type { DeliveryDraft, OperatorDraft } from './lifecycle'
import { qualificationIssuesOf } from './lifecycle'
import type { BookingDraft, BookingFieldErrors } from './model'
import type { RepeatDraft } from './repeat'
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
  /** What the last QUALIFICATION_MISSING refusal said is missing (cleared when the items or operator change). */
  readonly qualificationIssues: readonly QualificationIssue[]
  /**
   * The idempotency key of the draft being sent: made at the first « Réserver » of this draft, sent
   * again by a retry, dropped when the draft changes or once the booking is stored.
   */
  readonly requestId: string | null
  /** The draft `requestId` was made for: another draft (anything edited) gets a new key. */
  readonly requestDraft: BookingDraft | null
  readonly setCommune: (communeId: string) => void
  readonly setTitle: (title: string) => void
  readonly setPeriod: (period: PeriodValue) => void
  readonly setNotes: (notes: string) => void
  readonly setPick: (resourceId: string) => void
  readonly addPicked: () => void
  readonly setItemQuantity: (index: number, quantity: string) => void
  readonly removeItem: (index: number) => void
  /** Adds a resource directly (an agent offered after a QUALIFICATION_MISSING refusal). */
  readonly addResource: (resourceId: string) => void
  readonly setOperator: (patch: Partial<OperatorDraft>) => void
  readonly setDelivery: (patch: Partial<DeliveryDraft>) => void
  readonly setRepeat: (patch: Partial<RepeatDraft>) => void
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

const bookingFieldPatternLifecycle =
  /^(providedOperator|delivery)\.(name|qualification|vehicleId|agentIds|minutes|address)(\.\d+)?$/

function without(errors: BookingFieldErrors, ...keys: string[]): BookingFieldErrors {
  const next = { ...errors }
  for (const key of keys) delete next[key]
  delete next.form
  return next
}

/** The errors without those under `prefix.` (a section edited). */
function withoutPrefix(errors: BookingFieldErrors, prefix: string): BookingFieldErrors {
  return without(Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith(`${prefix}.`))))
}

export const useBookingForm = create<BookingFormState>()((set, get) => ({
  draft: emptyBookingDraft,
  pick: '',
  fieldErrors: {},
  formError: null,
  submitting: false,
  created: null,
  check: { status: 'incomplete' },
  qualificationIssues: [],
  requestId: null,
  requestDraft: null,
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
      qualificationIssues: [],
      // Item errors are positional: after a removal they no longer point at the right row.
      fieldErrors: Object.fromEntries(Object.entries(s.fieldErrors).filter(([k]) => !k.startsWith('items'))),
    })),
  addResource: (resourceId) =>
    set((s) =>
      s.draft.items.some((i) => i.resourceId === resourceId)
        ? {}
        : {
            draft: { ...s.draft, items: [...s.draft.items, { resourceId, quantity: '1' }] },
            formError: null,
            qualificationIssues: [],
            fieldErrors: without(s.fieldErrors, 'items'),
          },
    ),
  setOperator: (patch) =>
    set((s) => ({
      draft: { ...s.draft, operator: { ...s.draft.operator, ...patch } },
      formError: null,
      qualificationIssues: [],
      fieldErrors: withoutPrefix(s.fieldErrors, 'providedOperator'),
    })),
  setDelivery: (patch) =>
    set((s) => ({
      draft: { ...s.draft, delivery: { ...s.draft.delivery, ...patch } },
      formError: null,
      fieldErrors: withoutPrefix(s.fieldErrors, 'delivery'),
    })),
  setRepeat: (patch) =>
    set((s) => ({
      draft: { ...s.draft, repeat: { ...s.draft.repeat, ...patch } },
      formError: null,
      fieldErrors: withoutPrefix(s.fieldErrors, 'repeat'),
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
      qualificationIssues: [],
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
    // One key per draft: a retry of the same draft is the same request, for the backend too.
    const requestId =
      state.requestDraft === state.draft && state.requestId ? state.requestId : crypto.randomUUID()
    set({ submitting: true, formError: null, created: null, requestId, requestDraft: state.draft })
    const resourcesById = byId(useReference.getState().resources)
    const result = await api.bookings.create(draftToCreateInput(state.draft, resourcesById, requestId))
    if (!result.ok) {
      const conflicts = errorConflicts(result.error)
      const issues = qualificationIssuesOf(result.error)
      set({
        submitting: false,
        formError:
          issues.length > 0
            ? 'Il manque un opérateur qualifié : ajoutez un agent proposé ou l’opérateur de la commune dans « Opérateur qualifié » ci-dessus, puis réservez à nouveau.'
            : formMessage(
                result.error,
                (path) => bookingFieldPattern.test(path) || bookingFieldPatternLifecycle.test(path),
              ),
        fieldErrors: issues.length > 0 ? {} : mapIssuePaths(issuesByPath(result.error), get().draft.period),
        qualificationIssues: issues,
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
      qualificationIssues: [],
      requestId: null,
      requestDraft: null,
    })
    return result.value
  },
}))
