import type { z } from 'zod'
import type { unavailabilitiesCreateInput, unavailabilitiesListInput } from '../../../shared/api/schemas'
import type { Booking, Unavailability, UnavailabilityCreated } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { toIsoUtc } from '../../../shared/time'
import { writeTransaction } from '../db/connection'
import { appendAudit } from '../db/repositories/audit'
import { listBlockingBookingsOfResource } from '../db/repositories/bookings'
import { getResource } from '../db/repositories/resources'
import {
  deleteUnavailability as removeUnavailability,
  endUnavailability,
  getUnavailability,
  insertUnavailability,
  listUnavailabilities as selectUnavailabilities,
  type UnavailabilityRecord,
} from '../db/repositories/unavailabilities'
import { conflictsFor } from './availability'
import { toBooking } from './bookings'
import { nowIso, type ServiceContext } from './context'
import { momentFromInput, periodFromInput, windowFromInput } from './periods'

/** The API shape of a stored unavailability: instants as ISO 8601 UTC. */
export function toUnavailability(record: UnavailabilityRecord): Unavailability {
  return { ...record, start: toIsoUtc(record.start), end: toIsoUtc(record.end) }
}

/**
 * `unavailabilities.create`: withdraws a resource (or part of a stock) for a period. Bookings that no
 * longer fit are listed in `affectedBookings` so the manager can act; none is changed or cancelled.
 * @throws DomainError NOT_FOUND (resource), INVALID_INPUT (period, archived resource, quantity)
 */
export function createUnavailability(
  ctx: ServiceContext,
  input: z.output<typeof unavailabilitiesCreateInput>,
): UnavailabilityCreated {
  const period = periodFromInput(input.start, input.end)
  return writeTransaction(ctx.db, () => {
    const resource = getResource(ctx.db, input.resourceId)
    if (!resource) throw new DomainError('NOT_FOUND', 'Cette ressource n’existe pas (ou plus).')
    if (resource.archivedAt) {
      throw new DomainError(
        'INVALID_INPUT',
        `« ${resource.name} » est archivé : inutile de le déclarer indisponible.`,
      )
    }
    if (resource.tracking === 'unit' && input.quantity !== undefined && input.quantity !== 1) {
      const message = `« ${resource.name} » est suivi à l’unité : l’indisponibilité porte sur 1.`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'quantity', message }] })
    }
    const quantity = resource.tracking === 'unit' ? 1 : (input.quantity ?? resource.quantity)
    if (quantity > resource.quantity) {
      const message = `Le stock de « ${resource.name} » n’est que de ${resource.quantity}.`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'quantity', message }] })
    }
    const record: UnavailabilityRecord = {
      id: ctx.newId(),
      resourceId: resource.id,
      kind: input.kind,
      reason: input.reason,
      quantity,
      start: period.start,
      end: period.end,
      allDay: period.allDay,
      startDate: period.startDate,
      endDate: period.endDate,
      createdAt: nowIso(ctx),
      bookingId: null,
      untilRestored: false,
    }
    insertUnavailability(ctx.db, record)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: record.createdAt,
      actor: ctx.actor,
      entity: 'unavailability',
      entityId: record.id,
      action: 'create',
      before: null,
      after: record,
    })
    // Also journaled against the resource, so that its history shows it.
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: record.createdAt,
      actor: ctx.actor,
      entity: 'resource',
      entityId: resource.id,
      action: 'unavailability',
      before: null,
      after: record,
    })
    const resources = new Map([[resource.id, resource]])
    // Buffers reach at most 7 days on each side (schema limit).
    const reach = 15 * 86_400_000
    const affectedBookings: Booking[] = listBlockingBookingsOfResource(
      ctx.db,
      resource.id,
      record.start - reach,
    )
      .filter((booking) => booking.start < record.end + reach)
      .filter((booking) => {
        const item = booking.items.find((i) => i.resourceId === resource.id)
        return item !== undefined && conflictsFor(ctx, booking, [item], resources, booking.id).length > 0
      })
      .map((b) => toBooking(b, ctx.now()))
    return { unavailability: toUnavailability(record), affectedBookings }
  })
}

/**
 * `unavailabilities.list`: unavailabilities overlapping `[from, to)`; without `from`, those not over
 * yet; without `to`, with no end bound. Dates mean local midnight (Europe/Paris).
 */
export function listUnavailabilities(
  ctx: ServiceContext,
  input: z.output<typeof unavailabilitiesListInput>,
): Unavailability[] {
  const window =
    input.from !== undefined && input.to !== undefined
      ? windowFromInput(input.from, input.to)
      : {
          from: input.from === undefined ? ctx.now() : momentFromInput(input.from),
          to: input.to === undefined ? 8.64e15 : momentFromInput(input.to),
        }
  return selectUnavailabilities(ctx.db, { resourceId: input.resourceId, ...window }).map(toUnavailability)
}

/** Journals a change of an unavailability against it and against its resource, so both histories show it. */
function journalTwice(
  ctx: ServiceContext,
  before: UnavailabilityRecord,
  after: UnavailabilityRecord | null,
  actions: { readonly unavailability: string; readonly resource: string },
): void {
  const at = nowIso(ctx)
  for (const [entity, entityId] of [
    ['unavailability', before.id],
    ['resource', before.resourceId],
  ] as const) {
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity,
      entityId,
      action: actions[entity],
      before,
      after,
    })
  }
}

/**
 * `unavailabilities.restore`: the units withdrawn at a return « jusqu’à remise en état » are lendable
 * again from now on; the record stays, ending now. Journaled.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (an unavailability with a planned end)
 */
export function restoreUnavailability(ctx: ServiceContext, id: string): Unavailability {
  return writeTransaction(ctx.db, () => {
    const before = getUnavailability(ctx.db, id)
    if (!before) throw new DomainError('NOT_FOUND', 'Cette indisponibilité n’existe pas (ou plus).')
    if (!before.untilRestored) {
      throw new DomainError(
        'INVALID_TRANSITION',
        'Cette indisponibilité a une fin prévue : supprimez-la pour rendre la ressource disponible.',
      )
    }
    // An end before the start would break the half-open interval: restored at once means it lasted 1 ms.
    const after: UnavailabilityRecord = {
      ...before,
      end: Math.max(ctx.now(), before.start + 1),
      untilRestored: false,
    }
    endUnavailability(ctx.db, id, after.end)
    journalTwice(ctx, before, after, { unavailability: 'restore', resource: 'restore' })
    return toUnavailability(after)
  })
}

/**
 * `unavailabilities.delete`: the resource is lendable again over that period. Journaled with the
 * deleted values.
 * @throws DomainError NOT_FOUND
 */
export function deleteUnavailability(ctx: ServiceContext, id: string): Unavailability {
  return writeTransaction(ctx.db, () => {
    const before = getUnavailability(ctx.db, id)
    if (!before) throw new DomainError('NOT_FOUND', 'Cette indisponibilité n’existe pas (ou plus).')
    removeUnavailability(ctx.db, id)
    journalTwice(ctx, before, null, { unavailability: 'delete', resource: 'unavailability-delete' })
    return toUnavailability(before)
  })
}
