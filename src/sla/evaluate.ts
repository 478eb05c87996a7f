import { unionSpans } from '../internal/spans.js'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { ruleFor } from '../kind/index.js'
import type { KindRule, KindRules, TicketKind } from '../kind/index.js'
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  endOfBusinessDay,
  nextOpening
} from '../calendar/index.js'
import { isBusinessCalendar, tiles, type BusinessCalendar, type OpenInterval } from '../calendar/index.js'
import { decodeError, makeIssue, type Issue } from '../internal/decodeError.js'
import { isInstant, isRecord, isShare, isTarget, policyIssue, targetIssue } from './guard.js'
import { own } from '../internal/primitives.js'
import { trustedUntil } from '../internal/trusted.js'
import type { Duration, Instant } from '../time/index.js'
import {
  defaultContext,
  timeline as timelineOf,
  timelineAt,
  type AwaitingParty,
  type DecideContext,
  type Interval,
  type PauseInterval,
  type TicketError,
  type TicketEvent,
  type Timeline
} from '../ticket/index.js'
import type { SlaError } from './errors.js'
import type {
  Agreement,
  ClockState,
  Closed,
  Explanation,
  Metric,
  MetricPolicy,
  MetricResult,
  Pause,
  SlaPolicy,
  Target,
  WarningPassed
} from './model.js'
import { definedMetrics, targetFor } from './policy.js'

type Span = readonly [number, number]

/** A wait that pauses a clock: [from, to, party, ongoing], `to` = now while it lasts. */
type PauseSpan = readonly [number, number, AwaitingParty, boolean]

/**
 * The parties whose wait pauses a metric of a policy: as configured (`pauseWhileAwaiting`), or by
 * default nobody for `response` and the customer for the other metrics (also for a value that is
 * not a policy). Escalation uses it to leave the same waits out of a tier's timebox.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Sla } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Sla.examplePolicy, Sla.pausingParties('resolution')), ['customer'])
 * assert.deepStrictEqual(pipe(Sla.examplePolicy, Sla.pausingParties('response')), [])
 * ```
 * @category queries
 * @since 0.2.0
 */
export const pausingParties =
  (metric: Metric) =>
  (self: SlaPolicy): ReadonlyArray<AwaitingParty> => {
    try {
      const m: unknown =
        isRecord(self) && isRecord(self.metrics) && typeof metric === 'string' ? own(self.metrics, metric) : undefined
      const configured = isRecord(m) ? m['pauseWhileAwaiting'] : undefined
      return Array.isArray(configured)
        ? (configured as ReadonlyArray<AwaitingParty>)
        : metric === 'response'
          ? []
          : ['customer']
    } catch {
      // an object whose reads throw (a Proxy from a JavaScript caller)
      return []
    }
  }

const NOBODY: ReadonlyArray<AwaitingParty> = []
const CUSTOMER: ReadonlyArray<AwaitingParty> = ['customer']

/**
 * {@link pausingParties} of a policy an evaluation has checked (a record whose `metrics` is a
 * record): the same parties, without a closure or the checks made already. For reading only.
 */
const partiesOf = (metric: Metric, policy: SlaPolicy): ReadonlyArray<AwaitingParty> => {
  const m: unknown = own(policy.metrics, metric)
  const configured = isRecord(m) ? m['pauseWhileAwaiting'] : undefined
  return Array.isArray(configured)
    ? (configured as ReadonlyArray<AwaitingParty>)
    : metric === 'response'
      ? NOBODY
      : CUSTOMER
}

/**
 * The stretches of `[openedAt, now]` outside the `stops` (sorted, not overlapping; merged when
 * they touch): the windows a clock counts in, and the instant it stopped if a stop still lasts.
 */
const windowsOutside = (
  openedAt: number,
  stops: ReadonlyArray<Interval>,
  now: number
): { windows: Span[]; stoppedAt: number | undefined } => {
  const windows: Span[] = []
  let from: number | undefined = openedAt
  for (const s of stops) {
    if (from !== undefined && s.from >= from) windows.push([from, s.from])
    from = s.to
    if (from === undefined) return { windows, stoppedAt: s.from }
  }
  if (from !== undefined) windows.push([from, now])
  return { windows, stoppedAt: undefined }
}

/** The union of two sorted lists of intervals (ongoing ones last), as sorted disjoint intervals. */
const union = (a: ReadonlyArray<Interval>, b: ReadonlyArray<Interval>): ReadonlyArray<Interval> => unionSpans(a, b)

/** Applies a reopen policy to a clock's windows. */
const reopened = (
  policy: MetricPolicy['reopen'],
  w: { windows: Span[]; stoppedAt: number | undefined }
): { windows: Span[]; stoppedAt: number | undefined } => {
  if (w.windows.length <= 1 || policy === undefined || policy === 'resume') return w
  if (policy === 'restart') return { windows: w.windows.slice(-1), stoppedAt: w.stoppedAt }
  // firstCloseOnly: the metric ended at the first stop
  const first = w.windows[0] as Span
  return { windows: [first], stoppedAt: first[1] }
}

