import { describe, expect, it } from 'vitest'
import type { CostLine, Rate, StatementSummary } from '../../shared/domain/costs'
import {
  formatAmount,
  formatPercent,
  formatRate,
  lineRateText,
  lineUnitsText,
  rateSourceNote,
  surchargeText,
} from '../../renderer/src/features/costs/format'
import {
  periodContaining,
  periodTitle,
  shiftPeriod,
  typedPeriod,
  withGranularity,
} from '../../renderer/src/features/costs/period'
import {
  areaToSave,
  currentRate,
  rateDraftErrors,
  rateDraftFrom,
  rateDraftToInput,
  rateRows,
} from '../../renderer/src/features/costs/rates'
import {
  groupByBooking,
  missingRateCount,
  overlappingStatement,
} from '../../renderer/src/features/costs/report'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

function line(patch: Partial<CostLine>): CostLine {
  return {
    kind: 'use',
    bookingId: 'b1',
    bookingReference: 'RES-2026-0001',
    bookingTitle: 'Marché de Noël',
    communeId: 'tiffauges',
    resourceId: 'chairs',
    resourceName: 'Chaises',
    periodText: 'du 05/12/2026 au 06/12/2026',
    date: '2026-12-05',
    quantity: 40,
    units: 4,
    unit: 'day',
    areaM2: null,
    rateCents: 31,
    rateSource: 'resource',
    surchargePercent: 0,
    bandLabel: '',
    free: false,
    amountCents: 4960,
    detail: '40 × 4 jours × 0,31 €',
    ...patch,
  }
}

function rate(patch: Partial<Rate> & Pick<Rate, 'id' | 'validFrom'>): Rate {
  return {
    resourceId: 'r',
    unit: 'day',
    amountCents: 31,
    depositCents: 0,
    free: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'test',
    ...patch,
  }
}

describe('amounts, rates and cost lines in French', () => {
  it('writes amounts as Intl fr-FR does', () => {
    expect(formatAmount(123456)).toBe(`1${NNBSP}234,56${NBSP}€`)
    expect(formatAmount(0)).toBe(`0,00${NBSP}€`)
    expect(formatAmount(-500)).toBe(`-5,00${NBSP}€`)
    expect(formatAmount(31)).toBe(`0,31${NBSP}€`)
    expect(formatPercent(0.4567)).toBe(`46${NBSP}%`)
    expect(formatPercent(0.4567, 1)).toBe(`45,7${NBSP}%`)
  })

  it('names each rate unit, and gives a per-m² rate its price for the whole area', () => {
    expect(formatRate({ unit: 'day', amountCents: 31 })).toBe(`0,31${NBSP}€ par jour`)
    expect(formatRate({ unit: 'half_day', amountCents: 1500 })).toBe(`15,00${NBSP}€ par demi-journée`)
    expect(formatRate({ unit: 'hour', amountCents: 700 })).toBe(`7,00${NBSP}€ par heure`)
    expect(formatRate({ unit: 'loan', amountCents: 2000 })).toBe(`20,00${NBSP}€ par prêt`)
    expect(formatRate({ unit: 'none', amountCents: 0 })).toBe('Sans tarif')
    expect(formatRate({ unit: 'm2_day', amountCents: 780 })).toBe(`7,80${NBSP}€ par m² et par jour`)
    expect(formatRate({ unit: 'm2_day', amountCents: 780 }, 24)).toBe(
      `7,80${NBSP}€ par m² et par jour (24 m² : 187,20${NBSP}€ par jour)`,
    )
    expect(formatRate({ unit: 'm2_day', amountCents: 780 }, 7.5)).toBe(
      `7,80${NBSP}€ par m² et par jour (7,5 m² : 58,50${NBSP}€ par jour)`,
    )
  })

  it('says what each line counted, its rate and its surcharge', () => {
    expect(lineUnitsText(line({}))).toBe('4 jours')
    expect(lineUnitsText(line({ units: 1 }))).toBe('1 jour')
    expect(lineUnitsText(line({ unit: 'half_day', units: 3 }))).toBe('3 demi-journées')
    expect(lineUnitsText(line({ unit: 'hour', units: 3.25 }))).toBe('3 h 15')
    expect(lineUnitsText(line({ unit: 'hour', units: 11 }))).toBe('11 h')
    expect(lineUnitsText(line({ unit: 'm2_day', units: 2, areaM2: 24 }))).toBe('2 jours × 24 m²')
    expect(lineUnitsText(line({ unit: 'loan', units: 1 }))).toBe('1 prêt')
    expect(lineUnitsText(line({ unit: 'unit', units: 1, kind: 'damage' }))).toBe('remplacement')
    expect(lineUnitsText(line({ unit: 'none', units: 0 }))).toBe('—')

    expect(lineRateText(line({ unit: 'hour', rateCents: 1800, rateSource: 'agent' }))).toBe(`18,00${NBSP}€/h`)
    expect(lineRateText(line({ unit: 'm2_day', rateCents: 780 }))).toBe(`7,80${NBSP}€/m²/jour`)
    expect(lineRateText(line({ unit: 'none', rateCents: 0, rateSource: 'missing' }))).toBe('—')
    expect(lineRateText(line({ unit: 'm2_day', rateCents: 780, rateSource: 'missing' }))).toBe('—')

    expect(surchargeText(line({ surchargePercent: 25, bandLabel: 'nuit' }))).toBe(`+25${NBSP}% (nuit)`)
    expect(surchargeText(line({}))).toBe('')

    expect(rateSourceNote(line({}))).toBeNull()
    expect(rateSourceNote(line({ rateSource: 'agent' }))).toBe('Taux horaire des agents du pôle')
    expect(rateSourceNote(line({ free: true }))).toBe('Gratuit pour les communes membres')
    expect(rateSourceNote(line({ kind: 'damage', rateSource: 'replacement' }))).toBe(
      'Abîmé ou manquant, à la valeur de remplacement',
    )
  })
})

