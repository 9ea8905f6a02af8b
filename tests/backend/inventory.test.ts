import { describe, expect, it } from 'vitest'
import type { Booking, Conflict } from '../../shared/domain/types'
import { fixtures, makeBackend } from './helpers'

describe('resource attributes by kind', () => {
  it('keeps what the managers record for each kind', async () => {
    const api = makeBackend()
    const communes = await api.ok('communes.list', {})
    const tiffauges = communes.find((c) => c.name === 'Tiffauges')
    const nacelle = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Nacelle 12 m',
      inventoryNumber: 'PTO-TRV-001',
      serialNumber: 'NAC12-3390',
      condition: 'worn',
      purchaseDate: '2018-03-01',
      purchaseValueCents: 3_850_000,
      dailyRateCents: 12_000,
      nextInspectionDate: '2027-03-15',
      hourMeterHours: 410.5,
    })
    expect(nacelle).toMatchObject({
      condition: 'worn',
      purchaseDate: '2018-03-01',
      purchaseValueCents: 3_850_000,
      dailyRateCents: 12_000,
      nextInspectionDate: '2027-03-15',
      hourMeterHours: 410.5,
      outOfServiceQuantity: 0,
    })
    const chaises = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Chaises',
      tracking: 'stock',
      quantity: 120,
      outOfServiceQuantity: 10,
    })
    expect(chaises).toMatchObject({ quantity: 120, outOfServiceQuantity: 10, condition: null })
    const agent = await api.ok('resources.create', {
      kind: 'staff',
      name: 'Agent voirie',
      homeCommuneId: tiffauges?.id ?? null,
      qualifications: [{ name: 'CACES R486 cat. B', expiresOn: '2030-06-30' }],
    })
    expect(agent.homeCommuneId).toBe(tiffauges?.id)
  })

  it('refuses attributes that do not fit the kind, naming the field', async () => {
    const api = makeBackend()
    const cases: [unknown, string][] = [
      [
        { kind: 'equipment', name: 'Chaises', tracking: 'stock', quantity: 10, outOfServiceQuantity: 11 },
        'outOfServiceQuantity',
      ],
      [{ kind: 'equipment', name: 'Podium', outOfServiceQuantity: 1 }, 'outOfServiceQuantity'],
      [{ kind: 'vehicle', name: 'Camion', condition: 'worn' }, 'condition'],
      [{ kind: 'equipment', name: 'Sono', plate: 'AB-123-CD' }, 'plate'],
      [{ kind: 'equipment', name: 'Sono', qualifications: [{ name: 'Permis B' }] }, 'qualifications'],
      [{ kind: 'staff', name: 'Agent', odometerKm: 10 }, 'odometerKm'],
      [
        { kind: 'equipment', name: 'Sono', homeCommuneId: '00000000-0000-4000-8000-000000000000' },
        'homeCommuneId',
      ],
      [
        { kind: 'staff', name: 'Agent', homeCommuneId: '00000000-0000-4000-8000-000000000000' },
        'homeCommuneId',
      ],
      [{ kind: 'equipment', name: 'Sono', purchaseValueCents: 12.5 }, 'purchaseValueCents'],
      [{ kind: 'equipment', name: 'Sono', purchaseValueCents: -1 }, 'purchaseValueCents'],
      [
        { kind: 'staff', name: 'Agent', qualifications: [{ name: 'CACES', expiresOn: '2027-02-30' }] },
        'qualifications.0.expiresOn',
      ],
    ]
    for (const [input, path] of cases) {
      const error = await api.fail('resources.create', input)
      expect(['INVALID_INPUT', 'NOT_FOUND'], JSON.stringify(input)).toContain(error.code)
      const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path)
      expect(paths, JSON.stringify(input)).toContain(path)
    }
    expect(await api.ok('resources.list', { includeArchived: true })).toEqual([])
  })

  it('refuses an update that would leave more out of service than in stock', async () => {
    const api = makeBackend()
    const chaises = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Chaises',
      tracking: 'stock',
      quantity: 100,
    })
    await api.ok('resources.update', { id: chaises.id, outOfServiceQuantity: 5 })
    const error = await api.fail('resources.update', { id: chaises.id, quantity: 4 })
    expect(error.code).toBe('INVALID_INPUT')
    expect((await api.ok('resources.get', { id: chaises.id })).quantity).toBe(100)
  })
})

