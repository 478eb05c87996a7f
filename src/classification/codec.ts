import * as t from 'io-ts'
import { nonEmptyList } from '../internal/nonEmpty.js'
import { literals, record, stringWhere, tag, taggedUnion } from '../internal/primitives.js'
import { ChannelJson, TicketKindJson } from '../kind/codec.js'
import type { CategoryNode, CategoryTreeSpec, ClassifierSpec, Condition, Fields, Rule, TextMatch } from './model.js'

const CATEGORY_ID = /^[A-Za-z0-9][A-Za-z0-9._\-/:]{0,63}$/
const CategoryId = stringWhere(
  'a category id: 1–64 ASCII letters, digits or . _ - / :, starting with a letter or digit',
  (s) => CATEGORY_ID.test(s)
)
const nonBlank = (max: number) => (s: string) => s.trim().length > 0 && s.length <= max

/**
 * io-ts codec of one node of a category tree: `{ id, name, parent? }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * const node = { id: 'network.wifi', name: 'Wi-Fi', parent: 'network' }
 * assert.deepStrictEqual(Codec.CategoryNodeJson.decode(node), E.right(node))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const CategoryNodeJson: t.Type<CategoryNode, CategoryNode, unknown> = record(
  'a category',
  { id: CategoryId, name: stringWhere('a name of 1–200 characters, not only spaces', nonBlank(200)) },
  { parent: CategoryId }
)

/**
 * io-ts codec of a category tree on the wire: `{ categories: [...] }`. It checks the shape of
 * every node; `makeCategoryTree` checks the tree (unique ids, parents, cycles, depth).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.strictEqual(E.isRight(Codec.CategoryTreeJson.decode({ categories: [{ id: 'network', name: 'Network' }] })), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const CategoryTreeJson: t.Type<CategoryTreeSpec, CategoryTreeSpec, unknown> = record(
  'a category tree',
  { categories: t.readonlyArray(CategoryNodeJson, 'a list of categories') },
  {}
)

const Level = stringWhere('a level name of 1–60 characters, not only spaces', nonBlank(60))

/**
 * io-ts codec of the fields a rule proposes (or an agent set): `{ kind?, category?, urgency?, impact? }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.FieldsJson.decode({ kind: 'incident', impact: 'high' }), E.right({ kind: 'incident', impact: 'high' }))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const FieldsJson: t.Type<Fields, Fields, unknown> = record(
  'proposed fields',
  {},
  { kind: TicketKindJson, category: CategoryId, urgency: Level, impact: Level }
)

const Pattern = stringWhere('a pattern of 1–200 characters', (s) => s.length > 0 && s.length <= 200)
const Customer = stringWhere('a customer id of 1–100 characters, not only spaces', nonBlank(100))

/**
 * io-ts codec of a rule condition, told apart by `_tag` (`Channel`, `Customer`, `Text`,
 * `ReportedByMonitoring`, `Service`, `All`, `Any`); `All` and `Any` nest.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * const when = { _tag: 'Any', conditions: [{ _tag: 'ReportedByMonitoring' }, { _tag: 'Text', patterns: ['nede'] }] }
 * assert.deepStrictEqual(Codec.ConditionJson.decode(when), E.right(when))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const ConditionJson: t.Type<Condition, Condition, unknown> = new t.Type<Condition, Condition, unknown>(
  'a condition',
  (u): u is Condition => ConditionUnion.is(u),
  (u, c) => ConditionUnion.validate(u, c),
  (a) => ConditionUnion.encode(a)
)

// defined after ConditionJson, which its All and Any members refer back to
const ConditionUnion: t.Type<Condition, Condition, unknown> = taggedUnion({
  Channel: record(
    'a channel condition',
    { _tag: tag('Channel'), channels: nonEmptyList(ChannelJson, 'a non-empty list of channels') },
    {}
  ),
  Customer: record(
    'a customer condition',
    { _tag: tag('Customer'), customers: nonEmptyList(Customer, 'a non-empty list of customer ids') },
    {}
  ),
  Text: record(
    'a text condition',
    { _tag: tag('Text'), patterns: nonEmptyList(Pattern, 'a non-empty list of patterns') },
    { match: literals<TextMatch>(['wordStart', 'word', 'substring']) }
  ),
  ReportedByMonitoring: record('a reported-by-monitoring condition', { _tag: tag('ReportedByMonitoring') }, {}),
  Service: record(
    'a service condition',
    { _tag: tag('Service'), services: nonEmptyList(CategoryId, 'a non-empty list of category ids') },
    {}
  ),
  All: record(
    'an all-of condition',
    { _tag: tag('All'), conditions: nonEmptyList(ConditionJson, 'a non-empty list of conditions') },
    {}
  ),
  Any: record(
    'an any-of condition',
    { _tag: tag('Any'), conditions: nonEmptyList(ConditionJson, 'a non-empty list of conditions') },
    {}
  )
})

/**
 * io-ts codec of one classifier rule: `{ id, description?, when, then, stop? }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * const rule = { id: 'alerts', when: { _tag: 'ReportedByMonitoring' }, then: { kind: 'incident' }, stop: true }
 * assert.deepStrictEqual(Codec.RuleJson.decode(rule), E.right(rule))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const RuleJson: t.Type<Rule, Rule, unknown> = record(
  'a rule',
  {
    id: stringWhere('a rule id of 1–100 characters, not only spaces', nonBlank(100)),
    when: ConditionJson,
    then: FieldsJson
  },
  { description: stringWhere('a description of at most 500 characters', (s) => s.length <= 500), stop: t.boolean }
)

/**
 * io-ts codec of a classifier on the wire: `{ rules: [...] }`. It checks the shape of every
 * rule; `makeClassifier` checks them against the category tree and the priority levels.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.ClassifierJson.decode({ rules: [] }), E.right({ rules: [] }))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const ClassifierJson: t.Type<ClassifierSpec, ClassifierSpec, unknown> = record(
  'a classifier',
  { rules: t.readonlyArray(RuleJson, 'a list of rules') },
  {}
)
