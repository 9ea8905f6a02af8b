import { describe, expect, it } from 'vitest'
import {
  findConflicts,
  freeQuantity,
  overlaps,
  peakUsage,
  type CapacityResource,
  type Occupation,
} from '../../shared/availability'
import { localToInstant } from '../../shared/time'

const at = (date: string, hours: number, minutes = 0): number => localToInstant(date, hours, minutes)

const nacelle: CapacityResource = {
  id: 'nacelle',
  name: 'Nacelle',
  tracking: 'unit',
  quantity: 1,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
}
const chaises: CapacityResource = {
  ...nacelle,
  id: 'chaises',
  name: 'Chaises',
  tracking: 'stock',
  quantity: 100,
}

let counter = 0
function booking(
  resourceId: string,
  start: number,
  end: number,
  quantity = 1,
  communeName = 'Tiffauges',
): Occupation {
  counter += 1
  return {
    resourceId,
    quantity,
    start,
    end,
    allDay: false,
    startDate: null,
    endDate: null,
    source: {
      type: 'booking',
      bookingId: `b${counter}`,
      reference: `RES-2027-${String(counter).padStart(4, '0')}`,
      communeId: 'c1',
      communeName,
      title: 'Fête',
    },
  }
}

function unavailability(resourceId: string, start: number, end: number, quantity = 1): Occupation {
  return {
    resourceId,
    quantity,
    start,
    end,
    allDay: false,
    startDate: null,
    endDate: null,
    source: { type: 'unavailability', unavailabilityId: 'u1', reason: 'Réparation' },
  }
}

const map = (...resources: CapacityResource[]) => new Map(resources.map((r) => [r.id, r]))

describe('half-open intervals', () => {
  it('touching intervals do not overlap', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false)
    expect(overlaps({ start: 10, end: 20 }, { start: 0, end: 10 })).toBe(false)
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true)
    expect(overlaps({ start: 12, end: 13 }, { start: 10, end: 20 })).toBe(true)
  })
})

describe('unit resources', () => {
  const morning = booking('nacelle', at('2027-05-14', 8), at('2027-05-14', 12))

  it('a booking ending at 12:00 and one starting at 12:00 do not conflict', () => {
    const period = { start: at('2027-05-14', 12), end: at('2027-05-14', 18) }
    expect(findConflicts(period, [{ resourceId: 'nacelle', quantity: 1 }], map(nacelle), [morning])).toEqual(
      [],
    )
  })

  it('one minute of overlap is a conflict naming the booking, its commune and its period', () => {
    const period = { start: at('2027-05-14', 11, 59), end: at('2027-05-14', 18) }
    const [conflict, ...rest] = findConflicts(
      period,
      [{ resourceId: 'nacelle', quantity: 1 }],
      map(nacelle),
      [morning],
    )
    expect(rest).toEqual([])
    expect(conflict).toMatchObject({
      resourceId: 'nacelle',
      bookingId: morning.source.type === 'booking' ? morning.source.bookingId : '',
      reference: morning.source.type === 'booking' ? morning.source.reference : '',
      communeId: 'c1',
      start: '2027-05-14T06:00:00.000Z',
      end: '2027-05-14T10:00:00.000Z',
      freeQuantity: null,
    })
    expect(conflict?.message).toBe(
      `« Nacelle » : réservation ${conflict?.reference} (Tiffauges, « Fête ») du 14/05/2027 08:00 au 14/05/2027 12:00.`,
    )
  })

  it('an unavailability blocks like a booking', () => {
    const repair = unavailability('nacelle', at('2027-05-20', 0), at('2027-05-21', 0))
    const period = { start: at('2027-05-20', 14), end: at('2027-05-20', 15) }
    const [conflict] = findConflicts(period, [{ resourceId: 'nacelle', quantity: 1 }], map(nacelle), [repair])
    expect(conflict).toMatchObject({ unavailabilityId: 'u1', reason: 'Réparation', bookingId: null })
  })

  it('ignores other resources', () => {
    const period = { start: at('2027-05-14', 9), end: at('2027-05-14', 10) }
    const other = booking('pelle', period.start, period.end)
    expect(findConflicts(period, [{ resourceId: 'nacelle', quantity: 1 }], map(nacelle), [other])).toEqual([])
  })
})