/** The waits for one of `parties`, until `now` for an ongoing one. */
const pausesOf = (t: Timeline, parties: ReadonlyArray<AwaitingParty>, now: number): ReadonlyArray<PauseSpan> => {
  const out: PauseSpan[] = []
  if (parties.length === 0) return out
  const list = t.pauses
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as PauseInterval
    if (parties.includes(p.party)) out.push([p.from, p.to ?? now, p.party, p.to === undefined])
  }
  return out
}

/** The parts of `windows` outside every pause. */
const withoutPauses = (windows: ReadonlyArray<Span>, pauses: ReadonlyArray<PauseSpan>): Span[] => {
  // index loops, not destructuring: this runs for every clock of every ticket
  const out: Span[] = []
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i] as Span
    const b = w[1]
    let from = w[0]
    for (let j = 0; j < pauses.length; j++) {
      const pause = pauses[j] as PauseSpan
      const p = pause[0]
      const q = pause[1]
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

const between = (cal: BusinessCalendar, a: number, b: number): number =>
  businessTimeBetween(a as Instant, b as Instant)(cal)

/** The business time in each segment, in order. */
const lengths = (cal: BusinessCalendar, segments: ReadonlyArray<Span>): ReadonlyArray<number> => {
  const out: number[] = []
  for (let i = 0; i < segments.length; i++) {
    const g = segments[i] as Span
    out.push(between(cal, g[0], g[1]))
  }
  return out
}

/**
 * The business time in `[a, b)` outside the pauses: what the lengths of `withoutPauses([[a, b]],
 * pauses)` add up to, without making those lists (the update clock asks it of every stretch
 * between two replies).
 */
const countedIn = (cal: BusinessCalendar, a: number, b: number, pauses: ReadonlyArray<PauseSpan>): number => {
  let sum = 0
  let from = a
  for (let j = 0; j < pauses.length; j++) {
    const pause = pauses[j] as PauseSpan
    const p = pause[0]
    const q = pause[1]
    if (q <= from || p >= b) continue
    if (p > from) sum += between(cal, from, p)
    from = Math.max(from, q)
  }
  if (from < b) sum += between(cal, from, b)
  return sum
}

/** Whether a wait overlaps one of the windows. */
const overlaps = (p: number, q: number, windows: ReadonlyArray<Span>): boolean => {
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i] as Span
    if (p < w[1] && q > w[0]) return true
  }
  return false
}

/** The earliest instant at which the time counted in the segments reaches `amount`, if it does. */
const reaching = (
  cal: BusinessCalendar,
  segments: ReadonlyArray<Span>,
  sizes: ReadonlyArray<number>,
  amount: number
): number | undefined => {
  let acc = 0
  for (let i = 0; i < segments.length; i++) {
    const d = sizes[i] as number
    if (acc + d >= amount) return addBusinessTime((segments[i] as Span)[0] as Instant, (amount - acc) as Duration)(cal)
    acc += d
  }
  return undefined
}

/** The smallest whole number of milliseconds that is at least `share` of `target` (as `used >= share` decides). */
const markOf = (share: number, target: number): number => {
  let m = Math.ceil(share * target)
  while (m / target < share) m++
  while (m > 0 && (m - 1) / target >= share) m--
  return m
}

/**
 * The most entries each list of an explanation holds unless the evaluation says otherwise
 * (`explainLimit`); `Explanation.omitted` counts the rest. Enough for 38 years of a clock on a
 * calendar open once every weekday, and it keeps an explanation of a long clock on a calendar
 * open many times a day from filling the memory.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Sla } from 'itsm-kit'
 * assert.strictEqual(Sla.explanationLimit, 10_000)
 * ```
 * @category constants
 * @since 0.3.0
 */
export const explanationLimit = 10_000

