import { describe, expect, it } from 'vitest'
import {
  backupReasonLabel,
  formatBackupDate,
  formatSize,
  newestUsableBackup,
  restoredHash,
  restoreLines,
  unusableReason,
} from '../../renderer/src/features/backups/model'
import type { BackupInfo } from '../../shared/domain/backups'
import type { AuditEntry } from '../../shared/domain/types'

function backup(name: string, schemaVersion: number | null): BackupInfo {
  return { name, reason: 'daily', createdAt: '2026-11-30T10:15:00.000Z', sizeBytes: 1, schemaVersion }
}

describe('backups as people read them', () => {
  it('dates in Paris time, whatever the machine’s zone, across the clock change', () => {
    expect(formatBackupDate('2026-11-30T10:15:00.000Z')).toBe('lundi 30 novembre 2026 à 11:15')
    expect(formatBackupDate('2026-10-24T22:30:00.000Z')).toBe('dimanche 25 octobre 2026 à 00:30')
    expect(formatBackupDate('2026-07-01T22:30:00.000Z')).toBe('jeudi 2 juillet 2026 à 00:30')
    expect(formatBackupDate('pas une date')).toBe('pas une date')
  })

  it('reasons and sizes in French', () => {
    expect(backupReasonLabel('daily')).toBe('quotidienne')
    expect(backupReasonLabel('before-migration')).toBe('avant une mise à jour')
    expect(backupReasonLabel('before-restore')).toBe('avant une restauration')
    expect(formatSize(820)).toBe('820 o')
    expect(formatSize(12_800)).toBe('12,5 Ko')
    expect(formatSize(1_258_291)).toBe('1,2 Mo')
    expect(formatSize(3 * 1024 ** 3)).toBe('3 Go')
  })

  it('offer the newest backup this version can open', () => {
    const list = [backup('c', 99), backup('b', null), backup('a', 4), backup('z', 2)]
    expect(newestUsableBackup(list, 4)?.name).toBe('a')
    expect(newestUsableBackup([backup('c', 99), backup('b', 0)], 4)).toBeNull()
    expect(unusableReason(list[0]!, 4)).toBe('Version plus récente de Mutualisation')
    expect(unusableReason(list[1]!, 4)).toBe('Fichier illisible')
    expect(unusableReason(list[2]!, 4)).toBeNull()
  })

  it('turn the journal’s restores into lines, leaving other entries out', () => {
    const entry = (id: string, before: unknown, after: unknown, entity = 'database'): AuditEntry => ({
      id,
      at: '2026-11-30T14:05:00.000Z',
      actor: 'administrateur local',
      entity,
      entityId: 'mutualisation.sqlite',
      action: 'restore',
      before,
      after,
    })
    expect(
      restoreLines([
        entry(
          '1',
          { keptAs: '2026-11-30T14-05-00Z-before-restore.sqlite' },
          {
            backup: '2026-11-29T10-00-00Z-daily.sqlite',
            reason: 'daily',
            createdAt: '2026-11-29T10:00:00.000Z',
          },
        ),
        entry('2', { damagedFile: '/d/damaged/x.sqlite' }, { backup: 'b.sqlite' }),
        entry('3', null, null, 'booking'),
      ]),
    ).toEqual([
      {
        id: '1',
        when: 'lundi 30 novembre 2026 à 15:05',
        actor: 'administrateur local',
        what: 'Sauvegarde quotidienne du dimanche 29 novembre 2026 à 11:00 restaurée',
        kept: 'Données remplacées conservées dans la sauvegarde « 2026-11-30T14-05-00Z-before-restore.sqlite »',
      },
      {
        id: '2',
        when: 'lundi 30 novembre 2026 à 15:05',
        actor: 'administrateur local',
        what: 'Sauvegarde « b.sqlite » restaurée',
        kept: 'Fichier endommagé mis de côté : /d/damaged/x.sqlite',
      },
    ])
    expect(restoredHash('a.sqlite', 'b.sqlite')).toBe('#/sauvegardes?restauree=a.sqlite&conservee=b.sqlite')
  })
})
