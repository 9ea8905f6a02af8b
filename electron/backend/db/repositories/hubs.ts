import type { Hub } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

interface DbHub {
  id: string
  name: string
}

export function insertHub(db: Db, hub: Hub, createdAt: string): void {
  prepare(db, 'INSERT INTO hubs (id, name, created_at) VALUES (?, ?, ?)').run(hub.id, hub.name, createdAt)
}

export function listHubs(db: Db): Hub[] {
  return prepare<[], DbHub>(db, 'SELECT id, name FROM hubs ORDER BY name').all()
}

export function getHub(db: Db, id: string): Hub | undefined {
  return prepare<[string], DbHub>(db, 'SELECT id, name FROM hubs WHERE id = ?').get(id)
}
