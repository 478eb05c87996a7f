import * as E from 'fp-ts/lib/Either.js'
import { absurd } from 'fp-ts/lib/function.js'
import { isBlank as blank } from '../codec/describe.js'
import { allowsPriority, allowsProblemLink, allowsRequestedBy, allowsWorkaround, defaultKindRules, hasRequester } from '../classification/kinds.js'
import type { KindRules } from '../classification/model.js'
import { toISO } from '../time/constructors.js'
import { emptyHistory, impossibleEvent, invalidEvent, outOfOrder, type TicketError } from './errors.js'
import type { TicketEvent } from './events.js'
import { evolve } from './evolve.js'
import type { Status, Ticket, TicketState } from './model.js'

type Tag = Status['_tag']
const ACTIVE: ReadonlyArray<Tag> = ['New', 'InProgress', 'Awaiting']
const NOT_FINAL: ReadonlyArray<Tag> = ['New', 'InProgress', 'Awaiting', 'Resolved']
const activeWords = 'a new, in-progress or awaiting ticket'
const notFinalWords = 'a ticket that is not closed or cancelled'

const TEXT = 'a non-empty text'

/** The event may only happen in one of the `allowed` statuses. */
const requireStatus = (t: Ticket, e: TicketEvent, allowed: ReadonlyArray<Tag>, words: string): TicketError | undefined =>
  allowed.includes(t.status._tag) ? undefined : impossibleEvent(e, t, words)

