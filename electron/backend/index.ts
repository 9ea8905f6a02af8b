/**
 * The application core, plain Node: opens the database, fills a new one, and exposes the
 * dispatcher. Electron's main process and browser mode both use it.
 */
import { randomUUID } from 'node:crypto'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE, openDatabase } from './db/connection'
import { createDispatcher } from './dispatcher'
import { handlers } from './handlers'
import type { ServiceContext } from './services/context'
import { seedDatabase } from './seed'
import type { Backend, BackendOptions } from './types'

export type { Backend, BackendOptions, Caller } from './types'

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
 * Opens the backend on `<dataDir>/mutualisation.sqlite`, migrating and seeding as needed.
 * @throws Error (French message) when the database is from a newer version or cannot be opened
 */
export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? Date.now
  const db = openDatabase(options.dataDir, options.nativeBinding, now)
  const contextFor = (): ServiceContext => ({ db, now, actor: 'administrateur local', newId: randomUUID })
  seedDatabase(contextFor(), options.seed)
  const dispatch = createDispatcher(handlers, contextFor)
  return {
    databasePath: join(options.dataDir, DATABASE_FILE),
    dispatch,
    close: () => db.close(),
  }
}
