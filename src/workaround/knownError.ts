import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as N from 'fp-ts/lib/number.js'
import * as Ord from 'fp-ts/lib/Ord.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import * as S from 'fp-ts/lib/string.js'
import type { Ticket } from '../ticket/index.js'
import { notAKnownError, notAProblem, type WorkaroundError } from './errors.js'
import type { KnownError, KnownErrorStatus, LinkedIncident, RecurringProblem } from './model.js'
import { isTicket, notATicket } from './guard.js'
import { byTicketId, latest, linksByProblem } from './pool.js'
import { isFinished } from '../ticket/index.js'

/**
 * Returns where a problem stands as a known error: `open`, `workaroundAvailable`, `fixed` or
 * `closed` (see {@link KnownErrorStatus}); `closed` for a value that is not a ticket.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const problem = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: Time.instant('2025-03-10T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('PRB-7'), channel: 'monitoring',
 *     customer: 'Fjord AS', requester: 'kari', title: 'VPN drops every hour', kind: 'problem' },
 *   { _tag: 'ApplyWorkaround', at: Time.instant('2025-03-10T09:00:00Z'), actor: kari, description: 'Use the web client' }
 * ])
 * assert.deepStrictEqual(pipe(problem, E.map(Workaround.knownErrorStatus)), E.right('workaroundAvailable'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const knownErrorStatus = (self: Ticket): KnownErrorStatus => {
  // a value that is not a ticket (as a JavaScript caller may pass) has nothing left to track
  if (!isTicket(self)) return 'closed'
  const s = self.status
  switch (s._tag) {
    case 'Closed':
    case 'Cancelled':
      return 'closed'
    case 'Resolved':
      return s.code === 'fixed'
        ? 'fixed'
        : s.code === 'workaround'
          ? self.workaround === undefined
            ? 'open'
            : 'workaroundAvailable'
          : 'closed'
    default:
      return self.workaround === undefined ? 'open' : 'workaroundAvailable'
  }
}

/**
 * Tells whether a ticket is a known error: a problem with a root cause, a workaround, or both
 * (false for a value that is not a ticket).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const open = { _tag: 'Open', at: Time.instant('2025-03-10T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('PRB-7'),
 *   channel: 'monitoring', customer: 'Fjord AS', requester: 'kari', title: 'VPN drops every hour', kind: 'problem' } as const
 * const cause = { _tag: 'IdentifyRootCause', at: Time.instant('2025-03-11T08:00:00Z'), actor: kari, rootCause: 'MTU mismatch' } as const
 * assert.deepStrictEqual(pipe(Ticket.run(Ticket.defaultContext)([open]), E.map(Workaround.isKnownError)), E.right(false))
 * assert.deepStrictEqual(pipe(Ticket.run(Ticket.defaultContext)([open, cause]), E.map(Workaround.isKnownError)), E.right(true))
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isKnownError = (self: Ticket): boolean =>
  isTicket(self) && self.kind === 'problem' && (self.workaround !== undefined || self.rootCause !== undefined)

const linkedIncident =
  (problem: Ticket) =>
  (t: Ticket): LinkedIncident => ({
    ticketId: t.id,
    customer: t.customer,
    status: t.status._tag,
    onWorkaround: t.workaround?.problemId === problem.id && !isFinished(t)
  })

// the view of a problem that is a known error, given the tickets that link to it
const view = (problem: Ticket, linked: ReadonlyArray<Ticket>): KnownError => ({
  _tag: 'KnownError',
  problemId: problem.id,
  symptom: problem.title,
  status: knownErrorStatus(problem),
  ...(problem.rootCause === undefined ? {} : { rootCause: problem.rootCause }),
  ...(problem.workaround === undefined
    ? {}
    : { workaround: { description: problem.workaround.description, appliedAt: problem.workaround.appliedAt } }),
  incidents: pipe(linked, RA.map(linkedIncident(problem)), RA.sort(byTicketId))
})

/**
 * Builds the known error of a problem: its symptom (the title), root cause, workaround, status
 * and the incidents among `tickets` that link to it (sorted by id; other tickets are ignored).
 * A ticket that is not a problem, or a problem with neither a root cause nor a workaround, is
 * an error.
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
 * const known = pipe(
 *   E.Do,
 *   E.apS('problem', problem),
 *   E.apS('incident', incident),
 *   E.flatMap(({ problem, incident }) => pipe(problem, Workaround.knownError([incident])))
 * )
 * assert.deepStrictEqual(known, E.right({
 *   _tag: 'KnownError', problemId: 'PRB-7', symptom: 'VPN drops every hour', status: 'workaroundAvailable',
 *   workaround: { description: 'Use the web client', appliedAt: at('09:00') },
 *   incidents: [{ ticketId: 'INC-1', customer: 'Fjord AS', status: 'New', onWorkaround: false }]
 * }))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const knownError =
  (tickets: ReadonlyArray<Ticket>) =>
  (self: Ticket): E.Either<WorkaroundError, KnownError> => {
    if (!isTicket(self)) return E.left(notATicket('problem', self))
    if (self.kind !== 'problem') return E.left(notAProblem(self))
    if (!isKnownError(self)) return E.left(notAKnownError(self))
    return E.right(
      view(
        self,
        latest(tickets).filter((t) => t.id !== self.id && t.problemIds.includes(self.id))
      )
    )
  }

const byProblemId: Ord.Ord<KnownError> = Ord.contramap((k: KnownError) => k.problemId as string)(S.Ord)

/**
 * Lists the known errors among tickets (problems with a root cause or a workaround, whatever
 * their status), each with the incidents among the same tickets that link to it; sorted by
 * problem id.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const problem = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: Time.instant('2025-03-10T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('PRB-7'), channel: 'monitoring',
 *     customer: 'Fjord AS', requester: 'kari', title: 'VPN drops every hour', kind: 'problem' },
 *   { _tag: 'IdentifyRootCause', at: Time.instant('2025-03-10T09:00:00Z'), actor: kari, rootCause: 'MTU mismatch on the new firewall' }
 * ])
 * assert.deepStrictEqual(pipe(problem, E.map((p) => Workaround.knownErrors([p]).map((k) => [k.problemId, k.status, k.rootCause]))),
 *   E.right([['PRB-7', 'open', 'MTU mismatch on the new firewall']]))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const knownErrors = (tickets: ReadonlyArray<Ticket>): ReadonlyArray<KnownError> => {
  const all = latest(tickets)
  const links = linksByProblem(all)
  return pipe(
    all.filter(isKnownError),
    RA.map((p) => view(p, links.get(p.id) ?? [])),
    RA.sort(byProblemId)
  )
}

const stillToEliminate = (status: KnownErrorStatus): boolean => status === 'open' || status === 'workaroundAvailable'

const byWorkaroundAge: Ord.Ord<KnownError> = Ord.contramap((k: KnownError) => k.workaround?.appliedAt ?? 0)(N.Ord)

/**
 * Lists the known errors still without a root cause: problems that are not fixed or closed and
 * run on a workaround alone. The oldest workaround comes first (the longest without an
 * investigation result), then by problem id.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const problem = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: Time.instant('2025-03-10T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('PRB-7'), channel: 'monitoring',
 *     customer: 'Fjord AS', requester: 'kari', title: 'VPN drops every hour', kind: 'problem' },
 *   { _tag: 'ApplyWorkaround', at: Time.instant('2025-03-10T09:00:00Z'), actor: kari, description: 'Use the web client' }
 * ])
 * assert.deepStrictEqual(pipe(problem, E.map((p) => Workaround.withoutRootCause([p]).map((k) => k.problemId))), E.right(['PRB-7']))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const withoutRootCause = (tickets: ReadonlyArray<Ticket>): ReadonlyArray<KnownError> =>
  pipe(
    knownErrors(tickets),
    RA.filter((k) => k.rootCause === undefined && stillToEliminate(k.status)),
    RA.sort(Ord.getMonoid<KnownError>().concat(byWorkaroundAge, byProblemId))
  )

const byRecurrence: Ord.Ord<RecurringProblem> = pipe(
  [
    Ord.reverse(Ord.contramap((r: RecurringProblem) => r.incidents)(N.Ord)),
    Ord.reverse(Ord.contramap((r: RecurringProblem) => r.openIncidents)(N.Ord)),
    Ord.contramap((r: RecurringProblem) => r.problemId as string)(S.Ord)
  ],
  RA.reduce(Ord.getMonoid<RecurringProblem>().empty, Ord.getMonoid<RecurringProblem>().concat)
)

/**
 * Ranks the problems still to eliminate (not fixed or closed) by how many incidents among
 * `tickets` link to them, most first; ties go to more open incidents, then to the problem id.
 * Problems without linked incidents, and problems not among `tickets`, are not ranked.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const at = (hhmm: string) => Time.instant(`2025-03-10T${hhmm}:00Z`)
 * const open = (id: string, kind: 'incident' | 'problem') => ({ _tag: 'Open', at: at('08:00'), actor: kari, ticketId: Ticket.ticketId(id),
 *   channel: 'phone', customer: 'Fjord AS', requester: 'ola', title: `${kind} ${id}`, kind } as const)
 * const link = { _tag: 'LinkProblem', at: at('08:05'), actor: kari, problemId: Ticket.ticketId('PRB-1') } as const
 * const tickets = E.sequenceArray([
 *   Ticket.run(Ticket.defaultContext)([open('PRB-1', 'problem')]),
 *   Ticket.run(Ticket.defaultContext)([open('INC-1', 'incident'), link]),
 *   Ticket.run(Ticket.defaultContext)([open('INC-2', 'incident'), link])
 * ])
 * assert.deepStrictEqual(pipe(tickets, E.map(Workaround.recurring)), E.right([
 *   { problemId: 'PRB-1', symptom: 'problem PRB-1', status: 'open', incidents: 2, openIncidents: 2, incidentIds: ['INC-1', 'INC-2'] }
 * ]))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const recurring = (tickets: ReadonlyArray<Ticket>): ReadonlyArray<RecurringProblem> => {
  const all = latest(tickets)
  const links = linksByProblem(all)
  const ranked: Array<RecurringProblem> = []
  for (const p of all) {
    if (p.kind !== 'problem') continue
    const status = knownErrorStatus(p)
    const linked = links.get(p.id) ?? []
    if (!stillToEliminate(status) || linked.length === 0) continue
    ranked.push({
      problemId: p.id,
      symptom: p.title,
      status,
      incidents: linked.length,
      openIncidents: linked.filter((t) => !isFinished(t)).length,
      incidentIds: RA.sort<Ticket['id']>(S.Ord)(linked.map((t) => t.id))
    })
  }
  return RA.sort(byRecurrence)(ranked)
}
