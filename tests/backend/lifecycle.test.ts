import { describe, expect, it } from 'vitest'
import { fixtures, makeBackend } from './helpers'

describe('bookings.create: requests and idempotency', () => {
  it('sent twice with the same clientRequestId, makes one booking and returns it twice', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const input = {
      communeId: f.tiffauges.id,
      title: 'Fête de la musique',
      start: '2027-06-21',
      end: '2027-06-21',
      items: [{ resourceId: f.chaises.id, quantity: 40 }],
      clientRequestId: 'e1b8d1a4-2f57-4c55-9a43-1a2b3c4d5e6f',
    }
    const [first, second] = await Promise.all([
      api.ok('bookings.create', input),
      api.ok('bookings.create', input),
    ])
    expect(second).toEqual(first)
    expect(first.reference).toBe('RES-2026-0001')
    const stored = await api.ok('bookings.list', { from: '2027-06-01', to: '2027-07-01' })
    expect(stored.map((b) => b.id)).toEqual([first.id])
    // A different request cannot reuse the key: it would be silently dropped.
    const reused = await api.fail('bookings.create', { ...input, title: 'Autre objet' })
    expect([reused.code, reused.message]).toEqual([
      'INVALID_INPUT',
      'Cet identifiant de demande a déjà servi pour une autre demande : rechargez la page et envoyez-la de nouveau.',
    ])
    // The retry consumed no reference number.
    const next = await api.ok('bookings.create', { ...input, clientRequestId: 'autre-demande-0002' })
    expect(next.reference).toBe('RES-2026-0002')
  })

  it('refuses a title with a bidirectional override, which would disguise it on screen', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const refused = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'abc\u202Egnp.exe',
      start: '2027-06-21',
      end: '2027-06-21',
      items: [{ resourceId: f.chaises.id, quantity: 4 }],
    })
    expect([refused.code, refused.message]).toEqual([
      'INVALID_INPUT',
      'Saisie invalide (objet) : Caractères invalides (caractères de contrôle ou texte mal encodé) : retapez ce texte.',
    ])
  })

  it('is requested when a resource requires approval, approved otherwise', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const podium = await api.ok('resources.update', { id: f.podium.id, requiresApproval: true })
    expect(podium.requiresApproval).toBe(true)
    const both = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Concert',
      start: '2027-07-03',
      end: '2027-07-04',
      items: [{ resourceId: f.chaises.id, quantity: 80 }, { resourceId: f.podium.id }],
    })
    expect(both.status).toBe('requested')
    const chairsOnly = await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Repas des aînés',
      start: '2027-07-03',
      end: '2027-07-03',
      items: [{ resourceId: f.chaises.id, quantity: 40 }],
    })
    expect(chairsOnly.status).toBe('approved')
  })

  it('goes back to the inbox when an approved booking gains an item the hub must approve', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.podium.id, requiresApproval: true })
    const booking = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Concert',
      start: '2027-07-03',
      end: '2027-07-03',
      items: [{ resourceId: f.chaises.id, quantity: 50 }],
    })
    const moreChairs = await api.ok('bookings.update', {
      id: booking.id,
      items: [{ resourceId: f.chaises.id, quantity: 60 }],
    })
    expect(moreChairs.status).toBe('approved')
    const withPodium = await api.ok('bookings.update', {
      id: booking.id,
      items: [{ resourceId: f.chaises.id, quantity: 60 }, { resourceId: f.podium.id }],
    })
    expect(withPodium.status).toBe('requested')
  })

  it('refuses at once a later request for a slot a pending request holds, naming it', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.nacelle.id, requiresApproval: true })
    const slot = { start: '2027-05-14T08:00', end: '2027-05-14T12:00', items: [{ resourceId: f.nacelle.id }] }
    const first = await api.ok('bookings.create', { ...slot, communeId: f.tiffauges.id, title: 'Élagage' })
    const later = await api.fail('bookings.create', {
      ...slot,
      communeId: f.gaubretiere.id,
      title: 'Guirlandes',
    })
    expect(later.code).toBe('CONFLICT')
    expect(later.message).toContain(first.reference)
    expect(later.message).toContain('Tiffauges')
  })
})

describe('multi-resource loans', () => {
  it('store every item or none, and the refusal lists every item that does not fit', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const remorque = await api.ok('resources.create', { kind: 'equipment', name: 'Remorque plateau' })
    const pelle = await api.ok('resources.create', { kind: 'equipment', name: 'Mini-pelle 1,8 t' })
    const agent = await api.ok('resources.create', { kind: 'staff', name: 'Agent A' })
    await api.ok('bookings.create', {
      communeId: f.gaubretiere.id,
      title: 'Curage de fossé',
      start: '2027-04-12T08:00',
      end: '2027-04-12T17:00',
      items: [{ resourceId: remorque.id }, { resourceId: agent.id }],
    })
    const refused = await api.fail('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Tranchée',
      start: '2027-04-12T13:00',
      end: '2027-04-12T18:00',
      items: [{ resourceId: pelle.id }, { resourceId: remorque.id }, { resourceId: agent.id }],
    })
    expect(refused.code).toBe('CONFLICT')
    const conflicts = (refused.details as { conflicts: { resourceName: string; reference: string }[] })
      .conflicts
    expect(conflicts.map((c) => [c.resourceName, c.reference])).toEqual([
      ['Remorque plateau', 'RES-2026-0001'],
      ['Agent A', 'RES-2026-0001'],
    ])
    expect(refused.message).toContain('(et 1 autre conflit)')
    const stored = await api.ok('bookings.list', {
      from: '2027-04-12',
      to: '2027-04-13',
      resourceId: pelle.id,
    })
    expect(stored).toEqual([])
  })
})

