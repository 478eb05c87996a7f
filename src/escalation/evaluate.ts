import { nextOpening } from '../calendar/index.js'
import type { KindRules } from '../classification/index.js'
import { evaluate as evaluateSla, type Agreement, type ClockState, type MetricResult } from '../sla/index.js'
import type { Duration, Instant } from '../time/index.js'
import { evolve, initial, type AwaitingParty, type Status, type TicketEvent, type TicketState } from '../ticket/index.js'
import type { Audience, Decision, Escalate, EscalationPolicy, EscalationReason, EscalationTier, Notify, PriorityRule } from './model.js'
import { measure, pausingParties } from '../sla/evaluate.js'
import { own } from '../codec/primitives.js'

/**
 * Options of {@link evaluate}: the kind rules the SLA evaluation uses (what each kind of ticket
 * is measured on), `Classification.defaultKindRules` unless given.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluateOptions {
  readonly kinds?: KindRules
}

/** What the decisions need from a ticket's history up to `now`, gathered in one pass. */
interface History {
  readonly ticket: TicketState
  /** Every status the ticket went through, in order (each with its `since`). */
  readonly statuses: ReadonlyArray<Status>
  /** When the ticket entered its current tier. */
  readonly inTierSince: number
  /** The highest rank on the ladder the ticket reached since it got its current priority (-1: none). */
  readonly reached: number
  /** Since when the ticket has had its current priority. */
  readonly prioritySince: number | undefined
}

const historyOf = (events: ReadonlyArray<TicketEvent>, rank: (tier: string) => number): History => {
  let ticket: TicketState = initial
  const statuses: Status[] = []
  let inTierSince = 0
  let reached = -1
  let prioritySince: number | undefined
  for (const e of events) {
    const before = ticket
    ticket = evolve(before, e)
    if (ticket._tag !== 'Ticket' || ticket === before) continue
    if (before._tag === 'Unopened') {
      statuses.push(ticket.status)
      inTierSince = e.at
      reached = rank(ticket.tier)
      continue
    }
    if (ticket.status !== before.status) statuses.push(ticket.status)
    if (e._tag === 'TicketEscalated') {
      inTierSince = e.at
      reached = Math.max(reached, rank(e.toTier))
    }
    if (ticket.priority !== undefined && ticket.priority.name !== before.priority?.name) {
      prioritySince = e.at
      reached = rank(ticket.tier)
    }
  }
  return { ticket, statuses, inTierSince, reached, prioritySince }
}

/**
 * The stretches since `from` during which a tier works on the ticket: new or in progress, or
 * awaiting someone the SLA does not pause for (or the tier's own outside party).
 */
const workingSpans = (statuses: ReadonlyArray<Status>, from: number, now: number, paused: ReadonlyArray<AwaitingParty>, tier: EscalationTier): Array<readonly [number, number]> => {
  const out: Array<readonly [number, number]> = []
  statuses.forEach((s, i) => {
    const a = Math.max(s.since, from)
    const b = Math.min(statuses[i + 1]?.since ?? now, now)
    if (b <= a) return
    const working = s._tag === 'New' || s._tag === 'InProgress' || (s._tag === 'Awaiting' && (!paused.includes(s.party) || s.party === tier.external?.party))
    if (working) out.push([a, b])
  })
  return out
}

const ACTIVE_CLOCK: ReadonlyArray<ClockState> = ['Running', 'AtRisk', 'Paused', 'Breached']

/** The instant a clock's counted time first reached `share` of its target, from its explanation. */
const passedAt = (m: MetricResult | undefined, share: number, now: Instant): Instant => {
  if (m?.explanation === undefined || m.targetTime === undefined) return now
  const mark = Math.ceil(share * m.targetTime)
  let acc = 0
  for (const i of m.explanation.counted) {
    const d = i.end - i.start
    if (acc + d >= mark) return (i.start + (mark - acc)) as Instant
    acc += d
  }
  return now
}


