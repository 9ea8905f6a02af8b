/**
 * The usage report (« bilan d'utilisation », issue 7) as a pure function: for a period of local
 * dates `[from, to]` (Europe/Paris, both inclusive), per resource, category or commune, the unit-days
 * used (Σ quantity × local days covered inside the period), the share of the unit-days available
 * (days in the period × units owned), the communes that used it and their shares, the uses (one per
 * booking line), the cost per use (purchase value ÷ uses), the amount at the rates in force, the idle
 * resources and the month-by-month series.
 *
 * Bookings counted are those the cost report charges (approved, checked out, returned) overlapping
 * the period, clipped to it; their amounts (cost lines) belong to the month of their first day, as on
 * statements, so only bookings starting inside the period bring an amount.
 */
import type {
  CostLine,
  IdleResource,
  UsageGrouping,
  UsageMonth,
  UsageReport,
  UsageRow,
  UsageShare,
} from '../domain/costs'
import { addDaysToDate, daysBetween, startOfLocalDate } from '../time'
import { countDaysWithin, coveredDates, HOUR_MS, type CountedPeriod } from './counting'
import { roundHalfUp } from './money'

/** A booking as the report reads it. */
export interface UsageBooking {
  readonly id: string
  readonly communeId: string
  readonly period: CountedPeriod
  readonly items: readonly { readonly resourceId: string; readonly quantity: number }[]
}

/** A resource as the report reads it. */
export interface UsageResource {
  readonly id: string
  readonly name: string
  readonly categoryId: string | null
  readonly quantity: number
  readonly purchaseValueCents: number | null
  readonly archived: boolean
}

/** Everything the report is made from. */
export interface UsageData {
  readonly from: string
  readonly to: string
  readonly groupBy: UsageGrouping
  readonly bookings: readonly UsageBooking[]
  readonly resources: readonly UsageResource[]
  readonly categories: readonly {
    readonly id: string
    readonly name: string
    readonly parentId: string | null
  }[]
  readonly communes: readonly { readonly id: string; readonly name: string }[]
  /** Use lines of the bookings starting in the period (damage lines are ignored). */
  readonly lines: readonly CostLine[]
}

