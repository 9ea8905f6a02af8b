/**
 * `npm run bench [-- --json FILE] [--resources N] [--bookings N]`: measures the backend on a generated
 * database (default 1,000 resources and 100,000 bookings over five years) and prints medians, with
 * ratios against a bare prepared query measured in the same run.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openBackend } from '../electron/backend/index'
import { generateDataset, bareBook, type Dataset } from './dataset'

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    resources: { type: 'string', default: '1000' },
    bookings: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '200' },
  },
})

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

async function time(runs: number, fn: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    await fn(i)
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return samples
}

async function main(): Promise<void> {
  const runs = Number(values.runs)
  const dir = mkdtempSync(join(tmpdir(), 'mutualisation-bench-'))
  try {
    const backend = openBackend({ dataDir: dir, seed: 'empty' })
    backend.close()
    const t0 = Date.now()
    const data: Dataset = generateDataset(dir, Number(values.resources), Number(values.bookings))
    console.log(
      `Base générée : ${data.resourceIds.length} ressources, ${data.bookingCount} réservations en ${Date.now() - t0} ms`,
    )
    const api = openBackend({ dataDir: dir, seed: 'empty' })
    const caller = { channel: 'test' } as const
    // New bookings go in the sixth year, after the generated data, one slot per run: always free.
    const slot = (i: number) => ({
      start: `2031-01-01T08:00`,
      end: `2031-01-01T12:00`,
      resourceId: data.unitIds[i % data.unitIds.length] ?? '',
    })
    const dispatcherSamples = await time(runs, async (i) => {
      const s = slot(i)
      const result = await api.dispatch(
        'bookings.create',
        {
          communeId: data.communeId,
          title: 'Bench',
          start: s.start,
          end: s.end,
          items: [{ resourceId: s.resourceId }],
        },
        caller,
      )
      if (!result.ok) throw new Error(result.error.message)
    })
    const bareSamples = await time(runs, (i) => {
      const s = slot(i + runs)
      bareBook(
        data,
        s.resourceId,
        Date.parse('2031-02-01T07:00:00Z'),
        Date.parse('2031-02-01T11:00:00Z'),
        randomUUID(),
      )
    })
    const findSamples = await time(Math.min(runs, 50), async () => {
      const result = await api.dispatch(
        'availability.find',
        { start: '2028-06-05', end: '2028-06-11' },
        caller,
      )
      if (!result.ok) throw new Error(result.error.message)
    })
    const monthSamples = await time(Math.min(runs, 50), async () => {
      const result = await api.dispatch('bookings.list', { from: '2028-06-01', to: '2028-07-01' }, caller)
      if (!result.ok) throw new Error(result.error.message)
    })
    api.close()
    data.close()
    const rows = [
      { case: 'bookings.create (dispatcher)', median_ms: median(dispatcherSamples) },
      { case: 'requête préparée + insertion (référence)', median_ms: median(bareSamples) },
      { case: 'availability.find, une semaine', median_ms: median(findSamples) },
      { case: 'bookings.list, un mois', median_ms: median(monthSamples) },
    ]
    const ratio = (rows[0]?.median_ms ?? 0) / (rows[1]?.median_ms ?? 1)
    console.table(rows.map((r) => ({ cas: r.case, 'médiane (ms)': r.median_ms.toFixed(3) })))
    console.log(`Rapport dispatcher / requête nue : ${ratio.toFixed(2)}×`)
    if (values.json) {
      writeFileSync(
        values.json,
        JSON.stringify(
          { resources: data.resourceIds.length, bookings: data.bookingCount, runs, rows, ratio },
          null,
          2,
        ),
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
