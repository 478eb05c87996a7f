import type { TicketEvent } from './events.js'
import type { Ticket, TicketState } from './model.js'

/** @internal */
export const absurd = (x: never): never => x

type Draft = { -readonly [K in keyof Ticket]: Ticket[K] }

/** A copy of a ticket in a fixed field order (optional fields only when present), optionally without its assignee or workaround. */
const draft = (s: Ticket, withoutAssignee: boolean, withoutWorkaround: boolean): Draft => {
  const t: Draft = {
    _tag: 'Ticket',
    id: s.id,
    version: s.version,
    openedAt: s.openedAt,
    updatedAt: s.updatedAt,
    channel: s.channel,
    customer: s.customer,
    requester: s.requester,
    title: s.title,
    status: s.status,
    tier: s.tier,
    reopenCount: s.reopenCount,
    escalationCount: s.escalationCount,
    problemIds: s.problemIds
  }
  if (s.service !== undefined) t.service = s.service
  if (s.affectedUsers !== undefined) t.affectedUsers = s.affectedUsers
  if (s.kind !== undefined) t.kind = s.kind
  if (s.category !== undefined) t.category = s.category
  if (s.requestedBy !== undefined) t.requestedBy = s.requestedBy
  if (s.urgency !== undefined) t.urgency = s.urgency
  if (s.impact !== undefined) t.impact = s.impact
  if (s.priority !== undefined) t.priority = s.priority
  if (s.assignee !== undefined && !withoutAssignee) t.assignee = s.assignee
  if (s.firstResponseAt !== undefined) t.firstResponseAt = s.firstResponseAt
  if (s.resolvedAt !== undefined) t.resolvedAt = s.resolvedAt
  if (s.closedAt !== undefined) t.closedAt = s.closedAt
  if (s.handoverNote !== undefined) t.handoverNote = s.handoverNote
  if (s.workaround !== undefined && !withoutWorkaround) t.workaround = s.workaround
  if (s.rootCause !== undefined) t.rootCause = s.rootCause
  if (s.rating !== undefined) t.rating = s.rating
  return t
}

/**
 * Applies one event to a ticket state, without checking it (a reducer: total, never fails).
 *
 * Use {@link replay} or {@link apply} for events you have not produced yourself: they check every
 * rule first. An event other than `TicketOpened` on an unopened state leaves it unchanged.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket } from 'itsm-kit'
 * const opened = Ticket.evolve(Ticket.initial, {
 *   _tag: 'TicketOpened', ticketId: 'INC-1' as Ticket.TicketId, seq: 1, at: Date.UTC(2025, 2, 7, 8) as never,
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1'
 * })
 * assert.strictEqual(opened._tag === 'Ticket' && opened.status._tag, 'New')
 * ```
 * @category event sourcing
 * @since 0.1.0
 */
export const evolve = (state: TicketState, event: TicketEvent): TicketState => {
  if (state._tag === 'Unopened') {
    if (event._tag !== 'TicketOpened') return state
    return {
      _tag: 'Ticket',
      id: event.ticketId,
      version: 1,
      openedAt: event.at,
      updatedAt: event.at,
      channel: event.channel,
      customer: event.customer,
      requester: event.requester,
      title: event.title,
      ...(event.service === undefined ? {} : { service: event.service }),
      ...(event.affectedUsers === undefined ? {} : { affectedUsers: event.affectedUsers }),
      ...(event.kind === undefined ? {} : { kind: event.kind }),
      ...(event.requestedBy === undefined ? {} : { requestedBy: event.requestedBy }),
      status: { _tag: 'New', since: event.at },
      tier: event.tier,
      reopenCount: 0,
      escalationCount: 0,
      problemIds: []
    }
  }
  // a fresh draft of the next state, changed in place below: spreading a ticket-sized object
  // with overrides costs V8 about 50 times more than this fixed-order copy (see bench/tickets.ts)
  const t = draft(state, event._tag === 'TicketEscalated', event._tag === 'WorkaroundWithdrawn')
  t.version = state.version + 1
  t.updatedAt = event.at
  switch (event._tag) {
    case 'TicketOpened':
      return state
    case 'TicketClassified':
      t.kind = event.kind
      if (event.category !== undefined) t.category = event.category
      return t
    case 'PrioritySet':
      t.urgency = event.urgency
      t.impact = event.impact
      t.priority = { rank: event.rank, name: event.name, label: event.label, source: 'matrix' }
      return t
    case 'PriorityOverridden':
      t.priority = { rank: event.rank, name: event.name, label: event.label, source: 'override', reason: event.reason }
      return t
    case 'TicketAssigned':
      t.assignee = event.assignee
      if (t.status._tag === 'New') t.status = { _tag: 'InProgress', since: event.at }
      return t
    case 'TicketEscalated':
      // the draft left the previous assignee out: the new tier picks the ticket up
      t.tier = event.toTier
      t.handoverNote = event.note
      t.escalationCount = state.escalationCount + 1
      if (event.assignee !== undefined) {
        t.assignee = event.assignee
        if (t.status._tag === 'New') t.status = { _tag: 'InProgress', since: event.at }
      }
      return t
    case 'PublicReplySent':
      if (t.firstResponseAt === undefined) t.firstResponseAt = event.at
      if (t.status._tag === 'New') t.status = { _tag: 'InProgress', since: event.at }
      return t
    case 'InternalNoteAdded':
      return t
    case 'AwaitingStarted':
      t.status = { _tag: 'Awaiting', since: event.at, party: event.party }
      return t
    case 'WorkResumed':
      t.status = { _tag: 'InProgress', since: event.at }
      return t
    case 'WorkaroundApplied':
      t.workaround =
        event.problemId === undefined
          ? { description: event.description, appliedAt: event.at }
          : { description: event.description, appliedAt: event.at, problemId: event.problemId }
      return t
    case 'WorkaroundWithdrawn':
      // the draft left the workaround out; a ticket that rested on it is open again
      if (t.status._tag === 'Resolved' && t.status.code === 'workaround') {
        t.reopenCount = state.reopenCount + 1
        t.status = { _tag: 'InProgress', since: event.at }
      }
      return t
    case 'RootCauseIdentified':
      t.rootCause = event.rootCause
      return t
    case 'TicketResolved':
      t.resolvedAt = event.at
      t.status = { _tag: 'Resolved', since: event.at, code: event.code, note: event.note }
      return t
    case 'ResolutionRejected':
    case 'TicketReopened':
      t.reopenCount = state.reopenCount + 1
      t.status = { _tag: 'InProgress', since: event.at }
      return t
    case 'TicketClosed':
      t.closedAt = event.at
      t.status = { _tag: 'Closed', since: event.at, reason: event.reason }
      return t
    case 'TicketCancelled':
      t.status = { _tag: 'Cancelled', since: event.at, reason: event.reason }
      return t
    case 'TicketRated':
      t.rating = event.comment === undefined ? { score: event.score, at: event.at } : { score: event.score, at: event.at, comment: event.comment }
      return t
    case 'LinkedToProblem':
      t.problemIds = [...state.problemIds, event.problemId]
      return t
    default:
      return absurd(event)
  }
}
