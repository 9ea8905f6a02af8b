/**
 * State of the Paramètres page: the hub's settings (`settings.get`), the three forms (hourly rates,
 * surcharge bands, governance rules) and their saves (`settings.update`, one form at a time, each
 * from its own « applicable à partir du »).
 */
import { create } from 'zustand'
import type { HubSettingsState } from '../../../../shared/domain/costs'
import { formatLocalDateFr } from '../../../../shared/time'
import { api } from '../../api'
import { issuesByPath } from '../../lib/apiErrors'
import { todayLocalDate } from '../../lib/dates'
import type {
  GovernanceDraft,
  HourlyDraft,
  QuotaDraft,
  SettingsDrafts,
  SettingsSection,
  SurchargeDraft,
} from './model'
import { draftsFrom, sectionErrors, sectionInput } from './model'

const savedTexts: Record<SettingsSection, string> = {
  hourly: 'Taux horaires enregistrés',
  surcharges: 'Majorations enregistrées',
  governance: 'Règles de gestion enregistrées',
}

interface SettingsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly state: HubSettingsState | null
  readonly drafts: SettingsDrafts | null
  /** Field errors of each form, keyed by API path (`validFrom`, `surcharges.nightStart`…). */
  readonly errors: Readonly<Record<SettingsSection, Readonly<Record<string, string>>>>
  /** Refusal message of each form. */
  readonly formError: Readonly<Partial<Record<SettingsSection, string>>>
  readonly saving: SettingsSection | null
  readonly notice: string | null
  readonly load: () => Promise<void>
  readonly editHourly: (patch: Partial<HourlyDraft>) => void
  readonly editSurcharges: (patch: Partial<SurchargeDraft>) => void
  readonly editGovernance: (patch: Partial<Omit<GovernanceDraft, 'quotas'>>) => void
  readonly addQuota: () => void
  readonly editQuota: (index: number, patch: Partial<QuotaDraft>) => void
  readonly removeQuota: (index: number) => void
  /** Puts back what is stored in one form. */
  readonly reset: (section: SettingsSection) => void
  readonly save: (section: SettingsSection) => Promise<boolean>
  readonly dismissNotice: () => void
}

/**
 * What a save did, and what became of the versions from later days: the backend carries the change
 * into those that still held the old value (they were written with the same instant as the saved
 * version), and the others keep their own values.
 */
function savedNotice(section: SettingsSection, validFrom: string, state: HubSettingsState): string {
  const text = `${savedTexts[section]}, applicables à partir du ${formatLocalDateFr(validFrom)}.`
  const savedAt = state.versions.find((v) => v.validFrom === validFrom)?.updatedAt ?? null
  const later = state.versions.filter((v) => v.validFrom > validFrom).reverse()
  const days = (list: typeof later) => list.map((v) => formatLocalDateFr(v.validFrom)).join(', du ')
  const carried = later.filter((v) => v.updatedAt === savedAt)
  const kept = later.filter((v) => v.updatedAt !== savedAt)
  return [
    text,
    carried.length > 0 ? `Reporté aussi sur les paramètres applicables à partir du ${days(carried)}.` : '',
    kept.length > 0
      ? `Les paramètres applicables à partir du ${days(kept)} gardent leurs propres valeurs.`
      : '',
  ]
    .filter((part) => part !== '')
    .join(' ')
}

const noErrors = { hourly: {}, surcharges: {}, governance: {} } as const

export const useSettings = create<SettingsState>()((set, get) => {
  const patchDrafts = (section: SettingsSection, patch: object) =>
    set((s) =>
      s.drafts
        ? {
            drafts: { ...s.drafts, [section]: { ...s.drafts[section], ...patch } },
            errors: { ...s.errors, [section]: {} },
          }
        : {},
    )
  const governance = () => get().drafts?.governance
  return {
    status: 'idle',
    error: null,
    state: null,
    drafts: null,
    errors: noErrors,
    formError: {},
    saving: null,
    notice: null,
    load: async () => {
      set({ status: 'loading', error: null })
      const result = await api.settings.get({})
      if (!result.ok) return set({ status: 'error', error: result.error.message })
      set({
        status: 'ready',
        state: result.value,
        drafts: draftsFrom(result.value.current, todayLocalDate()),
        errors: noErrors,
        formError: {},
      })
    },
    editHourly: (patch) => patchDrafts('hourly', patch),
    editSurcharges: (patch) => patchDrafts('surcharges', patch),
    editGovernance: (patch) => patchDrafts('governance', patch),
    addQuota: () => {
      const g = governance()
      if (g)
        patchDrafts('governance', { quotas: [...g.quotas, { categoryId: '', maxDays: '', period: 'month' }] })
    },
    editQuota: (index, patch) => {
      const g = governance()
      if (g)
        patchDrafts('governance', { quotas: g.quotas.map((q, i) => (i === index ? { ...q, ...patch } : q)) })
    },
    removeQuota: (index) => {
      const g = governance()
      if (g) patchDrafts('governance', { quotas: g.quotas.filter((_, i) => i !== index) })
    },
    reset: (section) => {
      const state = get().state
      if (!state) return
      const fresh = draftsFrom(state.current, todayLocalDate())
      patchDrafts(section, fresh[section])
      set((s) => ({ formError: { ...s.formError, [section]: undefined } }))
    },
    save: async (section) => {
      const drafts = get().drafts
      if (!drafts) return false
      const errors = sectionErrors(section, drafts)
      if (Object.keys(errors).length > 0) {
        set((s) => ({
          errors: { ...s.errors, [section]: errors },
          formError: { ...s.formError, [section]: undefined },
        }))
        return false
      }
      set((s) => ({ saving: section, formError: { ...s.formError, [section]: undefined }, notice: null }))
      const input = sectionInput(section, drafts)
      const result = await api.settings.update(input)
      if (!result.ok) {
        set((s) => ({
          saving: null,
          errors: { ...s.errors, [section]: issuesByPath(result.error) },
          formError: { ...s.formError, [section]: result.error.message },
        }))
        return false
      }
      const today = todayLocalDate()
      const kept = get().drafts ?? drafts
      set({
        saving: null,
        state: result.value,
        // The saved form shows what is now in force; the others keep what is being typed.
        drafts: { ...kept, [section]: draftsFrom(result.value.current, today)[section] },
        notice: savedNotice(section, input.validFrom, result.value),
      })
      return true
    },
    dismissNotice: () => set({ notice: null }),
  }
})
