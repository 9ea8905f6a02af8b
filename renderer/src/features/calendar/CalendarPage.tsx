import { useEffect, useMemo } from 'react'
import { CommuneSelect } from '../../components/CommuneSelect'
import { Banner, LoadError } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { todayLocalDate } from '../../lib/dates'
import { byId, orderCommunes, useReference } from '../../stores/reference'
import { BookingDetails } from './BookingDetails'
import { bookingsByDay, viewTitle, visibleDays } from './model'
import { MonthView } from './MonthView'
import { useCalendar } from './store'
import { WeekView } from './WeekView'

/** Calendrier: one commune's bookings by month or week, with holidays, weekends and today. */
export function CalendarPage() {
  const communes = useReference((s) => s.communes)
  const hubs = useReference((s) => s.hubs)
  const resources = useReference((s) => s.resources)
  const cal = useCalendar()
  const { communeId, view, anchor, load, setCommuneId } = cal

  // Default to the first commune served by the hub.
  useEffect(() => {
    if (communeId || communes.length === 0) return
    const { served, others } = orderCommunes(communes)
    const first = served[0] ?? others[0]
    if (first) setCommuneId(first.id)
  }, [communeId, communes, setCommuneId])

  useEffect(() => {
    void load()
  }, [load, communeId, view, anchor])

  const today = todayLocalDate()
  const days = useMemo(() => visibleDays(view, anchor), [view, anchor])
  const byDay = useMemo(() => bookingsByDay(cal.bookings, days), [cal.bookings, days])
  const holidays = useMemo(() => new Map(cal.holidays.map((h) => [h.date, h.name])), [cal.holidays])
  const communesById = useMemo(() => byId(communes), [communes])
  const resourcesById = useMemo(() => byId(resources), [resources])
  const selected = cal.bookings.find((b) => b.id === cal.selectedId) ?? null
  const openDay = (day: string) => {
    cal.goTo(day)
    cal.setView('week')
  }

  return (
    <section className="page page--calendar" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Calendrier</h1>
        </div>
      </header>

      <div className="card card--flush">
        <div className="calendar-bar">
          <div className="calendar-bar__nav">
            <button type="button" className="button" onClick={cal.today}>
              Aujourd'hui
            </button>
            <div className="button-group">
              <button
                type="button"
                className="button button--icon"
                aria-label={view === 'month' ? 'Mois précédent' : 'Semaine précédente'}
                onClick={() => cal.step(-1)}
              >
                ‹
              </button>
              <button
                type="button"
                className="button button--icon"
                aria-label={view === 'month' ? 'Mois suivant' : 'Semaine suivante'}
                onClick={() => cal.step(1)}
              >
                ›
              </button>
            </div>
            <h2 className="calendar-bar__title" aria-live="polite" data-testid="calendar-title">
              {viewTitle(view, anchor)}
            </h2>
            {cal.status === 'loading' ? (
              <span className="spinner" role="status" aria-label="Chargement…" />
            ) : null}
          </div>
          <div className="calendar-bar__commune">
            <div className="toolbar__field">
              <label htmlFor="calendar-commune">Commune</label>
              <CommuneSelect
                id="calendar-commune"
                communes={communes}
                hubs={hubs}
                value={communeId}
                onChange={setCommuneId}
                emptyLabel={communeId ? undefined : 'Choisir…'}
              />
            </div>
          </div>
          <div className="segmented" role="group" aria-label="Affichage">
            <button
              type="button"
              className={`segmented__option${view === 'month' ? ' is-checked' : ''}`}
              aria-pressed={view === 'month'}
              onClick={() => cal.setView('month')}
            >
              Mois
            </button>
            <button
              type="button"
              className={`segmented__option${view === 'week' ? ' is-checked' : ''}`}
              aria-pressed={view === 'week'}
              onClick={() => cal.setView('week')}
            >
              Semaine
            </button>
          </div>
        </div>

        {cal.status === 'error' && cal.error ? (
          <LoadError message={cal.error} onRetry={() => void load()} />
        ) : null}
        {cal.status === 'ready' && cal.error ? (
          <Banner tone="warning">Jours fériés non disponibles : {cal.error}</Banner>
        ) : null}

        {view === 'month' ? (
          <MonthView
            days={days}
            month={anchor.slice(0, 7)}
            today={today}
            holidays={holidays}
            byDay={byDay}
            onSelect={(b) => cal.select(b.id)}
            onOpenDay={openDay}
          />
        ) : (
          <WeekView
            days={days}
            today={today}
            holidays={holidays}
            byDay={byDay}
            onSelect={(b) => cal.select(b.id)}
          />
        )}
        <ul className="legend" aria-label="Légende">
          <li>
            <span className="legend__swatch event--requested" /> Demandée
          </li>
          <li>
            <span className="legend__swatch event--approved" /> Acceptée
          </li>
          <li>
            <span className="legend__swatch event--checked_out" /> Sortie
          </li>
          <li>
            <span className="legend__swatch event--returned" /> Rendue
          </li>
          <li>
            <span className="legend__swatch event--cancelled" /> Annulée ou refusée
          </li>
          <li>
            <span className="legend__swatch legend__swatch--holiday" /> Jour férié
          </li>
        </ul>
      </div>

      {selected ? (
        <Modal title={`Réservation ${selected.reference}`} onClose={() => cal.select(null)}>
          <BookingDetails booking={selected} communesById={communesById} resourcesById={resourcesById} />
        </Modal>
      ) : null}
    </section>
  )
}
