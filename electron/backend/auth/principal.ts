/**
 * Who a call acts as, once the dispatcher has looked at the caller's session.
 */
import type { Role, SignedInUser } from '../../../shared/domain/accounts'
import type { UserRecord } from '../db/repositories/users'

/**
 * - `local`: no account exists yet: the installation is its own single administrator (bootstrap);
 * - `anonymous`: accounts exist and the caller is not signed in (or the session expired);
 * - `user`: a signed-in account, with the hash of its session token.
 */
export type Principal =
  | { readonly kind: 'local' }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly user: UserRecord; readonly tokenHash: string }

/** The author the journal records for changes made before any account exists. */
export const LOCAL_ADMIN_ACTOR = 'administrateur local'

/** The role a principal acts with; null when nobody is signed in. */
export function roleOf(principal: Principal): Role | null {
  switch (principal.kind) {
    case 'local':
      return 'admin'
    case 'anonymous':
      return null
    case 'user':
      return principal.user.role
  }
}

/** The journal's author: « Marie Durand (m.durand) », or the local administrator before any account. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user'
    ? `${principal.user.displayName} (${principal.user.login})`
    : LOCAL_ADMIN_ACTOR
}

/** The commune a principal is restricted to: a secretary's; null for every other role. */
export function scopedCommuneOf(principal: Principal): string | null {
  return principal.kind === 'user' && principal.user.role === 'secretary' ? principal.user.communeId : null
}

/** The signed-in person as the API shows it (no hash, no flags). */
export function signedInUser(user: UserRecord): SignedInUser {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    communeId: user.communeId,
  }
}
