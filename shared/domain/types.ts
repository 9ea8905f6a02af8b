/**
 * Domain types as the API returns them (glossary: DESIGN.md). Instants are ISO 8601 UTC strings,
 * local dates `YYYY-MM-DD` (Europe/Paris). Identifiers are UUIDs made by the application.
 */

export const resourceKinds = ['equipment', 'vehicle', 'staff'] as const
/** `equipment` (matériel), `vehicle` (véhicule), `staff` (agent). */
export type ResourceKind = (typeof resourceKinds)[number]

export const trackings = ['unit', 'stock'] as const
/** `unit`: one identifiable item; `stock`: a counted quantity. Vehicles and agents are always `unit`. */
export type Tracking = (typeof trackings)[number]

export const bookingStatuses = [
  'requested',
  'approved',
  'rejected',
  'cancelled',
  'checked_out',
  'returned',
] as const
export type BookingStatus = (typeof bookingStatuses)[number]

/** Statuses that hold resources (DESIGN.md, "Availability"). */
export const blockingStatuses: readonly BookingStatus[] = ['requested', 'approved', 'checked_out']

/** Statuses from which a booking may be cancelled: not yet handed out, not already closed. */
export const cancellableStatuses: readonly BookingStatus[] = ['requested', 'approved']

/** A pôle technique: the site that owns and lends resources. */
export interface Hub {
  readonly id: string
  readonly name: string
}

/** A member municipality with its official INSEE code; `hubId` is the hub that serves it, if any. */
export interface Commune {
  readonly id: string
  readonly name: string
  readonly inseeCode: string
  readonly hubId: string | null
  readonly postalCode: string | null
  /** Legal population (INSEE, population municipale) of the source vintage. */
  readonly population: number | null
}

/** A category of resources, in two levels (`parentId` null for the top level). */
export interface Category {
  readonly id: string
  readonly name: string
  readonly parentId: string | null
  readonly kind: ResourceKind
}

/** Anything bookable. Kind-specific fields are null where they do not apply. */
export interface Resource {
  readonly id: string
  readonly hubId: string
  readonly kind: ResourceKind
  readonly name: string
  readonly categoryId: string | null
  readonly tracking: Tracking
  /** Units owned: 1 for unit resources, the stock for stock resources. */
  readonly quantity: number
  /** Preparation time before each booking, minutes. */
  readonly bufferBeforeMinutes: number
  /** Return or transport time after each booking, minutes. */
  readonly bufferAfterMinutes: number
  readonly inventoryNumber: string | null
  readonly serialNumber: string | null
  /** French plate `AB-123-CD` (vehicles). */
  readonly plate: string | null
  /** Licence category needed to drive it (B, BE, C1, C, CE…). */
  readonly licenceRequired: string | null
  readonly odometerKm: number | null
  /** Next contrôle technique or periodic inspection, `YYYY-MM-DD`. */
  readonly nextInspectionDate: string | null
  /** Agents: qualifications held (CACES R486, permis C…). */
  readonly qualifications: readonly string[]
  /** Agents: contractual weekly hours. */
  readonly weeklyHours: number | null
  readonly notes: string
  readonly archived: boolean
  readonly createdAt: string
  readonly updatedAt: string
}

/** A resource inside a booking; quantity is 1 for unit resources. */
export interface BookingItem {
  readonly resourceId: string
  readonly quantity: number
}

/** One request by one commune, for one period, of one or more resources. */
export interface Booking {
  readonly id: string
  /** Human reference, `RES-2027-0042`: year of creation, then a counter. */
  readonly reference: string
  readonly status: BookingStatus
  readonly hubId: string
  readonly communeId: string
  readonly title: string
  readonly notes: string
  /** ISO 8601 UTC instant; for day-long loans, local midnight of `startDate`. */
  readonly start: string
  /** ISO 8601 UTC instant, exclusive; for day-long loans, local midnight after `endDate`. */
  readonly end: string
  readonly allDay: boolean
  readonly startDate: string | null
  /** Last day of a day-long loan, inclusive. */
  readonly endDate: string | null
  readonly items: readonly BookingItem[]
  readonly cancelReason: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** Why a requested item does not fit: who holds it, when, and for a stock how many are still free. */
export interface Conflict {
  readonly resourceId: string
  readonly resourceName: string
  readonly bookingId: string | null
  readonly reference: string | null
  readonly communeId: string | null
  readonly title: string | null
  readonly unavailabilityId: string | null
  readonly reason: string | null
  /** ISO 8601 UTC instants of the blocking booking or unavailability (as booked, without buffers). */
  readonly start: string | null
  readonly end: string | null
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
  /** Stock only: units still free at the busiest moment of the requested period. */
  readonly freeQuantity: number | null
  readonly requestedQuantity: number
  /** The explanation in French, ready to show. */
  readonly message: string
}

/** Result of `availability.check`. */
export interface AvailabilityReport {
  readonly available: boolean
  readonly conflicts: readonly Conflict[]
}

/** A resource free for the whole requested period, with the units free at its busiest moment. */
export type FreeResource = Resource & { readonly freeQuantity: number }

/** A French public holiday (metropolitan France), `date` as `YYYY-MM-DD`. */
export interface Holiday {
  readonly date: string
  readonly name: string
}
