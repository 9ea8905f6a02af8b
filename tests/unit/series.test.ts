import { describe, expect, it } from 'vitest'
import { DomainError } from '../../shared/errors'
import { describeSeriesRule, expandSeries, type SeriesExpansion } from '../../shared/series'
import { instantToLocalDate, instantToLocalTime, resolvePeriod, toIsoUtc } from '../../shared/time'

function refused(fn: () => unknown): { message: string; path: string } {
  try {
    fn()
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    expect(error.code).toBe('INVALID_INPUT')
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues
    expect(issues).toHaveLength(1)
    expect(issues[0]?.message).toBe(error.message)
    return { message: error.message, path: issues[0]?.path ?? '' }
  }
  throw new Error('expected a DomainError')
}

const starts = (e: SeriesExpansion) => e.occurrences.map((o) => toIsoUtc(o.period.start))
const ends = (e: SeriesExpansion) => e.occurrences.map((o) => toIsoUtc(o.period.end))

describe('a series keeps its Europe/Paris wall time across the clock changes', () => {
  it('weekly on Wednesdays at 18:00 across the 2027 spring change', () => {
    const e = expandSeries(
      resolvePeriod('2027-03-17T18:00', '2027-03-17T20:00'),
      'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
    )
    expect(e.description).toBe('Chaque semaine le mercredi, 4 fois')
    expect(starts(e)).toEqual([
      '2027-03-17T17:00:00.000Z',
      '2027-03-24T17:00:00.000Z',
      '2027-03-31T16:00:00.000Z',
      '2027-04-07T16:00:00.000Z',
    ])
    expect(ends(e)).toEqual([
      '2027-03-17T19:00:00.000Z',
      '2027-03-24T19:00:00.000Z',
      '2027-03-31T18:00:00.000Z',
      '2027-04-07T18:00:00.000Z',
    ])
    expect(e.occurrences.map((o) => [o.index, o.excluded, o.problem])).toEqual([
      [0, false, null],
      [1, false, null],
      [2, false, null],
      [3, false, null],
    ])
  })

  it('weekly on Wednesdays at 18:00 across the October 2027 change, back to +01:00', () => {
    const e = expandSeries(resolvePeriod('2027-10-20T18:00', '2027-10-20T20:00'), 'RRULE:FREQ=WEEKLY;COUNT=3')
    expect(e.description).toBe('Chaque semaine le mercredi, 3 fois')
    expect(starts(e)).toEqual([
      '2027-10-20T16:00:00.000Z',
      '2027-10-27T16:00:00.000Z',
      '2027-11-03T17:00:00.000Z',
    ])
    expect(ends(e)).toEqual([
      '2027-10-20T18:00:00.000Z',
      '2027-10-27T18:00:00.000Z',
      '2027-11-03T19:00:00.000Z',
    ])
  })

  it('weekly on Thursdays at 00:30 stays on Thursdays at 00:30 local for 8 weeks, DST change included', () => {
    const e = expandSeries(
      resolvePeriod('2027-03-18T00:30', '2027-03-18T02:00'),
      'FREQ=WEEKLY;BYDAY=TH;COUNT=8',
    )
    expect(starts(e)).toEqual([
      '2027-03-17T23:30:00.000Z',
      '2027-03-24T23:30:00.000Z',
      '2027-03-31T22:30:00.000Z',
      '2027-04-07T22:30:00.000Z',
      '2027-04-14T22:30:00.000Z',
      '2027-04-21T22:30:00.000Z',
      '2027-04-28T22:30:00.000Z',
      '2027-05-05T22:30:00.000Z',
    ])
    expect(e.occurrences.map((o) => instantToLocalDate(o.period.start))).toEqual([
      '2027-03-18',
      '2027-03-25',
      '2027-04-01',
      '2027-04-08',
      '2027-04-15',
      '2027-04-22',
      '2027-04-29',
      '2027-05-06',
    ])
    expect(new Set(e.occurrences.map((o) => instantToLocalTime(o.period.start)))).toEqual(new Set(['00:30']))
    expect(new Set(e.occurrences.map((o) => o.period.end - o.period.start))).toEqual(new Set([90 * 60_000]))
  })

  it('gives a problem, not a period, to an occurrence whose hour does not exist (28/03/2027 02:30)', () => {
    const e = expandSeries(resolvePeriod('2027-03-27T02:30', '2027-03-27T04:00'), 'FREQ=DAILY;COUNT=3')
    expect(e.occurrences.map((o) => o.problem)).toEqual([
      null,
      "02:30 n'existe pas le 28/03/2027 (passage à l'heure d'été) : cette date ne peut pas être réservée à " +
        "cette heure ; ajoutez-la aux dates d'exception ou changez l'heure de la série.",
      null,
    ])
    expect(starts(e)).toEqual([
      '2027-03-27T01:30:00.000Z',
      '2027-03-28T01:30:00.000Z',
      '2027-03-29T00:30:00.000Z',
    ])
  })

  it('reads an ambiguous hour (31/10/2027 02:30) as its first occurrence, summer time', () => {
    const e = expandSeries(resolvePeriod('2027-10-30T02:30', '2027-10-30T03:00'), 'FREQ=DAILY;COUNT=3')
    expect(starts(e)).toEqual([
      '2027-10-30T00:30:00.000Z',
      '2027-10-31T00:30:00.000Z',
      '2027-11-01T01:30:00.000Z',
    ])
  })
})

