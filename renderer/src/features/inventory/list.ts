/**
 * The inventory list: filtering, searching, scanning and selecting resources. Pure functions, no DOM,
 * no store.
 */
import type { Category, Resource, ResourceKind } from '../../../../shared/domain/types'

export interface ResourceFilter {
  readonly kind: ResourceKind
  /** A category, or '' for all; a top-level category includes its children. */
  readonly categoryId: string
  readonly search: string
  readonly showArchived: boolean
}

function normalize(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '')
}

/** The resources of the list: kind, category (with sub-categories), search, archived; sorted by name. */
export function filterResources(
  resources: readonly Resource[],
  categories: readonly Category[],
  filter: ResourceFilter,
): Resource[] {
  const categoryIds = new Set(
    filter.categoryId
      ? [filter.categoryId, ...categories.filter((c) => c.parentId === filter.categoryId).map((c) => c.id)]
      : [],
  )
  const needle = normalize(filter.search)
  return resources
    .filter((r) => r.kind === filter.kind)
    .filter((r) => filter.showArchived || !r.archived)
    .filter((r) => !filter.categoryId || (r.categoryId !== null && categoryIds.has(r.categoryId)))
    .filter(
      (r) =>
        needle === '' ||
        [r.name, r.inventoryNumber, r.serialNumber, r.plate]
          .filter((v): v is string => v !== null)
          .some((v) => normalize(v).includes(needle)),
    )
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'fr'))
}

/** A code as a scanner or a person types it, for comparison: no spaces or dashes, upper case. */
function codeKey(value: string): string {
  return value.replace(/[\s\u00a0\u202f-]+/g, '').toUpperCase()
}

/**
 * The resource a scanned or typed code names: exact inventory number (case-insensitive) first, then
 * plate (`AB-123-CD`, `ab123cd`); a live resource before an archived one; null when none matches.
 */
export function findByCode(resources: readonly Resource[], code: string): Resource | null {
  const trimmed = code.trim()
  if (trimmed === '') return null
  const upper = trimmed.toUpperCase()
  const key = codeKey(trimmed)
  const live = (list: Resource[]) => list.find((r) => !r.archived) ?? list[0] ?? null
  const byInventory = resources.filter((r) => r.inventoryNumber?.trim().toUpperCase() === upper)
  if (byInventory.length > 0) return live(byInventory)
  const byPlate = resources.filter((r) => r.plate !== null && codeKey(r.plate) === key)
  return live(byPlate)
}

/** The hash of a resource's detail page, `#/inventaire/<id>`. */
export function detailHash(id: string): string {
  return `#/inventaire/${encodeURIComponent(id)}`
}

const numberFr = new Intl.NumberFormat('fr-FR')

/** A vehicle's counter: `84 250 km`, `1 250 h`, or null when neither is known. */
export function meterText(resource: Pick<Resource, 'odometerKm' | 'hourMeterHours'>): string | null {
  if (resource.odometerKm !== null) return `${numberFr.format(resource.odometerKm)} km`
  if (resource.hourMeterHours !== null) return `${numberFr.format(resource.hourMeterHours)} h`
  return null
}

/**
 * The selection after ticking or unticking several rows at once: `ids` added (in order, without
 * duplicates) or removed; the other selected ids are kept.
 */
export function updateSelection(
  current: readonly string[],
  ids: readonly string[],
  selected: boolean,
): string[] {
  if (!selected) {
    const removed = new Set(ids)
    return current.filter((id) => !removed.has(id))
  }
  const result = [...current]
  for (const id of ids) if (!result.includes(id)) result.push(id)
  return result
}

/** The hash of the labels sheet for these resources, `#/etiquettes?ids=a,b`. */
export function labelsHash(ids: readonly string[]): string {
  return `#/etiquettes?ids=${ids.map(encodeURIComponent).join(',')}`
}
