import { describe, expect, it } from 'vitest'
import { makeBackend } from './helpers'

describe('a new database', () => {
  it('holds the 11 communes of the CC du Pays de Mortagne with their INSEE codes', async () => {
    const api = makeBackend('empty')
    const communes = await api.ok('communes.list', {})
    expect(communes.map((c) => c.inseeCode).sort()).toEqual(
      [
        '85097',
        '85119',
        '85134',
        '85151',
        '85198',
        '85238',
        '85240',
        '85247',
        '85293',
        '85296',
        '85302',
      ].sort(),
    )
    expect(communes.find((c) => c.inseeCode === '85302')?.name).toBe('Chanverrie')
  })

  it('has the pôle Ouest serving exactly its five communes, listed first', async () => {
    const api = makeBackend('empty')
    const [hub, ...others] = await api.ok('hubs.list', {})
    expect(others).toEqual([])
    expect(hub?.name).toBe('Pôle technique Ouest')
    const communes = await api.ok('communes.list', {})
    const served = communes.filter((c) => c.hubId === hub?.id).map((c) => c.name)
    expect(served).toEqual([
      'La Gaubretière',
      'Les Landes-Genusson',
      'Saint-Aubin-des-Ormeaux',
      'Saint-Martin-des-Tilleuls',
      'Tiffauges',
    ])
    expect(communes.slice(0, 5).map((c) => c.name)).toEqual(served)
  })

  it('with --empty has no resource and no booking', async () => {
    const api = makeBackend('empty')
    expect(await api.ok('resources.list', {})).toEqual([])
    expect(await api.ok('bookings.list', { from: '2026-01-01', to: '2028-01-01' })).toEqual([])
  })

  it('with the demo holds stock, unit items, vehicles, agents and conflict-free bookings', async () => {
    const api = makeBackend('demo')
    const resources = await api.ok('resources.list', {})
    expect(resources.filter((r) => r.tracking === 'stock').map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'Chaises pliantes',
        'Tables pliantes 2 m',
        'Barrières de ville 2,50 m',
        "Grilles d'exposition",
      ]),
    )
    expect(resources.find((r) => r.name === 'Chaises pliantes')?.quantity).toBe(120)
    expect(resources.filter((r) => r.kind === 'vehicle').length).toBeGreaterThanOrEqual(2)
    expect(resources.filter((r) => r.kind === 'staff').length).toBeGreaterThanOrEqual(2)
    const bookings = await api.ok('bookings.list', { from: '2026-11-29', to: '2027-03-01' })
    expect(bookings.length).toBe(7)
    expect(bookings[0]).toMatchObject({
      reference: 'RES-2026-0001',
      title: 'Marché de Noël',
      startDate: '2026-12-05',
      endDate: '2026-12-06',
    })
  })

  it('is seeded once: reopening keeps the data as it is', async () => {
    const first = makeBackend('demo')
    const before = await first.ok('bookings.list', { from: '2026-11-29', to: '2027-03-01' })
    first.backend.close()
    const again = makeBackend('demo', first.dir)
    expect(await again.ok('bookings.list', { from: '2026-11-29', to: '2027-03-01' })).toEqual(before)
    expect((await again.ok('communes.list', {})).length).toBe(11)
  })
})
