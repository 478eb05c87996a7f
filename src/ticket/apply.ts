import * as E from 'fp-ts/lib/Either.js'
import { absurd } from 'fp-ts/lib/function.js'
import type { Audience } from '../internal/audience.js'
import { decodeError, makeIssue } from '../internal/decodeError.js'
import { isBlank as blank } from '../internal/describe.js'
import { showInstant } from '../internal/instantText.js'
import { allowsPriority, allowsProblemLink, allowsRequestedBy, allowsWorkaround, hasRequester } from '../kind/index.js'
import type { KindRules } from '../kind/index.js'
import { lookup, priorityNamed } from '../priority/index.js'
import { isTicketState, resolveContext, type ReadContext } from './context.js'
import {
  emptyHistory,
  impossibleEvent,
  invalidEvent,
  invalidEventFrom,
  outOfOrder,
  type TicketError
} from './errors.js'
import type { TicketEvent, TicketOpened } from './events.js'
import { draft, opened, step, type Draft } from './evolve.js'
import type { Notice, Status, Ticket, TicketState } from './model.js'
import { eventProblems } from './shape.js'
import { isWellFormedEvent } from './wellFormed.js'

type Tag = Status['_tag']
const ACTIVE: ReadonlyArray<Tag> = ['New', 'InProgress', 'Awaiting']
const NOT_FINAL: ReadonlyArray<Tag> = ['New', 'InProgress', 'Awaiting', 'Resolved']
const activeWords = 'a new, in-progress or awaiting ticket'
const notFinalWords = 'a ticket that is not closed or cancelled'

const TEXT = 'a non-empty text'

/**
 * What a long replay knows besides the ticket: its notices and problem links as sets, so that
 * "already sent" and "already linked" are O(1) checks.
 *
 * @internal
 */
export interface Seen {
  /** Reasons of the notices sent, per audience. */
  readonly notices: Map<Audience, Set<string>>
  readonly problems: Set<string>
}

// a state a JavaScript caller passes is checked in constant time (its list items are not), so an
// item of a ticket's notices may be anything: what is not an object is no notice
const isItem = (n: unknown): n is object => typeof n === 'object' && n !== null

/** Records a notice in the sets. */
const see = (notices: Map<Audience, Set<string>>, n: Notice): void => {
  const reasons = notices.get(n.audience)
  if (reasons === undefined) notices.set(n.audience, new Set([n.reason]))
  else reasons.add(n.reason)
}

/** The sets of a ticket's notices and problem links. @internal */
export const seenOf = (ticket: Ticket): Seen => {
  const notices = new Map<Audience, Set<string>>()
  for (const n of ticket.notices) if (isItem(n)) see(notices, n)
  return { notices, problems: new Set(ticket.problemIds) }
}

const noticeSent = (seen: Seen, audience: Audience, reason: string): boolean =>
  seen.notices.get(audience)?.has(reason) === true

/** Whether a ticket's list holds the notice (a short history: no sets made). */
const listed = (notices: ReadonlyArray<Notice>, audience: Audience, reason: string): boolean =>
  notices.some((n) => isItem(n) && n.audience === audience && n.reason === reason)

/** The event may only happen in one of the `allowed` statuses. */
const requireStatus = (
  t: Ticket,
  e: TicketEvent,
  allowed: ReadonlyArray<Tag>,
  words: string
): TicketError | undefined => (allowed.includes(t.status._tag) ? undefined : impossibleEvent(e, t, words))