const explanationOf = (
  cal: BusinessCalendar,
  segments: ReadonlyArray<Span>,
  pauses: ReadonlyArray<PauseSpan>,
  limit: number
): Explanation => {
  const counted: OpenInterval[] = []
  const closed: Closed[] = []
  let countedAll = 0
  let closedAll = 0
  // one at a time: a long clock on a dense calendar has more intervals than a spread call can pass
  for (const [a, b] of segments) {
    const keepOpen = limit - counted.length
    const keepClosed = limit - closed.length
    const t = tiles(a as Instant, b as Instant, Math.max(keepOpen, keepClosed))(cal)
    for (let i = 0; i < t.open.length && i < keepOpen; i++) counted.push(t.open[i] as OpenInterval)
    for (let i = 0; i < t.closed.length && i < keepClosed; i++) closed.push(t.closed[i] as Closed)
    countedAll += t.open.length + (t.omitted?.open ?? 0)
    closedAll += t.closed.length + (t.omitted?.closed ?? 0)
  }
  // an ongoing pause has no end yet
  const paused: Pause[] = []
  for (let i = 0; i < pauses.length && i < limit; i++) {
    const [from, to, party, ongoing] = pauses[i] as PauseSpan
    paused.push(ongoing ? { from: from as Instant, party } : { from: from as Instant, to: to as Instant, party })
  }
  const out: { -readonly [K in keyof Explanation]: Explanation[K] } = { counted, closed, pauses: paused }
  if (countedAll > counted.length || closedAll > closed.length || pauses.length > paused.length)
    out.omitted = {
      counted: countedAll - counted.length,
      closed: closedAll - closed.length,
      pauses: pauses.length - paused.length
    }
  return out
}

const notApplicable = (metric: MetricResult['metric'], reason: string, priority?: string): MetricResult => {
  // a fixed-order literal plus an assignment: conditional spreads cost V8 several times more
  const out: { -readonly [K in keyof MetricResult]: MetricResult[K] } = {
    metric,
    state: 'NotApplicable',
    reason,
    elapsed: 0 as Duration,
    paused: 0 as Duration,
    warningsPassed: [],
    warnings: []
  }
  if (priority !== undefined) out.priority = priority
  return out
}

interface ClockInput {
  readonly metric: MetricResult['metric']
  readonly target: Target
  readonly priority: string | undefined
  readonly windows: ReadonlyArray<Span>
  readonly stoppedAt: number | undefined
  readonly pauses: ReadonlyArray<PauseSpan>
  /** The instant the metric breached before this clock's stretch (the update metric's earlier stretches), if it did. */
  readonly breachedBefore?: number
}

interface Settings {
  readonly policy: SlaPolicy
  readonly cal: BusinessCalendar
  readonly now: number
  readonly explain: boolean
  /** Explain only the clocks whose target ran out in `[from, to)` (when `explain` is false). */
  readonly explainFrom: number
  readonly explainTo: number
  /** The shares of the target whose passing is reported: the policy's warnings and the extra thresholds. */
  readonly shares: ReadonlyArray<number>
  /** The most entries of each list of an explanation. */
  readonly explainLimit: number
}

const evaluateClock = (input: ClockInput, s: Settings): MetricResult => {
  const { cal, now } = s
  const first = input.windows[0]
  if (first === undefined) return notApplicable(input.metric, 'the clock has not started', input.priority)
  const startedAt = first[0]
  const target = targetTime(input.target, startedAt, cal)
  const stopped = input.stoppedAt !== undefined
  // the clock pauses now when a wait it pauses for lasts at `now` (one that started at `now` included)
  const all = input.pauses
  const windows = input.windows
  let ongoing = false
  for (let i = 0; i < all.length; i++) if ((all[i] as PauseSpan)[3]) ongoing = true
  const pausedNow = !stopped && ongoing
  // the waits that count: those overlapping a window, and an ongoing one while the clock pauses now
  const pauses: PauseSpan[] = []
  for (let i = 0; i < all.length; i++) {
    const x = all[i] as PauseSpan
    if ((x[3] && pausedNow) || overlaps(x[0], x[1], windows)) pauses.push(x)
  }
  const segments = withoutPauses(windows, pauses)
  const sizes = lengths(cal, segments)
  let elapsed = 0
  for (let i = 0; i < sizes.length; i++) elapsed += sizes[i] as number
  let paused = 0
  for (let i = 0; i < pauses.length; i++) {
    const x = pauses[i] as PauseSpan
    const p = x[0]
    const q = x[1]
    for (let j = 0; j < windows.length; j++) {
      const w = windows[j] as Span
      const a = w[0]
      const b = w[1]
      if (p < b && q > a) paused += between(cal, Math.max(p, a), Math.min(q, b))
    }
  }
  const remaining = target - elapsed
  // a zero target has no meaningful share: it is met at once or breached
  const used = target > 0 ? elapsed / target : undefined
  const warningsPassed = used === undefined ? [] : s.policy.warnings.filter((w) => used >= w)
  const warnings: WarningPassed[] = []
  if (used !== undefined)
    for (const w of s.shares) {
      if (used < w) continue
      const at = reaching(cal, segments, sizes, markOf(w, target))
      if (at !== undefined) warnings.push({ threshold: w, passedAt: at as Instant })
    }
  // the instant the counted time reached the target, if it has
  const reachedAt = elapsed >= target ? reaching(cal, segments, sizes, target) : undefined
  const breachedAt = remaining < 0 ? reachedAt : undefined
  let state: ClockState
  if (stopped) state = remaining >= 0 ? 'Met' : 'MetLate'
  else if (remaining < 0) state = 'Breached'
  else if (pausedNow) state = 'Paused'
  else if (warningsPassed.length > 0) state = 'AtRisk'
  else state = 'Running'
  // the due instant: when the target was reached; else, counting on from the stop (a stopped
  // clock keeps the due it had when it stopped) or from now (a running clock); none while paused
  const dueAt =
    state === 'Paused'
      ? undefined
      : reachedAt !== undefined
        ? reachedAt
        : stopped
          ? addBusinessTime(input.stoppedAt as Instant, remaining as Duration)(cal)
          : addBusinessTime(now as Instant, remaining as Duration)(cal)
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
    warningsPassed,
    warnings
  }
  if (used !== undefined) out.used = used
  if (input.priority !== undefined) out.priority = input.priority
  if (dueAt !== undefined) out.dueAt = dueAt as Instant
  if (breachedAt !== undefined) out.breachedAt = breachedAt as Instant
  if (stopped) out.metAt = input.stoppedAt as Instant
  // the instant the metric breached, as the result will say it (an update metric's earlier breach first)
  const breach = input.breachedBefore ?? breachedAt
  if (s.explain || (breach !== undefined && breach >= s.explainFrom && breach < s.explainTo))
    out.explanation = explanationOf(cal, segments, pauses, s.explainLimit)
  return out
}

