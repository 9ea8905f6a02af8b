/**
 * `auth.status`, `auth.signIn`, `auth.signOut`. The session token goes to the caller's adapter
 * (`caller.session`), never into a result.
 */
import type { z } from 'zod'
import type { authSignInInput } from '../../../shared/api/account-schemas'
import type { AuthStatus, SignedInUser } from '../../../shared/domain/accounts'
import { DomainError } from '../../../shared/errors'
import { deleteSession } from '../db/repositories/sessions'
import { accountsExist, getUserByLogin } from '../db/repositories/users'
import type { ServiceContext } from '../services/context'
import type { CallInfo } from './access'
import { decoyHash, verifyPassword } from './passwords'
import { signedInUser } from './principal'
import { openSession } from './sessions'

/** The one answer to a wrong login or a wrong password: it does not say which. */
export const WRONG_CREDENTIALS =
  'Identifiant ou mot de passe incorrect. Vérifiez la saisie (majuscules comprises) et réessayez.'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `auth.status`: whether accounts exist, and who is signed in on this caller. */
export function authStatus(ctx: ServiceContext, call: CallInfo): AuthStatus {
  const { principal } = call
  return {
    accountsExist: accountsExist(ctx.db),
    user: principal.kind === 'user' ? signedInUser(principal.user) : null,
  }
}

/**
 * `auth.signIn`: checks the password (scrypt, constant-time compare; an unknown login costs the same
 * time as a wrong password), then opens a session whose token the adapter keeps. Any session the
 * caller held before is closed.
 * @throws DomainError UNAUTHENTICATED with {@link WRONG_CREDENTIALS} after a short delay; FORBIDDEN
 *   when the login is locked after 5 failures (for 5 minutes), when the account is disabled, or when
 *   the caller's channel cannot hold a session
 */
export async function signIn(
  ctx: ServiceContext,
  input: z.output<typeof authSignInInput>,
  call: CallInfo,
): Promise<SignedInUser> {
  const { throttle, failureDelayMs } = call.guard
  const locked = throttle.lockedMinutes(input.login)
  if (locked > 0) {
    throw new DomainError(
      'FORBIDDEN',
      `Trop d’essais infructueux pour cet identifiant : réessayez dans ${locked} minute${locked > 1 ? 's' : ''}, ` +
        'ou demandez à un administrateur de vérifier votre compte.',
    )
  }
  const user = getUserByLogin(ctx.db, input.login)
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()))
  if (!user || !matches) {
    throttle.fail(input.login)
    await sleep(failureDelayMs)
    throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS)
  }
  if (user.disabled) {
    throw new DomainError(
      'FORBIDDEN',
      'Ce compte est désactivé : demandez à un administrateur de le réactiver.',
    )
  }
  const session = call.caller.session
  if (!session) {
    throw new DomainError('FORBIDDEN', 'Connexion impossible depuis ce canal : utilisez l’application.')
  }
  throttle.succeed(input.login)
  if (call.principal.kind === 'user') deleteSession(ctx.db, call.principal.tokenHash)
  session.set(openSession(ctx.db, user.id, ctx.now()))
  return signedInUser(user)
}

/** `auth.signOut`: ends the caller's session (deleted from the database) and forgets its token. */
export function signOut(ctx: ServiceContext, call: CallInfo): AuthStatus {
  if (call.principal.kind === 'user') deleteSession(ctx.db, call.principal.tokenHash)
  call.caller.session?.set(null)
  return { accountsExist: accountsExist(ctx.db), user: null }
}
