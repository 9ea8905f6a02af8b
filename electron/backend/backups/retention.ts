/**
 * Which backups are kept. Pure: works on names only (a name carries its instant and its reason).
 */
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { parseBackupName, type BackupReason, type ParsedBackupName } from '../../../shared/domain/backups'
import { TIME_ZONE } from '../../../shared/time'

/** How many backups of each kind are kept. */
export interface RetentionPolicy {
  /** The newest automatic daily backups kept. */
  readonly daily: number
  /** Weeks (ISO, Monday first, Europe/Paris) whose newest daily backup is kept, newest weeks first. */
  readonly weekly: number
  /**
   * The newest `before-migration`, `before-import` and `before-restore` backups kept, for each of
   * the three reasons. Manual backups are never deleted: a person asked for them.
   */
  readonly beforeEach: number
}

/**
 * 14 daily and 8 weekly automatic backups: two weeks day by day, then about two months week by week.
 * 60 of each `before-*` reason: years of imports, migrations and restores for a hub that does a few
 * a month, and a bound on the disk a long-lived installation uses.
 */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 14, weekly: 8, beforeEach: 60 }

interface Named extends ParsedBackupName {
  readonly name: string
}

/** Newest first; within the same second, the higher copy number is the later one. */
function newestFirst(a: Named, b: Named): number {
  return b.createdAtMs - a.createdAtMs || b.copy - a.copy
}

/** `2026-W48`: the ISO week (Monday to Sunday, Europe/Paris) of an instant. */
export function isoWeekOf(ms: number): string {
  return format(new TZDate(ms, TIME_ZONE), "RRRR-'W'II")
}

/**
 * The backups to delete among `names` (names that are not backup names are never returned).
 * - `daily`: kept when among the `policy.daily` newest, or when it is the newest daily backup of
 *   one of the `policy.weekly` newest ISO weeks that have one (the two sets overlap on recent weeks,
 *   as restic's `--keep-daily` / `--keep-weekly` do).
 * - `manual`: always kept.
 * - each `before-*` reason: the `policy.beforeEach` newest kept.
 * @returns names to delete, newest first
 */
export function backupsToDelete(
  names: readonly string[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): string[] {
  const parsed = names
    .flatMap((name): Named[] => {
      const p = parseBackupName(name)
      return p ? [{ ...p, name }] : []
    })
    .sort(newestFirst)
  const keep = new Set<string>()
  const of = (reason: BackupReason) => parsed.filter((b) => b.reason === reason)

  const daily = of('daily')
  for (const b of daily.slice(0, policy.daily)) keep.add(b.name)
  const weeks = new Set<string>()
  for (const b of daily) {
    const week = isoWeekOf(b.createdAtMs)
    if (weeks.has(week)) continue
    if (weeks.size >= policy.weekly) break
    weeks.add(week)
    keep.add(b.name)
  }
  for (const b of of('manual')) keep.add(b.name)
  for (const reason of ['before-migration', 'before-import', 'before-restore'] as const) {
    for (const b of of(reason).slice(0, policy.beforeEach)) keep.add(b.name)
  }
  return parsed.filter((b) => !keep.has(b.name)).map((b) => b.name)
}
