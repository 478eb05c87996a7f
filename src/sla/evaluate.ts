import { hasResolutionTarget, hasResponseTarget, allowsWorkaround, defaultKindRules } from '../classification/kinds.js'
import type { KindRules, TicketKind } from '../classification/model.js'
import { addBusinessTime, businessTimeBetween, nextOpening, openIntervals } from '../calendar/businessTime.js'
import { addBusinessDays, endOfBusinessDay } from '../calendar/days.js'
import { closedStretches, type BusinessCalendar, type OpenInterval } from '../calendar/index.js'
import type { Duration, Instant } from '../time/index.js'
import type { TicketEvent } from '../ticket/events.js'
import { statusAfter } from '../ticket/evolve.js'
import type { AwaitingParty, Status } from '../ticket/model.js'
import type { Agreement, ClockState, Closed, Explanation, Metric, MetricPolicy, MetricResult, Pause, SlaPolicy, Target } from './model.js'
import { definedMetrics, targetFor } from './policy.js'

type Span = readonly [number, number]

/** What the clocks need from a ticket's history up to `now`, gathered in one pass. */
interface Timeline {
  readonly ticketId: string
  readonly openedAt: number
  readonly kind: TicketKind | undefined
  readonly priority: string | undefined
  /** Status changes in order, starting with New at the opening. */
  readonly statuses: ReadonlyArray<Status>
  readonly firstReply: number | undefined
  readonly replies: ReadonlyArray<number>
  /** [instant, 'stop' | 'start'] edges of the resolution clock: resolved, reopened. */
  readonly resolutionEdges: ReadonlyArray<readonly [number, 'stop' | 'start']>
  /** Edges of the restore clock: restored (workaround or resolution), down again. */
  readonly restoreEdges: ReadonlyArray<readonly [number, 'stop' | 'start']>
  /** The tier from each instant on. */
  readonly tiers: ReadonlyArray<readonly [number, string]>
  readonly cancelled: boolean
}

const timelineOf = (events: ReadonlyArray<TicketEvent>, now: number): Timeline | undefined => {
  const first = events[0]
  if (first === undefined || first._tag !== 'TicketOpened' || first.at > now) return undefined
  let kind: TicketKind | undefined = first.kind
  let priority: string | undefined
  let status: Status = { _tag: 'New', since: first.at }
  let firstReply: number | undefined
  let restored = false
  let cancelled = false
  const statuses: Status[] = [status]
  const replies: number[] = []
  const resolutionEdges: Array<readonly [number, 'stop' | 'start']> = []
  const restoreEdges: Array<readonly [number, 'stop' | 'start']> = []
  const tiers: Array<readonly [number, string]> = [[first.at, first.tier]]
  for (let i = 1; i < events.length; i++) {
    const e = events[i] as TicketEvent
    if (e.at > now) break
    const next = statusAfter(status, e)
    if (next !== status) {
      if (next._tag === 'Resolved') resolutionEdges.push([e.at, 'stop'])
      else if (status._tag === 'Resolved' && next._tag === 'InProgress') resolutionEdges.push([e.at, 'start'])
      if (next._tag === 'Cancelled') cancelled = true
      statuses.push(next)
      status = next
    }
    switch (e._tag) {
      case 'TicketClassified':
        kind = e.kind
        break
      case 'PrioritySet':
      case 'PriorityOverridden':
        priority = e.name
        break
      case 'PublicReplySent':
        firstReply ??= e.at
        replies.push(e.at)
        break
      case 'TicketEscalated':
        tiers.push([e.at, e.toTier])
        break
      case 'WorkaroundApplied':
      case 'TicketResolved':
        if (!restored) restoreEdges.push([e.at, 'stop'])
        restored = true
        break
      case 'WorkaroundWithdrawn':
      case 'ResolutionRejected':
      case 'TicketReopened':
        if (restored) restoreEdges.push([e.at, 'start'])
        restored = false
        break
      default:
        break
    }
  }
  return { ticketId: first.ticketId, openedAt: first.at, kind, priority, statuses, firstReply, replies, resolutionEdges, restoreEdges, tiers, cancelled }
}

/** The parties whose wait pauses a metric: as configured, or the customer for all but `response`. @internal */
export const pausingParties = (metric: Metric, m: MetricPolicy | undefined): ReadonlyArray<AwaitingParty> =>
  m?.pauseWhileAwaiting ?? (metric === 'response' ? [] : ['customer'])

