/**
 * From a file's content to a grid of cells, with the libraries that know the formats: papaparse for
 * CSV, exceljs for XLSX. No interpretation here: values stay as the file holds them.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { ImportError } from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'

/**
 * One cell: CSV gives text only; XLSX also gives numbers, booleans and dates. A date cell is a
 * `Date` at UTC midnight of the day it shows (exceljs' convention), whatever the machine's zone.
 */
export type Cell = string | number | boolean | Date | null

/** A worksheet read as rows of cells; `rows[i]` is spreadsheet line `i + 1`. */
export interface Grid {
  readonly rows: readonly (readonly Cell[])[]
  /** Problems of the file's structure (a quote never closed…), by line. */
  readonly errors: readonly ImportError[]
}

/** Delimiters French spreadsheets use: `;` (Excel in French), `,` (elsewhere), tab (« Texte Unicode »). */
const DELIMITERS = [';', ',', '\t'] as const

/**
 * The delimiter of a CSV text: the one that splits its first line (the headers) into the most
 * columns, `;` on a tie. The header line decides because, unlike data lines, it holds no decimal
 * commas that would make `,` look plausible.
 */
export function detectDelimiter(text: string): string {
  let best: string = DELIMITERS[0]
  let bestCount = 0
  for (const delimiter of DELIMITERS) {
    const firstLine = Papa.parse<string[]>(text, { delimiter, preview: 1 }).data[0] ?? []
    if (firstLine.length > bestCount) {
      best = delimiter
      bestCount = firstLine.length
    }
  }
  return best
}

/**
 * Reads a CSV text (quoted fields may hold the delimiter, quotes written `""` and line breaks).
 * Empty lines are kept, as empty rows, so that row numbers stay those a spreadsheet shows.
 */
export function parseCsv(text: string): Grid {
  const result = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false })
  const errors: ImportError[] = result.errors
    .filter((error) => error.type === 'Quotes')
    .map((error) => ({
      line: (error.row ?? 0) + 1,
      message:
        'Guillemets mal fermés : un texte commencé par « " » doit se terminer par « " » (un guillemet dans un texte s’écrit « "" »).',
    }))
  return { rows: result.data, errors }
}

/** True when a row has no content (every cell empty or spaces). */
export function isBlank(row: readonly Cell[]): boolean {
  return row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))
}

/** A cell value of exceljs reduced to what the import reads. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('hyperlink' in value) return value.text
  if ('error' in value) return value.error
  // A formula: what it computed, as Excel shows it.
  const result = value.result
  if (result === undefined) return null
  return typeof result === 'object' && !(result instanceof Date) ? result.error : result
}

/**
 * Reads the first worksheet of an XLSX file, row by row from the first line.
 * Asynchronous because exceljs only reads asynchronously.
 * @throws DomainError INVALID_INPUT when the workbook cannot be read or has no worksheet
 */
export async function parseXlsx(bytes: Uint8Array): Promise<Grid> {
  const workbook = new ExcelJS.Workbook()
  try {
    // A copy as a plain ArrayBuffer: what exceljs' types ask for, and what its ZIP reader takes.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  } catch {
    throw new DomainError(
      'INVALID_INPUT',
      'Le classeur est illisible ou endommagé : ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau au format .xlsx, puis réessayez.',
    )
  }
  const sheet = workbook.worksheets[0]
  if (!sheet)
    throw new DomainError(
      'INVALID_INPUT',
      'Le classeur ne contient aucune feuille : il n’y a rien à importer.',
    )
  const rows: Cell[][] = []
  for (let line = 1; line <= sheet.rowCount; line += 1) {
    const row = sheet.getRow(line)
    const cells: Cell[] = []
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(toCell(row.getCell(column).value))
    rows.push(cells)
  }
  return { rows, errors: [] }
}
