import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Channel, TicketKind } from '../kind/index.js'

// ---------------------------------------------------------------------------------------------
// category trees

/**
 * The level of a category in its tree: a `service` is a root; a `category` sits under a
 * service; a `subcategory` under a category. Trees are never deeper than that.
 *
 * @category models
 * @since 0.1.0
 */
export type CategoryLevel = 'service' | 'category' | 'subcategory'

/**
 * One node of a category tree as written in JSON: an id, a display name and, except for a
 * service, the id of its parent.
 *
 * Ids are 1–64 characters of ASCII letters, digits and `.` `_` `-` `/` `:`, starting with a
 * letter or digit, such as `workplace.accounts.password`; names are 1–200 characters.
 *
 * @category models
 * @since 0.1.0
 */
export interface CategoryNode {
  readonly id: string
  readonly name: string
  /** The id of the parent node; absent for a service. */
  readonly parent?: string
}

/**
 * A category tree as written in JSON: its nodes, parents and children in any order.
 *
 * @category models
 * @since 0.1.0
 */
export interface CategoryTreeSpec {
  readonly categories: ReadonlyArray<CategoryNode>
}

/**
 * A category of a checked tree, with its level and the ids from its service down to itself.
 *
 * @category models
 * @since 0.1.0
 */
export interface Category {
  readonly id: string
  readonly name: string
  /** The id of the parent; absent for a service. */
  readonly parent?: string
  readonly level: CategoryLevel
  /** Ids from the service down to this category (inclusive), such as `['workplace', 'workplace.accounts']`. */
  readonly path: ReadonlyNonEmptyArray<string>
}

/**
 * A checked category tree (service → category → subcategory): ids are unique, every parent
 * exists, there are no cycles and no node is deeper than a subcategory. Made by
 * `makeCategoryTree` or `decodeCategoryTree`.
 *
 * @category models
 * @since 0.1.0
 */
export interface CategoryTree {
  readonly _tag: 'CategoryTree'
  /** The categories in the order of the spec. */
  readonly categories: ReadonlyArray<Category>
  /** @internal position of each id in `categories` */
  readonly index: Readonly<Record<string, number>>
}

// ---------------------------------------------------------------------------------------------
// classifier rules

/**
 * How a text pattern must sit in the ticket text, after both are normalised:
 *
 * - `wordStart` (the default) — the pattern starts at the beginning of a word and may end
 *   inside one, so `passord` matches "passordet" and "passordbytte" but not "engangspassord";
 * - `word` — the pattern starts and ends on word boundaries: `ned` matches "nettet er ned"
 *   but not "nede";
 * - `substring` — anywhere, also inside a word: `passord` matches "engangspassord".
 *
 * A pattern of several words (`for alle`) matches those words in sequence.
 *
 * @category models
 * @since 0.1.0
 */
export type TextMatch = 'wordStart' | 'word' | 'substring'

/**
 * Matches when the ticket came in through one of the channels.
 *
 * @category models
 * @since 0.1.0
 */
export interface ChannelCondition {
  readonly _tag: 'Channel'
  readonly channels: ReadonlyNonEmptyArray<Channel>
}

/**
 * Matches when the ticket belongs to one of the customers (organisation ids, compared exactly).
 *
 * @category models
 * @since 0.1.0
 */
export interface CustomerCondition {
  readonly _tag: 'Customer'
  readonly customers: ReadonlyNonEmptyArray<string>
}

/**
 * Matches when the ticket text contains one of the patterns, ignoring case and accents
 * (see `normalise`), placed as `match` says (default `wordStart`).
 *
 * @category models
 * @since 0.1.0
 */
export interface TextCondition {
  readonly _tag: 'Text'
  /** 1–200 characters each, with at least one letter or digit. */
  readonly patterns: ReadonlyNonEmptyArray<string>
  readonly match?: TextMatch
}

/**
 * Matches when the ticket was reported by monitoring: its channel is proactive
 * (see `channelTraits`).
 *
 * @category models
 * @since 0.1.0
 */
export interface MonitoringCondition {
  readonly _tag: 'ReportedByMonitoring'
}

/**
 * Matches when the ticket's affected service is one of the given categories or lies under one
 * of them in the category tree.
 *
 * @category models
 * @since 0.1.0
 */
export interface ServiceCondition {
  readonly _tag: 'Service'
  readonly services: ReadonlyNonEmptyArray<string>
}

/**
 * Matches when every one of its conditions matches.
 *
 * @category models
 * @since 0.1.0
 */
export interface AllCondition {
  readonly _tag: 'All'
  readonly conditions: ReadonlyNonEmptyArray<Condition>
}

/**
 * Matches when at least one of its conditions matches (the first that does explains it).
 *
 * @category models
 * @since 0.1.0
 */
export interface AnyCondition {
  readonly _tag: 'Any'
  readonly conditions: ReadonlyNonEmptyArray<Condition>
}

/**
 * What a classifier rule looks for in a ticket; `All` and `Any` combine conditions, nested at
 * most 8 deep.
 *
 * @category models
 * @since 0.1.0
 */
export type Condition =
  | ChannelCondition
  | CustomerCondition
  | TextCondition
  | MonitoringCondition
  | ServiceCondition
  | AllCondition
  | AnyCondition

