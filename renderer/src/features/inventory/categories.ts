/**
 * Category choices of the form: two levels, shown as « Manifestations › Barrières ». Pure functions,
 * no DOM, no store.
 */
import type { Category, ResourceKind } from '../../../../shared/domain/types'

export interface CategoryOption {
  readonly id: string
  readonly label: string
  readonly depth: number
  /** `Manifestations › Chaises et tables` for a sub-category, the name otherwise. */
  readonly fullLabel: string
}

/** Categories of one kind as select options: each top-level category followed by its children. */
export function categoryOptions(categories: readonly Category[], kind: ResourceKind): CategoryOption[] {
  const ofKind = categories.filter((c) => c.kind === kind)
  const byName = (a: Category, b: Category) => a.name.localeCompare(b.name, 'fr')
  const ids = new Set(ofKind.map((c) => c.id))
  const roots = ofKind.filter((c) => c.parentId === null || !ids.has(c.parentId)).sort(byName)
  return roots.flatMap((root) => [
    { id: root.id, label: root.name, depth: 0, fullLabel: root.name },
    ...ofKind
      .filter((c) => c.parentId === root.id)
      .sort(byName)
      .map((child) => ({
        id: child.id,
        label: child.name,
        depth: 1,
        fullLabel: `${root.name} › ${child.name}`,
      })),
  ])
}

/** `Manifestations › Barrières et grilles` for a sub-category, its name for a top-level one, null when unknown. */
export function categoryPath(
  categoriesById: ReadonlyMap<string, Category>,
  id: string | null,
): string | null {
  if (!id) return null
  const category = categoriesById.get(id)
  if (!category) return null
  const parent = category.parentId ? categoriesById.get(category.parentId) : undefined
  return parent ? `${parent.name} › ${category.name}` : category.name
}
