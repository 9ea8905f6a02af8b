/**
 * A small seeded random source for the fault tests and their worker processes: the same seed gives
 * the same stream of requests, so a failure can be replayed (`FAULTS_SEED=<n> npx vitest run tests/faults`).
 */

/** Seeded uniform numbers in [0, 1) (mulberry32: 32-bit state, fast, good enough for test data). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Helpers over one seeded stream. */
export interface Dice {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T
  /** `count` distinct elements of `list` (count ≤ list length), in random order. */
  sample<T>(list: readonly T[], count: number): T[]
}

/** @example const dice = makeDice(42); dice.int(1, 6) */
export function makeDice(seed: number): Dice {
  const next = seededRandom(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    int,
    chance: (p) => next() < p,
    pick(list) {
      const item = list[int(0, list.length - 1)]
      if (item === undefined) throw new Error('pick: liste vide')
      return item
    },
    sample(list, count) {
      const copy = [...list]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]]
      }
      return copy.slice(0, count)
    },
  }
}

/**
 * The seed of a test run: `FAULTS_SEED` from the environment when set (to replay a failure), else the
 * fixed default, so that `npm test` is reproducible.
 */
export function runSeed(defaultSeed: number): number {
  const fromEnv = Number(process.env.FAULTS_SEED)
  return Number.isInteger(fromEnv) && process.env.FAULTS_SEED !== '' ? fromEnv : defaultSeed
}
