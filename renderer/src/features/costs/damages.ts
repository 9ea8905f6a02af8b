/**
 * Damaged or missing units noted at a booking's return, and the manager's decisions
 * (`costs.confirmDamage`: charged, or not billed with a reason): which lines await a decision
 * (`costs.pendingDamages`, or one booking's), and the decision form; and where a booking's deposit
 * stands. Pure functions, no DOM, no store. The replacement value itself is the backend's default
 * (purchase value ÷ units owned) unless the manager types another.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { DamageCharge, Deposit, PendingDamage } from '../../../../shared/domain/costs'
import type { Booking, Resource } from '../../../../shared/domain/types'
import { lineAmountCents, roundHalfUp } from '../../../../shared/costs/money'
import { formatCents, parseEuros } from '../inventory/amounts'

/** What a damage row shows of its booking. */
export interface DamageBooking {
  readonly id: string
  readonly reference: string
  readonly communeId: string
  /** ISO 8601 UTC instant of the return, or null. */
  readonly returnedAt: string | null
}

/** One item of a returned booking with damaged or missing units. */
export interface DamageRow {
  readonly booking: DamageBooking
  readonly resourceId: string
  readonly resourceName: string
  readonly damaged: number
  readonly missing: number
  /** Units that may be charged: damaged + missing. */
  readonly chargeable: number
  /** The decision taken (charged, or not billed), or null while the manager has not decided. */
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
      const charge = charges.find((c) => c.resourceId === item.resourceId) ?? null
      return [
        {
          booking: {
            id: booking.id,
            reference: booking.reference,
            communeId: booking.communeId,
            returnedAt: booking.return?.at ?? null,
          },
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

/** The rows of `costs.pendingDamages`: items awaiting a decision, all periods together. */
export function pendingDamageRows(pending: readonly PendingDamage[]): DamageRow[] {
  return pending.map((p) => ({
    booking: {
      id: p.bookingId,
      reference: p.bookingReference,
      communeId: p.communeId,
      returnedAt: p.returnedAt,
    },
    resourceId: p.resourceId,
    resourceName: p.resourceName,
    damaged: p.damagedQuantity,
    missing: p.missingQuantity,
    chargeable: p.chargeableQuantity,
    charge: null,
    defaultUnitValueCents: p.defaultUnitValueCents,
  }))
}

/** The amount of a confirmed charge, as its statement line counts it (shared/costs/money), cents. */
export function chargeAmountCents(charge: Pick<DamageCharge, 'quantity' | 'unitValueCents'>): number {
  return lineAmountCents(charge.quantity, null, 1, 1, charge.unitValueCents, 0)
}

/** `2 abîmées, 1 manquante` (stock) in words; `abîmé` / `manquant` for a unit resource. */
export function damageText(row: Pick<DamageRow, 'damaged' | 'missing'>, isStock: boolean): string {
  if (!isStock) return row.missing > 0 ? 'manquant' : 'abîmé'
  const parts: string[] = []
  if (row.damaged > 0) parts.push(`${row.damaged} abîmée${row.damaged > 1 ? 's' : ''}`)
  if (row.missing > 0) parts.push(`${row.missing} manquante${row.missing > 1 ? 's' : ''}`)
  return parts.join(', ')
}

/**
 * The decision form: how many units to charge and at what value each (euros as typed); `notes` are
 * the remarks of a charge, or the reason when nothing is charged (0 units).
 */
export interface DamageDraft {
  readonly quantity: string
  readonly unitValue: string
  readonly notes: string
}

/** Whether a draft charges nothing: the decision not to bill, which needs its reason. */
export function waivesCharge(draft: Pick<DamageDraft, 'quantity'>): boolean {
  return draft.quantity.trim() === '0'
}

/** Prefilled: the decision taken, else every damaged or missing unit at the default value. */
export function damageDraftFrom(row: DamageRow): DamageDraft {
  const charge = row.charge
  const value = charge && charge.decision === 'charge' ? charge.unitValueCents : row.defaultUnitValueCents
  return {
    quantity: String(charge?.quantity ?? row.chargeable),
    unitValue: value === null ? '' : formatCents(value),
    notes: charge ? (charge.decision === 'waive' ? charge.reason : charge.notes) : '',
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
  if (waivesCharge(draft) && draft.notes.trim() === '') {
    errors.reason = 'Indiquez pourquoi ces unités ne sont pas facturées.'
  }
  return errors
}

/** The `costs.confirmDamage` input of a draft without errors (0 units: the reason, no value). */
export function damageDraftToInput(row: DamageRow, draft: DamageDraft): MethodInput<'costs.confirmDamage'> {
  if (waivesCharge(draft)) {
    return { bookingId: row.booking.id, resourceId: row.resourceId, quantity: 0, reason: draft.notes.trim() }
  }
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
