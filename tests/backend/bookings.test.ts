import { describe, expect, it } from 'vitest'
import type { Conflict } from '../../shared/domain/types'
import { fixtures, makeBackend } from './helpers'

const HOUR = 3_600_000
const duration = (b: { start: string; end: string }) => Date.parse(b.end) - Date.parse(b.start)

describe('bookings.create', () => {
  it('stores a timed booking in UTC with a human reference and returns it', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const booking = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Illuminations de Noël',
      start: '2027-03-27T20:00',
      end: '2027-03-28T08:00',
      items: [{ resourceId: f.nacelle.id }],
      notes: 'Rue principale',
    })
    expect(booking).toMatchObject({
      reference: 'RES-2026-0001',
      status: 'approved',
      communeId: f.tiffauges.id,
      title: 'Illuminations de Noël',
      start: '2027-03-27T19:00:00.000Z',
      end: '2027-03-28T06:00:00.000Z',
      allDay: false,
      startDate: null,
      endDate: null,
      items: [{ resourceId: f.nacelle.id, quantity: 1 }],
      notes: 'Rue principale',
    })
    expect(duration(booking)).toBe(11 * HOUR)
    expect(booking.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await api.ok('bookings.get', { id: booking.id })).toEqual(booking)
  })

  it('keeps 13 hours for the autumn night and 11 for the spring one, given with offsets', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const autumn = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Nuit',
      start: '2027-10-30T20:00:00+02:00',
      end: '2027-10-31T08:00:00+01:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect(duration(autumn)).toBe(13 * HOUR)
  })

  it('stores a day-long loan with its dates, end inclusive', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const loan = await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Fête de la musique',
      start: '2027-06-19',
      end: '2027-06-21',
      items: [{ resourceId: f.chaises.id, quantity: 80 }],
    })
    expect(loan).toMatchObject({
      allDay: true,
      startDate: '2027-06-19',
      endDate: '2027-06-21',
      start: '2027-06-18T22:00:00.000Z',
      end: '2027-06-21T22:00:00.000Z',
      items: [{ resourceId: f.chaises.id, quantity: 80 }],
    })
  })

  it('numbers references one after the other', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const refs: string[] = []
    for (const day of ['2027-01-04', '2027-01-05', '2027-01-06']) {
      const b = await api.ok('bookings.create', {
        communeId: f.tiffauges.id,
        title: 'Travaux',
        start: day,
        end: day,
        items: [{ resourceId: f.nacelle.id }],
      })
      refs.push(b.reference)
    }
    expect(refs).toEqual(['RES-2026-0001', 'RES-2026-0002', 'RES-2026-0003'])
  })

  it('refuses a unit already held, naming the booking, its commune and its period', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const first = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14T08:00',
      end: '2027-05-14T12:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    const error = await api.fail('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Guirlandes',
      start: '2027-05-14T11:00',
      end: '2027-05-14T15:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe(
      'Réservation impossible. « Nacelle 12 m » : réservation RES-2026-0001 (Tiffauges, « Élagage ») du 14/05/2027 08:00 au 14/05/2027 12:00.',
    )
    const { conflicts } = error.details as { conflicts: Conflict[] }
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({
      resourceId: f.nacelle.id,
      bookingId: first.id,
      reference: 'RES-2026-0001',
      communeId: f.tiffauges.id,
      start: '2027-05-14T06:00:00.000Z',
      end: '2027-05-14T10:00:00.000Z',
    })
  })

  it('accepts a booking starting exactly when the previous one ends', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { communeId: f.tiffauges.id, title: 'Élagage', items: [{ resourceId: f.nacelle.id }] }
    await api.ok('bookings.create', { ...base, start: '2027-05-14T08:00', end: '2027-05-14T12:00' })
    await api.ok('bookings.create', { ...base, start: '2027-05-14T12:00', end: '2027-05-14T16:00' })
  })

  it('counts the stock at its peak and says how many are left', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { title: 'Repas', items: [{ resourceId: f.chaises.id, quantity: 70 }] }
    await api.ok('bookings.create', {
      ...base,
      communeId: f.tiffauges.id,
      start: '2027-07-03',
      end: '2027-07-04',
    })
    await api.ok('bookings.create', {
      ...base,
      communeId: f.gaubretiere.id,
      start: '2027-07-05',
      end: '2027-07-06',
    })
    // 140 chairs are lent over 03–06/07, but never more than 70 at once: 50 remain for the four days.
    await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Expo',
      start: '2027-07-03',
      end: '2027-07-06',
      items: [{ resourceId: f.chaises.id, quantity: 50 }],
    })
    const error = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Concours de belote',
      start: '2027-07-04T14:00',
      end: '2027-07-04T18:00',
      items: [{ resourceId: f.chaises.id, quantity: 1 }],
    })
    expect(error.code).toBe('CONFLICT')
    const { conflicts } = error.details as { conflicts: Conflict[] }
    expect(conflicts.every((c) => c.freeQuantity === 0 && c.requestedQuantity === 1)).toBe(true)
    expect(conflicts.map((c) => c.reference).sort()).toEqual(['RES-2026-0001', 'RES-2026-0003'])
  })

  it('widens bookings by the resource buffers', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { communeId: f.tiffauges.id, title: 'Concert', items: [{ resourceId: f.podium.id }] }
    await api.ok('bookings.create', { ...base, start: '2027-06-21T18:00', end: '2027-06-21T23:00' })
    // After-buffer 60 min + before-buffer 120 min: the next booking may start at 02:00 at the earliest.
    expect(
      (await api.fail('bookings.create', { ...base, start: '2027-06-22T01:59', end: '2027-06-22T10:00' }))
        .code,
    ).toBe('CONFLICT')
    await api.ok('bookings.create', { ...base, start: '2027-06-22T02:00', end: '2027-06-22T10:00' })
  })

  it('stores all items or none: one refused item keeps the others free', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    })
    const error = await api.fail('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Kermesse',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.chaises.id, quantity: 100 }, { resourceId: f.nacelle.id }],
    })
    expect(error.code).toBe('CONFLICT')
    const list = await api.ok('bookings.list', {
      from: '2027-05-14',
      to: '2027-05-15',
      resourceId: f.chaises.id,
    })
    expect(list).toEqual([])
  })

  it('refuses bad input with French messages and field paths', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const error = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: '   ',
      start: '2027-03-28T02:30',
      end: '2027-03-28T05:00',
      items: [{ resourceId: f.chaises.id, quantity: 0 }],
    })
    expect(error.code).toBe('INVALID_INPUT')
    const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['title', 'start', 'items.0.quantity']))
    expect(error.message).toBe("Saisie invalide (objet) : L'objet de la réservation est obligatoire.")
    const quantity = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Fête',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }, { resourceId: f.chaises.id, quantity: 2.5 }],
    })
    expect(quantity.message).toBe(
      'Saisie invalide (quantité, ligne 2) : La quantité doit être un nombre entier.',
    )
  })

  it('refuses an end not after the start', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const error = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Rien',
      start: '2027-05-14T12:00',
      end: '2027-05-14T12:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'La fin doit être après le début.' })
  })

  it('refuses a quantity above 1 on a unit resource, an archived resource and an unknown one', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { communeId: f.tiffauges.id, title: 'Test', start: '2027-05-14', end: '2027-05-14' }
    expect(
      (await api.fail('bookings.create', { ...base, items: [{ resourceId: f.nacelle.id, quantity: 2 }] }))
        .code,
    ).toBe('INVALID_INPUT')
    await api.ok('resources.archive', { id: f.podium.id })
    expect(
      (await api.fail('bookings.create', { ...base, items: [{ resourceId: f.podium.id }] })).message,
    ).toContain('archivé')
    expect(
      (
        await api.fail('bookings.create', {
          ...base,
          items: [{ resourceId: '00000000-0000-4000-8000-000000000000' }],
        })
      ).code,
    ).toBe('NOT_FOUND')
  })

  it('refuses a commune that the hub does not serve', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const error = await api.fail('bookings.create', {
      communeId: f.mortagne.id,
      title: 'Test',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    expect(error.message).toContain('Mortagne-sur-Sèvre n’est pas desservie')
  })

  it('refuses the same resource twice in one request', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const error = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Test',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [
        { resourceId: f.chaises.id, quantity: 10 },
        { resourceId: f.chaises.id, quantity: 5 },
      ],
    })
    expect(error.code).toBe('INVALID_INPUT')
  })
})

