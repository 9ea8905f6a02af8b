/**
 * `planning.pdf`: the week's planning as an A4 landscape PDF. The PDF is checked as bytes (magic
 * number, page size, page count) and, where poppler-utils is installed, as text (pdftotext) and as an
 * image (pdftoppm), kept in test-artifacts/screenshots/planning-semaine.png to be looked at.
 */
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  buildPlanning,
  frenchRange,
  isoWeekOf,
  type PlanningResource,
} from '../../electron/backend/services/planning-model'
import { planningTitle } from '../../electron/backend/services/planning-pdf'
import type { Resource } from '../../shared/domain/types'
import { makeBackend, type TestApi } from './helpers'
import { pageCount, pdfText, poppler, screenshot } from './pdf-helpers'

function pdfBytes(contentBase64: string): Buffer {
  return Buffer.from(contentBase64, 'base64')
}

function byName(resources: readonly Resource[], name: string): Resource {
  const found = resources.find((r) => r.name === name)
  if (!found) throw new Error(name)
  return found
}

/** The demo inventory, and a week of May 2027 with Ascension (Thu 6) and 8 mai (Sat 8). */
async function mayWeek(api: TestApi) {
  const communes = await api.ok('communes.list', {})
  const commune = (name: string) => communes.find((c) => c.name === name)!.id
  const resources = await api.ok('resources.list', {})
  const r = (name: string) => byName(resources, name).id
  const book = (
    communeName: string,
    title: string,
    start: string,
    end: string,
    items: { resourceId: string; quantity?: number }[],
  ) => api.ok('bookings.create', { communeId: commune(communeName), title, start, end, items })
  // The lorry passed its contrôle technique in April.
  await api.ok('resources.update', { id: r('Camion benne 19 t'), nextInspectionDate: '2028-04-20' })
  const fete = await book('Tiffauges', 'Fête du printemps', '2027-05-07', '2027-05-09', [
    { resourceId: r('Chaises pliantes'), quantity: 80 },
    { resourceId: r('Tables pliantes 2 m'), quantity: 12 },
    { resourceId: r('Podium 24 m² (6 × 4 m)') },
  ])
  const commemoration = await book('La Gaubretière', 'Commémoration du 8 mai', '2027-05-08', '2027-05-08', [
    { resourceId: r('Chaises pliantes'), quantity: 30 },
    { resourceId: r('Sonorisation portable') },
  ])
  const elagage = await book(
    'Saint-Martin-des-Tilleuls',
    'Élagage des tilleuls',
    '2027-05-04T08:00',
    '2027-05-04T12:00',
    [{ resourceId: r('Camion benne 19 t') }, { resourceId: r('Agent voirie n° 1') }],
  )
  const nuit = await book('Les Landes-Genusson', 'Travaux de nuit', '2027-05-05T20:00', '2027-05-06T06:00', [
    { resourceId: r('Fourgon Renault Master') },
  ])
  const demande = await book(
    'Saint-Aubin-des-Ormeaux',
    'Broyage des haies',
    '2027-05-03T13:30',
    '2027-05-03T17:00',
    [{ resourceId: r('Broyeur de végétaux') }, { resourceId: r('Agent espaces verts n° 1') }],
  )
  const db = new Database(api.backend.databasePath)
  db.prepare("UPDATE bookings SET status = 'requested' WHERE id = ?").run(demande.id)
  db.close()
  await api.ok('unavailabilities.create', {
    resourceId: r('Mini-pelle 2,5 t'),
    kind: 'repair',
    reason: 'Flexible hydraulique',
    start: '2027-05-03',
    end: '2027-05-05',
  })
  const annulee = await book('Tiffauges', 'Annulée', '2027-05-04', '2027-05-04', [
    { resourceId: r('Bancs'), quantity: 10 },
  ])
  await api.ok('bookings.cancel', { id: annulee.id })
  return { fete, commemoration, elagage, nuit, demande, annulee, commune, r }
}

