import type { AuditEntry } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

/** One journal entry: who changed which entity, when (ISO UTC), with the values before and after. */
export interface AuditEntryInput {
  readonly id: string
  readonly at: string
  readonly actor: string
  readonly entity: 'resource' | 'booking' | 'unavailability' | 'category'
  readonly entityId: string
  readonly action: string
  readonly before: unknown
  readonly after: unknown
}

/** Appends to the journal; the table refuses updates and deletes (triggers). */
export function appendAudit(db: Db, entry: AuditEntryInput): void {
  prepare(
    db,
    `INSERT INTO audit_log (id, at, actor, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.id,
    entry.at,
    entry.actor,
    entry.entity,
    entry.entityId,
    entry.action,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
  )
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
}

/** Journal entries about one entity, latest first (at most `limit`). */
export function listAuditEntries(db: Db, entityId: string, limit = 500): AuditEntry[] {
  return prepare<[string, number], DbAuditEntry>(
    db,
    `SELECT id, at, actor, entity, entity_id, action, before_json, after_json FROM audit_log
     WHERE entity_id = ? ORDER BY seq DESC LIMIT ?`,
  )
    .all(entityId, limit)
    .map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
      after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    }))
}
