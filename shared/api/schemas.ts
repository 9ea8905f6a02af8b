/**
 * zod input schemas of the API contract. Every boundary (dispatcher, forms) parses with them.
 * Messages are French. Period fields accept the forms of `parseTimeInput` (shared/time.ts).
 */
import { z } from 'zod'
import {
  bookingStatuses,
  conditions,
  importFields,
  resourceKinds,
  trackings,
  unavailabilityKinds,
} from '../domain/types'
import {
  cents,
  clientRequestId,
  delivery,
  items,
  localDate,
  minutes,
  optionalText,
  plate,
  positiveQuantity,
  providedOperator,
  qualification,
  timeText,
  trimmed,
  uuid,
} from './fields'

export const emptyInput = z.object({}).strict()

export const resourcesListInput = z
  .object({
    kind: z.enum(resourceKinds).optional(),
    categoryId: uuid.optional(),
    hubId: uuid.optional(),
    includeArchived: z.boolean().optional(),
    search: optionalText('Recherche', 200).optional(),
  })
  .strict()

const resourceFields = {
  name: trimmed('Le nom', 200),
  categoryId: uuid.nullable().optional(),
  bufferBeforeMinutes: minutes.optional(),
  bufferAfterMinutes: minutes.optional(),
  inventoryNumber: optionalText("Le n° d'inventaire", 60).nullable().optional(),
  serialNumber: optionalText('Le n° de série', 100).nullable().optional(),
  plate: plate.nullable().optional(),
  licenceRequired: optionalText('Le permis', 10).nullable().optional(),
  odometerKm: z
    .number()
    .int()
    .min(0, { message: 'Le compteur ne peut pas être négatif.' })
    .nullable()
    .optional(),
  nextInspectionDate: localDate.nullable().optional(),
  qualifications: z.array(qualification).max(50, { message: '50 qualifications au plus.' }).optional(),
  condition: z
    .enum(conditions, { message: 'État attendu : bon, usé, à réparer ou hors service.' })
    .nullable()
    .optional(),
  purchaseDate: localDate.nullable().optional(),
  purchaseValueCents: cents.nullable().optional(),
  dailyRateCents: cents.nullable().optional(),
  areaM2: z
    .number({ message: 'Surface en m² attendue.' })
    .positive({ message: 'La surface doit être positive.' })
    .max(100_000, { message: 'Surface trop grande (100 000 m² au plus).' })
    .nullable()
    .optional(),
  outOfServiceQuantity: z
    .number({ message: 'Quantité attendue.' })
    .int({ message: 'La quantité hors service doit être un nombre entier.' })
    .min(0, { message: 'La quantité hors service ne peut pas être négative.' })
    .optional(),
  hourMeterHours: z
    .number()
    .min(0, { message: 'Le compteur horaire ne peut pas être négatif.' })
    .nullable()
    .optional(),
  homeCommuneId: uuid.nullable().optional(),
  weeklyHours: z.number().min(0).max(60, { message: 'Au plus 60 heures par semaine.' }).nullable().optional(),
  requiresApproval: z.boolean({ message: 'Oui ou non attendu.' }).optional(),
  requiredQualification: optionalText('La qualification requise', 100).nullable().optional(),
  notes: optionalText('Les notes', 4000).optional(),
}

export const resourcesCreateInput = z
  .object({
    kind: z.enum(resourceKinds, { message: 'Type de ressource attendu : matériel, véhicule ou agent.' }),
    tracking: z.enum(trackings).optional(),
    quantity: positiveQuantity.optional(),
    hubId: uuid.optional(),
    ...resourceFields,
  })
  .strict()
  .superRefine((input, ctx) => {
    const tracking = input.tracking ?? 'unit'
    if (tracking === 'stock' && input.outOfServiceQuantity !== undefined && input.quantity !== undefined) {
      if (input.outOfServiceQuantity > input.quantity) {
        ctx.addIssue({
          code: 'custom',
          path: ['outOfServiceQuantity'],
          message: 'Il ne peut y avoir plus d’unités hors service que d’unités en stock.',
        })
      }
    }
    if (input.kind !== 'equipment' && tracking === 'stock') {
      ctx.addIssue({
        code: 'custom',
        path: ['tracking'],
        message: 'Seul le matériel peut être suivi en nombre.',
      })
    }
    if (tracking === 'stock' && input.quantity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'Indiquez la quantité en stock.' })
    }
    if (tracking === 'unit' && input.quantity !== undefined && input.quantity !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'Un matériel à l’unité a une quantité de 1.',
      })
    }
  })

export const resourcesUpdateInput = z
  .object({
    id: uuid,
    quantity: positiveQuantity.optional(),
    ...resourceFields,
    name: resourceFields.name.optional(),
  })
  .strict()

export const idInput = z.object({ id: uuid }).strict()

export const bookingsCreateInput = z
  .object({
    communeId: uuid,
    title: trimmed("L'objet de la réservation", 200),
    start: timeText,
    end: timeText,
    items,
    notes: optionalText('Les notes', 4000).optional(),
    /** Made by the client once per request: sent again (double click, retry), it returns the same booking. */
    clientRequestId: clientRequestId.optional(),
    providedOperator: providedOperator.nullable().optional(),
    delivery: delivery.nullable().optional(),
  })
  .strict()

