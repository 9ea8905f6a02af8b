/**
 * The live database of a data directory, as the backend holds it: opened after a check, or not
 * opened at all (recovery mode) when the file cannot be read safely; backed up daily and on demand;
 * replaced by a backup without restarting the process. Services reach the connection through
 * `db()` at each call, so a restore is seen by every call that follows it.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BackupInfo, BackupReason, RestoreResult, SystemStatus } from '../../../shared/domain/backups'
import type { AuditEntry } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { addDaysToDate, instantToLocalDate, startOfLocalDate } from '../../../shared/time'
import { holdFolderLock, inspectDatabaseFile, isLockedCode, sqliteCode } from '../db/backup'
import { DATABASE_FILE, openDatabase, writeTransaction, type Db } from '../db/connection'
import { migrations } from '../db/migrations'
import { appendAudit, listJournal } from '../db/repositories/audit'
import { installDatabaseFile, moveDamagedAside } from './files'
import { BackupStore } from './store'

/** File of the data directory whose lock says that an instance runs on it. */
export const LOCK_FILE = 'mutualisation.lock'

/** Thrown by `openStorage` when another running Mutualisation holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, detail?: string) {
    super(
      `Mutualisation est déjà ouverte sur ce dossier de données (${dataDir}) : dans une autre fenêtre ou en mode navigateur. ` +
        'Fermez l’autre instance, puis relancez ; si aucune n’est ouverte, attendez quelques secondes et réessayez.',
    )
    this.name = 'DataDirLockedError'
    if (detail) this.cause = detail
  }
}

/** What every call but `system.status`, `backups.list` and `backups.restore` answers in recovery mode. */
export const RECOVERY_MESSAGE =
  'La base de données est endommagée : Mutualisation fonctionne en mode récupération et ne peut ni lire ni enregistrer de données. ' +
  'Restaurez une sauvegarde depuis l’écran de récupération.'

interface Problem {
  readonly message: string
  readonly detail: string
}

export interface StorageOptions {
  readonly dataDir: string
  readonly nativeBinding?: string
  /** The current instant, epoch ms. */
  readonly now: () => number
  /** Take the data directory's lock (`LOCK_FILE`): one running instance per folder. */
  readonly lockDataDir?: boolean
}

/** Who restores: the journal's author and the id of its entry. */
export interface RestoreAuthor {
  readonly actor: string
  readonly newId: () => string
}

/** The schema version this build of the application writes. */
export const SUPPORTED_SCHEMA = migrations.at(-1)?.version ?? 0

/** The live database of one data directory (see the module's comment). */
export class Storage {
  readonly dataDir: string
  readonly databasePath: string
  readonly backups: BackupStore
  private live: Db | null
  private problem: Problem | null
  private lock: Db | null
  private queue: Promise<unknown> = Promise.resolve()
  /** The Paris day last checked for a daily backup, as `[dayStart, nextDayStart)` epoch ms. */
  private dayStart = 0
  private nextDayStart = 0
  private closed = false

  constructor(
    private readonly options: StorageOptions,
    opened: { live: Db } | { problem: Problem },
    lock: Db | null,
  ) {
    this.dataDir = resolve(options.dataDir)
    this.databasePath = join(this.dataDir, DATABASE_FILE)
    this.backups = new BackupStore(this.dataDir, options.now, options.nativeBinding)
    this.live = 'live' in opened ? opened.live : null
    this.problem = 'problem' in opened ? opened.problem : null
    this.lock = lock
  }

  get mode(): 'normal' | 'recovery' {
    return this.live ? 'normal' : 'recovery'
  }

  /**
   * The live connection, for one service call.
   * @throws DomainError RECOVERY_MODE when the database is not open (recovery mode)
   */
  db(): Db {
    if (!this.live) throw new DomainError('RECOVERY_MODE', RECOVERY_MESSAGE)
    return this.live
  }

  /** `system.status`. */
  status(): SystemStatus {
    const base = {
      databasePath: this.databasePath,
      backupsPath: this.backups.dir,
      supportedSchemaVersion: SUPPORTED_SCHEMA,
    }
    if (this.live || !this.problem) return { mode: 'normal', ...base }
    return { mode: 'recovery', problem: this.problem.message, detail: this.problem.detail, ...base }
  }

  /**
   * Backs the live database up now (SQLite online backup), after any backup or restore under way.
   * @throws DomainError RECOVERY_MODE in recovery mode
   */
  backup(reason: BackupReason): Promise<BackupInfo> {
    return this.serialized(() => this.backups.create(this.db(), reason))
  }

