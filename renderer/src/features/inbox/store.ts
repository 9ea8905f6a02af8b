/**
 * The hub's request inbox: the pending requests (`bookings.inbox`), oldest first, and their count for
 * the sidebar. Answers older than the latest request are dropped.
 */
import { useEffect } from 'react'
import { create } from 'zustand'
import type { InboxEntry } from '../../../../shared/domain/lifecycle'
import { api } from '../../api'
import type { LoadStatus } from '../../stores/reference'
import { sortInbox } from './model'

/** How often the sidebar's count is refreshed while the app is open, ms (requests come from the town halls). */
export const INBOX_REFRESH_MS = 60_000

interface InboxState {
  readonly status: LoadStatus
  readonly error: string | null
  /** Pending requests, oldest first. */
  readonly entries: readonly InboxEntry[]
  /** Number of pending requests (the sidebar's figure); null until first known. */
  readonly count: number | null
  readonly load: () => Promise<void>
}

let loadSequence = 0

export const useInbox = create<InboxState>()((set, get) => ({
  status: 'idle',
  error: null,
  entries: [],
  count: null,
  load: async () => {
    const sequence = ++loadSequence
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null })
    const result = await api.bookings.inbox({})
    if (sequence !== loadSequence) return
    if (!result.ok) {
      set({ status: 'error', error: result.error.message })
      return
    }
    const entries = sortInbox(result.value)
    set({ status: 'ready', entries, count: entries.length })
  },
}))

/**
 * Keeps the pending count fresh while mounted: at once, every INBOX_REFRESH_MS, and whenever
 * `version` changes (a booking approved, refused, cancelled…). Returns the count (null until known).
 */
export function useInboxCount(enabled: boolean, version: number): number | null {
  const load = useInbox((s) => s.load)
  useEffect(() => {
    if (!enabled) return
    void load()
    const timer = window.setInterval(() => void load(), INBOX_REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [enabled, version, load])
  return useInbox((s) => s.count)
}
