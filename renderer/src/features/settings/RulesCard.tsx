import type { VersionRow } from './model'
import type { CountingExample } from './examples'
import { formatAmount, validityBadgeClass } from '../costs/format'

/**
 * « Règles de calcul »: the counting rules in French (shared/costs/rules, with the figures being
 * typed) and worked examples computed by shared/costs. Display only.
 */
export function RulesCard({
  rules,
  examples,
}: {
  readonly rules: readonly string[]
  readonly examples: readonly CountingExample[]
}) {
  return (
    <section className="card settings-rules" aria-labelledby="rules-title" data-testid="counting-rules">
      <h2 id="rules-title" className="card__title">
        Règles de calcul
      </h2>
      <p className="card__subtitle">
        Comment chaque relevé est compté ; le même texte est imprimé sous chaque relevé. Les exemples suivent
        les taux et majorations saisis ci-dessus, avant même leur enregistrement.
      </p>
      <ul className="settings-rules__list">
        {rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <h3 className="rd-subtitle">Exemples</h3>
      <div className="table-wrap">
        <table className="table table--compact" data-testid="counting-examples">
          <thead>
            <tr>
              <th scope="col">Réservation</th>
              <th scope="col">Calcul</th>
              <th scope="col" className="num">
                Montant
              </th>
            </tr>
          </thead>
          <tbody>
            {examples.map((example) => (
              <tr key={example.key} data-example={example.key}>
                <th scope="row" className="cell-name">
                  {example.title}
                </th>
                <td>
                  <ul className="plain-list">
                    {example.lines.map((line, index) => (
                      <li key={index}>
                        {line.detail} = {formatAmount(line.amountCents)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="num nowrap" data-testid="example-total">
                  {formatAmount(example.totalCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

const stateLabels: Record<VersionRow['state'], string> = {
  current: 'En vigueur',
  future: 'À venir',
  past: 'Remplacés',
}

/** The versions of the hub's settings, latest first. Display only. */
export function VersionsCard({ rows }: { readonly rows: readonly VersionRow[] }) {
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title" className="card__title">
        Historique des paramètres
      </h2>
      <p className="card__subtitle">
        Chaque réservation est comptée avec les paramètres en vigueur à son premier jour.
      </p>
      <div className="table-wrap">
        <table className="table table--compact" data-testid="settings-versions">
          <thead>
            <tr>
              <th scope="col">À partir du</th>
              <th scope="col">Taux horaires</th>
              <th scope="col">Majorations</th>
              <th scope="col">Règles de gestion</th>
              <th scope="col">Modifié</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr
                key={index}
                data-state={row.state}
                className={row.state === 'past' ? 'is-inactive' : undefined}
              >
                <td className="nowrap">{row.validFrom}</td>
                <td>{row.hourly}</td>
                <td>{row.surcharges}</td>
                <td>{row.governance}</td>
                <td>{row.changed}</td>
                <td>
                  <span className={validityBadgeClass[row.state]}>{stateLabels[row.state]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
