import type { ReactNode } from 'react'
import type { BackupInfo } from '../../../../shared/domain/backups'
import { Modal } from '../../components/Modal'
import { backupReasonLabel, formatBackupDate } from './model'

interface RestoreDialogProps {
  readonly backup: BackupInfo
  /** What happens to the data in place now (kept as a backup, or a damaged file moved aside). */
  readonly consequence: ReactNode
  readonly restoring: boolean
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

/** Asks before a restore, saying what will be replaced, by what, and what is kept. */
export function RestoreDialog({ backup, consequence, restoring, onConfirm, onCancel }: RestoreDialogProps) {
  return (
    <Modal
      title="Restaurer cette sauvegarde ?"
      onClose={restoring ? () => undefined : onCancel}
      footer={
        <>
          <button type="button" className="button" disabled={restoring} onClick={onCancel}>
            Annuler
          </button>
          <button type="button" className="button button--danger" disabled={restoring} onClick={onConfirm}>
            {restoring ? 'Restauration…' : 'Oui, restaurer'}
          </button>
        </>
      }
    >
      <div className="restore-dialog" data-testid="restore-dialog">
        <p>
          Les données de Mutualisation vont être remplacées par celles de la sauvegarde{' '}
          {backupReasonLabel(backup.reason)} du <strong>{formatBackupDate(backup.createdAt)}</strong>.
        </p>
        <p>{consequence}</p>
        <p>
          Ce qui a été saisi depuis cette date (réservations, inventaire, retours…) n’apparaîtra plus. La
          sauvegarde est vérifiée avant que quoi que ce soit ne soit remplacé ; la page se recharge ensuite.
        </p>
      </div>
    </Modal>
  )
}
