/**
 * Booking series (issue 4): the recurrence rule, an RFC 5545 RRULE restricted to what a hub plans
 * (daily, weekly, monthly, with an end), checked and described in French. Times in a checked rule are
 * "floating": the Europe/Paris wall-clock fields written as UTC epoch ms, so that no machine zone ever
 * applies. The expansion lives in `series.ts`; this file needs no `rrule` and is light for the renderer.
 *
 * Pure functions: no I/O, safe in the renderer and the backend.
 */
import { tzOffset } from '@date-fns/tz'
import { DomainError } from './errors'
import { formatLocalDateFr, TIME_ZONE } from './time'

/** Most occurrences one series may have. */
export const MAX_SERIES_OCCURRENCES = 366
/** A series ends within this many years of its first occurrence. */
export const MAX_SERIES_YEARS = 3

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

export type SeriesFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY'

/** A BYDAY entry: weekday 0 = Monday … 6 = Sunday; `nth` 1…5 or -1…-5 (monthly only), else null. */
export interface SeriesRuleDay {
  readonly weekday: number
  readonly nth: number | null
}

/** A checked rule. Times in it are floating: Europe/Paris wall-clock fields written as UTC epoch ms. */
export interface SeriesRule {
  readonly freq: SeriesFrequency
  readonly interval: number
  readonly count: number | null
  /** Last allowed start (inclusive), floating ms; `dateOnly` when UNTIL was a date (end of that day). */
  readonly until: { readonly wall: number; readonly dateOnly: boolean } | null
  readonly byDay: readonly SeriesRuleDay[]
  /** 1…31, or -1…-31 counted from the month's end. */
  readonly byMonthDay: readonly number[]
  readonly weekStart: number | null
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
/** French weekday names, Monday first. */
export const WEEKDAY_NAMES = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const
const ACCEPTED_KEYS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST']
const EXAMPLE = 'exemple : FREQ=WEEKLY;BYDAY=WE;COUNT=4'

/** An INVALID_INPUT refusal of the series, reported against `path` (`rule` unless told). */
export function ruleError(message: string, path = 'rule'): DomainError {
  return new DomainError('INVALID_INPUT', message, { issues: [{ path, message }] })
}

/** `YYYY-MM-DD` of a floating time. */
export function wallDate(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10)
}

/** Floating ms of local midnight starting `YYYY-MM-DD`. */
export function dateWall(date: string): number {
  return Date.parse(`${date}T00:00:00Z`)
}

/** The Europe/Paris wall-clock fields of an instant, as floating ms. */
export function instantToWall(ms: number): number {
  return ms + tzOffset(TIME_ZONE, new Date(ms)) * MINUTE_MS
}

/** 0 = Monday … 6 = Sunday, for a local date `YYYY-MM-DD`. */
export function weekdayOf(date: string): number {
  return (new Date(dateWall(date)).getUTCDay() + 6) % 7
}

function weekdayCode(code: string): number {
  const index = WEEKDAY_CODES.indexOf(code as (typeof WEEKDAY_CODES)[number])
  if (index < 0)
    throw ruleError(`« ${code} » n'est pas un jour de la semaine (MO, TU, WE, TH, FR, SA ou SU).`)
  return index
}

function parseUntil(value: string): { wall: number; dateOnly: boolean } {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value)
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : ''
  const valid =
    m &&
    !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
    wallDate(dateWall(date)) === date &&
    Number(m[4] ?? 0) < 24 &&
    Number(m[5] ?? 0) < 60 &&
    Number(m[6] ?? 0) < 60
  if (!m || !valid) {
    throw ruleError(
      `UNTIL=${value} : attendu une date (20270407), une date et heure de Paris (20270407T180000) ` +
        'ou un instant UTC (20270407T160000Z).',
    )
  }
  if (m[4] === undefined) return { wall: dateWall(date) + DAY_MS - 1, dateOnly: true }
  const wall = Date.parse(`${date}T${m[4]}:${m[5]}:${m[6]}Z`)
  return { wall: m[7] ? instantToWall(wall) : wall, dateOnly: false }
}

function parseInteger(key: string, value: string, min: number, max: number, hint: string): number {
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN
  if (!(n >= min && n <= max)) throw ruleError(`${key}=${value} : ${hint}`)
  return n
}

/**
 * Checks an RFC 5545 rule (`FREQ=WEEKLY;BYDAY=WE;COUNT=4`, `RRULE:` prefix optional). Accepted:
 * FREQ DAILY, WEEKLY or MONTHLY; INTERVAL 1–99; COUNT 1–366 or UNTIL (one of them, not both); BYDAY
 * (with a rank, `2TU`, `-1FR`, for monthly rules only); BYMONTHDAY (monthly only); WKST.
 * @throws DomainError INVALID_INPUT with `details.issues: [{ path: 'rule', message }]` (French) for
 *   anything else: DTSTART, BYHOUR/BYMINUTE/BYSECOND, FREQ=HOURLY, an endless rule, garbage.
 */
