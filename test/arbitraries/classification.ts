/**
 * fast-check generators of VALID classification values: kind rules, category trees, classifiers
 * and the tickets to classify with them.
 *
 * Values are valid by construction (no filtering) and then made through the smart
 * constructors, so a generator that produced something invalid fails loudly. Trees are built
 * parent-first (a parent is always chosen among nodes at most a category deep) and then
 * shuffled, so specs list children before parents too. Texts are drawn from a small Nordic and
 * Polish vocabulary, so that rules actually match.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { Classification, Kind } from '../../src/index.js'

/** Runs per property: more on CI. */
export const runs = process.env['CI'] ? 1000 : 200

const right = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`generator produced an invalid value: ${e.left.message}`)
  return e.right
}

// ---------------------------------------------------------------------------------------------
// kinds and channels

export const kind: fc.Arbitrary<Kind.TicketKind> = fc.constantFrom(...Kind.allKinds)
export const channel: fc.Arbitrary<Kind.Channel> = fc.constantFrom(...Kind.allChannels)

const kindRule: fc.Arbitrary<Kind.KindRule> = fc.record({
  priority: fc.constantFrom('required' as const, 'optional' as const, 'none' as const),
  responseTarget: fc.boolean(),
  resolutionTarget: fc.boolean(),
  requester: fc.boolean(),
  requestedBy: fc.boolean(),
  workaround: fc.boolean(),
  problemLink: fc.boolean()
})

/** Kind rules as JSON, made consistent: no response target without a requester; a problem has neither. */
export const kindRulesSpec: fc.Arbitrary<Kind.KindRulesSpec> = fc
  .record({ incident: kindRule, serviceRequest: kindRule, question: kindRule, problem: kindRule, feedback: kindRule })
  .map((spec) => {
    const fixed = { ...spec, problem: { ...spec.problem, requester: false, problemLink: false } }
    return Object.fromEntries(
      Object.entries(fixed).map(([k, r]) => [k, { ...r, responseTarget: r.responseTarget && r.requester }])
    ) as unknown as Kind.KindRulesSpec
  })

export const kindRules: fc.Arbitrary<Kind.KindRules> = kindRulesSpec.map((s) => right(Kind.makeKindRules(s)))

// ---------------------------------------------------------------------------------------------
// category trees

const idStem = fc.constantFrom('svc', 'net', 'workplace.accounts', 'erp/batch', 'a', 'x:y', 'mail-1', 'Sec_Ops')
const categoryName = fc.constantFrom(
  'Network',
  'Nettverk',
  'Łączność',
  'Wi-Fi',
  'Lösenord',
  'Salasanat',
  'E-post',
  'ERP'
)

/** A valid category tree spec of up to `max` nodes, listed in random order. */
export const categoryTreeSpec = (max = 20): fc.Arbitrary<Classification.CategoryTreeSpec> =>
  fc
    .integer({ min: 0, max })
    .chain((n) =>
      fc.array(fc.tuple(idStem, categoryName, fc.option(fc.nat(), { nil: undefined })), { minLength: n, maxLength: n })
    )
    .map((raw) => {
      const depth: number[] = []
      const nodes: Classification.CategoryNode[] = []
      for (const [i, [stem, name, pick]] of raw.entries()) {
        const id = `${stem}${i}`
        // a parent among the earlier nodes that may still have children
        const eligible = nodes.filter((_, k) => (depth[k] as number) < 3)
        const parent =
          pick === undefined || eligible.length === 0
            ? undefined
            : (eligible[pick % eligible.length] as Classification.CategoryNode)
        depth.push(parent === undefined ? 1 : (depth[nodes.indexOf(parent)] as number) + 1)
        nodes.push(parent === undefined ? { id, name } : { id, name, parent: parent.id })
      }
      return nodes
    })
    .chain((nodes) => fc.shuffledSubarray(nodes, { minLength: nodes.length, maxLength: nodes.length }))
    .map((categories) => ({ categories }))

export const categoryTree = (max = 20): fc.Arbitrary<Classification.CategoryTree> =>
  categoryTreeSpec(max).map((s) => right(Classification.makeCategoryTree(s)))

// ---------------------------------------------------------------------------------------------
// classifiers

/** Words rules look for and tickets contain: accented letters, letters that do not decompose, compounds. */
export const vocabulary = [
  'passord',
  'lösenord',
  'salasana',
  'hasło',
  'hasła',
  'nede',
  'internett',
  'skrivar',
  'wifi',
  'æble',
  'øl',
  'straße',
  'łódź',
  'đak',
  'œuvre',
  'þing',
  'kaikki',
  'for alle',
  'e-post',
  'Ångström',
  'crème brûlée'
] as const

export const customers = ['acme', 'globex', 'initech'] as const
export const levels = ['high', 'medium', 'low'] as const

