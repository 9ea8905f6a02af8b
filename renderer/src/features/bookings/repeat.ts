/**
 * « Répéter »: the repetition of a request as typed (weekly on chosen days, or monthly on a day of the
 * month or a weekday of the month; until a date or a number of times; dates left out) and the RFC 5545
 * rule it makes for `series.preview` / `series.create` (`FREQ=WEEKLY;BYDAY=WE;COUNT=4`). The backend
 * expands the rule in Europe/Paris wall time. Pure, no DOM.
 *
 * RFC 5545 (3.3.10): a monthly rule on a day a month does not have (the 31st, the 30th in February)
 * skips that month; it is never moved to the last day. The form says so.
 */
import { assertNever } from '../../../../shared/errors'
import { describeSeriesRule, MAX_SERIES_OCCURRENCES } from '../../../../shared/series-rule'
import { weekdayIndex } from '../../lib/dates'
import { formatDateText, parseDateText } from '../../lib/period'

/** RFC 5545 weekday codes, Monday first (weeks start on Monday in France). */
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof weekdays)[number]

export const weekdayNames: Readonly<Record<Weekday, string>> = {
  MO: 'lundi',
  TU: 'mardi',
  WE: 'mercredi',
  TH: 'jeudi',
  FR: 'vendredi',
  SA: 'samedi',
  SU: 'dimanche',
}

/** Which week of the month for « le 2e mardi »: 1 to 4, or -1 for the last one. */
export const weeksOfMonth = ['1', '2', '3', '4', '-1'] as const
export type WeekOfMonth = (typeof weeksOfMonth)[number]

export const weekOfMonthNames: Readonly<Record<WeekOfMonth, string>> = {
  '1': '1er',
  '2': '2e',
  '3': '3e',
  '4': '4e',
  '-1': 'dernier',
}

export interface RepeatDraft {
  readonly enabled: boolean
  readonly frequency: 'weekly' | 'monthly'
  /** Every N weeks or months, as typed. */
  readonly interval: string
  /** Weekly: the days, Monday first. */
  readonly weekdays: readonly Weekday[]
  /** Monthly: on a day of the month (`14`) or on a weekday of the month (`2e mardi`). */
  readonly monthlyMode: 'monthDay' | 'weekdayOfMonth'
  readonly monthDay: string
  readonly weekOfMonth: WeekOfMonth
  readonly monthWeekday: Weekday
  readonly endMode: 'until' | 'count'
  /** Last day (`jj/mm/aaaa`), inclusive. */
  readonly until: string
  readonly count: string
  /** Dates left out, `YYYY-MM-DD`, sorted. */
  readonly exceptionDates: readonly string[]
  /** The exception date being typed. */
  readonly exceptionText: string
  readonly onConflict: 'stop' | 'skip'
}

export const emptyRepeat: RepeatDraft = {
  enabled: false,
  frequency: 'weekly',
  interval: '1',
  weekdays: [],
  monthlyMode: 'monthDay',
  monthDay: '',
  weekOfMonth: '1',
  monthWeekday: 'MO',
  endMode: 'count',
  until: '',
  count: '4',
  exceptionDates: [],
  exceptionText: '',
  onConflict: 'stop',
}

/** The weekday code of a local date. */
export function weekdayOf(date: string): Weekday {
  return weekdays[weekdayIndex(date)] ?? 'MO'
}

/** Which week of its month a date falls in: 1 to 4 (`-1` for a 5th, which is always the last). */
export function weekOfMonthOf(date: string): WeekOfMonth {
  const n = Math.ceil(Number(date.slice(8, 10)) / 7)
  return n >= 5 ? '-1' : (String(n) as WeekOfMonth)
}

/**
 * Turns the repetition on, its defaults taken from the first day of the request (`YYYY-MM-DD` or
 * null): the same weekday, the same day of the month, four times.
 */
export function startRepeat(draft: RepeatDraft, firstDay: string | null): RepeatDraft {
  if (!firstDay) return { ...draft, enabled: true }
  return {
    ...draft,
    enabled: true,
    weekdays: draft.weekdays.length > 0 ? draft.weekdays : [weekdayOf(firstDay)],
    monthDay: draft.monthDay || String(Number(firstDay.slice(8, 10))),
    monthWeekday: weekdayOf(firstDay),
    weekOfMonth: weekOfMonthOf(firstDay),
  }
}

/** Toggles a weekday, keeping the Monday-first order. */
export function toggleWeekday(list: readonly Weekday[], day: Weekday): Weekday[] {
  const next = list.includes(day) ? list.filter((d) => d !== day) : [...list, day]
  return weekdays.filter((d) => next.includes(d))
}

/**
 * The note for a monthly rule on the 29th, 30th or 31st: which months have no such day and are
 * skipped (RFC 5545); null for other days.
 */
