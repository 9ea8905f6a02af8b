import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../shared/errors'
import {
  agentsHolding,
  approvalResources,
  deliveryToApi,
  draftQualificationIssues,
  emptyDelivery,
  emptyOperator,
  lifecycleMissingFields,
  qualificationIssuesOf,
  qualificationNeeds,
  toggleAgent,
} from '../../renderer/src/features/bookings/lifecycle'
import type { BookingDraft } from '../../renderer/src/features/bookings/model'
import {
  draftToCreateInput,
  draftToSeriesInput,
  emptyBookingDraft,
  missingFields,
} from '../../renderer/src/features/bookings/model'
import type { RepeatDraft } from '../../renderer/src/features/bookings/repeat'
import {
  addException,
  emptyRepeat,
  repeatDescription,
  repeatErrors,
  repeatRule,
  skippedMonthsNote,
  startRepeat,
  toggleWeekday,
} from '../../renderer/src/features/bookings/repeat'
import { makeResource } from './fixtures'

const nacelle = makeResource({
  id: 'nacelle',
  name: 'Nacelle 12 m',
  requiresApproval: true,
  requiredQualification: 'CACES R486',
})
const chairs = makeResource({ id: 'chairs', name: 'Chaises', tracking: 'stock', quantity: 120 })
const agentB = makeResource({
  id: 'agent-b',
  kind: 'staff',
  name: 'Agent B',
  qualifications: [{ name: 'CACES R486 cat. B', expiresOn: '2027-05-15' }],
})
const agentA = makeResource({
  id: 'agent-a',
  kind: 'staff',
  name: 'Agent A',
  qualifications: [{ name: 'caces r486', expiresOn: null }],
})
const expired = makeResource({
  id: 'agent-c',
  kind: 'staff',
  name: 'Agent C',
  qualifications: [{ name: 'CACES R486', expiresOn: '2027-05-13' }],
})
const resources = [nacelle, chairs, agentB, agentA, expired]
const byId = new Map(resources.map((r) => [r.id, r]))

const draft: BookingDraft = {
  ...emptyBookingDraft,
  communeId: 'tiffauges',
  title: 'Élagage',
  period: { mode: 'days', firstDay: '14/05/2027', lastDay: '15/05/2027', start: '', end: '' },
  items: [
    { resourceId: 'nacelle', quantity: '1' },
    { resourceId: 'chairs', quantity: '40' },
  ],
}

describe('approval and qualified operator', () => {
  it('names the resources that make the request one to approve, and what they need', () => {
    expect(approvalResources(draft.items, byId).map((r) => r.id)).toEqual(['nacelle'])
    expect(qualificationNeeds(draft.items, byId).map((n) => [n.resource.id, n.qualification])).toEqual([
      ['nacelle', 'CACES R486'],
    ])
  })

  it('offers the agents holding the qualification through the last day, by name', () => {
    expect(agentsHolding('CACES R486', resources, '2027-05-15').map((a) => a.id)).toEqual([
      'agent-a',
      'agent-b',
    ])
    expect(agentsHolding('CACES R486', resources, '2027-05-16').map((a) => a.id)).toEqual(['agent-a'])
  })

  it('checks the request as typed with the shared rule', () => {
    const live = draftQualificationIssues(
      { start: '2027-05-14', end: '2027-05-15' },
      draft.items,
      emptyOperator,
      byId,
    )
    expect(live?.lastDay).toBe('2027-05-15')
    expect(live?.issues.map((i) => [i.resourceId, i.qualification])).toEqual([['nacelle', 'CACES R486']])
    const withAgent = [...draft.items, { resourceId: 'agent-b', quantity: '1' }]
    expect(
      draftQualificationIssues({ start: '2027-05-14', end: '2027-05-15' }, withAgent, emptyOperator, byId)
        ?.issues,
    ).toEqual([])
    const operator = { enabled: true, name: 'J. Martin', qualification: 'CACES R486 cat. A' }
    expect(
      draftQualificationIssues({ start: '2027-05-14', end: '2027-05-15' }, draft.items, operator, byId)
        ?.issues,
    ).toEqual([])
    expect(draftQualificationIssues(null, draft.items, emptyOperator, byId)).toBeNull()
  })

  it('reads the issues of a QUALIFICATION_MISSING refusal only', () => {
    const issue = {
      resourceId: 'nacelle',
      resourceName: 'Nacelle 12 m',
      qualification: 'CACES R486',
      message: 'Il faut…',
    }
    const refusal: ApiError = {
      code: 'QUALIFICATION_MISSING',
      message: 'Refusé',
      details: { issues: [issue, { x: 1 }] },
    }
    expect(qualificationIssuesOf(refusal)).toEqual([issue])
    expect(qualificationIssuesOf({ code: 'CONFLICT', message: 'x', details: { issues: [issue] } })).toEqual(
      [],
    )
  })
})

