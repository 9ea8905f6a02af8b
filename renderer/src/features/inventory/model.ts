/**
 * Inventory page model: the resource form's draft (text as typed) and its conversion to the
 * contract's inputs, amounts in euros typed with a decimal comma, expiry and inspection states,
 * the category options, the list filter and the scanner lookup. Pure, no DOM; the rules on what is
 * valid live in the contract's schemas (the backend answers with field issues), the form only
 * checks what it must read itself (dates, amounts).
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type {
  Category,
  Condition,
  Qualification,
  Resource,
  ResourceKind,
  Tracking,
} from '../../../../shared/domain/types'
import { daysBetween, formatLocalDateFr } from '../../../../shared/time'
import { formatDateText, parseDateText } from '../../lib/period'

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
  readonly plate: string
  readonly licenceRequired: string
  readonly meterUnit: MeterUnit
  readonly odometerKm: string
  readonly hourMeterHours: string
  readonly nextInspectionDate: string
  readonly homeCommuneId: string
  readonly qualifications: readonly QualificationDraft[]
  readonly weeklyHours: string
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
    plate: '',
    licenceRequired: '',
    meterUnit: 'km',
    odometerKm: '',
    hourMeterHours: '',
    nextInspectionDate: '',
    homeCommuneId: '',
    qualifications: [],
    weeklyHours: '',
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
    plate: text(resource.plate),
    licenceRequired: text(resource.licenceRequired),
    meterUnit: resource.hourMeterHours !== null && resource.odometerKm === null ? 'hours' : 'km',
    odometerKm: text(resource.odometerKm),
    hourMeterHours: text(resource.hourMeterHours),
    nextInspectionDate: dateText(resource.nextInspectionDate),
    homeCommuneId: resource.homeCommuneId ?? '',
    qualifications: resource.qualifications.map((q) => ({ name: q.name, expiresOn: dateText(q.expiresOn) })),
    weeklyHours: text(resource.weeklyHours),
    notes: resource.notes,
  }
}

// ---------- Amounts ----------

const SPACES = /[\s\u00a0\u202f]/g

/**
 * Cents → euros as French offices write them, without the currency sign: `123450` → `1 234,50`
 * (thousands grouped with a no-break space U+00A0, always two decimals), `-5` → `-0,05`.
 */
export function formatCents(cents: number): string {
  const negative = cents < 0
  const abs = Math.abs(Math.round(cents))
  const euros = Math.floor(abs / 100)
  const rest = String(abs % 100).padStart(2, '0')
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
  return `${negative ? '-' : ''}${grouped},${rest}`
}

/** Cents → `1 234,50 €` for display; `—` for null. */
export function formatMoney(cents: number | null): string {
  return cents === null ? '—' : `${formatCents(cents)}\u00a0€`
}

/** A parsed field: the value, or why the text cannot be read. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

const AMOUNT_MESSAGE = 'Montant non reconnu : écrivez-le en euros, par ex. 1 234,50.'

/**
 * Euros as typed → cents. Accepts `1234,5`, `1 234,50`, `1.234,50`, `1234.50`, `1 234,50 €`, `12`;
 * '' → null. More than two decimals, letters, or a negative amount cannot be read.
 */
export function parseEuros(input: string): Parsed<number | null> {
  const value = input.replace(SPACES, '').replace(/€$/, '')
  if (value === '') return { ok: true, value: null }
  let normalized: string
  if (value.includes(',')) {
    // Decimal comma; dots can only group thousands (1.234,50).
    if (!/^\d{1,3}(\.\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/.test(value))
      return { ok: false, message: AMOUNT_MESSAGE }
    normalized = value.replace(/\./g, '').replace(',', '.')
  } else if (/^\d+(\.\d{1,2})?$/.test(value)) {
    normalized = value
  } else if (/^\d{1,3}(\.\d{3})+$/.test(value)) {
    normalized = value.replace(/\./g, '')
  } else {
    return { ok: false, message: AMOUNT_MESSAGE }
  }
  const [euros = '0', decimals = ''] = normalized.split('.')
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, '0'))
  return Number.isSafeInteger(cents) ? { ok: true, value: cents } : { ok: false, message: AMOUNT_MESSAGE }
}

