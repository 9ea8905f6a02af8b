import { describe, expect, it } from 'vitest'
import type { UsageMonth, UsageReport, UsageRow } from '../../shared/domain/costs'
import {
  communeSlices,
  costPerUseBars,
  detailLines,
  eurosTick,
  headline,
  monthLabel,
  niceTicks,
  percentLabel,
  shareBars,
  shortLabel,
  toPercent,
  trendData,
} from '../../renderer/src/features/bilan/model'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

function month(m: string, shareUsed: number, daysUsed = 0): UsageMonth {
  return { month: m, daysUsed, daysAvailable: 100, shareUsed, uses: 0, amountCents: 0 }
}

function row(patch: Partial<UsageRow> & Pick<UsageRow, 'key' | 'label'>): UsageRow {
  return {
    units: 1,
    daysUsed: 0,
    daysAvailable: 90,
    shareUsed: 0,
    hoursUsed: 0,
    uses: 0,
    purchaseValueCents: 0,
    costPerUseCents: null,
    amountCents: 0,
    communes: [],
    months: [],
    ...patch,
  }
}

const chairs = row({
  key: 'chairs',
  label: 'Manifestations › Chaises et tables',
  units: 190,
  daysUsed: 330,
  daysAvailable: 17100,
  shareUsed: 330 / 17100,
  uses: 6,
  purchaseValueCents: 483000,
  costPerUseCents: 80500,
  amountCents: 25710,
  communes: [
    {
      communeId: 'saint-aubin',
      communeName: 'Saint-Aubin-des-Ormeaux',
      daysUsed: 218,
      share: 218 / 330,
      uses: 3,
    },
    { communeId: 'gaubretiere', communeName: 'La Gaubretière', daysUsed: 92, share: 92 / 330, uses: 2 },
    { communeId: 'tiffauges', communeName: 'Tiffauges', daysUsed: 20, share: 20 / 330, uses: 1 },
  ],
  months: [month('2026-12', 212 / 5890, 212), month('2027-01', 118 / 5890, 118), month('2027-02', 0)],
})
const podium = row({
  key: 'podium',
  label: 'Manifestations › Podiums, barnums et tentes',
  units: 4,
  daysUsed: 5,
  daysAvailable: 360,
  shareUsed: 5 / 360,
  uses: 3,
  purchaseValueCents: 1450000,
  costPerUseCents: 483333,
  amountCents: 18720,
  communes: [
    { communeId: 'tiffauges', communeName: 'Tiffauges', daysUsed: 4, share: 0.8, uses: 2 },
    { communeId: 'gaubretiere', communeName: 'La Gaubretière', daysUsed: 1, share: 0.2, uses: 1 },
  ],
  months: [month('2026-12', 4 / 124, 4), month('2027-01', 1 / 124, 1), month('2027-02', 0)],
})
const idleRow = row({ key: null, label: 'Sans catégorie', units: 2, daysAvailable: 180 })

const report: UsageReport = {
  from: '2026-12-01',
  to: '2027-02-28',
  groupBy: 'category',
  daysInPeriod: 90,
  rows: [podium, idleRow, chairs],
  idle: [{ resourceId: 'r', name: 'Bancs', categoryId: null, categoryName: null, purchaseValueCents: null }],
  months: [month('2026-12', 0.036), month('2027-01', 0.02), month('2027-02', 0)],
  totals: { daysUsed: 335, daysAvailable: 17640, shareUsed: 335 / 17640, uses: 9, amountCents: 44430 },
}

describe('chart numbers in French', () => {
  it('turns ratios into percents and French labels', () => {
    expect(toPercent(0.45678)).toBe(45.7)
    expect(toPercent(330 / 17100)).toBe(1.9)
    expect(percentLabel(45.7)).toBe(`45,7${NBSP}%`)
    expect(percentLabel(40)).toBe(`40${NBSP}%`)
    expect(eurosTick(4500)).toBe(`4${NNBSP}500${NBSP}€`)
    expect(monthLabel('2026-12')).toBe('déc.')
    expect(monthLabel('2027-07', 'withYear')).toBe('juil. 27')
    expect(monthLabel('2026-12', 'long')).toBe('décembre 2026')
    expect(shortLabel('Manifestations › Podiums, barnums et tentes', 30)).toBe(
      'Manifestations › Podiums, bar…',
    )
    expect(shortLabel('Bancs')).toBe('Bancs')
  })

  it('puts round ticks on a percent axis, never above 100', () => {
    expect(niceTicks(0.4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8])
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40])
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100])
    expect(niceTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
  })
})

