import { absurd } from 'fp-ts/lib/function.js'
import { isStateLike } from './context.js'
import type { TicketEvent, TicketOpened } from './events.js'
import type { Notice, Status, Ticket, TicketId, TicketState } from './model.js'
import { eventTags } from './events.js'

/**
 * The status a ticket has after an event: the one place the status transitions are written,
 * shared by {@link evolve} and the SLA clocks.
 *
 * @internal
 */
export const statusAfter = (status: Status, event: TicketEvent): Status => {
  const at = event.at
  switch (event._tag) {
    case 'TicketAssigned':
    case 'PublicReplySent':
      return status._tag === 'New' ? { _tag: 'InProgress', since: at } : status
    case 'TicketEscalated':
      return status._tag === 'New' && event.assignee !== undefined ? { _tag: 'InProgress', since: at } : status
    case 'AwaitingStarted':
      return { _tag: 'Awaiting', since: at, party: event.party }
    case 'WorkResumed':
      return { _tag: 'InProgress', since: at }
    case 'WorkaroundWithdrawn':
      // a ticket that rested on the workaround is open again
      return status._tag === 'Resolved' && status.code === 'workaround' ? { _tag: 'InProgress', since: at } : status
    case 'TicketResolved':
      return { _tag: 'Resolved', since: at, code: event.code, note: event.note }
    case 'ResolutionRejected':
    case 'TicketReopened':
      return { _tag: 'InProgress', since: at }
    case 'TicketClosed':
      return { _tag: 'Closed', since: at, reason: event.reason }
    case 'TicketCancelled':
      return { _tag: 'Cancelled', since: at, reason: event.reason }
    default:
      return status
  }
}

const TAGS = new Set<string>(eventTags)

/**
 * Whether a value is enough of an event for {@link evolve} to apply it without throwing: an
 * object with a known `_tag` (and, for a notice, text to write). `evolve` checks no more.
 */
const isEventLike = (u: unknown): u is TicketEvent => {
  if (typeof u !== 'object' || u === null) return false
  const tag = (u as { readonly _tag?: unknown })._tag
  if (typeof tag !== 'string' || !TAGS.has(tag)) return false
  if (tag !== 'NoticeSent') return true
  const n = u as { readonly audience?: unknown; readonly reason?: unknown }
  return typeof n.audience === 'string' && typeof n.reason === 'string'
}

/**
 * A ticket being built in place: `replay` and `runEvents` change one of these event by event,
 * so that a history of n events costs O(n). Optional fields may hold `undefined`; the lists are
 * owned by the draft.
 *
 * @internal
 */
export type Draft = { -readonly [K in keyof Ticket]: Ticket[K] }

const clear = (t: Draft, key: 'assignee' | 'workaround'): void => {
  if (t[key] !== undefined) (t as Record<string, unknown>)[key] = undefined
}

/**
 * A copy of a ticket in a fixed field order (optional fields only when present): the shape a
 * stored ticket has. `slots` in apply.ts lists the same fields in the same order with every
 * optional one present (one hidden class for replay's drafts); its type makes it list them all.
 *
 * @internal
 */
export const draft = (s: Ticket): Draft => {
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
    problemIds: s.problemIds,
    notices: s.notices
  }
  if (s.service !== undefined) t.service = s.service
  if (s.affectedUsers !== undefined) t.affectedUsers = s.affectedUsers
  if (s.kind !== undefined) t.kind = s.kind
  if (s.category !== undefined) t.category = s.category
  if (s.requestedBy !== undefined) t.requestedBy = s.requestedBy
  if (s.urgency !== undefined) t.urgency = s.urgency
  if (s.impact !== undefined) t.impact = s.impact
  if (s.priority !== undefined) t.priority = s.priority
  if (s.assignee !== undefined) t.assignee = s.assignee
  if (s.firstResponseAt !== undefined) t.firstResponseAt = s.firstResponseAt
  if (s.resolvedAt !== undefined) t.resolvedAt = s.resolvedAt
  if (s.closedAt !== undefined) t.closedAt = s.closedAt
  if (s.handoverNote !== undefined) t.handoverNote = s.handoverNote
  if (s.workaround !== undefined) t.workaround = s.workaround
  if (s.rootCause !== undefined) t.rootCause = s.rootCause
  if (s.rating !== undefined) t.rating = s.rating
  return t
}

/** The ticket a TicketOpened event opens. @internal */
export const opened = (event: TicketOpened): Ticket => ({
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
  problemIds: [],
  notices: []
})

