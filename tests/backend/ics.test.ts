/**
 * `calendar.ics`, read back with an independent parser (ical.js, Mozilla's): UTC instants for timed
 * bookings in summer and winter, day-long loans with the exclusive end date, statuses, stable UIDs,
 * and the filters by commune and resource.
 */
import Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/index'
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract'
import type { ApiResult } from '../../shared/errors'
import { fixtures, makeBackend, NOW, tempDir, type TestApi } from './helpers'

interface ParsedEvent {
  readonly uid: string
  readonly summary: string
  readonly description: string
  readonly location: string
  readonly status: string
  readonly sequence: number
  readonly dtstart: ICAL.Property
  readonly dtend: ICAL.Property
  readonly lastModified: string
  readonly dtstamp: string
}

function parse(content: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  // ical.js types its parse result as `any`: it is the jCal array of the VCALENDAR.
  const calendar = new ICAL.Component(ICAL.parse(content) as unknown[])
  const events = calendar.getAllSubcomponents('vevent').map((event) => {
    const text = (name: string) => String(event.getFirstPropertyValue(name) ?? '')
    const property = (name: string) => {
      const found = event.getFirstProperty(name)
      if (!found) throw new Error(`${name} manquant`)
      return found
    }
    return {
      uid: text('uid'),
      summary: text('summary'),
      description: text('description'),
      location: text('location'),
      status: text('status'),
      sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
      dtstart: property('dtstart'),
      dtend: property('dtend'),
      lastModified: (event.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      dtstamp: (event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    }
  })
  return { calendar, events }
}

function eventOf(events: readonly ParsedEvent[], reference: string): ParsedEvent {
  const found = events.find((e) => e.summary.startsWith(`${reference} · `))
  if (!found) throw new Error(`${reference} absent du calendrier`)
  return found
}

function timeOf(property: ICAL.Property): ICAL.Time {
  return property.getFirstValue() as ICAL.Time
}

async function scenario(api: TestApi) {
  const f = await fixtures(api)
  const summer = await api.ok('bookings.create', {
    communeId: f.tiffauges.id,
    title: 'Élagage des platanes',
    start: '2027-07-14T09:00',
    end: '2027-07-14T12:00',
    items: [{ resourceId: f.nacelle.id }],
  })
  const winter = await api.ok('bookings.create', {
    communeId: f.tiffauges.id,
    title: 'Illuminations, dépose',
    start: '2027-01-14T09:00',
    end: '2027-01-14T11:30',
    items: [{ resourceId: f.nacelle.id }],
  })
  const dayLoan = await api.ok('bookings.create', {
    communeId: f.tiffauges.id,
    title: 'Fête de la Saint-Jean',
    start: '2027-07-01',
    end: '2027-07-03',
    items: [{ resourceId: f.chaises.id, quantity: 50 }, { resourceId: f.podium.id }],
  })
  const cancelled = await api.ok('bookings.create', {
    communeId: f.gaubretiere.id,
    title: 'Vide-greniers',
    start: '2027-07-01',
    end: '2027-07-01',
    items: [{ resourceId: f.chaises.id, quantity: 20 }],
  })
  await api.ok('bookings.cancel', { id: cancelled.id, reason: 'Manifestation reportée' })
  return { f, summer, winter, dayLoan, cancelled }
}

describe('calendar.ics', () => {
  it('writes timed bookings as UTC instants: 09:00 in Paris is 07:00Z in summer, 08:00Z in winter', async () => {
    const api = makeBackend()
    const { f, summer, winter } = await scenario(api)
    const file = await api.ok('calendar.ics', { communeId: f.tiffauges.id })
    expect(file.content).toContain('DTSTART:20270714T070000Z')
    expect(file.content).toContain('DTEND:20270714T100000Z')
    expect(file.content).not.toMatch(/^DTSTART:\d{8}T\d{6}\r?$/m) // never floating
    const { events } = parse(file.content)
    const july = eventOf(events, summer.reference)
    expect(july.dtstart.type).toBe('date-time')
    expect(timeOf(july.dtstart).toICALString()).toBe('20270714T070000Z')
    expect(timeOf(july.dtstart).toJSDate().toISOString()).toBe('2027-07-14T07:00:00.000Z')
    expect(timeOf(july.dtend).toJSDate().toISOString()).toBe('2027-07-14T10:00:00.000Z')
    const january = eventOf(events, winter.reference)
    expect(timeOf(january.dtstart).toICALString()).toBe('20270114T080000Z')
    expect(timeOf(january.dtend).toICALString()).toBe('20270114T103000Z')
  })

  it('writes a day-long loan as VALUE=DATE with the exclusive end: 01/07–03/07 ends 20270704', async () => {
    const api = makeBackend()
    const { f, dayLoan } = await scenario(api)
    const file = await api.ok('calendar.ics', { communeId: f.tiffauges.id })
    expect(file.content).toContain('DTSTART;VALUE=DATE:20270701')
    expect(file.content).toContain('DTEND;VALUE=DATE:20270704')
    const event = eventOf(parse(file.content).events, dayLoan.reference)
    expect(event.dtstart.type).toBe('date')
    expect(event.dtend.type).toBe('date')
    expect(timeOf(event.dtstart).isDate).toBe(true)
    expect(timeOf(event.dtstart).toString()).toBe('2027-07-01')
    expect(timeOf(event.dtend).toString()).toBe('2027-07-04')
    // Summary, items with quantities, commune.
    expect(event.summary).toBe(`${dayLoan.reference} · Fête de la Saint-Jean`)
    expect(event.location).toBe('Tiffauges')
    expect(event.description).toContain('Commune : Tiffauges')
    expect(event.description).toContain('- Chaises × 50')
    expect(event.description).toContain('- Podium × 1')
    expect(event.status).toBe('CONFIRMED')
  })

  it('marks cancelled bookings CANCELLED and requested ones TENTATIVE', async () => {
    const api = makeBackend()
    const { summer, cancelled } = await scenario(api)
    const db = new Database(api.backend.databasePath)
    db.prepare("UPDATE bookings SET status = 'requested' WHERE id = ?").run(summer.id)
    db.close()
    const { events } = parse((await api.ok('calendar.ics', {})).content)
    const gone = eventOf(events, cancelled.reference)
    expect(gone.status).toBe('CANCELLED')
    expect(gone.description).toContain('Motif : Manifestation reportée')
    expect(eventOf(events, summer.reference).status).toBe('TENTATIVE')
  })

  it('keeps the same UIDs from one export to the next, and dates revisions from updatedAt', async () => {
    const api = makeBackend()
    const { summer, winter, dayLoan, cancelled } = await scenario(api)
    const first = parse((await api.ok('calendar.ics', {})).content).events
    const second = parse((await api.ok('calendar.ics', {})).content).events
    expect(first.map((e) => e.uid).sort()).toEqual(second.map((e) => e.uid).sort())
    expect(first.map((e) => e.uid).sort()).toEqual(
      [summer, winter, dayLoan, cancelled].map((b) => `${b.id}@mutualisation.paysdemortagne.fr`).sort(),
    )
    const event = eventOf(first, summer.reference)
    expect(event.dtstamp).toBe(new Date(summer.updatedAt).toISOString())
    expect(event.lastModified).toBe(new Date(summer.updatedAt).toISOString())
    expect(event.sequence).toBe(0)
  })

  it('gives an updated booking the same UID, a higher SEQUENCE and a newer LAST-MODIFIED', async () => {
    let clock = NOW
    const dir = tempDir()
    const backend = openBackend({ dataDir: dir, seed: 'empty', now: () => clock })
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const result = (await backend.dispatch(method, input, { channel: 'test' })) as ApiResult<
        MethodResult<M>
      >
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    }
    try {
      const communes = await call('communes.list', {})
      const tiffauges = communes.find((c) => c.name === 'Tiffauges')!
      const nacelle = await call('resources.create', { kind: 'equipment', name: 'Nacelle' })
      const booking = await call('bookings.create', {
        communeId: tiffauges.id,
        title: 'Élagage',
        start: '2027-03-10T08:00',
        end: '2027-03-10T12:00',
        items: [{ resourceId: nacelle.id }],
      })
      const before = eventOf(parse((await call('calendar.ics', {})).content).events, booking.reference)
      clock += 90_000
      await call('bookings.update', { id: booking.id, title: 'Élagage des tilleuls' })
      const after = eventOf(parse((await call('calendar.ics', {})).content).events, booking.reference)
      expect(after.uid).toBe(before.uid)
      expect(after.summary).toBe(`${booking.reference} · Élagage des tilleuls`)
      expect(after.sequence).toBeGreaterThan(before.sequence)
      expect(after.sequence).toBe(90)
      expect(Date.parse(after.lastModified) - Date.parse(before.lastModified)).toBe(90_000)
    } finally {
      backend.close()
    }
  })

  it('filters by commune and by resource, and names the calendar and the file after them', async () => {
    const api = makeBackend()
    const { f, summer, winter, dayLoan, cancelled } = await scenario(api)
    const tiffauges = await api.ok('calendar.ics', { communeId: f.tiffauges.id })
    expect(tiffauges.fileName).toBe('reservations-tiffauges.ics')
    const parsedTiffauges = parse(tiffauges.content)
    expect(parsedTiffauges.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Mutualisation — Tiffauges')
    expect(parsedTiffauges.events.map((e) => e.summary.split(' · ')[0]).sort()).toEqual(
      [summer, winter, dayLoan].map((b) => b.reference).sort(),
    )

    const gaubretiere = await api.ok('calendar.ics', { communeId: f.gaubretiere.id })
    expect(gaubretiere.fileName).toBe('reservations-la-gaubretiere.ics')
    expect(parse(gaubretiere.content).events.map((e) => e.uid)).toEqual([
      `${cancelled.id}@mutualisation.paysdemortagne.fr`,
    ])

    const nacelle = await api.ok('calendar.ics', { resourceId: f.nacelle.id })
    expect(nacelle.fileName).toBe('reservations-nacelle-12-m.ics')
    const parsedNacelle = parse(nacelle.content)
    expect(parsedNacelle.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Mutualisation — Nacelle 12 m')
    expect(parsedNacelle.events.map((e) => e.summary.split(' · ')[0]).sort()).toEqual(
      [summer, winter].map((b) => b.reference).sort(),
    )

    const chairsOfTiffauges = parse(
      (await api.ok('calendar.ics', { communeId: f.tiffauges.id, resourceId: f.chaises.id })).content,
    ).events
    expect(chairsOfTiffauges.map((e) => e.summary.split(' · ')[0])).toEqual([dayLoan.reference])

    const all = await api.ok('calendar.ics', {})
    expect(all.fileName).toBe('reservations-toutes-communes.ics')
    expect(parse(all.content).events).toHaveLength(4)
  })

  it('reaches by default from 3 months ago to 12 months ahead; from/to widen it', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const book = (start: string, end: string) =>
      api.ok('bookings.create', {
        communeId: f.tiffauges.id,
        title: `Prêt ${start}`,
        start,
        end,
        items: [{ resourceId: f.nacelle.id }],
      })
    // Today is 29/11/2026 (Paris): the default window is [29/08/2026, 29/11/2027).
    const tooOld = await book('2026-08-20', '2026-08-21')
    const recent = await book('2026-09-15', '2026-09-15')
    const lastIn = await book('2027-11-28', '2027-11-28')
    const tooFar = await book('2027-12-10', '2027-12-10')
    const refs = (content: string) =>
      parse(content)
        .events.map((e) => e.summary.split(' · ')[0])
        .sort()
    expect(refs((await api.ok('calendar.ics', {})).content)).toEqual(
      [recent.reference, lastIn.reference].sort(),
    )
    expect(refs((await api.ok('calendar.ics', { from: '2026-01-01', to: '2028-01-01' })).content)).toEqual(
      [tooOld, recent, lastIn, tooFar].map((b) => b.reference).sort(),
    )
  })

  it('refuses an unknown commune or resource, and a window that ends before it starts', async () => {
    const api = makeBackend()
    expect((await api.fail('calendar.ics', { communeId: '7b0c8a9e-6d4f-4a51-9d8e-0a1b2c3d4e5f' })).code).toBe(
      'NOT_FOUND',
    )
    expect(
      (await api.fail('calendar.ics', { resourceId: '7b0c8a9e-6d4f-4a51-9d8e-0a1b2c3d4e5f' })).code,
    ).toBe('NOT_FOUND')
    const reversed = await api.fail('calendar.ics', { from: '2027-05-01', to: '2027-04-01' })
    expect(reversed.code).toBe('INVALID_INPUT')
    expect(reversed.message).toMatch(/après son début/)
  })
})
