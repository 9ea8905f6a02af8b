/**
 * Generators of hostile inputs for the API fuzz test: random JSON, objects with random keys, objects
 * built from a method's real field names (read from its zod schema) with values of the wrong type or
 * the right type, huge strings, NUL and broken Unicode, deep nesting, prototype keys, and the values
 * Electron's IPC can carry beyond JSON (structured clone: NaN, Infinity, BigInt, Date, Map…).
 */
import fc from 'fast-check'
import type { z } from 'zod'

/** The shape of a zod schema, as far as the fuzzer needs it. */
export type Skeleton =
  | {
      readonly kind: 'object'
      readonly fields: Readonly<Record<string, Skeleton>>
      /** The keys the schema requires (not optional, no default). */
      readonly required: readonly string[]
    }
  | { readonly kind: 'array'; readonly element: Skeleton }
  | { readonly kind: 'record'; readonly value: Skeleton }
  | { readonly kind: 'enum'; readonly values: readonly unknown[] }
  | { readonly kind: 'leaf'; readonly type: string; readonly format: string | null }

interface ZodDef {
  readonly type: string
  readonly shape?: Record<string, z.ZodType>
  readonly element?: z.ZodType
  readonly innerType?: z.ZodType
  readonly in?: z.ZodType
  readonly options?: readonly z.ZodType[]
  readonly valueType?: z.ZodType
  readonly entries?: Record<string, unknown>
  readonly values?: readonly unknown[]
  readonly format?: string
  readonly getter?: () => z.ZodType
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def

/** Reads the skeleton of a schema through zod 4's definitions (wrappers and pipes are looked through). */
export function skeletonOf(schema: z.ZodType, depth = 0): Skeleton {
  const def = defOf(schema)
  if (depth > 12) return { kind: 'leaf', type: def.type, format: null }
  switch (def.type) {
    case 'object':
      return {
        kind: 'object',
        fields: Object.fromEntries(
          Object.entries(def.shape ?? {}).map(([key, field]) => [key, skeletonOf(field, depth + 1)]),
        ),
        required: Object.entries(def.shape ?? {})
          .filter(([, field]) => !['optional', 'default', 'prefault'].includes(defOf(field).type))
          .map(([key]) => key),
      }
    case 'array':
      return def.element ? { kind: 'array', element: skeletonOf(def.element, depth + 1) } : leaf(def)
    case 'record':
      return def.valueType ? { kind: 'record', value: skeletonOf(def.valueType, depth + 1) } : leaf(def)
    case 'enum':
      return { kind: 'enum', values: Object.values(def.entries ?? {}) }
    case 'literal':
      return { kind: 'enum', values: def.values ?? [] }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? skeletonOf(def.innerType, depth + 1) : leaf(def)
    case 'pipe':
      return def.in ? skeletonOf(def.in, depth + 1) : leaf(def)
    case 'lazy':
      return def.getter ? skeletonOf(def.getter(), depth + 1) : leaf(def)
    case 'union': {
      const options = def.options ?? []
      return options[0] ? skeletonOf(options[0], depth + 1) : leaf(def)
    }
    default:
      return leaf(def)
  }
}

function leaf(def: ZodDef): Skeleton {
  return { kind: 'leaf', type: def.type, format: def.format ?? null }
}

/** An object with one own key set as data, even `__proto__` (which `=` would turn into a prototype). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  return target
}

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'fond'
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}

const HUGE = 'x'.repeat(1_000_000)

const deepArrays = nested(3000, (inner) => [inner])
const deepObjects = nested(3000, (inner) => ({ a: inner }))
const longArray = Array.from({ length: 10_000 }, (_, i) => i)
const protoKey = JSON.parse('{"__proto__": {"polluted": "oui"}}') as unknown
const constructorKey = { constructor: { prototype: { polluted: 'oui' } } }

/** One JSON value per kind of attack. */
const jsonAttacks: readonly unknown[] = [
  '',
  'a\u0000b',
  '\uD800',
  HUGE,
  '<script>window.__fuzz = 1</script>',
  '__proto__',
  '=HYPERLINK("http://evil.example")',
  -1,
  1.5,
  1e308,
  true,
  null,
  [],
  {},
  deepArrays,
  deepObjects,
  longArray,
  protoKey,
  constructorKey,
]

/** One value per kind that structured clone (Electron IPC) carries and JSON cannot. */
const cloneAttacks: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  undefined,
  10n ** 30n,
  new Date('2027-05-14T08:00:00Z'),
  new Map([['id', 'x']]),
  new Uint8Array([1, 2, 3]),
]

/** For the systematic sweep of every field. */
const sweepValues: readonly unknown[] = [...jsonAttacks, ...cloneAttacks]

/** Values chosen to break things, of every type, for the random part. */
const hostileValues: readonly unknown[] = [
  ...jsonAttacks,
  ' ',
  '\u0000',
  `${HUGE}\u0000`,
  "'; DROP TABLE bookings; --",
  'constructor',
  '../../etc/passwd',
  '🚜'.repeat(300),
  0,
  -0,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  2 ** 31,
  false,
]

/** What structured clone (Electron IPC) carries and JSON cannot, for the random part. */
const cloneOnlyValues: readonly unknown[] = [
  ...cloneAttacks,
  Number.NEGATIVE_INFINITY,
  new Date(Number.NaN),
  new Set([1]),
  /./g,
  // A sparse array (a hole at index 1), which structured clone keeps.
  Object.assign(new Array<number>(3), { 0: 1, 2: 3 }),
]

