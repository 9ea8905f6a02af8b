/**
 * Types of the booking lifecycle (issue 4): qualification checks, logistics tasks, series, the hub's
 * request inbox, the depot's day list and a booking's history. Instants are ISO 8601 UTC strings,
 * local dates `YYYY-MM-DD` (Europe/Paris).
 */
import type { AuditEntry, Booking, Conflict } from './types'

/** A qualification a booking needs and does not have (detail of a QUALIFICATION_MISSING refusal). */
export interface QualificationIssue {
  /** The resource that needs a qualified operator. */
  readonly resourceId: string
  readonly resourceName: string
  /** What it needs (`CACES R486`). */
  readonly qualification: string
  /** The French explanation, ready to show. */
  readonly message: string
}

export const logisticsKinds = ['delivery', 'pickup'] as const
/** `delivery` (livraison, before the start) or `pickup` (reprise, after the end). */
export type LogisticsKind = (typeof logisticsKinds)[number]

/** A delivery or pick-up the hub does for a booking, with the vehicle and agents it occupies. */
export interface LogisticsTask {
  readonly id: string
  readonly bookingId: string
  readonly reference: string
  readonly communeId: string
  readonly kind: LogisticsKind
  /** ISO 8601 UTC instants, `[start, end)`. */
  readonly start: string
  readonly end: string
  /** The vehicle and agents it occupies. */
  readonly resourceIds: readonly string[]
  /** Where to deliver (free text), empty when not given. */
  readonly address: string
}

/** One occurrence of a series, as previewed: its period and what stands in its way. */
export interface SeriesOccurrence {
  /** 0-based rank in the rule's expansion, exception dates included. */
  readonly index: number
  /** ISO 8601 UTC instants. */
  readonly start: string
  readonly end: string
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
  /** Removed by an exception date (EXDATE): never booked. */
  readonly excluded: boolean
  readonly conflicts: readonly Conflict[]
  /** A reason it cannot be booked other than a conflict (an hour that does not exist on that day). */
  readonly problem: string | null
}

/** Result of `series.preview`. */
export interface SeriesPreview {
  /** The rule in French (« chaque semaine le mercredi, 4 fois »). */
  readonly description: string
  readonly occurrences: readonly SeriesOccurrence[]
}

/** Result of `series.create`: the bookings made, and the occurrences skipped for a conflict. */
export interface SeriesCreated {
  readonly seriesId: string
  readonly bookings: readonly Booking[]
  readonly skipped: readonly SeriesOccurrence[]
}

/** One pending request of the hub's inbox, with what an approval would run into now. */
export interface InboxEntry {
  readonly booking: Booking
  /** Conflicts an approval would meet now (an unavailability added since, a stock reduced…). */
  readonly conflicts: readonly Conflict[]
  readonly qualificationIssues: readonly QualificationIssue[]
  /** Any other reason an approval would be refused now (a resource archived since), in French. */
  readonly problem: string | null
  /** Other blocking bookings sharing a resource over the same period (a stock shared, the neighbours). */
  readonly competing: readonly Booking[]
}

/** A booking handed out and not returned by its end, and the bookings it now endangers. */
export interface LateBooking {
  readonly booking: Booking
  /** Blocking bookings of the same resources that start after its end and before now + 7 days. */
  readonly endangered: readonly Booking[]
}

/** Result of `depot.day`: what the depot hands out, takes back and drives on one local day. */
export interface DepotDay {
  readonly date: string
  /** Approved bookings starting that day (or earlier and still not handed out). */
  readonly departures: readonly Booking[]
  /** Handed-out bookings ending that day. */
  readonly returns: readonly Booking[]
  readonly logistics: readonly LogisticsTask[]
  readonly late: readonly LateBooking[]
}

/** Result of `bookings.history`: a booking, its logistics tasks and its journal, latest first. */
export interface BookingHistory {
  readonly booking: Booking
  readonly logistics: readonly LogisticsTask[]
  readonly journal: readonly AuditEntry[]
}