describe('buffers extend bookings on both sides', () => {
  const podium: CapacityResource = {
    ...nacelle,
    id: 'podium',
    name: 'Podium',
    bufferBeforeMinutes: 30,
    bufferAfterMinutes: 60,
  }
  const first = booking('podium', at('2027-06-05', 8), at('2027-06-05', 12))

  it('the next booking must leave after + before = 90 minutes', () => {
    const item = [{ resourceId: 'podium', quantity: 1 }]
    const tooSoon = { start: at('2027-06-05', 13, 29), end: at('2027-06-05', 18) }
    const justRight = { start: at('2027-06-05', 13, 30), end: at('2027-06-05', 18) }
    expect(findConflicts(tooSoon, item, map(podium), [first])).toHaveLength(1)
    expect(findConflicts(justRight, item, map(podium), [first])).toEqual([])
  })

  it('applies before the stored booking too', () => {
    const item = [{ resourceId: 'podium', quantity: 1 }]
    const endsTooLate = { start: at('2027-06-05', 5), end: at('2027-06-05', 6, 31) }
    const endsInTime = { start: at('2027-06-05', 5), end: at('2027-06-05', 6, 30) }
    expect(findConflicts(endsTooLate, item, map(podium), [first])).toHaveLength(1)
    expect(findConflicts(endsInTime, item, map(podium), [first])).toEqual([])
  })

  it('does not extend unavailabilities', () => {
    const repair = unavailability('podium', at('2027-06-06', 0), at('2027-06-07', 0))
    const item = [{ resourceId: 'podium', quantity: 1 }]
    // The booking with its 60-minute after-buffer ends exactly when the repair starts.
    const period = { start: at('2027-06-05', 14), end: at('2027-06-05', 23) }
    expect(findConflicts(period, item, map(podium), [repair])).toEqual([])
    const later = { start: at('2027-06-05', 14), end: at('2027-06-05', 23, 1) }
    expect(findConflicts(later, item, map(podium), [repair])).toHaveLength(1)
  })
})

describe('stock resources count the peak, not the sum', () => {
  // 60 chairs Monday–Tuesday and 60 chairs Wednesday–Thursday: 120 over the week, never more than 60 at once.
  const early = booking('chaises', at('2027-05-10', 0), at('2027-05-12', 0), 60)
  const late = booking('chaises', at('2027-05-12', 0), at('2027-05-14', 0), 60)
  const week = { start: at('2027-05-10', 0), end: at('2027-05-14', 0) }

  it('40 more chairs fit over the whole week', () => {
    expect(
      findConflicts(week, [{ resourceId: 'chaises', quantity: 40 }], map(chaises), [early, late]),
    ).toEqual([])
    expect(freeQuantity(chaises, week, [early, late])).toBe(40)
  })

  it('41 do not, and the refusal says how many are left', () => {
    const conflicts = findConflicts(week, [{ resourceId: 'chaises', quantity: 41 }], map(chaises), [
      early,
      late,
    ])
    expect(conflicts.length).toBeGreaterThan(0)
    expect(conflicts.every((c) => c.freeQuantity === 40 && c.requestedQuantity === 41)).toBe(true)
    expect(conflicts[0]?.message).toContain('il en reste 40 sur 100 pour cette période (demande : 41)')
  })

  it('overlapping bookings add up at the instant they share', () => {
    const a = booking('chaises', at('2027-05-10', 8), at('2027-05-10', 12), 30)
    const b = booking('chaises', at('2027-05-10', 10), at('2027-05-10', 14), 50)
    const day = { start: at('2027-05-10', 0), end: at('2027-05-11', 0) }
    expect(peakUsage(day, [a, b]).peak).toBe(80)
    expect(freeQuantity(chaises, day, [a, b])).toBe(20)
    const conflicts = findConflicts(day, [{ resourceId: 'chaises', quantity: 21 }], map(chaises), [a, b])
    expect(conflicts.map((c) => c.bookingId).sort()).toEqual(
      [a, b].map((o) => (o.source.type === 'booking' ? o.source.bookingId : '')).sort(),
    )
  })

  it('touching stock bookings never add up', () => {
    const a = booking('chaises', at('2027-05-10', 8), at('2027-05-10', 12), 100)
    const b = booking('chaises', at('2027-05-10', 12), at('2027-05-10', 16), 100)
    expect(peakUsage({ start: at('2027-05-10', 0), end: at('2027-05-11', 0) }, [a, b]).peak).toBe(100)
  })

  it('an unavailability withdraws its quantity', () => {
    const broken = unavailability('chaises', at('2027-05-01', 0), at('2027-06-01', 0), 10)
    const day = { start: at('2027-05-10', 0), end: at('2027-05-11', 0) }
    expect(freeQuantity(chaises, day, [broken])).toBe(90)
    const [conflict] = findConflicts(day, [{ resourceId: 'chaises', quantity: 91 }], map(chaises), [broken])
    expect(conflict).toMatchObject({ unavailabilityId: 'u1', freeQuantity: 90, requestedQuantity: 91 })
  })

  it('a request above the whole stock is refused even with nothing booked', () => {
    const day = { start: at('2027-05-10', 0), end: at('2027-05-11', 0) }
    const [conflict, ...rest] = findConflicts(
      day,
      [{ resourceId: 'chaises', quantity: 101 }],
      map(chaises),
      [],
    )
    expect(rest).toEqual([])
    expect(conflict).toMatchObject({ bookingId: null, freeQuantity: 100, requestedQuantity: 101 })
  })
})

