/**
 * `availability.suggest`: when a request does not fit, the nearest periods of the same length in
 * which it does, by the shared availability rule (`findConflicts`, shared/availability.ts) against the
 * stored occupations (`listOccupations`), exactly as `availability.check` and `bookings.create` judge.
 *
 * Candidates, all in Europe/Paris whatever the machine's zone:
 * - day-long loans: the same number of days shifted by whole days, 1 to `searchDays` days before
 *   and after (`2027-07-03` → `2027-07-02`, `2027-07-04`, …);
 * - timed periods: the same wall-clock hours on the other days (1 to `searchDays` days before and
 *   after; a time that does not exist that day — spring forward — is skipped), and on the requested
 *   day(s) the nearest start, by steps of 30 minutes, before and after the requested one that fits
 *   between 06:00 and 22:00 (or the requested hours, if wider) without leaving the day;
 * - none starts before now (today for day-long loans); the requested period itself is not proposed.
 *
 * Nearest first: ordered by the distance between the starts on the wall clock (so that summer time
 * does not favour one side), the earlier first at equal distance.
 */
import type { z } from 'zod'
import type { availabilitySuggestInput } from '../../../shared/api/schemas'
import { findConflicts, lendableQuantity, type Interval } from '../../../shared/availability'
import { DomainError } from '../../../shared/errors'
import type { SuggestedPeriod } from '../../../shared/domain/calendar'
import {
  addDaysToDate,
  instantToLocalDate,
  instantToLocalTime,
  localToInstant,
  resolvePeriod,
  toIsoUtc,
  type Period,
} from '../../../shared/time'
import { readTransaction } from '../db/connection'
import { listOccupations } from '../db/repositories/occupations'
import { loadRequestedResources } from './availability'
import type { ServiceContext } from './context'
import { periodFromInput } from './periods'

export type SuggestInput = z.output<typeof availabilitySuggestInput>

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
/** Step of the same-day shifts of a timed period, minutes. */
const SAME_DAY_STEP_MINUTES = 30
/** Working day within which same-day shifts stay, minutes from local midnight (06:00–22:00). */
const WORKDAY_START_MINUTES = 6 * 60
const WORKDAY_END_MINUTES = 22 * 60

export const DEFAULT_SUGGESTION_LIMIT = 5
export const DEFAULT_SEARCH_DAYS = 60

/** Minutes from local midnight (Europe/Paris wall clock) of an instant. */
function wallMinutes(ms: number): number {
  const [h, m] = instantToLocalTime(ms).split(':').map(Number) as [number, number]
  return h * 60 + m
}

/**
 * Wall-clock minutes since 1970-01-01 00:00 in Europe/Paris: distances measured on it do not change
 * with summer time (Saturday 09:00 is as far from Friday 09:00 as from Sunday 09:00).
 */
function wallKey(ms: number): number {
  return Date.parse(`${instantToLocalDate(ms)}T00:00:00Z`) / MINUTE_MS + wallMinutes(ms)
}

/** The same wall-clock start and duration `days` days later (earlier when negative); null when that time does not exist. */
function shiftTimed(period: Period, days: number): Period | null {
  const date = addDaysToDate(instantToLocalDate(period.start), days)
  const minutes = wallMinutes(period.start)
  try {
    const start = localToInstant(date, Math.floor(minutes / 60), minutes % 60)
    return { start, end: start + (period.end - period.start), allDay: false, startDate: null, endDate: null }
  } catch {
    return null
  }
}

/** The same days shifted by `days` whole days. */
function shiftDays(period: Period, days: number): Period {
  if (!period.startDate || !period.endDate) throw new Error('Période à la journée sans dates.')
  return resolvePeriod(addDaysToDate(period.startDate, days), addDaysToDate(period.endDate, days))
}

function toSuggestion(period: Period): SuggestedPeriod {
  return {
    start: toIsoUtc(period.start),
    end: toIsoUtc(period.end),
    allDay: period.allDay,
    startDate: period.startDate,
    endDate: period.endDate,
  }
}

/**
 * `availability.suggest`: up to `limit` (default 5) periods of the same length as `start`–`end`
 * in which every item fits, nearest first, searched `searchDays` (default 60) days before (never
 * before now) and after. Empty when nothing fits in that window.
 * @returns `[{ start, end, allDay, startDate, endDate }]`, instants ISO 8601 UTC, dates `YYYY-MM-DD`
 *   (end inclusive) for day-long periods
 * @throws DomainError INVALID_INPUT (period, archived resource, quantity above 1 on a unit resource or
 *   above what the resource lends at all),
 *   NOT_FOUND (unknown resource)
 */
