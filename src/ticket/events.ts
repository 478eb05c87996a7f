import type { Audience } from '../internal/audience.js'
import type { Channel, TicketKind } from '../kind/index.js'
import type { Instant, LocalDate } from '../time/index.js'
import type { Actor, AwaitingParty, CloseReason, ResolutionCode, TicketId } from './model.js'

/**
 * What every ticket event carries: the ticket, its position in the ticket's history (1, 2, …),
 * when it happened and who did it.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventHeader {
  readonly ticketId: TicketId
  readonly seq: number
  readonly at: Instant
  readonly actor: Actor
}

/**
 * A ticket was born: by phone, chat, e-mail, the portal or monitoring.
 *
 * @category event sourcing
 * @since 0.1.0
 */
export interface TicketOpened extends EventHeader {
  readonly _tag: 'TicketOpened'
  readonly channel: Channel
  readonly customer: string
  readonly requester: string
  readonly title: string
  readonly tier: string
  readonly service?: string
  readonly affectedUsers?: number
  readonly kind?: TicketKind
  readonly requestedBy?: LocalDate
}

/** The ticket got its kind and category. @category event sourcing @since 0.1.0 */
export interface TicketClassified extends EventHeader {
  readonly _tag: 'TicketClassified'
  readonly kind: TicketKind
  readonly category?: string
}

/** Urgency and impact were set and the matrix gave the priority. @category event sourcing @since 0.1.0 */
export interface PrioritySet extends EventHeader {
  readonly _tag: 'PrioritySet'
  readonly urgency: string
  readonly impact: string
  readonly rank: number
  readonly name: string
  readonly label: string
}

/** The priority was set above (or below) the matrix, with a reason: a major incident. @category event sourcing @since 0.1.0 */
export interface PriorityOverridden extends EventHeader {
  readonly _tag: 'PriorityOverridden'
  readonly rank: number
  readonly name: string
  readonly label: string
  readonly reason: string
}

/** An agent took the ticket (or was given it) within its current tier. @category event sourcing @since 0.1.0 */
export interface TicketAssigned extends EventHeader {
  readonly _tag: 'TicketAssigned'
  readonly assignee: string
}

/** The ticket moved to another tier with a handover note. @category event sourcing @since 0.1.0 */
export interface TicketEscalated extends EventHeader {
  readonly _tag: 'TicketEscalated'
  readonly toTier: string
  readonly note: string
  readonly assignee?: string
}

/** The desk replied to the customer in public: the first one is the first response. @category event sourcing @since 0.1.0 */
export interface PublicReplySent extends EventHeader {
  readonly _tag: 'PublicReplySent'
  readonly message: string
}

/** An internal note, visible to the desk only (never a response to the customer). @category event sourcing @since 0.1.0 */
export interface InternalNoteAdded extends EventHeader {
  readonly _tag: 'InternalNoteAdded'
  readonly note: string
}

/** The desk started waiting for the customer, a third party or the vendor. @category event sourcing @since 0.1.0 */
export interface AwaitingStarted extends EventHeader {
  readonly _tag: 'AwaitingStarted'
  readonly party: AwaitingParty
  readonly reason?: string
}

/** Work resumed after waiting (the awaited party answered). @category event sourcing @since 0.1.0 */
export interface WorkResumed extends EventHeader {
  readonly _tag: 'WorkResumed'
}

/** A workaround restored service before the permanent fix. @category event sourcing @since 0.1.0 */
export interface WorkaroundApplied extends EventHeader {
  readonly _tag: 'WorkaroundApplied'
  readonly description: string
  readonly problemId?: TicketId
}

/**
 * Someone up the line was told about the ticket: the assignee, the team lead or the manager,
 * because an SLA clock passed a warning threshold or was breached (hierarchical escalation).
 * Recording it lets an escalation policy fire each notice once.
 *
 * @category event sourcing
 * @since 0.1.0
 */
