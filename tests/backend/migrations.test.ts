import Database from 'better-sqlite3'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE, openDatabase } from '../../electron/backend/db/connection'
import { DatabaseTooNewError, migrate, type Migration } from '../../electron/backend/db/migrate'
import { migrations } from '../../electron/backend/db/migrations'
import { openBackend } from '../../electron/backend/index'
import { tempDir } from './helpers'

const now = () => Date.parse('2026-11-29T10:00:00Z')
/** The schema version this build knows: a migration added later just moves it. */
const latest = migrations.at(-1)?.version ?? 0

describe('migrations', () => {
  it('bring a new file to the last version, with WAL, foreign keys and STRICT tables', () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
    expect(tables.length).toBeGreaterThanOrEqual(8)
    expect(tables.filter((t) => t.strict !== 1)).toEqual([])
    db.close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it('back the database up before migrating one that holds data, and keep its rows', () => {
    const dir = tempDir()
    const path = join(dir, DATABASE_FILE)
    const db = new Database(path)
    migrate(db, migrations, join(dir, 'backups'), now, 1)
    db.prepare(
      "INSERT INTO hubs (id, name, created_at) VALUES ('h1', 'Pôle Ouest', '2026-11-29T10:00:00Z')",
    ).run()
    const next: Migration = {
      version: latest + 1,
      name: 'hub-phone',
      up: (d) => d.exec("ALTER TABLE hubs ADD COLUMN phone TEXT NOT NULL DEFAULT ''"),
    }
    const backup = migrate(db, [...migrations, next], join(dir, 'backups'), now)
    expect(backup).toMatch(/[\\/]backups[\\/]2026-11-29T10-00-00Z-before-migration\.sqlite$/)
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 1)
    expect(db.prepare('SELECT id, name, phone FROM hubs').all()).toEqual([
      { id: 'h1', name: 'Pôle Ouest', phone: '' },
    ])
    const copy = new Database(backup ?? '', { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    expect(copy.prepare('SELECT name FROM hubs').all()).toEqual([{ name: 'Pôle Ouest' }])
    copy.close()
    db.close()
  })

  it('002 adds the inventory details and turns qualifications into objects with an expiry', () => {
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    migrate(db, migrations, join(dir, 'backups'), now, 1)
    db.exec(`
      INSERT INTO hubs (id, name, created_at) VALUES ('h1', 'Pôle Ouest', '2026-11-29T10:00:00Z');
      INSERT INTO resources (id, hub_id, kind, name, tracking, quantity, qualifications, created_at, updated_at)
      VALUES ('a1', 'h1', 'staff', 'Agent', 'unit', 1, '["Permis C","CACES R486"]', 'x', 'x'),
             ('n1', 'h1', 'equipment', 'Nacelle', 'unit', 1, '[]', 'x', 'x'),
             ('c1', 'h1', 'equipment', 'Chaises', 'stock', 120, '[]', 'x', 'x');
    `)
    const backup = migrate(db, migrations, join(dir, 'backups'), now, 2)
    expect(backup).not.toBeNull()
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    const rows = db
      .prepare(
        'SELECT id, qualifications, condition, out_of_service_quantity, home_commune_id FROM resources ORDER BY id',
      )
      .all()
    expect(rows).toEqual([
      {
        id: 'a1',
        qualifications: '[{"name":"Permis C","expiresOn":null},{"name":"CACES R486","expiresOn":null}]',
        condition: null,
        out_of_service_quantity: 0,
        home_commune_id: null,
      },
      { id: 'c1', qualifications: '[]', condition: null, out_of_service_quantity: 0, home_commune_id: null },
      {
        id: 'n1',
        qualifications: '[]',
        condition: 'good',
        out_of_service_quantity: 0,
        home_commune_id: null,
      },
    ])
    db.close()
  })

  it('003 keeps bookings and resources as they were, with no request pending and nothing handed out', () => {
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    migrate(db, migrations, join(dir, 'backups'), now, 2)
    db.exec(`
      INSERT INTO hubs (id, name, created_at) VALUES ('h1', 'Pôle Ouest', 'x');
      INSERT INTO communes (id, name, insee_code, hub_id) VALUES ('c1', 'Tiffauges', '85293', 'h1');
      INSERT INTO resources (id, hub_id, kind, name, tracking, quantity, created_at, updated_at)
      VALUES ('n1', 'h1', 'equipment', 'Nacelle', 'unit', 1, 'x', 'x');
      INSERT INTO bookings (id, reference, hub_id, commune_id, title, status, start_ms, end_ms, all_day,
        created_at, updated_at)
      VALUES ('b1', 'RES-2026-0001', 'h1', 'c1', 'Élagage', 'approved', 1000, 2000, 0, 'x', 'x');
      INSERT INTO booking_items (booking_id, resource_id, quantity) VALUES ('b1', 'n1', 1);
    `)
    migrate(db, migrations, join(dir, 'backups'), now, 3)
    expect(db.prepare('SELECT requires_approval, required_qualification FROM resources').all()).toEqual([
      { requires_approval: 0, required_qualification: null },
    ])
    expect(
      db
        .prepare(
          `SELECT status, client_request_id, checked_out_at_ms, returned_at_ms, series_id, returned_quantity
           FROM bookings JOIN booking_items ON booking_id = id`,
        )
        .all(),
    ).toEqual([
      {
        status: 'approved',
        client_request_id: null,
        checked_out_at_ms: null,
        returned_at_ms: null,
        series_id: null,
        returned_quantity: null,
      },
    ])
    db.close()
  })

  it('leave the file as it was when a migration fails', () => {
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    migrate(db, migrations, join(dir, 'backups'), now)
    db.prepare(
      "INSERT INTO hubs (id, name, created_at) VALUES ('h1', 'Pôle Ouest', '2026-11-29T10:00:00Z')",
    ).run()
    const broken: Migration = {
      version: latest + 1,
      name: 'broken',
      up: (d) => {
        d.exec('ALTER TABLE hubs ADD COLUMN phone TEXT')
        throw new Error('échec au milieu')
      },
    }
    expect(() => migrate(db, [...migrations, broken], join(dir, 'backups'), now)).toThrow('échec au milieu')
    expect(db.pragma('user_version', { simple: true })).toBe(latest)
    expect(db.prepare('SELECT * FROM hubs').all()).toEqual([
      { id: 'h1', name: 'Pôle Ouest', created_at: '2026-11-29T10:00:00Z' },
    ])
    db.close()
  })

  it('refuse a database from a newer version with a clear message, and do not touch it', () => {
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    db.pragma('user_version = 99')
    db.close()
    expect(() => openBackend({ dataDir: dir, seed: 'demo' })).toThrow(DatabaseTooNewError)
    expect(() => openBackend({ dataDir: dir, seed: 'demo' })).toThrow(/version plus récente de Mutualisation/)
    const again = new Database(join(dir, DATABASE_FILE))
    expect(again.pragma('user_version', { simple: true })).toBe(99)
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({
      n: 0,
    })
    again.close()
    expect(readdirSync(dir).filter((f) => f.startsWith('backups'))).toEqual([])
  })

  it('keep the journal append-only', () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    db.prepare(
      "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, site_id, hlc) VALUES ('a1', '2026-11-29T10:00:00Z', 'test', 'booking', 'b1', 'create', 's1', '2026-11-29T10:00:00.000Z-0000-s1')",
    ).run()
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/ne se modifie pas/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/ne se supprime pas/)
    db.close()
  })
})
