/**
 * The lines of a cost report (issue 7), as pure functions: one line per booking item (one per
 * surcharge band for agents), a separate line per confirmed damage charge. The rate applied is the
 * one in force on the booking's first local day (Europe/Paris), and so is the hub's settings version;
 * amounts are rounded half up, once per line (./money.ts).
 */
import type { CostLine, HubSettings, Rate, RateSource, RateUnit } from '../domain/costs'
import type { ResourceKind } from '../domain/types'
import { formatPeriodFr } from '../time'
import { bandLabels, bandPercent, billedQuarters, countDays, countHalfDays, coveredDates } from './counting'
import type { CountedPeriod } from './counting'
import { formatEuros, formatNumberFr, lineAmountCents } from './money'

/** What the lines read of a booking. */
export interface CostBooking {
  readonly id: string
  readonly reference: string
  readonly title: string
  readonly communeId: string
  readonly period: CountedPeriod
  readonly items: readonly { readonly resourceId: string; readonly quantity: number }[]
}

/** What the lines read of a resource. */
export interface CostResource {
  readonly id: string
  readonly name: string
  readonly kind: ResourceKind
  readonly areaM2: number | null
}

/** The rates and settings in force on a local date, and the French public holidays. */
export interface Pricing {
  /** The resource's rate in force on `date` (`YYYY-MM-DD`), or null when it never had one then. */
  rateFor(resourceId: string, date: string): Rate | null
  /** The hub's settings in force on `date`. */
  settingsFor(date: string): HubSettings
  /** Local dates of the French public holidays over the bookings' periods. */
  readonly holidays: ReadonlySet<string>
}

/** French name of each unit, for tables. */
export const unitLabels: Record<RateUnit | 'unit', string> = {
  day: 'jour',
  half_day: 'demi-journée',
  hour: 'heure',
  m2_day: 'm² × jour',
  loan: 'prêt',
  none: '—',
  unit: 'unité',
}

function plural(n: number, one: string, many: string): string {
  return `${formatNumberFr(n)} ${n >= 2 ? many : one}`
}

