/**
 * What the printed planning shows, computed apart from the PDF drawing so that it can be read and
 * tested as data: the days (with weekends and public holidays), one row per resource grouped by
 * kind, and in each cell the bookings and unavailabilities of that resource that day. Pure: all
 * dates are Europe/Paris local dates `YYYY-MM-DD`, instants epoch ms.
 */
import type { BookingStatus, ResourceKind } from '../../../shared/domain/types'
import { addDaysToDate, instantToLocalDate, instantToLocalTime } from '../../../shared/time'

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const
const WEEKDAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'] as const

/** Day of the week of a local date, Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/** The Monday–Sunday (ISO) week containing a local date, as its 7 dates. */
export function isoWeekOf(date: string): string[] {
  const monday = addDaysToDate(date, -weekdayOf(date))
  return Array.from({ length: 7 }, (_, i) => addDaysToDate(monday, i))
}

/** The local dates from `first` to `last`, both included. */
export function daysFrom(first: string, last: string): string[] {
  const days: string[] = []
  for (let day = first; day <= last; day = addDaysToDate(day, 1)) days.push(day)
  return days
}

function dayNumber(date: string): string {
  const day = Number(date.slice(8, 10))
  return day === 1 ? '1er' : String(day)
}

function monthName(date: string): string {
  return MONTHS[Number(date.slice(5, 7)) - 1] ?? ''
}

/**
 * `du 14 au 20 juin 2027`, `du 28 juin au 4 juillet 2027`, `du 28 décembre 2026 au 3 janvier 2027`,
 * `du 1er au 7 mars 2027`; `le 14 juin 2027` for a single day.
 */
export function frenchRange(first: string, last: string): string {
  const year = (date: string) => date.slice(0, 4)
  const end = `${dayNumber(last)} ${monthName(last)} ${year(last)}`
  if (first === last) return `le ${end}`
  if (year(first) !== year(last)) return `du ${dayNumber(first)} ${monthName(first)} ${year(first)} au ${end}`
  if (first.slice(5, 7) !== last.slice(5, 7)) return `du ${dayNumber(first)} ${monthName(first)} au ${end}`
  return `du ${dayNumber(first)} au ${end}`
}

/** `lun. 14/06`. */
export function dayHeading(date: string): string {
  return `${WEEKDAYS[weekdayOf(date)] ?? ''} ${date.slice(8, 10)}/${date.slice(5, 7)}`
}

/** One column of the planning. */
export interface PlanningDay {
  readonly date: string
  /** `lun. 14/06` */
  readonly heading: string
  readonly weekend: boolean
  /** Name of the public holiday, or null. */
  readonly holiday: string | null
  /** The words that mark the day whatever the printer's colours: `férié : Noël`, `week-end`, or null. */
  readonly mark: string | null
}

/** What the model needs of a booking (as stored: instants in epoch ms). */
export interface PlanningBooking {
  readonly id: string
  readonly reference: string
  readonly title: string
  readonly status: BookingStatus
  readonly communeName: string
  readonly start: number
  readonly end: number
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
  readonly items: readonly { readonly resourceId: string; readonly quantity: number }[]
}

/** What the model needs of an unavailability. */
export interface PlanningUnavailability {
  readonly id: string
  readonly resourceId: string
  readonly kindLabel: string
  readonly reason: string
  readonly quantity: number
  readonly start: number
  readonly end: number
  readonly allDay: boolean
  readonly startDate: string | null
  readonly endDate: string | null
}

/** What the model needs of a resource. */
export interface PlanningResource {
  readonly id: string
  readonly name: string
  readonly kind: ResourceKind
  readonly stock: boolean
  readonly quantity: number
  /** Category (`Manifestations › Chaises et tables`), inventory number or plate: a second line. */
  readonly detail: string
}

/** One line in a cell: a booking of the resource that day, or an unavailability. */
export type PlanningEntry =
  | {
      readonly type: 'booking'
      readonly reference: string
      readonly communeName: string
      readonly quantity: number
      readonly title: string
      readonly status: BookingStatus
      /** `08:00–12:00`, `dès 20:00`, `jusqu’à 08:00`, `toute la journée`, or null for a day-long loan. */
      readonly time: string | null
      /** `(demandée)`, `(sortie)`, `(rendue)`, or null when approved. */
      readonly statusMark: string | null
      readonly sortKey: number
    }
  | {
      readonly type: 'unavailability'
      /** `Indisponible : entretien — Révision annuelle` */
      readonly text: string
      readonly time: string | null
      readonly sortKey: number
    }

export interface PlanningRow {
  readonly resource: PlanningResource
  /** One list per day, in the order of `days`. */
  readonly cells: readonly (readonly PlanningEntry[])[]
}

