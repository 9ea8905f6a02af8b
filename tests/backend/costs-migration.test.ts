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

describe('migration 006', () => {
  it('keeps each damage charge, and lets a decision not to bill be stored with its reason', () => {
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    migrate(db, migrations, join(dir, 'backups'), now, 5)
    db.exec(`
      INSERT INTO hubs (id, name, created_at) VALUES ('h1', 'Pôle Ouest', 'x');
      INSERT INTO communes (id, name, insee_code, hub_id) VALUES ('c1', 'Tiffauges', '85293', 'h1');
      INSERT INTO resources (id, hub_id, kind, name, tracking, quantity, created_at, updated_at)
      VALUES ('r1', 'h1', 'equipment', 'Chaises', 'stock', 120, 'x', 'x'),
             ('r2', 'h1', 'equipment', 'Podium', 'unit', 1, 'x', 'x');
      INSERT INTO bookings (id, reference, hub_id, commune_id, title, status, start_ms, end_ms, all_day,
        start_date, end_date, created_at, updated_at)
      VALUES ('b1', 'RES-2027-0001', 'h1', 'c1', 'Fête', 'returned', 1, 2, 1, '2027-05-14', '2027-05-17', 'x', 'x');
      INSERT INTO booking_items (booking_id, resource_id, quantity) VALUES ('b1', 'r1', 40), ('b1', 'r2', 1);
      INSERT INTO damage_charges (booking_id, resource_id, quantity, unit_value_cents, confirmed_at,
        confirmed_date, confirmed_by, notes)
      VALUES ('b1', 'r1', 3, 1800, '2027-06-02T08:00:00.000Z', '2027-06-02', 'responsable', 'Pieds tordus');
    `)
    expect(() =>
      db.exec(`INSERT INTO damage_charges (booking_id, resource_id, quantity, unit_value_cents, confirmed_at,
        confirmed_date, confirmed_by) VALUES ('b1', 'r2', 0, 0, 'x', '2027-06-02', 'x')`),
    ).toThrow(/CHECK/)
    migrate(db, migrations, join(dir, 'backups'), now, 6)
    expect(db.pragma('user_version', { simple: true })).toBe(6)
    expect(db.prepare('SELECT * FROM damage_charges').all()).toEqual([
      {
        booking_id: 'b1',
        resource_id: 'r1',
        quantity: 3,
        unit_value_cents: 1800,
        confirmed_at: '2027-06-02T08:00:00.000Z',
        confirmed_date: '2027-06-02',
        confirmed_by: 'responsable',
        notes: 'Pieds tordus',
        reason: '',
      },
    ])
    const waive = db.prepare(`INSERT INTO damage_charges (booking_id, resource_id, quantity, unit_value_cents,
      confirmed_at, confirmed_date, confirmed_by, reason) VALUES ('b1', 'r2', 0, 0, 'x', '2027-06-02', 'x', ?)`)
    // Not billed needs its reason.
    expect(() => waive.run('')).toThrow(/CHECK/)
    waive.run('Usure normale')
    expect(db.prepare("SELECT quantity, reason FROM damage_charges WHERE resource_id = 'r2'").get()).toEqual({
      quantity: 0,
      reason: 'Usure normale',
    })
    const indexes = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .all()
      .map((i) => i.name)
    expect(indexes).toEqual(expect.arrayContaining(['booking_items_damaged', 'damage_charges_date']))
    db.close()
  })
})
