/**
 * The gate in front of the dispatcher: in recovery mode only `system.status`, `backups.list` and
 * `backups.restore` go through; in normal mode every call first gives the daily backup its chance.
 */
import type { ApiResult } from '../../../shared/errors'
import type { Access } from '../auth/access'
import type { Caller } from '../types'
import { RECOVERY_MESSAGE, type Storage } from './storage'

type Dispatch = (method: string, input: unknown, caller: Caller) => Promise<ApiResult<unknown>>

/** The methods that answer in recovery mode. */
export const RECOVERY_METHODS: ReadonlySet<string> = new Set([
  'system.status',
  'backups.list',
  'backups.restore',
])

/**
 * The rights check in recovery mode. Accounts and sessions live in the file that cannot be read, so
 * nobody can be identified: the caller acts as the local administrator, as before any account
 * exists, and only for the three recovery methods (`guardDispatch`). What reaches the API is
 * already restricted by the adapters: the app's own window in Electron, the server's own origin in
 * browser mode. Once a backup is restored, its accounts apply again from the next call.
 */
export function recoveryAccess(access: Access): Access {
  return {
    ...access,
    identify: () => ({ kind: 'local' }),
    authorize: () => undefined,
    present: (value) => value,
    presentError: (error) => error,
  }
}

/**
 * Routes each call: in normal mode to `normal` (after starting the daily backup when it is due);
 * in recovery mode the recovery methods to `recovery` (a dispatcher with `recoveryAccess`), any
 * other to `{ ok: false, error: { code: 'RECOVERY_MODE', message } }` (French) without a handler.
 */
export function guardDispatch(
  normal: Dispatch,
  recovery: Dispatch,
  storage: Pick<Storage, 'mode' | 'dailyBackupIfDue'>,
): Dispatch {
  return (method, input, caller) => {
    if (storage.mode === 'recovery') {
      if (RECOVERY_METHODS.has(method)) return recovery(method, input, caller)
      return Promise.resolve({ ok: false, error: { code: 'RECOVERY_MODE', message: RECOVERY_MESSAGE } })
    }
    storage.dailyBackupIfDue()
    return normal(method, input, caller)
  }
}
