import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { addBusinessTime, businessTimeBetween, nextOpening, type BusinessCalendar } from '../calendar/index.js'
import type { KindRules } from '../kind/index.js'
import { decodeError, makeIssue } from '../internal/decodeError.js'
import {
  evaluateTimeline,
  pausingParties,
  type Agreement,
  type ClockState,
  type MetricResult,
  type SlaError
} from '../sla/index.js'
import type { Duration, Instant } from '../time/index.js'
import {
  defaultContext,
  timeline,
  timelineAt,
  type AwaitingParty,
  type DecideContext,
  type StatusInterval,
  type TicketError,
  type TicketEvent,
  type Timeline
} from '../ticket/index.js'
import type {
  Audience,
  Decision,
  EscalationDue,
  EscalationPolicy,
  EscalationReason,
  EscalationTier,
  NoticeDue,
  NoticeReason,
  PriorityEscalation
} from './model.js'
import { audiences } from '../internal/audience.js'
import { own } from '../internal/primitives.js'
import { isRecord, policyIssue } from './guard.js'

/**
 * Options of {@link evaluate}: the ticket context the history is checked with
 * (`Ticket.defaultContext` unless given), or just the kind rules the SLA evaluation uses (what
 * each kind of ticket is measured on).
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluateOptions {
  readonly kinds?: KindRules
  /** @since 0.2.0 */
  readonly context?: DecideContext
}

/**
 * The stretches since `from` during which a tier works on the ticket: new or in progress, or
 * awaiting someone the SLA does not pause for (or the tier's own outside party).
 */
const workingSpans = (
  statuses: ReadonlyArray<StatusInterval>,
  from: number,
  now: number,
  paused: ReadonlyArray<AwaitingParty>,
  tier: EscalationTier
): Array<readonly [number, number]> => {
  const out: Array<readonly [number, number]> = []
  for (const i of statuses) {
    const a = Math.max(i.from, from)
    const b = Math.min(i.to ?? now, now)
    if (b <= a) continue
    const s = i.status
    const working =
      s._tag === 'New' ||
      s._tag === 'InProgress' ||
      (s._tag === 'Awaiting' && (!paused.includes(s.party) || s.party === tier.external?.party))
    if (working) out.push([a, b])
  }
  return out
}

/** The business time in the spans, and the instant it went past `limit` (if it did). */
const spentIn = (
  cal: BusinessCalendar,
  spans: ReadonlyArray<readonly [number, number]>,
  limit: number
): { readonly spent: number; readonly exceededAt: number | undefined } => {
  let spent = 0
  let exceededAt: number | undefined
  for (const [a, b] of spans) {
    const d = businessTimeBetween(a as Instant, b as Instant)(cal)
    if (exceededAt === undefined && spent + d > limit)
      exceededAt = addBusinessTime(a as Instant, (limit - spent) as Duration)(cal)
    spent += d
  }
  return { spent, exceededAt }
}

const ACTIVE_CLOCK: ReadonlyArray<ClockState> = ['Running', 'AtRisk', 'Paused', 'Breached']

const last = <A>(list: ReadonlyArray<A>): A | undefined => list[list.length - 1]

