/**
 * The availability rule (DESIGN.md, "Availability"), once, as pure functions. The backend calls them
 * inside the write transaction that stores a booking; the renderer may call them for live feedback.
 *
 * - A stock lends its quantity less the units out of service; an item "hors service" lends nothing;
 *   nothing is lent past the last day before its compulsory inspection (VGP, contrôle technique).
 * - Intervals are half-open `[start, end)` in epoch ms: touching intervals do not overlap.
 * - A unit resource is held by at most one blocking occupation at any instant.
 * - For a stock, at every instant the overlapping quantities add up to at most the stock: the
 *   peak, not the sum over the period, is what counts.
 * - A resource's buffers (preparation before, transport after) extend each of its bookings on both
 *   sides, the requested one included. Unavailabilities block exactly their own period.
 */
import type { Condition, Conflict, ResourceKind, Tracking } from './domain/types'
import {
  addDaysToDate,
  formatInstantFr,
  formatLocalDateFr,
  formatPeriodFr,
  startOfLocalDate,
  toIsoUtc,
} from './time'

const MINUTE_MS = 60_000

/** A half-open interval `[start, end)` in epoch ms. */
export interface Interval {
  readonly start: number
  readonly end: number
}

/** What the rule needs to know about a resource. */
export interface CapacityResource {
  readonly id: string
  readonly name: string
  readonly tracking: Tracking
  /** 1 for unit resources; the stock otherwise. */
  readonly quantity: number
  readonly bufferBeforeMinutes: number
  readonly bufferAfterMinutes: number
  /** Stock: units out of service, never lent (default 0). */
  readonly outOfServiceQuantity?: number
  readonly kind?: ResourceKind
  /** Unit equipment: `out_of_service` lends nothing. */
  readonly condition?: Condition | null
  /** Last day of use before the next compulsory inspection, `YYYY-MM-DD` (Europe/Paris). */
  readonly nextInspectionDate?: string | null
}

/** Bounds of time for standing limits (the largest instants a JS Date holds). */
const FAR_PAST = -8.64e15
const FAR_FUTURE = 8.64e15

/**
 * The end given to an unavailability that lasts until the manager restores the units (missing or
 * damaged at a return): 01/01/2199, inside the years the application reads (shared/time.ts), so every
 * date computed from it stays valid. Messages say « jusqu’à remise en service » instead of this date.
 */
export const UNTIL_RESTORED_END = Date.UTC(2199, 0, 1)

/** Units a resource can lend at most: the stock less what is out of service. */
export function lendableQuantity(resource: CapacityResource): number {
  return Math.max(0, resource.quantity - (resource.outOfServiceQuantity ?? 0))
}

/** Who holds part of a resource. */
export type OccupationSource =
  | {
      readonly type: 'booking'
      readonly bookingId: string
      readonly reference: string
      readonly communeId: string
      readonly communeName: string
      readonly title: string
    }
  | { readonly type: 'unavailability'; readonly unavailabilityId: string; readonly reason: string }
  /** A standing limit of the resource itself (out of service, inspection due), not a stored period. */
  | { readonly type: 'limit'; readonly reason: string }

/**
 * A blocking booking item or an unavailability, as stored: bookings without their buffers.
 * `allDay` with `startDate`/`endDate` (inclusive) lets messages speak in days.
 */
export interface Occupation extends Interval {
  readonly resourceId: string
  readonly quantity: number
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
  readonly source: OccupationSource
}

/** One requested item; quantity 1 for unit resources. */
export interface RequestedItem {
  readonly resourceId: string
  readonly quantity: number
}

/** True when two half-open intervals share at least one instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end
}

/** The interval a booking of this resource really occupies: its period widened by the buffers. */
export function occupiedInterval(period: Interval, resource: CapacityResource): Interval {
  return {
    start: period.start - resource.bufferBeforeMinutes * MINUTE_MS,
    end: period.end + resource.bufferAfterMinutes * MINUTE_MS,
  }
}

/**
 * The resource's own limits as occupations of its whole quantity: from the day after its inspection
 * deadline on (the deadline day itself is usable), and for all time when it is out of service.
 */
export function standingOccupations(resource: CapacityResource): Occupation[] {
  const limits: Occupation[] = []
  const whole = {
    resourceId: resource.id,
    quantity: resource.quantity,
    allDay: false,
    startDate: null,
    endDate: null,
  }
  if (resource.condition === 'out_of_service') {
    limits.push({
      ...whole,
      start: FAR_PAST,
      end: FAR_FUTURE,
      source: { type: 'limit', reason: 'hors service, ne peut pas être prêté' },
    })
  }
  if (resource.nextInspectionDate) {
    const what =
      resource.kind === 'vehicle'
        ? 'contrôle technique à passer'
        : 'vérification générale périodique (VGP) à faire'
    limits.push({
      ...whole,
      start: startOfLocalDate(addDaysToDate(resource.nextInspectionDate, 1)),
      end: FAR_FUTURE,
      source: {
        type: 'limit',
        reason: `${what} au plus tard le ${formatLocalDateFr(resource.nextInspectionDate)} : pas de prêt après cette date`,
      },
    })
  }
  return limits
}

function occupationInterval(occupation: Occupation, resource: CapacityResource): Interval {
  return occupation.source.type === 'booking' ? occupiedInterval(occupation, resource) : occupation
}

/**
 * The largest quantity held at any one instant of `window` by these occupations, and the
 * occupations active at that instant. A sweep over start and end events; at equal instants ends are
 * taken before starts, so touching intervals never add up.
 */