/** The first rule an event breaks in a state, or undefined when it may happen. @internal */
export const violation = (
  state: TicketState,
  e: TicketEvent,
  context: ReadContext,
  seen?: Seen
): TicketError | undefined => {
  const kinds: KindRules = context.kinds
  if (state._tag === 'Unopened') {
    if (e._tag !== 'TicketOpened') return impossibleEvent(e, state, 'the TicketOpened event first')
    if (e.seq !== 1) return outOfOrder(e, 'sequence number 1 for the first event', String(e.seq))
    for (const field of ['customer', 'requester', 'title', 'tier'] as const)
      if (blank(e[field])) return invalidEvent(e, field, TEXT, e[field])
    if (e.affectedUsers !== undefined && !(Number.isInteger(e.affectedUsers) && e.affectedUsers >= 0))
      return invalidEvent(e, 'affectedUsers', 'a whole number of users, 0 or more', e.affectedUsers)
    if (e.requestedBy !== undefined && e.kind !== undefined && !allowsRequestedBy(e.kind)(kinds))
      return invalidEvent(
        e,
        'requestedBy',
        'a requested-by date only on a kind that takes one (a service request)',
        e.kind
      )
    return undefined
  }
  const t: Ticket = state
  if (e.ticketId !== t.id)
    return outOfOrder(e, `an event of ticket ${t.id}`, `an event of ticket ${String(e.ticketId)}`)
  if (e.seq !== t.version + 1)
    return outOfOrder(
      e,
      `sequence number ${t.version + 1}`,
      e.seq <= t.version ? `${e.seq}, which an earlier event already has` : `${e.seq}, leaving a gap`
    )
  if (!(e.at >= t.updatedAt))
    return outOfOrder(e, `an instant at or after the previous event (${showInstant(t.updatedAt)})`, showInstant(e.at))
  switch (e._tag) {
    case 'TicketOpened':
      return impossibleEvent(e, t, 'a ticket that has not been opened yet')
    case 'TicketClassified': {
      // the new kind must accept what the ticket already carries
      const k = e.kind
      if (t.priority !== undefined && !allowsPriority(k)(kinds))
        return invalidEvent(e, 'kind', 'a kind that takes a priority, as the ticket has one', k)
      if (t.requestedBy !== undefined && !allowsRequestedBy(k)(kinds))
        return invalidEvent(e, 'kind', 'a kind that takes the ticket’s requested-by date', k)
      if (t.workaround !== undefined && !allowsWorkaround(k)(kinds))
        return invalidEvent(e, 'kind', 'a kind that takes the ticket’s workaround', k)
      if (t.problemIds.length > 0 && !allowsProblemLink(k)(kinds))
        return invalidEvent(e, 'kind', 'a kind that may link to the ticket’s problems', k)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    }
    case 'PrioritySet':
    case 'PriorityOverridden': {
      if (e._tag === 'PriorityOverridden' && blank(e.reason))
        return invalidEvent(e, 'reason', 'the reason for overriding the matrix', e.reason)
      // the levels and the priority must be the matrix's own, as decide made them
      const p =
        e._tag === 'PrioritySet' ? lookup(e.urgency, e.impact)(context.matrix) : priorityNamed(e.name)(context.matrix)
      if (E.isLeft(p))
        return invalidEventFrom(
          e,
          p.left._tag === 'DecodeError' ? '$' : e._tag === 'PrioritySet' ? p.left.path : 'name',
          p.left.message
        )
      const q = p.right
      if (q.name !== e.name)
        return invalidEvent(
          e,
          'name',
          `the priority the matrix gives ${e._tag === 'PrioritySet' ? `${e.urgency} × ${e.impact}` : 'it'} ("${q.name}")`,
          e.name
        )
      if (q.rank !== e.rank) return invalidEvent(e, 'rank', `the rank of ${q.name} in the matrix (${q.rank})`, e.rank)
      if (q.label !== e.label) return invalidEvent(e, 'label', `the label of ${q.name} in the matrix`, e.label)
      if (t.kind !== undefined && !allowsPriority(t.kind)(kinds))
        return invalidEvent(e, 'kind', 'a kind that takes a priority', t.kind)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    }
    case 'TicketAssigned':
      return blank(e.assignee)
        ? invalidEvent(e, 'assignee', TEXT, e.assignee)
        : requireStatus(t, e, ACTIVE, activeWords)
    case 'TicketEscalated':
      if (blank(e.note))
        return invalidEvent(e, 'note', 'a handover note, so the next tier can continue without asking again', e.note)
      if (blank(e.toTier)) return invalidEvent(e, 'toTier', TEXT, e.toTier)
      if (e.toTier === t.tier)
        return invalidEvent(e, 'toTier', `a tier other than the current one (${t.tier})`, e.toTier)
      return requireStatus(t, e, ACTIVE, activeWords)
    case 'PublicReplySent':
      if (e.actor.role === 'customer')
        return invalidEvent(e, 'actor.role', 'a reply by the desk (an agent or the system)', e.actor.role)
      return blank(e.message)
        ? invalidEvent(e, 'message', TEXT, e.message)
        : requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'InternalNoteAdded':
      return blank(e.note) ? invalidEvent(e, 'note', TEXT, e.note) : undefined
    case 'AwaitingStarted':
      return requireStatus(t, e, ['New', 'InProgress'], 'a new or in-progress ticket (not one that is already waiting)')
    case 'WorkResumed':
      return requireStatus(t, e, ['Awaiting'], 'a ticket that is awaiting someone')
    case 'WorkaroundApplied':
      if (blank(e.description)) return invalidEvent(e, 'description', 'a description of the workaround', e.description)
      if (t.kind !== undefined && !allowsWorkaround(t.kind)(kinds))
        return invalidEvent(e, 'kind', 'a kind that takes a workaround (an incident or a problem)', t.kind)
      return requireStatus(t, e, ACTIVE, activeWords)
    case 'NoticeSent':
      if (blank(e.reason)) return invalidEvent(e, 'reason', 'what the notice is about', e.reason)
      if (seen === undefined ? listed(t.notices, e.audience, e.reason) : noticeSent(seen, e.audience, e.reason))
        return invalidEvent(e, 'reason', `a notice not sent yet to the ${e.audience}`, e.reason)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'WorkaroundWithdrawn':
      if (blank(e.reason)) return invalidEvent(e, 'reason', TEXT, e.reason)
      if (t.workaround === undefined) return impossibleEvent(e, t, 'a ticket with a workaround in force')
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'RootCauseIdentified':
      if (blank(e.rootCause)) return invalidEvent(e, 'rootCause', 'a description of the root cause', e.rootCause)
      if (t.kind !== 'problem')
        return invalidEvent(
          e,
          'kind',
          'a problem (only problems carry a root cause)',
          t.kind ?? 'an unclassified ticket'
        )
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'TicketResolved':
      if (blank(e.note)) return invalidEvent(e, 'note', 'a resolution note', e.note)
      if (e.code === 'workaround' && t.workaround === undefined)
        return invalidEvent(e, 'code', 'a workaround applied before resolving with code "workaround"', e.code)
      return requireStatus(t, e, ACTIVE, activeWords)
    case 'ResolutionRejected':
    case 'TicketReopened':
      return blank(e.reason)
        ? invalidEvent(e, 'reason', TEXT, e.reason)
        : requireStatus(t, e, ['Resolved'], 'a resolved ticket')
    case 'TicketClosed':
      if (e.reason === 'confirmed' && e.actor.role === 'system')
        return invalidEvent(
          e,
          'actor.role',
          'a confirmation by the customer (or an agent on their behalf)',
          e.actor.role
        )
      return requireStatus(t, e, ['Resolved'], 'a resolved ticket (a ticket closes only after its resolution)')
    case 'TicketCancelled':
      return blank(e.reason) ? invalidEvent(e, 'reason', TEXT, e.reason) : requireStatus(t, e, ACTIVE, activeWords)
    case 'TicketRated':
      if (!(Number.isInteger(e.score) && e.score >= 1 && e.score <= 5))
        return invalidEvent(e, 'score', 'a whole number from 1 to 5', e.score)
      if (t.kind !== undefined && !hasRequester(t.kind)(kinds))
        return invalidEvent(e, 'kind', 'a kind with a requester to rate it', t.kind)
      if (t.rating !== undefined)
        return impossibleEvent(
          e,
          t,
          `a ticket not rated yet (it was rated ${String(t.rating.score)} at ${showInstant(t.rating.at)})`
        )
      return requireStatus(t, e, ['Resolved', 'Closed'], 'a resolved or closed ticket')
    case 'LinkedToProblem':
      if (e.problemId === t.id) return invalidEvent(e, 'problemId', 'another ticket than this one', e.problemId)
      if (seen === undefined ? t.problemIds.includes(e.problemId) : seen.problems.has(e.problemId))
        return invalidEvent(e, 'problemId', 'a problem not linked yet', e.problemId)
      if (t.kind !== undefined && !allowsProblemLink(t.kind)(kinds))
        return invalidEvent(e, 'kind', 'a kind that links to problems (an incident)', t.kind)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    default:
      return absurd(e)
  }
}

