import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { expect } from 'vitest'

/**
 * Test helper: a copy of `value` with the part at `path` replaced by `junk`. Each step of the path
 * picks one of the own keys of the object or array there (modulo their number); the walk stops,
 * and the part is replaced, where the path ends or where there is nothing further to enter.
 */
export const replaceAt = (value: unknown, path: ReadonlyArray<number>, junk: unknown): unknown => {
  if (typeof value !== 'object' || value === null || path.length === 0) return junk
  const keys = Object.keys(value)
  const step = path[0]
  if (keys.length === 0 || step === undefined) return junk
  const key = keys[step % keys.length]
  if (key === undefined) return junk
  const copy: Record<string, unknown> = Array.isArray(value)
    ? Object.fromEntries(value.map((v: unknown, i) => [String(i), v]))
    : { ...value }
  copy[key] = replaceAt((value as Record<string, unknown>)[key], path.slice(1), junk)
  return Array.isArray(value) ? value.map((_, i) => copy[String(i)]) : copy
}

/** Test helper: the part of `value` at `path`, picking keys as {@link replaceAt} does. */
export const partAt = (value: unknown, path: ReadonlyArray<number>): unknown => {
  if (typeof value !== 'object' || value === null || path.length === 0) return value
  const keys = Object.keys(value)
  const step = path[0]
  if (keys.length === 0 || step === undefined) return value
  const key = keys[step % keys.length]
  return key === undefined ? value : partAt((value as Record<string, unknown>)[key], path.slice(1))
}

const paths = fc.array(fc.nat(), { maxLength: 6 })

/**
 * Test helper: values that are almost `valid` ones: one part, at a depth of 0 to 6 (0 is the
 * whole value), replaced either by anything or by the part at the same place in another valid
 * value (which keeps the shape, often not the invariants).
 */
export const nearValid = <A>(valid: fc.Arbitrary<A>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.tuple(valid, paths, fc.anything()).map(([v, path, junk]) => replaceAt(v, path, junk)),
    fc.tuple(valid, valid, paths).map(([v, w, path]) => replaceAt(v, path, partAt(w, path)))
  )

/** Test helper: a value written as JSON text and read back. */
export const viaJson = (a: unknown): unknown => JSON.parse(JSON.stringify(a)) as unknown

/**
 * Test helper, the law of an encoder that writes `null` for what is not a value of its type: over
 * values near `valid` ones, `encode(u)` is `null` exactly when `readable(u)` is false, and
 * otherwise JSON that `readBack` decodes to a value encoding to the same JSON (`readBack` returns
 * that re-encoding, as an `Either`). Both outcomes must each come up for a tenth of the runs at
 * least, or the generator does not test the law.
 */
export const expectNullOrRoundTrip = <J>(law: {
  readonly valid: fc.Arbitrary<unknown>
  readonly encode: (u: unknown) => J | null
  readonly readable: (u: unknown) => boolean
  readonly readBack: (json: J, u: unknown) => unknown
  readonly numRuns: number
}): void => {
  let nulls = 0
  let written = 0
  fc.assert(
    fc.property(nearValid(law.valid), (u) => {
      const json = law.encode(u)
      if (json === null) {
        nulls++
        expect(law.readable(u)).toBe(false)
        return
      }
      written++
      expect(law.readable(u)).toBe(true)
      const again = law.readBack(json, u)
      // toEqual and the text: toStrictEqual takes a key named "constructor" for a class
      expect(again).toEqual(E.right(json))
      expect(JSON.stringify(again)).toBe(JSON.stringify(E.right(json)))
    }),
    { numRuns: law.numRuns }
  )
  expect(nulls).toBeGreaterThan(law.numRuns / 10)
  expect(written).toBeGreaterThan(law.numRuns / 10)
}
