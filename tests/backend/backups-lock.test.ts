import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataDirLockedError, openBackend } from '../../electron/backend/index'
import { NOW, tempDir } from './helpers'

const root = resolve(import.meta.dirname, '../..')

const lockedMessage = (dir: string) =>
  `Mutualisation est déjà ouverte sur ce dossier de données (${dir}) : dans une autre fenêtre ou en mode navigateur. ` +
  'Fermez l’autre instance, puis relancez ; si aucune n’est ouverte, attendez quelques secondes et réessayez.'

/** Runs browser mode's command line on `dir` until it exits (or prints its address: then stops it). */
function serve(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data-dir', dir, '--empty'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('Listening on')) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => done({ code, stdout, stderr }))
  })
}

describe('one running instance per data folder', () => {
  it('refuses a second backend on a held folder with a French message, and accepts it once released', () => {
    const dir = tempDir()
    const first = openBackend({ dataDir: dir, seed: 'empty', now: () => NOW, lockDataDir: true })
    try {
      const second = () => openBackend({ dataDir: dir, seed: 'empty', now: () => NOW, lockDataDir: true })
      expect(second).toThrow(DataDirLockedError)
      expect(second).toThrow(lockedMessage(dir))
    } finally {
      first.close()
    }
    const third = openBackend({ dataDir: dir, seed: 'empty', now: () => NOW, lockDataDir: true })
    third.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('says the same when SQLite itself stays busy (another program holds the file exclusively)', () => {
    const dir = tempDir()
    openBackend({ dataDir: dir, seed: 'empty', now: () => NOW }).close()
    const holder = new Database(join(dir, 'mutualisation.sqlite'))
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    try {
      // SQLite waits for its 5 s busy timeout before giving up.
      expect(() => openBackend({ dataDir: dir, seed: 'empty', now: () => NOW })).toThrow(lockedMessage(dir))
    } finally {
      holder.exec('COMMIT')
      holder.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 20_000)

  it('browser mode prints the message, without a stack trace, and exits with 1', async () => {
    const dir = tempDir()
    const held = openBackend({ dataDir: dir, seed: 'empty', lockDataDir: true })
    try {
      const { code, stdout, stderr } = await serve(dir)
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toBe(`${lockedMessage(dir)}\n`)
    } finally {
      held.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