/**
 * Checks one event against a ticket state and applies it: the ticket after the event, or the
 * rule it breaks (impossible in this state, missing a note, out of order, a level or priority
 * the matrix does not have, …). What each kind of ticket may carry (a priority, a workaround, a
 * problem link, a requested-by date, a rating) comes from the kind rules. The second argument is
 * the context the events were decided in (`Ticket.defaultReadContext` unless given; kind rules
 * alone, as before 0.2.0, are read with the ITIL matrix). A malformed event or state is a
 * `DecodeError` naming the field.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const reply = { _tag: 'PublicReplySent', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, message: 'We are on it' } as const
 * assert.deepStrictEqual(pipe(Ticket.initial, Ticket.apply(reply), E.mapLeft((e) => e.message)), E.left(
 *   'ticket INC-1, event 1 (PublicReplySent at 2025-03-07T08:00:00Z): expected the TicketOpened event first, received a ticket that has not been opened'))
 * ```
 * @category event sourcing
 * @since 0.1.0
 */
export const apply =
  (event: TicketEvent, context?: ReadContext | KindRules) =>
  (self: TicketState): E.Either<TicketError, Ticket> => {
    const ctx = resolveContext(context)
    if (E.isLeft(ctx)) return ctx
    if (!isTicketState(self))
      return E.left(decodeError([makeIssue('state', 'a ticket state (Ticket.initial or a ticket)', self)]))
    const shape = eventProblems(event)
    if (shape !== undefined) return E.left(shape)
    const broken = violation(self, event, ctx.right)
    if (broken !== undefined) return E.left(broken)
    if (self._tag === 'Unopened') return E.right(opened(event as Parameters<typeof opened>[0]))
    const t = draft(self)
    step(t, event, false)
    // a field the event cleared is left out, not kept as undefined
    return E.right(draft(t))
  }

