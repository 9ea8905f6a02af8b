/**
 * A backend for the cost-sharing tests (issue 7) with a clock the test can move, and the resources
 * they price. Rates from the Ville de Montpellier's 2014 sheet (délibération n° 2013/616, Licence
 * Ouverte; docs/data/montpellier-2014-tarifs.md).
 */
import { makeBackend, type TestApi } from './helpers'

/** A test backend whose clock the test moves. */
export interface ClockedApi extends TestApi {
  /** Moves the backend's clock (epoch ms). */
  setNow(ms: number): void
}

/** A backend on a fresh data directory whose clock starts at `start` (ISO instant). */
export function clockedBackend(start: string, seed: 'demo' | 'empty' = 'empty'): ClockedApi {
  let now = Date.parse(start)
  return {
    ...makeBackend(seed, undefined, () => now),
    setNow(ms) {
      now = ms
    },
  }
}

/**
 * Tiffauges and La Gaubretière, and priced resources: 120 chairs at 0,31 €/day (purchase 2 160 €),
 * a podium of 24 m² at 7,80 €/m²/day with a 1 330 € deposit, an agent (hub rate 18 €/h) and a van
 * (hub rate 7 €/h).
 */
export async function pricedInventory(api: ClockedApi) {
  const communes = await api.ok('communes.list', {})
  const commune = (name: string) => {
    const found = communes.find((c) => c.name === name)
    if (!found) throw new Error(name)
    return found
  }
  const chairs = await api.ok('resources.create', {
    kind: 'equipment',
    name: 'Chaises pliantes',
    tracking: 'stock',
    quantity: 120,
    dailyRateCents: 31,
    purchaseValueCents: 216_000,
  })
  const podium = await api.ok('resources.create', { kind: 'equipment', name: 'Podium 6 × 4 m', areaM2: 24 })
  await api.ok('rates.set', {
    resourceId: podium.id,
    unit: 'm2_day',
    amountCents: 780,
    depositCents: 133_000,
    validFrom: '2027-01-01',
  })
  const agent = await api.ok('resources.create', { kind: 'staff', name: 'Paul Girard' })
  const van = await api.ok('resources.create', { kind: 'vehicle', name: 'Fourgon Renault Master' })
  return {
    tiffauges: commune('Tiffauges'),
    gaubretiere: commune('La Gaubretière'),
    chairs,
    podium,
    agent,
    van,
  }
}
