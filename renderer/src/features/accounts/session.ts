/**
 * Who is signed in, for the whole interface: `auth.status` at start, sign-in and sign-out. The
 * session itself (token) is never seen here: the browser keeps it in an HttpOnly cookie, Electron in
 * its main process.
 */
import { create } from 'zustand'
import type { MethodName } from '../../../../shared/api/contract'
import { canCall } from '../../../../shared/api/rights'
import type { SignedInUser } from '../../../../shared/domain/accounts'
import { api, onSignedOut } from '../../api'
import { effectiveRole, mayActOnBooking } from './model'

interface SessionState {
  readonly status: 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly accountsExist: boolean
  readonly user: SignedInUser | null
  readonly load: () => Promise<void>
  /** Resolves to the French error to show, or null once signed in. */
  readonly signIn: (login: string, password: string) => Promise<string | null>
  readonly signOut: () => Promise<void>
}

/** The last user signed in on this page, so that another person's sign-in starts from fresh data. */
let lastUserId: string | null = null

export const useSession = create<SessionState>()((set) => ({
  status: 'loading',
  error: null,
  accountsExist: false,
  user: null,
  load: async () => {
    set({ status: 'loading', error: null })
    const result = await api.auth.status({})
    if (!result.ok) {
      set({ status: 'error', error: result.error.message })
      return
    }
    lastUserId = result.value.user?.id ?? lastUserId
    set({ status: 'ready', accountsExist: result.value.accountsExist, user: result.value.user })
  },
  signIn: async (login, password) => {
    const result = await api.auth.signIn({ login, password })
    if (!result.ok) return result.error.message
    if (lastUserId !== null && lastUserId !== result.value.id) {
      // Another person: the pages' data of the previous one must not linger in memory.
      window.location.reload()
      return null
    }
    lastUserId = result.value.id
    set({ accountsExist: true, user: result.value })
    return null
  },
  signOut: async () => {
    await api.auth.signOut({})
    // A fresh page: nothing of what the person saw stays in memory.
    window.location.reload()
  },
}))

// A call refused for lack of a session (expired): back to the sign-in screen, pages kept as typed.
onSignedOut(() => {
  if (useSession.getState().user !== null) useSession.setState({ user: null, accountsExist: true })
})

/**
 * Whether the person may call `method` (rights table of shared/api/rights.ts), to hide what the
 * role may not do. The backend checks again, and also keeps a secretary to her commune.
 */
export function useCan(method: MethodName): boolean {
  return useSession((s) => canCall(effectiveRole(s), method))
}

/** The commune a secretary works for; null for the other roles. */
export function useOwnCommune(): string | null {
  return useSession((s) => (s.user?.role === 'secretary' ? s.user.communeId : null))
}

/** Whether the person may take `action` (`approve`, `cancel`…) on a booking; see `mayActOnBooking`. */
export function useMayActOnBooking(): (booking: { readonly communeId: string }, action: string) => boolean {
  const role = useSession(effectiveRole)
  const ownCommune = useOwnCommune()
  return (booking, action) => mayActOnBooking(role, ownCommune, booking, action)
}