describe('bookings.cancel', () => {
  it('frees the resources, records the reason, and cannot be done twice', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    }
    const first = await api.ok('bookings.create', base)
    const cancelled = await api.ok('bookings.cancel', { id: first.id, reason: 'Pluie annoncée' })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Pluie annoncée' })
    await api.ok('bookings.create', { ...base, communeId: f.gaubretiere.id })
    const again = await api.fail('bookings.cancel', { id: first.id })
    expect(again.code).toBe('INVALID_TRANSITION')
    expect(again.message).toBe('La réservation RES-2026-0001 est annulée : impossible de l’annuler.')
  })

  it('answers NOT_FOUND for an unknown booking', async () => {
    const api = makeBackend()
    expect((await api.fail('bookings.cancel', { id: '00000000-0000-4000-8000-000000000000' })).code).toBe(
      'NOT_FOUND',
    )
  })
})

describe('bookings.list', () => {
  it('returns the bookings overlapping [from, to), filtered by commune, resource and status', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const a = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'A',
      start: '2027-05-14T08:00',
      end: '2027-05-14T12:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    const b = await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'B',
      start: '2027-05-14T12:00',
      end: '2027-05-14T18:00',
      items: [{ resourceId: f.chaises.id, quantity: 10 }],
    })
    const ids = async (input: Parameters<typeof api.ok<'bookings.list'>>[1]) =>
      (await api.ok('bookings.list', input)).map((x) => x.id)
    expect(await ids({ from: '2027-05-14T12:00', to: '2027-05-14T13:00' })).toEqual([b.id])
    expect(await ids({ from: '2027-05-14T11:59', to: '2027-05-14T12:00' })).toEqual([a.id])
    expect(await ids({ from: '2027-05-14', to: '2027-05-15' })).toEqual([a.id, b.id])
    expect(await ids({ from: '2027-05-14', to: '2027-05-15', communeId: f.gaubretiere.id })).toEqual([b.id])
    expect(await ids({ from: '2027-05-14', to: '2027-05-15', resourceId: f.nacelle.id })).toEqual([a.id])
    await api.ok('bookings.cancel', { id: a.id })
    expect(await ids({ from: '2027-05-14', to: '2027-05-15', status: 'approved' })).toEqual([b.id])
    expect((await api.fail('bookings.list', { from: '2027-05-15', to: '2027-05-14' })).code).toBe(
      'INVALID_INPUT',
    )
  })
})

