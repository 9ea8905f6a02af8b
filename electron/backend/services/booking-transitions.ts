/**
 * The booking lifecycle's transitions (issue 4): approve, reject, cancel, hand out (check-out) and take
 * back (return). Each runs in one `BEGIN IMMEDIATE` transaction, re-checks what may have changed, and
 * journals who did it and when. A transition from the wrong status is refused with INVALID_TRANSITION:
 *
 *   requested → approved | rejected | cancelled;  approved → checked_out | cancelled;
 *   checked_out → returned.
 */
import type { z } from 'zod'
import type { bookingsCheckOutInput, bookingsReturnInput } from '../../../shared/api/lifecycle-schemas'
import { lendableQuantity, UNTIL_RESTORED_END } from '../../../shared/availability'
import {
  cancellableStatuses,
  type Booking,
  type BookingStatus,
  type ReturnedItem,
} from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { formatInstantFr, formatLocalDateFr } from '../../../shared/time'
import { writeTransaction } from '../db/connection'
import { appendAudit } from '../db/repositories/audit'
import {
  listBlockingBookingsOfResource,
  replaceBooking,
  type BookingRecord,
} from '../db/repositories/bookings'
import { getResourcesByIds, updateResource, type ResourceRecord } from '../db/repositories/resources'
import { insertUnavailability } from '../db/repositories/unavailabilities'
import { assertRequestFits, journalBooking, loadBooking, statusLabel, toBooking } from './bookings'
import { nowIso, type ServiceContext } from './context'
import { momentFromInput } from './periods'

/** @throws DomainError INVALID_TRANSITION unless the booking is in one of `allowed`; `action` is « de l’accepter »… */
function expectStatus(
  booking: BookingRecord,
  allowed: readonly BookingStatus[],
  action: string,
  hint = '',
): void {
  if (allowed.includes(booking.status)) return
  throw new DomainError(
    'INVALID_TRANSITION',
    `La réservation ${booking.reference} est ${statusLabel[booking.status]} : impossible ${action}.${hint ? ` ${hint}` : ''}`,
    { status: booking.status },
  )
}

/** Runs a transition on a stored booking and journals it under `action`. */
function transition(
  ctx: ServiceContext,
  id: string,
  action: string,
  change: (before: BookingRecord, at: string) => BookingRecord,
): Booking {
  return writeTransaction(ctx.db, () => {
    const before = loadBooking(ctx, id)
    const after = change(before, nowIso(ctx))
    replaceBooking(ctx.db, after)
    journalBooking(ctx, action, before, after)
    return toBooking(after, ctx.now())
  })
}

/**
 * `bookings.approve`: a request becomes approved after re-checking everything that may have changed
 * since it was made (an unavailability added, a stock reduced, an inspection date or a qualification
 * passed, a resource archived). Two managers approving at once: the second gets INVALID_TRANSITION.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION, CONFLICT, QUALIFICATION_MISSING, INVALID_INPUT
 */
export function approveBooking(ctx: ServiceContext, id: string): Booking {
  return transition(ctx, id, 'approve', (before, at) => {
    expectStatus(before, ['requested'], 'de l’accepter')
    assertRequestFits(
      ctx,
      {
        communeId: before.communeId,
        period: before,
        items: before.items,
        providedOperator: before.providedOperator,
        delivery: before.delivery,
      },
      before.id,
    )
    return { ...before, status: 'approved', updatedAt: at }
  })
}

/**
 * `bookings.reject`: the hub refuses a request, with its reason; the slot is freed.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (not requested)
 */
export function rejectBooking(ctx: ServiceContext, id: string, reason: string): Booking {
  return transition(ctx, id, 'reject', (before, at) => {
    expectStatus(before, ['requested'], 'de la refuser')
    return { ...before, status: 'rejected', rejectReason: reason, updatedAt: at }
  })
}

/**
 * `bookings.cancel`: a requested or approved booking becomes cancelled and frees its resources.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (already cancelled, refused, out or returned)
 */
export function cancelBooking(ctx: ServiceContext, id: string, reason: string | undefined): Booking {
  return transition(ctx, id, 'cancel', (before, at) => {
    expectStatus(
      before,
      cancellableStatuses,
      'de l’annuler',
      before.status === 'checked_out' ? 'Enregistrez d’abord son retour.' : '',
    )
    return { ...before, status: 'cancelled', cancelReason: reason?.trim() || null, updatedAt: at }
  })
}

