/**
 * From the draft to the API input of resources.create and resources.update, with the field errors.
 * Pure functions, no DOM, no store.
 */
import { wholeNumber } from './quantities'
import type { MethodInput } from '../../../../shared/api/contract'
import type { Qualification, Tracking } from '../../../../shared/domain/types'
import { parseDateText } from '../../lib/period'
import { type QualificationDraft, type ResourceDraft } from './draft'
import { parseEuros } from './amounts'

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
    requiresApproval: draft.requiresApproval,
    // Agents are the operators; they need no operator themselves.
    requiredQualification: draft.kind === 'staff' ? null : textOrNull(draft.requiredQualification),
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
            areaM2: numberOrNull(draft.areaM2),
            outOfServiceQuantity: numberOrNull(draft.outOfServiceQuantity) ?? 0,
          }
        : {
            ...common,
            ...purchase,
            areaM2: numberOrNull(draft.areaM2),
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
