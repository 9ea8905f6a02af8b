/**
 * Booking form model: the draft as typed and its conversion to the contract's inputs. Pure, no DOM.
 * Whether the request fits is decided by the backend (`availability.check`, `bookings.create`),
 * with the rule of `shared/availability.ts`.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { Booking, Resource } from '../../../../shared/domain/types'
import type { PeriodField, PeriodValue } from '../../lib/period'
import { emptyPeriod, periodFieldErrors, periodFieldFor, periodToApi } from '../../lib/period'
import { cancellableStatuses } from '../../../../shared/domain/types'
import type { DeliveryDraft, OperatorDraft } from './lifecycle'
import {
  deliveryToApi,
  emptyDelivery,
  emptyOperator,
  lifecycleMissingFields,
  operatorToApi,
} from './lifecycle'
import type { RepeatDraft } from './repeat'
import { emptyRepeat, repeatErrors, repeatRule } from './repeat'

export interface BookingItemDraft {
  readonly resourceId: string
  /** As typed; only stock resources have an editable quantity. */
  readonly quantity: string
}

export interface BookingDraft {
  readonly communeId: string
  readonly title: string
  readonly period: PeriodValue
  readonly items: readonly BookingItemDraft[]
  readonly notes: string
  readonly operator: OperatorDraft
  readonly delivery: DeliveryDraft
  readonly repeat: RepeatDraft
}

export const emptyBookingDraft: BookingDraft = {
  communeId: '',
  title: '',
  period: emptyPeriod,
  items: [],
  notes: '',
  operator: emptyOperator,
  delivery: emptyDelivery,
  repeat: emptyRepeat,
}

type ItemInput = MethodInput<'bookings.create'>['items'][number]

/** Items of the API: stock resources carry their quantity, unit resources none (1). */
export function itemsToApi(
  items: readonly BookingItemDraft[],
  resourcesById: ReadonlyMap<string, Resource>,
): ItemInput[] {
  return items.map((item) => {
    const resource = resourcesById.get(item.resourceId)
    if (resource?.tracking !== 'stock') return { resourceId: item.resourceId }
    const text = item.quantity.trim()
    return { resourceId: item.resourceId, quantity: text === '' ? Number.NaN : Number(text) }
  })
}

/** The `availability.check` input, or null while the period or the items are missing. */
export function draftToCheckInput(
  draft: BookingDraft,
  resourcesById: ReadonlyMap<string, Resource>,
): MethodInput<'availability.check'> | null {
  const period = periodToApi(draft.period)
  if (!period || draft.items.length === 0) return null
  return { ...period, items: itemsToApi(draft.items, resourcesById) }
}

/**
 * The `bookings.create` input. `clientRequestId` is made once per submission of this draft (a second
 * click or a retry sends the same one, and the backend returns the booking already stored).
 */
export function draftToCreateInput(
  draft: BookingDraft,
  resourcesById: ReadonlyMap<string, Resource>,
  clientRequestId?: string,
): MethodInput<'bookings.create'> {
  const period = periodToApi(draft.period) ?? { start: '', end: '' }
  const operator = operatorToApi(draft.operator)
  const delivery = deliveryToApi(draft.delivery)
  return {
    communeId: draft.communeId,
    title: draft.title,
    ...period,
    items: itemsToApi(draft.items, resourcesById),
    ...(draft.notes.trim() ? { notes: draft.notes } : {}),
    ...(operator ? { providedOperator: operator } : {}),
    ...(delivery ? { delivery } : {}),
    ...(clientRequestId ? { clientRequestId } : {}),
  }
}

/**
 * The `series.preview` input of a draft with « Répéter » on: the first occurrence is the period typed,
 * the rule comes from the repeat section. Series carry no delivery (each occurrence would need its own).
 */
export function draftToSeriesInput(
  draft: BookingDraft,
  resourcesById: ReadonlyMap<string, Resource>,
): MethodInput<'series.preview'> {
  const period = periodToApi(draft.period) ?? { start: '', end: '' }
  const operator = operatorToApi(draft.operator)
  return {
    communeId: draft.communeId,
    title: draft.title,
    ...period,
    items: itemsToApi(draft.items, resourcesById),
    ...(draft.notes.trim() ? { notes: draft.notes } : {}),
    ...(operator ? { providedOperator: operator } : {}),
    rule: repeatRule(draft.repeat),
    ...(draft.repeat.exceptionDates.length > 0 ? { exceptionDates: [...draft.repeat.exceptionDates] } : {}),
  }
}

/** Form error keys: API paths (`title`, `items.0.quantity`) and the period fields (`firstDay`…). */
export type BookingFieldErrors = Readonly<Record<string, string>>

/** What must be filled before sending, as French messages by field. */
export function missingFields(draft: BookingDraft): Record<string, string> {
  const missing: Record<string, string> = { ...periodFieldErrors(draft.period) }
  if (!draft.communeId) missing.communeId = 'Choisissez la commune qui fait la demande.'
  if (!draft.title.trim()) missing.title = 'Indiquez l’objet de la réservation (ex. fête de la musique).'
  if (draft.items.length === 0) missing.items = 'Ajoutez au moins une ressource.'
  const firstDay = periodToApi(draft.period)?.start.slice(0, 10) ?? null
  return {
    ...missing,
    ...lifecycleMissingFields(draft.operator, draft.repeat.enabled ? emptyDelivery : draft.delivery),
    ...repeatErrors(draft.repeat, firstDay),
  }
}

/** API issue paths → form fields: `start`/`end` go to the period field of the current mode. */
export function mapIssuePaths(
  issues: Readonly<Record<string, string>>,
  period: PeriodValue,
): Record<string, string> {
  const mapped: Record<string, string> = {}
  for (const [path, message] of Object.entries(issues)) {
    const key: string =
      path === 'start' || path === 'end' ? periodFieldFor(path, period.mode) : path === '' ? 'form' : path
    mapped[key] ??= message
  }
  return mapped
}

/** The period errors of a field map, for PeriodInput. */
export function periodErrors(errors: Readonly<Record<string, string>>): Partial<Record<PeriodField, string>> {
  const result: Partial<Record<PeriodField, string>> = {}
  for (const field of ['firstDay', 'lastDay', 'start', 'end'] as const) {
    if (errors[field]) result[field] = errors[field]
  }
  return result
}

/**
 * Statuses for which the list offers "Annuler". The backend decides (INVALID_TRANSITION otherwise);
 * this only hides the button where it cannot apply.
 */
export function offersCancel(status: Booking['status']): boolean {
  return cancellableStatuses.includes(status)
}
