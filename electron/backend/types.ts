/**
 * The backend as its adapters (Electron IPC, browser mode, tests) see it.
 */
import type { ApiResult } from '../../shared/errors'

/** Who is calling, as established by the adapter (never by the payload). */
export interface Caller {
  /** The adapter the call came through. */
  readonly channel: 'ipc' | 'http' | 'test'
}

export interface BackendOptions {
  /** Folder holding `mutualisation.sqlite` and its `backups/`; created when missing. */
  readonly dataDir: string
  /**
   * What a new, empty database is filled with: `demo` adds the pôle Ouest's demo inventory and
   * bookings to the communes and hub; `empty` leaves only the communes and the hub.
   */
  readonly seed: 'demo' | 'empty'
  /**
   * Path of a better-sqlite3 native addon built for another runtime (Electron's ABI); the default
   * is the addon in node_modules, built for Node.
   */
  readonly nativeBinding?: string
  /** The current instant, for tests; defaults to `Date.now`. */
  readonly now?: () => number
}

export interface Backend {
  /**
   * Runs one API call: validates `input` with the contract's schema, runs the service and returns
   * the envelope. Never throws: unknown methods, bad input and failures come back as `{ ok: false }`.
   */
  dispatch(method: string, input: unknown, caller: Caller): Promise<ApiResult<unknown>>
  /** Absolute path of the SQLite file. */
  readonly databasePath: string
  /** Closes the database; the backend is unusable afterwards. */
  close(): void
}
