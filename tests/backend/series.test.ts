import { describe, expect, it } from 'vitest'
import type { SeriesOccurrence } from '../../shared/domain/lifecycle'
import { fixtures, makeBackend, type TestApi } from './helpers'

const WEDNESDAYS = [
  '2027-03-17T17:00:00.000Z',
  '2027-03-24T17:00:00.000Z',
  '2027-03-31T16:00:00.000Z',
  '2027-04-07T16:00:00.000Z',
]

/** Four Wednesdays at 18:00–20:00 (Paris) for Tiffauges, and La Gaubretière holding the nacelle on the 2nd. */
async function wednesdays(api: TestApi) {
  const f = await fixtures(api)
  const other = await api.ok('bookings.create', {
    communeId: f.gaubretiere.id,
    title: 'Élagage',
    start: '2027-03-24T17:30',
    end: '2027-03-24T19:00',
    items: [{ resourceId: f.nacelle.id }],
  })
  const request = {
    communeId: f.tiffauges.id,
    title: 'Répétitions de la chorale',
    start: '2027-03-17T18:00',
    end: '2027-03-17T20:00',
    items: [{ resourceId: f.nacelle.id }],
    rule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
  }
  return { f, other, request }
}

const window = { from: '2027-03-01', to: '2027-05-01' }

describe('series.preview', () => {
  it('lists each occurrence with what it would meet now, storing nothing', async () => {
    const api = makeBackend()
    const { f, other, request } = await wednesdays(api)
    const preview = await api.ok('series.preview', request)
    expect(preview.description).toBe('Chaque semaine le mercredi, 4 fois')
    expect(preview.occurrences.map((o) => o.start)).toEqual(WEDNESDAYS)
    expect(preview.occurrences.map((o) => o.conflicts.map((c) => c.bookingId))).toEqual([
      [],
      [other.id],
      [],
      [],
    ])
    expect(preview.occurrences.map((o) => [o.index, o.excluded, o.problem])).toEqual([
      [0, false, null],
      [1, false, null],
      [2, false, null],
      [3, false, null],
    ])
    expect(await api.ok('bookings.list', { ...window, communeId: f.tiffauges.id })).toEqual([])
  })

  it('reports a missing qualification as the problem of every occurrence', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const pelle = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Mini-pelle',
      requiredQualification: 'CACES R482',
    })
    const preview = await api.ok('series.preview', {
      communeId: f.tiffauges.id,
      title: 'Tranchées',
      start: '2027-05-10',
      end: '2027-05-10',
      items: [{ resourceId: pelle.id }],
      rule: 'FREQ=DAILY;COUNT=2',
    })
    const message =
      '« Mini-pelle » demande un opérateur titulaire de CACES R482 : ajoutez un agent qui en est titulaire ou ' +
      'indiquez l’opérateur qualifié fourni par la commune (nom et qualification).'
    expect(preview.occurrences.map((o) => o.problem)).toEqual([message, message])
  })

  it('refuses a bad rule in French on the field `rule`', async () => {
    const api = makeBackend()
    const { request } = await wednesdays(api)
    const error = await api.fail('series.preview', { ...request, rule: 'FREQ=HOURLY;COUNT=3' })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.details).toEqual({
      issues: [
        {
          path: 'rule',
          message:
            "FREQ=HOURLY n'est pas proposé : indiquez FREQ=DAILY (chaque jour), FREQ=WEEKLY (chaque semaine) ou " +
            'FREQ=MONTHLY (chaque mois) (exemple : FREQ=WEEKLY;BYDAY=WE;COUNT=4).',
        },
      ],
    })
  })
})

