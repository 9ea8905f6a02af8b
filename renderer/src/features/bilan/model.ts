/**
 * The Bilan page's reading of a usage report (`reports.usage`): the data each chart draws (shares in
 * percent, French month labels, the communes' parts), the detail table's texts and the idle
 * resources. Pure functions, no DOM, no store; every figure comes from the backend, only reshaped,
 * sorted and summed here.
 */
import type { UsageGrouping, UsageMonth, UsageReport, UsageRow } from '../../../../shared/domain/costs'
import { formatLocalDatePattern } from '../../lib/dates'
import { formatAmount, formatNumber, formatPercent } from '../costs/format'

/** A ratio 0–1 → percent with one decimal (`0.45678` → 45.7), what the charts plot. */
export function toPercent(ratio: number): number {
  return Math.round(ratio * 1000) / 10
}

/** `45,7 %` for an axis or a bar label (value already in percent). */
export function percentLabel(percent: number): string {
  return `${formatNumber(Math.round(percent * 10) / 10)}\u00a0%`
}

/**
 * `2026-12` → `déc.` on an axis of one calendar year, `déc. 26` when the months span several years,
 * `décembre 2026` with `long`.
 */
export function monthLabel(month: string, format: 'short' | 'withYear' | 'long' = 'short'): string {
  const pattern = format === 'long' ? 'MMMM yyyy' : format === 'withYear' ? 'MMM yy' : 'MMM'
  return formatLocalDatePattern(`${month}-01`, pattern)
}

const STEPS = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25] as const

/**
 * Round ticks for an axis of percentages from 0 to at least `max` (and at least `minTop`), at most
 * six intervals: `niceTicks(0.4)` → `[0, 0.2, 0.4, 0.6, 0.8, 1]`, `niceTicks(37)` → `[0, 10, 20, 30, 40]`.
 * Never above 100.
 */
export function niceTicks(max: number, minTop = 1): number[] {
  const top = Math.min(100, Math.max(max, minTop))
  const step = STEPS.find((s) => top / s <= 6) ?? 20
  const count = Math.min(Math.ceil(top / step - 1e-9), Math.round(100 / step))
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 100) / 100)
}

