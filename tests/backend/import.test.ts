import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MethodInput } from '../../shared/api/contract'
import { makeBackend, type TestApi } from './helpers'

const FIXTURES = join(import.meta.dirname, '../fixtures/import')

/** A CSV text as Excel writes it: CRLF line ends, a final line end. */
function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`
}

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8')
}

type ImportInput = MethodInput<'resources.import'>

function importFile(api: TestApi, fileName: string, bytes: Buffer, options: Partial<ImportInput> = {}) {
  return api.ok('resources.import', { fileName, contentBase64: bytes.toString('base64'), ...options })
}

async function resourceCount(api: TestApi): Promise<number> {
  return (await api.ok('resources.list', { includeArchived: true })).length
}

async function byInventoryNumber(api: TestApi, inventoryNumber: string) {
  const found = (await api.ok('resources.list', { search: inventoryNumber })).filter(
    (r) => r.inventoryNumber === inventoryNumber,
  )
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('resources.import: encodings and CSV shapes', () => {
  it('reads UTF-8 with a BOM: the first header is « Désignation », not « \\uFEFFDésignation »', async () => {
    const api = makeBackend('demo')
    const bom = Buffer.from([0xef, 0xbb, 0xbf])
    const report = await importFile(
      api,
      'inventaire.csv',
      Buffer.concat([
        bom,
        utf8(csv("Désignation;Quantité;N° d'inventaire", 'Chaises pliantes bois;50;IMP-001')),
      ]),
    )
    expect(report.headers).toEqual(['Désignation', 'Quantité', "N° d'inventaire"])
    expect(report.mapping).toEqual({
      Désignation: 'name',
      Quantité: 'quantity',
      "N° d'inventaire": 'inventoryNumber',
    })
    expect(report).toMatchObject({ stored: true, created: 1, updated: 0, errors: [] })
    const created = await byInventoryNumber(api, 'IMP-001')
    expect(created).toMatchObject({
      name: 'Chaises pliantes bois',
      kind: 'equipment',
      tracking: 'stock',
      quantity: 50,
    })
    const { journal } = await api.ok('resources.history', { id: created.id })
    expect(journal).toMatchObject([
      { action: 'import', entity: 'resource', entityId: created.id, before: null },
    ])
  })

  it('reads Windows-1252 as Excel writes it on a French Windows (é is 0xE9, € is 0x80)', async () => {
    const api = makeBackend('demo')
    const bytes = readFileSync(join(FIXTURES, 'inventaire-excel-fr.csv'))
    expect(bytes.includes(0xe9)).toBe(true)
    expect(bytes.includes(0x80)).toBe(true)
    const report = await importFile(api, 'inventaire.csv', bytes)
    expect(report.errors).toEqual([])
    expect(report.headers).toEqual([
      'Désignation',
      'Type',
      'Catégorie',
      'Quantité',
      "N° d'inventaire",
      "Date d'achat",
      "Valeur d'achat",
    ])
    expect(report.rows).toEqual([
      {
        line: 2,
        action: 'create',
        name: 'Barrière Vauban 2 m',
        kind: 'equipment',
        category: 'Manifestations › Barrières et grilles',
        quantity: 40,
        inventoryNumber: 'IMP-BAR-010',
        serialNumber: null,
        plate: null,
        purchaseDate: '2027-04-03',
        purchaseValueCents: 125000,
        dailyRateCents: null,
      },
      {
        line: 3,
        action: 'create',
        name: 'Élagueuse sur perche',
        kind: 'equipment',
        category: 'Espaces verts',
        quantity: 1,
        inventoryNumber: 'IMP-EV-010',
        serialNumber: null,
        plate: null,
        purchaseDate: '2026-01-15',
        purchaseValueCents: 38990,
        dailyRateCents: null,
      },
    ])
    const categories = await api.ok('categories.list', {})
    const barrieres = categories.find((c) => c.name === 'Barrières et grilles')
    expect(await byInventoryNumber(api, 'IMP-BAR-010')).toMatchObject({
      name: 'Barrière Vauban 2 m',
      categoryId: barrieres?.id,
      tracking: 'stock',
      quantity: 40,
      purchaseValueCents: 125000,
      purchaseDate: '2027-04-03',
    })
    expect(await byInventoryNumber(api, 'IMP-EV-010')).toMatchObject({ tracking: 'unit', condition: 'good' })
  })

  it('reads `;` with decimal commas and quoted fields holding `;`, quotes and line breaks', async () => {
    const api = makeBackend('demo')
    const text = csv(
      "Désignation;Type;Quantité;N° d'inventaire;Valeur d'achat;Tarif journalier",
      '"Podium ""grand modèle""; 6 × 4 m";Matériel;;IMP-010;"2 500,50";45,5',
      '"Barnum\nà deux lignes";Matériel;;IMP-011;1234.50;0,00',
      'Grilles;Matériel;12;IMP-012;1.234,56 €;"3,00 €"',
    )
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report.errors).toEqual([])
    expect(
      report.rows.map((r) => [r.line, r.name, r.purchaseValueCents, r.dailyRateCents, r.quantity]),
    ).toEqual([
      [2, 'Podium "grand modèle"; 6 × 4 m', 250050, 4550, 1],
      // A quoted line break keeps the spreadsheet's numbering: the record is line 3, the next line 4.
      [3, 'Barnum à deux lignes', 123450, 0, 1],
      [4, 'Grilles', 123456, 300, 12],
    ])
    expect(report).toMatchObject({ stored: true, created: 3 })
  })

  it('reads `,` as delimiter when the header line is split by commas', async () => {
    const api = makeBackend('demo')
    const text = csv(
      "Désignation,N° d'inventaire,Valeur d'achat",
      'Tente 5 x 12 m,IMP-020,"1234,50"',
      'Groupe,IMP-021,99.9',
    )
    const report = await importFile(api, 'export.txt', utf8(text))
    expect(report.errors).toEqual([])
    expect(report.rows.map((r) => [r.name, r.purchaseValueCents])).toEqual([
      ['Tente 5 x 12 m', 123450],
      ['Groupe', 9990],
    ])
  })

  it('recognises headers whatever their case, accents, spacing and punctuation', async () => {
    const api = makeBackend('demo')
    const text = csv(
      '  DESIGNATION ;type;CATEGORIE;quantite;Numéro d’inventaire;No de serie;IMMATRICULATION;date achat;Valeur d’achat (€ TTC);Tarif  journalier',
      'Fourgon neuf;véhicule;Véhicules › Utilitaires;;;SN-1;ab123cd;03/04/2027;25 000;80',
    )
    const report = await importFile(api, 'inventaire.csv', utf8(text), { dryRun: true })
    expect(Object.values(report.mapping)).toEqual([
      'name',
      'kind',
      'category',
      'quantity',
      'inventoryNumber',
      'serialNumber',
      'plate',
      'purchaseDate',
      'purchaseValue',
      'dailyRate',
    ])
    expect(report.errors).toEqual([])
    expect(report.rows[0]).toMatchObject({
      kind: 'vehicle',
      category: 'Véhicules › Utilitaires',
      plate: 'AB-123-CD',
      serialNumber: 'SN-1',
      purchaseDate: '2027-04-03',
      purchaseValueCents: 2_500_000,
      dailyRateCents: 8000,
    })
  })
})

describe('resources.import: dates', () => {
  it('reads 03/04/2027 as 3 April 2027 (day first, always), and ISO dates too', async () => {
    const api = makeBackend('demo')
    const text = csv("Désignation;Date d'achat", 'A;03/04/2027', 'B;2027-04-03', 'C;3/4/2027', 'D;13/12/2026')
    const report = await importFile(api, 'inventaire.csv', utf8(text), { dryRun: true })
    expect(report.errors).toEqual([])
    expect(report.rows.map((r) => r.purchaseDate)).toEqual([
      '2027-04-03',
      '2027-04-03',
      '2027-04-03',
      '2026-12-13',
    ])
  })

  it('refuses 31/02/2027 with its line and column, never rolling it over to March', async () => {
    const api = makeBackend('demo')
    const before = await resourceCount(api)
    const text = csv(
      "Désignation;N° d'inventaire;Date d'achat",
      'Bonne ligne;IMP-030;28/02/2027',
      'Mauvaise ligne;IMP-031;31/02/2027',
    )
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report.errors).toEqual([
      {
        line: 3,
        column: "Date d'achat",
        message: 'Le 31/02/2027 n’existe pas : corrigez la date (format jj/mm/aaaa).',
      },
    ])
    expect(report).toMatchObject({ stored: false, created: 0, updated: 0 })
    expect(await resourceCount(api)).toBe(before)
  })

  it('refuses dates it cannot read, saying how to write them', async () => {
    const api = makeBackend('demo')
    const text = csv("Désignation;Date d'achat", 'A;03/04/27', 'B;April 3, 2027', 'C;2027-13-01')
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "Date d'achat"],
      [3, "Date d'achat"],
      [4, "Date d'achat"],
    ])
    expect(report.errors[0]?.message).toContain('année sur 4 chiffres')
    expect(report.errors[1]?.message).toContain('jj/mm/aaaa')
  })
})

describe('resources.import: all or nothing', () => {
  it('stores nothing when one row is bad, and names every bad row', async () => {
    const api = makeBackend('demo')
    const before = await resourceCount(api)
    const categoriesBefore = (await api.ok('categories.list', {})).length
    const text = csv(
      "Désignation;Catégorie;Quantité;N° d'inventaire;Immatriculation;Valeur d'achat",
      'Tables rondes;Nouvelle famille › Mobilier rond;10;IMP-040;;',
      'Chaises;;beaucoup;IMP-041;;',
      'Bancs;;5;IMP-042;;',
      ';;;IMP-043;;',
      'Camion;;;IMP-044;12-AB;',
      'Sono;;;IMP-045;;-12,00',
    )
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report).toMatchObject({ stored: false, created: 0, updated: 0 })
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Quantité'],
      [5, 'Désignation'],
      [6, 'Immatriculation'],
      [7, "Valeur d'achat"],
    ])
    expect(report.errors[0]?.message).toBe(
      'Quantité « beaucoup » : écrivez un nombre entier positif, par exemple 120.',
    )
    expect(report.errors[1]?.message).toBe('Désignation manquante : indiquez le nom de la ressource.')
    expect(report.errors[2]?.message).toBe(
      'Immatriculation « 12-AB » non reconnue : écrivez-la au format AB-123-CD.',
    )
    // The preview still shows the good rows, with the category the import would create.
    expect(report.rows.map((r) => [r.line, r.name, r.category])).toEqual([
      [2, 'Tables rondes', 'Nouvelle famille › Mobilier rond'],
      [4, 'Bancs', null],
    ])
    expect(await resourceCount(api)).toBe(before)
    expect(await api.ok('categories.list', {})).toHaveLength(categoriesBefore)
  })

  it('refuses the same inventory number (without case) or plate twice in one file', async () => {
    const api = makeBackend('demo')
    const before = await resourceCount(api)
    const text = csv(
      "Désignation;Type;N° d'inventaire;Immatriculation",
      'Nacelle A;Matériel;IMP-050;',
      'Nacelle B;Matériel;imp-050;',
      'Fourgon A;Véhicule;;AB-123-CD',
      'Fourgon B;Véhicule;;ab 123 cd',
    )
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report.errors).toEqual([
      {
        line: 3,
        column: "N° d'inventaire",
        message:
          'Le n° d’inventaire « imp-050 » figure déjà ligne 2 : une ressource ne doit figurer qu’une fois dans le fichier : fusionnez les deux lignes ou corrigez le numéro.',
      },
      {
        line: 5,
        column: 'Immatriculation',
        message:
          'L’immatriculation « AB-123-CD » figure déjà ligne 4 : une ressource ne doit figurer qu’une fois dans le fichier : fusionnez les deux lignes ou corrigez le numéro.',
      },
    ])
    expect(report).toMatchObject({ stored: false, created: 0, updated: 0 })
    expect(await resourceCount(api)).toBe(before)
  })

  it('with dryRun, says what would be created and updated, and stores nothing', async () => {
    const api = makeBackend('demo')
    const before = await resourceCount(api)
    const categoriesBefore = (await api.ok('categories.list', {})).length
    const text = csv(
      "Désignation;Catégorie;Quantité;N° d'inventaire",
      'Stand parapluie;Manifestations > Stands;;IMP-060',
      ';;150;PTO-MOB-001',
    )
    const report = await importFile(api, 'inventaire.csv', utf8(text), { dryRun: true })
    expect(report).toMatchObject({ stored: false, created: 1, updated: 1, errors: [] })
    expect(report.rows.map((r) => [r.action, r.name, r.category, r.quantity])).toEqual([
      ['create', 'Stand parapluie', 'Manifestations › Stands', 1],
      ['update', 'Chaises pliantes', 'Manifestations › Chaises et tables', 150],
    ])
    expect(await resourceCount(api)).toBe(before)
    expect(await api.ok('categories.list', {})).toHaveLength(categoriesBefore)
    expect((await byInventoryNumber(api, 'PTO-MOB-001')).quantity).toBe(120)
  })
})

describe('resources.import: updates', () => {
  it('updates the resource with the inventory number (without case), keeping what the row leaves empty, and journals it', async () => {
    const api = makeBackend('demo')
    const before = await byInventoryNumber(api, 'PTO-MOB-001')
    const count = await resourceCount(api)
    const text = csv("Désignation;Quantité;N° d'inventaire;Valeur d'achat", ';150;pto-mob-001;1 800,00')
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report).toMatchObject({ stored: true, created: 0, updated: 1, errors: [] })
    expect(report.rows[0]).toMatchObject({
      action: 'update',
      name: 'Chaises pliantes',
      inventoryNumber: 'PTO-MOB-001',
    })
    const after = await api.ok('resources.get', { id: before.id })
    expect(after).toMatchObject({
      name: 'Chaises pliantes',
      quantity: 150,
      tracking: 'stock',
      inventoryNumber: 'PTO-MOB-001',
      purchaseValueCents: 180000,
      categoryId: before.categoryId,
    })
    expect(await resourceCount(api)).toBe(count)
    const history = await api.ok('resources.history', { id: before.id })
    const entry = history.journal.find((e) => e.action === 'import')
    expect(entry).toMatchObject({ entity: 'resource', entityId: before.id })
    expect(entry?.before).toMatchObject({ quantity: 120 })
    expect(entry?.after).toMatchObject({ quantity: 150 })
  })

  it('updates the vehicle with the plate, written in any form', async () => {
    const api = makeBackend('demo')
    const fourgon = (await api.ok('resources.list', { kind: 'vehicle' })).find(
      (r) => r.plate === 'FR-482-PT',
    )!
    const text = csv(
      'Immatriculation;Désignation;Type;Date d’achat',
      'fr 482 pt;Fourgon Renault Master L2H2;Véhicule;01/06/2021',
    )
    const report = await importFile(api, 'vehicules.csv', utf8(text))
    expect(report).toMatchObject({ stored: true, created: 0, updated: 1, errors: [] })
    expect(await api.ok('resources.get', { id: fourgon.id })).toMatchObject({
      name: 'Fourgon Renault Master L2H2',
      plate: 'FR-482-PT',
      purchaseDate: '2021-06-01',
      odometerKm: fourgon.odometerKm,
    })
  })

  it('counts an update that changes nothing as no update, and journals nothing', async () => {
    const api = makeBackend('demo')
    const chaises = await byInventoryNumber(api, 'PTO-MOB-001')
    const text = csv("Désignation;Quantité;N° d'inventaire", 'Chaises pliantes;120;PTO-MOB-001')
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report).toMatchObject({ stored: true, created: 0, updated: 0, errors: [] })
    expect(report.rows).toHaveLength(1)
    const history = await api.ok('resources.history', { id: chaises.id })
    expect(history.journal.filter((e) => e.action === 'import')).toEqual([])
    expect((await api.ok('resources.get', { id: chaises.id })).updatedAt).toBe(chaises.updatedAt)
  })

  it('updates a resource without inventory number or plate by its name; the same name twice is refused', async () => {
    const api = makeBackend('demo')
    const agent = (await api.ok('resources.list', { kind: 'staff' }))[0]!
    const renamed = agent.name.toUpperCase()
    const report = await importFile(
      api,
      'agents.csv',
      utf8(csv('Désignation;Type;Catégorie', `${renamed};Agent;Agents › Voirie et bâtiments`)),
    )
    expect(report).toMatchObject({ stored: true, created: 0, updated: 1, errors: [] })
    expect(await api.ok('resources.get', { id: agent.id })).toMatchObject({ name: renamed, kind: 'staff' })

    const twice = await importFile(
      api,
      'agents.csv',
      utf8(csv('Désignation;Type', 'Agent saisonnier;Agent', 'agent saisonnier;Agent')),
    )
    expect(twice.errors).toEqual([
      {
        line: 3,
        column: 'Désignation',
        message:
          "« agent saisonnier » figure déjà ligne 2, et aucune des deux lignes n’a de n° d’inventaire : donnez-leur un n° d’inventaire (colonne « N° d'inventaire ») pour les distinguer.",
      },
    ])
  })

  it('refuses to turn a unit item into a stock, or to change a resource’s type', async () => {
    const api = makeBackend('demo')
    const text = csv("Type;Quantité;N° d'inventaire", ';3;PTO-TRV-001', 'Véhicule;;PTO-MOB-002')
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Quantité'],
      [3, 'Type'],
    ])
    expect(report.errors[0]?.message).toContain('est suivie à l’unité')
    expect(report).toMatchObject({ stored: false, updated: 0 })
  })
})

describe('resources.import: columns', () => {
  it('ignores unknown headers, and follows the mapping the user chose', async () => {
    const api = makeBackend('demo')
    const text = csv('Désignation;Observations;Prix;Code', 'Tréteaux;à repeindre;12,00;TR-1')
    const bytes = utf8(text)
    const plain = await importFile(api, 'inventaire.csv', bytes, { dryRun: true })
    expect(plain.mapping).toEqual({ Désignation: 'name', Observations: null, Prix: null, Code: null })
    expect(plain.rows[0]).toMatchObject({ name: 'Tréteaux', purchaseValueCents: null, inventoryNumber: null })

    const mapped = await importFile(api, 'inventaire.csv', bytes, {
      dryRun: true,
      mapping: { Prix: 'purchaseValue', Code: 'inventoryNumber', Désignation: null, Observations: 'name' },
    })
    expect(mapped.mapping).toEqual({
      Désignation: null,
      Observations: 'name',
      Prix: 'purchaseValue',
      Code: 'inventoryNumber',
    })
    expect(mapped.rows[0]).toMatchObject({
      name: 'à repeindre',
      purchaseValueCents: 1200,
      inventoryNumber: 'TR-1',
    })
  })

  it('refuses a field filled by two columns, and a file whose headers it cannot read', async () => {
    const api = makeBackend('demo')
    const twice = await importFile(api, 'a.csv', utf8(csv('Désignation;Nom', 'A;B')))
    expect(twice.errors).toEqual([
      {
        line: 1,
        column: 'Nom',
        message:
          'Les colonnes « Désignation » et « Nom » remplissent toutes deux « Désignation » : choisissez d’ignorer l’une d’elles.',
      },
    ])
    const noHeaders = await importFile(api, 'b.csv', utf8(csv('Chaises;120', 'Tables;30')))
    expect(noHeaders).toMatchObject({ stored: false, created: 0, rows: [] })
    expect(noHeaders.errors[0]?.line).toBe(1)
    expect(noHeaders.errors[0]?.message).toContain('la première ligne du fichier doit contenir les en-têtes')
  })
})

describe('resources.import: categories', () => {
  it('matches categories without case or accents, and creates unknown ones under their parent', async () => {
    const api = makeBackend('demo')
    const text = csv(
      "Désignation;Catégorie;N° d'inventaire",
      'Barrière 1;manifestations / BARRIERES ET GRILLES;IMP-070',
      'Stand 1;Manifestations › Stands;IMP-071',
      'Stand 2;MANIFESTATIONS › stands;IMP-072',
      'Drone;Audiovisuel;IMP-073',
      'Camion;Véhicules › Poids lourds;IMP-074',
    )
    const report = await importFile(api, 'inventaire.csv', utf8(text))
    expect(report.rows.map((r) => r.category)).toEqual([
      'Manifestations › Barrières et grilles',
      'Manifestations › Stands',
      'Manifestations › Stands',
      'Audiovisuel',
    ])
    // A vehicle category for equipment is refused, so nothing was created.
    expect(report.errors).toEqual([
      {
        line: 6,
        column: 'Catégorie',
        message:
          'La catégorie « Véhicules » est faite pour les véhicules, pas pour le matériel : choisissez une autre catégorie ou un autre nom.',
      },
    ])
    const fixed = await importFile(
      api,
      'inventaire.csv',
      utf8(text.replace('Camion;Véhicules › Poids lourds', 'Camion;')),
    )
    expect(fixed).toMatchObject({ stored: true, created: 5, errors: [] })
    const categories = await api.ok('categories.list', {})
    const manifestations = categories.find((c) => c.name === 'Manifestations')
    expect(categories.filter((c) => c.name === 'Stands')).toMatchObject([
      { name: 'Stands', parentId: manifestations?.id, kind: 'equipment' },
    ])
    expect(categories.filter((c) => c.name === 'Audiovisuel')).toMatchObject([
      { parentId: null, kind: 'equipment' },
    ])
  })
})

describe('resources.import: XLSX', () => {
  it('reads the first worksheet: date cells as the day they show, numbers as euros, texts as in CSV', async () => {
    const api = makeBackend('demo')
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Inventaire')
    workbook.addWorksheet('Autre').addRow(['Désignation'])
    sheet.addRow([
      'Désignation',
      'Type',
      'Quantité',
      "N° d'inventaire",
      "Date d'achat",
      "Valeur d'achat",
      'Tarif journalier',
    ])
    sheet.addRow([
      'Tables pliantes 1,80 m',
      'Matériel',
      24,
      'IMP-080',
      new Date(Date.UTC(2027, 3, 3)),
      1250.5,
      '12,50 €',
    ])
    sheet.addRow(['Broyeur', 'Matériel', null, 4081, '03/04/2027', { formula: 'B1', result: 3200 }, 60])
    sheet.addRow([])
    sheet.addRow([
      { richText: [{ text: 'Tente ' }, { text: 'pliante', font: { bold: true } }] },
      null,
      2,
      'IMP-082',
    ])
    sheet.getCell('E2').numFmt = 'dd/mm/yyyy'
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const report = await importFile(api, 'Inventaire.XLSX', bytes)
    expect(report.errors).toEqual([])
    expect(
      report.rows.map((r) => [
        r.line,
        r.name,
        r.quantity,
        r.inventoryNumber,
        r.purchaseDate,
        r.purchaseValueCents,
        r.dailyRateCents,
      ]),
    ).toEqual([
      [2, 'Tables pliantes 1,80 m', 24, 'IMP-080', '2027-04-03', 125050, 1250],
      [3, 'Broyeur', 1, '4081', '2027-04-03', 320000, 6000],
      [5, 'Tente pliante', 2, 'IMP-082', null, null, null],
    ])
    expect(report).toMatchObject({ stored: true, created: 3 })
  })
})

describe('resources.import: files it cannot read', () => {
  it('refuses bad base64, an unknown extension, an empty file and a fake XLSX with INVALID_INPUT', async () => {
    const api = makeBackend('demo')
    const fail = (fileName: string, contentBase64: string) =>
      api.fail('resources.import', { fileName, contentBase64 })
    const someCsv = utf8(csv('Désignation', 'A')).toString('base64')

    expect(await fail('a.csv', 'pas du base64 !')).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await fail('a.csv', 'QUJD=A')).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await fail('a.csv', 'A')).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'Le contenu du fichier est illisible (transmission incomplète) : choisissez le fichier à nouveau.',
    })
    expect(await fail('inventaire.pdf', someCsv)).toMatchObject({ code: 'INVALID_INPUT' })
    expect((await fail('inventaire', someCsv)).message).toContain('n’est pas un tableur CSV ou XLSX')
    expect((await fail('inventaire.xls', someCsv)).message).toContain('Classeur Excel (.xlsx)')
    expect(await fail('vide.csv', '')).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Le fichier est vide : choisissez le fichier qui contient l’inventaire.',
    })
    expect(await fail('blanc.csv', utf8('\uFEFF\r\n;;\r\n').toString('base64'))).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect((await fail('faux.xlsx', someCsv)).message).toContain('n’est pas un vrai classeur .xlsx')
    expect((await fail('abime.xlsx', Buffer.from('PK\x03\x04 abîmé').toString('base64'))).message).toContain(
      'illisible ou endommagé',
    )
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect((await fail('ancien.xlsx', ole.toString('base64'))).message).toContain('Excel 97-2003')
  })

  it('reports a quote never closed with its line', async () => {
    const api = makeBackend('demo')
    const report = await importFile(
      api,
      'a.csv',
      utf8(csv('Désignation;Quantité', 'Chaises;10', '"Tables;30', 'Bancs;5')),
    )
    expect(report).toMatchObject({ stored: false, created: 0 })
    expect(report.errors.map((e) => e.line)).toContain(3)
  })
})

describe('resources.import: Windows-1252 built in the test', () => {
  it('tells UTF-8 from Windows-1252 byte by byte', async () => {
    const api = makeBackend('demo')
    const text = csv("Désignation;Valeur d'achat", 'Barrière;1 250,00 €')
    const cp1252 = iconv.encode(text, 'win1252')
    expect([...cp1252.subarray(cp1252.indexOf(0x80) - 1, cp1252.indexOf(0x80) + 1)]).toEqual([0x20, 0x80])
    const fromCp1252 = await importFile(api, 'a.csv', cp1252, { dryRun: true })
    const fromUtf8 = await importFile(api, 'a.csv', utf8(text), { dryRun: true })
    expect(fromCp1252.rows).toEqual(fromUtf8.rows)
    expect(fromCp1252.rows[0]).toMatchObject({ name: 'Barrière', purchaseValueCents: 125000 })
  })
})