/**
 * A ticket being rebuilt in place from checked events: each event in amortised O(1). Plain
 * data and module functions (no closures per replay: replaying many short histories stays
 * cheap).
 *
 * @internal
 */
export interface Builder {
  readonly context: ReadContext
  /** The ticket so far (optional fields may hold undefined), or undefined before the opening. */
  t: Draft | undefined
  /** Sets of notices and problem links, made on the first event that needs them. */
  seen: Seen | undefined
}

/** A builder starting from a state (copied once) in a checked context. @internal */
export const builder = (context: ReadContext, from: TicketState): Builder => ({
  context,
  t: from._tag === 'Ticket' ? own(from) : undefined,
  seen: undefined
})

/** A draft in which every field of a ticket is an own property, absent ones holding undefined. */
type Slots = { [K in keyof Draft]-?: Draft[K] | undefined }

/**
 * A draft with lists of its own and every field in one fixed order, optional ones included (as
 * undefined when absent): the drafts of all replays then share one hidden class in V8, so the
 * rules and `step` read and write them without megamorphic lookups. `finish` copies the draft
 * into a ticket with the absent fields left out.
 */
const slots = (s: Slots): Draft => {
  const t: Slots = {
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
    notices: s.notices,
    service: s.service,
    affectedUsers: s.affectedUsers,
    kind: s.kind,
    category: s.category,
    requestedBy: s.requestedBy,
    urgency: s.urgency,
    impact: s.impact,
    priority: s.priority,
    assignee: s.assignee,
    firstResponseAt: s.firstResponseAt,
    resolvedAt: s.resolvedAt,
    closedAt: s.closedAt,
    handoverNote: s.handoverNote,
    workaround: s.workaround,
    rootCause: s.rootCause,
    rating: s.rating
  }
  return t as Draft
}

/** A draft of a ticket with lists of its own. */
const own = (ticket: Ticket): Draft => {
  const t = slots(ticket as Slots)
  t.problemIds = [...ticket.problemIds]
  t.notices = [...ticket.notices]
  return t
}

/** The draft of the ticket a TicketOpened event opens (what `own(opened(e))` holds), without the ticket in between. */
const openedDraft = (e: TicketOpened): Draft =>
  slots({
    _tag: 'Ticket',
    id: e.ticketId,
    version: 1,
    openedAt: e.at,
    updatedAt: e.at,
    channel: e.channel,
    customer: e.customer,
    requester: e.requester,
    title: e.title,
    status: { _tag: 'New', since: e.at },
    tier: e.tier,
    reopenCount: 0,
    escalationCount: 0,
    problemIds: [],
    notices: [],
    service: e.service,
    affectedUsers: e.affectedUsers,
    kind: e.kind,
    category: undefined,
    requestedBy: e.requestedBy,
    urgency: undefined,
    impact: undefined,
    priority: undefined,
    assignee: undefined,
    firstResponseAt: undefined,
    resolvedAt: undefined,
    closedAt: undefined,
    handoverNote: undefined,
    workaround: undefined,
    rootCause: undefined,
    rating: undefined
  })

