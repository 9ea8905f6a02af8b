/**
 * « Répéter » of the booking form: the rule (weekly on chosen days, or monthly), its end (a number of
 * times or a last date), dates left out, then the occurrences as `series.preview` sees them (each with
 * its conflicts) and the creation, stopping at a conflict or skipping the dates in conflict.
 * Display only: props in, callbacks out.
 */
import type { SeriesOccurrence, SeriesPreview } from '../../../../shared/domain/lifecycle'
import { DateTextInput } from '../../components/DateTextInput'
import { Banner } from '../../components/Feedback'
import { Field, fieldA11y } from '../../components/Field'
import { formatPeriodShort } from '../../lib/dates'
import type { RepeatDraft, Weekday, WeekOfMonth } from './repeat'
import {
  exceptionText,
  skippedMonthsNote,
  toggleWeekday,
  weekdayNames,
  weekdays,
  weekOfMonthNames,
  weeksOfMonth,
} from './repeat'

interface RepeatSectionProps {
  readonly repeat: RepeatDraft
  readonly errors: Readonly<Record<string, string>>
  /** The message of an exception date that could not be read. */
  readonly exceptionError: string | null
  /** The rule in French while it is valid (« Chaque semaine le vendredi, 4 fois »), else null. */
  readonly description: string | null
  readonly preview: SeriesPreview | null
  /** The preview was made for another draft (something changed since). */
  readonly stale: boolean
  readonly loading: boolean
  readonly creating: boolean
  readonly seriesError: string | null
  readonly onChange: (patch: Partial<RepeatDraft>) => void
  readonly onToggle: (enabled: boolean) => void
  readonly onAddException: () => void
  readonly onPreview: () => void
  readonly onCreate: () => void
}

function occurrenceState(o: SeriesOccurrence): 'excluded' | 'problem' | 'conflict' | 'ok' {
  if (o.excluded) return 'excluded'
  if (o.problem) return 'problem'
  return o.conflicts.length > 0 ? 'conflict' : 'ok'
}

function Occurrences({ preview }: { readonly preview: SeriesPreview }) {
  const booked = preview.occurrences.filter((o) => occurrenceState(o) === 'ok').length
  const blocked = preview.occurrences.filter((o) =>
    ['conflict', 'problem'].includes(occurrenceState(o)),
  ).length
  return (
    <div className="lc-series" data-testid="series-preview">
      <p className="lc-series__rule">
        <strong>{preview.description}</strong> — {booked} date{booked > 1 ? 's' : ''} libre
        {booked > 1 ? 's' : ''}
        {blocked > 0 ? `, ${blocked} en conflit` : ''}.
      </p>
      <ol className="lc-series__list">
        {preview.occurrences.map((o) => {
          const state = occurrenceState(o)
          return (
            <li
              key={o.index}
              className={`lc-occurrence lc-occurrence--${state}`}
              data-testid="series-occurrence"
              data-state={state}
            >
              <span className="nowrap">{formatPeriodShort(o)}</span>
              {state === 'excluded' ? <span className="lc-occurrence__note">exclue</span> : null}
              {state === 'problem' ? <span className="lc-occurrence__note">{o.problem}</span> : null}
              {state === 'conflict' ? (
                <ul className="lc-occurrence__conflicts">
                  {o.conflicts.map((c, i) => (
                    <li key={`${c.resourceId}-${c.bookingId ?? c.unavailabilityId ?? i}`}>{c.message}</li>
                  ))}
                </ul>
              ) : null}
              {state === 'ok' ? (
                <span className="lc-occurrence__note lc-occurrence__note--ok">libre</span>
              ) : null}
            </li>
          )
        })}
      </ol>
    </div>
  )
}

