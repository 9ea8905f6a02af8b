import type { PeriodField, PeriodMode, PeriodValue } from '../lib/period'
import { editPeriod, switchPeriodMode } from '../lib/period'
import { DateTextInput } from './DateTextInput'
import { Field } from './Field'

interface PeriodInputProps {
  /** Prefix of the element ids, unique in the page. */
  readonly idPrefix: string
  readonly value: PeriodValue
  readonly onChange: (value: PeriodValue) => void
  readonly errors?: Partial<Record<PeriodField, string>>
  readonly legend?: string
}

/**
 * The period control: "Journées entières" (Premier jour, Dernier jour inclus) or "Date et heure"
 * (Début, Fin as local date-times, Europe/Paris), typed in French (`14/05/2027`, `14/05/2027 08:30`). Display only; the value lives in the caller's store.
 */
export function PeriodInput({
  idPrefix,
  value,
  onChange,
  errors = {},
  legend = 'Période',
}: PeriodInputProps) {
  const setMode = (mode: PeriodMode) => onChange(switchPeriodMode(value, mode))
  const edit = (patch: Partial<PeriodValue>) => onChange(editPeriod(value, patch))
  const id = (name: string) => `${idPrefix}-${name}`

  return (
    <fieldset className="period">
      <legend className="period__legend">{legend}</legend>
      <div className="segmented" role="radiogroup" aria-label="Type de période">
        <label className={`segmented__option${value.mode === 'days' ? ' is-checked' : ''}`}>
          <input
            type="radio"
            name={id('mode')}
            value="days"
            checked={value.mode === 'days'}
            onChange={() => setMode('days')}
          />
          Journées entières
        </label>
        <label className={`segmented__option${value.mode === 'timed' ? ' is-checked' : ''}`}>
          <input
            type="radio"
            name={id('mode')}
            value="timed"
            checked={value.mode === 'timed'}
            onChange={() => setMode('timed')}
          />
          Date et heure
        </label>
      </div>
      {value.mode === 'days' ? (
        <div className="period__fields">
          <Field id={id('first-day')} label="Premier jour" error={errors.firstDay} required>
            <DateTextInput
              id={id('first-day')}
              value={value.firstDay}
              onChange={(firstDay) => edit({ firstDay })}
              invalid={Boolean(errors.firstDay)}
              describedBy={errors.firstDay ? `${id('first-day')}-error` : undefined}
            />
          </Field>
          <Field id={id('last-day')} label="Dernier jour" error={errors.lastDay} hint="inclus" required>
            <DateTextInput
              id={id('last-day')}
              value={value.lastDay}
              onChange={(lastDay) => edit({ lastDay })}
              invalid={Boolean(errors.lastDay)}
              describedBy={errors.lastDay ? `${id('last-day')}-error` : undefined}
            />
          </Field>
        </div>
      ) : (
        <div className="period__fields">
          <Field id={id('start')} label="Début" error={errors.start} required>
            <DateTextInput
              id={id('start')}
              withTime
              value={value.start}
              onChange={(start) => edit({ start })}
              invalid={Boolean(errors.start)}
              describedBy={errors.start ? `${id('start')}-error` : undefined}
            />
          </Field>
          <Field id={id('end')} label="Fin" error={errors.end} required>
            <DateTextInput
              id={id('end')}
              withTime
              value={value.end}
              onChange={(end) => edit({ end })}
              invalid={Boolean(errors.end)}
              describedBy={errors.end ? `${id('end')}-error` : undefined}
            />
          </Field>
        </div>
      )}
    </fieldset>
  )
}
