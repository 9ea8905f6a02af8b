/**
 * zod input schemas of cost sharing and governance (issue 7): rates, the hub's settings, cost reports,
 * statements, deposits, damage charges and the usage report. Messages are French. Amounts are euro
 * cents; `from`/`to`/`validFrom` are local dates `YYYY-MM-DD` (Europe/Paris), both ends inclusive.
 */
import { z } from 'zod'
import { depositListStatuses, rateUnits, usageGroupings } from '../domain/costs'
import { cents, localDate, optionalText, timeText, uuid } from './fields'

const DAY_MS = 86_400_000

/** Days from `from` to `to` for two well-formed dates, NaN otherwise (the field's own check reports it). */
function spanDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS
}

/** `{ from, to }` local dates, `to` on or after `from`, at most `maxDays` days apart. */
function localPeriod<T extends { from: string; to: string }>(maxDays: number, label: string) {
  return (input: T, ctx: z.RefinementCtx) => {
    const days = spanDays(input.from, input.to)
    if (Number.isNaN(days)) return
    if (days < 0) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin de la période doit suivre son début.' })
    } else if (days >= maxDays) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: label })
    }
  }
}

const wholeNumber = (label: string, max: number) =>
  z
    .number({ message: `${label} : nombre attendu.` })
    .int({ message: `${label} : nombre entier attendu.` })
    .min(0, { message: `${label} ne peut pas être négatif.` })
    .max(max, { message: `${label} : ${max} au plus.` })

const percent = (label: string) => wholeNumber(label, 500)

/** A local clock time `HH:mm` (00:00–23:59). */
const clockTime = z
  .string({ message: 'Heure attendue (hh:mm).' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Heure attendue au format hh:mm (par exemple 21:00).' })

export const ratesListInput = z.object({ resourceId: uuid.optional() }).strict()

/**
 * `rates.set`: the resource's rate from `validFrom` (replacing the one set for that same day, if
 * any). Rates of earlier days stay, so that bookings before `validFrom` keep them. `amountCents` is
 * required unless `unit` is `none` (no rate any more from that day).
 */
export const ratesSetInput = z
  .object({
    resourceId: uuid,
    unit: z.enum(rateUnits, {
      message: 'Unité attendue : jour, demi-journée, heure, m² par jour, prêt ou sans tarif.',
    }),
    amountCents: cents.optional(),
    depositCents: cents.optional(),
    free: z.boolean({ message: 'Oui ou non attendu.' }).optional(),
    validFrom: localDate,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.unit !== 'none' && input.amountCents === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amountCents'], message: 'Indiquez le montant du tarif.' })
    }
    if (input.unit === 'none' && (input.amountCents ?? 0) !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: 'Un tarif « sans tarif » n’a pas de montant : laissez-le vide.',
      })
    }
  })

/** `settings.get`: the version in force on `date` (default: today, Europe/Paris) and all versions. */
export const settingsGetInput = z.object({ hubId: uuid.optional(), date: localDate.optional() }).strict()

const surchargesInput = z
  .object({
    nightStart: clockTime.optional(),
    nightEnd: clockTime.optional(),
    nightPercent: percent('La majoration de nuit').optional(),
    holidayDayPercent: percent('La majoration dimanche et jour férié').optional(),
    holidayNightPercent: percent('La majoration de nuit dimanche et jour férié').optional(),
  })
  .strict()
  .refine((s) => s.nightStart === undefined || s.nightStart !== s.nightEnd, {
    message: 'La nuit commence et finit à des heures différentes.',
    path: ['nightEnd'],
  })

const quotaInput = z
  .object({
    categoryId: uuid,
    maxDays: wholeNumber('Le quota', 366).refine((n) => n >= 1, {
      message: 'Un quota compte au moins 1 jour.',
    }),
    period: z.enum(['month', 'year'], { message: 'Période du quota attendue : mois ou année.' }),
  })
  .strict()

const governanceInput = z
  .object({
    minNoticeDays: wholeNumber('Le délai de prévenance', 365).optional(),
    maxLoanDays: wholeNumber('La durée maximale', 366)
      .refine((n) => n >= 1, { message: 'Une durée maximale compte au moins 1 jour.' })
      .nullable()
      .optional(),
    /** The new list replaces the old one. */
    quotas: z
      .array(quotaInput)
      .max(50, { message: '50 quotas au plus.' })
      .superRefine((list, ctx) => {
        const seen = new Set<string>()
        list.forEach((quota, index) => {
          const key = `${quota.categoryId}/${quota.period}`
          if (seen.has(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'categoryId'],
              message: 'Cette catégorie a déjà un quota sur cette période.',
            })
          }
          seen.add(key)
        })
      })
      .optional(),
  })
  .strict()

