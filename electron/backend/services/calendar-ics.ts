/**
 * `calendar.ics`: the bookings as an iCalendar file (RFC 5545) that a calendar program (Thunderbird,
 * Outlook, a phone) imports or subscribes to, made with ical-generator.
 *
 * - Timed bookings are written in UTC (`DTSTART:20270714T070000Z` for 09:00 in Paris in summer),
 *   never as floating local times, so that every program shows the Europe/Paris time.
 * - Day-long loans are `VALUE=DATE` with the exclusive end RFC 5545 requires (§3.6.1): a loan of
 *   01/07–03/07 is `DTSTART;VALUE=DATE:20270701` / `DTEND;VALUE=DATE:20270704`.
 * - Statuses: requested → TENTATIVE; approved, checked out, returned → CONFIRMED; cancelled and
 *   rejected → CANCELLED (kept in the file so that a program that imported them removes them).
 * - `UID` is `<booking id>@mutualisation.paysdemortagne.fr`, the same in every export, and
 *   `DTSTAMP`, `LAST-MODIFIED` and `SEQUENCE` come from the booking's `updatedAt`, so that importing
 *   a newer file updates the events instead of duplicating them.
 */
import ical, { ICalEventStatus } from 'ical-generator'
import type { z } from 'zod'
import type { calendarIcsInput } from '../../../shared/api/schemas'
import type { CalendarFile } from '../../../shared/domain/calendar'
import type { BookingStatus } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { addDaysToDate, instantToLocalDate } from '../../../shared/time'
import { readTransaction } from '../db/connection'
import { listBookings, type BookingRecord } from '../db/repositories/bookings'
import { getCommune, listCommunes } from '../db/repositories/communes'
import { getResource, getResourcesByIds } from '../db/repositories/resources'
import type { ServiceContext } from './context'
import { foldText } from './import/columns'
import { windowFromInput } from './periods'

export type CalendarIcsInput = z.output<typeof calendarIcsInput>

/** The domain part of every event's UID. */
export const UID_DOMAIN = 'mutualisation.paysdemortagne.fr'

/** How far back and ahead the file reaches by default, in months from today (Europe/Paris). */
const DEFAULT_MONTHS_BEFORE = 3
const DEFAULT_MONTHS_AFTER = 12

const statusOfBooking: Readonly<Record<BookingStatus, ICalEventStatus>> = {
  requested: ICalEventStatus.TENTATIVE,
  approved: ICalEventStatus.CONFIRMED,
  checked_out: ICalEventStatus.CONFIRMED,
  returned: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  rejected: ICalEventStatus.CANCELLED,
}

const statusLabel: Readonly<Record<BookingStatus, string>> = {
  requested: 'demandée (à confirmer)',
  approved: 'acceptée',
  rejected: 'refusée',
  cancelled: 'annulée',
  checked_out: 'sortie',
  returned: 'rendue',
}

/**
 * Adds whole months to a local date `YYYY-MM-DD`, keeping the day when it exists (31 → the last day).
 * @example addMonthsToLocalDate('2027-05-31', -3) // '2027-02-28'
 */
export function addMonthsToLocalDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, last))
  return target.toISOString().slice(0, 10)
}

/** A local date `YYYY-MM-DD` as the JS Date ical-generator writes as that day (UTC midnight, no zone). */
function icalDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** `SEQUENCE`: whole seconds from creation to the last change — grows with every revision. */
function sequenceOf(booking: Pick<BookingRecord, 'createdAt' | 'updatedAt'>): number {
  const seconds = Math.floor((Date.parse(booking.updatedAt) - Date.parse(booking.createdAt)) / 1000)
  return Number.isFinite(seconds) ? Math.max(0, seconds) : 0
}

/** `tiffauges`, `la-gaubretiere`, `nacelle-elevatrice-12-m`: a name for a file name. */
function slug(name: string): string {
  return foldText(name).replace(/ /g, '-') || 'calendrier'
}

/**
 * The text of one event's DESCRIPTION: reference and title, commune, status, the items with their
 * quantities, the notes and the reason of a cancellation.
 */
