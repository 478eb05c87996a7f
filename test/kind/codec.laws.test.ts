import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Kind } from '../../src/index.js'
import * as Arb from '../arbitraries/classification.js'
import { throwingObject } from '../helpers/hostile.js'
import { expectNullOrRoundTrip, viaJson } from '../helpers/nearValid.js'

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
    expectNullOrRoundTrip({
      valid: Arb.kindRules,
      encode: (u) => Kind.encodeKindRules(u as Kind.KindRules),
      readable,
      readBack: (json) => E.map(Kind.encodeKindRules)(Kind.decodeKindRules(viaJson(json))),
      numRuns
    })
  })

  it('never throws: a value whose properties throw when read is written as null', () => {
    expect(Kind.encodeKindRules(throwingObject() as Kind.KindRules)).toBeNull()
    expect(Kind.encodeKindRules({ _tag: 'KindRules', kinds: throwingObject() } as Kind.KindRules)).toBeNull()
  })
})