describe('lending limits of a resource', () => {
  it('refuses a booking past the VGP deadline, with the reason, and accepts one ending that day', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.nacelle.id, nextInspectionDate: '2027-03-15' })
    const base = { communeId: f.tiffauges.id, title: 'Élagage', items: [{ resourceId: f.nacelle.id }] }
    await api.ok('bookings.create', { ...base, start: '2027-03-15', end: '2027-03-15' })
    const error = await api.fail('bookings.create', {
      ...base,
      start: '2027-03-16T08:00',
      end: '2027-03-16T12:00',
    })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe(
      'Réservation impossible. « Nacelle 12 m » : vérification générale périodique (VGP) à faire au plus tard le 15/03/2027 : pas de prêt après cette date.',
    )
    // Once inspected, the manager moves the date and the booking goes through.
    await api.ok('resources.update', { id: f.nacelle.id, nextInspectionDate: '2027-09-15' })
    await api.ok('bookings.create', { ...base, start: '2027-03-16T08:00', end: '2027-03-16T12:00' })
  })

  it('refuses a vehicle past its contrôle technique and an item hors service', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const van = await api.ok('resources.create', {
      kind: 'vehicle',
      name: 'Fourgon',
      plate: 'FR-482-PT',
      nextInspectionDate: '2027-04-20',
    })
    const base = { communeId: f.tiffauges.id, title: 'Transport', start: '2027-05-03', end: '2027-05-03' }
    const ct = await api.fail('bookings.create', { ...base, items: [{ resourceId: van.id }] })
    expect(ct.message).toContain('contrôle technique à passer au plus tard le 20/04/2027')
    await api.ok('resources.update', { id: f.podium.id, condition: 'out_of_service' })
    const broken = await api.fail('bookings.create', { ...base, items: [{ resourceId: f.podium.id }] })
    expect(broken.message).toBe('Réservation impossible. « Podium » : hors service, ne peut pas être prêté.')
    const free = await api.ok('availability.find', { start: '2027-05-03', end: '2027-05-03' })
    expect(free.map((r) => r.name)).toEqual(['Chaises', 'Nacelle 12 m'])
  })

  it('lends a stock less its units out of service', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.chaises.id, outOfServiceQuantity: 20 })
    const report = await api.ok('availability.check', {
      start: '2027-05-03',
      end: '2027-05-03',
      items: [{ resourceId: f.chaises.id, quantity: 101 }],
    })
    expect(report.conflicts[0]?.message).toBe(
      '« Chaises » : il en reste 100 sur 100 pour cette période (demande : 101).',
    )
    const [free] = await api.ok('availability.find', {
      start: '2027-05-03',
      end: '2027-05-03',
      quantity: 100,
    })
    expect(free).toMatchObject({ name: 'Chaises', freeQuantity: 100 })
  })
})