/** Windows [start, stop) of a clock from its stop/start edges; the last may run until `now`. */
const windowsOf = (openedAt: number, edges: ReadonlyArray<readonly [number, 'stop' | 'start']>, now: number): { windows: Span[]; stoppedAt: number | undefined } => {
  const windows: Span[] = []
  let from: number | undefined = openedAt
  let stoppedAt: number | undefined
  for (const [at, edge] of edges) {
    if (edge === 'stop' && from !== undefined) {
      windows.push([from, at])
      from = undefined
      stoppedAt = at
    } else if (edge === 'start' && from === undefined) {
      from = at
      stoppedAt = undefined
    }
  }
  if (from !== undefined) windows.push([from, now])
  return { windows, stoppedAt }
}

/** Applies a reopen policy to a clock's windows. */
const reopened = (policy: MetricPolicy['reopen'], w: { windows: Span[]; stoppedAt: number | undefined }, now: number): { windows: Span[]; stoppedAt: number | undefined } => {
  if (w.windows.length <= 1 || policy === 'resume') return w
  if (policy === 'restart') return { windows: w.windows.slice(-1), stoppedAt: w.stoppedAt }
  const first = w.windows[0] as Span
  // firstCloseOnly: the metric ended at the first stop
  return { windows: [first], stoppedAt: first[1] === now && w.windows.length === 1 ? w.stoppedAt : first[1] }
}

/** The spans during which the ticket awaited one of `parties` (until `now` for an ongoing wait). */
const pausesOf = (statuses: ReadonlyArray<Status>, parties: ReadonlyArray<AwaitingParty>, now: number): Array<readonly [number, number, AwaitingParty]> => {
  const out: Array<readonly [number, number, AwaitingParty]> = []
  if (parties.length === 0) return out
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i] as Status
    if (s._tag !== 'Awaiting' || !parties.includes(s.party)) continue
    const end = statuses[i + 1]?.since ?? now
    if (end > s.since) out.push([s.since, end, s.party])
  }
  return out
}

/** The parts of `windows` outside every pause. */
const withoutPauses = (windows: ReadonlyArray<Span>, pauses: ReadonlyArray<readonly [number, number, AwaitingParty]>): Span[] => {
  const out: Span[] = []
  for (const [a, b] of windows) {
    let from = a
    for (const [p, q] of pauses) {
      if (q <= from || p >= b) continue
      if (p > from) out.push([from, p])
      from = Math.max(from, q)
    }
    if (from < b) out.push([from, b])
  }
  return out
}

/** The target as business time from `start`. */
const targetTime = (target: Target, start: number, cal: BusinessCalendar): number => {
  if (target._tag === 'BusinessTime') return target.duration
  // the end of the `days`-th business day after the one counting starts on
  const day0 = nextOpening(start as Instant)(cal)
  const due = endOfBusinessDay(target.days === 0 ? day0 : addBusinessDays(day0, target.days)(cal))(cal)
  return Math.max(0, businessTimeBetween(start as Instant, due)(cal))
}

const between = (cal: BusinessCalendar, a: number, b: number): number => businessTimeBetween(a as Instant, b as Instant)(cal)

interface Clock {
  readonly elapsed: number
  readonly breachedAt: number | undefined
}

/** Business time in the segments, and the instant it first reached `target` (if it did, and went past). @internal */
export const measure = (cal: BusinessCalendar, segments: ReadonlyArray<Span>, target: number): Clock => {
  let acc = 0
  let breachedAt: number | undefined
  for (const [a, b] of segments) {
    const d = between(cal, a, b)
    if (breachedAt === undefined && acc + d > target) breachedAt = addBusinessTime(a as Instant, (target - acc) as Duration)(cal)
    acc += d
  }
  return { elapsed: acc, breachedAt }
}

const explanationOf = (cal: BusinessCalendar, segments: ReadonlyArray<Span>, pauses: ReadonlyArray<readonly [number, number, AwaitingParty]>): Explanation => {
  const counted: OpenInterval[] = []
  const closed: Closed[] = []
  const names = holidayNames(cal)
  for (const [a, b] of segments) {
    let from = a
    for (const i of openIntervals(a as Instant, b as Instant)(cal)) {
      if (i.start > from) closed.push({ from: from as Instant, to: i.start, holidays: names(from, i.start) })
      counted.push(i)
      from = i.end
    }
    if (b > from) closed.push({ from: from as Instant, to: b as Instant, holidays: names(from, b) })
  }
  const paused: Pause[] = pauses.map(([from, to, party]) => ({ from: from as Instant, to: to as Instant, party }))
  return { counted, closed, pauses: paused }
}