export interface PlanningGroup {
  readonly kind: ResourceKind
  /** `Matériel`, `Véhicules`, `Agents` */
  readonly label: string
  readonly rows: readonly PlanningRow[]
}

export interface PlanningModel {
  readonly days: readonly PlanningDay[]
  readonly groups: readonly PlanningGroup[]
}

const kindOrder: readonly ResourceKind[] = ['equipment', 'vehicle', 'staff']
const kindGroupLabels: Readonly<Record<ResourceKind, string>> = {
  equipment: 'Matériel',
  vehicle: 'Véhicules',
  staff: 'Agents',
}

const statusMarks: Readonly<Record<BookingStatus, string | null>> = {
  requested: '(demandée)',
  approved: null,
  checked_out: '(sortie)',
  returned: '(rendue)',
  cancelled: '(annulée)',
  rejected: '(refusée)',
}

/** First and last local day a period touches (its end instant excluded). */
function daySpan(p: {
  start: number
  end: number
  allDay: boolean
  startDate: string | null
  endDate: string | null
}): [string, string] {
  if (p.allDay && p.startDate && p.endDate) return [p.startDate, p.endDate]
  return [instantToLocalDate(p.start), instantToLocalDate(Math.max(p.start, p.end - 1))]
}

/** The hours of a timed period on one of its days, in Europe/Paris; null for a day-long period. */
function timeOnDay(
  p: { start: number; end: number; allDay: boolean; startDate: string | null; endDate: string | null },
  day: string,
): string | null {
  if (p.allDay) return null
  const [first, last] = daySpan(p)
  const from = instantToLocalTime(p.start)
  const to = instantToLocalTime(p.end)
  if (first === day && last === day) return `${from}–${to}`
  if (first === day) return `dès ${from}`
  if (last === day) return `jusqu’à ${to}`
  return 'toute la journée'
}

/**
 * Builds the planning: the days given, and one row per resource that has at least one booking or
 * unavailability on those days, grouped by kind (matériel, véhicules, agents) and sorted by name.
 * Cancelled and refused bookings are left out by the caller. In each cell, entries by start.
 */
export function buildPlanning(
  days: readonly string[],
  holidays: ReadonlyMap<string, string>,
  resources: readonly PlanningResource[],
  bookings: readonly PlanningBooking[],
  unavailabilities: readonly PlanningUnavailability[],
): PlanningModel {
  const planningDays = days.map((date): PlanningDay => {
    const holiday = holidays.get(date) ?? null
    const weekend = weekdayOf(date) >= 5
    return {
      date,
      heading: dayHeading(date),
      weekend,
      holiday,
      mark: holiday ? `férié : ${holiday}` : weekend ? 'week-end' : null,
    }
  })
  const cells = new Map<string, PlanningEntry[][]>()
  const cellsOf = (resourceId: string) => {
    let list = cells.get(resourceId)
    if (!list) {
      list = days.map(() => [])
      cells.set(resourceId, list)
    }
    return list
  }
  days.forEach((day, index) => {
    for (const booking of bookings) {
      const [first, last] = daySpan(booking)
      if (day < first || day > last) continue
      for (const item of booking.items) {
        cellsOf(item.resourceId)[index]?.push({
          type: 'booking',
          reference: booking.reference,
          communeName: booking.communeName,
          quantity: item.quantity,
          title: booking.title,
          status: booking.status,
          time: timeOnDay(booking, day),
          statusMark: statusMarks[booking.status],
          sortKey: booking.start,
        })
      }
    }
    for (const u of unavailabilities) {
      const [first, last] = daySpan(u)
      if (day < first || day > last) continue
      const resource = resources.find((r) => r.id === u.resourceId)
      const quantity = resource?.stock ? ` (${u.quantity})` : ''
      cellsOf(u.resourceId)[index]?.push({
        type: 'unavailability',
        text: `Indisponible${quantity} : ${u.kindLabel}${u.reason ? ` — ${u.reason}` : ''}`,
        time: timeOnDay(u, day),
        sortKey: u.start,
      })
    }
  })
  const groups = kindOrder
    .map((kind): PlanningGroup => {
      const rows = resources
        .filter((r) => r.kind === kind && cells.has(r.id))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
        .map((resource) => ({
          resource,
          cells: (cells.get(resource.id) ?? []).map((entries) =>
            [...entries].sort((a, b) => a.sortKey - b.sortKey),
          ),
        }))
      return { kind, label: kindGroupLabels[kind], rows }
    })
    .filter((group) => group.rows.length > 0)
  return { days: planningDays, groups }
}

/** Number of rows (resources) in the planning. */
export function rowCount(model: PlanningModel): number {
  return model.groups.reduce((sum, g) => sum + g.rows.length, 0)
}
