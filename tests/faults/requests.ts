/**
 * Random booking requests for the fault tests: random resources, periods and quantities over a few
 * weeks of June 2027 (no daylight-saving change inside, so every generated local time exists).
 */
import type { Dice } from './random'

/** The resources and communes a worker books, as created by the test. */
export interface Playground {
  readonly communeIds: readonly string[]
  readonly unitIds: readonly string[]
  readonly stocks: readonly { readonly id: string; readonly lendable: number }[]
}

/** The input of `bookings.create` (as the API takes it). */
export interface CreateInput {
  communeId: string
  title: string
  start: string
  end: string
  items: { resourceId: string; quantity?: number }[]
}

/** Monday 07/06/2027 00:00 in Paris (UTC+2), in epoch ms. */
const FIRST_DAY_MS = Date.parse('2027-06-06T22:00:00Z')
const DAY_MS = 86_400_000
const QUARTER_MS = 15 * 60_000
/** The span the random periods start in, days. */
export const SPAN_DAYS = 21

function localDate(dayIndex: number): string {
  // Noon UTC of the day is inside the same Paris date, whatever the offset.
  return new Date(FIRST_DAY_MS + dayIndex * DAY_MS + 12 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * A random period: day-long loans (dates, end inclusive) or instants in both API forms.
 * @param weekOffset weeks added to the three weeks from 07/06/2027; a multiple of 52 keeps them in
 *   May–June for decades, inside summer time (UTC+2), so that the local times stay valid.
 */
export function randomPeriod(dice: Dice, weekOffset = 0): { start: string; end: string } {
  const roll = dice.int(0, 9)
  const firstDay = weekOffset * 7
  if (roll < 3) {
    const first = firstDay + dice.int(0, SPAN_DAYS - 1)
    return { start: localDate(first), end: localDate(first + dice.int(0, 2)) }
  }
  const start = FIRST_DAY_MS + firstDay * DAY_MS + dice.int(0, SPAN_DAYS * 96 - 1) * QUARTER_MS
  const end = start + dice.int(1, 40) * QUARTER_MS
  if (roll < 7) return { start: new Date(start).toISOString(), end: new Date(end).toISOString() }
  // A Paris wall-clock time without offset: in June, UTC+2.
  const local = (ms: number) => new Date(ms + 2 * 3_600_000).toISOString().slice(0, 16)
  return { start: local(start), end: local(end) }
}

/** A random `bookings.create` input: one to three distinct resources, stock quantities 1–8. */
export function randomBooking(dice: Dice, ground: Playground, title: string, weekOffset = 0): CreateInput {
  const pool = [
    ...ground.unitIds.map((id) => ({ id, lendable: 0 })),
    ...ground.stocks.map((s) => ({ id: s.id, lendable: s.lendable })),
  ]
  const chosen = dice.sample(pool, dice.int(1, 3))
  return {
    communeId: dice.pick(ground.communeIds),
    title,
    ...randomPeriod(dice, weekOffset),
    items: chosen.map((r) =>
      r.lendable === 0 ? { resourceId: r.id } : { resourceId: r.id, quantity: dice.int(1, 8) },
    ),
  }
}
