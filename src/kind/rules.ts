import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { decodeWith } from '../internal/decodeError.js'
import { own } from '../internal/primitives.js'
import { KindRulesJson } from './codec.js'
import { inconsistentKindRule, type KindError } from './errors.js'
import {
  allChannels,
  allKinds,
  channelTraits,
  type Channel,
  type KindRule,
  type KindRules,
  type KindRulesSpec,
  type TicketKind
} from './model.js'

/**
 * The kind rules most desks start from:
 *
 * | kind | priority | response target | resolution target | requester | requested-by date | workaround | problem link |
 * |---|---|---|---|---|---|---|---|
 * | incident | required | yes | yes | yes | no | yes | yes |
 * | serviceRequest | required | yes | yes | yes | yes | no | no |
 * | question | optional | yes | no | yes | no | no | no |
 * | problem | required | no | no | no | no | yes (known error) | no |
 * | feedback | none | no | no | yes | no | no | no |
 *
 * Incidents are prioritised and SLA-bound; a question is answered within a response target but
 * needs no priority; a problem is internal, so it has no requester-facing target.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * const rules = Kind.defaultKindRules
 * assert.strictEqual(pipe(rules, Kind.needsPriority('incident')), true)
 * assert.strictEqual(pipe(rules, Kind.needsPriority('question')), false)
 * assert.strictEqual(pipe(rules, Kind.hasResponseTarget('problem')), false)
 * assert.strictEqual(pipe(rules, Kind.allowsRequestedBy('serviceRequest')), true)
 * ```
 * @category constants
 * @since 0.1.0
 */
export const defaultKindRules: KindRules = {
  _tag: 'KindRules',
  kinds: {
    incident: {
      priority: 'required',
      responseTarget: true,
      resolutionTarget: true,
      requester: true,
      requestedBy: false,
      workaround: true,
      problemLink: true
    },
    serviceRequest: {
      priority: 'required',
      responseTarget: true,
      resolutionTarget: true,
      requester: true,
      requestedBy: true,
      workaround: false,
      problemLink: false
    },
    question: {
      priority: 'optional',
      responseTarget: true,
      resolutionTarget: false,
      requester: true,
      requestedBy: false,
      workaround: false,
      problemLink: false
    },
    problem: {
      priority: 'required',
      responseTarget: false,
      resolutionTarget: false,
      requester: false,
      requestedBy: false,
      workaround: true,
      problemLink: false
    },
    feedback: {
      priority: 'none',
      responseTarget: false,
      resolutionTarget: false,
      requester: true,
      requestedBy: false,
      workaround: false,
      problemLink: false
    }
  }
}

const check = (spec: KindRulesSpec): KindError | undefined => {
  for (const kind of allKinds) {
    const rule = spec[kind]
    if (rule.responseTarget && !rule.requester)
      return inconsistentKindRule(
        kind,
        'responseTarget',
        `false when ${kind}.requester is false (a response target is a promise to the requester)`,
        true
      )
  }
  if (spec.problem.requester)
    return inconsistentKindRule(
      'problem',
      'requester',
      'false (a problem is the cause behind incidents; the requesters are on the incidents)',
      true
    )
  if (spec.problem.problemLink)
    return inconsistentKindRule(
      'problem',
      'problemLink',
      'false (a problem is not one of the tickets a problem causes)',
      true
    )
  return undefined
}

// what makeKindRules and decodeKindRules share: a JavaScript caller may pass anything to either
const fromJson = (u: unknown): E.Either<KindError, KindRules> =>
  pipe(
    decodeWith(KindRulesJson)(u),
    E.flatMap((kinds): E.Either<KindError, KindRules> => {
      const err = check(kinds)
      return err === undefined ? E.right({ _tag: 'KindRules', kinds }) : E.left(err)
    })
  )

/**
 * Checks kind rules and makes them usable by the queries ({@link needsPriority}, …).
 *
 * Rejects malformed data (every issue, with its path), a response target on a kind without a
 * requester, and a `problem` with a requester or a problem link.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * const kinds = Kind.defaultKindRules.kinds
 * const noQuestionTarget = { ...kinds, question: { ...kinds.question, responseTarget: false } }
 * assert.strictEqual(E.isRight(Kind.makeKindRules(noQuestionTarget)), true)
 * const problemTarget = { ...kinds, problem: { ...kinds.problem, responseTarget: true } }
 * assert.deepStrictEqual(pipe(Kind.makeKindRules(problemTarget), E.mapLeft((e) => e.message)), E.left(
 *   'problem.responseTarget: expected false when problem.requester is false (a response target is a promise to the requester), received true'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const makeKindRules = (spec: KindRulesSpec): E.Either<KindError, KindRules> => fromJson(spec)

/**
 * Reads kind rules from JSON (`{ incident: {…}, serviceRequest: {…}, … }`) and checks them as
 * {@link makeKindRules} does; malformed data is reported with every issue and its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * const json = { ...Kind.defaultKindRules.kinds, feedback: { priority: 'never' } }
 * const messages = pipe(Kind.decodeKindRules(json), E.mapLeft((e) => e.message.split('\n')[0]))
 * assert.deepStrictEqual(messages, E.left('feedback.priority: expected one of "required" | "optional" | "none", received "never"'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeKindRules = (u: unknown): E.Either<KindError, KindRules> => fromJson(u)

/**
 * Writes kind rules as plain JSON data (the inverse of {@link decodeKindRules}); a value that is
 * not kind rules is written as `null`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Kind } from 'itsm-kit'
 * const json = Kind.encodeKindRules(Kind.defaultKindRules)
 * assert.deepStrictEqual(Kind.decodeKindRules(JSON.parse(JSON.stringify(json))), E.right(Kind.defaultKindRules))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeKindRules = (self: KindRules): KindRulesSpec | null =>
  isKindRules(self) ? KindRulesJson.encode(self.kinds) : null

// kind rules are usually constants: each object is checked once
const checkedRules = new WeakSet<object>()

/**
 * Whether a value is checked kind rules (as `makeKindRules` returns them): what a type cast
 * cannot smuggle in. Never throws.
 *
 * @internal
 */