/** Names of the calendar's holidays on the local dates a stretch covers. */
const holidayNames = (cal: BusinessCalendar) => (from: number, to: number): ReadonlyArray<string> => {
  const out: string[] = []
  for (const s of closedStretches(from as Instant, to as Instant)(cal)) for (const n of s.holidays) if (!out.includes(n)) out.push(n)
  return out
}

const notApplicable = (metric: MetricResult['metric'], reason: string, priority?: string): MetricResult => ({
  metric,
  state: 'NotApplicable',
  reason,
  ...(priority === undefined ? {} : { priority }),
  elapsed: 0 as Duration,
  paused: 0 as Duration,
  warningsPassed: []
})

interface ClockInput {
  readonly metric: MetricResult['metric']
  readonly target: Target
  readonly priority: string | undefined
  readonly windows: ReadonlyArray<Span>
  readonly stoppedAt: number | undefined
  readonly pauses: ReadonlyArray<readonly [number, number, AwaitingParty]>
}

const evaluateClock = (input: ClockInput, policy: SlaPolicy, cal: BusinessCalendar, now: number, explain: boolean): MetricResult => {
  const first = input.windows[0]
  if (first === undefined) return notApplicable(input.metric, 'the clock has not started', input.priority)
  const startedAt = first[0]
  const target = targetTime(input.target, startedAt, cal)
  const pauses = input.pauses.filter(([p, q]) => input.windows.some(([a, b]) => p < b && q > a))
  const segments = withoutPauses(input.windows, pauses)
  const { elapsed, breachedAt } = measure(cal, segments, target)
  let paused = 0
  for (const [p, q] of pauses)
    for (const [a, b] of input.windows) if (p < b && q > a) paused += between(cal, Math.max(p, a), Math.min(q, b))
  const remaining = target - elapsed
  // a zero target has no meaningful share: it is met at once or breached
  const used = target > 0 ? elapsed / target : undefined
  const warningsPassed = used === undefined ? [] : policy.warnings.filter((w) => used >= w)
  const stopped = input.stoppedAt !== undefined
  const last = input.windows[input.windows.length - 1] as Span
  const pausedNow = !stopped && pauses.some(([p, q]) => p <= now && q >= now && last[1] === now)
  let state: ClockState
  if (stopped) state = remaining >= 0 ? 'Met' : 'MetLate'
  else if (remaining < 0) state = 'Breached'
  else if (pausedNow) state = 'Paused'
  else if (warningsPassed.length > 0) state = 'AtRisk'
  else state = 'Running'
  const dueAt = !stopped && !pausedNow && remaining >= 0 ? addBusinessTime(now as Instant, remaining as Duration)(cal) : undefined
  // a fixed-order literal plus assignments: conditional spreads cost V8 several times more here
  const out: { -readonly [K in keyof MetricResult]: MetricResult[K] } = {
    metric: input.metric,
    state,
    target: input.target,
    targetTime: target as Duration,
    startedAt: startedAt as Instant,
    elapsed: elapsed as Duration,
    remaining: remaining as Duration,
    paused: paused as Duration,
    warningsPassed
  }
  if (used !== undefined) out.used = used
  if (input.priority !== undefined) out.priority = input.priority
  if (dueAt !== undefined) out.dueAt = dueAt
  if (breachedAt !== undefined) out.breachedAt = breachedAt as Instant
  if (stopped) out.metAt = input.stoppedAt as Instant
  if (explain) out.explanation = explanationOf(cal, segments, pauses)
  return out
}

/** The update metric: every stretch between public updates is measured against the target. */
const evaluateUpdate = (t: Timeline, m: MetricPolicy, target: Target, policy: SlaPolicy, cal: BusinessCalendar, now: number, explain: boolean): MetricResult => {
  const resolution = windowsOf(t.openedAt, t.resolutionEdges, now)
  // while the ticket is open, a reply ends one stretch and starts the next
  const stretches: Span[] = []
  for (const [a, b] of resolution.windows) {
    let from = a
    for (const r of t.replies)
      if (r > from && r < b) {
        stretches.push([from, r])
        from = r
      }
    stretches.push([from, b])
  }
  const pauses = pausesOf(t.statuses, pausingParties('update', m), now)
  let breachedAt: number | undefined
  for (const s of stretches.slice(0, -1)) {
    breachedAt = measure(cal, withoutPauses([s], pauses), targetTime(target, s[0], cal)).breachedAt
    if (breachedAt !== undefined) break
  }
  const current = stretches[stretches.length - 1] as Span
  const result = evaluateClock(
    { metric: 'update', target, priority: t.priority, windows: [current], stoppedAt: resolution.stoppedAt, pauses },
    policy,
    cal,
    now,
    explain
  )
  if (breachedAt === undefined) return result
  // an earlier stretch went too long: the metric stays breached, or was met late
  return { ...result, breachedAt: breachedAt as Instant, state: result.state === 'Met' ? 'MetLate' : result.state === 'MetLate' ? 'MetLate' : 'Breached' }
}

