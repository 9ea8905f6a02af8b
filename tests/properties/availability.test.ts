/**
 * Property tests of the availability rule (shared/availability.ts) against a brute-force oracle
 * written here: on small random timelines whose boundaries fall on whole minutes, usage is constant
 * over each minute, so counting minute by minute gives the exact answer. Exact agreement is required.
 * Replay a failure with the seed and path fast-check prints (`FC_SEED=<n>` replays a whole run).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findConflicts,
  freeQuantity,
  overlaps,
  peakUsage,
  type CapacityResource,
  type Occupation,
} from '../../shared/availability'
import type { Conflict } from '../../shared/domain/types'

const SEED =
  Number.isInteger(Number(process.env.FC_SEED)) && process.env.FC_SEED ? Number(process.env.FC_SEED) : 6
const RUNS = 2000
/** Minute 0 of every timeline: Thursday 13/05/2027 22:00 in Paris (UTC+2). */
const BASE_MS = Date.parse('2027-05-13T20:00:00Z')
const MINUTE_MS = 60_000
/** Timelines span minutes [0, SPAN) before buffers. */
const SPAN = 300
const ms = (minute: number) => BASE_MS + minute * MINUTE_MS
const iso = (minute: number) => new Date(ms(minute)).toISOString()

/**
 * The first minute of the lending ban that follows each inspection date the generator uses: local
 * midnight of the next day, Paris being UTC+2 in May (worked out by hand, not by shared/time.ts).
 */
const inspectionBanFrom: Record<string, number> = {
  '2027-05-12': -22 * 60, // 13/05 00:00 Paris = 12/05 22:00 UTC
  '2027-05-13': 2 * 60, // 14/05 00:00 Paris = 13/05 22:00 UTC
  '2027-05-20': 7 * 1440 + 2 * 60,
}
const NO_END = Number.POSITIVE_INFINITY

interface TestResource extends CapacityResource {
  readonly nextInspectionDate: string | null
}

/** An occupation with its minutes kept beside it for the oracle. */
interface TestOccupation {
  readonly occupation: Occupation
  readonly from: number
  readonly to: number
}

const resourceArb = (id: string): fc.Arbitrary<TestResource> =>
  fc
    .record({
      tracking: fc.constantFrom('unit' as const, 'stock' as const),
      quantity: fc.integer({ min: 1, max: 6 }),
      outOfService: fc.integer({ min: 0, max: 6 }),
      before: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
      after: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
      kind: fc.constantFrom('equipment' as const, 'vehicle' as const),
      condition: fc.constantFrom(
        null,
        'good' as const,
        'good' as const,
        'good' as const,
        'out_of_service' as const,
      ),
      inspection: fc.constantFrom(null, null, null, '2027-05-12', '2027-05-13', '2027-05-20'),
    })
    .map((r) => ({
      id,
      name: `Ressource ${id}`,
      tracking: r.tracking,
      quantity: r.tracking === 'unit' ? 1 : r.quantity,
      outOfServiceQuantity: r.tracking === 'unit' ? 0 : Math.min(r.outOfService, r.quantity),
      bufferBeforeMinutes: r.before,
      bufferAfterMinutes: r.after,
      kind: r.kind,
      condition: r.condition,
      nextInspectionDate: r.inspection,
    }))

const occupationArb = (resourceIds: readonly string[], index: number): fc.Arbitrary<TestOccupation> =>
  fc
    .record({
      resourceId: fc.constantFrom(...resourceIds),
      from: fc.integer({ min: 0, max: SPAN - 1 }),
      length: fc.integer({ min: 1, max: 120 }),
      quantity: fc.integer({ min: 1, max: 4 }),
      isBooking: fc.boolean(),
    })
    .map((o) => ({
      from: o.from,
      to: o.from + o.length,
      occupation: {
        resourceId: o.resourceId,
        quantity: o.quantity,
        start: ms(o.from),
        end: ms(o.from + o.length),
        allDay: false,
        startDate: null,
        endDate: null,
        source: o.isBooking
          ? {
              type: 'booking',
              bookingId: `booking-${index}`,
              reference: `RES-2027-${String(index).padStart(4, '0')}`,
              communeId: 'commune',
              communeName: 'Tiffauges',
              title: 'Essai',
            }
          : { type: 'unavailability', unavailabilityId: `unavailability-${index}`, reason: 'Entretien' },
      },
    }))