describe('unavailabilities', () => {
  it('block a unit resource like a booking, and free it when deleted', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const { unavailability, affectedBookings } = await api.ok('unavailabilities.create', {
      resourceId: f.nacelle.id,
      kind: 'repair',
      reason: 'Vérin hydraulique à changer',
      start: '2027-05-10',
      end: '2027-05-12',
    })
    expect(unavailability).toMatchObject({
      quantity: 1,
      allDay: true,
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      start: '2027-05-09T22:00:00.000Z',
      end: '2027-05-12T22:00:00.000Z',
    })
    expect(affectedBookings).toEqual([])
    const base = { communeId: f.tiffauges.id, title: 'Élagage', items: [{ resourceId: f.nacelle.id }] }
    const error = await api.fail('bookings.create', {
      ...base,
      start: '2027-05-12T08:00',
      end: '2027-05-12T10:00',
    })
    expect(error.message).toBe(
      'Réservation impossible. « Nacelle 12 m » : indisponibilité du 10/05/2027 au 12/05/2027 (Vérin hydraulique à changer).',
    )
    const { conflicts } = error.details as { conflicts: Conflict[] }
    expect(conflicts[0]?.unavailabilityId).toBe(unavailability.id)
    await api.ok('bookings.create', { ...base, start: '2027-05-13T00:00', end: '2027-05-13T10:00' })
    await api.ok('unavailabilities.delete', { id: unavailability.id })
    await api.ok('bookings.create', { ...base, start: '2027-05-12T08:00', end: '2027-05-12T10:00' })
    expect((await api.fail('unavailabilities.delete', { id: unavailability.id })).code).toBe('NOT_FOUND')
  })

  it('withdraw part of a stock: 10 of 120 chairs broken leave 110', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('unavailabilities.create', {
      resourceId: f.chaises.id,
      kind: 'repair',
      reason: 'Pieds cassés',
      start: '2027-05-01',
      end: '2027-05-31',
      quantity: 10,
    })
    const [free] = await api.ok('availability.find', {
      start: '2027-05-14',
      end: '2027-05-14',
      kind: 'equipment',
      quantity: 2,
    })
    expect(free).toMatchObject({ name: 'Chaises', freeQuantity: 110 })
    const error = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Banquet',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.chaises.id, quantity: 111 }],
    })
    expect(error.message).toContain(
      'il en reste 110 sur 120 pour cette période (demande : 111). Cause : indisponibilité',
    )
    await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Banquet',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.chaises.id, quantity: 110 }],
    })
  })

  it('over existing bookings: stored, the endangered bookings listed, none cancelled', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const a = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Repas',
      start: '2027-06-05',
      end: '2027-06-05',
      items: [{ resourceId: f.chaises.id, quantity: 100 }],
    })
    const b = await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Kermesse',
      start: '2027-06-12',
      end: '2027-06-12',
      items: [{ resourceId: f.chaises.id, quantity: 30 }],
    })
    const { affectedBookings } = await api.ok('unavailabilities.create', {
      resourceId: f.chaises.id,
      kind: 'maintenance',
      reason: 'Nettoyage',
      start: '2027-06-01',
      end: '2027-06-15',
      quantity: 40,
    })
    // 120 − 40 = 80 lendable: the 100-chair booking no longer fits, the 30-chair one still does.
    expect(affectedBookings.map((x: Booking) => x.reference)).toEqual([a.reference])
    expect((await api.ok('bookings.get', { id: a.id })).status).toBe('approved')
    expect((await api.ok('bookings.get', { id: b.id })).status).toBe('approved')
  })

  it('refuse a bad quantity, an unknown resource and a bad period', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { kind: 'repair', reason: 'Casse', start: '2027-06-01', end: '2027-06-02' }
    expect(
      (await api.fail('unavailabilities.create', { ...base, resourceId: f.nacelle.id, quantity: 2 })).code,
    ).toBe('INVALID_INPUT')
    expect(
      (await api.fail('unavailabilities.create', { ...base, resourceId: f.chaises.id, quantity: 121 })).code,
    ).toBe('INVALID_INPUT')
    expect(
      (
        await api.fail('unavailabilities.create', {
          ...base,
          resourceId: '00000000-0000-4000-8000-000000000000',
        })
      ).code,
    ).toBe('NOT_FOUND')
    expect(
      (await api.fail('unavailabilities.create', { ...base, resourceId: f.nacelle.id, end: '2027-05-01' }))
        .code,
    ).toBe('INVALID_INPUT')
    expect(
      (await api.fail('unavailabilities.create', { ...base, resourceId: f.nacelle.id, kind: 'vacances' }))
        .code,
    ).toBe('INVALID_INPUT')
    expect(await api.ok('unavailabilities.list', { resourceId: f.nacelle.id, from: '2027-01-01' })).toEqual(
      [],
    )
  })

  it('are listed by resource and period', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const create = (resourceId: string, start: string, end: string) =>
      api.ok('unavailabilities.create', { resourceId, kind: 'maintenance', reason: 'Entretien', start, end })
    const one = await create(f.nacelle.id, '2027-05-10', '2027-05-10')
    const two = await create(f.podium.id, '2027-05-11', '2027-05-11')
    const ids = async (input: Parameters<typeof api.ok<'unavailabilities.list'>>[1]) =>
      (await api.ok('unavailabilities.list', input)).map((u) => u.id)
    expect(await ids({ from: '2027-05-01', to: '2027-06-01' })).toEqual([
      one.unavailability.id,
      two.unavailability.id,
    ])
    expect(await ids({ resourceId: f.podium.id })).toEqual([two.unavailability.id])
    expect(await ids({ from: '2027-05-11', to: '2027-05-12' })).toEqual([two.unavailability.id])
  })
})

describe('archive, never lose', () => {
  it('refuses to archive a resource with bookings to come, listing them', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const booking = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    })
    const error = await api.fail('resources.archive', { id: f.nacelle.id })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe(
      '« Nacelle 12 m » a encore 1 réservation(s) à venir : RES-2026-0001 (Tiffauges, le 14/05/2027). Déplacez-les ou annulez-les avant d’archiver.',
    )
    expect((error.details as { bookings: Booking[] }).bookings.map((b) => b.id)).toEqual([booking.id])
    await api.ok('bookings.cancel', { id: booking.id })
    expect((await api.ok('resources.archive', { id: f.nacelle.id })).archived).toBe(true)
  })

  it('archives a resource with past bookings only, and keeps them', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    // NOW is 29/11/2026: a booking in October is in the past.
    const past = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Fête',
      start: '2026-10-03',
      end: '2026-10-03',
      items: [{ resourceId: f.podium.id }],
    })
    await api.ok('resources.archive', { id: f.podium.id })
    expect((await api.ok('bookings.get', { id: past.id })).items).toEqual([
      { resourceId: f.podium.id, quantity: 1 },
    ])
    const history = await api.ok('resources.history', { id: f.podium.id })
    expect(history.pastBookings.map((b) => b.id)).toEqual([past.id])
  })
})

