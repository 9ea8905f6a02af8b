import type { Migration } from '../migrate'

/** Hubs, communes, categories, resources, bookings with items, unavailabilities, references, journal. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE hubs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE communes (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        insee_code TEXT NOT NULL UNIQUE CHECK (length(insee_code) = 5),
        siren TEXT,
        postal_code TEXT,
        population INTEGER,
        hub_id TEXT REFERENCES hubs(id)
      ) STRICT;

      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        parent_id TEXT REFERENCES categories(id),
        kind TEXT NOT NULL CHECK (kind IN ('equipment', 'vehicle', 'staff')),
        UNIQUE (parent_id, name)
      ) STRICT;

      CREATE TABLE resources (
        id TEXT PRIMARY KEY,
        hub_id TEXT NOT NULL REFERENCES hubs(id),
        kind TEXT NOT NULL CHECK (kind IN ('equipment', 'vehicle', 'staff')),
        name TEXT NOT NULL,
        category_id TEXT REFERENCES categories(id),
        tracking TEXT NOT NULL CHECK (tracking IN ('unit', 'stock')),
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        buffer_before_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
        buffer_after_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
        inventory_number TEXT UNIQUE,
        serial_number TEXT,
        plate TEXT UNIQUE,
        licence_required TEXT,
        odometer_km INTEGER,
        next_inspection_date TEXT,
        qualifications TEXT NOT NULL DEFAULT '[]',
        weekly_hours REAL,
        notes TEXT NOT NULL DEFAULT '',
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (tracking = 'stock' OR quantity = 1),
        CHECK (kind = 'equipment' OR tracking = 'unit')
      ) STRICT;
      CREATE INDEX resources_kind ON resources(kind, archived_at);

      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        hub_id TEXT NOT NULL REFERENCES hubs(id),
        commune_id TEXT NOT NULL REFERENCES communes(id),
        title TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled', 'checked_out', 'returned')),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        all_day INTEGER NOT NULL CHECK (all_day IN (0, 1)),
        start_date TEXT,
        end_date TEXT,
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_ms > start_ms),
        CHECK (all_day = 0 OR (start_date IS NOT NULL AND end_date IS NOT NULL))
      ) STRICT;
      CREATE INDEX bookings_period ON bookings(start_ms, end_ms);
      -- Lets overlap queries bound their scan: start_ms lies in [from - longest duration, to).
      CREATE INDEX bookings_duration ON bookings(end_ms - start_ms);
      CREATE INDEX bookings_commune ON bookings(commune_id, start_ms);

      CREATE TABLE booking_items (
        booking_id TEXT NOT NULL REFERENCES bookings(id),
        resource_id TEXT NOT NULL REFERENCES resources(id),
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        PRIMARY KEY (booking_id, resource_id)
      ) STRICT;
      CREATE INDEX booking_items_resource ON booking_items(resource_id, booking_id);

      CREATE TABLE unavailabilities (
        id TEXT PRIMARY KEY,
        resource_id TEXT NOT NULL REFERENCES resources(id),
        kind TEXT NOT NULL CHECK (kind IN ('maintenance', 'repair', 'inspection', 'leave')),
        reason TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        all_day INTEGER NOT NULL CHECK (all_day IN (0, 1)),
        start_date TEXT,
        end_date TEXT,
        created_at TEXT NOT NULL,
        CHECK (end_ms > start_ms)
      ) STRICT;
      CREATE INDEX unavailabilities_resource ON unavailabilities(resource_id, start_ms);

      CREATE TABLE booking_references (
        year INTEGER PRIMARY KEY,
        last_number INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'Le journal ne se modifie pas.'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'Le journal ne se supprime pas.'); END;
    `)
  },
}