describe('chart data from a usage report', () => {
  it('sorts the bars by share used, highest first, within the limit', () => {
    expect(shareBars(report.rows).map((b) => [b.key, b.share, b.daysUsed])).toEqual([
      ['chairs', 1.9, 330],
      ['podium', 1.4, 5],
      ['none', 0, 0],
    ])
    expect(shareBars(report.rows, 1).map((b) => b.label)).toEqual(['Manifestations › Chaises et tables'])
  })

  it('follows the hub and its most used rows month by month, labelled with the year across years', () => {
    const { points, series } = trendData(report, 2)
    expect(series).toEqual([
      { dataKey: 'r0', name: 'Manifestations › Chaises et tables' },
      { dataKey: 'r1', name: 'Manifestations › Podiums, barnums et tentes' },
    ])
    expect(points).toEqual([
      { month: '2026-12', label: 'déc. 26', total: 3.6, r0: 3.6, r1: 3.2 },
      { month: '2027-01', label: 'janv. 27', total: 2, r0: 2, r1: 0.8 },
      { month: '2027-02', label: 'févr. 27', total: 0, r0: 0, r1: 0 },
    ])
    const oneYear = trendData({ ...report, months: [month('2027-01', 0.5)] }, 0)
    expect(oneYear.points).toEqual([{ month: '2027-01', label: 'janv.', total: 50 }])
  })

  it('adds up each commune’s days over the rows, largest first', () => {
    expect(communeSlices(report).map((s) => [s.name, s.daysUsed, s.share, s.uses])).toEqual([
      ['Saint-Aubin-des-Ormeaux', 218, 65.1, 3],
      ['La Gaubretière', 93, 27.8, 3],
      ['Tiffauges', 24, 7.2, 3],
    ])
    const byCommune: UsageReport = {
      ...report,
      groupBy: 'commune',
      rows: [
        row({ key: 't', label: 'Tiffauges', daysUsed: 30, uses: 2 }),
        row({ key: 'l', label: 'Les Landes-Genusson', daysUsed: 0 }),
        row({ key: 'g', label: 'La Gaubretière', daysUsed: 90, uses: 1 }),
      ],
    }
    expect(communeSlices(byCommune).map((s) => [s.communeId, s.share])).toEqual([
      ['g', 75],
      ['t', 25],
    ])
  })

  it('writes the detail table, the cost per use and the headline figures', () => {
    expect(detailLines([chairs, idleRow])).toEqual([
      {
        key: 'chairs',
        label: 'Manifestations › Chaises et tables',
        units: '190',
        days: `330 / 17${NNBSP}100`,
        share: `1,9${NBSP}%`,
        uses: '6',
        costPerUse: `805,00${NBSP}€`,
        amount: `257,10${NBSP}€`,
        communes: `Saint-Aubin-des-Ormeaux 66${NBSP}%, La Gaubretière 28${NBSP}%, Tiffauges 6${NBSP}%`,
      },
      {
        key: 'none',
        label: 'Sans catégorie',
        units: '2',
        days: '0 / 180',
        share: `0${NBSP}%`,
        uses: '0',
        costPerUse: '—',
        amount: `0,00${NBSP}€`,
        communes: '—',
      },
    ])
    expect(costPerUseBars(report.rows).map((b) => [b.key, b.euros, b.text])).toEqual([
      ['podium', 4833.33, `4${NNBSP}833,33${NBSP}€`],
      ['chairs', 805, `805,00${NBSP}€`],
    ])
    expect(headline(report)).toEqual([
      { label: 'Taux d’utilisation', value: `1,9${NBSP}%` },
      { label: 'Jours utilisés', value: '335' },
      { label: 'Utilisations', value: '9' },
      { label: 'Montant refacturable', value: `444,30${NBSP}€` },
      { label: 'Ressources inutilisées', value: '1' },
    ])
  })
})
