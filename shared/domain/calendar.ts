/**
 * Result types of the calendar methods (issue 5): iCalendar files and the nearest free periods.
 * Instants are ISO 8601 UTC strings, local dates `YYYY-MM-DD` (Europe/Paris).
 */

/** Result of `calendar.ics`: an iCalendar (RFC 5545) text, ready to save as `fileName`. */
export interface CalendarFile {
  /** `reservations-tiffauges.ics` */
  readonly fileName: string
  /** The `.ics` text, lines ended by CRLF as RFC 5545 requires. */
  readonly content: string
}

/**
 * One free period proposed by `availability.suggest`, of the same length as the one asked for:
 * the same number of days for a day-long loan (`startDate`…`endDate`, end inclusive), the same
 * duration for a timed period.
 */
export interface SuggestedPeriod {
  /** ISO 8601 UTC instant; for day-long periods, local midnight starting `startDate`. */
  readonly start: string
  /** ISO 8601 UTC instant, exclusive. */
  readonly end: string
  readonly allDay: boolean
  /** First day (day-long periods), else null. */
  readonly startDate: string | null
  /** Last day, inclusive (day-long periods), else null. */
  readonly endDate: string | null
}
