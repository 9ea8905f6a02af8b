import type { FormEvent } from 'react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Booking } from '../../../../shared/domain/types'
import { CommuneSelect } from '../../components/CommuneSelect'
import { DateTextInput } from '../../components/DateTextInput'
import { Banner, LoadError } from '../../components/Feedback'
import { todayLocalDate } from '../../lib/dates'
import { parseDateText } from '../../lib/period'
import { navigate, useNavigation } from '../../stores/navigation'
import { byId, orderCommunes, useReference } from '../../stores/reference'
import { useBookingForm } from '../bookings/formStore'
import { useCalendar } from '../calendar/store'
import { BookingDialog } from './BookingDialog'
import type { PlanningView } from './model'
import {
  buildOccupations,
  categoryLabel,
  columnsFor,
  communeColors,
  granularityOf,
  groupRows,
  initialColumnOf,
  layoutRows,
  occupationsByResource,
  planningTitle,
  selectionToPeriod,
} from './model'
import { PlanningGrid } from './PlanningGrid'
import { usePlanning } from './store'
import './planning.css'
import { KindSelect } from '../../components/KindSelect'

const viewNames: readonly { view: PlanningView; label: string }[] = [
  { view: 'day', label: 'Jour' },
  { view: 'week', label: 'Semaine' },
  { view: 'twoWeeks', label: '2 semaines' },
  { view: 'month', label: 'Mois' },
]

const minColumnWidth: Readonly<Record<PlanningView, number>> = {
  day: 56,
  week: 96,
  twoWeeks: 64,
  month: 30,
}

const stepNames: Readonly<Record<PlanningView, readonly [string, string]>> = {
  day: ['Jour précédent', 'Jour suivant'],
  week: ['Semaine précédente', 'Semaine suivante'],
  twoWeeks: ['Deux semaines avant', 'Deux semaines après'],
  month: ['Mois précédent', 'Mois suivant'],
}

