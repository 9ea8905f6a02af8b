/**
 * The resource form as typed: its draft, empty or filled from a stored resource. Pure functions, no
 * DOM, no store.
 */
import type { Condition, Resource, ResourceKind, Tracking } from '../../../../shared/domain/types'
import { formatDateText } from '../../lib/period'
import { formatCents } from './amounts'

/** Licence categories offered for a vehicle (French driving licences). */
export const licenceCategories = ['B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE'] as const

/** One qualification row of the form: the name and the expiry date as typed (`jj/mm/aaaa` or ''). */
export interface QualificationDraft {
  readonly name: string
  readonly expiresOn: string
}

/** What a vehicle's counter measures: kilometres (odometer) or engine hours (hour-meter). */
export type MeterUnit = 'km' | 'hours'

/**
 * The resource form as typed: fields are text, converted on save. Field names are those of the API
 * so that its field issues land on the right field; amounts (`purchaseValueCents`,
 * `dailyRateCents`) are typed in euros (`1 234,50`) and sent in cents.
 */
export interface ResourceDraft {
  readonly kind: ResourceKind
  readonly tracking: Tracking
  readonly name: string
  readonly categoryId: string
  readonly quantity: string
  readonly outOfServiceQuantity: string
  readonly bufferBeforeMinutes: string
  readonly bufferAfterMinutes: string
  readonly inventoryNumber: string
  readonly serialNumber: string
  /** '' when not set. */
  readonly condition: Condition | ''
  readonly purchaseDate: string
  /** Euros as typed (`1 234,50`). */
  readonly purchaseValueCents: string
  /** Euros as typed (`45,00`). */
  readonly dailyRateCents: string
  /** Floor area in m² as typed (`24`, `7,5`), for rates per m² (podium, tents); '' when none. */
  readonly areaM2: string
  readonly plate: string
  readonly licenceRequired: string
  readonly meterUnit: MeterUnit
  readonly odometerKm: string
  readonly hourMeterHours: string
  readonly nextInspectionDate: string
  readonly homeCommuneId: string
  readonly qualifications: readonly QualificationDraft[]
  readonly weeklyHours: string
  /** « Soumis à validation du pôle »: its bookings are requests the hub accepts or refuses. */
  readonly requiresApproval: boolean
  /** « Qualification requise de l'opérateur » (`CACES R486`, `Permis C`), '' when none. */
  readonly requiredQualification: string
  readonly notes: string
}

/** The text fields of the draft (those an `<input>` edits directly). */
export type DraftTextField = {
  [K in keyof ResourceDraft]: ResourceDraft[K] extends string
    ? string extends ResourceDraft[K]
      ? K
      : never
    : never
}[keyof ResourceDraft]

/**
 * The patch when the kind of a new resource is changed in its form: the category is cleared (each
 * category belongs to one kind), vehicles and agents are tracked per unit, and only equipment has a
 * condition (`good` unless one is already chosen).
 */
export function kindChangePatch(draft: ResourceDraft, kind: ResourceKind): Partial<ResourceDraft> {
  return {
    kind,
    categoryId: '',
    tracking: kind === 'equipment' ? draft.tracking : 'unit',
    condition: kind === 'equipment' ? draft.condition || 'good' : '',
  }
}

/**
 * The vehicle's required licence when it is none of `licenceCategories` (the API accepts any text of
 * up to 10 characters), so that the select still shows the stored value; null when empty or listed.
 */
export function unlistedLicence(licenceRequired: string): string | null {
  return licenceRequired !== '' && !(licenceCategories as readonly string[]).includes(licenceRequired)
    ? licenceRequired
    : null
}

export function emptyDraft(kind: ResourceKind): ResourceDraft {
  return {
    kind,
    tracking: 'unit',
    name: '',
    categoryId: '',
    quantity: '',
    outOfServiceQuantity: '0',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    inventoryNumber: '',
    serialNumber: '',
    condition: kind === 'equipment' ? 'good' : '',
    purchaseDate: '',
    purchaseValueCents: '',
    dailyRateCents: '',
    areaM2: '',
    plate: '',
    licenceRequired: '',
    meterUnit: 'km',
    odometerKm: '',
    hourMeterHours: '',
    nextInspectionDate: '',
    homeCommuneId: '',
    qualifications: [],
    weeklyHours: '',
    requiresApproval: false,
    requiredQualification: '',
    notes: '',
  }
}

const text = (value: string | number | null) => (value === null ? '' : String(value))
const dateText = (value: string | null) => (value ? formatDateText(value) : '')
const centsText = (value: number | null) => (value === null ? '' : formatCents(value))

export function draftFromResource(resource: Resource): ResourceDraft {
  return {
    kind: resource.kind,
    tracking: resource.tracking,
    name: resource.name,
    categoryId: resource.categoryId ?? '',
    quantity: String(resource.quantity),
    outOfServiceQuantity: String(resource.outOfServiceQuantity),
    bufferBeforeMinutes: String(resource.bufferBeforeMinutes),
    bufferAfterMinutes: String(resource.bufferAfterMinutes),
    inventoryNumber: text(resource.inventoryNumber),
    serialNumber: text(resource.serialNumber),
    condition: resource.condition ?? '',
    purchaseDate: dateText(resource.purchaseDate),
    purchaseValueCents: centsText(resource.purchaseValueCents),
    dailyRateCents: centsText(resource.dailyRateCents),
    areaM2: resource.areaM2 === null ? '' : String(resource.areaM2).replace('.', ','),
    plate: text(resource.plate),
    licenceRequired: text(resource.licenceRequired),
    meterUnit: resource.hourMeterHours !== null && resource.odometerKm === null ? 'hours' : 'km',
    odometerKm: text(resource.odometerKm),
    hourMeterHours: text(resource.hourMeterHours),
    nextInspectionDate: dateText(resource.nextInspectionDate),
    homeCommuneId: resource.homeCommuneId ?? '',
    qualifications: resource.qualifications.map((q) => ({ name: q.name, expiresOn: dateText(q.expiresOn) })),
    weeklyHours: text(resource.weeklyHours),
    requiresApproval: resource.requiresApproval,
    requiredQualification: resource.requiredQualification ?? '',
    notes: resource.notes,
  }
}
