import * as E from 'fp-ts/lib/Either.js'
import * as Calendar from '../calendar/index.js'
import type { KindRules } from '../kind/index.js'
import * as Priority from '../priority/index.js'
import type { Agreement } from '../sla/index.js'
import type { Duration, Instant } from '../time/index.js'
import type { TicketEvent } from '../ticket/index.js'
import { invalid, type ReportError } from './errors.js'
import { factsOf, restrictor, type FactsOptions, type TicketFacts } from './facts.js'
import { agreementsByCustomer, checkInstant, combineAll, customerOf, historyProblem, idOf, visitAll } from './input.js'
import type { CombineFn, CustomerStatus, DailyStatus, Health, Rejected, StatusReason, StatusRules } from './model.js'

const HOUR = 3_600_000

/**
 * What {@link dailyStatus} needs: every customer's agreement (policy + calendar, naming the
 * customer), the instant of the status and the rules (defaults below).
 *
 * @category models
 * @since 0.2.0
 */
export interface DailyStatusParams {
  readonly agreements: ReadonlyArray<Agreement>
  readonly at: Instant
  readonly rules?: StatusRules
  readonly kinds?: KindRules
}

/** The reasons one ticket gives its customer at `at`. @internal */
export const reasonsOf = (
  f: TicketFacts,
  rules: DailyStatus['rules'],
  calendar: Calendar.BusinessCalendar,
  at: number
): ReadonlyArray<StatusReason> => {
  if (f.standing !== 'open') return []
  const out: StatusReason[] = []
  const p = f.priority === undefined ? {} : { priority: f.priority }
  if (f.priority !== undefined && rules.criticalPriorities.includes(f.priority))
    out.push({ ticketId: f.ticketId, rule: 'criticalPriority', health: 'Critical', priority: f.priority })
  if (f.category !== undefined && rules.criticalCategories.includes(f.category))
    out.push({ ticketId: f.ticketId, rule: 'criticalCategory', health: 'Critical', ...p, category: f.category })
  for (const c of f.clocks)
    if ((c.metric === 'response' || c.metric === 'resolution') && c.state === 'Breached' && c.breachedAt !== undefined)
      out.push({
        ticketId: f.ticketId,
        rule: 'breached',
        health: 'Critical',
        ...p,
        metric: c.metric,
        breachedAt: c.breachedAt
      })
  const span = f.openSpans[f.openSpans.length - 1]
  if (span !== undefined && span[0] > at - rules.lookBack && span[0] <= at)
    out.push({
      ticketId: f.ticketId,
      rule: 'newOrReopened',
      health: 'NeedAttention',
      ...p,
      ...(span[0] === f.openedAt && f.openSpans.length === 1
        ? { openedAt: span[0] as Instant }
        : { reopenedAt: span[0] as Instant })
    })
  for (const c of f.clocks)
    if (c.state === 'AtRisk')
      out.push({
        ticketId: f.ticketId,
        rule: 'atRisk',
        health: 'NeedAttention',
        ...p,
        metric: c.metric,
        warningsPassed: c.warningsPassed,
        ...(c.dueAt === undefined ? {} : { dueAt: c.dueAt })
      })
  if (rules.workaroundLimit !== undefined && f.onWorkaroundSince !== undefined) {
    const age = Calendar.businessTimeBetween(f.onWorkaroundSince as Instant, at as Instant)(calendar)
    if (age > rules.workaroundLimit)
      out.push({
        ticketId: f.ticketId,
        rule: 'workaroundTooLong',
        health: 'NeedAttention',
        ...p,
        workaroundSince: f.onWorkaroundSince as Instant,
        workaroundAge: age
      })
  }
  return out
}

const rank: Readonly<Record<Health, number>> = { Critical: 0, NeedAttention: 1, Good: 2 }

