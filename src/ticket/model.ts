import type { Audience } from '../internal/audience.js'
import type { Channel, TicketKind } from '../kind/index.js'
import type { Instant, LocalDate } from '../time/index.js'

/**
 * A ticket's identifier, such as `INC-42`: 1–100 printable characters.
 *
 * @category models
 * @since 0.1.0
 */
export type TicketId = string & { readonly TicketId: unique symbol }

/**
 * Who did something: an agent of the desk, the customer (requester), or the system (automation,
 * monitoring, scheduled jobs).
 *
 * @category models
 * @since 0.1.0
 */
export interface Actor {
  readonly role: 'agent' | 'customer' | 'system'
  readonly id: string
}

/**
 * Whom the desk waits for while a ticket is awaiting: the customer, a third party (an internet
 * provider) or the software vendor.
 *
 * @category models
 * @since 0.1.0
 */
export type AwaitingParty = 'customer' | 'thirdParty' | 'vendor'

/**
 * Every {@link AwaitingParty}, in the order above.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket } from 'itsm-kit'
 * assert.deepStrictEqual(Ticket.awaitingParties, ['customer', 'thirdParty', 'vendor'])
 * ```
 * @category models
 * @since 0.3.0
 */
export const awaitingParties: ReadonlyArray<AwaitingParty> = ['customer', 'thirdParty', 'vendor']

/**
 * Why a ticket was resolved.
 *
 * @category models
 * @since 0.1.0
 */
export type ResolutionCode =
  'fixed' | 'workaround' | 'answered' | 'fulfilled' | 'noFaultFound' | 'duplicate' | 'cancelledByCustomer' | 'other'

/**
 * A priority as the ticket records it: its rank (1 = most pressing) and name, where it came
 * from, and the urgency and impact or the reason behind it.
 *
 * @category models
 * @since 0.1.0
 */
export interface TicketPriority {
  readonly rank: number
  readonly name: string
  readonly label: string
  readonly source: 'matrix' | 'override'
  /** Why an override was made (a major incident), when `source` is `override`. */
  readonly reason?: string
}

/**
 * Where a ticket is in its life, and since when.
 *
 * @category models
 * @since 0.1.0
 */
export type Status =
  | { readonly _tag: 'New'; readonly since: Instant }
  | { readonly _tag: 'InProgress'; readonly since: Instant }
  | { readonly _tag: 'Awaiting'; readonly since: Instant; readonly party: AwaitingParty }
  | { readonly _tag: 'Resolved'; readonly since: Instant; readonly code: ResolutionCode; readonly note: string }
  | { readonly _tag: 'Closed'; readonly since: Instant; readonly reason: CloseReason }
  | { readonly _tag: 'Cancelled'; readonly since: Instant; readonly reason: string }

/**
 * How a resolved ticket was closed: the customer confirmed, or stayed silent long enough.
 *
 * @category models
 * @since 0.1.0
 */
export type CloseReason = 'confirmed' | 'silence'

/**
 * A workaround in force: a temporary fix that restores service until the permanent one.
 *
 * @category models
 * @since 0.1.0
 */
export interface AppliedWorkaround {
  readonly description: string
  readonly appliedAt: Instant
  /** The problem (known error) whose workaround this is, if any. */
  readonly problemId?: TicketId
}

/**
 * A customer's satisfaction rating, 1 (poor) to 5 (excellent).
 *
 * @category models
 * @since 0.1.0
 */
export interface Rating {
  readonly score: number
  readonly comment?: string
  readonly at: Instant
}

/**
 * A notice a ticket was sent up the line (a `NoticeSent` event): to whom, and why. The ticket
 * keeps the reason as the `Notify` command gave it; the escalation policy writes
 * `<metric>:<threshold>` (`resolution:0.75`, `resolution:breach`) or `priority:<name>`.
 *
 * @category models
 * @since 0.3.0
 */
export interface Notice {
  readonly audience: Audience
  readonly reason: string
}

/**
 * A ticket as rebuilt from its events: plain, JSON-serialisable data.
 *
 * @category models
 * @since 0.1.0
 */
export interface Ticket {
  readonly _tag: 'Ticket'
  readonly id: TicketId
  /** Number of events applied; the next event's `seq` is `version + 1`. */
  readonly version: number
  readonly openedAt: Instant
  /** Instant of the latest event. */
  readonly updatedAt: Instant
  readonly channel: Channel
  readonly customer: string
  readonly requester: string
  readonly title: string
  readonly service?: string
  readonly affectedUsers?: number
  readonly kind?: TicketKind
  readonly category?: string
  readonly requestedBy?: LocalDate
  readonly urgency?: string
  readonly impact?: string
  readonly priority?: TicketPriority
  readonly status: Status
  readonly tier: string
  readonly assignee?: string
  readonly firstResponseAt?: Instant
  /** The latest resolution, kept after a reopening until the next one. */
  readonly resolvedAt?: Instant
  readonly closedAt?: Instant
  readonly reopenCount: number
  readonly escalationCount: number
  /**
   * Every notice sent up the line, in the order sent, such as
   * `{ audience: 'manager', reason: 'resolution:breach' }` (until 0.3.0 the text
   * `manager/resolution:breach`, which `decodeTicket` still reads).
   */
  readonly notices: ReadonlyArray<Notice>
  /** The note of the latest handover between tiers. */
  readonly handoverNote?: string
  readonly workaround?: AppliedWorkaround
  /** For a problem: its root cause, once known. */
  readonly rootCause?: string
  readonly problemIds: ReadonlyArray<TicketId>
  readonly rating?: Rating
}

/**
 * The state before a ticket's first event.
 *
 * @category models
 * @since 0.1.0
 */
export interface Unopened {
  readonly _tag: 'Unopened'
}

/**
 * A ticket, or nothing yet: the state `decide` and `evolve` work on.
 *
 * @category models
 * @since 0.1.0
 */
export type TicketState = Unopened | Ticket

/**
 * The state before any event: the start of every replay.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket } from 'itsm-kit'
 * assert.deepStrictEqual(Ticket.initial, { _tag: 'Unopened' })
 * ```
 * @category constants
 * @since 0.1.0
 */
export const initial: TicketState = { _tag: 'Unopened' }
