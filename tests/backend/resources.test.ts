import { describe, expect, it } from 'vitest'
import { makeBackend } from './helpers'

describe('resources', () => {
  it('creates a unit item by default, in the only hub, and lists it', async () => {
    const api = makeBackend()
    const [hub] = await api.ok('hubs.list', {})
    const sono = await api.ok('resources.create', {
      kind: 'equipment',
      name: '  Sonorisation portable ',
      inventoryNumber: 'PTO-SON-001',
    })
    expect(sono).toMatchObject({
      kind: 'equipment',
      name: 'Sonorisation portable',
      tracking: 'unit',
      quantity: 1,
      hubId: hub?.id,
      inventoryNumber: 'PTO-SON-001',
      archived: false,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    })
    expect(await api.ok('resources.list', {})).toEqual([sono])
  })

  it('creates stocks, vehicles and agents with their attributes', async () => {
    const api = makeBackend()
    const chaises = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Chaises',
      tracking: 'stock',
      quantity: 120,
    })
    expect(chaises).toMatchObject({ tracking: 'stock', quantity: 120 })
    const camion = await api.ok('resources.create', {
      kind: 'vehicle',
      name: 'Camion benne',
      plate: 'ek-905-pt',
      licenceRequired: 'C',
      odometerKm: 152300,
      nextInspectionDate: '2027-04-20',
    })
    expect(camion).toMatchObject({
      plate: 'EK-905-PT',
      licenceRequired: 'C',
      odometerKm: 152300,
      nextInspectionDate: '2027-04-20',
    })
    const agent = await api.ok('resources.create', {
      kind: 'staff',
      name: 'Agent voirie',
      qualifications: [{ name: 'CACES R486 cat. B', expiresOn: '2030-06-30' }, { name: 'Permis C' }],
      weeklyHours: 35,
    })
    expect(agent).toMatchObject({
      tracking: 'unit',
      qualifications: [
        { name: 'CACES R486 cat. B', expiresOn: '2030-06-30' },
        { name: 'Permis C', expiresOn: null },
      ],
      weeklyHours: 35,
      condition: null,
    })
    expect((await api.ok('resources.list', { kind: 'vehicle' })).map((r) => r.id)).toEqual([camion.id])
    expect((await api.ok('resources.list', { search: 'EK905' })).map((r) => r.id)).toEqual([camion.id])
    expect((await api.ok('resources.list', { search: 'chais' })).map((r) => r.id)).toEqual([chaises.id])
  })

  it('refuses inconsistent resources with the field at fault', async () => {
    const api = makeBackend()
    const cases: [unknown, string][] = [
      [{ kind: 'vehicle', name: 'Camion', tracking: 'stock', quantity: 3 }, 'tracking'],
      [{ kind: 'equipment', name: 'Chaises', tracking: 'stock' }, 'quantity'],
      [{ kind: 'equipment', name: 'Nacelle', quantity: 2 }, 'quantity'],
      [{ kind: 'vehicle', name: 'Camion', plate: 'AB123CD' }, 'plate'],
      [{ kind: 'equipment', name: '' }, 'name'],
      [{ kind: 'robot', name: 'R2' }, 'kind'],
      [{ kind: 'equipment', name: 'X', bufferAfterMinutes: -5 }, 'bufferAfterMinutes'],
      [{ kind: 'equipment', name: 'X', nextInspectionDate: '2027-02-31' }, 'nextInspectionDate'],
      [{ kind: 'equipment', name: 'X', extra: true }, ''],
    ]
    for (const [input, path] of cases) {
      const error = await api.fail('resources.create', input)
      expect(error.code, JSON.stringify(input)).toBe('INVALID_INPUT')
      expect(
        (error.details as { issues: { path: string }[] }).issues.map((i) => i.path),
        JSON.stringify(input),
      ).toContain(path)
    }
    expect(await api.ok('resources.list', { includeArchived: true })).toEqual([])
  })

  it('refuses a second resource with the same inventory number or plate', async () => {
    const api = makeBackend()
    await api.ok('resources.create', { kind: 'equipment', name: 'A', inventoryNumber: 'PTO-1' })
    const error = await api.fail('resources.create', {
      kind: 'equipment',
      name: 'B',
      inventoryNumber: 'PTO-1',
    })
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Ce numéro d’inventaire est déjà utilisé par une autre ressource.',
    })
    await api.ok('resources.create', { kind: 'vehicle', name: 'V1', plate: 'AB-123-CD' })
    expect(
      (await api.fail('resources.create', { kind: 'vehicle', name: 'V2', plate: 'AB-123-CD' })).code,
    ).toBe('INVALID_INPUT')
  })

  it('updates the given fields only, and clears with null', async () => {
    const api = makeBackend()
    const r = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Chaises',
      tracking: 'stock',
      quantity: 100,
      inventoryNumber: 'PTO-1',
      notes: 'Dépôt nord',
    })
    const updated = await api.ok('resources.update', { id: r.id, quantity: 110, inventoryNumber: null })
    expect(updated).toMatchObject({
      name: 'Chaises',
      quantity: 110,
      inventoryNumber: null,
      notes: 'Dépôt nord',
    })
    const unit = await api.ok('resources.create', { kind: 'equipment', name: 'Podium' })
    expect((await api.fail('resources.update', { id: unit.id, quantity: 3 })).code).toBe('INVALID_INPUT')
    expect(
      (await api.fail('resources.update', { id: '00000000-0000-4000-8000-000000000000', name: 'x' })).code,
    ).toBe('NOT_FOUND')
  })

  it('archives instead of deleting: hidden from lists, kept with its bookings', async () => {
    const api = makeBackend()
    const r = await api.ok('resources.create', { kind: 'equipment', name: 'Broyeur' })
    const archived = await api.ok('resources.archive', { id: r.id })
    expect(archived.archived).toBe(true)
    expect(await api.ok('resources.list', {})).toEqual([])
    expect((await api.ok('resources.list', { includeArchived: true })).map((x) => x.id)).toEqual([r.id])
    expect((await api.ok('resources.get', { id: r.id })).archived).toBe(true)
  })

  it('filters by category, a parent category including its children', async () => {
    const api = makeBackend('demo')
    const categories = await api.ok('categories.list', {})
    const manif = categories.find((c) => c.name === 'Manifestations' && c.parentId === null)
    const mobilier = categories.find((c) => c.name === 'Chaises et tables')
    expect(mobilier?.parentId).toBe(manif?.id)
    const inMobilier = await api.ok('resources.list', { categoryId: mobilier?.id ?? '' })
    expect(inMobilier.map((r) => r.name)).toEqual(['Bancs', 'Chaises pliantes', 'Tables pliantes 2 m'])
    const inManif = await api.ok('resources.list', { categoryId: manif?.id ?? '' })
    expect(inManif.length).toBeGreaterThan(inMobilier.length)
  })
})

