/**
 * The hub's settings in the interface (`settings.get`, `settings.update`): three forms, each with its
 * « applicable à partir du » — hourly rates, surcharge bands, governance rules — their drafts, checks
 * and API inputs, and the history of versions in words. Pure functions, no DOM, no store.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import { defaultHubSettings, DEFAULTS_VALID_FROM } from '../../../../shared/costs/defaults'
import type { CategoryQuota, HubSettings, HubSettingsState } from '../../../../shared/domain/costs'
import { formatLocalDateFr } from '../../../../shared/time'
import { formatDateText, parseDateText } from '../../lib/period'
import { formatCents, parseEuros } from '../inventory/amounts'
import { formatAmount, formatNumber } from '../costs/format'

export type SettingsSection = 'hourly' | 'surcharges' | 'governance'

/** « Taux horaires »: euros as typed, hours with a decimal comma. */
export interface HourlyDraft {
  readonly validFrom: string
  readonly agentHourly: string
  readonly vehicleHourly: string
  readonly allDayHours: string
}

/** « Majorations »: local clock times `HH:mm` and whole percents, as typed. */
export interface SurchargeDraft {
  readonly validFrom: string
  readonly nightStart: string
  readonly nightEnd: string
  readonly nightPercent: string
  readonly holidayDayPercent: string
  readonly holidayNightPercent: string
}

export interface QuotaDraft {
  readonly categoryId: string
  readonly maxDays: string
  readonly period: CategoryQuota['period']
}

/** « Règles de gestion »: whole days as typed ('' for no longest loan). */
export interface GovernanceDraft {
  readonly validFrom: string
  readonly minNoticeDays: string
  readonly maxLoanDays: string
  readonly quotas: readonly QuotaDraft[]
}

export interface SettingsDrafts {
  readonly hourly: HourlyDraft
  readonly surcharges: SurchargeDraft
  readonly governance: GovernanceDraft
}

/** The three forms filled from the settings in force, each applicable from `today` (`YYYY-MM-DD`). */
export function draftsFrom(settings: HubSettings, today: string): SettingsDrafts {
  const validFrom = formatDateText(today)
  const s = settings.surcharges
  const g = settings.governance
  return {
    hourly: {
      validFrom,
      agentHourly: formatCents(settings.agentHourlyRateCents),
      vehicleHourly: formatCents(settings.vehicleHourlyRateCents),
      allDayHours: formatNumber(settings.allDayHours),
    },
    surcharges: {
      validFrom,
      nightStart: s.nightStart,
      nightEnd: s.nightEnd,
      nightPercent: String(s.nightPercent),
      holidayDayPercent: String(s.holidayDayPercent),
      holidayNightPercent: String(s.holidayNightPercent),
    },
    governance: {
      validFrom,
      minNoticeDays: String(g.minNoticeDays),
      maxLoanDays: g.maxLoanDays === null ? '' : String(g.maxLoanDays),
      quotas: g.quotas.map((q) => ({
        categoryId: q.categoryId,
        maxDays: String(q.maxDays),
        period: q.period,
      })),
    },
  }
}

const DATE_MESSAGE = 'Date non reconnue : écrivez-la jj/mm/aaaa (ex. 01/01/2027).'

/** A whole number as typed, or null when it is not one (`12`, ` 7 `; not `7,5`, not `-1`). */
export function wholeNumberOf(text: string): number | null {
  const value = text.trim()
  return /^\d{1,6}$/.test(value) ? Number(value) : null
}

/** Hours as typed (`7`, `7,5`, `7.25`) → number; null when not a number. */
export function hoursOf(text: string): number | null {
  const value = text.trim().replace(',', '.')
  return /^\d{1,2}(\.\d{1,2})?$/.test(value) ? Number(value) : null
}

