/**
 * Reference data every page needs: hubs, communes, categories and all resources (archived ones
 * too, so that old bookings still name them). Loaded once at start; the inventory reloads the
 * resources after each change.
 */
import { create } from 'zustand'
import type { Category, Commune, Hub, Resource } from '../../../shared/domain/types'
import { api } from '../api'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

interface ReferenceState {
  readonly status: LoadStatus
  readonly error: string | null
  readonly hubs: readonly Hub[]
  readonly communes: readonly Commune[]
  readonly categories: readonly Category[]
  readonly resources: readonly Resource[]
  readonly load: () => Promise<void>
  readonly reloadResources: () => Promise<void>
}

export const useReference = create<ReferenceState>()((set) => ({
  status: 'idle',
  error: null,
  hubs: [],
  communes: [],
  categories: [],
  resources: [],
  load: async () => {
    set({ status: 'loading', error: null })
    const [hubs, communes, categories, resources] = await Promise.all([
      api.hubs.list({}),
      api.communes.list({}),
      api.categories.list({}),
      api.resources.list({ includeArchived: true }),
    ])
    const failed = [hubs, communes, categories, resources].find((r) => !r.ok)
    if (failed && !failed.ok) {
      set({ status: 'error', error: failed.error.message })
      return
    }
    set({
      status: 'ready',
      hubs: hubs.ok ? hubs.value : [],
      communes: communes.ok ? communes.value : [],
      categories: categories.ok ? categories.value : [],
      resources: resources.ok ? resources.value : [],
    })
  },
  reloadResources: async () => {
    const result = await api.resources.list({ includeArchived: true })
    if (result.ok) set({ resources: result.value })
    else set({ error: result.error.message })
  },
}))

/** The hub shown in the header: the first one, the pôle Ouest in this deployment. */
export function mainHub(hubs: readonly Hub[]): Hub | null {
  return hubs[0] ?? null
}

/**
 * Communes in the order of the selects: those served by a hub first (the pôle Ouest's five),
 * then the others, each group alphabetical.
 */
export function orderCommunes(communes: readonly Commune[]): { served: Commune[]; others: Commune[] } {
  const byName = (a: Commune, b: Commune) => a.name.localeCompare(b.name, 'fr')
  return {
    served: communes.filter((c) => c.hubId !== null).sort(byName),
    others: communes.filter((c) => c.hubId === null).sort(byName),
  }
}

/** Map by id, for lookups in tables. */
export function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}
