/**
 * `backups.restore { name }` is the one API call that names a file. Only names the application
 * itself makes may pass: anything that could reach a file outside `<dataDir>/backups/` (or a file
 * in it that is not a backup) is refused as INVALID_INPUT, in French, before any file is touched.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackupStore } from '../../electron/backend/backups/store'
import { isBackupName } from '../../shared/domain/backups'
import { DomainError } from '../../shared/errors'
import { fixtures, makeBackend, NOW } from '../backend/helpers'

const VALID = '2026-11-29T10-00-00Z-manual.sqlite'

const MESSAGE =
  'Saisie invalide (nom) : Nom de sauvegarde invalide : choisissez une sauvegarde dans la liste de la page « Sauvegardes » ' +
  '(noms de la forme 2026-11-30T10-15-00Z-daily.sqlite).'

const hostile: readonly unknown[] = [
  '../mutualisation.sqlite',
  `../${VALID}`,
  `../../${VALID}`,
  `backups/${VALID}`,
  `./${VALID}`,
  `..\\${VALID}`,
  `..\\..\\Windows\\${VALID}`,
  `/etc/${VALID}`,
  '/etc/passwd',
  `C:\\Users\\${VALID}`,
  `\\\\serveur\\partage\\${VALID}`,
  `%2e%2e%2f${VALID}`,
  `${VALID}\u0000`,
  `${VALID}\u0000.txt`,
  `\u0000${VALID}`,
  `${VALID}/`,
  `${VALID}/..`,
  ` ${VALID}`,
  `${VALID} `,
  `${VALID}\n`,
  '2026-11-29T10-00-00Z-manual.db',
  '2026-11-29T10-00-00Z-manual.sqlite-wal',
  '2026-11-29T10-00-00Z-manual.sqlite.bak',
  '2026-11-29T10-00-00Z-manual.SQLITE',
  '2026-11-29T10-00-00Z-weekly.sqlite',
  '2026-11-29T10-00-00Z-manual-1.sqlite',
  '2026-11-29T10-00-00Z-manual-02.sqlite',
  '2026-11-29T10-00-00Z-manual-1000.sqlite',
  '2026-02-30T10-00-00Z-manual.sqlite',
  '2026-11-29T24-00-00Z-manual.sqlite',
  '2026-11-29T10:00:00Z-manual.sqlite',
  '２026-11-29T10-00-00Z-manual.sqlite',
  'mutualisation.sqlite',
  'mutualisation.lock',
  '',
  '.',
  '..',
  'a'.repeat(10_000),
  42,
  null,
  ['../mutualisation.sqlite'],
  { toString: '../mutualisation.sqlite' },
]

describe('backup names', () => {
  it('accept only the names the application makes', () => {
    expect(isBackupName(VALID)).toBe(true)
    expect(isBackupName('2026-11-29T10-00-00Z-before-restore-12.sqlite')).toBe(true)
    for (const name of hostile) if (typeof name === 'string') expect(isBackupName(name), name).toBe(false)
  })

  it('refuse every hostile name with INVALID_INPUT and a French message, and replace nothing', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('backups.create', {})
    // A database planted just outside the backups folder, one a traversal would reach.
    copyFileSync(join(api.dir, 'backups', VALID), join(api.dir, 'planted.sqlite'))
    const files = readdirSync(join(api.dir, 'backups')).sort()

    for (const name of hostile) {
      const error = await api.fail('backups.restore', { name })
      expect(error.code, JSON.stringify(name)).toBe('INVALID_INPUT')
      expect(error.message, JSON.stringify(name)).toBe(MESSAGE)
    }
    expect((await api.fail('backups.restore', { name: VALID, path: '/etc/passwd' })).code).toBe(
      'INVALID_INPUT',
    )
    expect((await api.fail('backups.restore', {})).code).toBe('INVALID_INPUT')

    // Nothing restored, nothing written beside the backups: the live data is as it was.
    expect(readdirSync(join(api.dir, 'backups')).sort()).toEqual(files)
    expect((await api.ok('resources.list', {})).map((r) => r.id).sort()).toEqual(
      [f.nacelle.id, f.chaises.id, f.podium.id].sort(),
    )
    expect(await api.ok('backups.journal', {})).toEqual([])
  })

  it('are checked again where the path is made, whatever reaches the store', () => {
    const api = makeBackend()
    const store = new BackupStore(api.dir, () => NOW)
    mkdirSync(store.dir, { recursive: true })
    writeFileSync(join(api.dir, 'x.sqlite'), 'x')
    for (const name of ['../x.sqlite', `../${VALID}`, join(store.dir, VALID), `${VALID}\u0000`]) {
      expect(() => store.pathOf(name)).toThrow(DomainError)
      expect(() => store.pathOf(name)).toThrow(
        'Nom de sauvegarde invalide : choisissez une sauvegarde dans la liste de la page « Sauvegardes ».',
      )
    }
  })
})
