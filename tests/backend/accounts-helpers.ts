/**
 * Backends with accounts for the trust tests: a clock the test moves, and one session per person
 * (what a browser's cookie or an Electron window holds).
 */
import { rmSync } from 'node:fs'
import { afterEach } from 'vitest'
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract'
import type { Role, SignedInUser } from '../../shared/domain/accounts'
import type { ApiError, ApiResult } from '../../shared/errors'
import { openBackend } from '../../electron/backend/index'
import type { Backend, SessionSlot } from '../../electron/backend/types'
import { NOW, tempDir } from './helpers'

const opened: { backend: Backend; dir: string }[] = []

afterEach(() => {
  for (const { backend, dir } of opened.splice(0)) {
    backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

/** A password long enough for the rules (12+ characters). */
export const PASSWORD = 'pont-de-la-sèvre-1848'

export interface Person {
  readonly slot: SessionSlot & { readonly current: () => string | null }
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodResult<M>>>
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>
  fail(method: string, input: unknown): Promise<ApiError>
  signIn(login: string, password?: string): Promise<SignedInUser>
}

export interface TrustBackend {
  readonly backend: Backend
  readonly dir: string
  /** The backend's clock, epoch ms; starts at NOW (29/11/2026 10:00 UTC). */
  readonly clock: { now: number }
  /** A new caller with its own session slot. */
  person(): Person
  /** Creates an account with {@link PASSWORD}, as `by`. */
  account(by: Person, login: string, role: Role, communeId?: string): Promise<void>
}

export function makeTrustBackend(seed: 'demo' | 'empty' = 'empty', dir = tempDir()): TrustBackend {
  const clock = { now: NOW }
  const backend = openBackend({ dataDir: dir, seed, now: () => clock.now, access: { failureDelayMs: 0 } })
  opened.push({ backend, dir })
  const person = (): Person => {
    let token: string | null = null
    const slot = {
      get token() {
        return token
      },
      set(next: string | null) {
        token = next
      },
      current: () => token,
    }
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>) =>
      (await backend.dispatch(method, input, { channel: 'test', session: slot })) as ApiResult<
        MethodResult<M>
      >
    const ok = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const result = await call(method, input)
      if (!result.ok) throw new Error(`${method} a échoué : ${result.error.code} ${result.error.message}`)
      return result.value
    }
    return {
      slot,
      call,
      ok,
      async fail(method, input) {
        const result = await backend.dispatch(method, input, { channel: 'test', session: slot })
        if (result.ok) throw new Error(`${method} aurait dû échouer`)
        return result.error
      },
      signIn: (login, password = PASSWORD) => ok('auth.signIn', { login, password }),
    }
  }
  return {
    backend,
    dir,
    clock,
    person,
    async account(by, login, role, communeId) {
      const name = login.replace(/[._]/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
      await by.ok('users.create', { login, displayName: name, password: PASSWORD, role, communeId })
    },
  }
}
