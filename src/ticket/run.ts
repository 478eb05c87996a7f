import * as E from 'fp-ts/lib/Either.js'
import { decodeError, makeIssue } from '../internal/decodeError.js'
import { builder, current, finish, push } from './apply.js'
import type { TicketCommand } from './commands.js'
import { isTicketState } from './context.js'
import { checkDecideContext, proposeChecked, type DecideContext } from './decide.js'
import type { TicketError } from './errors.js'
import type { TicketEvent } from './events.js'
import type { Ticket, TicketState } from './model.js'

/**
 * Decides a list of commands one after the other and returns the ticket with all its events:
 * handy in tests, imports and what-if questions. Stops at the first command that fails. Each
 * command is checked as {@link decide} checks it, in amortised constant time (a long run of
 * notices or problem links stays linear).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const result = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: Time.instant('2025-03-07T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('INC-7'), channel: 'chat', customer: 'ACME', requester: 'ola', title: 'VPN' },
 *   { _tag: 'Assign', at: Time.instant('2025-03-07T08:01:00Z'), actor: kari, assignee: 'kari' }
 * ])
 * assert.deepStrictEqual(pipe(result, E.map(({ events }) => events.map((e) => e._tag))), E.right(['TicketOpened', 'TicketAssigned']))
 * ```
 * @category event sourcing
 * @since 0.1.0 (`runEvents(commands, context, from)` until 0.3.0)
 */
export const runEvents =
  (context: DecideContext, from: TicketState = { _tag: 'Unopened' }) =>
  (
    commands: ReadonlyArray<TicketCommand>
  ): E.Either<TicketError, { readonly ticket: TicketState; readonly events: ReadonlyArray<TicketEvent> }> =>
    runCommandEvents(commands, context, from)

/** {@link runEvents} with its data first, as the library calls it inside. @internal */
export const runCommandEvents = (
  commands: ReadonlyArray<TicketCommand>,
  context: DecideContext,
  from: TicketState = { _tag: 'Unopened' }
): E.Either<TicketError, { readonly ticket: TicketState; readonly events: ReadonlyArray<TicketEvent> }> => {
  const ctx = checkDecideContext(context)
  if (E.isLeft(ctx)) return ctx
  if (!Array.isArray(commands))
    return E.left(decodeError([makeIssue('commands', 'a list of ticket commands', commands)]))
  if (!isTicketState(from))
    return E.left(decodeError([makeIssue('from', 'a ticket state (Ticket.initial or a ticket)', from)]))
  const b = builder(ctx.right, from)
  const events: Array<TicketEvent> = []
  for (const command of commands) {
    const proposed = proposeChecked(command, current(b), ctx.right)
    if (E.isLeft(proposed)) return proposed
    for (const e of proposed.right) {
      // built by decide from a checked command in a checked context: well formed by construction
      const broken = push(b, e, undefined, true)
      if (broken !== undefined) return E.left(broken)
      events.push(e)
    }
  }
  return E.right({ ticket: finish(b), events })
}

/**
 * Decides a list of commands one after the other and returns the resulting ticket.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const ticket = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: Time.instant('2025-03-07T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('INC-7'), channel: 'chat', customer: 'ACME', requester: 'ola', title: 'VPN' },
 *   { _tag: 'Escalate', at: Time.instant('2025-03-07T08:40:00Z'), actor: kari, toTier: 'L2', note: 'Tunnel drops every 5 min; logs attached' }
 * ])
 * assert.deepStrictEqual(pipe(ticket, E.map(Ticket.holder)), E.right({ tier: 'L2' }))
 * ```
 * @category event sourcing
 * @since 0.1.0 (`run(commands, context)` until 0.3.0)
 */
export const run =
  (context: DecideContext) =>
  (commands: ReadonlyArray<TicketCommand>): E.Either<TicketError, Ticket> =>
    runCommands(commands, context)

/** {@link run} with its data first, as the library calls it inside. @internal */
export const runCommands = (
  commands: ReadonlyArray<TicketCommand>,
  context: DecideContext
): E.Either<TicketError, Ticket> => {
  const result = runCommandEvents(commands, context)
  if (E.isLeft(result)) return result
  const { ticket } = result.right
  return ticket._tag === 'Ticket'
    ? E.right(ticket)
    : E.left({ _tag: 'EmptyHistory', message: 'commands: expected at least the Open command, received no commands' })
}
