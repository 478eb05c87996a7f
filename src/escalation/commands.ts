import * as E from 'fp-ts/lib/Either.js'
import { absurd } from 'fp-ts/lib/function.js'
import type { Instant } from '../time/index.js'
import type { Actor, TicketCommand } from '../ticket/index.js'
import { handoverNoteRequired, type EscalationError } from './errors.js'
import type { Decision, EscalationDue } from './model.js'
import { isBlank } from '../internal/describe.js'

import { decodeError, makeIssue } from '../internal/decodeError.js'
import { maxInstant, minInstant } from '../time/index.js'
import { isDecision, isRecord } from './guard.js'

/**
 * Options of {@link toCommands}: when the commands happen and who records them, and the handover
 * note of an escalation (a text, or a function of the decision, so it can quote the reason or
 * the agent's draft). Without a note, an escalation decision is an error: the decision cannot
 * write one.
 *
 * @category models
 * @since 0.1.0
 */
export interface CommandOptions {
  readonly at: Instant
  readonly actor: Actor
  /** The handover note of every escalation, or a function that writes one per decision. */
  readonly note?: string | ((decision: EscalationDue) => string)
  /** Whom the escalated ticket goes to in the new tier, if anyone yet. */
  readonly assignee?: (decision: EscalationDue) => string | undefined
}

/**
 * Turns the decisions that are due at `at` into ticket commands, in order: `Escalate` (with the
 * caller's handover note) and `Notify` (recorded as `NoticeSent`, so it fires once). A notice
 * held until later (`sendAt` after `at`) is left out: evaluate again at or after its `sendAt`.
 * Feed the commands to `Ticket.decide` (or `Ticket.runEvents`) to record them.
 *
 * An escalation to an external tier does not start a wait by itself: if the customer's SLA
 * pauses while awaiting that party, add `{ _tag: 'Await', party: decision.awaiting }` yourself.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Escalation, Ticket, Time } from 'itsm-kit'
 * const at = Time.instant
 * const id = Ticket.ticketId('INC-7')
 * const decisions: ReadonlyArray<Escalation.Decision> = [
 *   { _tag: 'EscalationDue', ticketId: id, fromTier: 'L1', toTier: 'L2', dueSince: at('2025-03-10T09:30:00Z'),
 *     reason: { _tag: 'TimeboxExceeded', tier: 'L1', timebox: Time.minutes(30), spent: Time.minutes(40) } },
 *   { _tag: 'NoticeDue', ticketId: id, audience: 'manager', reason: 'resolution:breach', dueSince: at('2025-03-10T09:00:00Z'), sendAt: at('2025-03-11T07:00:00Z') }
 * ]
 * const system = { role: 'system', id: 'escalation' } as const
 * const commands = pipe(decisions, Escalation.toCommands({ at: at('2025-03-10T09:40:00Z'), actor: system,
 *   note: (d) => `Automatic: ${d.fromTier} timebox spent. Steps so far are in the notes.` }))
 * assert.deepStrictEqual(commands, E.right([{ _tag: 'Escalate', at: at('2025-03-10T09:40:00Z'), actor: system, toTier: 'L2',
 *   note: 'Automatic: L1 timebox spent. Steps so far are in the notes.' }]))
 * assert.deepStrictEqual(pipe(decisions, Escalation.toCommands({ at: at('2025-03-10T09:40:00Z'), actor: system }), E.mapLeft((e) => e._tag)),
 *   E.left('HandoverNoteRequired'))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toCommands =
  (options: CommandOptions) =>
  (self: ReadonlyArray<Decision>): E.Either<EscalationError, ReadonlyArray<TicketCommand>> => {
    try {
      // a JavaScript caller may pass anything
      if (!isRecord(options))
        return E.left(decodeError([makeIssue('options', 'command options ({ at, actor, note? })', options)]))
      const at: unknown = options.at
      if (!(typeof at === 'number' && Number.isFinite(at) && at >= minInstant && at <= maxInstant))
        return E.left(decodeError([makeIssue('options.at', 'an instant (epoch milliseconds) from 1900 to 2200', at)]))
      if (!isRecord(options.actor))
        return E.left(decodeError([makeIssue('options.actor', 'an actor ({ role, id })', options.actor)]))
      if (options.note !== undefined && typeof options.note !== 'string' && typeof options.note !== 'function')
        return E.left(
          decodeError([makeIssue('options.note', 'a handover note, or a function that writes one', options.note)])
        )
      if (options.assignee !== undefined && typeof options.assignee !== 'function')
        return E.left(
          decodeError([makeIssue('options.assignee', 'a function that names the assignee', options.assignee)])
        )
      if (!Array.isArray(self)) return E.left(decodeError([makeIssue('decisions', 'a list of decisions', self)]))
      const out: TicketCommand[] = []
      for (const [i, d] of (self as ReadonlyArray<unknown>).entries()) {
        if (!isDecision(d))
          return E.left(
            decodeError([makeIssue(`decisions[${i}]`, 'an escalation decision (EscalationDue or NoticeDue)', d)])
          )
        switch (d._tag) {
          case 'EscalationDue': {
            if (d.dueSince > options.at) continue
            const note = typeof options.note === 'function' ? options.note(d) : options.note
            if (isBlank(note))
              return E.left(handoverNoteRequired(`decisions[${i}].note`, d.ticketId, d.fromTier, d.toTier, note))
            const assignee = options.assignee?.(d)
            out.push({
              _tag: 'Escalate',
              at: options.at,
              actor: options.actor,
              toTier: d.toTier,
              note: note as string,
              ...(assignee === undefined ? {} : { assignee })
            })
            break
          }
          case 'NoticeDue':
            if (d.sendAt > options.at) continue
            out.push({ _tag: 'Notify', at: options.at, actor: options.actor, audience: d.audience, reason: d.reason })
            break
          default:
            return absurd(d)
        }
      }
      return E.right(out)
    } catch {
      // an object whose reads throw (a Proxy from a JavaScript caller)
      return E.left(
        decodeError([makeIssue('options', 'command options and decisions whose properties can be read', options)])
      )
    }
  }
