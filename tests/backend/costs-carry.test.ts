/**
 * Nothing owed falls between statements, and nothing is billed twice: a booking accepted after the
 * statement of its first day, an item added to a booking already billed, a booking moved after it was
 * billed, a damage charged on a day an issued statement covers. Amounts by hand (Montpellier 2014
 * rates, docs/data/montpellier-2014-tarifs.md): chairs 0,31 €/day, podium 24 m² × 7,80 €/m²/day,
 * van 7 €/h in quarter hours.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clockedBackend, pricedInventory, type ClockedApi } from './costs-helpers'
import { tempDir } from './helpers'

const NBSP = '\u00a0'

/** The text of a statement's PDF (pdftotext), or null without poppler-utils. */
async function pdfText(api: ClockedApi, id: string): Promise<string | null> {
  try {
    execFileSync('which', ['pdftotext'], { stdio: 'ignore' })
  } catch {
    return null
  }
  const file = await api.ok('statements.export', { id, format: 'pdf' })
  const path = join(tempDir(), file.fileName)
  writeFileSync(path, Buffer.from(file.contentBase64, 'base64'))
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

/** Tiffauges' lines of a report: [reference, resource, amount, detail]. */
async function reportLines(api: ClockedApi, communeId: string, from: string, to: string) {
  const report = await api.ok('reports.costs', { from, to, communeId })
  return (report.communes[0]?.lines ?? []).map((l) => [
    l.bookingReference,
    l.resourceName,
    l.amountCents,
    l.detail,
  ])
}

describe('statements never lose a line', () => {
  it('bill a booking accepted after the statement of its first day on the next statement, once', async () => {
    const api = clockedBackend('2027-06-02T08:00:00Z')
    const f = await pricedInventory(api)
    await api.ok('resources.update', { id: f.van.id, requiresApproval: true })
    const book = (title: string, start: string, end: string, resourceId: string, quantity?: number) =>
      api.ok('bookings.create', {
        communeId: f.tiffauges.id,
        title,
        start,
        end,
        items: [{ resourceId, quantity }],
      })
    const chairs = await book('Fête de la musique', '2027-05-14', '2027-05-17', f.chairs.id, 40)
    const van = await book('Transport des tables', '2027-05-20T08:00', '2027-05-20T11:10', f.van.id)
    expect(van.status).toBe('requested')
    const kermesse = await book('Kermesse', '2027-06-05', '2027-06-06', f.chairs.id, 40)

    // May is billed while the van is still a request: 40 × 4 days × 0,31 € = 49,60 €.
    const may = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-05-01',
      to: '2027-05-31',
    })
    expect([may.number, may.totalCents, may.lines.length]).toEqual(['REL-2027-0001', 4960, 1])

    // Then the hub accepts it: 3 h 10 → 3 h 15 × 7 € = 22,75 €, owed, on the next statement.
    await api.ok('bookings.approve', { id: van.id })
    const vanDetail = `3 h 15 × 7,00${NBSP}€`
    expect(await reportLines(api, f.tiffauges.id, '2027-05-01', '2027-05-31')).toEqual([
      [chairs.reference, 'Chaises pliantes', 4960, `40 × 4 jours × 0,31${NBSP}€`],
      [van.reference, 'Fourgon Renault Master', 2275, vanDetail],
    ])
    const carried = `${vanDetail} — reporté : absent du relevé REL-2027-0001, qui couvre ce jour`
    expect(await reportLines(api, f.tiffauges.id, '2027-06-01', '2027-06-30')).toEqual([
      [van.reference, 'Fourgon Renault Master', 2275, carried],
      [kermesse.reference, 'Chaises pliantes', 2480, `40 × 2 jours × 0,31${NBSP}€`],
    ])
    const june = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-06-01',
      to: '2027-06-30',
    })
    // 22,75 € + 40 × 2 days × 0,31 € = 47,55 €.
    expect([june.number, june.totalCents]).toEqual(['REL-2027-0002', 4755])
    expect(june.lines.map((l) => [l.date, l.bookingReference, l.amountCents, l.detail])).toEqual([
      ['2027-05-20', van.reference, 2275, carried],
      ['2027-06-05', kermesse.reference, 2480, `40 × 2 jours × 0,31${NBSP}€`],
    ])
    // The printed statement says why a May booking is on it.
    const printed = await pdfText(api, june.id)
    if (printed !== null)
      expect(printed).toContain('Reporté : absent du relevé REL-2027-0001, qui couvre ce jour')

    // Billed once: May's report shows what May's statement holds, June's what June's holds.
    expect(await reportLines(api, f.tiffauges.id, '2027-05-01', '2027-05-31')).toEqual([
      [chairs.reference, 'Chaises pliantes', 4960, `40 × 4 jours × 0,31${NBSP}€`],
    ])
    expect((await reportLines(api, f.tiffauges.id, '2027-06-01', '2027-06-30'))[0]).toEqual([
      van.reference,
      'Fourgon Renault Master',
      2275,
      `${vanDetail} — facturé sur le relevé REL-2027-0002`,
    ])
    expect(
      (
        await api.fail('statements.issue', {
          communeId: f.tiffauges.id,
          from: '2027-07-01',
          to: '2027-07-31',
        })
      ).message,
    ).toBe(
      'Rien à facturer à Tiffauges du 01/07/2027 au 31/07/2027 : aucune réservation acceptée, sortie ou rendue, ni dégât confirmé.',
    )
  })

  it('bill an item added after billing on the next statement, and a booking moved after billing never twice', async () => {
    const api = clockedBackend('2027-06-02T08:00:00Z')
    const f = await pricedInventory(api)
    const book = (title: string, start: string, end: string, quantity: number) =>
      api.ok('bookings.create', {
        communeId: f.tiffauges.id,
        title,
        start,
        end,
        items: [{ resourceId: f.chairs.id, quantity }],
      })
    const fete = await book('Fête de la musique', '2027-05-14', '2027-05-17', 40)
    const loto = await book('Loto', '2027-05-03', '2027-05-03', 10)
    // 40 × 4 × 31 + 10 × 1 × 31 = 4 960 + 310.
    const may = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-05-01',
      to: '2027-05-31',
    })
    expect(may.totalCents).toBe(5270)

    // The podium is added to the fête, the loto moves to June: both after May was billed.
    await api.ok('bookings.update', {
      id: fete.id,
      items: [
        { resourceId: f.chairs.id, quantity: 40 },
        { resourceId: f.podium.id, quantity: 1 },
      ],
    })
    await api.ok('bookings.update', { id: loto.id, start: '2027-06-12', end: '2027-06-12' })
    const june = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-06-01',
      to: '2027-06-30',
    })
    // Only the podium: 24 m² × 4 days × 7,80 € = 748,80 €; the loto's chairs are on REL-2027-0001.
    expect(june.lines.map((l) => [l.bookingReference, l.resourceName, l.amountCents, l.detail])).toEqual([
      [
        fete.reference,
        'Podium 6 × 4 m',
        74_880,
        `24 m² × 4 jours × 7,80${NBSP}€/m² — reporté : absent du relevé REL-2027-0001, qui couvre ce jour`,
      ],
    ])
    expect(june.totalCents).toBe(74_880)
    // The reports place each billed line with the statement that bills it.
    // (the loto keeps its new date, 12/06, and sorts after the fête).
    expect(await reportLines(api, f.tiffauges.id, '2027-05-01', '2027-05-31')).toEqual([
      [fete.reference, 'Chaises pliantes', 4960, `40 × 4 jours × 0,31${NBSP}€`],
      [
        loto.reference,
        'Chaises pliantes',
        310,
        `10 × 1 jour × 0,31${NBSP}€ — facturé sur le relevé REL-2027-0001`,
      ],
    ])
    expect((await api.ok('reports.costs', { from: '2027-06-01', to: '2027-06-30' })).totalCents).toBe(74_880)
  })

  it('bill a damage charged on a day an issued statement covers on the next statement', async () => {
    const api = clockedBackend('2027-06-02T08:00:00Z')
    const f = await pricedInventory(api)
    const chairs = await api.ok('bookings.create', {
      communeId: f.tiffauges.id,
      title: 'Fête de la musique',
      start: '2027-05-14',
      end: '2027-05-17',
      items: [{ resourceId: f.chairs.id, quantity: 40 }],
    })
    await api.ok('bookings.checkOut', { id: chairs.id, at: '2027-05-14T08:00' })
    await api.ok('bookings.return', {
      id: chairs.id,
      at: '2027-05-17T18:00',
      items: [{ resourceId: f.chairs.id, returnedQuantity: 38, damagedQuantity: 1 }],
    })
    // June is billed on its second day, ahead of its end.
    const june = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-05-01',
      to: '2027-06-30',
    })
    expect([june.number, june.totalCents]).toEqual(['REL-2027-0001', 4960])
    // On 10/06 the manager charges 2 missing + 1 damaged at 2 160 € ÷ 120 = 18 € each: 54 €.
    api.setNow(Date.parse('2027-06-10T08:00:00Z'))
    await api.ok('costs.confirmDamage', { bookingId: chairs.id, resourceId: f.chairs.id, quantity: 3 })
    const detail = `3 × 18,00${NBSP}€ (abîmé ou manquant, valeur de remplacement)`
    expect(await reportLines(api, f.tiffauges.id, '2027-06-01', '2027-06-30')).toEqual([
      [chairs.reference, 'Chaises pliantes', 5400, detail],
    ])
    const july = await api.ok('statements.issue', {
      communeId: f.tiffauges.id,
      from: '2027-07-01',
      to: '2027-07-31',
    })
    expect(july.lines.map((l) => [l.kind, l.date, l.amountCents, l.detail])).toEqual([
      [
        'damage',
        '2027-06-10',
        5400,
        `${detail} — reporté : décidé le 10/06/2027, facturé sur aucun relevé jusqu’ici`,
      ],
    ])
    expect([july.number, july.totalCents]).toEqual(['REL-2027-0002', 5400])
    expect(await reportLines(api, f.tiffauges.id, '2027-06-01', '2027-06-30')).toEqual([])
    expect(await reportLines(api, f.tiffauges.id, '2027-07-01', '2027-07-31')).toEqual([
      [chairs.reference, 'Chaises pliantes', 5400, `${detail} — facturé sur le relevé REL-2027-0002`],
    ])
    // Billed: the decision is closed.
    expect(await api.ok('costs.damages', { bookingId: chairs.id })).toMatchObject([
      { decision: 'charge', quantity: 3, statementNumber: 'REL-2027-0002' },
    ])
    expect(
      (
        await api.fail('costs.confirmDamage', {
          bookingId: chairs.id,
          resourceId: f.chairs.id,
          quantity: 0,
          reason: 'Geste commercial',
        })
      ).message,
    ).toBe(
      'Ce dégât figure déjà sur le relevé REL-2027-0002, qui ne change plus : une correction se fait sur un prochain relevé.',
    )
  })
})
