/**
 * `resources.import`: a spreadsheet of the inventory (CSV or XLSX, as French offices produce them)
 * read, checked row by row, previewed, and stored all or nothing.
 *
 * Modules: `decode` (bytes, format, text encoding) → `parse` (cells, with papaparse or exceljs) →
 * `columns` (which header fills which field) → `values` (one cell as one value) → `categories` and
 * `rows` (one row as a planned creation or update) → here: duplicates across rows, the report, and
 * the write transaction.
 */
import type { z } from 'zod'
import type { resourcesImportInput } from '../../../../shared/api/schemas'
import type { ImportError, ImportField, ImportReport } from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'
import { readTransaction, writeTransaction } from '../../db/connection'
import { appendAudit } from '../../db/repositories/audit'
import { insertCategory, listCategories } from '../../db/repositories/categories'
import { listHubs } from '../../db/repositories/hubs'
import {
  getResourceByInventoryNumber,
  getResourceByPlate,
  insertResource,
  listResources,
  updateResource,
  type ResourceRecord,
} from '../../db/repositories/resources'
import { nowIso, type ServiceContext } from '../context'
import { checkResourceConsistency } from '../resources'
import { planCategories } from './categories'
import { fieldHeaders, foldText, mapColumns, type ColumnMapping } from './columns'
import { checkXlsxSignature, decodeBase64, decodeText, formatOfFileName } from './decode'
import { isBlank, parseCsv, parseXlsx, type Cell, type Grid } from './parse'
import { planRow, type PlannedRow, type RowCells, type RowContext, type RowOutcome } from './rows'
import { cellText } from './values'

export type ImportInput = z.output<typeof resourcesImportInput>

/**
 * The cells of a file: format from the name's extension (`.csv`/`.txt` CSV, `.xlsx` XLSX), CSV text
 * decoded (UTF-8 with or without BOM, else Windows-1252), XLSX's first worksheet.
 * @throws DomainError INVALID_INPUT for another extension, damaged base64, an empty or unreadable file
 */
export async function readSpreadsheet(fileName: string, contentBase64: string): Promise<Grid> {
  const format = formatOfFileName(fileName)
  const bytes = decodeBase64(contentBase64)
  if (format === 'csv') return parseCsv(decodeText(bytes))
  checkXlsxSignature(bytes)
  return parseXlsx(bytes)
}

/** The cells of one row by field, each from the first column that fills it. */
function cellsByField(row: readonly Cell[], columns: ColumnMapping): RowCells {
  const cells = new Map<ImportField, { header: string; cell: Cell }>()
  columns.fields.forEach((field, index) => {
    if (field !== null && !cells.has(field)) {
      cells.set(field, { header: columns.headers[index] ?? '', cell: row[index] ?? null })
    }
  })
  return cells
}

/** The only hub, owner of created resources. */
function onlyHubId(ctx: ServiceContext): string {
  const hubs = listHubs(ctx.db)
  const [hub] = hubs
  if (!hub || hubs.length !== 1) {
    throw new DomainError(
      'INVALID_INPUT',
      'L’import ne sait rattacher les ressources qu’à un seul pôle technique.',
    )
  }
  return hub.id
}

/** Lookups and rules a row needs, over the database as it is inside the transaction. */
function rowContext(ctx: ServiceContext): RowContext {
  const categories = planCategories(listCategories(ctx.db), ctx.newId)
  const keyless = new Map<string, ResourceRecord[]>()
  for (const resource of listResources(ctx.db, {})) {
    if (resource.inventoryNumber !== null || resource.plate !== null) continue
    const key = foldText(resource.name)
    keyless.set(key, [...(keyless.get(key) ?? []), resource])
  }
  return {
    byInventoryNumber: (inventoryNumber) => getResourceByInventoryNumber(ctx.db, inventoryNumber),
    byPlate: (plate) => getResourceByPlate(ctx.db, plate),
    byNameWithoutNumber: (name) => keyless.get(foldText(name)) ?? [],
    categories,
    hubId: onlyHubId(ctx),
    at: nowIso(ctx),
    newId: ctx.newId,
    // A category this import creates is not stored yet: its kind was checked when it was planned.
    checkConsistency: (record) =>
      checkResourceConsistency(
        ctx,
        categories.isNew(record.categoryId) ? { ...record, categoryId: null } : record,
      ),
  }
}

