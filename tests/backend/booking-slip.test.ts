/**
 * `bookings.slip`: the bon de sortie and bon de retour as A4 portrait PDFs. Checked as bytes (magic
 * number, page size), as text (pdftotext) and as an image (pdftoppm), kept in
 * test-artifacts/screenshots/bon-de-*.png to be looked at.
 */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { MethodInput } from '../../shared/api/contract'
import type { Booking } from '../../shared/domain/types'
import { makeBackend, type TestApi } from './helpers'
import { pageCount, pdfText, poppler, screenshot } from './pdf-helpers'

async function slip(api: TestApi, booking: Booking, kind: 'checkout' | 'return') {
  const file = await api.ok('bookings.slip', { id: booking.id, kind })
  return { fileName: file.fileName, pdf: Buffer.from(file.contentBase64, 'base64') }
}

/** The pôle Ouest's communes and a small inventory: stocks, unit items (one worn), a van, an agent. */
async function inventory(api: TestApi) {
  const communes = await api.ok('communes.list', {})
  const commune = (name: string) => communes.find((c) => c.name === name)!.id
  const create = (input: MethodInput<'resources.create'>) => api.ok('resources.create', input)
  return {
    commune,
    chaises: await create({
      kind: 'equipment',
      name: 'Chaises pliantes',
      tracking: 'stock',
      quantity: 120,
      inventoryNumber: 'PTO-MOB-001',
    }),
    tables: await create({
      kind: 'equipment',
      name: 'Tables pliantes 2 m',
      tracking: 'stock',
      quantity: 30,
      inventoryNumber: 'PTO-MOB-002',
    }),
    broyeur: await create({
      kind: 'equipment',
      name: 'Broyeur de végétaux',
      inventoryNumber: 'PTO-EV-001',
      condition: 'worn',
    }),
    podium: await create({
      kind: 'equipment',
      name: 'Podium 24 m² (6 × 4 m)',
      inventoryNumber: 'PTO-STR-001',
      condition: 'good',
    }),
    fourgon: await create({
      kind: 'vehicle',
      name: 'Fourgon Renault Master',
      plate: 'FR-482-PT',
      odometerKm: 84_250,
    }),
    kangoo: await create({
      kind: 'vehicle',
      name: 'Renault Kangoo électrique',
      plate: 'GH-127-PT',
      odometerKm: 31_900,
    }),
    agent: await create({ kind: 'staff', name: 'Agent voirie n° 1' }),
    agent2: await create({ kind: 'staff', name: 'Agent espaces verts n° 1' }),
  }
}

