/**
 * The backups folder, `<dataDir>/backups/`: listing, making, checking and pruning backup files.
 * Only files whose name the application makes are listed, opened or deleted.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import {
  backupCreatedAt,
  parseBackupName,
  type BackupInfo,
  type BackupReason,
} from '../../../shared/domain/backups'
import { DomainError } from '../../../shared/errors'
import {
  copyDatabaseOnline,
  freeBackupName,
  headerSchemaVersion,
  inspectDatabaseFile,
  REQUIRED_TABLES,
} from '../db/backup'
import type { Db } from '../db/connection'
import { backupsToDelete, DEFAULT_RETENTION, type RetentionPolicy } from './retention'

/** Name of the backups folder inside the data directory. */
export const BACKUPS_FOLDER = 'backups'

const INVALID_NAME =
  'Nom de sauvegarde invalide : choisissez une sauvegarde dans la liste de la page « Sauvegardes ».'

/** Backups of one data directory. */
export class BackupStore {
  /** Absolute path of the backups folder (created on the first backup). */
  readonly dir: string

  constructor(
    dataDir: string,
    private readonly now: () => number,
    private readonly nativeBinding?: string,
    private readonly policy: RetentionPolicy = DEFAULT_RETENTION,
  ) {
    this.dir = resolve(dataDir, BACKUPS_FOLDER)
  }

  /** Every backup in the folder, newest first; an empty list when the folder does not exist yet. */
  list(): BackupInfo[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir)
      .flatMap((name) => {
        const parsed = parseBackupName(name)
        if (!parsed) return []
        const info = this.describe(name)
        return info ? [{ info, ms: parsed.createdAtMs, copy: parsed.copy }] : []
      })
      .sort((a, b) => b.ms - a.ms || b.copy - a.copy)
      .map((entry) => entry.info)
  }

  /**
   * The absolute path of a backup named by the API, inside the folder and nowhere else.
   * @throws DomainError INVALID_INPUT for a name the application does not make (paths, `..`, NUL,
   *   other extensions); NOT_FOUND when no such backup exists
   */
  pathOf(name: string): string {
    if (parseBackupName(name) === null) throw new DomainError('INVALID_INPUT', INVALID_NAME, { name })
    const path = resolve(this.dir, name)
    // The name's pattern already rules out separators; this keeps the guarantee if it ever changes.
    if (!path.startsWith(this.dir + sep)) throw new DomainError('INVALID_INPUT', INVALID_NAME, { name })
    if (!existsSync(path)) {
      throw new DomainError(
        'NOT_FOUND',
        `La sauvegarde « ${name} » n’est plus dans le dossier des sauvegardes : actualisez la liste et choisissez-en une autre.`,
        { name },
      )
    }
    return path
  }

  /**
   * Copies the live database into the folder (SQLite online backup), then deletes what the
   * retention policy no longer keeps.
   * @returns the new backup
   * @throws the SQLite or file-system error when the copy fails (no partial file is left)
   */
  async create(db: Db, reason: BackupReason): Promise<BackupInfo> {
    const name = freeBackupName(this.dir, this.now(), reason)
    await copyDatabaseOnline(db, this.dir, name, this.nativeBinding)
    this.prune()
    const info = this.describe(name)
    if (!info) throw new Error(`La sauvegarde ${name} a disparu juste après avoir été écrite.`)
    return info
  }

  /**
   * Opens the backup read-only and checks that it can replace the live database: SQLite's
   * `integrity_check` is `ok`, its schema is not newer than `supportedVersion`, and it has the
   * application's tables. Nothing is written.
   * @returns the backup, as listed
   * @throws DomainError INVALID_INPUT (French, says what to do) when it cannot be used; NOT_FOUND
   */
  verify(name: string, supportedVersion: number): BackupInfo {
    const path = this.pathOf(name)
    const refuse = (why: string, detail?: string): never => {
      throw new DomainError(
        'INVALID_INPUT',
        `La sauvegarde « ${name} » ne peut pas être restaurée : ${why} Rien n’a été remplacé ; choisissez une autre sauvegarde.`,
        { name, detail },
      )
    }
    const found = inspectDatabaseFile(path, 'integrity', this.nativeBinding)
    switch (found.status) {
      case 'unreadable':
        return refuse('ce n’est pas une base de données lisible.', found.detail)
      case 'damaged':
        return refuse('elle est endommagée (la vérification d’intégrité de SQLite a échoué).', found.detail)
      case 'busy':
        return refuse('elle est ouverte par un autre programme.', found.detail)
      case 'ok':
        break
    }
    if (found.schemaVersion > supportedVersion) {
      refuse(
        `elle vient d’une version plus récente de Mutualisation (schéma ${found.schemaVersion}, cette version connaît le schéma ${supportedVersion}). Installez la dernière version pour la restaurer.`,
      )
    }
    const missing = REQUIRED_TABLES.filter((table) => !found.tables.includes(table))
    if (found.schemaVersion < 1 || missing.length > 0) {
      refuse(
        `ce n’est pas une base Mutualisation complète${missing.length > 0 ? ` (tables manquantes : ${missing.join(', ')})` : ''}.`,
      )
    }
    const info = this.describe(name)
    if (!info) return refuse('le fichier a disparu pendant la vérification.')
    return info
  }

  /**
   * Deletes the backups the retention policy does not keep (`retention.ts`), and copies left
   * half-written by an interrupted backup.
   * @returns the names deleted, newest first
   */
  prune(): string[] {
    if (!existsSync(this.dir)) return []
    const files = readdirSync(this.dir)
    const doomed = backupsToDelete(files, this.policy)
    for (const name of doomed) rmSync(join(this.dir, name), { force: true })
    const hour = 3_600_000
    for (const name of files) {
      if (!name.endsWith('.partial')) continue
      const path = join(this.dir, name)
      // A partial file this young may belong to a backup another process is still writing. File
      // times are on the machine's clock, not the application's (which tests fix).
      if (Date.now() - statSync(path).mtimeMs > hour) rmSync(path, { force: true })
    }
    return doomed
  }

  private describe(name: string): BackupInfo | null {
    const parsed = parseBackupName(name)
    if (!parsed) return null
    const path = join(this.dir, name)
    let sizeBytes: number
    try {
      const stat = statSync(path)
      if (!stat.isFile()) return null
      sizeBytes = stat.size
    } catch {
      return null
    }
    return {
      name,
      reason: parsed.reason,
      createdAt: backupCreatedAt(parsed),
      sizeBytes,
      schemaVersion: headerSchemaVersion(path),
    }
  }
}