describe('planning.pdf', () => {
  it('prints the ISO week containing `from` as an A4 landscape PDF, and shows it as an image', async () => {
    const api = makeBackend('demo')
    const week = await mayWeek(api)
    const file = await api.ok('planning.pdf', { from: '2027-05-05' })
    expect(file.fileName).toBe('planning-semaine-2027-05-03.pdf')
    const pdf = pdfBytes(file.contentBase64)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/)
    // A4 landscape: 841.89 × 595.28 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/)
    expect(pageCount(pdf)).toBe(1)

    if (!poppler) return
    const text = pdfText(pdf, { joinHyphenated: true })
    expect(text).toContain('Planning du pôle technique Ouest — semaine du 3 au 9 mai 2027')
    expect(text).toContain('page 1/1')
    expect(text).toContain('Imprimé le 29/11/2026 à 11:00')
    for (const mark of ['férié : Ascension', 'férié : Fête de la Victoire 1945', 'week-end', 'Légende']) {
      expect(text).toContain(mark)
    }
    expect(text).toContain(`${week.fete.reference} Tiffauges (80)`)
    expect(text).toContain(`${week.demande.reference} Saint-Aubin-des-Ormeaux (1) (demandée)`)
    expect(text).toMatch(/dès 20:00/)
    expect(text).toMatch(/jusqu’à 06:00/)
    expect(text).toContain('Indisponible : réparation — Flexible hydraulique')
    expect(text).not.toContain(week.annulee.reference)
    for (const group of ['MATÉRIEL', 'VÉHICULES', 'AGENTS']) expect(text).toContain(group)

    expect(existsSync(screenshot(pdf, 'planning-semaine', 110))).toBe(true)
  })

  it('titles the week like the hub says it, and flows onto several pages numbered « page n/N »', async () => {
    const api = makeBackend('empty')
    const communes = await api.ok('communes.list', {})
    const tiffauges = communes.find((c) => c.name === 'Tiffauges')!
    for (let i = 1; i <= 45; i++) {
      const resource = await api.ok('resources.create', {
        kind: 'equipment',
        name: `Barnum n° ${String(i).padStart(2, '0')}`,
      })
      await api.ok('bookings.create', {
        communeId: tiffauges.id,
        title: `Marché ${i}`,
        start: '2027-06-15',
        end: '2027-06-18',
        items: [{ resourceId: resource.id }],
      })
    }
    const file = await api.ok('planning.pdf', { from: '2027-06-20' })
    expect(file.fileName).toBe('planning-semaine-2027-06-14.pdf')
    const pdf = pdfBytes(file.contentBase64)
    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThan(1)
    if (!poppler) return
    const text = pdfText(pdf, { joinHyphenated: true })
    expect(text).toContain('Planning du pôle technique Ouest — semaine du 14 au 20 juin 2027')
    expect(text).toContain(`page 1/${pages}`)
    expect(text).toContain(`page ${pages}/${pages}`)
    // The header row repeats on every page.
    expect(text.split('Ressource').length - 1).toBeGreaterThanOrEqual(pages)
  })

  it('keeps one commune, one kind, and says when nothing is planned', async () => {
    const api = makeBackend('demo')
    const week = await mayWeek(api)
    const tiffauges = await api.ok('planning.pdf', {
      from: '2027-05-03',
      communeId: week.commune('Tiffauges'),
    })
    const vehicles = await api.ok('planning.pdf', { from: '2027-05-03', kind: 'vehicle' })
    const empty = await api.ok('planning.pdf', { from: '2030-01-07' })
    for (const file of [tiffauges, vehicles, empty]) {
      expect(pdfBytes(file.contentBase64).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    }
    if (!poppler) return
    const t = pdfText(pdfBytes(tiffauges.contentBase64), { joinHyphenated: true })
    expect(t).toContain('Réservations de Tiffauges')
    expect(t).toContain(week.fete.reference)
    expect(t).not.toContain(week.commemoration.reference)
    expect(t).not.toContain('Mini-pelle') // only unavailable, not booked by Tiffauges
    const v = pdfText(pdfBytes(vehicles.contentBase64), { joinHyphenated: true })
    expect(v).toContain('Camion benne 19 t')
    expect(v).toContain('Fourgon Renault Master')
    expect(v).not.toContain('Chaises pliantes')
    expect(pdfText(pdfBytes(empty.contentBase64), { joinHyphenated: true })).toContain(
      'Aucune réservation ni indisponibilité sur cette période.',
    )
  })

  it('prints a range of days when `to` is given, and refuses more than 7 days (one page width) or a reversed range', async () => {
    const api = makeBackend('demo')
    await mayWeek(api)
    const file = await api.ok('planning.pdf', { from: '2027-05-06', to: '2027-05-09' })
    expect(file.fileName).toBe('planning-2027-05-06-au-2027-05-09.pdf')
    if (poppler)
      expect(pdfText(pdfBytes(file.contentBase64), { joinHyphenated: true })).toContain(
        'Planning du pôle technique Ouest — du 6 au 9 mai 2027',
      )
    expect((await api.fail('planning.pdf', { from: '2027-05-01', to: '2027-05-08' })).message).toBe(
      'Saisie invalide (fin de la période) : Le planning s’imprime par semaine : 7 jours au plus à la fois.',
    )
    await api.ok('planning.pdf', { from: '2027-05-01', to: '2027-05-07' })
    expect((await api.fail('planning.pdf', { from: '2027-05-09', to: '2027-05-01' })).code).toBe(
      'INVALID_INPUT',
    )
    expect((await api.fail('planning.pdf', { from: '09/05/2027' })).code).toBe('INVALID_INPUT')
    expect(
      (
        await api.fail('planning.pdf', {
          from: '2027-05-01',
          communeId: '7b0c8a9e-6d4f-4a51-9d8e-0a1b2c3d4e5f',
        })
      ).code,
    ).toBe('NOT_FOUND')
  })
})