describe('approval', () => {
  it('is refused when an unavailability was added after the request, then granted once it is gone', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.nacelle.id, requiresApproval: true })
    const request = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage des platanes',
      start: '2027-05-14T08:00',
      end: '2027-05-14T17:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    const { unavailability, affectedBookings } = await api.ok('unavailabilities.create', {
      resourceId: f.nacelle.id,
      kind: 'repair',
      reason: 'Vérin qui fuit',
      start: '2027-05-13',
      end: '2027-05-14',
    })
    expect(affectedBookings.map((b) => b.id)).toEqual([request.id])
    const inbox = await api.ok('bookings.inbox', {})
    expect(inbox.map((e) => [e.booking.reference, e.conflicts.map((c) => c.reason)])).toEqual([
      ['RES-2026-0001', ['Vérin qui fuit']],
    ])
    const refused = await api.fail('bookings.approve', { id: request.id })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain('Vérin qui fuit')
    expect((await api.ok('bookings.get', { id: request.id })).status).toBe('requested')
    await api.ok('unavailabilities.delete', { id: unavailability.id })
    const approved = await api.ok('bookings.approve', { id: request.id })
    expect(approved.status).toBe('approved')
    expect(await api.ok('bookings.inbox', {})).toEqual([])
  })

  it('reject records the reason; wrong transitions are refused with INVALID_TRANSITION in French', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.podium.id, requiresApproval: true })
    const request = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Kermesse',
      start: '2027-06-26',
      end: '2027-06-26',
      items: [{ resourceId: f.podium.id }],
    })
    const missingReason = await api.fail('bookings.reject', { id: request.id })
    expect(missingReason.code).toBe('INVALID_INPUT')
    const rejected = await api.ok('bookings.reject', {
      id: request.id,
      reason: 'Podium déjà promis au comice',
    })
    expect([rejected.status, rejected.rejectReason]).toEqual(['rejected', 'Podium déjà promis au comice'])
    const approve = await api.fail('bookings.approve', { id: request.id })
    expect([approve.code, approve.message]).toEqual([
      'INVALID_TRANSITION',
      'La réservation RES-2026-0001 est refusée : impossible de l’accepter.',
    ])
    const approved = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Vin d’honneur',
      start: '2027-06-27',
      end: '2027-06-27',
      items: [{ resourceId: f.chaises.id, quantity: 10 }],
    })
    const giveBack = await api.fail('bookings.return', { id: approved.id })
    expect([giveBack.code, giveBack.message]).toEqual([
      'INVALID_TRANSITION',
      'La réservation RES-2026-0002 est acceptée : impossible d’enregistrer son retour. Elle n’a pas encore été remise.',
    ])
    const cancelled = await api.ok('bookings.cancel', { id: approved.id })
    const approveCancelled = await api.fail('bookings.approve', { id: cancelled.id })
    expect(approveCancelled.message).toBe(
      'La réservation RES-2026-0002 est annulée : impossible de l’accepter.',
    )
    const handOutRequest = await api.fail('bookings.checkOut', { id: request.id })
    expect(handOutRequest.code).toBe('INVALID_TRANSITION')
  })
})

