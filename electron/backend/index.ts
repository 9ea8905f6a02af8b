/**
 * The application core, plain Node: opens the database, fills a new one, and exposes the
 * dispatcher. Electron's main process and browser mode both use it.
 */
import { randomUUID } from 'node:crypto'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { guardDispatch, recoveryAccess } from './backups/recovery'
import { openStorage } from './backups/storage'
import { createAccess } from './auth/access'
import { LOCAL_ADMIN_ACTOR } from './auth/principal'
import { createDispatcher } from './dispatcher'
import { handlers } from './handlers'
import type { ServiceContext } from './services/context'
import { seedDatabase } from './seed'
import type { Backend, BackendOptions, Caller } from './types'

export type { Backend, BackendOptions, Caller } from './types'
export { DataDirLockedError } from './backups/storage'

/** The application's name as Electron uses it for `userData`. */
export const APP_NAME = 'Mutualisation'

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives:
 * `%APPDATA%\Mutualisation` on Windows, `~/Library/Application Support/Mutualisation` on macOS,
 * `$XDG_CONFIG_HOME/Mutualisation` (default `~/.config/Mutualisation`) elsewhere.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

/**
 * Opens the backend on `<dataDir>/mutualisation.sqlite`, migrating and seeding as needed. A file
 * that is not a readable database, or fails `PRAGMA quick_check`, is left untouched and the backend
 * opens in recovery mode (backups/storage.ts): only `system.status`, `backups.list` and
 * `backups.restore` answer.
 * @throws DataDirLockedError (French) when another instance holds the folder (`lockDataDir`) or
 *   SQLite stays busy; DatabaseTooNewError (French) when the database is from a newer version
 */
export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? Date.now
  const { storage } = openStorage({ ...options, now })
  // `db` is read at each access: after a restore, calls use the new connection.
  const contextFor = (
    _caller?: Caller,
    actor: string = LOCAL_ADMIN_ACTOR,
    communeScope: string | null = null,
  ): ServiceContext => ({
    get db() {
      return storage.db()
    },
    now,
    actor,
    newId: randomUUID,
    storage,
    communeScope,
  })
  if (storage.mode === 'normal') seedDatabase(contextFor(), options.seed)
  const access = createAccess(() => storage.db(), now, options.access)
  const dispatch = guardDispatch(
    createDispatcher(handlers, contextFor, access),
    createDispatcher(handlers, contextFor, recoveryAccess(access)),
    storage,
  )
  return {
    databasePath: storage.databasePath,
    dispatch,
    close: () => storage.close(),
  }
}
