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
import { instantToLocalDate } from '../../../../shared/time'
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

/**
 * `settings.update`: stores a new version from `validFrom`, made of the version in force that day
 * with the changes given (`surcharges` and `governance` field by field; `quotas` as a whole list).
 * Journaled (`hub_settings`, `update`).
 * @throws DomainError NOT_FOUND (hub, a quota's category)
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
    const next = {
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
    if (next.surcharges.nightStart === next.surcharges.nightEnd) {
      throw new DomainError('INVALID_INPUT', 'La nuit commence et finit à des heures différentes.', {
        issues: [{ path: 'surcharges.nightEnd', message: 'Heure de fin de nuit identique au début.' }],
      })
    }
    const before = listHubSettings(ctx.db, hubId).find((v) => v.validFrom === input.validFrom) ?? null
    upsertHubSettings(ctx.db, next)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'hub_settings',
      entityId: hubId,
      action: 'update',
      before,
      after: next,
    })
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