/** The update metric: every stretch between public updates is measured against the target. */
const evaluateUpdate = (
  t: Timeline,
  target: Target,
  priority: string,
  resolution: { windows: Span[]; stoppedAt: number | undefined },
  s: Settings
): MetricResult => {
  const { cal } = s
  // while the ticket is open, a reply ends one stretch and starts the next (a reply at `now`
  // starts a stretch at `now`)
  const stretches: Span[] = []
  for (const [a, b] of resolution.windows) {
    let from = a
    for (const r of t.replies)
      if (r > from && r <= b) {
        stretches.push([from, r])
        from = r
      }
    stretches.push([from, b])
  }
  const pauses = pausesOf(t, partiesOf('update', s.policy), s.now)
  let breachedAt: number | undefined
  for (let i = 0; i < stretches.length - 1; i++) {
    const st = stretches[i] as Span
    const time = targetTime(target, st[0], cal)
    if (countedIn(cal, st[0], st[1], pauses) > time) {
      const segments = withoutPauses([st], pauses)
      breachedAt = reaching(cal, segments, lengths(cal, segments), time)
      break
    }
  }
  const current = stretches[stretches.length - 1] as Span
  const input: { -readonly [K in keyof ClockInput]: ClockInput[K] } = {
    metric: 'update',
    target,
    priority,
    windows: [current],
    stoppedAt: resolution.stoppedAt,
    pauses
  }
  if (breachedAt !== undefined) input.breachedBefore = breachedAt
  const result = evaluateClock(input, s)
  if (breachedAt === undefined) return result
  // an earlier stretch went too long: the metric stays breached, or was met late (the result is
  // this function's own: set in place, the keys keep the order a spread would give them)
  const out = result as { -readonly [K in keyof MetricResult]: MetricResult[K] }
  out.breachedAt = breachedAt as Instant
  out.state = result.state === 'Met' || result.state === 'MetLate' ? 'MetLate' : 'Breached'
  return out
}

/**
 * Options of {@link evaluate}: the ticket context the history is checked with (kind rules, and
 * whatever else `Ticket.timeline` checks; `Ticket.defaultContext` unless given), or just the kind
 * rules; whether to explain each metric, or only those whose target ran out in a window; and extra
 * shares of the target whose passing to report in `warnings` besides the policy's warning
 * thresholds.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluateOptions {
  /** The kind rules, when no `context` is given (a shortcut kept from 0.1). */
  readonly kinds?: KindRules
  /** @since 0.2.0 */
  readonly context?: DecideContext
  readonly explain?: boolean
  /**
   * Explain only the metrics whose target ran out (`breachedAt`) in `[from, to)`, as `explain`
   * explains them; `explain: true` explains every metric. The ends may be any numbers but `NaN`
   * (a window reaching past 1900 or 2200 included). @since 0.3.0
   */
  readonly explainBreaches?: { readonly from: Instant; readonly to: Instant }
  /**
   * The most entries each list of an explanation holds (`counted`, `closed`, `pauses`): the
   * first ones in time order, and `Explanation.omitted` counts the rest; {@link explanationLimit}
   * (10 000) unless given. `Infinity` keeps every entry, however long the clock ran on however
   * dense a calendar. @since 0.3.0
   */
  readonly explainLimit?: number
  /** Extra shares of the target (strictly between 0 and 1) to report in `warnings`. @since 0.2.0 */
  readonly thresholds?: ReadonlyArray<number>
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

