import type { Booking, Resource } from '../../../../shared/domain/types'
import { formatLocalDatePattern, formatPeriodShort, weekdayIndex } from '../../lib/dates'
import { bookingStatusLabel } from '../../lib/labels'
import { itemLabel } from '../bookings/BookingList'
import { eventClasses, eventTooltip, type LookOf } from './EventChip'
import { DAY_FIRST_HOUR, DAY_LAST_HOUR, dayViewSegments } from './model'

interface DayViewProps {
  /** The local date shown, `YYYY-MM-DD`. */
  readonly day: string
  readonly today: string
  /** Name of the public holiday that day, if any. */
  readonly holiday: string | null
  /** The bookings touching that day. */
  readonly bookings: readonly Booking[]
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly onSelect: (booking: Booking) => void
  readonly lookOf?: LookOf | undefined
}

/** Height of one hour, px (the day view has room for more than the week view). */
const HOUR_PX = 52
const hours = Array.from({ length: DAY_LAST_HOUR - DAY_FIRST_HOUR }, (_, i) => DAY_FIRST_HOUR + i)
const pad = (n: number) => String(n).padStart(2, '0')
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

/**
 * Day view: 06:00–22:00 by hours (Europe/Paris wall clock), day-long loans on top, timed bookings
 * placed by their hours with their items, overlapping ones side by side. A booking that starts
 * before 06:00 or ends after 22:00 is drawn to the edge with an arrow and its real hours.
 */
export function DayView({ day, today, holiday, bookings, resourcesById, onSelect, lookOf }: DayViewProps) {
  const allDay = bookings.filter((b) => b.allDay)
  const segments = dayViewSegments(bookings, day)
  const classes = [
    'dayview',
    weekdayIndex(day) >= 5 ? 'is-weekend' : '',
    holiday ? 'is-holiday' : '',
    day === today ? 'is-today' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      className={classes}
      data-testid={`day-${day}`}
      aria-current={day === today ? 'date' : undefined}
      aria-label={formatLocalDatePattern(day, 'EEEE d MMMM yyyy') + (holiday ? `, ${holiday}` : '')}
    >
      <div className="dayview__allday" data-testid="day-allday">
        <span className="dayview__allday-label">Journée</span>
        <div className="dayview__allday-list">
          {holiday ? <span className="dayview__holiday">Jour férié : {holiday}</span> : null}
          {allDay.length === 0 ? <span className="dayview__none">Aucun prêt à la journée</span> : null}
          {allDay.map((b) => {
            const look = lookOf?.(b) ?? null
            return (
              <button
                key={b.id}
                type="button"
                className={eventClasses('event dayview__allday-event', b, look)}
                data-testid="calendar-event"
                data-reference={b.reference}
                title={eventTooltip(b, look)}
                onClick={() => onSelect(b)}
              >
                <span className="dayview__event-head">
                  <span className="mono">{b.reference}</span>
                  <span className="event__title">
                    {look?.communeName ? <strong>{look.communeName} · </strong> : null}
                    {b.title}
                  </span>
                  <span className="dayview__status">
                    {formatPeriodShort(b)} · {bookingStatusLabel(b.status)}
                  </span>
                </span>
                <span className="dayview__items">
                  {b.items.map((item) => itemLabel(item, resourcesById)).join(' · ')}
                </span>
              </button>
            )
          })}
        </div>
      </div>
      <div className="dayview__body" data-testid="day-hours">
        <div className="dayview__hours" aria-hidden="true">
          {hours.map((h) => (
            <div key={h} className="dayview__hour-label" style={{ height: HOUR_PX }}>
              {`${pad(h)}:00`}
            </div>
          ))}
        </div>
        <div className="dayview__grid" style={{ height: hours.length * HOUR_PX }}>
          {hours.map((h) => (
            <div key={h} className="dayview__slot" style={{ height: HOUR_PX }} />
          ))}
          {segments.map((s) => {
            const look = lookOf?.(s.booking) ?? null
            // The real hours, even when the block is pinned to 06:00 or 22:00.
            const time =
              s.continuesBefore && s.continuesAfter
                ? 'toute la journée'
                : s.continuesBefore
                  ? `jusqu’à ${clock(s.endMinute)}`
                  : s.continuesAfter
                    ? `dès ${clock(s.startMinute)}`
                    : `${clock(s.startMinute)}–${clock(s.endMinute)}`
            return (
              <button
                key={s.booking.id}
                type="button"
                className={eventClasses('dayview__event', s.booking, look)}
                data-testid="calendar-event"
                data-reference={s.booking.reference}
                data-start-minute={s.startMinute}
                style={{
                  top: (s.top / 60) * HOUR_PX,
                  height: Math.max(22, (s.length / 60) * HOUR_PX - 2),
                  left: `calc(${(s.lane / s.lanes) * 100}% + 3px)`,
                  width: `calc(${100 / s.lanes}% - 6px)`,
                }}
                title={eventTooltip(s.booking, look)}
                onClick={() => onSelect(s.booking)}
              >
                <span className="dayview__event-head">
                  <span className="event__time">
                    {s.clippedBefore ? '↑ ' : ''}
                    {time}
                    {s.clippedAfter ? ' ↓' : ''}
                  </span>
                  <span className="mono">{s.booking.reference}</span>
                  <span className="dayview__status">{bookingStatusLabel(s.booking.status)}</span>
                </span>
                <span className="event__title">
                  {look?.communeName ? <strong>{look.communeName} · </strong> : null}
                  {s.booking.title}
                </span>
                <span className="dayview__items">
                  {s.booking.items.map((item) => itemLabel(item, resourcesById)).join(' · ')}
                </span>
                <span className="visually-hidden">{formatPeriodShort(s.booking)}</span>
              </button>
            )
          })}
        </div>
      </div>
    </div>
  )
}
