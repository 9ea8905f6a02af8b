import { describe, expect, it } from 'vitest'
import { makeTrustBackend } from './accounts-helpers'
import { fixtures, makeBackend } from './helpers'

describe('a booking changed after its request', () => {
  it('is approved once its items no longer need the hub’s approval', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    await api.ok('resources.update', { id: f.podium.id, requiresApproval: true })
    const request = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Concert',
      start: '2027-07-03',
      end: '2027-07-03',
      items: [{ resourceId: f.chaises.id, quantity: 50 }, { resourceId: f.podium.id }],
    })
    expect(request.status).toBe('requested')
    const chairsOnly = await api.ok('bookings.update', {
      id: request.id,
      items: [{ resourceId: f.chaises.id, quantity: 50 }],
    })
    expect(chairsOnly.status).toBe('approved')
  })

  it('goes back to the inbox when a commune moves an approved loan the hub must approve, not when the hub does', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    const communes = await admin.ok('communes.list', {})
    const tiffauges = communes.find((c) => c.name === 'Tiffauges')?.id ?? ''
    const pelle = await admin.ok('resources.create', {
      kind: 'equipment',
      name: 'Mini-pelle',
      requiresApproval: true,
    })
    await admin.ok('users.create', {
      login: 'a.durand',
      displayName: 'Anne Durand',
      password: 'pont-de-la-sèvre-1848',
      role: 'admin',
    })
    await t.account(admin, 'c.martin', 'secretary', tiffauges)
    await t.account(admin, 'p.moreau', 'manager')
    const secretary = t.person()
    const manager = t.person()
    await secretary.signIn('c.martin')
    await manager.signIn('p.moreau')
    const request = await secretary.ok('bookings.create', {
      communeId: tiffauges,
      title: 'Curage du lavoir',
      start: '2027-01-12',
      end: '2027-01-12',
      items: [{ resourceId: pelle.id }],
    })
    await manager.ok('bookings.approve', { id: request.id })
    const movedByHub = await manager.ok('bookings.update', {
      id: request.id,
      start: '2027-01-13',
      end: '2027-01-13',
    })
    expect(movedByHub.status).toBe('approved')
    const retitled = await secretary.ok('bookings.update', {
      id: request.id,
      title: 'Curage du lavoir (matin)',
    })
    expect(retitled.status).toBe('approved')
    const lengthened = await secretary.ok('bookings.update', {
      id: request.id,
      start: '2027-01-12',
      end: '2027-02-20',
    })
    expect(lengthened.status).toBe('requested')
    const inbox = await manager.ok('bookings.inbox', {})
    expect(inbox.map((e) => e.booking.reference)).toEqual([request.reference])
    // A commune asks for what is to come; the hub may record a loan after the fact.
    const past = {
      communeId: tiffauges,
      title: 'Oubli',
      start: '2026-11-27',
      end: '2026-11-28',
      items: [{ resourceId: pelle.id }],
    }
    const refused = await secretary.fail('bookings.create', past)
    expect([refused.code, refused.message]).toEqual([
      'INVALID_INPUT',
      'Cette période est déjà passée : une commune ne peut demander que pour l’avenir.',
    ])
    expect((await manager.ok('bookings.create', past)).status).toBe('requested')
  })

  it('is held to the council’s rules when moved or lengthened, its own days left out of the quotas', async () => {
    const api = makeBackend()
    const f = await fixtures(api)
    const booking = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Repas',
      start: '2027-01-12',
      end: '2027-01-13',
      items: [{ resourceId: f.chaises.id, quantity: 10 }],
    })
    await api.ok('settings.update', {
      validFrom: '2026-11-29',
      governance: { minNoticeDays: 7, maxLoanDays: 30 },
    })
    const tooLong = await api.fail('bookings.update', {
      id: booking.id,
      start: '2027-01-12',
      end: '2027-02-20',
    })
    expect([tooLong.code, (tooLong.details as { rule: string }).rule]).toEqual(['INVALID_INPUT', 'maxLoan'])
    const tooSoon = await api.fail('bookings.update', {
      id: booking.id,
      start: '2026-12-02',
      end: '2026-12-02',
    })
    expect([tooSoon.code, (tooSoon.details as { rule: string }).rule]).toEqual(['INVALID_INPUT', 'minNotice'])
    const past = await api.fail('bookings.update', { id: booking.id, start: '2026-11-20', end: '2026-11-20' })
    expect(past.message).toBe(
      'Le 20/11/2026 est déjà passé : une demande se fait au moins 7 jours à l’avance (règle votée par le conseil). ' +
        'Choisissez un début à partir du 06/12/2026.',
    )
    expect((await api.ok('bookings.get', { id: booking.id })).endDate).toBe('2027-01-13')
    const retitled = await api.ok('bookings.update', { id: booking.id, title: 'Repas des aînés' })
    expect(retitled.title).toBe('Repas des aînés')
  })
})
