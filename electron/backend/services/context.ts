import type { Db } from '../db/connection'
import type { StorageAccess } from '../backups/storage'

/** What every service call receives: the database, the clock, who acts, and the id generator. */
export interface ServiceContext {
  readonly db: Db
  /** Current instant in epoch ms. */
  readonly now: () => number
  /** Who the journal records as author of a change. */
  readonly actor: string
  /** A new UUID v4. */
  readonly newId: () => string
  /** The live database file: its status, backups and restore (`ctx.db` is its current connection). */
  readonly storage: StorageAccess
  /**
   * The commune a commune secretary acts for; null or absent for the hub's people and the local
   * administrator. Rules that bind communes but not the hub use it (a change to an approved booking
   * goes back to the hub's inbox).
   */
  readonly communeScope?: string | null
}

/** The current instant as ISO 8601 UTC. */
export function nowIso(ctx: ServiceContext): string {
  return new Date(ctx.now()).toISOString()
}
