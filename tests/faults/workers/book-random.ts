/**
 * One of the two processes of the random-booking fault test: opens the backend on the shared data
 * directory, says `ready`, waits for `go` on stdin, then makes `attempts` random calls — mostly
 * bookings, some cancellations and moves of its own bookings — and prints one JSON summary line.
 * Usage: node --import tsx book-random.ts <dataDir> <json WorkerPlan>
 */
import { createInterface } from 'node:readline'
import { openBackend } from '../../../electron/backend/index'
import { makeDice } from '../random'
import { randomBooking, randomPeriod, type Playground } from '../requests'

/** What the parent asks of this worker. */
export interface WorkerPlan {
  readonly name: string
  readonly seed: number
  readonly attempts: number
  readonly ground: Playground
}

/** What the worker did, counted by outcome. */
export interface WorkerSummary {
  readonly name: string
  readonly attempts: number
  readonly created: number
  readonly refused: number
  readonly cancelled: number
  readonly moved: number
  readonly moveRefused: number
  /** Error codes other than CONFLICT, with the first message of each: none is expected. */
  readonly unexpected: Record<string, string>
  readonly ms: number
}

const [dataDir, planJson] = process.argv.slice(2)
if (!dataDir || !planJson) throw new Error('usage: book-random.ts <dataDir> <plan>')
const plan = JSON.parse(planJson) as WorkerPlan
const backend = openBackend({ dataDir, seed: 'empty' })
const dice = makeDice(plan.seed)
const caller = { channel: 'test' } as const

async function run(): Promise<WorkerSummary> {
  const started = Date.now()
  const mine: string[] = []
  const counts = { created: 0, refused: 0, cancelled: 0, moved: 0, moveRefused: 0 }
  const unexpected: Record<string, string> = {}
  const note = (code: string, message: string) => {
    unexpected[code] ??= message
  }
  for (let attempt = 0; attempt < plan.attempts; attempt++) {
    const roll = dice.int(0, 99)
    if (roll < 10 && mine.length > 0) {
      const [id] = mine.splice(dice.int(0, mine.length - 1), 1)
      const result = await backend.dispatch('bookings.cancel', { id, reason: 'essai' }, caller)
      if (result.ok) counts.cancelled++
      else note(result.error.code, result.error.message)
      continue
    }
    if (roll < 15 && mine.length > 0) {
      const id = dice.pick(mine)
      const result = await backend.dispatch('bookings.update', { id, ...randomPeriod(dice) }, caller)
      if (result.ok) counts.moved++
      else if (result.error.code === 'CONFLICT') counts.moveRefused++
      else note(result.error.code, result.error.message)
      continue
    }
    const input = randomBooking(dice, plan.ground, `${plan.name} ${attempt}`)
    const result = await backend.dispatch('bookings.create', input, caller)
    if (result.ok) {
      counts.created++
      mine.push((result.value as { id: string }).id)
    } else if (result.error.code === 'CONFLICT') counts.refused++
    else note(result.error.code, result.error.message)
  }
  return { name: plan.name, attempts: plan.attempts, ...counts, unexpected, ms: Date.now() - started }
}

const lines = createInterface({ input: process.stdin })
process.stdout.write('ready\n')
lines.on('line', (line) => {
  if (line !== 'go') return
  void run().then((summary) => {
    process.stdout.write(`${JSON.stringify(summary)}\n`)
    backend.close()
    lines.close()
  })
})
