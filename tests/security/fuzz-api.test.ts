/**
 * Fuzzing every method of the contract through the real dispatcher: whatever it receives, it never
 * throws, always answers with the envelope, and a refusal carries a known error code other than
 * INTERNAL and a short French message. Each method gets its own copy of a demo database, so that one
 * method's writes (an account created, a backup restored) cannot hide the others behind a refusal.
 * Replay a failure with the seed fast-check prints, or `FC_SEED=<n>` for a whole run.
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { cpSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/index'
import { contract, methodNames } from '../../shared/api/contract'
import { errorCodes, type ApiResult } from '../../shared/errors'
import { makeBackend, NOW, tempDir } from '../backend/helpers'
import { hostileSweep, inputArb, type KnownIds } from './fuzz-inputs'

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_261_130
const RUNS_PER_METHOD = 40
/**
 * The longest message a person should get, characters: a refusal quoting a megabyte of input is
 * unreadable, and an answer a thousand times the size of the request. `FUZZ_MAX_MESSAGE` raises it,
 * to look past this check for other failures.
 */
const MAX_MESSAGE = Number(process.env.FUZZ_MAX_MESSAGE ?? 1000)

/**
 * English that zod or Node would leak into a message that did not go through a French one. (zod's
 * French locale names some received types in code terms, `NaN reçu`: those are French sentences.)
 */
const english =
  /\b(invalid|expected|received|required|unrecognized|too (big|small)|must|should|TypeError|cannot read)\b/i
/** Words nearly every French sentence holds. */
const french =
  /(^|[\s(«'’])(le|la|les|l|de|des|du|d|un|une|est|sont|pas|en|au|aux|à|et|ou|pour|sur|ce|cette|ces|attendu|attendue|invalide|inconnue?|introuvable|saisie|réessayez)(?=[\s.,:;!?»)’']|$)/i

/** Builds the demo database once; every method then starts from a copy of its directory. */
async function template(): Promise<{ dir: string; known: KnownIds }> {
  const dir = tempDir()
  const backend = openBackend({ dataDir: dir, seed: 'demo', now: () => NOW })
  const ids = new Set<string>()
  const list = async (method: string, input: unknown) => {
    const result = await backend.dispatch(method, input, { channel: 'test' })
    if (!result.ok) throw new Error(`${method} : ${result.error.message}`)
    for (const item of result.value as { id: string }[]) ids.add(item.id)
  }
  try {
    await list('hubs.list', {})
    await list('communes.list', {})
    await list('categories.list', {})
    await list('resources.list', { includeArchived: true })
    await list('bookings.list', { from: '2026-01-01', to: '2028-12-31' })
    await list('unavailabilities.list', {})
  } finally {
    backend.close()
  }
  return { dir, known: { ids: [...ids] } }
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) =>
      typeof value === 'bigint'
        ? `${value}n`
        : typeof value === 'number' && !Number.isFinite(value)
          ? String(value)
          : value === undefined
            ? 'undefined'
            : value,
    )
    return text === undefined ? String(input) : text.slice(0, 300)
  } catch (error) {
    return `(${String(error)})`
  }
}

/** The checks every answer must pass; returns the outcome's code for the tally. */
function checkEnvelope(result: ApiResult<unknown>): string {
  expect(result).toBeTypeOf('object')
  expect(() => JSON.stringify(result)).not.toThrow()
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value'])
    return 'ok'
  }
  expect(result.ok).toBe(false)
  const { code, message } = result.error
  expect(errorCodes).toContain(code)
  expect(code, message).not.toBe('INTERNAL')
  expect(message).toBeTypeOf('string')
  expect(message.trim().length, code).toBeGreaterThan(0)
  expect(message.length, message.slice(0, 200)).toBeLessThanOrEqual(MAX_MESSAGE)
  expect(message, 'English in the message').not.toMatch(english)
  expect(message, 'not French').toMatch(french)
  return code
}

const tally = new Map<string, number>()
let generated = 0

let base: { dir: string; known: KnownIds } | undefined
beforeAll(async () => {
  base = await template()
})

afterAll(() => {
  if (base) rmSync(base.dir, { recursive: true, force: true })
  const codes = [...tally].map(([code, n]) => `${code} ${n}`).join(', ')
  console.info(`[fuzz] ${generated} inputs over ${methodNames.length} methods, seed ${SEED}: ${codes}`)
})

describe('every method of the contract, fed random and hostile inputs', () => {
  it.each(methodNames.map((method) => [method]))(
    '%s never throws and answers with a known, French, non-internal error',
    async (method) => {
      if (!base) throw new Error('La base de démonstration n’a pas pu être préparée.')
      const dir = tempDir()
      cpSync(base.dir, dir, { recursive: true })
      const api = makeBackend('demo', dir)
      const attempt = async (input: unknown) => {
        generated++
        let result: ApiResult<unknown>
        try {
          result = await api.backend.dispatch(method, input, { channel: 'test' })
        } catch (error) {
          throw new Error(`a levé une exception : ${String(error)}`)
        }
        const code = checkEnvelope(result)
        tally.set(code, (tally.get(code) ?? 0) + 1)
        expect(Object.keys(Object.prototype)).toEqual([])
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }
      for (const [index, input] of hostileSweep(contract[method].input, base.known, SEED).entries()) {
        try {
          await attempt(input)
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          expect.fail(
            `${method}, hostile input n° ${index}: ${reason.slice(0, 600)}\ninput: ${describeInput(input)}`,
          )
        }
      }
      const property = fc.asyncProperty(inputArb(contract[method].input, base.known), attempt)
      // fc.check rather than fc.assert: the report stays short even when the input is a megabyte. No
      // shrinking (endOnFailure): the database changes from run to run, so a shrunk input would lie.
      const outcome = await fc.check(property, { seed: SEED, numRuns: RUNS_PER_METHOD, endOnFailure: true })
      if (outcome.failed) {
        const reason =
          outcome.errorInstance instanceof Error
            ? outcome.errorInstance.message
            : String(outcome.errorInstance)
        expect.fail(
          `${method}, seed ${SEED}, path ${outcome.counterexamplePath}: ${reason.slice(0, 600)}\n` +
            `input: ${describeInput(outcome.counterexample?.[0])}`,
        )
      }
      const db = new Database(api.backend.databasePath, { readonly: true })
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        db.close()
      }
    },
    60_000,
  )
})