describe('planning model', () => {
  it('names weeks in French across months and years', () => {
    expect(isoWeekOf('2027-06-16')).toEqual([
      '2027-06-14',
      '2027-06-15',
      '2027-06-16',
      '2027-06-17',
      '2027-06-18',
      '2027-06-19',
      '2027-06-20',
    ])
    expect(isoWeekOf('2027-06-14')[0]).toBe('2027-06-14')
    expect(isoWeekOf('2027-06-20')[0]).toBe('2027-06-14')
    expect(frenchRange('2027-06-14', '2027-06-20')).toBe('du 14 au 20 juin 2027')
    expect(frenchRange('2027-06-28', '2027-07-04')).toBe('du 28 juin au 4 juillet 2027')
    expect(frenchRange('2026-12-28', '2027-01-03')).toBe('du 28 décembre 2026 au 3 janvier 2027')
    expect(frenchRange('2027-03-01', '2027-03-07')).toBe('du 1er au 7 mars 2027')
    expect(planningTitle('Pôle technique Ouest', isoWeekOf('2027-06-16'), true)).toBe(
      'Planning du pôle technique Ouest — semaine du 14 au 20 juin 2027',
    )
  })

  it('puts a timed booking in each day it touches, with its Paris hours, and groups rows by kind', () => {
    const resources: PlanningResource[] = [
      { id: 'v', name: 'Fourgon', kind: 'vehicle', stock: false, quantity: 1, detail: '' },
      { id: 'c', name: 'Chaises', kind: 'equipment', stock: true, quantity: 120, detail: '' },
      { id: 'x', name: 'Libre', kind: 'equipment', stock: false, quantity: 1, detail: '' },
    ]
    const days = isoWeekOf('2027-07-14')
    const model = buildPlanning(
      days,
      new Map([['2027-07-14', 'Fête Nationale de la France']]),
      resources,
      [
        {
          id: 'b1',
          reference: 'RES-2027-0001',
          title: 'Travaux de nuit',
          status: 'approved',
          communeName: 'Tiffauges',
          start: Date.parse('2027-07-13T18:00:00Z'), // 20:00 in Paris
          end: Date.parse('2027-07-15T04:00:00Z'), // 06:00 two days later
          allDay: false,
          startDate: null,
          endDate: null,
          items: [
            { resourceId: 'v', quantity: 1 },
            { resourceId: 'c', quantity: 40 },
          ],
        },
      ],
      [],
    )
    expect(model.days.map((d) => d.mark)).toEqual([
      null,
      null,
      'férié : Fête Nationale de la France',
      null,
      null,
      'week-end',
      'week-end',
    ])
    expect(model.groups.map((g) => [g.label, g.rows.map((r) => r.resource.name)])).toEqual([
      ['Matériel', ['Chaises']],
      ['Véhicules', ['Fourgon']],
    ])
    const fourgon = model.groups[1]!.rows[0]!
    expect(fourgon.cells.map((c) => c.map((e) => (e.type === 'booking' ? e.time : '')))).toEqual([
      [],
      ['dès 20:00'],
      ['toute la journée'],
      ['jusqu’à 06:00'],
      [],
      [],
      [],
    ])
    const chaises = model.groups[0]!.rows[0]!.cells[1]![0]!
    expect(chaises).toMatchObject({
      type: 'booking',
      quantity: 40,
      communeName: 'Tiffauges',
      statusMark: null,
    })
  })
})