/**
 * Decides what an escalation policy says is due for one ticket at `now`, from its events and
 * the customer's agreement: plain data, at most one {@link Escalate} first, then the
 * {@link Notify} decisions. Events after `now` are ignored; closed and cancelled tickets get
 * nothing.
 *
 * - **Functional escalation** (new, in-progress or awaiting tickets): to the next tier when the
 *   business time spent in the current tier, since the ticket last entered it, exceeds the
 *   tier's timebox; or to the tier a {@link PriorityRule} demands (`atLeast`), unless the ticket
 *   has been there or higher since it got that priority (a P1 that L2 sent back to `L1` is not
 *   pulled up again). Of both, the higher target wins (on a tie, the one due first). Time in the tier is
 *   measured directly on the agreement's calendar (`Calendar.businessTimeBetween`), leaving out
 *   the waits the SLA's resolution metric pauses for (except a wait for the tier's own outside
 *   party, which is the tier's working time) and any time the ticket was resolved. The target
 *   is always higher on the ladder than the current tier; a ticket in a tier the ladder does not
 *   know is not escalated.
 * - **Hierarchical notices**: a priority rule's audiences as soon as the ticket has that
 *   priority (reason `priority:<name>`), and each notice rule whose SLA metric (a running,
 *   paused, at-risk or breached clock of `Sla.evaluate`) has used its threshold share of the
 *   target (reason `<metric>:<threshold>`) or is breached (`<metric>:breach`).
 * - **Each decision fires once**: a notice already recorded (`NoticeSent` with that audience and
 *   reason, as `Ticket.notices` lists it) is not decided again, and an escalation once recorded
 *   changes the tier, so evaluating again at the same instant returns nothing new.
 * - **Holding**: when the policy (or the ticket's priority rule) holds notices, `sendAt` is the
 *   agreement calendar's next opening at or after `now`; otherwise `now`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Escalation, Sla, Ticket, Time } from 'itsm-kit'
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const at = (iso: string) => pipe(Time.fromISO(iso), E.getOrElseW(() => assert.fail()))
 * const kari = { role: 'agent', id: 'kari' } as const
 * const events = pipe(Ticket.runEvents([
 *   { _tag: 'Open', at: at('2025-03-10T09:00:00+01:00'), actor: kari, ticketId: 'INC-7' as Ticket.TicketId, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-03-10T09:00:00+01:00'), actor: kari, urgency: 'medium', impact: 'medium' }
 * ], Ticket.defaultContext), E.map((r) => r.events), E.getOrElseW(() => assert.fail()))
 * const decisions = pipe(events, Escalation.evaluate(Escalation.examplePolicy, { policy: Sla.examplePolicy, calendar: oslo }, at('2025-03-10T09:40:00+01:00')))
 * // the first line's 30-minute timebox ran out at 09:30
 * assert.deepStrictEqual(decisions, [{ _tag: 'Escalate', ticketId: 'INC-7', fromTier: 'L1', toTier: 'L2', dueSince: at('2025-03-10T09:30:00+01:00'),
 *   reason: { _tag: 'TimeboxExceeded', tier: 'L1', timebox: 1_800_000, spent: 2_400_000 } }])
 * ```
 * @category queries
 * @since 0.1.0
 */
