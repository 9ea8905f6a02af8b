/**
 * Booking series (issue 4): an RFC 5545 recurrence rule expanded in Europe/Paris wall time, whatever
 * the machine's zone. The rule itself (checks, French description) is in `series-rule.ts`.
 *
 * The `rrule` package expands "floating" times: the Paris wall-clock fields written as if they were
 * UTC, so that it never meets a time zone. Each wall time is then turned into an instant by
 * `localToInstant` (shared/time.ts): a series at 18:00 stays at 18:00 local across the clock changes.
 *
 * Pure functions: no I/O, safe in the renderer and the backend.
 */
import { tzOffset } from '@date-fns/tz'
import * as rruleModule from 'rrule'
import { DomainError } from './errors'
import {
  dateWall,
  DAY_MS,
  describeSeriesRule,
  instantToWall,
  MAX_SERIES_OCCURRENCES,
  MAX_SERIES_YEARS,
  MINUTE_MS,
  parseSeriesRule,
  ruleError,
  wallDate,
  WEEKDAY_NAMES,
  weekdayOf,
  type SeriesRule,
} from './series-rule'
import {
  addDaysToDate,
  daysBetween,
  formatLocalDateFr,
  localToInstant,
  startOfLocalDate,
  TIME_ZONE,
  type Period,
} from './time'

export {
  describeSeriesRule,
  MAX_SERIES_OCCURRENCES,
  MAX_SERIES_YEARS,
  parseSeriesRule,
  type SeriesFrequency,
  type SeriesRule,
  type SeriesRuleDay,
} from './series-rule'

// Node loads rrule's CommonJS build, where everything sits under `default`; Vite bundles its ES build,
// which has named exports only. Going through a function keeps the bundler from flagging `default`.
function rruleExports(ns: object): typeof rruleModule {
  return 'RRule' in ns ? (ns as typeof rruleModule) : (ns as { default: typeof rruleModule }).default
}
const { RRule, Weekday } = rruleExports(rruleModule)

/** One occurrence of an expanded series. */
export interface ExpandedOccurrence {
  /** 0-based rank in the rule's expansion, excluded occurrences included. */
  readonly index: number
  /** Europe/Paris date on which it starts, `YYYY-MM-DD`. */
  readonly date: string
  /**
   * Its period (epoch ms, half-open). When `problem` is set, only a reading for display (the missing
   * hour read with the winter offset, as clocks show it once moved forward): never book it.
   */
  readonly period: Period
  /** Removed by an exception date. */
  readonly excluded: boolean
  /** Why it cannot be booked whatever the bookings (French), or null. */
  readonly problem: string | null
}

export interface SeriesExpansion {
  readonly rule: SeriesRule
  /** `describeSeriesRule` of the rule and the first occurrence. */
  readonly description: string
  readonly occurrences: readonly ExpandedOccurrence[]
}

/**
 * Expands a series in Europe/Paris wall time. Every occurrence keeps the first one's local start time
 * and its duration in ms (a day-long first occurrence: the same number of days). A local start time
 * that does not exist on a day (spring forward) gives that occurrence a `problem`; an ambiguous one
 * (autumn) is its first occurrence. The occurrence starting on an exception date (local `YYYY-MM-DD`)
 * is `excluded`; exception dates matching no occurrence change nothing.
 * @param first the first occurrence (shared/time.ts `resolvePeriod`): DTSTART, which must follow the rule
 * @throws DomainError INVALID_INPUT (French, `details.issues`): a refused rule (path `rule`, see
 *   `parseSeriesRule`), more than 366 occurrences or beyond 3 years (`rule`), occurrences that
 *   overlap each other (`rule`), a first occurrence on a day the rule does not give (`start`).
 */
