/**
 * The rows of the board: filtered, grouped by kind then category, and their heights. Pure functions,
 * no DOM, no store, no machine time zone.
 */
import type { Category, Resource, ResourceKind } from '../../../../shared/domain/types'
import { resourceKinds } from '../../../../shared/domain/types'
import { kindPluralLabel } from '../../lib/labels'

/** What filters the rows: kind, category (a parent takes its children), text in the name. */
export interface RowFilter {
  readonly kind: ResourceKind | ''
  readonly categoryId: string
  readonly search: string
}

export type GridRow =
  | {
      readonly type: 'kind'
      readonly key: string
      readonly kind: ResourceKind
      readonly label: string
      readonly count: number
      readonly collapsed: boolean
    }
  | {
      readonly type: 'category'
      readonly key: string
      readonly kind: ResourceKind
      readonly label: string
      readonly count: number
      readonly collapsed: boolean
    }
  | { readonly type: 'resource'; readonly key: string; readonly resource: Resource }

/** Lower case without accents, for searching: `Élagage` → `elagage`. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

/** `Manifestations › Chaises et tables` for a sub-category, its name for a top-level one. */
export function categoryLabel(categoriesById: ReadonlyMap<string, Category>, id: string | null): string {
  const category = id ? categoriesById.get(id) : undefined
  if (!category) return 'Sans catégorie'
  const parent = category.parentId ? categoriesById.get(category.parentId) : undefined
  return parent ? `${parent.name} › ${category.name}` : category.name
}

/**
 * The rows of the board: for each kind (Matériel, Véhicules, Agents) a header, then for each
 * category (`Parent › Enfant`, alphabetical, "Sans catégorie" last) a header and its resources by
 * name. Archived resources are left out; kinds and categories with no resource left after filtering
 * are left out; a collapsed group (key in `collapsed`) keeps its header and hides what it holds.
 * Counts are the resources matching the filter.
 */
export function groupRows(
  resources: readonly Resource[],
  categories: readonly Category[],
  filter: RowFilter,
  collapsed: ReadonlySet<string>,
): GridRow[] {
  const categoriesById = new Map(categories.map((c) => [c.id, c]))
  const wanted = foldText(filter.search)
  const inCategory = (r: Resource) => {
    if (!filter.categoryId) return true
    if (r.categoryId === filter.categoryId) return true
    const category = r.categoryId ? categoriesById.get(r.categoryId) : undefined
    return category?.parentId === filter.categoryId
  }
  const kept = resources.filter(
    (r) =>
      !r.archived &&
      (!filter.kind || r.kind === filter.kind) &&
      inCategory(r) &&
      (!wanted || foldText(r.name).includes(wanted)),
  )
  const rows: GridRow[] = []
  for (const kind of resourceKinds) {
    const ofKind = kept.filter((r) => r.kind === kind)
    if (ofKind.length === 0) continue
    const kindKey = `kind:${kind}`
    const kindCollapsed = collapsed.has(kindKey)
    rows.push({
      type: 'kind',
      key: kindKey,
      kind,
      label: kindPluralLabel(kind),
      count: ofKind.length,
      collapsed: kindCollapsed,
    })
    if (kindCollapsed) continue
    const groups = new Map<string, Resource[]>()
    for (const r of ofKind) {
      const label = categoryLabel(categoriesById, r.categoryId)
      const list = groups.get(label)
      if (list) list.push(r)
      else groups.set(label, [r])
    }
    const labels = [...groups.keys()].sort((a, b) =>
      a === 'Sans catégorie' ? 1 : b === 'Sans catégorie' ? -1 : a.localeCompare(b, 'fr'),
    )
    for (const label of labels) {
      const members = (groups.get(label) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      const key = `cat:${kind}:${label}`
      const isCollapsed = collapsed.has(key)
      rows.push({ type: 'category', key, kind, label, count: members.length, collapsed: isCollapsed })
      if (isCollapsed) continue
      for (const resource of members) rows.push({ type: 'resource', key: resource.id, resource })
    }
  }
  return rows
}

/** Heights of the board, px. */
export const rowMetrics = {
  groupHeight: 30,
  laneHeight: 24,
  padding: 5,
  /** The line of free quantities at the bottom of a stock row. */
  freeLine: 16,
  minHeight: 40,
} as const

/** Height of a row, px: a group header, or a resource row with its lanes (and its free-quantity line for a stock). */
export function rowHeight(row: GridRow, lanes: number, stock: boolean): number {
  if (row.type !== 'resource') return rowMetrics.groupHeight
  const body = rowMetrics.padding * 2 + lanes * rowMetrics.laneHeight + (stock ? rowMetrics.freeLine : 0)
  return Math.max(rowMetrics.minHeight, body)
}

/** `74 libres`, `1 libre`, `0 libre`. */
export function freeLabel(free: number): string {
  return `${free} libre${free > 1 ? 's' : ''}`
}
