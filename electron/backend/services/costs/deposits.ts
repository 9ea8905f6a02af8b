/**
 * Deposits (cautions) of bookings.
 *
 * A booking's expected deposit is the sum, over its items, of the deposit of the rate in force on
 * its first day (once per item, whatever the quantity: one cheque for 40 chairs). `deposits.record`
 * records it `received`, then `returned` (in full by default; what is not given back is kept).
 * `deposits.list` lists those expected, held or given back. Damage decisions are ./damages.ts.
 */
import type { z } from 'zod'
import type { depositsListInput, depositsRecordInput } from '../../../../shared/api/cost-schemas'
import { coveredDates } from '../../../../shared/costs/counting'
import type { Deposit, DepositListStatus } from '../../../../shared/domain/costs'
import { DomainError } from '../../../../shared/errors'
import { formatInstantFr, formatPeriodFr, toIsoUtc } from '../../../../shared/time'
import { readTransaction, writeTransaction } from '../../db/connection'
import { appendAudit } from '../../db/repositories/audit'
import { getBooking, type BookingRecord } from '../../db/repositories/bookings'
import {
  getDeposit as selectDeposit,
  listDepositCandidates,
  putDeposit,
  type DepositRecord,
} from '../../db/repositories/deposits'
import { nowIso, type ServiceContext } from '../context'
import { momentFromInput } from '../periods'
import { rateLookup } from './pricing'

/** @throws DomainError NOT_FOUND with the field path `bookingId` */
export function requireBooking(ctx: ServiceContext, id: string): BookingRecord {
  const booking = getBooking(ctx.db, id)
  if (!booking) {
    throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.', {
      issues: [{ path: 'bookingId', message: 'Réservation introuvable.' }],
    })
  }
  return booking
}

/** A rate lookup (./pricing.ts) over the resources of these bookings. */
type RateFor = ReturnType<typeof rateLookup>

function ratesOf(ctx: ServiceContext, bookings: readonly BookingRecord[]): RateFor {
  return rateLookup(
    ctx.db,
    bookings.flatMap((b) => b.items.map((i) => i.resourceId)),
  )
}

/** The deposit the booking's rates ask, cents. */
function expectedDeposit(booking: BookingRecord, rateFor: RateFor): number {
  const date = coveredDates(booking).first
  return booking.items.reduce((sum, item) => sum + (rateFor(item.resourceId, date)?.depositCents ?? 0), 0)
}

function toDeposit(booking: BookingRecord, record: DepositRecord | undefined, rateFor: RateFor): Deposit {
  const returned = record?.returnedCents ?? null
  return {
    bookingId: booking.id,
    bookingReference: booking.reference,
    bookingTitle: booking.title,
    periodText: formatPeriodFr(booking),
    communeId: booking.communeId,
    expectedCents: expectedDeposit(booking, rateFor),
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
  return toDeposit(booking, selectDeposit(ctx.db, booking.id), ratesOf(ctx, [booking]))
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
      const amount = input.amountCents ?? expectedDeposit(booking, ratesOf(ctx, [booking]))
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
    return toDeposit(booking, after, ratesOf(ctx, [booking]))
  })
}

/** Where a deposit stands for `deposits.list`, or null when it has nothing to show. */
function listStatus(deposit: Deposit): DepositListStatus | null {
  if (deposit.state === 'returned') return 'returned'
  if (deposit.state === 'received') return 'received'
  return deposit.expectedCents > 0 ? 'expected' : null
}

/**
 * `deposits.list`: the deposits of every commune or one, by booking start then reference:
 * `expected` (the rates of an accepted or handed-out booking ask one, nothing received yet),
 * `received` (held by the hub, whatever became of the booking since: it is still to give back) and
 * `returned`; `status` keeps one of them.
 */
export function listDeposits(ctx: ServiceContext, input: z.output<typeof depositsListInput>): Deposit[] {
  return readTransaction(ctx.db, () => {
    const candidates = listDepositCandidates(ctx.db, input.communeId ?? null)
    const bookings = new Map(
      candidates.flatMap((c) => {
        const booking = getBooking(ctx.db, c.bookingId)
        return booking ? [[booking.id, booking] as const] : []
      }),
    )
    const rateFor = ratesOf(ctx, [...bookings.values()])
    return candidates.flatMap(({ bookingId, deposit }) => {
      const booking = bookings.get(bookingId)
      if (!booking) return []
      const shown = toDeposit(booking, deposit, rateFor)
      const status = listStatus(shown)
      return status !== null && (input.status === undefined || input.status === status) ? [shown] : []
    })
  })
}