// ---------- Quantities ----------

/** Units of a stock that can be lent: total less those out of service, never below 0. */
export function lendableQuantity(total: number, outOfService: number): number {
  return Math.max(0, total - Math.max(0, outOfService))
}

/** The lendable quantity of the draft of a stock, or null while total or out-of-service is not a number. */
export function draftLendable(draft: ResourceDraft): number | null {
  const total = wholeNumber(draft.quantity)
  const out = draft.outOfServiceQuantity.trim() === '' ? 0 : wholeNumber(draft.outOfServiceQuantity)
  return total === null || out === null ? null : lendableQuantity(total, out)
}

function wholeNumber(value: string): number | null {
  const trimmed = value.trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null
}

// ---------- Expiry and inspection ----------

/** Where a qualification stands on a day: `none` (does not expire), `valid`, `expiring` (within the warning window) or `expired`. */
export type ExpiryState = 'none' | 'valid' | 'expiring' | 'expired'

/**
 * The state of a qualification valid until `expiresOn` inclusive (`YYYY-MM-DD`, Europe/Paris), on
 * `today`: expired the day after `expiresOn`; `expiring` when at most `warnDays` (60) days remain.
 * `daysLeft` counts from today to the expiry day (0 = expires today; negative once expired).
 */
export function qualificationState(
  expiresOn: string | null,
  today: string,
  warnDays = 60,
): { readonly state: ExpiryState; readonly daysLeft: number | null } {
  if (!expiresOn) return { state: 'none', daysLeft: null }
  const daysLeft = daysBetween(today, expiresOn)
  if (daysLeft < 0) return { state: 'expired', daysLeft }
  return { state: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft }
}

/** French words for a qualification's expiry: `Expirée depuis le 01/02/2027`, `Expire le 01/02/2027 (dans 12 jours)`… */
export function expiryText(expiresOn: string | null, today: string): string {
  const { state, daysLeft } = qualificationState(expiresOn, today)
  if (!expiresOn || daysLeft === null) return 'Sans date d’expiration'
  const date = formatLocalDateFr(expiresOn)
  switch (state) {
    case 'expired':
      return `Expirée depuis le ${date}`
    case 'expiring':
      return daysLeft === 0
        ? `Expire aujourd’hui (${date})`
        : `Expire le ${date} (dans ${daysLeft} jour${daysLeft > 1 ? 's' : ''})`
    case 'valid':
    case 'none':
      return `Valable jusqu’au ${date}`
  }
}

/** The state of a typed qualification row on `today`; `none` while the date is empty or not understood. */
export function draftQualificationState(row: QualificationDraft, today: string): ExpiryState {
  return qualificationState(parseDateText(row.expiresOn), today).state
}

/** Where a compulsory inspection stands: `none`, `ok`, `soon` (within `warnDays`, 30) or `overdue` (its last day is past). */
export type InspectionState = 'none' | 'ok' | 'soon' | 'overdue'

/**
 * The state of the next inspection (`nextInspectionDate`, the last day the resource may be used,
 * Europe/Paris) on `today`, with the days left (negative when overdue).
 */
export function inspectionState(
  date: string | null,
  today: string,
  warnDays = 30,
): { readonly state: InspectionState; readonly daysLeft: number | null } {
  if (!date) return { state: 'none', daysLeft: null }
  const daysLeft = daysBetween(today, date)
  if (daysLeft < 0) return { state: 'overdue', daysLeft }
  return { state: daysLeft <= warnDays ? 'soon' : 'ok', daysLeft }
}

/** The name of a resource's compulsory inspection: `Contrôle technique` for a vehicle, `Vérification (VGP)` otherwise. */
export function inspectionName(kind: ResourceKind): string {
  return kind === 'vehicle' ? 'Contrôle technique' : 'Vérification périodique (VGP)'
}