const periodArb = fc
  .record({ from: fc.integer({ min: 0, max: SPAN - 1 }), length: fc.integer({ min: 1, max: 150 }) })
  .map((p) => ({ from: p.from, to: p.from + p.length }))

/** Resources `r0…`, occupations of them (and of an unknown id), a period and requested items. */
const scenarioArb = fc.integer({ min: 1, max: 3 }).chain((count) => {
  const ids = Array.from({ length: count }, (_, i) => `r${i}`)
  return fc.record({
    resources: fc.tuple(...ids.map(resourceArb)),
    occupations: fc
      .integer({ min: 0, max: 10 })
      .chain((n) =>
        fc.tuple(...Array.from({ length: n }, (_, i) => occupationArb([...ids, 'other'], i + 1))),
      ),
    period: periodArb,
    items: fc.array(
      fc.record({ resourceId: fc.constantFrom(...ids), quantity: fc.integer({ min: 1, max: 8 }) }),
      { minLength: 1, maxLength: 3 },
    ),
  })
})

// ---- The oracle: minute by minute, from the rule's words in DESIGN.md -------------------------------

/** What occupies a resource, in minutes: stored occupations (bookings widened), then its own limits. */
interface Held {
  readonly from: number
  readonly to: number
  readonly quantity: number
  readonly label: string
  /** Minutes of the occupation as stored (null = unbounded), for the conflict's `start` / `end`. */
  readonly storedFrom: number | null
  readonly storedTo: number | null
}

function held(resource: TestResource, occupations: readonly TestOccupation[]): Held[] {
  const list: Held[] = occupations
    .filter((o) => o.occupation.resourceId === resource.id)
    .map((o) => {
      const source = o.occupation.source
      const isBooking = source.type === 'booking'
      return {
        from: isBooking ? o.from - resource.bufferBeforeMinutes : o.from,
        to: isBooking ? o.to + resource.bufferAfterMinutes : o.to,
        quantity: o.occupation.quantity,
        label:
          source.type === 'booking'
            ? source.bookingId
            : source.type === 'unavailability'
              ? source.unavailabilityId
              : '',
        storedFrom: o.from,
        storedTo: o.to,
      }
    })
  if (resource.condition === 'out_of_service') {
    const whole = { from: -NO_END, to: NO_END, quantity: resource.quantity, storedFrom: null, storedTo: null }
    list.push({ ...whole, label: 'limit:out-of-service' })
  }
  if (resource.nextInspectionDate) {
    const from = inspectionBanFrom[resource.nextInspectionDate]!
    list.push({
      from,
      to: NO_END,
      quantity: resource.quantity,
      label: 'limit:inspection',
      storedFrom: from,
      storedTo: null,
    })
  }
  return list
}

const covers = (h: { from: number; to: number }, minute: number) => h.from <= minute && minute < h.to

function usageAt(list: readonly Held[], minute: number): number {
  return list.reduce((sum, h) => sum + (covers(h, minute) ? h.quantity : 0), 0)
}

/** The busiest minute of `[from, to)`: its usage, and the earliest minute reaching it (null when 0). */
function busiest(list: readonly Held[], from: number, to: number): { peak: number; at: number | null } {
  let peak = 0
  let at: number | null = null
  for (let minute = from; minute < to; minute++) {
    const used = usageAt(list, minute)
    if (used > peak) {
      peak = used
      at = minute
    }
  }
  return { peak, at }
}

const lendable = (r: TestResource) => Math.max(0, r.quantity - (r.outOfServiceQuantity ?? 0))

function oracleFree(
  resource: TestResource,
  period: { from: number; to: number },
  occupations: readonly TestOccupation[],
) {
  const window = {
    from: period.from - resource.bufferBeforeMinutes,
    to: period.to + resource.bufferAfterMinutes,
  }
  return Math.max(0, lendable(resource) - busiest(held(resource, occupations), window.from, window.to).peak)
}

/** The conflicts as compared: who blocks, the stored period, the quantities. */
interface ConflictView {
  resourceId: string
  blocker: string
  start: string | null
  end: string | null
  freeQuantity: number | null
  requestedQuantity: number
}

