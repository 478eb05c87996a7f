import { isArrayValue } from '../internal/primitives.js'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as Ord from 'fp-ts/lib/Ord.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import * as S from 'fp-ts/lib/string.js'
import {
  decide,
  defaultContext,
  runEvents,
  type Ticket,
  type TicketCommand,
  type TicketEvent
} from '../ticket/index.js'
import { alreadyOnWorkaround, notAProblem, notFixed, noWorkaround, type WorkaroundError } from './errors.js'
import type { FollowUp, Refusal, Rollout, RolloutOptions, TicketEvents, Withdrawal, WithdrawOptions } from './model.js'
import { byTicketId, isActive, latest } from './pool.js'
import { isRecord, isTicket, notATicket, optionsError } from './guard.js'
import { isFinished } from '../ticket/index.js'

// the problem's workaround, or why the ticket cannot serve as a problem with one
const problemWorkaround = (problem: Ticket): E.Either<WorkaroundError, NonNullable<Ticket['workaround']>> =>
  problem.kind !== 'problem'
    ? E.left(notAProblem(problem))
    : problem.workaround === undefined
      ? E.left(noWorkaround(problem))
      : E.right(problem.workaround)

/**
 * Applies a problem's workaround to every incident among `tickets` that links to it, in one
 * step: per incident, the `WorkaroundApplied` event (naming the problem) and, when
 * `options.resolve` is given, the `TicketResolved` event with code `workaround` — or why the
 * incident refuses (it is closed or resolved, it already runs on a workaround, `at` is before
 * its latest event, …). Tickets that do not link to the problem are ignored.
 *
 * The problem must be a problem with a workaround in force; otherwise the result is a `Left`.
 * Each incident's events are decided by `Ticket.decide`, so they replay after its history.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const at = (hhmm: string) => Time.instant(`2025-03-10T${hhmm}:00Z`)
 * const problem = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('08:00'), actor: kari, ticketId: Ticket.ticketId('PRB-7'), channel: 'monitoring',
 *     customer: 'Fjord AS', requester: 'kari', title: 'VPN drops every hour', kind: 'problem' },
 *   { _tag: 'ApplyWorkaround', at: at('09:00'), actor: kari, description: 'Use the web client' }
 * ])
 * const incident = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('08:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone',
 *     customer: 'Fjord AS', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'LinkProblem', at: at('09:00'), actor: kari, problemId: Ticket.ticketId('PRB-7') }
 * ])
 * const rollout = pipe(
 *   E.Do,
 *   E.apS('problem', problem),
 *   E.apS('incident', incident),
 *   E.flatMap(({ problem, incident }) =>
 *     pipe(problem, Workaround.rollOut([incident], { at: at('10:00'), actor: kari, resolve: { note: 'Web client works' } })))
 * )
 * assert.deepStrictEqual(pipe(rollout, E.map((r) => r.incidents.map(({ ticketId, events }) => [ticketId, events.map((e) => e._tag)]))),
 *   E.right([['INC-1', ['WorkaroundApplied', 'TicketResolved']]]))
 * ```
 * @category transitions
 * @since 0.1.0
 */
export const rollOut =
  (tickets: ReadonlyArray<Ticket>, options: RolloutOptions) =>
  (self: Ticket): E.Either<WorkaroundError, Rollout> => {
    if (!isTicket(self)) return E.left(notATicket('problem', self))
    const wrong = optionsError(options)
    if (wrong !== undefined) return E.left(wrong)
    const workaround = problemWorkaround(self)
    if (E.isLeft(workaround)) return workaround
    const context = options.context ?? defaultContext
    const commands: ReadonlyArray<TicketCommand> = [
      {
        _tag: 'ApplyWorkaround',
        at: options.at,
        actor: options.actor,
        description: workaround.right.description,
        problemId: self.id
      },
      ...(options.resolve === undefined
        ? []
        : [
            {
              _tag: 'Resolve',
              at: options.at,
              actor: options.actor,
              code: 'workaround',
              note: options.resolve.note
            } as const
          ])
    ]
    const incidents: Array<TicketEvents> = []
    const refused: Array<Refusal> = []
    for (const t of latest(tickets)) {
      if (t.id === self.id || !t.problemIds.includes(self.id)) continue
      if (t.workaround !== undefined && !isFinished(t)) {
        refused.push({ ticketId: t.id, error: alreadyOnWorkaround(t, t.workaround.appliedAt, t.workaround.problemId) })
        continue
      }
      const decided = runEvents(context, t)(commands)
      if (E.isLeft(decided)) refused.push({ ticketId: t.id, error: decided.left })
      else incidents.push({ ticketId: t.id, events: decided.right.events })
    }
    return E.right({
      _tag: 'Rollout',
      problemId: self.id,
      incidents: RA.sort(byTicketId)(incidents),
      refused: RA.sort(byTicketId)(refused)
    })
  }

