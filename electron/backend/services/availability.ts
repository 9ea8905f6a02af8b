import {
  findConflicts,
  freeQuantity,
  type CapacityResource,
  type Interval,
  type Occupation,
  type RequestedItem,
} from '../../../shared/availability'
import type { AvailabilityReport, Conflict, FreeResource, ResourceKind } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { listOccupations } from '../db/repositories/occupations'
import { getResourcesByIds, listResources, type ResourceRecord } from '../db/repositories/resources'
import type { ServiceContext } from './context'
import { toResource } from './resources'

const MINUTE_MS = 60_000

/** The widest reach of the buffers of these resources, in ms, to widen occupation queries. */
function bufferReach(resources: readonly CapacityResource[]): number {
  return Math.max(0, ...resources.map((r) => (r.bufferBeforeMinutes + r.bufferAfterMinutes) * MINUTE_MS))
}

/**
 * Loads the requested resources, checks they can be booked, and normalises the quantities
 * (1 for unit resources).
 * @throws DomainError NOT_FOUND for an unknown resource, INVALID_INPUT for an archived one or a
 *   quantity above 1 on a unit resource
 */
export function loadRequestedResources(
  ctx: ServiceContext,
  items: readonly { resourceId: string; quantity?: number | undefined }[],
): { resources: Map<string, ResourceRecord>; items: RequestedItem[] } {
  const found = new Map(
    getResourcesByIds(
      ctx.db,
      items.map((i) => i.resourceId),
    ).map((r) => [r.id, r]),
  )
  const normalised = items.map((item, index): RequestedItem => {
    const resource = found.get(item.resourceId)
    if (!resource) {
      throw new DomainError('NOT_FOUND', 'Une ressource demandée n’existe pas (ou plus).', {
        issues: [{ path: `items.${index}.resourceId`, message: 'Ressource introuvable.' }],
      })
    }
    if (resource.archivedAt) {
      const message = `« ${resource.name} » est archivé et ne peut plus être réservé.`
      throw new DomainError('INVALID_INPUT', message, {
        issues: [{ path: `items.${index}.resourceId`, message }],
      })
    }
    if (resource.tracking === 'unit' && item.quantity !== undefined && item.quantity !== 1) {
      const message = `« ${resource.name} » se réserve à l’unité : quantité 1.`
      throw new DomainError('INVALID_INPUT', message, {
        issues: [{ path: `items.${index}.quantity`, message }],
      })
    }
    return { resourceId: resource.id, quantity: resource.tracking === 'unit' ? 1 : (item.quantity ?? 1) }
  })
  return { resources: found, items: normalised }
}

/**
 * Conflicts of the requested items over `period` against the stored blocking bookings and
 * unavailabilities. Call it inside the write transaction that stores the booking.
 */
export function conflictsFor(
  ctx: ServiceContext,
  period: Interval,
  items: readonly RequestedItem[],
  resources: ReadonlyMap<string, CapacityResource>,
  ignoreBookingId: string | null,
): Conflict[] {
  const reach = bufferReach([...resources.values()])
  const occupations = listOccupations(
    ctx.db,
    items.map((i) => i.resourceId),
    period.start - reach,
    period.end + reach,
    ignoreBookingId,
  )
  return findConflicts(period, items, resources, occupations)
}

/** `availability.check`: does the request fit, and if not, why. */
export function checkAvailability(
  ctx: ServiceContext,
  period: Interval,
  requested: readonly { resourceId: string; quantity?: number | undefined }[],
  ignoreBookingId: string | null,
): AvailabilityReport {
  const { resources, items } = loadRequestedResources(ctx, requested)
  const conflicts = conflictsFor(ctx, period, items, resources, ignoreBookingId)
  return { available: conflicts.length === 0, conflicts }
}

/**
 * `availability.find`: the active resources free over the whole period, with the units free at the
 * busiest moment; only those with at least `quantity` (default 1) free.
 */
export function findAvailable(
  ctx: ServiceContext,
  period: Interval,
  filter: { kind?: ResourceKind | undefined; categoryId?: string | undefined; quantity?: number | undefined },
): FreeResource[] {
  const candidates = listResources(ctx.db, { kind: filter.kind, categoryId: filter.categoryId })
  if (candidates.length === 0) return []
  const reach = bufferReach(candidates)
  const occupations = listOccupations(ctx.db, 'all', period.start - reach, period.end + reach)
  const byResource = new Map<string, Occupation[]>()
  for (const o of occupations) byResource.set(o.resourceId, [...(byResource.get(o.resourceId) ?? []), o])
  const wanted = filter.quantity ?? 1
  return candidates
    .map((r) => ({ ...toResource(r), freeQuantity: freeQuantity(r, period, byResource.get(r.id) ?? []) }))
    .filter((r) => r.freeQuantity >= wanted)
}