export function skippedMonthsNote(monthDay: number): string | null {
  switch (monthDay) {
    case 31:
      return 'Les mois sans 31 (février, avril, juin, septembre, novembre) sont sautés, comme le veut la norme des calendriers (RFC 5545) : aucune réservation ces mois-là.'
    case 30:
      return 'Février n’a pas de 30 : il est sauté, comme le veut la norme des calendriers (RFC 5545).'
    case 29:
      return 'Février n’a un 29 que les années bissextiles : les autres années, il est sauté (RFC 5545).'
    default:
      return null
  }
}

const WHOLE = /^\d+$/

/** Errors of the repeat section, keyed `repeat.<field>`; empty when the rule can be built. */
export function repeatErrors(draft: RepeatDraft, firstDay: string | null): Record<string, string> {
  if (!draft.enabled) return {}
  const errors: Record<string, string> = {}
  const interval = draft.interval.trim()
  if (!WHOLE.test(interval) || Number(interval) < 1 || Number(interval) > 52) {
    errors['repeat.interval'] = 'Un nombre entier de 1 à 52.'
  }
  if (draft.frequency === 'weekly' && draft.weekdays.length === 0) {
    errors['repeat.weekdays'] = 'Cochez au moins un jour.'
  }
  if (draft.frequency === 'monthly' && draft.monthlyMode === 'monthDay') {
    const day = draft.monthDay.trim()
    if (!WHOLE.test(day) || Number(day) < 1 || Number(day) > 31)
      errors['repeat.monthDay'] = 'Un jour de 1 à 31.'
  }
  if (draft.endMode === 'count') {
    const count = draft.count.trim()
    if (!WHOLE.test(count) || Number(count) < 1 || Number(count) > MAX_SERIES_OCCURRENCES) {
      errors['repeat.count'] = `Un nombre de 1 à ${MAX_SERIES_OCCURRENCES} fois.`
    }
  } else {
    const until = parseDateText(draft.until)
    if (!until) errors['repeat.until'] = 'Date non reconnue : écrivez-la jj/mm/aaaa.'
    else if (firstDay && until < firstDay)
      errors['repeat.until'] = 'La date de fin est avant le premier jour.'
  }
  return errors
}

/**
 * The RFC 5545 rule of a valid draft: `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270630`,
 * `FREQ=MONTHLY;BYMONTHDAY=31;COUNT=6`, `FREQ=MONTHLY;BYDAY=2TU;COUNT=4`. UNTIL is the last local
 * day, inclusive, as a date (the backend reads it in Europe/Paris).
 */
export function repeatRule(draft: RepeatDraft): string {
  const parts: string[] = []
  switch (draft.frequency) {
    case 'weekly':
      parts.push('FREQ=WEEKLY')
      break
    case 'monthly':
      parts.push('FREQ=MONTHLY')
      break
    default:
      return assertNever(draft.frequency)
  }
  const interval = Number(draft.interval.trim())
  if (interval > 1) parts.push(`INTERVAL=${interval}`)
  if (draft.frequency === 'weekly') parts.push(`BYDAY=${draft.weekdays.join(',')}`)
  else if (draft.monthlyMode === 'monthDay') parts.push(`BYMONTHDAY=${Number(draft.monthDay.trim())}`)
  else parts.push(`BYDAY=${draft.weekOfMonth}${draft.monthWeekday}`)
  if (draft.endMode === 'count') parts.push(`COUNT=${Number(draft.count.trim())}`)
  else parts.push(`UNTIL=${(parseDateText(draft.until) ?? '').replaceAll('-', '')}`)
  return parts.join(';')
}

/** Adds the exception date being typed; an error message when it cannot be read. */
export function addException(draft: RepeatDraft): { draft: RepeatDraft; error: string | null } {
  const date = parseDateText(draft.exceptionText)
  if (!date) return { draft, error: 'Date non reconnue : écrivez-la jj/mm/aaaa.' }
  const exceptionDates = [...new Set([...draft.exceptionDates, date])].sort()
  return { draft: { ...draft, exceptionDates, exceptionText: '' }, error: null }
}

/** `14/05/2027` of an exception date. */
export function exceptionText(date: string): string {
  return formatDateText(date)
}

/**
 * The rule in French as the backend describes it (`describeSeriesRule`, shared): « Chaque semaine le
 * vendredi, 4 fois »; null while the section has errors or the rule is refused.
 */
export function repeatDescription(draft: RepeatDraft, firstDay: string | null): string | null {
  if (!draft.enabled || Object.keys(repeatErrors(draft, firstDay)).length > 0) return null
  try {
    return describeSeriesRule(repeatRule(draft), firstDay ?? undefined)
  } catch {
    return null
  }
}
