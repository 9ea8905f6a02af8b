import type { z } from 'zod'
import type {
  resourcesCreateInput,
  resourcesListInput,
  resourcesUpdateInput,
} from '../../../shared/api/schemas'
import type { Category, Commune, Hub, Resource } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { appendAudit } from '../db/repositories/audit'
import { getCategory, listCategories as selectCategories } from '../db/repositories/categories'
import { listCommunes as selectCommunes } from '../db/repositories/communes'
import { getHub, listHubs as selectHubs } from '../db/repositories/hubs'
import {
  getResource as selectResource,
  insertResource,
  listResources as selectResources,
  updateResource as storeResource,
  type ResourceRecord,
} from '../db/repositories/resources'
import { writeTransaction } from '../db/connection'
import { nowIso, type ServiceContext } from './context'

/** The API shape of a stored resource. */
export function toResource(record: ResourceRecord): Resource {
  const { archivedAt, ...rest } = record
  return { ...rest, archived: archivedAt !== null }
}

export function listHubs(ctx: ServiceContext): Hub[] {
  return selectHubs(ctx.db)
}

export function listCommunes(ctx: ServiceContext): Commune[] {
  return selectCommunes(ctx.db)
}

export function listCategories(ctx: ServiceContext): Category[] {
  return selectCategories(ctx.db)
}

export function listResources(ctx: ServiceContext, filter: z.output<typeof resourcesListInput>): Resource[] {
  return selectResources(ctx.db, filter).map(toResource)
}

/** @throws DomainError NOT_FOUND */
export function getResource(ctx: ServiceContext, id: string): Resource {
  return toResource(requireResource(ctx, id))
}

function requireResource(ctx: ServiceContext, id: string): ResourceRecord {
  const record = selectResource(ctx.db, id)
  if (!record) throw new DomainError('NOT_FOUND', 'Cette ressource n’existe pas (ou plus).')
  return record
}

/** The hub a new resource belongs to: the one named, or the only one. */
function resolveHub(ctx: ServiceContext, hubId: string | undefined): string {
  if (hubId) {
    if (!getHub(ctx.db, hubId)) {
      throw new DomainError('NOT_FOUND', 'Pôle technique introuvable.', {
        issues: [{ path: 'hubId', message: 'Pôle introuvable.' }],
      })
    }
    return hubId
  }
  const hubs = selectHubs(ctx.db)
  if (hubs.length !== 1 || !hubs[0]) {
    throw new DomainError('INVALID_INPUT', 'Précisez le pôle technique propriétaire.', {
      issues: [{ path: 'hubId', message: 'Pôle à préciser.' }],
    })
  }
  return hubs[0].id
}

function checkCategory(
  ctx: ServiceContext,
  categoryId: string | null | undefined,
  kind: Resource['kind'],
): void {
  if (!categoryId) return
  const category = getCategory(ctx.db, categoryId)
  if (!category) {
    throw new DomainError('NOT_FOUND', 'Catégorie introuvable.', {
      issues: [{ path: 'categoryId', message: 'Catégorie introuvable.' }],
    })
  }
  if (category.kind !== kind) {
    const message = `La catégorie « ${category.name} » n’est pas faite pour ce type de ressource.`
    throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'categoryId', message }] })
  }
}

/** Turns a UNIQUE violation on inventory number or plate into a French field error. */
function storeOrExplain(store: () => void): void {
  try {
    store()
  } catch (error) {
    const text = error instanceof Error ? error.message : ''
    if (text.includes('UNIQUE') && text.includes('inventory_number')) {
      const message = 'Ce numéro d’inventaire est déjà utilisé par une autre ressource.'
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'inventoryNumber', message }] })
    }
    if (text.includes('UNIQUE') && text.includes('plate')) {
      const message = 'Cette immatriculation est déjà utilisée par un autre véhicule.'
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'plate', message }] })
    }
    throw error
  }
}

const emptyToNull = (value: string | null | undefined): string | null => (value ? value : null)

