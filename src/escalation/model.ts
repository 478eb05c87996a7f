import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Metric } from '../sla/index.js'
import type { Duration, Instant } from '../time/index.js'
import type { TicketId } from '../ticket/index.js'

/**
 * An outside party a tier stands for: the software `vendor` or a `thirdParty` (an internet
 * provider), and optionally its own resolution targets per priority (the underpinning contract).
 *
 * While such a tier holds a ticket the desk is, in effect, awaiting that party: the customer's
 * SLA may pause for it (`pauseWhileAwaiting`), but the tier's timebox keeps counting.
 *
 * @category models
 * @since 0.1.0
 */
export interface ExternalParty {
  readonly party: 'vendor' | 'thirdParty'
  /** The party's resolution target per priority name, in business time on the customer's calendar. */
  readonly underpinning?: Readonly<Record<string, Duration>>
}

/**
 * One level of the escalation ladder: the service desk (`L1`), second line, a solution team, the
 * software vendor. A timebox (business time on the agreement's calendar) says how long the tier
 * may hold a ticket before it moves on, such as the first line's 30 minutes.
 *
 * @category models
 * @since 0.1.0
 */
export interface EscalationTier {
  /** The tier's name as tickets record it (`Ticket.tier`, `TicketEscalated.toTier`). */
  readonly name: string
  readonly timebox?: Duration
  /** Present on tiers outside the organisation (a vendor, an internet provider). */
  readonly external?: ExternalParty
}

/**
 * The escalation ladder: tiers in the order a ticket climbs them, at least one, names unique.
 * Made by {@link makeTiers} or {@link decodeTiers}.
 *
 * @category models
 * @since 0.1.0
 */
export type Tiers = ReadonlyNonEmptyArray<EscalationTier>

import type { Audience } from '../internal/audience.js'

export type { Audience }

/**
 * Tell an audience when an SLA metric of the ticket passes a share of its target (`0.75`) or is
 * breached (`'breach'`). The notice is recorded with the reason `<metric>:<threshold>`, such as
 * `resolution:0.75` or `resolution:breach`.
 *
 * @category models
 * @since 0.1.0
 */
export interface NoticeRule {
  readonly metric: Metric
  /** A fraction of the target strictly between 0 and 1, or `'breach'`. */
  readonly threshold: number | 'breach'
  readonly audience: Audience
}

/**
 * What a priority demands at once: the lowest tier a ticket of that priority may sit in (a P1
 * goes straight to `L2`), who is told as soon as the ticket has the priority (the duty manager),
 * and whether its notices wait for the next business opening (a P1 pages immediately).
 *
 * @category models
 * @since 0.1.0
 */
export interface PriorityEscalation {
  readonly atLeast?: string
  readonly notify?: ReadonlyArray<Audience>
  /** Overrides the policy's `holdUntilOpen` for tickets of this priority. */
  readonly holdUntilOpen?: boolean
}

/**
 * An escalation policy: the ladder, the notices at SLA thresholds, the rules per priority name,
 * and whether notices wait until the agreement's calendar next opens (so no one is paged at
 * midnight for a weekdays-only contract). Made by {@link make} or {@link decodePolicy}.
 *
 * @category models
 * @since 0.1.0
 */
export interface EscalationPolicy {
  readonly _tag: 'EscalationPolicy'
  readonly name: string
  readonly tiers: Tiers
  readonly notices: ReadonlyArray<NoticeRule>
  readonly priorities: Readonly<Record<string, PriorityEscalation>>
  readonly holdUntilOpen: boolean
}

/**
 * Why a ticket should move up: its tier's timebox is spent (`spent` is the business time in the
 * tier at the evaluation instant), or its priority demands a higher tier.
 *
 * @category models
 * @since 0.1.0
 */
export type EscalationReason =
  | { readonly _tag: 'TimeboxExceeded'; readonly tier: string; readonly timebox: Duration; readonly spent: Duration }
  | { readonly _tag: 'PriorityDemands'; readonly priority: string; readonly atLeast: string }

/**
 * Decision: hand the ticket to a higher tier (functional escalation). `dueSince` is when it
 * became due: the instant the timebox ran out, or the priority was set. `awaiting` names the
 * outside party when the target tier is external.
 *
 * @category models
 * @since 0.1.0
 */
export interface EscalationDue {
  readonly _tag: 'EscalationDue'
  readonly ticketId: TicketId
  readonly fromTier: string
  readonly toTier: string
  readonly reason: EscalationReason
  readonly dueSince: Instant
  readonly awaiting?: 'vendor' | 'thirdParty'
}

/**
 * Why a policy sends a notice, as the `NoticeSent` event records it: a notice rule's metric and
 * threshold (`resolution:0.75`, `resolution:breach`) or the priority a rule notifies on
 * (`priority:P1`). A ticket's `notices` may hold other reasons too: any `Notify` the app records.
 *
 * @category models
 * @since 0.3.0
 */
export type NoticeReason = `${Metric}:${number}` | `${Metric}:breach` | `priority:${string}`

/**
 * Decision: tell someone up the line (hierarchical escalation). `reason` is what to record in
 * `NoticeSent` (`resolution:0.75`, `resolution:breach`, `priority:P1`); `dueSince` is when the
 * threshold was passed (or the priority set); `sendAt` is the evaluation instant, or the next
 * business opening when the notice is held.
 *
 * @category models
 * @since 0.1.0
 */
export interface NoticeDue {
  readonly _tag: 'NoticeDue'
  readonly ticketId: TicketId
  readonly audience: Audience
  readonly reason: NoticeReason
  readonly dueSince: Instant
  readonly sendAt: Instant
}

/**
 * What an escalation policy says is due for a ticket at an instant: plain JSON-serialisable data.
 *
 * @category models
 * @since 0.1.0
 */
export type Decision = EscalationDue | NoticeDue

/**
 * A ticket whose latest handover has no note (missing, empty or blank): possible only in
 * imported histories, since `Ticket.decide` refuses such an escalation.
 *
 * @category models
 * @since 0.1.0
 */
export interface MissingHandoverNote {
  readonly _tag: 'MissingHandoverNote'
  readonly ticketId: string
  readonly seq: number
  readonly at: Instant
  readonly toTier: string
  readonly message: string
}

/**
 * One tier's share of a composed agreement: its bound for the priority, from its timebox or its
 * underpinning contract.
 *
 * @category models
 * @since 0.1.0
 */
export interface CompositionPart {
  readonly tier: string
  readonly duration: Duration
  readonly source: 'timebox' | 'underpinning'
}

/**
 * Where the tiers cannot honour the customer's resolution target for a priority: their bounds
 * add up to more than the target (`TargetExceeded`), or a tier a ticket of that priority may
 * pass has no bound at all (`UnboundedTier`).
 *
 * @category models
 * @since 0.1.0
 */
export type CompositionViolation =
  | {
      readonly _tag: 'TargetExceeded'
      readonly priority: string
      readonly parts: ReadonlyArray<CompositionPart>
      readonly total: Duration
      readonly target: Duration
      readonly message: string
    }
  | { readonly _tag: 'UnboundedTier'; readonly priority: string; readonly tier: string; readonly message: string }
