/**
 * The ticket as an event-sourced model: commands become events through {@link decide}, events
 * rebuild the ticket through {@link replay} (checking every rule) or {@link evolve} (a plain
 * reducer). Apps store the events in any database; SLA clocks and reports are pure functions of
 * them.
 *
 * A ticket is opened, classified, prioritised from urgency × impact (or overridden for a major
 * incident, with a reason), assigned, escalated with a handover note, answered in public, paused
 * while awaiting the customer, a third party or the vendor, resolved with a code and a note, and
 * closed only when the customer confirms, or after a number of business days of silence.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const at = Time.instant
 * const kari = { role: 'agent', id: 'kari' } as const
 * const commands: ReadonlyArray<Ticket.TicketCommand> = [
 *   { _tag: 'Open', at: at('2025-03-07T08:05:00+01:00'), actor: kari, ticketId: Ticket.ticketId('INC-42'),
 *     channel: 'phone', customer: 'Fjord AS', requester: 'ola', title: 'Forgot my password', kind: 'serviceRequest' },
 *   { _tag: 'Prioritise', at: at('2025-03-07T08:06:00+01:00'), actor: kari, urgency: 'low', impact: 'low' },
 *   { _tag: 'Resolve', at: at('2025-03-07T08:12:00+01:00'), actor: kari, code: 'fulfilled', note: 'New password sent by SMS' },
 *   { _tag: 'Confirm', at: at('2025-03-07T08:20:00+01:00'), actor: { role: 'customer', id: 'ola' } }
 * ]
 * const ticket = Ticket.run(Ticket.defaultContext)(commands)
 * assert.deepStrictEqual(pipe(ticket, E.map((t) => [t.status._tag, t.priority?.name, Ticket.resolvedAtFirstLine(t)])), E.right(['Closed', 'P5', true]))
 * ```
 * @module Ticket
 * @since 0.1.0
 */
export type {
  Actor,
  AppliedWorkaround,
  AwaitingParty,
  CloseReason,
  Notice,
  Rating,
  ResolutionCode,
  Status,
  Ticket,
  TicketId,
  TicketPriority,
  TicketState,
  Unopened
} from './model.js'
export { awaitingParties, initial } from './model.js'
export type {
  AwaitingStarted,
  EventHeader,
  InternalNoteAdded,
  LinkedToProblem,
  NoticeSent,
  PriorityOverridden,
  PrioritySet,
  PublicReplySent,
  ResolutionRejected,
  TicketAssigned,
  TicketCancelled,
  TicketClassified,
  TicketClosed,
  TicketEscalated,
  TicketEvent,
  TicketOpened,
  TicketRated,
  TicketReopened,
  TicketResolved,
  WorkaroundApplied,
  WorkaroundWithdrawn,
  RootCauseIdentified,
  WorkResumed
} from './events.js'
export { eventTags } from './events.js'
export type {
  AddNote,
  ApplyWorkaround,
  Assign,
  Await,
  Cancel,
  Classify,
  Close,
  CommandHeader,
  Confirm,
  Escalate,
  LinkProblem,
  Notify,
  Open,
  OverridePriority,
  Prioritise,
  Rate,
  Reject,
  Reopen,
  Reply,
  Resolve,
  Resume,
  WithdrawWorkaround,
  IdentifyRootCause,
  TicketCommand
} from './commands.js'
export type {
  EmptyHistory,
  ImpossibleEvent,
  InvalidCommand,
  InvalidEvent,
  OutOfOrder,
  TicketError,
  TooEarlyToClose
} from './errors.js'
export { ticketId as makeTicketId } from './constructors.js'
export { ticketId } from './literals.js'
export { evolve } from './evolve.js'
export { apply, replay } from './apply.js'
export { decide, defaultContext, type DecideContext } from './decide.js'
export { run, runEvents } from './run.js'
export {
  businessTimeInStatus,
  firstResponseAt,
  holder,
  isFinished,
  isResolved,
  resolvedAt,
  resolvedAtFirstLine,
  status,
  timeInStatus
} from './queries.js'
export { decodeHistory, decodeTicket, encodeCommand, encodeEvent, encodeTicket } from './codec.js'
export type { TicketCommandWire, TicketEventWire, TicketWire } from './codec.js'
export { decodeCommand, decodeEvent } from './fastDecode.js'
export { defaultReadContext, type ReadContext } from './context.js'
export { limits } from './limits.js'
export {
  timeline,
  timelineAt,
  type Interval,
  type KindInterval,
  type PauseInterval,
  type PriorityInterval,
  type ResolutionInterval,
  type StatusInterval,
  type TierInterval,
  type Timeline,
  type TimelineNotice,
  type WorkaroundInterval
} from './timeline.js'