describe('series.create', () => {
  it('with `skip`, books the free occurrences and leaves the other commune’s booking untouched', async () => {
    const api = makeBackend()
    const { f, other, request } = await wednesdays(api)
    const created = await api.ok('series.create', { ...request, onConflict: 'skip' })
    expect(created.bookings.map((b) => [b.start, b.end, b.status, b.seriesId, b.communeId])).toEqual([
      [WEDNESDAYS[0], '2027-03-17T19:00:00.000Z', 'approved', created.seriesId, f.tiffauges.id],
      [WEDNESDAYS[2], '2027-03-31T18:00:00.000Z', 'approved', created.seriesId, f.tiffauges.id],
      [WEDNESDAYS[3], '2027-04-07T18:00:00.000Z', 'approved', created.seriesId, f.tiffauges.id],
    ])
    expect(created.skipped.map((o) => [o.index, o.start, o.conflicts.map((c) => c.bookingId)])).toEqual([
      [1, WEDNESDAYS[1], [other.id]],
    ])
    expect(await api.ok('bookings.get', { id: other.id })).toEqual(other)
    const stored = await api.ok('bookings.list', { ...window, communeId: f.tiffauges.id })
    expect(stored.map((b) => b.id)).toEqual(created.bookings.map((b) => b.id))
  })

  it('with `stop`, stores nothing and lists each conflicting occurrence with its date', async () => {
    const api = makeBackend()
    const { f, other, request } = await wednesdays(api)
    const error = await api.fail('series.create', { ...request, onConflict: 'stop' })
    expect(error.code).toBe('CONFLICT')
    const details = error.details as {
      conflicts: { bookingId: string; message: string }[]
      occurrences: (SeriesOccurrence & { date: string })[]
    }
    expect(details.occurrences.map((o) => [o.date, o.index, o.start])).toEqual([
      ['2027-03-24', 1, WEDNESDAYS[1]],
    ])
    expect(details.conflicts.map((c) => c.bookingId)).toEqual([other.id])
    expect(error.message).toBe(
      'Série non enregistrée : 1 occurrence ne peut pas être réservée (le 24/03/2027 : ' +
        `${details.conflicts[0]?.message.replace(/\.$/, '')}). ` +
        'Choisissez de passer ces dates, ajoutez-les aux exceptions ou changez la période.',
    )
    expect(details.conflicts[0]?.message).toBe(
      '« Nacelle 12 m » : réservation RES-2026-0001 (La Gaubretière, « Élagage ») du 24/03/2027 17:30 au 24/03/2027 19:00.',
    )
    expect(await api.ok('bookings.list', { ...window, communeId: f.tiffauges.id })).toEqual([])
    expect(await api.ok('bookings.get', { id: other.id })).toEqual(other)
  })

  it('books a daily day-long series without its exception date', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const created = await api.ok('series.create', {
      communeId: f.tiffauges.id,
      title: 'Fête du village',
      start: '2027-05-10',
      end: '2027-05-10',
      items: [{ resourceId: f.chaises.id, quantity: 40 }],
      rule: 'FREQ=DAILY;COUNT=5',
      exceptionDates: ['2027-05-12'],
      onConflict: 'stop',
    })
    expect(created.bookings.map((b) => [b.startDate, b.endDate, b.allDay, b.start])).toEqual([
      ['2027-05-10', '2027-05-10', true, '2027-05-09T22:00:00.000Z'],
      ['2027-05-11', '2027-05-11', true, '2027-05-10T22:00:00.000Z'],
      ['2027-05-13', '2027-05-13', true, '2027-05-12T22:00:00.000Z'],
      ['2027-05-14', '2027-05-14', true, '2027-05-13T22:00:00.000Z'],
    ])
    expect(created.skipped).toEqual([])
  })

  it('skips an occurrence whose hour does not exist (02:30 on 28/03/2027) and books the others', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const created = await api.ok('series.create', {
      communeId: f.tiffauges.id,
      title: 'Nuit',
      start: '2027-03-27T02:30',
      end: '2027-03-27T03:30',
      items: [{ resourceId: f.nacelle.id }],
      rule: 'FREQ=DAILY;COUNT=3',
      onConflict: 'skip',
    })
    expect(created.bookings.map((b) => b.start)).toEqual([
      '2027-03-27T01:30:00.000Z',
      '2027-03-29T00:30:00.000Z',
    ])
    expect(created.skipped.map((o) => [o.index, o.conflicts.length, o.problem?.slice(0, 27)])).toEqual([
      [1, 0, "02:30 n'existe pas le 28/03"],
    ])
  })

  it('is idempotent: the same clientRequestId returns the same series and stores no second one', async () => {
    const api = makeBackend()
    const { f, request } = await wednesdays(api)
    const input = { ...request, onConflict: 'skip' as const, clientRequestId: 'serie-chorale-0001' }
    const first = await api.ok('series.create', input)
    const again = await api.ok('series.create', input)
    expect(again.seriesId).toBe(first.seriesId)
    expect(again.bookings).toEqual(first.bookings)
    expect(again.skipped.map((o) => o.start)).toEqual([WEDNESDAYS[1]])
    expect(await api.ok('bookings.list', { ...window, communeId: f.tiffauges.id })).toHaveLength(3)
    const reused = await api.fail('series.create', { ...input, rule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=2' })
    expect(reused.code).toBe('INVALID_INPUT')
    expect(reused.details).toEqual({
      issues: [
        {
          path: 'clientRequestId',
          message:
            'Cet identifiant de demande a déjà servi pour une autre série : rechargez la page avant de recommencer.',
        },
      ],
    })
  })
})

describe('series.cancel', () => {
  it('cancels from a date on, journals each, and leaves earlier and handed-out occurrences as they are', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const created = await api.ok('series.create', {
      communeId: f.tiffauges.id,
      title: 'Marché',
      start: '2027-03-17T18:00',
      end: '2027-03-17T20:00',
      items: [{ resourceId: f.podium.id }],
      rule: 'FREQ=WEEKLY;COUNT=5',
      onConflict: 'stop',
    })
    const [a, b, c, d, e] = created.bookings.map((x) => x.id) as [string, string, string, string, string]
    await api.ok('bookings.checkOut', { id: d })
    const cancelled = await api.ok('series.cancel', {
      id: created.seriesId,
      from: '2027-03-31',
      reason: 'Fin de saison',
    })
    expect(cancelled.map((x) => [x.id, x.status, x.cancelReason])).toEqual([
      [c, 'cancelled', 'Fin de saison'],
      [e, 'cancelled', 'Fin de saison'],
    ])
    const statuses = await Promise.all(
      [a, b, c, d, e].map(async (id) => (await api.ok('bookings.get', { id })).status),
    )
    expect(statuses).toEqual(['approved', 'approved', 'cancelled', 'checked_out', 'cancelled'])
    const history = await api.ok('bookings.history', { id: c })
    expect(history.journal.map((j) => j.action)).toEqual(['cancel', 'create'])
    expect(await api.ok('series.cancel', { id: created.seriesId, from: '2027-03-31' })).toEqual([])
  })

  it('refuses an unknown series', async () => {
    const api = makeBackend()
    const error = await api.fail('series.cancel', {
      id: '6f1c1b8e-2f7a-4a51-9a43-3f5de2c7a001',
      from: '2027-03-31',
    })
    expect([error.code, error.message]).toEqual(['NOT_FOUND', 'Cette série n’existe pas.'])
  })
})
