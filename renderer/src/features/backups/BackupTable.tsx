import type { BackupInfo } from '../../../../shared/domain/backups'
import { backupReasonLabel, formatBackupDate, formatSize, unusableReason } from './model'

interface BackupTableProps {
  readonly backups: readonly BackupInfo[]
  readonly supportedSchemaVersion: number
  /** Called with the backup whose « Restaurer » was pressed. */
  readonly onRestore: (backup: BackupInfo) => void
  /** Disables every button (a backup or a restore is under way). */
  readonly busy: boolean
}

/** The backups, newest first: date (Europe/Paris), kind, size, and a « Restaurer » button each. */
export function BackupTable({ backups, supportedSchemaVersion, onRestore, busy }: BackupTableProps) {
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="backup-list">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Sauvegarde</th>
            <th scope="col" className="num">
              Taille
            </th>
            <th scope="col" className="actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => {
            const date = formatBackupDate(b.createdAt)
            const unusable = unusableReason(b, supportedSchemaVersion)
            return (
              <tr key={b.name} data-backup={b.name} data-reason={b.reason}>
                <th scope="row" className="backup-date">
                  {date.charAt(0).toUpperCase() + date.slice(1)}
                </th>
                <td>
                  {backupReasonLabel(b.reason).replace(/^./, (c) => c.toUpperCase())}
                  <div className="cell-sub mono">{b.name}</div>
                </td>
                <td className="num nowrap">{formatSize(b.sizeBytes)}</td>
                <td className="actions-col">
                  {unusable ? (
                    <span className="cell-sub-inline">{unusable}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      aria-label={`Restaurer la sauvegarde du ${date}`}
                      onClick={() => onRestore(b)}
                    >
                      Restaurer
                    </button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
