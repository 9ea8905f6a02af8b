/**
 * `availability.suggest`: the nearest periods of the same length in which a request fits, by the
 * shared availability rule. Today is Sunday 29/11/2026 in Paris (helpers.NOW).
 */
import { describe, expect, it } from 'vitest'
import { fixtures, makeBackend, type TestApi } from './helpers'

type Fixtures = Awaited<ReturnType<typeof fixtures>>

async function book(
  api: TestApi,
  f: Fixtures,
  start: string,
  end: string,
  items: { resourceId: string; quantity?: number }[],
) {
  return api.ok('bookings.create', { communeId: f.tiffauges.id, title: 'Occupé', start, end, items })
}

const days = (list: readonly { startDate: string | null; endDate: string | null }[]) =>
  list.map((s) => `${s.startDate}/${s.endDate}`)

describe('availability.suggest, day-long loans', () => {
  it('proposes Friday then Sunday for a Saturday when the nacelle is booked that Saturday', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await book(api, f, '2027-01-16', '2027-01-16', [{ resourceId: f.nacelle.id }]) // a Saturday
    const request = { start: '2027-01-16', end: '2027-01-16', items: [{ resourceId: f.nacelle.id }] }
    const two = await api.ok('availability.suggest', { ...request, limit: 2 })
    expect(two).toEqual([
      {
        start: '2027-01-14T23:00:00.000Z',
        end: '2027-01-15T23:00:00.000Z',
        allDay: true,
        startDate: '2027-01-15',
        endDate: '2027-01-15',
      },
      {
        start: '2027-01-16T23:00:00.000Z',
        end: '2027-01-17T23:00:00.000Z',
        allDay: true,
        startDate: '2027-01-17',
        endDate: '2027-01-17',
      },
    ])
    // Default: 5, nearest first, the earlier first at equal distance.
    expect(days(await api.ok('availability.suggest', request))).toEqual([
      '2027-01-15/2027-01-15',
      '2027-01-17/2027-01-17',
      '2027-01-14/2027-01-14',
      '2027-01-18/2027-01-18',
      '2027-01-13/2027-01-13',
    ])
  })

  it('keeps the number of days of a longer loan', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await book(api, f, '2027-01-16', '2027-01-16', [{ resourceId: f.nacelle.id }])
    const found = await api.ok('availability.suggest', {
      start: '2027-01-16',
      end: '2027-01-17',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect(days(found)).toEqual([
      '2027-01-17/2027-01-18',
      '2027-01-14/2027-01-15',
      '2027-01-18/2027-01-19',
      '2027-01-13/2027-01-14',
      '2027-01-19/2027-01-20',
    ])
  })

  it('counts a stock at its peak: 50 chairs when 100 of 120 are out on Saturday and Sunday', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await book(api, f, '2027-06-12', '2027-06-12', [{ resourceId: f.chaises.id, quantity: 100 }])
    await book(api, f, '2027-06-13', '2027-06-13', [{ resourceId: f.chaises.id, quantity: 100 }])
    const fifty = await api.ok('availability.suggest', {
      start: '2027-06-12',
      end: '2027-06-12',
      items: [{ resourceId: f.chaises.id, quantity: 50 }],
      limit: 3,
    })
    expect(days(fifty)).toEqual(['2027-06-11/2027-06-11', '2027-06-10/2027-06-10', '2027-06-14/2027-06-14'])
    // 20 still fit on the Sunday: it is proposed (the requested day itself never is).
    const twenty = await api.ok('availability.suggest', {
      start: '2027-06-12',
      end: '2027-06-12',
      items: [{ resourceId: f.chaises.id, quantity: 20 }],
      limit: 3,
    })
    expect(days(twenty)).toEqual(['2027-06-11/2027-06-11', '2027-06-13/2027-06-13', '2027-06-10/2027-06-10'])
  })

  it('needs every item free: chairs and nacelle together', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await book(api, f, '2027-01-15', '2027-01-15', [{ resourceId: f.nacelle.id }])
    await book(api, f, '2027-01-16', '2027-01-16', [{ resourceId: f.chaises.id, quantity: 120 }])
    await book(api, f, '2027-01-17', '2027-01-17', [{ resourceId: f.nacelle.id }])
    const found = await api.ok('availability.suggest', {
      start: '2027-01-16',
      end: '2027-01-16',
      items: [{ resourceId: f.nacelle.id }, { resourceId: f.chaises.id, quantity: 10 }],
      limit: 2,
    })
    expect(days(found)).toEqual(['2027-01-14/2027-01-14', '2027-01-18/2027-01-18'])
  })

  it('never proposes a day before today, and searches only `searchDays` days either side', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await book(api, f, '2026-11-30', '2026-11-30', [{ resourceId: f.nacelle.id }])
    const soon = await api.ok('availability.suggest', {
      start: '2026-11-30',
      end: '2026-11-30',
      items: [{ resourceId: f.nacelle.id }],
      limit: 4,
    })
    // Today (29/11) is fine, the 28th is past.
    expect(days(soon)).toEqual([
      '2026-11-29/2026-11-29',
      '2026-12-01/2026-12-01',
      '2026-12-02/2026-12-02',
      '2026-12-03/2026-12-03',
    ])

    await book(api, f, '2027-02-01', '2027-02-10', [{ resourceId: f.nacelle.id }])
    const request = { start: '2027-02-05', end: '2027-02-05', items: [{ resourceId: f.nacelle.id }] }
    expect(await api.ok('availability.suggest', { ...request, searchDays: 3 })).toEqual([])
    expect(days(await api.ok('availability.suggest', { ...request, searchDays: 10, limit: 3 }))).toEqual([
      '2027-01-31/2027-01-31', // 5 days before
      '2027-01-30/2027-01-30', // 6 days before, earlier than…
      '2027-02-11/2027-02-11', // …6 days after
    ])
  })
})

