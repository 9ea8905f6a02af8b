/**
 * `bookings.slip`: the printable checkout slip (bon de sortie) and return slip (bon de retour) of a
 * booking, signed on paper by the hub's agent and the commune's representative. This file reads the
 * booking and turns it into a `SlipModel` (every text already in French); ./booking-slip-document
 * lays it out on an A4 portrait page. Dates and times are Europe/Paris, whatever the machine's zone.
 */
import type { z } from 'zod'
import type { bookingsSlipInput } from '../../../shared/api/lifecycle-schemas'
import type { Booking, Condition, ExportedFile, Resource } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { formatInstantFr, formatPeriodFr } from '../../../shared/time'
import { readTransaction } from '../db/connection'
import { getCommune } from '../db/repositories/communes'
import { getHub } from '../db/repositories/hubs'
import { getResourcesByIds } from '../db/repositories/resources'
import { EPCI } from '../seed/communes'
import { slipDocument } from './booking-slip-document'
import { getBooking, statusLabel } from './bookings'
import type { ServiceContext } from './context'
import { deliveryTrips } from './logistics'
import { renderPdf } from './pdf'
import { toResource } from './resources'

export type BookingSlipInput = z.output<typeof bookingsSlipInput>
/** `checkout`: bon de sortie (hand-over to the commune); `return`: bon de retour (taking back). */
export type SlipKind = BookingSlipInput['kind']

/** One row of the slip's table: an equipment item, a stock or a vehicle lent (agents are not rows). */
export interface SlipLine {
  readonly designation: string
  /** Inventory number, or the plate of a vehicle; `—` when it has neither. */
  readonly identifier: string
  /** Units lent. */
  readonly quantity: number
  readonly stock: boolean
  readonly vehicle: boolean
  /** Unit equipment: its recorded state (« bon », « usé »…); null leaves boxes to tick by hand. */
  readonly condition: string | null
  /** Vehicles: odometer recorded at the hand-over and at the return, km; null leaves a blank line. */
  readonly odometerOutKm: number | null
  readonly odometerBackKm: number | null
  /** Vehicles: the last reading the inventory knows, km, printed as a hint beside a blank line. */
  readonly lastOdometerKm: number | null
  /** Return slip: what came back (`missing` = quantity − returned). */
  readonly returned: { readonly returned: number; readonly damaged: number; readonly missing: number } | null
}

/** A label and its value, printed as one row of the slip's summary table. */
export interface SlipFact {
  readonly label: string
  readonly value: string
}

/** Everything the slip prints, in French. */
export interface SlipModel {
  readonly kind: SlipKind
  /** `Bon de sortie` or `Bon de retour`. */
  readonly title: string
  /** `Remise du matériel à la commune`… */
  readonly subtitle: string
  /** `Communauté de Communes du Pays de Mortagne — Pôle technique Ouest`. */
  readonly organisation: string
  readonly reference: string
  readonly facts: readonly SlipFact[]
  readonly lines: readonly SlipLine[]
  readonly hasVehicle: boolean
  /** Notes already recorded (the request's, the hand-over's, the return's). */
  readonly notes: readonly SlipFact[]
  /** Heading of the ruled lines left for handwritten remarks. */
  readonly remarksHeading: string
  /** The two signature boxes, hub side and commune side in the order they sign. */
  readonly signatures: readonly [string, string]
  /** When it is printed, epoch ms (shown as « Imprimé le 29/11/2026 à 11:00 », Paris time). */
  readonly printedAt: number
}

const conditionLabels: Readonly<Record<Condition, string>> = {
  good: 'bon',
  worn: 'usé',
  to_repair: 'à réparer',
  out_of_service: 'hors service',
}

/** `le 14/05/2027 à 08:12`: an instant (epoch ms) in Europe/Paris wall time. */
function atFr(ms: number): string {
  const [date, time] = formatInstantFr(ms).split(' ')
  return `le ${date ?? ''} à ${time ?? ''}`
}

/** `le 14/05/2027 à 08:12 par administrateur local`. */
function recorded(at: string, by: string): string {
  return `${atFr(Date.parse(at))} par ${by}`
}

/**
 * Refuses a slip that has nothing to stand for: the return slip before the return is recorded, the
 * checkout slip of a cancelled or refused booking.
 * @throws DomainError INVALID_TRANSITION
 */
