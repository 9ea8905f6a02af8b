/**
 * Starts a worker in its own Node process — a TypeScript file through tsx, a bundled `.mjs` file
 * directly — and reads its stdout line by line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'

export interface Worker {
  readonly child: ChildProcessWithoutNullStreams
  /** Resolves on the first line equal to `ready`; rejects (with its stderr) if the process ends first. */
  readonly ready: Promise<void>
  /** Resolves with the process's exit code, or its signal name (`SIGKILL`). */
  readonly exited: Promise<number | string>
  /** Every complete stdout line received so far, `ready` excluded. */
  readonly lines: string[]
  /** Everything written to stderr. */
  stderr(): string
}

/**
 * @example const w = startWorker('/abs/worker.ts', [dataDir, '{"seed":1}']); await w.ready
 */
export function startWorker(script: string, args: readonly string[]): Worker {
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx']
  const child = spawn(process.execPath, [...loader, script, ...args], { stdio: 'pipe' })
  const lines: string[] = []
  let buffer = ''
  let errors = ''
  let onReady: () => void = () => undefined
  let onEarlyExit: (error: Error) => void = () => undefined
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve
    onEarlyExit = reject
  })
  // A worker killed on purpose before `ready` is not an unhandled failure; awaiting callers still see it.
  ready.catch(() => undefined)
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const parts = buffer.split('\n')
    buffer = parts.pop() ?? ''
    for (const line of parts) {
      if (line === 'ready') onReady()
      else lines.push(line)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      onEarlyExit(new Error(`worker ${script} ended (${signal ?? code}) before ready:\n${errors}`))
      resolve(signal ?? code ?? -1)
    }),
  )
  return { child, ready, exited, lines, stderr: () => errors }
}
