import { describe } from '../internal/describe.js'
import { describeId, describeStatus } from '../internal/ticketText.js'
import type { Status, Ticket, TicketError, TicketId } from '../ticket/index.js'
import { toISO, type Instant } from '../time/index.js'

/**
 * A ticket used as a problem that is not one (its kind is another, or not set yet).
 *
 * @category errors
 * @since 0.1.0
 */
export interface NotAProblem {
  readonly _tag: 'NotAProblem'
  readonly ticketId: TicketId
  readonly path: 'kind'
  /** The ticket's kind, if it has one. */
  readonly kind?: string
  readonly message: string
}

/**
 * A problem without a workaround in force, where one is needed (to roll it out or withdraw it).
 *
 * @category errors
 * @since 0.1.0
 */
export interface NoWorkaround {
  readonly _tag: 'NoWorkaround'
  readonly ticketId: TicketId
  readonly path: 'workaround'
  readonly message: string
}

/**
 * A problem with neither a root cause nor a workaround: not (yet) a known error.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NotAKnownError {
  readonly _tag: 'NotAKnownError'
  readonly ticketId: TicketId
  readonly path: 'workaround'
  readonly message: string
}

/**
 * An incident that already runs on a workaround (this problem's or another), so a rollout
 * leaves it alone.
 *
 * @category errors
 * @since 0.1.0
 */
export interface AlreadyOnWorkaround {
  readonly _tag: 'AlreadyOnWorkaround'
  readonly ticketId: TicketId
  readonly path: 'workaround'
  readonly appliedAt: Instant
  /** The problem whose workaround it is, if any. */
  readonly problemId?: TicketId
  readonly message: string
}

/**
 * A problem whose permanent fix has not shipped: it is not resolved with code `fixed`.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NotFixed {
  readonly _tag: 'NotFixed'
  readonly ticketId: TicketId
  readonly path: 'status'
  readonly status: Status['_tag']
  readonly message: string
}

/**
 * Everything that can go wrong with workarounds and known errors: the errors above, and the
 * ticket's own refusals (`Ticket.TicketError`: a closed incident takes no workaround, an instant
 * before the ticket's latest event, …).
 *
 * @category errors
 * @since 0.1.0
 */
export type WorkaroundError = NotAProblem | NoWorkaround | NotAKnownError | AlreadyOnWorkaround | NotFixed | TicketError

/** @internal */
export const notAProblem = (ticket: Ticket): NotAProblem => ({
  _tag: 'NotAProblem',
  ticketId: ticket.id,
  path: 'kind',
  ...(ticket.kind === undefined ? {} : { kind: ticket.kind }),
  message: `ticket ${describeId(ticket.id)}: kind: expected a problem, received ${ticket.kind === undefined ? 'an unclassified ticket' : describe(ticket.kind)}`
})

/** @internal */
export const noWorkaround = (ticket: Ticket): NoWorkaround => ({
  _tag: 'NoWorkaround',
  ticketId: ticket.id,
  path: 'workaround',
  message: `ticket ${describeId(ticket.id)}: workaround: expected a problem with a workaround in force, received a problem without one`
})

/** @internal */
export const notAKnownError = (ticket: Ticket): NotAKnownError => ({
  _tag: 'NotAKnownError',
  ticketId: ticket.id,
  path: 'workaround',
  message: `ticket ${describeId(ticket.id)}: workaround: expected a known error (a problem with a root cause or a workaround), received a problem with neither`
})

/** @internal */
export const alreadyOnWorkaround = (
  ticket: Ticket,
  appliedAt: Instant,
  problemId: TicketId | undefined
): AlreadyOnWorkaround => ({
  _tag: 'AlreadyOnWorkaround',
  ticketId: ticket.id,
  path: 'workaround',
  appliedAt,
  ...(problemId === undefined ? {} : { problemId }),
  message: `ticket ${describeId(ticket.id)}: workaround: expected a ticket without a workaround in force, received ${
    problemId === undefined ? 'a workaround' : `the workaround of ${describeId(problemId)}`
  } applied at ${toISO(appliedAt)}`
})

/** @internal */
export const notFixed = (ticket: Ticket): NotFixed => ({
  _tag: 'NotFixed',
  ticketId: ticket.id,
  path: 'status',
  status: ticket.status._tag,
  message: `ticket ${describeId(ticket.id)}: status: expected a problem resolved with code "fixed" (the permanent fix shipped), received ${describeStatus(ticket.status)}`
})