/** The booking's vehicle, whose odometer a reading refers to. @throws DomainError INVALID_INPUT */
function odometerVehicle(
  resources: readonly ResourceRecord[],
  reading: number,
  floor: number | null,
): ResourceRecord {
  const vehicles = resources.filter((r) => r.kind === 'vehicle')
  const vehicle = vehicles[0]
  if (!vehicle || vehicles.length > 1) {
    const message = vehicle
      ? 'Plusieurs véhicules dans cette réservation : notez les kilométrages dans les remarques.'
      : 'Aucun véhicule dans cette réservation : pas de kilométrage à relever.'
    throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'odometerKm', message }] })
  }
  const last = Math.max(vehicle.odometerKm ?? 0, floor ?? 0)
  if (reading < last) {
    const message = `Le compteur de « ${vehicle.name} » ne peut pas reculer : dernier relevé ${last} km.`
    throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'odometerKm', message }] })
  }
  return vehicle
}

/** Records a new odometer reading on the vehicle, journaled against it. */
function recordOdometer(ctx: ServiceContext, vehicle: ResourceRecord, km: number, at: string): void {
  const after: ResourceRecord = { ...vehicle, odometerKm: km, updatedAt: at }
  updateResource(ctx.db, after)
  appendAudit(ctx.db, {
    id: ctx.newId(),
    at,
    actor: ctx.actor,
    entity: 'resource',
    entityId: vehicle.id,
    action: 'odometer',
    before: vehicle,
    after,
  })
}

/** When a booking is due back, in French: its last day for a day-long loan, its end otherwise. */
function dueDate(booking: BookingRecord): string {
  return booking.allDay && booking.endDate ? formatLocalDateFr(booking.endDate) : formatInstantFr(booking.end)
}

/**
 * Refuses to hand out what is still out with a late booking: a unit item not back, or a stock whose
 * handed-out quantities would exceed what it lends.
 * @throws DomainError CONFLICT
 */
function checkPhysicallyPresent(
  ctx: ServiceContext,
  booking: BookingRecord,
  resources: ResourceRecord[],
): void {
  for (const item of booking.items) {
    const resource = resources.find((r) => r.id === item.resourceId)
    if (!resource) continue
    const out = listBlockingBookingsOfResource(ctx.db, resource.id, -8.64e15).filter(
      (b) => b.status === 'checked_out' && b.id !== booking.id,
    )
    const outQuantity = out.reduce(
      (sum, b) => sum + (b.items.find((i) => i.resourceId === resource.id)?.quantity ?? 0),
      0,
    )
    if (outQuantity + item.quantity <= lendableQuantity(resource)) continue
    const holder = out[0]
    throw new DomainError(
      'CONFLICT',
      `« ${resource.name} » n’est pas rentré : ${holder?.reference ?? ''} devait être rendue le ` +
        `${holder ? dueDate(holder) : ''}. Enregistrez d’abord ce retour.`,
      { bookings: out.map((b) => toBooking(b, ctx.now())) },
    )
  }
}

/**
 * `bookings.checkOut`: the depot hands an approved booking out (« sortie »), at `at` (default now), with
 * the vehicle's odometer if it has one.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (not approved), INVALID_INPUT (odometer going back,
 *   no vehicle), CONFLICT (an item still out with a late booking)
 */
export function checkOutBooking(ctx: ServiceContext, input: z.output<typeof bookingsCheckOutInput>): Booking {
  const at = input.at === undefined ? null : momentFromInput(input.at)
  return transition(ctx, input.id, 'check-out', (before, now) => {
    expectStatus(
      before,
      ['approved'],
      'de la remettre',
      before.status === 'requested' ? 'Elle doit d’abord être acceptée par le pôle.' : '',
    )
    const resources = getResourcesByIds(
      ctx.db,
      before.items.map((i) => i.resourceId),
    )
    checkPhysicallyPresent(ctx, before, resources)
    if (input.odometerKm !== undefined) {
      recordOdometer(ctx, odometerVehicle(resources, input.odometerKm, null), input.odometerKm, now)
    }
    return {
      ...before,
      status: 'checked_out',
      checkOut: {
        at: at ?? ctx.now(),
        by: ctx.actor,
        odometerKm: input.odometerKm ?? null,
        notes: input.notes ?? '',
      },
      updatedAt: now,
    }
  })
}

