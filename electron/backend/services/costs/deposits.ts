/**
 * Deposits (cautions) and damage charges of bookings.
 *
 * A booking's expected deposit is the sum, over its items, of the deposit of the rate in force on
 * its first day (once per item, whatever the quantity: one cheque for 40 chairs). `deposits.record`
 * records it `received`, then `returned` (in full by default; what is not given back is kept).
 *
 * `costs.confirmDamage`: after the return, the manager confirms how many damaged or missing units of
 * an item the commune pays, at their replacement value (default: the purchase value ÷ units owned,
 * rounded half up); the line is dated by the confirmation's local day (Europe/Paris) and lands on the
 * statement of the period holding it. A charge already on an issued statement cannot change.
 */
import type { z } from 'zod'
import type { costsConfirmDamageInput, depositsRecordInput } from '../../../../shared/api/cost-schemas'
import { coveredDates } from '../../../../shared/costs/counting'
import { roundHalfUp } from '../../../../shared/costs/money'
import type { DamageCharge, Deposit } from '../../../../shared/domain/costs'
import { DomainError } from '../../../../shared/errors'
import { formatInstantFr, instantToLocalDate, toIsoUtc } from '../../../../shared/time'
import { writeTransaction } from '../../db/connection'
import { appendAudit } from '../../db/repositories/audit'
import { getBooking, type BookingRecord } from '../../db/repositories/bookings'
import {
  deleteDamage,
  getDeposit as selectDeposit,
  listDamagesOfBooking,
  putDamage,
  putDeposit,
  type DepositRecord,
} from '../../db/repositories/deposits'
import { getResource } from '../../db/repositories/resources'
import { statementOfDamage } from '../../db/repositories/statements'
import { nowIso, type ServiceContext } from '../context'
import { momentFromInput } from '../periods'
import { rateLookup } from './pricing'

/** @throws DomainError NOT_FOUND with the field path `bookingId` */
function requireBooking(ctx: ServiceContext, id: string): BookingRecord {
  const booking = getBooking(ctx.db, id)
  if (!booking) {
    throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.', {
      issues: [{ path: 'bookingId', message: 'Réservation introuvable.' }],
    })
  }
  return booking
}

/** The deposit the booking's rates ask, cents. */
function expectedDeposit(ctx: ServiceContext, booking: BookingRecord): number {
  const date = coveredDates(booking).first
  const rateFor = rateLookup(
    ctx.db,
    booking.items.map((i) => i.resourceId),
  )
  return booking.items.reduce((sum, item) => sum + (rateFor(item.resourceId, date)?.depositCents ?? 0), 0)
}

function toDeposit(ctx: ServiceContext, booking: BookingRecord, record: DepositRecord | undefined): Deposit {
  const returned = record?.returnedCents ?? null
  return {
    bookingId: booking.id,
    bookingReference: booking.reference,
    communeId: booking.communeId,
    expectedCents: expectedDeposit(ctx, booking),
    receivedCents: record?.receivedCents ?? null,
    receivedAt: record?.receivedAt ?? null,
    receivedBy: record?.receivedBy ?? null,
    returnedCents: returned,
    returnedAt: record?.returnedAt ?? null,
    returnedBy: record?.returnedBy ?? null,
    retainedCents: returned === null ? null : (record?.receivedCents ?? 0) - returned,
    notes: record?.notes ?? '',
    state: returned !== null ? 'returned' : record?.receivedCents != null ? 'received' : 'none',
  }
}

/** `deposits.get`: what the booking's rates ask and what was recorded. @throws DomainError NOT_FOUND */
export function getDeposit(ctx: ServiceContext, bookingId: string): Deposit {
  const booking = requireBooking(ctx, bookingId)
  return toDeposit(ctx, booking, selectDeposit(ctx.db, booking.id))
}

/**
 * `deposits.record`: `received` (amount default: the expected deposit) or `returned` (amount
 * default: all that was received). Journaled (`deposit`, `received` / `returned`).
 * @throws DomainError NOT_FOUND; INVALID_TRANSITION when the booking was refused or cancelled, when
 *   returning a deposit never received, or recording twice the same step; INVALID_INPUT when more is
 *   given back than was received, or nothing is expected nor given
 */
