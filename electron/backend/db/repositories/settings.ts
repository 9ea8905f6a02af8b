/**
 * This installation's settings (`settings` table, migration 004): its site id and the last hybrid
 * logical timestamp it gave.
 */
import { parseHlc, type Hlc } from '../../../../shared/hlc'
import { prepare, type Db } from '../connection'

/** The key/value pairs the application keeps. */
export type SettingKey = 'site_id' | 'hlc_last'

export function getSetting(db: Db, key: SettingKey): string | null {
  return (
    prepare<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)?.value ??
    null
  )
}

export function setSetting(db: Db, key: SettingKey, value: string): void {
  prepare(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

/**
 * This installation's id, a UUID made once by migration 004.
 * @throws Error when it is missing (a database not migrated by the application)
 */
export function getSiteId(db: Db): string {
  const id = getSetting(db, 'site_id')
  if (id === null) throw new Error('Identifiant de site absent de la base (table settings).')
  return id
}

/** The last hybrid logical timestamp given or received, null on a site that has journaled nothing. */
export function getLastHlc(db: Db): Hlc | null {
  const text = getSetting(db, 'hlc_last')
  return text === null ? null : parseHlc(text)
}