describe('report periods', () => {
  it('finds the month, quarter and year of a day, and steps across years', () => {
    expect(periodContaining('2026-11-30', 'month')).toEqual({
      granularity: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(periodContaining('2028-02-10', 'month')).toEqual({
      granularity: 'month',
      from: '2028-02-01',
      to: '2028-02-29',
    })
    expect(periodContaining('2027-05-14', 'quarter')).toEqual({
      granularity: 'quarter',
      from: '2027-04-01',
      to: '2027-06-30',
    })
    expect(periodContaining('2027-05-14', 'year')).toEqual({
      granularity: 'year',
      from: '2027-01-01',
      to: '2027-12-31',
    })
    const december = periodContaining('2026-12-15', 'month')
    expect(shiftPeriod(december, 1)).toEqual({ granularity: 'month', from: '2027-01-01', to: '2027-01-31' })
    expect(shiftPeriod(periodContaining('2027-02-01', 'quarter'), -1)).toEqual({
      granularity: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
    })
    const week = { granularity: 'custom' as const, from: '2027-05-10', to: '2027-05-16' }
    expect(shiftPeriod(week, 1)).toEqual({ granularity: 'custom', from: '2027-05-17', to: '2027-05-23' })
    expect(withGranularity(december, 'year')).toEqual({
      granularity: 'year',
      from: '2026-01-01',
      to: '2026-12-31',
    })
    expect(withGranularity(december, 'custom')).toEqual({
      granularity: 'custom',
      from: '2026-12-01',
      to: '2026-12-31',
    })
  })

  it('titles a period in French', () => {
    expect(periodTitle(periodContaining('2026-12-15', 'month'))).toBe('Décembre 2026')
    expect(periodTitle(periodContaining('2027-02-01', 'quarter'))).toBe('1er trimestre 2027')
    expect(periodTitle(periodContaining('2027-11-01', 'quarter'))).toBe('4e trimestre 2027')
    expect(periodTitle(periodContaining('2027-11-01', 'year'))).toBe('Année 2027')
    expect(periodTitle({ granularity: 'custom', from: '2027-05-10', to: '2027-05-16' })).toBe(
      'Du 10/05/2027 au 16/05/2027',
    )
  })

  it('reads two typed dates, and says what is wrong', () => {
    expect(typedPeriod('1/12/2026', '2026-12-31', 366)).toEqual({
      ok: true,
      period: { granularity: 'custom', from: '2026-12-01', to: '2026-12-31' },
    })
    expect(typedPeriod('01/01/2026', '01/01/2027', 366).ok).toBe(true)
    expect(typedPeriod('01/01/2026', '02/01/2027', 366)).toEqual({
      ok: false,
      message: 'Un relevé couvre un an au plus.',
    })
    expect(typedPeriod('31/12/2026', '01/12/2026', 366)).toEqual({
      ok: false,
      message: 'La fin de la période doit suivre son début.',
    })
    expect(typedPeriod('31/02/2026', '01/03/2026', 366)).toEqual({
      ok: false,
      message: 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 01/12/2026).',
    })
    expect(typedPeriod('01/01/2024', '01/01/2027', 1096)).toEqual({
      ok: false,
      message: 'Un bilan couvre trois ans au plus.',
    })
  })
})

describe('a commune’s lines', () => {
  it('groups them by booking, damage after use, with subtotals and missing rates', () => {
    const lines = [
      line({ bookingId: 'b2', bookingReference: 'RES-2026-0007', resourceName: 'Agent', amountCents: 5400 }),
      line({
        kind: 'damage',
        resourceName: 'Chaises',
        amountCents: 7200,
        rateSource: 'replacement',
        unit: 'unit',
      }),
      line({}),
      line({ resourceName: 'Barnum', amountCents: 0, rateSource: 'missing', unit: 'none' }),
    ]
    const groups = groupByBooking(lines)
    expect(
      groups.map((g) => [g.reference, g.totalCents, g.missingRates, g.lines.map((l) => l.resourceName)]),
    ).toEqual([
      ['RES-2026-0001', 12160, 1, ['Chaises', 'Barnum', 'Chaises']],
      ['RES-2026-0007', 5400, 0, ['Agent']],
    ])
    expect(groups[0]?.lines.map((l) => l.kind)).toEqual(['use', 'use', 'damage'])
    expect(missingRateCount(lines)).toBe(1)
  })

  it('finds the statement already issued over the period for that commune', () => {
    const statement = (
      id: string,
      communeId: string,
      from: string,
      to: string,
      issuedAt: string,
    ): StatementSummary => ({
      id,
      number: `REL-2026-000${id}`,
      hubId: 'hub',
      communeId,
      communeName: communeId,
      inseeCode: '85293',
      from,
      to,
      issuedAt,
      issuedBy: 'test',
      totalCents: 100,
      lineCount: 1,
    })
    const list = [
      statement('1', 'tiffauges', '2026-11-01', '2026-11-30', '2026-12-01T09:00:00.000Z'),
      statement('2', 'tiffauges', '2026-12-15', '2026-12-20', '2026-12-21T09:00:00.000Z'),
      statement('3', 'gaubretiere', '2026-12-01', '2026-12-31', '2027-01-02T09:00:00.000Z'),
    ]
    expect(overlappingStatement(list, 'tiffauges', '2026-12-01', '2026-12-31')?.number).toBe('REL-2026-0002')
    expect(overlappingStatement(list, 'tiffauges', '2026-11-30', '2026-12-31')?.number).toBe('REL-2026-0002')
    expect(overlappingStatement(list, 'tiffauges', '2026-10-01', '2026-10-31')).toBeNull()
    expect(overlappingStatement(list, 'landes', '2026-12-01', '2026-12-31')).toBeNull()
  })
})

describe('a resource’s rates', () => {
  const rates = [
    rate({ id: 'old', validFrom: '1900-01-01' }),
    rate({ id: 'next', validFrom: '2027-06-01', unit: 'm2_day', amountCents: 780, depositCents: 15000 }),
    rate({ id: 'now', validFrom: '2027-01-01', amountCents: 35 }),
    rate({ id: 'other', validFrom: '2027-02-01', resourceId: 'x' }),
  ]

  it('lists them latest first, with their last day and their state today', () => {
    const rows = rateRows(rates, 'r', '2027-03-10')
    expect(rows.map((r) => [r.rate.id, r.until, r.state])).toEqual([
      ['next', null, 'future'],
      ['now', '2027-05-31', 'current'],
      ['old', '2026-12-31', 'past'],
    ])
    expect(currentRate(rows)?.id).toBe('now')
    expect(currentRate(rateRows(rates, 'r', '2027-06-01'))?.id).toBe('next')
    expect(
      currentRate(rateRows([rate({ id: 'later', validFrom: '2030-01-01' })], 'r', '2027-03-10')),
    ).toBeNull()
  })

  it('prefills the form from the rate in force, and checks it before sending', () => {
    const draft = rateDraftFrom(rates[2]!, null, '2027-03-10')
    expect(draft).toEqual({
      unit: 'day',
      amount: '0,35',
      deposit: '',
      free: false,
      validFrom: '10/03/2027',
      area: '',
    })
    expect(rateDraftFrom(null, 24, '2027-03-10')).toEqual({
      unit: 'day',
      amount: '',
      deposit: '',
      free: false,
      validFrom: '10/03/2027',
      area: '24',
    })
    expect(rateDraftErrors(draft)).toEqual({})
    expect(Object.keys(rateDraftErrors({ ...draft, amount: '', validFrom: '31/02/2027' })).sort()).toEqual([
      'amountCents',
      'validFrom',
    ])
    expect(rateDraftErrors({ ...draft, unit: 'm2_day' })).toEqual({
      areaM2: 'Un tarif au m² a besoin de la surface de la ressource.',
    })
    expect(rateDraftErrors({ ...draft, unit: 'm2_day', area: '24 m2' })).toEqual({
      areaM2: 'Surface non reconnue : écrivez-la en m², par ex. 24 ou 7,5.',
    })
    expect(rateDraftErrors({ ...draft, unit: 'none', amount: '' })).toEqual({})
  })

  it('sends the rate in cents from a local date, and the area first when it changed', () => {
    const draft = {
      unit: 'm2_day' as const,
      amount: '7,80',
      deposit: '150',
      free: true,
      validFrom: '01/01/2027',
      area: '7,5',
    }
    expect(rateDraftToInput('r', draft)).toEqual({
      resourceId: 'r',
      unit: 'm2_day',
      amountCents: 780,
      depositCents: 15000,
      free: true,
      validFrom: '2027-01-01',
    })
    expect(rateDraftToInput('r', { ...draft, unit: 'none', amount: '', deposit: '' })).toEqual({
      resourceId: 'r',
      unit: 'none',
      depositCents: 0,
      free: false,
      validFrom: '2027-01-01',
    })
    expect(areaToSave(draft, null)).toBe(7.5)
    expect(areaToSave(draft, 7.5)).toBeNull()
    expect(areaToSave({ ...draft, unit: 'day' }, null)).toBeNull()
  })
})
