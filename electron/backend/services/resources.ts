import type { z } from 'zod'
import type {
  resourcesCreateInput,
  resourcesListInput,
  resourcesUpdateInput,
} from '../../../shared/api/schemas'
import type { Category, Commune, Hub, Resource, ResourceHistory } from '../../../shared/domain/types'
import { formatPeriodFr } from '../../../shared/time'
import { DomainError } from '../../../shared/errors'
import { appendAudit, listAuditEntries } from '../db/repositories/audit'
import {
  listBlockingBookingsOfResource,
  listOtherBookingsOfResource,
  type BookingRecord,
} from '../db/repositories/bookings'
import { conflictsFor } from './availability'
import { listUnavailabilities } from '../db/repositories/unavailabilities'
import { toBooking } from './bookings'
import { refuseUnqualified } from './resource-qualifications'
import { toUnavailability } from './unavailabilities'
import { getCategory, listCategories as selectCategories } from '../db/repositories/categories'
import { getCommune, listCommunes as selectCommunes } from '../db/repositories/communes'
import { getHub, listHubs as selectHubs } from '../db/repositories/hubs'
import {
  getResource as selectResource,
  insertResource,
  listResources as selectResources,
  newResourceRecord,
  updateResource as storeResource,
  type ResourceRecord,
} from '../db/repositories/resources'
import { readTransaction, writeTransaction } from '../db/connection'
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

type ResourceChanges = Omit<z.output<typeof resourcesUpdateInput>, 'id'>

const nullableTexts = [
  'inventoryNumber',
  'serialNumber',
  'plate',
  'licenceRequired',
  'nextInspectionDate',
  'purchaseDate',
] as const

/** `base` with the given changes: absent fields keep their value, `null` or empty text clears. */
function merge(base: ResourceRecord, changes: ResourceChanges, updatedAt: string): ResourceRecord {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  const merged: ResourceRecord = { ...base, ...defined, updatedAt }
  const texts = Object.fromEntries(nullableTexts.map((key) => [key, merged[key] ? merged[key] : null]))
  return {
    ...merged,
    ...texts,
    qualifications: merged.qualifications.map((q) => ({ name: q.name, expiresOn: q.expiresOn ?? null })),
  }
}

function fieldError(path: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { issues: [{ path, message }] })
}

/**
 * Checks that a resource's attributes fit its kind and tracking (a condition for unit equipment, a
 * plate for vehicles, qualifications for agents, no more out of service than in stock…).
 * @throws DomainError INVALID_INPUT naming the field, NOT_FOUND for an unknown category or commune
 */
export function checkResourceConsistency(ctx: ServiceContext, r: ResourceRecord): void {
  checkCategory(ctx, r.categoryId, r.kind)
  const unitEquipment = r.kind === 'equipment' && r.tracking === 'unit'
  if (r.tracking === 'unit' && r.quantity !== 1)
    throw fieldError('quantity', 'Une ressource à l’unité a une quantité de 1.')
  if (r.tracking === 'unit' && r.outOfServiceQuantity !== 0) {
    throw fieldError(
      'outOfServiceQuantity',
      'Pour un matériel à l’unité, indiquez l’état « hors service » plutôt qu’une quantité.',
    )
  }
  if (r.outOfServiceQuantity > r.quantity) {
    throw fieldError(
      'outOfServiceQuantity',
      'Il ne peut y avoir plus d’unités hors service que d’unités en stock.',
    )
  }
  if (r.condition !== null && !unitEquipment) {
    throw fieldError('condition', 'L’état ne se suit que pour le matériel à l’unité.')
  }
  if (r.plate !== null && r.kind !== 'vehicle')
    throw fieldError('plate', 'Seul un véhicule a une immatriculation.')
  if (r.licenceRequired !== null && r.kind !== 'vehicle') {
    throw fieldError('licenceRequired', 'Le permis requis ne concerne que les véhicules.')
  }
  if (r.kind === 'staff' && (r.odometerKm !== null || r.hourMeterHours !== null)) {
    throw fieldError('odometerKm', 'Un agent n’a pas de compteur.')
  }
  if (r.kind !== 'staff' && r.qualifications.length > 0) {
    throw fieldError('qualifications', 'Seuls les agents ont des qualifications.')
  }
  if (r.kind !== 'staff' && r.homeCommuneId !== null) {
    throw fieldError('homeCommuneId', 'Seul un agent a une commune de rattachement.')
  }
  if (r.kind === 'staff' && r.requiredQualification) {
    throw fieldError(
      'requiredQualification',
      'Un agent n’a pas d’opérateur : indiquez plutôt les qualifications qu’il détient.',
    )
  }
  if (r.kind !== 'staff' && r.weeklyHours !== null)
    throw fieldError('weeklyHours', 'Seul un agent a des heures par semaine.')
  if (r.homeCommuneId !== null && !getCommune(ctx.db, r.homeCommuneId)) {
    throw new DomainError('NOT_FOUND', 'Commune de rattachement introuvable.', {
      issues: [{ path: 'homeCommuneId', message: 'Commune introuvable.' }],
    })
  }
}

/**
 * A smaller stock, more units out of service, longer buffers, an item marked hors service or an
 * earlier inspection deadline must still hold every booking to come: otherwise the change is refused,
 * naming them. (To withdraw units that are really broken, an
 * unavailability is the tool: it is stored and lists the bookings it endangers.)
 * @throws DomainError CONFLICT with `details.bookings`
 */