/** Resolves and checks the rules. @internal */
export const resolveRules = (rules: unknown): E.Either<ReportError, DailyStatus['rules']> => {
  if (rules === undefined) rules = {}
  if (typeof rules !== 'object' || rules === null) return E.left(invalid('rules', 'status rules (an object)', rules))
  const r = rules as StatusRules
  const strings = (u: unknown): u is ReadonlyArray<string> => Array.isArray(u) && u.every((s) => typeof s === 'string')
  if (r.criticalPriorities !== undefined && !strings(r.criticalPriorities))
    return E.left(invalid('rules.criticalPriorities', 'an array of priority names', r.criticalPriorities))
  if (r.criticalCategories !== undefined && !strings(r.criticalCategories))
    return E.left(invalid('rules.criticalCategories', 'an array of categories', r.criticalCategories))
  const dur = (u: unknown): boolean => typeof u === 'number' && Number.isFinite(u) && u >= 0
  if (r.lookBack !== undefined && !dur(r.lookBack))
    return E.left(invalid('rules.lookBack', 'a non-negative duration in milliseconds', r.lookBack))
  if (r.workaroundLimit !== undefined && !dur(r.workaroundLimit))
    return E.left(invalid('rules.workaroundLimit', 'a non-negative duration in milliseconds', r.workaroundLimit))
  return E.right({
    criticalPriorities: r.criticalPriorities ?? Priority.itilDefault.priorities.slice(0, 2).map((p) => p.name),
    criticalCategories: r.criticalCategories ?? [],
    lookBack: r.lookBack ?? ((24 * HOUR) as Duration),
    ...(r.workaroundLimit === undefined ? {} : { workaroundLimit: r.workaroundLimit })
  })
}

/**
 * A daily-status accumulator: the reasons of the histories added so far, per customer. Opaque:
 * made and read by a {@link StatusCombiner}.
 *
 * @category models
 * @since 0.2.0
 */
export interface StatusAccumulator {
  readonly _tag: 'StatusAccumulator'
  /** @internal */
  readonly reasons: Readonly<Record<string, ReadonlyArray<StatusReason>>>
  /** @internal */
  readonly rejected: ReadonlyArray<Rejected>
}

/**
 * The combine function of the daily status ({@link CombineFn}): shards of histories reduce
 * separately and merge to exactly the status of the whole, every customer of the agreements
 * listed, Critical first.
 *
 * @category models
 * @since 0.2.0
 */
