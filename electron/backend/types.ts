/**
 * The backend as its adapters (Electron IPC, browser mode, tests) see it.
 */
import type { ApiResult } from '../../shared/errors'
import type { AccessOptions } from './auth/access'

/**
 * Where the adapter keeps the caller's session token: an HttpOnly cookie in browser mode, the main
 * process's memory (one per window) in Electron. The token never travels in a result.
 */
export interface SessionSlot {
  /** The token the caller holds, or null. */
  readonly token: string | null
  /** Stores a new token (sign-in) or forgets it (null: sign-out, expired session). */
  set(token: string | null): void
}

/** Who is calling, as established by the adapter (never by the payload). */
export interface Caller {
  /** The adapter the call came through. */
  readonly channel: 'ipc' | 'http' | 'test'
  /** The caller's session; absent for callers that cannot sign in (then only the bootstrap mode serves them). */
  readonly session?: SessionSlot
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
  /**
   * Refuse to open a data directory another running instance holds (browser mode and Electron set
   * it; tests that open several backends on one folder, as two processes would, leave it off).
   */
  readonly lockDataDir?: boolean
  /** Sign-in hardening: delay after a failure and the attempt counter (tests shorten the delay). */
  readonly access?: AccessOptions
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