describe('check-out and return', () => {
  it('an early return frees the rest of the period', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const loan = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Élagage',
      start: '2027-05-14T08:00',
      end: '2027-05-14T18:00',
      items: [{ resourceId: f.nacelle.id }],
    })
    const afternoon = {
      communeId: f.gaubretiere.id,
      title: 'Illuminations',
      start: '2027-05-14T13:00',
      end: '2027-05-14T17:00',
      items: [{ resourceId: f.nacelle.id }],
    }
    expect((await api.fail('bookings.create', afternoon)).code).toBe('CONFLICT')
    const out = await api.ok('bookings.checkOut', {
      id: loan.id,
      at: '2027-05-14T08:05',
      notes: 'Plein fait',
    })
    expect(out.status).toBe('checked_out')
    expect(out.checkOut).toEqual({
      at: '2027-05-14T06:05:00.000Z',
      by: 'administrateur local',
      odometerKm: null,
      notes: 'Plein fait',
    })
    const back = await api.ok('bookings.return', { id: loan.id, at: '2027-05-14T12:10' })
    expect(back.status).toBe('returned')
    expect(back.return?.at).toBe('2027-05-14T10:10:00.000Z')
    expect(back.return?.items).toEqual([
      { resourceId: f.nacelle.id, returnedQuantity: 1, damagedQuantity: 0 },
    ])
    const second = await api.ok('bookings.create', afternoon)
    expect(second.status).toBe('approved')
    const history = await api.ok('bookings.history', { id: loan.id })
    expect(history.journal.map((e) => e.action)).toEqual(['return', 'check-out', 'create'])
  })

  it('withdraws damaged and missing units of a stock until the manager restores them', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const loan = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Repas champêtre',
      start: '2027-06-05',
      end: '2027-06-06',
      items: [{ resourceId: f.chaises.id, quantity: 40 }],
    })
    await api.ok('bookings.checkOut', { id: loan.id, at: '2027-06-04T16:00' })
    const tooMany = await api.fail('bookings.return', {
      id: loan.id,
      at: '2027-06-07T09:00',
      items: [{ resourceId: f.chaises.id, returnedQuantity: 41 }],
    })
    expect([tooMany.code, tooMany.message]).toEqual([
      'INVALID_INPUT',
      'Rendu 41, prêté 40 : on ne rend pas plus que prêté.',
    ])
    const twice = await api.fail('bookings.return', {
      id: loan.id,
      at: '2027-06-07T09:00',
      items: [
        { resourceId: f.chaises.id, returnedQuantity: 39, damagedQuantity: 2 },
        { resourceId: f.chaises.id, returnedQuantity: 0 },
      ],
    })
    expect([twice.code, twice.details]).toEqual([
      'INVALID_INPUT',
      {
        issues: [
          {
            path: 'items.1.resourceId',
            message: 'Cette ressource figure deux fois dans le retour : une ligne par ressource.',
          },
        ],
      },
    ])
    await api.ok('bookings.return', {
      id: loan.id,
      at: '2027-06-07T09:00',
      items: [{ resourceId: f.chaises.id, returnedQuantity: 39, damagedQuantity: 2 }],
    })
    const withdrawn = await api.ok('unavailabilities.list', { resourceId: f.chaises.id })
    expect(withdrawn.map((u) => [u.kind, u.quantity, u.untilRestored, u.reason, u.start])).toEqual([
      [
        'repair',
        3,
        true,
        'À réparer : 2 abîmés, 1 manquant au retour de RES-2026-0001',
        '2027-06-07T07:00:00.000Z',
      ],
    ])
    const later = { start: '2027-09-01', end: '2027-09-01' }
    const [free] = await api
      .ok('availability.find', { ...later, quantity: 1, kind: 'equipment' })
      .then((r) => r.filter((x) => x.id === f.chaises.id))
    expect(free?.freeQuantity).toBe(117)
    const all = await api.fail('bookings.create', {
      ...later,
      communeId: f.gaubretiere.id,
      title: 'Forum',
      items: [{ resourceId: f.chaises.id, quantity: 120 }],
    })
    expect(all.code).toBe('CONFLICT')
    expect(all.message).toContain(
      'il en reste 117 sur 120 pour cette période (demande : 120). Cause : indisponibilité depuis le 07/06/2027 09:00, ' +
        'jusqu’à remise en service de 3 (À réparer : 2 abîmés, 1 manquant au retour de RES-2026-0001).',
    )
    const restored = await api.ok('unavailabilities.restore', { id: withdrawn[0]?.id ?? '' })
    // Restored "now" (the test clock, 29/11/2026) is before the return: the record stays, lasting 1 ms.
    expect([restored.untilRestored, restored.end]).toEqual([false, '2027-06-07T07:00:00.001Z'])
    const again = await api.fail('unavailabilities.restore', { id: restored.id })
    expect(again.code).toBe('INVALID_TRANSITION')
    const full = await api.ok('bookings.create', {
      ...later,
      communeId: f.gaubretiere.id,
      title: 'Forum',
      items: [{ resourceId: f.chaises.id, quantity: 120 }],
    })
    expect(full.status).toBe('approved')
  })

  it('reads the odometer of the vehicle and refuses one going back', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const van = await api.ok('resources.create', {
      kind: 'vehicle',
      name: 'Fourgon Master',
      plate: 'GH-482-KL',
      odometerKm: 48_200,
    })
    const loan = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Déménagement école',
      start: '2027-03-10T08:00',
      end: '2027-03-10T17:00',
      items: [{ resourceId: van.id }, { resourceId: f.chaises.id, quantity: 20 }],
    })
    const back = await api.fail('bookings.checkOut', { id: loan.id, odometerKm: 48_000 })
    expect(back.message).toBe(
      'Le compteur de « Fourgon Master » ne peut pas reculer : dernier relevé 48200 km.',
    )
    await api.ok('bookings.checkOut', { id: loan.id, odometerKm: 48_210 })
    expect((await api.ok('resources.get', { id: van.id })).odometerKm).toBe(48_210)
    expect((await api.fail('bookings.return', { id: loan.id, odometerKm: 48_209 })).code).toBe(
      'INVALID_INPUT',
    )
    const returned = await api.ok('bookings.return', { id: loan.id, odometerKm: 48_262 })
    expect(returned.return?.odometerKm).toBe(48_262)
    expect((await api.ok('resources.get', { id: van.id })).odometerKm).toBe(48_262)
  })
})
