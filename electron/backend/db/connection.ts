/**
 * Opens the application's SQLite file with the settings every connection needs, and brings its
 * schema up to date (migrations run in one transaction, after a backup copy).
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { addDaysToDate, instantToLocalDate, startOfLocalDate } from '../../../shared/time'
import { migrations } from './migrations'
import { migrate } from './migrate'

export type Db = Database.Database

/** File name of the database inside the data directory. */
export const DATABASE_FILE = 'mutualisation.sqlite'

/**
 * Opens (creating if needed) `<dataDir>/mutualisation.sqlite`: WAL journal, foreign keys on, a 5 s
 * busy timeout so that a second process waits for a write lock instead of failing at once.
 * @param nativeBinding path of a better-sqlite3 addon built for another runtime (Electron), if any
 * @throws Error with a French message when the file belongs to a newer version of the application.
 */
export function openDatabase(dataDir: string, nativeBinding?: string, now: () => number = Date.now): Db {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, DATABASE_FILE)
  const db = new Database(path, nativeBinding ? { nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
    registerLocalToday(db, now)
    migrate(db, migrations, join(dataDir, 'backups'), now)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Gives SQL `paris_today()`: the Europe/Paris calendar date (`YYYY-MM-DD`) of `now`, the backend's
 * clock, which every ServiceContext of this backend carries as `ctx.now`; so a query can pick what is
 * in force today (the daily rate of a resource, repositories/rates.ts) with the same clock as the
 * services, moved tests included. The day is recomputed only when `now` leaves it.
 * @example prepare(db, 'SELECT paris_today() AS today').get() // { today: '2026-11-29' }
 */
function registerLocalToday(db: Db, now: () => number): void {
  let day = { date: '', start: 0, end: 0 }
  db.function('paris_today', { deterministic: false }, () => {
    const ms = now()
    if (ms < day.start || ms >= day.end) {
      const date = instantToLocalDate(ms)
      day = { date, start: startOfLocalDate(date), end: startOfLocalDate(addDaysToDate(date, 1)) }
    }
    return day.date
  })
}

/**
 * Runs `fn` in a write transaction taken with `BEGIN IMMEDIATE`, so that the checks it makes and the
 * rows it writes see the same state, even with several processes on the same file.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate()
}

/** Runs `fn` in a read transaction (`BEGIN DEFERRED`): one consistent snapshot for several queries. */
export function readTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).deferred()
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>()

/**
 * `db.prepare(sql)`, compiled once per connection and reused: repositories run the same few
 * statements thousands of times. Parameters are always bound, never interpolated.
 * @example prepare<[string], DbHub>(db, 'SELECT id, name FROM hubs WHERE id = ?').get(id)
 */
export function prepare<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  let cache = statements.get(db)
  if (!cache) {
    cache = new Map()
    statements.set(db, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    cache.set(sql, statement)
  }
  return statement as unknown as Database.Statement<P, R>
}
