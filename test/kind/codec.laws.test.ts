import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Kind } from '../../src/index.js'
import * as Arb from '../arbitraries/classification.js'
import { throwingObject } from '../helpers/hostile.js'
import { nearValid, viaJson } from '../helpers/nearValid.js'

const numRuns = Arb.runs

// what decoding accepts, read through the public decoder: checked kind rules are `{ _tag, kinds }`
// whose kinds decode
const readable = (u: unknown): boolean =>
  typeof u === 'object' &&
  u !== null &&
  '_tag' in u &&
  u._tag === 'KindRules' &&
  'kinds' in u &&
  E.isRight(Kind.decodeKindRules(u.kinds))

describe('encodeKindRules', () => {
  it('says in its type that it may write null', () => {
    expectTypeOf(Kind.encodeKindRules).returns.toEqualTypeOf<Kind.KindRulesSpec | null>()
    const json = Kind.encodeKindRules(Kind.defaultKindRules)
    // @ts-expect-error the result may be null: a consumer checks before reading it
    expect(json.incident.priority).toBe('required')
    if (json !== null) expectTypeOf(json).toEqualTypeOf<Kind.KindRulesSpec>()
  })

  it('writes null exactly for what is not kind rules, and otherwise JSON that reads back to the same JSON', () => {
    let nulls = 0
    let written = 0
    fc.assert(
      fc.property(nearValid(Arb.kindRules), (u) => {
        const json = Kind.encodeKindRules(u as Kind.KindRules)
        if (json === null) {
          nulls++
          expect(readable(u)).toBe(false)
          return
        }
        written++
        expect(readable(u)).toBe(true)
        const back = Kind.decodeKindRules(viaJson(json))
        expect(E.map(Kind.encodeKindRules)(back)).toStrictEqual(E.right(json))
      }),
      { numRuns }
    )
    // both branches were tried, each on a fair share of the values
    expect(nulls).toBeGreaterThan(numRuns / 10)
    expect(written).toBeGreaterThan(numRuns / 10)
  })

  it('never throws: a value whose properties throw when read is written as null', () => {
    expect(Kind.encodeKindRules(throwingObject() as Kind.KindRules)).toBeNull()
    expect(Kind.encodeKindRules({ _tag: 'KindRules', kinds: throwingObject() } as Kind.KindRules)).toBeNull()
  })
})
