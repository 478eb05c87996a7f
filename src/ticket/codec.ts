import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import { decodeWith, type DecodeError } from '../codec/decodeError.js'
import { intBetween, literals, record, stringWhere, tag, taggedUnion } from '../codec/primitives.js'
import { ChannelJson, TicketKindJson } from '../classification/codec.js'
import { InstantJson, LocalDateJson } from '../time/codec.js'
import { replay } from './apply.js'
import type { TicketCommand } from './commands.js'
import { isTicketId } from './constructors.js'
import type { TicketError } from './errors.js'
import type { TicketEvent } from './events.js'
import type { Ticket, TicketId } from './model.js'

const Id = stringWhere('a ticket id of 1 to 100 printable characters', isTicketId) as unknown as t.Type<TicketId, TicketId, unknown>
const Text = stringWhere('a text of at most 100 000 characters', (s) => s.length <= 100_000)
const Name = stringWhere('a name of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200)
const Kind = TicketKindJson
const Channel = ChannelJson
/** The parties a ticket can await. @internal */
export const Party = literals(['customer', 'thirdParty', 'vendor'] as const)
const Code = literals(['fixed', 'workaround', 'answered', 'fulfilled', 'noFaultFound', 'duplicate', 'cancelledByCustomer', 'other'] as const)
/** Who a notice goes to. @internal */
export const Audience = literals(['assignee', 'teamLead', 'manager'] as const)
const Actor = record('an actor', { role: literals(['agent', 'customer', 'system'] as const), id: Name }, {})
const Rank = intBetween(1, 1000, 'a rank from 1 (most pressing) to 1000')
const Users = intBetween(0, 1e9, 'a whole number of users, 0 or more')
const Score = intBetween(1, 5, 'a score from 1 to 5')

const header = { ticketId: Id, seq: intBetween(1, Number.MAX_SAFE_INTEGER, 'a sequence number, 1 or more'), at: InstantJson, actor: Actor }
const cmd = { at: InstantJson, actor: Actor }

const events = {
  TicketOpened: record(
    'a TicketOpened event',
    { _tag: tag('TicketOpened'), ...header, channel: Channel, customer: Name, requester: Name, title: Text, tier: Name },
    { service: Name, affectedUsers: Users, kind: Kind, requestedBy: LocalDateJson }
  ),
  TicketClassified: record('a TicketClassified event', { _tag: tag('TicketClassified'), ...header, kind: Kind }, { category: Name }),
  PrioritySet: record('a PrioritySet event', { _tag: tag('PrioritySet'), ...header, urgency: Name, impact: Name, rank: Rank, name: Name, label: Text }, {}),
  PriorityOverridden: record('a PriorityOverridden event', { _tag: tag('PriorityOverridden'), ...header, rank: Rank, name: Name, label: Text, reason: Text }, {}),
  TicketAssigned: record('a TicketAssigned event', { _tag: tag('TicketAssigned'), ...header, assignee: Name }, {}),
  TicketEscalated: record('a TicketEscalated event', { _tag: tag('TicketEscalated'), ...header, toTier: Name, note: Text }, { assignee: Name }),
  PublicReplySent: record('a PublicReplySent event', { _tag: tag('PublicReplySent'), ...header, message: Text }, {}),
  InternalNoteAdded: record('an InternalNoteAdded event', { _tag: tag('InternalNoteAdded'), ...header, note: Text }, {}),
  AwaitingStarted: record('an AwaitingStarted event', { _tag: tag('AwaitingStarted'), ...header, party: Party }, { reason: Text }),
  WorkResumed: record('a WorkResumed event', { _tag: tag('WorkResumed'), ...header }, {}),
  WorkaroundApplied: record('a WorkaroundApplied event', { _tag: tag('WorkaroundApplied'), ...header, description: Text }, { problemId: Id }),
  WorkaroundWithdrawn: record('a WorkaroundWithdrawn event', { _tag: tag('WorkaroundWithdrawn'), ...header, reason: Text }, {}),
  RootCauseIdentified: record('a RootCauseIdentified event', { _tag: tag('RootCauseIdentified'), ...header, rootCause: Text }, {}),
  TicketResolved: record('a TicketResolved event', { _tag: tag('TicketResolved'), ...header, code: Code, note: Text }, {}),
  ResolutionRejected: record('a ResolutionRejected event', { _tag: tag('ResolutionRejected'), ...header, reason: Text }, {}),
  TicketReopened: record('a TicketReopened event', { _tag: tag('TicketReopened'), ...header, reason: Text }, {}),
  TicketClosed: record('a TicketClosed event', { _tag: tag('TicketClosed'), ...header, reason: literals(['confirmed', 'silence'] as const) }, {}),
  TicketCancelled: record('a TicketCancelled event', { _tag: tag('TicketCancelled'), ...header, reason: Text }, {}),
  TicketRated: record('a TicketRated event', { _tag: tag('TicketRated'), ...header, score: Score }, { comment: Text }),
  LinkedToProblem: record('a LinkedToProblem event', { _tag: tag('LinkedToProblem'), ...header, problemId: Id }, {}),
  NoticeSent: record('a NoticeSent event', { _tag: tag('NoticeSent'), ...header, audience: Audience, reason: Name }, {})
}

/**
 * io-ts codec of one ticket event (JSON wire form: instants as ISO-8601 strings).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Codec } from 'itsm-kit'
 * const json = { _tag: 'WorkResumed', ticketId: 'INC-1', seq: 4, at: '2025-03-07T09:00:00Z', actor: { role: 'agent', id: 'kari' } }
 * assert.deepStrictEqual(E.map(Codec.TicketEventJson.encode)(Codec.TicketEventJson.decode(json)), E.right(json))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TicketEventJson: t.Type<TicketEvent, unknown, unknown> = taggedUnion(events as unknown as Record<string, t.Type<TicketEvent, unknown, unknown>>)

const commands = {
  Open: record(
    'an Open command',
    { _tag: tag('Open'), ...cmd, ticketId: Id, channel: Channel, customer: Name, requester: Name, title: Text },
    { tier: Name, service: Name, affectedUsers: Users, kind: Kind, requestedBy: LocalDateJson }
  ),
  Classify: record('a Classify command', { _tag: tag('Classify'), ...cmd, kind: Kind }, { category: Name }),
  Prioritise: record('a Prioritise command', { _tag: tag('Prioritise'), ...cmd, urgency: Name, impact: Name }, {}),
  OverridePriority: record('an OverridePriority command', { _tag: tag('OverridePriority'), ...cmd, priority: Name, reason: Text }, {}),
  Assign: record('an Assign command', { _tag: tag('Assign'), ...cmd, assignee: Name }, {}),
  Escalate: record('an Escalate command', { _tag: tag('Escalate'), ...cmd, toTier: Name, note: Text }, { assignee: Name }),
  Reply: record('a Reply command', { _tag: tag('Reply'), ...cmd, message: Text }, {}),
  AddNote: record('an AddNote command', { _tag: tag('AddNote'), ...cmd, note: Text }, {}),
  Await: record('an Await command', { _tag: tag('Await'), ...cmd, party: Party }, { reason: Text }),
  Resume: record('a Resume command', { _tag: tag('Resume'), ...cmd }, {}),
  ApplyWorkaround: record('an ApplyWorkaround command', { _tag: tag('ApplyWorkaround'), ...cmd, description: Text }, { problemId: Id }),
  Notify: record('a Notify command', { _tag: tag('Notify'), ...cmd, audience: Audience, reason: Name }, {}),
  WithdrawWorkaround: record('a WithdrawWorkaround command', { _tag: tag('WithdrawWorkaround'), ...cmd, reason: Text }, {}),
  IdentifyRootCause: record('an IdentifyRootCause command', { _tag: tag('IdentifyRootCause'), ...cmd, rootCause: Text }, {}),
  Resolve: record('a Resolve command', { _tag: tag('Resolve'), ...cmd, code: Code, note: Text }, {}),
  Confirm: record('a Confirm command', { _tag: tag('Confirm'), ...cmd }, {}),
  Reject: record('a Reject command', { _tag: tag('Reject'), ...cmd, reason: Text }, {}),
  Reopen: record('a Reopen command', { _tag: tag('Reopen'), ...cmd, reason: Text }, {}),
  Close: record('a Close command', { _tag: tag('Close'), ...cmd }, {}),
  Cancel: record('a Cancel command', { _tag: tag('Cancel'), ...cmd, reason: Text }, {}),
  Rate: record('a Rate command', { _tag: tag('Rate'), ...cmd, score: Score }, { comment: Text }),
  LinkProblem: record('a LinkProblem command', { _tag: tag('LinkProblem'), ...cmd, problemId: Id }, {})
}

/**
 * io-ts codec of a ticket command, as a portal or a bot sends it.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Codec } from 'itsm-kit'
 * const json = { _tag: 'Reply', at: '2025-03-07T09:00:00Z', actor: { role: 'agent', id: 'kari' }, message: 'On it' }
 * assert.strictEqual(E.isRight(Codec.TicketCommandJson.decode(json)), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TicketCommandJson: t.Type<TicketCommand, unknown, unknown> = taggedUnion(commands as unknown as Record<string, t.Type<TicketCommand, unknown, unknown>>)

const EventsJson = t.readonlyArray(TicketEventJson, 'a list of ticket events')

const since = { since: InstantJson }
const StatusJson = taggedUnion({
  New: record('a New status', { _tag: tag('New'), ...since }, {}),
  InProgress: record('an InProgress status', { _tag: tag('InProgress'), ...since }, {}),
  Awaiting: record('an Awaiting status', { _tag: tag('Awaiting'), ...since, party: Party }, {}),
  Resolved: record('a Resolved status', { _tag: tag('Resolved'), ...since, code: Code, note: Text }, {}),
  Closed: record('a Closed status', { _tag: tag('Closed'), ...since, reason: literals(['confirmed', 'silence'] as const) }, {}),
  Cancelled: record('a Cancelled status', { _tag: tag('Cancelled'), ...since, reason: Text }, {})
} as unknown as Record<string, t.Type<Ticket['status'], unknown, unknown>>)

/**
 * io-ts codec of a ticket snapshot (the state `replay` returns), for apps that cache it next to
 * the events. The events stay the truth: a snapshot is checked for shape, not for history.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Codec, Ticket } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: 'INC-1' as Ticket.TicketId, seq: 1, at: Date.UTC(2025, 2, 7, 8) as never,
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * const ticket = pipe(Ticket.replay([opened]), E.getOrElseW(() => assert.fail()))
 * assert.deepStrictEqual(Codec.TicketJson.decode(Codec.TicketJson.encode(ticket)), E.right(ticket))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TicketJson: t.Type<Ticket, unknown, unknown> = record(
  'a ticket',
  {
    _tag: tag('Ticket'),
    id: Id,
    version: intBetween(1, Number.MAX_SAFE_INTEGER, 'the number of events applied, 1 or more'),
    openedAt: InstantJson,
    updatedAt: InstantJson,
    channel: Channel,
    customer: Name,
    requester: Name,
    title: Text,
    status: StatusJson,
    tier: Name,
    reopenCount: intBetween(0, Number.MAX_SAFE_INTEGER, 'a count, 0 or more'),
    escalationCount: intBetween(0, Number.MAX_SAFE_INTEGER, 'a count, 0 or more'),
    problemIds: t.readonlyArray(Id, 'a list of problem ids'),
    notices: t.readonlyArray(Text, 'a list of notices')
  },
  {
    service: Name,
    affectedUsers: Users,
    kind: Kind,
    category: Name,
    requestedBy: LocalDateJson,
    urgency: Name,
    impact: Name,
    priority: record(
      'a ticket priority',
      { rank: Rank, name: Name, label: Text, source: literals(['matrix', 'override'] as const) },
      { reason: Text }
    ),
    assignee: Name,
    firstResponseAt: InstantJson,
    resolvedAt: InstantJson,
    closedAt: InstantJson,
    handoverNote: Text,
    workaround: record('a workaround', { description: Text, appliedAt: InstantJson }, { problemId: Id }),
    rootCause: Text,
    rating: record('a rating', { score: Score, at: InstantJson }, { comment: Text })
  }
) as unknown as t.Type<Ticket, unknown, unknown>

/**
 * Reads a ticket snapshot from JSON, reporting every problem with its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Ticket.decodeTicket({ _tag: 'Ticket' }), E.mapLeft((e) => e.issues.length > 5)), E.left(true))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeTicket: (u: unknown) => E.Either<DecodeError, Ticket> = decodeWith(TicketJson)

/**
 * Writes a ticket snapshot as JSON data (instants as ISO-8601 strings).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: 'INC-1' as Ticket.TicketId, seq: 1, at: Date.UTC(2025, 2, 7, 8) as never,
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * const json = pipe(Ticket.replay([opened]), E.map(Ticket.encodeTicket))
 * assert.deepStrictEqual(pipe(json, E.map((j) => (j as { openedAt: string }).openedAt)), E.right('2025-03-07T08:00:00Z'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeTicket = (ticket: Ticket): unknown => TicketJson.encode(ticket)

/**
 * Reads one ticket event from JSON, reporting every problem with its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const json = { _tag: 'TicketTeleported', ticketId: 'INC-1', seq: 2, at: '2025-03-07T09:00:00Z', actor: { role: 'agent', id: 'kari' } }
 * assert.deepStrictEqual(pipe(Ticket.decodeEvent(json), E.mapLeft((e) => e.issues.map((i) => i.path))), E.left(['_tag']))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeEvent: (u: unknown) => E.Either<DecodeError, TicketEvent> = decodeWith(TicketEventJson)

/**
 * Writes a ticket event as JSON data (instants as ISO-8601 strings).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const json = { _tag: 'WorkResumed', ticketId: 'INC-1', seq: 4, at: '2025-03-07T09:00:00Z', actor: { role: 'agent', id: 'kari' } }
 * assert.deepStrictEqual(pipe(Ticket.decodeEvent(json), E.map(Ticket.encodeEvent)), E.right(json))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeEvent = (event: TicketEvent): unknown => TicketEventJson.encode(event)

/**
 * Reads a ticket command from JSON, reporting every problem with its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const json = { _tag: 'Rate', at: '2025-03-07T09:00:00Z', actor: { role: 'customer', id: 'ola' }, score: 7 }
 * assert.deepStrictEqual(pipe(Ticket.decodeCommand(json), E.mapLeft((e) => e.message)), E.left('score: expected a score from 1 to 5, received 7'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeCommand: (u: unknown) => E.Either<DecodeError, TicketCommand> = decodeWith(TicketCommandJson)

/**
 * Writes a ticket command as JSON data.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const json = { _tag: 'Resume', at: '2025-03-07T09:00:00Z', actor: { role: 'agent', id: 'kari' } }
 * assert.deepStrictEqual(pipe(Ticket.decodeCommand(json), E.map(Ticket.encodeCommand)), E.right(json))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeCommand = (command: TicketCommand): unknown => TicketCommandJson.encode(command)

/**
 * Reads a ticket's stored history from JSON and rebuilds the ticket: every malformed field is
 * reported with its path first, then the history is replayed (unknown event types, events out
 * of order, duplicate sequence numbers and impossible transitions are errors).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const actor = { role: 'agent', id: 'kari' }
 * const history = [
 *   { _tag: 'TicketOpened', ticketId: 'INC-1', seq: 1, at: '2025-03-07T08:00:00Z', actor, channel: 'chat', customer: 'ACME', requester: 'ola', title: 'VPN down', tier: 'L1' },
 *   { _tag: 'TicketAssigned', ticketId: 'INC-1', seq: 1, at: '2025-03-07T08:05:00Z', actor, assignee: 'kari' }
 * ]
 * assert.deepStrictEqual(pipe(Ticket.decodeHistory(history), E.mapLeft((e) => e.message)), E.left(
 *   'ticket INC-1, event 1 (TicketAssigned at 2025-03-07T08:05:00Z): expected sequence number 2, received 1, which an earlier event already has'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeHistory = (u: unknown): E.Either<TicketError, Ticket> =>
  pipe(decodeWith(EventsJson)(u), E.flatMap((events): E.Either<TicketError, Ticket> => replay(events)))
