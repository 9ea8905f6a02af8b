/**
 * The journal made readable (French action, changed fields with their values before → after, never
 * raw JSON), for a resource's page and a booking's page. Pure, no DOM.
 */
import type { AuditEntry, Category, Commune, ResourceKind } from '../../../../shared/domain/types'
import { UNTIL_RESTORED_END } from '../../../../shared/availability'
import { backupReasons } from '../../../../shared/domain/backups'
import { backupReasonLabel } from '../backups/model'
import {
  bookingStatuses,
  conditions,
  resourceKinds,
  trackings,
  unavailabilityKinds,
} from '../../../../shared/domain/types'
import { roleLabels, roles } from '../../../../shared/domain/accounts'
import { formatInstantFr, formatLocalDateFr } from '../../../../shared/time'
import {
  bookingStatusLabel,
  conditionLabel,
  kindLabel,
  trackingLabel,
  unavailabilityKindLabel,
} from '../../lib/labels'
import { categoryPath, formatMoney } from '../inventory/model'

/** One changed field of a journal entry, values in French. */
export interface JournalChange {
  readonly field: string
  readonly label: string
  readonly before: string
  readonly after: string
}

/** A journal entry ready to show. */
export interface JournalLine {
  readonly id: string
  /** `14/05/2027 08:30`, Europe/Paris. */
  readonly when: string
  readonly actor: string
  /** `Modification`, `Création`, `Indisponibilité ajoutée`… */
  readonly action: string
  readonly changes: readonly JournalChange[]
  /** What the entry is about (« Réservation RES-2026-0003 »), on the Journal page; absent on a resource's page. */
  readonly subject?: string
}

/** Lookups used to name categories and communes in the journal. */
export interface JournalContext {
  readonly categoriesById: ReadonlyMap<string, Category>
  readonly communesById: ReadonlyMap<string, Commune>
  /** Kind of the resource, for the name of `nextInspectionDate`. */
  readonly resourceKind: ResourceKind
  /** Names of the resources, for the items of a booking (`Chaises pliantes : Quantité : 40`). */
  readonly resourcesById?: ReadonlyMap<string, { readonly name: string }>
}

const fieldLabels: Readonly<Record<string, string>> = {
  name: 'Nom',
  categoryId: 'Catégorie',
  tracking: 'Suivi',
  quantity: 'Quantité',
  outOfServiceQuantity: 'Hors service',
  bufferBeforeMinutes: 'Marge avant',
  bufferAfterMinutes: 'Marge après',
  inventoryNumber: 'N° d’inventaire',
  serialNumber: 'N° de série',
  condition: 'État',
  purchaseDate: 'Date d’achat',
  purchaseValueCents: 'Valeur d’achat',
  dailyRateCents: 'Tarif journalier',
  areaM2: 'Surface (m²)',
  plate: 'Immatriculation',
  licenceRequired: 'Permis requis',
  odometerKm: 'Compteur',
  hourMeterHours: 'Compteur horaire',
  homeCommuneId: 'Commune de rattachement',
  qualifications: 'Qualifications',
  weeklyHours: 'Heures par semaine',
  requiresApproval: 'Validation du pôle',
  requiredQualification: 'Qualification requise',
  rejectReason: 'Motif du refus',
  cancelReason: 'Motif d’annulation',
  providedOperator: 'Opérateur de la commune',
  delivery: 'Livraison',
  checkOut: 'Sortie',
  return: 'Retour',
  returnedItems: 'Rendu',
  items: 'Ressources',
  returnedQuantity: 'Rendues',
  damagedQuantity: 'Abîmées',
  at: 'Le',
  by: 'Par',
  untilRestored: 'Jusqu’à remise en service',
  notes: 'Notes',
  archived: 'Archivée',
  reason: 'Raison',
  start: 'Début',
  end: 'Fin',
  startDate: 'Premier jour',
  endDate: 'Dernier jour',
  status: 'Statut',
  title: 'Objet',
  communeId: 'Commune',
  reference: 'Référence',
  login: 'Identifiant',
  displayName: 'Nom affiché',
  role: 'Rôle',
  disabled: 'Désactivé',
  passwordReset: 'Mot de passe remplacé',
  backup: 'Sauvegarde',
  keptAs: 'Données remplacées gardées dans',
  damagedFile: 'Fichier endommagé mis de côté',
  schemaVersion: 'Version du schéma',
  confirmedAt: 'Décidé le',
  confirmedBy: 'Par',
  unitValueCents: 'Valeur unitaire',
  amountCents: 'Montant',
  depositCents: 'Caution',
  expectedCents: 'Caution attendue',
  receivedCents: 'Caution reçue',
  returnedCents: 'Caution rendue',
  free: 'Gratuit pour les communes membres',
  validFrom: 'Applicable à partir du',
  unit: 'Unité',
  number: 'Numéro',
  totalCents: 'Total',
}

