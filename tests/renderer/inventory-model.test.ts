import { describe, expect, it } from 'vitest'
import type { Resource } from '../../shared/domain/types'
import {
  draftFormatErrors,
  draftFromResource,
  draftLendable,
  draftToCreateInput,
  draftToUpdateInput,
  emptyDraft,
  expiryText,
  findByCode,
  formatCents,
  formatMoney,
  inspectionState,
  inspectionText,
  labelsHash,
  lendableQuantity,
  meterText,
  parseEuros,
  qualificationState,
  updateSelection,
} from '../../renderer/src/features/inventory/model'
import { makeResource } from './fixtures'

const nbsp = '\u00a0'

function resource(patch: Partial<Resource> & Pick<Resource, 'id' | 'name'>): Resource {
  return makeResource(patch)
}

describe('amounts in euros', () => {
  it('formats cents the French way', () => {
    expect(formatCents(123450)).toBe(`1${nbsp}234,50`)
    expect(formatCents(0)).toBe('0,00')
    expect(formatCents(5)).toBe('0,05')
    expect(formatCents(4500)).toBe('45,00')
    expect(formatCents(123456789)).toBe(`1${nbsp}234${nbsp}567,89`)
    expect(formatMoney(123450)).toBe(`1${nbsp}234,50${nbsp}€`)
    expect(formatMoney(null)).toBe('—')
  })

  it('reads what people type, in cents', () => {
    const cents = (text: string) => {
      const parsed = parseEuros(text)
      return parsed.ok ? parsed.value : 'invalid'
    }
    expect(cents('1 234,50')).toBe(123450)
    expect(cents(`1${nbsp}234,50`)).toBe(123450)
    expect(cents('1\u202f234,5')).toBe(123450)
    expect(cents('1234,5')).toBe(123450)
    expect(cents('1.234,50')).toBe(123450)
    expect(cents('1234.50')).toBe(123450)
    expect(cents('1.234')).toBe(123400)
    expect(cents('12')).toBe(1200)
    expect(cents('0,07')).toBe(7)
    expect(cents('45,00 €')).toBe(4500)
    expect(cents('')).toBeNull()
    expect(cents('  ')).toBeNull()
    expect(cents('12,345')).toBe('invalid')
    expect(cents('-5')).toBe('invalid')
    expect(cents('douze')).toBe('invalid')
    expect(cents('1,2,3')).toBe('invalid')
  })

  it('round-trips every amount it formats', () => {
    for (const value of [0, 1, 99, 100, 123450, 1_000_000_00, 9_999_999_999]) {
      expect(parseEuros(formatCents(value))).toEqual({ ok: true, value })
    }
  })
})

describe('qualification expiry (valid until the day inclusive)', () => {
  const today = '2027-05-14'
  it('is expired the day after, expiring within 60 days, valid beyond', () => {
    expect(qualificationState(null, today)).toEqual({ state: 'none', daysLeft: null })
    expect(qualificationState('2027-05-13', today)).toEqual({ state: 'expired', daysLeft: -1 })
    expect(qualificationState('2027-05-14', today)).toEqual({ state: 'expiring', daysLeft: 0 })
    expect(qualificationState('2027-07-13', today)).toEqual({ state: 'expiring', daysLeft: 60 })
    expect(qualificationState('2027-07-14', today)).toEqual({ state: 'valid', daysLeft: 61 })
  })

  it('says it in French', () => {
    expect(expiryText('2027-05-13', today)).toBe('Expirée depuis le 13/05/2027')
    expect(expiryText('2027-05-15', today)).toBe('Expire le 15/05/2027 (dans 1 jour)')
    expect(expiryText('2027-06-01', today)).toBe('Expire le 01/06/2027 (dans 18 jours)')
    expect(expiryText('2028-01-31', today)).toBe('Valable jusqu’au 31/01/2028')
    expect(expiryText(null, today)).toBe('Sans date d’expiration')
  })
})

