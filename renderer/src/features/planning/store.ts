/**
 * Planning board state: the view (day zoom, week, two weeks, month), the anchor date, the filters,
 * the collapsed groups, and the bookings, unavailabilities and public holidays around the visible
 * days. Moving or resizing a booking goes through `bookings.update`: the backend decides; a refusal
 * leaves the data as it was and keeps the backend's French explanation.
 */
import { create } from 'zustand'
import type { LogisticsTask } from '../../../../shared/domain/lifecycle'
import type { Booking, Holiday, ResourceKind, Unavailability } from '../../../../shared/domain/types'
import { addDaysToDate } from '../../../../shared/time'
import { api } from '../../api'
import { errorConflicts } from '../../lib/apiErrors'
import { formatPeriodShort, todayLocalDate } from '../../lib/dates'
import type { LoadStatus } from '../../stores/reference'
import type { PlanningPeriod, PlanningView } from './model'
import { periodToApiInput, planningViews, stepAnchor, visibleDates } from './model'

/** Days loaded beyond each side of the view, so that live feedback sees neighbours of a moved bar. */
const MARGIN_DAYS = 7

export interface PlanningNotice {
  readonly tone: 'error' | 'success'
  readonly title: string
  readonly lines: readonly string[]
}

interface PlanningState {
  readonly view: PlanningView
  readonly anchor: string
  readonly kind: ResourceKind | ''
  readonly categoryId: string
  /** Bars of other communes are dimmed; '' shows all alike. */
  readonly communeId: string
  readonly search: string
  readonly collapsed: ReadonlySet<string>
  readonly status: LoadStatus
  readonly error: string | null
  readonly bookings: readonly Booking[]
  readonly unavailabilities: readonly Unavailability[]
  readonly holidays: readonly Holiday[]
  /** Deliveries and pick-ups drawn on the rows of their vehicles and agents. */
  readonly logistics: readonly LogisticsTask[]
  readonly selectedId: string | null
  /** A booking being saved after a drop, drawn at its new period until the backend answers. */
  readonly pending: { readonly bookingId: string; readonly period: PlanningPeriod } | null
  readonly notice: PlanningNotice | null
  readonly setView: (view: PlanningView) => void
  readonly step: (step: -1 | 1) => void
  readonly today: () => void
  readonly goTo: (date: string) => void
  /** Shows one day in hours. */
  readonly zoomDay: (date: string) => void
  readonly setKind: (kind: ResourceKind | '') => void
  readonly setCategoryId: (categoryId: string) => void
  readonly setCommuneId: (communeId: string) => void
  readonly setSearch: (search: string) => void
  readonly toggleGroup: (key: string) => void
  readonly select: (bookingId: string | null) => void
  readonly dismissNotice: () => void
  /** Reads `vue` (`jour`, `semaine`, `2semaines`, `mois`) and `date` (`YYYY-MM-DD`) from the route's query. */
  readonly applyQuery: (query: Readonly<Record<string, string>>) => void
  /**
   * Loads the bookings, unavailabilities and holidays around the visible days. With `usePrefetch`,
   * an answer fetched by `prefetchPlanning` for the same days is taken instead of asking again.
   */
  readonly load: (options?: { readonly usePrefetch?: boolean; readonly prefetch?: boolean }) => Promise<void>
  /** Moves or resizes a booking; resolves to true when the backend stored it. */
  readonly move: (booking: Booking, period: PlanningPeriod) => Promise<boolean>
  /** Gives a booking new dates typed in the details dialog (`2027-06-14`, `2027-06-14T08:30`). */
  readonly reschedule: (booking: Booking, input: { start: string; end: string }) => Promise<boolean>
}

/** Names of the views in the URL query. */
export const viewQueryNames: Readonly<Record<PlanningView, string>> = {
  day: 'jour',
  week: 'semaine',
  twoWeeks: '2semaines',
  month: 'mois',
}

let loadSequence = 0
/** The load under way (a second call for the same days waits for it instead of asking again). */
let inFlight: { readonly key: string; readonly promise: Promise<void> } | null = null
/** The days loaded by `prefetchPlanning`, until the page takes them. */
let prefetchedKey: string | null = null

