/**
 * `planning.pdf`: the week's planning of a hub as an A4 landscape PDF made to be pinned up at the
 * depot, and readable when printed in black and white: nothing is said by colour alone (requested
 * bookings are hatched AND marked « (demandée) », unavailabilities are in italics AND start with
 * « Indisponible », weekends and public holidays are shaded AND named « week-end », « férié : … »).
 * Made with pdfmake (set up in ./pdf); page numbers « page 1/2 », the date of printing
 * and the legend on every page. Every date and time is Europe/Paris, whatever the machine's zone.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { z } from 'zod'
import type { planningPdfInput } from '../../../shared/api/schemas'
import type { ExportedFile, Hub, UnavailabilityKind } from '../../../shared/domain/types'
import { blockingStatuses } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { addDaysToDate, startOfLocalDate } from '../../../shared/time'
import { readTransaction } from '../db/connection'
import { listBookings } from '../db/repositories/bookings'
import { listCategories } from '../db/repositories/categories'
import { getCommune, listCommunes } from '../db/repositories/communes'
import { getHub, listHubs } from '../db/repositories/hubs'
import { getResourcesByIds } from '../db/repositories/resources'
import { listUnavailabilities } from '../db/repositories/unavailabilities'
import type { ServiceContext } from './context'
import { listHolidays } from './holidays'
import { PDF_FONT, printedAtFr, renderPdf } from './pdf'
import {
  buildPlanning,
  daysFrom,
  frenchRange,
  isoWeekOf,
  rowCount,
  type PlanningBooking,
  type PlanningDay,
  type PlanningEntry,
  type PlanningModel,
  type PlanningResource,
  type PlanningUnavailability,
} from './planning-model'

export type PlanningPdfInput = z.output<typeof planningPdfInput>

const unavailabilityKindLabels: Readonly<Record<UnavailabilityKind, string>> = {
  maintenance: 'entretien',
  repair: 'réparation',
  inspection: 'contrôle',
  leave: 'congé',
}

/** Grey levels only: the planning must read the same on a black-and-white printer. */
const SHADE_OFF_DAY = '#e9e9e9'
const SHADE_GROUP = '#cfcfcf'
const SHADE_UNAVAILABLE = '#f2f2f2'
const HATCH_COLOR = '#9a9a9a'
const LINE_COLOR = '#6f6f6f'

/** Everything the drawing needs, read in one transaction. */
interface PlanningData {
  readonly model: PlanningModel
  readonly hub: Hub | null
  readonly communeName: string | null
}

/** `Planning du pôle technique Ouest — semaine du 14 au 20 juin 2027`. */
export function planningTitle(hubName: string | null, days: readonly string[], isWeek: boolean): string {
  const first = days[0] ?? ''
  const last = days[days.length - 1] ?? first
  const who = hubName ? `du ${hubName.charAt(0).toLowerCase()}${hubName.slice(1)}` : 'des pôles techniques'
  return `Planning ${who} — ${isWeek ? 'semaine ' : ''}${frenchRange(first, last)}`
}

/**
 * The days printed: `from`…`to` when `to` is given, else the Monday–Sunday week containing `from`.
 */
export function planningDays(input: Pick<PlanningPdfInput, 'from' | 'to'>): {
  days: string[]
  isWeek: boolean
} {
  if (input.to === undefined) return { days: isoWeekOf(input.from), isWeek: true }
  return { days: daysFrom(input.from, input.to), isWeek: false }
}

