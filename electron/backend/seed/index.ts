/**
 * Fills a new database: the hub and the communes always; the demo inventory and bookings unless
 * `empty`. Runs once, when the database has no hub.
 */
import { addDaysToDate, instantToLocalDate, localToInstant, startOfLocalDate } from '../../../shared/time'
import { writeTransaction } from '../db/connection'
import { insertCategory } from '../db/repositories/categories'
import { insertCommune } from '../db/repositories/communes'
import { insertHub, listHubs } from '../db/repositories/hubs'
import { insertResource, newResourceRecord } from '../db/repositories/resources'
import { insertUnavailability } from '../db/repositories/unavailabilities'
import { createBooking } from '../services/bookings'
import { nowIso, type ServiceContext } from '../services/context'
import { communeFacts, POLE_OUEST_NAME } from './communes'
import { demoBookings, demoCategories, demoResources } from './demo'

/** Day of week of a local date, 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

function localTime(date: string, hhmm: string): string {
  return `${date}T${hhmm}`
}

/** @returns true when the database was empty and has been filled. */
export function seedDatabase(ctx: ServiceContext, mode: 'demo' | 'empty'): boolean {
  if (listHubs(ctx.db).length > 0) return false
  const at = nowIso(ctx)
  const communeIds = new Map<string, string>()
  const resourceIds = new Map<string, string>()
  writeTransaction(ctx.db, () => {
    const hubId = ctx.newId()
    insertHub(ctx.db, { id: hubId, name: POLE_OUEST_NAME }, at)
    for (const c of communeFacts) {
      const id = ctx.newId()
      communeIds.set(c.inseeCode, id)
      insertCommune(ctx.db, {
        id,
        name: c.name,
        inseeCode: c.inseeCode,
        siren: c.siren,
        postalCode: c.postalCode,
        population: c.population,
        hubId: c.poleOuest ? hubId : null,
      })
    }
    if (mode === 'empty') return
    const categoryIds = new Map<string, string>()
    for (const c of demoCategories) {
      const id = ctx.newId()
      categoryIds.set(c.key, id)
      insertCategory(ctx.db, {
        id,
        name: c.name,
        parentId: c.parent ? (categoryIds.get(c.parent) ?? null) : null,
        kind: c.kind,
      })
    }
    for (const r of demoResources) {
      const id = ctx.newId()
      resourceIds.set(r.key, id)
      insertResource(
        ctx.db,
        newResourceRecord(
          { id, hubId, kind: r.kind, name: r.name, at },
          {
            categoryId: categoryIds.get(r.category) ?? null,
            tracking: r.stock ? 'stock' : 'unit',
            quantity: r.stock ?? 1,
            outOfServiceQuantity: r.outOfService ?? 0,
            condition: r.kind === 'equipment' && !r.stock ? (r.condition ?? 'good') : null,
            purchaseDate: r.purchaseDate ?? null,
            purchaseValueCents: r.purchaseValueCents ?? null,
            dailyRateCents: r.dailyRateCents ?? null,
            hourMeterHours: r.hourMeterHours ?? null,
            homeCommuneId: r.homeCommune ? (communeIds.get(r.homeCommune) ?? null) : null,
            bufferBeforeMinutes: r.bufferBeforeMinutes ?? 0,
            bufferAfterMinutes: r.bufferAfterMinutes ?? 0,
            inventoryNumber: r.inventoryNumber ?? null,
            serialNumber: r.serialNumber ?? null,
            plate: r.plate ?? null,
            licenceRequired: r.licenceRequired ?? null,
            odometerKm: r.odometerKm ?? null,
            nextInspectionDate: r.nextInspectionDate ?? null,
            qualifications: r.qualifications ?? [],
            weeklyHours: r.weeklyHours ?? null,
            requiresApproval: r.requiresApproval ?? false,
            requiredQualification: r.requiredQualification ?? null,
            notes: r.notes ?? '',
          },
        ),
      )
    }
  })
  if (mode === 'empty') return true

  const today = instantToLocalDate(ctx.now())
  let saturday = addDaysToDate(today, 2)
  while (weekday(saturday) !== 6) saturday = addDaysToDate(saturday, 1)
  const id = (key: string): string => {
    const found = resourceIds.get(key)
    if (!found) throw new Error(`Ressource de démonstration inconnue : ${key}`)
    return found
  }
  for (const b of demoBookings) {
    const first = addDaysToDate(saturday, b.day)
    const timed = b.from !== undefined && b.to !== undefined
    createBooking(ctx, {
      communeId: communeIds.get(b.commune) ?? '',
      title: b.title,
      start: timed ? localTime(first, b.from ?? '') : first,
      end: timed
        ? localTime(addDaysToDate(first, b.toDay ?? 0), b.to ?? '')
        : addDaysToDate(first, (b.days ?? 1) - 1),
      items: b.items.map(([key, quantity]) => ({ resourceId: id(key), quantity })),
    })
  }
  writeTransaction(ctx.db, () => {
    const inspection = addDaysToDate(saturday, 10)
    insertUnavailability(ctx.db, {
      id: ctx.newId(),
      resourceId: id('nacelle'),
      kind: 'inspection',
      reason: 'Vérification générale périodique (VGP)',
      quantity: 1,
      start: startOfLocalDate(inspection),
      end: startOfLocalDate(addDaysToDate(inspection, 1)),
      allDay: true,
      startDate: inspection,
      endDate: inspection,
      createdAt: at,
      bookingId: null,
      untilRestored: false,
    })
    insertUnavailability(ctx.db, {
      id: ctx.newId(),
      resourceId: id('barrieres'),
      kind: 'repair',
      reason: 'Pieds tordus, en réparation à l’atelier',
      quantity: 6,
      start: localToInstant(today, 8),
      end: startOfLocalDate(addDaysToDate(saturday, 21)),
      allDay: false,
      startDate: null,
      endDate: null,
      createdAt: at,
      bookingId: null,
      untilRestored: false,
    })
  })
  return true
}
