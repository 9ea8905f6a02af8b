/**
 * The period a cost report or a bilan covers: local dates `YYYY-MM-DD` (Europe/Paris), both
 * inclusive, chosen as a calendar month, quarter or year (with « précédent » / « suivant ») or typed as
 * two dates. Pure functions, no DOM, no store.
 */
import { addDaysToDate, daysBetween, formatLocalDateFr } from '../../../../shared/time'
import { addMonthsToDate, formatLocalDatePattern, startOfMonth } from '../../lib/dates'
import { formatDateText, parseDateText } from '../../lib/period'

/** How the period is stepped: a calendar month, quarter or year, or two typed dates. */
export type Granularity = 'month' | 'quarter' | 'year' | 'custom'

export interface ReportPeriod {
  readonly granularity: Granularity
  /** First local day, `YYYY-MM-DD`. */
  readonly from: string
  /** Last local day, inclusive. */
  readonly to: string
}

const monthsIn: Record<Exclude<Granularity, 'custom'>, number> = { month: 1, quarter: 3, year: 12 }

/** The calendar month, quarter or year containing `date`. */
export function periodContaining(date: string, granularity: Exclude<Granularity, 'custom'>): ReportPeriod {
  const [y, m] = date.split('-').map(Number) as [number, number]
  const firstMonth = granularity === 'month' ? m : granularity === 'quarter' ? m - ((m - 1) % 3) : 1
  const from = `${y}-${String(firstMonth).padStart(2, '0')}-01`
  const to = addDaysToDate(addMonthsToDate(from, monthsIn[granularity]), -1)
  return { granularity, from, to }
}

/**
 * The period before (`-1`) or after (`+1`): the previous or next month, quarter or year; a typed
 * period moves by its own length in days.
 */
export function shiftPeriod(period: ReportPeriod, step: -1 | 1): ReportPeriod {
  if (period.granularity === 'custom') {
    const length = daysBetween(period.from, period.to) + 1
    return {
      granularity: 'custom',
      from: addDaysToDate(period.from, step * length),
      to: addDaysToDate(period.to, step * length),
    }
  }
  const from = addMonthsToDate(startOfMonth(period.from), step * monthsIn[period.granularity])
  return periodContaining(from, period.granularity)
}

/** The period of another granularity that contains the first day of this one. */
export function withGranularity(period: ReportPeriod, granularity: Granularity): ReportPeriod {
  return granularity === 'custom' ? { ...period, granularity } : periodContaining(period.from, granularity)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * The period as a title: `Décembre 2026`, `1er trimestre 2027`, `Année 2027`, or
 * `Du 01/12/2026 au 15/12/2026`.
 */
export function periodTitle(period: ReportPeriod): string {
  const year = period.from.slice(0, 4)
  switch (period.granularity) {
    case 'month':
      return capitalise(formatLocalDatePattern(period.from, 'MMMM yyyy'))
    case 'quarter': {
      const quarter = Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1
      return `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year}`
    }
    case 'year':
      return `Année ${year}`
    case 'custom':
      return `Du ${formatLocalDateFr(period.from)} au ${formatLocalDateFr(period.to)}`
  }
}

/** The two date fields of a typed period, as shown (`01/12/2026`). */
export function periodTexts(period: ReportPeriod): { readonly from: string; readonly to: string } {
  return { from: formatDateText(period.from), to: formatDateText(period.to) }
}

/** The longest period each page asks for, in days (the API refuses more). */
export const MAX_REPORT_DAYS = 366
export const MAX_USAGE_DAYS = 1096

/**
 * Two typed dates → a `custom` period, or the French message saying what to fix: a date not
 * understood, the end before the start, or longer than `maxDays`.
 */
export function typedPeriod(
  fromText: string,
  toText: string,
  maxDays: number,
): { readonly ok: true; readonly period: ReportPeriod } | { readonly ok: false; readonly message: string } {
  const from = parseDateText(fromText)
  const to = parseDateText(toText)
  if (from === null || to === null) {
    return { ok: false, message: 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 01/12/2026).' }
  }
  if (to < from) return { ok: false, message: 'La fin de la période doit suivre son début.' }
  if (daysBetween(from, to) >= maxDays) {
    return {
      ok: false,
      message: maxDays > 400 ? 'Un bilan couvre trois ans au plus.' : 'Un relevé couvre un an au plus.',
    }
  }
  return { ok: true, period: { granularity: 'custom', from, to } }
}
