import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { decodeWith } from '../../src/internal/decodeError.js'

// Paths must follow the data: io-ts adds index steps for union and intersection members (not
// part of the data), and no step at all for refinements, readonly and exact types.
describe('decode error paths', () => {
  it('go through refinements, readonly and exact types to the field at fault', () => {
    const codec = t.type({
      a: t.refinement(t.type({ x: t.string }), () => true, 'Refined'),
      l: t.readonly(t.array(t.type({ x: t.number }))),
      e: t.exact(t.type({ y: t.boolean }))
    })
    const e = decodeWith(codec)({ a: { x: 1 }, l: [{ x: 'no' }], e: { y: 'no' } })
    expect(e._tag === 'Left' && e.left.issues.map((i) => i.path)).toStrictEqual(['a.x', 'l[0].x', 'e.y'])
  })

  it('skip the member index of unions and intersections', () => {
    const codec = t.type({
      u: t.union([t.type({ x: t.string }), t.type({ x: t.number })]),
      i: t.intersection([t.type({ p: t.string }), t.type({ q: t.string })])
    })
    const e = decodeWith(codec)({ u: { x: true }, i: { p: 1, q: 'ok' } })
    // a union reports what each alternative expected
    expect(e._tag === 'Left' && e.left.issues.map((i) => `${i.path} ${i.expected}`)).toStrictEqual([
      'u.x string',
      'u.x number',
      'i.p string'
    ])
  })

  it('never throw when a getter on the input throws', () => {
    const hostile = Object.defineProperty({}, 'x', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      }
    })
    const e = decodeWith(t.type({ x: t.string }))(hostile)
    expect(e._tag === 'Left' && e.left.message).toBe('$: expected plain JSON data, received an object')
  })
})

describe('records with optional fields', () => {
  it('keep the decoded value of an optional field whose codec transforms it', async () => {
    const { record } = await import('../../src/internal/primitives.js')
    const { InstantJson } = await import('../../src/time/codec.js')
    const codec = record(
      'a thing',
      { at: InstantJson },
      { nested: record('a nested thing', { when: InstantJson }, {}) }
    )
    const r = codec.decode({ at: '1970-01-01T00:00:01Z', nested: { when: '1970-01-01T00:00:02Z' } })
    expect(r).toStrictEqual({ _tag: 'Right', right: { at: 1000, nested: { when: 2000 } } })
  })
})