/**
 * What came back of each item: the input's lines (checked against the booking), the others in full.
 * @throws DomainError INVALID_INPUT (an item not in the booking, more returned than lent)
 */
function returnedItems(
  booking: BookingRecord,
  lines: z.output<typeof bookingsReturnInput>['items'],
): ReturnedItem[] {
  lines?.forEach((line, index) => {
    const item = booking.items.find((i) => i.resourceId === line.resourceId)
    const fail = (message: string, field: string) => {
      throw new DomainError('INVALID_INPUT', message, {
        issues: [{ path: `items.${index}.${field}`, message }],
      })
    }
    if (!item) fail('Cette ressource ne fait pas partie de la réservation.', 'resourceId')
    else if (line.returnedQuantity > item.quantity) {
      fail(
        `Rendu ${line.returnedQuantity}, prêté ${item.quantity} : on ne rend pas plus que prêté.`,
        'returnedQuantity',
      )
    }
  })
  return booking.items.map((item) => {
    const line = lines?.find((l) => l.resourceId === item.resourceId)
    return {
      resourceId: item.resourceId,
      returnedQuantity: line?.returnedQuantity ?? item.quantity,
      damagedQuantity: line?.damagedQuantity ?? 0,
    }
  })
}

/**
 * `bookings.return`: the depot takes a handed-out booking back (« retour »), at `at` (default now). An
 * early return frees the rest of the period (a returned booking blocks nothing). Missing and damaged
 * units are withdrawn by a repair unavailability from the return on, until the manager restores them
 * (`unavailabilities.restore`).
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (not handed out), INVALID_INPUT (items, odometer,
 *   a return before the hand-over)
 */
export function returnBooking(ctx: ServiceContext, input: z.output<typeof bookingsReturnInput>): Booking {
  const at = input.at === undefined ? null : momentFromInput(input.at)
  return transition(ctx, input.id, 'return', (before, now) => {
    expectStatus(
      before,
      ['checked_out'],
      'd’enregistrer son retour',
      before.status === 'approved' ? 'Elle n’a pas encore été remise.' : '',
    )
    const returnedAt = at ?? ctx.now()
    if (before.checkOut && returnedAt < before.checkOut.at) {
      const message = `Le retour ne peut précéder la sortie (${formatInstantFr(before.checkOut.at)}).`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'at', message }] })
    }
    const items = returnedItems(before, input.items)
    const resources = getResourcesByIds(
      ctx.db,
      before.items.map((i) => i.resourceId),
    )
    if (input.odometerKm !== undefined) {
      const vehicle = odometerVehicle(resources, input.odometerKm, before.checkOut?.odometerKm ?? null)
      recordOdometer(ctx, vehicle, input.odometerKm, now)
    }
    for (const line of items) {
      const lent = before.items.find((i) => i.resourceId === line.resourceId)?.quantity ?? 0
      const missing = lent - line.returnedQuantity
      const withdrawn = missing + line.damagedQuantity
      const resource = resources.find((r) => r.id === line.resourceId)
      if (withdrawn === 0 || !resource) continue
      const parts = [
        line.damagedQuantity > 0 ? `${line.damagedQuantity} abîmé${line.damagedQuantity > 1 ? 's' : ''}` : '',
        missing > 0 ? `${missing} manquant${missing > 1 ? 's' : ''}` : '',
      ].filter(Boolean)
      const unavailability = {
        id: ctx.newId(),
        resourceId: resource.id,
        kind: 'repair' as const,
        reason: `À réparer : ${parts.join(', ')} au retour de ${before.reference}`,
        quantity: withdrawn,
        start: returnedAt,
        end: Math.max(UNTIL_RESTORED_END, returnedAt + 1),
        allDay: false,
        startDate: null,
        endDate: null,
        createdAt: now,
        bookingId: before.id,
        untilRestored: true,
      }
      insertUnavailability(ctx.db, unavailability)
      appendAudit(ctx.db, {
        id: ctx.newId(),
        at: now,
        actor: ctx.actor,
        entity: 'resource',
        entityId: resource.id,
        action: 'unavailability',
        before: null,
        after: unavailability,
      })
    }
    return {
      ...before,
      status: 'returned',
      return: {
        at: returnedAt,
        by: ctx.actor,
        odometerKm: input.odometerKm ?? null,
        notes: input.notes ?? '',
      },
      returnedItems: items,
      updatedAt: now,
    }
  })
}
