/**
 * The hub's cost and governance settings (`settings.get`, `settings.update`): versions, each in force
 * from its `validFrom` (a local date, Europe/Paris) until the next one; before any stored version,
 * the built-in defaults of shared/costs/defaults.ts (Montpellier's 2014 rates, governance off).
 */
import type { z } from 'zod'
import type { settingsGetInput, settingsUpdateInput } from '../../../../shared/api/cost-schemas'
import { defaultHubSettings } from '../../../../shared/costs/defaults'
import type { HubSettings, HubSettingsState } from '../../../../shared/domain/costs'
import { DomainError } from '../../../../shared/errors'
import { formatLocalDateFr, instantToLocalDate } from '../../../../shared/time'
import { writeTransaction, type Db } from '../../db/connection'
import { appendAudit } from '../../db/repositories/audit'
import { getCategory } from '../../db/repositories/categories'
import { getHub, listHubs } from '../../db/repositories/hubs'
import { listHubSettings, upsertHubSettings } from '../../db/repositories/hub-settings'
import { nowIso, type ServiceContext } from '../context'

/**
 * The hub named, or the only one.
 * @throws DomainError NOT_FOUND (unknown hub), INVALID_INPUT (several hubs and none named)
 */
export function resolveHubId(ctx: ServiceContext, hubId: string | undefined): string {
  if (hubId !== undefined) {
    if (!getHub(ctx.db, hubId)) {
      throw new DomainError('NOT_FOUND', 'Pôle technique introuvable.', {
        issues: [{ path: 'hubId', message: 'Pôle introuvable.' }],
      })
    }
    return hubId
  }
  const hubs = listHubs(ctx.db)
  if (hubs.length !== 1 || !hubs[0]) {
    throw new DomainError('INVALID_INPUT', 'Précisez le pôle technique.', {
      issues: [{ path: 'hubId', message: 'Pôle à préciser.' }],
    })
  }
  return hubs[0].id
}

/**
 * A lookup of the hub's settings by local date, reading the stored versions once.
 * @example const at = settingsLookup(db, hubId); at('2027-05-14').agentHourlyRateCents // 1800
 */
export function settingsLookup(db: Db, hubId: string): (date: string) => HubSettings {
  const versions = listHubSettings(db, hubId)
  const defaults = defaultHubSettings(hubId)
  return (date) => versions.find((v) => v.validFrom <= date) ?? defaults
}

/** `settings.get`: the version in force on `date` (default: today, Europe/Paris) and all stored versions. */
export function getHubSettings(
  ctx: ServiceContext,
  input: z.output<typeof settingsGetInput>,
): HubSettingsState {
  const hubId = resolveHubId(ctx, input.hubId)
  const date = input.date ?? instantToLocalDate(ctx.now())
  return { current: settingsLookup(ctx.db, hubId)(date), versions: listHubSettings(ctx.db, hubId) }
}

/** The settings' values field by field, as a change is carried forward. */
interface Fields {
  agentHourlyRateCents: number
  vehicleHourlyRateCents: number
  allDayHours: number
  nightStart: string
  nightEnd: string
  nightPercent: number
  holidayDayPercent: number
  holidayNightPercent: number
  minNoticeDays: number
  maxLoanDays: number | null
  quotas: HubSettings['governance']['quotas']
}

function fieldsOf(s: HubSettings): Fields {
  return {
    agentHourlyRateCents: s.agentHourlyRateCents,
    vehicleHourlyRateCents: s.vehicleHourlyRateCents,
    allDayHours: s.allDayHours,
    ...s.surcharges,
    ...s.governance,
  }
}