function gather(ctx: ServiceContext, input: PlanningPdfInput, days: readonly string[]): PlanningData {
  const first = days[0] ?? input.from
  const last = days[days.length - 1] ?? first
  const window = { from: startOfLocalDate(first), to: startOfLocalDate(addDaysToDate(last, 1)) }
  return readTransaction(ctx.db, () => {
    let hub: Hub | null = null
    let communeName: string | null = null
    if (input.communeId !== undefined) {
      const commune = getCommune(ctx.db, input.communeId)
      if (!commune) {
        throw new DomainError('NOT_FOUND', 'Cette commune n’existe pas.', {
          issues: [{ path: 'communeId', message: 'Commune introuvable.' }],
        })
      }
      communeName = commune.name
      hub = commune.hubId ? (getHub(ctx.db, commune.hubId) ?? null) : null
    } else {
      const hubs = listHubs(ctx.db)
      hub = hubs.length === 1 ? (hubs[0] ?? null) : null
    }
    const communeNames = new Map(listCommunes(ctx.db).map((c) => [c.id, c.name]))
    const bookings = listBookings(ctx.db, { ...window, communeId: input.communeId }).filter(
      (b) => (blockingStatuses.includes(b.status) || b.status === 'returned') && (!hub || b.hubId === hub.id),
    )
    const bookedIds = new Set(bookings.flatMap((b) => b.items.map((i) => i.resourceId)))
    // Without a commune, a resource that is only unavailable that week gets its row too.
    const unavailabilities = listUnavailabilities(ctx.db, window).filter(
      (u) => input.communeId === undefined || bookedIds.has(u.resourceId),
    )
    const ids = [...new Set([...bookedIds, ...unavailabilities.map((u) => u.resourceId)])]
    const categories = new Map(listCategories(ctx.db).map((c) => [c.id, c]))
    const categoryLabel = (id: string | null) => {
      const category = id === null ? undefined : categories.get(id)
      if (!category) return ''
      return category.name
    }
    const resources = getResourcesByIds(ctx.db, ids)
      .filter((r) => (input.kind === undefined || r.kind === input.kind) && (!hub || r.hubId === hub.id))
      .map((r): PlanningResource => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        stock: r.tracking === 'stock',
        quantity: r.quantity,
        detail: [
          categoryLabel(r.categoryId),
          r.plate ?? r.inventoryNumber ?? '',
          r.tracking === 'stock' ? `stock ${r.quantity}` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      }))
    const holidays = new Map(listHolidays(first, last).map((h) => [h.date, h.name]))
    const model = buildPlanning(
      days,
      holidays,
      resources,
      bookings.map((b): PlanningBooking => ({ ...b, communeName: communeNames.get(b.communeId) ?? '' })),
      unavailabilities.map((u): PlanningUnavailability => ({
        ...u,
        kindLabel: unavailabilityKindLabels[u.kind],
      })),
    )
    return { model, hub, communeName }
  })
}

function entryContent(entry: PlanningEntry): TableCell {
  if (entry.type === 'unavailability') {
    return {
      stack: [
        ...(entry.time ? [{ text: entry.time, fontSize: 6.5 }] : []),
        { text: entry.text, italics: true },
      ],
      fillColor: SHADE_UNAVAILABLE,
    }
  }
  const requested = entry.status === 'requested'
  return {
    stack: [
      {
        text: [
          { text: entry.reference, bold: true },
          ` ${entry.communeName} (${entry.quantity})`,
          ...(entry.statusMark
            ? [{ text: ` ${entry.statusMark}`, bold: requested, italics: requested }]
            : []),
        ],
      },
      {
        text: [entry.time ? `${entry.time} · ` : '', entry.title],
        fontSize: 6.5,
        color: '#333333',
      },
    ],
    fillColor: '#ffffff',
    ...(requested
      ? { overlayPattern: ['hatch', HATCH_COLOR] as [string, string], overlayOpacity: 0.45 }
      : {}),
  }
}

/** A cell: its entries, each a small framed box. */
function cellContent(entries: readonly PlanningEntry[], day: PlanningDay): TableCell {
  const offDay = day.weekend || day.holiday !== null
  if (entries.length === 0) return { text: '', fillColor: offDay ? SHADE_OFF_DAY : undefined }
  return {
    stack: entries.map((entry): Content => ({
      table: { widths: ['*'], body: [[entryContent(entry)]] },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        hLineColor: () => LINE_COLOR,
        vLineColor: () => LINE_COLOR,
        paddingLeft: () => 2,
        paddingRight: () => 2,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
      margin: [0, 0, 0, 1.5],
    })),
    fillColor: offDay ? SHADE_OFF_DAY : undefined,
  }
}

function planningTable(model: PlanningModel): Content {
  const columns = model.days.length + 1
  const header: TableCell[] = [
    { text: 'Ressource', bold: true, fillColor: SHADE_GROUP },
    ...model.days.map((day): TableCell => ({
      stack: [
        { text: day.heading, bold: true },
        ...(day.mark ? [{ text: day.mark, fontSize: 6.5, italics: true }] : []),
      ],
      alignment: 'center',
      fillColor: day.weekend || day.holiday ? SHADE_OFF_DAY : SHADE_GROUP,
    })),
  ]
  const body: TableCell[][] = [header]
  for (const group of model.groups) {
    body.push([
      { text: group.label.toUpperCase(), bold: true, colSpan: columns, fillColor: SHADE_GROUP, fontSize: 8 },
      ...Array.from({ length: columns - 1 }, (): TableCell => ''),
    ])
    for (const row of group.rows) {
      body.push([
        {
          stack: [
            { text: row.resource.name, bold: true },
            ...(row.resource.detail ? [{ text: row.resource.detail, fontSize: 6.5, color: '#444444' }] : []),
          ],
        },
        ...row.cells.map((entries, index) => cellContent(entries, model.days[index] as PlanningDay)),
      ])
    }
  }
  const dayWidth = model.days.length <= 7 ? '*' : 60
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [model.days.length <= 7 ? 118 : 100, ...model.days.map(() => dayWidth)],
      body,
    },
    layout: {
      hLineWidth: (i) => (i <= 1 ? 1 : 0.5),
      vLineWidth: () => 0.5,
      hLineColor: () => '#000000',
      vLineColor: () => '#000000',
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  }
}