describe('availability.suggest, timed periods (Europe/Paris)', () => {
  it('proposes the nearest hours the same day, then the same hours on the days around', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    // Wednesday 10/03/2027, 08:00–12:00 in Paris (UTC+1).
    await book(api, f, '2027-03-10T08:00', '2027-03-10T12:00', [{ resourceId: f.nacelle.id }])
    const found = await api.ok('availability.suggest', {
      start: '2027-03-10T09:00',
      end: '2027-03-10T11:00',
      items: [{ resourceId: f.nacelle.id }],
      limit: 4,
    })
    expect(found).toEqual([
      // 06:00–08:00 and 12:00–14:00 touch the booking (half-open intervals): both fit, 3 h away.
      {
        start: '2027-03-10T05:00:00.000Z',
        end: '2027-03-10T07:00:00.000Z',
        allDay: false,
        startDate: null,
        endDate: null,
      },
      {
        start: '2027-03-10T11:00:00.000Z',
        end: '2027-03-10T13:00:00.000Z',
        allDay: false,
        startDate: null,
        endDate: null,
      },
      {
        start: '2027-03-09T08:00:00.000Z',
        end: '2027-03-09T10:00:00.000Z',
        allDay: false,
        startDate: null,
        endDate: null,
      },
      {
        start: '2027-03-11T08:00:00.000Z',
        end: '2027-03-11T10:00:00.000Z',
        allDay: false,
        startDate: null,
        endDate: null,
      },
    ])
  })

  it('keeps the wall-clock hours across the change to summer time', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    // Saturday 27/03/2027 09:00–11:00 (UTC+1); summer time starts on Sunday 28/03.
    await book(api, f, '2027-03-27T06:00', '2027-03-27T22:00', [{ resourceId: f.nacelle.id }])
    const found = await api.ok('availability.suggest', {
      start: '2027-03-27T09:00',
      end: '2027-03-27T11:00',
      items: [{ resourceId: f.nacelle.id }],
      limit: 2,
    })
    expect(found.map((s) => [s.start, s.end])).toEqual([
      // Friday 09:00 CET, then Sunday 09:00 CEST: both one day away on the wall clock, though Sunday
      // is only 23 hours after.
      ['2027-03-26T08:00:00.000Z', '2027-03-26T10:00:00.000Z'],
      ['2027-03-28T07:00:00.000Z', '2027-03-28T09:00:00.000Z'],
    ])
  })

  it('counts the buffers: a podium needed 2 h before and 1 h after', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    // The podium (120 min before, 60 after) is held 08:00–13:00 for a 10:00–12:00 booking.
    await book(api, f, '2027-03-10T10:00', '2027-03-10T12:00', [{ resourceId: f.podium.id }])
    const found = await api.ok('availability.suggest', {
      start: '2027-03-10T14:00',
      end: '2027-03-10T16:00',
      items: [{ resourceId: f.podium.id }],
      limit: 1,
    })
    // 15:00 − 2 h = 13:00: the earliest that touches the end of the other booking's return time.
    expect(found.map((s) => [s.start, s.end])).toEqual([
      ['2027-03-10T14:00:00.000Z', '2027-03-10T16:00:00.000Z'],
    ])
  })

  it('refuses an unknown resource and a bad limit', async () => {
    const api = makeBackend()
    const unknown = await api.fail('availability.suggest', {
      start: '2027-01-16',
      end: '2027-01-16',
      items: [{ resourceId: '7b0c8a9e-6d4f-4a51-9d8e-0a1b2c3d4e5f' }],
    })
    expect(unknown.code).toBe('NOT_FOUND')
    const f = await fixtures(api)
    const bad = await api.fail('availability.suggest', {
      start: '2027-01-16',
      end: '2027-01-16',
      items: [{ resourceId: f.nacelle.id }],
      limit: 50,
    })
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.message).toContain('20 propositions au plus')
  })
})

describe('availability.suggest, impossible requests', () => {
  it('says how many can be lent at most instead of suggesting nothing', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const error = await api.fail('availability.suggest', {
      start: '2027-01-16',
      end: '2027-01-16',
      items: [{ resourceId: f.chaises.id, quantity: 500 }],
    })
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '« Chaises » : 120 au plus peuvent être prêtés (demande : 500).',
    })
  })
})
