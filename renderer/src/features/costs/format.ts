/**
 * How cost sharing reads in the interface: amounts in euros (`1 234,56 €`, Intl fr-FR), rate units in
 * French (« par jour », « par m² et par jour »), the units counted on a cost line, surcharges and
 * percentages. Pure functions, no DOM, no store; the amounts themselves come from the backend or from
 * shared/costs, never recomputed here.
 */
import { formatQuarters } from '../../../../shared/costs/lines'
import { lineAmountCents } from '../../../../shared/costs/money'
import type { CostLine, Rate, RateUnit } from '../../../../shared/domain/costs'

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

/**
 * Cents → `1 234,56 €` as Intl fr-FR writes it (thousands grouped with U+202F, U+00A0 before the
 * sign), `0,00 €`, `-5,00 €`.
 */
export function formatAmount(cents: number): string {
  return euros.format(cents / 100)
}

/** `24`, `3,25`, `1 200` (French decimal comma, at most two decimals). */
export function formatNumber(value: number): string {
  return decimal.format(value)
}

/**
 * A ratio 0–1 as a French percentage: `0.4567` → `46 %` (digits 0) or `45,7 %` (digits 1); the
 * space before `%` is U+00A0, as Intl fr-FR writes it.
 */
export function formatPercent(ratio: number, digits = 0): string {
  return new Intl.NumberFormat('fr-FR', {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(ratio)
}

/** The unit of a rate after its amount: `par jour`, `par demi-journée`, `par heure`, `par m² et par jour`, `par prêt`. */
export const rateUnitLabels: Record<RateUnit, string> = {
  day: 'par jour',
  half_day: 'par demi-journée',
  hour: 'par heure',
  m2_day: 'par m² et par jour',
  loan: 'par prêt',
  none: 'sans tarif',
}

/**
 * The badge classes of a rate or a settings version by its state today: in force (green), to come
 * (amber), replaced (grey).
 */
export const validityBadgeClass: Record<'current' | 'future' | 'past', string> = {
  current: 'badge badge--approved',
  future: 'badge badge--requested',
  past: 'badge costs-state--past',
}

/** The units offered when setting a rate, in the order of the select. */
export const rateUnitOptions: readonly { readonly value: RateUnit; readonly label: string }[] = [
  { value: 'day', label: 'Par jour' },
  { value: 'half_day', label: 'Par demi-journée' },
  { value: 'hour', label: 'Par heure' },
  { value: 'm2_day', label: 'Par m² et par jour' },
  { value: 'loan', label: 'Par prêt' },
  { value: 'none', label: 'Sans tarif (retiré)' },
]

/**
 * A rate as a sentence fragment: `0,31 € par jour`, `7,80 € par m² et par jour`, `Sans tarif`.
 * With `areaM2` for a per-m² rate, the price of one day of the whole resource follows (computed by
 * shared/costs/money): `7,80 € par m² et par jour (24 m² : 187,20 € par jour)`.
 */
export function formatRate(rate: Pick<Rate, 'unit' | 'amountCents'>, areaM2: number | null = null): string {
  if (rate.unit === 'none') return 'Sans tarif'
  const base = `${formatAmount(rate.amountCents)} ${rateUnitLabels[rate.unit]}`
  if (rate.unit !== 'm2_day' || areaM2 === null) return base
  const perDay = lineAmountCents(1, Math.round(areaM2 * 100), 1, 1, rate.amountCents, 0)
  return `${base} (${formatNumber(areaM2)} m² : ${formatAmount(perDay)} par jour)`
}

function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n >= 2 ? many : one}`
}

/**
 * What a cost line counted, for the « Unités » column: `4 jours`, `3 demi-journées`, `3 h 15`
 * (hours in quarter hours), `2 jours × 24 m²`, `1 prêt`, `remplacement` (damage), `—` (no rate).
 */
export function lineUnitsText(line: Pick<CostLine, 'unit' | 'units' | 'areaM2' | 'quantity'>): string {
  switch (line.unit) {
    case 'day':
      return plural(line.units, 'jour', 'jours')
    case 'half_day':
      return plural(line.units, 'demi-journée', 'demi-journées')
    case 'hour':
      return formatQuarters(Math.round(line.units * 4))
    case 'm2_day':
      return line.areaM2 === null
        ? plural(line.units, 'jour', 'jours')
        : `${plural(line.units, 'jour', 'jours')} × ${formatNumber(line.areaM2)} m²`
    case 'loan':
      return plural(line.units, 'prêt', 'prêts')
    case 'unit':
      return 'remplacement'
    case 'none':
      return '—'
  }
}

const shortUnits: Record<RateUnit | 'unit', string> = {
  day: '/jour',
  half_day: '/demi-journée',
  hour: '/h',
  m2_day: '/m²/jour',
  loan: '/prêt',
  unit: '/unité',
  none: '',
}

/** The « Tarif » column: `0,31 €/jour`, `18,00 €/h`, `7,80 €/m²/jour`, `450,00 €/unité`; `—` without a rate. */
export function lineRateText(line: Pick<CostLine, 'unit' | 'rateCents' | 'rateSource'>): string {
  if (line.unit === 'none' || line.rateSource === 'missing') return '—'
  return `${formatAmount(line.rateCents)}${shortUnits[line.unit]}`
}

/** The « Majoration » column: `+25 % (nuit)`, `+50 % (nuit de dimanche ou jour férié)`, or '' when none. */
export function surchargeText(line: Pick<CostLine, 'surchargePercent' | 'bandLabel'>): string {
  if (line.surchargePercent === 0) return ''
  return `+${line.surchargePercent}\u00a0%${line.bandLabel ? ` (${line.bandLabel})` : ''}`
}

/** Where a line's rate came from, said to the manager; null when it is the resource's own rate. */
export function rateSourceNote(line: Pick<CostLine, 'rateSource' | 'free' | 'kind'>): string | null {
  if (line.kind === 'damage') return 'Abîmé ou manquant, à la valeur de remplacement'
  if (line.free) return 'Gratuit pour les communes membres'
  switch (line.rateSource) {
    case 'agent':
      return 'Taux horaire des agents du pôle'
    case 'vehicle':
      return 'Taux horaire des véhicules du pôle'
    case 'missing':
      return 'Sans tarif : à compléter'
    case 'resource':
    case 'replacement':
      return null
  }
}
