/**
 * French labels of domain values, for display only. Exhaustive switches: a new status or kind in
 * `shared/domain/types.ts` is a type error here until it gets its label.
 */
import type { BookingStatus, ResourceKind, Tracking } from '../../../shared/domain/types'
import { assertNever } from '../../../shared/errors'

/** `requested` → `Demandée`, … (DESIGN.md glossary). */
export function bookingStatusLabel(status: BookingStatus): string {
  switch (status) {
    case 'requested':
      return 'Demandée'
    case 'approved':
      return 'Acceptée'
    case 'rejected':
      return 'Refusée'
    case 'cancelled':
      return 'Annulée'
    case 'checked_out':
      return 'Sortie'
    case 'returned':
      return 'Rendue'
    default:
      return assertNever(status)
  }
}

/** Plural tab label of a resource kind: `Matériel`, `Véhicules`, `Agents`. */
export function kindPluralLabel(kind: ResourceKind): string {
  switch (kind) {
    case 'equipment':
      return 'Matériel'
    case 'vehicle':
      return 'Véhicules'
    case 'staff':
      return 'Agents'
    default:
      return assertNever(kind)
  }
}

/** Singular label of a resource kind: `Matériel`, `Véhicule`, `Agent`. */
export function kindLabel(kind: ResourceKind): string {
  switch (kind) {
    case 'equipment':
      return 'Matériel'
    case 'vehicle':
      return 'Véhicule'
    case 'staff':
      return 'Agent'
    default:
      return assertNever(kind)
  }
}

/** `unit` → `À l'unité`, `stock` → `En nombre`. */
export function trackingLabel(tracking: Tracking): string {
  switch (tracking) {
    case 'unit':
      return "À l'unité"
    case 'stock':
      return 'En nombre'
    default:
      return assertNever(tracking)
  }
}