describe('availability', () => {
  it('check explains conflicts without storing anything, and can ignore a booking', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const held = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Repas',
      start: '2027-09-04',
      end: '2027-09-04',
      items: [{ resourceId: f.chaises.id, quantity: 100 }],
    })
    const report = await api.ok('availability.check', {
      start: '2027-09-04T10:00',
      end: '2027-09-04T12:00',
      items: [{ resourceId: f.chaises.id, quantity: 30 }, { resourceId: f.nacelle.id }],
    })
    expect(report.available).toBe(false)
    expect(report.conflicts).toHaveLength(1)
    expect(report.conflicts[0]).toMatchObject({
      resourceId: f.chaises.id,
      freeQuantity: 20,
      requestedQuantity: 30,
      reference: held.reference,
    })
    const ignoring = await api.ok('availability.check', {
      start: '2027-09-04T10:00',
      end: '2027-09-04T12:00',
      items: [{ resourceId: f.chaises.id, quantity: 30 }],
      ignoreBookingId: held.id,
    })
    expect(ignoring).toEqual({ available: true, conflicts: [] })
  })

  it('find lists what is free for the whole period with free quantities', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Repas',
      start: '2027-09-04',
      end: '2027-09-04',
      items: [{ resourceId: f.chaises.id, quantity: 100 }, { resourceId: f.nacelle.id }],
    })
    const free = await api.ok('availability.find', { start: '2027-09-03', end: '2027-09-05' })
    expect(free.map((r) => [r.name, r.freeQuantity])).toEqual([
      ['Chaises', 20],
      ['Podium', 1],
    ])
    const enough = await api.ok('availability.find', { start: '2027-09-03', end: '2027-09-05', quantity: 21 })
    expect(enough).toEqual([])
    const nextWeek = await api.ok('availability.find', {
      start: '2027-09-06',
      end: '2027-09-06',
      kind: 'equipment',
    })
    expect(nextWeek.map((r) => [r.name, r.freeQuantity])).toEqual([
      ['Chaises', 120],
      ['Nacelle 12 m', 1],
      ['Podium', 1],
    ])
  })
})