export function suggestPeriods(ctx: ServiceContext, input: SuggestInput): SuggestedPeriod[] {
  const period = periodFromInput(input.start, input.end)
  const limit = input.limit ?? DEFAULT_SUGGESTION_LIMIT
  const searchDays = input.searchDays ?? DEFAULT_SEARCH_DAYS
  const now = ctx.now()
  const today = instantToLocalDate(now)

  return readTransaction(ctx.db, () => {
    const { resources, items } = loadRequestedResources(ctx, input.items)
    // No period can fit more than the resource ever lends: say so rather than suggest nothing.
    items.forEach((item, index) => {
      const resource = resources.get(item.resourceId)
      if (resource && item.quantity > lendableQuantity(resource)) {
        const message = `« ${resource.name} » : ${lendableQuantity(resource)} au plus peuvent être prêtés (demande : ${item.quantity}).`
        throw new DomainError('INVALID_INPUT', message, {
          issues: [{ path: `items.${index}.quantity`, message }],
        })
      }
    })
    const reach = Math.max(
      0,
      ...[...resources.values()].map((r) => (r.bufferBeforeMinutes + r.bufferAfterMinutes) * MINUTE_MS),
    )
    // One query for the whole search window (two extra days cover the DST shifts of wall times).
    const occupations = listOccupations(
      ctx.db,
      items.map((i) => i.resourceId),
      period.start - (searchDays + 2) * DAY_MS - reach,
      period.end + (searchDays + 2) * DAY_MS + reach,
    )
    const fits = (candidate: Interval) => findConflicts(candidate, items, resources, occupations).length === 0
    const notPast = (candidate: Period) =>
      candidate.allDay ? (candidate.startDate ?? '') >= today : candidate.start >= now

    const candidates: Period[] = []
    for (let days = 1; days <= searchDays; days++) {
      for (const shift of [-days, days]) {
        const candidate = period.allDay ? shiftDays(period, shift) : shiftTimed(period, shift)
        if (candidate) candidates.push(candidate)
      }
    }
    if (!period.allDay) candidates.push(...sameDayShifts(period, (c) => notPast(c) && fits(c)))

    const seen = new Set<number>()
    const origin = wallKey(period.start)
    const distance = (c: Period) => Math.abs(wallKey(c.start) - origin)
    return candidates
      .filter((c) => c.start !== period.start && notPast(c))
      .sort((a, b) => distance(a) - distance(b) || a.start - b.start)
      .filter((c) => {
        if (seen.has(c.start) || !fits(c)) return false
        seen.add(c.start)
        return true
      })
      .slice(0, limit)
      .map(toSuggestion)
  })
}

/**
 * On the requested day(s), the nearest fitting start before and the nearest after, by steps of
 * 30 minutes, keeping the period within the working day (06:00–22:00, widened to the requested hours)
 * and within the same local dates.
 */
function sameDayShifts(period: Period, accept: (candidate: Period) => boolean): Period[] {
  const firstDay = instantToLocalDate(period.start)
  const lastDay = instantToLocalDate(period.end - 1)
  const earliest = Math.min(WORKDAY_START_MINUTES, wallMinutes(period.start))
  const endMinutes = instantToLocalDate(period.end) === lastDay ? wallMinutes(period.end) : 24 * 60
  const latest = Math.max(WORKDAY_END_MINUTES, endMinutes)
  const found: Period[] = []
  for (const direction of [-1, 1]) {
    for (let step = 1; ; step++) {
      const start = period.start + direction * step * SAME_DAY_STEP_MINUTES * MINUTE_MS
      const candidate: Period = { ...period, start, end: start + (period.end - period.start) }
      const endDay = instantToLocalDate(candidate.end - 1)
      const candidateEnd = instantToLocalDate(candidate.end) === endDay ? wallMinutes(candidate.end) : 24 * 60
      const inside =
        instantToLocalDate(start) === firstDay &&
        endDay === lastDay &&
        wallMinutes(start) >= earliest &&
        candidateEnd <= latest
      if (!inside) break
      if (accept(candidate)) {
        found.push(candidate)
        break
      }
    }
  }
  return found
}
