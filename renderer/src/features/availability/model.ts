/**
 * The nearest free periods of the Disponibilités page, as pure functions: which resources to ask
 * `availability.suggest` about, how to merge their answers, how to write a proposal in French, and
 * how to turn it back into the search's period fields. Dates and hours are Europe/Paris wall time
 * (`instantToLocalDate`/`instantToLocalTime`), never the machine's zone.
 */
import type { SuggestedPeriod } from '../../../../shared/domain/calendar'
import type { Category, Resource, ResourceKind } from '../../../../shared/domain/types'
import { instantToLocalDate, instantToLocalTime } from '../../../../shared/time'
import { formatLocalDatePattern } from '../../lib/dates'
import type { PeriodValue } from '../../lib/period'
import { formatDateText } from '../../lib/period'

/** How many resources of a kind or category are asked about when none of them is free. */
export const MAX_SUGGESTION_CANDIDATES = 12
/** How many proposals are shown. */
export const SUGGESTIONS_SHOWN = 5

/** A proposed period and the resources free in it (one when a resource was searched). */
export interface Suggestion {
  readonly period: SuggestedPeriod
  readonly resourceNames: readonly string[]
}

/**
 * The active resources of a kind (all kinds when '') and of a category (a category includes its
 * sub-categories; all when ''), by name.
 */
export function matchingResources(
  resources: readonly Resource[],
  categories: readonly Category[],
  kind: ResourceKind | '',
  categoryId: string,
): Resource[] {
  const inCategory = (r: Resource) =>
    !categoryId ||
    r.categoryId === categoryId ||
    categories.some((c) => c.id === r.categoryId && c.parentId === categoryId)
  return resources
    .filter((r) => !r.archived && (!kind || r.kind === kind) && inCategory(r))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
}

/**
 * The resources worth asking about when nothing of a kind or category is free for `wanted` units:
 * active ones of that kind and category (a category includes its sub-categories) that could ever
 * lend that many (a unit resource lends 1), by name; at most `MAX_SUGGESTION_CANDIDATES`.
 */
export function suggestionCandidates(
  resources: readonly Resource[],
  categories: readonly Category[],
  kind: ResourceKind | '',
  categoryId: string,
  wanted: number,
): Resource[] {
  return matchingResources(resources, categories, kind, categoryId)
    .filter((r) => (r.tracking === 'stock' ? r.quantity - r.outOfServiceQuantity >= wanted : wanted <= 1))
    .slice(0, MAX_SUGGESTION_CANDIDATES)
}

/** Wall-clock minutes since 1970-01-01 00:00 in Paris of an instant. */
function wallKeyOfInstant(ms: number): number {
  const [h, m] = instantToLocalTime(ms).split(':').map(Number) as [number, number]
  return Date.parse(`${instantToLocalDate(ms)}T00:00:00Z`) / 60_000 + h * 60 + m
}

/** Wall-clock minutes of a local `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
function wallKeyOfLocal(text: string): number {
  const [h, m] = text.length > 10 ? (text.slice(11, 16).split(':').map(Number) as [number, number]) : [0, 0]
  return Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / 60_000 + h * 60 + m
}

/** Wall-clock minutes between the requested start (`2027-05-14` or `2027-05-14T08:30`) and a proposal's. */
export function shiftMinutes(requestedStart: string, period: SuggestedPeriod): number {
  const proposed =
    period.allDay && period.startDate
      ? wallKeyOfLocal(period.startDate)
      : wallKeyOfInstant(Date.parse(period.start))
  return proposed - wallKeyOfLocal(requestedStart)
}

/**
 * Merges the proposals made for several resources: one entry per period with the resources free
 * then, nearest to the requested start first (the earlier at equal distance), at most `limit`.
 */
export function mergeSuggestions(
  lists: readonly { readonly resourceName: string; readonly periods: readonly SuggestedPeriod[] }[],
  requestedStart: string,
  limit = SUGGESTIONS_SHOWN,
): Suggestion[] {
  const byPeriod = new Map<string, { period: SuggestedPeriod; names: string[] }>()
  for (const { resourceName, periods } of lists) {
    for (const period of periods) {
      const key = `${period.start}/${period.end}`
      const entry = byPeriod.get(key) ?? { period, names: [] }
      entry.names.push(resourceName)
      byPeriod.set(key, entry)
    }
  }
  return [...byPeriod.values()]
    .sort(
      (a, b) =>
        Math.abs(shiftMinutes(requestedStart, a.period)) - Math.abs(shiftMinutes(requestedStart, b.period)) ||
        Date.parse(a.period.start) - Date.parse(b.period.start),
    )
    .slice(0, limit)
    .map(({ period, names }) => ({
      period,
      resourceNames: [...names].sort((x, y) => x.localeCompare(y, 'fr')),
    }))
}

const weekdayDate = (date: string) => formatLocalDatePattern(date, 'EEE dd/MM/yyyy')

/**
 * A proposal in French: `ven. 15/01/2027`, `du ven. 15/01/2027 au sam. 16/01/2027`,
 * `mer. 10/03/2027 06:00–08:00`, `mer. 10/03/2027 20:00 – jeu. 11/03/2027 06:00`.
 */
export function describeSuggestion(period: SuggestedPeriod): string {
  if (period.allDay && period.startDate && period.endDate) {
    return period.startDate === period.endDate
      ? weekdayDate(period.startDate)
      : `du ${weekdayDate(period.startDate)} au ${weekdayDate(period.endDate)}`
  }
  const start = Date.parse(period.start)
  const end = Date.parse(period.end)
  const [startDay, endDay] = [instantToLocalDate(start), instantToLocalDate(end)]
  return startDay === endDay
    ? `${weekdayDate(startDay)} ${instantToLocalTime(start)}–${instantToLocalTime(end)}`
    : `${weekdayDate(startDay)} ${instantToLocalTime(start)} – ${weekdayDate(endDay)} ${instantToLocalTime(end)}`
}

/**
 * How far a proposal is from the request, on the wall clock: `1 jour avant`, `2 jours après`,
 * `3 h plus tôt`, `1 h 30 plus tard`, `2 jours et 3 h plus tard`.
 */
export function describeShift(requestedStart: string, period: SuggestedPeriod): string {
  const minutes = shiftMinutes(requestedStart, period)
  const total = Math.abs(minutes)
  const days = Math.floor(total / 1440)
  const rest = total % 1440
  const dayText = `${days} jour${days > 1 ? 's' : ''}`
  if (rest === 0) return `${dayText} ${minutes < 0 ? 'avant' : 'après'}`
  const hours = Math.floor(rest / 60)
  const mins = rest % 60
  const time = hours > 0 ? `${hours} h${mins ? ` ${String(mins).padStart(2, '0')}` : ''}` : `${mins} min`
  return `${days > 0 ? `${dayText} et ` : ''}${time} ${minutes < 0 ? 'plus tôt' : 'plus tard'}`
}

/** The search's period fields filled with a proposal, in French (`15/01/2027`, `10/03/2027 06:00`). */
export function suggestionToPeriod(period: SuggestedPeriod, current: PeriodValue): PeriodValue {
  if (period.allDay && period.startDate && period.endDate) {
    return {
      ...current,
      mode: 'days',
      firstDay: formatDateText(period.startDate),
      lastDay: formatDateText(period.endDate),
    }
  }
  const local = (iso: string) => {
    const ms = Date.parse(iso)
    return `${formatDateText(instantToLocalDate(ms))} ${instantToLocalTime(ms)}`
  }
  return { ...current, mode: 'timed', start: local(period.start), end: local(period.end) }
}
