/**
 * Damaged or missing units noted at a booking's return, and the charges the manager confirmed
 * (`costs.confirmDamage`): which lines await a decision, and the confirmation form; and where a
 * booking's deposit stands. Pure functions, no DOM, no store. The replacement value itself is the
 * backend's default (purchase value ÷ units owned) unless the manager types another.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { DamageCharge, Deposit } from '../../../../shared/domain/costs'
import type { Booking, Resource } from '../../../../shared/domain/types'
import { lineAmountCents, roundHalfUp } from '../../../../shared/costs/money'
import { instantToLocalDate } from '../../../../shared/time'
import { formatCents, parseEuros } from '../inventory/amounts'

/** One item of a returned booking with damaged or missing units. */
export interface DamageRow {
  readonly booking: Booking
  readonly resourceId: string
  readonly resourceName: string
  readonly damaged: number
  readonly missing: number
  /** Units that may be charged: damaged + missing. */
  readonly chargeable: number
  /** The charge confirmed, or null while the manager has not decided. */
  readonly charge: DamageCharge | null
  /** The backend's default value per unit (purchase value ÷ units owned), cents; null without purchase value. */
  readonly defaultUnitValueCents: number | null
}

/**
 * The items of returned bookings that came back damaged or missing, with their confirmed charge.
 * @param chargesByBooking `costs.damages` of each booking, by booking id (missing: none confirmed)
 */
export function damageRows(
  bookings: readonly Booking[],
  chargesByBooking: ReadonlyMap<string, readonly DamageCharge[]>,
  resourcesById: ReadonlyMap<string, Resource>,
): DamageRow[] {
  return bookings.flatMap((booking) => {
    if (booking.status !== 'returned' || booking.return === null) return []
    const charges = chargesByBooking.get(booking.id) ?? []
    return booking.items.flatMap((item): DamageRow[] => {
      const back = booking.return?.items.find((r) => r.resourceId === item.resourceId)
      if (!back) return []
      const missing = Math.max(0, item.quantity - back.returnedQuantity)
      const damaged = back.damagedQuantity
      if (missing + damaged === 0) return []
      const resource = resourcesById.get(item.resourceId)
      const charge = charges.find((c) => c.resourceId === item.resourceId && c.quantity > 0) ?? null
      return [
        {
          booking,
          resourceId: item.resourceId,
          resourceName: resource?.name ?? 'Ressource inconnue',
          damaged,
          missing,
          chargeable: missing + damaged,
          charge,
          defaultUnitValueCents:
            resource?.purchaseValueCents == null || resource.quantity <= 0
              ? null
              : roundHalfUp(BigInt(resource.purchaseValueCents), BigInt(resource.quantity)),
        },
      ]
    })
  })
}

/** The amount of a confirmed charge, as its statement line counts it (shared/costs/money), cents. */
export function chargeAmountCents(charge: Pick<DamageCharge, 'quantity' | 'unitValueCents'>): number {
  return lineAmountCents(charge.quantity, null, 1, 1, charge.unitValueCents, 0)
}

/** Whether a returned booking's return was recorded inside `[from, to]` (local dates, Europe/Paris). */
export function returnedWithin(booking: Booking, from: string, to: string): boolean {
  if (!booking.return) return false
  const day = instantToLocalDate(Date.parse(booking.return.at))
  return day >= from && day <= to
}

/** `2 abîmées, 1 manquante` (stock) in words; `abîmé` / `manquant` for a unit resource. */
export function damageText(row: Pick<DamageRow, 'damaged' | 'missing'>, isStock: boolean): string {
  if (!isStock) return row.missing > 0 ? 'manquant' : 'abîmé'
  const parts: string[] = []
  if (row.damaged > 0) parts.push(`${row.damaged} abîmée${row.damaged > 1 ? 's' : ''}`)
  if (row.missing > 0) parts.push(`${row.missing} manquante${row.missing > 1 ? 's' : ''}`)
  return parts.join(', ')
}

/** The confirmation form: how many units to charge and at what value each (euros as typed). */
export interface DamageDraft {
  readonly quantity: string
  readonly unitValue: string
  readonly notes: string
}

/** Prefilled: every damaged or missing unit, at the confirmed or default value. */
export function damageDraftFrom(row: DamageRow): DamageDraft {
  const value = row.charge?.unitValueCents ?? row.defaultUnitValueCents
  return {
    quantity: String(row.charge?.quantity ?? row.chargeable),
    unitValue: value === null ? '' : formatCents(value),
    notes: row.charge?.notes ?? '',
  }
}

/** French messages keyed by API path (`quantity`, `unitValueCents`); empty when it can be sent. */
export function damageDraftErrors(draft: DamageDraft, chargeable: number): Record<string, string> {
  const errors: Record<string, string> = {}
  const quantity = Number(draft.quantity.trim())
  if (draft.quantity.trim() === '' || !Number.isInteger(quantity) || quantity < 0) {
    errors.quantity = 'Indiquez un nombre entier d’unités (0 pour ne rien facturer).'
  } else if (quantity > chargeable) {
    errors.quantity = `${chargeable} unité${chargeable > 1 ? 's ont été notées abîmées ou manquantes' : ' a été notée abîmée ou manquante'} au retour : pas plus.`
  }
  const value = parseEuros(draft.unitValue)
  if (!value.ok) errors.unitValueCents = value.message
  else if (value.value === null && quantity > 0) {
    errors.unitValueCents = 'Indiquez la valeur de remplacement d’une unité.'
  }
  return errors
}

/** The `costs.confirmDamage` input of a draft without errors. */
export function damageDraftToInput(row: DamageRow, draft: DamageDraft): MethodInput<'costs.confirmDamage'> {
  const value = parseEuros(draft.unitValue)
  return {
    bookingId: row.booking.id,
    resourceId: row.resourceId,
    quantity: Number(draft.quantity.trim()),
    ...(value.ok && value.value !== null ? { unitValueCents: value.value } : {}),
    notes: draft.notes.trim(),
  }
}

/** Where a deposit stands: none asked, to receive, held by the hub, given back. */
export type DepositStep = 'none' | 'expected' | 'received' | 'returned'

/** The step of a booking's deposit (`deposits.get`). */
export function depositStep(deposit: Deposit): DepositStep {
  if (deposit.state === 'returned') return 'returned'
  if (deposit.state === 'received') return 'received'
  return deposit.expectedCents > 0 ? 'expected' : 'none'
}

/**
 * A deposit amount typed → cents, or the French message; empty is refused (the amount is what
 * changes hands).
 */
export function depositAmountOf(
  text: string,
): { readonly ok: true; readonly cents: number } | { readonly ok: false; readonly message: string } {
  const parsed = parseEuros(text)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  if (parsed.value === null) return { ok: false, message: 'Indiquez le montant, en euros.' }
  return { ok: true, cents: parsed.value }
}
