import { describe, expect, it } from 'vitest'
import { methodNames } from '../../shared/api/contract'
import { canCall, methodRights, ruleOf } from '../../shared/api/rights'
import { roles, type Role } from '../../shared/domain/accounts'
import { makeTrustBackend, type Person, type TrustBackend } from './accounts-helpers'

describe('the rights table', () => {
  it('has a rule for every method of the contract, and none for other names', () => {
    const missing = methodNames.filter((name) => ruleOf(name) === null)
    expect(missing).toEqual([])
    expect(Object.keys(methodRights).sort()).toEqual([...methodNames].sort())
    expect(ruleOf('bookings.delete')).toBeNull()
    expect(ruleOf('toString')).toBeNull()
  })

  it('leaves only sign-in, status and sign-out public', () => {
    const open = methodNames.filter((m) => methodRights[m].access === 'public').sort()
    expect(open).toEqual(['auth.signIn', 'auth.signOut', 'auth.status', 'system.status'])
  })

  it('is what the dispatcher enforces, for every method and every role', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    const { tiffauges } = await setUp(t, admin)
    const people: Record<Role, Person> = {
      admin,
      manager: t.person(),
      secretary: t.person(),
      viewer: t.person(),
    }
    await t.account(admin, 'p.moreau', 'manager')
    await t.account(admin, 'v.roux', 'viewer')
    await t.account(admin, 'c.martin', 'secretary', tiffauges)
    await people.manager.signIn('p.moreau')
    await people.viewer.signIn('v.roux')
    await people.secretary.signIn('c.martin')
    const anonymous = t.person()
    for (const method of methodNames.filter((m) => !m.startsWith('auth.'))) {
      const rule = methodRights[method]
      if (rule.access === 'public') continue
      expect((await anonymous.fail(method, {})).code, method).toBe('UNAUTHENTICATED')
      for (const role of roles.filter((r) => !canCall(r, method))) {
        const error = await people[role].fail(method, {})
        expect([method, role, error.code]).toEqual([method, role, 'FORBIDDEN'])
      }
    }
  })
})

/** An administrator account signed in as `admin`, the two communes and two resources of the scenario. */
async function setUp(t: TrustBackend, admin: Person) {
  await admin.ok('users.create', {
    login: 'a.durand',
    displayName: 'Anne Durand',
    password: 'pont-de-la-sèvre-1848',
    role: 'admin',
  })
  const communes = await admin.ok('communes.list', {})
  const id = (insee: string) => communes.find((c) => c.inseeCode === insee)?.id ?? ''
  const nacelle = await admin.ok('resources.create', {
    kind: 'equipment',
    name: 'Nacelle 12 m',
    requiresApproval: true,
  })
  const chaises = await admin.ok('resources.create', {
    kind: 'equipment',
    name: 'Chaises',
    tracking: 'stock',
    quantity: 120,
  })
  return { tiffauges: id('85293'), gaubretiere: id('85097'), nacelle, chaises }
}

