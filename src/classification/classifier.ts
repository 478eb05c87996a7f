import * as E from 'fp-ts/lib/Either.js'
import { absurd, pipe } from 'fp-ts/lib/function.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { decodeWith } from '../internal/decodeError.js'
import { isNonEmpty, mapNonEmpty } from '../internal/nonEmpty.js'
import { hasCategory, isUnder } from './categories.js'
import { ClassifierJson, FieldsJson } from './codec.js'
import { channelTraits, isChannel } from '../kind/index.js'
import {
  conditionTooDeep,
  duplicateRuleId,
  emptyPattern,
  emptyProposal,
  unknownCategory,
  unknownLevel,
  type ClassificationError
} from './errors.js'
import {
  type Classifier,
  type ClassifierContext,
  type ClassifierInput,
  type ClassifierSpec,
  type CompiledPattern,
  type Condition,
  type FieldName,
  type FieldOrigin,
  type Fields,
  type Proposal,
  type Reason,
  type Rule
} from './model.js'
import { findPattern, fragmentOf, normalise, normaliseWithOffsets, type Normalised } from './normalise.js'

const MAX_NESTING = 8
const fieldNames: ReadonlyNonEmptyArray<FieldName> = ['kind', 'category', 'urgency', 'impact']

// each classifier object is checked once: itself when compiled here, else its rebuild (or nothing)
const checkedClassifiers = new WeakMap<object, Classifier | undefined>()

type Patterns = Record<string, ReadonlyNonEmptyArray<CompiledPattern>>

const checkCondition = (
  cond: Condition,
  path: string,
  depth: number,
  rule: string,
  context: ClassifierContext,
  patterns: Patterns
): ClassificationError | undefined => {
  if (depth > MAX_NESTING) return conditionTooDeep(path, rule, MAX_NESTING)
  switch (cond._tag) {
    case 'Channel':
    case 'Customer':
    case 'ReportedByMonitoring':
      return undefined
    case 'Text': {
      const compiled = pipe(
        cond.patterns,
        mapNonEmpty((pattern): CompiledPattern => ({ pattern, normalised: normalise(pattern) }))
      )
      for (const [k, p] of compiled.entries())
        if (p.normalised === '') return emptyPattern(`${path}.patterns[${k}]`, rule, p.pattern)
      patterns[path] = compiled
      return undefined
    }
    case 'Service':
      for (const [k, service] of cond.services.entries())
        if (!pipe(context.categories, hasCategory(service)))
          return unknownCategory(
            `${path}.services[${k}]`,
            rule,
            'the id of a service or category in the category tree',
            service
          )
      return undefined
    case 'All':
    case 'Any':
      for (const [k, child] of cond.conditions.entries()) {
        const err = checkCondition(child, `${path}.conditions[${k}]`, depth + 1, rule, context, patterns)
        if (err !== undefined) return err
      }
      return undefined
    default:
      return absurd(cond)
  }
}

const checkLevel = (
  level: string | undefined,
  levels: ReadonlyArray<string> | undefined,
  path: string,
  rule: string
): ClassificationError | undefined =>
  level !== undefined && levels !== undefined && !levels.includes(level)
    ? unknownLevel(path, rule, level, levels)
    : undefined

const compile = (context: ClassifierContext, spec: ClassifierSpec): E.Either<ClassificationError, Classifier> => {
  const firstId = new Map<string, number>()
  const patterns: Patterns = {}
  for (const [i, rule] of spec.rules.entries()) {
    const seen = firstId.get(rule.id)
    if (seen !== undefined) return E.left(duplicateRuleId(`rules[${i}].id`, rule.id, `rules[${seen}]`))
    firstId.set(rule.id, i)
    const err =
      checkCondition(rule.when, `rules[${i}].when`, 1, rule.id, context, patterns) ??
      (fieldNames.every((f) => rule.then[f] === undefined) ? emptyProposal(`rules[${i}].then`, rule.id) : undefined) ??
      (rule.then.category !== undefined && !pipe(context.categories, hasCategory(rule.then.category))
        ? unknownCategory(
            `rules[${i}].then.category`,
            rule.id,
            'the id of a category in the category tree',
            rule.then.category
          )
        : undefined) ??
      checkLevel(rule.then.urgency, context.urgencies, `rules[${i}].then.urgency`, rule.id) ??
      checkLevel(rule.then.impact, context.impacts, `rules[${i}].then.impact`, rule.id)
    if (err !== undefined) return E.left(err)
  }
  const classifier: Classifier = { _tag: 'Classifier', rules: spec.rules, context, patterns }
  checkedClassifiers.set(classifier, classifier)
  return E.right(classifier)
}

