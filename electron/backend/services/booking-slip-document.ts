/**
 * The pdfmake layout of a booking slip (./booking-slip): A4 portrait, black on white with grey
 * shading only, so that it photocopies and faxes well: the organisation and the reference on every
 * page, the title, a summary table, the table of what is lent, recorded notes and ruled lines for
 * handwritten remarks, two signature boxes that never split across pages, and « page n/N » with the
 * date of printing at the foot.
 */
import type { Content, ContextPageSize, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { SlipLine, SlipModel } from './booking-slip'
import { PDF_FONT, printedAtFr } from './pdf'

const MARGIN_X = 42
const SHADE_LABEL = '#eeeeee'
const SHADE_HEADER = '#d9d9d9'
const GREY_TEXT = '#444444'

/** `84 250 km`, with a no-break space so that a figure never wraps. */
export function formatKm(km: number): string {
  return `${String(km).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}\u00a0km`
}

const tableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

/** A dotted line `width` pt long, to write on. */
function blankLine(width: number, gapAbove = 0): Content {
  return {
    canvas: [
      {
        type: 'line',
        x1: 0,
        y1: gapAbove,
        x2: width,
        y2: gapAbove,
        lineWidth: 0.6,
        dash: { length: 1, space: 2 },
      },
    ],
  }
}

/** An empty square to tick, followed by its label. */
function tickBox(label: string): Content {
  return {
    columns: [
      { width: 10, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 7, h: 7, lineWidth: 0.7 }] },
      { width: '*', text: label },
    ],
    columnGap: 2,
    margin: [0, 0, 0, 2],
  }
}

/** A recorded odometer, or a blank line with the last known reading as a hint. */
function odometerCell(km: number | null, lastKm: number | null): Content {
  if (km !== null) return { text: formatKm(km), alignment: 'right' }
  return {
    stack: [
      {
        columns: [
          { width: 58, stack: [blankLine(58, 10)] },
          { width: 'auto', text: 'km' },
        ],
        columnGap: 3,
      },
      ...(lastKm !== null
        ? [
            {
              text: `dernier relevé : ${formatKm(lastKm)}`,
              fontSize: 7,
              color: GREY_TEXT,
              margin: [0, 2, 0, 0],
            },
          ]
        : []),
    ] as Content[],
  }
}

/** A column heading; figures are right-aligned, so are their headings. */
function header(text: string, alignment: 'left' | 'right' = 'left'): TableCell {
  return { text, bold: true, fillColor: SHADE_HEADER, fontSize: 8.5, alignment }
}

/**
 * The cell of a column that does not apply to this row. A new object each time: pdfmake writes its
 * layout into the nodes it draws, so one node shared by several cells is drawn only once.
 */
function notApplicable(): TableCell {
  return { text: '—', alignment: 'center' }
}

function number(value: number, strong = false): TableCell {
  return { text: String(value), alignment: 'right', bold: strong }
}

function designationCell(line: SlipLine): TableCell {
  const detail = line.vehicle ? 'véhicule' : line.stock ? 'matériel en nombre' : 'matériel'
  return {
    stack: [
      { text: line.designation, bold: true },
      { text: detail, fontSize: 7, color: GREY_TEXT },
    ],
  }
}

function checkoutTable(model: SlipModel): Content {
  const widths: (number | string)[] = ['*', 98, 34, 96, ...(model.hasVehicle ? [92] : [])]
  const body: TableCell[][] = [
    [
      header('Désignation'),
      header('N° d’inventaire / immatriculation'),
      header('Qté', 'right'),
      header('État au départ'),
      ...(model.hasVehicle ? [header('Compteur au départ')] : []),
    ],
  ]
  for (const line of model.lines) {
    const state: TableCell =
      line.condition !== null
        ? { text: line.condition }
        : { stack: [tickBox('bon état'), tickBox('avec réserves')] }
    body.push([
      designationCell(line),
      { text: line.identifier },
      number(line.quantity, true),
      state,
      ...(model.hasVehicle
        ? [line.vehicle ? odometerCell(line.odometerOutKm, line.lastOdometerKm) : notApplicable()]
        : []),
    ])
  }
  return { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: tableLayout }
}

function returnTable(model: SlipModel): Content {
  const widths: (number | string)[] = ['*', 90, 36, 40, 40, 48, ...(model.hasVehicle ? [92] : [])]
  const body: TableCell[][] = [
    [
      header('Désignation'),
      header('N° d’inventaire / immatriculation'),
      header('Sortie', 'right'),
      header('Rendue', 'right'),
      header('Abîmée', 'right'),
      header('Manquante', 'right'),
      ...(model.hasVehicle ? [header('Compteur au retour')] : []),
    ],
  ]
  for (const line of model.lines) {
    const back = line.returned ?? { returned: 0, damaged: 0, missing: 0 }
    body.push([
      designationCell(line),
      { text: line.identifier },
      number(line.quantity),
      number(back.returned, true),
      number(back.damaged, back.damaged > 0),
      number(back.missing, back.missing > 0),
      ...(model.hasVehicle
        ? [
            line.vehicle
              ? {
                  stack: [
                    odometerCell(line.odometerBackKm, line.lastOdometerKm),
                    ...(line.odometerOutKm !== null
                      ? [
                          {
                            text: `au départ : ${formatKm(line.odometerOutKm)}`,
                            fontSize: 7,
                            color: GREY_TEXT,
                          },
                        ]
                      : []),
                  ],
                }
              : notApplicable(),
          ]
        : []),
    ])
  }
  return { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: tableLayout }
}

