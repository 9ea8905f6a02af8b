/**
 * Quantities typed in the form: whole numbers, stock and units out of service. Pure functions, no DOM,
 * no store.
 */
import { type ResourceDraft } from './draft'

/** Units of a stock that can be lent: total less those out of service, never below 0. */
export function lendableQuantity(total: number, outOfService: number): number {
  return Math.max(0, total - Math.max(0, outOfService))
}

/** The lendable quantity of the draft of a stock, or null while total or out-of-service is not a number. */
export function draftLendable(draft: ResourceDraft): number | null {
  const total = wholeNumber(draft.quantity)
  const out = draft.outOfServiceQuantity.trim() === '' ? 0 : wholeNumber(draft.outOfServiceQuantity)
  return total === null || out === null ? null : lendableQuantity(total, out)
}

/** A whole number typed in a field (digits only, surrounding spaces allowed), or null. */
export function wholeNumber(value: string): number | null {
  const trimmed = value.trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null
}
