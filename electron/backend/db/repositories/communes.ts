import type { Commune } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

interface DbCommune {
  id: string
  name: string
  insee_code: string
  hub_id: string | null
  postal_code: string | null
  population: number | null
}

function toCommune(row: DbCommune): Commune {
  return {
    id: row.id,
    name: row.name,
    inseeCode: row.insee_code,
    hubId: row.hub_id,
    postalCode: row.postal_code,
    population: row.population,
  }
}

const columns = 'id, name, insee_code, hub_id, postal_code, population'

export function insertCommune(db: Db, commune: Commune & { siren: string | null }): void {
  prepare(
    db,
    `INSERT INTO communes (id, name, insee_code, siren, postal_code, population, hub_id)
     VALUES (@id, @name, @inseeCode, @siren, @postalCode, @population, @hubId)`,
  ).run(commune)
}

/** Communes served by a hub first, then the others; by name within each group. */
export function listCommunes(db: Db): Commune[] {
  return prepare<[], DbCommune>(
    db,
    `SELECT ${columns} FROM communes ORDER BY hub_id IS NULL, name COLLATE NOCASE`,
  )
    .all()
    .map(toCommune)
}

export function getCommune(db: Db, id: string): Commune | undefined {
  const row = prepare<[string], DbCommune>(db, `SELECT ${columns} FROM communes WHERE id = ?`).get(id)
  return row && toCommune(row)
}
