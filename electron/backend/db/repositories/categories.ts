import type { Category } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

interface DbCategory {
  id: string
  name: string
  parent_id: string | null
  kind: Category['kind']
}

function toCategory(row: DbCategory): Category {
  return { id: row.id, name: row.name, parentId: row.parent_id, kind: row.kind }
}

export function insertCategory(db: Db, category: Category): void {
  prepare(db, 'INSERT INTO categories (id, name, parent_id, kind) VALUES (@id, @name, @parentId, @kind)').run(
    category,
  )
}

/** Top-level categories before their children, each level by name. */
export function listCategories(db: Db): Category[] {
  return prepare<[], DbCategory>(
    db,
    `SELECT c.id, c.name, c.parent_id, c.kind FROM categories c
       LEFT JOIN categories p ON p.id = c.parent_id
       ORDER BY coalesce(p.name, c.name) COLLATE NOCASE, c.parent_id IS NOT NULL, c.name COLLATE NOCASE`,
  )
    .all()
    .map(toCategory)
}

export function getCategory(db: Db, id: string): Category | undefined {
  const row = prepare<[string], DbCategory>(
    db,
    'SELECT id, name, parent_id, kind FROM categories WHERE id = ?',
  ).get(id)
  return row && toCategory(row)
}