describe('delivery', () => {
  it('is sent only when asked, minutes as a number, address trimmed', () => {
    expect(deliveryToApi(emptyDelivery)).toBeNull()
    expect(
      deliveryToApi({
        enabled: true,
        vehicleId: 'van',
        agentIds: ['a'],
        minutes: '45',
        address: ' Salle des fêtes ',
      }),
    ).toEqual({ vehicleId: 'van', agentIds: ['a'], minutes: 45, address: 'Salle des fêtes' })
  })

  it('says what is missing before sending', () => {
    expect(lifecycleMissingFields(emptyOperator, { ...emptyDelivery, enabled: true, minutes: '5' })).toEqual({
      'delivery.vehicleId': 'Choisissez le véhicule de la livraison.',
      'delivery.agentIds': 'Choisissez au moins un agent.',
      'delivery.minutes': 'Une durée de 15 à 480 minutes.',
    })
    expect(lifecycleMissingFields({ enabled: true, name: ' ', qualification: '' }, emptyDelivery)).toEqual({
      'providedOperator.name': 'Indiquez le nom de l’opérateur de la commune.',
      'providedOperator.qualification': 'Indiquez sa qualification (ex. CACES R486).',
    })
  })

  it('takes four agents at most', () => {
    expect(toggleAgent(['a', 'b', 'c', 'd'], 'e')).toEqual(['a', 'b', 'c', 'd'])
    expect(toggleAgent(['a', 'b'], 'a')).toEqual(['b'])
  })
})

describe('create input', () => {
  it('carries the idempotency key, the operator and the delivery', () => {
    const full: BookingDraft = {
      ...draft,
      operator: { enabled: true, name: 'J. Martin', qualification: 'CACES R486' },
      delivery: { enabled: true, vehicleId: 'van', agentIds: ['agent-a'], minutes: '', address: '' },
    }
    expect(draftToCreateInput(full, byId, 'req-12345678')).toEqual({
      communeId: 'tiffauges',
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-15',
      items: [{ resourceId: 'nacelle' }, { resourceId: 'chairs', quantity: 40 }],
      providedOperator: { name: 'J. Martin', qualification: 'CACES R486' },
      delivery: { vehicleId: 'van', agentIds: ['agent-a'] },
      clientRequestId: 'req-12345678',
    })
  })
})

