import { useEffect, useMemo } from 'react'
import type { UsageGrouping } from '../../../../shared/domain/costs'
import { formatLocalDateFr } from '../../../../shared/time'
import { EmptyState, Loading, LoadError } from '../../components/Feedback'
import { mainHub, useReference } from '../../stores/reference'
import { formatAmount } from '../costs/format'
import { PeriodBar } from '../costs/PeriodBar'
import { MAX_USAGE_DAYS, periodTitle } from '../costs/period'
import { ChartPatterns, CommunePie, CostPerUseChart, ShareChart, TrendChart } from './Charts'
import {
  communeSlices,
  costPerUseBars,
  detailLines,
  groupingNames,
  headline,
  shareBars,
  trendData,
} from './model'
import { useBilan } from './store'
import './bilan.css'

const groupings: readonly UsageGrouping[] = ['resource', 'category', 'commune']

/**
 * Bilan (`#/bilan`): for a period, how much the pooled resources were used, by whom, what each use
 * cost, which stayed idle, month by month; printable (A4, one section per page).
 */
export function BilanPage() {
  const b = useBilan()
  const load = b.load
  const hubs = useReference((s) => s.hubs)
  useEffect(() => {
    void load()
  }, [load])

  const report =
    b.report &&
    b.report.from === b.period.from &&
    b.report.to === b.period.to &&
    b.report.groupBy === b.groupBy
      ? b.report
      : null
  const view = useMemo(
    () =>
      report
        ? {
            bars: shareBars(report.rows),
            trend: trendData(report),
            slices: communeSlices(report),
            costs: costPerUseBars(report.rows),
            lines: detailLines(report.rows),
            figures: headline(report),
          }
        : null,
    [report],
  )
  const name = groupingNames[b.groupBy]

  return (
    <section className="page bilan-page" aria-labelledby="page-title" data-testid="bilan-page">
      <ChartPatterns />
      <header className="page__header">
        <div>
          <h1 id="page-title">Bilan d’utilisation</h1>
          <p className="page__subtitle">
            {mainHub(hubs)?.name ?? 'Pôle technique'} · {periodTitle(b.period)}
            {b.period.granularity === 'custom'
              ? ''
              : ` (du ${formatLocalDateFr(b.period.from)} au ${formatLocalDateFr(b.period.to)})`}
          </p>
        </div>
        <button type="button" className="button bilan-print" onClick={() => window.print()}>
          Imprimer
        </button>
      </header>

      <div className="card costs-toolbar bilan-toolbar">
        <PeriodBar id="bilan" period={b.period} onChange={b.setPeriod} maxDays={MAX_USAGE_DAYS} />
        <div className="segmented" role="group" aria-label="Regrouper">
          {groupings.map((g) => (
            <button
              key={g}
              type="button"
              className={`segmented__option${b.groupBy === g ? ' is-checked' : ''}`}
              aria-pressed={b.groupBy === g}
              onClick={() => b.setGroupBy(g)}
            >
              {groupingNames[g].title}
            </button>
          ))}
        </div>
      </div>

      {b.status === 'error' && b.error ? (
        <LoadError message={b.error} onRetry={() => void load()} />
      ) : !report || !view ? (
        <Loading label="Calcul du bilan…" />
      ) : (
        <div className="bilan-body" data-testid="bilan-report" data-group={report.groupBy}>
          <dl className="bilan-figures" data-testid="bilan-figures">
            {view.figures.map((f) => (
              <div key={f.label} className="bilan-figure">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          <p className="bilan-note">
            Jours utilisés : quantité × jours du calendrier couverts par les réservations acceptées, sorties
            ou rendues ; jours disponibles : jours de la période × unités possédées.
          </p>

          <section
            className="card bilan-section"
            aria-labelledby="bilan-share-title"
            data-testid="bilan-share"
          >
            <h2 id="bilan-share-title" className="card__title">
              Taux d’utilisation {name.title.toLowerCase()}
            </h2>
            {view.bars.length === 0 ? (
              <EmptyState title="Aucune ressource sur cette période" />
            ) : (
              <div className="bilan-chart">
                <ShareChart bars={view.bars} rowName={name.one} />
              </div>
            )}
            {report.rows.length > view.bars.length ? (
              <p className="bilan-note">
                Les {view.bars.length} plus utilisées sur {report.rows.length} ; toutes figurent dans le
                détail.
              </p>
            ) : null}
          </section>

          <section
            className="card bilan-section"
            aria-labelledby="bilan-trend-title"
            data-testid="bilan-trend"
          >
            <h2 id="bilan-trend-title" className="card__title">
              Évolution mois par mois
            </h2>
            <p className="card__subtitle">Part des jours disponibles utilisés chaque mois.</p>
            <div className="bilan-chart">
              <TrendChart points={view.trend.points} series={view.trend.series} />
            </div>
          </section>

          <section
            className="card bilan-section"
            aria-labelledby="bilan-communes-title"
            data-testid="bilan-communes"
          >
            <h2 id="bilan-communes-title" className="card__title">
              Part de chaque commune
            </h2>
            <p className="card__subtitle">Part des jours utilisés par chaque commune sur la période.</p>
            {view.slices.length === 0 ? (
              <p className="rd-muted">Aucune commune n’a rien utilisé sur cette période.</p>
            ) : (
              <div className="bilan-chart">
                <CommunePie slices={view.slices} />
              </div>
            )}
          </section>

          {report.groupBy !== 'commune' ? (
            <section
              className="card bilan-section"
              aria-labelledby="bilan-cost-title"
              data-testid="bilan-cost"
            >
              <h2 id="bilan-cost-title" className="card__title">
                Coût par utilisation
              </h2>
              <p className="card__subtitle">
                Valeur d’achat divisée par le nombre d’utilisations de la période (sans valeur d’achat, pas de
                coût).
              </p>
              {view.costs.length === 0 ? (
                <p className="rd-muted">Aucune ressource utilisée n’a de valeur d’achat.</p>
              ) : (
                <div className="bilan-chart">
                  <CostPerUseChart bars={view.costs} />
                </div>
              )}
            </section>
          ) : null}

          <section className="card bilan-section" aria-labelledby="bilan-detail-title">
            <h2 id="bilan-detail-title" className="card__title">
              Détail {name.title.toLowerCase()}
            </h2>
            <div className="table-wrap">
              <table className="table table--compact bilan-table" data-testid="bilan-detail">
                <thead>
                  <tr>
                    <th scope="col">{name.one.charAt(0).toUpperCase() + name.one.slice(1)}</th>
                    <th scope="col" className="num">
                      Unités
                    </th>
                    <th scope="col" className="num">
                      Jours utilisés / disponibles
                    </th>
                    <th scope="col" className="num">
                      Taux
                    </th>
                    <th scope="col" className="num">
                      Utilisations
                    </th>
                    <th scope="col" className="num">
                      Coût par utilisation
                    </th>
                    <th scope="col" className="num">
                      Montant
                    </th>
                    <th scope="col">Communes</th>
                  </tr>
                </thead>
                <tbody>
                  {view.lines.map((line) => (
                    <tr key={line.key} data-testid="bilan-row">
                      <th scope="row" className="cell-name">
                        {line.label}
                      </th>
                      <td className="num">{line.units}</td>
                      <td className="num nowrap">{line.days}</td>
                      <td className="num nowrap">{line.share}</td>
                      <td className="num">{line.uses}</td>
                      <td className="num nowrap">{line.costPerUse}</td>
                      <td className="num nowrap">{line.amount}</td>
                      <td>{line.communes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="card bilan-section" aria-labelledby="bilan-idle-title" data-testid="bilan-idle">
            <h2 id="bilan-idle-title" className="card__title">
              Ressources inutilisées <span className="rd-count">{report.idle.length}</span>
            </h2>
            {report.idle.length === 0 ? (
              <p className="rd-muted">Toutes les ressources ont servi sur la période.</p>
            ) : (
              <ul className="bilan-idle">
                {report.idle.map((r) => (
                  <li key={r.resourceId}>
                    <strong>{r.name}</strong>
                    <span className="cell-sub-inline">
                      {r.categoryName ?? 'Sans catégorie'}
                      {r.purchaseValueCents !== null ? ` · achat ${formatAmount(r.purchaseValueCents)}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  )
}