  /**
   * The daily backup, at the first use of each day (Europe/Paris): called when the backend opens an
   * existing database and before every call. Does nothing when a daily backup of today exists.
   * Runs in the background; a failure is logged, and the next day tries again.
   */
  dailyBackupIfDue(): void {
    if (this.closed || !this.live) return
    const now = this.options.now()
    // Checked before every call: one comparison until the next Paris midnight.
    if (now >= this.dayStart && now < this.nextDayStart) return
    const today = this.markDay(now)
    const done = this.backups
      .list()
      .some((b) => b.reason === 'daily' && instantToLocalDate(Date.parse(b.createdAt)) === today)
    if (done) return
    this.backup('daily').catch((error: unknown) => {
      // Closing the backend interrupts a backup under way: that is not a failure to report.
      if (!this.closed) console.error('[sauvegarde] la sauvegarde quotidienne a échoué :', error)
    })
  }

  /** Marks today's daily backup as not needed (a database created today holds nothing to save yet). */
  skipTodaysDailyBackup(): void {
    this.markDay(this.options.now())
  }

  /** Remembers the Paris day of `now` (epoch ms) as checked; returns it (`YYYY-MM-DD`). */
  private markDay(now: number): string {
    const today = instantToLocalDate(now)
    this.dayStart = startOfLocalDate(today)
    this.nextDayStart = startOfLocalDate(addDaysToDate(today, 1))
    return today
  }

  /**
   * Replaces the live database with a backup, without restarting: checks the backup (read-only,
   * `BackupStore.verify`) before touching anything; keeps the current database as a
   * `before-restore` backup (in recovery mode, moves the damaged file to `damaged/` instead);
   * closes the connection, installs a copy of the backup, reopens it (migrating an older one) and
   * journals the restore in it (`audit_log`: entity `database`, action `restore`).
   * @throws DomainError INVALID_INPUT / NOT_FOUND when the backup cannot be used (nothing replaced);
   *   INTERNAL when the restored file cannot be opened (the previous database is put back)
   */
  restore(name: string, author: RestoreAuthor): Promise<RestoreResult> {
    return this.serialized(async () => {
      const chosen = this.backups.verify(name, SUPPORTED_SCHEMA)
      const source = this.backups.pathOf(name)
      const current = this.live
      const keptAs = current ? await this.backups.create(current, 'before-restore') : null
      // Between here and the reopening nothing awaits: no other call can see a closed database.
      current?.close()
      this.live = null
      const damagedFile = current ? null : this.moveDamagedFile()
      let restored: Db
      try {
        installDatabaseFile(source, this.databasePath)
        restored = openDatabase(this.dataDir, this.options.nativeBinding, this.options.now)
      } catch (error) {
        console.error('[sauvegarde] la restauration a échoué :', error)
        this.putBack(keptAs, error)
        throw new DomainError(
          'INTERNAL',
          `La sauvegarde « ${name} » n’a pas pu être ouverte après sa copie ; ` +
            (keptAs ? 'la base précédente a été remise en place. ' : '') +
            'Essayez une autre sauvegarde ; si cela se reproduit, signalez-le.',
        )
      }
      const schemaVersion = restored.pragma('user_version', { simple: true }) as number
      writeTransaction(restored, () =>
        appendAudit(restored, {
          id: author.newId(),
          at: new Date(this.options.now()).toISOString(),
          actor: author.actor,
          entity: 'database',
          entityId: DATABASE_FILE,
          action: 'restore',
          // Nothing of the database is "before" a restore in the journal's sense: what was restored, and
          // where the replaced (or damaged) file went, are all facts of the restore itself.
          before: null,
          after: {
            backup: chosen.name,
            reason: chosen.reason,
            createdAt: chosen.createdAt,
            schemaVersion,
            ...(keptAs ? { keptAs: keptAs.name } : { damagedFile }),
          },
        }),
      )
      this.live = restored
      this.problem = null
      return { restored: chosen, keptAs, damagedFile, schemaVersion }
    })
  }

  /** `backups.journal`: the restores journaled in the live database, newest first. */
  journal(): AuditEntry[] {
    return listJournal(this.db(), { entity: 'database', limit: 200 }).entries
  }

  /** Closes the database and releases the data directory; the storage is unusable afterwards. */
  close(): void {
    this.closed = true
    this.live?.close()
    this.live = null
    this.lock?.close()
    this.lock = null
  }