/** Keys that say nothing to a person (identifiers, technical timestamps). */
const hiddenKeys = new Set([
  'id',
  'hubId',
  'createdAt',
  'updatedAt',
  'resourceId',
  'allDay',
  'entityId',
  'clientRequestId',
  'seriesId',
  'bookingId',
])

const actionLabels: Readonly<Record<string, string>> = {
  create: 'Création',
  update: 'Modification',
  archive: 'Archivage',
  unarchive: 'Désarchivage',
  // Units withdrawn at a return are back in service; the database entity has its own label below.
  restore: 'Remise en service',
  import: 'Import',
  cancel: 'Annulation',
  delete: 'Suppression',
  odometer: 'Relevé du compteur',
  password: 'Mot de passe remplacé',
}

const unavailabilityActionLabels: Readonly<Record<string, string>> = {
  create: 'Indisponibilité ajoutée',
  delete: 'Indisponibilité supprimée',
  update: 'Indisponibilité modifiée',
  restore: 'Remise en service (fin de la réparation)',
}

const bookingActionLabels: Readonly<Record<string, string>> = {
  create: 'Réservation créée',
  cancel: 'Réservation annulée',
  update: 'Réservation modifiée',
  approve: 'Demande acceptée',
  reject: 'Demande refusée',
  checkout: 'Matériel remis (sortie)',
  return: 'Matériel réceptionné (retour)',
}

/** Cost-sharing changes (issue 7), by `entity.action`. */
const costActionLabels: Readonly<Record<string, string>> = {
  'damage_charge.confirm': 'Dégâts : facturation décidée',
  'rate.set': 'Tarif fixé',
  'hub_settings.update': 'Paramètres du pôle modifiés',
  'statement.issue': 'Relevé émis',
  'deposit.received': 'Caution reçue',
  'deposit.returned': 'Caution rendue',
  'deposit.record': 'Caution enregistrée',
}

/** `inventory_number` → `inventoryNumber`. */
function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** A journal action in French: `update` → `Modification`; `unavailability.create` → `Indisponibilité ajoutée`. */
export function journalActionLabel(action: string, entity: string): string {
  // `check-out` is one verb, not `check` + `out`.
  const parts = action
    .replace(/check[-_]?out/i, 'checkout')
    .split(/[.:_-]/)
    .filter((p) => p !== '')
  // `unavailability` alone (journaled on the resource) means one was added.
  if (parts.length === 1 && /^unavailab/i.test(action)) return unavailabilityActionLabels.create ?? action
  const verb = parts[parts.length - 1] ?? action
  const subject = (parts.length > 1 ? parts[0] : entity)?.toLowerCase() ?? ''
  const labels = subject.startsWith('unavailab')
    ? unavailabilityActionLabels
    : subject.startsWith('booking')
      ? bookingActionLabels
      : actionLabels
  if (subject === 'database' && verb === 'restore') return 'Sauvegarde restaurée'
  const costLabel = costActionLabels[`${subject}.${verb}`]
  if (costLabel) return costLabel
  const label = labels[verb] ?? actionLabels[verb]
  if (label) return label
  const spaced = verb.replace(/[_-]+/g, ' ')
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

const numberFr = new Intl.NumberFormat('fr-FR')
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

/** A value of the journal in French, by the field it belongs to. */
export function formatJournalValue(field: string, value: unknown, ctx: JournalContext): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non'
  if (field.endsWith('Cents') && typeof value === 'number') return formatMoney(value)
  if (field === 'categoryId' && typeof value === 'string') {
    return categoryPath(ctx.categoriesById, value) ?? 'Catégorie supprimée'
  }
  if ((field === 'homeCommuneId' || field === 'communeId') && typeof value === 'string') {
    return ctx.communesById.get(value)?.name ?? 'Commune inconnue'
  }
  if (field === 'condition' && oneOf(conditions, value)) return conditionLabel(value)
  if (field === 'status' && oneOf(bookingStatuses, value)) return bookingStatusLabel(value)
  if (field === 'role' && oneOf(roles, value)) return roleLabels[value]
  if (field === 'reason' && oneOf(backupReasons, value)) return `Sauvegarde ${backupReasonLabel(value)}`
  if (field === 'tracking' && oneOf(trackings, value)) return trackingLabel(value)
  if (field === 'kind' && oneOf(unavailabilityKinds, value)) return unavailabilityKindLabel(value)
  if (field === 'kind' && oneOf(resourceKinds, value)) return kindLabel(value)
  if (field.endsWith('Minutes') && typeof value === 'number') return `${numberFr.format(value)} min`
  if (field === 'odometerKm' && typeof value === 'number') return `${numberFr.format(value)} km`
  if ((field === 'hourMeterHours' || field === 'weeklyHours') && typeof value === 'number') {
    return `${numberFr.format(value)} h`
  }
  if (field === 'end' && typeof value === 'number' && value >= UNTIL_RESTORED_END)
    return 'jusqu’à remise en service'
  // Instants stored as epoch milliseconds (`start`, `end`, `startMs`…).
  if (typeof value === 'number' && /^(start|end|at)(Ms)?$|Ms$/.test(field) && value > 1e11) {
    return formatInstantFr(value)
  }
  if (typeof value === 'number') return numberFr.format(value)
  if (typeof value === 'string') {
    if (DATE_RE.test(value)) {
      try {
        return formatLocalDateFr(value)
      } catch {
        return value
      }
    }
    if (INSTANT_RE.test(value) && !Number.isNaN(Date.parse(value))) return formatInstantFr(Date.parse(value))
    return value
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—'
    return value
      .map((item) => {
        if (isRecord(item) && typeof item.name === 'string') {
          const expires = item.expiresOn ?? item.expires_on
          return typeof expires === 'string' && DATE_RE.test(expires)
            ? `${item.name} (jusqu’au ${formatLocalDateFr(expires)})`
            : item.name
        }
        const resourceId = isRecord(item) ? (item.resourceId ?? item.resource_id) : undefined
        const name = typeof resourceId === 'string' ? ctx.resourcesById?.get(resourceId)?.name : undefined
        return name
          ? `${name} : ${formatJournalValue(field, item, ctx)}`
          : formatJournalValue(field, item, ctx)
      })
      .join(' ; ')
  }
  if (isRecord(value)) {
    // Inside a record, an empty value (no odometer read) says nothing.
    return Object.entries(value)
      .filter(([key, v]) => !hiddenKeys.has(camel(key)) && v !== null && v !== undefined && v !== '')
      .map(([key, v]) => `${fieldLabels[camel(key)] ?? key} : ${formatJournalValue(camel(key), v, ctx)}`)
      .join(', ')
  }
  return typeof value === 'bigint' || typeof value === 'symbol' ? value.toString() : '—'
}

