/**
 * Which category a row's « Catégorie » names, among the stored ones and those this import will
 * create. Names are compared without case or accents; a category is made for one kind of
 * resource (matériel, véhicules, agents), as in the rest of the application.
 */
import type { Category, ResourceKind } from '../../../../shared/domain/types'
import { foldText } from './columns'
import type { Read } from './values'

/** The category a row goes to, and how the preview names it (`Manifestations › Barrières`). */
export interface CategoryChoice {
  readonly id: string
  readonly label: string
}

/** Resolves category names; remembers the categories to create, parents before children. */
export interface CategoryPlanner {
  /**
   * The category named by `names` (one name, or parent then child) for a resource of `kind`;
   * an unknown one is planned for creation (top-level, or under its parent, created too if needed).
   */
  resolve(names: readonly string[], kind: ResourceKind): Read<CategoryChoice>
  /** How the preview names a category; null for null. */
  labelOf(id: string | null): string | null
  /** True when the category is one this import creates. */
  isNew(id: string | null): boolean
  /** The categories to create, parents first. */
  readonly created: readonly Category[]
}

const kindNames: Readonly<Record<ResourceKind, string>> = {
  equipment: 'le matériel',
  vehicle: 'les véhicules',
  staff: 'les agents',
}

/**
 * A planner over the stored categories.
 * @param newId makes the id of each category to create
 */
export function planCategories(existing: readonly Category[], newId: () => string): CategoryPlanner {
  const known: Category[] = [...existing]
  const created: Category[] = []
  const same = (a: string, b: string) => foldText(a) === foldText(b)
  const byId = (id: string | null) => (id === null ? undefined : known.find((c) => c.id === id))

  const labelOf = (id: string | null): string | null => {
    const category = byId(id)
    if (!category) return null
    const parent = byId(category.parentId)
    return parent ? `${parent.name} › ${category.name}` : category.name
  }
  const create = (name: string, parentId: string | null, kind: ResourceKind): Category => {
    const category: Category = { id: newId(), name, parentId, kind }
    known.push(category)
    created.push(category)
    return category
  }
  const choose = (category: Category): Read<CategoryChoice> => ({
    ok: true,
    value: { id: category.id, label: labelOf(category.id) ?? category.name },
  })
  const wrongKind = (category: Category, kind: ResourceKind): Read<never> => ({
    ok: false,
    message: `La catégorie « ${labelOf(category.id) ?? category.name} » est faite pour ${kindNames[category.kind]}, pas pour ${kindNames[kind]} : choisissez une autre catégorie ou un autre nom.`,
  })

  const resolveOne = (name: string, kind: ResourceKind): Read<CategoryChoice> => {
    const named = known.filter((c) => same(c.name, name))
    const top = named.find((c) => c.parentId === null && c.kind === kind)
    if (top) return choose(top)
    const children = named.filter((c) => c.parentId !== null && c.kind === kind)
    const [onlyChild] = children
    if (onlyChild && children.length === 1) return choose(onlyChild)
    if (children.length > 1) {
      const examples = children.map((c) => `« ${labelOf(c.id) ?? c.name} »`).join(' ou ')
      return {
        ok: false,
        message: `Plusieurs sous-catégories s’appellent « ${name} » : écrivez ${examples}.`,
      }
    }
    const otherKind = named.find((c) => c.parentId === null)
    if (otherKind) return wrongKind(otherKind, kind)
    return choose(create(name, null, kind))
  }

  const resolveTwo = (parentName: string, childName: string, kind: ResourceKind): Read<CategoryChoice> => {
    const parents = known.filter((c) => c.parentId === null && same(c.name, parentName))
    const parent = parents.find((c) => c.kind === kind) ?? parents[0] ?? create(parentName, null, kind)
    if (parent.kind !== kind) return wrongKind(parent, kind)
    const child = known.find((c) => c.parentId === parent.id && same(c.name, childName))
    return choose(child ?? create(childName, parent.id, kind))
  }

  return {
    resolve(names, kind) {
      const [first, second] = names
      if (first === undefined) return { ok: false, message: 'Catégorie vide.' }
      return second === undefined ? resolveOne(first, kind) : resolveTwo(first, second, kind)
    },
    labelOf,
    isNew: (id) => created.some((c) => c.id === id),
    created,
  }
}
