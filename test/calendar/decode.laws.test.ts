/**
 * Laws of the calendar spec codec and of compile: they never throw, whatever they are given,
 * and the wire form of a valid spec decodes back to the same spec.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Calendar } from '../../src/index.js'
import * as Arb from '../arbitraries/calendar.js'
import { throwingObject } from '../helpers/hostile.js'
import { expectNullOrRoundTrip, viaJson } from '../helpers/nearValid.js'

const numRuns = process.env['CI'] ? 1000 : 200

/** Every kind of value fast-check knows: boxed values, Maps, Sets, null prototypes, typed and sparse arrays, BigInt, Dates. */
const anything = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  maxDepth: 4
})

const anySpec = fc.oneof(Arb.calendarSpec, Arb.alwaysOpenSpec, Arb.exceptionOnlySpec)

// ---------------------------------------------------------------------------------------------
// values that look almost like a spec: one valid spec with one thing changed

type Json = unknown
type Path = ReadonlyArray<string | number>

/** Every path into a JSON value, the root included. */
const pathsOf = (value: Json, prefix: Path = []): ReadonlyArray<Path> => {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))]
  if (typeof value === 'object' && value !== null)
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))]
  return [prefix]
}

/** A deep copy of `value` with `f` applied at `path`; `f` returning `undefined` deletes the key. */
const update = (value: Json, path: Path, f: (old: Json) => Json): Json => {
  if (path.length === 0) return f(value)
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    const next = update(copy[head as number], rest, f)
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1)
    else copy[head as number] = next
    return copy
  }
  const copy: Record<string, Json> = { ...(value as Record<string, Json>) }
  const next = update(copy[head as string], rest, f)
  if (next === undefined && rest.length === 0) delete copy[head as string]
  else copy[head as string] = next
  return copy
}

/** Values that sit on the edges of what the codec and compile accept. */
const tricky: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  '24:00',
  '25:00',
  '23:60',
  '00:00',
  '23:59:59',
  '8:00',
  '08:00:60',
  '',
  ' ',
  '2025-02-29',
  '2024-02-29',
  '1899-12-31',
  '2200-01-01',
  'Europe/Atlantis',
  'UTC',
  'Etc/GMT+14',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
  0,
  -1,
  1.5,
  13,
  30,
  31,
  32,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  null,
  true,
  [],
  {},
  [[]],
  { _tag: 'FixedDate' },
  { _tag: 'Nope' },
  { opens: '08:00', closes: '08:00' },
  { opens: '08:00', closes: '16:00' },
  { opens: '22:00', closes: '06:00' }
)

type Mutation = (value: Json) => Json

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // replace with an edge value or with anything at all
  fc.oneof(tricky, anything).map(
    (x): Mutation =>
      () =>
        x
  ),
  // delete the key or array element
  fc.constant((): Json => undefined),
  // wrap or unwrap a list
  fc.constant((old: Json): Json => (Array.isArray(old) ? old[0] : [old])),
  // add an unknown key to an object, duplicate an array element (overlapping hours)
  fc.constant((old: Json): Json =>
    Array.isArray(old) ? [...old, ...old] : typeof old === 'object' && old !== null ? { ...old, extra: 1 } : old
  ),
  // swap opens and closes
  fc.constant((old: Json): Json => {
    if (typeof old !== 'object' || old === null || !('opens' in old) || !('closes' in old)) return old
    const h = old as { opens: Json; closes: Json }
    return { opens: h.closes, closes: h.opens }
  })
)

/** A valid spec with one to three changes at random places. */
const almostSpec: fc.Arbitrary<Json> = fc
  .tuple(anySpec, fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }))
  .map(([spec, changes]) =>
    changes.reduce<Json>((value, [k, f]) => {
      const paths = pathsOf(value)
      return update(value, paths[k % paths.length] as Path, f)
    }, spec)
  )

/** Objects that fight back: throwing getters, proxies, cycles, frozen and null-prototype records. */
const hostile: fc.Arbitrary<Json> = fc
  .constantFrom<() => Json>(
    () => ({
      zone: 'Europe/Oslo',
      get weekly(): never {
        throw new Error('getter')
      }
    }),
    () =>
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('ownKeys')
          },
          get: () => {
            throw new Error('get')
          }
        }
      ),
    () =>
      new Proxy(
        { zone: 'Europe/Oslo', weekly: {} },
        {
          getPrototypeOf: () => {
            throw new Error('getPrototypeOf')
          }
        }
      ),
    () => {
      const cyclic: Record<string, unknown> = { zone: 'Europe/Oslo' }
      cyclic['weekly'] = cyclic
      return cyclic
    },
    () => {
      const week: Record<string, unknown> = Object.create(null) as Record<string, unknown>
      week['mon'] = [{ opens: '08:00', closes: '16:00' }]
      return Object.freeze({ zone: 'Europe/Oslo', weekly: Object.freeze(week) })
    },
    () => ({
      zone: 'Europe/Oslo',
      weekly: { mon: Object.assign([{ opens: '08:00', closes: '16:00' }], { extra: true }) }
    }),
    () => ({ zone: 'Europe/Oslo', weekly: { mon: new Array(3) } }),
    () => ({ zone: 'Europe/Oslo', weekly: { [Symbol('mon')]: [] } }),
    () => ({
      zone: {
        toString: () => {
          throw new Error('toString')
        }
      },
      weekly: {}
    }),
    () => ({ zone: 'Europe/Oslo', weekly: { mon: [{ opens: 8n, closes: 16n }] } }),
    () =>
      JSON.parse('{"zone":"Europe/Oslo","weekly":{"__proto__":{"mon":[{"opens":"08:00","closes":"16:00"}]}}}') as Json
  )
  .map((make) => make())

