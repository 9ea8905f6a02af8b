/**
 * A resource's rates in the interface: the history (in force, past, coming) and the form that sets a
 * new rate from a date. Pure functions, no DOM, no store.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { Rate, RateUnit } from '../../../../shared/domain/costs'
import { addDaysToDate } from '../../../../shared/time'
import { formatDateText, parseDateText } from '../../lib/period'
import { formatCents, parseEuros } from '../inventory/amounts'

/** One rate with the day it stops applying and whether it is in force today. */
export interface RateRow {
  readonly rate: Rate
  /** Last local day it applies to (the day before the next rate), inclusive; null while no later rate. */
  readonly until: string | null
  /** `current`: in force today; `future`: applies from a later day; `past`: replaced. */
  readonly state: 'current' | 'past' | 'future'
}

/**
 * The rates of one resource, latest `validFrom` first, with their end and state on `today`
 * (`YYYY-MM-DD`, Europe/Paris).
 */
export function rateRows(rates: readonly Rate[], resourceId: string, today: string): RateRow[] {
  const own = rates
    .filter((r) => r.resourceId === resourceId)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))
  const currentIndex = own.findIndex((r) => r.validFrom <= today)
  return own.map((rate, index) => ({
    rate,
    until: index === 0 ? null : addDaysToDate(own[index - 1]!.validFrom, -1),
    state: index === currentIndex ? 'current' : rate.validFrom > today ? 'future' : 'past',
  }))
}

/** The rate in force today, or null (never rated, or only coming rates). */
export function currentRate(rows: readonly RateRow[]): Rate | null {
  return rows.find((row) => row.state === 'current')?.rate ?? null
}

/** The « Nouveau tarif » form as typed. Amounts in euros (`0,31`), the date `jj/mm/aaaa`. */
export interface RateDraft {
  readonly unit: RateUnit
  readonly amount: string
  readonly deposit: string
  readonly free: boolean
  readonly validFrom: string
  /** The resource's area in m², typed (`24`, `7,5`); used by per-m² rates. */
  readonly area: string
}

/** The form prefilled with the rate in force (or per day) from `today`, and the resource's area. */
export function rateDraftFrom(current: Rate | null, areaM2: number | null, today: string): RateDraft {
  const unit: RateUnit = current && current.unit !== 'none' ? current.unit : 'day'
  return {
    unit,
    amount: current && current.unit !== 'none' ? formatCents(current.amountCents) : '',
    deposit: current && current.depositCents > 0 ? formatCents(current.depositCents) : '',
    free: current?.free ?? false,
    validFrom: formatDateText(today),
    area: areaM2 === null ? '' : String(areaM2).replace('.', ','),
  }
}

/** The area typed → m² (`7,5` → 7.5); null when empty; NaN when it cannot be read. */
export function parseArea(text: string): number | null {
  const value = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
  if (value === '') return null
  return /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN
}

/**
 * What the form can tell before sending, as French messages keyed by API path (`amountCents`,
 * `depositCents`, `validFrom`, and `areaM2` for the resource's area): empty when it can be sent.
 */
export function rateDraftErrors(draft: RateDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  if (draft.unit !== 'none') {
    const amount = parseEuros(draft.amount)
    if (!amount.ok) errors.amountCents = amount.message
    else if (amount.value === null)
      errors.amountCents = 'Indiquez le montant du tarif (0 pour un prêt gratuit).'
  }
  const deposit = parseEuros(draft.deposit)
  if (!deposit.ok) errors.depositCents = deposit.message
  if (parseDateText(draft.validFrom) === null) {
    errors.validFrom = 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 01/01/2027).'
  }
  if (draft.unit === 'm2_day') {
    const area = parseArea(draft.area)
    if (area === null) errors.areaM2 = 'Un tarif au m² a besoin de la surface de la ressource.'
    else if (Number.isNaN(area) || area <= 0)
      errors.areaM2 = 'Surface non reconnue : écrivez-la en m², par ex. 24 ou 7,5.'
  }
  return errors
}

/** The `rates.set` input of a draft without errors (see `rateDraftErrors`). */
export function rateDraftToInput(resourceId: string, draft: RateDraft): MethodInput<'rates.set'> {
  const amount = parseEuros(draft.amount)
  const deposit = parseEuros(draft.deposit)
  return {
    resourceId,
    unit: draft.unit,
    ...(draft.unit === 'none' ? {} : { amountCents: amount.ok ? (amount.value ?? 0) : Number.NaN }),
    depositCents: deposit.ok ? (deposit.value ?? 0) : Number.NaN,
    free: draft.unit === 'none' ? false : draft.free,
    validFrom: parseDateText(draft.validFrom) ?? draft.validFrom,
  }
}

/**
 * The area to store before a per-m² rate, or null when the resource's area is already the one typed
 * (or the rate is not per m²).
 */
export function areaToSave(draft: RateDraft, currentAreaM2: number | null): number | null {
  if (draft.unit !== 'm2_day') return null
  const area = parseArea(draft.area)
  return area === null || Number.isNaN(area) || area === currentAreaM2 ? null : area
}
