/**
 * Proof under concurrency: two processes book at random on one database file, then an independent
 * SQL query (not the application's code) checks that no unit resource was double-booked and that no
 * stock was over-lent, buffers and unavailabilities included (DESIGN.md, "Availability").
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeBackend } from '../backend/helpers'
import { playground } from './playground'
import { runSeed } from './random'
import { startWorker } from './spawn'
import type { WorkerPlan, WorkerSummary } from './workers/book-random'

const worker = join(import.meta.dirname, 'workers/book-random.ts')
const ATTEMPTS_PER_PROCESS = 1500
const SEED = runSeed(20_270_607)
const BLOCKING = "('requested', 'approved', 'checked_out')"

/** Pairs of blocking bookings holding the same unit resource at once, buffers widening both. */
const unitOverlaps = `
  SELECT r.name, a.reference AS first, b.reference AS second
  FROM resources r
  JOIN booking_items ia ON ia.resource_id = r.id
  JOIN bookings a ON a.id = ia.booking_id AND a.status IN ${BLOCKING}
  JOIN booking_items ib ON ib.resource_id = r.id AND ib.booking_id > ia.booking_id
  JOIN bookings b ON b.id = ib.booking_id AND b.status IN ${BLOCKING}
  WHERE r.tracking = 'unit'
    AND a.start_ms - r.buffer_before_minutes * 60000 < b.end_ms + r.buffer_after_minutes * 60000
    AND b.start_ms - r.buffer_before_minutes * 60000 < a.end_ms + r.buffer_after_minutes * 60000`

/** Blocking bookings of a unit resource (widened by its buffers) over one of its unavailabilities. */
const unitOverUnavailability = `
  SELECT r.name, b.reference, u.reason
  FROM resources r
  JOIN booking_items i ON i.resource_id = r.id
  JOIN bookings b ON b.id = i.booking_id AND b.status IN ${BLOCKING}
  JOIN unavailabilities u ON u.resource_id = r.id
  WHERE r.tracking = 'unit'
    AND b.start_ms - r.buffer_before_minutes * 60000 < u.end_ms
    AND u.start_ms < b.end_ms + r.buffer_after_minutes * 60000`

/**
 * Per stock, the largest quantity held at once: usage only rises where an occupation starts, so the
 * starts are the instants to look at. Bookings are widened by the buffers; unavailabilities count as is.
 */
const stockPeaks = `
  WITH occupation AS (
    SELECT r.id AS resource_id, i.quantity AS quantity,
           b.start_ms - r.buffer_before_minutes * 60000 AS s, b.end_ms + r.buffer_after_minutes * 60000 AS e
    FROM resources r
    JOIN booking_items i ON i.resource_id = r.id
    JOIN bookings b ON b.id = i.booking_id AND b.status IN ${BLOCKING}
    WHERE r.tracking = 'stock'
    UNION ALL
    SELECT u.resource_id, u.quantity, u.start_ms, u.end_ms
    FROM unavailabilities u JOIN resources r ON r.id = u.resource_id
    WHERE r.tracking = 'stock'
  ),
  usage AS (
    SELECT p.resource_id, p.s AS at,
           (SELECT sum(o.quantity) FROM occupation o
             WHERE o.resource_id = p.resource_id AND o.s <= p.s AND p.s < o.e) AS used
    FROM occupation p
  )
  SELECT r.name, r.quantity - r.out_of_service_quantity AS lendable, max(u.used) AS peak
  FROM resources r JOIN usage u ON u.resource_id = r.id
  GROUP BY r.id ORDER BY r.name`

describe('two processes booking at random on one database file', () => {
  it(`never double-book a unit nor over-lend a stock (${2 * ATTEMPTS_PER_PROCESS} attempts)`, async () => {
    const api = makeBackend()
    const ground = await playground(api)
    const workers = ['A', 'B'].map((name, index) => {
      const plan: WorkerPlan = { name, seed: SEED + index, attempts: ATTEMPTS_PER_PROCESS, ground }
      return startWorker(worker, [api.dir, JSON.stringify(plan)])
    })
    await Promise.all(workers.map((w) => w.ready))
    for (const w of workers) w.child.stdin.write('go\n')
    const codes = await Promise.all(workers.map((w) => w.exited))
    const context = `seed ${SEED} (FAULTS_SEED=${SEED} to replay)`
    expect(codes, `${context}\n${workers.map((w) => w.stderr()).join('\n')}`).toEqual([0, 0])
    const summaries = workers.map((w) => JSON.parse(w.lines.at(-1) ?? '{}') as WorkerSummary)
    const total = (key: 'created' | 'refused' | 'cancelled' | 'moved' | 'moveRefused') =>
      summaries.reduce((sum, s) => sum + s[key], 0)
    console.info(
      `[faults] ${context}: ${2 * ATTEMPTS_PER_PROCESS} attempts; bookings ${total('created')} stored, ` +
        `${total('refused')} refused (CONFLICT); ${total('cancelled')} cancelled; moves ${total('moved')} ` +
        `done, ${total('moveRefused')} refused; ${summaries.map((s) => `${s.name} ${s.ms} ms`).join(', ')}`,
    )
    for (const s of summaries) expect(s.unexpected, `${s.name}, ${context}`).toEqual({})

    const db = new Database(api.backend.databasePath, { readonly: true })
    try {
      const stored = db
        .prepare<[], { status: string; n: number }>(
          'SELECT status, count(*) AS n FROM bookings GROUP BY status',
        )
        .all()
      expect(Object.fromEntries(stored.map((r) => [r.status, r.n])), context).toEqual({
        approved: total('created') - total('cancelled'),
        ...(total('cancelled') > 0 ? { cancelled: total('cancelled') } : {}),
      })
      expect(db.prepare(unitOverlaps).all(), context).toEqual([])
      expect(db.prepare(unitOverUnavailability).all(), context).toEqual([])
      const peaks = db.prepare<[], { name: string; lendable: number; peak: number }>(stockPeaks).all()
      console.info(
        `[faults] stock peaks: ${peaks.map((p) => `${p.name} ${p.peak}/${p.lendable}`).join(', ')}`,
      )
      expect(peaks.map((p) => p.name)).toEqual(['Barrières', 'Chaises', 'Tables'])
      for (const p of peaks) expect(p.peak, `${p.name}, ${context}`).toBeLessThanOrEqual(p.lendable)
      // The test only proves something if the calendar filled up: both processes were refused often.
      for (const s of summaries) expect(s.refused, s.name).toBeGreaterThan(ATTEMPTS_PER_PROCESS / 10)
      for (const p of peaks) expect(p.peak, p.name).toBeGreaterThan(p.lendable - 8)
    } finally {
      db.close()
    }
  }, 150_000)
})