/** French words for an inspection date: `dépassée depuis le 15/03/2027`, `le 15/03/2027, dans 12 jours`… */
export function inspectionText(date: string | null, today: string): string {
  const { state, daysLeft } = inspectionState(date, today)
  if (!date || daysLeft === null) return 'Non renseignée'
  const fr = formatLocalDateFr(date)
  switch (state) {
    case 'overdue':
      return `Dépassée depuis le ${fr} : les réservations sont refusées jusqu’au prochain contrôle`
    case 'soon':
      return daysLeft === 0
        ? `Aujourd’hui (${fr}) : les réservations au-delà sont refusées`
        : `Le ${fr}, dans ${daysLeft} jour${daysLeft > 1 ? 's' : ''} : les réservations au-delà sont refusées`
    case 'ok':
    case 'none':
      return `Le ${fr}`
  }
}

// ---------- Form → API ----------

/** A number field: empty → null; otherwise the number (NaN reaches the schema, which explains it). */
function numberOrNull(value: string): number | null {
  const trimmed = value
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
  return trimmed === '' ? null : Number(trimmed)
}

function textOrNull(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** A date typed in French → `YYYY-MM-DD`; text not understood is sent as is (the schema explains). */
function dateOrNull(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : (parseDateText(trimmed) ?? trimmed)
}

/** Euros typed → cents; text not understood becomes NaN (caught before by `draftFormatErrors`). */
function centsOrNull(value: string): number | null {
  const parsed = parseEuros(value)
  return parsed.ok ? parsed.value : Number.NaN
}

const DATE_MESSAGE = 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 14/05/2027).'

/** Whether the draft shows this field (the form hides the fields of other kinds). */
function isStock(draft: ResourceDraft): boolean {
  return draft.kind === 'equipment' && draft.tracking === 'stock'
}

/**
 * What the form can tell before sending, as French messages keyed by API path: dates and amounts
 * that cannot be read, qualification rows without a name, more units out of service than in stock.
 */
export function draftFormatErrors(draft: ResourceDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  const date = (key: string, value: string) => {
    const trimmed = value.trim()
    if (trimmed !== '' && parseDateText(trimmed) === null) errors[key] = DATE_MESSAGE
  }
  const amount = (key: 'purchaseValueCents' | 'dailyRateCents') => {
    const parsed = parseEuros(draft[key])
    if (!parsed.ok) errors[key] = parsed.message
  }
  if (draft.kind !== 'staff') {
    date('purchaseDate', draft.purchaseDate)
    amount('purchaseValueCents')
    if (!isStock(draft)) date('nextInspectionDate', draft.nextInspectionDate)
  }
  amount('dailyRateCents')
  if (isStock(draft)) {
    const total = wholeNumber(draft.quantity)
    const out = wholeNumber(draft.outOfServiceQuantity)
    if (total !== null && out !== null && out > total) {
      errors.outOfServiceQuantity = 'Il ne peut y avoir plus d’unités hors service que d’unités en stock.'
    }
  }
  if (draft.kind === 'staff') {
    draft.qualifications.forEach((row, index) => {
      if (row.name.trim() === '' && row.expiresOn.trim() !== '') {
        errors[`qualifications.${index}.name`] = 'Indiquez le nom de la qualification, ou retirez la ligne.'
      }
      date(`qualifications.${index}.expiresOn`, row.expiresOn)
    })
  }
  return errors
}

type ResourceFields = Omit<MethodInput<'resources.update'>, 'id' | 'quantity'>

/** Qualification rows → the API's list; rows left empty are dropped. */
export function qualificationsToApi(rows: readonly QualificationDraft[]): Qualification[] {
  return rows
    .filter((row) => row.name.trim() !== '' || row.expiresOn.trim() !== '')
    .map((row) => ({ name: row.name.trim(), expiresOn: dateOrNull(row.expiresOn) }))
}