/**
 * Withdraws a problem's workaround (it stopped working) from the problem and from every ticket
 * among `tickets` that runs on it and is not closed or cancelled: a `WorkaroundWithdrawn` event
 * each. Tickets resolved with code `workaround` reopen; {@link Withdrawal} lists them. A ticket
 * that refuses (`at` before its latest event) is listed with its error.
 *
 * When the problem is not a problem, has no workaround in force, or refuses the withdrawal, the
 * result is a `Left` and no ticket gets events.
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
 *   { _tag: 'LinkProblem', at: at('09:00'), actor: kari, problemId: prb },
 *   { _tag: 'ApplyWorkaround', at: at('09:00'), actor: kari, description: 'Use the web client', problemId: prb },
 *   { _tag: 'Resolve', at: at('09:00'), actor: kari, code: 'workaround', note: 'Web client works' }
 * ])
 * const withdrawal = pipe(
 *   E.Do,
 *   E.apS('problem', problem),
 *   E.apS('incident', incident),
 *   E.flatMap(({ problem, incident }) => pipe(problem, Workaround.withdraw([incident], { at: at('12:00'), actor: kari, reason: 'The web client is down too' })))
 * )
 * assert.deepStrictEqual(pipe(withdrawal, E.map((w) => [Workaround.toEvents(w).map((e) => `${e.ticketId} ${e._tag}`), w.reopened])),
 *   E.right([['PRB-7 WorkaroundWithdrawn', 'INC-1 WorkaroundWithdrawn'], ['INC-1']]))
 * ```
 * @category transitions
 * @since 0.1.0
 */
export const withdraw =
  (tickets: ReadonlyArray<Ticket>, options: WithdrawOptions) =>
  (self: Ticket): E.Either<WorkaroundError, Withdrawal> => {
    if (!isTicket(self)) return E.left(notATicket('problem', self))
    const wrong = optionsError(options)
    if (wrong !== undefined) return E.left(wrong)
    const workaround = problemWorkaround(self)
    if (E.isLeft(workaround)) return workaround
    const context = options.context ?? defaultContext
    const command: TicketCommand = {
      _tag: 'WithdrawWorkaround',
      at: options.at,
      actor: options.actor,
      reason: options.reason
    }
    const problem = decide(command, context)(self)
    if (E.isLeft(problem)) return problem
    const incidents: Array<TicketEvents> = []
    const reopened: Array<Ticket['id']> = []
    const refused: Array<Refusal> = []
    for (const t of latest(tickets)) {
      if (t.id === self.id || t.workaround?.problemId !== self.id || isFinished(t)) continue
      const decided = decide(command, context)(t)
      if (E.isLeft(decided)) refused.push({ ticketId: t.id, error: decided.left })
      else {
        incidents.push({ ticketId: t.id, events: decided.right })
        if (t.status._tag === 'Resolved' && t.status.code === 'workaround') reopened.push(t.id)
      }
    }
    return E.right({
      _tag: 'Withdrawal',
      problemId: self.id,
      problem: { ticketId: self.id, events: problem.right },
      incidents: RA.sort(byTicketId)(incidents),
      reopened: RA.sort<Ticket['id']>(S.Ord)(reopened),
      refused: RA.sort(byTicketId)(refused)
    })
  }

