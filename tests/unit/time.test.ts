import { describe, expect, it } from 'vitest'
import { DomainError } from '../../shared/errors'
import {
  addDaysToDate,
  formatInstantFr,
  formatPeriodFr,
  instantToLocalDate,
  instantToLocalTime,
  localToInstant,
  parseTimeInput,
  resolvePeriod,
} from '../../shared/time'

const HOUR = 3_600_000

function refused(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('local times are Europe/Paris wall time, whatever the machine zone', () => {
  it('reads a winter local time as UTC+1 and a summer one as UTC+2', () => {
    expect(new Date(localToInstant('2027-01-15', 9, 0)).toISOString()).toBe('2027-01-15T08:00:00.000Z')
    expect(new Date(localToInstant('2027-07-14', 9, 0)).toISOString()).toBe('2027-07-14T07:00:00.000Z')
  })

  it('gives the 2027 spring-forward night 11 hours: 27/03 20:00 → 28/03 08:00', () => {
    const p = resolvePeriod('2027-03-27T20:00', '2027-03-28T08:00')
    expect(p.end - p.start).toBe(11 * HOUR)
    expect(new Date(p.start).toISOString()).toBe('2027-03-27T19:00:00.000Z')
    expect(new Date(p.end).toISOString()).toBe('2027-03-28T06:00:00.000Z')
  })

  it('gives the 2027 fall-back night 13 hours: 30/10 20:00 → 31/10 08:00', () => {
    const p = resolvePeriod('2027-10-30T20:00', '2027-10-31T08:00')
    expect(p.end - p.start).toBe(13 * HOUR)
  })

  it('refuses the hour that does not exist on 28/03/2027, with a French explanation', () => {
    const error = refused(() => localToInstant('2027-03-28', 2, 30))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain("L'heure 02:30 n'existe pas le 28/03/2027")
    expect(refused(() => localToInstant('2027-03-28', 2, 0)).code).toBe('INVALID_INPUT')
  })

  it('accepts the minutes either side of the gap', () => {
    expect(new Date(localToInstant('2027-03-28', 1, 59)).toISOString()).toBe('2027-03-28T00:59:00.000Z')
    expect(new Date(localToInstant('2027-03-28', 3, 0)).toISOString()).toBe('2027-03-28T01:00:00.000Z')
  })

  it('reads the ambiguous autumn hour as its first occurrence (summer time)', () => {
    expect(new Date(localToInstant('2027-10-31', 2, 30)).toISOString()).toBe('2027-10-31T00:30:00.000Z')
    expect(new Date(localToInstant('2027-10-31', 3, 0)).toISOString()).toBe('2027-10-31T02:00:00.000Z')
    expect(new Date(localToInstant('2027-10-31', 1, 59)).toISOString()).toBe('2027-10-30T23:59:00.000Z')
  })

  it('formats instants back in Paris time', () => {
    expect(formatInstantFr(Date.parse('2027-03-28T01:00:00Z'))).toBe('28/03/2027 03:00')
    expect(instantToLocalDate(Date.parse('2027-05-13T22:30:00Z'))).toBe('2027-05-14')
    expect(instantToLocalTime(Date.parse('2027-05-13T22:30:00Z'))).toBe('00:30')
  })
})

describe('parseTimeInput', () => {
  it('keeps instants with an offset as they are', () => {
    expect(parseTimeInput('2027-03-27T20:00:00+01:00')).toEqual({
      kind: 'instant',
      ms: Date.parse('2027-03-27T19:00:00Z'),
    })
    expect(parseTimeInput('2027-03-27T19:00:00.000Z')).toEqual({
      kind: 'instant',
      ms: Date.parse('2027-03-27T19:00:00Z'),
    })
  })

  it('reads a bare date as a local date', () => {
    expect(parseTimeInput('2027-05-14')).toEqual({ kind: 'date', date: '2027-05-14' })
  })

  it.each([
    '2027-02-31',
    '2027-13-01',
    '14/05/2027',
    '2027-05-14 08:00',
    '',
    'demain',
    '2027-05-14T25:00',
    '2027-02-30T10:00Z',
  ])('refuses %j', (text) => {
    expect(refused(() => parseTimeInput(text)).code).toBe('INVALID_INPUT')
  })
})

describe('day-long loans', () => {
  it('run from local midnight of the first day to local midnight after the last day', () => {
    const p = resolvePeriod('2027-05-14', '2027-05-16')
    expect(p).toEqual({
      start: Date.parse('2027-05-13T22:00:00Z'),
      end: Date.parse('2027-05-16T22:00:00Z'),
      allDay: true,
      startDate: '2027-05-14',
      endDate: '2027-05-16',
    })
  })

  it('last 47 hours over the spring-forward weekend and 49 over the fall-back one', () => {
    const spring = resolvePeriod('2027-03-27', '2027-03-28')
    expect(spring.end - spring.start).toBe(47 * HOUR)
    const autumn = resolvePeriod('2027-10-30', '2027-10-31')
    expect(autumn.end - autumn.start).toBe(49 * HOUR)
  })

  it('accept one day (end inclusive) and refuse an end before the start', () => {
    expect(
      resolvePeriod('2027-05-14', '2027-05-14').end - resolvePeriod('2027-05-14', '2027-05-14').start,
    ).toBe(24 * HOUR)
    expect(refused(() => resolvePeriod('2027-05-14', '2027-05-13')).code).toBe('INVALID_INPUT')
  })

  it('are described in days', () => {
    expect(formatPeriodFr(resolvePeriod('2027-05-14', '2027-05-16'))).toBe('du 14/05/2027 au 16/05/2027')
    expect(formatPeriodFr(resolvePeriod('2027-05-14', '2027-05-14'))).toBe('le 14/05/2027')
    expect(formatPeriodFr(resolvePeriod('2027-05-14T08:00', '2027-05-14T12:30'))).toBe(
      'du 14/05/2027 08:00 au 14/05/2027 12:30',
    )
  })
})

describe('periods', () => {
  it('refuse an end equal to or before the start', () => {
    expect(refused(() => resolvePeriod('2027-05-14T12:00', '2027-05-14T12:00')).message).toBe(
      'La fin doit être après le début.',
    )
    expect(refused(() => resolvePeriod('2027-05-14T12:00', '2027-05-14T11:00')).code).toBe('INVALID_INPUT')
  })

  it('refuse mixing a date and a date-time', () => {
    expect(refused(() => resolvePeriod('2027-05-14', '2027-05-15T12:00')).code).toBe('INVALID_INPUT')
  })

  it('add calendar days across months, years and leap days', () => {
    expect(addDaysToDate('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDaysToDate('2027-03-01', -1)).toBe('2027-02-28')
  })
})

describe('years', () => {
  it.each(['0027-06-19', '0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])(
    'refuses %s with the accepted range',
    (date) => {
      const error = refused(() => parseTimeInput(date))
      expect(error.message).toContain("l'année doit être comprise entre 1900 et 2199")
    },
  )

  it('accepts the ends of the range', () => {
    expect(parseTimeInput('1900-01-01')).toEqual({ kind: 'date', date: '1900-01-01' })
    expect(parseTimeInput('2199-12-31')).toEqual({ kind: 'date', date: '2199-12-31' })
  })
})
