/**
 * What the hub's people look at (issue 4): the manager's inbox of pending requests, the depot's list
 * of one day, and a booking's own history. Read-only.
 */
import type { z } from 'zod'
import type { bookingsInboxInput, depotDayInput } from '../../../shared/api/lifecycle-schemas'
import type { BookingHistory, DepotDay, InboxEntry, LateBooking } from '../../../shared/domain/lifecycle'
import { blockingStatuses, type Booking } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { addDaysToDate, startOfLocalDate } from '../../../shared/time'
import { readTransaction } from '../db/connection'
import { listAuditEntries } from '../db/repositories/audit'
import {
  listBookings,
  listBookingsByStatus,
  listLateBookings,
  type BookingRecord,
} from '../db/repositories/bookings'
import { listTasks } from '../db/repositories/logistics'
import { loadBooking, requestProblems, toBooking } from './bookings'
import type { ServiceContext } from './context'
import { logisticsOfBooking, toLogisticsTask } from './logistics'

const DAY_MS = 86_400_000
/** How far ahead a late booking endangers the next ones: a week. */
const ENDANGERED_HORIZON_MS = 7 * DAY_MS

/** Blocking bookings other than `booking` sharing one of its resources over `[from, to)`, by start. */
function sharing(ctx: ServiceContext, booking: BookingRecord, from: number, to: number): BookingRecord[] {
  const found = new Map<string, BookingRecord>()
  for (const item of booking.items) {
    for (const other of listBookings(ctx.db, { from, to, resourceId: item.resourceId })) {
      if (other.id !== booking.id && blockingStatuses.includes(other.status)) found.set(other.id, other)
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start || a.reference.localeCompare(b.reference))
}

/**
 * `bookings.inbox`: pending requests, oldest first (first come, first served), each with what an
 * approval would meet now and the bookings it shares resources with over its period.
 */
export function inbox(ctx: ServiceContext, input: z.output<typeof bookingsInboxInput>): InboxEntry[] {
  const now = ctx.now()
  return readTransaction(ctx.db, () =>
    listBookingsByStatus(ctx.db, 'requested', input.hubId ?? null).map((booking): InboxEntry => {
      const competing = sharing(ctx, booking, booking.start, booking.end).map((b) => toBooking(b, now))
      try {
        const problems = requestProblems(
          ctx,
          {
            communeId: booking.communeId,
            period: booking,
            items: booking.items,
            providedOperator: booking.providedOperator,
            delivery: booking.delivery,
          },
          booking.id,
        )
        return { booking: toBooking(booking, now), ...problems, problem: null, competing }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        return {
          booking: toBooking(booking, now),
          conflicts: [],
          qualificationIssues: [],
          problem: error.message,
          competing,
        }
      }
    }),
  )
}

/** Late bookings, each with the bookings of its resources that start within a week and may go without. */
function lateBookings(ctx: ServiceContext, now: number): LateBooking[] {
  return listLateBookings(ctx.db, now).map((booking) => ({
    booking: toBooking(booking, now),
    endangered: sharing(ctx, booking, booking.end, now + ENDANGERED_HORIZON_MS)
      .filter((b) => b.status !== 'checked_out')
      .map((b) => toBooking(b, now)),
  }))
}

/**
 * `depot.day`: for one local day (Europe/Paris), the approved bookings to hand out (starting that day,
 * or earlier and not handed out yet), the handed-out ones due back that day, the deliveries and pick-ups,
 * and every late booking with what it endangers.
 */
export function depotDay(ctx: ServiceContext, input: z.output<typeof depotDayInput>): DepotDay {
  const from = startOfLocalDate(input.date)
  const to = startOfLocalDate(addDaysToDate(input.date, 1))
  const now = ctx.now()
  const ofHub = (b: BookingRecord) => input.hubId === undefined || b.hubId === input.hubId
  const shape = (b: BookingRecord): Booking => toBooking(b, now)
  return readTransaction(ctx.db, () => ({
    date: input.date,
    departures: listBookings(ctx.db, { from, to, status: 'approved' }).filter(ofHub).map(shape),
    returns: listBookings(ctx.db, { from, to, status: 'checked_out' })
      .filter((b) => ofHub(b) && b.end <= to)
      .map(shape),
    logistics: listTasks(ctx.db, from, to).map(toLogisticsTask),
    late: lateBookings(ctx, now).filter((l) => input.hubId === undefined || l.booking.hubId === input.hubId),
  }))
}

/**
 * `bookings.history`: the booking, its logistics tasks and its journal, latest first.
 * @throws DomainError NOT_FOUND
 */
export function bookingHistory(ctx: ServiceContext, id: string): BookingHistory {
  return readTransaction(ctx.db, () => ({
    booking: toBooking(loadBooking(ctx, id), ctx.now()),
    logistics: logisticsOfBooking(ctx, id),
    journal: listAuditEntries(ctx.db, id),
  }))
}
