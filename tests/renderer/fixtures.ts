import type { Resource } from '../../shared/domain/types'

/**
 * A resource for renderer tests: a unit item of the hub `hub` with every attribute empty, then `patch`.
 * @example makeResource({ id: 'r1', name: 'Chaises', tracking: 'stock', quantity: 120 })
 */
export function makeResource(patch: Partial<Resource> & Pick<Resource, 'id'>): Resource {
  return {
    hubId: 'hub',
    kind: 'equipment',
    name: `Ressource ${patch.id}`,
    categoryId: null,
    tracking: 'unit',
    quantity: 1,
    outOfServiceQuantity: 0,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    inventoryNumber: null,
    serialNumber: null,
    condition: null,
    purchaseDate: null,
    purchaseValueCents: null,
    dailyRateCents: null,
    areaM2: null,
    plate: null,
    licenceRequired: null,
    odometerKm: null,
    hourMeterHours: null,
    nextInspectionDate: null,
    homeCommuneId: null,
    qualifications: [],
    weeklyHours: null,
    requiresApproval: false,
    requiredQualification: null,
    notes: '',
    archived: false,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...patch,
  }
}