describe('repetition', () => {
  const on = (patch: Partial<RepeatDraft>): RepeatDraft => ({ ...emptyRepeat, enabled: true, ...patch })

  it('starts from the first day: its weekday, its day of the month, its week', () => {
    // 14/05/2027 is the second Friday of May.
    const started = startRepeat(emptyRepeat, '2027-05-14')
    expect([
      started.enabled,
      started.weekdays,
      started.monthDay,
      started.weekOfMonth,
      started.monthWeekday,
    ]).toEqual([true, ['FR'], '14', '2', 'FR'])
    expect(startRepeat(emptyRepeat, '2027-05-31').weekOfMonth).toBe('-1')
  })

  it('writes RFC 5545 rules', () => {
    expect(repeatRule(on({ weekdays: ['TU', 'TH'], count: '6' }))).toBe('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6')
    expect(repeatRule(on({ weekdays: ['WE'], interval: '2', endMode: 'until', until: '30/06/2027' }))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270630',
    )
    expect(repeatRule(on({ frequency: 'monthly', monthDay: '31', count: '12' }))).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=12',
    )
    expect(
      repeatRule(
        on({ frequency: 'monthly', monthlyMode: 'weekdayOfMonth', weekOfMonth: '-1', monthWeekday: 'FR' }),
      ),
    ).toBe('FREQ=MONTHLY;BYDAY=-1FR;COUNT=4')
  })

  it('checks the section before asking the backend', () => {
    expect(repeatErrors(emptyRepeat, null)).toEqual({})
    expect(repeatErrors(on({ weekdays: [], interval: '0', count: '0' }), '2027-05-14')).toEqual({
      'repeat.interval': 'Un nombre entier de 1 à 52.',
      'repeat.weekdays': 'Cochez au moins un jour.',
      'repeat.count': 'Un nombre de 1 à 366 fois.',
    })
    expect(
      repeatErrors(on({ weekdays: ['FR'], endMode: 'until', until: '01/05/2027' }), '2027-05-14'),
    ).toEqual({
      'repeat.until': 'La date de fin est avant le premier jour.',
    })
    expect(repeatErrors(on({ frequency: 'monthly', monthDay: '32' }), '2027-05-14')).toEqual({
      'repeat.monthDay': 'Un jour de 1 à 31.',
    })
  })

  it('says which months a rule on the 29th, 30th or 31st skips', () => {
    expect(skippedMonthsNote(31)).toContain('février, avril, juin, septembre, novembre')
    expect(skippedMonthsNote(30)).toBe(
      'Février n’a pas de 30 : il est sauté, comme le veut la norme des calendriers (RFC 5545).',
    )
    expect(skippedMonthsNote(28)).toBeNull()
  })

  it('keeps exception dates sorted and unique, and weekdays Monday first', () => {
    const first = addException(on({ exceptionText: '04/06/2027' }))
    const second = addException({ ...first.draft, exceptionText: '2027-05-28' })
    const again = addException({ ...second.draft, exceptionText: '4/6/2027' })
    expect(again.draft.exceptionDates).toEqual(['2027-05-28', '2027-06-04'])
    expect(addException(on({ exceptionText: '31/02/2027' })).error).toBe(
      'Date non reconnue : écrivez-la jj/mm/aaaa.',
    )
    expect(toggleWeekday(['FR'], 'MO')).toEqual(['MO', 'FR'])
  })

  it('describes the rule in French with the shared description', () => {
    expect(repeatDescription(on({ weekdays: ['FR'], count: '4' }), '2027-05-14')).toBe(
      'Chaque semaine le vendredi, 4 fois',
    )
    expect(repeatDescription(on({ weekdays: [] }), '2027-05-14')).toBeNull()
  })

  it('makes the series input from the draft, without delivery, and checks the section with the form', () => {
    const repeating: BookingDraft = {
      ...draft,
      delivery: { enabled: true, vehicleId: '', agentIds: [], minutes: '60', address: '' },
      repeat: on({ weekdays: ['FR'], count: '3', exceptionDates: ['2027-05-21'] }),
    }
    expect(draftToSeriesInput(repeating, byId)).toEqual({
      communeId: 'tiffauges',
      title: 'Élagage',
      start: '2027-05-14',
      end: '2027-05-15',
      items: [{ resourceId: 'nacelle' }, { resourceId: 'chairs', quantity: 40 }],
      rule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3',
      exceptionDates: ['2027-05-21'],
    })
    // The delivery of a series is not asked: its empty fields are not an error.
    expect(missingFields(repeating)).toEqual({})
    expect(missingFields({ ...repeating, repeat: on({ weekdays: [] }) })).toEqual({
      'repeat.weekdays': 'Cochez au moins un jour.',
    })
  })
})