const UNOPENED: TicketState = { _tag: 'Unopened' }

/** The state so far, as the rules read it. @internal */
export const current = (b: Builder): TicketState => b.t ?? UNOPENED

/**
 * Checks one event (its shape, issues under `[index]` when given, then the rules) and applies
 * it. `wellFormed` skips the shape check, for events `decide` built from a checked command and
 * context.
 *
 * @internal
 */
export const push = (b: Builder, event: unknown, index?: number, wellFormed = false): TicketError | undefined => {
  // the fast guard accepts exactly what the codec's guard accepts; the codec then says what is wrong
  if (!wellFormed && !isWellFormedEvent(event, b.t?.id)) {
    const shape = eventProblems(event, index === undefined ? undefined : `[${index}]`)
    if (shape !== undefined) return shape
  }
  const e = event as TicketEvent
  const t = b.t
  if (t !== undefined && b.seen === undefined && (e._tag === 'NoticeSent' || e._tag === 'LinkedToProblem'))
    b.seen = seenOf(t)
  const broken = violation(t ?? UNOPENED, e, b.context, b.seen)
  if (broken !== undefined) return broken
  if (t === undefined) {
    if (e._tag === 'TicketOpened') b.t = openedDraft(e)
    return undefined
  }
  step(t, e, true)
  const seen = b.seen
  if (seen !== undefined)
    if (e._tag === 'NoticeSent') see(seen.notices, e)
    else if (e._tag === 'LinkedToProblem') seen.problems.add(e.problemId)
  return undefined
}

/** The ticket state at the end; the builder must not be used after. @internal */
export const finish = (b: Builder): TicketState => (b.t === undefined ? UNOPENED : draft(b.t))

/** {@link replay} with the events first: what the library calls inside. @internal */
export const replayEvents = (
  events: ReadonlyArray<TicketEvent>,
  context?: ReadContext | KindRules
): E.Either<TicketError, Ticket> => {
  const ctx = resolveContext(context)
  if (E.isLeft(ctx)) return ctx
  if (!Array.isArray(events)) return E.left(decodeError([makeIssue('events', 'a list of ticket events', events)]))
  const b = builder(ctx.right, UNOPENED)
  for (let i = 0; i < events.length; i++) {
    const broken = push(b, events[i], i)
    if (broken !== undefined) return E.left(broken)
  }
  const state = finish(b)
  return state._tag === 'Unopened' ? E.left(emptyHistory()) : E.right(state)
}

/**
 * Rebuilds a ticket from its events, checking every rule on the way, in the context the events
 * were decided in (`Ticket.defaultReadContext` unless given: the same matrix and kind rules as
 * `Ticket.defaultContext`; a `DecideContext` will do). Every level, priority, kind and channel is
 * checked again, so a misspelt level in a stored event is an error, never a ticket. An impossible
 * history is an error naming the ticket, the event and the state, never silently repaired; a
 * malformed event is a `DecodeError` whose paths start with its index (`[3].at`). Linear in the
 * number of events. Data-last: `pipe(events, Ticket.replay()(context))`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const header = (seq: number, hhmm: string) => ({ ticketId: Ticket.ticketId('INC-1'), seq, at: Time.instant(`2025-03-07T${hhmm}:00Z`), actor: { role: 'agent', id: 'kari' } } as const)
 * const events: ReadonlyArray<Ticket.TicketEvent> = [
 *   { _tag: 'TicketOpened', ...header(1, '08:00'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' },
 *   { _tag: 'PrioritySet', ...header(2, '08:05'), urgency: 'high', impact: 'urgnet', rank: 1, name: 'P1', label: 'critical' }
 * ]
 * assert.deepStrictEqual(pipe(Ticket.replay(Ticket.defaultContext)(events), E.mapLeft((e) => e.message)), E.left(
 *   'ticket INC-1, event 2 (PrioritySet at 2025-03-07T08:05:00Z): impact: expected one of the impacts "high" | "medium" | "low", received "urgnet"'))
 * ```
 * @category event sourcing
 * @since 0.1.0 (`replay(events, context)` until 0.3.0)
 */
export const replay =
  (context?: ReadContext | KindRules) =>
  (events: ReadonlyArray<TicketEvent>): E.Either<TicketError, Ticket> =>
    replayEvents(events, context)