/** A label shortened for an axis: at most `max` characters, ending with `…` when cut. */
export function shortLabel(label: string, max = 46): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`
}

/** What a row is called in titles: `ressource`, `catégorie`, `commune`. */
export const groupingNames: Record<UsageGrouping, { readonly one: string; readonly title: string }> = {
  resource: { one: 'ressource', title: 'Par ressource' },
  category: { one: 'catégorie', title: 'Par catégorie' },
  commune: { one: 'commune', title: 'Par commune' },
}

/** One bar of the « taux d’utilisation » chart. */
export interface ShareBar {
  readonly key: string
  readonly label: string
  readonly axisLabel: string
  /** Share of the unit-days available that were used, percent (one decimal). */
  readonly share: number
  readonly daysUsed: number
  readonly uses: number
}

/**
 * The rows as bars, highest share first (then by name), at most `limit`; rows of a commune report
 * keep their order of days used.
 */
export function shareBars(rows: readonly UsageRow[], limit = 15): ShareBar[] {
  return [...rows]
    .sort((a, b) => b.shareUsed - a.shareUsed || a.label.localeCompare(b.label, 'fr'))
    .slice(0, limit)
    .map((row) => ({
      key: row.key ?? 'none',
      label: row.label,
      axisLabel: shortLabel(row.label),
      share: toPercent(row.shareUsed),
      daysUsed: row.daysUsed,
      uses: row.uses,
    }))
}

/** One point of the month-by-month chart: the hub's share, and that of each followed row. */
export type TrendPoint = {
  readonly month: string
  readonly label: string
  readonly total: number
} & Readonly<Record<string, number | string>>

/** A line of the month-by-month chart besides the hub's total. */
export interface TrendSeries {
  /** Key in each point: `r0`, `r1`… */
  readonly dataKey: string
  readonly name: string
}

/**
 * The month-by-month series: the hub's share used each month (`total`) and the `top` rows used the
 * most over the period (`r0`, `r1`…), in percent.
 */
export function trendData(report: UsageReport, top = 3): { points: TrendPoint[]; series: TrendSeries[] } {
  const followed = [...report.rows]
    .filter((row) => row.daysUsed > 0)
    .sort((a, b) => b.daysUsed - a.daysUsed || a.label.localeCompare(b.label, 'fr'))
    .slice(0, top)
  const series = followed.map((row, index) => ({ dataKey: `r${index}`, name: shortLabel(row.label) }))
  const years = new Set(report.months.map((m) => m.month.slice(0, 4)))
  const points = report.months.map((month: UsageMonth) => {
    const point: Record<string, number | string> = {
      month: month.month,
      label: monthLabel(month.month, years.size > 1 ? 'withYear' : 'short'),
      total: toPercent(month.shareUsed),
    }
    followed.forEach((row, index) => {
      const own = row.months.find((m) => m.month === month.month)
      point[`r${index}`] = toPercent(own?.shareUsed ?? 0)
    })
    return point as TrendPoint
  })
  return { points, series }
}

/** A commune's part of all the unit-days used in the period. */
export interface CommuneSlice {
  readonly communeId: string
  readonly name: string
  readonly daysUsed: number
  /** Percent of the days used by all communes (one decimal). */
  readonly share: number
  readonly uses: number
}

/**
 * Each commune's part of the days used: the rows themselves for a commune report, else the sum of
 * each row's commune parts; largest first, communes with no use left out.
 */
export function communeSlices(report: UsageReport): CommuneSlice[] {
  const totals = new Map<string, { name: string; days: number; uses: number }>()
  const add = (id: string, name: string, days: number, uses: number) => {
    const entry = totals.get(id) ?? { name, days: 0, uses: 0 }
    totals.set(id, { name, days: entry.days + days, uses: entry.uses + uses })
  }
  if (report.groupBy === 'commune') {
    for (const row of report.rows) add(row.key ?? 'none', row.label, row.daysUsed, row.uses)
  } else {
    for (const row of report.rows)
      for (const c of row.communes) add(c.communeId, c.communeName, c.daysUsed, c.uses)
  }
  const all = [...totals.values()].reduce((sum, t) => sum + t.days, 0)
  return [...totals.entries()]
    .filter(([, t]) => t.days > 0)
    .map(([communeId, t]) => ({
      communeId,
      name: t.name,
      daysUsed: t.days,
      share: all > 0 ? toPercent(t.days / all) : 0,
      uses: t.uses,
    }))
    .sort((a, b) => b.daysUsed - a.daysUsed || a.name.localeCompare(b.name, 'fr'))
}

/** One line of the detail table, as shown. */
export interface DetailLine {
  readonly key: string
  readonly label: string
  readonly units: string
  /** `12 / 930` unit-days used of available. */
  readonly days: string
  readonly share: string
  readonly uses: string
  /** `540,00 €`, or `—` without uses or purchase value. */
  readonly costPerUse: string
  readonly amount: string
  /** `Tiffauges 61 %, La Gaubretière 28 %`, or `—`. */
  readonly communes: string
}

/** The detail table: every row of the report, in the backend's order. */
export function detailLines(rows: readonly UsageRow[]): DetailLine[] {
  return rows.map((row) => ({
    key: row.key ?? 'none',
    label: row.label,
    units: formatNumber(row.units),
    days: `${formatNumber(row.daysUsed)} / ${formatNumber(row.daysAvailable)}`,
    share: formatPercent(row.shareUsed, 1),
    uses: formatNumber(row.uses),
    costPerUse: row.costPerUseCents === null ? '—' : formatAmount(row.costPerUseCents),
    amount: formatAmount(row.amountCents),
    communes:
      row.communes.length === 0
        ? '—'
        : row.communes.map((c) => `${c.communeName} ${formatPercent(c.share)}`).join(', '),
  }))
}

/** One bar of the « coût par utilisation » chart (purchase value ÷ uses), euros. */
export interface CostBar {
  readonly key: string
  readonly label: string
  readonly axisLabel: string
  readonly euros: number
  readonly text: string
}

/** Rows with a cost per use, highest first, at most `limit`. */
export function costPerUseBars(rows: readonly UsageRow[], limit = 12): CostBar[] {
  return rows
    .filter((row): row is UsageRow & { costPerUseCents: number } => row.costPerUseCents !== null)
    .sort((a, b) => b.costPerUseCents - a.costPerUseCents || a.label.localeCompare(b.label, 'fr'))
    .slice(0, limit)
    .map((row) => ({
      key: row.key ?? 'none',
      label: row.label,
      axisLabel: shortLabel(row.label),
      euros: row.costPerUseCents / 100,
      text: formatAmount(row.costPerUseCents),
    }))
}

/** `1 234 €` for an axis of euros (no cents). */
export function eurosTick(euros: number): string {
  return new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(euros)
}

/** The headline figures of the period. */
export function headline(report: UsageReport): { label: string; value: string }[] {
  return [
    { label: 'Taux d’utilisation', value: formatPercent(report.totals.shareUsed, 1) },
    { label: 'Jours utilisés', value: formatNumber(report.totals.daysUsed) },
    { label: 'Utilisations', value: formatNumber(report.totals.uses) },
    { label: 'Montant refacturable', value: formatAmount(report.totals.amountCents) },
    { label: 'Ressources inutilisées', value: formatNumber(report.idle.length) },
  ]
}