export const bookingsUpdateInput = z
  .object({
    id: uuid,
    communeId: uuid.optional(),
    title: trimmed("L'objet de la réservation", 200).optional(),
    /** Give `start` and `end` together: the new period replaces the old one. */
    start: timeText.optional(),
    end: timeText.optional(),
    /** The new list of items replaces the old one. */
    items: items.optional(),
    notes: optionalText('Les notes', 4000).optional(),
    providedOperator: providedOperator.nullable().optional(),
    delivery: delivery.nullable().optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.start === undefined) !== (input.end === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [input.start === undefined ? 'start' : 'end'],
        message: 'Donnez le début et la fin ensemble.',
      })
    }
  })

export const bookingsListInput = z
  .object({
    from: timeText,
    to: timeText,
    communeId: uuid.optional(),
    resourceId: uuid.optional(),
    status: z
      .enum(bookingStatuses, {
        message: 'Statut inconnu (demandée, acceptée, refusée, annulée, sortie ou rendue).',
      })
      .optional(),
  })
  .strict()

export const bookingsCancelInput = z
  .object({ id: uuid, reason: optionalText('Le motif', 1000).optional() })
  .strict()

export const availabilityCheckInput = z
  .object({ start: timeText, end: timeText, items, ignoreBookingId: uuid.optional() })
  .strict()

export const availabilityFindInput = z
  .object({
    start: timeText,
    end: timeText,
    kind: z.enum(resourceKinds).optional(),
    categoryId: uuid.optional(),
    quantity: positiveQuantity.optional(),
  })
  .strict()

export const holidaysListInput = z
  .object({
    from: localDate,
    to: localDate,
  })
  .strict()

export const resourcesHistoryInput = idInput

export const unavailabilitiesCreateInput = z
  .object({
    resourceId: uuid,
    kind: z.enum(unavailabilityKinds, {
      message: 'Type d’indisponibilité attendu : entretien, réparation, contrôle ou congé.',
    }),
    reason: trimmed('Le motif', 500),
    start: timeText,
    end: timeText,
    /** Stock only: units withdrawn (all of a unit resource). */
    quantity: positiveQuantity.optional(),
  })
  .strict()

export const unavailabilitiesListInput = z
  .object({ resourceId: uuid.optional(), from: timeText.optional(), to: timeText.optional() })
  .strict()

export const resourcesImportInput = z
  .object({
    fileName: trimmed('Le nom du fichier', 255),
    /** The file's bytes, base64 (CSV in UTF-8 with or without BOM or Windows-1252, or XLSX). 10 MB at most. */
    contentBase64: z
      .string()
      .max(14_000_000, { message: 'Fichier trop volumineux (10 Mo au plus).' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Contenu du fichier illisible (base64 attendu).' }),
    /** Only read and check: nothing is stored. */
    dryRun: z.boolean().optional(),
    /** For some headers of the file, the field they fill (null: ignore the column), overriding recognition. */
    mapping: z.record(z.string().max(200), z.enum(importFields).nullable()).optional(),
  })
  .strict()

export const resourcesExportInput = z
  .object({
    format: z.enum(['csv', 'xlsx'], { message: 'Format attendu : csv ou xlsx.' }),
    kind: z.enum(resourceKinds).optional(),
  })
  .strict()

/**
 * `calendar.ics`: the bookings of a commune and/or of a resource (all when neither is given) over
 * `[from, to)` (dates mean local midnight, Europe/Paris); by default from 3 months ago to 12 months
 * ahead.
 */
export const calendarIcsInput = z
  .object({
    communeId: uuid.optional(),
    resourceId: uuid.optional(),
    from: timeText.optional(),
    to: timeText.optional(),
  })
  .strict()

/**
 * `planning.pdf`: the planning of the days `from`…`to` (local dates, both inclusive, 31 days at most);
 * without `to`, the Monday–Sunday week containing `from`.
 */
export const planningPdfInput = z
  .object({
    from: localDate,
    to: localDate.optional(),
    kind: z.enum(resourceKinds, { message: 'Type attendu : matériel, véhicule ou agent.' }).optional(),
    communeId: uuid.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.to === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(input.to)) return
    const days = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 86_400_000
    if (days < 0) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Le dernier jour doit suivre le premier.' })
    } else if (days > 6) {
      // Seven day columns is what an A4 landscape page holds readably.
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Le planning s’imprime par semaine : 7 jours au plus à la fois.',
      })
    }
  })

/**
 * `availability.suggest`: the free periods nearest to `start`–`end` for these items, of the same
 * length, at most `limit` (default 5, at most 20), searched `searchDays` days (default 60, at most
 * 366) before and after.
 */
export const availabilitySuggestInput = z
  .object({
    start: timeText,
    end: timeText,
    items,
    limit: z
      .number({ message: 'Nombre de propositions attendu.' })
      .int({ message: 'Nombre entier attendu.' })
      .min(1, { message: 'Demandez au moins une proposition.' })
      .max(20, { message: '20 propositions au plus.' })
      .optional(),
    searchDays: z
      .number({ message: 'Nombre de jours attendu.' })
      .int({ message: 'Nombre entier de jours attendu.' })
      .min(1, { message: 'Cherchez sur au moins un jour.' })
      .max(366, { message: 'Cherchez sur un an au plus.' })
      .optional(),
  })
  .strict()
