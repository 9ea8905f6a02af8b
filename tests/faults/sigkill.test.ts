/**
 * Proof under crashes: processes booking in a loop are killed with SIGKILL at random moments. After
 * each kill the database file (WAL mode) passes SQLite's integrity check and holds every booking and
 * cancellation a process had acknowledged, each booking whole (items, reference number, journal entry).
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, onTestFinished } from 'vitest'
import { makeBackend } from '../backend/helpers'
import { bundleWorker } from './bundle'
import { playground } from './playground'
import { makeDice, runSeed } from './random'
import { startWorker } from './spawn'
import type { LoopPlan } from './workers/book-loop'

const workerSource = join(import.meta.dirname, 'workers/book-loop.ts')
/** Two processes per round, on the same file, each killed at its own random moment. */
const ROUNDS = 10
const PROCESSES_PER_ROUND = 2
const SEED = runSeed(20_261_130)

interface Acknowledged {
  /** Booking id → number of items, as the killed process reported after the call returned ok. */
  readonly booked: Map<string, number>
  readonly cancelled: Set<string>
}

interface StoredBooking {
  id: string
  reference: string
  status: string
  items: number
  journal: number
}

/** Opens the file as the app does after a crash (read-write: SQLite replays the WAL) and checks it. */
function checkDatabase(path: string, acknowledged: Acknowledged, context: string): number {
  const db = new Database(path)
  try {
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok')
    expect(db.pragma('journal_mode', { simple: true }), context).toBe('wal')
    expect(db.pragma('foreign_key_check'), context).toEqual([])
    const stored = db
      .prepare<[], StoredBooking>(
        `SELECT b.id, b.reference, b.status,
                (SELECT count(*) FROM booking_items i WHERE i.booking_id = b.id) AS items,
                (SELECT count(*) FROM audit_log a
                  WHERE a.entity = 'booking' AND a.entity_id = b.id AND a.action = 'create') AS journal
           FROM bookings b`,
      )
      .all()
    const byId = new Map(stored.map((b) => [b.id, b]))
    const lost = [...acknowledged.booked.keys()].filter((id) => !byId.has(id))
    expect(lost, `${context}: acknowledged bookings missing`).toEqual([])
    for (const [id, items] of acknowledged.booked) expect(byId.get(id)?.items, `${context} ${id}`).toBe(items)
    const notCancelled = [...acknowledged.cancelled].filter((id) => byId.get(id)?.status !== 'cancelled')
    expect(notCancelled, `${context}: acknowledged cancellations lost`).toEqual([])
    // All or nothing: a stored booking has its items and its journal entry, whoever wrote it.
    const partial = stored.filter((b) => b.items === 0 || b.journal !== 1)
    expect(partial, `${context}: partial bookings`).toEqual([])
    // Each reference number was taken by exactly one stored booking: none lost, none taken twice.
    const counters = db
      .prepare<[], { year: number; last_number: number; used: number }>(
        `SELECT r.year, r.last_number,
                (SELECT count(*) FROM bookings b WHERE b.reference LIKE 'RES-' || r.year || '-%') AS used
           FROM booking_references r`,
      )
      .all()
    for (const c of counters) expect(c.last_number, `${context}: references of ${c.year}`).toBe(c.used)
    return stored.length
  } finally {
    db.close()
  }
}

describe('processes killed with SIGKILL while booking', () => {
  it(`lose no acknowledged write and leave an intact file (${ROUNDS * PROCESSES_PER_ROUND} kills)`, async () => {
    const worker = await bundleWorker(workerSource)
    onTestFinished(() => worker.dispose())
    const api = makeBackend()
    const ground = await playground(api)
    // The app restarts alone after a crash: nothing else keeps the file open.
    api.backend.close()
    const dice = makeDice(SEED)
    const acknowledged: Acknowledged = { booked: new Map(), cancelled: new Set() }
    const delays: number[] = []
    let stored = 0
    for (let round = 0; round < ROUNDS; round++) {
      const workers = Array.from({ length: PROCESSES_PER_ROUND }, (_, index) => {
        const plan: LoopPlan = {
          name: `K${round}.${index}`,
          seed: SEED * 100 + round * PROCESSES_PER_ROUND + index,
          weekOffset: round * 52,
          ground,
        }
        return startWorker(worker.file, [api.dir, JSON.stringify(plan)])
      })
      await Promise.all(workers.map((w) => w.ready))
      for (const w of workers) w.child.stdin.write('go\n')
      await Promise.all(
        workers.map(async (w) => {
          const delay = dice.int(20, 400)
          delays.push(delay)
          await sleep(delay)
          w.child.kill('SIGKILL')
          expect(await w.exited, `round ${round}, seed ${SEED}: ${w.stderr()}`).toBe('SIGKILL')
        }),
      )
      for (const line of workers.flatMap((w) => w.lines)) {
        const [what, id, items] = line.split(' ')
        if (what === 'booked' && id) acknowledged.booked.set(id, Number(items))
        else if (what === 'cancelled' && id) acknowledged.cancelled.add(id)
        else expect.fail(`round ${round}, seed ${SEED}: unexpected worker output « ${line} »`)
      }
      stored = checkDatabase(api.backend.databasePath, acknowledged, `round ${round}, seed ${SEED}`)
    }
    console.info(
      `[faults] seed ${SEED}: ${delays.length} SIGKILLs after ${Math.min(...delays)}–${Math.max(...delays)} ms; ` +
        `${acknowledged.booked.size} bookings and ${acknowledged.cancelled.size} cancellations acknowledged, ` +
        `all found; ${stored} bookings stored (${stored - acknowledged.booked.size} written but not yet ` +
        'acknowledged when the kill landed)',
    )
    // The kills must have landed while the processes were writing, not before they started.
    expect(acknowledged.booked.size).toBeGreaterThan(ROUNDS * PROCESSES_PER_ROUND)
  }, 240_000)
})
