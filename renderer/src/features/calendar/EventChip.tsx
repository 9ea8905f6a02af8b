import type { Booking } from '../../../../shared/domain/types'
import { instantToLocalDate, instantToLocalTime } from '../../../../shared/time'
import { formatPeriodShort } from '../../lib/dates'
import { bookingStatusLabel } from '../../lib/labels'

interface EventChipProps {
  readonly booking: Booking
  /** The day the chip is drawn in; the start time is shown on the booking's first day only. */
  readonly day: string
  readonly onSelect: (booking: Booking) => void
}

/** A booking in a day cell (month view) or the all-day row (week view). */
export function EventChip({ booking, day, onSelect }: EventChipProps) {
  const start = Date.parse(booking.start)
  const time = !booking.allDay && instantToLocalDate(start) === day ? instantToLocalTime(start) : null
  const continued = !booking.allDay && !time
  return (
    <button
      type="button"
      className={`event event--${booking.status}`}
      data-testid="calendar-event"
      data-reference={booking.reference}
      title={`${booking.reference} · ${booking.title}\n${formatPeriodShort(booking)} · ${bookingStatusLabel(booking.status)}`}
      onClick={() => onSelect(booking)}
    >
      {time ? <span className="event__time">{time}</span> : null}
      {continued ? (
        <span className="event__time" aria-label="suite">
          ↳
        </span>
      ) : null}
      <span className="event__title">{booking.title}</span>
    </button>
  )
}
