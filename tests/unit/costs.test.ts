/**
 * Counting rules and line amounts of cost sharing (shared/costs), with amounts computed by hand.
 * Rates from the Ville de Montpellier's 2014 sheet (délibération n° 2013/616, Licence Ouverte; copied
 * in docs/data/montpellier-2014-tarifs.md): chairs 0,31 €/day, podium 7,80 €/m²/day, agent 18 €/h with
 * +25 % night, +25 % Sunday/holiday daytime, +50 % Sunday/holiday night, vehicle 7 €/h.
 */
import { describe, expect, it } from 'vitest'
import { defaultHubSettings } from '../../shared/costs/defaults'
import {
  billedQuarters,
  countDays,
  countHalfDays,
  quarterHours,
  splitByBands,
  type CountedPeriod,
} from '../../shared/costs/counting'
import {
  bookingLines,
  carryNoteOf,
  damageLine,
  type CostBooking,
  type CostResource,
  type Pricing,
  withCarryNote,
} from '../../shared/costs/lines'
import { formatEuros, lineAmountCents, roundHalfUp } from '../../shared/costs/money'
import type { Rate, RateUnit } from '../../shared/domain/costs'
import { resolvePeriod } from '../../shared/time'

const settings = defaultHubSettings('hub')
const holidays = new Set(['2027-05-13', '2027-05-24', '2027-07-14', '2027-08-15', '2027-11-01'])

function period(start: string, end: string): CountedPeriod {
  return resolvePeriod(start, end)
}

function rate(resourceId: string, unit: RateUnit, amountCents: number, extra: Partial<Rate> = {}): Rate {
  return {
    id: `rate-${resourceId}-${extra.validFrom ?? '1900-01-01'}`,
    resourceId,
    unit,
    amountCents,
    depositCents: 0,
    free: false,
    validFrom: '1900-01-01',
    createdAt: '2026-11-29T10:00:00.000Z',
    createdBy: 'test',
    ...extra,
  }
}

function pricing(rates: readonly Rate[]): Pricing {
  return {
    rateFor: (resourceId, date) =>
      [...rates]
        .filter((r) => r.resourceId === resourceId && r.validFrom <= date)
        .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] ?? null,
    settingsFor: () => settings,
    holidays,
  }
}

const chairs: CostResource = { id: 'chairs', name: 'Chaises pliantes', kind: 'equipment', areaM2: null }
const podium: CostResource = { id: 'podium', name: 'Podium 24 m²', kind: 'equipment', areaM2: 24 }
const agent: CostResource = { id: 'agent', name: 'Agent technique', kind: 'staff', areaM2: null }
const van: CostResource = { id: 'van', name: 'Fourgon', kind: 'vehicle', areaM2: null }
const resources = new Map([chairs, podium, agent, van].map((r) => [r.id, r]))

function booking(resourceId: string, quantity: number, start: string, end: string): CostBooking {
  return {
    id: 'b1',
    reference: 'RES-2027-0001',
    title: 'Fête',
    communeId: 'c1',
    period: period(start, end),
    items: [{ resourceId, quantity }],
  }
}

const amounts = (lines: readonly { amountCents: number }[]) => lines.map((l) => l.amountCents)

