import * as E from 'fp-ts/lib/Either.js'
import { describe } from '../internal/describe.js'
import { isTicketIdText } from '../internal/ticketText.js'
import type { InvalidCommand } from './errors.js'
import type { TicketId } from './model.js'

/** Whether a value is a well-formed ticket id (the rule is the messages' own, in the internal layer). @internal */
export const isTicketId = (s: unknown): s is TicketId => isTicketIdText(s)

/**
 * Checks a ticket identifier: 1–100 printable ASCII characters, no leading or trailing space.
 * The form for ids you did not write yourself; for a literal in code, `Ticket.ticketId` returns
 * the id itself.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Ticket } from 'itsm-kit'
 * assert.deepStrictEqual(Ticket.makeTicketId('INC-42'), E.right('INC-42'))
 * assert.strictEqual(E.isLeft(Ticket.makeTicketId('')), true)
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const ticketId = (s: string): E.Either<InvalidCommand, TicketId> =>
  isTicketId(s)
    ? E.right(s)
    : E.left({
        _tag: 'InvalidCommand',
        ticketId: '',
        path: 'ticketId',
        message: `ticketId: expected 1 to 100 printable ASCII characters without leading or trailing spaces, such as "INC-42", received ${describe(s)}`
      })
