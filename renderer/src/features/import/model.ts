/**
 * Import dialog model: the choices of the column mapping, the summary lines, what may be imported.
 * Pure, no DOM. Reading the file (encodings, delimiters, dates) is the backend's job
 * (`resources.import`); the dialog only shows its report.
 */
import type { ImportError, ImportField, ImportReport } from '../../../../shared/domain/types'
import { importFields } from '../../../../shared/domain/types'
import { importFieldLabel } from '../../lib/labels'

/** Largest file sent (the contract accepts 10 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** One choice of a mapping select: a field, or '' to ignore the column. */
export interface MappingOption {
  readonly value: ImportField | ''
  readonly label: string
}

/**
 * The choices for each column: the fields in the order of a French inventory sheet (Désignation,
 * Type, Catégorie, Quantité, N° d'inventaire, N° de série, Immatriculation, Date d'achat, Valeur
 * d'achat, Tarif journalier), then `(ignorer)`.
 */
export function mappingOptions(): MappingOption[] {
  return [
    ...importFields.map((field) => ({ value: field, label: importFieldLabel(field) })),
    { value: '', label: '(ignorer)' },
  ]
}

/** The select value of a mapping entry: the field, or '' when the column is ignored. */
export function mappingValue(
  mapping: Readonly<Record<string, ImportField | null>>,
  header: string,
): ImportField | '' {
  return mapping[header] ?? ''
}

/** The mapping with one column changed: `value` '' ignores it. Other columns keep their field. */
export function withMapping(
  mapping: Readonly<Record<string, ImportField | null>>,
  header: string,
  value: ImportField | '',
): Record<string, ImportField | null> {
  return { ...mapping, [header]: value === '' ? null : value }
}

/** Fields that more than one column fills, as their French labels (`Désignation`), in field order. */
export function duplicateFields(mapping: Readonly<Record<string, ImportField | null>>): string[] {
  const counts = new Map<ImportField, number>()
  for (const field of Object.values(mapping)) if (field) counts.set(field, (counts.get(field) ?? 0) + 1)
  return importFields.filter((f) => (counts.get(f) ?? 0) > 1).map(importFieldLabel)
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`

/** `2 créées, 1 mise à jour`; `aucune ligne` when both are 0. */
export function importSummary(created: number, updated: number): string {
  if (created === 0 && updated === 0) return 'aucune ligne'
  return `${plural(created, 'créée', 'créées')}, ${plural(updated, 'mise à jour', 'mises à jour')}`
}

/** What a dry run found: `4 lignes lues : 2 à créer, 1 à mettre à jour, 1 à corriger`. */
export function previewSummary(report: Pick<ImportReport, 'rows' | 'errors'>): string {
  const created = report.rows.filter((r) => r.action === 'create').length
  const updated = report.rows.length - created
  // Bad rows are not in `rows` (only valid ones are previewed): count them from the errors.
  const toFix = new Set(report.errors.map((e) => e.line).filter((line) => line > 1)).size
  const read = report.rows.length + toFix
  const fix = toFix > 0 ? `, ${toFix} à corriger` : ''
  return `${plural(read, 'ligne lue', 'lignes lues')} : ${created} à créer, ${updated} à mettre à jour${fix}`
}

/** The confirm button's text: `Importer 3 lignes`, `Importer 1 ligne`. */
export function importButtonLabel(rowCount: number): string {
  return `Importer ${plural(rowCount, 'ligne', 'lignes')}`
}

/** Whether the user may confirm: a report with rows and no error. */
export function canImport(report: Pick<ImportReport, 'rows' | 'errors'> | null): boolean {
  return report !== null && report.errors.length === 0 && report.rows.length > 0
}

/** `3 lignes à corriger` / `1 ligne à corriger`: distinct lines named by the errors. */
export function errorLinesSummary(errors: readonly ImportError[]): string {
  const lines = new Set(errors.map((e) => e.line)).size
  return `${plural(lines, 'ligne', 'lignes')} à corriger`
}

/** Whether the file name is one the import reads (`.csv`, `.xlsx`, any case). */
export function isImportFileName(fileName: string): boolean {
  return /\.(csv|xlsx)$/i.test(fileName)
}

/** Why a chosen file is not sent, or null when it may be: wrong extension, empty, too big. */
export function fileProblem(fileName: string, size: number): string | null {
  if (!isImportFileName(fileName)) {
    return `« ${fileName} » n’est pas un fichier CSV ou Excel (.xlsx). Enregistrez-le dans l’un de ces formats.`
  }
  if (size === 0) return `« ${fileName} » est vide.`
  if (size > MAX_IMPORT_BYTES) return `« ${fileName} » dépasse 10 Mo : découpez-le en plusieurs fichiers.`
  return null
}

/**
 * The mapping to show for the report's columns: the user's choices (possibly newer than the report
 * while a new dry run is under way) over the report's mapping; headers of other files left out.
 */
export function displayedMapping(
  report: Pick<ImportReport, 'headers' | 'mapping'>,
  choices: Readonly<Record<string, ImportField | null>>,
): Record<string, ImportField | null> {
  return Object.fromEntries(
    report.headers.map((header) => [
      header,
      header in choices ? (choices[header] ?? null) : (report.mapping[header] ?? null),
    ]),
  )
}
