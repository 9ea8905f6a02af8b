/**
 * The booking lifecycle as the interface shows it: the status in French (with « en retard » for a
 * loan handed out and not back by its end), the actions a status allows, and the link to a booking's
 * page. Pure, no DOM. The backend decides every transition (INVALID_TRANSITION otherwise); these rules
 * only decide which buttons to show.
 */
import type { Booking, BookingStatus, Resource } from '../../../../shared/domain/types'
import { cancellableStatuses } from '../../../../shared/domain/types'
import { assertNever } from '../../../../shared/errors'
import { bookingStatusLabel } from '../../lib/labels'

/** A booking's status as shown: the stored one, or `late` for a loan handed out past its end. */
export type DisplayStatus = BookingStatus | 'late'

/** `late` when the booking is handed out and its end has passed (`Booking.late`), else its status. */
export function displayStatus(booking: Pick<Booking, 'status' | 'late'>): DisplayStatus {
  return booking.status === 'checked_out' && booking.late ? 'late' : booking.status
}

/** `Demandée`, `Acceptée`, `Refusée`, `Annulée`, `Sortie`, `Rendue`, `En retard`. */
export function displayStatusLabel(status: DisplayStatus): string {
  return status === 'late' ? 'En retard' : bookingStatusLabel(status)
}

/** Everything a booking's page may offer, in the order of its toolbar. */
export const bookingActions = [
  'approve',
  'reject',
  'checkOut',
  'return',
  'cancel',
  'checkoutSlip',
  'returnSlip',
  'cancelSeries',
] as const
export type BookingAction = (typeof bookingActions)[number]

/**
 * The actions a booking's status allows:
 * - `requested`: Accepter, Refuser, Annuler;
 * - `approved`: Remettre (check-out), Annuler;
 * - `checked_out` (late or not): Réceptionner (return; early returns allowed), Bon de sortie;
 * - `returned`: Bon de sortie, Bon de retour;
 * - `rejected`, `cancelled`: nothing but the series action.
 * « Annuler la série à partir de… » is offered for any occurrence of a series (it cancels the
 * occurrences from a date on, whatever this one's status).
 */
export function allowedActions(booking: Pick<Booking, 'status' | 'seriesId'>): BookingAction[] {
  const actions: BookingAction[] = []
  switch (booking.status) {
    case 'requested':
      actions.push('approve', 'reject')
      break
    case 'approved':
      actions.push('checkOut')
      break
    case 'checked_out':
      actions.push('return', 'checkoutSlip')
      break
    case 'returned':
      actions.push('checkoutSlip', 'returnSlip')
      break
    case 'rejected':
    case 'cancelled':
      break
    default:
      return assertNever(booking.status)
  }
  if (cancellableStatuses.includes(booking.status)) actions.push('cancel')
  if (booking.seriesId) actions.push('cancelSeries')
  return bookingActions.filter((action) => actions.includes(action))
}

/** The button text of an action. */
export function actionLabel(action: BookingAction): string {
  switch (action) {
    case 'approve':
      return 'Accepter'
    case 'reject':
      return 'Refuser'
    case 'checkOut':
      return 'Remettre'
    case 'return':
      return 'Réceptionner'
    case 'cancel':
      return 'Annuler'
    case 'checkoutSlip':
      return 'Bon de sortie (PDF)'
    case 'returnSlip':
      return 'Bon de retour (PDF)'
    case 'cancelSeries':
      return 'Annuler la série à partir de…'
    default:
      return assertNever(action)
  }
}

/** The hash of a booking's page: `#/reservation/<id>`. */
export function bookingHash(bookingId: string): string {
  return `#/reservation/${encodeURIComponent(bookingId)}`
}

const numberFr = new Intl.NumberFormat('fr-FR')

/** `Chaises pliantes × 80` for a stock line, the name alone for a unit resource. */
export function itemText(
  item: Pick<Booking['items'][number], 'resourceId' | 'quantity'>,
  resourcesById: ReadonlyMap<string, Resource>,
): string {
  const resource = resourcesById.get(item.resourceId)
  const name = resource?.name ?? 'Ressource inconnue'
  return resource?.tracking === 'stock' ? `${name} × ${numberFr.format(item.quantity)}` : name
}

/** The items of a booking in one line: `Chaises pliantes × 80, Podium 24 m²`. */
export function itemsText(
  booking: Pick<Booking, 'items'>,
  resourcesById: ReadonlyMap<string, Resource>,
): string {
  return booking.items.map((item) => itemText(item, resourcesById)).join(', ')
}

/** `45 210 km`. */
export function kmText(km: number): string {
  return `${numberFr.format(km)} km`
}

/**
 * What came back of each line of a returned booking, in words: `80 rendues dont 2 abîmées`,
 * `rendu`, `manquant`, `rendu abîmé`, `78 rendues sur 80, 2 manquantes`. Lines without a record
 * (not returned yet) are left out.
 */
export function returnedText(
  item: Booking['items'][number],
  returned: { readonly returnedQuantity: number; readonly damagedQuantity: number } | undefined,
  isStock: boolean,
): string | null {
  if (!returned) return null
  const { returnedQuantity: back, damagedQuantity: damaged } = returned
  if (!isStock) {
    if (back === 0) return 'manquant'
    return damaged > 0 ? 'rendu abîmé' : 'rendu'
  }
  const plural = (n: number, word: string) => `${numberFr.format(n)} ${word}${n > 1 ? 's' : ''}`
  const parts = [
    back === item.quantity
      ? plural(back, 'rendue')
      : `${plural(back, 'rendue')} sur ${numberFr.format(item.quantity)}`,
  ]
  if (damaged > 0) parts[0] += ` dont ${plural(damaged, 'abîmée')}`
  if (back < item.quantity) parts.push(plural(item.quantity - back, 'manquante'))
  return parts.join(', ')
}