// ---------------------------------------------------------------------------------------------

/** Runs `f` and returns what it returned or threw, so a throw shows as a readable failure. */
const attempt = <A>(
  f: () => A
): { readonly threw: false; readonly value: A } | { readonly threw: true; readonly error: string } => {
  try {
    return { threw: false, value: f() }
  } catch (e) {
    return { threw: true, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
  }
}

/** An error value: a string `_tag` and a non-empty message without `[object Object]` (STYLE.md §5). */
const isErrorValue = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { _tag?: unknown })._tag === 'string' &&
  typeof (e as { message?: unknown }).message === 'string' &&
  (e as { message: string }).message.length > 0 &&
  !(e as { message: string }).message.includes('[object Object]')

const neverThrows = (input: fc.Arbitrary<Json>) => {
  fc.assert(
    fc.property(input, (u) => {
      const decoded = attempt(() => Calendar.decodeCalendarSpec(u))
      expect(decoded.threw ? decoded.error : 'returned', 'decodeCalendarSpec').toBe('returned')
      if (!decoded.threw) {
        expect(E.isLeft(decoded.value) || E.isRight(decoded.value)).toBe(true)
        if (E.isLeft(decoded.value)) expect(isErrorValue(decoded.value.left), decoded.value.left.message).toBe(true)
      }
      const compiled = attempt(() => Calendar.make(u as Calendar.CalendarSpec))
      expect(compiled.threw ? compiled.error : 'returned', 'compile').toBe('returned')
      if (!compiled.threw && E.isLeft(compiled.value))
        expect(isErrorValue(compiled.value.left), compiled.value.left.message).toBe(true)
    }),
    { numRuns }
  )
}

describe('decodeCalendarSpec and compile never throw', () => {
  it('on anything at all', () => neverThrows(anything))
  it('on objects that look almost like a spec (one to three changes to a valid one)', () => neverThrows(almostSpec))
  it('on hostile objects: throwing getters and proxies, cycles, frozen and null-prototype records, BigInt', () =>
    neverThrows(hostile))
})

describe('the wire form round-trips', () => {
  it('decode(encode(spec)) = right(spec) for every generated spec, also through JSON text', () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const wire = Calendar.encodeCalendarSpec(spec)
        expect(Calendar.decodeCalendarSpec(wire)).toStrictEqual(E.right(spec))
        expect(Calendar.decodeCalendarSpec(JSON.parse(JSON.stringify(wire)))).toStrictEqual(E.right(spec))
      }),
      { numRuns }
    )
  })

  it('a compiled calendar keeps the spec it was compiled from', () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const compiled = Calendar.make(spec)
        expect(E.isRight(compiled) ? compiled.right.spec : compiled.left.message).toStrictEqual(spec)
      }),
      { numRuns }
    )
  })
})

describe('encodeCalendarSpec', () => {
  it('says in its type that it may write null', () => {
    expectTypeOf(Calendar.encodeCalendarSpec).returns.toEqualTypeOf<Calendar.CalendarSpec | null>()
    const json = Calendar.encodeCalendarSpec(Calendar.alwaysOpen)
    // @ts-expect-error the result may be null: a consumer checks before reading it
    expect(json.zone).toBe('UTC')
    if (json !== null) expectTypeOf(json).toEqualTypeOf<Calendar.CalendarSpec>()
  })

  it('writes null exactly for what decodeCalendarSpec rejects, and otherwise JSON that reads back to the same JSON', () => {
    expectNullOrRoundTrip({
      valid: anySpec,
      encode: (u) => Calendar.encodeCalendarSpec(u as Calendar.CalendarSpec),
      readable: (u) => E.isRight(Calendar.decodeCalendarSpec(u)),
      readBack: (json) => E.map(Calendar.encodeCalendarSpec)(Calendar.decodeCalendarSpec(viaJson(json))),
      numRuns
    })
  })

  it('never throws: a value whose properties throw when read is written as null', () => {
    expect(Calendar.encodeCalendarSpec(throwingObject() as Calendar.CalendarSpec)).toBeNull()
    expect(
      Calendar.encodeCalendarSpec({ ...Calendar.alwaysOpen, holidays: [throwingObject()] } as Calendar.CalendarSpec)
    ).toBeNull()
  })
})
