/**
 * One handler per contract method, grouped by module. Each receives the input already parsed by
 * the method's schema and returns the method's result type.
 */
import type { MethodName, MethodResult, ParsedInput } from '../../shared/api/contract'
import { checkAvailability, findAvailable } from './services/availability'
import {
  approveBooking,
  cancelBooking,
  checkOutBooking,
  rejectBooking,
  returnBooking,
} from './services/booking-transitions'
import { createBooking, getBooking, listBookings, updateBooking } from './services/bookings'
import { printBookingSlip } from './services/booking-slip'
import { bookingHistory, depotDay, inbox } from './services/depot'
import { listLogistics } from './services/logistics'
import { cancelSeries, createSeries, previewSeries } from './services/series'
import type { ServiceContext } from './services/context'
import { exportCalendar } from './services/calendar-ics'
import { listHolidays } from './services/holidays'
import { printPlanning } from './services/planning-pdf'
import { suggestPeriods } from './services/suggest'
import { periodFromInput } from './services/periods'
import {
  archiveResource,
  createResource,
  getResource,
  listCategories,
  listCommunes,
  listHubs,
  listResources,
  resourceHistory,
  updateResource,
} from './services/resources'
import {
  createUnavailability,
  deleteUnavailability,
  listUnavailabilities,
  restoreUnavailability,
} from './services/unavailabilities'
import { exportResources } from './services/export'
import { importResources } from './services/import'
import { backupHandlers } from './backups/handlers'
import type { CallInfo } from './auth/access'
import { accountHandlers } from './auth/handlers'
import { costHandlers } from './services/costs/handlers'

/** Handlers may be async (spreadsheet parsing); their database work stays in synchronous transactions. */
export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: ServiceContext,
  /** The caller and who it acts as; only the accounts' handlers need it. */
  call: CallInfo,
) => MethodResult<M> | Promise<MethodResult<M>>
export type HandlerMap<M extends MethodName = MethodName> = { readonly [K in M]: Handler<K> }

type Prefixed<P extends string> = Extract<MethodName, `${P}.${string}`>

const inventory: HandlerMap<Prefixed<'hubs' | 'communes' | 'categories' | 'resources'>> = {
  'hubs.list': (_input, ctx) => listHubs(ctx),
  'communes.list': (_input, ctx) => listCommunes(ctx),
  'categories.list': (_input, ctx) => listCategories(ctx),
  'resources.list': (input, ctx) => listResources(ctx, input),
  'resources.get': (input, ctx) => getResource(ctx, input.id),
  'resources.create': (input, ctx) => createResource(ctx, input),
  'resources.update': (input, ctx) => updateResource(ctx, input),
  'resources.archive': (input, ctx) => archiveResource(ctx, input.id),
  'resources.history': (input, ctx) => resourceHistory(ctx, input.id),
  'resources.import': (input, ctx) => importResources(ctx, input),
  'resources.export': (input, ctx) => exportResources(ctx, input),
}

const unavailabilities: HandlerMap<Prefixed<'unavailabilities'>> = {
  'unavailabilities.create': (input, ctx) => createUnavailability(ctx, input),
  'unavailabilities.list': (input, ctx) => listUnavailabilities(ctx, input),
  'unavailabilities.delete': (input, ctx) => deleteUnavailability(ctx, input.id),
  'unavailabilities.restore': (input, ctx) => restoreUnavailability(ctx, input.id),
}

const bookings: HandlerMap<Prefixed<'bookings'>> = {
  'bookings.create': (input, ctx) => createBooking(ctx, input),
  'bookings.list': (input, ctx) => listBookings(ctx, input),
  'bookings.get': (input, ctx) => getBooking(ctx, input.id),
  'bookings.cancel': (input, ctx) => cancelBooking(ctx, input.id, input.reason),
  'bookings.update': (input, ctx) => updateBooking(ctx, input),
  'bookings.approve': (input, ctx) => approveBooking(ctx, input.id),
  'bookings.reject': (input, ctx) => rejectBooking(ctx, input.id, input.reason),
  'bookings.checkOut': (input, ctx) => checkOutBooking(ctx, input),
  'bookings.return': (input, ctx) => returnBooking(ctx, input),
  'bookings.inbox': (input, ctx) => inbox(ctx, input),
  'bookings.history': (input, ctx) => bookingHistory(ctx, input.id),
  'bookings.slip': (input, ctx) => printBookingSlip(ctx, input),
}

const availability: HandlerMap<Exclude<Prefixed<'availability' | 'holidays'>, 'availability.suggest'>> = {
  'availability.check': (input, ctx) =>
    checkAvailability(
      ctx,
      periodFromInput(input.start, input.end),
      input.items,
      input.ignoreBookingId ?? null,
    ),
  'availability.find': (input, ctx) => findAvailable(ctx, periodFromInput(input.start, input.end), input),
  'holidays.list': (input) => listHolidays(input.from, input.to),
}

/** Calendar files, the printed planning and the nearest free periods (issue 5). */
const calendarFiles: HandlerMap<'calendar.ics' | 'planning.pdf' | 'availability.suggest'> = {
  'calendar.ics': (input, ctx) => exportCalendar(ctx, input),
  'planning.pdf': (input, ctx) => printPlanning(ctx, input),
  'availability.suggest': (input, ctx) => suggestPeriods(ctx, input),
}

/**
 * Merges handler modules into one map.
 * @throws Error when two modules register the same method name
 */
/** The depot's day list and the logistics tasks (issue 4). */
const depot: HandlerMap<'depot.day' | 'logistics.list'> = {
  'depot.day': (input, ctx) => depotDay(ctx, input),
  'logistics.list': (input, ctx) => listLogistics(ctx, input),
}

/** Booking series: recurring bookings (issue 4). */
const series: HandlerMap<Prefixed<'series'>> = {
  'series.preview': (input, ctx) => previewSeries(ctx, input),
  'series.create': (input, ctx) => createSeries(ctx, input),
  'series.cancel': (input, ctx) => cancelSeries(ctx, input),
}

export function mergeHandlers(...modules: readonly Partial<HandlerMap>[]): Partial<HandlerMap> {
  const merged: Record<string, unknown> = {}
  for (const module of modules) {
    for (const [name, handler] of Object.entries(module)) {
      if (name in merged) throw new Error(`Méthode enregistrée deux fois : ${name}`)
      merged[name] = handler
    }
  }
  return merged
}

export const handlers: HandlerMap = mergeHandlers(
  inventory,
  unavailabilities,
  bookings,
  depot,
  series,
  availability,
  calendarFiles,
  backupHandlers,
  accountHandlers,
  costHandlers,
) as HandlerMap