const word = fc.constantFrom(...vocabulary)
const pattern: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: word },
  // a prefix of a word: matches inflected forms at the start of words
  {
    weight: 2,
    arbitrary: fc
      .tuple(word, fc.integer({ min: 2, max: 8 }))
      .map(([w, n]) => w.slice(0, n))
      .filter((p) => Classification.normalise(p) !== '')
  },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`) }
)

const nonEmptySub = <A>(xs: ReadonlyArray<A>): fc.Arbitrary<readonly [A, ...A[]]> =>
  fc.subarray([...xs], { minLength: 1 }).map((s) => s as unknown as readonly [A, ...A[]])

const textCondition: fc.Arbitrary<Classification.Condition> = fc
  .tuple(
    fc.array(pattern, { minLength: 1, maxLength: 3 }),
    fc.option(fc.constantFrom('wordStart' as const, 'word' as const, 'substring' as const), { nil: undefined })
  )
  .map(([patterns, match]): Classification.Condition => ({
    _tag: 'Text',
    patterns: patterns as unknown as readonly [string, ...string[]],
    ...(match === undefined ? {} : { match })
  }))

const leaf = (ids: ReadonlyArray<string>): fc.Arbitrary<Classification.Condition> =>
  fc.oneof(
    nonEmptySub(Kind.allChannels).map((channels): Classification.Condition => ({ _tag: 'Channel', channels })),
    nonEmptySub(customers).map((cs): Classification.Condition => ({ _tag: 'Customer', customers: cs })),
    // text conditions are the interesting ones: drawn three times as often
    ...[1, 2, 3].map(() => textCondition),
    fc.constant<Classification.Condition>({ _tag: 'ReportedByMonitoring' }),
    ...(ids.length === 0
      ? []
      : [nonEmptySub(ids).map((services): Classification.Condition => ({ _tag: 'Service', services }))])
  )

/** A condition nested at most `depth` levels. */
export const condition = (ids: ReadonlyArray<string>, depth = 3): fc.Arbitrary<Classification.Condition> =>
  depth <= 1
    ? leaf(ids)
    : fc.oneof(
        { weight: 3, arbitrary: leaf(ids) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.constantFrom('All' as const, 'Any' as const),
              fc.array(condition(ids, depth - 1), { minLength: 1, maxLength: 3 })
            )
            .map(([tag, cs]): Classification.Condition => ({
              _tag: tag,
              conditions: cs as unknown as readonly [Classification.Condition, ...Classification.Condition[]]
            }))
        }
      )

const sometimes = <A>(a: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a })

/** Fields as a rule proposes them or an agent sets them (possibly none); each present one time in three. */
export const fields = (ids: ReadonlyArray<string>): fc.Arbitrary<Classification.Fields> =>
  fc
    .record({
      kind: sometimes(kind),
      category: ids.length === 0 ? fc.constant(undefined) : sometimes(fc.constantFrom(...ids)),
      urgency: sometimes(fc.constantFrom(...levels)),
      impact: sometimes(fc.constantFrom(...levels))
    })
    .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Classification.Fields)

/** A valid rule with the given id. */
export const rule = (ids: ReadonlyArray<string>, id: string): fc.Arbitrary<Classification.Rule> =>
  fc
    .record({
      when: condition(ids),
      then: fields(ids).map((f) => (Object.keys(f).length === 0 ? { kind: 'incident' as const } : f)),
      stop: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
      description: fc.option(fc.constantFrom('Nordic password resets', 'Alerts'), { nil: undefined, freq: 2 })
    })
    .map(({ when, then, stop, description }) => ({
      id,
      when,
      then,
      ...(stop === undefined ? {} : { stop }),
      ...(description === undefined ? {} : { description })
    }))

/** Valid rules for a tree, with ids `<prefix>0`, `<prefix>1`, … */
export const rules = (
  tree: Classification.CategoryTree,
  prefix = 'r',
  max = 8
): fc.Arbitrary<ReadonlyArray<Classification.Rule>> => {
  const ids = tree.categories.map((c) => c.id)
  return fc
    .integer({ min: 1, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rule(ids, `${prefix}${i}`))))
}

export const contextOf = (categories: Classification.CategoryTree): Classification.ClassifierContext => ({
  categories,
  urgencies: levels,
  impacts: levels
})

/** A tree and a valid classifier spec for it. */
export const classifierSpec: fc.Arbitrary<{
  readonly tree: Classification.CategoryTree
  readonly spec: Classification.ClassifierSpec
}> = categoryTree(12).chain((tree) => rules(tree).map((rs) => ({ tree, spec: { rules: rs } })))

export const classifier: fc.Arbitrary<Classification.Classifier> = classifierSpec.map(({ tree, spec }) =>
  right(Classification.makeClassifier(spec, contextOf(tree)))
)

// ---------------------------------------------------------------------------------------------
// tickets

const separator = fc.constantFrom(' ', '  ', ', ', '! ', '\n', ' – ', '/')
const casing = fc.constantFrom('as is', 'upper', 'capitalised')

/** Ticket text made of vocabulary words, filler and separators, in random casing. */
export const text: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: word },
        {
          weight: 1,
          arbitrary: fc.constantFrom('jeg', 'har', 'glemt', 'mitt', 'engangspassord', 'ikke', 'alle', 'allerede', '42')
        }
      ),
      casing,
      separator
    ),
    { minLength: 2, maxLength: 12 }
  )
  .map((parts) =>
    parts
      .map(
        ([w, c, sep]) =>
          (c === 'upper' ? w.toUpperCase() : c === 'capitalised' ? w.charAt(0).toUpperCase() + w.slice(1) : w) + sep
      )
      .join('')
  )

/** A ticket to classify against a tree (its service may be unknown to the tree). */
export const input = (tree: Classification.CategoryTree): fc.Arbitrary<Classification.ClassifierInput> => {
  const ids = tree.categories.map((c) => c.id)
  return fc
    .record(
      {
        channel,
        text,
        customer: fc.constantFrom(...customers, 'umbrella'),
        service: ids.length === 0 ? fc.constant('nowhere') : fc.oneof(fc.constantFrom(...ids), fc.constant('nowhere')),
        explicit: fields(ids)
      },
      { requiredKeys: ['channel', 'text'] }
    )
    .map((i) => i as Classification.ClassifierInput)
}

/** The accent-stripped copy of a text: canonical decomposition without combining marks. */
export const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '')
