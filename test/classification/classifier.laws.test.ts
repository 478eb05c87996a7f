import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Classification, Kind } from '../../src/index.js'
import * as Arb from '../arbitraries/classification.js'
import { deepFreeze, getRight } from '../helpers/unsafe.js'

const numRuns = Arb.runs
const fieldNames = ['kind', 'category', 'urgency', 'impact'] as const

/** A classifier and a ticket to classify with it. */
const scenario = Arb.classifier.chain((classifier) =>
  Arb.input(classifier.context.categories).map((input) => ({ classifier, input }))
)

const classify = (
  classifier: Classification.Classifier,
  input: Classification.ClassifierInput
): Classification.Proposal => pipe(classifier, Classification.classify(input))

/** A proposal without the text fragments, which show the ticket text as written. */
const withoutFragments = (p: Classification.Proposal): unknown => ({
  fields: p.fields,
  origins: Object.fromEntries(
    fieldNames.map((f) => {
      const o = p.origins[f]
      return [f, o._tag === 'Proposed' ? { ...o, reasons: o.reasons.map(({ matched: _, ...r }) => r) } : o]
    })
  )
})

describe('classify laws', () => {
  it('is deterministic and never mutates its inputs', () => {
    fc.assert(
      fc.property(scenario, ({ classifier, input }) => {
        const first = classify(deepFreeze(classifier), deepFreeze(input))
        expect(classify(classifier, structuredClone(input))).toStrictEqual(first)
      }),
      { numRuns }
    )
  })

  it('never overrides a field the agent set: it is kept, with its value', () => {
    fc.assert(
      fc.property(scenario, ({ classifier, input }) => {
        const proposal = classify(classifier, input)
        for (const f of fieldNames) {
          const value = input.explicit?.[f]
          if (value !== undefined) {
            expect(proposal.fields[f]).toBe(value)
            expect(proposal.origins[f]).toStrictEqual({ _tag: 'Kept', value })
          } else expect(proposal.origins[f]._tag).not.toBe('Kept')
        }
      }),
      { numRuns }
    )
  })

  it('each field comes from the first matching rule that proposes it, up to the first matching stop rule', () => {
    fc.assert(
      fc.property(scenario, ({ classifier, input }) => {
        const { explicit: _, ...bare } = input
        // whether each rule matches on its own, asked of a one-rule classifier
        const matches = classifier.rules.map((rule) => {
          const alone = getRight(Classification.makeClassifier({ rules: [rule] }, classifier.context))
          return fieldNames.some((f) => classify(alone, bare).origins[f]._tag === 'Proposed')
        })
        const stopAt = classifier.rules.findIndex((r, i) => r.stop === true && matches[i])
        const consulted = stopAt < 0 ? classifier.rules.length : stopAt + 1
        const proposal = classify(classifier, input)
        for (const f of fieldNames) {
          if (input.explicit?.[f] !== undefined) continue
          const i = classifier.rules.slice(0, consulted).findIndex((r, k) => matches[k] && r.then[f] !== undefined)
          const origin = proposal.origins[f]
          if (i < 0) expect(origin).toStrictEqual({ _tag: 'Unset' })
          else {
            expect(origin).toMatchObject({
              _tag: 'Proposed',
              ruleIndex: i,
              rule: classifier.rules[i]?.id,
              value: classifier.rules[i]?.then[f]
            })
            expect(proposal.fields[f]).toBe(classifier.rules[i]?.then[f])
          }
        }
      }),
      { numRuns }
    )
  })

  it('appending rules never changes a field that was already kept or proposed', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => Arb.rules(s.classifier.context.categories, 'extra', 4).map((extra) => ({ ...s, extra }))),
        ({ classifier, input, extra }) => {
          const longer = getRight(
            Classification.makeClassifier({ rules: [...classifier.rules, ...extra] }, classifier.context)
          )
          const before = classify(classifier, input)
          const after = classify(longer, input)
          for (const f of fieldNames)
            if (before.origins[f]._tag !== 'Unset') expect(after.origins[f]).toStrictEqual(before.origins[f])
        }
      ),
      { numRuns }
    )
  })

  it('every reason points at a criterion of the rule that matched, and matched text contains the pattern', () => {
    const at = (root: unknown, path: string): unknown =>
      path
        .split(/\.|\[|\]/)
        .filter((k) => k !== '')
        .reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], root)
    fc.assert(
      fc.property(scenario, ({ classifier, input }) => {
        const spec = Classification.encodeClassifier(classifier)
        const proposal = classify(classifier, input)
        for (const f of fieldNames) {
          const o = proposal.origins[f]
          if (o._tag !== 'Proposed') continue
          for (const r of o.reasons) {
            expect(r.path.startsWith(`rules[${o.ruleIndex}].when`)).toBe(true)
            if (r.condition === 'ReportedByMonitoring') {
              expect(at(spec, r.path)).toStrictEqual({ _tag: 'ReportedByMonitoring' })
              expect(Kind.isProactive(input.channel)).toBe(true)
            } else expect(at(spec, r.path)).toBe(r.criterion)
            if (r.condition === 'Text') {
              expect(input.text).toContain(r.matched)
              expect(Classification.normalise(r.matched)).toContain(Classification.normalise(r.criterion))
            }
            if (r.condition === 'Channel') expect(r.matched).toBe(input.channel)
            if (r.condition === 'Customer') expect(r.matched).toBe(input.customer)
            if (r.condition === 'Service') {
              expect(r.matched).toBe(input.service)
              const categories = classifier.context.categories
              expect(
                r.matched === r.criterion || pipe(categories, Classification.isUnder(r.matched, r.criterion))
              ).toBe(true)
            }
          }
        }
      }),
      { numRuns }
    )
  })

  it('a text and its accent-stripped, upper-case or lower-case copy classify the same', () => {
    fc.assert(
      fc.property(scenario, ({ classifier, input }) => {
        const expected = withoutFragments(classify(classifier, input))
        for (const text of [Arb.stripAccents(input.text), input.text.toUpperCase(), input.text.toLowerCase()])
          expect(withoutFragments(classify(classifier, { ...input, text }))).toStrictEqual(expected)
      }),
      { numRuns }
    )
  })

  it('the explanation has one line per field, naming its value', () => {
    fc.assert(
      fc.property(scenario, ({ classifier, input }) => {
        const proposal = classify(classifier, input)
        const lines = Classification.explain(proposal)
        expect(lines.length).toBe(4)
        for (const [k, f] of fieldNames.entries()) {
          expect(lines[k]?.startsWith(`${f}: `)).toBe(true)
          const value = proposal.fields[f]
          if (value !== undefined) expect(lines[k]).toContain(JSON.stringify(value))
        }
      }),
      { numRuns }
    )
  })

  it('every generated classifier spec compiles', () => {
    fc.assert(
      fc.property(Arb.classifierSpec, ({ tree, spec }) => {
        expect(E.isRight(Classification.makeClassifier(spec, Arb.contextOf(tree)))).toBe(true)
      }),
      { numRuns }
    )
  })
})
