/**
 * PDF checks shared by the printed documents' tests (bons, relevés, planning): page count from the
 * bytes, text with pdftotext and page 1 as a PNG with pdftoppm (poppler-utils), kept in
 * test-artifacts/screenshots to be looked at.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './helpers'

/** Where the PNGs of printed pages go, relative to the repository root. */
export const SHOTS = 'test-artifacts/screenshots'

function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Whether pdftotext and pdftoppm are installed; the text and image checks skip without them. */
export const poppler = hasTool('pdftoppm') && hasTool('pdftotext')
// CI installs poppler-utils (.ci/run): there, the text and image checks must run, never skip.
if (process.env.CI && !poppler)
  throw new Error('poppler-utils (pdftoppm, pdftotext) manque : apt-get install -y poppler-utils')

/** Writes the PDF to a fresh temporary directory; returns the file's path. */
function pdfFile(pdf: Buffer): string {
  const file = join(tempDir(), 'document.pdf')
  writeFileSync(file, pdf)
  return file
}

/** Pages of a PDF written by pdfkit (no object streams): the `/Type /Page` objects. */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length
}

/**
 * The PDF's text in drawing order (pdftotext -raw), whitespace (no-break spaces too) as one space.
 * With `joinHyphenated`, a line ending in `-` is joined to the next: a cell's text that wraps in the
 * PDF (`Saint-` / `Aubin-des-Ormeaux`) reads as one string.
 */
export function pdfText(pdf: Buffer, options: { joinHyphenated?: boolean } = {}): string {
  const raw = execFileSync('pdftotext', ['-raw', pdfFile(pdf), '-'], { encoding: 'utf8' })
  return (options.joinHyphenated ? raw.replace(/-\n/g, '-') : raw).replace(/\s+/g, ' ')
}

/** Page 1 at `dpi` (default 80) into test-artifacts/screenshots/<name>.png; returns that path. */
export function screenshot(pdf: Buffer, name: string, dpi = 80): string {
  mkdirSync(SHOTS, { recursive: true })
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfFile(pdf),
    join(SHOTS, name),
  ])
  return join(SHOTS, `${name}.png`)
}
