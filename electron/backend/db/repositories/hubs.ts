import type { Hub } from '../../../../shared/domain/types'
import type { Db } from '../connection'

interface DbHub {
  id: string
  name: string
}

export function insertHub(db: Db, hub: Hub, createdAt: string): void {
  db.prepare('INSERT INTO hubs (id, name, created_at) VALUES (?, ?, ?)').run(hub.id, hub.name, createdAt)
}

export function listHubs(db: Db): Hub[] {
  return db.prepare<[], DbHub>('SELECT id, name FROM hubs ORDER BY name').all()
}

export function getHub(db: Db, id: string): Hub | undefined {
  return db.prepare<[string], DbHub>('SELECT id, name FROM hubs WHERE id = ?').get(id)
}