describe('text and identifiers', () => {
  it('refuses control characters and broken Unicode in names and titles', async () => {
    const api = makeBackend()
    for (const name of ['Chaises\u0000', 'Sono\u0007', 'Broyeur \uD800']) {
      const error = await api.fail('resources.create', { kind: 'equipment', name })
      expect(error.code, JSON.stringify(name)).toBe('INVALID_INPUT')
      expect(error.message).toContain('Caractères invalides')
    }
    expect((await api.ok('resources.create', { kind: 'equipment', name: 'Émoji 🎪 et accents' })).name).toBe(
      'Émoji 🎪 et accents',
    )
  })

  it('treats an identifier typed in capitals as the same one', async () => {
    const api = makeBackend()
    const r = await api.ok('resources.create', { kind: 'equipment', name: 'Sono' })
    expect((await api.ok('resources.get', { id: r.id.toUpperCase() })).id).toBe(r.id)
  })

  it('treats inventory numbers differing only by case as the same', async () => {
    const api = makeBackend()
    await api.ok('resources.create', { kind: 'equipment', name: 'A', inventoryNumber: 'PTO-MOB-003' })
    const error = await api.fail('resources.create', {
      kind: 'equipment',
      name: 'B',
      inventoryNumber: 'pto-mob-003',
    })
    expect(error.message).toBe('Ce numéro d’inventaire est déjà utilisé par une autre ressource.')
  })
})