/** The first rule an event breaks in a state, or undefined when it may happen. */
const violation = (state: TicketState, e: TicketEvent, kinds: KindRules): TicketError | undefined => {
  if (state._tag === 'Unopened') {
    if (e._tag !== 'TicketOpened') return impossibleEvent(e, state, 'the TicketOpened event first')
    if (e.seq !== 1) return outOfOrder(e, 'sequence number 1 for the first event', String(e.seq))
    for (const field of ['customer', 'requester', 'title', 'tier'] as const)
      if (blank(e[field])) return invalidEvent(e, field, TEXT, e[field])
    if (e.affectedUsers !== undefined && !(Number.isInteger(e.affectedUsers) && e.affectedUsers >= 0))
      return invalidEvent(e, 'affectedUsers', 'a whole number of users, 0 or more', e.affectedUsers)
    if (e.requestedBy !== undefined && e.kind !== undefined && !allowsRequestedBy(e.kind)(kinds))
      return invalidEvent(e, 'requestedBy', 'a requested-by date only on a kind that takes one (a service request)', e.kind)
    return undefined
  }
  const t: Ticket = state
  if (e.ticketId !== t.id) return outOfOrder(e, `an event of ticket ${t.id}`, `an event of ticket ${String(e.ticketId)}`)
  if (e.seq !== t.version + 1)
    return outOfOrder(e, `sequence number ${t.version + 1}`, e.seq <= t.version ? `${e.seq}, which an earlier event already has` : `${e.seq}, leaving a gap`)
  if (!(e.at >= t.updatedAt)) return outOfOrder(e, `an instant at or after the previous event (${toISO(t.updatedAt)})`, toISO(e.at))
  switch (e._tag) {
    case 'TicketOpened':
      return impossibleEvent(e, t, 'a ticket that has not been opened yet')
    case 'TicketClassified': {
      // the new kind must accept what the ticket already carries
      const k = e.kind
      if (t.priority !== undefined && !allowsPriority(k)(kinds)) return invalidEvent(e, 'kind', 'a kind that takes a priority, as the ticket has one', k)
      if (t.requestedBy !== undefined && !allowsRequestedBy(k)(kinds)) return invalidEvent(e, 'kind', 'a kind that takes the ticket’s requested-by date', k)
      if (t.workaround !== undefined && !allowsWorkaround(k)(kinds)) return invalidEvent(e, 'kind', 'a kind that takes the ticket’s workaround', k)
      if (t.problemIds.length > 0 && !allowsProblemLink(k)(kinds)) return invalidEvent(e, 'kind', 'a kind that may link to the ticket’s problems', k)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    }
    case 'PrioritySet':
    case 'PriorityOverridden':
      if (!(Number.isInteger(e.rank) && e.rank >= 1)) return invalidEvent(e, 'rank', 'a whole number from 1 (most pressing) up', e.rank)
      if (blank(e.name)) return invalidEvent(e, 'name', TEXT, e.name)
      if (e._tag === 'PriorityOverridden' && blank(e.reason)) return invalidEvent(e, 'reason', 'the reason for overriding the matrix', e.reason)
      if (t.kind !== undefined && !allowsPriority(t.kind)(kinds)) return invalidEvent(e, 'kind', 'a kind that takes a priority', t.kind)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'TicketAssigned':
      return blank(e.assignee) ? invalidEvent(e, 'assignee', TEXT, e.assignee) : requireStatus(t, e, ACTIVE, activeWords)
    case 'TicketEscalated':
      if (blank(e.note)) return invalidEvent(e, 'note', 'a handover note, so the next tier can continue without asking again', e.note)
      if (blank(e.toTier)) return invalidEvent(e, 'toTier', TEXT, e.toTier)
      if (e.toTier === t.tier) return invalidEvent(e, 'toTier', `a tier other than the current one (${t.tier})`, e.toTier)
      return requireStatus(t, e, ACTIVE, activeWords)
    case 'PublicReplySent':
      if (e.actor.role === 'customer') return invalidEvent(e, 'actor.role', 'a reply by the desk (an agent or the system)', e.actor.role)
      return blank(e.message) ? invalidEvent(e, 'message', TEXT, e.message) : requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'InternalNoteAdded':
      return blank(e.note) ? invalidEvent(e, 'note', TEXT, e.note) : undefined
    case 'AwaitingStarted':
      return requireStatus(t, e, ['New', 'InProgress'], 'a new or in-progress ticket (not one that is already waiting)')
    case 'WorkResumed':
      return requireStatus(t, e, ['Awaiting'], 'a ticket that is awaiting someone')
    case 'WorkaroundApplied':
      if (blank(e.description)) return invalidEvent(e, 'description', 'a description of the workaround', e.description)
      if (t.kind !== undefined && !allowsWorkaround(t.kind)(kinds)) return invalidEvent(e, 'kind', 'a kind that takes a workaround (an incident or a problem)', t.kind)
      return requireStatus(t, e, ACTIVE, activeWords)
    case 'NoticeSent':
      if (blank(e.reason)) return invalidEvent(e, 'reason', 'what the notice is about', e.reason)
      if (t.notices.includes(`${e.audience}/${e.reason}`)) return invalidEvent(e, 'reason', `a notice not sent yet to the ${e.audience}`, e.reason)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'WorkaroundWithdrawn':
      if (blank(e.reason)) return invalidEvent(e, 'reason', TEXT, e.reason)
      if (t.workaround === undefined) return impossibleEvent(e, t, 'a ticket with a workaround in force')
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'RootCauseIdentified':
      if (blank(e.rootCause)) return invalidEvent(e, 'rootCause', 'a description of the root cause', e.rootCause)
      if (t.kind !== 'problem') return invalidEvent(e, 'kind', 'a problem (only problems carry a root cause)', t.kind ?? 'an unclassified ticket')
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    case 'TicketResolved':
      if (blank(e.note)) return invalidEvent(e, 'note', 'a resolution note', e.note)
      if (e.code === 'workaround' && t.workaround === undefined)
        return invalidEvent(e, 'code', 'a workaround applied before resolving with code "workaround"', e.code)
      return requireStatus(t, e, ACTIVE, activeWords)
    case 'ResolutionRejected':
    case 'TicketReopened':
      return blank(e.reason) ? invalidEvent(e, 'reason', TEXT, e.reason) : requireStatus(t, e, ['Resolved'], 'a resolved ticket')
    case 'TicketClosed':
      if (e.reason === 'confirmed' && e.actor.role === 'system')
        return invalidEvent(e, 'actor.role', 'a confirmation by the customer (or an agent on their behalf)', e.actor.role)
      return requireStatus(t, e, ['Resolved'], 'a resolved ticket (a ticket closes only after its resolution)')
    case 'TicketCancelled':
      return blank(e.reason) ? invalidEvent(e, 'reason', TEXT, e.reason) : requireStatus(t, e, ACTIVE, activeWords)
    case 'TicketRated':
      if (!(Number.isInteger(e.score) && e.score >= 1 && e.score <= 5)) return invalidEvent(e, 'score', 'a whole number from 1 to 5', e.score)
      if (t.kind !== undefined && !hasRequester(t.kind)(kinds)) return invalidEvent(e, 'kind', 'a kind with a requester to rate it', t.kind)
      if (t.rating !== undefined) return impossibleEvent(e, t, `a ticket not rated yet (it was rated ${t.rating.score} at ${toISO(t.rating.at)})`)
      return requireStatus(t, e, ['Resolved', 'Closed'], 'a resolved or closed ticket')
    case 'LinkedToProblem':
      if (e.problemId === t.id) return invalidEvent(e, 'problemId', 'another ticket than this one', e.problemId)
      if (t.problemIds.includes(e.problemId)) return invalidEvent(e, 'problemId', 'a problem not linked yet', e.problemId)
      if (t.kind !== undefined && !allowsProblemLink(t.kind)(kinds)) return invalidEvent(e, 'kind', 'a kind that links to problems (an incident)', t.kind)
      return requireStatus(t, e, NOT_FINAL, notFinalWords)
    default:
      return absurd(e)
  }
}

