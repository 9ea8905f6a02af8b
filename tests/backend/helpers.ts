import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract'
import type { ApiError, ApiResult } from '../../shared/errors'
import { openBackend } from '../../electron/backend/index'
import type { Backend } from '../../electron/backend/types'

/** A fixed "now" for seeded data: Sunday 29/11/2026 11:00 in Paris, so the demo's first Saturday is 05/12/2026. */
export const NOW = Date.parse('2026-11-29T10:00:00Z')

const opened: { backend: Backend; dir: string }[] = []

afterEach(() => {
  for (const { backend, dir } of opened.splice(0)) {
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mutualisation-test-'))
}

export interface TestApi {
  readonly backend: Backend
  readonly dir: string
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodResult<M>>>
  /** Calls and returns the value, failing the test on an error envelope. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>
  /** Calls and returns the error, failing the test on success. */
  fail(method: string, input: unknown): Promise<ApiError>
}

/**
 * A backend on a fresh temporary data directory, closed and removed after the test. `now` is its
 * clock (epoch ms), NOW unless given.
 */
export function makeBackend(
  seed: 'demo' | 'empty' = 'empty',
  dir = tempDir(),
  now: () => number = () => NOW,
): TestApi {
  const backend = openBackend({ dataDir: dir, seed, now })
  opened.push({ backend, dir })
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>) =>
    (await backend.dispatch(method, input, { channel: 'test' })) as ApiResult<MethodResult<M>>
  return {
    backend,
    dir,
    call,
    async ok(method, input) {
      const result = await call(method, input)
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

/** The ids a booking test needs: a commune of the pôle Ouest, one outside it, and resources. */
export async function fixtures(api: TestApi) {
  const communes = await api.ok('communes.list', {})
  const byName = (name: string) => {
    const c = communes.find((x) => x.name === name)
    if (!c) throw new Error(name)
    return c
  }
  const nacelle = await api.ok('resources.create', { kind: 'equipment', name: 'Nacelle 12 m' })
  const chaises = await api.ok('resources.create', {
    kind: 'equipment',
    name: 'Chaises',
    tracking: 'stock',
    quantity: 120,
  })
  const podium = await api.ok('resources.create', {
    kind: 'equipment',
    name: 'Podium',
    bufferBeforeMinutes: 120,
    bufferAfterMinutes: 60,
  })
  return {
    tiffauges: byName('Tiffauges'),
    gaubretiere: byName('La Gaubretière'),
    mortagne: byName('Mortagne-sur-Sèvre'),
    nacelle,
    chaises,
    podium,
  }
}