describe('day-long series, exception dates and months without the day', () => {
  it('a daily day-long series with one exception date removes exactly that day', () => {
    const e = expandSeries(resolvePeriod('2027-05-10', '2027-05-10'), 'FREQ=DAILY;COUNT=5', ['2027-05-12'])
    expect(e.description).toBe('Chaque jour, 5 fois')
    expect(e.occurrences.map((o) => [o.period.startDate, o.period.endDate, o.excluded])).toEqual([
      ['2027-05-10', '2027-05-10', false],
      ['2027-05-11', '2027-05-11', false],
      ['2027-05-12', '2027-05-12', true],
      ['2027-05-13', '2027-05-13', false],
      ['2027-05-14', '2027-05-14', false],
    ])
    expect(e.occurrences.filter((o) => !o.excluded).map((o) => o.date)).toEqual([
      '2027-05-10',
      '2027-05-11',
      '2027-05-13',
      '2027-05-14',
    ])
    expect(starts(e)[3]).toBe('2027-05-12T22:00:00.000Z')
    expect(ends(e)[3]).toBe('2027-05-13T22:00:00.000Z')
  })

  it('a weekly two-day loan keeps two days, across the spring change (friday–saturday)', () => {
    const e = expandSeries(resolvePeriod('2027-03-19', '2027-03-20'), 'FREQ=WEEKLY;COUNT=2')
    expect(e.occurrences.map((o) => [o.period.startDate, o.period.endDate])).toEqual([
      ['2027-03-19', '2027-03-20'],
      ['2027-03-26', '2027-03-27'],
    ])
    expect(ends(e)).toEqual(['2027-03-20T23:00:00.000Z', '2027-03-27T23:00:00.000Z'])
  })

  it('monthly on the 31st skips the months without a 31st (RFC 5545)', () => {
    const e = expandSeries(resolvePeriod('2027-01-31T09:00', '2027-01-31T10:00'), 'FREQ=MONTHLY;COUNT=7')
    expect(e.description).toBe('Chaque mois le 31, 7 fois — les mois sans 31 sont sautés (RFC 5545)')
    expect(e.occurrences.map((o) => o.date)).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
      '2027-07-31',
      '2027-08-31',
      '2027-10-31',
      '2027-12-31',
    ])
    expect(starts(e)).toEqual([
      '2027-01-31T08:00:00.000Z',
      '2027-03-31T07:00:00.000Z',
      '2027-05-31T07:00:00.000Z',
      '2027-07-31T07:00:00.000Z',
      '2027-08-31T07:00:00.000Z',
      '2027-10-31T08:00:00.000Z',
      '2027-12-31T08:00:00.000Z',
    ])
  })

  it('UNTIL as a date includes that day; as a UTC instant or a Paris time it bounds the start', () => {
    const first = resolvePeriod('2027-03-17T18:00', '2027-03-17T20:00')
    const dates = (rule: string) => expandSeries(first, rule).occurrences.map((o) => o.date)
    expect(dates('FREQ=WEEKLY;UNTIL=20270407')).toEqual([
      '2027-03-17',
      '2027-03-24',
      '2027-03-31',
      '2027-04-07',
    ])
    expect(dates('FREQ=WEEKLY;UNTIL=20270407T160000Z')).toEqual([
      '2027-03-17',
      '2027-03-24',
      '2027-03-31',
      '2027-04-07',
    ])
    expect(dates('FREQ=WEEKLY;UNTIL=20270407T175959')).toEqual(['2027-03-17', '2027-03-24', '2027-03-31'])
  })
})