// what makeClassifier and decodeClassifier share: a JavaScript caller may pass anything to either
const fromJson = (u: unknown, context: ClassifierContext): E.Either<ClassificationError, Classifier> =>
  pipe(
    decodeWith(ClassifierJson)(u),
    E.flatMap((decoded) => compile(context, decoded))
  )

/**
 * Checks a classifier's rules against a context (the category tree and, when given, the
 * priority matrix's urgency and impact levels) and compiles them for {@link classify}.
 *
 * Rejects, with the path of the first problem: malformed data (every issue, with its path —
 * an unknown channel or condition, a misspelt field), a duplicate rule id, a pattern with no
 * letter or digit, a category or service the tree does not have, conditions nested deeper
 * than 8, a rule that proposes nothing, and an urgency or impact that is not a level of the
 * matrix.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [{ id: 'accounts', name: 'Accounts' }] })
 * if (E.isLeft(tree)) assert.fail(tree.left.message)
 * const context = { categories: tree.right, urgencies: ['high', 'medium', 'low'], impacts: ['high', 'medium', 'low'] }
 * const ok = Classification.makeClassifier({
 *   rules: [{ id: 'password', when: { _tag: 'Text', patterns: ['passord'] }, then: { kind: 'serviceRequest', category: 'accounts' } }]
 * }, context)
 * assert.strictEqual(E.isRight(ok), true)
 * const typo = Classification.makeClassifier({
 *   rules: [{ id: 'password', when: { _tag: 'Text', patterns: ['passord'] }, then: { category: 'acounts', urgency: 'urgent' } }]
 * }, context)
 * assert.deepStrictEqual(pipe(typo, E.mapLeft((e) => e.message)), E.left(
 *   'rules[0].then.category: expected the id of a category in the category tree, received "acounts"'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const makeClassifier = (
  spec: ClassifierSpec,
  context: ClassifierContext
): E.Either<ClassificationError, Classifier> => fromJson(spec, context)

/**
 * Reads a classifier from JSON (`{ rules: [...] }`) and checks it against a context as
 * {@link makeClassifier} does; malformed data is reported with every issue and its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [] })
 * const json = { rules: [{ id: 'fax', when: { _tag: 'Channel', channels: ['fax'] }, then: { kind: 'incident' }, priority: 1 }] }
 * const read = pipe(tree, E.flatMap((categories) => Classification.decodeClassifier(json, { categories })))
 * assert.deepStrictEqual(pipe(read, E.mapLeft((e) => e.message.split('\n'))), E.left([
 *   'rules[0].when.channels[0]: expected one of "phone" | "chat" | "email" | "portal" | "monitoring", received "fax"',
 *   'rules[0].priority: expected no property "priority" here (known: id, when, then, description, stop), received 1'
 * ]))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeClassifier = (u: unknown, context: ClassifierContext): E.Either<ClassificationError, Classifier> =>
  fromJson(u, context)

/**
 * Writes a classifier's rules as plain JSON data (the inverse of {@link decodeClassifier}
 * with the same context); a value that is not a classifier is written as `null`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [] })
 * const spec = { rules: [{ id: 'alerts', when: { _tag: 'ReportedByMonitoring' as const }, then: { kind: 'incident' as const } }] }
 * const classifier = pipe(tree, E.flatMap((categories) => Classification.makeClassifier(spec, { categories })))
 * assert.deepStrictEqual(pipe(classifier, E.map(Classification.encodeClassifier)), E.right(spec))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeClassifier = (self: Classifier): ClassifierSpec | null => {
  const checked = classifierOf(self)
  return checked === undefined ? null : ClassifierJson.encode({ rules: checked.rules })
}

/**
 * The classifier to run: the value itself when compiled by {@link makeClassifier}, one rebuilt
 * from its rules and context when put together by hand, or undefined when it is not a
 * classifier at all (a type cast let it in). Never throws.
 */
const classifierOf = (self: Classifier): Classifier | undefined => {
  if (typeof self !== 'object' || self === null) return undefined
  if (checkedClassifiers.has(self)) return checkedClassifiers.get(self)
  let rebuilt: Classifier | undefined
  try {
    if (self._tag === 'Classifier') {
      const r = makeClassifier({ rules: self.rules }, self.context)
      rebuilt = E.isRight(r) ? r.right : undefined
    }
  } catch {
    rebuilt = undefined
  }
  checkedClassifiers.set(self, rebuilt)
  return rebuilt
}

