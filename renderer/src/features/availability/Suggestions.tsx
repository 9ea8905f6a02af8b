import type { LoadStatus } from '../../stores/reference'
import type { Suggestion } from './model'
import { describeShift, describeSuggestion } from './model'

interface SuggestionsProps {
  readonly status: LoadStatus
  readonly error: string | null
  readonly suggestions: readonly Suggestion[]
  /**
   * Why proposals are shown, in French: `« Nacelle élévatrice 12 m » n’est pas libre le 16/01/2027.`
   * or `Rien de ce qui est cherché n’est libre le 16/01/2027.`
   */
  readonly notice: string
  /** The requested start, `2027-01-16` or `2027-01-16T09:00`, to say how far each proposal is. */
  readonly requestedStart: string
  /** Whether several resources were asked about: each proposal then names those free. */
  readonly showResources: boolean
  readonly onPick: (suggestion: Suggestion) => void
}

/**
 * « Périodes proches disponibles »: the nearest periods of the same length in which what was
 * searched is free, each a button that puts the period into the search. Display only.
 */
export function Suggestions({
  status,
  error,
  suggestions,
  notice,
  requestedStart,
  showResources,
  onPick,
}: SuggestionsProps) {
  if (status === 'idle') return null
  return (
    <section
      className="suggestions"
      aria-labelledby="suggestions-title"
      data-testid="suggestions"
      data-status={status}
    >
      <h3 id="suggestions-title">Périodes proches disponibles</h3>
      <p className="suggestions__hint">
        {notice} Ces périodes de même durée le sont (marges de préparation comprises) ; choisissez-en une pour
        la reprendre dans la recherche.
      </p>
      {status === 'loading' ? (
        <p className="suggestions__empty" role="status">
          Recherche des périodes proches…
        </p>
      ) : null}
      {status === 'error' && error ? (
        <p className="suggestions__empty" role="alert">
          Les périodes proches n’ont pas pu être cherchées : {error}
        </p>
      ) : null}
      {status === 'ready' && suggestions.length === 0 ? (
        <p className="suggestions__empty">
          Aucune période libre de même durée dans les 60 jours avant ou après. Essayez une autre quantité ou
          une autre ressource.
        </p>
      ) : null}
      {status === 'ready' && suggestions.length > 0 ? (
        <ul className="suggestions__list">
          {suggestions.map((s) => {
            const label = describeSuggestion(s.period)
            return (
              <li key={`${s.period.start}/${s.period.end}`}>
                <button
                  type="button"
                  className="button"
                  data-testid="suggestion"
                  data-start={s.period.allDay ? s.period.startDate : s.period.start}
                  aria-label={`Choisir ${label}`}
                  onClick={() => onPick(s)}
                >
                  <span className="suggestions__when">{label}</span>
                  <span className="suggestions__shift">
                    {describeShift(requestedStart, s.period)}
                    {showResources ? ` · ${s.resourceNames.join(', ')}` : ''}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
