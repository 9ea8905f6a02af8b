import { useEffect } from 'react'
import { Banner, Loading, LoadError } from '../../components/Feedback'
import { BackupTable } from '../backups/BackupTable'
import {
  backupReasonLabel,
  formatBackupDate,
  formatSize,
  newestUsableBackup,
  restoredHash,
} from '../backups/model'
import { RestoreDialog } from '../backups/RestoreDialog'
import { useBackups } from '../backups/store'
import '../backups/backups.css'

/**
 * Shown instead of the application when the database could not be read safely at start: what
 * happened, where the file is, and the backups to restore (the newest usable one first).
 */
export function RecoveryScreen() {
  const b = useBackups()
  const load = b.load
  useEffect(() => {
    void load(true)
  }, [load])

  const system = b.system
  const supported = system?.supportedSchemaVersion ?? Number.MAX_SAFE_INTEGER
  const newest = newestUsableBackup(b.backups, supported)
  const others = b.backups.filter((x) => x.name !== newest?.name)
  const restore = async () => {
    const result = await b.restore()
    if (!result) return
    window.location.hash = restoredHash(result.restored.name, null)
    window.location.reload()
  }

  return (
    <main className="recovery" data-testid="recovery-screen">
      <div className="recovery__panel">
        <div className="recovery__brand">
          <span className="sidebar__logo" aria-hidden="true">
            M
          </span>
          Mutualisation · mode récupération
        </div>
        <h1 className="recovery__title">Les données ne peuvent pas être ouvertes</h1>
        <p className="recovery__lead" data-testid="recovery-problem">
          {system?.problem ?? 'Le fichier de données n’a pas pu être vérifié au démarrage.'}
        </p>
        <section className="card">
          <dl className="recovery__facts">
            <dt>Fichier</dt>
            <dd className="mono" data-testid="recovery-file">
              {system?.databasePath ?? '…'}
            </dd>
            <dt>Sauvegardes</dt>
            <dd className="mono">{system?.backupsPath ?? '…'}</dd>
            {system?.detail ? (
              <>
                <dt>Détail technique</dt>
                <dd className="mono">{system.detail}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <p className="recovery__lead">
          Pour reprendre le travail, restaurez une sauvegarde. Le fichier endommagé n’est pas effacé : il est
          déplacé, tel quel, dans le dossier « damaged » à côté, pour qu’un informaticien puisse tenter d’en
          récupérer le contenu. Ce qui a été saisi après la sauvegarde choisie sera à ressaisir.
        </p>

        {b.error && b.status === 'ready' ? (
          <Banner tone="error" onDismiss={b.dismissError}>
            <p>{b.error}</p>
          </Banner>
        ) : null}

        {b.status === 'error' && b.error ? (
          <LoadError message={b.error} onRetry={() => void load(true)} />
        ) : b.status !== 'ready' ? (
          <Loading label="Recherche des sauvegardes…" />
        ) : newest ? (
          <section
            className="card recovery__offer"
            aria-labelledby="recovery-newest"
            data-testid="recovery-newest"
          >
            <div>
              <h2 id="recovery-newest" className="card__title">
                Sauvegarde la plus récente
              </h2>
              <p>
                {formatBackupDate(newest.createdAt).replace(/^./, (c) => c.toUpperCase())} — sauvegarde{' '}
                {backupReasonLabel(newest.reason)}, {formatSize(newest.sizeBytes)}
              </p>
            </div>
            <button
              type="button"
              className="button button--primary"
              disabled={b.restoring !== null}
              onClick={() => b.ask(newest)}
            >
              Restaurer cette sauvegarde
            </button>
          </section>
        ) : (
          <Banner tone="warning">
            <p>
              Aucune sauvegarde utilisable n’a été trouvée dans le dossier des sauvegardes. Ne supprimez pas
              le fichier de données : contactez la personne qui gère l’informatique de la Communauté de
              Communes.
            </p>
          </Banner>
        )}

        {b.status === 'ready' && others.length > 0 ? (
          <section className="card" aria-labelledby="recovery-others">
            <header className="card__header">
              <h2 id="recovery-others" className="card__title">
                Autres sauvegardes ({others.length})
              </h2>
            </header>
            <BackupTable
              backups={others}
              supportedSchemaVersion={supported}
              onRestore={b.ask}
              busy={b.restoring !== null}
            />
          </section>
        ) : null}
      </div>

      {b.confirming ? (
        <RestoreDialog
          backup={b.confirming}
          restoring={b.restoring !== null}
          onCancel={() => b.ask(null)}
          onConfirm={() => void restore()}
          consequence={
            <>
              Le fichier de données endommagé est d’abord mis de côté dans le dossier « damaged », sans être
              modifié.
            </>
          }
        />
      ) : null}
    </main>
  )
}
