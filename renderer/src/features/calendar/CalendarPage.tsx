import { useCallback, useEffect, useMemo } from 'react'
import type { Booking } from '../../../../shared/domain/types'
import { CommuneSelect } from '../../components/CommuneSelect'
import { Banner, LoadError } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { todayLocalDate } from '../../lib/dates'
import { byId, orderCommunes, useReference } from '../../stores/reference'
import { AgendaView } from './AgendaView'
import { BookingDetails } from './BookingDetails'
import { DayView } from './DayView'
import type { EventLook } from './EventChip'
import { downloadCalendar, downloadPdf } from './files'
import type { CalendarView } from './model'
import {
  agendaDays,
  ALL_COMMUNES,
  bookingsByDay,
  communeColorIndex,
  stepLabels,
  viewTitle,
  visibleDays,
} from './model'
import { MonthView } from './MonthView'
import { useCalendar } from './store'
import { WeekView } from './WeekView'

const views: readonly { view: CalendarView; label: string }[] = [
  { view: 'month', label: 'Mois' },
  { view: 'week', label: 'Semaine' },
  { view: 'day', label: 'Jour' },
  { view: 'agenda', label: 'Agenda' },
]

/**
 * Calendrier: one commune's bookings — or every commune's, coloured by commune — by month, week,
 * day or as an agenda, with holidays, weekends and today; exports them as .ics and prints the week's
 * planning as PDF.
 */
export function CalendarPage() {
  const communes = useReference((s) => s.communes)
  const hubs = useReference((s) => s.hubs)
  const resources = useReference((s) => s.resources)
  const cal = useCalendar()
  const { communeId, view, anchor, load, setCommuneId } = cal
  const allCommunes = communeId === ALL_COMMUNES

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
  const agenda = useMemo(
    () => (view === 'agenda' ? agendaDays(cal.bookings, days) : []),
    [view, cal.bookings, days],
  )
  const holidays = useMemo(() => new Map(cal.holidays.map((h) => [h.date, h.name])), [cal.holidays])
  const communesById = useMemo(() => byId(communes), [communes])
  const resourcesById = useMemo(() => byId(resources), [resources])
  const ordered = useMemo(() => {
    const { served, others } = orderCommunes(communes)
    return [...served, ...others]
  }, [communes])
  const colors = useMemo(() => communeColorIndex(ordered.map((c) => c.id)), [ordered])
  const lookOf = useCallback(
    (booking: Booking): EventLook => ({
      colorIndex: colors.get(booking.communeId) ?? null,
      communeName: communesById.get(booking.communeId)?.name ?? null,
    }),
    [colors, communesById],
  )
  const look = allCommunes ? lookOf : undefined
  // The communes that have bookings on screen, for the legend of the « Toutes les communes » view.
  const shownCommunes = useMemo(() => {
    const ids = new Set(cal.bookings.map((b) => b.communeId))
    return ordered.filter((c) => ids.has(c.id))
  }, [cal.bookings, ordered])
  const selected = cal.bookings.find((b) => b.id === cal.selectedId) ?? null
  const openWeek = (day: string) => {
    cal.goTo(day)
    cal.setView('week')
  }
  const openDay = (day: string) => {
    cal.goTo(day)
    cal.setView('day')
  }
  const exportIcs = async () => {
    const file = await cal.exportIcs()
    if (file) downloadCalendar(file)
  }
  const printWeek = async () => {
    const file = await cal.printWeek()
    if (file) downloadPdf(file)
  }
  const steps = stepLabels(view)

  return (
    <section className="page page--calendar" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Calendrier</h1>
        </div>
        <div className="calendar-actions">
          <button
            type="button"
            className="button"
            disabled={cal.fileJob !== null || !communeId}
            title={
              allCommunes
                ? 'Toutes les réservations, pour un agenda (Thunderbird, Outlook, téléphone)'
                : 'Les réservations de cette commune, pour un agenda (Thunderbird, Outlook, téléphone)'
            }
            onClick={() => void exportIcs()}
          >
            {cal.fileJob === 'ics' ? 'Export…' : 'Exporter (.ics)'}
          </button>
          <button
            type="button"
            className="button"
            disabled={cal.fileJob !== null || !communeId}
            title="Le planning du lundi au dimanche de la semaine affichée, en A4 paysage"
            onClick={() => void printWeek()}
          >
            {cal.fileJob === 'pdf' ? 'Préparation…' : 'Imprimer la semaine (PDF)'}
          </button>
        </div>
      </header>

      {cal.fileError ? <Banner tone="error">{cal.fileError}</Banner> : null}

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
                aria-label={steps.previous}
                onClick={() => cal.step(-1)}
              >
                ‹
              </button>
              <button
                type="button"
                className="button button--icon"
                aria-label={steps.next}
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
                value={allCommunes ? '' : communeId}
                onChange={(id) => setCommuneId(id || ALL_COMMUNES)}
                emptyLabel="Toutes les communes"
              />
            </div>
          </div>
          <div className="segmented" role="group" aria-label="Affichage">
            {views.map((v) => (
              <button
                key={v.view}
                type="button"
                className={`segmented__option${view === v.view ? ' is-checked' : ''}`}
                aria-pressed={view === v.view}
                onClick={() => cal.setView(v.view)}
              >
                {v.label}
              </button>
            ))}
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
            onOpenDay={openWeek}
            lookOf={look}
          />
        ) : null}
        {view === 'week' ? (
          <WeekView
            days={days}
            today={today}
            holidays={holidays}
            byDay={byDay}
            onSelect={(b) => cal.select(b.id)}
            lookOf={look}
            onOpenDay={openDay}
          />
        ) : null}
        {view === 'day' ? (
          <DayView
            day={anchor}
            today={today}
            holiday={holidays.get(anchor) ?? null}
            bookings={byDay.get(anchor) ?? []}
            resourcesById={resourcesById}
            onSelect={(b) => cal.select(b.id)}
            lookOf={look}
          />
        ) : null}
        {view === 'agenda' ? (
          <AgendaView
            days={agenda}
            title={viewTitle(view, anchor)}
            today={today}
            holidays={holidays}
            communesById={communesById}
            resourcesById={resourcesById}
            onSelect={(b) => cal.select(b.id)}
            lookOf={look}
          />
        ) : null}
        <ul className="legend" aria-label="Légende">
          {allCommunes ? (
            shownCommunes.map((c) => (
              <li key={c.id} data-testid="legend-commune">
                <span className={`legend__swatch event--by-commune commune-color-${colors.get(c.id) ?? 0}`} />{' '}
                {c.name}
              </li>
            ))
          ) : (
            <>
              <li>
                <span className="legend__swatch event--approved" /> Acceptée
              </li>
              <li>
                <span className="legend__swatch event--checked_out" /> Sortie
              </li>
              <li>
                <span className="legend__swatch event--returned" /> Rendue
              </li>
            </>
          )}
          <li>
            <span className={`legend__swatch event--requested${allCommunes ? ' event--by-commune' : ''}`} />{' '}
            Demandée{allCommunes ? ' (hachurée)' : ''}
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
          <BookingDetails
            booking={selected}
            communesById={communesById}
            resourcesById={resourcesById}
            onOpen={() => cal.select(null)}
          />
        </Modal>
      ) : null}
    </section>
  )
}
