/**
 * Ticket kinds and channels: what a ticket is and how it came in. The ticket, SLA, workaround and
 * report modules ask these questions; categories and the classifier that proposes a kind are the
 * {@link Classification} namespace.
 *
 * - **Kinds** ({@link TicketKind}: incident, service request, question, problem, feedback)
 *   follow rules given as data ({@link KindRules}, {@link defaultKindRules}); the ticket and
 *   SLA modules ask them questions such as {@link needsPriority} or {@link hasResponseTarget}.
 * - **Channels** ({@link Channel}) carry traits: monitoring reports before the customer noticed.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Kind } from 'itsm-kit'
 * const kinds = Kind.defaultKindRules.kinds
 * // this desk answers questions within a response target but keeps no resolution target
 * const rules = Kind.makeKindRules({ ...kinds, question: { ...kinds.question, resolutionTarget: false } })
 * assert.deepStrictEqual(pipe(rules, E.map(Kind.hasResolutionTarget('question'))), E.right(false))
 * assert.deepStrictEqual(pipe(rules, E.map(Kind.hasResponseTarget('question'))), E.right(true))
 * assert.deepStrictEqual(pipe(rules, E.map(Kind.needsPriority('incident'))), E.right(true))
 * assert.strictEqual(Kind.isProactive('monitoring'), true)
 * ```
 * @module Kind
 * @since 0.3.0 (part of `Classification` until then)
 */
export type {
  Channel,
  ChannelTraits,
  KindRule,
  KindRules,
  KindRulesSpec,
  PriorityRequirement,
  TicketKind
} from './model.js'
export { allChannels, allKinds, channelTraits } from './model.js'
export type { InconsistentKindRule, KindError } from './errors.js'
export {
  allowsPriority,
  allowsProblemLink,
  allowsRequestedBy,
  allowsWorkaround,
  decodeKindRules,
  defaultKindRules,
  encodeKindRules,
  hasRequester,
  hasResolutionTarget,
  hasResponseTarget,
  isChannel,
  isKind,
  isLive,
  isProactive,
  isSlaBound,
  makeKindRules,
  needsPriority,
  ruleFor
} from './rules.js'
