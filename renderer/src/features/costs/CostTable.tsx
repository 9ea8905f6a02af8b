import { carryNoteOf } from '../../../../shared/costs/lines'
import type { CommuneCosts, StatementSummary } from '../../../../shared/domain/costs'
import { formatInstantFr } from '../../../../shared/time'
import { bookingHash } from '../booking/model'
import { detailHash } from '../inventory/model'
import {
  formatAmount,
  formatNumber,
  lineRateText,
  lineUnitsText,
  rateSourceNote,
  surchargeText,
} from './format'
import { groupByBooking, missingRateCount } from './report'

interface CommuneCostsCardProps {
  readonly commune: CommuneCosts
  /** The statement already covering days of the period, if any (then no new one can be issued). */
  readonly statement: StatementSummary | null
  readonly canIssue: boolean
  readonly onIssue: () => void
}

/**
 * One commune's lines of the period, grouped by booking (reference, title, period), with quantity,
 * units counted, rate, surcharge and amount; the total; « Émettre le relevé » or the statement
 * already issued. Display only.
 */
export function CommuneCostsCard({ commune, statement, canIssue, onIssue }: CommuneCostsCardProps) {
  const groups = groupByBooking(commune.lines)
  const missing = missingRateCount(commune.lines)
  return (
    <section
      className="card costs-commune"
      aria-labelledby={`commune-${commune.communeId}`}
      data-testid="commune-costs"
      data-commune={commune.communeName}
    >
      <header className="card__header">
        <div>
          <h2 id={`commune-${commune.communeId}`} className="card__title">
            {commune.communeName} <span className="costs-insee">INSEE {commune.inseeCode}</span>
          </h2>
          <p className="card__subtitle">
            {groups.length} réservation{groups.length > 1 ? 's' : ''} · {commune.lines.length} ligne
            {commune.lines.length > 1 ? 's' : ''}
          </p>
        </div>
        <div className="costs-commune__actions">
          <span className="costs-total" data-testid="commune-total">
            {formatAmount(commune.totalCents)}
          </span>
          {statement ? (
            <span className="costs-issued" data-testid="commune-statement">
              Relevé <span className="mono">{statement.number}</span> émis le{' '}
              {formatInstantFr(Date.parse(statement.issuedAt)).slice(0, 10)}
            </span>
          ) : canIssue ? (
            <button
              type="button"
              className="button button--primary"
              aria-label={`Émettre le relevé de ${commune.communeName}`}
              onClick={onIssue}
            >
              Émettre le relevé
            </button>
          ) : null}
        </div>
      </header>
      {missing > 0 ? (
        <p className="costs-warning" role="note">
          {missing} ligne{missing > 1 ? 's' : ''} sans tarif, comptée{missing > 1 ? 's' : ''} à 0 € :
          complétez les tarifs sur la fiche des ressources avant d’émettre le relevé.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table table--compact costs-table">
          <thead>
            <tr>
              <th scope="col">Ressource</th>
              <th scope="col" className="num">
                Quantité
              </th>
              <th scope="col">Unités</th>
              <th scope="col" className="num">
                Tarif
              </th>
              <th scope="col">Majoration</th>
              <th scope="col" className="num">
                Montant
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.bookingId} data-testid="cost-booking" data-reference={group.reference}>
              <tr className="costs-group">
                <th scope="colgroup" colSpan={5}>
                  <a href={bookingHash(group.bookingId)} className="mono">
                    {group.reference}
                  </a>{' '}
                  « {group.title} » <span className="costs-group__period">{group.periodText}</span>
                </th>
                <td className="num costs-group__total">{formatAmount(group.totalCents)}</td>
              </tr>
              {group.lines.map((line, index) => {
                const note = rateSourceNote(line)
                const carried = line.rateSource === 'missing' ? null : carryNoteOf(line)
                return (
                  <tr
                    key={`${line.resourceId}-${index}`}
                    data-testid="cost-line"
                    data-kind={line.kind}
                    data-source={line.rateSource}
                    className={line.rateSource === 'missing' ? 'costs-line--missing' : undefined}
                  >
                    <td className="cell-name">
                      {line.resourceName}
                      {line.kind === 'damage' ? <span className="costs-tag">Dégât</span> : null}
                      {note && line.rateSource !== 'missing' ? (
                        <div className="costs-line-note">{note}</div>
                      ) : null}
                      {carried ? (
                        <div className="costs-line-note" data-testid="cost-line-carried">
                          {carried}
                        </div>
                      ) : null}
                      {line.rateSource === 'missing' ? (
                        <div className="costs-missing">
                          {line.detail} <a href={detailHash(line.resourceId)}>Ouvrir la fiche</a>
                        </div>
                      ) : null}
                    </td>
                    <td className="num">{formatNumber(line.quantity)}</td>
                    <td className="nowrap">{lineUnitsText(line)}</td>
                    <td className="num nowrap">{lineRateText(line)}</td>
                    <td>{surchargeText(line)}</td>
                    <td className="num nowrap">{formatAmount(line.amountCents)}</td>
                  </tr>
                )
              })}
            </tbody>
          ))}
          <tfoot>
            <tr className="costs-table__total">
              <th scope="row" colSpan={5}>
                Total {commune.communeName}
              </th>
              <td className="num nowrap">{formatAmount(commune.totalCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  )
}
