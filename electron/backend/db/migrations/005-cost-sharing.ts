import { randomUUID } from 'node:crypto'
import type { Migration } from '../migrate'

/**
 * Cost sharing and governance (issue 7):
 * - `resources.area_m2` (podium, tents) for rates per m² and per day;
 * - `resource_rates`: each resource's rates, one row per day from which it applies (`valid_from`,
 *   a local date), so that a booking is counted at the rate in force on its first day;
 * - `resources.daily_rate_cents` (issue 3) is moved into `resource_rates` and dropped, so that the
 *   rates have one source of truth: each non-null value becomes a per-day rate applying since
 *   1900-01-01 (before any booking). The API's `Resource.dailyRateCents` is now read from the
 *   resource's rate in force today (its amount when that rate is per day, else null), and writing it
 *   (inventory form, import) stores a per-day rate from that day (from 1900-01-01 at creation):
 *   electron/backend/db/repositories/resources.ts and rates.ts;
 * - `hub_settings`: versions of the hub's settings (agents' and vehicles' hourly rates, surcharge
 *   bands, governance rules), each from its `valid_from`; without a row the built-in defaults of
 *   shared/costs/defaults.ts apply;
 * - `statements` and `statement_lines`: issued statements, numbered per year (`statement_numbers`),
 *   which triggers keep from ever being updated or deleted, like the journal;
 * - `deposits` (one per booking: received, then returned) and `damage_charges` (damaged or missing
 *   units the manager confirmed to charge, dated by their local confirmation day).
 */
export const costSharing: Migration = {
  version: 5,
  name: 'cost-sharing',
  up(db) {
    db.exec(`
      ALTER TABLE resources ADD COLUMN area_m2 REAL CHECK (area_m2 > 0);

      CREATE TABLE resource_rates (
        id TEXT PRIMARY KEY,
        resource_id TEXT NOT NULL REFERENCES resources(id),
        unit TEXT NOT NULL CHECK (unit IN ('day', 'half_day', 'hour', 'm2_day', 'loan', 'none')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        deposit_cents INTEGER NOT NULL DEFAULT 0 CHECK (deposit_cents >= 0),
        free INTEGER NOT NULL DEFAULT 0 CHECK (free IN (0, 1)),
        valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (resource_id, valid_from),
        CHECK (unit <> 'none' OR amount_cents = 0)
      ) STRICT;
    `)
    const rows = db
      .prepare<[], { id: string; daily_rate_cents: number; updated_at: string }>(
        'SELECT id, daily_rate_cents, updated_at FROM resources WHERE daily_rate_cents IS NOT NULL',
      )
      .all()
    const insert = db.prepare(
      `INSERT INTO resource_rates (id, resource_id, unit, amount_cents, valid_from, created_at, created_by)
       VALUES (?, ?, 'day', ?, '1900-01-01', ?, 'migration 005')`,
    )
    for (const row of rows) insert.run(randomUUID(), row.id, row.daily_rate_cents, row.updated_at)
    db.exec(`
      ALTER TABLE resources DROP COLUMN daily_rate_cents;

      CREATE TABLE hub_settings (
        hub_id TEXT NOT NULL REFERENCES hubs(id),
        valid_from TEXT NOT NULL,
        settings_json TEXT NOT NULL CHECK (json_valid(settings_json)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (hub_id, valid_from)
      ) STRICT;

      CREATE TABLE statement_numbers (
        year INTEGER PRIMARY KEY,
        last_number INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        hub_id TEXT NOT NULL REFERENCES hubs(id),
        commune_id TEXT NOT NULL REFERENCES communes(id),
        commune_name TEXT NOT NULL,
        insee_code TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        total_cents INTEGER NOT NULL,
        rules_json TEXT NOT NULL CHECK (json_valid(rules_json)),
        CHECK (period_to >= period_from)
      ) STRICT;
      CREATE INDEX statements_commune ON statements(commune_id, period_from);

      CREATE TABLE statement_lines (
        statement_id TEXT NOT NULL REFERENCES statements(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('use', 'damage')),
        booking_id TEXT NOT NULL REFERENCES bookings(id),
        booking_reference TEXT NOT NULL,
        booking_title TEXT NOT NULL,
        resource_id TEXT NOT NULL REFERENCES resources(id),
        resource_name TEXT NOT NULL,
        period_text TEXT NOT NULL,
        line_date TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        units REAL NOT NULL,
        unit TEXT NOT NULL,
        area_m2 REAL,
        rate_cents INTEGER NOT NULL,
        rate_source TEXT NOT NULL,
        surcharge_percent INTEGER NOT NULL,
        band_label TEXT NOT NULL,
        free INTEGER NOT NULL CHECK (free IN (0, 1)),
        amount_cents INTEGER NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (statement_id, position)
      ) STRICT;
      CREATE INDEX statement_lines_booking ON statement_lines(booking_id, resource_id);

      CREATE TRIGGER statements_frozen_update BEFORE UPDATE ON statements
        BEGIN SELECT RAISE(ABORT, 'Un relevé émis ne se modifie pas.'); END;
      CREATE TRIGGER statements_frozen_delete BEFORE DELETE ON statements
        BEGIN SELECT RAISE(ABORT, 'Un relevé émis ne se supprime pas.'); END;
      CREATE TRIGGER statement_lines_frozen_update BEFORE UPDATE ON statement_lines
        BEGIN SELECT RAISE(ABORT, 'Un relevé émis ne se modifie pas.'); END;
      CREATE TRIGGER statement_lines_frozen_delete BEFORE DELETE ON statement_lines
        BEGIN SELECT RAISE(ABORT, 'Un relevé émis ne se supprime pas.'); END;

      CREATE TABLE deposits (
        booking_id TEXT PRIMARY KEY REFERENCES bookings(id),
        received_cents INTEGER CHECK (received_cents >= 0),
        received_at TEXT,
        received_by TEXT,
        returned_cents INTEGER CHECK (returned_cents >= 0),
        returned_at TEXT,
        returned_by TEXT,
        notes TEXT NOT NULL DEFAULT '',
        CHECK (returned_cents IS NULL OR (received_cents IS NOT NULL AND returned_cents <= received_cents))
      ) STRICT;

      CREATE TABLE damage_charges (
        booking_id TEXT NOT NULL REFERENCES bookings(id),
        resource_id TEXT NOT NULL REFERENCES resources(id),
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        unit_value_cents INTEGER NOT NULL CHECK (unit_value_cents >= 0),
        confirmed_at TEXT NOT NULL,
        confirmed_date TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (booking_id, resource_id)
      ) STRICT;
      CREATE INDEX damage_charges_date ON damage_charges(confirmed_date);
    `)
  },
}