const byCustomerThenId: Ord.Ord<FollowUp> = Ord.getMonoid<FollowUp>().concat(
  Ord.contramap((f: FollowUp) => f.customer)(S.Ord),
  byTicketId
)

/**
 * Lists, once the permanent fix shipped (the problem is resolved with code `fixed`), the tickets
 * among `tickets` still running on the problem's workaround: active, or resolved with code
 * `workaround`. They need a follow-up: apply the fix, then resolve or ask the customer to
 * confirm. Sorted by customer, then ticket id. A problem that is not fixed is an error.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const monday = Time.instant('2025-03-10T09:00:00Z')
 * const nextMonday = Time.instant('2025-03-17T09:00:00Z')
 * const prb = Ticket.ticketId('PRB-7')
 * const problem = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: monday, actor: kari, ticketId: prb, channel: 'monitoring', customer: 'Fjord AS', requester: 'kari', title: 'VPN drops', kind: 'problem' },
 *   { _tag: 'ApplyWorkaround', at: monday, actor: kari, description: 'Use the web client' },
 *   { _tag: 'Resolve', at: nextMonday, actor: kari, code: 'fixed', note: 'Firewall MTU corrected' }
 * ])
 * const incident = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: monday, actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone', customer: 'Fjord AS', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'ApplyWorkaround', at: monday, actor: kari, description: 'Use the web client', problemId: prb }
 * ])
 * const followUps = pipe(
 *   E.Do,
 *   E.apS('problem', problem),
 *   E.apS('incident', incident),
 *   E.flatMap(({ problem, incident }) => pipe(problem, Workaround.followUps([incident])))
 * )
 * assert.deepStrictEqual(followUps, E.right([{ ticketId: 'INC-1', customer: 'Fjord AS', title: 'VPN down', status: 'New', appliedAt: monday }]))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const followUps =
  (tickets: ReadonlyArray<Ticket>) =>
  (self: Ticket): E.Either<WorkaroundError, ReadonlyArray<FollowUp>> => {
    if (!isTicket(self)) return E.left(notATicket('problem', self))
    if (self.kind !== 'problem') return E.left(notAProblem(self))
    if (!(self.status._tag === 'Resolved' && self.status.code === 'fixed')) return E.left(notFixed(self))
    const out: Array<FollowUp> = []
    for (const t of latest(tickets)) {
      const w = t.workaround
      if (t.id === self.id || w === undefined || w.problemId !== self.id) continue
      if (isActive(t) || (t.status._tag === 'Resolved' && t.status.code === 'workaround'))
        out.push({
          ticketId: t.id,
          customer: t.customer,
          title: t.title,
          status: t.status._tag,
          appliedAt: w.appliedAt
        })
    }
    return E.right(RA.sort(byCustomerThenId)(out))
  }

/**
 * Returns every event of a rollout or a withdrawal, ready to store: the problem's first (for a
 * withdrawal), then each ticket's, by ticket id (none for a value that is neither).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket, Workaround } from 'itsm-kit'
 * const empty: Workaround.Rollout = { _tag: 'Rollout', problemId: Ticket.ticketId('PRB-7'), incidents: [], refused: [] }
 * assert.deepStrictEqual(Workaround.toEvents(empty), [])
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toEvents = (self: Rollout | Withdrawal): ReadonlyArray<TicketEvent> => {
  try {
    return toEventsUnguarded(self)
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller) holds no events
    return []
  }
}

const toEventsUnguarded = (self: Rollout | Withdrawal): ReadonlyArray<TicketEvent> =>
  !isRecord(self) || !isArrayValue(self.incidents) || (self._tag === 'Withdrawal' && !isRecord(self.problem))
    ? []
    : pipe(
        self._tag === 'Withdrawal' ? [self.problem, ...self.incidents] : self.incidents,
        RA.flatMap((t) => (isRecord(t) && isArrayValue(t.events) ? t.events : []))
      )
