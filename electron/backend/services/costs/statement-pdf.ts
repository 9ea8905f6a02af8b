/**
 * The pdfmake layout of a statement (relevé de refacturation): A4 portrait, black on white with grey
 * shading only, as a town hall files it: the Communauté de Communes and its pôle technique, the
 * commune addressed with its INSEE code, number, date of issue and period; one table row per line
 * grouped by booking; the total « arrêté » in a box; a signature box; the counting rules as numbered
 * notes; the number and « page n/N » at the foot of every page.
 */
import type { Content, ContextPageSize, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { carryNoteOf, formatQuarters, unitLabels } from '../../../../shared/costs/lines'
import { formatEuros, formatNumberFr } from '../../../../shared/costs/money'
import type { CostLine, Statement } from '../../../../shared/domain/costs'
import { formatInstantFr, formatLocalDateFr } from '../../../../shared/time'
import { PDF_FONT, printedAtFr } from '../pdf'

/** Who issues the statement, and when it is printed (epoch ms). */
export interface StatementHeader {
  /** `Communauté de Communes du Pays de Mortagne`. */
  readonly organisation: string
  /** `Pôle technique Ouest`. */
  readonly hubName: string
  readonly printedAt: number
}

const MARGIN_X = 40
const SHADE_HEADER = '#d9d9d9'
const SHADE_GROUP = '#f2f2f2'
const GREY_TEXT = '#444444'

const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
}

function contentWidth(pageSize: ContextPageSize): number {
  return pageSize.width - 2 * MARGIN_X
}

function head(text: string, alignment: 'left' | 'right' | 'center' = 'left'): TableCell {
  return { text, bold: true, fillColor: SHADE_HEADER, alignment, fontSize: 8 }
}

/** `pôle technique Ouest` for `Pôle technique Ouest`: a name inside a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** What was counted, in words: `4 jours`, `3 h 15`, `1 prêt`, `2 unités`. */
export function countedText(line: CostLine): string {
  switch (line.unit) {
    case 'hour':
      return formatQuarters(Math.round(line.units * 4))
    case 'day':
    case 'm2_day':
      return `${formatNumberFr(line.units)} ${line.units >= 2 ? 'jours' : 'jour'}`
    case 'half_day':
      return `${formatNumberFr(line.units)} ${line.units >= 2 ? 'demi-journées' : 'demi-journée'}`
    case 'loan':
      return '1 prêt'
    case 'unit':
      return 'valeur unitaire'
    case 'none':
      return '—'
  }
}

/** The rate as printed: `0,31 € / jour`, `7,80 € / m² × jour`, « gratuit », « non tarifé ». */
export function rateText(line: CostLine): string {
  if (line.rateSource === 'missing') return 'non tarifé'
  const rate = `${formatEuros(line.rateCents)} / ${unitLabels[line.unit]}`
  return line.free ? `${rate} (gratuit)` : rate
}

function resourceCell(line: CostLine): TableCell {
  const notes = [
    line.kind === 'damage' ? 'abîmé ou manquant, valeur de remplacement' : '',
    line.areaM2 !== null ? `${formatNumberFr(line.areaM2)} m²` : '',
    line.bandLabel,
    line.rateSource === 'missing' ? line.detail : '',
    // A line without rate prints its whole detail, carry note included.
    line.rateSource === 'missing' ? '' : (carryNoteOf(line) ?? ''),
  ].filter((text) => text !== '')
  return {
    stack: [
      { text: line.resourceName },
      ...(notes.length > 0
        ? [{ text: notes.join(' · '), fontSize: 7, color: GREY_TEXT, italics: true }]
        : []),
    ],
  }
}

/** Table rows of the lines, grouped by booking: its reference, title and period span its rows. */
function lineRows(lines: readonly CostLine[]): TableCell[][] {
  const rows: TableCell[][] = []
  let index = 0
  while (index < lines.length) {
    const first = lines[index] as CostLine
    let end = index
    while (end < lines.length && lines[end]?.bookingId === first.bookingId && lines[end]?.kind === first.kind)
      end++
    lines.slice(index, end).forEach((line, offset) => {
      const bookingCell: TableCell =
        offset === 0
          ? {
              rowSpan: end - index,
              fillColor: SHADE_GROUP,
              stack: [
                { text: line.bookingReference, bold: true },
                { text: line.bookingTitle, fontSize: 7.5 },
                {
                  text:
                    line.kind === 'damage' ? `constat du ${formatLocalDateFr(line.date)}` : line.periodText,
                  fontSize: 7,
                  color: GREY_TEXT,
                },
              ],
            }
          : {}
      rows.push([
        bookingCell,
        resourceCell(line),
        { text: String(line.quantity), alignment: 'right' },
        { text: countedText(line), alignment: 'right' },
        { text: rateText(line), alignment: 'right' },
        { text: line.surchargePercent > 0 ? `+${line.surchargePercent} %` : '—', alignment: 'center' },
        { text: formatEuros(line.amountCents), alignment: 'right', noWrap: true },
      ])
    })
    index = end
  }
  return rows
}