export function checkSlipAllowed(booking: Booking, kind: SlipKind): void {
  if (kind === 'return' && !booking.return) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Le retour de ${booking.reference} n’est pas encore enregistré : enregistrez-le au dépôt, puis imprimez le bon de retour.`,
    )
  }
  if (kind === 'checkout' && (booking.status === 'cancelled' || booking.status === 'rejected')) {
    const state = booking.status === 'cancelled' ? 'annulée' : 'refusée'
    throw new DomainError(
      'INVALID_TRANSITION',
      `${booking.reference} est ${state} : rien ne sort du dépôt, il n’y a pas de bon de sortie à imprimer.`,
    )
  }
}

/**
 * The hand-over's odometer belongs to the booking's only vehicle: with several, bookings.checkOut takes
 * no reading (the depot notes each one by hand on the slip).
 */
function odometerOf(recordedKm: number | null | undefined, vehicles: number): number | null {
  return vehicles === 1 ? (recordedKm ?? null) : null
}

/**
 * The slip of a booking, as text. `resources` holds the booking's resources and those its delivery
 * uses (vehicle, agents); items whose resource is missing from it are left out.
 */
export function buildSlipModel(
  kind: SlipKind,
  booking: Booking,
  context: {
    readonly hubName: string | null
    readonly commune: { readonly name: string; readonly inseeCode: string } | null
    readonly resources: ReadonlyMap<string, Resource>
    readonly printedAt: number
  },
): SlipModel {
  const { resources } = context
  const lent = booking.items.flatMap((item) => {
    const resource = resources.get(item.resourceId)
    return resource && resource.kind !== 'staff' ? [{ item, resource }] : []
  })
  const agents = booking.items
    .map((item) => resources.get(item.resourceId))
    .filter((r): r is Resource => r !== undefined && r.kind === 'staff')
    .map((r) => r.name)
  const vehicles = lent.filter(({ resource }) => resource.kind === 'vehicle').length
  const checkOut = booking.checkOut
  const taken = booking.return
  const lines = lent.map(({ item, resource }): SlipLine => {
    const back = taken ? taken.items.find((r) => r.resourceId === item.resourceId) : undefined
    // Items the return left out came back in full and undamaged (bookings.return's rule).
    const returnedQuantity = back ? back.returnedQuantity : item.quantity
    const vehicle = resource.kind === 'vehicle'
    return {
      designation: resource.name,
      identifier: resource.plate ?? resource.inventoryNumber ?? '—',
      quantity: item.quantity,
      stock: resource.tracking === 'stock',
      vehicle,
      condition:
        resource.kind === 'equipment' && resource.tracking === 'unit' && resource.condition
          ? conditionLabels[resource.condition]
          : null,
      odometerOutKm: vehicle ? odometerOf(checkOut?.odometerKm, vehicles) : null,
      odometerBackKm: vehicle ? odometerOf(taken?.odometerKm, vehicles) : null,
      lastOdometerKm: vehicle ? resource.odometerKm : null,
      returned: taken
        ? {
            returned: returnedQuantity,
            damaged: back ? back.damagedQuantity : 0,
            missing: Math.max(0, item.quantity - returnedQuantity),
          }
        : null,
    }
  })

  const times = {
    start: Date.parse(booking.start),
    end: Date.parse(booking.end),
    allDay: booking.allDay,
    startDate: booking.startDate,
    endDate: booking.endDate,
  }
  const period = formatPeriodFr(times)
  const facts: SlipFact[] = [
    {
      label: 'Commune',
      value: context.commune
        ? `${context.commune.name} (code INSEE ${context.commune.inseeCode})`
        : 'commune inconnue',
    },
    { label: 'Objet', value: booking.title },
    { label: 'Période', value: period },
    {
      label: 'Statut',
      value:
        booking.status === 'requested'
          ? 'demandée (à accepter par le pôle technique avant la remise)'
          : statusLabel[booking.status],
    },
  ]
  if (agents.length > 0) facts.push({ label: 'Agents du pôle', value: agents.join(', ') })
  if (booking.delivery) {
    const delivery = booking.delivery
    const vehicle = resources.get(delivery.vehicleId)
    const crew = [
      vehicle ? `${vehicle.name}${vehicle.plate ? ` (${vehicle.plate})` : ''}` : null,
      ...delivery.agentIds.map((id) => resources.get(id)?.name ?? null),
    ].filter((name): name is string => name !== null)
    const trips = deliveryTrips(times, delivery.minutes).map(
      (trip) => `${trip.kind === 'delivery' ? 'livraison' : 'reprise'} ${atFr(trip.start)}`,
    )
    facts.push({
      label: 'Livraison',
      value: [`par le pôle technique : ${crew.join(', ')}`, trips.join(', '), delivery.address]
        .filter(Boolean)
        .join(' ; '),
    })
  }
  if (booking.providedOperator) {
    const operator = booking.providedOperator
    facts.push({
      label: 'Opérateur de la commune',
      value: `${operator.name} (${operator.qualification})`,
    })
  }
  if (checkOut) facts.push({ label: 'Sortie enregistrée', value: recorded(checkOut.at, checkOut.by) })
  if (taken) facts.push({ label: 'Retour enregistré', value: recorded(taken.at, taken.by) })

  const notes: SlipFact[] = []
  if (booking.notes) notes.push({ label: 'Demande', value: booking.notes })
  if (checkOut?.notes) notes.push({ label: 'À la sortie', value: checkOut.notes })
  if (kind === 'return' && taken?.notes) notes.push({ label: 'Au retour', value: taken.notes })

  const hubName = context.hubName ?? 'pôle technique'
  return {
    kind,
    title: kind === 'checkout' ? 'Bon de sortie' : 'Bon de retour',
    subtitle:
      kind === 'checkout'
        ? 'Remise de matériel à une commune membre'
        : 'Retour au pôle technique du matériel prêté',
    organisation: `${EPCI.name} — ${hubName}`,
    reference: booking.reference,
    facts,
    lines,
    hasVehicle: vehicles > 0,
    notes,
    remarksHeading:
      kind === 'checkout'
        ? 'Observations à la remise (état, accessoires, niveau de carburant…)'
        : 'Observations au retour (dégâts, pièces manquantes, nettoyage…)',
    signatures:
      kind === 'checkout'
        ? ['Remis par (pôle technique)', 'Reçu par (commune)']
        : ['Rendu par (commune)', 'Reçu par (pôle technique)'],
    printedAt: context.printedAt,
  }
}

/** `bon-de-sortie-RES-2027-0042.pdf`, `bon-de-retour-RES-2027-0042.pdf`. */
export function slipFileName(kind: SlipKind, reference: string): string {
  return `${kind === 'checkout' ? 'bon-de-sortie' : 'bon-de-retour'}-${reference}.pdf`
}

/**
 * `bookings.slip`: the bon de sortie (`kind: 'checkout'`) or bon de retour (`kind: 'return'`) of a
 * booking as an A4 portrait PDF: the hub, the reference, the commune, the object, the period (dates
 * for day-long loans, dates and Paris times otherwise), delivery and the commune's operator, a table of
 * what is lent with its inventory number or plate and quantity — at the checkout its state and the
 * odometer, at the return the quantities returned, damaged and missing and the odometer — the notes,
 * and two signature boxes. Values not recorded yet (a checkout slip printed before the hand-over) are
 * blank lines and boxes to fill by hand.
 * @returns `{ fileName: 'bon-de-sortie-RES-2027-0042.pdf', contentBase64 }`
 * @throws DomainError NOT_FOUND for an unknown booking; INVALID_TRANSITION for the return slip of a
 *   booking whose return is not recorded, or the checkout slip of a cancelled or refused booking
 */
export async function printBookingSlip(ctx: ServiceContext, input: BookingSlipInput): Promise<ExportedFile> {
  const model = readTransaction(ctx.db, () => {
    const booking = getBooking(ctx, input.id)
    checkSlipAllowed(booking, input.kind)
    const ids = [
      ...booking.items.map((i) => i.resourceId),
      ...(booking.delivery ? [booking.delivery.vehicleId, ...booking.delivery.agentIds] : []),
    ]
    const resources = new Map<string, Resource>(
      getResourcesByIds(ctx.db, ids).map((r) => [r.id, toResource(r)]),
    )
    const commune = getCommune(ctx.db, booking.communeId)
    return buildSlipModel(input.kind, booking, {
      hubName: getHub(ctx.db, booking.hubId)?.name ?? null,
      commune: commune ?? null,
      resources,
      printedAt: ctx.now(),
    })
  })
  const pdf = await renderPdf(slipDocument(model))
  return { fileName: slipFileName(input.kind, model.reference), contentBase64: pdf.toString('base64') }
}
