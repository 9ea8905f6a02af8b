import { useEffect } from 'react'
import { Banner, EmptyState, Loading, LoadError } from '../../components/Feedback'
import { useNavigation } from '../../stores/navigation'
import { BackupTable } from './BackupTable'
import { formatBackupDate, restoredHash, restoreLines } from './model'
import { RestoreDialog } from './RestoreDialog'
import { useBackups } from './store'
import './backups.css'

/** Reloads the whole application on the Sauvegardes page, which then says what was restored. */
function reloadAfterRestore(name: string, keptAs: string | null): void {
  window.location.hash = restoredHash(name, keptAs)
  window.location.reload()
}

/** Sauvegardes: the backups of the database, « Sauvegarder maintenant », restores and their journal. */
export function BackupsPage() {
  const b = useBackups()
  const query = useNavigation((s) => s.params.query)
  const load = b.load
  useEffect(() => {
    void load()
  }, [load])

  const restore = async () => {
    const result = await b.restore()
    if (result) reloadAfterRestore(result.restored.name, result.keptAs?.name ?? null)
  }
  const journal = restoreLines(b.journal)
  const busy = b.creating || b.restoring !== null

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div className="backups__intro">
          <h1 id="page-title">Sauvegardes</h1>
          <p className="page__subtitle">
            Copies complètes de la base de données, faites par Mutualisation chaque jour et avant chaque mise
            à jour, import ou restauration.
          </p>
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || b.status !== 'ready'}
          onClick={() => void b.create()}
        >
          {b.creating ? 'Sauvegarde en cours…' : 'Sauvegarder maintenant'}
        </button>
      </header>

      {query.restauree ? (
        <Banner tone="success">
          <p data-testid="restore-done">
            La sauvegarde « {query.restauree} » a été restaurée.
            {query.conservee
              ? ` Les données remplacées sont conservées dans la sauvegarde « ${query.conservee} ».`
              : ''}
          </p>
        </Banner>
      ) : null}
      {b.created ? (
        <Banner tone="success">
          <p data-testid="backup-created">Sauvegarde faite le {formatBackupDate(b.created.createdAt)}.</p>
        </Banner>
      ) : null}
      {b.error && b.status === 'ready' ? (
        <Banner tone="error" onDismiss={b.dismissError}>
          <p>{b.error}</p>
        </Banner>
      ) : null}

      <section className="card" aria-labelledby="backups-title">
        <header className="card__header">
          <h2 id="backups-title" className="card__title">
            Sauvegardes disponibles{b.status === 'ready' ? ` (${b.backups.length})` : ''}
          </h2>
        </header>
        {b.status === 'error' && b.error ? (
          <LoadError message={b.error} onRetry={() => void load()} />
        ) : b.status !== 'ready' ? (
          <Loading label="Chargement des sauvegardes…" />
        ) : b.backups.length === 0 ? (
          <EmptyState title="Aucune sauvegarde pour l’instant">
            <p>
              La première est faite demain à la première utilisation, ou maintenant avec le bouton ci-dessus.
            </p>
          </EmptyState>
        ) : (
          <BackupTable
            backups={b.backups}
            supportedSchemaVersion={b.system?.supportedSchemaVersion ?? Number.MAX_SAFE_INTEGER}
            onRestore={b.ask}
            busy={busy}
          />
        )}
      </section>

      <div className="backups__side">
        <section className="card" aria-labelledby="restores-title">
          <h2 id="restores-title" className="aside__title">
            Restaurations
          </h2>
          {journal.length === 0 ? (
            <p className="aside__note">Aucune restauration n’a été faite sur ces données.</p>
          ) : (
            <ol className="backups__journal" data-testid="restore-journal">
              {journal.map((line) => (
                <li key={line.id}>
                  <strong>{line.what}</strong>
                  <span className="backups__meta">
                    le {line.when} · {line.actor}
                  </span>
                  {line.kept ? <span className="backups__meta">{line.kept}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="card" aria-labelledby="kept-title">
          <h2 id="kept-title" className="aside__title">
            Ce qui est gardé
          </h2>
          <p className="aside__note">
            Les 14 dernières sauvegardes quotidiennes, puis une par semaine sur 8 semaines. Les sauvegardes
            manuelles sont toutes gardées ; celles faites avant une mise à jour, un import ou une
            restauration, les 60 dernières de chaque sorte.
          </p>
          {b.system ? (
            <p className="aside__note">
              Dossier : <span className="mono backups__path">{b.system.backupsPath}</span>
            </p>
          ) : null}
        </section>
      </div>

      {b.confirming ? (
        <RestoreDialog
          backup={b.confirming}
          restoring={b.restoring !== null}
          onCancel={() => b.ask(null)}
          onConfirm={() => void restore()}
          consequence={
            <>
              Avant cela, les données actuelles sont conservées dans une nouvelle sauvegarde « avant une
              restauration » : vous pourrez y revenir depuis cette page.
            </>
          }
        />
      ) : null}
    </section>
  )
}
