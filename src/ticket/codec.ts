import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decodeWith, type DecodeError } from '../internal/decodeError.js'
import { intBetween, literals, record, tag, taggedUnion } from '../internal/primitives.js'
import type { KindRules } from '../kind/index.js'
import { builder, finish, push } from './apply.js'
import type { TicketCommand } from './commands.js'
import { resolveContext, type ReadContext } from './context.js'
import { emptyHistory, type TicketError } from './errors.js'
import type { TicketEvent } from './events.js'
import {
  Audience,
  Channel,
  CloseReasonJson,
  Code,
  commandMembers,
  Day,
  eventMembers,
  Id,
  InstantWire,
  Kind,
  Label,
  Name,
  NoticeJson,
  Party,
  Rank,
  Score,
  Text,
  Users
} from './limits.js'
import type { Ticket } from './model.js'

export { Audience, Party }

const EventUnion = taggedUnion(eventMembers(InstantWire))

/**
 * A ticket event as JSON (instants as ISO-8601 text): what the codec writes and reads.
 *
 * @category codecs
 * @since 0.3.0
 */
export type TicketEventWire = t.OutputOf<typeof EventUnion>

/**
 * io-ts codec of one ticket event (JSON wire form: instants as ISO-8601 strings).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * const json = { _tag: 'WorkResumed', ticketId: 'INC-1', seq: 4, at: '2025-03-07T09:00:00Z', actor: { role: 'agent', id: 'kari' } }
 * assert.deepStrictEqual(E.map(Codec.TicketEventJson.encode)(Codec.TicketEventJson.decode(json)), E.right(json))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TicketEventJson: t.Type<TicketEvent, TicketEventWire, unknown> = EventUnion

const CommandUnion = taggedUnion(commandMembers(InstantWire))

/**
 * A ticket command as JSON (instants as ISO-8601 text): what the codec writes and reads.
 *
 * @category codecs
 * @since 0.3.0
 */
export type TicketCommandWire = t.OutputOf<typeof CommandUnion>

/**
 * io-ts codec of a ticket command, as a portal or a bot sends it.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * const json = { _tag: 'Reply', at: '2025-03-07T09:00:00Z', actor: { role: 'agent', id: 'kari' }, message: 'On it' }
 * assert.strictEqual(E.isRight(Codec.TicketCommandJson.decode(json)), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TicketCommandJson: t.Type<TicketCommand, TicketCommandWire, unknown> = CommandUnion

const EventsJson = t.readonlyArray(TicketEventJson, 'a list of ticket events')

const since = { since: InstantWire }
const StatusJson = taggedUnion({
  New: record('a New status', { _tag: tag('New'), ...since }, {}),
  InProgress: record('an InProgress status', { _tag: tag('InProgress'), ...since }, {}),
  Awaiting: record('an Awaiting status', { _tag: tag('Awaiting'), ...since, party: Party }, {}),
  Resolved: record('a Resolved status', { _tag: tag('Resolved'), ...since, code: Code, note: Text }, {}),
  Closed: record('a Closed status', { _tag: tag('Closed'), ...since, reason: CloseReasonJson }, {}),
  Cancelled: record('a Cancelled status', { _tag: tag('Cancelled'), ...since, reason: Text }, {})
})

const TicketRecord = record(
  'a ticket',
  {
    _tag: tag('Ticket'),
    id: Id,
    version: intBetween(1, Number.MAX_SAFE_INTEGER, 'the number of events applied, 1 or more'),
    openedAt: InstantWire,
    updatedAt: InstantWire,
    channel: Channel,
    customer: Name,
    requester: Name,
    title: Text,
    status: StatusJson,
    tier: Name,
    reopenCount: intBetween(0, Number.MAX_SAFE_INTEGER, 'a count, 0 or more'),
    escalationCount: intBetween(0, Number.MAX_SAFE_INTEGER, 'a count, 0 or more'),
    problemIds: t.readonlyArray(Id, 'a list of problem ids'),
    notices: t.readonlyArray(NoticeJson, 'a list of notices')
  },
  {
    service: Name,
    affectedUsers: Users,
    kind: Kind,
    category: Name,
    requestedBy: Day,
    urgency: Name,
    impact: Name,
    priority: record(
      'a ticket priority',
      { rank: Rank, name: Name, label: Label, source: literals(['matrix', 'override'] as const) },
      { reason: Text }
    ),
    assignee: Name,
    firstResponseAt: InstantWire,
    resolvedAt: InstantWire,
    closedAt: InstantWire,
    handoverNote: Text,
    workaround: record('a workaround', { description: Text, appliedAt: InstantWire }, { problemId: Id }),
    rootCause: Text,
    rating: record('a rating', { score: Score, at: InstantWire }, { comment: Text })
  }
)

/**
 * A ticket snapshot as JSON (instants as ISO-8601 text): what `Ticket.encodeTicket` writes.
 *
 * @category codecs
 * @since 0.3.0
 */
