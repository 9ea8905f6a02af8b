import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SUPPORTED_SCHEMA } from '../../electron/backend/backups/storage'
import { openBackend } from '../../electron/backend/index'
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract'
import type { ApiResult } from '../../shared/errors'
import { fixtures, makeBackend, NOW, tempDir, type TestApi } from './helpers'

const DAY = 86_400_000

function backupsDir(api: TestApi): string {
  return join(api.dir, 'backups')
}

/** Rows of a table in a database file, read without the backend. */
function countRows(path: string, table: string, where = '1'): number {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('backups.create and backups.list', () => {
  it('copy the live database into backups/, named by the UTC second and the reason, newest first', async () => {
    const api = makeBackend('demo')
    const first = await api.ok('backups.create', {})
    const second = await api.ok('backups.create', {})
    const path = join(backupsDir(api), first.name)
    expect(first).toEqual({
      name: '2026-11-29T10-00-00Z-manual.sqlite',
      reason: 'manual',
      createdAt: '2026-11-29T10:00:00.000Z',
      sizeBytes: statSync(path).size,
      schemaVersion: SUPPORTED_SCHEMA,
    })
    expect(second.name).toBe('2026-11-29T10-00-00Z-manual-2.sqlite')
    expect((await api.ok('backups.list', {})).map((b) => b.name)).toEqual([second.name, first.name])
    // One self-contained file each: no -wal or -shm beside the copies, not even after reading one.
    expect(countRows(path, 'resources')).toBe(countRows(join(api.dir, 'mutualisation.sqlite'), 'resources'))
    expect(readdirSync(backupsDir(api)).sort()).toEqual([second.name, first.name])
  })
})

describe('backups.restore', () => {
  it('brings back the data of the backup, keeps the replaced database, and journals the restore', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const kept = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Fête de la musique',
      start: '2027-06-21',
      end: '2027-06-21',
      items: [{ resourceId: f.chaises.id, quantity: 80 }],
    })
    const backup = await api.ok('backups.create', {})
    await api.ok('bookings.cancel', { id: kept.id, reason: 'Erreur de saisie' })
    const later = await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Vide-greniers',
      start: '2027-06-21',
      end: '2027-06-21',
      items: [{ resourceId: f.nacelle.id }],
    })

    const result = await api.ok('backups.restore', { name: backup.name })
    expect(result).toEqual({
      restored: backup,
      keptAs: {
        name: '2026-11-29T10-00-00Z-before-restore.sqlite',
        reason: 'before-restore',
        createdAt: '2026-11-29T10:00:00.000Z',
        sizeBytes: statSync(join(backupsDir(api), '2026-11-29T10-00-00Z-before-restore.sqlite')).size,
        schemaVersion: SUPPORTED_SCHEMA,
      },
      damagedFile: null,
      schemaVersion: SUPPORTED_SCHEMA,
    })
    // The same backend now reads and writes the restored file.
    expect(await api.ok('bookings.get', { id: kept.id })).toEqual(kept)
    expect((await api.fail('bookings.get', { id: later.id })).code).toBe('NOT_FOUND')
    const listed = await api.ok('bookings.list', { from: '2027-06-21', to: '2027-06-22' })
    expect(listed.map((b) => b.reference)).toEqual([kept.reference])
    // The replaced database, with its cancellation and its later booking, is a backup of its own.
    const safety = join(backupsDir(api), result.keptAs?.name ?? '')
    expect(countRows(safety, 'bookings', `id = '${later.id}'`)).toBe(1)
    expect(countRows(safety, 'bookings', `id = '${kept.id}' AND status = 'cancelled'`)).toBe(1)

    const journal = await api.ok('backups.journal', {})
    expect(journal).toHaveLength(1)
    expect(journal[0]).toMatchObject({
      at: '2026-11-29T10:00:00.000Z',
      actor: 'administrateur local',
      entity: 'database',
      entityId: 'mutualisation.sqlite',
      action: 'restore',
      before: null,
      after: {
        backup: '2026-11-29T10-00-00Z-manual.sqlite',
        reason: 'manual',
        createdAt: '2026-11-29T10:00:00.000Z',
        schemaVersion: SUPPORTED_SCHEMA,
        keptAs: '2026-11-29T10-00-00Z-before-restore.sqlite',
      },
    })
    const again = await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Vide-greniers',
      start: '2027-06-21',
      end: '2027-06-21',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect(again.reference).toBe(later.reference)
  })

  it('refuses a backup whose pages were overwritten, and leaves the live database as it was', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const backup = await api.ok('backups.create', {})
    const damaged = '2026-11-29T09-00-00Z-manual.sqlite'
    const bytes = readFileSync(join(backupsDir(api), backup.name))
    // Pages 3 to the end (4 KiB each) replaced by a repeating pattern; the header page stays valid.
    for (let i = 2 * 4096; i < bytes.length; i += 1) bytes[i] = (i * 7) & 0xff
    writeFileSync(join(backupsDir(api), damaged), bytes)
    const before = await api.ok('resources.list', {})

    const error = await api.fail('backups.restore', { name: damaged })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe(
      `La sauvegarde « ${damaged} » ne peut pas être restaurée : elle est endommagée (la vérification d’intégrité de SQLite a échoué). Rien n’a été remplacé ; choisissez une autre sauvegarde.`,
    )
    expect(await api.ok('resources.list', {})).toEqual(before)
    expect(before.map((r) => r.id)).toContain(f.nacelle.id)
    // No before-restore backup either: nothing was about to be replaced.
    expect(readdirSync(backupsDir(api)).sort()).toEqual([damaged, backup.name])
  })

  it('refuses a file that is not a database, one from a newer version, and one without our tables', async () => {
    const api = makeBackend()
    const backup = await api.ok('backups.create', {})
    const dir = backupsDir(api)
    writeFileSync(join(dir, '2026-11-01T08-00-00Z-manual.sqlite'), 'Ceci n’est pas une base.'.repeat(100))
    copyFileSync(join(dir, backup.name), join(dir, '2026-11-02T08-00-00Z-manual.sqlite'))
    const newer = new Database(join(dir, '2026-11-02T08-00-00Z-manual.sqlite'))
    newer.pragma('user_version = 99')
    newer.close()
    const other = new Database(join(dir, '2026-11-03T08-00-00Z-daily.sqlite'))
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)')
    other.pragma('user_version = 1')
    other.close()

    const refused = async (name: string) => (await api.fail('backups.restore', { name })).message
    expect(await refused('2026-11-01T08-00-00Z-manual.sqlite')).toBe(
      'La sauvegarde « 2026-11-01T08-00-00Z-manual.sqlite » ne peut pas être restaurée : ce n’est pas une base de données lisible. Rien n’a été remplacé ; choisissez une autre sauvegarde.',
    )
    expect(await refused('2026-11-02T08-00-00Z-manual.sqlite')).toBe(
      `La sauvegarde « 2026-11-02T08-00-00Z-manual.sqlite » ne peut pas être restaurée : elle vient d’une version plus récente de Mutualisation (schéma 99, cette version connaît le schéma ${SUPPORTED_SCHEMA}). Installez la dernière version pour la restaurer. Rien n’a été remplacé ; choisissez une autre sauvegarde.`,
    )
    expect(await refused('2026-11-03T08-00-00Z-daily.sqlite')).toBe(
      'La sauvegarde « 2026-11-03T08-00-00Z-daily.sqlite » ne peut pas être restaurée : ce n’est pas une base Mutualisation complète (tables manquantes : hubs, communes, categories, resources, bookings, booking_items, unavailabilities, booking_references, audit_log). Rien n’a été remplacé ; choisissez une autre sauvegarde.',
    )
    const missing = await api.fail('backups.restore', { name: '2026-11-04T08-00-00Z-daily.sqlite' })
    expect(missing).toEqual({
      code: 'NOT_FOUND',
      message:
        'La sauvegarde « 2026-11-04T08-00-00Z-daily.sqlite » n’est plus dans le dossier des sauvegardes : actualisez la liste et choisissez-en une autre.',
      details: { name: '2026-11-04T08-00-00Z-daily.sqlite' },
    })
    expect((await api.ok('backups.list', {})).map((b) => [b.name, b.schemaVersion])).toEqual([
      [backup.name, SUPPORTED_SCHEMA],
      ['2026-11-03T08-00-00Z-daily.sqlite', 1],
      ['2026-11-02T08-00-00Z-manual.sqlite', 99],
      ['2026-11-01T08-00-00Z-manual.sqlite', null],
    ])
  })
})

