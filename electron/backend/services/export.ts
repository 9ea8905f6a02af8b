/**
 * `resources.export`: the inventory as a spreadsheet a French office opens as is — CSV for Excel
 * in French (UTF-8 with BOM, `;`, decimal commas, dates `jj/mm/aaaa`, CRLF) or a real XLSX — with
 * the headers the import recognises, so that a file exported then imported back changes nothing.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { z } from 'zod'
import type { resourcesExportInput } from '../../../shared/api/schemas'
import type { Category, ExportedFile, ImportField, ResourceKind } from '../../../shared/domain/types'
import { formatLocalDateFr, instantToLocalDate } from '../../../shared/time'
import { readTransaction } from '../db/connection'
import { listCategories } from '../db/repositories/categories'
import { listHubs } from '../db/repositories/hubs'
import { listResources, type ResourceRecord } from '../db/repositories/resources'
import type { ServiceContext } from './context'
import { fieldHeaders, foldText } from './import/columns'
import { kindLabels } from './import/values'

export type ExportInput = z.output<typeof resourcesExportInput>

/** One resource as a line of the spreadsheet; amounts in cents, dates `YYYY-MM-DD`. */
interface ExportLine {
  readonly name: string
  readonly kind: string
  readonly category: string
  readonly quantity: number
  readonly inventoryNumber: string
  readonly serialNumber: string
  readonly plate: string
  readonly purchaseDate: string | null
  readonly purchaseValueCents: number | null
  readonly dailyRateCents: number | null
}

/** The columns, in order: the import's fields. */
const columns: readonly ImportField[] = [
  'name',
  'kind',
  'category',
  'quantity',
  'inventoryNumber',
  'serialNumber',
  'plate',
  'purchaseDate',
  'purchaseValue',
  'dailyRate',
]

/** Words of file names for each kind. */
const kindSlugs: Readonly<Record<ResourceKind, string>> = {
  equipment: 'materiel',
  vehicle: 'vehicules',
  staff: 'agents',
}

/** `Manifestations › Barrières` for a sub-category, the name alone for a top-level one. */
function categoryLabels(categories: readonly Category[]): Map<string, string> {
  const byId = new Map(categories.map((category) => [category.id, category]))
  return new Map(
    categories.map((category) => {
      const parent = category.parentId === null ? undefined : byId.get(category.parentId)
      return [category.id, parent ? `${parent.name} › ${category.name}` : category.name]
    }),
  )
}

function toLine(resource: ResourceRecord, labels: ReadonlyMap<string, string>): ExportLine {
  return {
    name: resource.name,
    kind: kindLabels[resource.kind],
    category: resource.categoryId === null ? '' : (labels.get(resource.categoryId) ?? ''),
    quantity: resource.quantity,
    inventoryNumber: resource.inventoryNumber ?? '',
    serialNumber: resource.serialNumber ?? '',
    plate: resource.plate ?? '',
    purchaseDate: resource.purchaseDate,
    purchaseValueCents: resource.purchaseValueCents,
    dailyRateCents: resource.dailyRateCents,
  }
}

/** Cents as French Excel reads an amount: `123450` → `1234,50` (no thousands separator, no sign). */
export function formatCentsFr(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`
}

/** The cells of a line in column order, as CSV text. */
function csvCells(line: ExportLine): string[] {
  return [
    line.name,
    line.kind,
    line.category,
    String(line.quantity),
    line.inventoryNumber,
    line.serialNumber,
    line.plate,
    line.purchaseDate === null ? '' : formatLocalDateFr(line.purchaseDate),
    line.purchaseValueCents === null ? '' : formatCentsFr(line.purchaseValueCents),
    line.dailyRateCents === null ? '' : formatCentsFr(line.dailyRateCents),
  ]
}

/**
 * The CSV file: UTF-8 with BOM (without it, Excel reads UTF-8 as Windows-1252), `;` between
 * fields (Excel in French uses `,` for decimals), CRLF line ends. Texts that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@` first) get a leading apostrophe, which the import removes.
 */
