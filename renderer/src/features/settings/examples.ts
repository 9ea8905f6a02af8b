/**
 * Worked examples of the counting rules, computed live by shared/costs (never re-implemented here)
 * with the hourly rates and surcharge bands being typed on the Paramètres page, so that the manager
 * sees what a change does before saving it. Dates are fixed days of 2027, Europe/Paris wall time.
 */
import { bookingLines, type CostResource } from '../../../../shared/costs/lines'
import type { CostLine, HubSettings, Rate, RateUnit } from '../../../../shared/domain/costs'
import { addDaysToDate, localToInstant, startOfLocalDate } from '../../../../shared/time'

export interface CountingExample {
  readonly key: string
  /** What is booked, in French. */
  readonly title: string
  readonly lines: readonly CostLine[]
  readonly totalCents: number
}

function rate(resourceId: string, unit: RateUnit, amountCents: number): Rate {
  return {
    id: `rate-${resourceId}`,
    resourceId,
    unit,
    amountCents,
    depositCents: 0,
    free: false,
    validFrom: '1900-01-01',
    createdAt: '2027-01-01T00:00:00.000Z',
    createdBy: '',
  }
}

const resources: readonly CostResource[] = [
  { id: 'chairs', name: 'Chaises', kind: 'equipment', areaM2: null },
  { id: 'podium', name: 'Podium', kind: 'equipment', areaM2: 24 },
  { id: 'agent', name: 'Agent', kind: 'staff', areaM2: null },
  { id: 'vehicle', name: 'Véhicule', kind: 'vehicle', areaM2: null },
]
const resourcesById = new Map(resources.map((r) => [r.id, r]))
const rates = new Map([
  ['chairs', rate('chairs', 'day', 31)],
  ['podium', rate('podium', 'm2_day', 780)],
])

function days(first: string, last: string) {
  return {
    start: startOfLocalDate(first),
    end: startOfLocalDate(addDaysToDate(last, 1)),
    allDay: true,
    startDate: first,
    endDate: last,
  }
}

function timed(
  date: string,
  hours: number,
  minutes: number,
  endDate: string,
  endHours: number,
  endMinutes: number,
) {
  return {
    start: localToInstant(date, hours, minutes),
    end: localToInstant(endDate, endHours, endMinutes),
    allDay: false,
    startDate: null,
    endDate: null,
  }
}

const cases = [
  {
    key: 'chairs',
    title: '40 chaises à 0,31 € par jour, prêtées du vendredi 14 au lundi 17 mai 2027',
    period: days('2027-05-14', '2027-05-17'),
    resourceId: 'chairs',
    quantity: 40,
  },
  {
    key: 'podium',
    title: 'Un podium de 24 m² à 7,80 € par m² et par jour, prêté 2 jours',
    period: days('2027-06-18', '2027-06-19'),
    resourceId: 'podium',
    quantity: 1,
  },
  {
    key: 'agent-weekend',
    title: 'Un agent du samedi 15 mai 2027 à 18 h au dimanche à 2 h',
    period: timed('2027-05-15', 18, 0, '2027-05-16', 2, 0),
    resourceId: 'agent',
    quantity: 1,
  },
  {
    key: 'agent-holiday',
    title: 'Un agent le mercredi 14 juillet 2027 (jour férié) de 8 h à 12 h',
    period: timed('2027-07-14', 8, 0, '2027-07-14', 12, 0),
    resourceId: 'agent',
    quantity: 1,
  },
  {
    key: 'vehicle',
    title: 'Un véhicule de 9 h à 12 h 10 (3 h 10, compté 3 h 15)',
    period: timed('2027-05-12', 9, 0, '2027-05-12', 12, 10),
    resourceId: 'vehicle',
    quantity: 1,
  },
  {
    key: 'vehicle-spring',
    title:
      'Un véhicule du samedi 27 mars 2027 à 20 h au dimanche à 8 h (passage à l’heure d’été : 11 h réelles)',
    period: timed('2027-03-27', 20, 0, '2027-03-28', 8, 0),
    resourceId: 'vehicle',
    quantity: 1,
  },
] as const

/** French public holidays the examples cross. */
const holidays: ReadonlySet<string> = new Set(['2027-07-14'])

/** The worked examples with `settings` (hourly rates, bands, hours of a whole day). */
export function countingExamples(settings: HubSettings): CountingExample[] {
  const pricing = {
    rateFor: (resourceId: string) => rates.get(resourceId) ?? null,
    settingsFor: () => settings,
    holidays,
  }
  return cases.map((c) => {
    const lines = bookingLines(
      {
        id: c.key,
        reference: 'EXEMPLE',
        title: c.title,
        communeId: '',
        period: c.period,
        items: [{ resourceId: c.resourceId, quantity: c.quantity }],
      },
      resourcesById,
      pricing,
    )
    return {
      key: c.key,
      title: c.title,
      lines,
      totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    }
  })
}