/**
 * Options of {@link evaluate}: the kind rules (what each kind of ticket is measured on) and
 * whether to explain each metric.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluateOptions {
  readonly kinds?: KindRules
  readonly explain?: boolean
}

/**
 * The SLA state of one ticket at an instant.
 *
 * @category models
 * @since 0.1.0
 */
export interface Evaluation {
  readonly ticketId: string
  readonly at: Instant
  readonly kind?: TicketKind
  readonly priority?: string
  readonly metrics: ReadonlyArray<MetricResult>
}

const kindWords: Readonly<Record<TicketKind, string>> = {
  incident: 'an incident',
  serviceRequest: 'a service request',
  question: 'a question',
  problem: 'a problem',
  feedback: 'feedback'
}

const applicable = (metric: Metric, kind: TicketKind | undefined, kinds: KindRules): string | undefined => {
  if (kind === undefined) return undefined
  const a = kindWords[kind]
  if ((metric === 'response' || metric === 'update') && !hasResponseTarget(kind)(kinds)) return `${a} has no response target`
  if ((metric === 'resolution' || metric === 'restore') && !hasResolutionTarget(kind)(kinds)) return `${a} has no resolution target`
  if (metric === 'restore' && !allowsWorkaround(kind)(kinds)) return `${a} has no service to restore`
  return undefined
}

/**
 * Evaluates a ticket's SLA clocks at `now` from its events: per metric of the policy (and per
 * tier target), the state, start, due instant, elapsed, remaining and paused business time, the
 * share of the target used, the warning thresholds passed, and when the target was met or
 * breached. Events after `now` are ignored, so evaluating at `now` equals evaluating the history
 * cut at `now`.
 *
 * - The targets are those of the ticket's current priority (a priority change keeps the elapsed
 *   and paused time and switches targets); a ticket without a priority has no targets yet.
 * - A metric pauses while the ticket awaits one of its `pauseWhileAwaiting` parties.
 * - `response` stops at the first public reply; `resolution` at the resolution (reopenings
 *   follow the metric's reopen policy); `restore` at a workaround or resolution; `update`
 *   measures each stretch between public replies; `tier:<name>` the time spent in a tier.
 * - A business-days target is converted to business time from the clock's start.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Sla, Ticket, Time } from 'itsm-kit'
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const at = (iso: string) => pipe(Time.fromISO(iso), E.getOrElseW(() => assert.fail()))
 * const kari = { role: 'agent', id: 'kari' } as const
 * const events = pipe(Ticket.runEvents([
 *   { _tag: 'Open', at: at('2025-03-07T15:45:00+01:00'), actor: kari, ticketId: 'INC-7' as Ticket.TicketId, channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-03-07T15:45:00+01:00'), actor: kari, urgency: 'medium', impact: 'medium' }
 * ], Ticket.defaultContext), E.map((r) => r.events), E.getOrElseW(() => assert.fail()))
 * const evaluation = pipe(events, Sla.evaluate({ policy: Sla.examplePolicy, calendar: oslo }, at('2025-03-10T09:00:00+01:00')))
 * const resolution = evaluation.metrics.find((m) => m.metric === 'resolution')
 * // P3: 24 business hours from Friday 15:45 (15 min that day, then three full days)
 * assert.deepStrictEqual([resolution?.state, resolution?.dueAt && Time.toLocalISO(oslo.zone)(resolution.dueAt)], ['Running', '2025-03-12T15:45:00+01:00'])
 * ```
 * @category queries
 * @since 0.1.0
 */
