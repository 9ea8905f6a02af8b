/**
 * A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): timestamps that follow
 * the wall clock when it moves forward, never go backwards when it does not, and order the events of
 * several sites once their journals meet (DESIGN.md, "What comes later"). Pure: the caller passes the
 * wall clock and persists the last value.
 *
 * String form, sortable as text: `2026-11-30T10:15:00.000Z-0001-<siteId>` — the logical time as
 * ISO 8601 UTC (milliseconds), a 4-digit hexadecimal counter, and the site that made it. Sorting the
 * strings sorts by time, then counter, then site, which is the clock's total order.
 */

/** One timestamp: logical wall time (epoch ms, UTC), counter within that ms, and the site's id. */
export interface Hlc {
  /** Epoch milliseconds: the greatest wall time seen so far (local or remote). */
  readonly wallMs: number
  /** Orders events sharing the same `wallMs`: 0…`HLC_MAX_COUNTER`. */
  readonly counter: number
  /** The site (installation) that made the timestamp, a UUID. */
  readonly siteId: string
}

/** Largest counter the 4 hexadecimal digits hold; beyond, the logical time moves on by 1 ms. */
export const HLC_MAX_COUNTER = 0xffff

/** Earliest and latest wall times the ISO form keeps sortable (years 0000–9999). */
const MIN_WALL_MS = Date.parse('0000-01-01T00:00:00.000Z')
const MAX_WALL_MS = Date.parse('9999-12-31T23:59:59.999Z')

function checkWall(ms: number, what: string): number {
  if (!Number.isInteger(ms) || ms < MIN_WALL_MS || ms > MAX_WALL_MS) {
    throw new RangeError(`Horloge hybride : ${what} invalide (${String(ms)}).`)
  }
  return ms
}

/** The next value after (wallMs, counter), moving to the next ms when the counter would overflow. */
function bump(wallMs: number, counter: number, siteId: string): Hlc {
  return counter >= HLC_MAX_COUNTER
    ? { wallMs: wallMs + 1, counter: 0, siteId }
    : { wallMs, counter: counter + 1, siteId }
}

/**
 * The timestamp of a new local event (send or local change).
 * @param last the last timestamp this site made or received (persisted), null on a new site
 * @param nowMs the wall clock, epoch ms (may be behind `last` after a clock change)
 * @param siteId this site's UUID
 * @returns a timestamp strictly greater than `last`
 * @throws RangeError when `nowMs` is not an integer epoch ms of years 0000–9999
 * @example tick(null, Date.parse('2026-11-30T10:15:00Z'), site) // { wallMs: …, counter: 0, siteId: site }
 */
export function tick(last: Hlc | null, nowMs: number, siteId: string): Hlc {
  const wall = checkWall(nowMs, 'heure murale')
  if (last === null || wall > last.wallMs) return { wallMs: wall, counter: 0, siteId }
  return bump(last.wallMs, last.counter, siteId)
}

/**
 * The timestamp of receiving `remote` (a journal entry from another site): greater than both the
 * local `last` and `remote`, so that everything this site does next is ordered after what it saw.
 * @throws RangeError when `nowMs` or `remote.wallMs` is out of range
 */
export function receive(last: Hlc | null, remote: Hlc, nowMs: number, siteId: string): Hlc {
  const wall = checkWall(nowMs, 'heure murale')
  const remoteWall = checkWall(remote.wallMs, 'horodatage reçu')
  const lastWall = last?.wallMs ?? Number.NEGATIVE_INFINITY
  const top = Math.max(wall, lastWall, remoteWall)
  if (top === wall && wall > lastWall && wall > remoteWall) return { wallMs: wall, counter: 0, siteId }
  let counter = -1
  if (last !== null && last.wallMs === top) counter = Math.max(counter, last.counter)
  if (remoteWall === top) counter = Math.max(counter, remote.counter)
  return bump(top, counter, siteId)
}

/** Total order of timestamps: wall time, then counter, then site id. Negative when `a` is earlier. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  return a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0
}

/**
 * The sortable text form, `2026-11-30T10:15:00.000Z-0001-<siteId>`.
 * @example formatHlc({ wallMs: Date.parse('2026-11-30T10:15:00Z'), counter: 1, siteId: 's' }) // '2026-11-30T10:15:00.000Z-0001-s'
 */
export function formatHlc(hlc: Hlc): string {
  const counter = hlc.counter.toString(16).toUpperCase().padStart(4, '0')
  return `${new Date(hlc.wallMs).toISOString()}-${counter}-${hlc.siteId}`
}

const HLC_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-(.+)$/

/**
 * Reads the text form back.
 * @throws RangeError when `text` is not a timestamp made by {@link formatHlc}
 */
export function parseHlc(text: string): Hlc {
  const match = HLC_RE.exec(text)
  const wallMs = match?.[1] ? Date.parse(match[1]) : Number.NaN
  if (!match?.[2] || !match[3] || Number.isNaN(wallMs)) {
    throw new RangeError(`Horodatage illisible : « ${text.slice(0, 80)} ».`)
  }
  return { wallMs, counter: Number.parseInt(match[2], 16), siteId: match[3] }
}