export function RepeatSection(props: RepeatSectionProps) {
  const { repeat, errors } = props
  const err = (key: string) => errors[`repeat.${key}`]
  const set = props.onChange
  const unit = repeat.frequency === 'weekly' ? 'semaine(s)' : 'mois'
  const note =
    repeat.frequency === 'monthly' && repeat.monthlyMode === 'monthDay'
      ? skippedMonthsNote(Number(repeat.monthDay))
      : null
  const radio = <T extends string>(
    name: string,
    value: T,
    current: T,
    label: string,
    onPick: (v: T) => void,
  ) => (
    <label className={`segmented__option${current === value ? ' is-checked' : ''}`}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={current === value}
        onChange={() => onPick(value)}
      />
      {label}
    </label>
  )
  return (
    <fieldset className="items lc-form-section" data-testid="repeat-section">
      <legend className="period__legend">Répéter</legend>
      <label className="checkbox">
        <input type="checkbox" checked={repeat.enabled} onChange={(e) => props.onToggle(e.target.checked)} />
        <span>Répéter cette demande (série)</span>
      </label>
      {repeat.enabled ? (
        <>
          <div className="segmented" role="radiogroup" aria-label="Fréquence">
            {radio('repeat-frequency', 'weekly', repeat.frequency, 'Chaque semaine', (frequency) =>
              set({ frequency }),
            )}
            {radio('repeat-frequency', 'monthly', repeat.frequency, 'Chaque mois', (frequency) =>
              set({ frequency }),
            )}
          </div>
          <div className="lc-inline">
            <Field id="repeat-interval" label="Répéter toutes les" error={err('interval')}>
              <span className="lc-inline lc-inline--center">
                <input
                  type="number"
                  min={1}
                  max={52}
                  className="input--qty"
                  {...fieldA11y('repeat-interval', err('interval'))}
                  value={repeat.interval}
                  onChange={(e) => set({ interval: e.target.value })}
                />
                <span>{unit}</span>
              </span>
            </Field>
          </div>
          {repeat.frequency === 'weekly' ? (
            <fieldset
              className="lc-weekdays"
              aria-describedby={err('weekdays') ? 'repeat-weekdays-error' : undefined}
            >
              <legend className="field__label">Jours</legend>
              <div className="lc-weekdays__list">
                {weekdays.map((day) => (
                  <label
                    key={day}
                    className={`lc-weekday${repeat.weekdays.includes(day) ? ' is-checked' : ''}`}
                  >
                    <input
                      type="checkbox"
                      checked={repeat.weekdays.includes(day)}
                      onChange={() => set({ weekdays: toggleWeekday(repeat.weekdays, day) })}
                    />
                    {weekdayNames[day]}
                  </label>
                ))}
              </div>
              {err('weekdays') ? (
                <p className="field__error" id="repeat-weekdays-error">
                  {err('weekdays')}
                </p>
              ) : null}
            </fieldset>
          ) : (
            <div className="lc-monthly">
              <div className="segmented" role="radiogroup" aria-label="Type de répétition mensuelle">
                {radio('repeat-monthly', 'monthDay', repeat.monthlyMode, 'Le même quantième', (monthlyMode) =>
                  set({ monthlyMode }),
                )}
                {radio(
                  'repeat-monthly',
                  'weekdayOfMonth',
                  repeat.monthlyMode,
                  'Le même jour de la semaine',
                  (monthlyMode) => set({ monthlyMode }),
                )}
              </div>
              {repeat.monthlyMode === 'monthDay' ? (
                <Field id="repeat-month-day" label="Jour du mois" error={err('monthDay')}>
                  <input
                    type="number"
                    min={1}
                    max={31}
                    className="input--qty"
                    {...fieldA11y('repeat-month-day', err('monthDay'))}
                    value={repeat.monthDay}
                    onChange={(e) => set({ monthDay: e.target.value })}
                  />
                </Field>
              ) : (
                <div className="lc-inline">
                  <Field id="repeat-week-of-month" label="Rang dans le mois">
                    <select
                      id="repeat-week-of-month"
                      value={repeat.weekOfMonth}
                      onChange={(e) => set({ weekOfMonth: e.target.value as WeekOfMonth })}
                    >
                      {weeksOfMonth.map((w) => (
                        <option key={w} value={w}>
                          {weekOfMonthNames[w]}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field id="repeat-month-weekday" label="Jour de semaine">
                    <select
                      id="repeat-month-weekday"
                      value={repeat.monthWeekday}
                      onChange={(e) => set({ monthWeekday: e.target.value as Weekday })}
                    >
                      {weekdays.map((d) => (
                        <option key={d} value={d}>
                          {weekdayNames[d]}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
              )}
              <p className="field__hint" data-testid="repeat-month-note">
                {note ??
                  'Un mois qui n’a pas le jour choisi est sauté (norme des calendriers RFC 5545) : une règle le 31 ne réserve rien en février, avril, juin, septembre et novembre.'}
              </p>
            </div>
          )}
          <div className="lc-inline lc-inline--wrap">
            <div className="segmented" role="radiogroup" aria-label="Fin de la série">
              {radio('repeat-end', 'count', repeat.endMode, 'Nombre de fois', (endMode) => set({ endMode }))}
              {radio('repeat-end', 'until', repeat.endMode, 'Jusqu’au', (endMode) => set({ endMode }))}
            </div>
            {repeat.endMode === 'count' ? (
              <Field id="repeat-count" label="Nombre d’occurrences" error={err('count')}>
                <input
                  type="number"
                  min={1}
                  max={200}
                  className="input--qty"
                  {...fieldA11y('repeat-count', err('count'))}
                  value={repeat.count}
                  onChange={(e) => set({ count: e.target.value })}
                />
              </Field>
            ) : (
              <Field id="repeat-until" label="Dernière date" error={err('until')} hint="incluse">
                <DateTextInput
                  id="repeat-until"
                  value={repeat.until}
                  onChange={(until) => set({ until })}
                  invalid={Boolean(err('until'))}
                  describedBy={err('until') ? 'repeat-until-error' : undefined}
                />
              </Field>
            )}
          </div>
          <div className="lc-inline lc-inline--wrap">
            <Field id="repeat-exception" label="Date à exclure" error={props.exceptionError ?? undefined}>
              <DateTextInput
                id="repeat-exception"
                value={repeat.exceptionText}
                onChange={(exceptionText) => set({ exceptionText })}
                invalid={props.exceptionError !== null}
                describedBy={props.exceptionError ? 'repeat-exception-error' : undefined}
              />
            </Field>
            <button type="button" className="button" onClick={props.onAddException}>
              Exclure cette date
            </button>
          </div>
          {repeat.exceptionDates.length > 0 ? (
            <ul className="tag-list" data-testid="repeat-exceptions" aria-label="Dates exclues">
              {repeat.exceptionDates.map((date) => (
                <li key={date} className="tag">
                  {exceptionText(date)}{' '}
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Ne plus exclure ${exceptionText(date)}`}
                    onClick={() => set({ exceptionDates: repeat.exceptionDates.filter((d) => d !== date) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {props.description && (!props.preview || props.stale) ? (
            <p className="lc-series__rule" data-testid="repeat-description">
              {props.description}
            </p>
          ) : null}
          {err('rule') ? <p className="field__error">{err('rule')}</p> : null}
          {props.preview ? <Occurrences preview={props.preview} /> : null}
          {props.stale && props.preview ? (
            <p className="field__hint">
              La demande a changé depuis : revoyez les dates avant de créer la série.
            </p>
          ) : null}
          {props.seriesError ? <Banner tone="error">{props.seriesError}</Banner> : null}
          <div className="segmented" role="radiogroup" aria-label="En cas de conflit">
            {radio(
              'repeat-conflict',
              'stop',
              repeat.onConflict,
              'Arrêter s’il y a un conflit',
              (onConflict) => set({ onConflict }),
            )}
            {radio(
              'repeat-conflict',
              'skip',
              repeat.onConflict,
              'Passer les dates en conflit',
              (onConflict) => set({ onConflict }),
            )}
          </div>
          <div className="lc-inline">
            <button type="button" className="button" disabled={props.loading} onClick={props.onPreview}>
              {props.loading ? 'Calcul des dates…' : 'Voir les dates'}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={props.creating || !props.preview || props.stale}
              title={!props.preview || props.stale ? 'Voyez d’abord les dates de la série.' : undefined}
              onClick={props.onCreate}
            >
              {props.creating ? 'Création…' : 'Créer la série'}
            </button>
          </div>
        </>
      ) : null}
    </fieldset>
  )
}
