import type { Qualification, Resource, ResourceKind } from '../../../../shared/domain/types'
import { instantToLocalDate } from '../../../../shared/time'
import { prepare, type Db } from '../connection'
import { DAILY_RATE_SQL, syncDailyRate } from './rates'

interface DbResource {
  id: string
  hub_id: string
  kind: Resource['kind']
  name: string
  category_id: string | null
  tracking: Resource['tracking']
  quantity: number
  out_of_service_quantity: number
  buffer_before_minutes: number
  buffer_after_minutes: number
  inventory_number: string | null
  serial_number: string | null
  condition: Resource['condition']
  purchase_date: string | null
  purchase_value_cents: number | null
  /** The per-day rate in force today (Europe/Paris, backend clock: `paris_today()`), never written here. */
  daily_rate_cents: number | null
  area_m2: number | null
  plate: string | null
  licence_required: string | null
  odometer_km: number | null
  hour_meter_hours: number | null
  next_inspection_date: string | null
  home_commune_id: string | null
  qualifications: string
  weekly_hours: number | null
  requires_approval: number
  required_qualification: string | null
  notes: string
  archived_at: string | null
  created_at: string
  updated_at: string
}

/** A resource as stored; `archivedAt` is the ISO UTC instant of archiving or null. */
export type ResourceRecord = Omit<Resource, 'archived'> & { readonly archivedAt: string | null }

/**
 * A resource about to be stored for the first time: every optional attribute empty, no buffer, nothing
 * out of service, a unit item in good condition (as `resources.create` says), then `fields` on top.
 * The one place that lists a new resource's defaults: create, import, seed and benchmarks use it.
 * `at` is the ISO 8601 UTC instant of creation.
 */
export function newResourceRecord(
  base: Pick<ResourceRecord, 'id' | 'hubId' | 'kind' | 'name'> & { readonly at: string },
  fields: Partial<Omit<ResourceRecord, 'id' | 'hubId' | 'kind' | 'name' | 'createdAt' | 'updatedAt'>> = {},
): ResourceRecord {
  const tracking = fields.tracking ?? 'unit'
  return {
    id: base.id,
    hubId: base.hubId,
    kind: base.kind,
    name: base.name,
    categoryId: null,
    tracking,
    quantity: 1,
    outOfServiceQuantity: 0,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    inventoryNumber: null,
    serialNumber: null,
    condition: base.kind === 'equipment' && tracking === 'unit' ? 'good' : null,
    purchaseDate: null,
    purchaseValueCents: null,
    dailyRateCents: null,
    areaM2: null,
    plate: null,
    licenceRequired: null,
    odometerKm: null,
    hourMeterHours: null,
    nextInspectionDate: null,
    homeCommuneId: null,
    qualifications: [],
    weeklyHours: null,
    requiresApproval: false,
    requiredQualification: null,
    notes: '',
    archivedAt: null,
    ...fields,
    createdAt: base.at,
    updatedAt: base.at,
  }
}

