/**
 * Versions of a hub's cost and governance settings (`hub_settings`, migration 005): one row per hub
 * and day from which it applies (`valid_from`, a local date, Europe/Paris). The values are one JSON
 * object; fields missing from an older version take the built-in defaults (shared/costs/defaults.ts).
 * Named apart from ./settings.ts, the installation's key/value settings (migration 004).
 */
import type { HubSettings } from '../../../../shared/domain/costs'
import { defaultHubSettings } from '../../../../shared/costs/defaults'
import { prepare, type Db } from '../connection'

interface DbHubSettings {
  hub_id: string
  valid_from: string
  settings_json: string
  updated_at: string
  updated_by: string
}

type StoredValues = Omit<HubSettings, 'hubId' | 'validFrom' | 'updatedAt' | 'updatedBy'>

function toSettings(row: DbHubSettings): HubSettings {
  const defaults = defaultHubSettings(row.hub_id)
  const stored = JSON.parse(row.settings_json) as Partial<StoredValues>
  return {
    ...defaults,
    ...stored,
    surcharges: { ...defaults.surcharges, ...stored.surcharges },
    governance: { ...defaults.governance, ...stored.governance },
    hubId: row.hub_id,
    validFrom: row.valid_from,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }
}

/** The hub's stored versions, latest `validFrom` first (empty while the defaults apply). */
export function listHubSettings(db: Db, hubId: string): HubSettings[] {
  return prepare<[string], DbHubSettings>(
    db,
    `SELECT hub_id, valid_from, settings_json, updated_at, updated_by FROM hub_settings
     WHERE hub_id = ? ORDER BY valid_from DESC`,
  )
    .all(hubId)
    .map(toSettings)
}

/** Stores a version, replacing one stored for the same hub and `validFrom`. */
export function upsertHubSettings(
  db: Db,
  settings: HubSettings & { readonly updatedAt: string; readonly updatedBy: string },
): void {
  const values: StoredValues = {
    agentHourlyRateCents: settings.agentHourlyRateCents,
    vehicleHourlyRateCents: settings.vehicleHourlyRateCents,
    allDayHours: settings.allDayHours,
    surcharges: settings.surcharges,
    governance: settings.governance,
  }
  prepare(
    db,
    `INSERT INTO hub_settings (hub_id, valid_from, settings_json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(hub_id, valid_from) DO UPDATE SET settings_json = excluded.settings_json,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(settings.hubId, settings.validFrom, JSON.stringify(values), settings.updatedAt, settings.updatedBy)
}