/**
 * Checks one event against a ticket state and applies it: the ticket after the event, or the
 * rule it breaks (impossible in this state, missing a note, out of order, …). What each kind of
 * ticket may carry (a priority, a workaround, a problem link, a requested-by date, a rating)
 * comes from the kind rules, `Classification.defaultKindRules` unless given.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const reply = { _tag: 'PublicReplySent', ticketId: 'INC-1' as Ticket.TicketId, seq: 1, at: Date.UTC(2025, 2, 7, 8) as never,
 *   actor: { role: 'agent', id: 'kari' }, message: 'We are on it' } as const
 * assert.deepStrictEqual(pipe(Ticket.initial, Ticket.apply(reply), E.mapLeft((e) => e.message)), E.left(
 *   'ticket INC-1, event 1 (PublicReplySent at 2025-03-07T08:00:00Z): expected the TicketOpened event first, received a ticket that has not been opened'))
 * ```
 * @category event sourcing
 * @since 0.1.0
 */
export const apply = (event: TicketEvent, kinds: KindRules = defaultKindRules) => (self: TicketState): E.Either<TicketError, Ticket> => {
  const broken = violation(self, event, kinds)
  if (broken !== undefined) return E.left(broken)
  return E.right(evolve(self, event) as Ticket)
}

/**
 * Rebuilds a ticket from its events, checking every rule on the way (with the given kind rules,
 * `Classification.defaultKindRules` unless given); an impossible history is an error naming the
 * ticket, the event and the state, never silently repaired.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const header = (seq: number, minute: number) => ({ ticketId: 'INC-1' as Ticket.TicketId, seq, at: Date.UTC(2025, 2, 7, 8, minute) as never, actor: { role: 'agent', id: 'kari' } } as const)
 * const events: ReadonlyArray<Ticket.TicketEvent> = [
 *   { _tag: 'TicketOpened', ...header(1, 0), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' },
 *   { _tag: 'TicketClosed', ...header(2, 5), reason: 'confirmed' }
 * ]
 * assert.deepStrictEqual(pipe(Ticket.replay(events), E.mapLeft((e) => e._tag)), E.left('ImpossibleEvent'))
 * ```
 * @category event sourcing
 * @since 0.1.0
 */
export const replay = (events: ReadonlyArray<TicketEvent>, kinds: KindRules = defaultKindRules): E.Either<TicketError, Ticket> => {
  let state: TicketState = { _tag: 'Unopened' }
  for (const event of events) {
    const next = apply(event, kinds)(state)
    if (E.isLeft(next)) return next
    state = next.right
  }
  if (state._tag === 'Unopened') return E.left(emptyHistory())
  return E.right(state)
}