function refuseOvercommitment(ctx: ServiceContext, before: ResourceRecord, after: ResourceRecord): void {
  const inspectionEarlier =
    after.nextInspectionDate !== null &&
    (before.nextInspectionDate === null || after.nextInspectionDate < before.nextInspectionDate)
  const tighter =
    after.quantity - after.outOfServiceQuantity < before.quantity - before.outOfServiceQuantity ||
    after.bufferBeforeMinutes > before.bufferBeforeMinutes ||
    after.bufferAfterMinutes > before.bufferAfterMinutes ||
    (after.condition === 'out_of_service' && before.condition !== 'out_of_service') ||
    inspectionEarlier
  if (!tighter) return
  const resources = new Map([[after.id, after]])
  const stranded = listBlockingBookingsOfResource(ctx.db, after.id, ctx.now()).filter((booking) => {
    const item = booking.items.find((i) => i.resourceId === after.id)
    return item !== undefined && conflictsFor(ctx, booking, [item], resources, booking.id).length > 0
  })
  if (stranded.length === 0) return
  const one = stranded.length === 1
  throw new DomainError(
    'CONFLICT',
    `Modification refusée : ${one ? 'cette réservation ne tiendrait' : 'ces réservations ne tiendraient'} plus : ` +
      `${describeBookings(ctx, stranded)}. Déplacez-${one ? 'la' : 'les'} ou annulez-${one ? 'la' : 'les'} d’abord, ` +
      'ou déclarez une indisponibilité (réparation, contrôle) : elle est enregistrée et liste les réservations concernées.',
    { bookings: stranded.map((b) => toBooking(b, ctx.now())) },
  )
}

/** `RES-2027-0001 (Tiffauges, le 14/05/2027), …` — the first five, then a count. */
function describeBookings(ctx: ServiceContext, bookings: readonly BookingRecord[]): string {
  const list = bookings
    .slice(0, 5)
    .map((b) => `${b.reference} (${getCommune(ctx.db, b.communeId)?.name ?? '?'}, ${formatPeriodFr(b)})`)
    .join(', ')
  return bookings.length > 5 ? `${list} et ${bookings.length - 5} autre(s)` : list
}

/** `resources.create`. Unit tracking by default; the hub defaults to the only one. Journaled. */
export function createResource(ctx: ServiceContext, input: z.output<typeof resourcesCreateInput>): Resource {
  return writeTransaction(ctx.db, () => {
    const { kind, tracking = 'unit', hubId, ...changes } = input
    const at = nowIso(ctx)
    const blank = newResourceRecord(
      { id: ctx.newId(), hubId: resolveHub(ctx, hubId), kind, name: input.name, at },
      { tracking },
    )
    const record = merge(blank, changes, at)
    checkResourceConsistency(ctx, record)
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
 * @throws DomainError NOT_FOUND, INVALID_INPUT (attributes that do not fit the kind, duplicate numbers)
 */
export function updateResource(ctx: ServiceContext, input: z.output<typeof resourcesUpdateInput>): Resource {
  return writeTransaction(ctx.db, () => {
    const before = requireResource(ctx, input.id)
    const { id: _id, ...changes } = input
    const after = merge(before, changes, nowIso(ctx))
    checkResourceConsistency(ctx, after)
    refuseOvercommitment(ctx, before, after)
    refuseUnqualified(ctx, before, after)
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
 * `resources.archive`: the resource disappears from lists and cannot be booked any more; its past
 * bookings and history stay. A resource that still has bookings to come cannot be archived until
 * they are moved or cancelled. Archiving twice is harmless.
 * @throws DomainError NOT_FOUND, CONFLICT with `details.bookings` (the bookings still to come)
 */
export function archiveResource(ctx: ServiceContext, id: string): Resource {
  return writeTransaction(ctx.db, () => {
    const before = requireResource(ctx, id)
    if (before.archivedAt) return toResource(before)
    const pending = listBlockingBookingsOfResource(ctx.db, id, ctx.now())
    if (pending.length > 0) {
      throw new DomainError(
        'CONFLICT',
        `« ${before.name} » a encore ${pending.length} réservation(s) à venir : ${describeBookings(ctx, pending)}. ` +
          'Déplacez-les ou annulez-les avant d’archiver.',
        { bookings: pending.map((b) => toBooking(b, ctx.now())) },
      )
    }
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

/** `resources.history`: what the detail page shows — bookings to come and past, unavailabilities, journal. */
export function resourceHistory(ctx: ServiceContext, id: string): ResourceHistory {
  return readTransaction(ctx.db, () => {
    const record = requireResource(ctx, id)
    const now = ctx.now()
    return {
      resource: toResource(record),
      upcomingBookings: listBlockingBookingsOfResource(ctx.db, id, now).map((b) => toBooking(b, ctx.now())),
      pastBookings: listOtherBookingsOfResource(ctx.db, id, now).map((b) => toBooking(b, ctx.now())),
      unavailabilities: listUnavailabilities(ctx.db, { resourceId: id, from: now, to: 8.64e15 }).map(
        toUnavailability,
      ),
      journal: listAuditEntries(ctx.db, id),
    }
  })
}
