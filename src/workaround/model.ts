import type { BusinessCalendar } from '../calendar/index.js'
import type { Actor, DecideContext, Status, TicketEvent, TicketId } from '../ticket/index.js'
import type { Duration, Instant } from '../time/index.js'
import type { WorkaroundError } from './errors.js'

/**
 * Where a problem stands as a known error:
 *
 * - `open` — not resolved, no workaround in force (the root cause may be known);
 * - `workaroundAvailable` — a workaround is in force and the problem is not fixed yet (also
 *   when the problem itself was resolved with code `workaround`);
 * - `fixed` — the problem is resolved with code `fixed`: the permanent fix shipped;
 * - `closed` — closed, cancelled, or resolved with another code (`duplicate`, `noFaultFound`, …).
 *   A closed problem no longer carries its resolution code, so a fixed problem that was then
 *   closed is `closed`.
 *
 * @category models
 * @since 0.1.0
 */
export type KnownErrorStatus = 'open' | 'workaroundAvailable' | 'fixed' | 'closed'

/**
 * An incident linked to a problem, as a known error lists it.
 *
 * @category models
 * @since 0.1.0
 */
export interface LinkedIncident {
  readonly ticketId: TicketId
  readonly customer: string
  readonly status: Status['_tag']
  /** Whether the incident runs on this problem's workaround now. */
  readonly onWorkaround: boolean
}

/**
 * A problem seen as a known error: its symptom, its root cause once known, the workaround that
 * restores service until the permanent fix, and the incidents linked to it (sorted by id).
 *
 * @category models
 * @since 0.1.0
 */
export interface KnownError {
  readonly _tag: 'KnownError'
  readonly problemId: TicketId
  /** The problem's title: what users see. */
  readonly symptom: string
  readonly status: KnownErrorStatus
  readonly rootCause?: string
  readonly workaround?: { readonly description: string; readonly appliedAt: Instant }
  readonly incidents: ReadonlyArray<LinkedIncident>
}

/**
 * A problem ranked by how many incidents link to it: the recurring issues to eliminate first.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecurringProblem {
  readonly problemId: TicketId
  readonly symptom: string
  readonly status: KnownErrorStatus
  /** How many incidents link to the problem. */
  readonly incidents: number
  /** How many of them are not closed or cancelled. */
  readonly openIncidents: number
  /** The linked incidents, sorted by id. */
  readonly incidentIds: ReadonlyArray<TicketId>
}

/**
 * A ticket running on a workaround, with the workaround's age in business time at `now`.
 *
 * @category models
 * @since 0.1.0
 */
export interface RunningWorkaround {
  readonly ticketId: TicketId
  readonly title: string
  readonly status: Status['_tag']
  readonly description: string
  readonly appliedAt: Instant
  /** The problem (known error) whose workaround it is, if any. */
  readonly problemId?: TicketId
  /** Business time on the customer's calendar from `appliedAt` to `now`; zero if `now` is earlier. */
  readonly age: Duration
}

/**
 * One customer's tickets running on a workaround, the oldest first.
 *
 * @category models
 * @since 0.1.0
 */
export interface CustomerWorkarounds {
  readonly customer: string
  readonly tickets: ReadonlyArray<RunningWorkaround>
}

/**
 * The calendar workaround ages are counted on: one for every customer, or one per customer (a
 * 24/7 contract for one, office hours for another).
 *
 * @category models
 * @since 0.1.0
 */
export type CustomerCalendar = BusinessCalendar | ((customer: string) => BusinessCalendar)

/**
 * An incident still running on a problem's workaround after the permanent fix shipped: to be
 * followed up (apply the fix, then resolve or confirm).
 *
 * @category models
 * @since 0.1.0
 */
export interface FollowUp {
  readonly ticketId: TicketId
  readonly customer: string
  readonly title: string
  /** `Resolved` means resolved with code `workaround`; otherwise the incident is still active. */
  readonly status: Status['_tag']
  readonly appliedAt: Instant
}

/**
 * The events one ticket accepted: store them after the ticket's history.
 *
 * @category models
 * @since 0.1.0
 */
export interface TicketEvents {
  readonly ticketId: TicketId
  readonly events: ReadonlyArray<TicketEvent>
}

/**
 * A ticket that refused a step, and why; it gets no events.
 *
 * @category models
 * @since 0.1.0
 */
export interface Refusal {
  readonly ticketId: TicketId
  readonly error: WorkaroundError
}

/**
 * A problem's workaround applied to the incidents linked to it, in one step: the events per
 * incident that accepted it and the refusals (sorted by ticket id). Each incident is all or
 * nothing: when asked to resolve too, an incident that refuses the resolution gets no events.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rollout {
  readonly _tag: 'Rollout'
  readonly problemId: TicketId
  readonly incidents: ReadonlyArray<TicketEvents>
  readonly refused: ReadonlyArray<Refusal>
}

/**
 * A workaround withdrawn from a problem and from every ticket that relied on it: the events for
 * the problem and per ticket, the tickets that reopen (they were resolved with code
 * `workaround`) and the refusals (sorted by ticket id).
 *
 * @category models
 * @since 0.1.0
 */
export interface Withdrawal {
  readonly _tag: 'Withdrawal'
  readonly problemId: TicketId
  readonly problem: TicketEvents
  readonly incidents: ReadonlyArray<TicketEvents>
  /** The tickets that were resolved by the workaround and reopen. */
  readonly reopened: ReadonlyArray<TicketId>
  readonly refused: ReadonlyArray<Refusal>
}

/**
 * When and by whom a problem's workaround is rolled out, whether each incident is also resolved
 * with code `workaround` (with this note), and the ticket rules to decide with
 * (`Ticket.defaultContext` unless given).
 *
 * @category models
 * @since 0.1.0
 */
export interface RolloutOptions {
  readonly at: Instant
  readonly actor: Actor
  readonly resolve?: { readonly note: string }
  readonly context?: DecideContext
}

/**
 * When, by whom and why a workaround is withdrawn (it stopped working), and the ticket rules to
 * decide with (`Ticket.defaultContext` unless given).
 *
 * @category models
 * @since 0.1.0
 */
export interface WithdrawOptions {
  readonly at: Instant
  readonly actor: Actor
  readonly reason: string
  readonly context?: DecideContext
}
