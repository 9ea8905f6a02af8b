import type { FormEvent, ReactNode } from 'react'
import { useEffect, useMemo } from 'react'
import type { LogisticsTask } from '../../../../shared/domain/lifecycle'
import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { BookingBriefList } from '../../components/BookingBriefList'
import { DateTextInput } from '../../components/DateTextInput'
import { Loading, LoadError } from '../../components/Feedback'
import { formatLocalDatePattern, todayLocalDate } from '../../lib/dates'
import { byId, useReference } from '../../stores/reference'
import { useBookingActions } from '../booking/actions'
import { ActionDialogs } from '../booking/ActionDialogs'
import type { BookingAction } from '../booking/model'
import { bookingHash, itemText } from '../booking/model'
import { ActionButtons, ActionNoticeBanner } from '../booking/parts'
import type { DepotLine } from './model'
import { depotLineCount, depotSections, lateSince, taskKindLabel, taskTime } from './model'
import { useDepot } from './store'
import './depot.css'

interface Lookups {
  readonly communesById: ReadonlyMap<string, Commune>
  readonly resourcesById: ReadonlyMap<string, Resource>
}

function Section({
  title,
  testId,
  count,
  empty,
  tone,
  children,
}: {
  readonly title: string
  readonly testId: string
  readonly count: number
  readonly empty: string
  readonly tone?: 'late' | undefined
  readonly children: ReactNode
}) {
  return (
    <section
      className={`depot-section${tone ? ` depot-section--${tone}` : ''}`}
      data-testid={testId}
      aria-label={title}
    >
      <h2 className="depot-section__title">
        {title} <span className="depot-section__count">{count}</span>
      </h2>
      {count === 0 ? (
        <p className="depot-section__empty">{empty}</p>
      ) : (
        <ul className="depot-lines">{children}</ul>
      )}
    </section>
  )
}

function BookingLine({
  booking,
  time,
  overdue,
  action,
  lookups,
  children,
}: {
  readonly booking: Booking
  readonly time: string
  readonly overdue: boolean
  readonly action: BookingAction
  readonly lookups: Lookups
  readonly children?: ReactNode
}) {
  return (
    <li
      className={`depot-line${overdue ? ' depot-line--overdue' : ''}`}
      data-testid="depot-line"
      data-reference={booking.reference}
    >
      <span className="depot-line__time">{time}</span>
      <div className="depot-line__body">
        <p className="depot-line__head">
          <a className="mono" href={bookingHash(booking.id)}>
            {booking.reference}
          </a>{' '}
          <strong>{lookups.communesById.get(booking.communeId)?.name ?? 'Commune inconnue'}</strong> · «{' '}
          {booking.title} »
        </p>
        <ul className="depot-line__items">
          {booking.items.map((item) => (
            <li key={item.resourceId}>{itemText(item, lookups.resourcesById)}</li>
          ))}
        </ul>
        {booking.delivery ? <p className="depot-line__note">Livrée et reprise par le pôle</p> : null}
        {children}
      </div>
      <ActionButtons booking={booking} only={[action]} big />
    </li>
  )
}

/** A section of the day's bookings to hand over or take back, one action button a line. */
function LinesSection({
  title,
  testId,
  empty,
  lines,
  action,
  lookups,
}: {
  readonly title: string
  readonly testId: string
  readonly empty: string
  readonly lines: readonly DepotLine[]
  readonly action: BookingAction
  readonly lookups: Lookups
}) {
  return (
    <Section title={title} testId={testId} count={lines.length} empty={empty}>
      {lines.map((line) => (
        <BookingLine
          key={line.key}
          booking={line.booking}
          time={line.time}
          overdue={line.overdue}
          action={action}
          lookups={lookups}
        />
      ))}
    </Section>
  )
}

function TaskLine({ task, lookups }: { readonly task: LogisticsTask; readonly lookups: Lookups }) {
  return (
    <li
      className={`depot-line depot-line--task depot-line--${task.kind}`}
      data-testid="depot-task"
      data-reference={task.reference}
      data-kind={task.kind}
    >
      <span className="depot-line__time">{taskTime(task)}</span>
      <div className="depot-line__body">
        <p className="depot-line__head">
          <span className="depot-task-kind">{taskKindLabel(task.kind)}</span>{' '}
          <a className="mono" href={bookingHash(task.bookingId)}>
            {task.reference}
          </a>{' '}
          <strong>{lookups.communesById.get(task.communeId)?.name ?? 'Commune inconnue'}</strong>
        </p>
        <p>
          {task.resourceIds
            .map((id) => lookups.resourcesById.get(id)?.name ?? 'Ressource inconnue')
            .join(', ')}
        </p>
        {task.address ? <p className="depot-line__note pre-line">{task.address}</p> : null}
      </div>
    </li>
  )
}