describe('next inspection (VGP, contrôle technique)', () => {
  const today = '2027-03-01'
  it('warns within 30 days and when past', () => {
    expect(inspectionState(null, today).state).toBe('none')
    expect(inspectionState('2027-02-28', today)).toEqual({ state: 'overdue', daysLeft: -1 })
    expect(inspectionState('2027-03-31', today)).toEqual({ state: 'soon', daysLeft: 30 })
    expect(inspectionState('2027-04-01', today)).toEqual({ state: 'ok', daysLeft: 31 })
    expect(inspectionText('2027-03-15', today)).toBe(
      'Le 15/03/2027, dans 14 jours : les réservations au-delà sont refusées',
    )
    expect(inspectionText('2027-02-01', today)).toMatch(/^Dépassée depuis le 01\/02\/2027/)
  })
})

describe('stock', () => {
  it('lends the total less what is out of service', () => {
    expect(lendableQuantity(120, 10)).toBe(110)
    expect(lendableQuantity(5, 8)).toBe(0)
    const draft = {
      ...emptyDraft('equipment'),
      tracking: 'stock' as const,
      quantity: '120',
      outOfServiceQuantity: '10',
    }
    expect(draftLendable(draft)).toBe(110)
    expect(draftLendable({ ...draft, outOfServiceQuantity: '' })).toBe(120)
    expect(draftLendable({ ...draft, quantity: 'abc' })).toBeNull()
    expect(draftFormatErrors({ ...draft, outOfServiceQuantity: '130' })).toHaveProperty(
      'outOfServiceQuantity',
    )
  })

  it('sends the out-of-service quantity of a stock, not the fields of a unit item', () => {
    const draft = {
      ...emptyDraft('equipment'),
      name: 'Chaises',
      tracking: 'stock' as const,
      quantity: '120',
      outOfServiceQuantity: '10',
      serialNumber: 'x',
      purchaseValueCents: '1 234,50',
      dailyRateCents: '0,50',
    }
    const input = draftToCreateInput(draft)
    expect(input).toMatchObject({
      tracking: 'stock',
      quantity: 120,
      outOfServiceQuantity: 10,
      purchaseValueCents: 123450,
      dailyRateCents: 50,
    })
    expect(input).not.toHaveProperty('serialNumber')
    expect(input).not.toHaveProperty('condition')
  })
})

