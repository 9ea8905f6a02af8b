/**
 * State of the Sauvegardes page and of the recovery screen: the backups, the restores journaled,
 * the application's status, the backup waiting for confirmation, and the calls under way.
 */
import { create } from 'zustand'
import type { BackupInfo, RestoreResult, SystemStatus } from '../../../../shared/domain/backups'
import type { AuditEntry } from '../../../../shared/domain/types'
import { api } from '../../api'

interface BackupsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly backups: readonly BackupInfo[]
  /** Restores journaled in the live database, newest first (empty in recovery mode). */
  readonly journal: readonly AuditEntry[]
  readonly system: SystemStatus | null
  /** Error of the last load, create or restore, in French. */
  readonly error: string | null
  /** The backup just made by « Sauvegarder maintenant ». */
  readonly created: BackupInfo | null
  readonly creating: boolean
  /** The backup whose restore awaits confirmation. */
  readonly confirming: BackupInfo | null
  /** Name of the backup being restored. */
  readonly restoring: string | null
  /** Loads the list (and, outside recovery mode, the journal). */
  readonly load: (recovery?: boolean) => Promise<void>
  readonly create: () => Promise<void>
  readonly ask: (backup: BackupInfo | null) => void
  /** Restores the backup under confirmation; resolves to what was restored, or null on failure. */
  readonly restore: () => Promise<RestoreResult | null>
  readonly dismissError: () => void
}

export const useBackups = create<BackupsState>()((set, get) => ({
  status: 'idle',
  backups: [],
  journal: [],
  system: null,
  error: null,
  created: null,
  creating: false,
  confirming: null,
  restoring: null,
  load: async (recovery = false) => {
    set({ status: 'loading', error: null })
    const [list, journal, system] = await Promise.all([
      api.backups.list({}),
      recovery ? Promise.resolve(null) : api.backups.journal({}),
      api.system.status({}),
    ])
    if (!list.ok) return set({ status: 'error', error: list.error.message })
    set({
      status: 'ready',
      backups: list.value,
      journal: journal?.ok ? journal.value : [],
      system: system.ok ? system.value : null,
      error: journal && !journal.ok ? journal.error.message : null,
    })
  },
  create: async () => {
    set({ creating: true, error: null, created: null })
    const result = await api.backups.create({})
    if (!result.ok) return set({ creating: false, error: result.error.message })
    set({ creating: false, created: result.value })
    await get().load()
  },
  ask: (backup) => set({ confirming: backup, error: null }),
  restore: async () => {
    const backup = get().confirming
    if (!backup) return null
    set({ restoring: backup.name, error: null })
    const result = await api.backups.restore({ name: backup.name })
    if (!result.ok) {
      set({ restoring: null, confirming: null, error: result.error.message })
      return null
    }
    // The page reloads next: `restoring` stays set so that nothing can be clicked meanwhile.
    return result.value
  },
  dismissError: () => set({ error: null }),
}))