function sectionTitle(text: string): Content {
  return { text, bold: true, fontSize: 10.5, margin: [0, 14, 0, 5] }
}

function signatureBox(label: string): Content {
  return {
    table: {
      widths: ['*'],
      heights: [118],
      body: [
        [
          {
            stack: [
              { text: label, bold: true, fontSize: 10, margin: [0, 0, 0, 8] },
              {
                columns: [
                  { width: 72, text: 'Nom et qualité :' },
                  { width: '*', stack: [blankLine(130, 9)] },
                ],
              },
              {
                text: 'Le ____ / ____ / ________   à ____ h ____',
                margin: [0, 10, 0, 8],
              },
              { text: 'Signature :' },
            ],
          },
        ],
      ],
    },
    layout: { ...tableLayout, paddingLeft: () => 7, paddingTop: () => 6 },
  }
}

/** The pdfmake document of a slip. */
export function slipDocument(model: SlipModel): TDocumentDefinitions {
  const contentWidth = (page: ContextPageSize) => page.width - 2 * MARGIN_X
  const printed = printedAtFr(model.printedAt)
  const acknowledgement =
    model.kind === 'checkout'
      ? 'La commune reconnaît avoir reçu le matériel ci-dessus, dans l’état et les quantités indiqués, et s’engage à le rendre au terme de la période.'
      : 'Le pôle technique reconnaît avoir repris le matériel ci-dessus, dans l’état et les quantités indiqués.'
  const lines: Content =
    model.lines.length > 0
      ? model.kind === 'checkout'
        ? checkoutTable(model)
        : returnTable(model)
      : { text: 'Aucun matériel ni véhicule : mise à disposition d’agents seulement.', italics: true }
  const notes: Content[] = model.notes.map((note) => ({
    text: [{ text: `${note.label} : `, bold: true }, note.value],
    margin: [0, 0, 0, 3],
  }))
  const ruled = Array.from({ length: model.notes.length > 0 ? 2 : 3 }, () => blankLine(511, 16))
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, 64, MARGIN_X, 46],
    info: {
      title: `${model.title} ${model.reference}`,
      author: model.organisation,
      subject: model.subtitle,
      creator: 'Mutualisation',
    },
    language: 'fr-FR',
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.1 },
    header: (_page, _count, pageSize) => ({
      margin: [MARGIN_X, 24, MARGIN_X, 0],
      stack: [
        {
          columns: [
            { width: '*', text: model.organisation, bold: true, fontSize: 9.5 },
            { width: 'auto', text: `${model.title} ${model.reference}`, fontSize: 8.5, color: GREY_TEXT },
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 5, x2: contentWidth(pageSize), y2: 5, lineWidth: 0.8 }] },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN_X, 14, MARGIN_X, 0],
      columns: [
        {
          width: '*',
          text: `${model.title} ${model.reference} · ${printed}`,
          fontSize: 7.5,
          color: GREY_TEXT,
        },
        { width: 70, text: `page ${currentPage}/${pageCount}`, alignment: 'right', fontSize: 8, bold: true },
      ],
    }),
    content: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: model.title.toUpperCase(), bold: true, fontSize: 20, characterSpacing: 1 },
              { text: model.subtitle, fontSize: 10, color: GREY_TEXT, margin: [0, 2, 0, 0] },
            ],
          },
          {
            width: 150,
            table: {
              widths: ['*'],
              body: [
                [
                  {
                    stack: [
                      { text: 'Référence', fontSize: 7.5, color: GREY_TEXT },
                      { text: model.reference, bold: true, fontSize: 14 },
                    ],
                    alignment: 'center',
                  },
                ],
              ],
            },
            layout: { ...tableLayout, hLineWidth: () => 1.2, vLineWidth: () => 1.2 },
          },
        ],
        margin: [0, 4, 0, 14],
      },
      {
        table: {
          widths: [118, '*'],
          body: model.facts.map((fact): TableCell[] => [
            { text: fact.label, bold: true, fillColor: SHADE_LABEL },
            { text: fact.value },
          ]),
        },
        layout: tableLayout,
      },
      sectionTitle(
        model.kind === 'checkout' ? 'Matériel et véhicules remis' : 'Matériel et véhicules rendus',
      ),
      lines,
      sectionTitle('Observations'),
      ...notes,
      {
        text: model.remarksHeading,
        fontSize: 8,
        color: GREY_TEXT,
        margin: [0, notes.length > 0 ? 4 : 0, 0, 0],
      },
      ...ruled,
      {
        unbreakable: true,
        stack: [
          { text: acknowledgement, fontSize: 8.5, italics: true, margin: [0, 16, 0, 8] },
          { columns: [signatureBox(model.signatures[0]), signatureBox(model.signatures[1])], columnGap: 18 },
        ],
      },
    ],
  }
}
