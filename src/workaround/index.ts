/**
 * Workarounds and known errors, as pure functions over tickets. A workaround is the loan car
 * while yours is repaired: it restores service before the permanent fix exists. An incident may
 * be resolved by it, while the problem behind it stays open as a *known error* (a problem with a
 * root cause and/or a workaround) until the real fix ships; every ticket running on a workaround
 * is tracked until then.
 *
 * - {@link knownError} / {@link knownErrors}: a problem seen as a known error, with its linked
 *   incidents; {@link withoutRootCause} and {@link recurring} rank what to investigate first.
 * - {@link rollOut}: a problem's workaround applied to all its linked incidents in one step.
 * - {@link withdraw}: a workaround that stopped working, taken back everywhere (reopening the
 *   tickets resolved by it).
 * - {@link followUps}: after the permanent fix, the tickets still on the workaround.
 * - {@link onWorkaround}: the tickets running on a workaround per customer, with their age in
 *   business time.
 * - {@link timeOnWorkaround}: how long one ticket has run on workarounds, read from its checked
 *   timeline (`Ticket.timeline`).
 *
 * Every function takes tickets as rebuilt by `Ticket.replay`; the flows return the events to
 * store (decided by `Ticket.decide`, so they replay) and never read a clock.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const at = (hhmm: string) => Time.instant(`2025-03-10T${hhmm}:00Z`)
 * const prb = Ticket.ticketId('PRB-7')
 * const problem = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('08:00'), actor: kari, ticketId: prb, channel: 'monitoring', customer: 'Fjord AS', requester: 'kari', title: 'VPN drops', kind: 'problem' },
 *   { _tag: 'ApplyWorkaround', at: at('09:00'), actor: kari, description: 'Use the web client' }
 * ])
 * const incident = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('08:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone', customer: 'Fjord AS', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'LinkProblem', at: at('08:00'), actor: kari, problemId: prb }
 * ])
 * const rolledOut = pipe(
 *   E.Do,
 *   E.apS('problem', problem),
 *   E.apS('incident', incident),
 *   E.flatMap(({ problem, incident }) => pipe(problem, Workaround.rollOut([incident], { at: at('10:00'), actor: kari }))),
 *   E.map((r) => Workaround.toEvents(r).map((e) => `${e.ticketId} #${e.seq} ${e._tag}`))
 * )
 * assert.deepStrictEqual(rolledOut, E.right(['INC-1 #3 WorkaroundApplied']))
 * ```
 * @module Workaround
 * @since 0.1.0
 */
export type {
  CustomerCalendar,
  CustomerWorkarounds,
  FollowUp,
  KnownError,
  KnownErrorStatus,
  LinkedIncident,
  RecurringProblem,
  Refusal,
  Rollout,
  RolloutOptions,
  RunningWorkaround,
  TicketEvents,
  Withdrawal,
  WithdrawOptions
} from './model.js'
export type {
  AlreadyOnWorkaround,
  NoWorkaround,
  NotAKnownError,
  NotAProblem,
  NotFixed,
  WorkaroundError
} from './errors.js'
export { isKnownError, knownError, knownErrors, knownErrorStatus, recurring, withoutRootCause } from './knownError.js'
export { followUps, rollOut, toEvents, withdraw } from './flows.js'
export { age, isOnWorkaround, onWorkaround, timeOnWorkaround } from './aging.js'
