/**
 * Whether the application can show its pages: `system.status` is asked once at start, before
 * anything else; in recovery mode the recovery screen replaces the whole application.
 */
import { create } from 'zustand'
import { api } from '../../api'

interface RecoveryState {
  /** `normal` also when the status cannot be read: the pages then show their own load errors. */
  readonly mode: 'checking' | 'normal' | 'recovery'
  readonly check: () => Promise<void>
}

export const useRecovery = create<RecoveryState>()((set) => ({
  mode: 'checking',
  check: async () => {
    const status = await api.system.status({})
    set({ mode: status.ok && status.value.mode === 'recovery' ? 'recovery' : 'normal' })
  },
}))
