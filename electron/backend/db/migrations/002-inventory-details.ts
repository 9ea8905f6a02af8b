import type { Migration } from '../migrate'

/**
 * Inventory in depth (issue 3): condition, purchase, daily rate, stock out of service, hour-meter,
 * agents' home commune, inventory numbers unique whatever their case, and qualifications with their expiry (`["CACES R486"]` becomes
 * `[{"name":"CACES R486","expiresOn":null}]`).
 */
export const inventoryDetails: Migration = {
  version: 2,
  name: 'inventory-details',
  up(db) {
    db.exec(`
      ALTER TABLE resources ADD COLUMN out_of_service_quantity INTEGER NOT NULL DEFAULT 0
        CHECK (out_of_service_quantity >= 0);
      ALTER TABLE resources ADD COLUMN condition TEXT
        CHECK (condition IN ('good', 'worn', 'to_repair', 'out_of_service'));
      ALTER TABLE resources ADD COLUMN purchase_date TEXT;
      ALTER TABLE resources ADD COLUMN purchase_value_cents INTEGER CHECK (purchase_value_cents >= 0);
      ALTER TABLE resources ADD COLUMN daily_rate_cents INTEGER CHECK (daily_rate_cents >= 0);
      ALTER TABLE resources ADD COLUMN hour_meter_hours REAL CHECK (hour_meter_hours >= 0);
      ALTER TABLE resources ADD COLUMN home_commune_id TEXT REFERENCES communes(id);
      UPDATE resources SET qualifications = (
        SELECT json_group_array(json_object('name', q.value, 'expiresOn', NULL))
        FROM json_each(resources.qualifications) AS q
      );
      UPDATE resources SET condition = 'good' WHERE kind = 'equipment' AND tracking = 'unit';
      CREATE INDEX unavailabilities_period ON unavailabilities(start_ms, end_ms);
      -- An inventory number is what a scanner reads: PTO-MOB-001 and pto-mob-001 are the same label.
      CREATE UNIQUE INDEX resources_inventory_number_nocase ON resources(inventory_number COLLATE NOCASE);
    `)
  },
}
