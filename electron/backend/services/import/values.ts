/**
 * Reading one cell as the value of one field, the way French offices write them: decimal commas
 * and spaces in amounts (`1 234,50 €`), dates `jj/mm/aaaa`, plates with or without dashes.
 * Each reader returns the value (null for an empty cell) or a French message saying what to write.
 */
import type { ResourceKind } from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'
import { parseLocalDate } from '../../../../shared/time'
import { foldText } from './columns'
import type { Cell } from './parse'

/** A cell read as a field's value, or why it cannot be. */
export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const bad = (message: string): Read<never> => ({ ok: false, message })

/** Largest amount accepted, in cents (100 million euros), as the API's schemas. */
const MAX_CENTS = 10_000_000_000
const MAX_QUANTITY = 1_000_000

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * A cell as text, trimmed; '' when empty. The export protects texts that a spreadsheet would run
 * as a formula (`=…`, `+…`, `-…`, `@…`) with a leading apostrophe: it is removed here, so that an
 * exported file reads back unchanged.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (typeof cell === 'boolean') return cell ? 'VRAI' : 'FAUX'
  return String(cell)
    .trim()
    .replace(/^'(?=[=+\-@])/, '')
}

/** A free text of at most `max` characters, or null when empty. */
export function readText(cell: Cell, max: number): Read<string | null> {
  const text = cellText(cell).replace(/\s+/g, ' ')
  if (text === '') return ok(null)
  if (text.length > max) return bad(`Texte trop long (${text.length} caractères) : ${max} au plus.`)
  return ok(text)
}

const kindWords: Readonly<Record<string, ResourceKind>> = {
  materiel: 'equipment',
  materiels: 'equipment',
  equipement: 'equipment',
  equipements: 'equipment',
  equipment: 'equipment',
  vehicule: 'vehicle',
  vehicules: 'vehicle',
  vehicle: 'vehicle',
  agent: 'staff',
  agents: 'staff',
  personnel: 'staff',
  staff: 'staff',
}

/** Label of each kind in the « Type » column (what the export writes). */
export const kindLabels: Readonly<Record<ResourceKind, string>> = {
  equipment: 'Matériel',
  vehicle: 'Véhicule',
  staff: 'Agent',
}

/**
 * The « Type » column: Matériel / Équipement → equipment, Véhicule → vehicle, Agent / Personnel →
 * staff, read by its first word (« Matériel en nombre » is equipment); null when empty.
 */
export function readKind(cell: Cell): Read<ResourceKind | null> {
  const text = cellText(cell)
  if (text === '') return ok(null)
  const kind = kindWords[foldText(text).split(' ')[0] ?? '']
  return kind ? ok(kind) : bad(`Type « ${text} » inconnu : écrivez Matériel, Véhicule ou Agent.`)
}

/**
 * A quantity: a whole number from 1 (spaces between thousands allowed: `1 200`); null when empty.
 */
export function readQuantity(cell: Cell): Read<number | null> {
  let value: number
  if (typeof cell === 'number') {
    value = cell
  } else {
    const text = cellText(cell).replace(/\s/g, '')
    if (text === '') return ok(null)
    if (!/^\d+$/.test(text))
      return bad(`Quantité « ${cellText(cell)} » : écrivez un nombre entier positif, par exemple 120.`)
    value = Number(text)
  }
  if (!Number.isInteger(value))
    return bad(`Quantité ${String(value)} : écrivez un nombre entier positif, par exemple 120.`)
  if (value < 1) return bad('La quantité doit être d’au moins 1 (laissez vide pour un matériel à l’unité).')
  if (value > MAX_QUANTITY)
    return bad(`Quantité trop grande : ${MAX_QUANTITY.toLocaleString('fr-FR')} au plus.`)
  return ok(value)
}

/**
 * Amount shapes, once spaces and the euro sign are removed: group 1 the euros (with `thousands`
 * between groups of three digits), group 2 the cents.
 */
const amountShapes: readonly { readonly pattern: RegExp; readonly thousands: string | null }[] = [
  // 1234 · 1234,5 · 1234,50 · 1234.50
  { pattern: /^(\d+)(?:[.,](\d{1,2}))?$/, thousands: null },
  // 1.234,50 (thousands with dots, cents after a comma) · 1.234.567
  { pattern: /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/, thousands: '.' },
  // 1,234.50 (English) · 1,234,567
  { pattern: /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/, thousands: ',' },
]

/**
 * An amount in euros, returned in cents: `1 234,50 €` → 123450. Accepts a decimal comma or point,
 * spaces (also non-breaking) or dots between thousands, and `€`/`EUR`. A number cell of a workbook
 * is in euros. `1.234` alone is refused: it could be 1 234 € or 1,234 €. Null when empty.
 */
