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

export const conditions = ['good', 'worn', 'to_repair', 'out_of_service'] as const
/** State of a unit item: bon, usé, à réparer, hors service. An item `out_of_service` cannot be lent. */
export type Condition = (typeof conditions)[number]

export const unavailabilityKinds = ['maintenance', 'repair', 'inspection', 'leave'] as const
/** Why a resource cannot be lent: entretien, réparation, contrôle, congé (agents). */
export type UnavailabilityKind = (typeof unavailabilityKinds)[number]

/** A qualification held by an agent (CACES R486 cat. B, permis C…), valid until `expiresOn` inclusive. */
export interface Qualification {
  readonly name: string
  /** Last day of validity, `YYYY-MM-DD`; null when it does not expire. */
  readonly expiresOn: string | null
}

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
  /** Stock only: units owned but out of service, not lendable (0 for unit resources). */
  readonly outOfServiceQuantity: number
  /** Preparation time before each booking, minutes. */
  readonly bufferBeforeMinutes: number
  /** Return or transport time after each booking, minutes. */
  readonly bufferAfterMinutes: number
  /** Unique inventory number (n° d'inventaire), also what a label's QR code holds. */
  readonly inventoryNumber: string | null
  readonly serialNumber: string | null
  /** Unit equipment: state of the item; null for stocks, vehicles and agents. */
  readonly condition: Condition | null
  /** Date of purchase, `YYYY-MM-DD`. */
  readonly purchaseDate: string | null
  /** Purchase value in euro cents. */
  readonly purchaseValueCents: number | null
  /**
   * Per-day amount of the resource's latest rate (rates.list, migration 005), cents per unit and
   * day (tarif journalier); null when that rate is not per day. Writing it sets a per-day rate.
   */
  readonly dailyRateCents: number | null
  /** Floor area in m² (podium, tents), for rates per m² and per day. */
  readonly areaM2: number | null
  /** French plate `AB-123-CD` (vehicles). */
  readonly plate: string | null
  /** Licence category needed to drive it (B, BE, C1, C, CE…). */
  readonly licenceRequired: string | null
  /** Vehicles: odometer in km. */
  readonly odometerKm: number | null
  /** Vehicles and machines counted in engine hours (tractors, mini-pelles): hour-meter in hours. */
  readonly hourMeterHours: number | null
  /**
   * Last day the resource may be used before its next compulsory inspection, `YYYY-MM-DD`: the
   * contrôle technique of a vehicle, the vérification générale périodique (VGP) of lifting or pressure
   * equipment. A booking ending after that day is refused.
   */
  readonly nextInspectionDate: string | null
  /** Agents: the commune they are attached to. */
  readonly homeCommuneId: string | null
  /** Agents: qualifications held, with their expiry. */
  readonly qualifications: readonly Qualification[]
  /** Agents: contractual weekly hours. */
  readonly weeklyHours: number | null
  /** A booking containing it is a request the hub must approve (statut « demandée »). */
  readonly requiresApproval: boolean
  /**
   * Qualification its operator must hold (CACES R486 for a nacelle, Permis C for a truck): a booking
   * containing it must also contain an agent holding it for the whole period, or name the commune's own
   * qualified operator. Matched case-insensitively on the start of the agent's qualification name.
   */
  readonly requiredQualification: string | null
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

/** What came back of one item at the return: missing units are `quantity - returnedQuantity`. */
export interface ReturnedItem {
  readonly resourceId: string
  readonly returnedQuantity: number
  /** Units returned damaged (included in `returnedQuantity`). */
  readonly damagedQuantity: number
}

/** The hand-over (sortie) or the taking-back (retour) of a booking, as the depot recorded it. */
export interface HandOver {
  /** ISO 8601 UTC instant. */
  readonly at: string
  /** Who recorded it. */
  readonly by: string
  /** Odometer of the booking's vehicle at that moment, km. */
  readonly odometerKm: number | null
  readonly notes: string
}

/**
 * Delivery and pick-up by the hub: a vehicle and its agents, `minutes` each way. Timed bookings are
 * delivered in the `minutes` before the start and collected in the `minutes` after the end; day-long
 * loans at 08:00 local on the first day and 08:00 the day after the last.
 */
export interface Delivery {
  readonly vehicleId: string
  readonly agentIds: readonly string[]
  /** Duration of each trip, minutes. */
  readonly minutes: number
  readonly address: string
}

