/**
 * Moving database files around for a restore, with the live database closed: installing a copy of
 * a backup in its place, and moving a damaged file aside without changing a byte of it.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { join } from 'node:path'

/** Files SQLite keeps beside a database: the WAL, its index, the rollback journal. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const

/** Folder of the data directory where damaged database files are moved by a restore. */
export const DAMAGED_FOLDER = 'damaged'

/**
 * Puts a copy of `source` at `target`: copied beside it under a temporary name, flushed to disk,
 * the target's stale `-wal`/`-shm`/`-journal` removed (they belong to the old file and would be
 * replayed into the new one), then renamed over the target in one step.
 * The database at `target` must be closed.
 */
export function installDatabaseFile(source: string, target: string): void {
  const temporary = `${target}.restoring`
  copyFileSync(source, temporary)
  const fd = openSync(temporary, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  for (const suffix of COMPANIONS) rmSync(`${target}${suffix}`, { force: true })
  renameSync(temporary, target)
}

/**
 * Moves a damaged database file and its companions to `<dataDir>/damaged/<UTC timestamp>-<file>`,
 * bytes unchanged, so that a specialist can still try to recover it.
 * @param ms the instant used in the name (epoch ms)
 * @returns the moved file's absolute path
 */
export function moveDamagedAside(dataDir: string, file: string, ms: number): string {
  const folder = join(dataDir, DAMAGED_FOLDER)
  mkdirSync(folder, { recursive: true })
  const stamp = new Date(ms).toISOString().slice(0, 19).replace(/:/g, '-') + 'Z'
  let target = join(folder, `${stamp}-${file}`)
  for (let copy = 2; existsSync(target); copy += 1) target = join(folder, `${stamp}-${copy}-${file}`)
  const source = join(dataDir, file)
  for (const suffix of COMPANIONS) {
    if (existsSync(`${source}${suffix}`)) renameSync(`${source}${suffix}`, `${target}${suffix}`)
  }
  renameSync(source, target)
  return target
}