/** `21:00`, `7:00`, `21h`, `7h30` → `HH:mm`; null when not a clock time. */
export function clockOf(text: string): string | null {
  const match = /^(\d{1,2})(?:[:hH](\d{2})?)?$/.exec(text.trim())
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2] ?? 0)
  if (hours > 23 || minutes > 59) return null
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** French messages keyed by API path; empty when the form can be sent. */
export function sectionErrors(section: SettingsSection, drafts: SettingsDrafts): Record<string, string> {
  const errors: Record<string, string> = {}
  const draft = drafts[section]
  if (parseDateText(draft.validFrom) === null) errors.validFrom = DATE_MESSAGE
  if (section === 'hourly') {
    const d = drafts.hourly
    for (const [key, text] of [
      ['agentHourlyRateCents', d.agentHourly],
      ['vehicleHourlyRateCents', d.vehicleHourly],
    ] as const) {
      const parsed = parseEuros(text)
      if (!parsed.ok) errors[key] = parsed.message
      else if (parsed.value === null) errors[key] = 'Indiquez un taux horaire (0 s’il n’est pas refacturé).'
    }
    const hours = hoursOf(d.allDayHours)
    if (hours === null || hours < 0.25 || hours > 24 || !Number.isInteger(hours * 4)) {
      errors.allDayHours = 'Indiquez des heures en quarts d’heure, entre 0,25 et 24 (7, 7,25, 7,5…).'
    }
  } else if (section === 'surcharges') {
    const d = drafts.surcharges
    const start = clockOf(d.nightStart)
    const end = clockOf(d.nightEnd)
    if (start === null)
      errors['surcharges.nightStart'] = 'Heure attendue au format hh:mm (par exemple 21:00).'
    if (end === null) errors['surcharges.nightEnd'] = 'Heure attendue au format hh:mm (par exemple 07:00).'
    if (start !== null && start === end)
      errors['surcharges.nightEnd'] = 'La nuit commence et finit à des heures différentes.'
    for (const key of ['nightPercent', 'holidayDayPercent', 'holidayNightPercent'] as const) {
      const n = wholeNumberOf(d[key])
      if (n === null || n > 500) errors[`surcharges.${key}`] = 'Pourcentage entier attendu, de 0 à 500.'
    }
  } else {
    const d = drafts.governance
    const notice = wholeNumberOf(d.minNoticeDays)
    if (notice === null || notice > 365)
      errors['governance.minNoticeDays'] = 'Nombre de jours attendu, de 0 à 365.'
    if (d.maxLoanDays.trim() !== '') {
      const max = wholeNumberOf(d.maxLoanDays)
      if (max === null || max < 1 || max > 366) {
        errors['governance.maxLoanDays'] = 'Nombre de jours attendu, de 1 à 366 (vide : pas de limite).'
      }
    }
    const seen = new Set<string>()
    d.quotas.forEach((quota, index) => {
      if (quota.categoryId === '')
        errors[`governance.quotas.${index}.categoryId`] = 'Choisissez une catégorie.'
      const key = `${quota.categoryId}/${quota.period}`
      if (quota.categoryId !== '' && seen.has(key)) {
        errors[`governance.quotas.${index}.categoryId`] = 'Cette catégorie a déjà un quota sur cette période.'
      }
      seen.add(key)
      const days = wholeNumberOf(quota.maxDays)
      if (days === null || days < 1 || days > 366) {
        errors[`governance.quotas.${index}.maxDays`] = 'Nombre de jours attendu, de 1 à 366.'
      }
    })
  }
  return errors
}

/** The `settings.update` input of one form without errors (only its own fields change). */
export function sectionInput(
  section: SettingsSection,
  drafts: SettingsDrafts,
): MethodInput<'settings.update'> {
  const validFrom = parseDateText(drafts[section].validFrom) ?? drafts[section].validFrom
  const cents = (text: string) => {
    const parsed = parseEuros(text)
    return parsed.ok && parsed.value !== null ? parsed.value : Number.NaN
  }
  const whole = (text: string) => wholeNumberOf(text) ?? Number.NaN
  switch (section) {
    case 'hourly':
      return {
        validFrom,
        agentHourlyRateCents: cents(drafts.hourly.agentHourly),
        vehicleHourlyRateCents: cents(drafts.hourly.vehicleHourly),
        allDayHours: hoursOf(drafts.hourly.allDayHours) ?? Number.NaN,
      }
    case 'surcharges': {
      const d = drafts.surcharges
      return {
        validFrom,
        surcharges: {
          nightStart: clockOf(d.nightStart) ?? d.nightStart,
          nightEnd: clockOf(d.nightEnd) ?? d.nightEnd,
          nightPercent: whole(d.nightPercent),
          holidayDayPercent: whole(d.holidayDayPercent),
          holidayNightPercent: whole(d.holidayNightPercent),
        },
      }
    }
    case 'governance': {
      const d = drafts.governance
      return {
        validFrom,
        governance: {
          minNoticeDays: whole(d.minNoticeDays),
          maxLoanDays: d.maxLoanDays.trim() === '' ? null : whole(d.maxLoanDays),
          quotas: d.quotas.map((q) => ({
            categoryId: q.categoryId,
            maxDays: whole(q.maxDays),
            period: q.period,
          })),
        },
      }
    }
  }
}

