import * as O from 'fp-ts/lib/Option.js'
import { businessTimeBetween, isBusinessCalendar, type BusinessCalendar } from '../calendar/index.js'
import type { Duration, Instant } from '../time/index.js'
import { isTicketState } from './context.js'
import type { Status, Ticket } from './model.js'

// queries read tickets as replay builds them; a value that is not one (a type cast let it in)
// gets the answer documented on each query instead of an exception
const isTicket = (u: unknown): u is Ticket => isTicketState(u) && u._tag === 'Ticket'
const isInstantLike = (u: unknown): u is Instant => typeof u === 'number' && Number.isFinite(u)

/**
 * Returns the ticket's current status (with since when); `undefined` for a value that is not a
 * ticket.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * assert.deepStrictEqual(pipe(Ticket.replay()([opened]), E.map(Ticket.status)), E.right({ _tag: 'New', since: Date.UTC(2025, 2, 7, 8) }))
 * ```
 * @category queries
 * @since 0.1.0
 */
export function status(self: Ticket): Status
// the signature callers see promises a status for a ticket; this one also answers a value a cast let in
export function status(self: unknown): Status | undefined {
  return isTicket(self) ? self.status : undefined
}

/**
 * Returns how long the ticket has been in its current status at `at`, in real elapsed time (zero
 * if `at` is before the status began, or if `at` or the ticket is not valid).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * const later = Time.instant('2025-03-07T09:30:00Z')
 * assert.deepStrictEqual(pipe(Ticket.replay()([opened]), E.map(Ticket.timeInStatus(later)), E.map(Time.toISODuration)), E.right('PT1H30M'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const timeInStatus =
  (at: Instant) =>
  (self: Ticket): Duration =>
    (isTicket(self) && isInstantLike(at) ? Math.max(0, at - self.status.since) : 0) as Duration

/**
 * Returns how much business time on a calendar the ticket has spent in its current status at `at`
 * (zero when `at`, the calendar or the ticket is not valid).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T14:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * const monday = Time.instant('2025-03-10T09:00:00+01:00')
 * const spent = pipe(
 *   E.Do,
 *   E.apS('ticket', Ticket.replay()([opened])),
 *   E.apSW('oslo', Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))),
 *   E.map(({ ticket, oslo }) => pipe(ticket, Ticket.businessTimeInStatus(monday, oslo), Time.toISODuration))
 * )
 * assert.deepStrictEqual(spent, E.right('PT2H'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const businessTimeInStatus =
  (at: Instant, calendar: BusinessCalendar) =>
  (self: Ticket): Duration =>
    !isTicket(self) || !isInstantLike(at) || !isBusinessCalendar(calendar) || at <= self.status.since
      ? (0 as Duration)
      : businessTimeBetween(self.status.since, at)(calendar)

/**
 * Returns who holds the ticket: its tier and, if someone took it, the assignee (`{ tier: '' }` for
 * a value that is not a ticket).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * assert.deepStrictEqual(pipe(Ticket.replay()([opened]), E.map(Ticket.holder)), E.right({ tier: 'L1' }))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const holder = (self: Ticket): { readonly tier: string; readonly assignee?: string } =>
  !isTicket(self)
    ? { tier: '' }
    : typeof self.assignee !== 'string'
      ? { tier: self.tier }
      : { tier: self.tier, assignee: self.assignee }

/**
 * Returns the instant of the first public reply to the customer, if any (internal notes do not
 * count); none for a value that is not a ticket.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * assert.deepStrictEqual(pipe(Ticket.replay()([opened]), E.map(Ticket.firstResponseAt)), E.right(O.none))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const firstResponseAt = (self: Ticket): O.Option<Instant> =>
  isTicket(self) ? O.fromNullable(self.firstResponseAt) : O.none

/**
 * Returns the instant of the latest resolution, if the ticket was ever resolved (none for a value
 * that is not a ticket).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * assert.deepStrictEqual(pipe(Ticket.replay()([opened]), E.map(Ticket.resolvedAt)), E.right(O.none))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const resolvedAt = (self: Ticket): O.Option<Instant> =>
  isTicket(self) ? O.fromNullable(self.resolvedAt) : O.none

/**
 * Tells whether the ticket is resolved now (waiting for the customer's last word); false for a
 * value that is not a ticket.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * assert.deepStrictEqual(pipe(Ticket.replay()([opened]), E.map(Ticket.isResolved)), E.right(false))
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isResolved = (self: Ticket): boolean => isTicket(self) && self.status._tag === 'Resolved'

/**
 * Tells whether the ticket is finished: closed or cancelled (false for a value that is not a ticket).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const opened = { _tag: 'TicketOpened', ticketId: Ticket.ticketId('INC-1'), seq: 1, at: Time.instant('2025-03-07T08:00:00Z'),
 *   actor: { role: 'agent', id: 'kari' }, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' } as const
 * assert.deepStrictEqual(pipe(Ticket.replay()([opened]), E.map(Ticket.isFinished)), E.right(false))
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isFinished = (self: Ticket): boolean =>
  isTicket(self) && (self.status._tag === 'Closed' || self.status._tag === 'Cancelled')

/**
 * Tells whether the first line resolved the ticket: it is resolved or closed after a
 * resolution, and it never left the tier it was opened in.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const h = (seq: number, hhmm: string) => ({ ticketId: Ticket.ticketId('INC-1'), seq, at: Time.instant(`2025-03-07T${hhmm}:00Z`), actor: { role: 'agent', id: 'kari' } } as const)
 * const events: ReadonlyArray<Ticket.TicketEvent> = [
 *   { _tag: 'TicketOpened', ...h(1, '08:01'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Forgot password', tier: 'L1' },
 *   { _tag: 'TicketResolved', ...h(2, '08:02'), code: 'fixed', note: 'Password reset' }
 * ]
 * assert.deepStrictEqual(pipe(Ticket.replay()(events), E.map(Ticket.resolvedAtFirstLine)), E.right(true))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const resolvedAtFirstLine = (self: Ticket): boolean =>
  isTicket(self) && self.resolvedAt !== undefined && self.status._tag !== 'Cancelled' && self.escalationCount === 0
