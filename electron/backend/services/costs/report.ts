/**
 * `reports.costs`: what each commune owes for a period, line by line, at the rates in force (the
 * counting rules are shared/costs/counting.ts and lines.ts; their French text shared/costs/rules.ts).
 *
 * Which bookings count: those `approved`, `checked_out` or `returned` — the hub held the resources
 * for the commune (a request still `requested` is not granted yet; `rejected` and `cancelled` ones
 * held nothing after their refusal or cancellation). A booking belongs to the period containing its
 * first local day (Europe/Paris), whole, even when it runs past the period's end, so that it is
 * counted once. A charged damage belongs to the period containing the day it was decided.
 *
 * Nothing that is owed falls between statements (statements of a commune never overlap):
 * - a booking item that no statement bills, whose first day an issued statement already covers (the
 *   booking was accepted, created, moved or given that item after the statement was issued), goes on
 *   the commune's next statement (one starting after that day);
 * - a charged damage that no statement bills, decided on or before a statement's last day, goes on
 *   that statement — whatever the day it was decided, even one an earlier statement covers;
 * - a statement never bills twice what another one bills (a booking moved into its period after it
 *   was billed keeps its first statement).
 * Such carried lines keep their own date and say so in their detail. A report shows what a statement
 * of its period would hold now, plus the lines already billed that belong to it: by their own day, or,
 * when the statement billing a line does not cover its day (carried, or its booking moved since), by
 * that statement's first day. Amounts are always counted at the rates in force (a statement keeps its
 * own, frozen).
 */
import { defaultHubSettings } from '../../../../shared/costs/defaults'
import { countingRulesFr } from '../../../../shared/costs/rules'
import {
  bookingLines,
  damageLine,
  withCarryNote,
  type CostBooking,
  type CostResource,
} from '../../../../shared/costs/lines'
import { coveredDates } from '../../../../shared/costs/counting'
import type { CommuneCosts, CostLine, CostReport } from '../../../../shared/domain/costs'
import type { BookingStatus } from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'
import { addDaysToDate, formatLocalDateFr, startOfLocalDate } from '../../../../shared/time'
import { readTransaction } from '../../db/connection'
import { getBooking, listBookings, type BookingRecord } from '../../db/repositories/bookings'
import { getCommune, listCommunes } from '../../db/repositories/communes'
import { listChargesUpTo } from '../../db/repositories/deposits'
import { listHubs } from '../../db/repositories/hubs'
import { getResourcesByIds } from '../../db/repositories/resources'
import {
  billedUseItems,
  bookingsBilledOnStatementsStarting,
  statementsStartingBefore,
  unbilledBookingsIn,
  type BilledOn,
} from '../../db/repositories/statements'
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

function byDate(a: CostLine, b: CostLine): number {
  return (
    a.date.localeCompare(b.date) ||
    a.bookingReference.localeCompare(b.bookingReference) ||
    (a.kind === b.kind ? 0 : a.kind === 'use' ? -1 : 1) ||
    a.resourceName.localeCompare(b.resourceName, 'fr')
  )
}

function resourcesOf(ctx: ServiceContext, ids: Iterable<string>): Map<string, CostResource> {
  return new Map<string, CostResource>(getResourcesByIds(ctx.db, [...new Set(ids)]).map((r) => [r.id, r]))
}

/**
 * The use lines of these bookings, each at the rates and settings in force on its first local day;
 * each line carries its booking's commune. Sorted by day, booking reference, then resource name.
 */
export function useLines(ctx: ServiceContext, bookings: readonly BookingRecord[]): CostLine[] {
  const resources = resourcesOf(
    ctx,
    bookings.flatMap((b) => b.items.map((i) => i.resourceId)),
  )
  const byHub = new Map<string, BookingRecord[]>()
  for (const booking of bookings) byHub.set(booking.hubId, [...(byHub.get(booking.hubId) ?? []), booking])
  const lines: CostLine[] = []
  for (const [hubId, list] of byHub) {
    const spans = list.map((b) => coveredDates(b))
    const first = spans.map((d) => d.first).reduce((a, b) => (a < b ? a : b))
    const last = spans.map((d) => d.last).reduce((a, b) => (a > b ? a : b))
    const pricing = pricingFor(ctx.db, hubId, [...resources.keys()], first, last)
    for (const booking of list) lines.push(...bookingLines(toCostBooking(booking), resources, pricing))
  }
  return lines.sort(byDate)
}

/**
 * The day that places a billed line in reports: its own date when the statement billing it covers
 * that day, else the first day of that statement (the line was carried there, or its booking moved
 * since).
 */
function placedOn(date: string, statement: BilledOn): string {
  return date >= statement.from && date <= statement.to ? date : statement.from
}

/**
 * Bookings whose first local day lies before `from` in the period of an issued statement of their
 * commune (or of `communeId`), with an item no statement bills, each with that statement's number.
 */
