import { useEffect, useMemo } from 'react'
import { formatLocalDateFr } from '../../../../shared/time'
import { CommuneSelect } from '../../components/CommuneSelect'
import { Banner, EmptyState, Loading, LoadError } from '../../components/Feedback'
import { byId, useReference } from '../../stores/reference'
import { useCan } from '../accounts/session'
import { CommuneCostsCard } from './CostTable'
import { DamageDialog, DamageTable } from './DamageParts'
import { useDamages } from './damageStore'
import { formatAmount } from './format'
import { PeriodBar } from './PeriodBar'
import { MAX_REPORT_DAYS } from './period'
import { missingRateCount, overlappingStatement } from './report'
import { IssueDialog, StatementTable } from './StatementParts'
import { useCosts } from './store'
import './costs.css'

/**
 * Refacturation (`#/refacturation`): what each commune owes for a period (`reports.costs`), the
 * statements to issue and those issued (PDF, XLSX), and the damaged or missing items of every return
 * still awaiting the manager's decision (`costs.pendingDamages`), whatever their period.
 */
export function RefacturationPage() {
  const c = useCosts()
  const d = useDamages()
  const load = c.load
  const loadDamages = d.loadPending
  const canIssue = useCan('statements.issue')
  const canConfirm = useCan('costs.confirmDamage')
  const communes = useReference((s) => s.communes)
  const hubs = useReference((s) => s.hubs)
  const resources = useReference((s) => s.resources)
  const communesById = useMemo(() => byId(communes), [communes])
  const resourcesById = useMemo(() => byId(resources), [resources])
  const { from, to } = c.period

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    void loadDamages()
  }, [loadDamages])

  const periodText = `du ${formatLocalDateFr(from)} au ${formatLocalDateFr(to)}`
  // While another period loads, its figures are not those of the period shown.
  const report = c.report && c.report.from === from && c.report.to === to ? c.report : null
  const damageRows = c.communeId ? d.rows.filter((r) => r.booking.communeId === c.communeId) : d.rows
  const statements = c.communeId ? c.statements.filter((s) => s.communeId === c.communeId) : c.statements
  const issued = c.issued
  const saveDamage = async () => {
    // A confirmed damage dated inside the period adds a line to the report.
    if (await d.save()) await load()
  }

  return (
    <section className="page costs-page" aria-labelledby="page-title" data-testid="refacturation-page">
      <header className="page__header">
        <div>
          <h1 id="page-title">Refacturation</h1>
          <p className="page__subtitle">
            Ce que chaque commune a utilisé et doit pour la période, aux tarifs votés ; un relevé émis est
            numéroté et ne change plus.
          </p>
        </div>
      </header>

      <div className="card costs-toolbar">
        <PeriodBar id="costs" period={c.period} onChange={c.setPeriod} maxDays={MAX_REPORT_DAYS} />
        <div className="toolbar__field">
          <label htmlFor="costs-commune">Commune</label>
          <CommuneSelect
            id="costs-commune"
            communes={communes}
            hubs={hubs}
            value={c.communeId}
            onChange={c.setCommune}
            emptyLabel="Toutes les communes"
            servedOnly
          />
        </div>
      </div>

      {issued ? (
        <Banner tone="success" onDismiss={c.dismissIssued}>
          <p data-testid="statement-issued">
            Relevé <strong className="mono">{issued.number}</strong> émis pour {issued.communeName} :{' '}
            {formatAmount(issued.totalCents)}.
          </p>
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => void c.download(issued, 'pdf')}
            >
              Télécharger le PDF
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => void c.download(issued, 'xlsx')}
            >
              Télécharger le fichier Excel
            </button>
          </div>
        </Banner>
      ) : null}
      {c.downloadError ? (
        <Banner tone="error" onDismiss={c.dismissDownloadError}>
          {c.downloadError}
        </Banner>
      ) : null}

      {c.status === 'error' && c.error ? (
        <LoadError message={c.error} onRetry={() => void load()} />
      ) : !report ? (
        <Loading label="Calcul des montants…" />
      ) : (
        <>
          <div className="costs-summary" data-testid="costs-summary" aria-live="polite">
            <span>
              {report.communes.length === 0
                ? `Rien à refacturer ${periodText}.`
                : `${report.communes.length} commune${report.communes.length > 1 ? 's' : ''} ${periodText}`}
            </span>
            {report.communes.length > 0 ? (
              <span className="costs-summary__total">
                Total <strong data-testid="costs-total">{formatAmount(report.totalCents)}</strong>
              </span>
            ) : null}
          </div>
          {report.communes.length === 0 ? (
            <EmptyState title="Aucune réservation à refacturer sur cette période">
              <p>
                Sont comptées les réservations acceptées, sorties ou rendues dont le premier jour tombe dans
                la période, et les dégâts confirmés pendant la période. Changez de période ou de commune.
              </p>
            </EmptyState>
          ) : (
            report.communes.map((commune) => (
              <CommuneCostsCard
                key={commune.communeId}
                commune={commune}
                statement={overlappingStatement(c.statements, commune.communeId, from, to)}
                canIssue={canIssue}
                onIssue={() => c.askIssue(commune)}
              />
            ))
          )}
          <details className="card costs-rules">
            <summary className="card__title">Règles de calcul</summary>
            <ul>
              {report.rules.map((rule) => (
                <li key={rule}>{rule}</li>
              ))}
            </ul>
          </details>
        </>
      )}

      <section className="card" aria-labelledby="damages-title">
        <h2 id="damages-title" className="card__title">
          Dégâts et manques à décider
        </h2>
        <p className="card__subtitle">
          Retours de toutes les périodes dont des unités abîmées ou manquantes attendent votre décision. Un
          dégât confirmé est facturé à la valeur de remplacement, sur le prochain relevé de la commune ; vous
          pouvez aussi décider, motif à l’appui, de ne pas le facturer.
        </p>
        {d.notice ? (
          <Banner tone="success" onDismiss={d.dismissNotice}>
            <span data-testid="damage-notice">{d.notice}</span>
          </Banner>
        ) : null}
        {d.status === 'error' && d.error ? (
          <LoadError message={d.error} onRetry={() => void loadDamages()} />
        ) : d.status !== 'ready' ? (
          <Loading label="Recherche des retours…" />
        ) : damageRows.length === 0 ? (
          <p className="rd-muted">Aucun dégât ni manque en attente de décision.</p>
        ) : (
          <DamageTable
            rows={damageRows}
            resourcesById={resourcesById}
            communeName={(id) => communesById.get(id)?.name ?? 'Commune inconnue'}
            showBooking
            canConfirm={canConfirm}
            onConfirm={d.open}
          />
        )}
      </section>

      <section className="card" aria-labelledby="statements-title">
        <h2 id="statements-title" className="card__title">
          Relevés émis <span className="rd-count">{statements.length}</span>
        </h2>
        {statements.length === 0 ? (
          <p className="rd-muted">Aucun relevé émis{c.communeId ? ' pour cette commune' : ''}.</p>
        ) : (
          <StatementTable
            statements={statements}
            downloading={c.downloading}
            onDownload={(s, format) => void c.download(s, format)}
          />
        )}
      </section>

      {c.confirming ? (
        <IssueDialog
          commune={c.confirming}
          periodText={periodText}
          issuing={c.issuing}
          error={c.issueError}
          missingRates={missingRateCount(c.confirming.lines)}
          onCancel={() => c.askIssue(null)}
          onConfirm={() => void c.issue()}
        />
      ) : null}
      {d.dialog ? (
        <DamageDialog
          row={d.dialog.row}
          draft={d.dialog.draft}
          errors={d.dialog.errors}
          error={d.dialog.error}
          saving={d.dialog.saving}
          isStock={resourcesById.get(d.dialog.row.resourceId)?.tracking === 'stock'}
          onChange={d.edit}
          onCancel={d.close}
          onSave={() => void saveDamage()}
        />
      ) : null}
    </section>
  )
}
