/**
 * pdfmake as every printed document of the backend uses it (planning, booking slips): the Roboto
 * fonts shipped in the pdfmake package, no access to the web or to any other file, and the
 * « Imprimé le … » line in Europe/Paris time. pdfmake keeps its fonts and access policies in one
 * module-wide instance: setting them here, once, keeps two documents from fighting over them.
 */
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatInstantFr } from '../../../shared/time'

const require = createRequire(import.meta.url)
const robotoDir = dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'))

pdfmake.setFonts({
  Roboto: {
    normal: `${robotoDir}/Roboto-Regular.ttf`,
    bold: `${robotoDir}/Roboto-Medium.ttf`,
    italics: `${robotoDir}/Roboto-Italic.ttf`,
    bolditalics: `${robotoDir}/Roboto-MediumItalic.ttf`,
  },
})
// The documents only use their own fonts: no web access, no other file.
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((path) => path.startsWith(robotoDir))

/** The font every document names in its `defaultStyle`. */
export const PDF_FONT = 'Roboto'

/**
 * Renders a pdfmake document (fonts: `Roboto` only).
 * @returns the PDF bytes
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return Buffer.from(await pdfmake.createPdf(doc).getBuffer())
}

/** `Imprimé le 29/11/2026 à 11:00`: the instant `ms` (epoch ms) in Europe/Paris wall time. */
export function printedAtFr(ms: number): string {
  const [date, time] = formatInstantFr(ms).split(' ')
  return `Imprimé le ${date ?? ''} à ${time ?? ''}`
}