describe('resource form', () => {
  it('sends a unit item with its condition, purchase and inspection', () => {
    const draft = {
      ...emptyDraft('equipment'),
      name: 'Nacelle',
      inventoryNumber: ' PTO-TRV-001 ',
      condition: 'to_repair' as const,
      purchaseDate: '03/04/2019',
      purchaseValueCents: '38 500',
      nextInspectionDate: '15/03/2027',
    }
    expect(draftToCreateInput(draft)).toMatchObject({
      kind: 'equipment',
      tracking: 'unit',
      inventoryNumber: 'PTO-TRV-001',
      condition: 'to_repair',
      purchaseDate: '2019-04-03',
      purchaseValueCents: 3850000,
      nextInspectionDate: '2027-03-15',
      dailyRateCents: null,
    })
    expect(emptyDraft('equipment').condition).toBe('good')
    expect(emptyDraft('vehicle').condition).toBe('')
  })

  it('sends either the odometer or the hour-meter of a vehicle', () => {
    const draft = { ...emptyDraft('vehicle'), name: 'Tracteur', odometerKm: '12', hourMeterHours: '1 250' }
    expect(draftToCreateInput(draft)).toMatchObject({ odometerKm: 12, hourMeterHours: null })
    expect(draftToCreateInput({ ...draft, meterUnit: 'hours' })).toMatchObject({
      odometerKm: null,
      hourMeterHours: 1250,
    })
    const tractor = resource({ id: 't', name: 'Tracteur', kind: 'vehicle', hourMeterHours: 1250 })
    expect(draftFromResource(tractor).meterUnit).toBe('hours')
    expect(meterText(tractor)).toBe('1\u202f250 h')
  })

  it('sends an agent’s qualifications with their expiry, dropping empty rows', () => {
    const agent = resource({
      id: 'a',
      name: 'Agent',
      kind: 'staff',
      homeCommuneId: 'c1',
      qualifications: [
        { name: 'Permis C', expiresOn: '2028-02-01' },
        { name: 'Habilitation B0', expiresOn: null },
      ],
    })
    const draft = draftFromResource(agent)
    expect(draft.qualifications).toEqual([
      { name: 'Permis C', expiresOn: '01/02/2028' },
      { name: 'Habilitation B0', expiresOn: '' },
    ])
    const input = draftToUpdateInput('a', {
      ...draft,
      qualifications: [...draft.qualifications, { name: '', expiresOn: '' }],
    })
    expect(input).toMatchObject({
      homeCommuneId: 'c1',
      qualifications: [
        { name: 'Permis C', expiresOn: '2028-02-01' },
        { name: 'Habilitation B0', expiresOn: null },
      ],
    })
    expect(input).not.toHaveProperty('inventoryNumber')
  })

  it('names the fields it cannot read, by API path', () => {
    const errors = draftFormatErrors({
      ...emptyDraft('staff'),
      dailyRateCents: '12,345',
      qualifications: [
        { name: 'CACES R486', expiresOn: '31/02/2027' },
        { name: '', expiresOn: '01/01/2028' },
      ],
    })
    expect(Object.keys(errors).sort()).toEqual([
      'dailyRateCents',
      'qualifications.0.expiresOn',
      'qualifications.1.name',
    ])
    expect(draftFormatErrors({ ...emptyDraft('equipment'), purchaseValueCents: 'abc' })).toHaveProperty(
      'purchaseValueCents',
    )
  })

  it('shows amounts and dates of a resource as typed in French', () => {
    const draft = draftFromResource(
      resource({
        id: 'p',
        name: 'Podium',
        purchaseDate: '2019-04-03',
        purchaseValueCents: 1250000,
        dailyRateCents: 15000,
      }),
    )
    expect(draft.purchaseDate).toBe('03/04/2019')
    expect(draft.purchaseValueCents).toBe(`12${nbsp}500,00`)
    expect(draft.dailyRateCents).toBe('150,00')
    expect(draftToUpdateInput('p', draft)).toMatchObject({
      purchaseValueCents: 1250000,
      dailyRateCents: 15000,
    })
  })
})

describe('scanner lookup', () => {
  const chairs = resource({ id: 'c', name: 'Chaises', inventoryNumber: 'PTO-MOB-001' })
  const oldChairs = resource({
    id: 'o',
    name: 'Vieilles chaises',
    inventoryNumber: 'pto-mob-002',
    archived: true,
  })
  const van = resource({
    id: 'v',
    name: 'Fourgon',
    kind: 'vehicle',
    plate: 'FR-482-PT',
    inventoryNumber: 'PTO-VEH-1',
  })
  const all = [chairs, oldChairs, van]

  it('matches an inventory number exactly, whatever the case', () => {
    expect(findByCode(all, 'PTO-MOB-001')).toBe(chairs)
    expect(findByCode(all, ' pto-mob-001\n')).toBe(chairs)
    expect(findByCode(all, 'PTO-MOB-00')).toBeNull()
    expect(findByCode(all, 'PTO-MOB-002')).toBe(oldChairs)
    expect(findByCode(all, '')).toBeNull()
  })

  it('matches a plate with or without dashes', () => {
    expect(findByCode(all, 'fr-482-pt')).toBe(van)
    expect(findByCode(all, 'FR482PT')).toBe(van)
    expect(findByCode(all, 'FR-482')).toBeNull()
  })

  it('prefers a live resource to an archived one with the same number', () => {
    const again = resource({ id: 'n', name: 'Chaises neuves', inventoryNumber: 'PTO-MOB-002' })
    expect(findByCode([oldChairs, again], 'PTO-MOB-002')).toBe(again)
  })
})

describe('selection for labels', () => {
  it('adds and removes several rows, keeping the others', () => {
    expect(updateSelection(['a'], ['b', 'a', 'c'], true)).toEqual(['a', 'b', 'c'])
    expect(updateSelection(['a', 'b', 'x'], ['a', 'b'], false)).toEqual(['x'])
    expect(labelsHash(['a', 'b c'])).toBe('#/etiquettes?ids=a,b%20c')
  })
})