export type TicketWire = t.OutputOf<typeof TicketRecord>

/**
 * io-ts codec of a ticket snapshot (the state `replay` returns), for apps that cache it next to
 * the events. The events stay the truth: a snapshot is checked for shape, not for history.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * const ticket = Ticket.replay()([opened])
 * assert.ok(E.isRight(ticket))
 * // the snapshot read back is the ticket
 * assert.deepStrictEqual(pipe(ticket, E.flatMap((t) => Codec.TicketJson.decode(Codec.TicketJson.encode(t)))), ticket)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TicketJson: t.Type<Ticket, TicketWire, unknown> = TicketRecord

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
 * Writes a ticket snapshot as JSON data (instants as ISO-8601 strings); a value that is not a
 * well-formed ticket (a type cast let it in) is written as `null`, never as `NaN` or `Infinity` text.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * const json = pipe(Ticket.replay()([opened]), E.map(Ticket.encodeTicket))
 * assert.deepStrictEqual(pipe(json, E.map((j) => (j as { openedAt: string }).openedAt)), E.right('2025-03-07T08:00:00Z'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeTicket = (ticket: Ticket): TicketWire | null =>
  TicketJson.is(ticket) ? TicketJson.encode(ticket) : null

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
 * Writes a ticket event as JSON data (instants as ISO-8601 strings); a value that is not a
 * well-formed event (a type cast let it in) is written as `null`, never as `NaN` or `Infinity` text.
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
export const encodeEvent = (event: TicketEvent): TicketEventWire | null =>
  TicketEventJson.is(event) ? TicketEventJson.encode(event) : null

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
 * Writes a ticket command as JSON data; a value that is not a well-formed command is written as
 * `null`.
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
export const encodeCommand = (command: TicketCommand): TicketCommandWire | null =>
  TicketCommandJson.is(command) ? TicketCommandJson.encode(command) : null

const readHistory = (
  u: unknown,
  context: ReadContext | KindRules | undefined
): E.Either<TicketError, { readonly ticket: Ticket; readonly events: ReadonlyArray<TicketEvent> }> => {
  const ctx = resolveContext(context)
  if (E.isLeft(ctx)) return ctx
  const decoded = decodeWith(EventsJson)(u)
  if (E.isLeft(decoded)) return decoded
  const events = decoded.right
  const b = builder(ctx.right, { _tag: 'Unopened' })
  for (let i = 0; i < events.length; i++) {
    const broken = push(b, events[i], i)
    if (broken !== undefined) return E.left(broken)
  }
  const ticket = finish(b)
  return ticket._tag === 'Unopened' ? E.left(emptyHistory()) : E.right({ ticket, events })
}

/**
 * Reads a ticket's stored history from JSON: the decoded events and the ticket they rebuild.
 * Every malformed field is reported with its path first (`[3].at`), then the history is replayed
 * as {@link replay} does, in the context the events were decided in (`Ticket.defaultReadContext`
 * unless given; pass the `DecideContext` you decide with): events out of order, duplicate
 * sequence numbers, impossible transitions and levels, priorities or kinds the context does not
 * allow are errors.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const actor = { role: 'agent', id: 'kari' }
 * const opened = { _tag: 'TicketOpened', ticketId: 'INC-1', seq: 1, at: '2025-03-07T08:00:00Z', actor, channel: 'chat', customer: 'ACME', requester: 'ola', title: 'VPN down', tier: 'L1' }
 * const read = Ticket.decodeHistory([opened], Ticket.defaultContext)
 * assert.deepStrictEqual(pipe(read, E.map(({ ticket, events }) => [ticket.status._tag, events[0]?.at])), E.right(['New', Date.UTC(2025, 2, 7, 8)]))
 * const twice = [opened, { _tag: 'TicketAssigned', ticketId: 'INC-1', seq: 1, at: '2025-03-07T08:05:00Z', actor, assignee: 'kari' }]
 * assert.deepStrictEqual(pipe(Ticket.decodeHistory(twice, Ticket.defaultContext), E.mapLeft((e) => e.message)), E.left(
 *   'ticket INC-1, event 1 (TicketAssigned at 2025-03-07T08:05:00Z): expected sequence number 2, received 1, which an earlier event already has'))
 * ```
 * @category codecs
 * @since 0.1.0 (returned only the ticket until 0.3.0, when `decodeHistoryWithEvents` became this)
 */
export const decodeHistory = (
  u: unknown,
  context?: ReadContext | KindRules
): E.Either<TicketError, { readonly ticket: Ticket; readonly events: ReadonlyArray<TicketEvent> }> =>
  readHistory(u, context)
