import { isTicketId } from './constructors.js'
import type { TicketId } from './model.js'

/**
 * A ticket id written in code (`Ticket.ticketId('INC-42')`): the total constructor for
 * literals, as `Time.hours` is for durations, so a command or an event reads like the ticket it
 * is about.
 *
 * An id is 1–100 printable ASCII characters with no leading or trailing space; anything else
 * (or a value that is not a string, from a JavaScript caller) gives the invalid id `""` instead
 * of throwing. Every reader of ticket ids checks them again and answers `""` with a `Left`
 * naming the field (`Ticket.decide`, `Ticket.run`, `Ticket.replay`, `Ticket.timeline`); only the
 * reducer {@link evolve}, which checks nothing by design, takes it as it is. For text you did not
 * write yourself, use the checked {@link makeTicketId}.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Ticket, Time } from 'itsm-kit'
 * assert.strictEqual(Ticket.ticketId('INC-42'), 'INC-42')
 * assert.strictEqual(Ticket.ticketId(' INC-42'), '')
 * const open = (ticketId: Ticket.TicketId): Ticket.TicketCommand => ({ _tag: 'Open', at: Time.instant('2025-03-10T08:00:00+01:00'),
 *   actor: { role: 'agent', id: 'kari' }, ticketId, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN', kind: 'incident' })
 * assert.ok(E.isRight(Ticket.run(Ticket.defaultContext)([open(Ticket.ticketId('INC-42'))])))
 * assert.ok(E.isLeft(Ticket.run(Ticket.defaultContext)([open(Ticket.ticketId(' INC-42'))])))
 * ```
 * @category constructors
 * @since 0.1.0 (returned an `Either` until 0.3.0: that checked form is now `makeTicketId`)
 */
export const ticketId = (id: string): TicketId => (isTicketId(id) ? id : ('' as TicketId))