describe('French description of a rule', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=WE;COUNT=4', undefined, 'Chaque semaine le mercredi, 4 fois'],
    ['FREQ=WEEKLY;COUNT=4', '2027-03-17', 'Chaque semaine le mercredi, 4 fois'],
    [
      'freq=weekly;interval=2;byday=TH,MO;until=20270630',
      undefined,
      "Toutes les 2 semaines le lundi et le jeudi, jusqu'au 30/06/2027",
    ],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=10', undefined, 'Chaque jour du lundi au vendredi, 10 fois'],
    ['FREQ=DAILY;INTERVAL=3;COUNT=5', undefined, 'Tous les 3 jours, 5 fois'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=6', undefined, 'Chaque mois le 1er et le 15, 6 fois'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=6', undefined, 'Chaque mois le dernier jour, 6 fois'],
    ['FREQ=MONTHLY;BYDAY=2TU;COUNT=6', undefined, 'Chaque mois le 2e mardi, 6 fois'],
    ['FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=3;COUNT=4', undefined, 'Tous les 3 mois le dernier vendredi, 4 fois'],
    [
      'FREQ=MONTHLY;BYDAY=5SA;COUNT=3',
      undefined,
      'Chaque mois le 5e samedi, 3 fois — les mois sans 5e samedi sont sautés (RFC 5545)',
    ],
    [
      'FREQ=MONTHLY;COUNT=3',
      '2027-01-30',
      'Chaque mois le 30, 3 fois — les mois sans 30 sont sautés (RFC 5545)',
    ],
    [
      'FREQ=WEEKLY;UNTIL=20270407T160000Z',
      '2027-03-17',
      "Chaque semaine le mercredi, jusqu'au 07/04/2027 à 18:00",
    ],
  ])('%s → %s', (rule, firstDate, text) => {
    expect(describeSeriesRule(rule, firstDate)).toBe(text)
  })
})