export function peakUsage(
  window: Interval,
  occupations: readonly (Interval & { readonly quantity: number })[],
): { peak: number; atPeak: number[] } {
  const events: { at: number; delta: number; index: number }[] = []
  occupations.forEach((o, index) => {
    if (!overlaps(o, window)) return
    events.push({ at: Math.max(o.start, window.start), delta: o.quantity, index })
    events.push({ at: Math.min(o.end, window.end), delta: -o.quantity, index })
  })
  events.sort((a, b) => a.at - b.at || a.delta - b.delta)
  let current = 0
  let peak = 0
  let peakAt = Number.NaN
  for (const event of events) {
    current += event.delta
    if (current > peak) {
      peak = current
      peakAt = event.at
    }
  }
  const atPeak = Number.isNaN(peakAt)
    ? []
    : occupations.flatMap((o, index) =>
        o.start <= peakAt && peakAt < o.end && overlaps(o, window) ? [index] : [],
      )
  return { peak, atPeak }
}

function describe(
  resource: CapacityResource,
  occupation: Occupation | null,
  requested: number,
  free: number | null,
): string {
  const name = `« ${resource.name} »`
  const stock =
    free === null
      ? ''
      : ` il en reste ${free} sur ${lendableQuantity(resource)} pour cette période (demande : ${requested}).`
  if (!occupation) return `${name} :${stock}`
  if (occupation.source.type === 'limit') {
    return free === null
      ? `${name} : ${occupation.source.reason}.`
      : `${name} :${stock} Cause : ${occupation.source.reason}.`
  }
  const when =
    occupation.end >= UNTIL_RESTORED_END
      ? `depuis le ${formatInstantFr(occupation.start)}, jusqu’à remise en service`
      : formatPeriodFr(occupation)
  const holder =
    occupation.source.type === 'booking'
      ? `réservation ${occupation.source.reference} (${occupation.source.communeName}, « ${occupation.source.title} ») ${when}.`
      : `indisponibilité ${when}${free === null ? '' : ` de ${occupation.quantity}`} (${occupation.source.reason}).`
  return free === null ? `${name} : ${holder}` : `${name} :${stock} Cause : ${holder}`
}

function toConflict(
  resource: CapacityResource,
  occupation: Occupation | null,
  requested: number,
  free: number | null,
): Conflict {
  const source = occupation?.source
  return {
    resourceId: resource.id,
    resourceName: resource.name,
    bookingId: source?.type === 'booking' ? source.bookingId : null,
    reference: source?.type === 'booking' ? source.reference : null,
    communeId: source?.type === 'booking' ? source.communeId : null,
    title: source?.type === 'booking' ? source.title : null,
    unavailabilityId: source?.type === 'unavailability' ? source.unavailabilityId : null,
    reason: source?.type === 'unavailability' || source?.type === 'limit' ? source.reason : null,
    start: occupation && occupation.start > FAR_PAST ? toIsoUtc(occupation.start) : null,
    end: occupation && occupation.end < FAR_FUTURE ? toIsoUtc(occupation.end) : null,
    allDay: occupation?.allDay ?? false,
    startDate: occupation?.startDate ?? null,
    endDate: occupation?.endDate ?? null,
    freeQuantity: free,
    requestedQuantity: requested,
    message: describe(resource, occupation, requested, free),
  }
}

/** The stored occupations of this resource, plus its standing limits. */
function ownOccupations(resource: CapacityResource, occupations: readonly Occupation[]): Occupation[] {
  return [...occupations.filter((o) => o.resourceId === resource.id), ...standingOccupations(resource)]
}

/**
 * Units of `resource` free over the whole of `period` (the minimum over the period), given the
 * occupations of that resource. Buffers widen `period` and every booking occupation.
 * @returns an integer between 0 and the lendable quantity (stock less what is out of service).
 */
export function freeQuantity(
  resource: CapacityResource,
  period: Interval,
  occupations: readonly Occupation[],
): number {
  const window = occupiedInterval(period, resource)
  const own = ownOccupations(resource, occupations).map((o) => ({
    ...occupationInterval(o, resource),
    quantity: o.quantity,
  }))
  return Math.max(0, lendableQuantity(resource) - peakUsage(window, own).peak)
}

/**
 * Checks whether every requested item fits in `period`.
 * @param resources the requested resources by id (every `items[].resourceId` must be present)
 * @param occupations blocking occupations of those resources (other bookings, unavailabilities);
 *   leave out the booking being edited.
 * @returns the conflicts, one per blocking occupation (unit) or per occupation active at the peak (stock);
 *   empty when the request fits.
 * @throws Error when an item's resource is missing from `resources` (a caller bug, not a user error).
 */
export function findConflicts(
  period: Interval,
  items: readonly RequestedItem[],
  resources: ReadonlyMap<string, CapacityResource>,
  occupations: readonly Occupation[],
): Conflict[] {
  const conflicts: Conflict[] = []
  for (const item of items) {
    const resource = resources.get(item.resourceId)
    if (!resource) throw new Error(`Ressource inconnue du contrôle de disponibilité : ${item.resourceId}`)
    const window = occupiedInterval(period, resource)
    const own = ownOccupations(resource, occupations).filter((o) =>
      overlaps(occupationInterval(o, resource), window),
    )
    if (resource.tracking === 'unit') {
      for (const o of own) conflicts.push(toConflict(resource, o, 1, null))
      continue
    }
    const intervals = own.map((o) => ({ ...occupationInterval(o, resource), quantity: o.quantity }))
    const { peak, atPeak } = peakUsage(window, intervals)
    const free = Math.max(0, lendableQuantity(resource) - peak)
    if (item.quantity <= free) continue
    if (atPeak.length === 0) conflicts.push(toConflict(resource, null, item.quantity, free))
    for (const index of atPeak) conflicts.push(toConflict(resource, own[index] ?? null, item.quantity, free))
  }
  return conflicts
}