/** The calendar months (`YYYY-MM`, first and last day inside the period) of `[from, to]`. */
export function monthsOf(from: string, to: string): { month: string; first: string; last: string }[] {
  const months: { month: string; first: string; last: string }[] = []
  let first = from
  while (first <= to) {
    const [y, m] = first.split('-').map(Number) as [number, number]
    const next = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`
    const last = addDaysToDate(next, -1) < to ? addDaysToDate(next, -1) : to
    months.push({ month: first.slice(0, 7), first, last })
    first = next
  }
  return months
}

const ratio = (used: number, available: number) => (available > 0 ? used / available : 0)

/** One booking line's contribution to a row. */
interface Use {
  readonly communeId: string
  readonly days: number
  readonly hours: number
  readonly byMonth: ReadonlyMap<string, number>
  /** Month of the first day used inside the period. */
  readonly month: string
}

interface Accumulator {
  key: string | null
  label: string
  units: number
  purchaseValueCents: number
  resources: Set<string>
  uses: Use[]
  amounts: Map<string, number>
}

/** Builds the usage report (see the module comment). */
export function buildUsageReport(data: UsageData): UsageReport {
  const { from, to, groupBy } = data
  const daysInPeriod = daysBetween(from, to) + 1
  const months = monthsOf(from, to)
  const windowStart = startOfLocalDate(from)
  const windowEnd = startOfLocalDate(addDaysToDate(to, 1))
  const categories = new Map(data.categories.map((c) => [c.id, c]))
  const communes = new Map(data.communes.map((c) => [c.id, c.name]))
  const categoryLabel = (id: string | null) => {
    const category = id === null ? undefined : categories.get(id)
    if (!category) return 'Sans catégorie'
    const parent = category.parentId === null ? undefined : categories.get(category.parentId)
    return parent ? `${parent.name} › ${category.name}` : category.name
  }

  const usesOf = new Map<string, Use[]>()
  for (const booking of data.bookings) {
    const { first } = coveredDates(booking.period)
    const hours = booking.period.allDay
      ? 0
      : Math.max(0, Math.min(booking.period.end, windowEnd) - Math.max(booking.period.start, windowStart)) /
        HOUR_MS
    for (const item of booking.items) {
      const days = item.quantity * countDaysWithin(booking.period, from, to)
      if (days === 0) continue
      const byMonth = new Map(
        months.map((m) => [m.month, item.quantity * countDaysWithin(booking.period, m.first, m.last)]),
      )
      const use: Use = {
        communeId: booking.communeId,
        days,
        hours: hours * item.quantity,
        byMonth,
        month: (first > from ? first : from).slice(0, 7),
      }
      usesOf.set(item.resourceId, [...(usesOf.get(item.resourceId) ?? []), use])
    }
  }
  const shown = data.resources.filter((r) => !r.archived || usesOf.has(r.id))
  const amountOf = new Map<string, Map<string, number>>()
  for (const line of data.lines) {
    if (line.kind !== 'use') continue
    const key = groupBy === 'commune' ? line.communeId : line.resourceId
    const perMonth = amountOf.get(key) ?? new Map<string, number>()
    perMonth.set(line.date.slice(0, 7), (perMonth.get(line.date.slice(0, 7)) ?? 0) + line.amountCents)
    amountOf.set(key, perMonth)
  }
  const addAmounts = (target: Map<string, number>, source: Map<string, number> | undefined) => {
    for (const [month, cents] of source ?? []) target.set(month, (target.get(month) ?? 0) + cents)
  }

  const rows = new Map<string, Accumulator>()
  const accumulator = (key: string | null, label: string): Accumulator => {
    const id = key ?? ''
    let acc = rows.get(id)
    if (!acc) {
      acc = {
        key,
        label,
        units: 0,
        purchaseValueCents: 0,
        resources: new Set(),
        uses: [],
        amounts: new Map(),
      }
      rows.set(id, acc)
    }
    return acc
  }
  const totalUnits = shown.reduce((sum, r) => sum + r.quantity, 0)
  if (groupBy === 'commune') {
    for (const [communeId, name] of communes) {
      const uses = shown.flatMap((r) => (usesOf.get(r.id) ?? []).filter((u) => u.communeId === communeId))
      if (uses.length === 0) continue
      const acc = accumulator(communeId, name)
      acc.units = totalUnits
      acc.uses.push(...uses)
      addAmounts(acc.amounts, amountOf.get(communeId))
    }
  } else {
    for (const resource of shown) {
      const acc =
        groupBy === 'resource'
          ? accumulator(resource.id, resource.name)
          : accumulator(resource.categoryId, categoryLabel(resource.categoryId))
      acc.units += resource.quantity
      acc.purchaseValueCents += resource.purchaseValueCents ?? 0
      acc.resources.add(resource.id)
      acc.uses.push(...(usesOf.get(resource.id) ?? []))
      addAmounts(acc.amounts, amountOf.get(resource.id))
    }
  }

  const allDays = [...usesOf.values()].flat().reduce((sum, u) => sum + u.days, 0)
  const toRow = (acc: Accumulator): UsageRow => {
    const daysUsed = acc.uses.reduce((sum, u) => sum + u.days, 0)
    const daysAvailable = daysInPeriod * acc.units
    const shares = new Map<string, { days: number; uses: number }>()
    for (const use of acc.uses) {
      const share = shares.get(use.communeId) ?? { days: 0, uses: 0 }
      shares.set(use.communeId, { days: share.days + use.days, uses: share.uses + 1 })
    }
    const whole = groupBy === 'commune' ? allDays : daysUsed
    const communeShares: UsageShare[] = [...shares]
      .map(([communeId, s]) => ({
        communeId,
        communeName: communes.get(communeId) ?? '?',
        daysUsed: s.days,
        share: ratio(s.days, whole),
        uses: s.uses,
      }))
      .sort((a, b) => b.daysUsed - a.daysUsed || a.communeName.localeCompare(b.communeName, 'fr'))
    const uses = acc.uses.length
    return {
      key: acc.key,
      label: acc.label,
      units: acc.units,
      daysUsed,
      daysAvailable,
      shareUsed: ratio(daysUsed, daysAvailable),
      hoursUsed: acc.uses.reduce((sum, u) => sum + u.hours, 0),
      uses,
      purchaseValueCents: acc.purchaseValueCents,
      costPerUseCents:
        uses > 0 && acc.purchaseValueCents > 0
          ? roundHalfUp(BigInt(acc.purchaseValueCents), BigInt(uses))
          : null,
      amountCents: [...acc.amounts.values()].reduce((sum, c) => sum + c, 0),
      communes: communeShares,
      months: months.map((m) => {
        const used = acc.uses.reduce((sum, u) => sum + (u.byMonth.get(m.month) ?? 0), 0)
        const available = (daysBetween(m.first, m.last) + 1) * acc.units
        return {
          month: m.month,
          daysUsed: used,
          daysAvailable: available,
          shareUsed: ratio(used, available),
          uses: acc.uses.filter((u) => u.month === m.month).length,
          amountCents: acc.amounts.get(m.month) ?? 0,
        }
      }),
    }
  }
  const built = [...rows.values()]
    .map(toRow)
    .sort((a, b) => b.shareUsed - a.shareUsed || a.label.localeCompare(b.label, 'fr'))

  const idle: IdleResource[] = shown
    .filter((r) => !r.archived && !usesOf.has(r.id))
    .map((r) => ({
      resourceId: r.id,
      name: r.name,
      categoryId: r.categoryId,
      categoryName: r.categoryId === null ? null : categoryLabel(r.categoryId),
      purchaseValueCents: r.purchaseValueCents,
    }))
  const everything = toRow({
    key: null,
    label: 'Total',
    units: totalUnits,
    purchaseValueCents: 0,
    resources: new Set(),
    uses: shown.flatMap((r) => usesOf.get(r.id) ?? []),
    amounts: (() => {
      const all = new Map<string, number>()
      for (const perMonth of amountOf.values()) addAmounts(all, perMonth)
      return all
    })(),
  })
  const monthsTotal: readonly UsageMonth[] = everything.months
  return {
    from,
    to,
    groupBy,
    daysInPeriod,
    rows: built,
    idle,
    months: monthsTotal,
    totals: {
      daysUsed: everything.daysUsed,
      daysAvailable: everything.daysAvailable,
      shareUsed: everything.shareUsed,
      uses: everything.uses,
      amountCents: everything.amountCents,
    },
  }
}