describe('automatic backups', () => {
  it('back up before an import that stores rows, not before a dry run', async () => {
    const api = makeBackend()
    const content = Buffer.from('Désignation;Quantité\r\nBarrières Vauban;40\r\n').toString('base64')
    await api.ok('resources.import', { fileName: 'inventaire.csv', contentBase64: content, dryRun: true })
    expect(existsSync(backupsDir(api))).toBe(false)
    const report = await api.ok('resources.import', { fileName: 'inventaire.csv', contentBase64: content })
    expect(report).toMatchObject({ stored: true, created: 1 })
    expect((await api.ok('backups.list', {})).map((b) => b.name)).toEqual([
      '2026-11-29T10-00-00Z-before-import.sqlite',
    ])
    const backup = join(backupsDir(api), '2026-11-29T10-00-00Z-before-import.sqlite')
    expect(countRows(backup, 'resources', "name = 'Barrières Vauban'")).toBe(0)
    expect(countRows(join(api.dir, 'mutualisation.sqlite'), 'resources', "name = 'Barrières Vauban'")).toBe(1)
  })

  it('back up once a day, at the first use of the day (Europe/Paris), not on the day the file is created', async () => {
    const dir = tempDir()
    let clock = NOW
    const open = () => {
      const backend = openBackend({ dataDir: dir, seed: 'empty', now: () => clock })
      const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
        const result = (await backend.dispatch(method, input, { channel: 'test' })) as ApiResult<
          MethodResult<M>
        >
        if (!result.ok) throw new Error(result.error.message)
        return result.value
      }
      return { backend, call }
    }
    const names = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).sort() : [])

    const first = open()
    await first.call('communes.list', {})
    first.backend.close()
    expect(names()).toEqual([])

    // Monday 30/11 at 00:30 in Paris (23:30 UTC on Sunday): a new day there, hence a daily backup.
    clock = Date.parse('2026-11-29T23:30:00Z')
    const second = open()
    // Backups run one after the other: once this manual one is made, the daily one is too.
    await second.call('backups.create', {})
    expect(names()).toEqual(['2026-11-29T23-30-00Z-daily.sqlite', '2026-11-29T23-30-00Z-manual.sqlite'])
    clock += 3_600_000
    await second.call('backups.create', {})
    expect(names()).toEqual([
      '2026-11-29T23-30-00Z-daily.sqlite',
      '2026-11-29T23-30-00Z-manual.sqlite',
      '2026-11-30T00-30-00Z-manual.sqlite',
    ])
    clock += DAY
    await second.call('communes.list', {})
    await second.call('backups.create', {})
    expect(names().filter((n) => n.endsWith('-daily.sqlite'))).toEqual([
      '2026-11-29T23-30-00Z-daily.sqlite',
      '2026-12-01T00-30-00Z-daily.sqlite',
    ])
    second.backend.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