describe('bookings.slip', () => {
  it('prints the checkout slip of an approved day-long loan with blank fields to fill by hand', async () => {
    const api = makeBackend('empty')
    const inv = await inventory(api)
    const booking = await api.ok('bookings.create', {
      communeId: inv.commune('Tiffauges'),
      title: 'Fête du printemps',
      start: '2027-05-14',
      end: '2027-05-16',
      notes: 'Livrer derrière la salle des fêtes.',
      items: [
        { resourceId: inv.chaises.id, quantity: 80 },
        { resourceId: inv.tables.id, quantity: 12 },
        { resourceId: inv.broyeur.id },
        { resourceId: inv.podium.id },
        { resourceId: inv.fourgon.id },
        { resourceId: inv.agent.id },
      ],
    })
    expect(booking.status).toBe('approved')
    const { fileName, pdf } = await slip(api, booking, 'checkout')
    expect(fileName).toBe(`bon-de-sortie-${booking.reference}.pdf`)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // A4 portrait: 595.28 × 841.89 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    expect(pageCount(pdf)).toBe(1)
    if (!poppler) return

    const text = pdfText(pdf)
    expect(text).toContain('Communauté de Communes du Pays de Mortagne — Pôle technique Ouest')
    expect(text).toContain(
      `BON DE SORTIE Remise de matériel à une commune membre Référence ${booking.reference}`,
    )
    expect(text).toContain('Commune Tiffauges (code INSEE 85293)')
    expect(text).toContain('Objet Fête du printemps')
    expect(text).toContain('Période du 14/05/2027 au 16/05/2027')
    expect(text).toContain('Statut acceptée')
    expect(text).toContain('Agents du pôle Agent voirie n° 1')
    expect(text).toContain(
      'Désignation N° d’inventaire / immatriculation Qté État au départ Compteur au départ',
    )
    expect(text).toContain('Chaises pliantes matériel en nombre PTO-MOB-001 80 bon état avec réserves —')
    expect(text).toContain('Tables pliantes 2 m matériel en nombre PTO-MOB-002 12 bon état avec réserves —')
    expect(text).toContain('Broyeur de végétaux matériel PTO-EV-001 1 usé —')
    expect(text).toContain('Podium 24 m² (6 × 4 m) matériel PTO-STR-001 1 bon —')
    // Not handed out yet: a blank odometer line, the last known reading as a hint.
    expect(text).toContain(
      'Fourgon Renault Master véhicule FR-482-PT 1 bon état avec réserves km dernier relevé : 84 250 km',
    )
    expect(text).not.toContain('Sortie enregistrée')
    expect(text).toContain('Demande : Livrer derrière la salle des fêtes.')
    expect(text).toContain(
      'Remis par (pôle technique) Nom et qualité : Le ____ / ____ / ________ à ____ h ____ Signature : ' +
        'Reçu par (commune) Nom et qualité : Le ____ / ____ / ________ à ____ h ____ Signature :',
    )
    expect(text).not.toContain('Rendu par')
    expect(text).toContain(`Bon de sortie ${booking.reference} · Imprimé le 29/11/2026 à 11:00 page 1/1`)
    expect(existsSync(screenshot(pdf, 'bon-de-sortie-avant-remise'))).toBe(true)
  })

  it('prints the recorded hand-over, then the return with returned, damaged and missing quantities', async () => {
    const api = makeBackend('empty')
    const inv = await inventory(api)
    const booking = await api.ok('bookings.create', {
      communeId: inv.commune('La Gaubretière'),
      title: 'Marché de Noël',
      start: '2026-11-27T20:00',
      end: '2026-11-28T18:00',
      items: [
        { resourceId: inv.chaises.id, quantity: 40 },
        { resourceId: inv.broyeur.id },
        { resourceId: inv.fourgon.id },
      ],
    })
    await api.ok('bookings.checkOut', {
      id: booking.id,
      at: '2026-11-27T19:40',
      odometerKm: 84_312,
      notes: 'Réservoir plein.',
    })
    const out = await slip(api, booking, 'checkout')
    expect(await api.fail('bookings.slip', { id: booking.id, kind: 'return' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `Le retour de ${booking.reference} n’est pas encore enregistré : enregistrez-le au dépôt, puis imprimez le bon de retour.`,
    })
    await api.ok('bookings.return', {
      id: booking.id,
      at: '2026-11-28T18:35',
      odometerKm: 84_498,
      items: [{ resourceId: inv.chaises.id, returnedQuantity: 37, damagedQuantity: 2 }],
      notes: 'Trois chaises restées à la salle des fêtes.',
    })
    const back = await slip(api, booking, 'return')
    expect(back.fileName).toBe(`bon-de-retour-${booking.reference}.pdf`)
    expect(pageCount(back.pdf)).toBe(1)
    if (!poppler) return

    // Paris times (CET, UTC+1), whatever the machine's zone.
    const outText = pdfText(out.pdf)
    expect(outText).toContain('Période du 27/11/2026 20:00 au 28/11/2026 18:00')
    expect(outText).toContain('Statut sortie')
    expect(outText).toContain('Sortie enregistrée le 27/11/2026 à 19:40 par administrateur local')
    expect(outText).toContain('Fourgon Renault Master véhicule FR-482-PT 1 bon état avec réserves 84 312 km')
    expect(outText).toContain('À la sortie : Réservoir plein.')
    expect(existsSync(screenshot(out.pdf, 'bon-de-sortie-remis'))).toBe(true)

    const text = pdfText(back.pdf)
    expect(text).toContain(
      `BON DE RETOUR Retour au pôle technique du matériel prêté Référence ${booking.reference}`,
    )
    expect(text).toContain('Commune La Gaubretière (code INSEE 85097)')
    expect(text).toContain('Période du 27/11/2026 20:00 au 28/11/2026 18:00')
    expect(text).toContain('Statut rendue')
    expect(text).toContain('Sortie enregistrée le 27/11/2026 à 19:40 par administrateur local')
    expect(text).toContain('Retour enregistré le 28/11/2026 à 18:35 par administrateur local')
    expect(text).toContain(
      'Désignation N° d’inventaire / immatriculation Sortie Rendue Abîmée Manquante Compteur au retour',
    )
    // Sortie, rendue, abîmée, manquante.
    expect(text).toContain('Chaises pliantes matériel en nombre PTO-MOB-001 40 37 2 3 —')
    expect(text).toContain('Broyeur de végétaux matériel PTO-EV-001 1 1 0 0 —')
    expect(text).toContain(
      'Fourgon Renault Master véhicule FR-482-PT 1 1 0 0 84 498 km au départ : 84 312 km',
    )
    expect(text).toContain('À la sortie : Réservoir plein.')
    expect(text).toContain('Au retour : Trois chaises restées à la salle des fêtes.')
    expect(text).toContain('Rendu par (commune)')
    expect(text).toContain('Reçu par (pôle technique)')
    expect(text).not.toContain('Remis par')
    expect(existsSync(screenshot(back.pdf, 'bon-de-retour'))).toBe(true)
  })

  it('names the delivery, the commune’s operator and the agents, and leaves one odometer line per vehicle', async () => {
    const api = makeBackend('empty')
    const inv = await inventory(api)
    const booking = await api.ok('bookings.create', {
      communeId: inv.commune('Saint-Martin-des-Tilleuls'),
      title: 'Élagage des tilleuls',
      start: '2027-06-14',
      end: '2027-06-14',
      items: [{ resourceId: inv.chaises.id, quantity: 10 }, { resourceId: inv.podium.id }],
      providedOperator: { name: 'Jean Girard', qualification: 'CACES R486 cat. B' },
      delivery: {
        vehicleId: inv.kangoo.id,
        agentIds: [inv.agent2.id],
        minutes: 45,
        address: 'Place de l’église',
      },
    })
    const twoVans = await api.ok('bookings.create', {
      communeId: inv.commune('Tiffauges'),
      title: 'Déménagement de la mairie',
      start: '2027-06-21',
      end: '2027-06-22',
      items: [{ resourceId: inv.fourgon.id }, { resourceId: inv.kangoo.id }],
    })
    const agentsOnly = await api.ok('bookings.create', {
      communeId: inv.commune('Tiffauges'),
      title: 'Renfort voirie',
      start: '2027-06-23T08:00',
      end: '2027-06-23T12:00',
      items: [{ resourceId: inv.agent.id }],
    })
    const delivered = await slip(api, booking, 'checkout')
    const vans = await slip(api, twoVans, 'checkout')
    const agents = await slip(api, agentsOnly, 'checkout')
    if (!poppler) return
    const text = pdfText(delivered.pdf)
    expect(text).toContain('Période le 14/06/2027')
    expect(text).toContain(
      'Livraison par le pôle technique : Renault Kangoo électrique (GH-127-PT), Agent espaces verts n° 1 ; ' +
        'livraison le 14/06/2027 à 08:00, reprise le 15/06/2027 à 08:00 ; Place de l’église',
    )
    expect(text).toContain('Opérateur de la commune Jean Girard (CACES R486 cat. B)')
    expect(text).not.toContain('Agents du pôle')
    // The delivery's van is not lent to the commune: no odometer column.
    expect(text).toContain('Désignation N° d’inventaire / immatriculation Qté État au départ Chaises')
    expect(existsSync(screenshot(delivered.pdf, 'bon-de-sortie-livraison'))).toBe(true)

    const v = pdfText(vans.pdf)
    // Several vehicles: the depot notes each odometer by hand.
    expect(v).toContain(
      'Fourgon Renault Master véhicule FR-482-PT 1 bon état avec réserves km dernier relevé : 84 250 km',
    )
    expect(v).toContain(
      'Renault Kangoo électrique véhicule GH-127-PT 1 bon état avec réserves km dernier relevé : 31 900 km',
    )
    const a = pdfText(agents.pdf)
    expect(a).toContain('Période du 23/06/2027 08:00 au 23/06/2027 12:00')
    expect(a).toContain('Agents du pôle Agent voirie n° 1')
    expect(a).toContain('Aucun matériel ni véhicule : mise à disposition d’agents seulement.')
  })

  it('flows a long list onto several pages, repeating the table header, signatures kept together', async () => {
    const api = makeBackend('empty')
    const inv = await inventory(api)
    const items = [{ resourceId: inv.chaises.id, quantity: 100 }]
    for (let i = 1; i <= 28; i++) {
      const barnum = await api.ok('resources.create', {
        kind: 'equipment',
        name: `Barnum 3 × 3 m n° ${String(i).padStart(2, '0')}`,
        inventoryNumber: `PTO-STR-${String(100 + i)}`,
      })
      items.push({ resourceId: barnum.id, quantity: 1 })
    }
    const booking = await api.ok('bookings.create', {
      communeId: inv.commune('Les Landes-Genusson'),
      title: 'Foire aux vins',
      start: '2027-09-04',
      end: '2027-09-05',
      items,
    })
    const { pdf } = await slip(api, booking, 'checkout')
    expect(pageCount(pdf)).toBe(2)
    if (!poppler) return
    const text = pdfText(pdf)
    expect(text).toContain('page 1/2')
    expect(text).toContain('page 2/2')
    expect(text.split('Désignation N° d’inventaire / immatriculation Qté État au départ').length - 1).toBe(2)
    expect(text).toContain('Barnum 3 × 3 m n° 28 matériel PTO-STR-128 1 bon Observations')
    expect(text.split('Remis par (pôle technique) Nom et qualité').length - 1).toBe(1)
  })

  it('refuses the checkout slip of a cancelled or refused booking, prints a request as such', async () => {
    const api = makeBackend('empty')
    const inv = await inventory(api)
    const nacelle = await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Nacelle élévatrice 12 m',
      inventoryNumber: 'PTO-TRV-001',
      requiresApproval: true,
    })
    const book = (title: string, resourceId: string) =>
      api.ok('bookings.create', {
        communeId: inv.commune('Tiffauges'),
        title,
        start: '2027-05-14',
        end: '2027-05-16',
        items: [{ resourceId, quantity: 1 }],
      })
    const cancelled = await book('Annulée', inv.chaises.id)
    await api.ok('bookings.cancel', { id: cancelled.id })
    expect(await api.fail('bookings.slip', { id: cancelled.id, kind: 'checkout' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `${cancelled.reference} est annulée : rien ne sort du dépôt, il n’y a pas de bon de sortie à imprimer.`,
    })
    expect((await api.fail('bookings.slip', { id: cancelled.id, kind: 'return' })).code).toBe(
      'INVALID_TRANSITION',
    )
    // A request still waiting for the hub can be printed, and says so.
    const refused = await book('Taille des platanes', nacelle.id)
    expect(refused.status).toBe('requested')
    const request = await slip(api, refused, 'checkout')
    if (poppler) {
      expect(pdfText(request.pdf)).toContain(
        'Statut demandée (à accepter par le pôle technique avant la remise)',
      )
    }
    await api.ok('bookings.reject', { id: refused.id, reason: 'Déjà prêtées ce week-end.' })
    expect(await api.fail('bookings.slip', { id: refused.id, kind: 'checkout' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `${refused.reference} est refusée : rien ne sort du dépôt, il n’y a pas de bon de sortie à imprimer.`,
    })
    const unknown = { id: '7b0c8a9e-6d4f-4a51-9d8e-0a1b2c3d4e5f', kind: 'checkout' }
    expect((await api.fail('bookings.slip', unknown)).code).toBe('NOT_FOUND')
    expect(await api.fail('bookings.slip', { id: refused.id, kind: 'exit' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })
})
