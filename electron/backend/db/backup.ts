/**
 * The SQLite side of backups, checks and the data folder's lock: copies of a live connection
 * (online backup API or `VACUUM INTO`), read-only inspection of a file (`quick_check` or
 * `integrity_check`, `user_version`, tables), and the exclusive lock one running instance holds.
 * Files are only named and moved in `electron/backend/backups/`.
 */
import Database from 'better-sqlite3'
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { backupFileName, type BackupReason } from '../../../shared/domain/backups'
import type { Db } from './connection'

/** Tables every Mutualisation database has had since schema 1: a file without them is not ours. */
export const REQUIRED_TABLES = [
  'hubs',
  'communes',
  'categories',
  'resources',
  'bookings',
  'booking_items',
  'unavailabilities',
  'booking_references',
  'audit_log',
] as const

/** SQLite's result code of a failure (`SQLITE_BUSY`, `SQLITE_NOTADB`…), or null for other errors. */
export function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error)) return null
  const code = (error as { code: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

/** True for the codes that mean "another connection holds the file": busy or locked. */
export function isLockedCode(code: string | null): boolean {
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

/** What a read-only look at a database file found. */
export type Inspection =
  | { readonly status: 'ok'; readonly schemaVersion: number; readonly tables: readonly string[] }
  /** Not a database, or cannot be opened or read (`detail`: SQLite's words). */
  | { readonly status: 'unreadable'; readonly detail: string }
  /** A database whose check found problems (`detail`: the first ones, SQLite's words). */
  | { readonly status: 'damaged'; readonly detail: string; readonly problems: number }
  /** Another connection holds a lock that did not clear within the busy timeout. */
  | { readonly status: 'busy'; readonly detail: string }

const CHECK_ROWS = 20

/**
 * Opens `path` read-only (never creating it, never writing to it, never checkpointing its WAL) and
 * checks it: `PRAGMA quick_check` (O(N), the check run at every start) or `PRAGMA integrity_check`
 * (also compares indexes with their tables; the check before a restore).
 * @param nativeBinding better-sqlite3 addon for another runtime (Electron), as in `openDatabase`
 * @example inspectDatabaseFile('/data/backups/2026-11-30T10-15-00Z-daily.sqlite', 'integrity')
 */
export function inspectDatabaseFile(
  path: string,
  check: 'quick' | 'integrity',
  nativeBinding?: string,
): Inspection {
  let db: Db
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
  } catch (error) {
    return failedInspection(error)
  }
  try {
    const pragma = check === 'quick' ? 'quick_check' : 'integrity_check'
    const rows = db.pragma(`${pragma}(${CHECK_ROWS})`, { simple: false }) as Record<string, string>[]
    const messages = rows.map((row) => String(Object.values(row)[0]))
    if (messages.length !== 1 || messages[0] !== 'ok') {
      return { status: 'damaged', detail: messages.slice(0, 3).join(' ; '), problems: messages.length }
    }
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    const tables = (
      db.pragma('table_list', { simple: false }) as { schema: string; name: string; type: string }[]
    )
      .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
      .map((t) => t.name)
    return { status: 'ok', schemaVersion, tables }
  } catch (error) {
    return failedInspection(error)
  } finally {
    db.close()
  }
}

function failedInspection(error: unknown): Inspection {
  const code = sqliteCode(error)
  const detail = error instanceof Error ? error.message : String(error)
  if (isLockedCode(code)) return { status: 'busy', detail }
  if (code?.startsWith('SQLITE_CORRUPT')) return { status: 'damaged', detail, problems: 1 }
  return { status: 'unreadable', detail }
}

/**
 * `PRAGMA user_version` read from the 100-byte header of a database file (offset 60, big-endian),
 * without opening it with SQLite; null when the file is not a SQLite database or cannot be read.
 * Exact for the backups the application makes, which are in rollback-journal mode (no WAL).
 */
export function headerSchemaVersion(path: string): number | null {
  let fd: number | null = null
  try {
    fd = openSync(path, 'r')
    const header = Buffer.alloc(100)
    if (readSync(fd, header, 0, 100, 0) < 100) return null
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return null
    return header.readUInt32BE(60)
  } catch {
    return null
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/** The first free name for a backup made at `ms` (epoch ms) for `reason` in `dir` (`-2`, `-3`… if taken). */
export function freeBackupName(dir: string, ms: number, reason: BackupReason): string {
  for (let copy = 1; copy <= 999; copy += 1) {
    const name = backupFileName(ms, reason, copy)
    if (!existsSync(join(dir, name))) return name
  }
  throw new Error(`Plus de 999 sauvegardes « ${reason} » dans la même seconde dans ${dir}.`)
}

/** A name for a file being written, that `parseBackupName` never accepts (so never listed). */
function partialPath(dir: string, name: string): string {
  return join(dir, `.${name}.${process.pid}.partial`)
}

/**
 * Copies the live database to `<dir>/<name>` with SQLite's online backup API: page by page, between
 * other work of the same connection, a consistent snapshot (WAL included). The copy is written under
 * a temporary name, switched to rollback-journal mode (a backup is one self-contained file, which
 * opens read-only without leaving `-wal`/`-shm` beside it), then renamed.
 * @returns the copy's absolute path
 * @throws the SQLite error when the source closes or the disk is full (no partial file is left)
 */
export async function copyDatabaseOnline(
  db: Db,
  dir: string,
  name: string,
  nativeBinding?: string,
): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const target = join(dir, name)
  const partial = partialPath(dir, name)
  try {
    await db.backup(partial)
    const copy = new Database(partial, nativeBinding ? { nativeBinding } : {})
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    renameSync(partial, target)
    return target
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

/**
 * Copies the live database to `<dir>/<name>` with `VACUUM INTO`: synchronous, a consistent snapshot
 * (WAL included), compacted, in rollback-journal mode. Used where the caller cannot wait for the
 * asynchronous online backup (before migrating, inside the synchronous open).
 * @returns the copy's absolute path
 */
export function copyDatabaseByVacuum(db: Db, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true })
  const target = join(dir, name)
  const partial = partialPath(dir, name)
  try {
    db.prepare('VACUUM INTO ?').run(partial)
    renameSync(partial, target)
    return target
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

/**
 * Takes the lock that marks a data folder as in use by one running instance: a small SQLite file
 * held in `locking_mode = EXCLUSIVE` after a write, so the operating system keeps the lock until
 * the connection closes or the process ends (even when it crashes: no stale lock to clean up).
 * @returns the lock's connection; close it to release the folder
 * @throws the SQLite error (`SQLITE_BUSY`) when another process or connection holds it
 */
export function holdFolderLock(path: string, nativeBinding?: string): Db {
  const lock = new Database(path, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    lock.pragma('locking_mode = EXCLUSIVE')
    lock.pragma('journal_mode = MEMORY')
    lock.exec('BEGIN EXCLUSIVE; COMMIT')
    return lock
  } catch (error) {
    lock.close()
    throw error
  }
}
