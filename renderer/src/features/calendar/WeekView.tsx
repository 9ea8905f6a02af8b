import { useEffect, useRef } from 'react'
import type { Booking } from '../../../../shared/domain/types'
import { formatLocalDatePattern, weekdayIndex } from '../../lib/dates'
import { EventChip, eventClasses, eventTooltip, type LookOf } from './EventChip'
import { timedSegments } from './model'

interface WeekViewProps {
  /** 7 local dates, Monday first. */
  readonly days: readonly string[]
  readonly today: string
  readonly holidays: ReadonlyMap<string, string>
  readonly byDay: ReadonlyMap<string, readonly Booking[]>
  readonly onSelect: (booking: Booking) => void
  /** Colours by commune (« Toutes les communes »); by status when absent. */
  readonly lookOf?: LookOf | undefined
  /** Opens one day in the day view (the day's heading becomes a button). */
  readonly onOpenDay?: ((day: string) => void) | undefined
}

/** Height of one hour in the time grid, px (kept in step with `--hour-height` in the stylesheet). */
const HOUR_PX = 44
/** Height of one chip line in the all-day row, px. */
const ALLDAY_ROW_PX = 24
/** Hour shown at the top when the week opens. */
const FIRST_VISIBLE_HOUR = 7
const hours = Array.from({ length: 24 }, (_, h) => h)
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Week view: 7 columns, day-long loans in the all-day row, timed bookings placed by their
 * Europe/Paris wall-clock hours (overlapping ones side by side).
 */
export function WeekView({ days, today, holidays, byDay, onSelect, lookOf, onOpenDay }: WeekViewProps) {
  const scroller = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = FIRST_VISIBLE_HOUR * HOUR_PX - 10
  }, [])
  const allDayRows = Math.max(1, ...days.map((d) => (byDay.get(d) ?? []).filter((b) => b.allDay).length))
  const allDayHeight = allDayRows * ALLDAY_ROW_PX + 8

  return (
    <div className="week" ref={scroller}>
      <div className="week__gutter" aria-hidden="true">
        <div className="week__head week__head--gutter" />
        <div className="week__allday week__allday--gutter" style={{ minHeight: allDayHeight }}>
          <span>Journée</span>
        </div>
        <div className="week__hours">
          {hours.map((h) => (
            <div key={h} className="week__hour-label">
              {h === 0 ? '' : `${pad(h)}:00`}
            </div>
          ))}
        </div>
      </div>
      {days.map((day) => {
        const bookings = byDay.get(day) ?? []
        const holiday = holidays.get(day)
        const segments = timedSegments(bookings, day)
        const classes = [
          'week__day',
          weekdayIndex(day) >= 5 ? 'is-weekend' : '',
          holiday ? 'is-holiday' : '',
          day === today ? 'is-today' : '',
        ]
          .filter(Boolean)
          .join(' ')
        return (
          <div
            key={day}
            className={classes}
            data-testid={`day-${day}`}
            aria-current={day === today ? 'date' : undefined}
          >
            <div className="week__head">
              <span className="week__weekday">{formatLocalDatePattern(day, 'EEE')}</span>
              {onOpenDay ? (
                <button
                  type="button"
                  className="week__date week__date--link"
                  title="Voir la journée"
                  onClick={() => onOpenDay(day)}
                >
                  {formatLocalDatePattern(day, 'd MMM')}
                </button>
              ) : (
                <span className="week__date">{formatLocalDatePattern(day, 'd MMM')}</span>
              )}
              {holiday ? <span className="week__holiday">{holiday}</span> : null}
            </div>
            <div className="week__allday" style={{ minHeight: allDayHeight }}>
              {bookings
                .filter((b) => b.allDay)
                .map((b) => (
                  <EventChip
                    key={b.id}
                    booking={b}
                    day={day}
                    onSelect={onSelect}
                    look={lookOf?.(b) ?? null}
                  />
                ))}
            </div>
            <div className="week__grid">
              {hours.map((h) => (
                <div key={h} className="week__slot" />
              ))}
              {segments.map((s) => (
                <button
                  key={s.booking.id}
                  type="button"
                  className={eventClasses('week__event', s.booking, lookOf?.(s.booking) ?? null)}
                  data-testid="calendar-event"
                  data-reference={s.booking.reference}
                  style={{
                    top: (s.startMinute / 60) * HOUR_PX,
                    height: Math.max(20, ((s.endMinute - s.startMinute) / 60) * HOUR_PX - 2),
                    left: `calc(${(s.lane / s.lanes) * 100}% + 2px)`,
                    width: `calc(${100 / s.lanes}% - 4px)`,
                  }}
                  title={eventTooltip(s.booking, lookOf?.(s.booking) ?? null)}
                  onClick={() => onSelect(s.booking)}
                >
                  <span className="event__time">
                    {s.continuesBefore ? '↳ ' : ''}
                    {`${pad(Math.floor(s.startMinute / 60))}:${pad(s.startMinute % 60)}–${pad(Math.floor(s.endMinute / 60))}:${pad(s.endMinute % 60)}`}
                  </span>
                  <span className="event__title">
                    {lookOf?.(s.booking).communeName ? (
                      <span className="event__commune">{lookOf(s.booking).communeName} · </span>
                    ) : null}
                    {s.booking.title}
                  </span>
                </button>
              ))}
            </div>
          </div>
        )
      })}
    </div>
  )
}