export const usePlanning = create<PlanningState>()((set, get) => ({
  view: 'week',
  anchor: todayLocalDate(),
  kind: '',
  categoryId: '',
  communeId: '',
  search: '',
  collapsed: new Set<string>(),
  status: 'idle',
  error: null,
  bookings: [],
  unavailabilities: [],
  holidays: [],
  logistics: [],
  selectedId: null,
  pending: null,
  notice: null,
  setView: (view) => set({ view }),
  step: (step) => set((s) => ({ anchor: stepAnchor(s.view, s.anchor, step) })),
  today: () => set({ anchor: todayLocalDate() }),
  goTo: (anchor) => set({ anchor }),
  zoomDay: (anchor) => set({ anchor, view: 'day' }),
  setKind: (kind) => set({ kind, categoryId: '' }),
  setCategoryId: (categoryId) => set({ categoryId }),
  setCommuneId: (communeId) => set({ communeId }),
  setSearch: (search) => set({ search }),
  toggleGroup: (key) =>
    set((s) => {
      const collapsed = new Set(s.collapsed)
      if (collapsed.has(key)) collapsed.delete(key)
      else collapsed.add(key)
      return { collapsed }
    }),
  select: (selectedId) => set({ selectedId }),
  dismissNotice: () => set({ notice: null }),
  applyQuery: (query) => {
    const view = planningViews.find((v) => viewQueryNames[v] === query.vue)
    const date = query.date && /^\d{4}-\d{2}-\d{2}$/.test(query.date) ? query.date : undefined
    if (view || date) set({ ...(view ? { view } : {}), ...(date ? { anchor: date } : {}) })
  },

  load: async (options = {}) => {
    const { view, anchor } = get()
    const dates = visibleDates(view, anchor)
    const first = dates[0] ?? anchor
    const last = dates[dates.length - 1] ?? anchor
    const from = addDaysToDate(first, -MARGIN_DAYS)
    const to = addDaysToDate(last, MARGIN_DAYS + 1)
    const key = `${from}/${to}`
    if (options.usePrefetch && prefetchedKey === key) {
      prefetchedKey = null
      return inFlight?.key === key ? inFlight.promise : undefined
    }
    if (inFlight?.key === key) return inFlight.promise
    prefetchedKey = options.prefetch ? key : null
    const sequence = ++loadSequence
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null })
    const run = async () => {
      const [bookings, unavailabilities, holidays, logistics] = await Promise.all([
        api.bookings.list({ from, to }),
        api.unavailabilities.list({ from, to }),
        api.holidays.list({ from: first, to: last }),
        api.logistics.list({ from, to }),
      ])
      if (sequence !== loadSequence) return
      const failed = [bookings, unavailabilities].find((r) => !r.ok)
      if (failed && !failed.ok) {
        set({ status: 'error', error: failed.error.message })
        return
      }
      set({
        status: 'ready',
        bookings: bookings.ok ? bookings.value : [],
        unavailabilities: unavailabilities.ok ? unavailabilities.value : [],
        // Holidays are a help, not a must: the board still shows the bookings without them.
        holidays: holidays.ok ? holidays.value : [],
        // Trips are drawn when known; the bookings matter more than a failed trip list.
        logistics: logistics.ok ? logistics.value : [],
      })
    }
    const promise = run().finally(() => {
      if (inFlight?.promise === promise) inFlight = null
    })
    inFlight = { key, promise }
    return promise
  },

  move: async (booking, period) => {
    set({ pending: { bookingId: booking.id, period } })
    return get().reschedule(booking, periodToApiInput(period))
  },

  reschedule: async (booking, input) => {
    set({ notice: null })
    const result = await api.bookings.update({ id: booking.id, ...input })
    if (!result.ok) {
      const conflicts = errorConflicts(result.error)
      set({
        pending: null,
        notice: {
          tone: 'error',
          title: `${booking.reference} n’a pas été déplacée : ${
            conflicts.length > 0 ? 'la période demandée n’est pas libre.' : result.error.message
          }`,
          lines: conflicts.map((c) => c.message),
        },
      })
      return false
    }
    const updated = result.value
    set((s) => ({
      pending: null,
      bookings: s.bookings.map((b) => (b.id === updated.id ? updated : b)),
      notice: {
        tone: 'success',
        title: `${updated.reference} déplacée : ${formatPeriodShort(updated)}.`,
        lines: [],
      },
    }))
    return true
  },
}))

/**
 * Starts loading the board's data as soon as the app opens on `#/planning`, alongside the reference
 * data that the page waits for (the view and date of the URL are applied first).
 */
export function prefetchPlanning(route: string, query: Readonly<Record<string, string>>): void {
  if (route !== 'planning') return
  const state = usePlanning.getState()
  state.applyQuery(query)
  void state.load({ prefetch: true })
}
