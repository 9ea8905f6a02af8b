import { useState } from 'react'
import { DateTextInput } from '../../components/DateTextInput'
import type { Granularity, ReportPeriod } from './period'
import { periodTexts, periodTitle, shiftPeriod, typedPeriod, withGranularity } from './period'

const granularityLabels: Record<Granularity, string> = {
  month: 'Mois',
  quarter: 'Trimestre',
  year: 'Année',
  custom: 'Dates',
}

interface PeriodBarProps {
  /** Prefix of the fields' ids (`costs`, `bilan`). */
  readonly id: string
  readonly period: ReportPeriod
  readonly onChange: (period: ReportPeriod) => void
  /** The longest typed period, in days (`MAX_REPORT_DAYS`, `MAX_USAGE_DAYS`). */
  readonly maxDays: number
}

/** « Du », « Au », « Afficher »: typed dates, kept as typed until applied. */
function TypedDates({
  id,
  period,
  maxDays,
  onChange,
}: Omit<PeriodBarProps, 'period'> & { readonly period: ReportPeriod }) {
  const [texts, setTexts] = useState(() => periodTexts(period))
  const [error, setError] = useState<string | null>(null)
  const apply = () => {
    const result = typedPeriod(texts.from, texts.to, maxDays)
    if (!result.ok) return setError(result.message)
    setError(null)
    onChange(result.period)
  }
  return (
    <form
      className="costs-period__dates"
      onSubmit={(e) => {
        e.preventDefault()
        apply()
      }}
    >
      <div className="toolbar__field">
        <label htmlFor={`${id}-from`}>Du</label>
        <DateTextInput
          id={`${id}-from`}
          value={texts.from}
          onChange={(from) => setTexts((t) => ({ ...t, from }))}
        />
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-to`}>Au</label>
        <DateTextInput id={`${id}-to`} value={texts.to} onChange={(to) => setTexts((t) => ({ ...t, to }))} />
      </div>
      <button type="submit" className="button">
        Afficher
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}

/**
 * The period of a report: month, quarter or year with « précédent » / « suivant », or two typed
 * dates (« Du », « Au », « Afficher »). Display only; the rules are in ./period.
 */
export function PeriodBar({ id, period, onChange, maxDays }: PeriodBarProps) {
  return (
    <div className="costs-period" data-testid={`${id}-period`} data-from={period.from} data-to={period.to}>
      <div className="segmented" role="group" aria-label="Découpage de la période">
        {(Object.keys(granularityLabels) as Granularity[]).map((g) => (
          <button
            key={g}
            type="button"
            className={`segmented__option${period.granularity === g ? ' is-checked' : ''}`}
            aria-pressed={period.granularity === g}
            onClick={() => onChange(withGranularity(period, g))}
          >
            {granularityLabels[g]}
          </button>
        ))}
      </div>
      <div className="costs-period__nav">
        <button
          type="button"
          className="button button--icon"
          aria-label="Période précédente"
          onClick={() => onChange(shiftPeriod(period, -1))}
        >
          ‹
        </button>
        <span className="costs-period__title" data-testid={`${id}-period-title`}>
          {periodTitle(period)}
        </span>
        <button
          type="button"
          className="button button--icon"
          aria-label="Période suivante"
          onClick={() => onChange(shiftPeriod(period, 1))}
        >
          ›
        </button>
      </div>
      {period.granularity === 'custom' ? (
        // Keyed by the period: the fields start again from it when it moves by the buttons.
        <TypedDates
          key={`${period.from}/${period.to}`}
          id={id}
          period={period}
          maxDays={maxDays}
          onChange={onChange}
        />
      ) : null}
    </div>
  )
}
