import { describe, expect, it } from 'vitest'
import type { Category, Resource } from '../../shared/domain/types'
import type { ApiError } from '../../shared/errors'
import {
  draftToCheckInput,
  draftToCreateInput as bookingCreateInput,
  emptyBookingDraft,
  mapIssuePaths,
  missingFields,
} from '../../renderer/src/features/bookings/model'
import {
  categoryOptions,
  draftFormatErrors,
  draftFromResource,
  draftToCreateInput,
  draftToUpdateInput,
  emptyDraft,
  filterResources,
} from '../../renderer/src/features/inventory/model'
import {
  CHECK_FIELDS_MESSAGE,
  errorConflicts,
  fieldIssues,
  formMessage,
} from '../../renderer/src/lib/apiErrors'
import { makeResource } from './fixtures'

const ids = {
  chairs: '00000000-0000-4000-8000-000000000001',
  podium: '00000000-0000-4000-8000-000000000002',
  van: '00000000-0000-4000-8000-000000000003',
  events: '00000000-0000-4000-8000-0000000000a1',
  seating: '00000000-0000-4000-8000-0000000000a2',
}

function resource(patch: Partial<Resource> & Pick<Resource, 'id' | 'name'>): Resource {
  return makeResource(patch)
}

const chairs = resource({
  id: ids.chairs,
  name: 'Chaises pliantes',
  tracking: 'stock',
  quantity: 120,
  categoryId: ids.seating,
  inventoryNumber: 'PTO-MOB-001',
})
const podium = resource({ id: ids.podium, name: 'Podium 24 m²', archived: true })
const van = resource({ id: ids.van, name: 'Fourgon', kind: 'vehicle', plate: 'FR-482-PT' })
const resources = [chairs, podium, van]
const byId = new Map(resources.map((r) => [r.id, r]))
const categories: Category[] = [
  { id: ids.seating, name: 'Chaises et tables', parentId: ids.events, kind: 'equipment' },
  { id: ids.events, name: 'Manifestations', parentId: null, kind: 'equipment' },
]

describe('inventory list', () => {
  it('filters by kind, archived, category (with its children) and search', () => {
    const base = { kind: 'equipment' as const, categoryId: '', search: '', showArchived: false }
    expect(filterResources(resources, categories, base).map((r) => r.name)).toEqual(['Chaises pliantes'])
    expect(filterResources(resources, categories, { ...base, showArchived: true })).toHaveLength(2)
    expect(filterResources(resources, categories, { ...base, categoryId: ids.events })).toEqual([chairs])
    expect(filterResources(resources, categories, { ...base, search: 'pto mob' })).toEqual([chairs])
    expect(filterResources(resources, categories, { ...base, kind: 'vehicle', search: 'fr482' })).toEqual([
      van,
    ])
  })

  it('lists categories of a kind, children under their parent', () => {
    expect(categoryOptions(categories, 'equipment')).toEqual([
      { id: ids.events, label: 'Manifestations', depth: 0, fullLabel: 'Manifestations' },
      {
        id: ids.seating,
        label: 'Chaises et tables',
        depth: 1,
        fullLabel: 'Manifestations › Chaises et tables',
      },
    ])
    expect(categoryOptions(categories, 'staff')).toEqual([])
  })
})

describe('resource form', () => {
  it('sends the quantity of a stock, and only the fields of the kind', () => {
    const draft = {
      ...emptyDraft('equipment'),
      name: 'Bancs',
      tracking: 'stock' as const,
      quantity: '40',
      plate: 'x',
    }
    const input = draftToCreateInput(draft)
    expect(input).toMatchObject({ kind: 'equipment', tracking: 'stock', quantity: 40, name: 'Bancs' })
    expect(input).not.toHaveProperty('plate')
  })

  it('round-trips a resource, with dates shown in French', () => {
    const draft = draftFromResource({ ...van, nextInspectionDate: '2027-06-30', odometerKm: 84250 })
    expect(draft.nextInspectionDate).toBe('30/06/2027')
    expect(draftToUpdateInput(van.id, draft)).toMatchObject({
      id: van.id,
      plate: 'FR-482-PT',
      odometerKm: 84250,
      nextInspectionDate: '2027-06-30',
    })
    expect(draftFormatErrors({ ...draft, nextInspectionDate: '30/06' })).toHaveProperty('nextInspectionDate')
  })
})

describe('booking form', () => {
  const draft = {
    ...emptyBookingDraft,
    communeId: 'c',
    title: 'Fête',
    period: { ...emptyBookingDraft.period, firstDay: '14/05/2027', lastDay: '16/05/2027' },
    items: [
      { resourceId: ids.chairs, quantity: '50' },
      { resourceId: ids.van, quantity: '1' },
    ],
  }

  it('sends a quantity for stock lines only', () => {
    expect(draftToCheckInput(draft, byId)).toEqual({
      start: '2027-05-14',
      end: '2027-05-16',
      items: [{ resourceId: ids.chairs, quantity: 50 }, { resourceId: ids.van }],
    })
    expect(bookingCreateInput(draft, byId)).toMatchObject({ communeId: 'c', title: 'Fête' })
  })

  it('does not check before there is a period and a resource', () => {
    expect(draftToCheckInput({ ...draft, items: [] }, byId)).toBeNull()
    expect(draftToCheckInput(emptyBookingDraft, byId)).toBeNull()
  })

  it('names what is missing', () => {
    expect(Object.keys(missingFields(emptyBookingDraft)).sort()).toEqual(
      ['communeId', 'firstDay', 'items', 'lastDay', 'title'].sort(),
    )
    expect(missingFields(draft)).toEqual({})
  })

  it('puts start/end issues on the fields of the current mode', () => {
    expect(mapIssuePaths({ start: 'a', end: 'b', '': 'c' }, draft.period)).toEqual({
      firstDay: 'a',
      lastDay: 'b',
      form: 'c',
    })
  })
})

describe('API error details', () => {
  const invalid: ApiError = {
    code: 'INVALID_INPUT',
    message: 'Saisie invalide (champ « plate »)',
    details: {
      issues: [
        { path: 'plate', message: 'Format AB-123-CD' },
        { path: ['items', 0], message: 'x' },
      ],
    },
  }

  it('reads issues whatever the path shape', () => {
    expect(fieldIssues(invalid)).toEqual([
      { path: 'plate', message: 'Format AB-123-CD' },
      { path: 'items.0', message: 'x' },
    ])
    expect(fieldIssues({ code: 'INTERNAL', message: 'm' })).toEqual([])
    expect(errorConflicts({ code: 'CONFLICT', message: 'm', details: { conflicts: [] } })).toEqual([])
  })

  it('points at the fields when all issues are shown there', () => {
    expect(formMessage(invalid, () => true)).toBe(CHECK_FIELDS_MESSAGE)
    expect(formMessage(invalid, (path) => path === 'plate')).toBe(invalid.message)
  })
})