/** `resources.create`. Unit tracking by default; the hub defaults to the only one. Journaled. */
export function createResource(ctx: ServiceContext, input: z.output<typeof resourcesCreateInput>): Resource {
  return writeTransaction(ctx.db, () => {
    const tracking = input.tracking ?? 'unit'
    checkCategory(ctx, input.categoryId, input.kind)
    const at = nowIso(ctx)
    const record: ResourceRecord = {
      id: ctx.newId(),
      hubId: resolveHub(ctx, input.hubId),
      kind: input.kind,
      name: input.name,
      categoryId: input.categoryId ?? null,
      tracking,
      quantity: tracking === 'stock' ? (input.quantity ?? 1) : 1,
      bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
      inventoryNumber: emptyToNull(input.inventoryNumber),
      serialNumber: emptyToNull(input.serialNumber),
      plate: emptyToNull(input.plate),
      licenceRequired: emptyToNull(input.licenceRequired),
      odometerKm: input.odometerKm ?? null,
      nextInspectionDate: emptyToNull(input.nextInspectionDate),
      qualifications: input.qualifications ?? [],
      weeklyHours: input.weeklyHours ?? null,
      notes: input.notes ?? '',
      archivedAt: null,
      createdAt: at,
      updatedAt: at,
    }
    storeOrExplain(() => insertResource(ctx.db, record))
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'resource',
      entityId: record.id,
      action: 'create',
      before: null,
      after: record,
    })
    return toResource(record)
  })
}

/**
 * `resources.update`: changes the given fields; absent fields keep their value, `null` clears.
 * @throws DomainError NOT_FOUND, INVALID_INPUT (quantity on a unit resource, unknown category, duplicate numbers)
 */
export function updateResource(ctx: ServiceContext, input: z.output<typeof resourcesUpdateInput>): Resource {
  return writeTransaction(ctx.db, () => {
    const before = requireResource(ctx, input.id)
    const { id: _id, ...changes } = input
    if (changes.quantity !== undefined && before.tracking === 'unit' && changes.quantity !== 1) {
      const message = 'Une ressource à l’unité a une quantité de 1.'
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'quantity', message }] })
    }
    if (changes.categoryId !== undefined) checkCategory(ctx, changes.categoryId, before.kind)
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
    const after: ResourceRecord = {
      ...before,
      ...defined,
      inventoryNumber:
        changes.inventoryNumber === undefined ? before.inventoryNumber : emptyToNull(changes.inventoryNumber),
      serialNumber:
        changes.serialNumber === undefined ? before.serialNumber : emptyToNull(changes.serialNumber),
      plate: changes.plate === undefined ? before.plate : emptyToNull(changes.plate),
      licenceRequired:
        changes.licenceRequired === undefined ? before.licenceRequired : emptyToNull(changes.licenceRequired),
      nextInspectionDate:
        changes.nextInspectionDate === undefined
          ? before.nextInspectionDate
          : emptyToNull(changes.nextInspectionDate),
      updatedAt: nowIso(ctx),
    }
    storeOrExplain(() => storeResource(ctx.db, after))
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: after.updatedAt,
      actor: ctx.actor,
      entity: 'resource',
      entityId: after.id,
      action: 'update',
      before,
      after,
    })
    return toResource(after)
  })
}

/**
 * `resources.archive`: the resource disappears from lists and cannot be booked any more; its
 * bookings and history stay. Archiving twice is harmless.
 */
export function archiveResource(ctx: ServiceContext, id: string): Resource {
  return writeTransaction(ctx.db, () => {
    const before = requireResource(ctx, id)
    if (before.archivedAt) return toResource(before)
    const at = nowIso(ctx)
    const after: ResourceRecord = { ...before, archivedAt: at, updatedAt: at }
    storeResource(ctx.db, after)
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at,
      actor: ctx.actor,
      entity: 'resource',
      entityId: id,
      action: 'archive',
      before,
      after,
    })
    return toResource(after)
  })
}