describe('several items', () => {
  it('reports every item that does not fit', () => {
    const period = { start: at('2027-05-14', 8), end: at('2027-05-14', 12) }
    const taken = booking('nacelle', period.start, period.end)
    const full = booking('chaises', period.start, period.end, 100)
    const conflicts = findConflicts(
      period,
      [
        { resourceId: 'nacelle', quantity: 1 },
        { resourceId: 'chaises', quantity: 1 },
      ],
      map(nacelle, chaises),
      [taken, full],
    )
    expect(conflicts.map((c) => c.resourceId)).toEqual(['nacelle', 'chaises'])
  })

  it('throws on a resource the caller forgot to load (a programming error)', () => {
    expect(() => findConflicts({ start: 0, end: 1 }, [{ resourceId: 'x', quantity: 1 }], map(), [])).toThrow()
  })
})

describe("the resource's own limits", () => {
  it('an item out of service lends nothing, whenever', () => {
    const broken: CapacityResource = { ...nacelle, condition: 'out_of_service' }
    const period = { start: at('2027-05-14', 8), end: at('2027-05-14', 12) }
    const [conflict, ...rest] = findConflicts(
      period,
      [{ resourceId: 'nacelle', quantity: 1 }],
      map(broken),
      [],
    )
    expect(rest).toEqual([])
    expect(conflict).toMatchObject({ bookingId: null, unavailabilityId: null, start: null, end: null })
    expect(conflict?.message).toBe('« Nacelle » : hors service, ne peut pas être prêté.')
    expect(freeQuantity(broken, period, [])).toBe(0)
    expect(
      findConflicts(
        period,
        [{ resourceId: 'nacelle', quantity: 1 }],
        map({ ...nacelle, condition: 'worn' }),
        [],
      ),
    ).toEqual([])
  })

  it('nothing is lent after the last day before the VGP; that day itself is fine', () => {
    const due: CapacityResource = { ...nacelle, kind: 'equipment', nextInspectionDate: '2027-03-15' }
    const item = [{ resourceId: 'nacelle', quantity: 1 }]
    const lastDay = { start: at('2027-03-15', 8), end: at('2027-03-16', 0) }
    expect(findConflicts(lastDay, item, map(due), [])).toEqual([])
    const overRuns = { start: at('2027-03-15', 8), end: at('2027-03-16', 0, 1) }
    const [conflict] = findConflicts(overRuns, item, map(due), [])
    expect(conflict).toMatchObject({ start: '2027-03-15T23:00:00.000Z', end: null })
    expect(conflict?.message).toBe(
      '« Nacelle » : vérification générale périodique (VGP) à faire au plus tard le 15/03/2027 : pas de prêt après cette date.',
    )
  })

  it('speaks of the contrôle technique for a vehicle', () => {
    const van: CapacityResource = {
      ...nacelle,
      name: 'Fourgon',
      kind: 'vehicle',
      nextInspectionDate: '2027-04-20',
    }
    const period = { start: at('2027-05-02', 8), end: at('2027-05-02', 12) }
    const [conflict] = findConflicts(period, [{ resourceId: 'nacelle', quantity: 1 }], map(van), [])
    expect(conflict?.message).toContain('contrôle technique à passer au plus tard le 20/04/2027')
  })

  it('a stock lends its quantity less the units out of service', () => {
    const worn: CapacityResource = { ...chaises, outOfServiceQuantity: 10 }
    const day = { start: at('2027-05-10', 0), end: at('2027-05-11', 0) }
    expect(freeQuantity(worn, day, [])).toBe(90)
    const [conflict] = findConflicts(day, [{ resourceId: 'chaises', quantity: 91 }], map(worn), [])
    expect(conflict?.message).toBe('« Chaises » : il en reste 90 sur 90 pour cette période (demande : 91).')
  })
})