function oracleConflicts(
  resources: readonly TestResource[],
  period: { from: number; to: number },
  items: readonly { resourceId: string; quantity: number }[],
  occupations: readonly TestOccupation[],
): ConflictView[] {
  const views: ConflictView[] = []
  for (const item of items) {
    const resource = resources.find((r) => r.id === item.resourceId)!
    const from = period.from - resource.bufferBeforeMinutes
    const to = period.to + resource.bufferAfterMinutes
    const list = held(resource, occupations)
    const view = (h: Held | null, free: number | null, requested: number): ConflictView => ({
      resourceId: resource.id,
      blocker: h?.label ?? 'none',
      start: h && h.storedFrom !== null ? iso(h.storedFrom) : null,
      end: h && h.storedTo !== null ? iso(h.storedTo) : null,
      freeQuantity: free,
      requestedQuantity: requested,
    })
    const touching = list.filter((h) => {
      for (let minute = from; minute < to; minute++) if (covers(h, minute)) return true
      return false
    })
    if (resource.tracking === 'unit') {
      views.push(...touching.map((h) => view(h, null, 1)))
      continue
    }
    const { peak, at } = busiest(list, from, to)
    const free = Math.max(0, lendable(resource) - peak)
    if (item.quantity <= free) continue
    if (at === null) views.push(view(null, free, item.quantity))
    else views.push(...touching.filter((h) => covers(h, at)).map((h) => view(h, free, item.quantity)))
  }
  return views
}

function viewOf(conflict: Conflict): ConflictView {
  const limit = conflict.reason?.includes('hors service') ? 'limit:out-of-service' : 'limit:inspection'
  return {
    resourceId: conflict.resourceId,
    blocker: conflict.bookingId ?? conflict.unavailabilityId ?? (conflict.reason === null ? 'none' : limit),
    start: conflict.start,
    end: conflict.end,
    freeQuantity: conflict.freeQuantity,
    requestedQuantity: conflict.requestedQuantity,
  }
}

const params = { seed: SEED, numRuns: RUNS }

describe('the availability rule agrees with a minute-by-minute oracle', () => {
  it(`findConflicts (${RUNS} random timelines)`, () => {
    fc.assert(
      fc.property(scenarioArb, ({ resources, occupations, period, items }) => {
        const byId = new Map(resources.map((r) => [r.id, r]))
        const actual = findConflicts(
          { start: ms(period.from), end: ms(period.to) },
          items,
          byId,
          occupations.map((o) => o.occupation),
        )
        expect(actual.map(viewOf)).toEqual(oracleConflicts(resources, period, items, occupations))
      }),
      params,
    )
  })

  it(`freeQuantity (${RUNS} random timelines)`, () => {
    fc.assert(
      fc.property(scenarioArb, ({ resources, occupations, period }) => {
        for (const resource of resources) {
          const actual = freeQuantity(
            resource,
            { start: ms(period.from), end: ms(period.to) },
            occupations.map((o) => o.occupation),
          )
          expect(actual, resource.id).toBe(oracleFree(resource, period, occupations))
        }
      }),
      params,
    )
  })

  it(`peakUsage (${RUNS} random interval sets)`, () => {
    const intervalArb = fc
      .record({
        from: fc.integer({ min: -50, max: SPAN }),
        length: fc.integer({ min: 1, max: 150 }),
        quantity: fc.integer({ min: 1, max: 5 }),
      })
      .map((i) => ({ from: i.from, to: i.from + i.length, quantity: i.quantity }))
    fc.assert(
      fc.property(periodArb, fc.array(intervalArb, { maxLength: 12 }), (window, intervals) => {
        const actual = peakUsage(
          { start: ms(window.from), end: ms(window.to) },
          intervals.map((i) => ({ start: ms(i.from), end: ms(i.to), quantity: i.quantity })),
        )
        const list = intervals.map((i) => ({ ...i, label: '', storedFrom: null, storedTo: null }))
        const { peak, at } = busiest(list, window.from, window.to)
        const atPeak = at === null ? [] : intervals.flatMap((i, index) => (covers(i, at) ? [index] : []))
        expect(actual).toEqual({ peak, atPeak })
      }),
      params,
    )
  })

  it(`overlaps (${RUNS} random pairs)`, () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        let shared = false
        for (let minute = a.from; minute < a.to; minute++) if (covers(b, minute)) shared = true
        expect(overlaps({ start: ms(a.from), end: ms(a.to) }, { start: ms(b.from), end: ms(b.to) })).toBe(
          shared,
        )
      }),
      params,
    )
  })
})