describe('rules that are refused, in French, on the field `rule`', () => {
  const first = resolvePeriod('2027-03-17T18:00', '2027-03-17T20:00')

  it.each([
    [
      'FREQ=HOURLY;COUNT=3',
      "FREQ=HOURLY n'est pas proposé : indiquez FREQ=DAILY (chaque jour), FREQ=WEEKLY (chaque semaine) ou " +
        'FREQ=MONTHLY (chaque mois) (exemple : FREQ=WEEKLY;BYDAY=WE;COUNT=4).',
    ],
    [
      'FREQ=WEEKLY;BYDAY=WE',
      'Indiquez la fin de la série : COUNT (nombre de fois, COUNT=10) ou UNTIL (date de fin, UNTIL=20270630).',
    ],
    [
      'FREQ=WEEKLY;COUNT=1000',
      'COUNT=1000 : 366 occurrences au plus par série. Raccourcissez la série ou découpez-la en plusieurs.',
    ],
    [
      'n’importe quoi',
      "« n’importe quoi » n'est pas une règle de répétition reconnue (exemple : FREQ=WEEKLY;BYDAY=WE;COUNT=4).",
    ],
    [
      'DTSTART:20270317T180000\nRRULE:FREQ=WEEKLY;COUNT=4',
      'La règle ne contient que la ligne RRULE, sans DTSTART ni EXDATE : le début de la série est celui du ' +
        "premier créneau, et les dates d'exception se donnent à part.",
    ],
    [
      'FREQ=WEEKLY;BYHOUR=9;COUNT=4',
      "L'heure de la série est celle du premier créneau : retirez BYHOUR de la règle.",
    ],
    [
      'FREQ=WEEKLY;BYSETPOS=1;COUNT=4',
      "BYSETPOS n'est pas pris en charge : une règle n'emploie que FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, WKST.",
    ],
    [
      'FREQ=WEEKLY;COUNT=4;UNTIL=20270407',
      'Indiquez soit COUNT (nombre de fois), soit UNTIL (date de fin), pas les deux.',
    ],
    [
      'FREQ=DAILY;UNTIL=20290101',
      'La règle donne plus de 366 occurrences : avancez la date de fin (UNTIL) ou découpez la série en plusieurs.',
    ],
    [
      'FREQ=DAILY;UNTIL=20310101',
      'Une série dure 3 ans au plus : date de fin (UNTIL) au plus tard le 17/03/2030.',
    ],
    [
      'FREQ=MONTHLY;INTERVAL=12;COUNT=5',
      "Une série dure 3 ans au plus (jusqu'au 17/03/2030) : réduisez COUNT.",
    ],
    [
      'FREQ=WEEKLY;UNTIL=20270301',
      'La date de fin de la règle (UNTIL) est avant le premier créneau, le 17/03/2027.',
    ],
    [
      'FREQ=MONTHLY;BYDAY=TU;COUNT=3',
      'BYDAY=TU : pour une répétition mensuelle, précisez le rang du jour (1MO : le premier lundi, -1FR : le dernier vendredi).',
    ],
  ])('%s', (rule, message) => {
    expect(refused(() => expandSeries(first, rule))).toEqual({ path: 'rule', message })
  })

  it('refuses a first occurrence on a day the rule does not give, on the field `start`', () => {
    const tuesday = resolvePeriod('2027-03-16T18:00', '2027-03-16T20:00')
    expect(refused(() => expandSeries(tuesday, 'FREQ=WEEKLY;BYDAY=WE;COUNT=4'))).toEqual({
      path: 'start',
      message:
        'Le premier créneau, le mardi 16/03/2027, ne suit pas la règle « Chaque semaine le mercredi, 4 fois » : ' +
        'commencez la série le 17/03/2027, sa première date, ou changez la règle.',
    })
  })

  it('refuses occurrences that overlap each other (two-day loans every day)', () => {
    expect(
      refused(() => expandSeries(resolvePeriod('2027-05-10', '2027-05-11'), 'FREQ=DAILY;COUNT=3')),
    ).toEqual({
      path: 'rule',
      message:
        "Les occurrences se chevauchent (celle du 10/05/2027 dure jusqu'après le début de celle du 11/05/2027) : " +
        'raccourcissez le créneau ou espacez les répétitions.',
    })
  })

  it('accepts exactly 366 occurrences and 3 years', () => {
    expect(expandSeries(first, 'FREQ=DAILY;COUNT=366').occurrences).toHaveLength(366)
    expect(expandSeries(first, 'FREQ=MONTHLY;INTERVAL=12;COUNT=4').occurrences.at(-1)?.date).toBe(
      '2030-03-17',
    )
  })
})
