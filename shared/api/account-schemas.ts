/**
 * zod input schemas of accounts, sign-in and the journal (issue 6). Messages are French.
 */
import { z } from 'zod'
import { roles } from '../domain/accounts'
import { isCleanText, optionalText, timeText, trimmed, uuid } from './fields'

/** Shortest password accepted for an account (ANSSI's advice for a password alone: 12 characters). */
export const MIN_PASSWORD_LENGTH = 12
/** Longest password: enough for any passphrase, short enough to keep hashing bounded. */
export const MAX_PASSWORD_LENGTH = 200

/** A login: 2 to 40 characters among lower-case letters, digits, `.`, `_`, `-` and `@`. */
export const login = z
  .string({ message: 'Identifiant : texte attendu.' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,39}$/, {
    message:
      'Identifiant : 2 à 40 caractères, lettres sans accent, chiffres, point, tiret, @ (ex. : m.durand).',
  })

/** A new password: kept exactly as typed (spaces count), 12 to 200 characters. */
export const newPassword = z
  .string({ message: 'Mot de passe : texte attendu.' })
  .min(MIN_PASSWORD_LENGTH, {
    message: `Mot de passe : ${MIN_PASSWORD_LENGTH} caractères au moins (une phrase facile à retenir convient).`,
  })
  .max(MAX_PASSWORD_LENGTH, { message: `Mot de passe : ${MAX_PASSWORD_LENGTH} caractères au plus.` })
  .refine(isCleanText, { message: 'Mot de passe : caractères invalides, retapez-le.' })

export const roleInput = z.enum(roles, {
  message: 'Rôle attendu : administrateur, responsable du pôle, secrétaire de mairie ou consultation.',
})

/**
 * Sign-in. The login is not checked against the login rules here, so that a mistyped one gets the
 * same answer as a wrong password (no hint which of the two was wrong).
 */
export const authSignInInput = z
  .object({
    login: z
      .string({ message: 'Identifiant : texte attendu.' })
      .trim()
      .toLowerCase()
      .min(1, { message: 'Indiquez votre identifiant.' })
      .max(100, { message: 'Identifiant ou mot de passe incorrect.' }),
    password: z
      .string({ message: 'Mot de passe : texte attendu.' })
      .min(1, { message: 'Indiquez votre mot de passe.' })
      .max(MAX_PASSWORD_LENGTH, { message: 'Identifiant ou mot de passe incorrect.' }),
  })
  .strict()

/** A secretary works for one commune: `communeId` is required for her and refused for other roles. */
export const usersCreateInput = z
  .object({
    login,
    displayName: trimmed('Le nom affiché', 100),
    password: newPassword,
    role: roleInput,
    communeId: uuid.nullable().optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.role === 'secretary' && !input.communeId) {
      ctx.addIssue({
        code: 'custom',
        path: ['communeId'],
        message: 'Choisissez la commune de la secrétaire de mairie.',
      })
    }
    if (input.role !== 'secretary' && input.communeId) {
      ctx.addIssue({
        code: 'custom',
        path: ['communeId'],
        message: 'Seule une secrétaire de mairie est rattachée à une commune : retirez la commune.',
      })
    }
  })

/** Changes to an account; a new `password` is a reset by an administrator (the person's sessions end). */
export const usersUpdateInput = z
  .object({
    id: uuid,
    displayName: trimmed('Le nom affiché', 100).optional(),
    role: roleInput.optional(),
    communeId: uuid.nullable().optional(),
    password: newPassword.optional(),
    disabled: z.boolean({ message: 'Désactivé : oui ou non attendu.' }).optional(),
  })
  .strict()

export const journalEntities = [
  'resource',
  'booking',
  'unavailability',
  'category',
  'user',
  'database',
] as const

/**
 * `journal.list`: entries newest first, `limit` per page (50 by default, 200 at most); `before` is
 * the `next` of the previous page. `from`/`to` bound the instant of the change, `[from, to)`; a date
 * means local midnight starting it (Europe/Paris). `actor` matches part of the author's name or
 * login, case-insensitively. `resourceId` finds the resource's own entries and those of bookings and
 * unavailabilities naming it; `communeId` those of the commune's bookings and agents.
 */
export const journalListInput = z
  .object({
    from: timeText.optional(),
    to: timeText.optional(),
    actor: optionalText('La personne', 200).optional(),
    entity: z
      .enum(journalEntities, {
        message:
          'Type attendu : ressource, réservation, indisponibilité, catégorie, compte ou base de données.',
      })
      .optional(),
    entityId: uuid.optional(),
    resourceId: uuid.optional(),
    communeId: uuid.optional(),
    limit: z
      .number({ message: 'Nombre d’entrées attendu.' })
      .int({ message: 'Nombre entier attendu.' })
      .min(1, { message: 'Au moins une entrée.' })
      .max(200, { message: '200 entrées au plus par page.' })
      .optional(),
    before: z
      .string({ message: 'Suite du journal illisible : rechargez la page.' })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9A-F]{4}-[0-9a-f-]{1,64}$/, {
        message: 'Suite du journal illisible : rechargez la page.',
      })
      .optional(),
  })
  .strict()