/**
 * Decides what an escalation policy says is due for one ticket at `now`, from its events and
 * the customer's agreement: plain data, at most one {@link EscalationDue} first, then the
 * {@link NoticeDue} decisions. The events are read through the ticket's checked timeline
 * (`Ticket.timeline`): a history that does not replay gives the replay's `Left`, and so do
 * arguments a JavaScript caller should not pass (a `null` event, a `NaN` instant, a hand-made
 * policy with a broken tier). Events at `now` count, events after `now` are ignored; closed and
 * cancelled tickets get nothing.
 *
 * - **Functional escalation** (new, in-progress or awaiting tickets): to the next tier when the
 *   business time spent in the current tier, since the ticket last entered it, exceeds the
 *   tier's timebox; or to the tier a {@link PriorityEscalation} demands (`atLeast`), unless the ticket
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
 *   target (reason `<metric>:<threshold>`, due since the instant `Sla.evaluate` reports the share
 *   was passed) or is breached (`<metric>:breach`, due since the breach).
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
 * const agreement = Sla.makeAgreement({ calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const at = Time.instant
 * const kari = { role: 'agent', id: 'kari' } as const
 * const recorded = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('2025-03-10T09:00:00+01:00'), actor: kari, ticketId: Ticket.ticketId('INC-7'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-03-10T09:00:00+01:00'), actor: kari, urgency: 'medium', impact: 'medium' }
 * ])
 * const decisions = pipe(
 *   E.Do,
 *   E.apS('agreement', agreement),
 *   E.apSW('recorded', recorded),
 *   E.flatMap(({ agreement, recorded }) => pipe(recorded.events, Escalation.evaluate(Escalation.examplePolicy, agreement, at('2025-03-10T09:40:00+01:00'))))
 * )
 * // the first line's 30-minute timebox ran out at 09:30
 * assert.deepStrictEqual(decisions, E.right([{ _tag: 'EscalationDue', ticketId: 'INC-7', fromTier: 'L1', toTier: 'L2', dueSince: at('2025-03-10T09:30:00+01:00'),
 *   reason: { _tag: 'TimeboxExceeded', tier: 'L1', timebox: 1_800_000, spent: 2_400_000 } }]))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const evaluate =
  (policy: EscalationPolicy, agreement: Agreement, now: Instant, options: EvaluateOptions = {}) =>
  (self: ReadonlyArray<TicketEvent>): E.Either<TicketError | SlaError, ReadonlyArray<Decision>> => {
    const bad = policyIssue(policy)
    if (bad !== undefined) return E.left(decodeError([bad]))
    if (options !== undefined && options !== null && !isRecord(options))
      return E.left(decodeError([makeIssue('options', 'evaluation options (an object)', options)]))
    const o: EvaluateOptions = options ?? {}
    const context = o.context ?? (o.kinds === undefined ? defaultContext : { ...defaultContext, kinds: o.kinds })
    const checked = timeline(context)(self)
    if (E.isLeft(checked)) return checked
    // the SLA clocks at `now`, with the instants the notice thresholds were passed; this also checks the agreement and `now`
    const thresholds = [
      ...new Set(policy.notices.flatMap((n) => (typeof n.threshold === 'number' ? [n.threshold] : [])))
    ]
    const sla = evaluateTimeline(agreement, now, { context, thresholds })(checked.right)
    if (E.isLeft(sla)) return sla
    const cut = timelineAt(now)(checked.right)
    if (O.isNone(cut)) return E.right([])
    return E.right(decide(policy, agreement, now, cut.value, sla.right.metrics))
  }

const decide = (
  policy: EscalationPolicy,
  agreement: Agreement,
  now: Instant,
  t: Timeline,
  metrics: ReadonlyArray<MetricResult>
): ReadonlyArray<Decision> => {
  const status = (last(t.statuses) as StatusInterval).status
  if (status._tag === 'Closed' || status._tag === 'Cancelled') return []
  const tiers = policy.tiers
  const rank = (tier: string): number => tiers.findIndex((x) => x.name === tier)
  const tierNow = last(t.tiers) as Timeline['tiers'][number]
  const inTierSince = tierNow.from
  const currentPriority = last(t.priorities)
  const priority = currentPriority?.priority.name
  const prioritySince = currentPriority?.from
  // the highest rank on the ladder the ticket reached since it got its current priority
  let reached = -1
  if (prioritySince !== undefined)
    for (const i of t.tiers)
      if (i.from >= prioritySince || i.to === undefined || i.to > prioritySince)
        reached = Math.max(reached, rank(i.tier))
  const cal = agreement.calendar
  const active = status._tag !== 'Resolved'
  const rule: PriorityEscalation | undefined = priority === undefined ? undefined : own(policy.priorities, priority)
  const decisions: Decision[] = []

  // functional escalation: at most one, to the highest tier due
  const current = rank(tierNow.tier)
  if (active && current >= 0) {
    let best: { readonly to: number; readonly reason: EscalationReason; readonly dueSince: number } | undefined
    const tier = tiers[current] as EscalationTier
    if (tier.timebox !== undefined && current + 1 < tiers.length) {
      const paused =
        agreement.policy.metrics.resolution === undefined ? [] : pausingParties('resolution')(agreement.policy)
      const { spent, exceededAt } = spentIn(cal, workingSpans(t.statuses, inTierSince, now, paused, tier), tier.timebox)
      if (exceededAt !== undefined)
        best = {
          to: current + 1,
          dueSince: exceededAt,
          reason: { _tag: 'TimeboxExceeded', tier: tier.name, timebox: tier.timebox, spent: spent as Duration }
        }
    }
    const demanded = rule?.atLeast === undefined ? -1 : rank(rule.atLeast)
    if (priority !== undefined && prioritySince !== undefined && demanded > reached && demanded > current) {
      const candidate = {
        to: demanded,
        dueSince: prioritySince,
        reason: { _tag: 'PriorityDemands', priority, atLeast: rule?.atLeast ?? '' } as const
      }
      if (
        best === undefined ||
        candidate.to > best.to ||
        (candidate.to === best.to && candidate.dueSince < best.dueSince)
      )
        best = candidate
    }
    if (best !== undefined) {
      const target = tiers[best.to] as EscalationTier
      const escalate: EscalationDue = {
        _tag: 'EscalationDue',
        ticketId: t.ticketId,
        fromTier: tierNow.tier,
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
  // the reasons recorded or decided so far, per audience
  const taken = new Map<Audience, Set<string>>(audiences.map((a) => [a, new Set<string>()]))
  for (const n of t.notices) taken.get(n.audience)?.add(n.reason)
  const notify = (audience: Audience, reason: NoticeReason, dueSince: number): void => {
    const reasons = taken.get(audience)
    if (reasons === undefined || reasons.has(reason)) return
    reasons.add(reason)
    const notice: NoticeDue = {
      _tag: 'NoticeDue',
      ticketId: t.ticketId,
      audience,
      reason,
      dueSince: dueSince as Instant,
      sendAt
    }
    decisions.push(notice)
  }
  if (active && priority !== undefined && prioritySince !== undefined)
    for (const audience of rule?.notify ?? []) notify(audience, `priority:${priority}`, prioritySince)
  for (const n of policy.notices) {
    const m = metrics.find((r) => r.metric === n.metric)
    if (m === undefined || !ACTIVE_CLOCK.includes(m.state)) continue
    const reason: NoticeReason = `${n.metric}:${n.threshold}`
    if (n.threshold === 'breach') {
      if (m.state === 'Breached' && m.breachedAt !== undefined) notify(n.audience, reason, m.breachedAt)
    } else {
      const passed = m.warnings.find((w) => w.threshold === n.threshold)
      if (passed !== undefined) notify(n.audience, reason, passed.passedAt)
    }
  }
  return decisions
}
