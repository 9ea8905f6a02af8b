/**
 * The value of the period control (PeriodInput) shared by the booking form and the availability
 * search: either whole days (first and last day, last inclusive) or local date-times read in
 * Europe/Paris by the backend. Fields hold the text as typed, in French (`14/05/2027`,
 * `14/05/2027 08:30`), so that nothing typed is lost; ISO forms (`2027-05-14`,
 * `2027-05-14T08:30`) are accepted too. Pure, no DOM.
 */
import { parseLocalDate } from '../../../shared/time'

export type PeriodMode = 'days' | 'timed'

export interface PeriodValue {
  readonly mode: PeriodMode
  /** Text of the first day (`14/05/2027`), or ''. */
  readonly firstDay: string
  /** Text of the last day, inclusive, or ''. */
  readonly lastDay: string
  /** Text of the start (`14/05/2027 08:30`), Europe/Paris wall time, or ''. */
  readonly start: string
  readonly end: string
}

/** The fields a period error may be attached to. */
export type PeriodField = 'firstDay' | 'lastDay' | 'start' | 'end'

export const emptyPeriod: PeriodValue = { mode: 'days', firstDay: '', lastDay: '', start: '', end: '' }

const pad = (n: number) => String(n).padStart(2, '0')

function isoDate(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
  try {
    return parseLocalDate(text)
  } catch {
    return null
  }
}

const FR_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^(\d{1,2})(?:[:hH](\d{2})?)?$/

/**
 * A typed date → `YYYY-MM-DD`, or null when not a real date. Accepts `14/05/2027`, `14.05.2027`,
 * `14-05-2027`, `4/5/2027` and `2027-05-14`.
 */
export function parseDateText(text: string): string | null {
  const value = text.trim()
  const fr = FR_DATE.exec(value)
  if (fr) return isoDate(Number(fr[3]), Number(fr[2]), Number(fr[1]))
  const iso = ISO_DATE.exec(value)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  return null
}

/**
 * A typed local date-time → `YYYY-MM-DDTHH:mm`, or null. Accepts `14/05/2027 08:30`,
 * `14/05/2027 8h30`, `14/05/2027 à 8h`, `2027-05-14T08:30` (24-hour clock).
 */
export function parseDateTimeText(text: string): string | null {
  const value = text.trim().replace(/\s+à\s+/i, ' ')
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00)?$/.exec(value)
  const [datePart, timePart] = iso ? [iso[1] ?? '', iso[2] ?? ''] : value.split(/\s+/, 2)
  const date = parseDateText(datePart ?? '')
  const time = TIME.exec(timePart ?? '')
  if (!date || !time || value.split(/\s+/).length > 2) return null
  const hours = Number(time[1])
  const minutes = Number(time[2] ?? 0)
  if (hours > 23 || minutes > 59) return null
  return `${date}T${pad(hours)}:${pad(minutes)}`
}

/** `2027-05-14` → `14/05/2027`. */
export function formatDateText(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** `2027-05-14T08:30` → `14/05/2027 08:30`. */
export function formatDateTimeText(isoLocal: string): string {
  return `${formatDateText(isoLocal.slice(0, 10))} ${isoLocal.slice(11, 16)}`
}

/** The text re-written in the canonical French form when it is understood, unchanged otherwise. */
export function normalizeDateText(text: string, withTime: boolean): string {
  const parsed = withTime ? parseDateTimeText(text) : parseDateText(text)
  if (!parsed) return text
  return withTime ? formatDateTimeText(parsed) : formatDateText(parsed)
}

/**
 * The `{ start, end }` pair of the API for this period, or null while a field is missing or not
 * understood: days → `{ start: '2027-05-14', end: '2027-05-16' }` (end inclusive); date-times →
 * `{ start: '2027-05-14T08:30', end: '2027-05-14T12:00' }` (Europe/Paris wall time).
 */
export function periodToApi(value: PeriodValue): { start: string; end: string } | null {
  const [start, end] =
    value.mode === 'days'
      ? [parseDateText(value.firstDay), parseDateText(value.lastDay)]
      : [parseDateTimeText(value.start), parseDateTimeText(value.end)]
  return start && end ? { start, end } : null
}

/** French messages for the fields empty or not understood, keyed by field; empty when complete. */
export function periodFieldErrors(value: PeriodValue): Partial<Record<PeriodField, string>> {
  const errors: Partial<Record<PeriodField, string>> = {}
  const check = (field: PeriodField, empty: string, withTime: boolean) => {
    const text = value[field].trim()
    if (!text) errors[field] = empty
    else if (!(withTime ? parseDateTimeText(text) : parseDateText(text))) {
      errors[field] = withTime
        ? 'Date et heure non reconnues : écrivez-les jj/mm/aaaa hh:mm (ex. 14/05/2027 08:30).'
        : 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 14/05/2027).'
    }
  }
  if (value.mode === 'days') {
    check('firstDay', 'Indiquez le premier jour.', false)
    check('lastDay', 'Indiquez le dernier jour.', false)
  } else {
    check('start', 'Indiquez la date et l’heure de début.', true)
    check('end', 'Indiquez la date et l’heure de fin.', true)
  }
  return errors
}

/** The field that shows an API error on `start` or `end`, depending on the mode. */
export function periodFieldFor(apiField: 'start' | 'end', mode: PeriodMode): PeriodField {
  if (mode === 'days') return apiField === 'start' ? 'firstDay' : 'lastDay'
  return apiField
}

/**
 * Applies one edit and keeps the period easy to fill: a first day after the last one (or with no
 * last day yet) moves the last day along.
 */
export function editPeriod(value: PeriodValue, patch: Partial<PeriodValue>): PeriodValue {
  const next = { ...value, ...patch }
  if (patch.firstDay !== undefined) {
    const first = parseDateText(patch.firstDay)
    const last = parseDateText(next.lastDay)
    if (first && (!next.lastDay.trim() || (last !== null && last < first))) {
      return { ...next, lastDay: formatDateText(first) }
    }
  }
  return next
}

/** A period of whole days from a date-time one and back, keeping what can be kept. */
export function switchPeriodMode(value: PeriodValue, mode: PeriodMode): PeriodValue {
  if (mode === value.mode) return value
  if (mode === 'timed') {
    const first = parseDateText(value.firstDay)
    const last = parseDateText(value.lastDay)
    return {
      ...value,
      mode,
      start: value.start || (first ? `${formatDateText(first)} 08:00` : ''),
      end: value.end || (last ? `${formatDateText(last)} 18:00` : ''),
    }
  }
  const start = parseDateTimeText(value.start)
  const end = parseDateTimeText(value.end)
  return {
    ...value,
    mode,
    firstDay: value.firstDay || (start ? formatDateText(start.slice(0, 10)) : ''),
    lastDay: value.lastDay || (end ? formatDateText(end.slice(0, 10)) : ''),
  }
}

/** The period in French for headings: `du 14/05/2027 au 16/05/2027`, `du 14/05/2027 08:30 au 14/05/2027 12:00`. */
export function describePeriod(value: PeriodValue): string {
  const range = periodToApi(value)
  if (!range) return ''
  if (value.mode === 'days') {
    return range.start === range.end
      ? `le ${formatDateText(range.start)}`
      : `du ${formatDateText(range.start)} au ${formatDateText(range.end)}`
  }
  return `du ${formatDateTimeText(range.start)} au ${formatDateTimeText(range.end)}`
}