/** The settings with the hourly and surcharge forms applied where they can be read (for the live examples). */
export function previewSettings(settings: HubSettings, drafts: SettingsDrafts): HubSettings {
  const hourly = sectionErrors('hourly', drafts)
  const bands = sectionErrors('surcharges', drafts)
  const readable = (errors: Record<string, string>, key: string) => errors[key] === undefined
  const h = sectionInput('hourly', drafts)
  const s = sectionInput('surcharges', drafts).surcharges
  return {
    ...settings,
    agentHourlyRateCents: readable(hourly, 'agentHourlyRateCents')
      ? (h.agentHourlyRateCents ?? settings.agentHourlyRateCents)
      : settings.agentHourlyRateCents,
    vehicleHourlyRateCents: readable(hourly, 'vehicleHourlyRateCents')
      ? (h.vehicleHourlyRateCents ?? settings.vehicleHourlyRateCents)
      : settings.vehicleHourlyRateCents,
    allDayHours: readable(hourly, 'allDayHours')
      ? (h.allDayHours ?? settings.allDayHours)
      : settings.allDayHours,
    surcharges:
      Object.keys(bands).filter((k) => k !== 'validFrom').length === 0 && s
        ? { ...settings.surcharges, ...s }
        : settings.surcharges,
  }
}

/** « 42 jours (6 semaines) », « 1 jour », « aucun ». */
export function daysText(days: number | null, none = 'aucun'): string {
  if (days === null || days === 0) return none
  const base = `${days} jour${days > 1 ? 's' : ''}`
  return days % 7 === 0 && days >= 14 ? `${base} (${days / 7} semaines)` : base
}

/** One version of the settings in words, for the history table. */
export interface VersionRow {
  readonly validFrom: string
  readonly state: 'current' | 'future' | 'past'
  readonly hourly: string
  readonly surcharges: string
  readonly governance: string
  /** `30/11/2026 14:05 · Nom` or `Réglages d’origine`. */
  readonly changed: string
}

/**
 * Stored versions, latest first, with their state on `today`; the built-in defaults last while they
 * still apply to some days.
 * @param formatInstant formats an ISO instant for display (Europe/Paris)
 */
export function versionRows(
  state: HubSettingsState,
  today: string,
  categoryName: (id: string) => string,
  formatInstant: (iso: string) => string,
): VersionRow[] {
  const stored = state.versions
  const oldest = stored[stored.length - 1]
  // The built-in defaults still apply before the oldest stored version.
  const versions =
    oldest === undefined
      ? [state.current]
      : oldest.validFrom > DEFAULTS_VALID_FROM
        ? [...stored, defaultHubSettings(state.current.hubId)]
        : stored
  const currentIndex = versions.findIndex((v) => v.validFrom <= today)
  return versions.map((v, index) => {
    const s = v.surcharges
    const g = v.governance
    const quotas = g.quotas
      .map(
        (q) =>
          `${categoryName(q.categoryId)} : ${q.maxDays} j ${q.period === 'month' ? 'par mois' : 'par an'}`,
      )
      .join(' ; ')
    return {
      validFrom: v.validFrom <= DEFAULTS_VALID_FROM ? 'Depuis toujours' : formatLocalDateFr(v.validFrom),
      state: index === currentIndex ? 'current' : v.validFrom > today ? 'future' : 'past',
      hourly: `Agents ${formatAmount(v.agentHourlyRateCents)}/h · véhicules ${formatAmount(v.vehicleHourlyRateCents)}/h · ${formatNumber(v.allDayHours)} h par journée`,
      surcharges: `Nuit ${s.nightStart}–${s.nightEnd} +${s.nightPercent}\u00a0% · dimanche et férié +${s.holidayDayPercent}\u00a0%, la nuit +${s.holidayNightPercent}\u00a0%`,
      governance: `Délai ${daysText(g.minNoticeDays)} · prêt ${g.maxLoanDays === null ? 'sans limite' : `de ${daysText(g.maxLoanDays)} au plus`}${quotas ? ` · ${quotas}` : ''}`,
      changed:
        v.updatedAt === null
          ? 'Réglages d’origine'
          : `${formatInstant(v.updatedAt)}${v.updatedBy ? ` · ${v.updatedBy}` : ''}`,
    }
  })
}
