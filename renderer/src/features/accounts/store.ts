/**
 * The Comptes page: the list of accounts and the changes an administrator makes to them.
 */
import { create } from 'zustand'
import type { MethodInput } from '../../../../shared/api/contract'
import type { User } from '../../../../shared/domain/accounts'
import type { ApiError } from '../../../../shared/errors'
import { api } from '../../api'

interface AccountsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly users: readonly User[]
  /** What the last change did, in French, for the notice above the list. */
  readonly notice: string | null
  /** Why the last change was refused, in French. */
  readonly failure: string | null
  readonly load: () => Promise<void>
  /** Resolves to the refusal, or null when stored. */
  readonly create: (input: MethodInput<'users.create'>) => Promise<ApiError | null>
  readonly update: (input: MethodInput<'users.update'>, notice: string) => Promise<ApiError | null>
  readonly dismissNotice: () => void
}

export const useAccounts = create<AccountsState>()((set, get) => ({
  status: 'idle',
  error: null,
  users: [],
  notice: null,
  failure: null,
  load: async () => {
    set({ status: 'loading', error: null })
    const result = await api.users.list({})
    if (result.ok) set({ status: 'ready', users: result.value })
    else set({ status: 'error', error: result.error.message })
  },
  create: async (input) => {
    const result = await api.users.create(input)
    if (!result.ok) return result.error
    set({ notice: `Compte « ${result.value.login} » créé pour ${result.value.displayName}.`, failure: null })
    await get().load()
    return null
  },
  update: async (input, notice) => {
    const result = await api.users.update(input)
    if (!result.ok) {
      set({ notice: null, failure: result.error.message })
      return result.error
    }
    set({ notice, failure: null })
    await get().load()
    return null
  },
  dismissNotice: () => set({ notice: null, failure: null }),
}))
