import { describe, expect, it } from 'vitest'
import { compareHlc, formatHlc, HLC_MAX_COUNTER, parseHlc, receive, tick, type Hlc } from '../../shared/hlc'

const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'
const t = (iso: string) => Date.parse(iso)

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    const first = tick(null, t('2026-11-30T10:15:00Z'), A)
    expect(first).toEqual({ wallMs: t('2026-11-30T10:15:00Z'), counter: 0, siteId: A })
    expect(tick(first, t('2026-11-30T10:15:01Z'), A)).toEqual({
      wallMs: t('2026-11-30T10:15:01Z'),
      counter: 0,
      siteId: A,
    })
  })

  it('counts events within the same millisecond', () => {
    const first = tick(null, t('2026-11-30T10:15:00Z'), A)
    const second = tick(first, t('2026-11-30T10:15:00Z'), A)
    expect(second.counter).toBe(1)
    expect(formatHlc(second)).toBe(`2026-11-30T10:15:00.000Z-0001-${A}`)
  })

  it('never goes backwards when the wall clock does', () => {
    let last: Hlc = tick(null, t('2026-11-30T10:15:00Z'), A)
    const stamps = [formatHlc(last)]
    // The clock is put back one hour, then creeps forward but stays behind.
    for (const iso of ['2026-11-30T09:15:00Z', '2026-11-30T09:20:00Z', '2026-11-30T10:14:59.999Z']) {
      last = tick(last, t(iso), A)
      stamps.push(formatHlc(last))
    }
    expect(stamps).toEqual([
      `2026-11-30T10:15:00.000Z-0000-${A}`,
      `2026-11-30T10:15:00.000Z-0001-${A}`,
      `2026-11-30T10:15:00.000Z-0002-${A}`,
      `2026-11-30T10:15:00.000Z-0003-${A}`,
    ])
    expect([...stamps].sort()).toEqual(stamps)
    // Once the wall clock passes the logical time again, the counter starts over.
    expect(formatHlc(tick(last, t('2026-11-30T10:15:00.001Z'), A))).toBe(`2026-11-30T10:15:00.001Z-0000-${A}`)
  })

  it('moves to the next millisecond rather than overflow the counter', () => {
    const full: Hlc = { wallMs: t('2026-11-30T10:15:00Z'), counter: HLC_MAX_COUNTER, siteId: A }
    expect(formatHlc(full)).toBe(`2026-11-30T10:15:00.000Z-FFFF-${A}`)
    expect(formatHlc(tick(full, t('2026-11-30T10:00:00Z'), A))).toBe(`2026-11-30T10:15:00.001Z-0000-${A}`)
  })

  it('merges a remote timestamp ahead of the local clock', () => {
    const local = tick(null, t('2026-11-30T10:00:00Z'), A)
    const remote: Hlc = { wallMs: t('2026-11-30T10:05:00Z'), counter: 7, siteId: B }
    const merged = receive(local, remote, t('2026-11-30T10:01:00Z'), A)
    expect(formatHlc(merged)).toBe(`2026-11-30T10:05:00.000Z-0008-${A}`)
    expect(compareHlc(merged, remote)).toBe(1)
    // The next local event is still after what was received.
    expect(formatHlc(tick(merged, t('2026-11-30T10:01:01Z'), A))).toBe(`2026-11-30T10:05:00.000Z-0009-${A}`)
  })

  it('merges: equal logical times take the larger counter; a wall clock ahead of both starts at 0', () => {
    const local: Hlc = { wallMs: t('2026-11-30T10:05:00Z'), counter: 3, siteId: A }
    const remote: Hlc = { wallMs: t('2026-11-30T10:05:00Z'), counter: 9, siteId: B }
    expect(receive(local, remote, t('2026-11-30T10:00:00Z'), A).counter).toBe(10)
    expect(receive(remote, local, t('2026-11-30T10:00:00Z'), B).counter).toBe(10)
    expect(receive(local, remote, t('2026-11-30T10:06:00Z'), A)).toEqual({
      wallMs: t('2026-11-30T10:06:00Z'),
      counter: 0,
      siteId: A,
    })
    expect(receive(null, remote, t('2026-11-30T10:00:00Z'), A).counter).toBe(10)
  })

  it('sorts as text in the same order as compareHlc, site last', () => {
    const stamps: Hlc[] = [
      { wallMs: t('2027-01-01T00:00:00Z'), counter: 0, siteId: A },
      { wallMs: t('2026-12-31T23:59:59.999Z'), counter: 255, siteId: B },
      { wallMs: t('2026-12-31T23:59:59.999Z'), counter: 16, siteId: B },
      { wallMs: t('2026-12-31T23:59:59.999Z'), counter: 16, siteId: A },
    ]
    const byText = [...stamps].sort((x, y) => (formatHlc(x) < formatHlc(y) ? -1 : 1))
    expect(byText).toEqual([...stamps].sort(compareHlc))
    expect(byText.map(formatHlc)).toEqual([
      `2026-12-31T23:59:59.999Z-0010-${A}`,
      `2026-12-31T23:59:59.999Z-0010-${B}`,
      `2026-12-31T23:59:59.999Z-00FF-${B}`,
      `2027-01-01T00:00:00.000Z-0000-${A}`,
    ])
  })

  it('reads its text form back, and refuses anything else', () => {
    const stamp: Hlc = { wallMs: t('2026-11-30T10:15:00.123Z'), counter: 0xabc, siteId: A }
    expect(parseHlc(formatHlc(stamp))).toEqual(stamp)
    expect(() => parseHlc('2026-11-30T10:15:00Z-1-x')).toThrow(/Horodatage illisible/)
    expect(() => tick(null, Number.NaN, A)).toThrow(RangeError)
    expect(() => tick(null, 1.5, A)).toThrow(RangeError)
  })
})
