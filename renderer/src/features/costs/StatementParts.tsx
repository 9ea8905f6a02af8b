/**
 * The statements on the Refacturation page: the list of issued ones with their downloads, and the
 * confirmation dialog before issuing one. Display only.
 */
import type { CommuneCosts, StatementSummary } from '../../../../shared/domain/costs'
import { formatInstantFr, formatLocalDateFr } from '../../../../shared/time'
import { Banner } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { formatAmount } from './format'
import type { ExportFormat } from './store'

interface StatementTableProps {
  readonly statements: readonly StatementSummary[]
  readonly downloading: ReadonlySet<string>
  readonly onDownload: (statement: StatementSummary, format: ExportFormat) => void
}

/** Issued statements, latest first: number, commune, period, issue date, lines, total, PDF and XLSX. */
export function StatementTable({ statements, downloading, onDownload }: StatementTableProps) {
  const button = (s: StatementSummary, format: ExportFormat) => {
    const busy = downloading.has(`${s.id}:${format}`)
    const label = format === 'pdf' ? 'PDF' : 'Excel'
    return (
      <button
        type="button"
        className="button button--small"
        aria-label={`Télécharger ${s.number} en ${label}`}
        disabled={busy}
        onClick={() => onDownload(s, format)}
      >
        {busy ? '…' : label}
      </button>
    )
  }
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="statement-list">
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Commune</th>
            <th scope="col">Période</th>
            <th scope="col">Émis le</th>
            <th scope="col" className="num">
              Lignes
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="actions-col">
              Télécharger
            </th>
          </tr>
        </thead>
        <tbody>
          {statements.map((s) => (
            <tr key={s.id} data-number={s.number} data-testid="statement-row">
              <th scope="row" className="mono">
                {s.number}
              </th>
              <td>{s.communeName}</td>
              <td className="nowrap">
                du {formatLocalDateFr(s.from)} au {formatLocalDateFr(s.to)}
              </td>
              <td className="nowrap">
                {formatInstantFr(Date.parse(s.issuedAt))}
                <div className="cell-sub">{s.issuedBy}</div>
              </td>
              <td className="num">{s.lineCount}</td>
              <td className="num nowrap">{formatAmount(s.totalCents)}</td>
              <td className="actions-col">
                <div className="row-actions">
                  {button(s, 'pdf')}
                  {button(s, 'xlsx')}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface IssueDialogProps {
  readonly commune: CommuneCosts
  /** `du 01/12/2026 au 31/12/2026`. */
  readonly periodText: string
  readonly issuing: boolean
  readonly error: string | null
  readonly missingRates: number
  readonly onCancel: () => void
  readonly onConfirm: () => void
}

/** « Émettre le relevé de Tiffauges ? »: what will be frozen, and that it cannot change afterwards. */
export function IssueDialog({
  commune,
  periodText,
  issuing,
  error,
  missingRates,
  onCancel,
  onConfirm,
}: IssueDialogProps) {
  return (
    <Modal
      title={`Émettre le relevé de ${commune.communeName} ?`}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
          <button type="button" className="button button--primary" disabled={issuing} onClick={onConfirm}>
            {issuing ? 'Émission…' : 'Émettre le relevé'}
          </button>
        </>
      }
    >
      <div className="costs-dialog" data-testid="issue-dialog">
        <p>
          Relevé de refacturation de <strong>{commune.communeName}</strong> {periodText} :{' '}
          {commune.lines.length} ligne{commune.lines.length > 1 ? 's' : ''}, total{' '}
          <strong>{formatAmount(commune.totalCents)}</strong>.
        </p>
        <p className="costs-dialog__warning">
          Une fois émis, le relevé reçoit un numéro et <strong>ne peut plus être modifié</strong>, même si un
          tarif change ensuite. Une erreur se corrige sur un relevé suivant.
        </p>
        {missingRates > 0 ? (
          <p className="costs-warning">
            {missingRates} ligne{missingRates > 1 ? 's' : ''} sans tarif figurer
            {missingRates > 1 ? 'ont' : 'a'} à 0 €.
          </p>
        ) : null}
        {error ? <Banner tone="error">{error}</Banner> : null}
      </div>
    </Modal>
  )
}