describe('a secretary of Tiffauges', () => {
  async function scenario() {
    const t = makeTrustBackend()
    const admin = t.person()
    const ids = await setUp(t, admin)
    await admin.ok('users.create', {
      login: 'c.martin',
      displayName: 'Claire Martin',
      password: 'pont-de-la-sèvre-1848',
      role: 'secretary',
      communeId: ids.tiffauges,
    })
    await admin.ok('users.create', {
      login: 'p.moreau',
      displayName: 'Paul Moreau',
      password: 'pont-de-la-sèvre-1848',
      role: 'manager',
    })
    const secretary = t.person()
    const manager = t.person()
    await secretary.signIn('c.martin')
    await manager.signIn('p.moreau')
    // La Gaubretière's booking, made by the hub.
    const wedding = await manager.ok('bookings.create', {
      communeId: ids.gaubretiere,
      title: 'Mariage Dupont-Leroy',
      notes: 'Clé du local chez M. Dupont',
      start: '2026-12-12',
      end: '2026-12-12',
      items: [{ resourceId: ids.chaises.id, quantity: 100 }],
    })
    return { t, admin, secretary, manager, wedding, ...ids }
  }

  it('asks for the nacelle for her commune, and cannot approve it', async () => {
    const s = await scenario()
    const request = await s.secretary.ok('bookings.create', {
      communeId: s.tiffauges,
      title: 'Illuminations de Noël',
      start: '2026-12-05T08:00',
      end: '2026-12-05T17:00',
      items: [{ resourceId: s.nacelle.id }],
    })
    expect(request.status).toBe('requested')
    const approve = await s.secretary.fail('bookings.approve', { id: request.id })
    expect(approve).toEqual({
      code: 'FORBIDDEN',
      message:
        'Action réservée à un administrateur ou au responsable du pôle : votre compte (secrétaire de mairie) ne le permet pas. Demandez-la au pôle technique ou à un administrateur.',
      details: undefined,
    })
    expect((await s.secretary.fail('bookings.checkOut', { id: request.id })).code).toBe('FORBIDDEN')
    expect((await s.secretary.fail('resources.update', { id: s.nacelle.id, name: 'X' })).code).toBe(
      'FORBIDDEN',
    )
    // Her own request she may change and cancel.
    expect((await s.secretary.ok('bookings.update', { id: request.id, title: 'Illuminations' })).title).toBe(
      'Illuminations',
    )
    // The manager approves it; the journal names both.
    expect((await s.manager.ok('bookings.approve', { id: request.id })).status).toBe('approved')
    const journal = await s.manager.ok('journal.list', { entityId: request.id })
    expect(journal.entries.map((e) => [e.action, e.actor])).toEqual([
      ['approve', 'Paul Moreau (p.moreau)'],
      ['update', 'Claire Martin (c.martin)'],
      ['create', 'Claire Martin (c.martin)'],
    ])
    expect((await s.secretary.fail('journal.list', {})).code).toBe('FORBIDDEN')
  })

  it('cannot book for, change or cancel another commune’s booking', async () => {
    const s = await scenario()
    const forOther = await s.secretary.fail('bookings.create', {
      communeId: s.gaubretiere,
      title: 'Pour les voisins',
      start: '2026-12-19',
      end: '2026-12-19',
      items: [{ resourceId: s.chaises.id, quantity: 5 }],
    })
    expect(forOther.code).toBe('FORBIDDEN')
    expect(forOther.message).toMatch(
      /^Action refusée : une secrétaire de mairie ne gère que les réservations de sa commune/,
    )
    expect((await s.secretary.fail('bookings.cancel', { id: s.wedding.id })).code).toBe('FORBIDDEN')
    expect((await s.secretary.fail('bookings.update', { id: s.wedding.id, title: 'x' })).code).toBe(
      'FORBIDDEN',
    )
    expect((await s.secretary.fail('bookings.history', { id: s.wedding.id })).code).toBe('FORBIDDEN')
    expect((await s.secretary.fail('calendar.ics', {})).code).toBe('FORBIDDEN')
    expect((await s.secretary.ok('calendar.ics', { communeId: s.tiffauges })).fileName).toBe(
      'reservations-tiffauges.ics',
    )
    const wedding = await s.manager.ok('bookings.get', { id: s.wedding.id })
    expect(wedding.status).toBe('approved')
  })

  it('sees another commune’s booking only as « Réservé », in lists, details and conflicts', async () => {
    const s = await scenario()
    const own = await s.secretary.ok('bookings.create', {
      communeId: s.tiffauges,
      title: 'Repas des aînés',
      notes: 'Salle des fêtes',
      start: '2026-12-12',
      end: '2026-12-12',
      items: [{ resourceId: s.chaises.id, quantity: 20 }],
    })
    const listed = await s.secretary.ok('bookings.list', { from: '2026-12-01', to: '2027-01-01' })
    const other = listed.find((b) => b.id === s.wedding.id)
    expect(other).toMatchObject({
      reference: s.wedding.reference,
      communeId: s.gaubretiere,
      title: 'Réservé',
      notes: '',
      start: s.wedding.start,
      end: s.wedding.end,
      items: [{ resourceId: s.chaises.id, quantity: 100 }],
      providedOperator: null,
      delivery: null,
    })
    expect(listed.find((b) => b.id === own.id)).toMatchObject({
      title: 'Repas des aînés',
      notes: 'Salle des fêtes',
    })
    expect(await s.secretary.ok('bookings.get', { id: s.wedding.id })).toEqual(other)
    expect(JSON.stringify(listed)).not.toMatch(/Mariage|Dupont/)
    // 100 + 20 of 120 are taken: one more chair conflicts with both bookings, titles hidden for the other.
    const check = await s.secretary.ok('availability.check', {
      start: '2026-12-12',
      end: '2026-12-12',
      items: [{ resourceId: s.chaises.id, quantity: 1 }],
    })
    expect(check.available).toBe(false)
    expect(JSON.stringify(check)).not.toMatch(/Mariage|Dupont/)
    const refused = await s.secretary.fail('bookings.create', {
      communeId: s.tiffauges,
      title: 'Vœux du maire',
      start: '2026-12-12',
      end: '2026-12-12',
      items: [{ resourceId: s.chaises.id, quantity: 10 }],
    })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).not.toMatch(/Mariage|Dupont/)
    expect(JSON.stringify(refused.details)).not.toMatch(/Mariage|Dupont/)
    const conflicts = (
      refused.details as { conflicts: { communeId: string; title: string | null; message: string }[] }
    ).conflicts
    const foreign = conflicts.filter((c) => c.communeId === s.gaubretiere)
    expect(foreign.map((c) => c.title)).toEqual(['Réservé'])
    expect(foreign[0]?.message).toContain(`réservation ${s.wedding.reference} (La Gaubretière, « Réservé »)`)
    // The hub's manager sees everything.
    const managerView = await s.manager.ok('bookings.get', { id: s.wedding.id })
    expect(managerView).toMatchObject({ title: 'Mariage Dupont-Leroy', notes: 'Clé du local chez M. Dupont' })
  })

  it('is masked in the resource page’s history too', async () => {
    const s = await scenario()
    const history = await s.secretary.ok('resources.history', { id: s.chaises.id })
    expect(history.upcomingBookings.map((b) => b.title)).toEqual(['Réservé'])
    expect(JSON.stringify(history)).not.toMatch(/Mariage|Dupont/)
  })
})
