/**
 * Resource detail page model: the unavailability form (draft → `unavailabilities.create` input),
 * the quantity a booking holds of the resource, and the journal made readable (French action,
 * changed fields with their values before → after, never raw JSON). Pure, no DOM.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type {
  AuditEntry,
  Booking,
  Category,
  Commune,
  Resource,
  ResourceKind,
  UnavailabilityKind,
} from '../../../../shared/domain/types'
import { conditions, resourceKinds, trackings, unavailabilityKinds } from '../../../../shared/domain/types'
import { formatInstantFr, formatLocalDateFr } from '../../../../shared/time'
import { conditionLabel, kindLabel, trackingLabel, unavailabilityKindLabel } from '../../lib/labels'
import type { PeriodField, PeriodValue } from '../../lib/period'
import { emptyPeriod, periodFieldErrors, periodFieldFor, periodToApi } from '../../lib/period'
import { categoryPath, formatMoney } from '../inventory/model'

// ---------- Bookings ----------

/** Units of `resourceId` a booking holds (0 when it does not name it). */
export function bookingQuantity(booking: Pick<Booking, 'items'>, resourceId: string): number {
  return booking.items
    .filter((item) => item.resourceId === resourceId)
    .reduce((sum, item) => sum + item.quantity, 0)
}

// ---------- Unavailability form ----------

/** The unavailability form as typed. */
export interface UnavailabilityDraft {
  readonly kind: UnavailabilityKind
  readonly reason: string
  readonly period: PeriodValue
  /** Stock only: units withdrawn, as typed. */
  readonly quantity: string
}

/** A new unavailability: `Congé` for an agent, `Entretien` otherwise; whole days. */
export function emptyUnavailabilityDraft(kind: ResourceKind): UnavailabilityDraft {
  return { kind: kind === 'staff' ? 'leave' : 'maintenance', reason: '', period: emptyPeriod, quantity: '' }
}

/** Motifs offered for a kind of resource: leave for agents only. */
export function unavailabilityKindsFor(kind: ResourceKind): UnavailabilityKind[] {
  return kind === 'staff' ? [...unavailabilityKinds] : unavailabilityKinds.filter((k) => k !== 'leave')
}

/** Field of the form an error is shown under: `reason`, `kind`, `quantity` or a period field. */
export type UnavailabilityField = 'reason' | 'kind' | 'quantity' | PeriodField

/**
 * What is missing or not understood in the draft, as French messages by form field; empty when
 * it can be sent. `stockQuantity` is the resource's stock (null for a unit resource).
 */
export function unavailabilityDraftErrors(
  draft: UnavailabilityDraft,
  stockQuantity: number | null,
): Partial<Record<UnavailabilityField, string>> {
  const errors: Partial<Record<UnavailabilityField, string>> = { ...periodFieldErrors(draft.period) }
  if (draft.reason.trim() === '') errors.reason = 'Indiquez la raison (ex. : pneu crevé, révision annuelle).'
  if (stockQuantity !== null) {
    const text = draft.quantity.trim()
    const n = Number(text)
    if (text === '') errors.quantity = 'Indiquez combien d’unités sont retirées.'
    else if (!/^\d+$/.test(text) || n < 1) errors.quantity = 'Un nombre entier d’au moins 1.'
    else if (n > stockQuantity) errors.quantity = `Au plus ${stockQuantity}, le stock total.`
  }
  return errors
}

/** The `unavailabilities.create` input of a complete draft, or null while incomplete. */
export function unavailabilityInput(
  resourceId: string,
  draft: UnavailabilityDraft,
  isStock: boolean,
): MethodInput<'unavailabilities.create'> | null {
  const period = periodToApi(draft.period)
  if (!period || draft.reason.trim() === '') return null
  return {
    resourceId,
    kind: draft.kind,
    reason: draft.reason.trim(),
    start: period.start,
    end: period.end,
    ...(isStock ? { quantity: Number(draft.quantity.trim()) } : {}),
  }
}