export const isKindRules = (u: unknown): u is KindRules => {
  if (typeof u !== 'object' || u === null) return false
  if (checkedRules.has(u)) return true
  try {
    if (!('_tag' in u) || u._tag !== 'KindRules' || !('kinds' in u) || E.isLeft(fromJson(u.kinds))) return false
  } catch {
    return false
  }
  checkedRules.add(u)
  return true
}

/** What a kind the rules do not know (or a value that is not kind rules) is allowed: nothing. */
const NOTHING: KindRule = {
  priority: 'none',
  responseTarget: false,
  resolutionTarget: false,
  requester: false,
  requestedBy: false,
  workaround: false,
  problemLink: false
}

const rule = (kind: unknown, self: KindRules): KindRule =>
  typeof kind === 'string' && isKindRules(self) ? (own(self.kinds, kind) ?? NOTHING) : NOTHING

/**
 * The rules of one kind. A kind the rules do not know, or a value that is not kind rules (a type
 * cast let it in), is allowed nothing: every query about it answers `false` or `none`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.ruleFor('feedback')).priority, 'none')
 * ```
 * @category queries
 * @since 0.1.0
 */
export const ruleFor =
  (kind: TicketKind) =>
  (self: KindRules): KindRule =>
    rule(kind, self)

/**
 * Whether a ticket of this kind must be given a priority (urgency × impact).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.needsPriority('incident')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.needsPriority('feedback')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const needsPriority =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).priority === 'required'

/**
 * Whether a ticket of this kind may have a priority at all (required or optional).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsPriority('question')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsPriority('feedback')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const allowsPriority =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).priority !== 'none'

/**
 * Whether an SLA response (reaction) target applies to this kind.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.hasResponseTarget('question')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.hasResponseTarget('problem')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const hasResponseTarget =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).responseTarget

/**
 * Whether an SLA resolution (repair or fulfilment) target applies to this kind.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.hasResolutionTarget('incident')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.hasResolutionTarget('question')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const hasResolutionTarget =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).resolutionTarget

/**
 * Whether any SLA target (response or resolution) applies to this kind.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.isSlaBound('incident')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.isSlaBound('feedback')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const isSlaBound =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).responseTarget || rule(kind, self).resolutionTarget

/**
 * Whether a ticket of this kind has a requester, who is answered, confirms the resolution
 * (closure waits for them) and may rate the service.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.hasRequester('incident')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.hasRequester('problem')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const hasRequester =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).requester

/**
 * Whether a ticket of this kind may carry a requested-by date.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsRequestedBy('serviceRequest')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsRequestedBy('incident')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const allowsRequestedBy =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).requestedBy

/**
 * Whether a ticket of this kind may run on (incident) or record (problem) a workaround.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsWorkaround('incident')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsWorkaround('question')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const allowsWorkaround =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).workaround

/**
 * Whether a ticket of this kind may be linked to a problem as one of the tickets it causes.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsProblemLink('incident')), true)
 * assert.strictEqual(pipe(Kind.defaultKindRules, Kind.allowsProblemLink('problem')), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const allowsProblemLink =
  (kind: TicketKind) =>
  (self: KindRules): boolean =>
    rule(kind, self).problemLink

/**
 * Whether a value is a ticket kind.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(Kind.isKind('serviceRequest'), true)
 * assert.strictEqual(Kind.isKind('request'), false)
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isKind = (u: unknown): u is TicketKind =>
  typeof u === 'string' && (allKinds as ReadonlyArray<string>).includes(u)

/**
 * Whether a value is a channel.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(Kind.isChannel('chat'), true)
 * assert.strictEqual(Kind.isChannel('fax'), false)
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isChannel = (u: unknown): u is Channel =>
  typeof u === 'string' && (allChannels as ReadonlyArray<string>).includes(u)

/**
 * Whether tickets from this channel are reported by a machine before the customer noticed
 * (monitoring).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(Kind.isProactive('monitoring'), true)
 * assert.strictEqual(Kind.isProactive('email'), false)
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isProactive = (channel: Channel): boolean =>
  typeof channel === 'string' && own(channelTraits, channel)?.proactive === true

/**
 * Whether the requester is in a live conversation with the desk on this channel (phone, chat).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind } from 'itsm-kit'
 * assert.strictEqual(Kind.isLive('phone'), true)
 * assert.strictEqual(Kind.isLive('portal'), false)
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isLive = (channel: Channel): boolean =>
  typeof channel === 'string' && own(channelTraits, channel)?.live === true
