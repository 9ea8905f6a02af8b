/**
 * Migration 005 (cost sharing): daily rates move into `resource_rates` (from 1900-01-01) and the
 * column is dropped; resources get `area_m2`; statements refuse any change.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { migrations } from '../../electron/backend/db/migrations'
import { tempDir } from './helpers'

const now = () => Date.parse('2026-11-29T10:00:00Z')

describe('migration 005', () => {
  it('moves each daily rate into the rates, applying since 1900, and drops the column', () => {
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    migrate(db, migrations, join(dir, 'backups'), now, 4)
    db.exec(`
      INSERT INTO hubs (id, name, created_at) VALUES ('h1', 'Pôle Ouest', '2026-11-29T10:00:00Z');
      INSERT INTO resources (id, hub_id, kind, name, tracking, quantity, daily_rate_cents, created_at, updated_at)
      VALUES ('c1', 'h1', 'equipment', 'Chaises', 'stock', 120, 31, 'x', '2026-11-01T09:00:00.000Z'),
             ('p1', 'h1', 'equipment', 'Podium', 'unit', 1, NULL, 'x', 'x');
    `)
    expect(migrate(db, migrations, join(dir, 'backups'), now, 5)).not.toBeNull()
    expect(db.pragma('user_version', { simple: true })).toBe(5)
    expect(
      db
        .prepare(
          'SELECT resource_id, unit, amount_cents, deposit_cents, free, valid_from, created_at, created_by FROM resource_rates',
        )
        .all(),
    ).toEqual([
      {
        resource_id: 'c1',
        unit: 'day',
        amount_cents: 31,
        deposit_cents: 0,
        free: 0,
        valid_from: '1900-01-01',
        created_at: '2026-11-01T09:00:00.000Z',
        created_by: 'migration 005',
      },
    ])
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('resources')")
      .all()
      .map((c) => c.name)
    expect(columns).toContain('area_m2')
    expect(columns).not.toContain('daily_rate_cents')
    expect(() => db.prepare("UPDATE resources SET area_m2 = 0 WHERE id = 'p1'").run()).toThrow(/CHECK/)
    db.close()
  })
})