/** Why a metric has no target for a ticket of this kind (whose rule is given), if it has none. */
const applicable = (metric: Metric, kind: TicketKind | undefined, rule: KindRule | undefined): string | undefined => {
  if (kind === undefined || rule === undefined) return undefined
  const a = kindWords[kind]
  if ((metric === 'response' || metric === 'update') && !rule.responseTarget) return `${a} has no response target`
  if ((metric === 'resolution' || metric === 'restore') && !rule.resolutionTarget)
    return `${a} has no resolution target`
  if (metric === 'restore' && !rule.workaround) return `${a} has no service to restore`
  return undefined
}

const isBound = (u: unknown): boolean => typeof u === 'number' && !Number.isNaN(u)

/** What is wrong with the arguments of an evaluation, if anything: a JavaScript caller can pass anything. @internal */
export const argumentIssue = (agreement: unknown, now: unknown, options: unknown): Issue | undefined => {
  try {
    if (!isRecord(agreement)) return makeIssue('agreement', 'an agreement ({ policy, calendar })', agreement)
    const policy = policyIssue(agreement['policy'], 'agreement.policy', false)
    if (policy !== undefined) return policy
    const cal = agreement['calendar']
    if (!isBusinessCalendar(cal))
      return makeIssue('agreement.calendar', 'a business calendar compiled by Calendar.make', cal)
    if (!isInstant(now)) return makeIssue('now', 'an instant (epoch milliseconds) from 1900 to 2200', now)
    if (options !== undefined && options !== null && !isRecord(options))
      return makeIssue('options', 'evaluation options (an object)', options)
    if (isRecord(options)) {
      const th = options['thresholds']
      if (th !== undefined && !(Array.isArray(th) && th.every(isShare)))
        return makeIssue('options.thresholds', 'a list of fractions strictly between 0 and 1', th)
      const context = options['context']
      if (context !== undefined && !(isRecord(context) && isRecord(context['kinds'])))
        return makeIssue('options.context', 'a ticket context (such as Ticket.defaultContext)', context)
      if (options['kinds'] !== undefined && !isRecord(options['kinds']))
        return makeIssue('options.kinds', 'kind rules (such as Kind.defaultKindRules)', options['kinds'])
      // a window only picks breaches: its ends may lie outside 1900–2200 (a report's period may)
      const limit = options['explainLimit']
      if (limit !== undefined && !(limit === Infinity || (Number.isInteger(limit) && (limit as number) >= 0)))
        return makeIssue('options.explainLimit', 'a whole number of entries, 0 or more, or Infinity', limit)
      const window = options['explainBreaches']
      if (window !== undefined && !(isRecord(window) && isBound(window['from']) && isBound(window['to'])))
        return makeIssue('options.explainBreaches', 'a window of instants { from, to }', window)
    }
    return undefined
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller)
    return makeIssue('agreement', 'an agreement whose properties can be read', agreement)
  }
}

const interval = (x: unknown): x is Readonly<Record<string, unknown>> =>
  isRecord(x) && isInstant(x['from']) && (x['to'] === undefined || isInstant(x['to']))

/** What each list of a timeline holds. */
const timelineEntries: ReadonlyArray<readonly [string, (x: unknown) => boolean]> = [
  ['statuses', (x) => interval(x) && isRecord(x['status']) && typeof x['status']['_tag'] === 'string'],
  ['kinds', (x) => interval(x) && typeof x['kind'] === 'string'],
  ['priorities', (x) => interval(x) && isRecord(x['priority']) && typeof x['priority']['name'] === 'string'],
  ['tiers', (x) => interval(x) && typeof x['tier'] === 'string'],
  ['pauses', (x) => interval(x) && typeof x['party'] === 'string'],
  ['resolutions', interval],
  ['workarounds', interval],
  ['replies', isInstant],
  ['notices', (x) => isRecord(x) && isInstant(x['at'])]
]

/** What is wrong with a timeline a JavaScript caller passed, if anything. */
const timelineIssue = (u: unknown): Issue | undefined => {
  if (!isRecord(u) || u['_tag'] !== 'Timeline' || !isInstant(u['openedAt']))
    return makeIssue('timeline', 'a ticket timeline (made by Ticket.timeline)', u)
  for (const [key, fit] of timelineEntries) {
    const list = u[key]
    if (!Array.isArray(list)) return makeIssue(`timeline.${key}`, 'a list', list)
    for (let i = 0; i < list.length; i++)
      if (!fit(list[i])) return makeIssue(`timeline.${key}[${i}]`, 'an entry of a ticket timeline', list[i])
  }
  if ((u['statuses'] as ReadonlyArray<unknown>).length === 0 || (u['tiers'] as ReadonlyArray<unknown>).length === 0)
    return makeIssue('timeline', 'a ticket timeline (made by Ticket.timeline)', u)
  return undefined
}

