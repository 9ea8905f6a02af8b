/**
 * The nearest free periods as the Disponibilités page shows them
 * (renderer/src/features/availability/model.ts): French labels, distances on the wall clock,
 * merging the answers for several resources, and filling the search's period fields.
 */
import { describe, expect, it } from 'vitest'
import type { SuggestedPeriod } from '../../shared/domain/calendar'
import type { Category, Resource } from '../../shared/domain/types'
import { emptyPeriod } from '../../renderer/src/lib/period'
import {
  describeShift,
  describeSuggestion,
  mergeSuggestions,
  suggestionCandidates,
  suggestionToPeriod,
} from '../../renderer/src/features/availability/model'

const day = (startDate: string, endDate = startDate): SuggestedPeriod => ({
  // The instants do not matter for day-long periods here.
  start: `${startDate}T00:00:00.000Z`,
  end: `${endDate}T00:00:00.000Z`,
  allDay: true,
  startDate,
  endDate,
})

const timed = (start: string, end: string): SuggestedPeriod => ({
  start,
  end,
  allDay: false,
  startDate: null,
  endDate: null,
})

describe('proposals in French', () => {
  it('writes days with their weekday and times in Paris', () => {
    expect(describeSuggestion(day('2027-01-15'))).toBe('ven. 15/01/2027')
    expect(describeSuggestion(day('2027-01-17', '2027-01-18'))).toBe('du dim. 17/01/2027 au lun. 18/01/2027')
    // 05:00Z is 06:00 in Paris in winter.
    expect(describeSuggestion(timed('2027-03-10T05:00:00.000Z', '2027-03-10T07:00:00.000Z'))).toBe(
      'mer. 10/03/2027 06:00–08:00',
    )
    expect(describeSuggestion(timed('2027-07-13T18:00:00.000Z', '2027-07-14T04:00:00.000Z'))).toBe(
      'mar. 13/07/2027 20:00 – mer. 14/07/2027 06:00',
    )
  })

  it('says how far each proposal is, on the wall clock', () => {
    expect(describeShift('2027-01-16', day('2027-01-15'))).toBe('1 jour avant')
    expect(describeShift('2027-01-16', day('2027-01-18'))).toBe('2 jours après')
    expect(
      describeShift('2027-03-10T09:00', timed('2027-03-10T05:00:00.000Z', '2027-03-10T07:00:00.000Z')),
    ).toBe('3 h plus tôt')
    expect(
      describeShift('2027-03-10T09:00', timed('2027-03-10T09:30:00.000Z', '2027-03-10T11:30:00.000Z')),
    ).toBe('1 h 30 plus tard')
    // Across the change to summer time (28/03/2027), Sunday 09:00 is one day after Saturday 09:00.
    expect(
      describeShift('2027-03-27T09:00', timed('2027-03-28T07:00:00.000Z', '2027-03-28T09:00:00.000Z')),
    ).toBe('1 jour après')
  })
})

describe('filling the search with a proposal', () => {
  it('puts days into « Premier jour » / « Dernier jour » and date-times into « Début » / « Fin »', () => {
    expect(suggestionToPeriod(day('2027-01-17', '2027-01-18'), emptyPeriod)).toEqual({
      ...emptyPeriod,
      mode: 'days',
      firstDay: '17/01/2027',
      lastDay: '18/01/2027',
    })
    expect(
      suggestionToPeriod(timed('2027-07-14T07:00:00.000Z', '2027-07-14T10:00:00.000Z'), {
        ...emptyPeriod,
        mode: 'days',
      }),
    ).toMatchObject({ mode: 'timed', start: '14/07/2027 09:00', end: '14/07/2027 12:00' })
  })
})

describe('several resources', () => {
  it('merges the answers by period, nearest first, naming the resources free', () => {
    const merged = mergeSuggestions(
      [
        { resourceName: 'Barnum n° 2', periods: [day('2027-01-17'), day('2027-01-14')] },
        { resourceName: 'Barnum n° 1', periods: [day('2027-01-15'), day('2027-01-17')] },
      ],
      '2027-01-16',
    )
    expect(merged.map((s) => [s.period.startDate, s.resourceNames])).toEqual([
      ['2027-01-15', ['Barnum n° 1']],
      ['2027-01-17', ['Barnum n° 1', 'Barnum n° 2']],
      ['2027-01-14', ['Barnum n° 2']],
    ])
  })

  it('asks only about the resources of the kind and category that could lend that many', () => {
    const base = {
      hubId: 'h',
      outOfServiceQuantity: 0,
      archived: false,
      kind: 'equipment',
      tracking: 'unit',
      quantity: 1,
    } as const
    const resources = [
      { ...base, id: 'a', name: 'Barnum 3 × 3 m', categoryId: 'tentes' },
      {
        ...base,
        id: 'b',
        name: 'Chaises',
        categoryId: 'mobilier',
        tracking: 'stock',
        quantity: 120,
        outOfServiceQuantity: 10,
      },
      { ...base, id: 'c', name: 'Vieux barnum', categoryId: 'tentes', archived: true },
      { ...base, id: 'd', name: 'Fourgon', categoryId: null, kind: 'vehicle' },
    ] as unknown as Resource[]
    const categories: Category[] = [
      { id: 'manif', name: 'Manifestations', parentId: null, kind: 'equipment' },
      { id: 'tentes', name: 'Tentes', parentId: 'manif', kind: 'equipment' },
      { id: 'mobilier', name: 'Mobilier', parentId: 'manif', kind: 'equipment' },
    ]
    const names = (list: Resource[]) => list.map((r) => r.name)
    expect(names(suggestionCandidates(resources, categories, 'equipment', 'manif', 1))).toEqual([
      'Barnum 3 × 3 m',
      'Chaises',
    ])
    expect(names(suggestionCandidates(resources, categories, 'equipment', '', 110))).toEqual(['Chaises'])
    expect(names(suggestionCandidates(resources, categories, 'equipment', '', 111))).toEqual([])
    expect(names(suggestionCandidates(resources, categories, '', '', 1))).toEqual([
      'Barnum 3 × 3 m',
      'Chaises',
      'Fourgon',
    ])
  })
})
