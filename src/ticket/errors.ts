import type { DecodeError } from '../internal/decodeError.js'
import { describe, describeFree } from '../internal/describe.js'
import { describeId, describeStatus, where } from '../internal/ticketText.js'
import { describeInstant, type IanaZone, type Instant } from '../time/index.js'
import type { TicketEvent } from './events.js'
import type { Status, TicketState } from './model.js'

// free-text fields of events: their values are never quoted, only their length given
const FREE_TEXT = new Set(['title', 'note', 'message', 'reason', 'description', 'rootCause', 'comment'])

const describeState = (state: TicketState): string =>
  state._tag === 'Unopened' ? 'a ticket that has not been opened' : describeStatus(state.status)

/**
 * An event that cannot happen in the ticket's current state: closing a ticket that is not
 * resolved, replying before the ticket was opened, resuming a ticket that is not waiting.
 *
 * @category errors
 * @since 0.1.0
 */
export interface ImpossibleEvent {
  readonly _tag: 'ImpossibleEvent'
  readonly ticketId: string
  readonly seq: number
  readonly event: TicketEvent['_tag']
  /** The ticket's status when the event came (`Unopened` before the first event). */
  readonly state: Status['_tag'] | 'Unopened'
  readonly message: string
}

/**
 * An event whose data break a rule: an escalation or resolution without a note, a rating
 * outside 1–5, a workaround on a question.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidEvent {
  readonly _tag: 'InvalidEvent'
  readonly ticketId: string
  readonly seq: number
  readonly event: TicketEvent['_tag']
  /** The field at fault, such as `note`. */
  readonly path: string
  readonly message: string
}

/**
 * An event out of place in the history: for another ticket, with the wrong sequence number
 * (a gap or a duplicate), or earlier than the event before it.
 *
 * @category errors
 * @since 0.1.0
 */
export interface OutOfOrder {
  readonly _tag: 'OutOfOrder'
  readonly ticketId: string
  readonly seq: number
  readonly event: TicketEvent['_tag']
  readonly message: string
}

/**
 * Closing a resolved ticket for silence before the configured number of business days passed.
 *
 * @category errors
 * @since 0.1.0
 */
export interface TooEarlyToClose {
  readonly _tag: 'TooEarlyToClose'
  readonly ticketId: string
  readonly resolvedAt: Instant
  readonly earliest: Instant
  readonly message: string
}

/**
 * A command that refers to something its context lacks: urgency or impact levels the priority
 * matrix does not have, a priority name it does not know, or an automatic close without an
 * auto-close policy.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidCommand {
  readonly _tag: 'InvalidCommand'
  readonly ticketId: string
  readonly path: string
  readonly message: string
}

/**
 * A history without events: there is no ticket to rebuild.
 *
 * @category errors
 * @since 0.1.0
 */
export interface EmptyHistory {
  readonly _tag: 'EmptyHistory'
  readonly message: string
}

/**
 * Everything that can go wrong when deciding, applying or replaying ticket events.
 *
 * @category errors
 * @since 0.1.0
 */
export type TicketError =
  ImpossibleEvent | InvalidEvent | OutOfOrder | TooEarlyToClose | InvalidCommand | EmptyHistory | DecodeError

/** @internal */
export const impossibleEvent = (event: TicketEvent, state: TicketState, expected: string): ImpossibleEvent => ({
  _tag: 'ImpossibleEvent',
  ticketId: String(event.ticketId),
  seq: event.seq,
  event: event._tag,
  state: state._tag === 'Unopened' ? 'Unopened' : state.status._tag,
  message: `${where(event)}: expected ${expected}, received ${describeState(state)}`
})

/** @internal */
export const invalidEvent = (event: TicketEvent, path: string, expected: string, received: unknown): InvalidEvent => ({
  _tag: 'InvalidEvent',
  ticketId: String(event.ticketId),
  seq: event.seq,
  event: event._tag,
  path,
  message: `${where(event)}: ${path}: expected ${expected}, received ${FREE_TEXT.has(path) ? describeFree(received) : describe(received)}`
})

/** An invalid event whose detail comes from another module's error message (the matrix's). @internal */
export const invalidEventFrom = (event: TicketEvent, path: string, detail: string): InvalidEvent => ({
  _tag: 'InvalidEvent',
  ticketId: String(event.ticketId),
  seq: event.seq,
  event: event._tag,
  path,
  message: `${where(event)}: ${detail}`
})

/** @internal */
export const outOfOrder = (event: TicketEvent, expected: string, received: string): OutOfOrder => ({
  _tag: 'OutOfOrder',
  ticketId: String(event.ticketId),
  seq: event.seq,
  event: event._tag,
  message: `${where(event)}: expected ${expected}, received ${received}`
})

/** @internal */
export const tooEarlyToClose = (
  ticketId: string,
  resolvedAt: Instant,
  earliest: Instant,
  at: Instant,
  days: number,
  zone: IanaZone
): TooEarlyToClose => {
  // the business days are counted on the auto-close calendar: its desk reads its own wall time
  const show = describeInstant(zone)
  return {
    _tag: 'TooEarlyToClose',
    ticketId,
    resolvedAt,
    earliest,
    message: `ticket ${describeId(ticketId)}: expected ${days} business day${days === 1 ? '' : 's'} of silence after the resolution at ${show(resolvedAt)}, that is a close at ${show(earliest)} or later, received a close at ${show(at)}`
  }
}

/** @internal */
export const invalidCommand = (
  ticketId: string,
  path: string,
  expected: string,
  received: unknown
): InvalidCommand => ({
  _tag: 'InvalidCommand',
  ticketId,
  path,
  message: `ticket ${describeId(ticketId)}: ${path}: expected ${expected}, received ${typeof received === 'string' && received.startsWith('a ') ? received : describe(received)}`
})

/** @internal */
export const emptyHistory = (): EmptyHistory => ({
  _tag: 'EmptyHistory',
  message: 'events: expected at least the TicketOpened event, received no events'
})

/** An invalid command whose detail comes from another module's error message. @internal */
export const invalidCommandFrom = (ticketId: string, path: string, detail: string): InvalidCommand => ({
  _tag: 'InvalidCommand',
  ticketId,
  path,
  message: `ticket ${describeId(ticketId)}: ${detail}`
})