/**
 * Errors for rows that repeat another row's key: inventory number (without case), plate, or, for
 * rows with neither, name; and rows that designate a resource another row already updates.
 */
function duplicateErrors(
  outcomes: readonly RowOutcome[],
  columns: ColumnMapping,
): Map<number, ImportError[]> {
  const header = (field: ImportField) => columns.headers[columns.fields.indexOf(field)]
  const seen = new Map<string, number>()
  const found = new Map<number, ImportError[]>()
  const check = (
    key: string | null,
    field: ImportField,
    line: number,
    message: (first: number) => string,
  ) => {
    if (key === null) return
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, line)
      return
    }
    const column = header(field)
    const error =
      column === undefined ? { line, message: message(first) } : { line, column, message: message(first) }
    found.set(line, [...(found.get(line) ?? []), error])
  }
  for (const row of outcomes) {
    const once =
      'une ressource ne doit figurer qu’une fois dans le fichier : fusionnez les deux lignes ou corrigez le numéro.'
    check(
      row.inventoryNumber && `inventory:${row.inventoryNumber.toLowerCase()}`,
      'inventoryNumber',
      row.line,
      (first) => `Le n° d’inventaire « ${row.inventoryNumber} » figure déjà ligne ${first} : ${once}`,
    )
    check(
      row.plate && `plate:${row.plate}`,
      'plate',
      row.line,
      (first) => `L’immatriculation « ${row.plate} » figure déjà ligne ${first} : ${once}`,
    )
    check(
      row.keylessName && `name:${foldText(row.keylessName)}`,
      'name',
      row.line,
      (first) =>
        `« ${row.keylessName} » figure déjà ligne ${first}, et aucune des deux lignes n’a de n° d’inventaire : donnez-leur un n° d’inventaire (colonne « ${fieldHeaders.inventoryNumber} ») pour les distinguer.`,
    )
    const target = row.plan?.before
    if (target) {
      check(
        `target:${target.id}`,
        'name',
        row.line,
        (first) =>
          `Cette ligne et la ligne ${first} désignent la même ressource « ${target.name} » : gardez-en une seule.`,
      )
    }
  }
  return found
}

/** Writes the planned rows: new categories first, then resources, each journaled as `import`. */
function store(ctx: ServiceContext, planned: readonly PlannedRow[], context: RowContext): void {
  for (const category of context.categories.created) insertCategory(ctx.db, category)
  for (const row of planned) {
    if (!row.changed) continue
    if (row.before) updateResource(ctx.db, row.after)
    else insertResource(ctx.db, row.after)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: context.at,
      actor: ctx.actor,
      entity: 'resource',
      entityId: row.after.id,
      action: 'import',
      before: row.before,
      after: row.after,
    })
  }
}

