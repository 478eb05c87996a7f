import * as E from 'fp-ts/lib/Either.js'
import * as Calendar from '../calendar/index.js'
import type { KindRules } from '../classification/index.js'
import * as Priority from '../priority/index.js'
import type { Agreement } from '../sla/index.js'
import type { Duration, Instant } from '../time/index.js'
import type { TicketEvent } from '../ticket/index.js'
import { invalid, type ReportError } from './errors.js'
import { factsOf, type TicketFacts } from './facts.js'
import { agreementsByCustomer, checkInstant, customerOf, historyProblem, idOf } from './input.js'
import type { CustomerStatus, DailyStatus, Health, Rejected, StatusReason, StatusRules } from './model.js'

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
  /** The histories were checked when stored or decoded: skip checking every event again (default false). */
  readonly trusted?: boolean
}

/** The reasons one ticket gives its customer at `at`. @internal */
export const reasonsOf = (f: TicketFacts, rules: DailyStatus['rules'], calendar: Calendar.BusinessCalendar, at: number): ReadonlyArray<StatusReason> => {
  if (f.standing !== 'open') return []
  const out: StatusReason[] = []
  const p = f.priority === undefined ? {} : { priority: f.priority }
  if (f.priority !== undefined && rules.criticalPriorities.includes(f.priority)) out.push({ ticketId: f.ticketId, rule: 'criticalPriority', health: 'Critical', priority: f.priority })
  if (f.category !== undefined && rules.criticalCategories.includes(f.category))
    out.push({ ticketId: f.ticketId, rule: 'criticalCategory', health: 'Critical', ...p, category: f.category })
  for (const c of f.clocks)
    if ((c.metric === 'response' || c.metric === 'resolution') && c.state === 'Breached' && c.breachedAt !== undefined)
      out.push({ ticketId: f.ticketId, rule: 'breached', health: 'Critical', ...p, metric: c.metric, breachedAt: c.breachedAt })
  const span = f.openSpans[f.openSpans.length - 1]
  if (span !== undefined && span[0] > at - rules.lookBack && span[0] <= at)
    out.push({
      ticketId: f.ticketId,
      rule: 'newOrReopened',
      health: 'NeedAttention',
      ...p,
      ...(span[0] === f.openedAt && f.openSpans.length === 1 ? { openedAt: span[0] as Instant } : { reopenedAt: span[0] as Instant })
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
      out.push({ ticketId: f.ticketId, rule: 'workaroundTooLong', health: 'NeedAttention', ...p, workaroundSince: f.onWorkaroundSince as Instant, workaroundAge: age })
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
  if (r.criticalPriorities !== undefined && !strings(r.criticalPriorities)) return E.left(invalid('rules.criticalPriorities', 'an array of priority names', r.criticalPriorities))
  if (r.criticalCategories !== undefined && !strings(r.criticalCategories)) return E.left(invalid('rules.criticalCategories', 'an array of categories', r.criticalCategories))
  const dur = (u: unknown): boolean => typeof u === 'number' && Number.isFinite(u) && u >= 0
  if (r.lookBack !== undefined && !dur(r.lookBack)) return E.left(invalid('rules.lookBack', 'a non-negative duration in milliseconds', r.lookBack))
  if (r.workaroundLimit !== undefined && !dur(r.workaroundLimit)) return E.left(invalid('rules.workaroundLimit', 'a non-negative duration in milliseconds', r.workaroundLimit))
  return E.right({
    criticalPriorities: r.criticalPriorities ?? Priority.itilDefault.priorities.slice(0, 2).map((p) => p.name),
    criticalCategories: r.criticalCategories ?? [],
    lookBack: r.lookBack ?? ((24 * HOUR) as Duration),
    ...(r.workaroundLimit === undefined ? {} : { workaroundLimit: r.workaroundLimit })
  })
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
 * const calendar = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const at = (iso: string) => pipe(Time.fromISO(iso), E.getOrElseW(() => assert.fail()))
 * const kari = { role: 'agent', id: 'kari' } as const
 * const down = pipe(Ticket.runEvents([
 *   { _tag: 'Open', at: at('2025-03-10T07:55:00+01:00'), actor: kari, ticketId: 'INC-1' as Ticket.TicketId, channel: 'monitoring', customer: 'Fjord AS', requester: 'nagios', title: 'Server down', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-03-10T07:56:00+01:00'), actor: kari, urgency: 'high', impact: 'high' }
 * ], Ticket.defaultContext), E.map((r) => r.events), E.getOrElseW(() => assert.fail()))
 * const agreements = [{ customer: 'Fjord AS', policy: Sla.examplePolicy, calendar }, { customer: 'Vik AS', policy: Sla.examplePolicy, calendar }]
 * const status = pipe([down], Report.dailyStatus({ agreements, at: at('2025-03-10T08:00:00+01:00') }))
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
  (self: ReadonlyArray<ReadonlyArray<TicketEvent>>): E.Either<ReportError, DailyStatus> => {
    if (typeof params !== 'object' || params === null) return E.left(invalid('params', 'the daily status parameters', params))
    const agreements = agreementsByCustomer(params.agreements)
    if (E.isLeft(agreements)) return agreements
    const at = checkInstant(params.at, 'params.at')
    if (E.isLeft(at)) return at
    const rules = resolveRules(params.rules)
    if (E.isLeft(rules)) return rules
    if (!Array.isArray(self)) return E.left(invalid('histories', 'an array of ticket histories', self))
    const reasons = new Map<string, StatusReason[]>()
    for (const c of agreements.right.keys()) reasons.set(c, [])
    const rejected: Rejected[] = []
    for (const h of self) {
      const problem = historyProblem(h)
      if (problem !== undefined) {
        rejected.push({ ticketId: idOf(h), message: problem })
        continue
      }
      const customer = customerOf(h)
      const agreement = customer === undefined ? undefined : agreements.right.get(customer)
      if (agreement === undefined) {
        rejected.push({ ticketId: idOf(h), message: customer === undefined ? 'the history does not start with TicketOpened' : 'its customer has no agreement' })
        continue
      }
      const facts = factsOf(h, agreement, at.right, { ...(params.kinds === undefined ? {} : { kinds: params.kinds }), trusted: params.trusted === true })
      if (E.isLeft(facts)) {
        rejected.push({ ticketId: idOf(h), message: facts.left.message })
        continue
      }
      if (facts.right === undefined) continue
      ;(reasons.get(facts.right.customer) as StatusReason[]).push(...reasonsOf(facts.right, rules.right, agreement.calendar, at.right))
    }
    const customers: CustomerStatus[] = [...reasons].map(([customer, rs]) => ({
      customer,
      health: rs.some((r) => r.health === 'Critical') ? 'Critical' : rs.length > 0 ? 'NeedAttention' : 'Good',
      reasons: [...rs].sort((a, b) => rank[a.health] - rank[b.health] || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0))
    }))
    customers.sort((a, b) => rank[a.health] - rank[b.health] || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0))
    rejected.sort((a, b) => (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0))
    return E.right({ _tag: 'DailyStatus', at: at.right as Instant, rules: rules.right, customers, rejected })
  }
