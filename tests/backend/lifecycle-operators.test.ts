import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/index'
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract'
import { fixtures, makeBackend, tempDir, type TestApi } from './helpers'

describe('qualified operators', () => {
  async function setUp(api: TestApi) {
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.nacelle.id, requiredQualification: 'CACES R486' })
    const agent = await api.ok('resources.create', {
      kind: 'staff',
      name: 'Agent B',
      qualifications: [{ name: 'CACES R486 cat. B', expiresOn: '2027-05-15' }],
    })
    return { ...f, agent }
  }

  it('refuses a qualification expiring in the middle of the period, accepts it up to its last day', async () => {
    const api = makeBackend()
    const f = await setUp(api)
    const request = {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      items: [{ resourceId: f.nacelle.id }, { resourceId: f.agent.id }],
    }
    const refused = await api.fail('bookings.create', { ...request, start: '2027-05-14', end: '2027-05-16' })
    expect(refused.code).toBe('QUALIFICATION_MISSING')
    expect(refused.message).toBe(
      '« Nacelle 12 m » demande un opérateur titulaire de CACES R486 : celle de Agent B expire le 15/05/2027, ' +
        'avant la fin de la réservation (16/05/2027). Ajoutez un autre agent qualifié ou indiquez l’opérateur ' +
        'fourni par la commune.',
    )
    expect(refused.details).toEqual({
      issues: [
        {
          resourceId: f.nacelle.id,
          resourceName: 'Nacelle 12 m',
          qualification: 'CACES R486',
          message: refused.message,
        },
      ],
    })
    // A timed booking ending at midnight ends on the 15th: its last day is the 15th.
    const timed = await api.ok('bookings.create', {
      ...request,
      start: '2027-05-15T08:00',
      end: '2027-05-16T00:00',
    })
    expect(timed.status).toBe('approved')
  })

  it('without an agent, needs the commune’s own qualified operator', async () => {
    const api = makeBackend()
    const f = await setUp(api)
    const base = {
      communeId: f.tiffauges.id,
      title: 'Guirlandes',
      start: '2027-12-01T08:00',
      end: '2027-12-01T12:00',
      items: [{ resourceId: f.nacelle.id }],
    }
    expect((await api.fail('bookings.create', base)).code).toBe('QUALIFICATION_MISSING')
    const wrong = await api.fail('bookings.create', {
      ...base,
      providedOperator: { name: 'M. Durand', qualification: 'CACES R482' },
    })
    expect(wrong.code).toBe('QUALIFICATION_MISSING')
    const booking = await api.ok('bookings.create', {
      ...base,
      providedOperator: { name: 'M. Durand', qualification: 'caces r486 cat. A' },
    })
    expect(booking.providedOperator).toEqual({ name: 'M. Durand', qualification: 'caces r486 cat. A' })
  })

  it('refuses an inventory change that would leave a booking to come without its qualified operator', async () => {
    const api = makeBackend()
    const f = await setUp(api)
    const booking = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-04-08T08:00',
      end: '2027-04-08T12:00',
      items: [{ resourceId: f.nacelle.id }, { resourceId: f.agent.id }],
    })
    const shortened = await api.fail('resources.update', {
      id: f.agent.id,
      qualifications: [{ name: 'CACES R486 cat. B', expiresOn: '2027-04-01' }],
    })
    expect([shortened.code, shortened.message]).toEqual([
      'CONFLICT',
      `Modification refusée : la réservation ${booking.reference} (Tiffauges, du 08/04/2027 08:00 au 08/04/2027 12:00) ` +
        'n’aurait plus d’opérateur qualifié. Ajoutez-y un agent qualifié ou l’opérateur fourni par la commune, ' +
        'ou annulez-la d’abord.',
    ])
    const podium = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Concert',
      start: '2027-07-03',
      end: '2027-07-03',
      items: [{ resourceId: f.podium.id }],
    })
    const required = await api.fail('resources.update', { id: f.podium.id, requiredQualification: 'Monteur' })
    expect(required.details).toEqual({ bookings: [podium] })
    const onAgent = await api.fail('resources.update', { id: f.agent.id, requiredQualification: 'Permis C' })
    expect(onAgent.code).toBe('INVALID_INPUT')
  })

  it('refuses an agent on leave, naming the leave', async () => {
    const api = makeBackend()
    const f = await setUp(api)
    await api.ok('unavailabilities.create', {
      resourceId: f.agent.id,
      kind: 'leave',
      reason: 'Congés annuels',
      start: '2027-04-05',
      end: '2027-04-09',
    })
    const refused = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-04-08T08:00',
      end: '2027-04-08T12:00',
      items: [{ resourceId: f.nacelle.id }, { resourceId: f.agent.id }],
    })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain('Congés annuels')
  })
})

