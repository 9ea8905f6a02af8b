/**
 * Numbered migrations tracked by `PRAGMA user_version` (STYLE.md, practice 6).
 */
import type Database from 'better-sqlite3'
import { copyDatabaseByVacuum, freeBackupName } from './backup'

/** One schema step. `up` runs inside the migration transaction; it must not open its own. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly up: (db: Database.Database) => void
}

/** Thrown when the file was written by a newer version of the application: it is left untouched. */
export class DatabaseTooNewError extends Error {
  constructor(found: number, supported: number) {
    super(
      `Cette base de données a été créée par une version plus récente de Mutualisation (schéma ${found}, ` +
        `cette version connaît le schéma ${supported}). Installez la dernière version ; la base n'a pas été modifiée.`,
    )
    this.name = 'DatabaseTooNewError'
  }
}

/**
 * Copies the whole database to `backupDir` before a migration, as
 * `<backupDir>/<UTC timestamp>-before-migration.sqlite` (listed and restorable like every backup).
 *
 * `VACUUM INTO`, not the online backup API the other backups use: better-sqlite3's `backup()` is
 * asynchronous, while `migrate` runs inside `openDatabase`, which every caller (Electron's startup,
 * browser mode, the tests, a second process) needs synchronous. `VACUUM INTO` gives the same thing,
 * a consistent snapshot with the WAL's content, and it runs before the migration's transaction.
 * @returns the path of the copy
 */
export function backupDatabase(db: Database.Database, backupDir: string, now: number): string {
  return copyDatabaseByVacuum(db, backupDir, freeBackupName(backupDir, now, 'before-migration'))
}

/**
 * Brings the schema to the last migration's version. A database holding data is copied to
 * `backupDir` first; all pending migrations then run in one transaction, so a failure leaves the
 * file as it was.
 * @returns the backup's path, or null when nothing ran or the database was new
 * @throws DatabaseTooNewError when `user_version` is above the last known migration
 */
export function migrate(
  db: Database.Database,
  list: readonly Migration[],
  backupDir: string,
  now: () => number,
  target: number = list.at(-1)?.version ?? 0,
): string | null {
  const current = db.pragma('user_version', { simple: true }) as number
  const supported = list.at(-1)?.version ?? 0
  if (current > supported) throw new DatabaseTooNewError(current, supported)
  const pending = list.filter((m) => m.version > current && m.version <= target)
  if (pending.length === 0) return null
  const backup = current > 0 ? backupDatabase(db, backupDir, now()) : null
  db.transaction(() => {
    for (const m of pending) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
  return backup
}