/**
 * `settings.update`: a new version of the hub's settings from `validFrom`, made of the version in
 * force that day with these changes (replacing a version stored for that same day). What really
 * changes is carried forward into the versions stored for later days that still hold the old value
 * (electron/backend/services/costs/settings.ts).
 */
export const settingsUpdateInput = z
  .object({
    hubId: uuid.optional(),
    validFrom: localDate,
    agentHourlyRateCents: cents.optional(),
    vehicleHourlyRateCents: cents.optional(),
    allDayHours: z
      .number({ message: 'Nombre d’heures attendu.' })
      .min(0.25, { message: 'Un quart d’heure au moins.' })
      .max(24, { message: '24 heures au plus.' })
      .refine((h) => Number.isInteger(h * 4), { message: 'Comptez en quarts d’heure (7, 7,25, 7,5…).' })
      .optional(),
    surcharges: surchargesInput.optional(),
    governance: governanceInput.optional(),
  })
  .strict()

/** `reports.costs`: the lines of bookings starting in `[from, to]` (a year at most), per commune. */
export const reportsCostsInput = z
  .object({ from: localDate, to: localDate, communeId: uuid.optional() })
  .strict()
  .superRefine(localPeriod(366, 'Un relevé couvre un an au plus.'))

/** `statements.issue`: freezes the commune's lines of `[from, to]` in a numbered statement. */
export const statementsIssueInput = z
  .object({ communeId: uuid, from: localDate, to: localDate })
  .strict()
  .superRefine(localPeriod(366, 'Un relevé couvre un an au plus.'))

export const statementsListInput = z
  .object({
    communeId: uuid.optional(),
    year: z.number().int().min(1900).max(2199, { message: 'Année entre 1900 et 2199.' }).optional(),
  })
  .strict()

export const statementsGetInput = z.object({ id: uuid }).strict()

export const statementsExportInput = z
  .object({ id: uuid, format: z.enum(['pdf', 'xlsx'], { message: 'Format attendu : pdf ou xlsx.' }) })
  .strict()

/** `reports.usage`: the bilan of `[from, to]` (three years at most), grouped by resource, category or commune. */
export const reportsUsageInput = z
  .object({
    from: localDate,
    to: localDate,
    groupBy: z.enum(usageGroupings, { message: 'Regroupement attendu : ressource, catégorie ou commune.' }),
  })
  .strict()
  .superRefine(localPeriod(1096, 'Un bilan couvre trois ans au plus.'))

/**
 * `deposits.record`: the deposit of a booking `received` (amount default: what its rates ask) or
 * `returned` (amount default: all that was received; the rest is kept). `at` defaults to now.
 */
export const depositsRecordInput = z
  .object({
    bookingId: uuid,
    action: z.enum(['received', 'returned'], { message: 'Action attendue : reçue ou rendue.' }),
    amountCents: cents.optional(),
    at: timeText.optional(),
    notes: optionalText('Les remarques', 1000).optional(),
  })
  .strict()

export const depositsGetInput = z.object({ bookingId: uuid }).strict()

/** `deposits.list`: the deposits expected, held or given back, of every commune or one. */
export const depositsListInput = z
  .object({
    communeId: uuid.optional(),
    status: z.enum(depositListStatuses, { message: 'État attendu : attendue, reçue ou rendue.' }).optional(),
  })
  .strict()

/**
 * `costs.confirmDamage`: the manager's decision on the damaged or missing units of a returned
 * booking's item: `quantity` units charged at `unitValueCents` each (default: the purchase value ÷
 * units owned), or 0 to record the decision not to bill them, whose `reason` is then required.
 */
export const costsConfirmDamageInput = z
  .object({
    bookingId: uuid,
    resourceId: uuid,
    quantity: wholeNumber('La quantité', 1_000_000),
    unitValueCents: cents.optional(),
    notes: optionalText('Les remarques', 1000).optional(),
    reason: optionalText('Le motif', 1000).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.quantity === 0 && (input.reason ?? '') === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Indiquez pourquoi ces unités ne sont pas facturées.',
      })
    }
  })

export const costsDamagesInput = z.object({ bookingId: uuid }).strict()

/** `costs.pendingDamages`: returned items with damaged or missing units not decided yet. */
export const costsPendingDamagesInput = z.object({ communeId: uuid.optional() }).strict()