describe('counting rules', () => {
  it('count the local calendar days a booking covers', () => {
    // Friday 14/05/2027 to Monday 17/05/2027, end inclusive: 14, 15, 16, 17 = 4 days.
    expect(countDays(period('2027-05-14', '2027-05-17'))).toBe(4)
    // Saturday 20:00 to Sunday 08:00 (Paris) touches Saturday and Sunday: 2 days.
    expect(countDays(period('2027-05-15T20:00', '2027-05-16T08:00'))).toBe(2)
    // Ending at midnight does not cover the day that begins then: 1 day.
    expect(countDays(period('2027-05-15T08:00', '2027-05-16T00:00'))).toBe(1)
  })

  it('count half-days: mornings before 12:00, afternoons from 12:00', () => {
    expect(countHalfDays(period('2027-05-14T08:00', '2027-05-14T12:00'))).toBe(1)
    expect(countHalfDays(period('2027-05-14T08:00', '2027-05-14T18:00'))).toBe(2)
    // 14:00 Friday to 10:00 Saturday: Friday afternoon, Saturday morning = 2.
    expect(countHalfDays(period('2027-05-14T14:00', '2027-05-15T10:00'))).toBe(2)
    // Two whole days = 4 half-days.
    expect(countHalfDays(period('2027-05-14', '2027-05-15'))).toBe(4)
  })

  it('round elapsed time up to the quarter hour', () => {
    expect(quarterHours(190 * 60_000)).toBe(13) // 3 h 10 → 3 h 15
    expect(quarterHours(180 * 60_000)).toBe(12)
    expect(quarterHours(1)).toBe(1)
  })

  it('split an agent’s hours by the Paris clock and the Sunday of each instant', () => {
    // Saturday 15/05/2027 18:00 → Sunday 02:00: day 18–21, night 21–24, Sunday night 00–02.
    const h = 3_600_000
    const { start, end } = period('2027-05-15T18:00', '2027-05-16T02:00')
    expect(splitByBands(start, end, settings.surcharges, holidays)).toEqual([
      { band: 'day', ms: 3 * h },
      { band: 'night', ms: 3 * h },
      { band: 'holidayNight', ms: 2 * h },
    ])
  })

  it('bill a night across the spring change one hour shorter, across the autumn change one hour longer', () => {
    // 27/03/2027 20:00 → 28/03/2027 08:00: clocks jump 02:00 → 03:00, 11 real hours = 44 quarters.
    expect(billedQuarters(period('2027-03-27T20:00', '2027-03-28T08:00'), 7, null, holidays)).toEqual([
      { band: 'day', quarters: 44 },
    ])
    // 30/10/2027 20:00 → 31/10/2027 08:00: 03:00 → 02:00 lived twice, 13 real hours = 52 quarters.
    expect(billedQuarters(period('2027-10-30T20:00', '2027-10-31T08:00'), 7, null, holidays)).toEqual([
      { band: 'day', quarters: 52 },
    ])
  })

  it('count an agent booked by whole days at 7 h a day in that day’s daytime band', () => {
    // Saturday 15 and Sunday 16/05/2027: 7 h weekday daytime (28 quarters), 7 h Sunday daytime.
    expect(billedQuarters(period('2027-05-15', '2027-05-16'), 7, settings.surcharges, holidays)).toEqual([
      { band: 'day', quarters: 28 },
      { band: 'holidayDay', quarters: 28 },
    ])
  })
})

describe('money', () => {
  it('round half up, once per line', () => {
    expect(roundHalfUp(5n, 2n)).toBe(3) // 2,5 → 3
    expect(roundHalfUp(7n, 4n)).toBe(2) // 1,75 → 2
    expect(roundHalfUp(5n, 4n)).toBe(1) // 1,25 → 1
    // One quarter hour at 18,02 €/h: 1 802 / 4 = 450,5 → 451 cents.
    expect(lineAmountCents(1, null, 1, 4, 1802, 0)).toBe(451)
    // One quarter hour at 18,01 €/h + 25 %: 1 801 × 1,25 / 4 = 562,8125 → 563 cents.
    expect(lineAmountCents(1, null, 1, 4, 1801, 25)).toBe(563)
  })

  it('write euros the French way', () => {
    expect(formatEuros(4960)).toBe('49,60\u00a0€')
    expect(formatEuros(1_450_000)).toBe('14\u00a0500,00\u00a0€')
  })
})

