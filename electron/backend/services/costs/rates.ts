/**
 * `rates.list` and `rates.set`: each resource's rates, one per day from which it applies (a local
 * date, Europe/Paris). Setting a rate never touches an issued statement, whose lines are frozen; a
 * new cost report counts each booking at the rate in force on its first day.
 */
import type { z } from 'zod'
import type { ratesListInput, ratesSetInput } from '../../../../shared/api/cost-schemas'
import type { Rate } from '../../../../shared/domain/costs'
import { DomainError } from '../../../../shared/errors'
import { writeTransaction } from '../../db/connection'
import { appendAudit } from '../../db/repositories/audit'
import { listRates as selectRates, rateInForce, upsertRate } from '../../db/repositories/rates'
import { getResource } from '../../db/repositories/resources'
import { nowIso, type ServiceContext } from '../context'

/** @throws DomainError NOT_FOUND with the field path `resourceId` */
function requireResource(ctx: ServiceContext, id: string) {
  const resource = getResource(ctx.db, id)
  if (!resource) {
    throw new DomainError('NOT_FOUND', 'Cette ressource n’existe pas (ou plus).', {
      issues: [{ path: 'resourceId', message: 'Ressource introuvable.' }],
    })
  }
  return resource
}

/** `rates.list`: every rate, or one resource's, by resource then latest `validFrom` first. */
export function listRates(ctx: ServiceContext, input: z.output<typeof ratesListInput>): Rate[] {
  if (input.resourceId !== undefined) requireResource(ctx, input.resourceId)
  return selectRates(ctx.db, input.resourceId ?? null)
}

/**
 * `rates.set`: the resource's rate from `validFrom`, replacing the one set for that same day. The
 * deposit and the « gratuit » flag default to those of the rate in force on `validFrom` (none: 0 and
 * not free). Journaled (`rate`, `set`).
 * @throws DomainError NOT_FOUND (resource), INVALID_INPUT (per m² for a resource without area)
 */
export function setRate(ctx: ServiceContext, input: z.output<typeof ratesSetInput>): Rate {
  return writeTransaction(ctx.db, () => {
    const resource = requireResource(ctx, input.resourceId)
    if (input.unit === 'm2_day' && resource.areaM2 === null) {
      const message = `Indiquez d’abord la surface en m² de « ${resource.name} » (fiche de la ressource) : le tarif au m² en dépend.`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'unit', message }] })
    }
    const previous = rateInForce(ctx.db, resource.id, input.validFrom)
    const at = nowIso(ctx)
    const before = selectRates(ctx.db, resource.id).find((r) => r.validFrom === input.validFrom) ?? null
    const rate = upsertRate(ctx.db, {
      id: ctx.newId(),
      resourceId: resource.id,
      unit: input.unit,
      amountCents: input.amountCents ?? 0,
      depositCents: input.depositCents ?? previous?.depositCents ?? 0,
      free: input.free ?? previous?.free ?? false,
      validFrom: input.validFrom,
      createdAt: at,
      createdBy: ctx.actor,
    })
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'rate',
      entityId: rate.id,
      action: 'set',
      before,
      after: rate,
    })
    return rate
  })
}