export function parseSeriesRule(text: string): SeriesRule {
  const body = text.trim().replace(/^RRULE:/i, '')
  if (/DTSTART|EXDATE|[\r\n]/i.test(body)) {
    throw ruleError(
      'La règle ne contient que la ligne RRULE, sans DTSTART ni EXDATE : le début de la série est celui du ' +
        "premier créneau, et les dates d'exception se donnent à part.",
    )
  }
  const parts = new Map<string, string>()
  for (const raw of body.split(';')) {
    if (raw.trim() === '') continue
    const m = /^\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(raw)
    if (!m?.[1] || !m[2]) {
      const shown = body.length > 60 ? `${body.slice(0, 60)}…` : body
      throw ruleError(`« ${shown} » n'est pas une règle de répétition reconnue (${EXAMPLE}).`)
    }
    const key = m[1].toUpperCase()
    if (parts.has(key)) throw ruleError(`${key} figure deux fois dans la règle : gardez-en un seul.`)
    parts.set(key, m[2].toUpperCase())
  }
  for (const key of parts.keys()) {
    if (key === 'BYHOUR' || key === 'BYMINUTE' || key === 'BYSECOND') {
      throw ruleError(`L'heure de la série est celle du premier créneau : retirez ${key} de la règle.`)
    }
    if (!ACCEPTED_KEYS.includes(key)) {
      throw ruleError(
        `${key} n'est pas pris en charge : une règle n'emploie que ${ACCEPTED_KEYS.join(', ')}.`,
      )
    }
  }
  const freq = parts.get('FREQ')
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    throw ruleError(
      `${freq ? `FREQ=${freq} n'est pas proposé` : 'La fréquence manque'} : indiquez FREQ=DAILY (chaque jour), ` +
        `FREQ=WEEKLY (chaque semaine) ou FREQ=MONTHLY (chaque mois) (${EXAMPLE}).`,
    )
  }
  const interval = parts.has('INTERVAL')
    ? parseInteger('INTERVAL', parts.get('INTERVAL') ?? '', 1, 99, 'un nombre entier de 1 à 99 attendu.')
    : 1
  const countText = parts.get('COUNT')
  const untilText = parts.get('UNTIL')
  if (countText !== undefined && untilText !== undefined) {
    throw ruleError('Indiquez soit COUNT (nombre de fois), soit UNTIL (date de fin), pas les deux.')
  }
  if (countText === undefined && untilText === undefined) {
    throw ruleError(
      'Indiquez la fin de la série : COUNT (nombre de fois, COUNT=10) ou UNTIL (date de fin, UNTIL=20270630).',
    )
  }
  let count: number | null = null
  if (countText !== undefined) {
    if (/^\d{1,9}$/.test(countText) && Number(countText) > MAX_SERIES_OCCURRENCES) {
      throw ruleError(
        `COUNT=${countText} : ${MAX_SERIES_OCCURRENCES} occurrences au plus par série. ` +
          'Raccourcissez la série ou découpez-la en plusieurs.',
      )
    }
    count = parseInteger(
      'COUNT',
      countText,
      1,
      MAX_SERIES_OCCURRENCES,
      'un nombre de fois, au moins 1, attendu.',
    )
  }
  const byDay = (parts.get('BYDAY')?.split(',') ?? []).map((entry): SeriesRuleDay => {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(entry)
    if (!m?.[2]) throw ruleError(`BYDAY : « ${entry} » n'est pas un jour (MO, TU… ou 2TU, -1FR).`)
    const nth = m[1] === undefined ? null : Number(m[1])
    if (nth !== null && freq !== 'MONTHLY') {
      throw ruleError(`BYDAY=${entry} : un rang (2TU, le 2e mardi) ne s'emploie qu'avec FREQ=MONTHLY.`)
    }
    if (nth !== null && (nth === 0 || Math.abs(nth) > 5)) {
      throw ruleError(`BYDAY=${entry} : le rang va de 1 à 5, ou de -1 (dernier) à -5.`)
    }
    if (nth === null && freq === 'MONTHLY') {
      throw ruleError(
        `BYDAY=${entry} : pour une répétition mensuelle, précisez le rang du jour (1MO : le premier lundi, ` +
          '-1FR : le dernier vendredi).',
      )
    }
    return { weekday: weekdayCode(m[2]), nth }
  })
  const byMonthDay = (parts.get('BYMONTHDAY')?.split(',') ?? []).map((entry) => {
    const n = /^-?\d{1,2}$/.test(entry) ? Number(entry) : NaN
    if (!(n !== 0 && Math.abs(n) <= 31)) {
      throw ruleError(`BYMONTHDAY : « ${entry} » n'est pas un jour du mois (1 à 31, ou -1 pour le dernier).`)
    }
    return n
  })
  if (byMonthDay.length > 0 && freq !== 'MONTHLY') {
    throw ruleError("BYMONTHDAY (jour du mois) ne s'emploie qu'avec FREQ=MONTHLY.")
  }
  if (byMonthDay.length > 0 && byDay.length > 0) {
    throw ruleError('Choisissez soit des jours du mois (BYMONTHDAY), soit des jours de la semaine (BYDAY).')
  }
  const wkst = parts.get('WKST')
  return {
    freq,
    interval,
    count,
    until: untilText === undefined ? null : parseUntil(untilText),
    byDay,
    byMonthDay,
    weekStart: wkst === undefined ? null : weekdayCode(wkst),
  }
}