const isInput = (u: unknown): u is ClassifierInput => {
  if (typeof u !== 'object' || u === null) return false
  if (!isChannel(Reflect.get(u, 'channel')) || typeof Reflect.get(u, 'text') !== 'string') return false
  const customer: unknown = Reflect.get(u, 'customer')
  const service: unknown = Reflect.get(u, 'service')
  const explicit: unknown = Reflect.get(u, 'explicit')
  return (
    (customer === undefined || typeof customer === 'string') &&
    (service === undefined || typeof service === 'string') &&
    (explicit === undefined || FieldsJson.is(explicit))
  )
}

const UNSET: Proposal = {
  _tag: 'Proposal',
  fields: {},
  origins: {
    kind: { _tag: 'Unset' },
    category: { _tag: 'Unset' },
    urgency: { _tag: 'Unset' },
    impact: { _tag: 'Unset' }
  }
}

interface Evaluation {
  readonly input: ClassifierInput
  readonly classifier: Classifier
  text: Normalised | undefined
}

const single = (reason: Reason): ReadonlyNonEmptyArray<Reason> => [reason]

const evaluate = (cond: Condition, path: string, ev: Evaluation): ReadonlyNonEmptyArray<Reason> | undefined => {
  const { input } = ev
  switch (cond._tag) {
    case 'Channel': {
      const k = cond.channels.indexOf(input.channel)
      return k < 0
        ? undefined
        : single({
            path: `${path}.channels[${k}]`,
            condition: 'Channel',
            criterion: input.channel,
            matched: input.channel
          })
    }
    case 'Customer': {
      const customer = input.customer
      if (customer === undefined) return undefined
      const k = cond.customers.indexOf(customer)
      return k < 0
        ? undefined
        : single({ path: `${path}.customers[${k}]`, condition: 'Customer', criterion: customer, matched: customer })
    }
    case 'ReportedByMonitoring':
      return channelTraits[input.channel]?.proactive === true
        ? single({ path, condition: 'ReportedByMonitoring', criterion: input.channel, matched: input.channel })
        : undefined
    case 'Service': {
      const service = input.service
      if (service === undefined) return undefined
      const categories = ev.classifier.context.categories
      const k = cond.services.findIndex((s) => s === service || pipe(categories, isUnder(service, s)))
      return k < 0
        ? undefined
        : single({
            path: `${path}.services[${k}]`,
            condition: 'Service',
            criterion: cond.services[k] as string,
            matched: service
          })
    }
    case 'Text': {
      const text = (ev.text ??= normaliseWithOffsets(input.text))
      const patterns =
        ev.classifier.patterns[path] ?? cond.patterns.map((pattern) => ({ pattern, normalised: normalise(pattern) }))
      const match = cond.match ?? 'wordStart'
      for (const [k, p] of patterns.entries()) {
        if (p.normalised === '') continue
        const at = findPattern(text.text, p.normalised, match)
        if (at >= 0)
          return single({
            path: `${path}.patterns[${k}]`,
            condition: 'Text',
            criterion: p.pattern,
            matched: fragmentOf(input.text, text, at, p.normalised.length)
          })
      }
      return undefined
    }
    case 'All': {
      const reasons: Reason[] = []
      for (const [k, child] of cond.conditions.entries()) {
        const r = evaluate(child, `${path}.conditions[${k}]`, ev)
        if (r === undefined) return undefined
        reasons.push(...r)
      }
      // every condition of an All matched, each with at least one reason
      return isNonEmpty(reasons) ? reasons : undefined
    }
    case 'Any':
      for (const [k, child] of cond.conditions.entries()) {
        const r = evaluate(child, `${path}.conditions[${k}]`, ev)
        if (r !== undefined) return r
      }
      return undefined
    default:
      return absurd(cond)
  }
}

// the rule that proposed a field, where and why
interface Proposer {
  readonly rule: Rule
  readonly ruleIndex: number
  readonly reasons: ReadonlyNonEmptyArray<Reason>
}

// one field at a time, so that each keeps its own type (a kind is a TicketKind)
const originOf = <F extends FieldName>(
  f: F,
  explicit: Fields,
  proposedBy: Partial<Record<FieldName, Proposer>>
): FieldOrigin<NonNullable<Fields[F]>> => {
  const kept = explicit[f]
  if (kept !== undefined) return { _tag: 'Kept', value: kept }
  const by = proposedBy[f]
  const value = by?.rule.then[f]
  return by === undefined || value === undefined
    ? { _tag: 'Unset' }
    : { _tag: 'Proposed', value, rule: by.rule.id, ruleIndex: by.ruleIndex, reasons: by.reasons }
}