export function readCents(cell: Cell): Read<number | null> {
  let cents: number
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad('Montant illisible : écrivez par exemple 1234,50.')
    cents = Math.round(cell * 100)
  } else {
    const written = cellText(cell)
    const text = written.replace(/\s/g, '').replace(/€|eur(?:os?)?$/i, '')
    if (text === '') return ok(null)
    if (text.startsWith('-')) return bad(`Montant « ${written} » : un montant ne peut pas être négatif.`)
    const shape = amountShapes.find((candidate) => candidate.pattern.test(text))
    const match = shape && shape.pattern.exec(text)
    if (!shape || !match) {
      return bad(
        `Montant « ${written} » non reconnu : écrivez les euros puis les centimes après une virgule, par exemple 1234,50.`,
      )
    }
    const digits = match[1] ?? '0'
    if (shape.thousands && match[2] === undefined && digits.split(shape.thousands).length === 2) {
      return bad(
        `Montant « ${written} » ambigu (milliers ou décimales ?) : écrivez-le sans séparateur de milliers, avec une virgule avant les centimes, par exemple 1234,00.`,
      )
    }
    const euros = Number(shape.thousands ? digits.replaceAll(shape.thousands, '') : digits)
    cents = euros * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  }
  if (cents < 0) return bad('Un montant ne peut pas être négatif.')
  if (cents > MAX_CENTS) return bad('Montant trop grand : 100 millions d’euros au plus.')
  return ok(cents)
}

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A date, returned as `YYYY-MM-DD`: written `jj/mm/aaaa` (day first, always: `03/04/2027` is
 * 3 April; `-` or `.` also separate), or ISO `2027-04-03`; a workbook's date cell is the day it
 * shows. An impossible date (`31/02/2027`) is refused, never rolled over. Null when empty.
 */
export function readDate(cell: Cell): Read<string | null> {
  if (cell instanceof Date) {
    // exceljs gives the day a cell shows as UTC midnight; round away any float error of the serial.
    const ms = Math.round(cell.getTime() / 1000) * 1000
    return Number.isNaN(ms)
      ? bad('Date illisible : écrivez-la au format jj/mm/aaaa.')
      : ok(new Date(ms).toISOString().slice(0, 10))
  }
  const text = cellText(cell)
  if (text === '') return ok(null)
  const french = FRENCH_DATE.exec(text)
  const iso = ISO_DATE.exec(text)
  const parts = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : null
  if (!parts) {
    const hint = /^\d{1,2}\/\d{1,2}\/\d{2}$/.test(text) ? ' avec l’année sur 4 chiffres' : ''
    return bad(
      `Date « ${text} » non reconnue : écrivez-la au format jj/mm/aaaa${hint}, par exemple 03/04/2027.`,
    )
  }
  const [year, month, day] = parts.map(Number) as [number, number, number]
  const date = `${year}-${pad2(month)}-${pad2(day)}`
  try {
    return ok(parseLocalDate(date))
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return bad(`Le ${pad2(day)}/${pad2(month)}/${year} n’existe pas : corrigez la date (format jj/mm/aaaa).`)
  }
}

/**
 * A French plate (SIV), returned as `AB-123-CD`; `ab123cd`, `AB 123 CD` are accepted. Null when empty.
 */
export function readPlate(cell: Cell): Read<string | null> {
  const text = cellText(cell)
  if (text === '') return ok(null)
  const compact = text.toUpperCase().replace(/[\s-]/g, '')
  const match = /^([A-Z]{2})(\d{3})([A-Z]{2})$/.exec(compact)
  if (!match) return bad(`Immatriculation « ${text} » non reconnue : écrivez-la au format AB-123-CD.`)
  return ok(`${match[1]}-${match[2]}-${match[3]}`)
}

/** Separators of the two levels of a category: « › » (what the export writes), « > » or « / ». */
const CATEGORY_SEPARATOR = /\s*[›>/]\s*/

/** Longest category name accepted. */
const MAX_CATEGORY = 100

/**
 * A category: one name, or two levels `Manifestations › Barrières` (also `>` or `/`). Returns the
 * names, parent first; null when empty.
 */
export function readCategoryPath(cell: Cell): Read<readonly string[] | null> {
  const text = cellText(cell)
  if (text === '') return ok(null)
  const names = text.split(CATEGORY_SEPARATOR).map((name) => name.replace(/\s+/g, ' ').trim())
  if (names.some((name) => name === '')) {
    return bad(`Catégorie « ${text} » incomplète : écrivez « Catégorie » ou « Catégorie › Sous-catégorie ».`)
  }
  if (names.length > 2) {
    return bad(`Catégorie « ${text} » : deux niveaux au plus, par exemple « Manifestations › Barrières ».`)
  }
  if (names.some((name) => name.length > MAX_CATEGORY)) {
    return bad(`Catégorie « ${text} » : ${MAX_CATEGORY} caractères au plus par niveau.`)
  }
  return ok(names)
}
