/**
 * A backend for the cost-sharing tests (issue 7) with a clock the test can move, and the resources
 * they price. Rates from the Ville de Montpellier's 2014 sheet (délibération n° 2013/616, Licence
 * Ouverte; docs/data/montpellier-2014-tarifs.md).
 */
import { rmSync } from 'node:fs'
import { afterEach } from 'vitest'
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract'
import type { ApiError, ApiResult } from '../../shared/errors'
import { openBackend } from '../../electron/backend/index'
import type { Backend } from '../../electron/backend/types'
import { tempDir } from './helpers'

const opened: { backend: Backend; dir: string }[] = []

afterEach(() => {
  for (const { backend, dir } of opened.splice(0)) {
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

export interface ClockedApi {
  readonly backend: Backend
  /** Moves the backend's clock (epoch ms). */
  setNow(ms: number): void
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>
  fail(method: string, input: unknown): Promise<ApiError>
}

/** A backend on a fresh data directory whose clock starts at `start` (ISO instant). */
export function clockedBackend(start: string, seed: 'demo' | 'empty' = 'empty'): ClockedApi {
  let now = Date.parse(start)
  const dir = tempDir()
  const backend = openBackend({ dataDir: dir, seed, now: () => now })
  opened.push({ backend, dir })
  return {
    backend,
    setNow(ms) {
      now = ms
    },
    async ok(method, input) {
      const result = (await backend.dispatch(method, input, { channel: 'test' })) as ApiResult<
        MethodResult<typeof method>
      >
      if (!result.ok) throw new Error(`${method} a échoué : ${result.error.code} ${result.error.message}`)
      return result.value
    },
    async fail(method, input) {
      const result = await backend.dispatch(method, input, { channel: 'test' })
      if (result.ok) throw new Error(`${method} aurait dû échouer`)
      return result.error
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
