/**
 * State of the « Tarifs » section of a resource's page: its rates (`rates.list`), the hub's settings
 * in force (agents' and vehicles' hourly rates, for resources without a rate of their own), and the
 * « Nouveau tarif » form (`rates.set`, after `resources.update` of the area for a per-m² rate).
 */
import { create } from 'zustand'
import type { HubSettings, Rate } from '../../../../shared/domain/costs'
import type { Resource } from '../../../../shared/domain/types'
import { formatLocalDateFr } from '../../../../shared/time'
import { api } from '../../api'
import { issuesByPath } from '../../lib/apiErrors'
import { todayLocalDate } from '../../lib/dates'
import { useReference } from '../../stores/reference'
import { formatRate } from './format'
import type { RateDraft } from './rates'
import { areaToSave, currentRate, rateDraftErrors, rateDraftFrom, rateDraftToInput, rateRows } from './rates'

interface RatesState {
  readonly resourceId: string | null
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly rates: readonly Rate[]
  readonly settings: HubSettings | null
  /** The « Nouveau tarif » form, null while closed. */
  readonly draft: RateDraft | null
  /** Field errors keyed by API path (`amountCents`, `validFrom`, `areaM2`…). */
  readonly errors: Readonly<Record<string, string>>
  /** The form's refusal message. */
  readonly formError: string | null
  readonly saving: boolean
  readonly notice: string | null
  readonly load: (resourceId: string) => Promise<void>
  readonly openForm: (resource: Resource) => void
  readonly edit: (patch: Partial<RateDraft>) => void
  readonly closeForm: () => void
  /** Stores the area (when needed) then the rate; resolves to true once stored. */
  readonly save: (resource: Resource) => Promise<boolean>
  readonly dismissNotice: () => void
}

export const useRates = create<RatesState>()((set, get) => ({
  resourceId: null,
  status: 'idle',
  error: null,
  rates: [],
  settings: null,
  draft: null,
  errors: {},
  formError: null,
  saving: false,
  notice: null,
  load: async (resourceId) => {
    const other = get().resourceId !== resourceId
    set({
      resourceId,
      status: 'loading',
      error: null,
      ...(other ? { rates: [], draft: null, notice: null, errors: {}, formError: null } : {}),
    })
    const [rates, settings] = await Promise.all([api.rates.list({ resourceId }), api.settings.get({})])
    if (get().resourceId !== resourceId) return
    if (!rates.ok) return set({ status: 'error', error: rates.error.message })
    set({ status: 'ready', rates: rates.value, settings: settings.ok ? settings.value.current : null })
  },
  openForm: (resource) => {
    const today = todayLocalDate()
    const current = currentRate(rateRows(get().rates, resource.id, today))
    set({ draft: rateDraftFrom(current, resource.areaM2, today), errors: {}, formError: null, notice: null })
  },
  edit: (patch) => set((s) => (s.draft ? { draft: { ...s.draft, ...patch } } : {})),
  closeForm: () => set({ draft: null, errors: {}, formError: null }),
  save: async (resource) => {
    const draft = get().draft
    if (!draft) return false
    const errors = rateDraftErrors(draft)
    if (Object.keys(errors).length > 0) {
      set({ errors, formError: null })
      return false
    }
    set({ saving: true, errors: {}, formError: null })
    const area = areaToSave(draft, resource.areaM2)
    if (area !== null) {
      const updated = await api.resources.update({ id: resource.id, areaM2: area })
      if (!updated.ok) {
        const byPath = issuesByPath(updated.error)
        set({
          saving: false,
          errors: byPath.areaM2 ? { areaM2: byPath.areaM2 } : {},
          formError: updated.error.message,
        })
        return false
      }
    }
    const result = await api.rates.set(rateDraftToInput(resource.id, draft))
    if (!result.ok) {
      set({ saving: false, errors: issuesByPath(result.error), formError: result.error.message })
      return false
    }
    const rate = result.value
    // The inventory shows the daily rate and the area: its copy of the resources must follow.
    void useReference.getState().reloadResources()
    set({
      saving: false,
      draft: null,
      notice: `Tarif enregistré : ${formatRate(rate, area ?? resource.areaM2)}, applicable à partir du ${formatLocalDateFr(rate.validFrom)}.`,
    })
    await get().load(resource.id)
    return true
  },
  dismissNotice: () => set({ notice: null }),
}))
