/**
 * Resource detail page model: the unavailability form (draft → `unavailabilities.create` input),
 * the quantity a booking holds of the resource, and (re-exported from `journal.ts`) the journal made
 * readable. Pure, no DOM.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { Booking, Resource, ResourceKind, UnavailabilityKind } from '../../../../shared/domain/types'
import { unavailabilityKinds } from '../../../../shared/domain/types'
import { kindLabel } from '../../lib/labels'
import type { PeriodField, PeriodValue } from '../../lib/period'
import { emptyPeriod, periodFieldErrors, periodFieldFor, periodToApi } from '../../lib/period'

// ---------- Bookings ----------

/** Units of `resourceId` a booking holds (0 when it does not name it). */
export function bookingQuantity(booking: Pick<Booking, 'items'>, resourceId: string): number {
  return booking.items
    .filter((item) => item.resourceId === resourceId)
    .reduce((sum, item) => sum + item.quantity, 0)
}

// ---------- Unavailability form ----------

/** The unavailability form as typed. */
export interface UnavailabilityDraft {
  readonly kind: UnavailabilityKind
  readonly reason: string
  readonly period: PeriodValue
  /** Stock only: units withdrawn, as typed. */
  readonly quantity: string
}

/** A new unavailability: `Congé` for an agent, `Entretien` otherwise; whole days. */
export function emptyUnavailabilityDraft(kind: ResourceKind): UnavailabilityDraft {
  return { kind: kind === 'staff' ? 'leave' : 'maintenance', reason: '', period: emptyPeriod, quantity: '' }
}

/** Motifs offered for a kind of resource: leave for agents only. */
export function unavailabilityKindsFor(kind: ResourceKind): UnavailabilityKind[] {
  return kind === 'staff' ? [...unavailabilityKinds] : unavailabilityKinds.filter((k) => k !== 'leave')
}

/** Field of the form an error is shown under: `reason`, `kind`, `quantity` or a period field. */
export type UnavailabilityField = 'reason' | 'kind' | 'quantity' | PeriodField

/**
 * What is missing or not understood in the draft, as French messages by form field; empty when
 * it can be sent. `stockQuantity` is the resource's stock (null for a unit resource).
 */
export function unavailabilityDraftErrors(
  draft: UnavailabilityDraft,
  stockQuantity: number | null,
): Partial<Record<UnavailabilityField, string>> {
  const errors: Partial<Record<UnavailabilityField, string>> = { ...periodFieldErrors(draft.period) }
  if (draft.reason.trim() === '') errors.reason = 'Indiquez la raison (ex. : pneu crevé, révision annuelle).'
  if (stockQuantity !== null) {
    const text = draft.quantity.trim()
    const n = Number(text)
    if (text === '') errors.quantity = 'Indiquez combien d’unités sont retirées.'
    else if (!/^\d+$/.test(text) || n < 1) errors.quantity = 'Un nombre entier d’au moins 1.'
    else if (n > stockQuantity) errors.quantity = `Au plus ${stockQuantity}, le stock total.`
  }
  return errors
}

/** The `unavailabilities.create` input of a complete draft, or null while incomplete. */
export function unavailabilityInput(
  resourceId: string,
  draft: UnavailabilityDraft,
  isStock: boolean,
): MethodInput<'unavailabilities.create'> | null {
  const period = periodToApi(draft.period)
  if (!period || draft.reason.trim() === '') return null
  return {
    resourceId,
    kind: draft.kind,
    reason: draft.reason.trim(),
    start: period.start,
    end: period.end,
    ...(isStock ? { quantity: Number(draft.quantity.trim()) } : {}),
  }
}

/** API field issues (`start`, `end`, `reason`…) → form fields; anything else under `form`. */
export function unavailabilityIssueFields(
  issues: Readonly<Record<string, string>>,
  draft: UnavailabilityDraft,
): Partial<Record<UnavailabilityField | 'form', string>> {
  const result: Partial<Record<UnavailabilityField | 'form', string>> = {}
  for (const [path, message] of Object.entries(issues)) {
    const field = path.split('.')[0] ?? ''
    if (field === 'start' || field === 'end') result[periodFieldFor(field, draft.period.mode)] ??= message
    else if (field === 'reason' || field === 'kind' || field === 'quantity') result[field] ??= message
    else result.form ??= message
  }
  return result
}

export * from './journal'

/** Title of a resource's kind for its detail page: `Matériel à l'unité`, `Matériel en nombre`, `Véhicule`, `Agent`. */
export function resourceKindTitle(resource: Pick<Resource, 'kind' | 'tracking'>): string {
  if (resource.kind !== 'equipment') return kindLabel(resource.kind)
  return resource.tracking === 'stock' ? 'Matériel en nombre' : 'Matériel à l’unité'
}
