/**
 * Delivery and pick-up by the hub (issue 4): a booking that asks for it gets two logistics tasks, each
 * occupying a vehicle and its agents like a booking does. Timed bookings are delivered in the `minutes`
 * before their start and collected in the `minutes` after their end; day-long loans at 08:00 local
 * (Europe/Paris) on their first day and at 08:00 the day after their last.
 */
import type { z } from 'zod'
import type { delivery as deliverySchema } from '../../../shared/api/fields'
import type { logisticsListInput } from '../../../shared/api/lifecycle-schemas'
import type { RequestedItem } from '../../../shared/availability'
import type { LogisticsKind, LogisticsTask } from '../../../shared/domain/lifecycle'
import type { Conflict, Delivery } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { qualificationIssues } from '../../../shared/qualifications'
import { addDaysToDate, localToInstant, toIsoUtc, type Period } from '../../../shared/time'
import type { BookingRecord } from '../db/repositories/bookings'
import {
  listTasks,
  listTasksOfBooking,
  replaceLogisticsTasks,
  type LogisticsTaskRecord,
} from '../db/repositories/logistics'
import { getResourcesByIds } from '../db/repositories/resources'
import { conflictsFor } from './availability'
import type { ServiceContext } from './context'
import { windowFromInput } from './periods'

const MINUTE_MS = 60_000
/** A trip lasts an hour unless the request says otherwise. */
const DEFAULT_MINUTES = 60
/** Day-long loans are delivered and collected at 08:00 local, when the depot opens. */
const DAY_LOAN_HOUR = 8

/** What a request may say about delivery: the stored `Delivery` with defaults not yet applied. */
export type DeliveryRequest = z.output<typeof deliverySchema> | Delivery

/** The two trips of a delivery: `[start, end)` in epoch ms. */
export function deliveryTrips(
  period: Period,
  minutes: number,
): { kind: LogisticsKind; start: number; end: number }[] {
  const length = minutes * MINUTE_MS
  const deliveryStart =
    period.allDay && period.startDate
      ? localToInstant(period.startDate, DAY_LOAN_HOUR)
      : period.start - length
  const pickupStart =
    period.allDay && period.endDate
      ? localToInstant(addDaysToDate(period.endDate, 1), DAY_LOAN_HOUR)
      : period.end
  return [
    { kind: 'delivery', start: deliveryStart, end: deliveryStart + length },
    { kind: 'pickup', start: pickupStart, end: pickupStart + length },
  ]
}

function deliveryError(message: string, path: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { issues: [{ path: `delivery.${path}`, message }] })
}

/**
 * Checks a delivery request and returns the stored form, its trips, and a function listing the trips'
 * conflicts against stored occupations (leaving out `ignoreBookingId`).
 * @throws DomainError NOT_FOUND / INVALID_INPUT (vehicle or agent unknown, archived, of another kind or
 *   hub, or already an item of the booking), QUALIFICATION_MISSING (the vehicle's licence)
 */
export function planDelivery(
  ctx: ServiceContext,
  period: Period,
  request: DeliveryRequest,
  items: readonly RequestedItem[],
  hubId: string,
): {
  delivery: Delivery
  trips: { kind: LogisticsKind; start: number; end: number }[]
  conflicts: (ignoreBookingId: string | null) => Conflict[]
} {
  const ids = [request.vehicleId, ...request.agentIds]
  if (new Set(ids).size !== ids.length) throw deliveryError('Un agent est indiqué deux fois.', 'agentIds')
  const found = new Map(getResourcesByIds(ctx.db, ids).map((r) => [r.id, r]))
  const vehicle = found.get(request.vehicleId)
  if (!vehicle || vehicle.kind !== 'vehicle' || vehicle.archivedAt || vehicle.hubId !== hubId) {
    throw deliveryError('Choisissez un véhicule du pôle, en service, pour la livraison.', 'vehicleId')
  }
  request.agentIds.forEach((id, index) => {
    const agent = found.get(id)
    if (!agent || agent.kind !== 'staff' || agent.archivedAt || agent.hubId !== hubId) {
      throw deliveryError('Choisissez des agents du pôle pour la livraison.', `agentIds.${index}`)
    }
  })
  const inBooking = ids.find((id) => items.some((i) => i.resourceId === id))
  if (inBooking) {
    throw deliveryError(
      `« ${found.get(inBooking)?.name ?? ''} » est déjà réservé dans cette demande : il ne peut pas aussi livrer.`,
      inBooking === vehicle.id ? 'vehicleId' : 'agentIds',
    )
  }
  const delivery: Delivery = {
    vehicleId: vehicle.id,
    agentIds: [...request.agentIds],
    minutes: request.minutes ?? DEFAULT_MINUTES,
    address: request.address ?? '',
  }
  const trips = deliveryTrips(period, delivery.minutes)
  const crew = [...found.values()]
  const lastTrip = trips[trips.length - 1]
  const issues = qualificationIssues({ end: lastTrip?.end ?? period.end, endDate: null }, crew, null)
  if (issues[0]) {
    throw new DomainError('QUALIFICATION_MISSING', `Livraison : ${issues[0].message}`, { issues })
  }
  const crewItems = ids.map((resourceId) => ({ resourceId, quantity: 1 }))
  return {
    delivery,
    trips,
    conflicts: (ignoreBookingId) =>
      trips.flatMap((trip) =>
        conflictsFor(ctx, { start: trip.start, end: trip.end }, crewItems, found, ignoreBookingId),
      ),
  }
}

/** Stores the tasks of a booking's delivery (removes them when it has none). In the caller's transaction. */
export function storeDelivery(ctx: ServiceContext, booking: BookingRecord): void {
  const delivery = booking.delivery
  const tasks = delivery
    ? deliveryTrips(booking, delivery.minutes).map((trip) => ({
        ...trip,
        id: ctx.newId(),
        bookingId: booking.id,
        address: delivery.address,
        resourceIds: [delivery.vehicleId, ...delivery.agentIds],
      }))
    : []
  replaceLogisticsTasks(ctx.db, booking.id, tasks)
}

/** The API shape of a task: instants as ISO 8601 UTC. */
export function toLogisticsTask(record: LogisticsTaskRecord): LogisticsTask {
  return { ...record, start: toIsoUtc(record.start), end: toIsoUtc(record.end) }
}

/** `logistics.list`: tasks of blocking bookings overlapping `[from, to)`; dates mean local midnight. */
export function listLogistics(
  ctx: ServiceContext,
  input: z.output<typeof logisticsListInput>,
): LogisticsTask[] {
  const window = windowFromInput(input.from, input.to)
  return listTasks(ctx.db, window.from, window.to).map(toLogisticsTask)
}

/** The tasks of one booking, delivery first. */
export function logisticsOfBooking(ctx: ServiceContext, bookingId: string): LogisticsTask[] {
  return listTasksOfBooking(ctx.db, bookingId).map(toLogisticsTask)
}
