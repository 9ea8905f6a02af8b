import type { Migration } from '../migrate'

/**
 * Damage decisions (review of issue 7):
 * - `damage_charges` also records the manager's decision not to bill damaged or missing units:
 *   `quantity` 0 with its `reason` (« décidé de ne pas facturer »), where 0 used to delete the row and
 *   lose the decision. SQLite cannot loosen a CHECK in place, so the table is rebuilt with its rows
 *   (all of them charges, `reason` empty);
 * - a partial index over the booking items that came back damaged or missing, so that the items still
 *   awaiting a decision (`costs.pendingDamages`) are found without reading every returned booking.
 */
export const damageDecisions: Migration = {
  version: 6,
  name: 'damage-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE damage_charges_new (
        booking_id TEXT NOT NULL REFERENCES bookings(id),
        resource_id TEXT NOT NULL REFERENCES resources(id),
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        unit_value_cents INTEGER NOT NULL CHECK (unit_value_cents >= 0),
        confirmed_at TEXT NOT NULL,
        confirmed_date TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (booking_id, resource_id),
        CHECK (quantity >= 1 OR reason <> '')
      ) STRICT;
      INSERT INTO damage_charges_new (booking_id, resource_id, quantity, unit_value_cents, confirmed_at,
          confirmed_date, confirmed_by, notes)
        SELECT booking_id, resource_id, quantity, unit_value_cents, confirmed_at, confirmed_date, confirmed_by, notes
        FROM damage_charges;
      DROP TABLE damage_charges;
      ALTER TABLE damage_charges_new RENAME TO damage_charges;
      CREATE INDEX damage_charges_date ON damage_charges(confirmed_date);

      CREATE INDEX booking_items_damaged ON booking_items(booking_id)
        WHERE damaged_quantity > 0 OR returned_quantity < quantity;
    `)
  },
}
