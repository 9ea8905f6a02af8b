import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Resource } from '../../shared/domain/types'
import { makeBackend, type TestApi } from './helpers'

const HEADER_LINE =
  "Désignation;Type;Catégorie;Quantité;N° d'inventaire;N° de série;Immatriculation;Date d'achat;Valeur d'achat;Tarif journalier"

function decode(contentBase64: string): Buffer {
  return Buffer.from(contentBase64, 'base64')
}

/** The demo inventory plus what an export must carry through: amounts, dates, quotes, `;`, formulas. */
async function richInventory(api: TestApi): Promise<Resource> {
  const chaises = (await api.ok('resources.list', {})).find((r) => r.inventoryNumber === 'PTO-MOB-001')!
  await api.ok('resources.update', {
    id: chaises.id,
    purchaseDate: '2027-04-03',
    purchaseValueCents: 123450,
    dailyRateCents: 50,
    serialNumber: 'SN-0001',
  })
  await api.ok('resources.create', {
    kind: 'equipment',
    name: 'Podium "grand modèle"; 6 × 4 m',
    inventoryNumber: 'PTO-STR-099',
    purchaseValueCents: 1_250_000,
  })
  await api.ok('resources.create', {
    kind: 'equipment',
    name: '=SOMME(A1:A9) piège',
    inventoryNumber: '-PIEGE-1',
  })
  const archived = await api.ok('resources.create', {
    kind: 'equipment',
    name: 'Ancienne sono',
    inventoryNumber: 'OLD-1',
  })
  await api.ok('resources.archive', { id: archived.id })
  return chaises
}

async function snapshot(api: TestApi) {
  return {
    resources: await api.ok('resources.list', { includeArchived: true }),
    categories: await api.ok('categories.list', {}),
  }
}

describe('resources.export: CSV for Excel in French', () => {
  it('writes a UTF-8 BOM, `;`, CRLF, decimal commas, jj/mm/aaaa dates and the import’s headers', async () => {
    const api = makeBackend('demo')
    await richInventory(api)
    const file = await api.ok('resources.export', { format: 'csv' })
    // NOW is 29/11/2026 in Paris.
    expect(file.fileName).toBe('inventaire-pole-technique-ouest-2026-11-29.csv')
    const bytes = decode(file.contentBase64)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = text.split('\r\n').slice(0, -1)
    expect(lines[0]).toBe(HEADER_LINE)
    expect(lines).toContain(
      'Chaises pliantes;Matériel;Manifestations › Chaises et tables;120;PTO-MOB-001;SN-0001;;03/04/2027;1234,50;0,50',
    )
    expect(lines).toContain('"Podium ""grand modèle""; 6 × 4 m";Matériel;;1;PTO-STR-099;;;;12500,00;')
    // Texts a spreadsheet would run as formulas are protected.
    expect(lines).toContain(`"'=SOMME(A1:A9) piège";Matériel;;1;"'-PIEGE-1";;;;;`)
    expect(lines.find((line) => line.startsWith('Fourgon Renault Master'))).toMatch(
      /^Fourgon Renault Master;Véhicule;Véhicules › Utilitaires;1;;;FR-482-PT;/,
    )
    expect(text).not.toContain('Ancienne sono')
    const active = await api.ok('resources.list', {})
    expect(lines).toHaveLength(active.length + 1)
  })

  it('exports one kind only when asked, and says so in the file name', async () => {
    const api = makeBackend('demo')
    const file = await api.ok('resources.export', { format: 'csv', kind: 'vehicle' })
    expect(file.fileName).toBe('inventaire-pole-technique-ouest-vehicules-2026-11-29.csv')
    const lines = decode(file.contentBase64).subarray(3).toString('utf8').split('\r\n').slice(1, -1)
    const vehicles = await api.ok('resources.list', { kind: 'vehicle' })
    expect(lines.map((line) => line.split(';')[6]).sort()).toEqual(vehicles.map((v) => v.plate).sort())
    expect(lines.every((line) => line.split(';')[1] === 'Véhicule')).toBe(true)
  })
})

describe('resources.export: XLSX', () => {
  it('writes a real workbook: bold header, real dates, amounts as numbers in €, sized columns', async () => {
    const api = makeBackend('demo')
    await richInventory(api)
    const file = await api.ok('resources.export', { format: 'xlsx' })
    expect(file.fileName).toBe('inventaire-pole-technique-ouest-2026-11-29.xlsx')
    const bytes = decode(file.contentBase64)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe('Inventaire')
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER_LINE.split(';')])
    expect(sheet.getRow(1).font?.bold).toBe(true)
    const chaisesRow = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((row) => row.getCell(5).value === 'PTO-MOB-001')!
    expect(chaisesRow.getCell(1).value).toBe('Chaises pliantes')
    expect(chaisesRow.getCell(4).value).toBe(120)
    // A date cell shows 03/04/2027 in any zone: exceljs reads it back as UTC midnight of that day.
    expect(chaisesRow.getCell(8).value).toEqual(new Date('2027-04-03T00:00:00Z'))
    expect(chaisesRow.getCell(8).numFmt).toBe('dd/mm/yyyy')
    expect(chaisesRow.getCell(9).value).toBe(1234.5)
    expect(chaisesRow.getCell(9).numFmt).toContain('€')
    expect(chaisesRow.getCell(10).value).toBe(0.5)
    for (let column = 1; column <= 10; column += 1) {
      expect(sheet.getColumn(column).width).toBeGreaterThanOrEqual(8)
    }
    expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(4).width!)
  })
})

describe('resources.export → resources.import', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`changes nothing when a ${format.toUpperCase()} export is imported back`, async () => {
      const api = makeBackend('demo')
      await richInventory(api)
      const before = await snapshot(api)
      const file = await api.ok('resources.export', { format })
      const report = await api.ok('resources.import', {
        fileName: file.fileName,
        contentBase64: file.contentBase64,
      })
      expect(report.errors).toEqual([])
      expect(report).toMatchObject({ stored: true, created: 0, updated: 0 })
      expect(report.rows.every((row) => row.action === 'update')).toBe(true)
      expect(report.rows).toHaveLength(before.resources.filter((r) => !r.archived).length)
      expect(await snapshot(api)).toEqual(before)
    })
  }
})