/** Planning: every resource as a row, days (or hours) as columns, each booking as a bar. */
export function PlanningPage() {
  const communes = useReference((s) => s.communes)
  const hubs = useReference((s) => s.hubs)
  const categories = useReference((s) => s.categories)
  const resources = useReference((s) => s.resources)
  const query = useNavigation((s) => s.params.query)
  const p = usePlanning()
  const { view, anchor, load, applyQuery } = p
  const prefill = useBookingForm((s) => s.prefill)
  const showBooking = useCalendar((s) => s.showBooking)
  const [goToText, setGoToText] = useState('')
  const [goToError, setGoToError] = useState<string | null>(null)
  const [opened, setOpened] = useState<{ ids: readonly string[]; context: string } | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [focusToken, setFocusToken] = useState(0)
  const closeDialog = () => {
    setOpened(null)
    setFocusToken((t) => t + 1)
  }

  // The URL's view and date first (`#/planning?vue=mois&date=2027-03-01`), then the data for them.
  // (A change of view or date re-runs it; a load of the same days under way is not asked twice.)
  const appliedQuery = useRef<Readonly<Record<string, string>> | null>(null)
  useEffect(() => {
    if (appliedQuery.current !== query) {
      appliedQuery.current = query
      applyQuery(query)
    }
    void load({ usePrefetch: true })
  }, [applyQuery, query, load, view, anchor])
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000)
    return () => window.clearInterval(timer)
  }, [])

  const today = todayLocalDate(now)
  const granularity = granularityOf(view)
  const columns = useMemo(() => columnsFor(view, anchor), [view, anchor])
  const resourcesById = useMemo(() => byId(resources), [resources])
  const communesById = useMemo(() => byId(communes), [communes])
  const categoriesById = useMemo(() => byId(categories), [categories])
  const colors = useMemo(() => communeColors(communes), [communes])
  const holidays = useMemo(() => new Map(p.holidays.map((h) => [h.date, h.name])), [p.holidays])
  const rows = useMemo(
    () =>
      groupRows(
        resources,
        categories,
        { kind: p.kind, categoryId: p.categoryId, search: p.search },
        p.collapsed,
      ),
    [resources, categories, p.kind, p.categoryId, p.search, p.collapsed],
  )
  const layouts = useMemo(
    () => layoutRows(p.bookings, p.unavailabilities, columns, granularity, p.logistics),
    [p.bookings, p.unavailabilities, columns, granularity, p.logistics],
  )
  const occupationsOf = useMemo(
    () =>
      occupationsByResource(
        buildOccupations(p.bookings, p.unavailabilities, (id) => communesById.get(id)?.name ?? ''),
      ),
    [p.bookings, p.unavailabilities, communesById],
  )
  const categoryChoices = useMemo(
    () =>
      categories
        .filter((c) => !p.kind || c.kind === p.kind)
        .map((c) => ({ id: c.id, label: categoryLabel(categoriesById, c.id) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    [categories, categoriesById, p.kind],
  )
  // The legend names the communes served by the hub and any other one with a bar on screen.
  const legendCommunes = useMemo(() => {
    const shown = new Set(p.bookings.map((b) => b.communeId))
    const { served, others } = orderCommunes(communes)
    return [...served, ...others.filter((c) => shown.has(c.id))]
  }, [communes, p.bookings])

  const initialColumn = initialColumnOf(columns, granularity, now)

  const openedBookings = opened
    ? opened.ids.flatMap((id) => {
        const found = p.bookings.find((b) => b.id === id)
        return found ? [found] : []
      })
    : []

  const submitGoTo = (event: FormEvent) => {
    event.preventDefault()
    const date = parseDateText(goToText)
    if (!date) {
      setGoToError('Date non reconnue : écrivez-la jj/mm/aaaa (ex. 14/06/2027).')
      return
    }
    setGoToError(null)
    p.goTo(date)
  }

  const showInCalendar = (booking: Booking) => {
    showBooking(booking)
    setOpened(null)
    navigate('calendrier')
  }

  const [previousName, nextName] = stepNames[view]

  return (
    <section className="page planning-page" aria-labelledby="page-title">
      <header className="planning-header">
        <h1 id="page-title">Planning</h1>
        <div className="planning-nav">
          <button type="button" className="button" onClick={p.today}>
            Aujourd'hui
          </button>
          <div className="button-group">
            <button
              type="button"
              className="button button--icon"
              aria-label={previousName}
              title={previousName}
              onClick={() => p.step(-1)}
            >
              ‹
            </button>
            <button
              type="button"
              className="button button--icon"
              aria-label={nextName}
              title={nextName}
              onClick={() => p.step(1)}
            >
              ›
            </button>
          </div>
          <h2 className="planning-title" aria-live="polite" data-testid="planning-title">
            {planningTitle(view, anchor)}
          </h2>
          {p.status === 'loading' ? (
            <span className="spinner" role="status" aria-label="Chargement…" />
          ) : null}
        </div>
        <div className="segmented" role="group" aria-label="Affichage">
          {viewNames.map(({ view: v, label }) => (
            <button
              key={v}
              type="button"
              className={`segmented__option${view === v ? ' is-checked' : ''}`}
              aria-pressed={view === v}
              onClick={() => p.setView(v)}
            >
              {label}
            </button>
          ))}
        </div>
      </header>

      <div className="planning-filters" role="search" aria-label="Filtres du planning">
        <div className="toolbar__field">
          <label htmlFor="planning-kind">Type de ressource</label>
          <KindSelect id="planning-kind" value={p.kind} onChange={p.setKind} />
        </div>
        <div className="toolbar__field">
          <label htmlFor="planning-category">Catégorie</label>
          <select
            id="planning-category"
            value={p.categoryId}
            onChange={(e) => p.setCategoryId(e.target.value)}
          >
            <option value="">Toutes les catégories</option>
            {categoryChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__field">
          <label htmlFor="planning-commune">Commune</label>
          <CommuneSelect
            id="planning-commune"
            communes={communes}
            hubs={hubs}
            value={p.communeId}
            onChange={p.setCommuneId}
            emptyLabel="Toutes les communes"
          />
        </div>
        <div className="toolbar__field planning-filters__search">
          <label htmlFor="planning-search">Rechercher une ressource</label>
          <input
            id="planning-search"
            type="search"
            value={p.search}
            placeholder="Nom de la ressource"
            onChange={(e) => p.setSearch(e.target.value)}
          />
        </div>
        <form className="planning-goto" onSubmit={submitGoTo} noValidate>
          <label htmlFor="planning-goto">Aller au</label>
          <DateTextInput
            id="planning-goto"
            value={goToText}
            onChange={(text) => {
              setGoToText(text)
              setGoToError(null)
            }}
            invalid={goToError !== null}
            describedBy={goToError ? 'planning-goto-error' : undefined}
          />
          <button type="submit" className="button">
            Aller
          </button>
          {goToError ? (
            <span id="planning-goto-error" className="planning-goto__error" role="alert">
              {goToError}
            </span>
          ) : null}
        </form>
      </div>

      {p.notice ? (
        <div data-testid="planning-message" data-tone={p.notice.tone}>
          <Banner tone={p.notice.tone} onDismiss={p.dismissNotice}>
            <p className="planning-message__title">{p.notice.title}</p>
            {p.notice.lines.length > 0 ? (
              <ul className="planning-message__lines">
                {p.notice.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </Banner>
        </div>
      ) : null}
      {p.status === 'error' && p.error ? <LoadError message={p.error} onRetry={() => void load()} /> : null}

      <div className="planning-board card card--flush">
        <PlanningGrid
          label={`Planning des ressources, ${planningTitle(view, anchor)}`}
          rows={rows}
          columns={columns}
          granularity={granularity}
          minColumnWidth={minColumnWidth[view]}
          layouts={layouts}
          occupationsOf={occupationsOf}
          resourcesById={resourcesById}
          communesById={communesById}
          colors={colors}
          highlightCommuneId={p.communeId}
          holidays={holidays}
          today={today}
          now={now}
          ready={p.status === 'ready'}
          pending={p.pending}
          initialColumn={initialColumn}
          focusToken={focusToken}
          onToggleGroup={p.toggleGroup}
          onOpenBookings={(ids, context) => setOpened({ ids, context })}
          onSelectRange={(resource, from, to) => {
            const period = selectionToPeriod(columns, from, to)
            if (!period) return
            prefill(period, resource.id, 1)
            navigate('reservations')
          }}
          onMove={(booking, period) => void p.move(booking, period)}
          onZoomDay={p.zoomDay}
        />
        {rows.length === 0 ? (
          <p className="planning-empty">Aucune ressource ne correspond à ces filtres.</p>
        ) : null}
      </div>

      <ul className="planning-legend" aria-label="Légende" data-testid="planning-legend">
        {legendCommunes.map((c) => (
          <li key={c.id}>
            <span
              className="planning-swatch"
              style={{ background: colors.get(c.id)?.fill }}
              aria-hidden="true"
            />
            {c.name}
          </li>
        ))}
        <li>
          <span className="planning-swatch planning-swatch--requested" aria-hidden="true" /> Demandée (à
          valider)
        </li>
        <li>
          <span className="planning-swatch planning-swatch--unavailability" aria-hidden="true" /> Indisponible
        </li>
        <li>
          <span className="planning-swatch planning-swatch--logistics" aria-hidden="true" /> Livraison ou
          reprise
        </li>
        <li>
          <span className="planning-swatch planning-swatch--late" aria-hidden="true" /> En retard
        </li>
        <li>
          <span className="planning-swatch planning-swatch--holiday" aria-hidden="true" /> Férié
        </li>
        <li>
          <span className="planning-swatch planning-swatch--weekend" aria-hidden="true" /> Week-end
        </li>
        <li>
          <span className="planning-swatch planning-swatch--today" aria-hidden="true" /> Aujourd’hui
        </li>
        <li>
          <span className="planning-legend__free">74/80</span> quantité libre / prêtable
        </li>
        <li className="planning-legend__hint">
          Glissez sur des cases vides pour réserver, une barre pour la déplacer, ses bords pour changer sa
          durée. Clavier : flèches, Entrée, Échap.
        </li>
      </ul>

      {opened && openedBookings.length > 0 ? (
        <BookingDialog
          key={opened.ids.join(',')}
          bookings={openedBookings}
          context={opened.context}
          communesById={communesById}
          resourcesById={resourcesById}
          colors={colors}
          onClose={closeDialog}
          onShowInCalendar={showInCalendar}
          onReschedule={p.reschedule}
        />
      ) : null}
    </section>
  )
}
