import { describe, expect, it } from 'vitest'
import {
  emptyDraft,
  fieldError,
  hasErrorsOutsideDraft,
  kindChangePatch,
  unlistedLicence,
} from '../../renderer/src/features/inventory/model'

describe('fieldError', () => {
  const errors = {
    name: 'Indiquez le nom.',
    'qualifications.2.expiresOn': 'Date non reconnue.',
    'qualifications.3.name': 'Nom manquant.',
  }

  it('gives the error at the path itself first', () => {
    expect(fieldError(errors, 'name')).toBe('Indiquez le nom.')
    expect(fieldError(errors, 'qualifications.3.name')).toBe('Nom manquant.')
  })

  it('gives the first error inside a path made of rows', () => {
    expect(fieldError(errors, 'qualifications')).toBe('Date non reconnue.')
    expect(fieldError(errors, 'qualifications.2')).toBe('Date non reconnue.')
  })

  it('does not take a longer field name for a path inside it', () => {
    expect(fieldError({ nameSuffix: 'Autre champ.' }, 'name')).toBeUndefined()
    expect(fieldError({}, 'name')).toBeUndefined()
  })
})

describe('hasErrorsOutsideDraft', () => {
  const draft = emptyDraft('staff')

  it('is false when every error belongs to a field of the draft, rows included', () => {
    expect(hasErrorsOutsideDraft({}, draft)).toBe(false)
    expect(hasErrorsOutsideDraft({ plate: 'x', 'qualifications.0.name': 'y' }, draft)).toBe(false)
  })

  it('is true as soon as one error names no field of the draft', () => {
    expect(hasErrorsOutsideDraft({ name: 'x', hubId: 'Pôle inconnu.' }, draft)).toBe(true)
    expect(hasErrorsOutsideDraft({ 'foo.bar': 'x' }, draft)).toBe(true)
    expect(hasErrorsOutsideDraft({ names: 'x' }, draft)).toBe(true)
  })
})

describe('kindChangePatch', () => {
  it('clears the category and gives equipment a condition, keeping its tracking', () => {
    const stock = {
      ...emptyDraft('equipment'),
      tracking: 'stock' as const,
      categoryId: 'c1',
      condition: '' as const,
    }
    expect(kindChangePatch(stock, 'equipment')).toEqual({
      kind: 'equipment',
      categoryId: '',
      tracking: 'stock',
      condition: 'good',
    })
    const worn = { ...emptyDraft('equipment'), condition: 'worn' as const }
    expect(kindChangePatch(worn, 'equipment').condition).toBe('worn')
  })

  it('tracks vehicles and agents per unit, without a condition', () => {
    const stock = { ...emptyDraft('equipment'), tracking: 'stock' as const, categoryId: 'c1' }
    expect(kindChangePatch(stock, 'vehicle')).toEqual({
      kind: 'vehicle',
      categoryId: '',
      tracking: 'unit',
      condition: '',
    })
    expect(kindChangePatch(stock, 'staff')).toEqual({
      kind: 'staff',
      categoryId: '',
      tracking: 'unit',
      condition: '',
    })
  })
})

describe('unlistedLicence', () => {
  it('keeps a stored licence that is not in the list', () => {
    expect(unlistedLicence('Tracteur')).toBe('Tracteur')
    expect(unlistedLicence('c')).toBe('c')
  })

  it('is null for no licence or a listed one', () => {
    expect(unlistedLicence('')).toBeNull()
    expect(unlistedLicence('C1E')).toBeNull()
    expect(unlistedLicence('B')).toBeNull()
  })
})