function toRecord(row: DbResource): ResourceRecord {
  return {
    id: row.id,
    hubId: row.hub_id,
    kind: row.kind,
    name: row.name,
    categoryId: row.category_id,
    tracking: row.tracking,
    quantity: row.quantity,
    outOfServiceQuantity: row.out_of_service_quantity,
    bufferBeforeMinutes: row.buffer_before_minutes,
    bufferAfterMinutes: row.buffer_after_minutes,
    inventoryNumber: row.inventory_number,
    serialNumber: row.serial_number,
    condition: row.condition,
    purchaseDate: row.purchase_date,
    purchaseValueCents: row.purchase_value_cents,
    dailyRateCents: row.daily_rate_cents,
    areaM2: row.area_m2,
    plate: row.plate,
    licenceRequired: row.licence_required,
    odometerKm: row.odometer_km,
    hourMeterHours: row.hour_meter_hours,
    nextInspectionDate: row.next_inspection_date,
    homeCommuneId: row.home_commune_id,
    qualifications: JSON.parse(row.qualifications) as Qualification[],
    weeklyHours: row.weekly_hours,
    requiresApproval: row.requires_approval === 1,
    requiredQualification: row.required_qualification,
    notes: row.notes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toRow(r: ResourceRecord): DbResource {
  return {
    id: r.id,
    hub_id: r.hubId,
    kind: r.kind,
    name: r.name,
    category_id: r.categoryId,
    tracking: r.tracking,
    quantity: r.quantity,
    out_of_service_quantity: r.outOfServiceQuantity,
    buffer_before_minutes: r.bufferBeforeMinutes,
    buffer_after_minutes: r.bufferAfterMinutes,
    inventory_number: r.inventoryNumber,
    serial_number: r.serialNumber,
    condition: r.condition,
    purchase_date: r.purchaseDate,
    purchase_value_cents: r.purchaseValueCents,
    daily_rate_cents: r.dailyRateCents,
    area_m2: r.areaM2,
    plate: r.plate,
    licence_required: r.licenceRequired,
    odometer_km: r.odometerKm,
    hour_meter_hours: r.hourMeterHours,
    next_inspection_date: r.nextInspectionDate,
    home_commune_id: r.homeCommuneId,
    qualifications: JSON.stringify(r.qualifications),
    weekly_hours: r.weeklyHours,
    requires_approval: r.requiresApproval ? 1 : 0,
    required_qualification: r.requiredQualification,
    notes: r.notes,
    archived_at: r.archivedAt,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  }
}

/** The stored columns; `dailyRateCents` lives in `resource_rates` (migration 005). */
const storedColumns = `id, hub_id, kind, name, category_id, tracking, quantity, out_of_service_quantity,
  buffer_before_minutes, buffer_after_minutes, inventory_number, serial_number, condition, purchase_date,
  purchase_value_cents, area_m2, plate, licence_required, odometer_km, hour_meter_hours,
  next_inspection_date, home_commune_id, qualifications, weekly_hours, requires_approval, required_qualification,
  notes, archived_at, created_at, updated_at`

const columns = `${storedColumns}, ${DAILY_RATE_SQL} AS daily_rate_cents`

/** `@id, @hub_id, …`: one named parameter per stored column, in the order of `storedColumns`. */
const placeholders = storedColumns
  .split(',')
  .map((c) => `@${c.trim()}`)
  .join(', ')

/**
 * Writes `dailyRateCents` as a per-day rate (rates.ts, `syncDailyRate`): from 1900-01-01 for a new
 * resource (its rate applies to its whole history), from the local day of `updatedAt` otherwise.
 */
function storeDailyRate(db: Db, resource: ResourceRecord, isNew: boolean): void {
  syncDailyRate(db, {
    resourceId: resource.id,
    dailyRateCents: resource.dailyRateCents,
    validFrom: isNew ? '1900-01-01' : instantToLocalDate(Date.parse(resource.updatedAt)),
    at: resource.updatedAt,
    by: 'fiche de la ressource',
  })
}

export function insertResource(db: Db, resource: ResourceRecord): void {
  prepare(db, `INSERT INTO resources (${storedColumns}) VALUES (${placeholders})`).run(toRow(resource))
  storeDailyRate(db, resource, true)
}

/** Overwrites every mutable column of the resource with `resource`'s values. */
export function updateResource(db: Db, resource: ResourceRecord): void {
  prepare(
    db,
    `UPDATE resources SET name = @name, category_id = @category_id, quantity = @quantity,
      out_of_service_quantity = @out_of_service_quantity, buffer_before_minutes = @buffer_before_minutes,
      buffer_after_minutes = @buffer_after_minutes, inventory_number = @inventory_number,
      serial_number = @serial_number, condition = @condition, purchase_date = @purchase_date,
      purchase_value_cents = @purchase_value_cents, area_m2 = @area_m2, plate = @plate,
      licence_required = @licence_required, odometer_km = @odometer_km, hour_meter_hours = @hour_meter_hours,
      next_inspection_date = @next_inspection_date, home_commune_id = @home_commune_id,
      qualifications = @qualifications, weekly_hours = @weekly_hours, requires_approval = @requires_approval,
      required_qualification = @required_qualification, notes = @notes, archived_at = @archived_at,
      updated_at = @updated_at
     WHERE id = @id`,
  ).run(toRow(resource))
  storeDailyRate(db, resource, false)
}

export function getResource(db: Db, id: string): ResourceRecord | undefined {
  const row = prepare<[string], DbResource>(db, `SELECT ${columns} FROM resources WHERE id = ?`).get(id)
  return row && toRecord(row)
}

/** The resources with these ids (archived included), in no particular order. */
export function getResourcesByIds(db: Db, ids: readonly string[]): ResourceRecord[] {
  return prepare<[string], DbResource>(
    db,
    `SELECT ${columns} FROM resources WHERE id IN (SELECT value FROM json_each(?))`,
  )
    .all(JSON.stringify(ids))
    .map(toRecord)
}

/** Filters of `listResources`; `search` matches name, inventory number, serial number or plate. */
export interface ResourceFilter {
  readonly kind?: ResourceKind | undefined
  readonly categoryId?: string | undefined
  readonly hubId?: string | undefined
  readonly includeArchived?: boolean | undefined
  readonly search?: string | undefined
}

/** Resources matching the filter, by kind then name. A category matches its sub-categories too. */
export function listResources(db: Db, filter: ResourceFilter): ResourceRecord[] {
  const search = filter.search?.trim()
    ? `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null
  return prepare<Record<string, string | number | null>, DbResource>(
    db,
    `SELECT ${columns} FROM resources
       WHERE (@kind IS NULL OR kind = @kind)
         AND (@hubId IS NULL OR hub_id = @hubId)
         AND (@includeArchived = 1 OR archived_at IS NULL)
         AND (@categoryId IS NULL OR category_id = @categoryId
              OR category_id IN (SELECT id FROM categories WHERE parent_id = @categoryId))
         AND (@search IS NULL OR name LIKE @search ESCAPE '\\' OR inventory_number LIKE @search ESCAPE '\\'
              OR serial_number LIKE @search ESCAPE '\\' OR replace(plate, '-', '') LIKE replace(@search, '-', '') ESCAPE '\\')
       ORDER BY CASE kind WHEN 'equipment' THEN 0 WHEN 'vehicle' THEN 1 ELSE 2 END, name COLLATE NOCASE`,
  )
    .all({
      kind: filter.kind ?? null,
      hubId: filter.hubId ?? null,
      includeArchived: filter.includeArchived ? 1 : 0,
      categoryId: filter.categoryId ?? null,
      search,
    })
    .map(toRecord)
}

/** The resource with this inventory number (archived included), compared without case. */
export function getResourceByInventoryNumber(db: Db, inventoryNumber: string): ResourceRecord | undefined {
  const row = prepare<[string], DbResource>(
    db,
    `SELECT ${columns} FROM resources WHERE inventory_number = ? COLLATE NOCASE`,
  ).get(inventoryNumber)
  return row && toRecord(row)
}

/** The vehicle with this plate (`AB-123-CD`). */
export function getResourceByPlate(db: Db, plate: string): ResourceRecord | undefined {
  const row = prepare<[string], DbResource>(db, `SELECT ${columns} FROM resources WHERE plate = ?`).get(plate)
  return row && toRecord(row)
}
