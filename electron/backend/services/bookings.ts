import type { z } from 'zod'
import type { bookingsCreateInput, bookingsListInput, bookingsUpdateInput } from '../../../shared/api/schemas'
import {
  cancellableStatuses,
  type Booking,
  type BookingStatus,
  type Commune,
  type Conflict,
} from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { toIsoUtc, TIME_ZONE } from '../../../shared/time'
import { writeTransaction } from '../db/connection'
import { appendAudit } from '../db/repositories/audit'
import {
  getBooking as selectBooking,
  insertBooking,
  listBookings as selectBookings,
  nextBookingReference,
  replaceBooking,
  updateBookingStatus,
  type BookingRecord,
} from '../db/repositories/bookings'
import { getCommune } from '../db/repositories/communes'
import { conflictsFor, loadRequestedResources } from './availability'
import { nowIso, type ServiceContext } from './context'
import { periodFromInput, windowFromInput } from './periods'

/** The API shape of a stored booking: instants as ISO 8601 UTC. */
export function toBooking(record: BookingRecord): Booking {
  return { ...record, start: toIsoUtc(record.start), end: toIsoUtc(record.end) }
}

/** The Europe/Paris calendar year of an instant, for references. */
function localYear(ms: number): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' }).format(ms))
}

/**
 * The hub of the requested resources, which must be the commune's.
 * @throws DomainError INVALID_INPUT when the resources belong to several hubs or not to the commune's
 */
function checkHub(commune: Commune, resources: ReadonlyMap<string, { hubId: string }>): string {
  const hubIds = new Set([...resources.values()].map((r) => r.hubId))
  const [hubId] = hubIds
  if (hubIds.size !== 1 || !hubId) {
    throw new DomainError(
      'INVALID_INPUT',
      'Une réservation ne porte que sur les ressources d’un seul pôle technique.',
    )
  }
  if (commune.hubId !== hubId) {
    const message = `${commune.name} n’est pas desservie par le pôle technique qui prête ces ressources.`
    throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'communeId', message }] })
  }
  return hubId
}

/** The CONFLICT refusal: the first explanation in the message, all of them in `details.conflicts`. */
function conflictError(conflicts: readonly Conflict[]): DomainError {
  const first = conflicts[0]?.message ?? ''
  const others = conflicts.length - 1
  const more =
    others > 0 ? ` (et ${others} autre${others > 1 ? 's' : ''} conflit${others > 1 ? 's' : ''})` : ''
  return new DomainError('CONFLICT', `Réservation impossible. ${first}${more}`, { conflicts })
}

/**
 * `bookings.create`. Inside one `BEGIN IMMEDIATE` transaction: checks the commune and the resources,
 * re-checks availability against every stored blocking booking and unavailability, then stores the
 * booking, its items, its reference and a journal entry. All or nothing.
 * @throws DomainError NOT_FOUND (commune, resource), INVALID_INPUT (period, archived resource, commune
 *   not served by the resources' hub), CONFLICT with `details.conflicts`
 */
export function createBooking(ctx: ServiceContext, input: z.output<typeof bookingsCreateInput>): Booking {
  const period = periodFromInput(input.start, input.end)
  return writeTransaction(ctx.db, () => {
    const commune = getCommune(ctx.db, input.communeId)
    if (!commune) {
      throw new DomainError('NOT_FOUND', 'Cette commune n’existe pas.', {
        issues: [{ path: 'communeId', message: 'Commune introuvable.' }],
      })
    }
    const { resources, items } = loadRequestedResources(ctx, input.items)
    const hubId = checkHub(commune, resources)
    const conflicts = conflictsFor(ctx, period, items, resources, null)
    if (conflicts.length > 0) throw conflictError(conflicts)
    const at = nowIso(ctx)
    const record: BookingRecord = {
      id: ctx.newId(),
      reference: nextBookingReference(ctx.db, localYear(ctx.now())),
      hubId,
      communeId: commune.id,
      title: input.title,
      notes: input.notes ?? '',
      status: 'approved',
      start: period.start,
      end: period.end,
      allDay: period.allDay,
      startDate: period.startDate,
      endDate: period.endDate,
      cancelReason: null,
      createdAt: at,
      updatedAt: at,
      items,
    }
    insertBooking(ctx.db, record)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'booking',
      entityId: record.id,
      action: 'create',
      before: null,
      after: record,
    })
    return toBooking(record)
  })
}