export function recordDeposit(ctx: ServiceContext, input: z.output<typeof depositsRecordInput>): Deposit {
  return writeTransaction(ctx.db, () => {
    const booking = requireBooking(ctx, input.bookingId)
    if (booking.status === 'rejected' || booking.status === 'cancelled') {
      throw new DomainError(
        'INVALID_TRANSITION',
        `La réservation ${booking.reference} est ${booking.status === 'rejected' ? 'refusée' : 'annulée'} : aucune caution n’est à recevoir.`,
      )
    }
    const before = selectDeposit(ctx.db, booking.id)
    const at = input.at === undefined ? nowIso(ctx) : toIsoUtc(momentFromInput(input.at))
    const notes = input.notes ?? before?.notes ?? ''
    let after: DepositRecord
    if (input.action === 'received') {
      if (before?.receivedCents != null) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `La caution de ${booking.reference} est déjà reçue (le ${formatInstantFr(Date.parse(before.receivedAt ?? at))}).`,
        )
      }
      const amount = input.amountCents ?? expectedDeposit(ctx, booking)
      if (amount === 0) {
        const message =
          'Aucune caution n’est prévue par les tarifs de cette réservation : indiquez le montant reçu.'
        throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'amountCents', message }] })
      }
      after = {
        bookingId: booking.id,
        receivedCents: amount,
        receivedAt: at,
        receivedBy: ctx.actor,
        returnedCents: null,
        returnedAt: null,
        returnedBy: null,
        notes,
      }
    } else {
      if (before?.receivedCents == null) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `Aucune caution n’a été reçue pour ${booking.reference} : enregistrez d’abord sa réception.`,
        )
      }
      if (before.returnedCents !== null) {
        throw new DomainError('INVALID_TRANSITION', `La caution de ${booking.reference} est déjà rendue.`)
      }
      const amount = input.amountCents ?? before.receivedCents
      if (amount > before.receivedCents) {
        const message = `On ne peut pas rendre plus que la caution reçue (${(before.receivedCents / 100).toFixed(2).replace('.', ',')} €).`
        throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'amountCents', message }] })
      }
      after = { ...before, returnedCents: amount, returnedAt: at, returnedBy: ctx.actor, notes }
    }
    putDeposit(ctx.db, after)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: nowIso(ctx),
      actor: ctx.actor,
      entity: 'deposit',
      entityId: booking.id,
      action: input.action,
      before: before ?? null,
      after: { ...after, communeId: booking.communeId },
    })
    return toDeposit(ctx, booking, after)
  })
}

/** `costs.damages`: the charges confirmed for a booking. @throws DomainError NOT_FOUND */
export function listDamages(ctx: ServiceContext, bookingId: string): DamageCharge[] {
  requireBooking(ctx, bookingId)
  return listDamagesOfBooking(ctx.db, bookingId).map(({ confirmedDate: _date, ...charge }) => charge)
}

/**
 * `costs.confirmDamage` (see the module comment); `quantity` 0 withdraws the charge. Journaled
 * (`damage_charge`, `confirm` / `withdraw`).
 * @returns the charge as stored (quantity 0 once withdrawn)
 * @throws DomainError NOT_FOUND (booking, item); INVALID_TRANSITION (not returned yet, or already on
 *   a statement); INVALID_INPUT (more than damaged and missing, no value known)
 */
export function confirmDamage(
  ctx: ServiceContext,
  input: z.output<typeof costsConfirmDamageInput>,
): DamageCharge {
  return writeTransaction(ctx.db, () => {
    const booking = requireBooking(ctx, input.bookingId)
    const item = booking.items.find((i) => i.resourceId === input.resourceId)
    const resource = getResource(ctx.db, input.resourceId)
    if (!item || !resource) {
      throw new DomainError(
        'NOT_FOUND',
        `Cette ressource ne fait pas partie de la réservation ${booking.reference}.`,
        {
          issues: [{ path: 'resourceId', message: 'Ressource absente de la réservation.' }],
        },
      )
    }
    if (booking.status !== 'returned') {
      throw new DomainError(
        'INVALID_TRANSITION',
        `La réservation ${booking.reference} n’est pas encore rendue : les dégâts se constatent au retour.`,
      )
    }
    const onStatement = statementOfDamage(ctx.db, booking.id, resource.id)
    if (onStatement !== null) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `Ce dégât figure déjà sur le relevé ${onStatement}, qui ne change plus : une correction se fait sur un prochain relevé.`,
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
    const before = listDamagesOfBooking(ctx.db, booking.id).find((d) => d.resourceId === resource.id) ?? null
    const at = nowIso(ctx)
    if (input.quantity === 0) {
      deleteDamage(ctx.db, booking.id, resource.id)
      const withdrawn: DamageCharge = {
        ...(before ?? defaults(booking, resource.id, at, ctx.actor)),
        quantity: 0,
      }
      appendAudit(ctx.db, {
        id: ctx.newId(),
        at,
        actor: ctx.actor,
        entity: 'damage_charge',
        entityId: booking.id,
        action: 'withdraw',
        before,
        after: { ...withdrawn, communeId: booking.communeId },
      })
      return withdrawn
    }
    const unitValue =
      input.unitValueCents ??
      (resource.purchaseValueCents === null
        ? null
        : roundHalfUp(BigInt(resource.purchaseValueCents), BigInt(resource.quantity)))
    if (unitValue === null) {
      const message = `« ${resource.name} » n’a pas de valeur d’achat : indiquez la valeur de remplacement par unité.`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'unitValueCents', message }] })
    }
    const charge = {
      bookingId: booking.id,
      resourceId: resource.id,
      quantity: input.quantity,
      unitValueCents: unitValue,
      confirmedAt: at,
      confirmedDate: instantToLocalDate(ctx.now()),
      confirmedBy: ctx.actor,
      notes: input.notes ?? '',
    }
    putDamage(ctx.db, charge)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'damage_charge',
      entityId: booking.id,
      action: 'confirm',
      before,
      after: { ...charge, communeId: booking.communeId },
    })
    const { confirmedDate: _date, ...result } = charge
    return result
  })
}

function defaults(booking: BookingRecord, resourceId: string, at: string, actor: string): DamageCharge {
  return {
    bookingId: booking.id,
    resourceId,
    quantity: 0,
    unitValueCents: 0,
    confirmedAt: at,
    confirmedBy: actor,
    notes: '',
  }
}
