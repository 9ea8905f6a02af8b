import { describe, expect, it } from 'vitest'
import { methodNames } from '../../shared/api/contract'
import { mergeHandlers } from '../../electron/backend/handlers'
import { makeBackend } from './helpers'

describe('the dispatcher', () => {
  it('answers UNKNOWN_METHOD for a name outside the contract', async () => {
    const api = makeBackend()
    for (const name of ['bookings.drop', '__proto__', 'constructor', 'toString', '']) {
      const error = await api.fail(name, {})
      expect(error.code, name).toBe('UNKNOWN_METHOD')
    }
  })

  it('turns any malformed payload into INVALID_INPUT, never a crash', async () => {
    const api = makeBackend()
    const payloads: unknown[] = [
      null,
      42,
      'texte',
      [],
      { start: {} },
      { __proto__: { admin: true } },
      { id: 'x'.repeat(10000) },
    ]
    for (const method of methodNames) {
      for (const payload of payloads) {
        const result = await api.backend.dispatch(method, payload, { channel: 'test' })
        if (!result.ok) {
          expect(['INVALID_INPUT', 'NOT_FOUND'], `${method} ${JSON.stringify(payload)}`).toContain(
            result.error.code,
          )
          expect(result.error.message.length).toBeGreaterThan(5)
        }
      }
    }
  })

  it('refuses to register a method twice', () => {
    const handler = () => []
    expect(() => mergeHandlers({ 'communes.list': handler }, { 'communes.list': handler })).toThrow(
      /deux fois/,
    )
  })

  it('implements every method of the contract', async () => {
    const api = makeBackend()
    for (const method of methodNames) {
      const result = await api.backend.dispatch(method, {}, { channel: 'test' })
      expect(result.ok || result.error.code !== 'UNKNOWN_METHOD', method).toBe(true)
    }
  })
})
