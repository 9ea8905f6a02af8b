import type { JournalEntry } from '../../../../shared/domain/accounts'
import type { AuditEntry } from '../../../../shared/domain/types'
import { formatHlc, tick } from '../../../../shared/hlc'
import { prepare, writeTransaction, type Db } from '../connection'
import { getLastHlc, getSiteId, setSetting } from './settings'

/** One journal entry: who changed which entity, when (ISO UTC), with the values before and after. */
export interface AuditEntryInput {
  readonly id: string
  readonly at: string
  readonly actor: string
  readonly entity:
    | 'resource'
    | 'booking'
    | 'unavailability'
    | 'category'
    | 'database'
    | 'user'
    // Cost sharing (migration 005).
    | 'rate'
    | 'hub_settings'
    | 'statement'
    | 'deposit'
    | 'damage_charge'
  readonly entityId: string
  readonly action: string
  readonly before: unknown
  readonly after: unknown
}

/**
 * Appends to the journal; the table refuses updates and deletes (triggers). The entry gets this
 * site's id and a hybrid logical timestamp (shared/hlc.ts) made from `at` and the last one given,
 * which is saved in the same transaction: timestamps only grow, even if the clock goes back or
 * another process on the same file journals at the same moment.
 * @throws Error when `at` is not an ISO 8601 instant
 */
export function appendAudit(db: Db, entry: AuditEntryInput): void {
  const wall = Date.parse(entry.at)
  if (Number.isNaN(wall)) throw new Error(`Instant du journal illisible : ${entry.at}`)
  writeTransaction(db, () => {
    const siteId = getSiteId(db)
    const hlc = formatHlc(tick(getLastHlc(db), wall, siteId))
    setSetting(db, 'hlc_last', hlc)
    prepare(
      db,
      `INSERT INTO audit_log (id, at, actor, entity, entity_id, action, before_json, after_json, site_id, hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.id,
      entry.at,
      entry.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      siteId,
      hlc,
    )
  })
}

export function countAuditEntries(db: Db, entityId: string): number {
  return (
    prepare<[string], { n: number }>(db, 'SELECT count(*) AS n FROM audit_log WHERE entity_id = ?').get(
      entityId,
    )?.n ?? 0
  )
}

interface DbAuditEntry {
  id: string
  at: string
  actor: string
  entity: string
  entity_id: string
  action: string
  before_json: string | null
  after_json: string | null
  site_id: string
  hlc: string
}

const COLUMNS = 'id, at, actor, entity, entity_id, action, before_json, after_json, site_id, hlc'

function toEntry(row: DbAuditEntry): JournalEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    siteId: row.site_id,
    hlc: row.hlc,
  }
}

/** Journal entries about one entity, latest first (at most `limit`). */
export function listAuditEntries(db: Db, entityId: string, limit = 500): AuditEntry[] {
  return prepare<[string, number], DbAuditEntry>(
    db,
    `SELECT ${COLUMNS} FROM audit_log WHERE entity_id = ? ORDER BY hlc DESC LIMIT ?`,
  )
    .all(entityId, limit)
    .map(toEntry)
}

/** What `listJournal` filters on; every field optional. Instants are ISO 8601 UTC. */
export interface JournalFilter {
  /** `[fromIso, toIso)` on the entry's `at`. */
  readonly fromIso?: string | undefined
  readonly toIso?: string | undefined
  /** Part of the author's name or login, case-insensitive (ASCII letters). */
  readonly actor?: string | undefined
  readonly entity?: string | undefined
  readonly entityId?: string | undefined
  /** The resource's entries, and those of bookings and unavailabilities naming it. */
  readonly resourceId?: string | undefined
  /** Entries whose record before or after names the commune (`communeId`, `homeCommuneId`). */
  readonly communeId?: string | undefined
  /** Only entries older than this hybrid logical timestamp (pagination). */
  readonly beforeHlc?: string | undefined
  readonly limit: number
}

const namesResource = (column: string) =>
  `json_extract(${column}, '$.resourceId') = :resourceId OR EXISTS (SELECT 1 FROM json_each(${column}, '$.items') WHERE json_extract(value, '$.resourceId') = :resourceId)`
const namesCommune = (column: string) =>
  `json_extract(${column}, '$.communeId') = :communeId OR json_extract(${column}, '$.homeCommuneId') = :communeId`

/**
 * One page of the journal, newest first (hybrid logical order), at most `filter.limit` entries, and
 * whether older ones match. The SQL is made of fixed fragments; every value is bound.
 */
export function listJournal(db: Db, filter: JournalFilter): { entries: JournalEntry[]; more: boolean } {
  const where: string[] = []
  const params: Record<string, string | number> = { limit: filter.limit + 1 }
  const add = (key: keyof JournalFilter, clause: string) => {
    const value = filter[key]
    if (value === undefined || value === '') return
    where.push(`(${clause})`)
    params[key] = value
  }
  add('fromIso', 'at >= :fromIso')
  add('toIso', 'at < :toIso')
  add('actor', 'instr(lower(actor), lower(:actor)) > 0')
  add('entity', 'entity = :entity')
  add('entityId', 'entity_id = :entityId')
  add(
    'resourceId',
    `entity_id = :resourceId OR ${namesResource('after_json')} OR ${namesResource('before_json')}`,
  )
  add('communeId', `${namesCommune('after_json')} OR ${namesCommune('before_json')}`)
  add('beforeHlc', 'hlc < :beforeHlc')
  const rows = prepare<[Record<string, string | number>], DbAuditEntry>(
    db,
    `SELECT ${COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY hlc DESC LIMIT :limit`,
  ).all(params)
  return { entries: rows.slice(0, filter.limit).map(toEntry), more: rows.length > filter.limit }
}

/** Every distinct author of the journal. */
export function listJournalActors(db: Db): string[] {
  return prepare<[], { actor: string }>(db, 'SELECT DISTINCT actor FROM audit_log')
    .all()
    .map((row) => row.actor)
}
