/**
 * Backups of the database file and the application's mode (issue 6, "Trust"). Pure: the names the
 * application gives its backup files, read back and checked here, shared by the backend (which makes
 * and restores them) and the API schema (which refuses any other name).
 */

/**
 * Why a backup was made. `daily`: the first use of each day (Europe/Paris); `manual`: a person asked
 * for it; `before-*`: taken automatically just before a migration, an import or a restore.
 */
export const backupReasons = [
  'daily',
  'manual',
  'before-migration',
  'before-import',
  'before-restore',
] as const
export type BackupReason = (typeof backupReasons)[number]

/** One backup file of `<dataDir>/backups/`, as `backups.list` describes it. */
export interface BackupInfo {
  /** File name, e.g. `2026-11-30T10-15-00Z-daily.sqlite` (the only handle the API accepts). */
  readonly name: string
  readonly reason: BackupReason
  /** When it was made, ISO 8601 UTC to the second (`2026-11-30T10:15:00.000Z`), read from the name. */
  readonly createdAt: string
  /** File size in bytes. */
  readonly sizeBytes: number
  /** `PRAGMA user_version` stored in the file's header; null when the file is not a SQLite database. */
  readonly schemaVersion: number | null
}

/** What `backups.restore` did. */
export interface RestoreResult {
  /** The backup that is now the live database. */
  readonly restored: BackupInfo
  /** The database it replaced, kept as a `before-restore` backup; null in recovery mode (see `damagedFile`). */
  readonly keptAs: BackupInfo | null
  /** In recovery mode, where the damaged file was moved, unchanged (absolute path); null otherwise. */
  readonly damagedFile: string | null
  /** Schema version of the live database after the restore (migrated when the backup was older). */
  readonly schemaVersion: number
}

/** `system.status`: whether the application works normally or only offers to restore a backup. */
export interface SystemStatus {
  /** `recovery`: the database could not be read safely; only the backups can be listed and restored. */
  readonly mode: 'normal' | 'recovery'
  /** In recovery mode, what is wrong, in French, for the person in front of the screen. */
  readonly problem?: string
  /** In recovery mode, SQLite's own words (English), for whoever will look at the file. */
  readonly detail?: string
  /** Absolute path of the live database file. */
  readonly databasePath: string
  /** Absolute path of the backups folder. */
  readonly backupsPath: string
  /** The schema version this build writes: a backup with a higher `schemaVersion` cannot be restored. */
  readonly supportedSchemaVersion: number
}

// `Z-` then the reason; a second backup of the same reason within the same second gets `-2`, `-3`…
const NAME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(daily|manual|before-migration|before-import|before-restore)(?:-([2-9]|[1-9]\d{1,2}))?\.sqlite$/

/** A backup name read back: its instant (epoch ms, whole seconds), its reason, its copy number (1, 2…). */
export interface ParsedBackupName {
  readonly createdAtMs: number
  readonly reason: BackupReason
  readonly copy: number
}

/**
 * Reads a name the application made; null for anything else: other extensions, paths (`../x`,
 * `/etc/x`, `..\\x`), NUL or other characters, impossible dates (`2026-02-30…`).
 * @example parseBackupName('2026-11-30T10-15-00Z-daily.sqlite') // { createdAtMs: Date.UTC(2026, 10, 30, 10, 15), reason: 'daily', copy: 1 }
 */
export function parseBackupName(name: string): ParsedBackupName | null {
  const match = NAME_RE.exec(name)
  if (!match) return null
  const [, y, mo, d, h, mi, s, reason, copy] = match
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  // Date.UTC rolls 30 February over into March: a name that does not read back the same is not ours.
  if (backupTimestamp(ms) !== `${y}-${mo}-${d}T${h}-${mi}-${s}Z`) return null
  return { createdAtMs: ms, reason: reason as BackupReason, copy: copy === undefined ? 1 : Number(copy) }
}

/** True for a name `parseBackupName` accepts. */
export function isBackupName(name: string): boolean {
  return parseBackupName(name) !== null
}

/** `2026-11-30T10-15-00Z`: the UTC instant to the second, with `-` instead of `:` (valid on Windows). */
function backupTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/:/g, '-') + 'Z'
}

/**
 * The file name of a backup made at `ms` (epoch ms, truncated to the second, UTC) for `reason`;
 * `copy` > 1 tells apart backups of the same reason made within the same second.
 * @example backupFileName(Date.UTC(2026, 10, 30, 10, 15), 'daily') // '2026-11-30T10-15-00Z-daily.sqlite'
 * @throws RangeError when `copy` is not an integer from 1 to 999
 */
export function backupFileName(ms: number, reason: BackupReason, copy = 1): string {
  if (!Number.isInteger(copy) || copy < 1 || copy > 999) throw new RangeError(`copy ${copy}`)
  return `${backupTimestamp(ms)}-${reason}${copy > 1 ? `-${copy}` : ''}.sqlite`
}

/** The instant of a backup as `BackupInfo.createdAt` gives it (ISO 8601 UTC). */
export function backupCreatedAt(parsed: ParsedBackupName): string {
  return new Date(parsed.createdAtMs).toISOString()
}