describe('bookings.update', () => {
  it('moves a booking when the new period is free, keeping its reference', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { communeId: f.tiffauges.id, title: 'Élagage', items: [{ resourceId: f.nacelle.id }] }
    const a = await api.ok('bookings.create', { ...base, start: '2027-05-14T08:00', end: '2027-05-14T12:00' })
    const moved = await api.ok('bookings.update', {
      id: a.id,
      start: '2027-05-15T08:00',
      end: '2027-05-15T10:00',
    })
    expect(moved).toMatchObject({
      id: a.id,
      reference: a.reference,
      start: '2027-05-15T06:00:00.000Z',
      end: '2027-05-15T08:00:00.000Z',
    })
    // Its own old slot never blocks it: resizing over it is fine.
    await api.ok('bookings.update', { id: a.id, start: '2027-05-15T07:00', end: '2027-05-15T11:00' })
  })

  it('refuses a move onto another booking and leaves the booking unchanged', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { communeId: f.tiffauges.id, title: 'Élagage', items: [{ resourceId: f.nacelle.id }] }
    const a = await api.ok('bookings.create', { ...base, start: '2027-05-14T08:00', end: '2027-05-14T12:00' })
    const b = await api.ok('bookings.create', { ...base, start: '2027-05-14T13:00', end: '2027-05-14T17:00' })
    const error = await api.fail('bookings.update', {
      id: b.id,
      start: '2027-05-14T11:00',
      end: '2027-05-14T17:00',
    })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain(a.reference)
    expect(await api.ok('bookings.get', { id: b.id })).toEqual(b)
  })

  it('changes items and quantities with the same checks', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const a = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Repas',
      start: '2027-07-03',
      end: '2027-07-03',
      items: [{ resourceId: f.chaises.id, quantity: 60 }],
    })
    await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Bal',
      start: '2027-07-03',
      end: '2027-07-03',
      items: [{ resourceId: f.chaises.id, quantity: 50 }],
    })
    const updated = await api.ok('bookings.update', {
      id: a.id,
      items: [{ resourceId: f.chaises.id, quantity: 70 }, { resourceId: f.podium.id }],
    })
    expect(updated.items).toEqual([
      { resourceId: f.chaises.id, quantity: 70 },
      { resourceId: f.podium.id, quantity: 1 },
    ])
    const error = await api.fail('bookings.update', {
      id: a.id,
      items: [{ resourceId: f.chaises.id, quantity: 71 }],
    })
    expect(error.message).toContain('il en reste 70 sur 120 pour cette période (demande : 71)')
    expect((await api.ok('bookings.get', { id: a.id })).items).toHaveLength(2)
  })

  it('refuses a start without an end, and any change to a cancelled booking', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const a = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    })
    expect((await api.fail('bookings.update', { id: a.id, start: '2027-05-15' })).code).toBe('INVALID_INPUT')
    await api.ok('bookings.cancel', { id: a.id })
    const error = await api.fail('bookings.update', { id: a.id, title: 'Autre' })
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION' })
  })
})