/** The fields common to create and update, limited to those the form shows for the resource's kind. */
function fieldsOf(draft: ResourceDraft): ResourceFields {
  const common: ResourceFields = {
    name: draft.name,
    categoryId: draft.categoryId || null,
    bufferBeforeMinutes: numberOrNull(draft.bufferBeforeMinutes) ?? 0,
    bufferAfterMinutes: numberOrNull(draft.bufferAfterMinutes) ?? 0,
    dailyRateCents: centsOrNull(draft.dailyRateCents),
    notes: draft.notes,
  }
  const purchase = {
    inventoryNumber: textOrNull(draft.inventoryNumber),
    purchaseDate: dateOrNull(draft.purchaseDate),
    purchaseValueCents: centsOrNull(draft.purchaseValueCents),
  }
  switch (draft.kind) {
    case 'equipment':
      return isStock(draft)
        ? {
            ...common,
            ...purchase,
            outOfServiceQuantity: numberOrNull(draft.outOfServiceQuantity) ?? 0,
          }
        : {
            ...common,
            ...purchase,
            serialNumber: textOrNull(draft.serialNumber),
            condition: draft.condition === '' ? null : draft.condition,
            nextInspectionDate: dateOrNull(draft.nextInspectionDate),
          }
    case 'vehicle':
      return {
        ...common,
        ...purchase,
        plate: textOrNull(draft.plate),
        licenceRequired: textOrNull(draft.licenceRequired),
        odometerKm: draft.meterUnit === 'km' ? numberOrNull(draft.odometerKm) : null,
        hourMeterHours: draft.meterUnit === 'hours' ? numberOrNull(draft.hourMeterHours) : null,
        nextInspectionDate: dateOrNull(draft.nextInspectionDate),
      }
    case 'staff':
      return {
        ...common,
        homeCommuneId: draft.homeCommuneId || null,
        qualifications: qualificationsToApi(draft.qualifications),
        weeklyHours: numberOrNull(draft.weeklyHours),
      }
  }
}

export function draftToCreateInput(draft: ResourceDraft): MethodInput<'resources.create'> {
  const tracking: Tracking = draft.kind === 'equipment' ? draft.tracking : 'unit'
  const quantity = numberOrNull(draft.quantity)
  return {
    kind: draft.kind,
    tracking,
    ...(tracking === 'stock' && quantity !== null ? { quantity } : {}),
    ...fieldsOf(draft),
    name: draft.name,
  }
}

export function draftToUpdateInput(id: string, draft: ResourceDraft): MethodInput<'resources.update'> {
  const quantity = numberOrNull(draft.quantity)
  return {
    id,
    ...(isStock(draft) && quantity !== null ? { quantity } : {}),
    ...fieldsOf(draft),
  }
}

// ---------- Categories ----------

export interface CategoryOption {
  readonly id: string
  readonly label: string
  readonly depth: number
  /** `Manifestations › Chaises et tables` for a sub-category, the name otherwise. */
  readonly fullLabel: string
}

/** Categories of one kind as select options: each top-level category followed by its children. */
export function categoryOptions(categories: readonly Category[], kind: ResourceKind): CategoryOption[] {
  const ofKind = categories.filter((c) => c.kind === kind)
  const byName = (a: Category, b: Category) => a.name.localeCompare(b.name, 'fr')
  const ids = new Set(ofKind.map((c) => c.id))
  const roots = ofKind.filter((c) => c.parentId === null || !ids.has(c.parentId)).sort(byName)
  return roots.flatMap((root) => [
    { id: root.id, label: root.name, depth: 0, fullLabel: root.name },
    ...ofKind
      .filter((c) => c.parentId === root.id)
      .sort(byName)
      .map((child) => ({
        id: child.id,
        label: child.name,
        depth: 1,
        fullLabel: `${root.name} › ${child.name}`,
      })),
  ])
}

