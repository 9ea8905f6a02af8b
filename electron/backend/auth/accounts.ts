/**
 * `users.list`, `users.create`, `users.update` (administrators only, by the rights table). Every
 * change is journaled as entity `user`, without the password hash.
 */
import type { z } from 'zod'
import type { usersCreateInput, usersUpdateInput } from '../../../shared/api/account-schemas'
import type { User } from '../../../shared/domain/accounts'
import { DomainError } from '../../../shared/errors'
import { writeTransaction } from '../db/connection'
import { appendAudit } from '../db/repositories/audit'
import { getCommune } from '../db/repositories/communes'
import { deleteUserSessions } from '../db/repositories/sessions'
import {
  accountsExist,
  countOtherActiveAdmins,
  getUser,
  getUserByLogin,
  insertUser,
  listUsers as selectUsers,
  replaceUser,
  type UserRecord,
} from '../db/repositories/users'
import { nowIso, type ServiceContext } from '../services/context'
import type { CallInfo } from './access'
import { hashPassword } from './passwords'
import { openSession } from './sessions'

/** An account as the API shows it: never the hash. */
function toUser(record: UserRecord): User {
  const { passwordHash: _hash, ...user } = record
  return user
}

function invalid(path: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { issues: [{ path, message }] })
}

function checkCommune(ctx: ServiceContext, communeId: string | null): void {
  if (communeId !== null && !getCommune(ctx.db, communeId)) {
    throw invalid('communeId', 'Cette commune n’existe pas : choisissez-la dans la liste.')
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

const LOGIN_TAKEN = 'Cet identifiant est déjà pris : choisissez-en un autre.'

/** `users.list`: every account, by display name. */
export function listUsers(ctx: ServiceContext): User[] {
  return selectUsers(ctx.db).map(toUser)
}

/**
 * `users.create`. The first account of an installation must be an administrator; it replaces the
 * local administrator, and the caller who made it is signed in as it (otherwise the next call would
 * need a sign-in that nobody has done yet).
 * @throws DomainError INVALID_INPUT (login taken, unknown commune, first account not an administrator)
 */
export async function createUser(
  ctx: ServiceContext,
  input: z.output<typeof usersCreateInput>,
  call: CallInfo,
): Promise<User> {
  const passwordHash = await hashPassword(input.password)
  const at = nowIso(ctx)
  const record: UserRecord = {
    id: ctx.newId(),
    login: input.login,
    displayName: input.displayName,
    role: input.role,
    communeId: input.role === 'secretary' ? (input.communeId ?? null) : null,
    passwordHash,
    disabled: false,
    createdAt: at,
    updatedAt: at,
  }
  let first: boolean
  try {
    first = writeTransaction(ctx.db, () => {
      const none = !accountsExist(ctx.db)
      if (none && record.role !== 'admin') {
        throw invalid(
          'role',
          'Le premier compte doit être un administrateur : sans lui, plus personne ne pourrait gérer les comptes.',
        )
      }
      checkCommune(ctx, record.communeId)
      if (getUserByLogin(ctx.db, record.login)) throw invalid('login', LOGIN_TAKEN)
      insertUser(ctx.db, record)
      appendAudit(ctx.db, {
        id: ctx.newId(),
        at,
        actor: ctx.actor,
        entity: 'user',
        entityId: record.id,
        action: 'create',
        before: null,
        after: toUser(record),
      })
      return none
    })
  } catch (error) {
    // Two administrators creating the same login at once: the second meets the UNIQUE index.
    if (isUniqueViolation(error)) throw invalid('login', LOGIN_TAKEN)
    throw error
  }
  if (first && call.caller.session) call.caller.session.set(openSession(ctx.db, record.id, ctx.now()))
  return toUser(record)
}

/**
 * `users.update`: name, role, commune, password reset, disabling. Disabling, a new password or a new
 * role ends the account's sessions (but not the session of the administrator changing her own).
 * @throws DomainError NOT_FOUND; INVALID_INPUT (secretary without commune, commune on another role);
 *   FORBIDDEN when it would leave no active administrator
 */
export async function updateUser(
  ctx: ServiceContext,
  input: z.output<typeof usersUpdateInput>,
  call: CallInfo,
): Promise<User> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
  return writeTransaction(ctx.db, () => {
    const before = getUser(ctx.db, input.id)
    if (!before) throw new DomainError('NOT_FOUND', 'Ce compte n’existe pas (ou plus) : rechargez la liste.')
    const role = input.role ?? before.role
    const communeId =
      role === 'secretary' ? (input.communeId === undefined ? before.communeId : input.communeId) : null
    if (role === 'secretary' && !communeId) {
      throw invalid('communeId', 'Choisissez la commune de la secrétaire de mairie.')
    }
    if (role !== 'secretary' && input.communeId) {
      throw invalid(
        'communeId',
        'Seule une secrétaire de mairie est rattachée à une commune : retirez la commune.',
      )
    }
    checkCommune(ctx, communeId)
    const after: UserRecord = {
      ...before,
      displayName: input.displayName ?? before.displayName,
      role,
      communeId,
      disabled: input.disabled ?? before.disabled,
      passwordHash: passwordHash ?? before.passwordHash,
      updatedAt: nowIso(ctx),
    }
    const stillAdmin = after.role === 'admin' && !after.disabled
    if (before.role === 'admin' && !before.disabled && !stillAdmin) {
      if (countOtherActiveAdmins(ctx.db, before.id) === 0) {
        throw new DomainError(
          'FORBIDDEN',
          `${before.displayName} est le dernier administrateur actif : nommez d’abord un autre administrateur.`,
        )
      }
    }
    replaceUser(ctx.db, after)
    if (
      after.disabled ||
      passwordHash !== null ||
      after.role !== before.role ||
      after.communeId !== before.communeId
    ) {
      const { principal } = call
      const own = principal.kind === 'user' && principal.user.id === after.id && !after.disabled
      deleteUserSessions(ctx.db, after.id, own ? principal.tokenHash : '')
    }
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: after.updatedAt,
      actor: ctx.actor,
      entity: 'user',
      entityId: after.id,
      action: passwordHash !== null && Object.keys(input).length === 2 ? 'password' : 'update',
      before: toUser(before),
      after: passwordHash === null ? toUser(after) : { ...toUser(after), passwordReset: true },
    })
    return toUser(after)
  })
}