export function expandSeries(
  first: Period,
  ruleText: string,
  exceptionDates: readonly string[] = [],
): SeriesExpansion {
  const rule = parseSeriesRule(ruleText)
  const firstWall = first.allDay && first.startDate ? dateWall(first.startDate) : instantToWall(first.start)
  const firstDate = wallDate(firstWall)
  const description = describeSeriesRule(rule, firstDate)
  const [y, m, d] = firstDate.split('-').map(Number) as [number, number, number]
  const limitWall = Date.UTC(y + MAX_SERIES_YEARS, m - 1, d) + DAY_MS - 1
  const limitText = formatLocalDateFr(wallDate(limitWall))
  if (rule.until && rule.until.wall < firstWall) {
    throw ruleError(
      `La date de fin de la règle (UNTIL) est avant le premier créneau, le ${formatLocalDateFr(firstDate)}.`,
    )
  }
  if (rule.until && rule.until.wall > limitWall) {
    throw ruleError(
      `Une série dure ${MAX_SERIES_YEARS} ans au plus : date de fin (UNTIL) au plus tard le ${limitText}.`,
    )
  }
  const engine = new RRule({
    freq: { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY }[rule.freq],
    interval: rule.interval,
    count: rule.count,
    until: rule.until ? new Date(rule.until.wall) : null,
    dtstart: new Date(firstWall),
    wkst: rule.weekStart,
    ...(rule.byDay.length > 0 && {
      byweekday: rule.byDay.map((day) => new Weekday(day.weekday, day.nth ?? undefined)),
    }),
    ...(rule.byMonthDay.length > 0 && { bymonthday: [...rule.byMonthDay] }),
  })
  let overflow: 'count' | 'years' | null = null
  const walls = engine
    .all((date, i) => {
      if (i >= MAX_SERIES_OCCURRENCES) overflow = 'count'
      else if (date.getTime() > limitWall) overflow = 'years'
      return overflow === null
    })
    .map((date) => date.getTime())
  if (overflow === 'count') {
    throw ruleError(
      `La règle donne plus de ${MAX_SERIES_OCCURRENCES} occurrences : avancez la date de fin (UNTIL) ` +
        'ou découpez la série en plusieurs.',
    )
  }
  if (overflow === 'years') {
    throw ruleError(
      `Une série dure ${MAX_SERIES_YEARS} ans au plus (jusqu'au ${limitText}) : réduisez COUNT.`,
    )
  }
  if (walls[0] !== firstWall) {
    const given = `${WEEKDAY_NAMES[weekdayOf(firstDate)]} ${formatLocalDateFr(firstDate)}`
    const next =
      walls[0] === undefined
        ? 'à une date de la règle'
        : `le ${formatLocalDateFr(wallDate(walls[0]))}, sa première date,`
    throw ruleError(
      `Le premier créneau, le ${given}, ne suit pas la règle « ${description} » : ` +
        `commencez la série ${next} ou changez la règle.`,
      'start',
    )
  }
  const excluded = new Set(exceptionDates)
  const days =
    first.allDay && first.startDate && first.endDate ? daysBetween(first.startDate, first.endDate) + 1 : 0
  const occurrences = walls.map((wall, index): ExpandedOccurrence => {
    const date = wallDate(wall)
    const common = { index, date, excluded: excluded.has(date) }
    if (index === 0) return { ...common, period: first, problem: null }
    if (first.allDay) {
      const endDate = addDaysToDate(date, days - 1)
      const period = {
        start: startOfLocalDate(date),
        end: startOfLocalDate(addDaysToDate(endDate, 1)),
        allDay: true,
        startDate: date,
        endDate,
      }
      return { ...common, period, problem: null }
    }
    const time = new Date(wall)
    const duration = first.end - first.start
    try {
      const start =
        localToInstant(date, time.getUTCHours(), time.getUTCMinutes(), time.getUTCSeconds()) +
        time.getUTCMilliseconds()
      return { ...common, period: timed(start, start + duration), problem: null }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      const reading = wall - tzOffset(TIME_ZONE, new Date(wall - DAY_MS)) * MINUTE_MS
      const hour = `${new Date(wall).toISOString().slice(11, 16)}`
      return {
        ...common,
        period: timed(reading, reading + duration),
        problem:
          `${hour} n'existe pas le ${formatLocalDateFr(date)} (passage à l'heure d'été) : cette date ne peut ` +
          "pas être réservée à cette heure ; ajoutez-la aux dates d'exception ou changez l'heure de la série.",
      }
    }
  })
  for (let i = 1; i < occurrences.length; i++) {
    const [before, after] = [occurrences[i - 1], occurrences[i]]
    if (before && after && before.period.end > after.period.start) {
      throw ruleError(
        `Les occurrences se chevauchent (celle du ${formatLocalDateFr(before.date)} dure jusqu'après le début ` +
          `de celle du ${formatLocalDateFr(after.date)}) : raccourcissez le créneau ou espacez les répétitions.`,
      )
    }
  }
  return { rule, description, occurrences }
}

function timed(start: number, end: number): Period {
  return { start, end, allDay: false, startDate: null, endDate: null }
}