function describeBooking(
  booking: BookingRecord,
  communeName: string,
  resourceNames: ReadonlyMap<string, string>,
): string {
  const lines = [
    `${booking.reference} · ${booking.title}`,
    `Commune : ${communeName}`,
    `Statut : ${statusLabel[booking.status]}`,
    'Ressources :',
    ...booking.items.map(
      (item) => `- ${resourceNames.get(item.resourceId) ?? 'Ressource supprimée'} × ${item.quantity}`,
    ),
  ]
  if (booking.notes.trim()) lines.push(`Notes : ${booking.notes.trim()}`)
  if (booking.cancelReason) lines.push(`Motif : ${booking.cancelReason}`)
  return lines.join('\n')
}

/**
 * `calendar.ics`: the bookings of one commune (`communeId`), of one resource (`resourceId`), of both
 * together, or all of them, whatever their status, overlapping `[from, to)`.
 *
 * `from`/`to` accept the API's moments (a date means local midnight in Europe/Paris); by default the
 * window runs from 3 months before today to 12 months after (today in Europe/Paris, whatever the
 * machine's zone).
 * @returns `{ fileName, content }`: `reservations-tiffauges.ics` (or the resource's name, or
 *   `reservations-toutes-communes.ics`) and the iCalendar text (CRLF line ends, lines folded at 75 octets);
 *   the calendar is named « Mutualisation — Tiffauges ».
 * @throws DomainError NOT_FOUND for an unknown commune or resource, INVALID_INPUT when `to` is not
 *   after `from`
 */
export function exportCalendar(ctx: ServiceContext, input: CalendarIcsInput): CalendarFile {
  const today = instantToLocalDate(ctx.now())
  const window = windowFromInput(
    input.from ?? addMonthsToLocalDate(today, -DEFAULT_MONTHS_BEFORE),
    input.to ?? addMonthsToLocalDate(today, DEFAULT_MONTHS_AFTER),
  )
  const data = readTransaction(ctx.db, () => {
    const commune = input.communeId === undefined ? null : (getCommune(ctx.db, input.communeId) ?? null)
    if (input.communeId !== undefined && !commune) {
      throw new DomainError('NOT_FOUND', 'Cette commune n’existe pas.', {
        issues: [{ path: 'communeId', message: 'Commune introuvable.' }],
      })
    }
    const resource = input.resourceId === undefined ? null : (getResource(ctx.db, input.resourceId) ?? null)
    if (input.resourceId !== undefined && !resource) {
      throw new DomainError('NOT_FOUND', 'Cette ressource n’existe pas.', {
        issues: [{ path: 'resourceId', message: 'Ressource introuvable.' }],
      })
    }
    const bookings = listBookings(ctx.db, {
      ...window,
      communeId: input.communeId,
      resourceId: input.resourceId,
    })
    const resourceIds = [...new Set(bookings.flatMap((b) => b.items.map((i) => i.resourceId)))]
    return {
      commune,
      resource,
      bookings,
      communeNames: new Map(listCommunes(ctx.db).map((c) => [c.id, c.name])),
      resourceNames: new Map(getResourcesByIds(ctx.db, resourceIds).map((r) => [r.id, r.name])),
    }
  })

  const subject = [data.commune?.name, data.resource?.name].filter((x): x is string => Boolean(x))
  const calendarName = `Mutualisation — ${subject.length > 0 ? subject.join(' · ') : 'toutes les communes'}`
  const calendar = ical({
    name: calendarName,
    description: 'Réservations de matériel, de véhicules et d’agents mutualisés',
    prodId: {
      company: 'Communauté de Communes du Pays de Mortagne',
      product: 'Mutualisation',
      language: 'FR',
    },
  })
  for (const booking of data.bookings) {
    const communeName = data.communeNames.get(booking.communeId) ?? ''
    const changed = new Date(booking.updatedAt)
    const timing =
      booking.allDay && booking.startDate && booking.endDate
        ? {
            allDay: true,
            start: icalDay(booking.startDate),
            end: icalDay(addDaysToDate(booking.endDate, 1)),
          }
        : { allDay: false, start: new Date(booking.start), end: new Date(booking.end) }
    calendar.createEvent({
      id: `${booking.id}@${UID_DOMAIN}`,
      ...timing,
      summary: `${booking.reference} · ${booking.title}`,
      description: describeBooking(booking, communeName, data.resourceNames),
      location: communeName,
      status: statusOfBooking[booking.status],
      sequence: sequenceOf(booking),
      stamp: changed,
      lastModified: changed,
      created: new Date(booking.createdAt),
    })
  }
  const name = subject.length > 0 ? subject.map(slug).join('-') : 'toutes-communes'
  return { fileName: `reservations-${name}.ics`, content: calendar.toString() }
}
