/**
 * Backups as people read them (pure): dates in French (Europe/Paris), reasons in French, sizes in
 * Ko/Mo, the restores of the journal, and which backup to offer first after a failure.
 */
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { fr } from 'date-fns/locale'
import type { BackupInfo, BackupReason } from '../../../../shared/domain/backups'
import type { AuditEntry } from '../../../../shared/domain/types'
import { assertNever } from '../../../../shared/errors'
import { TIME_ZONE } from '../../../../shared/time'

/** `quotidienne`, `manuelle`, `avant une mise à jour`… : completes « Sauvegarde … ». */
export function backupReasonLabel(reason: BackupReason): string {
  switch (reason) {
    case 'daily':
      return 'quotidienne'
    case 'manual':
      return 'manuelle'
    case 'before-migration':
      return 'avant une mise à jour'
    case 'before-import':
      return 'avant un import'
    case 'before-restore':
      return 'avant une restauration'
    default:
      return assertNever(reason)
  }
}

/** `lundi 30 novembre 2026 à 11:15`: an ISO instant in Europe/Paris wall time; the text itself if unreadable. */
export function formatBackupDate(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return format(new TZDate(ms, TIME_ZONE), "EEEE d MMMM yyyy 'à' HH:mm", { locale: fr })
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

/** `820 o`, `12,5 Ko`, `1,2 Mo`, `3 Go` (units of 1 024, as the file explorer shows them). */
export function formatSize(bytes: number): string {
  const units = ['o', 'Ko', 'Mo', 'Go'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${decimal.format(unit === 0 ? value : Math.round(value * 10) / 10)} ${units[unit]}`
}

/**
 * The backup to offer first in recovery: the newest one that is a database of a schema this
 * version can open (header only; the backend checks its integrity before restoring). Null if none.
 */
export function newestUsableBackup(
  backups: readonly BackupInfo[],
  supportedSchemaVersion: number,
): BackupInfo | null {
  return (
    backups.find(
      (b) => b.schemaVersion !== null && b.schemaVersion >= 1 && b.schemaVersion <= supportedSchemaVersion,
    ) ?? null
  )
}

/** Why a backup cannot be offered, in French; null when it can be restored (as far as the list tells). */
export function unusableReason(backup: BackupInfo, supportedSchemaVersion: number): string | null {
  if (backup.schemaVersion === null) return 'Fichier illisible'
  if (backup.schemaVersion > supportedSchemaVersion) return 'Version plus récente de Mutualisation'
  if (backup.schemaVersion < 1) return 'Base vide'
  return null
}

/** One restore of the journal, ready to show. */
export interface RestoreLine {
  readonly id: string
  /** `lundi 30 novembre 2026 à 11:15`, when the restore was made. */
  readonly when: string
  readonly actor: string
  /** `Sauvegarde quotidienne du dimanche 29 novembre 2026 à 11:00 restaurée`. */
  readonly what: string
  /** Where the replaced data went: `Données remplacées conservées : 2026-…-before-restore.sqlite`. */
  readonly kept: string | null
}

function text(record: unknown, key: string): string | null {
  if (typeof record !== 'object' || record === null || !(key in record)) return null
  const value = (record as Record<string, unknown>)[key]
  return typeof value === 'string' ? value : null
}

const reasons: readonly string[] = ['daily', 'manual', 'before-migration', 'before-import', 'before-restore']

/** The `database` / `restore` entries of the journal as lines (other entries are left out). */
export function restoreLines(entries: readonly AuditEntry[]): RestoreLine[] {
  return entries
    .filter((e) => e.entity === 'database' && e.action === 'restore')
    .map((e) => {
      const backup = text(e.after, 'backup') ?? 'sauvegarde inconnue'
      const reason = text(e.after, 'reason')
      const createdAt = text(e.after, 'createdAt')
      const label = reason && reasons.includes(reason) ? ` ${backupReasonLabel(reason as BackupReason)}` : ''
      const keptAs = text(e.after, 'keptAs') ?? text(e.before, 'keptAs')
      const damaged = text(e.after, 'damagedFile') ?? text(e.before, 'damagedFile')
      return {
        id: e.id,
        when: formatBackupDate(e.at),
        actor: e.actor,
        what: createdAt
          ? `Sauvegarde${label} du ${formatBackupDate(createdAt)} restaurée`
          : `Sauvegarde « ${backup} » restaurée`,
        kept: keptAs
          ? `Données remplacées conservées dans la sauvegarde « ${keptAs} »`
          : damaged
            ? `Fichier endommagé mis de côté : ${damaged}`
            : null,
      }
    })
}

/** The hash of the Sauvegardes page after a restore, so that the reloaded page can say what happened. */
export function restoredHash(name: string, keptAs: string | null): string {
  const query = new URLSearchParams({ restauree: name, ...(keptAs ? { conservee: keptAs } : {}) })
  return `#/sauvegardes?${query.toString()}`
}
