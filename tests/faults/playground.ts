/**
 * The resources the fault tests book: six unit resources with buffers of several sizes, three stocks
 * (some units out of service), and an unavailability on one unit resource and on one stock.
 */
import type { TestApi } from '../backend/helpers'
import type { Playground } from './requests'

/** Creates the resources and unavailabilities through the API; the communes are those the hub serves. */
export async function playground(api: TestApi): Promise<Playground> {
  const communes = await api.ok('communes.list', {})
  const served = communes.filter((c) => c.hubId !== null).map((c) => c.id)
  const units = [
    await api.ok('resources.create', { kind: 'equipment', name: 'Nacelle' }),
    await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Podium',
      bufferBeforeMinutes: 60,
      bufferAfterMinutes: 60,
    }),
    await api.ok('resources.create', { kind: 'equipment', name: 'Mini-pelle', bufferAfterMinutes: 45 }),
    await api.ok('resources.create', {
      kind: 'vehicle',
      name: 'Camion benne',
      bufferBeforeMinutes: 30,
      bufferAfterMinutes: 15,
    }),
    await api.ok('resources.create', { kind: 'vehicle', name: 'Fourgon' }),
    await api.ok('resources.create', { kind: 'staff', name: 'Agent', bufferBeforeMinutes: 15 }),
  ]
  const stocks = [
    await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Chaises',
      tracking: 'stock',
      quantity: 40,
      outOfServiceQuantity: 4,
    }),
    await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Barrières',
      tracking: 'stock',
      quantity: 25,
    }),
    await api.ok('resources.create', {
      kind: 'equipment',
      name: 'Tables',
      tracking: 'stock',
      quantity: 12,
      outOfServiceQuantity: 2,
      bufferBeforeMinutes: 30,
      bufferAfterMinutes: 30,
    }),
  ]
  await api.ok('unavailabilities.create', {
    resourceId: units[0]!.id,
    kind: 'maintenance',
    reason: 'Révision',
    start: '2027-06-10',
    end: '2027-06-12',
  })
  await api.ok('unavailabilities.create', {
    resourceId: stocks[0]!.id,
    kind: 'repair',
    reason: 'Chaises à recoller',
    quantity: 10,
    start: '2027-06-14T08:00',
    end: '2027-06-20T18:00',
  })
  return {
    communeIds: served,
    unitIds: units.map((u) => u.id),
    stocks: stocks.map((s) => ({ id: s.id, lendable: s.quantity - (s.outOfServiceQuantity ?? 0) })),
  }
}
