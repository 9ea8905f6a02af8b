import type { Booking } from '../../../../shared/domain/types'
import { formatLocalDatePattern, weekdayIndex } from '../../lib/dates'
import { EventChip, type LookOf } from './EventChip'

interface MonthViewProps {
  /** 42 local dates, Monday first. */
  readonly days: readonly string[]
  /** `YYYY-MM` of the month shown; other days are greyed. */
  readonly month: string
  readonly today: string
  readonly holidays: ReadonlyMap<string, string>
  readonly byDay: ReadonlyMap<string, readonly Booking[]>
  readonly onSelect: (booking: Booking) => void
  readonly onOpenDay: (day: string) => void
  /** Colours by commune (« Toutes les communes »); by status when absent. */
  readonly lookOf?: LookOf | undefined
}

const weekdayNames = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']
const MAX_CHIPS = 3

/** Month grid: 6 weeks × 7 days, Monday first, weekends shaded, holidays named, today marked. */
export function MonthView({
  days,
  month,
  today,
  holidays,
  byDay,
  onSelect,
  onOpenDay,
  lookOf,
}: MonthViewProps) {
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7))
  return (
    <div className="month" role="grid" aria-label="Mois">
      <div className="month__head" role="row">
        {weekdayNames.map((name, i) => (
          <div key={name} role="columnheader" className={`month__weekday${i >= 5 ? ' is-weekend' : ''}`}>
            <abbr title={name}>{name.slice(0, 3)}.</abbr>
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]} className="month__week" role="row">
          {week.map((day) => {
            const bookings = byDay.get(day) ?? []
            const holiday = holidays.get(day)
            const classes = [
              'month__day',
              day.slice(0, 7) !== month ? 'is-other-month' : '',
              weekdayIndex(day) >= 5 ? 'is-weekend' : '',
              holiday ? 'is-holiday' : '',
              day === today ? 'is-today' : '',
            ]
              .filter(Boolean)
              .join(' ')
            const hidden = bookings.length - MAX_CHIPS
            return (
              <div
                key={day}
                role="gridcell"
                className={classes}
                data-testid={`day-${day}`}
                aria-current={day === today ? 'date' : undefined}
                aria-label={formatLocalDatePattern(day, 'EEEE d MMMM yyyy') + (holiday ? `, ${holiday}` : '')}
              >
                <div className="month__day-head">
                  <button
                    type="button"
                    className="month__day-number"
                    title="Voir la semaine"
                    onClick={() => onOpenDay(day)}
                  >
                    {day.endsWith('-01') ? formatLocalDatePattern(day, 'd MMM') : Number(day.slice(8, 10))}
                  </button>
                  {holiday ? (
                    <span className="month__holiday" title={`Jour férié : ${holiday}`}>
                      {holiday}
                    </span>
                  ) : null}
                </div>
                <div className="month__events">
                  {bookings.slice(0, hidden > 0 ? MAX_CHIPS - 1 : MAX_CHIPS).map((b) => (
                    <EventChip
                      key={b.id}
                      booking={b}
                      day={day}
                      onSelect={onSelect}
                      look={lookOf?.(b) ?? null}
                    />
                  ))}
                  {hidden > 0 ? (
                    <button type="button" className="month__more" onClick={() => onOpenDay(day)}>
                      + {hidden + 1} autres
                    </button>
                  ) : null}
                </div>
              </div>
            )
          })}
        </div>
      ))}
    </div>
  )
}
