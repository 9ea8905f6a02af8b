/**
 * From what the interface sends (a file name and its bytes in base64) to something a parser reads:
 * the file's format, its bytes, and for CSV its text. Every refusal is a French DomainError.
 */
import iconv from 'iconv-lite'
import { DomainError } from '../../../../shared/errors'

/** The two spreadsheet formats the import reads. */
export type SpreadsheetFormat = 'csv' | 'xlsx'

/** What to tell a person who picked the wrong kind of file. */
const SAVE_AS_HINT =
  'Dans Excel ou LibreOffice, choisissez « Enregistrer sous » puis le format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) ».'

function invalid(message: string): DomainError {
  return new DomainError('INVALID_INPUT', message)
}

/**
 * The format of a file, from its name's extension: `.csv` and `.txt` are CSV, `.xlsx` is XLSX.
 * @example formatOfFileName('Inventaire 2027.CSV') // 'csv'
 * @throws DomainError INVALID_INPUT for any other extension (`.xls`, `.ods`, `.pdf`, none…)
 */
export function formatOfFileName(fileName: string): SpreadsheetFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase()
  if (extension === 'csv' || extension === 'txt') return 'csv'
  if (extension === 'xlsx') return 'xlsx'
  if (extension === 'xls' || extension === 'ods') {
    throw invalid(`Le format .${extension} n’est pas lu directement. ${SAVE_AS_HINT}`)
  }
  throw invalid(`« ${fileName} » n’est pas un tableur CSV ou XLSX. ${SAVE_AS_HINT}`)
}

/**
 * The bytes of a base64 text, refusing what a real encoder never produces (a truncated or
 * altered text), so that a damaged upload is reported rather than half-read.
 * @throws DomainError INVALID_INPUT when the text is not canonical base64, or the file is empty
 */
export function decodeBase64(contentBase64: string): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64')
  // Node's decoder silently skips what it cannot read: encoding back tells a damaged text apart.
  const unpadded = (text: string) => text.replace(/=+$/, '')
  if (unpadded(bytes.toString('base64')) !== unpadded(contentBase64)) {
    throw invalid(
      'Le contenu du fichier est illisible (transmission incomplète) : choisissez le fichier à nouveau.',
    )
  }
  if (bytes.length === 0)
    throw invalid('Le fichier est vide : choisissez le fichier qui contient l’inventaire.')
  return bytes
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const
const UTF16LE_BOM = [0xff, 0xfe] as const

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/**
 * The text of a CSV file as French offices produce them: UTF-8 with or without BOM when the bytes
 * are valid UTF-8, else Windows-1252 (Excel's « CSV (séparateur : point-virgule) » on a French
 * Windows, where `é` is byte 0xE9 and `€` is 0x80). Excel's « Texte Unicode » (UTF-16 LE with its
 * BOM) is read too. The BOM is removed.
 *
 * A Windows-1252 file is practically never valid UTF-8 (an accented letter followed by a plain
 * one is an invalid sequence), which is why trying UTF-8 first is a safe test.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder('utf-8').decode(bytes.subarray(UTF8_BOM.length))
  if (startsWith(bytes, UTF16LE_BOM))
    return iconv.decode(Buffer.from(bytes.subarray(UTF16LE_BOM.length)), 'utf-16le')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return iconv.decode(Buffer.from(bytes), 'windows-1252')
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const // "PK\3\4": an XLSX is a ZIP archive
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0] as const // Excel 97-2003 and password-protected files

/**
 * Checks that bytes named `.xlsx` really are an XLSX (a ZIP archive) before handing them to the
 * XLSX reader, so that a renamed file gets a message saying what it is.
 * @throws DomainError INVALID_INPUT otherwise
 */
export function checkXlsxSignature(bytes: Uint8Array): void {
  if (startsWith(bytes, ZIP_SIGNATURE)) return
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw invalid(
      `Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe. Retirez le mot de passe s’il y en a un, puis ${SAVE_AS_HINT.charAt(0).toLowerCase()}${SAVE_AS_HINT.slice(1)}`,
    )
  }
  throw invalid(
    `Ce fichier n’est pas un vrai classeur .xlsx (son contenu ne correspond pas). ${SAVE_AS_HINT}`,
  )
}