function withFields(s: HubSettings, f: Fields): HubSettings {
  return {
    ...s,
    agentHourlyRateCents: f.agentHourlyRateCents,
    vehicleHourlyRateCents: f.vehicleHourlyRateCents,
    allDayHours: f.allDayHours,
    surcharges: {
      nightStart: f.nightStart,
      nightEnd: f.nightEnd,
      nightPercent: f.nightPercent,
      holidayDayPercent: f.holidayDayPercent,
      holidayNightPercent: f.holidayNightPercent,
    },
    governance: { minNoticeDays: f.minNoticeDays, maxLoanDays: f.maxLoanDays, quotas: f.quotas },
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** @throws DomainError INVALID_INPUT when the night band of `s` would start and end at the same time */
function assertNight(s: HubSettings, laterVersion: boolean): void {
  if (s.surcharges.nightStart !== s.surcharges.nightEnd) return
  const message = laterVersion
    ? `La version des réglages applicable à partir du ${formatLocalDateFr(s.validFrom)} reçoit aussi ce changement, ` +
      `et sa nuit commencerait et finirait à ${s.surcharges.nightStart} : changez aussi la fin de la nuit, ` +
      'ou modifiez d’abord cette version.'
    : 'La nuit commence et finit à des heures différentes.'
  throw new DomainError('INVALID_INPUT', message, {
    issues: [{ path: 'surcharges.nightEnd', message: 'Heure de fin de nuit identique au début.' }],
  })
}

/**
 * `settings.update`: stores a new version from `validFrom`, made of the version in force that day
 * with the changes given (`surcharges` and `governance` field by field; `quotas` as a whole list),
 * replacing a version stored for that same day.
 *
 * The change is carried forward: each field it really changes (a value different from the one in
 * force on `validFrom`) is changed as well in the versions stored for later days, from the next one
 * on, as long as they still hold the value replaced — so a 42-day notice set from today does not lapse
 * on the day of a later version made for another field. A later version that had its own value for
 * that field (a change planned for its day) keeps it, and so do the versions after it. Issued
 * statements are frozen copies and never move. Journaled (`hub_settings`, `update`): one entry for the
 * new version and one per later version changed.
 * @throws DomainError NOT_FOUND (hub, a quota's category); INVALID_INPUT when a night band would start
 *   and end at the same time, in this version or in a later one that receives the change (named)
 */
export function updateHubSettings(
  ctx: ServiceContext,
  input: z.output<typeof settingsUpdateInput>,
): HubSettingsState {
  return writeTransaction(ctx.db, () => {
    const hubId = resolveHubId(ctx, input.hubId)
    const base = settingsLookup(ctx.db, hubId)(input.validFrom)
    ;(input.governance?.quotas ?? []).forEach((quota, index) => {
      if (!getCategory(ctx.db, quota.categoryId)) {
        throw new DomainError('NOT_FOUND', 'Cette catégorie n’existe pas.', {
          issues: [{ path: `governance.quotas.${index}.categoryId`, message: 'Catégorie introuvable.' }],
        })
      }
    })
    const at = nowIso(ctx)
    const next: HubSettings = {
      ...base,
      validFrom: input.validFrom,
      agentHourlyRateCents: input.agentHourlyRateCents ?? base.agentHourlyRateCents,
      vehicleHourlyRateCents: input.vehicleHourlyRateCents ?? base.vehicleHourlyRateCents,
      allDayHours: input.allDayHours ?? base.allDayHours,
      surcharges: { ...base.surcharges, ...definedOnly(input.surcharges ?? {}) },
      governance: {
        minNoticeDays: input.governance?.minNoticeDays ?? base.governance.minNoticeDays,
        maxLoanDays:
          input.governance?.maxLoanDays === undefined
            ? base.governance.maxLoanDays
            : input.governance.maxLoanDays,
        quotas: input.governance?.quotas ?? base.governance.quotas,
      },
      updatedAt: at,
      updatedBy: ctx.actor,
    }
    assertNight(next, false)
    const stored = listHubSettings(ctx.db, hubId)
    const writes: { readonly before: HubSettings | null; readonly after: HubSettings }[] = [
      { before: stored.find((v) => v.validFrom === input.validFrom) ?? null, after: next },
    ]

    const replaced = fieldsOf(base)
    const wanted = fieldsOf(next)
    const changed = (Object.keys(wanted) as (keyof Fields)[]).filter((k) => !same(replaced[k], wanted[k]))
    const later = stored.filter((v) => v.validFrom > input.validFrom).reverse()
    const laterFields = later.map(fieldsOf)
    for (const key of changed) {
      for (const fields of laterFields) {
        // A later version with its own value for this field: the change stops there.
        if (!same(fields[key], replaced[key])) break
        Object.assign(fields, { [key]: wanted[key] })
      }
    }
    later.forEach((version, index) => {
      const fields = laterFields[index]
      if (!fields || same(fields, fieldsOf(version))) return
      const after = { ...withFields(version, fields), updatedAt: at, updatedBy: ctx.actor }
      assertNight(after, true)
      writes.push({ before: version, after })
    })

    for (const { before, after } of writes) {
      upsertHubSettings(ctx.db, { ...after, updatedAt: at, updatedBy: ctx.actor })
      appendAudit(ctx.db, {
        id: ctx.newId(),
        at,
        actor: ctx.actor,
        entity: 'hub_settings',
        entityId: hubId,
        action: 'update',
        before,
        after,
      })
    }
    return {
      current: settingsLookup(ctx.db, hubId)(instantToLocalDate(ctx.now())),
      versions: listHubSettings(ctx.db, hubId),
    }
  })
}

/** The fields of `value` that are not undefined (zod leaves absent optional fields undefined). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