function toCsv(lines: readonly ExportLine[]): Buffer {
  const text = Papa.unparse(
    { fields: columns.map((field) => fieldHeaders[field]), data: lines.map(csvCells) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  )
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8')
}

/** A local date `YYYY-MM-DD` as the Date exceljs writes as that day (UTC midnight, its convention). */
function excelDate(date: string | null): Date | null {
  return date === null ? null : new Date(`${date}T00:00:00Z`)
}

const EURO_FORMAT = '#,##0.00 "€"'
const DATE_FORMAT = 'dd/mm/yyyy'

/**
 * The XLSX file: one worksheet « Inventaire », bold frozen header row with a filter, dates as
 * real dates, amounts as numbers in euros with a € format, columns sized to their content.
 */
async function toXlsx(lines: readonly ExportLine[], createdAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Mutualisation'
  workbook.created = createdAt
  const sheet = workbook.addWorksheet('Inventaire', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((field) => ({ header: fieldHeaders[field], key: field }))
  for (const line of lines) {
    sheet.addRow({
      name: line.name,
      kind: line.kind,
      category: line.category,
      quantity: line.quantity,
      inventoryNumber: line.inventoryNumber,
      serialNumber: line.serialNumber,
      plate: line.plate,
      purchaseDate: excelDate(line.purchaseDate),
      purchaseValue: line.purchaseValueCents === null ? null : line.purchaseValueCents / 100,
      dailyRate: line.dailyRateCents === null ? null : line.dailyRateCents / 100,
    } satisfies Record<ImportField, string | number | Date | null>)
  }
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  sheet.getColumn('purchaseDate').numFmt = DATE_FORMAT
  sheet.getColumn('purchaseValue').numFmt = EURO_FORMAT
  sheet.getColumn('dailyRate').numFmt = EURO_FORMAT
  // Width from the longest text shown in the column (dates and amounts as displayed), 8 to 60 characters.
  const shown = lines.map(csvCells)
  columns.forEach((field, index) => {
    const longest = Math.max(fieldHeaders[field].length, ...shown.map((cells) => (cells[index] ?? '').length))
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, longest + 3))
  })
  // exceljs gives a Buffer under Node; a copy keeps the type honest.
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * `resources.export`: the non-archived resources (of `input.kind` only, if given), sorted by kind
 * then name, as `{ fileName, contentBase64 }`.
 *
 * Columns: Désignation; Type (Matériel, Véhicule, Agent); Catégorie (`Parent › Enfant`);
 * Quantité; N° d'inventaire; N° de série; Immatriculation; Date d'achat (`jj/mm/aaaa`); Valeur
 * d'achat and Tarif journalier (euros: `1234,50` in CSV, numbers with a € format in XLSX).
 * The file is named `inventaire-<pôle>[-<type>]-<aaaa-mm-jj>.<csv|xlsx>` with today's date in
 * Europe/Paris, whatever the machine's zone.
 */
export async function exportResources(ctx: ServiceContext, input: ExportInput): Promise<ExportedFile> {
  const { lines, hubName } = readTransaction(ctx.db, () => {
    const labels = categoryLabels(listCategories(ctx.db))
    const resources = listResources(ctx.db, input.kind ? { kind: input.kind } : {})
    const hubs = listHubs(ctx.db)
    return {
      lines: resources.map((resource) => toLine(resource, labels)),
      hubName: hubs.length === 1 ? (hubs[0]?.name ?? '') : '',
    }
  })
  const parts = ['inventaire', foldText(hubName).replace(/ /g, '-'), input.kind ? kindSlugs[input.kind] : '']
  const baseName = [...parts.filter((part) => part !== ''), instantToLocalDate(ctx.now())].join('-')
  const content = input.format === 'csv' ? toCsv(lines) : await toXlsx(lines, new Date(ctx.now()))
  return { fileName: `${baseName}.${input.format}`, contentBase64: content.toString('base64') }
}
