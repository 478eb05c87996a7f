import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describe, expectTypeOf, it } from 'vitest'
import { Classification, Kind } from '../../src/index.js'
import { categories, classifier, classifierJson, context } from './nordicDesk.js'

describe('data-last classification functions infer inside pipe', () => {
  it('kind-rule queries answer booleans', () => {
    expectTypeOf(pipe(Kind.defaultKindRules, Kind.needsPriority('incident'))).toEqualTypeOf<boolean>()
    expectTypeOf(pipe(Kind.defaultKindRules, Kind.ruleFor('problem'))).toEqualTypeOf<Kind.KindRule>()
  })

  it('tree queries return options of categories', () => {
    expectTypeOf(pipe(categories, Classification.findCategory('erp'))).toEqualTypeOf<
      O.Option<Classification.Category>
    >()
    expectTypeOf(pipe(categories, Classification.path('erp'))).toEqualTypeOf<
      O.Option<ReadonlyNonEmptyArray<Classification.Category>>
    >()
    expectTypeOf(pipe(categories, Classification.isUnder('erp.batch', 'erp'))).toEqualTypeOf<boolean>()
  })

  it('classify returns a proposal whose kind is a ticket kind', () => {
    const proposal = pipe(classifier, Classification.classify({ channel: 'email', text: 'x' }))
    expectTypeOf(proposal).toEqualTypeOf<Classification.Proposal>()
    expectTypeOf(proposal.fields.kind).toEqualTypeOf<Kind.TicketKind | undefined>()
    expectTypeOf(proposal.origins.kind).toEqualTypeOf<Classification.FieldOrigin<Kind.TicketKind>>()
  })

  it('constructors compose in Either pipelines with one error type', () => {
    const made = pipe(
      Classification.decodeCategoryTree({ categories: [] }),
      E.flatMap((tree) => Classification.decodeClassifier(classifierJson, { ...context, categories: tree }))
    )
    expectTypeOf(made).toEqualTypeOf<E.Either<Classification.ClassificationError, Classification.Classifier>>()
  })

  it('an unknown channel or kind does not type-check', () => {
    // @ts-expect-error 'fax' is not a channel
    Classification.classify({ channel: 'fax', text: '' })
    // @ts-expect-error 'bug' is not a ticket kind
    Kind.needsPriority('bug')
  })
})