const LEGEND =
  'RES-… Commune (quantité) · hachuré et « (demandée) » : demande à confirmer · ' +
  '« (sortie) » : matériel remis · en italique sur fond gris : indisponibilité · ' +
  'colonne grisée : week-end ou jour férié · les heures sont celles de Paris.'

/**
 * The pdfmake document: A4 landscape, the title and the date of printing at the top of every page,
 * the legend and « page n/N » at the bottom.
 */
export function planningDocument(
  title: string,
  subtitle: string,
  model: PlanningModel,
  printedAt: number,
): TDocumentDefinitions {
  const printed = printedAtFr(printedAt)
  const content: Content[] =
    rowCount(model) === 0
      ? [
          {
            text: 'Aucune réservation ni indisponibilité sur cette période.',
            margin: [0, 20, 0, 0],
            fontSize: 11,
          },
        ]
      : [planningTable(model)]
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 50, 24, 40],
    info: { title, author: 'Mutualisation', subject: subtitle, creator: 'Mutualisation' },
    language: 'fr-FR',
    defaultStyle: { font: PDF_FONT, fontSize: 7, lineHeight: 1.05 },
    patterns: {
      hatch: { boundingBox: [1, 1, 4, 4], xStep: 3, yStep: 3, pattern: '1 w 0 1 m 4 5 l s 2 0 m 5 3 l s' },
    },
    header: () => ({
      margin: [24, 16, 24, 0],
      columns: [
        {
          width: '*',
          stack: [
            { text: title, bold: true, fontSize: 13 },
            { text: subtitle, fontSize: 8.5, color: '#333333' },
          ],
        },
        { width: 'auto', text: printed, fontSize: 8, alignment: 'right' },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [24, 8, 24, 0],
      columns: [
        { width: '*', text: [{ text: 'Légende : ', bold: true }, LEGEND], fontSize: 7 },
        {
          width: 70,
          text: `page ${currentPage}/${pageCount}`,
          alignment: 'right',
          fontSize: 8.5,
          bold: true,
        },
      ],
    }),
    content,
  }
}

/**
 * `planning.pdf`: the planning of the days asked — by default the Monday–Sunday week (ISO) that
 * contains `from` — one row per resource with at least one booking (requested, approved, out or
 * returned) or unavailability on those days, grouped by kind, one column per day, each cell listing
 * « RES-… Commune (quantité) » with the hours of timed bookings; `kind` keeps one kind of resource,
 * `communeId` one commune's bookings (and the hub that serves it).
 * @returns `{ fileName: 'planning-semaine-2027-06-14.pdf', contentBase64 }` (A4 landscape PDF)
 * @throws DomainError NOT_FOUND for an unknown commune
 */
export async function printPlanning(ctx: ServiceContext, input: PlanningPdfInput): Promise<ExportedFile> {
  const { days, isWeek } = planningDays(input)
  const data = gather(ctx, input, days)
  const title = planningTitle(data.hub?.name ?? null, days, isWeek)
  const kindLabel = { equipment: 'matériel', vehicle: 'véhicules', staff: 'agents' } as const
  const subtitle = [
    data.communeName ? `Réservations de ${data.communeName}` : 'Toutes les communes',
    input.kind ? `${kindLabel[input.kind]} seulement` : 'matériel, véhicules et agents',
    `${rowCount(data.model)} ressource${rowCount(data.model) > 1 ? 's' : ''}`,
  ].join(' · ')
  const doc = planningDocument(title, subtitle, data.model, ctx.now())
  const buffer = await renderPdf(doc)
  const first = days[0] ?? input.from
  const last = days[days.length - 1] ?? first
  const fileName = isWeek ? `planning-semaine-${first}.pdf` : `planning-${first}-au-${last}.pdf`
  return { fileName, contentBase64: buffer.toString('base64') }
}
