import { randomUUID } from 'node:crypto'
import { formatHlc, tick, type Hlc } from '../../../../shared/hlc'
import type { Migration } from '../migrate'

/**
 * Accounts and the journal's order (issue 6, "Trust"):
 * - `users` (password hashes only, secretaries tied to a commune) and `sessions` (hashes of tokens);
 * - `settings`, holding this installation's `site_id` (a UUID made once, here) and the last hybrid
 *   logical timestamp given (`hlc_last`), so that a restart never goes backwards;
 * - `audit_log` rebuilt with `site_id` and `hlc` NOT NULL: existing entries get this site's id and
 *   timestamps made from their `at`, in their order of insertion. `seq` is kept, and so are the
 *   triggers that refuse any update or delete (dropped only while the table is rebuilt).
 */
interface OldEntry {
  seq: number
  id: string
  at: string
  actor: string
  entity: string
  entity_id: string
  action: string
  before_json: string | null
  after_json: string | null
}

export const accountsJournal: Migration = {
  version: 4,
  name: 'accounts-journal',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE CHECK (login = lower(login) AND length(login) BETWEEN 2 AND 40),
        display_name TEXT NOT NULL CHECK (length(display_name) > 0),
        role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'secretary', 'viewer')),
        commune_id TEXT REFERENCES communes(id),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((role = 'secretary') = (commune_id IS NOT NULL))
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_user ON sessions(user_id);

      DROP TRIGGER audit_log_append_only_update;
      DROP TRIGGER audit_log_append_only_delete;
      CREATE TABLE audit_log_v4 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        site_id TEXT NOT NULL,
        hlc TEXT NOT NULL UNIQUE
      ) STRICT;
    `)
    const siteId = randomUUID()
    const insert = db.prepare(
      `INSERT INTO audit_log_v4 (seq, id, at, actor, entity, entity_id, action, before_json, after_json, site_id, hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const page = db.prepare<[number], OldEntry>(
      `SELECT seq, id, at, actor, entity, entity_id, action, before_json, after_json FROM audit_log
       WHERE seq > ? ORDER BY seq LIMIT 1000`,
    )
    let last: Hlc | null = null
    // In pages: better-sqlite3 runs no other statement while an iterator is open.
    for (let rows = page.all(0); rows.length > 0; rows = page.all(rows.at(-1)?.seq ?? 0)) {
      for (const row of rows) {
        const parsed = Date.parse(row.at)
        // An unreadable `at` (never written by the application) keeps its place in the order.
        last = tick(last, Number.isNaN(parsed) ? (last?.wallMs ?? 0) : parsed, siteId)
        insert.run(
          row.seq,
          row.id,
          row.at,
          row.actor,
          row.entity,
          row.entity_id,
          row.action,
          row.before_json,
          row.after_json,
          siteId,
          formatHlc(last),
        )
      }
    }
    db.exec(`
      DROP TABLE audit_log;
      ALTER TABLE audit_log_v4 RENAME TO audit_log;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_actor ON audit_log(actor);
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'Le journal ne se modifie pas.'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'Le journal ne se supprime pas.'); END;
    `)
    const setting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    setting.run('site_id', siteId)
    if (last !== null) setting.run('hlc_last', formatHlc(last))
  },
}
