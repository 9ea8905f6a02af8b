/**
 * Labels sheet model: which resources get a label (an inventory number is needed: the QR code
 * holds it), and how labels fill A4 sheets of 3 × 8 labels of 70 × 37 mm. Pure, no DOM.
 */
import type { Resource } from '../../../../shared/domain/types'

/** An A4 sheet of adhesive labels: 3 columns × 8 rows of 70 × 37 mm (Avery 3474 and the like). */
export const LABEL_SHEET = {
  columns: 3,
  rows: 8,
  labelWidthMm: 70,
  labelHeightMm: 37,
  pageWidthMm: 210,
  pageHeightMm: 297,
} as const

/** Labels on one sheet (24). */
export const LABELS_PER_SHEET = LABEL_SHEET.columns * LABEL_SHEET.rows

/** The ids of the `ids` parameter (`a,b,c`), in order, without blanks or duplicates. */
export function parseIdsParam(text: string | undefined): string[] {
  if (!text) return []
  const ids: string[] = []
  for (const part of text.split(',')) {
    const id = part.trim()
    if (id !== '' && !ids.includes(id)) ids.push(id)
  }
  return ids
}

/** The chosen resources split into those that get a label and those without an inventory number. */
export interface LabelSelection {
  /** In the order chosen. */
  readonly printable: readonly Resource[]
  readonly withoutNumber: readonly Resource[]
  /** Ids that name no known resource. */
  readonly unknownCount: number
}

export function labelSelection(resources: readonly Resource[], ids: readonly string[]): LabelSelection {
  const byId = new Map(resources.map((r) => [r.id, r]))
  const chosen = ids.map((id) => byId.get(id)).filter((r): r is Resource => r !== undefined)
  return {
    printable: chosen.filter((r) => (r.inventoryNumber ?? '').trim() !== ''),
    withoutNumber: chosen.filter((r) => (r.inventoryNumber ?? '').trim() === ''),
    unknownCount: ids.length - chosen.length,
  }
}

/**
 * Labels laid out on sheets, `perSheet` slots each, in reading order (left to right, top to
 * bottom). `skip` slots of the first sheet are left empty (`null`), for a sheet already partly
 * used. The last sheet is not padded. No item → no sheet.
 * @example paginateLabels(['a', 'b'], 24, 1) → [[null, 'a', 'b']]
 */
export function paginateLabels<T>(
  items: readonly T[],
  perSheet: number = LABELS_PER_SHEET,
  skip = 0,
): (T | null)[][] {
  if (items.length === 0 || perSheet < 1) return []
  const offset = Math.min(Math.max(0, Math.floor(skip)), perSheet - 1)
  const slots: (T | null)[] = [...Array<null>(offset).fill(null), ...items]
  const sheets: (T | null)[][] = []
  for (let i = 0; i < slots.length; i += perSheet) sheets.push(slots.slice(i, i + perSheet))
  return sheets
}

/** `5 étiquettes sur 1 planche A4`, `30 étiquettes sur 2 planches A4`. */
export function sheetSummary(labels: number, sheets: number): string {
  return `${labels} étiquette${labels > 1 ? 's' : ''} sur ${sheets} planche${sheets > 1 ? 's' : ''} A4`
}

/** An SVG text as an `<img src>` (the CSP allows `data:` images). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`
}
