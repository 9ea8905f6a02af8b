/**
 * Statements: issued, numbered, frozen (a rate changed afterwards moves nothing), refused twice for
 * the same days, exported as XLSX (read back with exceljs) and as PDF (text with pdftotext, page 1 as
 * test-artifacts/screenshots/releve-tiffauges.png to be looked at).
 */
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { clockedBackend, pricedInventory, type ClockedApi } from './costs-helpers'
import { pdfText, poppler, screenshot } from './pdf-helpers'

async function mayOfTiffauges(api: ClockedApi) {
  const f = await pricedInventory(api)
  const book = (title: string, start: string, end: string, resourceId: string, quantity?: number) =>
    api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title,
      start,
      end,
      items: [{ resourceId, quantity }],
    })
  const chairs = await book('Fête de la musique', '2027-05-14', '2027-05-17', f.chairs.id, 40)
  await book('Bal du samedi', '2027-05-15T18:00', '2027-05-16T02:00', f.agent.id)
  await book('Transport des tables', '2027-05-20T08:00', '2027-05-20T11:10', f.van.id)
  await book('Concert de l’école de musique', '2027-05-22', '2027-05-23', f.podium.id)
  return { ...f, chairsBooking: chairs }
}

describe('statements', () => {
  it('freeze Tiffauges’ May under REL-2027-0001: a rate changed afterwards moves nothing', async () => {
    const api = clockedBackend('2027-06-02T08:00:00Z')
    const f = await mayOfTiffauges(api)
    const issued = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-05-01',
      to: '2027-05-31',
    })
    expect(issued).toMatchObject({
      number: 'REL-2027-0001',
      communeName: 'Tiffauges',
      inseeCode: '85293',
      from: '2027-05-01',
      to: '2027-05-31',
      issuedAt: '2027-06-02T08:00:00.000Z',
      issuedBy: 'administrateur local',
      // 4 960 + 5 400 + 6 750 + 5 400 + 2 275 + 37 440 = 62 225 cents.
      totalCents: 62_225,
    })
    expect(issued.lines).toHaveLength(6)

    // The chairs cost 0,40 €/day from 16/05: the statement does not move…
    api.setNow(Date.parse('2027-06-10T08:00:00Z'))
    await api.ok('rates.set', {
      resourceId: f.chairs.id,
      unit: 'day',
      amountCents: 40,
      validFrom: '2027-05-16',
    })
    expect(await api.ok('statements.get', { id: issued.id })).toEqual(issued)
    // …the booking of 14/05 keeps the rate of its first day in a new report…
    const may = await api.ok('reports.costs', { from: '2027-05-01', to: '2027-05-31' })
    expect(may.communes[0]?.lines[0]).toMatchObject({ rateCents: 31, amountCents: 4960 })
    // …and a loan from 16/05 on is counted at the new rate: 40 chairs × 2 days × 40 = 3 200.
    await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Kermesse',
      start: '2027-06-05',
      end: '2027-06-06',
      items: [{ resourceId: f.chairs.id, quantity: 40 }],
    })
    const june = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-06-01',
      to: '2027-06-30',
    })
    expect([june.number, june.totalCents]).toEqual(['REL-2027-0002', 3200])

    expect(
      (
        await api.fail('statements.issue', {
          communeId: f.tiffauges.id,
          from: '2027-05-31',
          to: '2027-06-15',
        })
      ).message,
    ).toBe(
      'Le relevé REL-2027-0001 couvre déjà Tiffauges du 01/05/2027 au 31/05/2027 : choisissez une période qui ne le ' +
        'chevauche pas (chaque réservation n’est facturée qu’une fois).',
    )
    expect(
      (
        await api.fail('statements.issue', {
          communeId: f.gaubretiere.id,
          from: '2027-05-01',
          to: '2027-05-31',
        })
      ).message,
    ).toBe(
      'Rien à facturer à La Gaubretière du 01/05/2027 au 31/05/2027 : aucune réservation acceptée, sortie ou rendue, ni dégât confirmé.',
    )
    expect(
      (await api.ok('statements.list', { communeId: f.tiffauges.id })).map((s) => [s.number, s.lineCount]),
    ).toEqual([
      ['REL-2027-0002', 1],
      ['REL-2027-0001', 6],
    ])
    const journal = await api.ok('journal.list', { entityId: issued.id })
    expect(
      journal.entries.map((e) => [e.entity, e.action, e.actor, (e.after as { number: string }).number]),
    ).toEqual([['statement', 'issue', 'administrateur local', 'REL-2027-0001']])

    // Not even SQL can change an issued statement.
    const raw = new Database(api.backend.databasePath)
    expect(() => raw.prepare('UPDATE statements SET total_cents = 0').run()).toThrow(
      'Un relevé émis ne se modifie pas.',
    )
    expect(() => raw.prepare('DELETE FROM statement_lines').run()).toThrow(
      'Un relevé émis ne se supprime pas.',
    )
    raw.close()
  })

  it('export a statement as XLSX with numbers, dates and a SUM total', async () => {
    const api = clockedBackend('2027-06-02T08:00:00Z')
    const f = await mayOfTiffauges(api)
    const issued = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-05-01',
      to: '2027-05-31',
    })
    const file = await api.ok('statements.export', { id: issued.id, format: 'xlsx' })
    expect(file.fileName).toBe('releve-REL-2027-0001-tiffauges.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Relevé')!
    expect(sheet.getCell('B3').value).toBe('Commune de Tiffauges')
    expect(sheet.getCell('B4').value).toBe('85293')
    expect(sheet.getCell('B5').value).toBe('REL-2027-0001')
    expect(sheet.getCell('B6').value).toBe('du 01/05/2027 au 31/05/2027')
    expect(sheet.getRow(9).values).toEqual([
      undefined,
      'Date',
      'Réservation',
      'Objet',
      'Période',
      'Ressource',
      'Nature',
      'Quantité',
      'Unités comptées',
      'Unité',
      'Surface (m²)',
      'Tarif',
      'Majoration (%)',
      'Gratuit',
      'Montant',
      'Détail',
    ])
    const first = sheet.getRow(10)
    expect(first.getCell(1).value).toEqual(new Date('2027-05-14T00:00:00Z'))
    expect([
      first.getCell(5).value,
      first.getCell(7).value,
      first.getCell(8).value,
      first.getCell(11).value,
      first.getCell(14).value,
    ]).toEqual(['Chaises pliantes', 40, 4, 0.31, 49.6])
    expect(sheet.getCell('N16').value).toEqual({ formula: 'SUM(N10:N15)', result: 622.25 })
    expect(workbook.getWorksheet('Règles')?.getCell('A2').value).toMatch(/^1\. Réservations comptées/)
  })

  it.skipIf(!poppler)(
    'print a statement a town hall files: organisation, commune, period, number, table, total, rules',
    async () => {
      const api = clockedBackend('2027-06-02T08:00:00Z')
      const f = await mayOfTiffauges(api)
      const issued = await api.ok('statements.issue', {
        communeId: f.tiffauges.id,
        from: '2027-05-01',
        to: '2027-05-31',
      })
      const file = await api.ok('statements.export', { id: issued.id, format: 'pdf' })
      expect(file.fileName).toBe('releve-REL-2027-0001-tiffauges.pdf')
      const pdf = Buffer.from(file.contentBase64, 'base64')
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const text = pdfText(pdf)
      for (const expected of [
        'COMMUNAUTÉ DE COMMUNES DU PAYS DE MORTAGNE',
        'Pôle technique Ouest',
        'Commune de Tiffauges',
        'Code INSEE 85293',
        'RELEVÉ DE REFACTURATION',
        'Numéro REL-2027-0001 Émis le 02/06/2027',
        'Période du 01/05/2027 au 31/05/2027',
        'Total dû 622,25 €',
        'Arrêté le présent relevé à la somme de 622,25 €.',
        'Règles de décompte',
      ]) {
        expect(text).toContain(expected)
      }
      screenshot(pdf, 'releve-tiffauges')
    },
  )
})
