import type { TicketEvent } from './events.js'
import type { Ticket, TicketState } from './model.js'

/** @internal */
export const absurd = (x: never): never => x

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
  const t: Ticket = { ...state, version: state.version + 1, updatedAt: event.at }
  const inProgress = { _tag: 'InProgress', since: event.at } as const
  switch (event._tag) {
    case 'TicketOpened':
      return state
    case 'TicketClassified':
      return { ...t, kind: event.kind, ...(event.category === undefined ? {} : { category: event.category }) }
    case 'PrioritySet':
      return { ...t, urgency: event.urgency, impact: event.impact, priority: { rank: event.rank, name: event.name, label: event.label, source: 'matrix' } }
    case 'PriorityOverridden':
      return { ...t, priority: { rank: event.rank, name: event.name, label: event.label, source: 'override', reason: event.reason } }
    case 'TicketAssigned':
      return { ...t, assignee: event.assignee, status: t.status._tag === 'New' ? inProgress : t.status }
    case 'TicketEscalated': {
      const { assignee: _previous, ...rest } = t
      return {
        ...rest,
        tier: event.toTier,
        handoverNote: event.note,
        escalationCount: t.escalationCount + 1,
        ...(event.assignee === undefined ? {} : { assignee: event.assignee }),
        status: t.status._tag === 'New' && event.assignee !== undefined ? inProgress : t.status
      }
    }
    case 'PublicReplySent':
      return {
        ...t,
        firstResponseAt: t.firstResponseAt ?? event.at,
        status: t.status._tag === 'New' ? inProgress : t.status
      }
    case 'InternalNoteAdded':
      return t
    case 'AwaitingStarted':
      return { ...t, status: { _tag: 'Awaiting', since: event.at, party: event.party } }
    case 'WorkResumed':
      return { ...t, status: inProgress }
    case 'WorkaroundApplied':
      return {
        ...t,
        workaround: { description: event.description, appliedAt: event.at, ...(event.problemId === undefined ? {} : { problemId: event.problemId }) }
      }
    case 'TicketResolved':
      return { ...t, resolvedAt: event.at, status: { _tag: 'Resolved', since: event.at, code: event.code, note: event.note } }
    case 'ResolutionRejected':
    case 'TicketReopened':
      return { ...t, reopenCount: t.reopenCount + 1, status: inProgress }
    case 'TicketClosed':
      return { ...t, closedAt: event.at, status: { _tag: 'Closed', since: event.at, reason: event.reason } }
    case 'TicketCancelled':
      return { ...t, status: { _tag: 'Cancelled', since: event.at, reason: event.reason } }
    case 'TicketRated':
      return { ...t, rating: { score: event.score, at: event.at, ...(event.comment === undefined ? {} : { comment: event.comment }) } }
    case 'LinkedToProblem':
      return { ...t, problemIds: [...t.problemIds, event.problemId] }
    default:
      return absurd(event)
  }
}
