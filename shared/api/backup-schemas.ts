/**
 * zod input schemas of the backups and of the application's status (issue 6). A backup is named by
 * its file name, and only a name the application itself makes is accepted: no path, no other
 * extension, nothing that could reach a file outside the backups folder.
 */
import { z } from 'zod'
import { isBackupName } from '../domain/backups'

const INVALID_NAME =
  'Nom de sauvegarde invalide : choisissez une sauvegarde dans la liste de la page « Sauvegardes » ' +
  '(noms de la forme 2026-11-30T10-15-00Z-daily.sqlite).'

/** A backup file name as `parseBackupName` reads it (shared/domain/backups.ts). */
export const backupName = z
  .string({ message: INVALID_NAME })
  .max(80, { message: INVALID_NAME })
  .refine(isBackupName, { message: INVALID_NAME })

export const systemStatusInput = z.object({}).strict()

export const backupsListInput = z.object({}).strict()

export const backupsCreateInput = z.object({}).strict()

export const backupsRestoreInput = z.object({ name: backupName }).strict()

/** The journal of the database itself (restores), newest first. */
export const backupsJournalInput = z.object({}).strict()