/** The whole document of a statement; texts in French, dates and times Europe/Paris. */
export function statementDocument(statement: Statement, header: StatementHeader): TDocumentDefinitions {
  const issuedOn = formatInstantFr(Date.parse(statement.issuedAt)).split(' ')[0] ?? ''
  const period = `du ${formatLocalDateFr(statement.from)} au ${formatLocalDateFr(statement.to)}`
  const title = `Relevé ${statement.number}`
  const table: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [92, '*', 24, 52, 78, 34, 60],
      body: [
        [
          head('Réservation'),
          head('Ressource'),
          head('Qté', 'right'),
          head('Compté', 'right'),
          head('Tarif', 'right'),
          head('Major.', 'center'),
          head('Montant', 'right'),
        ],
        ...lineRows(statement.lines),
        [
          { text: 'Total dû', bold: true, colSpan: 6, alignment: 'right', fillColor: SHADE_HEADER },
          {},
          {},
          {},
          {},
          {},
          {
            text: formatEuros(statement.totalCents),
            bold: true,
            alignment: 'right',
            fillColor: SHADE_HEADER,
            noWrap: true,
          },
        ],
      ],
    },
    layout: tableLayout,
    fontSize: 8,
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, 58, MARGIN_X, 44],
    info: {
      title,
      author: header.organisation,
      subject: `Relevé de refacturation — ${statement.communeName} — ${period}`,
      creator: 'Mutualisation',
    },
    language: 'fr-FR',
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.1 },
    header: (_page, _count, pageSize) => ({
      margin: [MARGIN_X, 22, MARGIN_X, 0],
      stack: [
        {
          columns: [
            { width: '*', text: `${header.organisation} — ${header.hubName}`, bold: true, fontSize: 9 },
            { width: 'auto', text: `${title} · ${statement.communeName}`, fontSize: 8.5, color: GREY_TEXT },
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 5, x2: contentWidth(pageSize), y2: 5, lineWidth: 0.8 }] },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN_X, 14, MARGIN_X, 0],
      columns: [
        { width: '*', text: `${title} · ${printedAtFr(header.printedAt)}`, fontSize: 7.5, color: GREY_TEXT },
        { width: 70, text: `page ${currentPage}/${pageCount}`, alignment: 'right', fontSize: 8, bold: true },
      ],
    }),
    content: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: header.organisation.toUpperCase(), bold: true, fontSize: 11 },
              { text: header.hubName, fontSize: 10 },
              {
                text: 'Mise à disposition de matériel, de véhicules et d’agents',
                fontSize: 8.5,
                color: GREY_TEXT,
                margin: [0, 2, 0, 0],
              },
            ],
          },
          {
            width: 200,
            table: {
              widths: ['*'],
              body: [
                [
                  {
                    stack: [
                      { text: 'Destinataire', fontSize: 7.5, color: GREY_TEXT },
                      { text: `Commune de ${statement.communeName}`, bold: true, fontSize: 11 },
                      { text: `Code INSEE ${statement.inseeCode}`, fontSize: 9 },
                      {
                        text: 'À l’attention de Monsieur ou Madame le Maire',
                        fontSize: 8,
                        margin: [0, 2, 0, 0],
                      },
                    ],
                    margin: [4, 2, 4, 2],
                  },
                ],
              ],
            },
            layout: { ...tableLayout, hLineWidth: () => 1, vLineWidth: () => 1 },
          },
        ],
        margin: [0, 4, 0, 16],
      },
      { text: 'RELEVÉ DE REFACTURATION', bold: true, fontSize: 16, characterSpacing: 1, alignment: 'center' },
      {
        text: 'Participation aux frais des moyens mutualisés du pôle technique',
        alignment: 'center',
        fontSize: 9.5,
        color: GREY_TEXT,
        margin: [0, 2, 0, 10],
      },
      {
        table: {
          widths: [90, '*', 90, '*'],
          body: [
            [
              { text: 'Numéro', bold: true, fillColor: SHADE_GROUP },
              { text: statement.number, bold: true },
              { text: 'Émis le', bold: true, fillColor: SHADE_GROUP },
              { text: issuedOn },
            ],
            [
              { text: 'Période', bold: true, fillColor: SHADE_GROUP },
              { text: period },
              { text: 'Lignes', bold: true, fillColor: SHADE_GROUP },
              { text: String(statement.lines.length) },
            ],
          ],
        },
        layout: tableLayout,
        margin: [0, 0, 0, 12],
      },
      table,
      {
        unbreakable: true,
        stack: [
          {
            text: [
              'Arrêté le présent relevé à la somme de ',
              { text: formatEuros(statement.totalCents), bold: true },
              '.',
            ],
            margin: [0, 10, 0, 10],
          },
          {
            columns: [
              { width: '*', text: '' },
              {
                width: 230,
                table: {
                  widths: ['*'],
                  heights: [70],
                  body: [
                    [
                      {
                        stack: [
                          { text: `Le ${issuedOn},`, fontSize: 8.5 },
                          { text: `pour le Président de la ${header.organisation},`, fontSize: 8.5 },
                          { text: `le responsable du ${lowerFirst(header.hubName)}`, fontSize: 8.5 },
                        ],
                      },
                    ],
                  ],
                },
                layout: tableLayout,
              },
            ],
          },
        ],
      },
      {
        stack: [
          { text: 'Règles de décompte', bold: true, fontSize: 8, margin: [0, 14, 0, 3] },
          {
            ol: statement.rules.map((rule) => ({ text: rule, fontSize: 7, color: GREY_TEXT })),
            fontSize: 7,
          },
        ],
      },
    ],
  }
}