describe('resources.history', () => {
  it('gives upcoming and past bookings, unavailabilities and the journal, latest first', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.nacelle.id, condition: 'worn' })
    const upcoming = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    })
    const cancelled = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Guirlandes',
      start: '2027-05-20',
      end: '2027-05-20',
      items: [{ resourceId: f.nacelle.id }],
    })
    await api.ok('bookings.cancel', { id: cancelled.id, reason: 'Reporté' })
    const { unavailability } = await api.ok('unavailabilities.create', {
      resourceId: f.nacelle.id,
      kind: 'inspection',
      reason: 'VGP',
      start: '2027-03-01',
      end: '2027-03-01',
    })
    const history = await api.ok('resources.history', { id: f.nacelle.id })
    expect(history.resource.condition).toBe('worn')
    expect(history.upcomingBookings.map((b) => b.id)).toEqual([upcoming.id])
    expect(history.pastBookings.map((b) => b.id)).toEqual([cancelled.id])
    expect(history.unavailabilities.map((u) => u.id)).toEqual([unavailability.id])
    expect(history.journal.map((e) => e.action)).toEqual(['unavailability', 'update', 'create'])
    expect(history.journal[1]).toMatchObject({
      actor: 'administrateur local',
      entity: 'resource',
      before: { condition: 'good' },
      after: { condition: 'worn' },
    })
  })
})

describe('changes that would strand bookings', () => {
  it('refuses a smaller stock than the bookings to come need, naming them', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const held = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Banquet',
      start: '2027-09-13',
      end: '2027-09-13',
      items: [{ resourceId: f.chaises.id, quantity: 100 }],
    })
    const error = await api.fail('resources.update', { id: f.chaises.id, quantity: 99 })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain(`${held.reference} (Tiffauges, le 13/09/2027)`)
    expect((error.details as { bookings: Booking[] }).bookings.map((b) => b.id)).toEqual([held.id])
    expect((await api.fail('resources.update', { id: f.chaises.id, outOfServiceQuantity: 21 })).code).toBe(
      'CONFLICT',
    )
    await api.ok('resources.update', { id: f.chaises.id, quantity: 100 })
    expect((await api.ok('resources.get', { id: f.chaises.id })).quantity).toBe(100)
  })

  it('refuses longer buffers that would make touching bookings overlap', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const base = { communeId: f.tiffauges.id, title: 'Concert', items: [{ resourceId: f.nacelle.id }] }
    await api.ok('bookings.create', { ...base, start: '2027-06-21T08:00', end: '2027-06-21T12:00' })
    await api.ok('bookings.create', { ...base, start: '2027-06-21T12:00', end: '2027-06-21T16:00' })
    expect((await api.fail('resources.update', { id: f.nacelle.id, bufferAfterMinutes: 30 })).code).toBe(
      'CONFLICT',
    )
    expect((await api.ok('resources.get', { id: f.nacelle.id })).bufferAfterMinutes).toBe(0)
  })

  it('refuses marking an item hors service, or an earlier inspection deadline, over bookings to come', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const held = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-14',
      items: [{ resourceId: f.nacelle.id }],
    })
    const broken = await api.fail('resources.update', { id: f.nacelle.id, condition: 'out_of_service' })
    expect(broken.code).toBe('CONFLICT')
    expect(broken.message).toBe(
      `Modification refusée : cette réservation ne tiendrait plus : ${held.reference} (Tiffauges, le 14/05/2027). ` +
        'Déplacez-la ou annulez-la d’abord, ou déclarez une indisponibilité (réparation, contrôle) : elle est ' +
        'enregistrée et liste les réservations concernées.',
    )
    expect(
      (await api.fail('resources.update', { id: f.nacelle.id, nextInspectionDate: '2027-05-13' })).code,
    ).toBe('CONFLICT')
    await api.ok('resources.update', { id: f.nacelle.id, nextInspectionDate: '2027-05-14' })
    await api.ok('resources.update', { id: f.nacelle.id, condition: 'worn' })
  })
})