/**
 * Applies an event other than `TicketOpened` to a draft, in place. With `owned` lists the
 * draft's lists grow in place (amortised O(1)); otherwise they are copied first.
 *
 * @internal
 */
export const step = (t: Draft, event: TicketEvent, owned: boolean): void => {
  const before = t.status
  t.version = t.version + 1
  t.updatedAt = event.at
  t.status = statusAfter(before, event)
  // a resolved ticket that is in progress again was reopened
  if (before._tag === 'Resolved' && t.status._tag === 'InProgress') t.reopenCount = t.reopenCount + 1
  switch (event._tag) {
    case 'TicketOpened':
      return
    case 'TicketClassified':
      t.kind = event.kind
      if (event.category !== undefined) t.category = event.category
      return
    case 'PrioritySet':
      t.urgency = event.urgency
      t.impact = event.impact
      t.priority = { rank: event.rank, name: event.name, label: event.label, source: 'matrix' }
      return
    case 'PriorityOverridden':
      t.priority = { rank: event.rank, name: event.name, label: event.label, source: 'override', reason: event.reason }
      return
    case 'TicketAssigned':
      t.assignee = event.assignee
      return
    case 'TicketEscalated':
      // the previous assignee stays behind: the new tier picks the ticket up
      t.tier = event.toTier
      t.handoverNote = event.note
      t.escalationCount = t.escalationCount + 1
      if (event.assignee !== undefined) t.assignee = event.assignee
      else clear(t, 'assignee')
      return
    case 'PublicReplySent':
      if (t.firstResponseAt === undefined) t.firstResponseAt = event.at
      return
    case 'WorkaroundApplied':
      t.workaround =
        event.problemId === undefined
          ? { description: event.description, appliedAt: event.at }
          : { description: event.description, appliedAt: event.at, problemId: event.problemId }
      return
    case 'WorkaroundWithdrawn':
      clear(t, 'workaround')
      return
    case 'RootCauseIdentified':
      t.rootCause = event.rootCause
      return
    case 'TicketResolved':
      t.resolvedAt = event.at
      return
    case 'TicketClosed':
      t.closedAt = event.at
      return
    case 'TicketRated':
      t.rating =
        event.comment === undefined
          ? { score: event.score, at: event.at }
          : { score: event.score, at: event.at, comment: event.comment }
      return
    case 'LinkedToProblem':
      if (owned) (t.problemIds as TicketId[]).push(event.problemId)
      else t.problemIds = [...t.problemIds, event.problemId]
      return
    case 'NoticeSent': {
      const notice: Notice = { audience: event.audience, reason: event.reason }
      if (owned) (t.notices as Notice[]).push(notice)
      else t.notices = [...t.notices, notice]
      return
    }
    case 'InternalNoteAdded':
    case 'AwaitingStarted':
    case 'WorkResumed':
    case 'ResolutionRejected':
    case 'TicketReopened':
    case 'TicketCancelled':
      return
    default:
      return absurd(event)
  }
}

/**
 * Applies one event to a ticket state, without checking it (a reducer: total, never fails).
 *
 * Use {@link replay} or {@link apply} for events you have not produced yourself: they check every
 * rule first: `evolve` applies an event as it is. An event other than `TicketOpened` on an
 * unopened state leaves it unchanged, and so does a value that is not a ticket event at all (or a
 * state that is not a ticket state).
 *
 * Each call copies the ticket (a fixed number of fields) and, for `NoticeSent` and
 * `LinkedToProblem`, the list it grows; {@link replay} and {@link runEvents} apply long
 * histories in linear time instead.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = Ticket.evolve(Ticket.initial, {
 *   _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1'
 * })
 * assert.strictEqual(opened._tag === 'Ticket' && opened.status._tag, 'New')
 * ```
 * @category event sourcing
 * @since 0.1.0
 */
export const evolve = (state: TicketState, event: TicketEvent): TicketState => {
  try {
    if (!isStateLike(state) || !isEventLike(event)) return state
    if (state._tag === 'Unopened') return event._tag === 'TicketOpened' ? opened(event) : state
    if (event._tag === 'TicketOpened') return state
    // a fresh draft of the next state, changed in place: spreading a ticket-sized object with
    // overrides costs V8 about 50 times more than this fixed-order copy (see bench/tickets.ts)
    const t = draft(state)
    step(t, event, false)
    // a field the event cleared is left out, not kept as undefined
    return (t.assignee === undefined && state.assignee !== undefined) ||
      (t.workaround === undefined && state.workaround !== undefined)
      ? draft(t)
      : t
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller)
    return state
  }
}