/** `3 h 15`, `12 h` for a number of quarter hours. */
export function formatQuarters(quarters: number): string {
  const hours = Math.floor(quarters / 4)
  const minutes = (quarters % 4) * 15
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`
}

type LineBase = Pick<
  CostLine,
  | 'bookingId'
  | 'bookingReference'
  | 'bookingTitle'
  | 'communeId'
  | 'resourceId'
  | 'resourceName'
  | 'periodText'
  | 'date'
  | 'quantity'
>

function useLine(
  base: LineBase,
  fields: Omit<CostLine, keyof LineBase | 'kind' | 'amountCents' | 'detail' | 'bandLabel'> & {
    readonly unitsScaled: number
    readonly unitScale: number
    readonly countText: string
    readonly bandLabel?: string
    /** Replaces the computed detail (a line that cannot be counted says why). */
    readonly detail?: string
  },
): CostLine {
  const { unitsScaled, unitScale, countText, bandLabel = '', detail, ...line } = fields
  const areaHundredths = line.areaM2 === null ? null : Math.round(line.areaM2 * 100)
  // A line whose rate is missing is shown at 0 € for the manager to complete.
  const amountCents =
    line.free || line.rateSource === 'missing'
      ? 0
      : lineAmountCents(
          base.quantity,
          areaHundredths,
          unitsScaled,
          unitScale,
          line.rateCents,
          line.surchargePercent,
        )
  const quantityText = base.quantity === 1 ? '' : `${base.quantity} × `
  const areaText = line.areaM2 === null ? '' : `${formatNumberFr(line.areaM2)} m² × `
  const rateText = `${formatEuros(line.rateCents)}${line.unit === 'm2_day' ? '/m²' : ''}`
  const surchargeText = line.surchargePercent > 0 ? ` + ${line.surchargePercent} %` : ''
  const freeText = line.free ? ' — gratuit pour les communes membres' : ''
  return {
    ...base,
    ...line,
    kind: 'use',
    bandLabel,
    amountCents,
    detail: detail ?? `${quantityText}${areaText}${countText} × ${rateText}${surchargeText}${freeText}`,
  }
}

/**
 * The lines of one booking: per item, at the resource's rate in force on the booking's first day; an
 * agent without a rate of its own at the hub's agent hourly rate (split by surcharge bands), a vehicle
 * at the hub's vehicle hourly rate; an item without any rate gets a 0 € line saying so, so that the
 * manager sees it. A per-m² rate without the resource's area is counted the same way, at 0 €.
 * @param resources the booking's resources by id (an item whose resource is missing is skipped)
 */
export function bookingLines(
  booking: CostBooking,
  resources: ReadonlyMap<string, CostResource>,
  pricing: Pricing,
): CostLine[] {
  const date = coveredDates(booking.period).first
  const settings = pricing.settingsFor(date)
  const periodText = formatPeriodFr(booking.period)
  return booking.items.flatMap((item): CostLine[] => {
    const resource = resources.get(item.resourceId)
    if (!resource) return []
    const base: LineBase = {
      bookingId: booking.id,
      bookingReference: booking.reference,
      bookingTitle: booking.title,
      communeId: booking.communeId,
      resourceId: resource.id,
      resourceName: resource.name,
      periodText,
      date,
      quantity: item.quantity,
    }
    const rate = pricing.rateFor(resource.id, date)
    const hubRate =
      resource.kind === 'staff'
        ? { cents: settings.agentHourlyRateCents, source: 'agent' as const }
        : resource.kind === 'vehicle'
          ? { cents: settings.vehicleHourlyRateCents, source: 'vehicle' as const }
          : null
    const unit: RateUnit = rate && rate.unit !== 'none' ? rate.unit : hubRate ? 'hour' : 'none'
    const rateCents = rate && rate.unit !== 'none' ? rate.amountCents : (hubRate?.cents ?? 0)
    const source: RateSource = rate && rate.unit !== 'none' ? 'resource' : (hubRate?.source ?? 'missing')
    const common = {
      unit,
      areaM2: null,
      rateCents,
      rateSource: source,
      surchargePercent: 0,
      free: rate?.free ?? false,
    }
    switch (unit) {
      case 'day': {
        const days = countDays(booking.period)
        return [
          useLine(base, {
            ...common,
            units: days,
            unitsScaled: days,
            unitScale: 1,
            countText: plural(days, 'jour', 'jours'),
          }),
        ]
      }
      case 'half_day': {
        const halves = countHalfDays(booking.period)
        const countText = plural(halves, 'demi-journée', 'demi-journées')
        return [useLine(base, { ...common, units: halves, unitsScaled: halves, unitScale: 1, countText })]
      }
      case 'm2_day': {
        const days = countDays(booking.period)
        const countText = plural(days, 'jour', 'jours')
        if (resource.areaM2 === null) {
          const detail = `Surface en m² non renseignée : complétez la fiche de « ${resource.name} ».`
          return [
            useLine(base, {
              ...common,
              rateSource: 'missing',
              units: days,
              unitsScaled: days,
              unitScale: 1,
              countText,
              detail,
            }),
          ]
        }
        return [
          useLine(base, {
            ...common,
            areaM2: resource.areaM2,
            units: days,
            unitsScaled: days,
            unitScale: 1,
            countText,
          }),
        ]
      }
      case 'loan':
        return [useLine(base, { ...common, units: 1, unitsScaled: 1, unitScale: 1, countText: '1 prêt' })]
      case 'hour': {
        const surcharges = resource.kind === 'staff' ? settings.surcharges : null
        return billedQuarters(booking.period, settings.allDayHours, surcharges, pricing.holidays).map(
          ({ band, quarters }) =>
            useLine(base, {
              ...common,
              surchargePercent: surcharges ? bandPercent(band, surcharges) : 0,
              // Vehicles and equipment per hour have no bands to name.
              bandLabel: surcharges ? bandLabels[band] : '',
              units: quarters / 4,
              unitsScaled: quarters,
              unitScale: 4,
              countText: `${formatQuarters(quarters)}${surcharges ? ` (${bandLabels[band]})` : ''}`,
            }),
        )
      }
      case 'none':
        return [
          useLine(base, {
            ...common,
            units: 0,
            unitsScaled: 0,
            unitScale: 1,
            countText: '',
            detail: 'Aucun tarif défini pour cette ressource : à compléter dans les tarifs.',
          }),
        ]
    }
  })
}

/** A damage charge as the lines read it. */
export interface CostDamage {
  readonly resourceId: string
  readonly quantity: number
  readonly unitValueCents: number
  /** Local date of the manager's confirmation, `YYYY-MM-DD`. */
  readonly confirmedDate: string
}

/**
 * The line of damaged or missing units the manager confirmed: `quantity × unitValueCents`, dated by
 * the confirmation (it belongs to the statement of the period holding that day).
 */
export function damageLine(booking: CostBooking, resource: CostResource, damage: CostDamage): CostLine {
  return {
    kind: 'damage',
    bookingId: booking.id,
    bookingReference: booking.reference,
    bookingTitle: booking.title,
    communeId: booking.communeId,
    resourceId: resource.id,
    resourceName: resource.name,
    periodText: formatPeriodFr(booking.period),
    date: damage.confirmedDate,
    quantity: damage.quantity,
    units: 1,
    unit: 'unit',
    areaM2: null,
    rateCents: damage.unitValueCents,
    rateSource: 'replacement',
    surchargePercent: 0,
    bandLabel: '',
    free: false,
    amountCents: lineAmountCents(damage.quantity, null, 1, 1, damage.unitValueCents, 0),
    detail: `${damage.quantity} × ${formatEuros(damage.unitValueCents)} (abîmé ou manquant, valeur de remplacement)`,
  }
}

/** A carry note at the end of a line's detail (see `withCarryNote`). */
const CARRY_NOTE = / — ((?:reporté|facturé sur le relevé) [^—]*)$/

/**
 * The line with a note at the end of its detail saying why it lies outside the usual period of its
 * statement (the backend's cost report: an item accepted after the statement of its day, a damage
 * decided on a day an issued statement covers, a line billed by another statement).
 * @param note French, starting with « reporté » or « facturé sur le relevé »
 * @example withCarryNote(line, 'reporté : absent du relevé REL-2027-0001, qui couvre ce jour')
 */
export function withCarryNote(line: CostLine, note: string): CostLine {
  return { ...line, detail: `${line.detail} — ${note}` }
}

/** The carry note of a line (`withCarryNote`) with a capital, or null when it has none. */
export function carryNoteOf(line: Pick<CostLine, 'detail'>): string | null {
  const note = CARRY_NOTE.exec(line.detail)?.[1]
  return note === undefined ? null : `${note.charAt(0).toUpperCase()}${note.slice(1)}`
}
