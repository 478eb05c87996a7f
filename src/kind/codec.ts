import * as t from 'io-ts'
import { literals, record } from '../internal/primitives.js'
import {
  allChannels,
  allKinds,
  type Channel,
  type KindRule,
  type KindRulesSpec,
  type PriorityRequirement,
  type TicketKind
} from './model.js'

/**
 * io-ts codec of a ticket kind: one of `"incident"`, `"serviceRequest"`, `"question"`,
 * `"problem"`, `"feedback"`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.TicketKindJson.decode('question'), E.right('question'))
 * assert.strictEqual(E.isLeft(Codec.TicketKindJson.decode('Incident')), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TicketKindJson: t.Type<TicketKind, TicketKind, unknown> = literals(allKinds)

/**
 * io-ts codec of a channel: one of `"phone"`, `"chat"`, `"email"`, `"portal"`, `"monitoring"`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.ChannelJson.decode('monitoring'), E.right('monitoring'))
 * assert.strictEqual(E.isLeft(Codec.ChannelJson.decode('fax')), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const ChannelJson: t.Type<Channel, Channel, unknown> = literals(allChannels)

/**
 * io-ts codec of the rules of one ticket kind; every field is required.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Kind } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * const incident = Kind.defaultKindRules.kinds.incident
 * assert.deepStrictEqual(Codec.KindRuleJson.decode(incident), E.right(incident))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const KindRuleJson: t.Type<KindRule, KindRule, unknown> = record(
  'the rules of a ticket kind',
  {
    priority: literals<PriorityRequirement>(['required', 'optional', 'none']),
    responseTarget: t.boolean,
    resolutionTarget: t.boolean,
    requester: t.boolean,
    requestedBy: t.boolean,
    workaround: t.boolean,
    problemLink: t.boolean
  },
  {}
)

/**
 * io-ts codec of kind rules on the wire: `{ incident, serviceRequest, question, problem, feedback }`,
 * each a {@link KindRuleJson}. It checks the shape; `makeKindRules` checks the invariants.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Kind } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * assert.strictEqual(E.isRight(Codec.KindRulesJson.decode(Kind.defaultKindRules.kinds)), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const KindRulesJson: t.Type<KindRulesSpec, KindRulesSpec, unknown> = record(
  'kind rules',
  {
    incident: KindRuleJson,
    serviceRequest: KindRuleJson,
    question: KindRuleJson,
    problem: KindRuleJson,
    feedback: KindRuleJson
  },
  {}
)
