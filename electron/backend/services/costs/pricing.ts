/**
 * What the counting rules need from the database: the resources' rates by day, the hub's settings by
 * day and the French public holidays (shared/costs/lines.ts, `Pricing`).
 */
import type { Pricing } from '../../../../shared/costs/lines'
import type { Rate } from '../../../../shared/domain/costs'
import type { Db } from '../../db/connection'
import { listRatesOf } from '../../db/repositories/rates'
import { listHolidays } from '../holidays'
import { settingsLookup } from './settings'

/** Local dates of the French public holidays of the years `firstYear`…`lastYear`. */
export function holidayDates(firstYear: number, lastYear: number): Set<string> {
  const dates = new Set<string>()
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of listHolidays(`${year}-01-01`, `${year}-12-31`)) dates.add(h.date)
  }
  return dates
}

/**
 * A rate lookup over these resources: the rate whose `validFrom` is the latest on or before the day.
 * @example rateLookup(db, [id])(id, '2027-05-14')?.amountCents
 */
export function rateLookup(
  db: Db,
  resourceIds: readonly string[],
): (resourceId: string, date: string) => Rate | null {
  const byResource = new Map<string, Rate[]>()
  // Latest first, so the first one on or before the day is the one in force.
  for (const rate of listRatesOf(db, resourceIds)) {
    const list = byResource.get(rate.resourceId) ?? []
    list.push(rate)
    byResource.set(rate.resourceId, list)
  }
  return (resourceId, date) => byResource.get(resourceId)?.find((r) => r.validFrom <= date) ?? null
}

/**
 * The pricing of a hub's bookings over the local dates `first`…`last`.
 * @param resourceIds the resources the bookings name
 */
export function pricingFor(
  db: Db,
  hubId: string,
  resourceIds: readonly string[],
  first: string,
  last: string,
): Pricing {
  return {
    rateFor: rateLookup(db, resourceIds),
    settingsFor: settingsLookup(db, hubId),
    holidays: holidayDates(Number(first.slice(0, 4)), Number(last.slice(0, 4))),
  }
}
