import { describe, expect, it } from 'vitest'
import type { PeriodValue } from '../../renderer/src/lib/period'
import {
  describePeriod,
  editPeriod,
  emptyPeriod,
  normalizeDateText,
  parseDateText,
  parseDateTimeText,
  periodFieldErrors,
  periodToApi,
  switchPeriodMode,
} from '../../renderer/src/lib/period'

const days = (firstDay: string, lastDay: string): PeriodValue => ({ ...emptyPeriod, firstDay, lastDay })
const timed = (start: string, end: string): PeriodValue => ({ ...emptyPeriod, mode: 'timed', start, end })

describe('parseDateText', () => {
  it('reads French and ISO dates', () => {
    expect(parseDateText('14/05/2027')).toBe('2027-05-14')
    expect(parseDateText(' 4/5/2027 ')).toBe('2027-05-04')
    expect(parseDateText('14.05.2027')).toBe('2027-05-14')
    expect(parseDateText('2027-05-14')).toBe('2027-05-14')
  })

  it('refuses impossible or partial dates', () => {
    expect(parseDateText('31/02/2027')).toBeNull()
    expect(parseDateText('14/05/27')).toBeNull()
    expect(parseDateText('05/14/2027')).toBeNull()
    expect(parseDateText('')).toBeNull()
  })
})

describe('parseDateTimeText', () => {
  it('reads a date and a 24-hour time', () => {
    expect(parseDateTimeText('14/05/2027 08:30')).toBe('2027-05-14T08:30')
    expect(parseDateTimeText('14/05/2027 8h30')).toBe('2027-05-14T08:30')
    expect(parseDateTimeText('14/05/2027 à 20h')).toBe('2027-05-14T20:00')
    expect(parseDateTimeText('2027-05-14T08:30')).toBe('2027-05-14T08:30')
  })

  it('refuses a missing or impossible time', () => {
    expect(parseDateTimeText('14/05/2027')).toBeNull()
    expect(parseDateTimeText('14/05/2027 24:00')).toBeNull()
    expect(parseDateTimeText('14/05/2027 08:75')).toBeNull()
    expect(parseDateTimeText('14/05/2027 08:30 extra')).toBeNull()
  })
})

describe('periodToApi', () => {
  it('sends whole days as dates, last day inclusive', () => {
    expect(periodToApi(days('14/05/2027', '16/05/2027'))).toEqual({ start: '2027-05-14', end: '2027-05-16' })
  })

  it('sends date-times as local Europe/Paris text', () => {
    expect(periodToApi(timed('14/05/2027 08:30', '14/05/2027 12:00'))).toEqual({
      start: '2027-05-14T08:30',
      end: '2027-05-14T12:00',
    })
  })

  it('waits while a field is missing or not understood', () => {
    expect(periodToApi(days('14/05/2027', ''))).toBeNull()
    expect(periodToApi(days('14/05/2027', '32/05/2027'))).toBeNull()
  })
})

describe('periodFieldErrors', () => {
  it('names the empty fields and the ones not understood', () => {
    expect(periodFieldErrors(days('', 'demain'))).toEqual({
      firstDay: 'Indiquez le premier jour.',
      lastDay: expect.stringContaining('jj/mm/aaaa') as unknown,
    })
    expect(periodFieldErrors(days('14/05/2027', '14/05/2027'))).toEqual({})
  })
})

describe('editing a period', () => {
  it('moves the last day along with the first day', () => {
    expect(editPeriod(emptyPeriod, { firstDay: '14/05/2027' }).lastDay).toBe('14/05/2027')
    expect(editPeriod(days('10/05/2027', '12/05/2027'), { firstDay: '14/05/2027' }).lastDay).toBe(
      '14/05/2027',
    )
    expect(editPeriod(days('10/05/2027', '20/05/2027'), { firstDay: '14/05/2027' }).lastDay).toBe(
      '20/05/2027',
    )
  })

  it('keeps the days when switching to date-times and back', () => {
    const switched = switchPeriodMode(days('14/05/2027', '16/05/2027'), 'timed')
    expect(switched).toMatchObject({ mode: 'timed', start: '14/05/2027 08:00', end: '16/05/2027 18:00' })
    expect(switchPeriodMode(timed('14/05/2027 08:00', '15/05/2027 10:00'), 'days')).toMatchObject({
      firstDay: '14/05/2027',
      lastDay: '15/05/2027',
    })
  })

  it('tidies understood text and leaves the rest as typed', () => {
    expect(normalizeDateText('4/5/2027', false)).toBe('04/05/2027')
    expect(normalizeDateText('2027-05-14T08:30', true)).toBe('14/05/2027 08:30')
    expect(normalizeDateText('14/05', false)).toBe('14/05')
  })

  it('describes a period in French', () => {
    expect(describePeriod(days('14/05/2027', '14/05/2027'))).toBe('le 14/05/2027')
    expect(describePeriod(timed('14/05/2027 08:30', '14/05/2027 12:00'))).toBe(
      'du 14/05/2027 08:30 au 14/05/2027 12:00',
    )
  })
})