/**
 * The label of a field in the journal: `nextInspectionDate` depends on the resource's kind, `kind`
 * on its value (`Type` of a resource, `Motif` of an unavailability).
 */
function fieldLabel(field: string, ctx: JournalContext, values: readonly unknown[]): string {
  if (field === 'nextInspectionDate') {
    return ctx.resourceKind === 'vehicle' ? 'Prochain contrôle technique' : 'Prochaine vérification'
  }
  if (field === 'kind') return values.some((v) => oneOf(unavailabilityKinds, v)) ? 'Motif' : 'Type'
  return fieldLabels[field] ?? field
}

/** A value that says nothing when a record is created (0, false, empty): left out of a creation's fields. */
function isBlankValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === 0 ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  )
}

function normalizeRecord(value: unknown): Record<string, unknown> | null {
  if (!isRecord(value)) return null
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [camel(key), v]))
}

/**
 * The fields a journal entry changed, values formatted: every visible key whose value differs
 * between `before` and `after` (for a creation, the fields filled; for a deletion, those removed).
 */
export function journalChanges(
  entry: Pick<AuditEntry, 'before' | 'after'>,
  ctx: JournalContext,
): JournalChange[] {
  const before = normalizeRecord(entry.before)
  const after = normalizeRecord(entry.after)
  if (!before && !after) {
    if (entry.before === entry.after || (entry.before == null && entry.after == null)) return []
    return [
      {
        field: '',
        label: 'Valeur',
        before: formatJournalValue('', entry.before, ctx),
        after: formatJournalValue('', entry.after, ctx),
      },
    ]
  }
  // A day-long period says it with its dates: its instants would only repeat them.
  const dayLong = [before, after].some((r) => r !== null && typeof r.startDate === 'string')
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => !hiddenKeys.has(key) && !(dayLong && /^(start|end)(Ms)?$/.test(key)),
  )
  const changes: JournalChange[] = []
  for (const key of keys) {
    const b = before?.[key]
    const a = after?.[key]
    if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue
    // A creation (or a deletion) lists the fields that hold something.
    if ((!before && isBlankValue(a)) || (!after && isBlankValue(b))) continue
    const formattedBefore = formatJournalValue(key, b, ctx)
    const formattedAfter = formatJournalValue(key, a, ctx)
    if (formattedBefore === formattedAfter) continue
    changes.push({
      field: key,
      label: fieldLabel(key, ctx, [b, a]),
      before: formattedBefore,
      after: formattedAfter,
    })
  }
  return changes
}

/** Journal entries ready to show, in the order given (latest first from the API). */
export function journalLines(entries: readonly AuditEntry[], ctx: JournalContext): JournalLine[] {
  return entries.map((entry) => ({
    id: entry.id,
    when: Number.isNaN(Date.parse(entry.at)) ? entry.at : formatInstantFr(Date.parse(entry.at)),
    actor: entry.actor.trim() === '' ? 'Inconnu' : entry.actor,
    action: journalActionLabel(entry.action, entry.entity),
    changes: journalChanges(entry, ctx),
  }))
}