/** Dépôt: what goes out, comes back, is delivered or is late on one day, readable standing up. */
export function DepotPage() {
  const d = useDepot()
  const { date, load } = d
  const version = useBookingActions((s) => s.version)
  const dismissNotice = useBookingActions((s) => s.dismissNotice)
  const communes = useReference((s) => s.communes)
  const resources = useReference((s) => s.resources)
  const lookups = useMemo(
    () => ({ communesById: byId(communes), resourcesById: byId(resources) }),
    [communes, resources],
  )

  useEffect(() => {
    dismissNotice()
  }, [dismissNotice])
  useEffect(() => {
    void load()
  }, [load, date, version])

  const day = d.day?.date === date ? d.day : null
  const sections = day ? depotSections(day) : null
  const title = formatLocalDatePattern(date, 'EEEE d MMMM yyyy')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    d.applyDateText()
  }

  return (
    <section className="page depot-page" aria-labelledby="page-title">
      <header className="depot-header">
        <div>
          <h1 id="page-title">Dépôt</h1>
          <p className="depot-header__date" data-testid="depot-date" data-date={date}>
            {title.charAt(0).toUpperCase() + title.slice(1)}
            {date === todayLocalDate() ? ' · aujourd’hui' : ''}
          </p>
        </div>
        <form className="depot-nav" onSubmit={submit} noValidate>
          <button
            type="button"
            className="button depot-nav__button"
            aria-label="Jour précédent"
            onClick={() => d.step(-1)}
          >
            ‹
          </button>
          <button type="button" className="button depot-nav__button" onClick={d.today}>
            Aujourd’hui
          </button>
          <button
            type="button"
            className="button depot-nav__button"
            aria-label="Jour suivant"
            onClick={() => d.step(1)}
          >
            ›
          </button>
          <label htmlFor="depot-date" className="depot-nav__label">
            Jour
          </label>
          <DateTextInput
            id="depot-date"
            value={d.dateText}
            onChange={d.setDateText}
            invalid={d.dateError !== null}
            describedBy={d.dateError ? 'depot-date-error' : undefined}
          />
          <button type="submit" className="button depot-nav__button">
            Afficher
          </button>
          {d.dateError ? (
            <span id="depot-date-error" className="field__error" role="alert">
              {d.dateError}
            </span>
          ) : null}
        </form>
      </header>
      <ActionNoticeBanner />
      <div className="depot-sections" data-testid="depot-day" data-status={d.status}>
        {d.status === 'error' && d.error ? (
          <LoadError message={d.error} onRetry={() => void load()} />
        ) : !sections ? (
          <Loading label="Chargement de la journée…" />
        ) : (
          <>
            {depotLineCount(sections) === 0 ? (
              <p className="depot-nothing">Rien de prévu ce jour-là.</p>
            ) : null}
            <LinesSection
              title="Départs"
              testId="depot-departures"
              empty="Aucun départ prévu."
              lines={sections.departures}
              action="checkOut"
              lookups={lookups}
            />
            <LinesSection
              title="Retours"
              testId="depot-returns"
              empty="Aucun retour prévu."
              lines={sections.returns}
              action="return"
              lookups={lookups}
            />
            <Section
              title="Livraisons et reprises"
              testId="depot-logistics"
              count={sections.logistics.length}
              empty="Aucune livraison ni reprise."
            >
              {sections.logistics.map((task) => (
                <TaskLine key={task.id} task={task} lookups={lookups} />
              ))}
            </Section>
            <Section
              title="En retard"
              testId="depot-late"
              count={sections.late.length}
              empty="Aucun retard."
              tone={sections.late.length > 0 ? 'late' : undefined}
            >
              {sections.late.map(({ booking, endangered }) => (
                <BookingLine
                  key={booking.id}
                  booking={booking}
                  time={lateSince(booking)}
                  overdue
                  action="return"
                  lookups={lookups}
                >
                  {endangered.length > 0 ? (
                    <div className="depot-endangered">
                      <p>Réservations menacées par ce retard :</p>
                      <BookingBriefList
                        bookings={endangered}
                        communesById={lookups.communesById}
                        testId="depot-endangered"
                      />
                    </div>
                  ) : null}
                </BookingLine>
              ))}
            </Section>
          </>
        )}
      </div>
      <ActionDialogs />
    </section>
  )
}
