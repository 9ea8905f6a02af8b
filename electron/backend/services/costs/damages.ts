/**
 * Damaged or missing units noted at a booking's return, and the manager's decision on them.
 *
 * `costs.confirmDamage`: after the return, the manager decides, item by item, how many damaged or
 * missing units the commune pays, at their replacement value (default: the purchase value ÷ units
 * owned, rounded half up) — or that it pays none of them, with the reason (« décidé de ne pas
 * facturer »), which is recorded like a charge so that the item no longer awaits a decision. A charge
 * is dated by the local day (Europe/Paris) of the decision and lands on the commune's statement of the
 * period holding that day, or on its next statement when that one is already issued (./report.ts).
 * A decision whose charge an issued statement bills cannot change any more.
 *
 * `costs.pendingDamages`: the items still awaiting a decision, all periods together.
 */
import type { z } from 'zod'
import type { costsConfirmDamageInput } from '../../../../shared/api/cost-schemas'
import { roundHalfUp } from '../../../../shared/costs/money'
import type { DamageCharge, PendingDamage } from '../../../../shared/domain/costs'
import { DomainError } from '../../../../shared/errors'
import { instantToLocalDate, toIsoUtc } from '../../../../shared/time'
import { readTransaction, writeTransaction } from '../../db/connection'
import { appendAudit } from '../../db/repositories/audit'
import { getBooking } from '../../db/repositories/bookings'
import {
  listDamagesOfBooking,
  listPendingDamages,
  putDamage,
  type DamageRecord,
  type DamageWithStatement,
} from '../../db/repositories/deposits'
import { getResourcesByIds, type ResourceRecord } from '../../db/repositories/resources'
import { nowIso, type ServiceContext } from '../context'
import { requireBooking } from './deposits'

/** The replacement value of one unit by default: purchase value ÷ units owned, rounded half up; cents. */
function defaultUnitValue(resource: Pick<ResourceRecord, 'purchaseValueCents' | 'quantity'>): number | null {
  if (resource.purchaseValueCents === null || resource.quantity <= 0) return null
  return roundHalfUp(BigInt(resource.purchaseValueCents), BigInt(resource.quantity))
}

function toCharge(record: DamageRecord, statementNumber: string | null): DamageCharge {
  return {
    bookingId: record.bookingId,
    resourceId: record.resourceId,
    decision: record.quantity === 0 ? 'waive' : 'charge',
    quantity: record.quantity,
    unitValueCents: record.unitValueCents,
    confirmedAt: record.confirmedAt,
    confirmedBy: record.confirmedBy,
    notes: record.notes,
    reason: record.reason,
    statementNumber,
  }
}

/** `costs.damages`: the decisions taken on a booking's items, by resource. @throws DomainError NOT_FOUND */
export function listDamages(ctx: ServiceContext, bookingId: string): DamageCharge[] {
  requireBooking(ctx, bookingId)
  return listDamagesOfBooking(ctx.db, bookingId).map((d: DamageWithStatement) =>
    toCharge(d, d.statement?.number ?? null),
  )
}

/**
 * `costs.pendingDamages`: the items of returned bookings, of every commune or one, that came back
 * damaged or missing and have no decision yet; oldest return first.
 */
export function pendingDamages(ctx: ServiceContext, communeId: string | undefined): PendingDamage[] {
  return readTransaction(ctx.db, () => {
    const pending = listPendingDamages(ctx.db, communeId ?? null)
    const resources = new Map(
      getResourcesByIds(
        ctx.db,
        pending.map((p) => p.resourceId),
      ).map((r) => [r.id, r]),
    )
    const bookings = new Map(
      [...new Set(pending.map((p) => p.bookingId))].flatMap((id) => {
        const booking = getBooking(ctx.db, id)
        return booking ? [[id, booking] as const] : []
      }),
    )
    return pending.flatMap((p): PendingDamage[] => {
      const booking = bookings.get(p.bookingId)
      const resource = resources.get(p.resourceId)
      if (!booking || !resource) return []
      const missing = Math.max(0, p.quantity - p.returnedQuantity)
      return [
        {
          bookingId: booking.id,
          bookingReference: booking.reference,
          bookingTitle: booking.title,
          communeId: booking.communeId,
          resourceId: resource.id,
          resourceName: resource.name,
          returnedAt: toIsoUtc(p.returnedAt),
          quantity: p.quantity,
          damagedQuantity: p.damagedQuantity,
          missingQuantity: missing,
          chargeableQuantity: missing + p.damagedQuantity,
          defaultUnitValueCents: defaultUnitValue(resource),
        },
      ]
    })
  })
}