describe('lines', () => {
  it('a Friday–Monday day loan of 40 chairs at 0,31 €/day', () => {
    const lines = bookingLines(
      booking('chairs', 40, '2027-05-14', '2027-05-17'),
      resources,
      pricing([rate('chairs', 'day', 31)]),
    )
    // 40 chairs × 4 days × 31 cents = 4 960 cents.
    expect(lines).toMatchObject([{ quantity: 40, units: 4, unit: 'day', rateCents: 31, amountCents: 4960 }])
    expect(lines[0]?.detail).toBe('40 × 4 jours × 0,31\u00a0€')
  })

  it('a podium of 24 m² for 2 days at 7,80 €/m²/day', () => {
    const lines = bookingLines(
      booking('podium', 1, '2027-06-12', '2027-06-13'),
      resources,
      pricing([rate('podium', 'm2_day', 780)]),
    )
    // 24 m² × 2 days × 780 cents = 37 440 cents.
    expect(lines).toMatchObject([{ units: 2, areaM2: 24, unit: 'm2_day', amountCents: 37_440 }])
  })

  it('an agent from Saturday 18:00 to Sunday 02:00 at 18 €/h with the night and Sunday bands', () => {
    const lines = bookingLines(
      booking('agent', 1, '2027-05-15T18:00', '2027-05-16T02:00'),
      resources,
      pricing([]),
    )
    // Sat 18–21: 3 h × 1 800 = 5 400; Sat 21–24: 3 h × 2 250 (+25 %) = 6 750;
    // Sun 00–02: 2 h × 2 700 (+50 %) = 5 400. Total 17 550 cents.
    expect(lines.map((l) => [l.units, l.surchargePercent, l.rateSource, l.amountCents])).toEqual([
      [3, 0, 'agent', 5400],
      [3, 25, 'agent', 6750],
      [2, 50, 'agent', 5400],
    ])
    expect(amounts(lines).reduce((a, b) => a + b, 0)).toBe(17_550)
  })

  it('an agent on 14 July, a public holiday, into the night of the 15th', () => {
    const lines = bookingLines(
      booking('agent', 1, '2027-07-14T18:00', '2027-07-15T01:00'),
      resources,
      pricing([]),
    )
    // Wed 14/07 18–21 holiday daytime: 3 h × 2 250 (+25 %) = 6 750;
    // 14/07 21–24 holiday night: 3 h × 2 700 (+50 %) = 8 100;
    // Thu 15/07 00–01 weekday night: 1 h × 2 250 (+25 %) = 2 250. Total 17 100 cents.
    expect(lines.map((l) => [l.bandLabel, l.units, l.surchargePercent, l.amountCents])).toEqual([
      ['nuit', 1, 25, 2250],
      ['dimanche ou jour férié', 3, 25, 6750],
      ['nuit de dimanche ou jour férié', 3, 50, 8100],
    ])
  })

  it('a vehicle for 3 h 10 at 7 €/h, in quarter hours', () => {
    const lines = bookingLines(
      booking('van', 1, '2027-05-14T08:00', '2027-05-14T11:10'),
      resources,
      pricing([]),
    )
    // 3 h 10 → 3 h 15 = 13 quarters × 175 cents = 2 275 cents; vehicles have no surcharge.
    expect(lines).toMatchObject([
      { units: 3.25, unit: 'hour', rateSource: 'vehicle', surchargePercent: 0, amountCents: 2275 },
    ])
  })

  it('a night across the spring change is billed one hour shorter', () => {
    const van12 = bookingLines(
      booking('van', 1, '2027-03-27T20:00', '2027-03-28T08:00'),
      resources,
      pricing([]),
    )
    // 20:00 → 08:00 is 11 real hours that night: 44 quarters × 175 = 7 700 (not 12 h = 8 400).
    expect(amounts(van12)).toEqual([7700])
    const staff = bookingLines(
      booking('agent', 1, '2027-03-27T20:00', '2027-03-28T08:00'),
      resources,
      pricing([]),
    )
    // Sat 20–21: 1 h × 1 800 = 1 800; Sat 21–24: 3 h × 2 250 = 6 750;
    // Sun 00–07 holds 6 real hours: 6 × 2 700 = 16 200; Sun 07–08: 1 h × 2 250 = 2 250. Total 27 000.
    expect(staff.map((l) => [l.units, l.amountCents])).toEqual([
      [1, 1800],
      [3, 6750],
      [1, 2250],
      [6, 16_200],
    ])
  })

  it('a timed booking 20:00 → 08:00 at a day rate counts 2 days', () => {
    const lines = bookingLines(
      booking('chairs', 10, '2027-05-14T20:00', '2027-05-15T08:00'),
      resources,
      pricing([rate('chairs', 'day', 31)]),
    )
    // 10 chairs × 2 days × 31 = 620 cents.
    expect(amounts(lines)).toEqual([620])
  })

  it('use the rate in force on the booking’s first day', () => {
    const rates = [rate('chairs', 'day', 31), rate('chairs', 'day', 40, { validFrom: '2027-06-01' })]
    // 31/05 → 01/06, starting before the new rate: 40 × 2 × 31 = 2 480.
    expect(
      amounts(bookingLines(booking('chairs', 40, '2027-05-31', '2027-06-01'), resources, pricing(rates))),
    ).toEqual([2480])
    // From 01/06: 40 × 2 × 40 = 3 200.
    expect(
      amounts(bookingLines(booking('chairs', 40, '2027-06-01', '2027-06-02'), resources, pricing(rates))),
    ).toEqual([3200])
  })

  it('count free loans at 0 €, a per-loan rate once, and say when a rate is missing', () => {
    const free = bookingLines(
      booking('chairs', 40, '2027-05-14', '2027-05-17'),
      resources,
      pricing([rate('chairs', 'day', 31, { free: true })]),
    )
    expect(free).toMatchObject([{ free: true, units: 4, amountCents: 0 }])
    const loan = bookingLines(
      booking('chairs', 3, '2027-05-14', '2027-05-17'),
      resources,
      pricing([rate('chairs', 'loan', 5000)]),
    )
    // 3 units × 1 loan × 5 000 = 15 000.
    expect(loan).toMatchObject([{ units: 1, unit: 'loan', amountCents: 15_000 }])
    const missing = bookingLines(booking('chairs', 40, '2027-05-14', '2027-05-17'), resources, pricing([]))
    expect(missing).toMatchObject([{ rateSource: 'missing', amountCents: 0 }])
    expect(missing[0]?.detail).toBe('Aucun tarif défini pour cette ressource : à compléter dans les tarifs.')
  })

  it('charge damaged or missing units at their replacement value on a separate line', () => {
    const line = damageLine(booking('chairs', 40, '2027-05-14', '2027-05-17'), chairs, {
      resourceId: 'chairs',
      quantity: 3,
      unitValueCents: 1800,
      confirmedDate: '2027-05-18',
    })
    // 3 chairs × 18,00 € = 5 400 cents, dated by the confirmation.
    expect(line).toMatchObject({
      kind: 'damage',
      quantity: 3,
      rateCents: 1800,
      amountCents: 5400,
      date: '2027-05-18',
    })
  })

  it('read back the note of a line carried to another statement, and no other part of its detail', () => {
    const [free] = bookingLines(
      booking('chairs', 40, '2027-05-14', '2027-05-17'),
      resources,
      pricing([rate('chairs', 'day', 31, { free: true })]),
    )
    expect(free?.detail).toBe('40 × 4 jours × 0,31\u00a0€ — gratuit pour les communes membres')
    expect(carryNoteOf(free!)).toBeNull()
    const carried = withCarryNote(free!, 'reporté : absent du relevé REL-2027-0001, qui couvre ce jour')
    expect(carried.detail).toBe(
      '40 × 4 jours × 0,31\u00a0€ — gratuit pour les communes membres — reporté : absent du relevé REL-2027-0001, qui couvre ce jour',
    )
    expect(carryNoteOf(carried)).toBe('Reporté : absent du relevé REL-2027-0001, qui couvre ce jour')
    expect(carryNoteOf(withCarryNote(free!, 'facturé sur le relevé REL-2027-0002'))).toBe(
      'Facturé sur le relevé REL-2027-0002',
    )
  })
})
