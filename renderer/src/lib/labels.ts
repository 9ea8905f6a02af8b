/**
 * French labels of domain values, for display only. Exhaustive switches: a new status or kind in
 * `shared/domain/types.ts` is a type error here until it gets its label.
 */
import type {
  BookingStatus,
  Condition,
  ImportField,
  ResourceKind,
  Tracking,
  UnavailabilityKind,
} from '../../../shared/domain/types'
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

/** État d'un matériel : `good` → `Bon`, `worn` → `Usé`, `to_repair` → `À réparer`, `out_of_service` → `Hors service`. */
export function conditionLabel(condition: Condition): string {
  switch (condition) {
    case 'good':
      return 'Bon'
    case 'worn':
      return 'Usé'
    case 'to_repair':
      return 'À réparer'
    case 'out_of_service':
      return 'Hors service'
    default:
      return assertNever(condition)
  }
}

/** Motif d'une indisponibilité : `maintenance` → `Entretien`, `repair` → `Réparation`, `inspection` → `Contrôle`, `leave` → `Congé`. */
export function unavailabilityKindLabel(kind: UnavailabilityKind): string {
  switch (kind) {
    case 'maintenance':
      return 'Entretien'
    case 'repair':
      return 'Réparation'
    case 'inspection':
      return 'Contrôle'
    case 'leave':
      return 'Congé'
    default:
      return assertNever(kind)
  }
}

/** A column an import fills, as the usual French header: `name` → `Désignation`, … */
export function importFieldLabel(field: ImportField): string {
  switch (field) {
    case 'name':
      return 'Désignation'
    case 'kind':
      return 'Type'
    case 'category':
      return 'Catégorie'
    case 'quantity':
      return 'Quantité'
    case 'inventoryNumber':
      return "N° d'inventaire"
    case 'serialNumber':
      return 'N° de série'
    case 'plate':
      return 'Immatriculation'
    case 'purchaseDate':
      return "Date d'achat"
    case 'purchaseValue':
      return "Valeur d'achat"
    case 'dailyRate':
      return 'Tarif journalier'
    default:
      return assertNever(field)
  }
}