/** The commune's own qualified operator, when the booking brings no agent of the hub. */
export interface ProvidedOperator {
  readonly name: string
  readonly qualification: string
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
  /** Why the hub refused the request (status `rejected`). */
  readonly rejectReason: string | null
  /** The commune's own qualified operator, if it provides one. */
  readonly providedOperator: ProvidedOperator | null
  /** The hub delivers before the start and collects after the end (two logistics tasks), if asked. */
  readonly delivery: Delivery | null
  /** The series this booking is an occurrence of. */
  readonly seriesId: string | null
  readonly checkOut: HandOver | null
  readonly return: (HandOver & { readonly items: readonly ReturnedItem[] }) | null
  /** Handed out and not returned although its end has passed. */
  readonly late: boolean
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

/** A period in which a resource, or part of a stock, cannot be lent. Instants ISO 8601 UTC. */
export interface Unavailability {
  readonly id: string
  readonly resourceId: string
  readonly kind: UnavailabilityKind
  readonly reason: string
  /** Units withdrawn: 1 for unit resources, part of the stock otherwise. */
  readonly quantity: number
  readonly start: string
  readonly end: string
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
  readonly createdAt: string
  /** The booking whose return withdrew these units (missing or damaged), if any. */
  readonly bookingId: string | null
  /** Lasts until the manager restores the units (« jusqu’à remise en état »): `end` is then meaningless. */
  readonly untilRestored: boolean
}

/** Result of `unavailabilities.create`: the stored period, and the bookings it now endangers (never cancelled). */
export interface UnavailabilityCreated {
  readonly unavailability: Unavailability
  readonly affectedBookings: readonly Booking[]
}

/** One entry of the journal (journal des modifications). */
export interface AuditEntry {
  readonly id: string
  /** ISO 8601 UTC instant. */
  readonly at: string
  readonly actor: string
  readonly entity: string
  readonly entityId: string
  /** `create`, `update`, `archive`, `cancel`, `import`… */
  readonly action: string
  readonly before: unknown
  readonly after: unknown
}

/** Result of `resources.history`: everything the detail page of a resource shows. */
export interface ResourceHistory {
  readonly resource: Resource
  /** Blocking bookings ending after now, by start. */
  readonly upcomingBookings: readonly Booking[]
  /** Other bookings (past, cancelled, returned…), latest first, at most 200. */
  readonly pastBookings: readonly Booking[]
  /** Unavailabilities ending after now, by start. */
  readonly unavailabilities: readonly Unavailability[]
  /** Journal entries about the resource, latest first. */
  readonly journal: readonly AuditEntry[]
}

export const importFields = [
  'name',
  'kind',
  'category',
  'quantity',
  'inventoryNumber',
  'serialNumber',
  'plate',
  'purchaseDate',
  'purchaseValue',
  'dailyRate',
] as const
/** A column an import can fill (Désignation, Type, Catégorie, Quantité, N° d'inventaire…). */
export type ImportField = (typeof importFields)[number]

/** One problem of an import, by spreadsheet line (1 = the header line) and column header. */
export interface ImportError {
  readonly line: number
  readonly column?: string
  readonly message: string
}

/** One data row as the import understood it. */
export interface ImportPreviewRow {
  readonly line: number
  /** `create` a new resource, or `update` the one with this inventory number or plate. */
  readonly action: 'create' | 'update'
  readonly name: string
  readonly kind: ResourceKind
  readonly category: string | null
  readonly quantity: number
  readonly inventoryNumber: string | null
  readonly serialNumber: string | null
  readonly plate: string | null
  readonly purchaseDate: string | null
  readonly purchaseValueCents: number | null
  readonly dailyRateCents: number | null
}

/**
 * Result of `resources.import`: all rows stored, or none (`stored: false`) with one error per bad row.
 * `headers` and `mapping` say how the file's columns were read, for the preview.
 */
export interface ImportReport {
  readonly stored: boolean
  readonly created: number
  readonly updated: number
  readonly errors: readonly ImportError[]
  readonly headers: readonly string[]
  /** For each header of the file, the field it fills, or null when ignored. */
  readonly mapping: Readonly<Record<string, ImportField | null>>
  readonly rows: readonly ImportPreviewRow[]
}

/** A file made by the application, ready to save. */
export interface ExportedFile {
  readonly fileName: string
  readonly contentBase64: string
}