/** Moments in every form the API reads, and some it must refuse. */
const moments = [
  '2027-05-14',
  '2027-05-16',
  '2027-05-14T08:00',
  '2027-05-14T18:30',
  '2027-05-14T08:00:00+02:00',
  '2027-05-14T06:00:00Z',
  '2027-03-28T02:30', // does not exist in Paris (spring forward)
  '2027-10-31T02:30', // happens twice in Paris
  '2027-02-30',
  '0000-01-01',
  '9999-12-31',
  '2027-05-14T25:00',
  '14/05/2027',
]

/** Real identifiers of the database under test, so that near-valid inputs reach the services. */
export interface KnownIds {
  readonly ids: readonly string[]
}

function leafArb(skeleton: Skeleton & { kind: 'leaf' | 'enum' }, known: KnownIds): fc.Arbitrary<unknown> {
  if (skeleton.kind === 'enum') return fc.constantFrom(...(skeleton.values.length ? skeleton.values : [null]))
  switch (skeleton.type) {
    case 'string':
      return skeleton.format === 'uuid'
        ? fc.oneof(fc.constantFrom(...known.ids), fc.uuid())
        : fc.oneof(fc.constantFrom(...moments), fc.string({ maxLength: 30 }), fc.constantFrom(...known.ids))
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
    case 'boolean':
      return fc.boolean()
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

const wrongArb = fc.oneof(fc.constantFrom(...hostileValues), fc.jsonValue({ maxDepth: 3 }))

/** A value of the right type for one place of a schema (its content may still be refused). */
function rightArb(skeleton: Skeleton, known: KnownIds, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return wrongArb
  switch (skeleton.kind) {
    case 'object':
      return nearValidObject(skeleton, known, depth + 1)
    case 'array':
      return fc.array(valueArb(skeleton.element, known, depth + 1), { minLength: 1, maxLength: 3 })
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), valueArb(skeleton.value, known, depth + 1), {
        maxKeys: 3,
        noNullPrototype: true,
      })
    case 'enum':
    case 'leaf':
      return leafArb(skeleton, known)
  }
}

/**
 * Values for one place of a schema: mostly of the right type (so that inputs get past validation
 * into the services), sometimes hostile or random JSON.
 */
function valueArb(skeleton: Skeleton, known: KnownIds, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: rightArb(skeleton, known, depth), weight: 6 },
    { arbitrary: wrongArb, weight: 1 },
  )
}

const strangeKeys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', ''),
  fc.string({ maxLength: 12 }),
)

/** The required fields and some optional ones, each of the right type. */
function rightObject(
  skeleton: Skeleton & { kind: 'object' },
  known: KnownIds,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    Object.fromEntries(
      Object.entries(skeleton.fields).map(([key, field]) => [key, rightArb(field, known, depth)]),
    ),
    { requiredKeys: [...skeleton.required], noNullPrototype: true },
  )
}

/**
 * Objects from the real fields: either every field of the right type but one changed (wrong value,
 * removed, or a key the schema does not know beside), which reaches the services; or any subset of
 * the fields with values of any kind.
 */
function nearValidObject(
  skeleton: Skeleton & { kind: 'object' },
  known: KnownIds,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(skeleton.fields)
  const mixed = fc.record(
    Object.fromEntries(keys.map((key) => [key, valueArb(skeleton.fields[key]!, known, depth)])),
    { requiredKeys: [], noNullPrototype: true },
  )
  const right = rightObject(skeleton, known, depth)
  const change = fc.oneof(
    fc.record({
      key: fc.constantFrom(...(keys.length ? keys : ['id'])),
      value: wrongArb,
      own: fc.constant(true),
    }),
    fc.record({ key: strangeKeys, value: fc.jsonValue({ maxDepth: 2 }), own: fc.constant(false) }),
  )
  const oneChanged = fc.tuple(right, fc.option(change, { freq: 3 })).map(([object, changed]) => {
    if (!changed) return object
    const copy = { ...object }
    if (changed.own) delete copy[changed.key]
    return withOwnKey(copy, changed.key, changed.value)
  })
  return fc.oneof({ arbitrary: oneChanged, weight: 3 }, { arbitrary: mixed, weight: 1 })
}

/**
 * Inputs for one method: random JSON, random keys, near-valid objects from the method's schema,
 * hostile values, structured-clone-only values.
 */
export function inputArb(schema: z.ZodType, known: KnownIds): fc.Arbitrary<unknown> {
  const skeleton = skeletonOf(schema)
  const nearValid =
    skeleton.kind === 'object' ? nearValidObject(skeleton, known, 0) : valueArb(skeleton, known, 0)
  return fc.oneof(
    { arbitrary: fc.jsonValue(), weight: 2 },
    {
      arbitrary: fc.dictionary(strangeKeys, fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 5,
        noNullPrototype: true,
      }),
      weight: 1,
    },
    { arbitrary: nearValid, weight: 6 },
    { arbitrary: fc.constantFrom(...hostileValues, ...cloneOnlyValues), weight: 1 },
  )
}

/**
 * The systematic part, beside the random one: one valid-looking input of the method (drawn with
 * `seed`), then that input with each of its fields replaced in turn by each hostile value, and each
 * hostile value as the whole input. Every field of every method meets every hostile value, whatever
 * the random draw.
 */
export function hostileSweep(schema: z.ZodType, known: KnownIds, seed: number): unknown[] {
  const skeleton = skeletonOf(schema)
  const sweep: unknown[] = [...sweepValues]
  if (skeleton.kind !== 'object') return sweep
  const [base] = fc.sample(rightObject(skeleton, known, 0), { seed, numRuns: 1 }) as [Record<string, unknown>]
  for (const key of Object.keys(skeleton.fields)) {
    for (const value of [...hostileValues, ...cloneOnlyValues])
      sweep.push(withOwnKey({ ...base }, key, value))
  }
  return sweep
}
