import type { Booking } from '../../../../shared/domain/types'
import { instantToLocalDate, instantToLocalTime } from '../../../../shared/time'
import { formatPeriodShort } from '../../lib/dates'
import { bookingStatusLabel } from '../../lib/labels'

/**
 * How an event looks: coloured by status for one commune, or by commune (`colorIndex`, with the
 * commune's name before the title) when every commune is shown.
 */
export interface EventLook {
  readonly colorIndex: number | null
  readonly communeName: string | null
}

export type LookOf = (booking: Booking) => EventLook

/** The classes of an event: its status, and its commune's colour when given. */
export function eventClasses(base: string, booking: Booking, look: EventLook | null): string {
  const byCommune =
    look && look.colorIndex !== null ? ` event--by-commune commune-color-${look.colorIndex}` : ''
  return `${base} event--${booking.status}${byCommune}`
}

/** The tooltip of an event: reference, commune, title, period and status. */
export function eventTooltip(booking: Booking, look: EventLook | null): string {
  const commune = look?.communeName ? ` · ${look.communeName}` : ''
  return `${booking.reference}${commune} · ${booking.title}\n${formatPeriodShort(booking)} · ${bookingStatusLabel(booking.status)}`
}

interface EventChipProps {
  readonly booking: Booking
  /** The day the chip is drawn in; the start time is shown on the booking's first day only. */
  readonly day: string
  readonly onSelect: (booking: Booking) => void
  readonly look?: EventLook | null
}

/** A booking in a day cell (month view) or the all-day row (week and day views). */
export function EventChip({ booking, day, onSelect, look = null }: EventChipProps) {
  const start = Date.parse(booking.start)
  const time = !booking.allDay && instantToLocalDate(start) === day ? instantToLocalTime(start) : null
  const continued = !booking.allDay && !time
  return (
    <button
      type="button"
      className={eventClasses('event', booking, look)}
      data-testid="calendar-event"
      data-reference={booking.reference}
      title={eventTooltip(booking, look)}
      onClick={() => onSelect(booking)}
    >
      {time ? <span className="event__time">{time}</span> : null}
      {continued ? (
        <span className="event__time" aria-label="suite">
          ↳
        </span>
      ) : null}
      <span className="event__title">
        {look?.communeName ? <span className="event__commune">{look.communeName} · </span> : null}
        {booking.title}
      </span>
    </button>
  )
}
