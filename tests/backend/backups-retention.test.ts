import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupsToDelete, isoWeekOf } from '../../electron/backend/backups/retention'
import { BackupStore } from '../../electron/backend/backups/store'
import { backupFileName, parseBackupName } from '../../shared/domain/backups'
import { tempDir } from './helpers'

const DAY = 86_400_000

/**
 * 40 daily backups over the 8 ISO weeks from Monday 05/10/2026 (W41) to Sunday 29/11/2026 (W48):
 * every weekday at 06:30 UTC, except that the Friday of W44 (30/10) is replaced by Sunday 01/11 at
 * 23:30 UTC, which in Paris is already Monday 02/11 00:30, in W45.
 */
function fortyDailies(): string[] {
  const names: string[] = []
  const monday = Date.UTC(2026, 9, 5, 6, 30)
  for (let day = 0; day < 56; day += 1) {
    const weekday = day % 7 // 0 = Monday
    if (weekday > 4) continue
    const ms = monday + day * DAY
    if (new Date(ms).toISOString().startsWith('2026-10-30')) {
      names.push(backupFileName(Date.UTC(2026, 10, 1, 23, 30), 'daily'))
    } else {
      names.push(backupFileName(ms, 'daily'))
    }
  }
  return names
}

const survivors = [
  // The 14 newest.
  '2026-11-27T06-30-00Z-daily.sqlite',
  '2026-11-26T06-30-00Z-daily.sqlite',
  '2026-11-25T06-30-00Z-daily.sqlite',
  '2026-11-24T06-30-00Z-daily.sqlite',
  '2026-11-23T06-30-00Z-daily.sqlite',
  '2026-11-20T06-30-00Z-daily.sqlite',
  '2026-11-19T06-30-00Z-daily.sqlite',
  '2026-11-18T06-30-00Z-daily.sqlite',
  '2026-11-17T06-30-00Z-daily.sqlite',
  '2026-11-16T06-30-00Z-daily.sqlite',
  '2026-11-13T06-30-00Z-daily.sqlite',
  '2026-11-12T06-30-00Z-daily.sqlite',
  '2026-11-11T06-30-00Z-daily.sqlite',
  '2026-11-10T06-30-00Z-daily.sqlite',
  // The newest of each older week (W45 … W41); W44's is Thursday, its Sunday night is in W45 in Paris.
  '2026-11-06T06-30-00Z-daily.sqlite',
  '2026-10-29T06-30-00Z-daily.sqlite',
  '2026-10-23T06-30-00Z-daily.sqlite',
  '2026-10-16T06-30-00Z-daily.sqlite',
  '2026-10-09T06-30-00Z-daily.sqlite',
]

describe('backup retention', () => {
  it('reads ISO weeks in Paris time: Sunday 23:30 UTC after the clocks went back is Monday', () => {
    expect(isoWeekOf(Date.UTC(2026, 10, 1, 23, 30))).toBe('2026-W45')
    expect(isoWeekOf(Date.UTC(2026, 10, 1, 22, 59))).toBe('2026-W44')
    expect(isoWeekOf(Date.UTC(2026, 11, 31, 12))).toBe('2026-W53')
    expect(isoWeekOf(Date.UTC(2027, 0, 4, 12))).toBe('2027-W01')
  })

  it('keeps the 14 newest dailies and the newest of each of the 8 newest weeks: 19 of 40', () => {
    const names = fortyDailies()
    expect(names).toHaveLength(40)
    const deleted = backupsToDelete(names)
    expect(deleted).toHaveLength(21)
    const kept = names
      .filter((n) => !deleted.includes(n))
      .sort()
      .reverse()
    expect(kept).toEqual(survivors)
    expect(deleted).toContain('2026-11-01T23-30-00Z-daily.sqlite')
    expect(deleted.at(-1)).toBe('2026-10-05T06-30-00Z-daily.sqlite')
  })

  it('never deletes manual backups; keeps the 60 newest of each before-* reason; ignores other files', () => {
    const start = Date.UTC(2026, 0, 1, 9)
    const manual = Array.from({ length: 70 }, (_, i) => backupFileName(start + i * DAY, 'manual'))
    const imports = Array.from({ length: 62 }, (_, i) => backupFileName(start + i * DAY, 'before-import'))
    const restores = [backupFileName(start, 'before-restore'), backupFileName(start, 'before-restore', 2)]
    const others = ['mutualisation.sqlite', 'notes.txt', '../2026-01-01T09-00-00Z-daily.sqlite']
    const deleted = backupsToDelete([...manual, ...imports, ...restores, ...others])
    expect(deleted).toEqual([
      '2026-01-02T09-00-00Z-before-import.sqlite',
      '2026-01-01T09-00-00Z-before-import.sqlite',
    ])
  })

  it('deletes exactly those files from the backups folder, and nothing else', () => {
    const dir = tempDir()
    const backups = join(dir, 'backups')
    mkdirSync(backups)
    const names = [...fortyDailies(), '2026-10-01T08-00-00Z-manual.sqlite', 'lisez-moi.txt']
    for (const name of names) writeFileSync(join(backups, name), 'x')
    const store = new BackupStore(dir, () => Date.UTC(2026, 10, 29, 10))
    expect(store.prune()).toHaveLength(21)
    expect(readdirSync(backups).sort().reverse()).toEqual(
      [...survivors, '2026-10-01T08-00-00Z-manual.sqlite', 'lisez-moi.txt'].sort().reverse(),
    )
    // Newest first, with their size and no schema version (these files are not databases).
    expect(store.list().map((b) => b.name)).toEqual([...survivors, '2026-10-01T08-00-00Z-manual.sqlite'])
    expect(store.list()[0]).toEqual({
      name: '2026-11-27T06-30-00Z-daily.sqlite',
      reason: 'daily',
      createdAt: '2026-11-27T06:30:00.000Z',
      sizeBytes: 1,
      schemaVersion: null,
    })
  })
})

describe('backup names', () => {
  it('carry the UTC second and the reason, and read back the same', () => {
    const ms = Date.UTC(2026, 10, 30, 10, 15)
    expect(backupFileName(ms + 999, 'daily')).toBe('2026-11-30T10-15-00Z-daily.sqlite')
    expect(backupFileName(ms, 'before-migration', 3)).toBe('2026-11-30T10-15-00Z-before-migration-3.sqlite')
    expect(parseBackupName('2026-11-30T10-15-00Z-before-migration-3.sqlite')).toEqual({
      createdAtMs: ms,
      reason: 'before-migration',
      copy: 3,
    })
    expect(parseBackupName('2026-02-29T10-15-00Z-daily.sqlite')).toBeNull()
    expect(parseBackupName('2028-02-29T10-15-00Z-daily.sqlite')?.createdAtMs).toBe(
      Date.UTC(2028, 1, 29, 10, 15),
    )
  })
})