/**
 * Classifies a new ticket: proposes its kind, category, urgency and impact, and says for each
 * field where the value came from. A value that is not a classifier or a classifier input (a type
 * cast let it in) proposes nothing: every field is unset.
 *
 * Semantics, field by field:
 * - a field set in `input.explicit` is **kept** as it is; rules are never consulted for it;
 * - otherwise its value comes from the **first** rule, in the classifier's order, whose
 *   condition matches and that proposes the field. A later rule can therefore fill a field that
 *   the earlier matching rules left empty, but never replace one;
 * - a matching rule with `stop` ends the search: fields still open after it stay unset;
 * - a field no agent set and no matching rule proposes is **unset**.
 *
 * The result is a pure function of the input and the classifier. Text is compared after
 * {@link normalise} (case- and accent-insensitive); each proposed field carries the reasons:
 * every leaf condition that matched under `All`, the first under `Any`, and for text the
 * pattern and the words of the ticket that matched it.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const classifier = pipe(
 *   Classification.makeCategoryTree({ categories: [{ id: 'accounts', name: 'Accounts' }, { id: 'accounts.password', name: 'Password', parent: 'accounts' }] }),
 *   E.flatMap((categories) => Classification.makeClassifier({
 *     rules: [{ id: 'password', when: { _tag: 'Text', patterns: ['passord', 'lösenord'] }, then: { kind: 'serviceRequest', category: 'accounts.password' } }]
 *   }, { categories }))
 * )
 * if (E.isLeft(classifier)) assert.fail(classifier.left.message)
 * const proposal = pipe(classifier.right, Classification.classify({ channel: 'email', text: 'Jag har glömt mitt LÖSENORD', explicit: { urgency: 'low' } }))
 * assert.deepStrictEqual(proposal.fields, { kind: 'serviceRequest', category: 'accounts.password', urgency: 'low' })
 * assert.deepStrictEqual(proposal.origins.kind, {
 *   _tag: 'Proposed', value: 'serviceRequest', rule: 'password', ruleIndex: 0,
 *   reasons: [{ path: 'rules[0].when.patterns[1]', condition: 'Text', criterion: 'lösenord', matched: 'LÖSENORD' }]
 * })
 * assert.deepStrictEqual(proposal.origins.urgency, { _tag: 'Kept', value: 'low' })
 * assert.deepStrictEqual(proposal.origins.impact, { _tag: 'Unset' })
 * ```
 * @category queries
 * @since 0.1.0
 */
export const classify =
  (input: ClassifierInput) =>
  (classifier: Classifier): Proposal => {
    const self = classifierOf(classifier)
    // a value that is not a classifier or an input (a type cast let it in) proposes nothing
    if (self === undefined || !isInput(input)) return UNSET
    const explicit: Fields = input.explicit ?? {}
    // the rule that proposes each field not set explicitly: the first that matches, up to a stop
    const proposedBy: Partial<Record<FieldName, Proposer>> = {}
    let open: ReadonlyArray<FieldName> = fieldNames.filter((f) => explicit[f] === undefined)
    const ev: Evaluation = { input, classifier: self, text: undefined }
    for (const [i, rule] of self.rules.entries()) {
      if (open.length === 0) break
      const fills = open.filter((f) => rule.then[f] !== undefined)
      if (fills.length === 0 && rule.stop !== true) continue
      const reasons = evaluate(rule.when, `rules[${i}].when`, ev)
      if (reasons === undefined) continue
      for (const f of fills) proposedBy[f] = { rule, ruleIndex: i, reasons }
      open = open.filter((f) => !fills.includes(f))
      if (rule.stop === true) break
    }
    const origins: Proposal['origins'] = {
      kind: originOf('kind', explicit, proposedBy),
      category: originOf('category', explicit, proposedBy),
      urgency: originOf('urgency', explicit, proposedBy),
      impact: originOf('impact', explicit, proposedBy)
    }
    const fields: { -readonly [F in FieldName]?: Fields[F] } = {}
    if (origins.kind._tag !== 'Unset') fields.kind = origins.kind.value
    if (origins.category._tag !== 'Unset') fields.category = origins.category.value
    if (origins.urgency._tag !== 'Unset') fields.urgency = origins.urgency.value
    if (origins.impact._tag !== 'Unset') fields.impact = origins.impact.value
    return { _tag: 'Proposal', fields, origins }
  }

