import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Classification, Kind } from '../../src/index.js'
import * as Arb from '../arbitraries/classification.js'
import { throwingObject } from '../helpers/hostile.js'
import { expectNullOrRoundTrip } from '../helpers/nearValid.js'
import { deepFreeze } from '../helpers/unsafe.js'
import { context } from './nordicDesk.js'

const numRuns = Arb.runs
const viaJson = <A>(a: A): unknown => JSON.parse(JSON.stringify(a))

describe('codec laws', () => {
  it('decode(encode(tree)) = right(tree), also through JSON text; frozen input is never mutated', () => {
    fc.assert(
      fc.property(Arb.categoryTree(), (tree) => {
        expect(Classification.decodeCategoryTree(deepFreeze(Classification.encodeCategoryTree(tree)))).toStrictEqual(
          E.right(tree)
        )
        expect(Classification.decodeCategoryTree(viaJson(Classification.encodeCategoryTree(tree)))).toStrictEqual(
          E.right(tree)
        )
      }),
      { numRuns }
    )
  })

  it('encode(decode(spec)) = spec for every valid tree spec', () => {
    fc.assert(
      fc.property(Arb.categoryTreeSpec(), (spec) => {
        const tree = Classification.decodeCategoryTree(spec)
        expect(E.map(Classification.encodeCategoryTree)(tree)).toStrictEqual(E.right(spec))
      }),
      { numRuns }
    )
  })

  it('decode(encode(classifier)) = right(classifier) with the same context, also through JSON text', () => {
    fc.assert(
      fc.property(Arb.classifier, (c) => {
        expect(
          Classification.decodeClassifier(deepFreeze(Classification.encodeClassifier(c)), c.context)
        ).toStrictEqual(E.right(c))
        expect(Classification.decodeClassifier(viaJson(Classification.encodeClassifier(c)), c.context)).toStrictEqual(
          E.right(c)
        )
      }),
      { numRuns }
    )
  })

  it('encode(decode(spec)) = spec for every valid classifier spec', () => {
    fc.assert(
      fc.property(Arb.classifierSpec, ({ tree, spec }) => {
        const c = Classification.decodeClassifier(spec, Arb.contextOf(tree))
        expect(E.map(Classification.encodeClassifier)(c)).toStrictEqual(E.right(spec))
      }),
      { numRuns }
    )
  })

  it('decode(encode(kind rules)) = right(kind rules), also through JSON text', () => {
    fc.assert(
      fc.property(Arb.kindRules, (rules) => {
        expect(Kind.decodeKindRules(deepFreeze(Kind.encodeKindRules(rules)))).toStrictEqual(E.right(rules))
        expect(Kind.decodeKindRules(viaJson(Kind.encodeKindRules(rules)))).toStrictEqual(E.right(rules))
      }),
      { numRuns }
    )
  })

  it('decoders never throw, whatever they are given, and fail with a path', () => {
    const decoders: ReadonlyArray<
      (u: unknown) => E.Either<Classification.ClassificationError | Kind.KindError, unknown>
    > = [Classification.decodeCategoryTree, Kind.decodeKindRules, (u) => Classification.decodeClassifier(u, context)]
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }), (u) => {
        for (const decode of decoders) {
          const r = decode(u)
          if (E.isLeft(r)) expect(r.left.message).toMatch(/: expected .+, received /)
        }
      }),
      { numRuns }
    )
  })

  it('decoders never throw on near-valid input: a valid spec with one part replaced by anything', () => {
    const mutate = (spec: unknown, path: ReadonlyArray<number>, value: unknown): unknown => {
      if (typeof spec !== 'object' || spec === null || path.length === 0) return value
      const keys = Object.keys(spec)
      if (keys.length === 0) return value
      const key = keys[(path[0] as number) % keys.length] as string
      const copy: Record<string, unknown> = Array.isArray(spec)
        ? ([...spec] as unknown as Record<string, unknown>)
        : { ...spec }
      copy[key] = mutate((spec as Record<string, unknown>)[key], path.slice(1), value)
      return copy
    }
    fc.assert(
      fc.property(
        Arb.classifierSpec,
        fc.array(fc.nat(), { maxLength: 7 }),
        fc.anything(),
        ({ tree, spec }, path, value) => {
          const r = Classification.decodeClassifier(mutate(spec, path, value), Arb.contextOf(tree))
          if (E.isLeft(r)) expect(r.left.message).toMatch(/: expected .+, received /)
          const t = Classification.decodeCategoryTree(mutate(Classification.encodeCategoryTree(tree), path, value))
          if (E.isLeft(t)) expect(t.left.message).toMatch(/: expected .+, received /)
        }
      ),
      { numRuns }
    )
  })
})

describe('encodeClassifier', () => {
  it('says in its type that it may write null', () => {
    expectTypeOf(Classification.encodeClassifier).returns.toEqualTypeOf<Classification.ClassifierSpec | null>()
    const c = fc.sample(Arb.classifier, { numRuns: 1, seed: 1 })[0] as Classification.Classifier
    const json = Classification.encodeClassifier(c)
    // @ts-expect-error the result may be null: a consumer checks before reading it
    expect(json.rules).toStrictEqual(c.rules)
    if (json !== null) expectTypeOf(json).toEqualTypeOf<Classification.ClassifierSpec>()
  })

  // what decoding accepts, read through the public decoder: a classifier is `{ _tag, rules,
  // context }` whose rules decode in its context
  const readable = (u: unknown): boolean => {
    if (typeof u !== 'object' || u === null || !('_tag' in u) || u._tag !== 'Classifier') return false
    if (!('rules' in u) || !('context' in u)) return false
    try {
      return E.isRight(
        Classification.decodeClassifier({ rules: u.rules }, u.context as Classification.ClassifierContext)
      )
    } catch {
      // a context a cast let in may throw inside the decoder: then it is no classifier
      return false
    }
  }

  it('writes null exactly for what is not a classifier, and otherwise JSON that reads back to the same JSON', () => {
    expectNullOrRoundTrip({
      valid: Arb.classifier,
      encode: (u) => Classification.encodeClassifier(u as Classification.Classifier),
      readable,
      readBack: (json, u) =>
        E.map(Classification.encodeClassifier)(
          Classification.decodeClassifier(JSON.parse(JSON.stringify(json)), (u as Classification.Classifier).context)
        ),
      numRuns
    })
  })

  it('never throws: a value whose properties throw when read is written as null', () => {
    expect(Classification.encodeClassifier(throwingObject() as Classification.Classifier)).toBeNull()
    const c = fc.sample(Arb.classifier, { numRuns: 1, seed: 1 })[0] as Classification.Classifier
    expect(Classification.encodeClassifier({ ...c, rules: [throwingObject()] } as Classification.Classifier)).toBeNull()
    expect(Classification.encodeClassifier({ ...c, context: throwingObject() } as Classification.Classifier)).toBeNull()
  })
})