export const evaluate = (policy: EscalationPolicy, agreement: Agreement, now: Instant, options: EvaluateOptions = {}) => (self: ReadonlyArray<TicketEvent>): ReadonlyArray<Decision> => {
  let end = 0
  while (end < self.length && (self[end] as TicketEvent).at <= now) end++
  const events = end === self.length ? self : self.slice(0, end)
  const first = events[0]
  if (first === undefined || first._tag !== 'TicketOpened') return []
  const tiers = policy.tiers
  const rank = (tier: string): number => tiers.findIndex((t) => t.name === tier)
  const { ticket, statuses, inTierSince, reached, prioritySince } = historyOf(events, rank)
  if (ticket._tag !== 'Ticket' || ticket.status._tag === 'Closed' || ticket.status._tag === 'Cancelled') return []
  const cal = agreement.calendar
  const active = ticket.status._tag !== 'Resolved'
  const priority = ticket.priority?.name
  const rule: PriorityRule | undefined = priority === undefined ? undefined : own(policy.priorities, priority)
  const decisions: Decision[] = []

  // functional escalation: at most one, to the highest tier due
  const current = rank(ticket.tier)
  if (active && current >= 0) {
    let best: { readonly to: number; readonly reason: EscalationReason; readonly dueSince: number } | undefined
    const tier = tiers[current] as EscalationTier
    if (tier.timebox !== undefined && current + 1 < tiers.length) {
      const resolutionPolicy = agreement.policy.metrics.resolution
      const paused = resolutionPolicy === undefined ? [] : pausingParties('resolution', resolutionPolicy)
      const { elapsed: spent, breachedAt: exceededAt } = measure(cal, workingSpans(statuses, inTierSince, now, paused, tier), tier.timebox)
      if (exceededAt !== undefined)
        best = { to: current + 1, dueSince: exceededAt, reason: { _tag: 'TimeboxExceeded', tier: tier.name, timebox: tier.timebox, spent: spent as Duration } }
    }
    const demanded = rule?.atLeast === undefined ? -1 : rank(rule.atLeast)
    if (priority !== undefined && prioritySince !== undefined && demanded > reached && demanded > current) {
      const candidate = { to: demanded, dueSince: prioritySince, reason: { _tag: 'PriorityDemands', priority, atLeast: rule?.atLeast ?? '' } as const }
      if (best === undefined || candidate.to > best.to || (candidate.to === best.to && candidate.dueSince < best.dueSince)) best = candidate
    }
    if (best !== undefined) {
      const target = tiers[best.to] as EscalationTier
      const escalate: Escalate = {
        _tag: 'Escalate',
        ticketId: ticket.id,
        fromTier: ticket.tier,
        toTier: target.name,
        reason: best.reason,
        dueSince: best.dueSince as Instant,
        ...(target.external === undefined ? {} : { awaiting: target.external.party })
      }
      decisions.push(escalate)
    }
  }

  // hierarchical notices, each once per audience and reason
  const hold = rule?.holdUntilOpen ?? policy.holdUntilOpen
  const sendAt = hold ? nextOpening(now)(cal) : now
  const taken = new Set(ticket.notices)
  const notify = (audience: Audience, reason: string, dueSince: number): void => {
    const key = `${audience}/${reason}`
    if (taken.has(key)) return
    taken.add(key)
    const notice: Notify = { _tag: 'Notify', ticketId: ticket.id, audience, reason, dueSince: dueSince as Instant, sendAt }
    decisions.push(notice)
  }
  if (active && priority !== undefined && prioritySince !== undefined) for (const audience of rule?.notify ?? []) notify(audience, `priority:${priority}`, prioritySince)
  if (policy.notices.length === 0) return decisions
  const sla = evaluateSla(agreement, now, options.kinds === undefined ? {} : { kinds: options.kinds })(events)
  let explained: ReadonlyArray<MetricResult> | undefined
  for (const n of policy.notices) {
    const m = sla.metrics.find((r) => r.metric === n.metric)
    if (m === undefined || !ACTIVE_CLOCK.includes(m.state)) continue
    const reason = `${n.metric}:${n.threshold}`
    if (taken.has(`${n.audience}/${reason}`)) continue
    if (n.threshold === 'breach') {
      if (m.state === 'Breached' && m.breachedAt !== undefined) notify(n.audience, reason, m.breachedAt)
    } else if (m.used !== undefined && m.used >= n.threshold) {
      // when the threshold was passed: walk the intervals that counted (evaluated only when needed)
      explained ??= evaluateSla(agreement, now, { ...(options.kinds === undefined ? {} : { kinds: options.kinds }), explain: true })(events).metrics
      notify(n.audience, reason, passedAt(explained.find((r) => r.metric === n.metric), n.threshold, now))
    }
  }
  return decisions
}