export interface NoticeSent extends EventHeader {
  readonly _tag: 'NoticeSent'
  readonly audience: Audience
  /** What the notice is about, such as `resolution:0.75` or `resolution:breach`. */
  readonly reason: string
}

/** The workaround stopped working or was taken back; a ticket resolved by it reopens. @category event sourcing @since 0.1.0 */
export interface WorkaroundWithdrawn extends EventHeader {
  readonly _tag: 'WorkaroundWithdrawn'
  readonly reason: string
}

/** The root cause of a problem was found (the known error's cause). @category event sourcing @since 0.1.0 */
export interface RootCauseIdentified extends EventHeader {
  readonly _tag: 'RootCauseIdentified'
  readonly rootCause: string
}

/** The desk resolved the ticket with a code and a note. @category event sourcing @since 0.1.0 */
export interface TicketResolved extends EventHeader {
  readonly _tag: 'TicketResolved'
  readonly code: ResolutionCode
  readonly note: string
}

/** The customer rejected the resolution: the ticket is reopened. @category event sourcing @since 0.1.0 */
export interface ResolutionRejected extends EventHeader {
  readonly _tag: 'ResolutionRejected'
  readonly reason: string
}

/** An agent reopened a resolved ticket. @category event sourcing @since 0.1.0 */
export interface TicketReopened extends EventHeader {
  readonly _tag: 'TicketReopened'
  readonly reason: string
}

/** A resolved ticket closed: the customer confirmed, or stayed silent long enough. @category event sourcing @since 0.1.0 */
export interface TicketClosed extends EventHeader {
  readonly _tag: 'TicketClosed'
  readonly reason: CloseReason
}

/** The ticket was cancelled before it was resolved. @category event sourcing @since 0.1.0 */
export interface TicketCancelled extends EventHeader {
  readonly _tag: 'TicketCancelled'
  readonly reason: string
}

/** The customer rated the service, 1–5. @category event sourcing @since 0.1.0 */
export interface TicketRated extends EventHeader {
  readonly _tag: 'TicketRated'
  readonly score: number
  readonly comment?: string
}

/** The ticket was linked to a problem (the cause behind it). @category event sourcing @since 0.1.0 */
export interface LinkedToProblem extends EventHeader {
  readonly _tag: 'LinkedToProblem'
  readonly problemId: TicketId
}

/**
 * Everything that can happen to a ticket. Apps store these in any database; the ticket, its SLA
 * clocks and reports are pure functions of them.
 *
 * @category event sourcing
 * @since 0.1.0
 */
export type TicketEvent =
  | TicketOpened
  | TicketClassified
  | PrioritySet
  | PriorityOverridden
  | TicketAssigned
  | TicketEscalated
  | PublicReplySent
  | InternalNoteAdded
  | AwaitingStarted
  | WorkResumed
  | WorkaroundApplied
  | WorkaroundWithdrawn
  | RootCauseIdentified
  | TicketResolved
  | ResolutionRejected
  | TicketReopened
  | TicketClosed
  | TicketCancelled
  | TicketRated
  | LinkedToProblem
  | NoticeSent

/**
 * The `_tag` of every ticket event, in the order a ticket's life usually meets them.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket } from 'itsm-kit'
 * assert.strictEqual(Ticket.eventTags[0], 'TicketOpened')
 * assert.strictEqual(Ticket.eventTags.length, 21)
 * ```
 * @category constants
 * @since 0.1.0
 */
export const eventTags: ReadonlyArray<TicketEvent['_tag']> = [
  'TicketOpened',
  'TicketClassified',
  'PrioritySet',
  'PriorityOverridden',
  'TicketAssigned',
  'TicketEscalated',
  'PublicReplySent',
  'InternalNoteAdded',
  'AwaitingStarted',
  'WorkResumed',
  'WorkaroundApplied',
  'WorkaroundWithdrawn',
  'RootCauseIdentified',
  'TicketResolved',
  'ResolutionRejected',
  'TicketReopened',
  'TicketClosed',
  'TicketCancelled',
  'TicketRated',
  'LinkedToProblem',
  'NoticeSent'
]