/** The ticket context an evaluation checks the history with. @internal */
export const contextOf = (options: EvaluateOptions | null | undefined): DecideContext =>
  options?.context ?? (options?.kinds === undefined ? defaultContext : { ...defaultContext, kinds: options.kinds })

const last = <A>(list: ReadonlyArray<A>): A | undefined => list[list.length - 1]

/**
 * Evaluates a ticket's SLA clocks at `now` from its checked timeline (see `Ticket.timeline`); the
 * {@link evaluate} of a timeline you already have.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Sla, Ticket, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ calendar: Calendar.alwaysOpen, policy: Sla.examplePolicy })
 * const kari = { role: 'agent', id: 'kari' } as const
 * const at = (hhmm: string) => Time.instant(`2025-03-10T${hhmm}:00Z`)
 * const timeline = pipe(Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('08:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('08:00'), actor: kari, urgency: 'high', impact: 'high' },
 *   { _tag: 'Await', at: at('09:00'), actor: kari, party: 'customer' }
 * ]), E.flatMap((r) => Ticket.timeline()(r.events)))
 * const evaluation = pipe(
 *   E.Do,
 *   E.apS('agreement', agreement),
 *   E.apSW('timeline', timeline),
 *   E.flatMap(({ agreement, timeline }) => pipe(timeline, Sla.evaluateTimeline(agreement, at('09:00'))))
 * )
 * // the wait that starts at 09:00 pauses the resolution clock at 09:00
 * assert.deepStrictEqual(pipe(evaluation, E.map((e) => e.metrics.find((m) => m.metric === 'resolution')?.state)), E.right('Paused'))
 * ```
 * @category queries
 * @since 0.2.0
 */
export const evaluateTimeline =
  (agreement: Agreement, now: Instant, options: EvaluateOptions = {}) =>
  (self: Timeline): E.Either<TicketError | SlaError, Evaluation> => {
    // a timeline the library made and kept to itself needs no check of its shape, and when its
    // last event is not after `now`, cutting it at `now` would change nothing
    const lastAt = trustedUntil(self)
    const issue = argumentIssue(agreement, now, options) ?? (lastAt === undefined ? timelineIssue(self) : undefined)
    if (issue !== undefined) return E.left(decodeError([issue]))
    if (lastAt !== undefined && lastAt <= now) return measureAll(self, agreement, now, options ?? {})
    const cut = timelineAt(now)(self)
    if (O.isNone(cut)) return E.right({ ticketId: self.ticketId, at: now, metrics: [] })
    return measureAll(cut.value, agreement, now, options ?? {})
  }

/** The policy's warnings and the extra thresholds, once each, in increasing order. */
const sharesOf = (warnings: ReadonlyArray<number>, extra: ReadonlyArray<number> | undefined): ReadonlyArray<number> => {
  let sorted = true
  for (let i = 1; i < warnings.length; i++) if ((warnings[i] as number) <= (warnings[i - 1] as number)) sorted = false
  if (sorted && (extra === undefined || extra.length === 0)) return warnings
  return [...new Set([...warnings, ...(extra ?? [])])].sort((a, b) => a - b)
}