/**
 * `costs.confirmDamage` (see the module comment): `quantity` ≥ 1 charges that many units; 0 records
 * the decision not to bill, with its `reason` (required by the input schema). Journaled
 * (`damage_charge`, `confirm`, the stored row: `quantity` 0 and `reason` for a decision not to bill).
 * @returns the decision as stored
 * @throws DomainError NOT_FOUND (booking, item); INVALID_TRANSITION (not returned yet, or its charge
 *   already on a statement); INVALID_INPUT (more than damaged and missing, no value known)
 */
export function confirmDamage(
  ctx: ServiceContext,
  input: z.output<typeof costsConfirmDamageInput>,
): DamageCharge {
  return writeTransaction(ctx.db, () => {
    const booking = requireBooking(ctx, input.bookingId)
    const item = booking.items.find((i) => i.resourceId === input.resourceId)
    const [resource] = getResourcesByIds(ctx.db, [input.resourceId])
    if (!item || !resource) {
      throw new DomainError(
        'NOT_FOUND',
        `Cette ressource ne fait pas partie de la réservation ${booking.reference}.`,
        { issues: [{ path: 'resourceId', message: 'Ressource absente de la réservation.' }] },
      )
    }
    if (booking.status !== 'returned') {
      throw new DomainError(
        'INVALID_TRANSITION',
        `La réservation ${booking.reference} n’est pas encore rendue : les dégâts se constatent au retour.`,
      )
    }
    const before = listDamagesOfBooking(ctx.db, booking.id).find((d) => d.resourceId === resource.id) ?? null
    if (before?.statement) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `Ce dégât figure déjà sur le relevé ${before.statement.number}, qui ne change plus : une correction se fait sur un prochain relevé.`,
      )
    }
    const returned = booking.returnedItems?.find((r) => r.resourceId === resource.id)
    const missing = item.quantity - (returned?.returnedQuantity ?? item.quantity)
    const chargeable = missing + (returned?.damagedQuantity ?? 0)
    if (input.quantity > chargeable) {
      const message =
        `Au retour de ${booking.reference}, ${chargeable} unité(s) de « ${resource.name} » ont été notées abîmées ou manquantes : ` +
        `on ne peut en facturer plus.`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'quantity', message }] })
    }
    const waived = input.quantity === 0
    const unitValue = waived ? 0 : (input.unitValueCents ?? defaultUnitValue(resource))
    if (unitValue === null) {
      const message = `« ${resource.name} » n’a pas de valeur d’achat : indiquez la valeur de remplacement par unité.`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'unitValueCents', message }] })
    }
    const at = nowIso(ctx)
    const record: DamageRecord = {
      bookingId: booking.id,
      resourceId: resource.id,
      quantity: input.quantity,
      unitValueCents: unitValue,
      confirmedAt: at,
      confirmedDate: instantToLocalDate(ctx.now()),
      confirmedBy: ctx.actor,
      notes: input.notes ?? '',
      // A charge needs no reason; one typed with it would read as if nothing were billed.
      reason: waived ? (input.reason ?? '') : '',
    }
    putDamage(ctx.db, record)
    // The stored row, as the journal shows it: `quantity` 0 with a `reason` is the decision not to bill.
    const journaled = ({
      confirmedDate: _date,
      statement: _statement,
      ...row
    }: DamageRecord & { readonly statement?: unknown }) => row
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'damage_charge',
      entityId: booking.id,
      action: 'confirm',
      before: before && journaled(before),
      after: { ...journaled(record), communeId: booking.communeId },
    })
    return toCharge(record, null)
  })
}