/** Reads every row against the database, then stores them all when none is bad and it is no dry run. */
function planAndStore(ctx: ServiceContext, grid: Grid, input: ImportInput): ImportReport {
  const headerIndex = grid.rows.findIndex((row) => !isBlank(row))
  const headerRow = grid.rows[headerIndex]
  if (headerIndex < 0 || !headerRow) {
    throw new DomainError(
      'INVALID_INPUT',
      'Le fichier est vide : choisissez le fichier qui contient l’inventaire.',
    )
  }
  const headerLine = headerIndex + 1
  const columns = mapColumns(headerRow.map(cellText), input.mapping, headerLine)
  const report = (errors: readonly ImportError[], planned: readonly PlannedRow[]): ImportReport => {
    const valid = errors.length === 0
    return {
      stored: valid && !input.dryRun,
      created: valid ? planned.filter((row) => row.action === 'create').length : 0,
      updated: valid ? planned.filter((row) => row.action === 'update' && row.changed).length : 0,
      // Stable sort: within a line, problems keep the order of the columns.
      errors: [...errors].sort((a, b) => a.line - b.line),
      headers: columns.headers,
      mapping: columns.mapping,
      rows: planned.map((row) => row.preview),
    }
  }
  // Without a clear reading of the columns, reading the rows would only repeat the same problem.
  if (columns.errors.length > 0) return report([...grid.errors, ...columns.errors], [])

  const dataRows = grid.rows
    .map((cells, index) => ({ line: index + 1, cells }))
    .filter((row) => row.line > headerLine && !isBlank(row.cells))
  if (dataRows.length === 0) {
    const message = 'Aucune ligne sous les en-têtes : ajoutez une ligne par ressource à importer.'
    return report([...grid.errors, { line: headerLine + 1, message }], [])
  }
  const context = rowContext(ctx)
  const outcomes = dataRows.map((row) => planRow(row.line, cellsByField(row.cells, columns), context))
  const duplicates = duplicateErrors(outcomes, columns)
  const errors = [
    ...grid.errors,
    ...outcomes.flatMap((row) => [...row.errors, ...(duplicates.get(row.line) ?? [])]),
  ]
  const planned = outcomes.flatMap((row) => (row.plan && !duplicates.has(row.line) ? [row.plan] : []))
  if (errors.length === 0 && !input.dryRun) store(ctx, planned, context)
  return report(errors, planned)
}

/**
 * `resources.import`: reads a spreadsheet of the inventory and creates or updates one resource per
 * row, all or nothing.
 *
 * - File: `.csv`/`.txt` (UTF-8 with or without BOM, or Windows-1252; `;` or `,`) or `.xlsx` (first
 *   worksheet), headers on the first non-empty line (line numbers are the spreadsheet's: 1 = the
 *   header line); columns recognised by header (Désignation, Type, Catégorie, Quantité,
 *   N° d'inventaire, N° de série, Immatriculation, Date d'achat, Valeur d'achat, Tarif journalier),
 *   others ignored unless `input.mapping` maps them; `input.mapping` overrides recognition.
 * - Values: amounts in euros with a decimal comma, returned and stored in cents; dates `jj/mm/aaaa`
 *   (day first) or `aaaa-mm-jj`, stored as local dates `YYYY-MM-DD` (no time zone involved).
 * - Rows: see `planRow` (update by inventory number, plate, or name for resources without either;
 *   unknown categories created). A row repeating another's key is an error.
 * - All or nothing: with any error, nothing is stored (`stored: false`, `created`/`updated` 0) and
 *   `errors` has one entry per problem (line, column header, what to do). With `dryRun`, nothing is
 *   stored either and `created`/`updated` say what would be. Otherwise everything is written in one
 *   write transaction, with one journal entry (`import`) per created or changed resource; an update
 *   that changes nothing is neither written nor counted.
 * - The report always has `headers`, `mapping` and a preview of every valid row.
 *
 * - Unless `dryRun`, the database is backed up first (`<UTC timestamp>-before-import.sqlite`, once
 *   the file has been read), so an import can be undone by restoring that backup.
 *
 * Asynchronous because the XLSX reader and the backup are; rows are read and stored inside one
 * transaction, so the checks and the writes see the same database.
 * @throws DomainError INVALID_INPUT when the file is not CSV/XLSX, empty, or unreadable
 */
export async function importResources(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  const grid = await readSpreadsheet(input.fileName, input.contentBase64)
  // A file that can be read may change many resources at once: keep the database as it was.
  if (!input.dryRun) await ctx.storage.backup('before-import')
  const run = () => planAndStore(ctx, grid, input)
  return input.dryRun ? readTransaction(ctx.db, run) : writeTransaction(ctx.db, run)
}
