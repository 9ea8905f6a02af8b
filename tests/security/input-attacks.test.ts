/**
 * Known attack paths through the API's inputs, kept closed: method names that are not in the contract
 * (look-alikes, prototype members, control characters, non-strings); prototype pollution through
 * `__proto__` / `constructor` keys that JSON.parse (browser mode) and structured clone (IPC) keep as
 * own properties; line breaks in a title smuggling lines into a calendar file. The basic cases live
 * in tests/backend/dispatcher.test.ts; script in user text is tests/e2e/security-text.spec.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Booking } from '../../shared/domain/types'
import { fixtures, makeBackend, type TestApi } from '../backend/helpers'

afterEach(() => {
  // A polluted prototype would leak into every later test of this file: clean up, then fail.
  const polluted = Object.keys(Object.prototype)
  for (const key of polluted) delete (Object.prototype as Record<string, unknown>)[key]
  expect(polluted).toEqual([])
})

async function bookingCount(api: TestApi): Promise<number> {
  return (await api.ok('bookings.list', { from: '2020-01-01', to: '2035-01-01' })).length
}

describe('method names outside the contract', () => {
  it('are refused with UNKNOWN_METHOD, a short French message, and reach no handler', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const valid = {
      communeId: f.tiffauges.id,
      title: 'Fête',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    }
    const names = [
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'isPrototypeOf',
      'bookings.__proto__',
      'bookings.constructor',
      'bookings.create ',
      ' bookings.create',
      'Bookings.create',
      'BOOKINGS.CREATE',
      'bookings..create',
      'bookings',
      'bookings.',
      '.create',
      'bookings/create',
      'bookings.create/../resources.list',
      'bookings.create\u0000',
      'bookings.\u0441reate', // Cyrillic « с »
      'bookings.create'.padEnd(100_000, 'x'),
    ]
    for (const name of names) {
      const error = await api.fail(name, valid)
      expect(error.code, JSON.stringify(name.slice(0, 40))).toBe('UNKNOWN_METHOD')
      expect(error.message).toMatch(/^Méthode inconnue : « /)
      expect(error.message.length, 'the name is quoted shortened').toBeLessThanOrEqual(120)
    }
    expect(await bookingCount(api)).toBe(0)
  })

  it('refuses a method that is not a string (IPC carries any value)', async () => {
    const api = makeBackend()
    for (const name of [null, undefined, 42, ['bookings.list'], { toString: () => 'bookings.list' }]) {
      const result = await api.backend.dispatch(name as unknown as string, {}, { channel: 'test' })
      expect(result.ok, String(name)).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_METHOD')
    }
  })
})

describe('prototype keys in inputs', () => {
  it('are refused as unknown fields and pollute nothing', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const attempts: [string, string][] = [
      ['resources.create', '{"kind":"equipment","name":"Piège","__proto__":{"polluted":"oui"}}'],
      ['resources.list', '{"constructor":{"prototype":{"polluted":"oui"}}}'],
      ['resources.update', `{"id":"${f.nacelle.id}","__proto__":{"archived":true}}`],
      [
        'bookings.create',
        `{"communeId":"${f.tiffauges.id}","title":"Fête","start":"2027-05-14","end":"2027-05-14",` +
          `"items":[{"resourceId":"${f.chaises.id}","__proto__":{"quantity":500}}]}`,
      ],
    ]
    for (const [method, body] of attempts) {
      const error = await api.fail(method, JSON.parse(body))
      expect(error.code, method).toBe('INVALID_INPUT')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
    expect((await api.ok('resources.get', { id: f.nacelle.id })).archived).toBe(false)
    expect(await bookingCount(api)).toBe(0)
  })

  it('in a column mapping of an import (a record keyed by the file) change nothing', async () => {
    const api = makeBackend()
    const csv = Buffer.from('Désignation;Type\r\nBarrière;Matériel\r\n', 'utf8').toString('base64')
    for (const mapping of ['{"__proto__":null}', '{"__proto__":"name"}', '{"constructor":"name"}']) {
      const input: unknown = JSON.parse(
        `{"fileName":"a.csv","contentBase64":"${csv}","dryRun":true,"mapping":${mapping}}`,
      )
      const result = await api.backend.dispatch('resources.import', input, { channel: 'test' })
      expect(result.ok || result.error.code, mapping).toBe(true)
      expect(Object.keys(Object.prototype)).toEqual([])
    }
  })

  it('as names of resources and titles of bookings are plain text everywhere', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString']
    const created = []
    for (const name of names) created.push(await api.ok('resources.create', { kind: 'equipment', name }))
    const booked: Booking[] = []
    for (const [index, title] of names.entries()) {
      booked.push(
        await api.ok('bookings.create', {
          communeId: f.tiffauges.id,
          title,
          start: `2027-05-${10 + index}`,
          end: `2027-05-${10 + index}`,
          items: [{ resourceId: created[index]!.id }],
        }),
      )
    }
    const listed = await api.ok('resources.list', {})
    expect(
      listed
        .filter((r) => names.includes(r.name))
        .map((r) => r.name)
        .sort(),
    ).toEqual([...names].sort())
    const bookings = await api.ok('bookings.list', { from: '2027-05-01', to: '2027-06-01' })
    expect(bookings.map((b) => b.title).sort()).toEqual([...names].sort())
    const free = await api.ok('availability.find', {
      start: '2027-05-10',
      end: '2027-05-13',
      kind: 'equipment',
    })
    expect(free.filter((r) => names.includes(r.name))).toEqual([])
    const exported = await api.ok('resources.export', { format: 'csv', kind: 'equipment' })
    const csv = Buffer.from(exported.contentBase64, 'base64').toString('utf8')
    for (const name of names) expect(csv).toContain(`\r\n${name};`)
  })
})

describe('line breaks in user text', () => {
  it('cannot add properties or events to a calendar file', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const title = 'Fête\r\nATTENDEE:mailto:pirate@example.org\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:Faux'
    await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title,
      notes: 'Note\r\nURL:https://evil.example',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    })
    const file = await api.ok('calendar.ics', {
      communeId: f.tiffauges.id,
      from: '2027-05-01',
      to: '2027-06-01',
    })
    const lines = file.content.split('\r\n')
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(lines.filter((line) => /^(ATTENDEE|URL|SUMMARY:Faux)/.test(line))).toEqual([])
  })
})
