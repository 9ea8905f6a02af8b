/**
 * The rights check the dispatcher runs on every call (DESIGN.md: rights are checked in the backend,
 * never only in the interface): who is calling (`identify`), whether the role may call the method at
 * all (`admit`, before the input is read), whether a secretary stays within her commune (`authorize`,
 * on the parsed input), and what she may see of the answer (`present`, `presentError`).
 */
import { allowedRolesText, ruleOf, type MethodRule } from '../../../shared/api/rights'
import { roleLabels } from '../../../shared/domain/accounts'
import { DomainError, type ApiError } from '../../../shared/errors'
import type { Db } from '../db/connection'
import { accountsExist } from '../db/repositories/users'
import type { Caller } from '../types'
import { maskError, maskResult } from './masking'
import { roleOf, scopedCommuneOf, type Principal } from './principal'
import { checkCommuneScope } from './scopes'
import { resolveSession } from './sessions'
import { SignInThrottle, type ThrottleOptions } from './throttle'

/** What sign-in needs that lives as long as the backend: the attempt counter and the failure delay. */
export interface SignInGuard {
  readonly throttle: SignInThrottle
  /** Wait before answering a failed sign-in, ms. */
  readonly failureDelayMs: number
}

/** What a handler learns about its call besides the input: the caller, who it acts as, the sign-in guard. */
export interface CallInfo {
  readonly caller: Caller
  readonly principal: Principal
  readonly guard: SignInGuard
}

export interface AccessOptions {
  /** Wait before answering a failed sign-in, ms; 400 by default (tests pass 0). */
  readonly failureDelayMs?: number
  readonly throttle?: ThrottleOptions
}

export interface Access {
  readonly guard: SignInGuard
  /** The caller's principal: `local` while no account exists, else its signed-in user or `anonymous`. */
  identify(caller: Caller): Principal
  /**
   * @throws DomainError UNAUTHENTICATED when the method needs a signed-in user and there is none;
   *   FORBIDDEN when the role may not call it, or the method has no rule
   */
  admit(method: string, principal: Principal): void
  /** @throws DomainError FORBIDDEN when a secretary's call reaches another commune (shared/api/rights.ts) */
  authorize(method: string, input: unknown, principal: Principal): void
  /** The result as the principal may see it (masked for a secretary). */
  present<T>(value: T, principal: Principal): T
  presentError(error: ApiError, principal: Principal): ApiError
}

const SIGN_IN_NEEDED =
  'Connectez-vous pour continuer : vous n’êtes pas connecté ou votre session a expiré (8 h sans activité, 7 jours au plus).'

function forbidden(rule: MethodRule, principal: Principal): DomainError {
  const role = roleOf(principal)
  const yours = role ? ` : votre compte (${roleLabels[role]}) ne le permet pas` : ''
  // The hub's own people are told to see an administrator, not to ask themselves.
  const ask =
    role === 'manager' || role === 'viewer'
      ? 'Demandez-la à un administrateur.'
      : 'Demandez-la au pôle technique ou à un administrateur.'
  return new DomainError('FORBIDDEN', `Action réservée ${allowedRolesText(rule)}${yours}. ${ask}`)
}

/**
 * The access layer of one backend.
 * @param dbOf the current connection (read at each call: a restore replaces it)
 * @param now the clock sessions expire by, epoch ms
 */
export function createAccess(dbOf: () => Db, now: () => number, options: AccessOptions = {}): Access {
  const guard: SignInGuard = {
    throttle: new SignInThrottle(now, options.throttle),
    failureDelayMs: options.failureDelayMs ?? 400,
  }
  return {
    guard,
    identify(caller) {
      const db = dbOf()
      if (!accountsExist(db)) return { kind: 'local' }
      const token = caller.session?.token ?? null
      if (!token) return { kind: 'anonymous' }
      const found = resolveSession(db, token, now())
      if (!found) {
        // An expired or unknown token is forgotten by the adapter (the cookie is cleared).
        caller.session?.set(null)
        return { kind: 'anonymous' }
      }
      return { kind: 'user', user: found.user, tokenHash: found.tokenHash }
    },
    admit(method, principal) {
      const rule = ruleOf(method)
      if (rule === null) {
        throw new DomainError('FORBIDDEN', `Appel refusé : aucune règle de droits pour « ${method} ».`)
      }
      if (rule.access === 'public') return
      const role = roleOf(principal)
      if (role === null) throw new DomainError('UNAUTHENTICATED', SIGN_IN_NEEDED)
      if (!rule.roles.includes(role)) throw forbidden(rule, principal)
    },
    authorize(method, input, principal) {
      const rule = ruleOf(method)
      const communeId = scopedCommuneOf(principal)
      if (rule?.access !== 'roles' || !rule.scope || communeId === null) return
      checkCommuneScope(dbOf(), rule.scope, input, communeId)
    },
    present(value, principal) {
      const communeId = scopedCommuneOf(principal)
      return communeId === null ? value : maskResult(value, communeId)
    },
    presentError(error, principal) {
      const communeId = scopedCommuneOf(principal)
      return communeId === null ? error : maskError(error, communeId)
    },
  }
}
