/**
 * Which field each column of a spreadsheet fills, recognised from its header whatever its case,
 * accents, spacing and punctuation (« N° d'inventaire », « NUMERO INVENTAIRE », « n°inventaire »),
 * and the French headers the export writes (the same the import recognises).
 */
import type { ImportError, ImportField } from '../../../../shared/domain/types'

/** The header the export writes for each field, and the one messages name. */
export const fieldHeaders: Readonly<Record<ImportField, string>> = {
  name: 'Désignation',
  kind: 'Type',
  category: 'Catégorie',
  quantity: 'Quantité',
  inventoryNumber: "N° d'inventaire",
  serialNumber: 'N° de série',
  plate: 'Immatriculation',
  purchaseDate: "Date d'achat",
  purchaseValue: "Valeur d'achat",
  dailyRate: 'Tarif journalier',
}

/**
 * Text reduced for comparisons: lower case, no accents, ligatures spelt out, every run of spaces
 * or punctuation one space. Used for headers, categories, types and names.
 * @example foldText('  Manifestations › BARRIÈRES ') // 'manifestations barrieres'
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/**
 * Words that carry no meaning in a header: articles, « N° », « numéro », currency and tax marks
 * (« Valeur d'achat (€ TTC) » is « valeur achat »).
 */
const NOISE = new Set([
  'n',
  'no',
  'num',
  'numero',
  'd',
  'de',
  'du',
  'des',
  'l',
  'la',
  'le',
  'les',
  'par',
  'en',
])
const UNITS = new Set(['eur', 'euro', 'euros', 'ht', 'ttc'])

/** A header reduced to its meaningful words: « N° d'inventaire » → `inventaire`. */
export function headerKey(header: string): string {
  return foldText(header)
    .split(' ')
    .filter((word) => word !== '' && !NOISE.has(word) && !UNITS.has(word))
    .join(' ')
}

/** Header keys (see `headerKey`) recognised for each field. */
const synonyms: Readonly<Record<ImportField, readonly string[]>> = {
  name: ['designation', 'nom', 'libelle', 'intitule'],
  kind: ['type', 'type ressource'],
  category: ['categorie', 'famille'],
  quantity: ['quantite', 'qte', 'nombre', 'stock'],
  inventoryNumber: ['inventaire'],
  serialNumber: ['serie'],
  plate: ['immatriculation', 'immat', 'plaque'],
  purchaseDate: ['date achat', 'date acquisition'],
  purchaseValue: ['valeur achat', 'prix achat', 'valeur acquisition'],
  dailyRate: ['tarif journalier', 'tarif jour', 'tarif journee', 'prix journalier'],
}

const fieldByKey = new Map<string, ImportField>(
  Object.entries(synonyms).flatMap(([field, keys]) =>
    keys.map((key) => [key, field as ImportField] as const),
  ),
)

/** The field a header names, or null when the import does not know it. */
export function recogniseHeader(header: string): ImportField | null {
  return fieldByKey.get(headerKey(header)) ?? null
}

/** How the columns of a file are read. */
export interface ColumnMapping {
  /** The file's headers, trimmed, in column order. */
  readonly headers: readonly string[]
  /** For each header, the field it fills or null (ignored), as the report shows it. */
  readonly mapping: Readonly<Record<string, ImportField | null>>
  /** For each column index, the field it fills or null. */
  readonly fields: readonly (ImportField | null)[]
  /** Problems with the header line itself (line 1 of the report). */
  readonly errors: readonly ImportError[]
}

/**
 * Decides the field of each column: the user's choice for that header when `overrides` has one
 * (null: ignore the column), else recognition of the header. A field filled by two columns is an
 * error, as is a file where no column identifies a resource.
 * @param overrides per header text (compared exactly, then as `foldText`), the field or null
 * @param headerLine the spreadsheet line of the headers, for errors
 */
export function mapColumns(
  rawHeaders: readonly string[],
  overrides: Readonly<Record<string, ImportField | null>> | undefined,
  headerLine: number,
): ColumnMapping {
  const headers = rawHeaders.map((header) => header.trim())
  const overrideEntries = Object.entries(overrides ?? {})
  const chosen = (header: string): ImportField | null | undefined => {
    const exact = overrideEntries.find(([key]) => key.trim() === header)
    const loose = overrideEntries.find(([key]) => foldText(key) === foldText(header))
    return (exact ?? loose)?.[1]
  }
  const fields = headers.map((header) => {
    if (header === '') return null
    const choice = chosen(header)
    return choice === undefined ? recogniseHeader(header) : choice
  })
  const errors: ImportError[] = []
  const firstColumn = new Map<ImportField, string>()
  fields.forEach((field, index) => {
    if (field === null) return
    const header = headers[index] ?? ''
    const earlier = firstColumn.get(field)
    if (earlier === undefined) {
      firstColumn.set(field, header)
      return
    }
    errors.push({
      line: headerLine,
      column: header,
      message: `Les colonnes « ${earlier} » et « ${header} » remplissent toutes deux « ${fieldHeaders[field]} » : choisissez d’ignorer l’une d’elles.`,
    })
  })
  if (!fields.some((field) => field === 'name' || field === 'inventoryNumber' || field === 'plate')) {
    errors.push({
      line: headerLine,
      message: `Aucune colonne « ${fieldHeaders.name} », « ${fieldHeaders.inventoryNumber} » ou « ${fieldHeaders.plate} » n’a été reconnue : la première ligne du fichier doit contenir les en-têtes des colonnes (${Object.values(fieldHeaders).join(', ')}).`,
    })
  }
  // Two columns with the same header: the report keeps the first one's field. `fromEntries` makes
  // own properties, so a header such as « constructor » or « __proto__ » is an ordinary key.
  const seen = new Set<string>()
  const mapping = Object.fromEntries(
    headers.flatMap((header, index) => {
      if (seen.has(header)) return []
      seen.add(header)
      return [[header, fields[index] ?? null] as const]
    }),
  )
  return { headers, mapping, fields, errors }
}
