/**
 * Inventory page model: the resource form's draft (text as typed) and its conversion to the
 * contract's inputs, the category options, and the list filter. Pure, no DOM; the rules on what is
 * valid live in the contract's schemas (the backend answers with field issues).
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { Category, Resource, ResourceKind, Tracking } from '../../../../shared/domain/types'
import { formatDateText, parseDateText } from '../../lib/period'

/** The resource form as typed: every field is text, converted on save. */
export interface ResourceDraft {
  readonly kind: ResourceKind
  readonly tracking: Tracking
  readonly name: string
  readonly categoryId: string
  readonly quantity: string
  readonly bufferBeforeMinutes: string
  readonly bufferAfterMinutes: string
  readonly inventoryNumber: string
  readonly serialNumber: string
  readonly plate: string
  readonly licenceRequired: string
  readonly odometerKm: string
  readonly nextInspectionDate: string
  /** One qualification per line. */
  readonly qualifications: string
  readonly weeklyHours: string
  readonly notes: string
}

export function emptyDraft(kind: ResourceKind): ResourceDraft {
  return {
    kind,
    tracking: 'unit',
    name: '',
    categoryId: '',
    quantity: '',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    inventoryNumber: '',
    serialNumber: '',
    plate: '',
    licenceRequired: '',
    odometerKm: '',
    nextInspectionDate: '',
    qualifications: '',
    weeklyHours: '',
    notes: '',
  }
}

const text = (value: string | number | null) => (value === null ? '' : String(value))

export function draftFromResource(resource: Resource): ResourceDraft {
  return {
    kind: resource.kind,
    tracking: resource.tracking,
    name: resource.name,
    categoryId: resource.categoryId ?? '',
    quantity: String(resource.quantity),
    bufferBeforeMinutes: String(resource.bufferBeforeMinutes),
    bufferAfterMinutes: String(resource.bufferAfterMinutes),
    inventoryNumber: text(resource.inventoryNumber),
    serialNumber: text(resource.serialNumber),
    plate: text(resource.plate),
    licenceRequired: text(resource.licenceRequired),
    odometerKm: text(resource.odometerKm),
    nextInspectionDate: resource.nextInspectionDate ? formatDateText(resource.nextInspectionDate) : '',
    qualifications: resource.qualifications.join('\n'),
    weeklyHours: text(resource.weeklyHours),
    notes: resource.notes,
  }
}

/** A number field: empty → null; otherwise the number (NaN reaches the schema, which explains it). */
function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(',', '.')
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

/** Dates typed in a form that cannot be read, as French messages by field. */
export function draftFormatErrors(draft: ResourceDraft): Record<string, string> {
  const text = draft.nextInspectionDate.trim()
  return text !== '' && parseDateText(text) === null
    ? { nextInspectionDate: 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 14/05/2027).' }
    : {}
}

type ResourceFields = Omit<MethodInput<'resources.update'>, 'id' | 'quantity'>

/** The fields common to create and update, limited to those of the resource's kind. */
function fieldsOf(draft: ResourceDraft): ResourceFields {
  const common: ResourceFields = {
    name: draft.name,
    categoryId: draft.categoryId || null,
    bufferBeforeMinutes: numberOrNull(draft.bufferBeforeMinutes) ?? 0,
    bufferAfterMinutes: numberOrNull(draft.bufferAfterMinutes) ?? 0,
    notes: draft.notes,
  }
  switch (draft.kind) {
    case 'equipment':
      return {
        ...common,
        inventoryNumber: textOrNull(draft.inventoryNumber),
        serialNumber: textOrNull(draft.serialNumber),
        nextInspectionDate: dateOrNull(draft.nextInspectionDate),
      }
    case 'vehicle':
      return {
        ...common,
        inventoryNumber: textOrNull(draft.inventoryNumber),
        plate: textOrNull(draft.plate),
        licenceRequired: textOrNull(draft.licenceRequired),
        odometerKm: numberOrNull(draft.odometerKm),
        nextInspectionDate: dateOrNull(draft.nextInspectionDate),
      }
    case 'staff':
      return {
        ...common,
        qualifications: draft.qualifications
          .split('\n')
          .map((q) => q.trim())
          .filter((q) => q !== ''),
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
    ...(draft.tracking === 'stock' && quantity !== null ? { quantity } : {}),
    ...fieldsOf(draft),
  }
}

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
