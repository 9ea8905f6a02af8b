import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiResult } from '../../shared/errors'
import { fixtures, makeBackend } from './helpers'

const worker = join(import.meta.dirname, 'workers/book-once.ts')

function start(
  dataDir: string,
  input: unknown,
  method = 'bookings.create',
): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; result: Promise<ApiResult<unknown>> } {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, dataDir, JSON.stringify(input), method], {
    stdio: 'pipe',
  })
  let buffer = ''
  let onReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  const result = new Promise<ApiResult<unknown>>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'ready') onReady()
        else if (line.startsWith('{')) resolve(JSON.parse(line) as ApiResult<unknown>)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))))
  })
  return { child, ready, result }
}

describe('two processes on one database file', () => {
  it('book the same slot at once: one wins, the other gets CONFLICT', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const slot = { start: '2027-05-14T08:00', end: '2027-05-14T12:00', items: [{ resourceId: f.nacelle.id }] }
    const a = start(api.dir, { ...slot, communeId: f.tiffauges.id, title: 'Processus A' })
    const b = start(api.dir, { ...slot, communeId: f.gaubretiere.id, title: 'Processus B' })
    await Promise.all([a.ready, b.ready])
    a.child.stdin.write('go\n')
    b.child.stdin.write('go\n')
    const results = await Promise.all([a.result, b.result])
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(codes).toEqual(['CONFLICT', 'ok'])
    const stored = await api.ok('bookings.list', { from: '2027-05-14', to: '2027-05-15' })
    expect(stored).toHaveLength(1)
    expect(stored[0]?.reference).toBe('RES-2026-0001')
  }, 60_000)

  it('book 2 × 70 chairs of 120 at once: the stock is never exceeded', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const slot = {
      start: '2027-06-19',
      end: '2027-06-20',
      items: [{ resourceId: f.chaises.id, quantity: 70 }],
    }
    const a = start(api.dir, { ...slot, communeId: f.tiffauges.id, title: 'A' })
    const b = start(api.dir, { ...slot, communeId: f.gaubretiere.id, title: 'B' })
    await Promise.all([a.ready, b.ready])
    a.child.stdin.write('go\n')
    b.child.stdin.write('go\n')
    const results = await Promise.all([a.result, b.result])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.find((r) => !r.ok)
    expect(refused && !refused.ok && refused.error.code).toBe('CONFLICT')
    expect(refused && !refused.ok && refused.error.message).toContain('il en reste 50 sur 120')
  }, 60_000)

  it('approve the same request at once: one manager wins, the other gets INVALID_TRANSITION', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.nacelle.id, requiresApproval: true })
    const request = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14T08:00',
      end: '2027-05-14T12:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect(request.status).toBe('requested')
    const a = start(api.dir, { id: request.id }, 'bookings.approve')
    const b = start(api.dir, { id: request.id }, 'bookings.approve')
    await Promise.all([a.ready, b.ready])
    a.child.stdin.write('go\n')
    b.child.stdin.write('go\n')
    const results = await Promise.all([a.result, b.result])
    const loser = results.find((r) => !r.ok)
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(loser?.ok === false && loser.error.code).toBe('INVALID_TRANSITION')
    expect(loser?.ok === false && loser.error.message).toBe(
      'La réservation RES-2026-0001 est acceptée : impossible de l’accepter.',
    )
    const history = await api.ok('bookings.history', { id: request.id })
    expect(history.journal.map((e) => e.action)).toEqual(['approve', 'create'])
  }, 60_000)
})
