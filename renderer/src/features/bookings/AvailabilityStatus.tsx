import type { CheckState } from './formStore'

/**
 * The live answer to "does this request fit?": green "Disponible", or each conflict's French
 * message (resource, booking reference, commune, period, units left for a stock).
 */
export function AvailabilityStatus({ check }: { readonly check: CheckState }) {
  return (
    <div
      className={`availability availability--${check.status}`}
      data-testid="availability-status"
      data-status={check.status}
      role="status"
      aria-live="polite"
    >
      {check.status === 'incomplete' ? (
        <p className="availability__hint">
          Choisissez une période et au moins une ressource : la disponibilité s’affiche ici pendant la saisie.
        </p>
      ) : null}
      {check.status === 'checking' ? (
        <p className="availability__hint">
          <span className="spinner" aria-hidden="true" /> Vérification de la disponibilité…
        </p>
      ) : null}
      {check.status === 'available' ? (
        <p className="availability__title">
          <span className="availability__icon" aria-hidden="true">
            ✓
          </span>
          <span>Disponible</span>
        </p>
      ) : null}
      {check.status === 'conflicts' ? (
        <>
          <p className="availability__title">
            <span className="availability__icon" aria-hidden="true">
              !
            </span>
            <span>Non disponible</span>
          </p>
          <ul className="availability__list">
            {check.conflicts.map((c, i) => (
              <li key={`${c.resourceId}-${c.bookingId ?? c.unavailabilityId ?? i}`}>{c.message}</li>
            ))}
          </ul>
          <p className="availability__hint">
            Changez la période, la quantité ou retirez la ressource concernée.
          </p>
        </>
      ) : null}
      {check.status === 'invalid' ? (
        <>
          <p className="availability__title">Vérifiez la saisie</p>
          <ul className="availability__list">
            {check.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : null}
      {check.status === 'error' ? <p className="availability__title">{check.message}</p> : null}
    </div>
  )
}