/**
 * `bookings.update`: moves, resizes, retitles a booking or changes its items, re-checking availability
 * against everything else inside one write transaction. On refusal the booking is unchanged.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (not requested or approved), INVALID_INPUT, CONFLICT
 */
export function updateBooking(ctx: ServiceContext, input: z.output<typeof bookingsUpdateInput>): Booking {
  const period =
    input.start !== undefined && input.end !== undefined ? periodFromInput(input.start, input.end) : null
  return writeTransaction(ctx.db, () => {
    const before = selectBooking(ctx.db, input.id)
    if (!before) throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.')
    if (!cancellableStatuses.includes(before.status)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `La réservation ${before.reference} est ${statusLabel[before.status]} : elle ne peut plus être modifiée.`,
      )
    }
    const commune = getCommune(ctx.db, input.communeId ?? before.communeId)
    if (!commune) {
      throw new DomainError('NOT_FOUND', 'Cette commune n’existe pas.', {
        issues: [{ path: 'communeId', message: 'Commune introuvable.' }],
      })
    }
    const { resources, items } = loadRequestedResources(ctx, input.items ?? before.items)
    checkHub(commune, resources)
    const next = period ?? before
    const conflicts = conflictsFor(ctx, next, items, resources, before.id)
    if (conflicts.length > 0) throw conflictError(conflicts)
    const after: BookingRecord = {
      ...before,
      communeId: commune.id,
      title: input.title ?? before.title,
      notes: input.notes ?? before.notes,
      start: next.start,
      end: next.end,
      allDay: next.allDay,
      startDate: next.startDate,
      endDate: next.endDate,
      items,
      updatedAt: nowIso(ctx),
    }
    replaceBooking(ctx.db, after)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: after.updatedAt,
      actor: ctx.actor,
      entity: 'booking',
      entityId: after.id,
      action: 'update',
      before,
      after,
    })
    return toBooking(after)
  })
}

/** `bookings.list`: bookings overlapping `[from, to)`, by start. Dates mean local midnight (Europe/Paris). */
export function listBookings(ctx: ServiceContext, input: z.output<typeof bookingsListInput>): Booking[] {
  const window = windowFromInput(input.from, input.to)
  return selectBookings(ctx.db, {
    ...window,
    communeId: input.communeId,
    resourceId: input.resourceId,
    status: input.status,
  }).map(toBooking)
}

/** @throws DomainError NOT_FOUND */
export function getBooking(ctx: ServiceContext, id: string): Booking {
  const record = selectBooking(ctx.db, id)
  if (!record) throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.')
  return toBooking(record)
}

const statusLabel: Record<BookingStatus, string> = {
  requested: 'demandée',
  approved: 'acceptée',
  rejected: 'refusée',
  cancelled: 'annulée',
  checked_out: 'sortie',
  returned: 'rendue',
}

/**
 * `bookings.cancel`: a requested or approved booking becomes cancelled and frees its resources.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (already cancelled, refused, out or returned)
 */
export function cancelBooking(ctx: ServiceContext, id: string, reason: string | undefined): Booking {
  return writeTransaction(ctx.db, () => {
    const before = selectBooking(ctx.db, id)
    if (!before) throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.')
    if (!cancellableStatuses.includes(before.status)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `La réservation ${before.reference} est ${statusLabel[before.status]} : elle ne peut plus être annulée.` +
          (before.status === 'checked_out' ? ' Enregistrez d’abord son retour.' : ''),
      )
    }
    const at = nowIso(ctx)
    updateBookingStatus(ctx.db, id, 'cancelled', reason?.trim() || null, at)
    const after: BookingRecord = {
      ...before,
      status: 'cancelled',
      cancelReason: reason?.trim() || null,
      updatedAt: at,
    }
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'booking',
      entityId: id,
      action: 'cancel',
      before,
      after,
    })
    return toBooking(after)
  })
}
