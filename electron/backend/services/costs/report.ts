/**
 * `reports.costs`: what each commune owes for a period, line by line, at the rates in force (the
 * counting rules are shared/costs/counting.ts and lines.ts; their French text shared/costs/rules.ts).
 *
 * Which bookings count: those `approved`, `checked_out` or `returned` — the hub held the resources
 * for the commune (a request still `requested` is not granted yet; `rejected` and `cancelled` ones
 * held nothing after their refusal or cancellation). A booking belongs to the period containing its
 * first local day (Europe/Paris), whole, even when it runs past the period's end, so that it is
 * counted once. A confirmed damage charge belongs to the period containing its confirmation day.
 */
import { defaultHubSettings } from '../../../../shared/costs/defaults'
import { countingRulesFr } from '../../../../shared/costs/rules'
import { bookingLines, damageLine, type CostBooking, type CostResource } from '../../../../shared/costs/lines'
import { coveredDates } from '../../../../shared/costs/counting'
import type { CommuneCosts, CostLine, CostReport } from '../../../../shared/domain/costs'
import type { BookingStatus } from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'
import { addDaysToDate, startOfLocalDate } from '../../../../shared/time'
import { readTransaction } from '../../db/connection'
import { getBooking, listBookings, type BookingRecord } from '../../db/repositories/bookings'
import { getCommune, listCommunes } from '../../db/repositories/communes'
import { listDamagesConfirmed } from '../../db/repositories/deposits'
import { listHubs } from '../../db/repositories/hubs'
import { getResourcesByIds } from '../../db/repositories/resources'
import type { ServiceContext } from '../context'
import { pricingFor } from './pricing'
import { settingsLookup } from './settings'

/** Statuses whose bookings are charged (see the module comment). */
export const chargedStatuses: readonly BookingStatus[] = ['approved', 'checked_out', 'returned']

/** A booking as the counting rules read it. */
export function toCostBooking(record: BookingRecord): CostBooking {
  return {
    id: record.id,
    reference: record.reference,
    title: record.title,
    communeId: record.communeId,
    period: record,
    items: record.items,
  }
}

/**
 * Charged bookings of the communes (or one) whose first local day lies in `[from, to]`, by start.
 * @param from local date, inclusive
 * @param to local date, inclusive
 */
export function chargedBookings(
  ctx: ServiceContext,
  from: string,
  to: string,
  communeId?: string,
): BookingRecord[] {
  const start = startOfLocalDate(from)
  return listBookings(ctx.db, { from: start, to: startOfLocalDate(addDaysToDate(to, 1)), communeId }).filter(
    (b) => chargedStatuses.includes(b.status) && b.start >= start,
  )
}

/**
 * The use lines of these bookings and the damage lines confirmed in `[from, to]`, for one commune or
 * all; each line carries its booking's commune. Lines are sorted by day, booking reference, then
 * resource name.
 */
export function costLines(
  ctx: ServiceContext,
  bookings: readonly BookingRecord[],
  from: string,
  to: string,
  communeId?: string,
): CostLine[] {
  const damages = listDamagesConfirmed(ctx.db, from, to).flatMap((damage) => {
    const booking = getBooking(ctx.db, damage.bookingId)
    return booking && (communeId === undefined || booking.communeId === communeId)
      ? [{ damage, booking }]
      : []
  })
  const ids = new Set([
    ...bookings.flatMap((b) => b.items.map((i) => i.resourceId)),
    ...damages.map((d) => d.damage.resourceId),
  ])
  const resources = new Map<string, CostResource>(getResourcesByIds(ctx.db, [...ids]).map((r) => [r.id, r]))
  const lines: CostLine[] = []
  const byHub = new Map<string, BookingRecord[]>()
  for (const booking of bookings) byHub.set(booking.hubId, [...(byHub.get(booking.hubId) ?? []), booking])
  for (const [hubId, list] of byHub) {
    const last = list.map((b) => coveredDates(b).last).reduce((a, b) => (a > b ? a : b), to)
    const pricing = pricingFor(ctx.db, hubId, [...ids], from, last)
    for (const booking of list) lines.push(...bookingLines(toCostBooking(booking), resources, pricing))
  }
  for (const { damage, booking } of damages) {
    const resource = resources.get(damage.resourceId)
    if (resource) lines.push(damageLine(toCostBooking(booking), resource, damage))
  }
  return lines.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.bookingReference.localeCompare(b.bookingReference) ||
      (a.kind === b.kind ? 0 : a.kind === 'use' ? -1 : 1) ||
      a.resourceName.localeCompare(b.resourceName, 'fr'),
  )
}

/** The counting rules with the figures of the hub's settings in force on `date` (defaults without a hub). */
export function rulesFor(ctx: ServiceContext, hubId: string | null, date: string): string[] {
  return countingRulesFr(hubId === null ? defaultHubSettings('') : settingsLookup(ctx.db, hubId)(date))
}

/**
 * `reports.costs`: lines and totals per commune (communes with lines only, by name) of `[from, to]`
 * (local dates, inclusive), and the grand total, in cents.
 * @throws DomainError NOT_FOUND for an unknown commune
 */
export function costReport(
  ctx: ServiceContext,
  input: { readonly from: string; readonly to: string; readonly communeId?: string | undefined },
): CostReport {
  return readTransaction(ctx.db, () => {
    const commune = input.communeId === undefined ? null : getCommune(ctx.db, input.communeId)
    if (input.communeId !== undefined && !commune) {
      throw new DomainError('NOT_FOUND', 'Cette commune n’existe pas.', {
        issues: [{ path: 'communeId', message: 'Commune introuvable.' }],
      })
    }
    const bookings = chargedBookings(ctx, input.from, input.to, input.communeId)
    const lines = costLines(ctx, bookings, input.from, input.to, input.communeId)
    const communes: CommuneCosts[] = listCommunes(ctx.db).flatMap((c) => {
      const own = lines.filter((line) => line.communeId === c.id)
      if (own.length === 0) return []
      const totalCents = own.reduce((sum, line) => sum + line.amountCents, 0)
      return [{ communeId: c.id, communeName: c.name, inseeCode: c.inseeCode, lines: own, totalCents }]
    })
    const hubId = commune?.hubId ?? bookings[0]?.hubId ?? listHubs(ctx.db)[0]?.id ?? null
    return {
      from: input.from,
      to: input.to,
      communes: communes.sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr')),
      totalCents: communes.reduce((sum, c) => sum + c.totalCents, 0),
      rules: rulesFor(ctx, hubId, input.to),
    }
  })
}
