/**
 * Handlers of `system.status` and `backups.*`. They reach the database only through
 * `ctx.storage`, never `ctx.db`: in recovery mode there is no connection to give them.
 */
import type { HandlerMap } from '../handlers'

export const backupHandlers: HandlerMap<
  'system.status' | 'backups.list' | 'backups.create' | 'backups.restore' | 'backups.journal'
> = {
  'system.status': (_input, ctx) => ctx.storage.status(),
  'backups.list': (_input, ctx) => ctx.storage.backups.list(),
  'backups.create': (_input, ctx) => ctx.storage.backup('manual'),
  'backups.restore': (input, ctx) => ctx.storage.restore(input.name, ctx),
  'backups.journal': (_input, ctx) => ctx.storage.journal(),
}