const measureAll = (
  t: Timeline,
  agreement: Agreement,
  now: Instant,
  options: EvaluateOptions
): E.Either<TicketError | SlaError, Evaluation> => {
  const { policy, calendar } = agreement
  const kinds = contextOf(options).kinds
  const settings: Settings = {
    policy,
    cal: calendar,
    now,
    explain: options.explain === true,
    // an empty window when none is given: no breach falls in it
    explainFrom: options.explainBreaches?.from ?? 0,
    explainTo: options.explainBreaches?.to ?? 0,
    shares: sharesOf(policy.warnings, options.thresholds),
    explainLimit: options.explainLimit ?? explanationLimit
  }
  const kind = last(t.kinds)?.kind
  // what the kind rules allow this kind, looked up once for all the metrics
  const rule = kind === undefined ? undefined : ruleFor(kind)(kinds)
  const priority = last(t.priorities)?.priority.name
  const cancelled = last(t.statuses)?.status._tag === 'Cancelled'
  const resolution = windowsOutside(t.openedAt, t.resolutions, now)
  const results: MetricResult[] = []
  for (const metric of definedMetrics(policy)) {
    const m = policy.metrics[metric] as MetricPolicy
    const skip = applicable(metric, kind, rule)
    if (cancelled) {
      results.push(notApplicable(metric, 'the ticket was cancelled', priority))
      continue
    }
    if (skip !== undefined) {
      results.push(notApplicable(metric, skip, priority))
      continue
    }
    if (priority === undefined) {
      results.push(notApplicable(metric, 'the ticket has no priority yet'))
      continue
    }
    const target = targetFor(metric, priority, kind)(policy)
    if (target === undefined) {
      results.push(notApplicable(metric, `the policy sets no ${metric} target for ${priority}`, priority))
      continue
    }
    // the path is written only for a target that is wrong
    const bad = isTarget(target)
      ? undefined
      : targetIssue(`agreement.policy.metrics.${metric}.targets.${priority}`, target)
    if (bad !== undefined) return E.left(decodeError([bad]))
    if (metric === 'update') {
      results.push(evaluateUpdate(t, target, priority, resolution, settings))
      continue
    }
    const firstReply = t.replies[0]
    const raw =
      metric === 'response'
        ? { windows: [[t.openedAt, firstReply ?? now] as Span], stoppedAt: firstReply }
        : reopened(
            m.reopen,
            metric === 'resolution' ? resolution : windowsOutside(t.openedAt, union(t.resolutions, t.workarounds), now)
          )
    const pauses = pausesOf(t, partiesOf(metric, policy), now)
    results.push(
      evaluateClock({ metric, target, priority, windows: raw.windows, stoppedAt: raw.stoppedAt, pauses }, settings)
    )
  }
  // operational-level targets: the time the ticket spent in each tier, while it was not resolved
  const tierTargets = policy.tiers === undefined ? [] : Object.entries(policy.tiers)
  const tierPauses = tierTargets.length === 0 ? [] : pausesOf(t, partiesOf('resolution', policy), now)
  for (const [tier, target] of tierTargets) {
    const metric = `tier:${tier}` as const
    const bad = targetIssue(`agreement.policy.tiers.${tier}`, target)
    if (bad !== undefined) return E.left(decodeError([bad]))
    const windows: Span[] = []
    for (const i of t.tiers) {
      if (i.tier !== tier) continue
      const to = i.to ?? now
      // a window may be empty (the instant the ticket entered the tier): the clock has still started
      for (const [a, b] of resolution.windows)
        if (Math.max(a, i.from) <= Math.min(b, to)) windows.push([Math.max(a, i.from), Math.min(b, to)])
    }
    const inTierNow = last(t.tiers)?.tier === tier && resolution.stoppedAt === undefined
    const lastEnd = windows[windows.length - 1]?.[1]
    if (cancelled) results.push(notApplicable(metric, 'the ticket was cancelled', priority))
    else if (windows.length === 0) results.push(notApplicable(metric, `the ticket has not been in ${tier}`, priority))
    else
      results.push(
        evaluateClock(
          { metric, target, priority, windows, stoppedAt: inTierNow ? undefined : lastEnd, pauses: tierPauses },
          settings
        )
      )
  }
  // the keys in this order, as before: ticketId, at, kind, priority, metrics
  const ticketId = t.ticketId
  const out: Evaluation =
    kind === undefined
      ? priority === undefined
        ? { ticketId, at: now, metrics: results }
        : { ticketId, at: now, priority, metrics: results }
      : priority === undefined
        ? { ticketId, at: now, kind, metrics: results }
        : { ticketId, at: now, kind, priority, metrics: results }
  return E.right(out)
}