/** `Manifestations › Barrières et grilles` for a sub-category, its name for a top-level one, null when unknown. */
export function categoryPath(
  categoriesById: ReadonlyMap<string, Category>,
  id: string | null,
): string | null {
  if (!id) return null
  const category = categoriesById.get(id)
  if (!category) return null
  const parent = category.parentId ? categoriesById.get(category.parentId) : undefined
  return parent ? `${parent.name} › ${category.name}` : category.name
}

// ---------- List ----------

export interface ResourceFilter {
  readonly kind: ResourceKind
  /** A category, or '' for all; a top-level category includes its children. */
  readonly categoryId: string
  readonly search: string
  readonly showArchived: boolean
}

function normalize(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '')
}

/** The resources of the list: kind, category (with sub-categories), search, archived; sorted by name. */
export function filterResources(
  resources: readonly Resource[],
  categories: readonly Category[],
  filter: ResourceFilter,
): Resource[] {
  const categoryIds = new Set(
    filter.categoryId
      ? [filter.categoryId, ...categories.filter((c) => c.parentId === filter.categoryId).map((c) => c.id)]
      : [],
  )
  const needle = normalize(filter.search)
  return resources
    .filter((r) => r.kind === filter.kind)
    .filter((r) => filter.showArchived || !r.archived)
    .filter((r) => !filter.categoryId || (r.categoryId !== null && categoryIds.has(r.categoryId)))
    .filter(
      (r) =>
        needle === '' ||
        [r.name, r.inventoryNumber, r.serialNumber, r.plate]
          .filter((v): v is string => v !== null)
          .some((v) => normalize(v).includes(needle)),
    )
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'fr'))
}

/** A code as a scanner or a person types it, for comparison: no spaces or dashes, upper case. */
function codeKey(value: string): string {
  return value.replace(/[\s\u00a0\u202f-]+/g, '').toUpperCase()
}

/**
 * The resource a scanned or typed code names: exact inventory number (case-insensitive) first, then
 * plate (`AB-123-CD`, `ab123cd`); a live resource before an archived one; null when none matches.
 */
export function findByCode(resources: readonly Resource[], code: string): Resource | null {
  const trimmed = code.trim()
  if (trimmed === '') return null
  const upper = trimmed.toUpperCase()
  const key = codeKey(trimmed)
  const live = (list: Resource[]) => list.find((r) => !r.archived) ?? list[0] ?? null
  const byInventory = resources.filter((r) => r.inventoryNumber?.trim().toUpperCase() === upper)
  if (byInventory.length > 0) return live(byInventory)
  const byPlate = resources.filter((r) => r.plate !== null && codeKey(r.plate) === key)
  return live(byPlate)
}

/** The hash of a resource's detail page, `#/inventaire/<id>`. */
export function detailHash(id: string): string {
  return `#/inventaire/${encodeURIComponent(id)}`
}

const numberFr = new Intl.NumberFormat('fr-FR')

/** A vehicle's counter: `84 250 km`, `1 250 h`, or null when neither is known. */
export function meterText(resource: Pick<Resource, 'odometerKm' | 'hourMeterHours'>): string | null {
  if (resource.odometerKm !== null) return `${numberFr.format(resource.odometerKm)} km`
  if (resource.hourMeterHours !== null) return `${numberFr.format(resource.hourMeterHours)} h`
  return null
}

/**
 * The selection after ticking or unticking several rows at once: `ids` added (in order, without
 * duplicates) or removed; the other selected ids are kept.
 */
export function updateSelection(
  current: readonly string[],
  ids: readonly string[],
  selected: boolean,
): string[] {
  if (!selected) {
    const removed = new Set(ids)
    return current.filter((id) => !removed.has(id))
  }
  const result = [...current]
  for (const id of ids) if (!result.includes(id)) result.push(id)
  return result
}

/** The hash of the labels sheet for these resources, `#/etiquettes?ids=a,b`. */
export function labelsHash(ids: readonly string[]): string {
  return `#/etiquettes?ids=${ids.map(encodeURIComponent).join(',')}`
}
