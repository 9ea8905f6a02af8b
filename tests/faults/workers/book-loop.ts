/**
 * The process the SIGKILL fault test kills: opens the backend, says `ready`, waits for `go`, then
 * books at random without end. After a call returned ok — never before — it prints `booked <id>
 * <number of items>` or `cancelled <id>`, so every line the parent reads is an acknowledged write (a
 * line the kill stops on its way only means the parent does not count that write).
 * Usage: node --import tsx book-loop.ts <dataDir> <json LoopPlan>
 */
import { createInterface } from 'node:readline'
import { openBackend } from '../../../electron/backend/index'
import { makeDice } from '../random'
import { randomBooking, type Playground } from '../requests'

/** What the parent asks of this worker. */
export interface LoopPlan {
  readonly name: string
  readonly seed: number
  /** Weeks added to the booked periods (see `randomPeriod`), so each round books fresh weeks. */
  readonly weekOffset: number
  readonly ground: Playground
}

const [dataDir, planJson] = process.argv.slice(2)
if (!dataDir || !planJson) throw new Error('usage: book-loop.ts <dataDir> <plan>')
const plan = JSON.parse(planJson) as LoopPlan
const backend = openBackend({ dataDir, seed: 'empty' })
const dice = makeDice(plan.seed)
const caller = { channel: 'test' } as const

async function loop(): Promise<never> {
  const mine: string[] = []
  for (let attempt = 0; ; attempt++) {
    if (dice.chance(0.15) && mine.length > 0) {
      const [id] = mine.splice(dice.int(0, mine.length - 1), 1)
      const result = await backend.dispatch('bookings.cancel', { id }, caller)
      if (result.ok) process.stdout.write(`cancelled ${id}\n`)
      continue
    }
    const input = randomBooking(dice, plan.ground, `${plan.name} ${attempt}`, plan.weekOffset)
    const result = await backend.dispatch('bookings.create', input, caller)
    if (result.ok) {
      const booking = result.value as { id: string; items: unknown[] }
      mine.push(booking.id)
      process.stdout.write(`booked ${booking.id} ${booking.items.length}\n`)
    } else if (result.error.code !== 'CONFLICT') {
      process.stdout.write(`error ${result.error.code} ${result.error.message}\n`)
    }
  }
}

const lines = createInterface({ input: process.stdin })
process.stdout.write('ready\n')
lines.on('line', (line) => {
  if (line === 'go') void loop()
})