/** `a`, `a et b`, `a, b et c`. */
function frenchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`
}

function ordinal(n: number): string {
  return n === 1 ? '1er' : `${n}e`
}

/** `le 2e mardi`, `le dernier vendredi`, `le 3e lundi en partant de la fin`. */
function rankedDayFr(nth: number, weekday: number): string {
  const name = WEEKDAY_NAMES[weekday] ?? ''
  if (nth === -1) return `le dernier ${name}`
  if (nth === -2) return `l'avant-dernier ${name}`
  return nth > 0 ? `le ${ordinal(nth)} ${name}` : `le ${ordinal(-nth)} ${name} en partant de la fin`
}

function monthDayFr(day: number): string {
  if (day === -1) return 'le dernier jour'
  if (day === -2) return "l'avant-dernier jour"
  if (day === 1) return 'le 1er'
  return day > 0 ? `le ${day}` : `le ${ordinal(-day)} jour avant la fin du mois`
}

/**
 * The rule in French: « Chaque semaine le mercredi, 4 fois », « Toutes les 2 semaines le lundi et le
 * jeudi, jusqu'au 30/06/2027 », « Chaque mois le 31, 6 fois — les mois sans 31 sont sautés (RFC 5545) ».
 * @param firstDate local date (`YYYY-MM-DD`, Europe/Paris) of the first occurrence: it names the weekday
 *   or the day of the month a rule without BYDAY or BYMONTHDAY repeats on.
 * @throws DomainError INVALID_INPUT (path `rule`) when the rule is refused, as `parseSeriesRule`.
 */
export function describeSeriesRule(rule: string | SeriesRule, firstDate?: string): string {
  const r = typeof rule === 'string' ? parseSeriesRule(rule) : rule
  const every = (one: string, unit: string) =>
    r.interval === 1 ? one : `${unit === 'semaines' ? 'Toutes' : 'Tous'} les ${r.interval} ${unit}`
  let text: string
  let note = ''
  switch (r.freq) {
    case 'DAILY': {
      text = every('Chaque jour', 'jours')
      const days = [...new Set(r.byDay.map((d) => d.weekday))].sort((a, b) => a - b)
      if (days.join() === '0,1,2,3,4') text += ' du lundi au vendredi'
      else if (days.length > 0) text += `, seulement ${frenchList(days.map((d) => `le ${WEEKDAY_NAMES[d]}`))}`
      break
    }
    case 'WEEKLY': {
      text = every('Chaque semaine', 'semaines')
      const days =
        r.byDay.length > 0 ? r.byDay.map((d) => d.weekday) : firstDate ? [weekdayOf(firstDate)] : []
      if (days.length > 0)
        text += ` ${frenchList([...new Set(days)].sort((a, b) => a - b).map((d) => `le ${WEEKDAY_NAMES[d]}`))}`
      break
    }
    case 'MONTHLY': {
      text = every('Chaque mois', 'mois')
      if (r.byDay.length > 0) {
        text += ` ${frenchList(r.byDay.map((d) => rankedDayFr(d.nth ?? 1, d.weekday)))}`
        const fifth = r.byDay.find((d) => Math.abs(d.nth ?? 1) === 5)
        if (fifth) note = ` — les mois sans 5e ${WEEKDAY_NAMES[fifth.weekday]} sont sautés (RFC 5545)`
      } else {
        const days =
          r.byMonthDay.length > 0 ? r.byMonthDay : firstDate ? [Number(firstDate.slice(8, 10))] : []
        if (days.length > 0) text += ` ${frenchList(days.map(monthDayFr))}`
        const late = days.filter((d) => Math.abs(d) >= 29)
        if (days.length === 1 && late.length === 1) {
          note = ` — les mois sans ${Math.abs(late[0] ?? 0)} sont sautés (RFC 5545)`
        } else if (late.length > 0) {
          note = ' — un jour qui manque à un mois (le 30 en février) est sauté ce mois-là (RFC 5545)'
        }
      }
      break
    }
  }
  if (r.count !== null) text += `, ${r.count} fois`
  if (r.until) {
    const date = formatLocalDateFr(wallDate(r.until.wall))
    const at = new Date(r.until.wall).toISOString().slice(11, 16)
    text += r.until.dateOnly ? `, jusqu'au ${date}` : `, jusqu'au ${date} à ${at}`
  }
  return text + note
}
