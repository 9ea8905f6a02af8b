/**
 * Live feedback while dragging, with the shared availability rule on the loaded data. The backend
 * decides. Pure functions, no DOM, no store, no machine time zone.
 */
import type { CapacityResource, Occupation } from '../../../../shared/availability'
import { findConflicts, freeQuantity } from '../../../../shared/availability'
import type { Booking, Conflict, Resource, Unavailability } from '../../../../shared/domain/types'
import { blockingStatuses } from '../../../../shared/domain/types'
import { type PlanningColumn } from './columns'
import { bookingPeriod, type PlanningPeriod } from './bars'

/**
 * The occupations the availability rule needs, built like the backend does: each item of a
 * blocking booking (requested, approved, checked out) and each unavailability.
 */
export function buildOccupations(
  bookings: readonly Booking[],
  unavailabilities: readonly Unavailability[],
  communeName: (communeId: string) => string,
): Occupation[] {
  const occupations: Occupation[] = []
  for (const b of bookings) {
    if (!blockingStatuses.includes(b.status)) continue
    const period = bookingPeriod(b)
    for (const item of b.items) {
      occupations.push({
        resourceId: item.resourceId,
        quantity: item.quantity,
        ...period,
        source: {
          type: 'booking',
          bookingId: b.id,
          reference: b.reference,
          communeId: b.communeId,
          communeName: communeName(b.communeId),
          title: b.title,
        },
      })
    }
  }
  for (const u of unavailabilities) {
    occupations.push({
      resourceId: u.resourceId,
      quantity: u.quantity,
      start: Date.parse(u.start),
      end: Date.parse(u.end),
      allDay: u.allDay,
      startDate: u.startDate,
      endDate: u.endDate,
      source: { type: 'unavailability', unavailabilityId: u.id, reason: u.reason },
    })
  }
  return occupations
}

/** Occupations grouped by resource id. */
export function occupationsByResource(occupations: readonly Occupation[]): Map<string, Occupation[]> {
  const map = new Map<string, Occupation[]>()
  for (const o of occupations) {
    const list = map.get(o.resourceId)
    if (list) list.push(o)
    else map.set(o.resourceId, [o])
  }
  return map
}

/**
 * The conflicts the booking would meet over `period`, against the loaded occupations less its own
 * (`findConflicts` of shared/availability.ts). Items whose resource is unknown here are skipped.
 */
export function moveConflicts(
  booking: Pick<Booking, 'id' | 'items'>,
  period: Pick<PlanningPeriod, 'start' | 'end'>,
  resourcesById: ReadonlyMap<string, CapacityResource & { readonly tracking: Resource['tracking'] }>,
  occupationsOf: ReadonlyMap<string, readonly Occupation[]>,
): Conflict[] {
  const items = booking.items
    .filter((i) => resourcesById.has(i.resourceId))
    .map((i) => ({
      resourceId: i.resourceId,
      quantity: resourcesById.get(i.resourceId)?.tracking === 'unit' ? 1 : i.quantity,
    }))
  const others = items.flatMap((i) =>
    (occupationsOf.get(i.resourceId) ?? []).filter(
      (o) => o.source.type !== 'booking' || o.source.bookingId !== booking.id,
    ),
  )
  return findConflicts({ start: period.start, end: period.end }, items, resourcesById, others)
}

/**
 * Units of a stock free over each column (`freeQuantity` of shared/availability.ts: the lowest
 * over the column, buffers included), given the resource's own occupations.
 */
export function freeByColumn(
  resource: CapacityResource,
  columns: readonly PlanningColumn[],
  own: readonly Occupation[],
): number[] {
  return columns.map((c) => freeQuantity(resource, { start: c.start, end: c.end }, own))
}