export type StatusCombiner = CombineFn<StatusAccumulator, DailyStatus>

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The combine function of the daily status for the given parameters, or what is wrong with them;
 * {@link dailyStatus} is `result(addAll(histories)(empty))`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const at = Time.instant('2025-03-10T08:00:00+01:00')
 * const status = pipe(
 *   agreement,
 *   E.flatMap((a) => Report.statusCombiner({ agreements: [a], at })),
 *   E.map((c) => c.result(pipe(c.addAll([])(c.empty), c.merge(c.empty))))
 * )
 * assert.deepStrictEqual(pipe(status, E.map((s) => s.customers)), E.right([{ customer: 'Fjord AS', health: 'Good', reasons: [] }]))
 * ```
 * @category constructors
 * @since 0.2.0
 */
export const statusCombiner = (params: DailyStatusParams): E.Either<ReportError, StatusCombiner> => {
  try {
    if (typeof params !== 'object' || params === null)
      return E.left(invalid('params', 'the daily status parameters', params))
    const agreements = agreementsByCustomer(params.agreements)
    if (E.isLeft(agreements)) return agreements
    const at = checkInstant(params.at, 'params.at')
    if (E.isLeft(at)) return at
    const rules = resolveRules(params.rules)
    if (E.isLeft(rules)) return rules
    const options: FactsOptions = {
      ...(params.kinds === undefined ? {} : { kinds: params.kinds }),
      restrict: restrictor()
    }
    const empty: StatusAccumulator = {
      _tag: 'StatusAccumulator',
      reasons: Object.create(null) as Record<string, ReadonlyArray<StatusReason>>,
      rejected: []
    }
    const addAll =
      (histories: Iterable<ReadonlyArray<TicketEvent>>) =>
      (self: StatusAccumulator): StatusAccumulator => {
        const reasons: Record<string, ReadonlyArray<StatusReason>> = Object.assign(
          Object.create(null) as Record<string, ReadonlyArray<StatusReason>>,
          self.reasons
        )
        const rejected: Rejected[] = [...self.rejected]
        const addOne = (h: ReadonlyArray<TicketEvent>): void => {
          const problem = historyProblem(h)
          if (problem !== undefined) {
            rejected.push({ ticketId: idOf(h), message: problem })
            return
          }
          const customer = customerOf(h)
          const agreement = customer === undefined ? undefined : agreements.right.get(customer)
          if (customer === undefined || agreement === undefined) {
            rejected.push({
              ticketId: idOf(h),
              message:
                customer === undefined
                  ? 'the history does not start with TicketOpened'
                  : 'its customer has no agreement'
            })
            return
          }
          const facts = factsOf(h, agreement, at.right, options)
          if (E.isLeft(facts)) {
            rejected.push({ ticketId: idOf(h), message: facts.left.message })
            return
          }
          if (facts.right === undefined) return
          const found = reasonsOf(facts.right, rules.right, agreement.calendar, at.right)
          if (found.length > 0) reasons[customer] = [...(reasons[customer] ?? []), ...found]
        }
        visitAll(histories, addOne, rejected)
        return { _tag: 'StatusAccumulator', reasons, rejected }
      }
    const merge =
      (that: StatusAccumulator) =>
      (self: StatusAccumulator): StatusAccumulator => {
        const reasons: Record<string, ReadonlyArray<StatusReason>> = Object.assign(
          Object.create(null) as Record<string, ReadonlyArray<StatusReason>>,
          self.reasons
        )
        for (const [k, rs] of Object.entries(that.reasons)) reasons[k] = [...(reasons[k] ?? []), ...rs]
        return { _tag: 'StatusAccumulator', reasons, rejected: [...self.rejected, ...that.rejected] }
      }
    const result = (self: StatusAccumulator): DailyStatus => {
      const customers: CustomerStatus[] = [...agreements.right.keys()].map((customer) => {
        const rs = self.reasons[customer] ?? []
        return {
          customer,
          health: rs.some((r) => r.health === 'Critical') ? 'Critical' : rs.length > 0 ? 'NeedAttention' : 'Good',
          // a ticket's reasons stay in the order its rules fired (a stable sort keeps them together)
          reasons: [...rs].sort((a, b) => rank[a.health] - rank[b.health] || byId(a.ticketId, b.ticketId))
        }
      })
      customers.sort((a, b) => rank[a.health] - rank[b.health] || byId(a.customer, b.customer))
      const rejected = [...self.rejected].sort((a, b) => byId(a.ticketId, b.ticketId) || byId(a.message, b.message))
      return { _tag: 'DailyStatus', at: at.right as Instant, rules: rules.right, customers, rejected }
    }
    return E.right({ empty, add: (h) => addAll([h]), addAll, merge, result })
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller)
    return E.left(invalid('params', 'daily status parameters whose properties can be read', params))
  }
}

/**
 * The morning status of every customer at `at`: **Critical** if an open ticket (not resolved,
 * closed or cancelled at `at`) has a critical priority or category, or a breached response or
 * resolution clock; otherwise **NeedAttention** if a ticket opened or reopened in the look-back
 * window `(at − lookBack, at]` is still open, an open ticket's clock is at risk, or a ticket has
 * run on a workaround longer than the limit; **Good** otherwise. Each reason names the ticket,
 * the rule and the fact. Customers of the agreements without tickets are Good; Critical first,
 * then by customer. Histories that do not replay, or whose customer has no agreement, are listed
 * in `rejected`. Events after `at` are ignored.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla, Ticket, Time } from 'itsm-kit'
 * const calendar = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * const at = Time.instant
 * const kari = { role: 'agent', id: 'kari' } as const
 * const down = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('2025-03-10T07:55:00+01:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'monitoring', customer: 'Fjord AS', requester: 'nagios', title: 'Server down', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-03-10T07:56:00+01:00'), actor: kari, urgency: 'high', impact: 'high' }
 * ])
 * const status = pipe(
 *   E.Do,
 *   E.apS('calendar', calendar),
 *   E.apSW('down', down),
 *   E.flatMap(({ calendar, down }) => {
 *     const agreements = [{ customer: 'Fjord AS', policy: Sla.examplePolicy, calendar }, { customer: 'Vik AS', policy: Sla.examplePolicy, calendar }]
 *     return pipe([down.events], Report.dailyStatus({ agreements, at: at('2025-03-10T08:00:00+01:00') }))
 *   })
 * )
 * assert.deepStrictEqual(pipe(status, E.map((s) => s.customers.map((c) => [c.customer, c.health, c.reasons.map((r) => r.rule)]))), E.right([
 *   ['Fjord AS', 'Critical', ['criticalPriority', 'newOrReopened']],
 *   ['Vik AS', 'Good', []]
 * ]))
 * ```
 * @category queries
 * @since 0.2.0
 */
export const dailyStatus =
  (params: DailyStatusParams) =>
  (self: ReadonlyArray<ReadonlyArray<TicketEvent>>): E.Either<ReportError, DailyStatus> =>
    combineAll(statusCombiner(params), self)
