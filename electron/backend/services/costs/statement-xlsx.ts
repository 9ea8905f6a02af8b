/**
 * A statement as an XLSX workbook (exceljs): sheet « Relevé » with who issues it, the commune, its
 * INSEE code, number, period and date of issue above one row per line (amounts as numbers with a €
 * format, the total as a SUM formula carrying its value), and sheet « Règles » with the counting
 * rules. Dates are real dates (dd/mm/yyyy), Europe/Paris.
 */
import ExcelJS from 'exceljs'
import { unitLabels } from '../../../../shared/costs/lines'
import type { Statement } from '../../../../shared/domain/costs'
import { formatLocalDateFr, instantToLocalDate } from '../../../../shared/time'
import type { StatementHeader } from './statement-pdf'

const EURO_FORMAT = '#,##0.00 "€"'
const DATE_FORMAT = 'dd/mm/yyyy'

/** A local date as the Date exceljs writes as that day (UTC midnight, its convention). */
function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

const columns = [
  { header: 'Date', key: 'date', width: 12 },
  { header: 'Réservation', key: 'reference', width: 15 },
  { header: 'Objet', key: 'title', width: 30 },
  { header: 'Période', key: 'period', width: 34 },
  { header: 'Ressource', key: 'resource', width: 30 },
  { header: 'Nature', key: 'kind', width: 13 },
  { header: 'Quantité', key: 'quantity', width: 9 },
  { header: 'Unités comptées', key: 'units', width: 10 },
  { header: 'Unité', key: 'unit', width: 13 },
  { header: 'Surface (m²)', key: 'area', width: 10 },
  { header: 'Tarif', key: 'rate', width: 11 },
  { header: 'Majoration (%)', key: 'surcharge', width: 11 },
  { header: 'Gratuit', key: 'free', width: 8 },
  { header: 'Montant', key: 'amount', width: 12 },
  { header: 'Détail', key: 'detail', width: 50 },
] as const

/**
 * The workbook's bytes.
 * @param header who issues it and when it is printed (epoch ms)
 */
export async function statementWorkbook(statement: Statement, header: StatementHeader): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Mutualisation'
  workbook.created = new Date(header.printedAt)
  const sheet = workbook.addWorksheet('Relevé')
  const facts: [string, string | Date][] = [
    ['Émetteur', `${header.organisation} — ${header.hubName}`],
    ['Destinataire', `Commune de ${statement.communeName}`],
    ['Code INSEE', statement.inseeCode],
    ['Relevé n°', statement.number],
    ['Période', `du ${formatLocalDateFr(statement.from)} au ${formatLocalDateFr(statement.to)}`],
    ['Émis le', excelDate(instantToLocalDate(Date.parse(statement.issuedAt)))],
  ]
  sheet.addRow(['Relevé de refacturation']).font = { bold: true, size: 14 }
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value])
    row.getCell(1).font = { bold: true }
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT
  }
  sheet.addRow([])
  const headerRow = sheet.addRow(columns.map((c) => c.header))
  headerRow.font = { bold: true }
  const firstLineRow = headerRow.number + 1
  for (const line of statement.lines) {
    sheet.addRow([
      excelDate(line.date),
      line.bookingReference,
      line.bookingTitle,
      line.periodText,
      line.resourceName,
      line.kind === 'damage' ? 'Dégât' : 'Utilisation',
      line.quantity,
      line.units,
      unitLabels[line.unit],
      line.areaM2,
      line.rateSource === 'missing' ? null : line.rateCents / 100,
      line.surchargePercent,
      line.free ? 'oui' : 'non',
      line.amountCents / 100,
      line.detail,
    ])
  }
  const lastLineRow = sheet.lastRow?.number ?? firstLineRow
  const amountColumn = columns.findIndex((c) => c.key === 'amount') + 1
  const letter = sheet.getColumn(amountColumn).letter
  const total = sheet.addRow([])
  total.getCell(amountColumn - 1).value = 'Total dû'
  total.getCell(amountColumn).value = {
    formula: `SUM(${letter}${firstLineRow}:${letter}${lastLineRow})`,
    result: statement.totalCents / 100,
  }
  total.font = { bold: true }
  columns.forEach((column, index) => {
    const col = sheet.getColumn(index + 1)
    col.width = column.width
    if (column.key === 'rate' || column.key === 'amount') col.numFmt = EURO_FORMAT
  })
  for (let row = firstLineRow; row <= lastLineRow; row++) sheet.getCell(row, 1).numFmt = DATE_FORMAT
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }]

  const rules = workbook.addWorksheet('Règles')
  rules.getColumn(1).width = 120
  rules.addRow(['Règles de décompte']).font = { bold: true }
  statement.rules.forEach((rule, index) => {
    rules.addRow([`${index + 1}. ${rule}`]).alignment = { wrapText: true }
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
