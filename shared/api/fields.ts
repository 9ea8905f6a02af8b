/**
 * The building blocks of the contract's zod schemas: identifiers, texts, moments, quantities, amounts.
 * Messages are French. Period fields accept the forms of `parseTimeInput` (shared/time.ts).
 */
import { z } from 'zod'
import { DomainError } from '../errors'
import { parseLocalDate, parseTimeInput } from '../time'

// Zod's own messages (wrong type, unknown key…) in French, like ours.
z.config(z.locales.fr())
// No code generation: the renderer's Content-Security-Policy forbids eval.
z.config({ jitless: true })

// Identifiers are made lower-case by the application; one typed in capitals is the same one.
export const uuid = z
  .uuid({ message: 'Identifiant invalide (UUID attendu).' })
  .transform((id) => id.toLowerCase())

/** No control characters (NUL…) but line breaks and tabs, no bidirectional overrides, and no broken Unicode. */
export function isCleanText(text: string): boolean {
  return (
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text) &&
    !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text) &&
    // Bidirectional overrides turn « abc‮gnp.exe » into « abcexe.png » on screen and in the journal.
    !/[\u202A-\u202E\u2066-\u2069]/.test(text)
  )
}

export const cleanTextMessage =
  'Caractères invalides (caractères de contrôle ou texte mal encodé) : retapez ce texte.'

export const trimmed = (label: string, max: number) =>
  z
    .string({ message: `${label} : texte attendu.` })
    .trim()
    .min(1, { message: `${label} est obligatoire.` })
    .max(max, { message: `${label} : ${max} caractères au plus.` })
    .refine(isCleanText, { message: cleanTextMessage })

export const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label} : texte attendu.` })
    .trim()
    .max(max, { message: `${label} : ${max} caractères au plus.` })
    .refine(isCleanText, { message: cleanTextMessage })

/** A moment of the API: checked here so that the error carries the field's path. */
export const timeText = z.string({ message: 'Date attendue.' }).superRefine((text, ctx) => {
  try {
    parseTimeInput(text)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof DomainError ? error.message : 'Date invalide.' })
  }
})

export const localDate = z.string().superRefine((text, ctx) => {
  try {
    parseLocalDate(text)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof DomainError ? error.message : 'Date invalide.' })
  }
})

export const minutes = z
  .number({ message: 'Durée en minutes attendue.' })
  .int({ message: 'Durée en minutes entières attendue.' })
  .min(0, { message: 'Une durée ne peut pas être négative.' })
  .max(7 * 24 * 60, { message: 'Une marge ne peut dépasser 7 jours.' })

export const positiveQuantity = z
  .number({ message: 'Quantité attendue.' })
  .int({ message: 'La quantité doit être un nombre entier.' })
  .min(1, { message: 'La quantité doit être au moins 1.' })
  .max(1_000_000, { message: 'Quantité trop grande.' })

export const plate = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-\d{3}-[A-Z]{2}$/, { message: 'Immatriculation au format AB-123-CD attendue.' })

/** An amount in euro cents: a whole number, 0 to 100 million euros. */
export const cents = z
  .number({ message: 'Montant attendu (en centimes).' })
  .int({ message: 'Montant en centimes entiers attendu.' })
  .min(0, { message: 'Un montant ne peut pas être négatif.' })
  .max(10_000_000_000, { message: 'Montant trop grand.' })

export const qualification = z
  .object({ name: trimmed('Une qualification', 100), expiresOn: localDate.nullable().optional() })
  .strict()

export const bookingItem = z.object({ resourceId: uuid, quantity: positiveQuantity.optional() }).strict()

export const items = z
  .array(bookingItem)
  .min(1, { message: 'Ajoutez au moins une ressource.' })
  .max(200, { message: 'Une demande porte sur 200 ressources au plus.' })
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

/** An idempotency key made by the client (a UUID or any 8–100 visible characters). */
export const clientRequestId = z
  .string({ message: 'Identifiant de demande attendu.' })
  .regex(/^[\x21-\x7E]{8,100}$/, {
    message: 'Identifiant de demande invalide (8 à 100 caractères visibles).',
  })

/** The commune's own qualified operator. */
export const providedOperator = z
  .object({
    name: trimmed('Le nom du conducteur ou opérateur', 200),
    qualification: trimmed('Sa qualification', 100),
  })
  .strict()

/** Delivery and pick-up by the hub: its vehicle, 1 to 4 agents, the trip's duration and the address. */
export const delivery = z
  .object({
    vehicleId: uuid,
    agentIds: z
      .array(uuid)
      .min(1, { message: 'Un agent au moins conduit la livraison.' })
      .max(4, { message: '4 agents au plus.' }),
    minutes: z
      .number({ message: 'Durée en minutes attendue.' })
      .int({ message: 'Durée en minutes entières attendue.' })
      .min(15, { message: 'Une livraison dure au moins 15 minutes.' })
      .max(480, { message: 'Une livraison dure au plus 8 heures.' })
      .optional(),
    address: optionalText('L’adresse', 500).optional(),
  })
  .strict()
