import type { Audience } from '../internal/audience.js'
import type { Channel, TicketKind } from '../kind/index.js'
import type { Instant, LocalDate } from '../time/index.js'
import type { Actor, AwaitingParty, ResolutionCode, TicketId } from './model.js'

/** What every command carries: when it happens and who does it. @category models @since 0.1.0 */
export interface CommandHeader {
  readonly at: Instant
  readonly actor: Actor
}

/** Open a ticket (the first tier is the context's, `L1` by default, unless given). @category models @since 0.1.0 */
export interface Open extends CommandHeader {
  readonly _tag: 'Open'
  readonly ticketId: TicketId
  readonly channel: Channel
  readonly customer: string
  readonly requester: string
  readonly title: string
  readonly tier?: string
  readonly service?: string
  readonly affectedUsers?: number
  readonly kind?: TicketKind
  readonly requestedBy?: LocalDate
}
/** Set the kind and category. @category models @since 0.1.0 */
export interface Classify extends CommandHeader {
  readonly _tag: 'Classify'
  readonly kind: TicketKind
  readonly category?: string
}
/** Set urgency and impact; the priority follows from the context's matrix. @category models @since 0.1.0 */
export interface Prioritise extends CommandHeader {
  readonly _tag: 'Prioritise'
  readonly urgency: string
  readonly impact: string
}
/** Set a priority of the matrix by name, above the matrix result, with a mandatory reason. @category models @since 0.1.0 */
export interface OverridePriority extends CommandHeader {
  readonly _tag: 'OverridePriority'
  readonly priority: string
  readonly reason: string
}
/** Give the ticket to an agent within its tier. @category models @since 0.1.0 */
export interface Assign extends CommandHeader {
  readonly _tag: 'Assign'
  readonly assignee: string
}
/** Hand the ticket to another tier with a handover note. @category models @since 0.1.0 */
export interface Escalate extends CommandHeader {
  readonly _tag: 'Escalate'
  readonly toTier: string
  readonly note: string
  readonly assignee?: string
}
/** Reply to the customer in public (the first reply is the first response). @category models @since 0.1.0 */
export interface Reply extends CommandHeader {
  readonly _tag: 'Reply'
  readonly message: string
}
/** Add an internal note. @category models @since 0.1.0 */
export interface AddNote extends CommandHeader {
  readonly _tag: 'AddNote'
  readonly note: string
}
/** Start waiting for the customer, a third party or the vendor. @category models @since 0.1.0 */
export interface Await extends CommandHeader {
  readonly _tag: 'Await'
  readonly party: AwaitingParty
  readonly reason?: string
}
/** Resume work after waiting. @category models @since 0.1.0 */
export interface Resume extends CommandHeader {
  readonly _tag: 'Resume'
}
/** Apply a workaround that restores service. @category models @since 0.1.0 */
export interface ApplyWorkaround extends CommandHeader {
  readonly _tag: 'ApplyWorkaround'
  readonly description: string
  readonly problemId?: TicketId
}
/** Record that the assignee, team lead or manager was told about the ticket, and why. @category models @since 0.1.0 */
export interface Notify extends CommandHeader {
  readonly _tag: 'Notify'
  readonly audience: Audience
  readonly reason: string
}
/** Withdraw the workaround in force; a ticket resolved by it reopens. @category models @since 0.1.0 */
export interface WithdrawWorkaround extends CommandHeader {
  readonly _tag: 'WithdrawWorkaround'
  readonly reason: string
}
/** Record the root cause of a problem. @category models @since 0.1.0 */
export interface IdentifyRootCause extends CommandHeader {
  readonly _tag: 'IdentifyRootCause'
  readonly rootCause: string
}
/** Resolve with a code and a note. @category models @since 0.1.0 */
export interface Resolve extends CommandHeader {
  readonly _tag: 'Resolve'
  readonly code: ResolutionCode
  readonly note: string
}
/** The customer confirms the resolution: the ticket closes. @category models @since 0.1.0 */
export interface Confirm extends CommandHeader {
  readonly _tag: 'Confirm'
}
/** The customer rejects the resolution: the ticket reopens. @category models @since 0.1.0 */
export interface Reject extends CommandHeader {
  readonly _tag: 'Reject'
  readonly reason: string
}
/** An agent reopens a resolved ticket. @category models @since 0.1.0 */
export interface Reopen extends CommandHeader {
  readonly _tag: 'Reopen'
  readonly reason: string
}
/** Close a resolved ticket after the context's business days of silence. @category models @since 0.1.0 */
export interface Close extends CommandHeader {
  readonly _tag: 'Close'
}
/** Cancel a ticket that is not resolved. @category models @since 0.1.0 */
export interface Cancel extends CommandHeader {
  readonly _tag: 'Cancel'
  readonly reason: string
}
/** The customer rates the service, 1–5. @category models @since 0.1.0 */
export interface Rate extends CommandHeader {
  readonly _tag: 'Rate'
  readonly score: number
  readonly comment?: string
}
/** Link an incident to the problem behind it. @category models @since 0.1.0 */
export interface LinkProblem extends CommandHeader {
  readonly _tag: 'LinkProblem'
  readonly problemId: TicketId
}

/**
 * Everything one can ask of a ticket. {@link decide} turns a command into events or an error.
 *
 * @category models
 * @since 0.1.0
 */
export type TicketCommand =
  | Open
  | Classify
  | Prioritise
  | OverridePriority
  | Assign
  | Escalate
  | Reply
  | AddNote
  | Await
  | Resume
  | ApplyWorkaround
  | WithdrawWorkaround
  | IdentifyRootCause
  | Resolve
  | Confirm
  | Reject
  | Reopen
  | Close
  | Cancel
  | Rate
  | LinkProblem
  | Notify