  /**
   * Recovery mode: moves the damaged file out of the way (`files.ts`, bytes unchanged).
   * @throws DomainError INTERNAL (French) when it cannot be moved, e.g. another program holds it open
   */
  private moveDamagedFile(): string {
    try {
      return moveDamagedAside(this.dataDir, DATABASE_FILE, this.options.now())
    } catch (error) {
      throw new DomainError(
        'INTERNAL',
        `Le fichier de données endommagé n’a pas pu être mis de côté (${error instanceof Error ? error.message : String(error)}) : ` +
          'fermez tout programme qui l’utilise (sauvegarde en cours, antivirus, autre logiciel), puis réessayez. Rien n’a été remplacé.',
      )
    }
  }

  /** After a failed restore: reinstalls the database it replaced, or stays in recovery mode. */
  private putBack(keptAs: BackupInfo | null, failure: unknown): void {
    const detail = failure instanceof Error ? failure.message : String(failure)
    try {
      if (!keptAs) throw failure
      installDatabaseFile(this.backups.pathOf(keptAs.name), this.databasePath)
      this.live = openDatabase(this.dataDir, this.options.nativeBinding, this.options.now)
    } catch {
      this.problem = {
        message:
          'La restauration d’une sauvegarde a échoué et la base de données n’a pas pu être rouverte. Restaurez une autre sauvegarde.',
        detail,
      }
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }
}

/** The first words of a damaged or unreadable file, in French, for the recovery screen. */
function problemOf(status: 'unreadable' | 'damaged', detail: string): Problem {
  return {
    message:
      status === 'damaged'
        ? 'Le fichier de données est endommagé : la vérification faite par SQLite au démarrage a trouvé des erreurs. Mutualisation ne l’a ni modifié ni écrasé.'
        : 'Le fichier de données ne peut pas être lu comme une base de données : il a pu être abîmé (disque, coupure de courant) ou remplacé par un autre fichier. Mutualisation ne l’a ni modifié ni écrasé.',
    detail,
  }
}

/**
 * Opens the live database of `options.dataDir` for the backend:
 * 1. with `lockDataDir`, takes the folder's lock, or throws DataDirLockedError;
 * 2. an existing file is first checked read-only with `PRAGMA quick_check`; when it is not a database,
 *    or damaged, it is left as it is and the storage opens in recovery mode;
 * 3. otherwise opens it read-write and migrates it (`openDatabase`), and starts today's daily backup.
 * @returns the storage and whether the database file was created now
 * @throws DataDirLockedError when another instance holds the folder, or SQLite stays busy;
 *   DatabaseTooNewError (connection.ts) when the file belongs to a newer version (left untouched)
 */
export function openStorage(options: StorageOptions): { storage: Storage; created: boolean } {
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })
  let lock: Db | null = null
  if (options.lockDataDir) {
    try {
      lock = holdFolderLock(join(dataDir, LOCK_FILE), options.nativeBinding)
    } catch (error) {
      if (isLockedCode(sqliteCode(error))) throw new DataDirLockedError(dataDir, String(error))
      throw error
    }
  }
  try {
    const path = join(dataDir, DATABASE_FILE)
    const existed = existsSync(path) && statSync(path).size > 0
    if (existed) {
      const found = inspectDatabaseFile(path, 'quick', options.nativeBinding)
      if (found.status === 'busy') throw new DataDirLockedError(dataDir, found.detail)
      if (found.status !== 'ok') {
        return {
          storage: new Storage(options, { problem: problemOf(found.status, found.detail) }, lock),
          created: false,
        }
      }
    }
    let live: Db
    try {
      live = openDatabase(dataDir, options.nativeBinding, options.now)
    } catch (error) {
      const code = sqliteCode(error)
      if (isLockedCode(code)) throw new DataDirLockedError(dataDir, String(error))
      if (existed && (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
        const detail = error instanceof Error ? error.message : String(error)
        return {
          storage: new Storage(options, { problem: problemOf('damaged', detail) }, lock),
          created: false,
        }
      }
      throw error
    }
    const storage = new Storage(options, { live }, lock)
    if (existed) storage.dailyBackupIfDue()
    else storage.skipTodaysDailyBackup()
    return { storage, created: !existed }
  } catch (error) {
    lock?.close()
    throw error
  }
}

/** What services and handlers may do with the storage (`ServiceContext.storage`). */
export type StorageAccess = Pick<Storage, 'status' | 'backups' | 'backup' | 'restore' | 'journal'>
