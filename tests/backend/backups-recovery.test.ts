import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RECOVERY_MESSAGE, SUPPORTED_SCHEMA } from '../../electron/backend/backups/storage'
import { openBackend } from '../../electron/backend/index'
import type { Backend } from '../../electron/backend/types'
import type { ApiResult } from '../../shared/errors'
import { fixtures, makeBackend, NOW, tempDir } from './helpers'

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** A data folder whose database holds one booking and has one manual backup; the backend is closed. */
async function folderWithBackup() {
  const api = makeBackend('empty', tempDir())
  const f = await fixtures(api)
  const booking = await api.ok('bookings.create', {
    communeId: f.tiffauges.id,
    title: 'Marché de Noël',
    start: '2026-12-12',
    end: '2026-12-13',
    items: [{ resourceId: f.chaises.id, quantity: 100 }],
  })
  const backup = await api.ok('backups.create', {})
  api.backend.close()
  return { dir: api.dir, booking, backup, databasePath: join(api.dir, 'mutualisation.sqlite') }
}

async function call(backend: Backend, method: string, input: unknown = {}): Promise<ApiResult<unknown>> {
  return backend.dispatch(method, input, { channel: 'test' })
}

const refused = { ok: false, error: { code: 'RECOVERY_MODE', message: RECOVERY_MESSAGE } }

describe('a damaged database', () => {
  it('that is not SQLite opens in recovery mode, untouched, and restoring the newest backup brings the app back', async () => {
    const { dir, booking, backup, databasePath } = await folderWithBackup()
    writeFileSync(databasePath, Buffer.from('Fichier écrasé par un autre programme. '.repeat(200)))
    const hash = sha256(databasePath)
    const files = readdirSync(dir).sort()

    const backend = openBackend({ dataDir: dir, seed: 'demo', now: () => NOW })
    try {
      expect(await call(backend, 'system.status')).toEqual({
        ok: true,
        value: {
          mode: 'recovery',
          problem:
            'Le fichier de données ne peut pas être lu comme une base de données : il a pu être abîmé (disque, coupure de courant) ou remplacé par un autre fichier. Mutualisation ne l’a ni modifié ni écrasé.',
          detail: 'file is not a database',
          databasePath,
          backupsPath: join(dir, 'backups'),
          supportedSchemaVersion: SUPPORTED_SCHEMA,
        },
      })
      expect(await call(backend, 'bookings.list', { from: '2026-12-01', to: '2027-01-01' })).toEqual(refused)
      expect(await call(backend, 'communes.list')).toEqual(refused)
      expect(await call(backend, 'backups.create')).toEqual(refused)
      expect(await call(backend, 'backups.journal')).toEqual(refused)
      expect(await call(backend, 'backups.list')).toEqual({ ok: true, value: [backup] })
      // Not a byte written, no file added: not even the demo data a new database would get.
      expect(sha256(databasePath)).toBe(hash)
      expect(readdirSync(dir).sort()).toEqual(files)

      const restored = await call(backend, 'backups.restore', { name: backup.name })
      const damagedFile = join(dir, 'damaged', '2026-11-29T10-00-00Z-mutualisation.sqlite')
      expect(restored).toEqual({
        ok: true,
        value: { restored: backup, keptAs: null, damagedFile, schemaVersion: SUPPORTED_SCHEMA },
      })
      expect(sha256(damagedFile)).toBe(hash)
      expect(await call(backend, 'system.status')).toEqual({
        ok: true,
        value: {
          mode: 'normal',
          databasePath,
          backupsPath: join(dir, 'backups'),
          supportedSchemaVersion: SUPPORTED_SCHEMA,
        },
      })
      expect(await call(backend, 'bookings.get', { id: booking.id })).toEqual({ ok: true, value: booking })
      const journal = await call(backend, 'backups.journal')
      expect(journal.ok && journal.value).toMatchObject([
        {
          entity: 'database',
          action: 'restore',
          before: null,
          after: { backup: backup.name, reason: 'manual', damagedFile },
        },
      ])
    } finally {
      backend.close()
    }
    // And it stays restored at the next start.
    const again = openBackend({ dataDir: dir, seed: 'demo', now: () => NOW })
    try {
      expect(await call(again, 'bookings.get', { id: booking.id })).toEqual({ ok: true, value: booking })
    } finally {
      again.close()
    }
  })

  it('with overwritten pages fails the start-up check: recovery mode, file unchanged', async () => {
    const { dir, databasePath } = await folderWithBackup()
    const bytes = readFileSync(databasePath)
    for (let i = 2 * 4096; i < bytes.length; i += 1) bytes[i] = (i * 13) & 0xff
    writeFileSync(databasePath, bytes)
    const hash = sha256(databasePath)

    const backend = openBackend({ dataDir: dir, seed: 'demo', now: () => NOW })
    try {
      const status = await call(backend, 'system.status')
      expect(status.ok && status.value).toMatchObject({
        mode: 'recovery',
        problem:
          'Le fichier de données est endommagé : la vérification faite par SQLite au démarrage a trouvé des erreurs. Mutualisation ne l’a ni modifié ni écrasé.',
      })
      expect(await call(backend, 'resources.list')).toEqual(refused)
      expect(await call(backend, 'backups.restore', { name: '../mutualisation.sqlite' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      })
      expect(sha256(databasePath)).toBe(hash)
    } finally {
      backend.close()
    }
    expect(sha256(databasePath)).toBe(hash)
  })
})