function missedBookings(
  ctx: ServiceContext,
  from: string,
  communeId: string | undefined,
): Map<string, { readonly booking: BookingRecord; readonly number: string }> {
  const dayBefore = addDaysToDate(from, -1)
  const windows = statementsStartingBefore(ctx.db, communeId ?? null, from).map((s) => ({
    communeId: s.communeId,
    startMs: startOfLocalDate(s.from),
    endMs: startOfLocalDate(addDaysToDate(s.to < dayBefore ? s.to : dayBefore, 1)),
    number: s.number,
  }))
  return new Map(
    unbilledBookingsIn(ctx.db, windows, chargedStatuses).flatMap(({ bookingId, number }) => {
      const booking = getBooking(ctx.db, bookingId)
      return booking ? [[booking.id, { booking, number }] as const] : []
    }),
  )
}

/**
 * The lines of `[from, to]` (local dates, inclusive) for one commune or all, following the module
 * comment. For a `statement`, what no statement bills yet: the items of the bookings whose first day
 * lies in the period, those missed by an issued statement before it, and the charges decided on or
 * before `to`. For a `report`, the same, and the lines already billed that belong to the period: by
 * their own day, or by the first day of the statement billing them when it does not cover that day.
 * Sorted by day, booking reference, kind (use first), resource name.
 */
export function periodLines(
  ctx: ServiceContext,
  input: {
    readonly from: string
    readonly to: string
    readonly communeId?: string | undefined
    readonly purpose: 'report' | 'statement'
  },
): CostLine[] {
  const { from, to, purpose } = input
  const inside = (day: string) => day >= from && day <= to
  /** A line some statement bills: in a report of the period it belongs to, never on a statement. */
  const billedLine = (line: CostLine, statement: BilledOn): CostLine[] => {
    const day = placedOn(line.date, statement)
    if (purpose === 'statement' || !inside(day)) return []
    return [day === line.date ? line : withCarryNote(line, `facturé sur le relevé ${statement.number}`)]
  }
  const inPeriod = chargedBookings(ctx, from, to, input.communeId)
  const missed = missedBookings(ctx, from, input.communeId)
  const loaded = new Set([...inPeriod.map((b) => b.id), ...missed.keys()])
  const billedElsewhere =
    purpose === 'report'
      ? bookingsBilledOnStatementsStarting(ctx.db, input.communeId ?? null, from, to).flatMap((id) => {
          const booking = loaded.has(id) ? undefined : getBooking(ctx.db, id)
          return booking && chargedStatuses.includes(booking.status) ? [booking] : []
        })
      : []
  const bookings = [...inPeriod, ...[...missed.values()].map((m) => m.booking), ...billedElsewhere]
  const billed = billedUseItems(
    ctx.db,
    bookings.map((b) => b.id),
  )
  const useLinesOfPeriod = useLines(ctx, bookings).flatMap((line): CostLine[] => {
    const statement = billed.get(`${line.bookingId}/${line.resourceId}`)
    if (statement === undefined) {
      const miss = missed.get(line.bookingId)
      if (miss) return [withCarryNote(line, `reporté : absent du relevé ${miss.number}, qui couvre ce jour`)]
      return inside(line.date) ? [line] : []
    }
    return billedLine(line, statement)
  })

  const charges = listChargesUpTo(ctx.db, from, to, input.communeId ?? null)
  const resources = resourcesOf(
    ctx,
    charges.map((d) => d.resourceId),
  )
  const damageLinesOfPeriod = charges.flatMap((damage): CostLine[] => {
    const booking = getBooking(ctx.db, damage.bookingId)
    const resource = resources.get(damage.resourceId)
    if (!booking || !resource) return []
    const line = damageLine(toCostBooking(booking), resource, damage)
    const { statement } = damage
    if (statement === null) {
      return [
        line.date < from
          ? withCarryNote(
              line,
              `reporté : décidé le ${formatLocalDateFr(line.date)}, facturé sur aucun relevé jusqu’ici`,
            )
          : line,
      ]
    }
    return billedLine(line, statement)
  })
  return [...useLinesOfPeriod, ...damageLinesOfPeriod].sort(byDate)
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
    const lines = periodLines(ctx, { ...input, purpose: 'report' })
    const communes: CommuneCosts[] = listCommunes(ctx.db).flatMap((c) => {
      const own = lines.filter((line) => line.communeId === c.id)
      if (own.length === 0) return []
      const totalCents = own.reduce((sum, line) => sum + line.amountCents, 0)
      return [{ communeId: c.id, communeName: c.name, inseeCode: c.inseeCode, lines: own, totalCents }]
    })
    const hubId = commune?.hubId ?? listHubs(ctx.db)[0]?.id ?? null
    return {
      from: input.from,
      to: input.to,
      communes: communes.sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr')),
      totalCents: communes.reduce((sum, c) => sum + c.totalCents, 0),
      rules: rulesFor(ctx, hubId, input.to),
    }
  })
}