/**
 * The fields classification is about: a rule proposes some of them, an agent may have set
 * some of them, and a {@link Proposal} holds the outcome.
 *
 * `urgency` and `impact` are level names of the priority matrix in use (such as ITIL's
 * `high`, `medium`, `low`); `category` is the id of a node of the category tree.
 *
 * @category models
 * @since 0.1.0
 */
export interface Fields {
  readonly kind?: TicketKind
  readonly category?: string
  readonly urgency?: string
  readonly impact?: string
}

/**
 * The name of one of the four classified fields.
 *
 * @category models
 * @since 0.1.0
 */
export type FieldName = keyof Fields

/**
 * One rule of a classifier: when its condition matches a ticket, it proposes the fields in
 * `then`. With `stop`, no later rule is consulted once this one has matched.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rule {
  /** A unique id (1–100 characters), shown in explanations. */
  readonly id: string
  /** What the rule is for (up to 500 characters); not used for matching. */
  readonly description?: string
  readonly when: Condition
  /** The fields the rule proposes: at least one. */
  readonly then: Fields
  readonly stop?: boolean
}

/**
 * A classifier as written in JSON: its rules, in the order they are consulted.
 *
 * @category models
 * @since 0.1.0
 */
export interface ClassifierSpec {
  readonly rules: ReadonlyArray<Rule>
}

/**
 * What a classifier's rules are checked against: the category tree their categories and
 * services come from and, when given, the urgency and impact level names of the priority
 * matrix in use.
 *
 * @category models
 * @since 0.1.0
 */
export interface ClassifierContext {
  readonly categories: CategoryTree
  readonly urgencies?: ReadonlyArray<string>
  readonly impacts?: ReadonlyArray<string>
}

/** @internal a text condition with its patterns normalised once */
export interface CompiledPattern {
  readonly pattern: string
  readonly normalised: string
}

/**
 * A checked classifier, ready for `classify`: made by `makeClassifier` or `decodeClassifier`
 * against a {@link ClassifierContext}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Classifier {
  readonly _tag: 'Classifier'
  readonly rules: ReadonlyArray<Rule>
  readonly context: ClassifierContext
  /** @internal the normalised patterns of every text condition, by path */
  readonly patterns: Readonly<Record<string, ReadonlyNonEmptyArray<CompiledPattern>>>
}

// ---------------------------------------------------------------------------------------------
// classification input and output

/**
 * What a classifier looks at in a new ticket. `text` is whatever should be searched (typically
 * the subject and the description joined by a line break); `explicit` holds the fields an agent
 * has already set, which classification never overrides.
 *
 * @category models
 * @since 0.1.0
 */
export interface ClassifierInput {
  readonly channel: Channel
  readonly text: string
  /** The customer (organisation) id. */
  readonly customer?: string
  /** The id of the affected service (a node of the category tree). */
  readonly service?: string
  readonly explicit?: Fields
}

/**
 * One matched leaf condition, as evidence for a proposed field.
 *
 * `path` points at the exact criterion in the classifier spec
 * (`rules[1].when.conditions[0].patterns[2]`); `criterion` is that criterion (a pattern as
 * written, a channel, a customer or service id); `matched` is what in the ticket matched it:
 * the channel, the customer or service id, or the words of the text that contain the match, as
 * written in the ticket (cut to the match itself when those words are longer than 60 characters).
 *
 * @category models
 * @since 0.1.0
 */
export interface Reason {
  readonly path: string
  readonly condition: 'Channel' | 'Customer' | 'Text' | 'ReportedByMonitoring' | 'Service'
  readonly criterion: string
  readonly matched: string
}

/**
 * The value an agent set explicitly, kept as it was.
 *
 * @category models
 * @since 0.1.0
 */
export interface Kept<A> {
  readonly _tag: 'Kept'
  readonly value: A
}

/**
 * A value proposed by a rule: the first matching rule that proposes this field.
 *
 * @category models
 * @since 0.1.0
 */
export interface Proposed<A> {
  readonly _tag: 'Proposed'
  readonly value: A
  /** The id of the rule. */
  readonly rule: string
  /** Its position in the classifier's rules. */
  readonly ruleIndex: number
  /** The leaf conditions that matched: all of them under `All`, the first under `Any`. */
  readonly reasons: ReadonlyNonEmptyArray<Reason>
}

/**
 * A field no agent set and no matching rule proposed.
 *
 * @category models
 * @since 0.1.0
 */
export interface Unset {
  readonly _tag: 'Unset'
}

/**
 * Where the value of one field came from.
 *
 * @category models
 * @since 0.1.0
 */
export type FieldOrigin<A> = Kept<A> | Proposed<A> | Unset

/**
 * The outcome of classifying a ticket: the resulting fields and, for each, where its value came
 * from.
 *
 * @category models
 * @since 0.1.0
 */
export interface Proposal {
  readonly _tag: 'Proposal'
  /** Every field that was kept or proposed. */
  readonly fields: Fields
  readonly origins: {
    readonly kind: FieldOrigin<TicketKind>
    readonly category: FieldOrigin<string>
    readonly urgency: FieldOrigin<string>
    readonly impact: FieldOrigin<string>
  }
}
