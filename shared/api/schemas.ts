/**
 * zod input schemas of the API contract. Every boundary (dispatcher, forms) parses with them.
 * Messages are French. Period fields accept the forms of `parseTimeInput` (shared/time.ts).
 */
import { z } from 'zod'
import { bookingStatuses, resourceKinds, trackings } from '../domain/types'
import { DomainError } from '../errors'
import { parseLocalDate, parseTimeInput } from '../time'

// Zod's own messages (wrong type, unknown key…) in French, like ours.
z.config(z.locales.fr())
// No code generation: the renderer's Content-Security-Policy forbids eval.
z.config({ jitless: true })

const uuid = z.uuid({ message: 'Identifiant invalide (UUID attendu).' })

const trimmed = (label: string, max: number) =>
  z
    .string({ message: `${label} : texte attendu.` })
    .trim()
    .min(1, { message: `${label} est obligatoire.` })
    .max(max, { message: `${label} : ${max} caractères au plus.` })

const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label} : texte attendu.` })
    .trim()
    .max(max, { message: `${label} : ${max} caractères au plus.` })

/** A moment of the API: checked here so that the error carries the field's path. */
const timeText = z.string({ message: 'Date attendue.' }).superRefine((text, ctx) => {
  try {
    parseTimeInput(text)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof DomainError ? error.message : 'Date invalide.' })
  }
})

const localDate = z.string().superRefine((text, ctx) => {
  try {
    parseLocalDate(text)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof DomainError ? error.message : 'Date invalide.' })
  }
})

const minutes = z
  .number({ message: 'Durée en minutes attendue.' })
  .int({ message: 'Durée en minutes entières attendue.' })
  .min(0, { message: 'Une durée ne peut pas être négative.' })
  .max(7 * 24 * 60, { message: 'Une marge ne peut dépasser 7 jours.' })

const positiveQuantity = z
  .number({ message: 'Quantité attendue.' })
  .int({ message: 'La quantité doit être un nombre entier.' })
  .min(1, { message: 'La quantité doit être au moins 1.' })
  .max(1_000_000, { message: 'Quantité trop grande.' })

const plate = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-\d{3}-[A-Z]{2}$/, { message: 'Immatriculation au format AB-123-CD attendue.' })

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
  qualifications: z.array(trimmed('Une qualification', 100)).max(50).optional(),
  weeklyHours: z.number().min(0).max(60, { message: 'Au plus 60 heures par semaine.' }).nullable().optional(),
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

const bookingItem = z.object({ resourceId: uuid, quantity: positiveQuantity.optional() }).strict()

const items = z
  .array(bookingItem)
  .min(1, { message: 'Ajoutez au moins une ressource.' })
  .max(200)
  .superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((item, index) => {
      if (seen.has(item.resourceId)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'resourceId'],
          message: 'Cette ressource figure déjà dans la demande.',
        })
      }
      seen.add(item.resourceId)
    })
  })

export const bookingsCreateInput = z
  .object({
    communeId: uuid,
    title: trimmed("L'objet de la réservation", 200),
    start: timeText,
    end: timeText,
    items,
    notes: optionalText('Les notes', 4000).optional(),
  })
  .strict()

export const bookingsListInput = z
  .object({
    from: timeText,
    to: timeText,
    communeId: uuid.optional(),
    resourceId: uuid.optional(),
    status: z.enum(bookingStatuses).optional(),
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