const describeReason = (r: Reason): string => {
  switch (r.condition) {
    case 'Channel':
      return `channel is ${JSON.stringify(r.matched)}`
    case 'Customer':
      return `customer is ${JSON.stringify(r.matched)}`
    case 'ReportedByMonitoring':
      return 'reported by monitoring'
    case 'Service':
      return r.matched === r.criterion
        ? `affected service is ${JSON.stringify(r.matched)}`
        : `affected service ${JSON.stringify(r.matched)} is under ${JSON.stringify(r.criterion)}`
    case 'Text':
      return `text matches ${JSON.stringify(r.criterion)} in ${JSON.stringify(r.matched)}`
    default:
      return absurd(r.condition)
  }
}

/**
 * Explains a proposal in one line per field, for agents and audit logs.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const classifier = pipe(
 *   Classification.makeCategoryTree({ categories: [] }),
 *   E.flatMap((categories) => Classification.makeClassifier({ rules: [
 *     { id: 'outage', when: { _tag: 'All', conditions: [
 *       { _tag: 'Text', patterns: ['internett', 'internet'] },
 *       { _tag: 'Text', patterns: ['nede', 'down'] }
 *     ] }, then: { kind: 'incident' } },
 *     { id: 'everyone', when: { _tag: 'Text', patterns: ['for alle'] }, then: { impact: 'high' } }
 *   ] }, { categories }))
 * )
 * if (E.isLeft(classifier)) assert.fail(classifier.left.message)
 * const proposal = pipe(classifier.right, Classification.classify({ channel: 'chat', text: 'Internett er nede for alle!', explicit: { urgency: 'high' } }))
 * assert.deepStrictEqual(Classification.explain(proposal), [
 *   'kind: "incident", proposed by rule "outage" (rules[0]): text matches "internett" in "Internett" and text matches "nede" in "nede"',
 *   'category: not set (no rule proposed it)',
 *   'urgency: "high", kept (set explicitly)',
 *   'impact: "high", proposed by rule "everyone" (rules[1]): text matches "for alle" in "for alle"'
 * ])
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const explain = (self: Proposal): ReadonlyNonEmptyArray<string> =>
  isProposal(self) ? explainChecked(self) : ['proposal: expected a proposal made by Classification.classify']

const REASONS: ReadonlyArray<unknown> = ['Channel', 'Customer', 'Text', 'ReportedByMonitoring', 'Service']
const isReason = (u: unknown): boolean =>
  typeof u === 'object' &&
  u !== null &&
  'condition' in u &&
  REASONS.includes(u.condition) &&
  'matched' in u &&
  typeof u.matched === 'string' &&
  'criterion' in u &&
  typeof u.criterion === 'string'

const isOrigin = (u: unknown): boolean => {
  if (typeof u !== 'object' || u === null || !('_tag' in u)) return false
  switch (u._tag) {
    case 'Unset':
      return true
    case 'Kept':
      return 'value' in u && typeof u.value === 'string'
    case 'Proposed': {
      if (!('value' in u && 'rule' in u && 'ruleIndex' in u && 'reasons' in u)) return false
      const reasons: unknown = u.reasons
      return (
        typeof u.value === 'string' &&
        typeof u.rule === 'string' &&
        Number.isInteger(u.ruleIndex) &&
        Array.isArray(reasons) &&
        reasons.every(isReason)
      )
    }
    default:
      return false
  }
}

const isProposalUnguarded = (u: unknown): u is Proposal => {
  if (typeof u !== 'object' || u === null || !('origins' in u)) return false
  const origins = u.origins
  return (
    typeof origins === 'object' &&
    origins !== null &&
    isOrigin(Reflect.get(origins, 'kind')) &&
    isOrigin(Reflect.get(origins, 'category')) &&
    isOrigin(Reflect.get(origins, 'urgency')) &&
    isOrigin(Reflect.get(origins, 'impact'))
  )
}

/** {@link isProposalUnguarded}, total: a value whose reads throw (a `Proxy` from a JavaScript caller) gives false. @internal */
const isProposal = (u: unknown): u is Proposal => {
  try {
    return isProposalUnguarded(u)
  } catch {
    return false
  }
}

const explainChecked = (self: Proposal): ReadonlyNonEmptyArray<string> =>
  pipe(
    fieldNames,
    mapNonEmpty((f) => {
      const o = self.origins[f]
      switch (o._tag) {
        case 'Kept':
          return `${f}: ${JSON.stringify(o.value)}, kept (set explicitly)`
        case 'Unset':
          return `${f}: not set (no rule proposed it)`
        case 'Proposed':
          return `${f}: ${JSON.stringify(o.value)}, proposed by rule ${JSON.stringify(o.rule)} (rules[${o.ruleIndex}]): ${o.reasons.map(describeReason).join(' and ')}`
        default:
          return absurd(o)
      }
    })
  )
