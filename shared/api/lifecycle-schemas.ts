/**
 * zod input schemas of the booking lifecycle (issue 4): approval, hand-over and return, the inbox, the
 * depot's day list, slips, logistics and series. Messages are French.
 */
import { z } from 'zod'
import {
  clientRequestId,
  items,
  localDate,
  optionalText,
  providedOperator,
  timeText,
  trimmed,
  uuid,
} from './fields'

const odometerKm = z
  .number({ message: 'Kilométrage attendu.' })
  .int({ message: 'Kilométrage en km entiers attendu.' })
  .min(0, { message: 'Le kilométrage ne peut pas être négatif.' })
  .max(10_000_000, { message: 'Kilométrage trop grand.' })

const count = (label: string) =>
  z
    .number({ message: `${label} : nombre attendu.` })
    .int({ message: `${label} : nombre entier attendu.` })
    .min(0, { message: `${label} : pas de nombre négatif.` })
    .max(1_000_000, { message: `${label} : nombre trop grand.` })

export const bookingsApproveInput = z.object({ id: uuid }).strict()

export const bookingsRejectInput = z.object({ id: uuid, reason: trimmed('Le motif du refus', 1000) }).strict()

/** `at` defaults to now; it may be given to record a hand-over made while the depot had no network. */
export const bookingsCheckOutInput = z
  .object({
    id: uuid,
    at: timeText.optional(),
    odometerKm: odometerKm.optional(),
    notes: optionalText('Les remarques', 4000).optional(),
  })
  .strict()

const returnedItem = z
  .object({
    resourceId: uuid,
    returnedQuantity: count('La quantité rendue'),
    damagedQuantity: count('La quantité abîmée').optional(),
  })
  .strict()
  .refine((item) => (item.damagedQuantity ?? 0) <= item.returnedQuantity, {
    message: 'On ne peut pas rendre abîmé plus que ce qui est rendu.',
    path: ['damagedQuantity'],
  })

/** Items left out were returned in full and undamaged. */
export const bookingsReturnInput = z
  .object({
    id: uuid,
    at: timeText.optional(),
    odometerKm: odometerKm.optional(),
    items: z
      .array(returnedItem)
      .max(200)
      .superRefine((lines, ctx) => {
        const seen = new Set<string>()
        lines.forEach((line, index) => {
          if (seen.has(line.resourceId)) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'resourceId'],
              message: 'Cette ressource figure deux fois dans le retour : une ligne par ressource.',
            })
          }
          seen.add(line.resourceId)
        })
      })
      .optional(),
    notes: optionalText('Les remarques', 4000).optional(),
  })
  .strict()

export const bookingsInboxInput = z.object({ hubId: uuid.optional() }).strict()

export const bookingsHistoryInput = z.object({ id: uuid }).strict()

export const bookingsSlipInput = z
  .object({
    id: uuid,
    kind: z.enum(['checkout', 'return'], { message: 'Bon attendu : sortie ou retour.' }),
  })
  .strict()

export const depotDayInput = z.object({ date: localDate, hubId: uuid.optional() }).strict()

export const logisticsListInput = z.object({ from: timeText, to: timeText }).strict()

export const unavailabilitiesRestoreInput = z.object({ id: uuid }).strict()

/**
 * A series: the first occurrence (`start`–`end`), an RFC 5545 rule (`FREQ=WEEKLY;BYDAY=WE;COUNT=4`,
 * `RRULE:` prefix optional; FREQ DAILY, WEEKLY or MONTHLY, with COUNT or UNTIL) evaluated in
 * Europe/Paris wall time, and exception dates (local dates: the occurrence starting that day is skipped).
 */
const seriesFields = {
  communeId: uuid,
  title: trimmed("L'objet de la réservation", 200),
  start: timeText,
  end: timeText,
  items,
  notes: optionalText('Les notes', 4000).optional(),
  providedOperator: providedOperator.nullable().optional(),
  rule: z
    .string({ message: 'Règle de répétition attendue.' })
    .trim()
    .min(1, { message: 'Indiquez la règle de répétition.' })
    .max(500, { message: 'Règle de répétition trop longue.' }),
  exceptionDates: z.array(localDate).max(400, { message: '400 dates d’exception au plus.' }).optional(),
}

export const seriesPreviewInput = z.object(seriesFields).strict()

/** `onConflict`: `stop` refuses the whole series if any occurrence conflicts; `skip` books the others. */
export const seriesCreateInput = z
  .object({
    ...seriesFields,
    onConflict: z.enum(['stop', 'skip'], { message: 'En cas de conflit : arrêter ou passer.' }),
    clientRequestId: clientRequestId.optional(),
  })
  .strict()

/** Cancels the occurrences starting on or after the local date `from`; earlier ones stay as they are. */
export const seriesCancelInput = z
  .object({ id: uuid, from: localDate, reason: optionalText('Le motif', 1000).optional() })
  .strict()
