import type { Migration } from '../migrate'

/**
 * The booking lifecycle (issue 4): resources needing approval or a qualified operator; bookings with
 * an idempotency key, a refusal reason, the commune's own operator, delivery, series, hand-over and
 * return; returned and damaged quantities; logistics tasks occupying a vehicle and agents; repair
 * unavailabilities that last until the manager restores the item.
 */
export const bookingLifecycle: Migration = {
  version: 3,
  name: 'booking-lifecycle',
  up(db) {
    db.exec(`
      ALTER TABLE resources ADD COLUMN requires_approval INTEGER NOT NULL DEFAULT 0
        CHECK (requires_approval IN (0, 1));
      ALTER TABLE resources ADD COLUMN required_qualification TEXT;

      CREATE TABLE series (
        id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        exception_dates TEXT NOT NULL DEFAULT '[]',
        client_request_id TEXT UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE bookings ADD COLUMN client_request_id TEXT;
      CREATE UNIQUE INDEX bookings_client_request ON bookings(client_request_id)
        WHERE client_request_id IS NOT NULL;
      ALTER TABLE bookings ADD COLUMN reject_reason TEXT;
      ALTER TABLE bookings ADD COLUMN operator_name TEXT;
      ALTER TABLE bookings ADD COLUMN operator_qualification TEXT;
      ALTER TABLE bookings ADD COLUMN delivery_json TEXT;
      ALTER TABLE bookings ADD COLUMN series_id TEXT REFERENCES series(id);
      ALTER TABLE bookings ADD COLUMN checked_out_at_ms INTEGER;
      ALTER TABLE bookings ADD COLUMN checked_out_by TEXT;
      ALTER TABLE bookings ADD COLUMN check_out_odometer_km INTEGER;
      ALTER TABLE bookings ADD COLUMN check_out_notes TEXT;
      ALTER TABLE bookings ADD COLUMN returned_at_ms INTEGER;
      ALTER TABLE bookings ADD COLUMN returned_by TEXT;
      ALTER TABLE bookings ADD COLUMN return_odometer_km INTEGER;
      ALTER TABLE bookings ADD COLUMN return_notes TEXT;
      CREATE INDEX bookings_series ON bookings(series_id) WHERE series_id IS NOT NULL;
      CREATE INDEX bookings_status ON bookings(status, start_ms);

      ALTER TABLE booking_items ADD COLUMN returned_quantity INTEGER CHECK (returned_quantity >= 0);
      ALTER TABLE booking_items ADD COLUMN damaged_quantity INTEGER CHECK (damaged_quantity >= 0);

      CREATE TABLE logistics_tasks (
        id TEXT PRIMARY KEY,
        booking_id TEXT NOT NULL REFERENCES bookings(id),
        kind TEXT NOT NULL CHECK (kind IN ('delivery', 'pickup')),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        CHECK (end_ms > start_ms),
        UNIQUE (booking_id, kind)
      ) STRICT;
      CREATE INDEX logistics_tasks_period ON logistics_tasks(start_ms, end_ms);

      CREATE TABLE logistics_task_resources (
        task_id TEXT NOT NULL REFERENCES logistics_tasks(id),
        resource_id TEXT NOT NULL REFERENCES resources(id),
        PRIMARY KEY (task_id, resource_id)
      ) STRICT;
      CREATE INDEX logistics_task_resources_resource ON logistics_task_resources(resource_id, task_id);

      ALTER TABLE unavailabilities ADD COLUMN booking_id TEXT REFERENCES bookings(id);
      ALTER TABLE unavailabilities ADD COLUMN until_restored INTEGER NOT NULL DEFAULT 0
        CHECK (until_restored IN (0, 1));
    `)
  },
}
