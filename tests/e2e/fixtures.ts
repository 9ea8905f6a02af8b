/**
 * A browser-mode server per test, on its own data directory: `server.url`, `server.restart()`.
 */
import { test as base } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

export interface TestServer {
  readonly url: string
  readonly dataDir: string
  /** Stops the server (SIGTERM) and starts a new one on the same data directory; resolves to the new URL. */
  restart(): Promise<string>
}

/**
 * Browser mode on `dataDir` (`electron/web/cli.ts`, any free port): the child process, its URL once it
 * listens, and everything it printed so far. Rejects when it exits or has not listened within 30 s.
 */
export function launch(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data-dir', dataDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl({ child, url: match[1], output: () => output })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}

/** Stops a server started by `launch` (SIGTERM); resolves once it has exited. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null) return resolveStop()
    child.once('exit', () => resolveStop())
    child.kill('SIGTERM')
  })
}

export const test = base.extend<{ server: TestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern.
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mutualisation-e2e-'))
    let current = await launch(dataDir)
    await use({
      get url() {
        return current.url
      },
      dataDir,
      async restart() {
        await stop(current.child)
        current = await launch(dataDir)
        return current.url
      },
    })
    await stop(current.child)
    rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