describe('delivery and pick-up', () => {
  it('makes two tasks occupying the vehicle and the agents, checked like bookings', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const truck = await api.ok('resources.create', {
      kind: 'vehicle',
      name: 'Camion plateau',
      plate: 'FA-201-QB',
    })
    const driver = await api.ok('resources.create', { kind: 'staff', name: 'Agent C' })
    const booking = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Fête de la Saint-Jean',
      start: '2027-06-26T14:00',
      end: '2027-06-27T02:00',
      items: [{ resourceId: f.chaises.id, quantity: 100 }],
      delivery: { vehicleId: truck.id, agentIds: [driver.id], minutes: 45, address: 'Place de l’église' },
    })
    expect(booking.delivery).toEqual({
      vehicleId: truck.id,
      agentIds: [driver.id],
      minutes: 45,
      address: 'Place de l’église',
    })
    const tasks = await api.ok('logistics.list', { from: '2027-06-26', to: '2027-06-28' })
    expect(tasks.map((t) => [t.kind, t.start, t.end, t.resourceIds, t.reference])).toEqual([
      [
        'delivery',
        '2027-06-26T11:15:00.000Z',
        '2027-06-26T12:00:00.000Z',
        [truck.id, driver.id],
        'RES-2026-0001',
      ],
      [
        'pickup',
        '2027-06-27T00:00:00.000Z',
        '2027-06-27T00:45:00.000Z',
        [truck.id, driver.id],
        'RES-2026-0001',
      ],
    ])
    const clash = await api.fail('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Transport de barrières',
      start: '2027-06-26T13:30',
      end: '2027-06-26T15:00',
      items: [{ resourceId: truck.id }],
    })
    expect(clash.code).toBe('CONFLICT')
    expect(clash.message).toContain('Livraison : Fête de la Saint-Jean')
    const day = await api.ok('depot.day', { date: '2027-06-26' })
    expect(day.logistics.map((t) => t.kind)).toEqual(['delivery'])
    await api.ok('bookings.cancel', { id: booking.id })
    expect(await api.ok('logistics.list', { from: '2027-06-26', to: '2027-06-28' })).toEqual([])
  })

  it('delivers a day-long loan at 08:00 on its first day and collects it at 08:00 the day after its last', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const truck = await api.ok('resources.create', {
      kind: 'vehicle',
      name: 'Camion plateau',
      plate: 'FA-201-QB',
    })
    const driver = await api.ok('resources.create', { kind: 'staff', name: 'Agent C' })
    const booking = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Marché de Noël',
      start: '2027-03-27',
      end: '2027-03-28',
      items: [{ resourceId: f.chaises.id, quantity: 60 }],
      delivery: { vehicleId: truck.id, agentIds: [driver.id] },
    })
    const history = await api.ok('bookings.history', { id: booking.id })
    // 27/03/2027 is still winter time (+01:00); 29/03 is summer time (+02:00).
    expect(history.logistics.map((t) => [t.kind, t.start, t.end])).toEqual([
      ['delivery', '2027-03-27T07:00:00.000Z', '2027-03-27T08:00:00.000Z'],
      ['pickup', '2027-03-29T06:00:00.000Z', '2027-03-29T07:00:00.000Z'],
    ])
    const inBooking = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Déménagement',
      start: '2027-04-03',
      end: '2027-04-03',
      items: [{ resourceId: truck.id }],
      delivery: { vehicleId: truck.id, agentIds: [driver.id] },
    })
    expect([inBooking.code, inBooking.message]).toEqual([
      'INVALID_INPUT',
      '« Camion plateau » est déjà réservé dans cette demande : il ne peut pas aussi livrer.',
    ])
  })
})

describe('late bookings and the depot’s day', () => {
  let clock = Date.parse('2027-06-01T08:00:00Z')
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('flags a booking not returned by its end and the bookings it endangers', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const backend = openBackend({ dataDir: dir, seed: 'empty', now: () => clock })
    const ok = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
      const result = await backend.dispatch(method, input, { channel: 'test' })
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value as MethodResult<M>
    }
    try {
      const communes = await ok('communes.list', {})
      const tiffauges = communes.find((c) => c.name === 'Tiffauges')?.id ?? ''
      const gaubretiere = communes.find((c) => c.name === 'La Gaubretière')?.id ?? ''
      const remorque = await ok('resources.create', { kind: 'equipment', name: 'Remorque' })
      const loan = await ok('bookings.create', {
        communeId: tiffauges,
        title: 'Brocante',
        start: '2027-06-05',
        end: '2027-06-06',
        items: [{ resourceId: remorque.id }],
      })
      const next = await ok('bookings.create', {
        communeId: gaubretiere,
        title: 'Kermesse',
        start: '2027-06-09',
        end: '2027-06-09',
        items: [{ resourceId: remorque.id }],
      })
      const saturday = await ok('depot.day', { date: '2027-06-05' })
      expect(saturday.departures.map((b) => b.reference)).toEqual([loan.reference])
      expect(saturday.returns).toEqual([])
      await ok('bookings.checkOut', { id: loan.id, at: '2027-06-05T08:00' })
      const sunday = await ok('depot.day', { date: '2027-06-06' })
      expect(sunday.returns.map((b) => b.reference)).toEqual([loan.reference])
      expect(sunday.late).toEqual([])
      // Tuesday 08/06, 10:00 in Paris: the trailer is two days late and the kermesse of the 9th is at risk.
      clock = Date.parse('2027-06-08T08:00:00Z')
      const tuesday = await ok('depot.day', { date: '2027-06-08' })
      expect(
        tuesday.late.map((l) => [l.booking.reference, l.booking.late, l.endangered.map((b) => b.reference)]),
      ).toEqual([[loan.reference, true, [next.reference]]])
      expect((await ok('bookings.get', { id: loan.id })).late).toBe(true)
      const handOut = await backend.dispatch('bookings.checkOut', { id: next.id }, { channel: 'test' })
      expect(handOut.ok === false && [handOut.error.code, handOut.error.message]).toEqual([
        'CONFLICT',
        '« Remorque » n’est pas rentré : RES-2027-0001 devait être rendue le 06/06/2027. Enregistrez d’abord ce retour.',
      ])
      await ok('bookings.return', { id: loan.id })
      expect((await ok('depot.day', { date: '2027-06-08' })).late).toEqual([])
      expect((await ok('bookings.checkOut', { id: next.id })).status).toBe('checked_out')
    } finally {
      backend.close()
    }
  })
})