/**
 * Evaluates a ticket's SLA clocks at `now` from its events: per metric of the policy (and per
 * tier target), the state, start, due instant, elapsed, remaining and paused business time, the
 * share of the target used, the warning thresholds passed and when each was passed, and when the
 * target was met or breached.
 *
 * - **The history is checked first** (`Ticket.timeline`, with the options' context): a history
 *   that does not replay gives the replay's `Left`, and so do arguments a JavaScript caller
 *   should not pass (a `null` event, an instant that is `NaN`, a hand-made policy with a
 *   negative target): a `DecodeError` naming the argument's path.
 * - **Evaluation at `now` includes the events at `now`**: a wait that starts at `now` pauses the
 *   clock at `now` (`Paused`), a resumption at `now` runs it again (`Running`), a resolution at
 *   `now` meets it. Events after `now` are ignored, so evaluating at `now` equals evaluating the
 *   history cut at `now`.
 * - The targets are those of the ticket's current priority (a priority change keeps the elapsed
 *   and paused time and switches targets); a ticket without a priority has no targets yet.
 * - A metric pauses while the ticket awaits one of its `pauseWhileAwaiting` parties.
 * - `response` stops at the first public reply; `resolution` at the resolution (reopenings
 *   follow the metric's reopen policy); `restore` while a workaround is in force or the ticket
 *   is resolved; `update` measures each stretch between public replies; `tier:<name>` the time
 *   spent in a tier.
 * - `dueAt` is when the target runs out: for a clock that reached its target (breached, met
 *   late), the instant it did; for a met clock, the due it had when it stopped (counting on from
 *   the stop); for a running one, counting on from `now`; absent while paused.
 * - A business-days target is converted to business time from the clock's start.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Sla, Ticket, Time } from 'itsm-kit'
 * const at = Time.instant
 * const kari = { role: 'agent', id: 'kari' } as const
 * const agreement = Sla.makeAgreement({ calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const recorded = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('2025-03-07T15:45:00+01:00'), actor: kari, ticketId: Ticket.ticketId('INC-7'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-03-07T15:45:00+01:00'), actor: kari, urgency: 'medium', impact: 'medium' }
 * ])
 * const resolution = pipe(
 *   E.Do,
 *   E.apS('agreement', agreement),
 *   E.apSW('recorded', recorded),
 *   E.flatMap(({ agreement, recorded }) => pipe(recorded.events, Sla.evaluate(agreement, at('2025-03-10T09:00:00+01:00')),
 *     E.map((e) => e.metrics.find((m) => m.metric === 'resolution')),
 *     E.map((r) => [r?.state, r?.dueAt && Time.toLocalISO(agreement.calendar.zone)(r.dueAt)])))
 * )
 * // P3: 24 business hours from Friday 15:45 (15 min that day, then three full days)
 * assert.deepStrictEqual(resolution, E.right(['Running', '2025-03-12T15:45:00+01:00']))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const evaluate =
  (agreement: Agreement, now: Instant, options: EvaluateOptions = {}) =>
  (self: ReadonlyArray<TicketEvent>): E.Either<TicketError | SlaError, Evaluation> => {
    const issue = argumentIssue(agreement, now, options)
    if (issue !== undefined) return E.left(decodeError([issue]))
    const t = timelineOf(contextOf(options))(self)
    if (E.isLeft(t)) return t
    // the timeline was just made by Ticket.timeline: no need to check its shape again; and when
    // the last event (the latest instant of a history that replays) is not after `now`, cutting
    // it at `now` would change nothing
    const lastAt = (self[self.length - 1] as TicketEvent).at
    if (lastAt <= now) return measureAll(t.right, agreement, now, options ?? {})
    const cut = timelineAt(now)(t.right)
    if (O.isNone(cut)) return E.right({ ticketId: t.right.ticketId, at: now, metrics: [] })
    return measureAll(cut.value, agreement, now, options ?? {})
  }

/**
 * What-if: the due instants a ticket that does not exist yet would get, opened at `openedAt` with
 * a priority (and optionally a kind), if nothing paused its clocks. Total: an agreement, an
 * instant or a priority that is not valid (as a JavaScript caller may pass) gives no due dates.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Sla, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const friday = Time.instant('2025-03-07T15:30:00+01:00')
 * const due = pipe(agreement, E.map((a) => Sla.dueDates(a)({ openedAt: friday, priority: 'P1' }).map((d) => [d.metric, Time.toLocalISO(a.calendar.zone)(d.dueAt)])))
 * assert.deepStrictEqual(due, E.right([
 *   ['response', '2025-03-07T15:45:00+01:00'],
 *   ['resolution', '2025-03-10T11:30:00+01:00'],
 *   ['update', '2025-03-10T08:30:00+01:00'],
 *   ['restore', '2025-03-10T09:30:00+01:00']
 * ]))
 * ```
 * @category queries
 * @since 0.1.0 (`dueDates(agreement, ticket)` until 0.3.0)
 */
export const dueDates =
  (agreement: Agreement) =>
  (ticket: {
    readonly openedAt: Instant
    readonly priority: string
    readonly kind?: TicketKind
  }): ReadonlyArray<{ readonly metric: Metric; readonly target: Target; readonly dueAt: Instant }> =>
    dueDatesOf(agreement, ticket)

/** {@link dueDates} with its data first, as the library calls it inside. @internal */
export const dueDatesOf = (
  agreement: Agreement,
  ticket: { readonly openedAt: Instant; readonly priority: string; readonly kind?: TicketKind }
): ReadonlyArray<{ readonly metric: Metric; readonly target: Target; readonly dueAt: Instant }> => {
  try {
    return dueDatesUnguarded(agreement, ticket)
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller) has no due dates
    return []
  }
}

const dueDatesUnguarded = (
  agreement: Agreement,
  ticket: { readonly openedAt: Instant; readonly priority: string; readonly kind?: TicketKind }
): ReadonlyArray<{ readonly metric: Metric; readonly target: Target; readonly dueAt: Instant }> =>
  argumentIssue(agreement, isRecord(ticket) ? ticket.openedAt : undefined, undefined) !== undefined ||
  typeof ticket.priority !== 'string'
    ? []
    : definedMetrics(agreement.policy).flatMap((metric) => {
        const target = targetFor(
          metric,
          ticket.priority,
          typeof ticket.kind === 'string' && Object.hasOwn(kindWords, ticket.kind) ? ticket.kind : undefined
        )(agreement.policy)
        if (target === undefined || targetIssue('target', target) !== undefined) return []
        const time = targetTime(target, ticket.openedAt, agreement.calendar)
        return [{ metric, target, dueAt: addBusinessTime(ticket.openedAt, time as Duration)(agreement.calendar) }]
      })