export const evaluate = (agreement: Agreement, now: Instant, options: EvaluateOptions = {}) => (self: ReadonlyArray<TicketEvent>): Evaluation => {
  const { policy, calendar } = agreement
  const kinds = options.kinds ?? defaultKindRules
  const explain = options.explain === true
  const t = timelineOf(self, now)
  if (t === undefined) return { ticketId: String(self[0]?.ticketId ?? ''), at: now, metrics: [] }
  const results: MetricResult[] = []
  for (const metric of definedMetrics(policy)) {
    const m = policy.metrics[metric] as MetricPolicy
    const skip = applicable(metric, t.kind, kinds)
    if (t.cancelled) {
      results.push(notApplicable(metric, 'the ticket was cancelled', t.priority))
      continue
    }
    if (skip !== undefined) {
      results.push(notApplicable(metric, skip, t.priority))
      continue
    }
    if (t.priority === undefined) {
      results.push(notApplicable(metric, 'the ticket has no priority yet'))
      continue
    }
    const target = targetFor(metric, t.priority, t.kind)(policy)
    if (target === undefined) {
      results.push(notApplicable(metric, `the policy sets no ${metric} target for ${t.priority}`, t.priority))
      continue
    }
    const pauses = pausesOf(t.statuses, pausingParties(metric, m), now)
    if (metric === 'update') {
      results.push(evaluateUpdate(t, m, target, policy, calendar, now, explain))
      continue
    }
    const raw =
      metric === 'response'
        ? { windows: [[t.openedAt, t.firstReply ?? now] as Span], stoppedAt: t.firstReply }
        : reopened(m.reopen ?? 'resume', windowsOf(t.openedAt, metric === 'resolution' ? t.resolutionEdges : t.restoreEdges, now), now)
    results.push(evaluateClock({ metric, target, priority: t.priority, windows: raw.windows, stoppedAt: raw.stoppedAt, pauses }, policy, calendar, now, explain))
  }
  // operational-level targets: the time the ticket spent in each tier, while it was not resolved
  const resolution = windowsOf(t.openedAt, t.resolutionEdges, now)
  const tierPauses = pausesOf(t.statuses, pausingParties('resolution', policy.metrics.resolution), now)
  for (const [tier, target] of Object.entries(policy.tiers ?? {})) {
    const windows: Span[] = []
    t.tiers.forEach(([from, name], i) => {
      if (name !== tier) return
      const to = t.tiers[i + 1]?.[0] ?? now
      // a window may be empty (the instant the ticket entered the tier): the clock has still started
      for (const [a, b] of resolution.windows) if (Math.max(a, from) <= Math.min(b, to)) windows.push([Math.max(a, from), Math.min(b, to)])
    })
    const inTierNow = t.tiers[t.tiers.length - 1]?.[1] === tier && resolution.stoppedAt === undefined
    const lastEnd = windows[windows.length - 1]?.[1]
    const metric = `tier:${tier}` as const
    if (t.cancelled) results.push(notApplicable(metric, 'the ticket was cancelled', t.priority))
    else if (windows.length === 0) results.push(notApplicable(metric, `the ticket has not been in ${tier}`, t.priority))
    else results.push(evaluateClock({ metric, target, priority: t.priority, windows, stoppedAt: inTierNow ? undefined : lastEnd, pauses: tierPauses }, policy, calendar, now, explain))
  }
  return {
    ticketId: t.ticketId,
    at: now,
    ...(t.kind === undefined ? {} : { kind: t.kind }),
    ...(t.priority === undefined ? {} : { priority: t.priority }),
    metrics: results
  }
}

/**
 * What-if: the due instants a ticket that does not exist yet would get, opened at `openedAt` with
 * a priority (and optionally a kind), if nothing paused its clocks.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Sla, Time } from 'itsm-kit'
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const friday = pipe(Time.fromISO('2025-03-07T15:30:00+01:00'), E.getOrElseW(() => assert.fail()))
 * const due = Sla.dueDates({ policy: Sla.examplePolicy, calendar: oslo }, { openedAt: friday, priority: 'P1' })
 * assert.deepStrictEqual(due.map((d) => [d.metric, Time.toLocalISO(oslo.zone)(d.dueAt)]), [
 *   ['response', '2025-03-07T15:45:00+01:00'],
 *   ['resolution', '2025-03-10T11:30:00+01:00'],
 *   ['update', '2025-03-10T08:30:00+01:00'],
 *   ['restore', '2025-03-10T09:30:00+01:00']
 * ])
 * ```
 * @category queries
 * @since 0.1.0
 */
export const dueDates = (
  agreement: Agreement,
  ticket: { readonly openedAt: Instant; readonly priority: string; readonly kind?: TicketKind }
): ReadonlyArray<{ readonly metric: Metric; readonly target: Target; readonly dueAt: Instant }> =>
  definedMetrics(agreement.policy).flatMap((metric) => {
    const target = targetFor(metric, ticket.priority, ticket.kind)(agreement.policy)
    if (target === undefined) return []
    const time = targetTime(target, ticket.openedAt, agreement.calendar)
    return [{ metric, target, dueAt: addBusinessTime(ticket.openedAt, time as Duration)(agreement.calendar) }]
  })
