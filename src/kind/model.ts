import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'

// ---------------------------------------------------------------------------------------------
// ticket kinds

/**
 * What kind of thing a ticket is.
 *
 * - `incident` — "this doesn't work": an interruption or degradation of a service;
 * - `serviceRequest` — "I need something": guidance, a change, a new user, a feature;
 * - `question` — the customer needs help reaching a goal; nothing is broken;
 * - `problem` — the unknown root cause behind one or more incidents (internal to the desk);
 * - `feedback` — praise, complaints and suggestions.
 *
 * What each kind requires (a priority, SLA targets, a requester…) is data: see {@link KindRules}.
 *
 * @category models
 * @since 0.1.0
 */
export type TicketKind = 'incident' | 'serviceRequest' | 'question' | 'problem' | 'feedback'

/**
 * Every ticket kind, in the order reports list them.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind } from 'itsm-kit'
 * assert.deepStrictEqual(Kind.allKinds, ['incident', 'serviceRequest', 'question', 'problem', 'feedback'])
 * ```
 * @category constants
 * @since 0.1.0
 */
export const allKinds: ReadonlyNonEmptyArray<TicketKind> = [
  'incident',
  'serviceRequest',
  'question',
  'problem',
  'feedback'
]

// ---------------------------------------------------------------------------------------------
// channels

/**
 * How a ticket reached the desk. `monitoring` means a monitoring system reported the fault,
 * usually before the customer noticed it.
 *
 * @category models
 * @since 0.1.0
 */
export type Channel = 'phone' | 'chat' | 'email' | 'portal' | 'monitoring'

/**
 * Every channel.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind } from 'itsm-kit'
 * assert.deepStrictEqual(Kind.allChannels, ['phone', 'chat', 'email', 'portal', 'monitoring'])
 * ```
 * @category constants
 * @since 0.1.0
 */
export const allChannels: ReadonlyNonEmptyArray<Channel> = ['phone', 'chat', 'email', 'portal', 'monitoring']

/**
 * What a channel says about how a ticket was reported.
 *
 * @category models
 * @since 0.1.0
 */
export interface ChannelTraits {
  /** Reported by a machine before the customer noticed (monitoring), not by a person. */
  readonly proactive: boolean
  /** The requester is in a live conversation with the desk while the ticket is opened (phone, chat). */
  readonly live: boolean
}

/**
 * The traits of every channel: only `monitoring` is proactive; `phone` and `chat` are live.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind } from 'itsm-kit'
 * assert.deepStrictEqual(Kind.channelTraits.monitoring, { proactive: true, live: false })
 * assert.deepStrictEqual(Kind.channelTraits.phone, { proactive: false, live: true })
 * ```
 * @category constants
 * @since 0.1.0
 */
export const channelTraits: Readonly<Record<Channel, ChannelTraits>> = {
  phone: { proactive: false, live: true },
  chat: { proactive: false, live: true },
  email: { proactive: false, live: false },
  portal: { proactive: false, live: false },
  monitoring: { proactive: true, live: false }
}

// ---------------------------------------------------------------------------------------------
// kind rules

/**
 * Whether a kind of ticket takes a priority (urgency × impact): it must have one before it is
 * worked on (`required`), it may have one (`optional`), or it never has one (`none`).
 *
 * @category models
 * @since 0.1.0
 */
export type PriorityRequirement = 'required' | 'optional' | 'none'

/**
 * The rules one kind of ticket follows, as plain data.
 *
 * @category models
 * @since 0.1.0
 */
export interface KindRule {
  /** Whether the kind takes a priority. */
  readonly priority: PriorityRequirement
  /** Whether an SLA response (reaction) target applies: requester-facing, so it needs a requester. */
  readonly responseTarget: boolean
  /** Whether an SLA resolution (repair or fulfilment) target applies. */
  readonly resolutionTarget: boolean
  /** Whether the ticket has a requester outside the desk, who is answered, confirms the resolution and may rate it. */
  readonly requester: boolean
  /** Whether the ticket may carry a requested-by date (the date the requester needs it done). */
  readonly requestedBy: boolean
  /** Whether the ticket may run on a workaround (an incident) or record one (a problem's known error). */
  readonly workaround: boolean
  /** Whether the ticket may be linked to a problem as one of the tickets the problem causes. */
  readonly problemLink: boolean
}

/**
 * The rules of every ticket kind, as written in JSON: one {@link KindRule} per kind.
 *
 * @category models
 * @since 0.1.0
 */
export type KindRulesSpec = Readonly<Record<TicketKind, KindRule>>

/**
 * Checked kind rules: made by `makeKindRules` or `decodeKindRules`, or the
 * `defaultKindRules` constant. The ticket, SLA and workaround modules ask them questions
 * such as `needsPriority(kind)`.
 *
 * Two invariants hold: a kind with a response target has a requester (the target is a promise
 * to the requester), and a `problem` has no requester and is not linked to another problem.
 *
 * @category models
 * @since 0.1.0
 */
export interface KindRules {
  readonly _tag: 'KindRules'
  readonly kinds: KindRulesSpec
}