/** API field issues (`start`, `end`, `reason`…) → form fields; anything else under `form`. */
export function unavailabilityIssueFields(
  issues: Readonly<Record<string, string>>,
  draft: UnavailabilityDraft,
): Partial<Record<UnavailabilityField | 'form', string>> {
  const result: Partial<Record<UnavailabilityField | 'form', string>> = {}
  for (const [path, message] of Object.entries(issues)) {
    const field = path.split('.')[0] ?? ''
    if (field === 'start' || field === 'end') result[periodFieldFor(field, draft.period.mode)] ??= message
    else if (field === 'reason' || field === 'kind' || field === 'quantity') result[field] ??= message
    else result.form ??= message
  }
  return result
}

// ---------- Journal ----------

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
}

/** Lookups used to name categories and communes in the journal. */
export interface JournalContext {
  readonly categoriesById: ReadonlyMap<string, Category>
  readonly communesById: ReadonlyMap<string, Commune>
  /** Kind of the resource, for the name of `nextInspectionDate`. */
  readonly resourceKind: ResourceKind
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
  plate: 'Immatriculation',
  licenceRequired: 'Permis requis',
  odometerKm: 'Compteur',
  hourMeterHours: 'Compteur horaire',
  homeCommuneId: 'Commune de rattachement',
  qualifications: 'Qualifications',
  weeklyHours: 'Heures par semaine',
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
}

/** Keys that say nothing to a person (identifiers, technical timestamps). */
const hiddenKeys = new Set(['id', 'hubId', 'createdAt', 'updatedAt', 'resourceId', 'allDay', 'entityId'])

const actionLabels: Readonly<Record<string, string>> = {
  create: 'Création',
  update: 'Modification',
  archive: 'Archivage',
  unarchive: 'Désarchivage',
  restore: 'Désarchivage',
  import: 'Import',
  cancel: 'Annulation',
  delete: 'Suppression',
}

const unavailabilityActionLabels: Readonly<Record<string, string>> = {
  create: 'Indisponibilité ajoutée',
  delete: 'Indisponibilité supprimée',
  update: 'Indisponibilité modifiée',
}

const bookingActionLabels: Readonly<Record<string, string>> = {
  create: 'Réservation créée',
  cancel: 'Réservation annulée',
  update: 'Réservation modifiée',
}

/** `inventory_number` → `inventoryNumber`. */
function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** A journal action in French: `update` → `Modification`; `unavailability.create` → `Indisponibilité ajoutée`. */
export function journalActionLabel(action: string, entity: string): string {
  const parts = action.split(/[.:_-]/).filter((p) => p !== '')
  // `unavailability` alone (journaled on the resource) means one was added.
  if (parts.length === 1 && /^unavailab/i.test(action)) return unavailabilityActionLabels.create ?? action
  const verb = parts[parts.length - 1] ?? action
  const subject = (parts.length > 1 ? parts[0] : entity)?.toLowerCase() ?? ''
  const labels = subject.startsWith('unavailab')
    ? unavailabilityActionLabels
    : subject.startsWith('booking')
      ? bookingActionLabels
      : actionLabels
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
  if (field === 'tracking' && oneOf(trackings, value)) return trackingLabel(value)
  if (field === 'kind' && oneOf(unavailabilityKinds, value)) return unavailabilityKindLabel(value)
  if (field === 'kind' && oneOf(resourceKinds, value)) return kindLabel(value)
  if (field.endsWith('Minutes') && typeof value === 'number') return `${numberFr.format(value)} min`
  if (field === 'odometerKm' && typeof value === 'number') return `${numberFr.format(value)} km`
  if ((field === 'hourMeterHours' || field === 'weeklyHours') && typeof value === 'number') {
    return `${numberFr.format(value)} h`
  }
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
        return formatJournalValue(field, item, ctx)
      })
      .join(' ; ')
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([key]) => !hiddenKeys.has(camel(key)))
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

/** Title of a resource's kind for its detail page: `Matériel à l'unité`, `Matériel en nombre`, `Véhicule`, `Agent`. */
export function resourceKindTitle(resource: Pick<Resource, 'kind' | 'tracking'>): string {
  if (resource.kind !== 'equipment') return kindLabel(resource.kind)
  return resource.tracking === 'stock' ? 'Matériel en nombre' : 'Matériel à l’unité'
}
