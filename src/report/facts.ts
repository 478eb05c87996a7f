import { unionSpans } from '../internal/spans.js'
import { trustTimeline } from '../internal/trusted.js'
/**
 * The one adapter between reports and tickets: a ticket's history becomes the facts reports need,
 * through the ticket's checked timeline (`Ticket.timeline`: the one replay of the history), one
 * pass over the events for what the timeline does not hold (category, ratings, root cause, reply
 * counts) and the SLA evaluation of that timeline (`Sla.evaluateTimeline`) at the as-of instant.
 * Everything else in `report/` works on these facts only.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import type { KindRules, TicketKind } from '../kind/index.js'
import * as Sla from '../sla/index.js'
import * as Ticket from '../ticket/index.js'
import type { Instant } from '../time/index.js'
import type { Agreement, MetricPolicy, MetricResult } from '../sla/index.js'
import type { TicketEvent, TicketError } from '../ticket/index.js'
import { breachExplanationLimit } from './explanation.js'

/** Where a ticket stands at the as-of instant. @internal */
export type Standing = 'open' | 'resolved' | 'closed' | 'cancelled'

/** What reports know about one ticket as of an instant. @internal */
export interface TicketFacts {
  readonly ticketId: string
  readonly customer: string
  readonly openedAt: number
  readonly channel: string
  readonly kind: TicketKind | undefined
  readonly category: string | undefined
  readonly priority: string | undefined
  readonly standing: Standing
  /** Spans `[from, to)` during which the ticket was open (not resolved, closed or cancelled); `to` absent while open. */
  readonly openSpans: ReadonlyArray<readonly [number, number | undefined]>
  /** Instants of every resolution. */
  readonly resolutions: ReadonlyArray<number>
  /** Instants of every reopening (rejected resolution, agent reopening, withdrawn workaround of a resolved ticket). */
  readonly reopenings: ReadonlyArray<number>
  readonly firstTier: string
  readonly escalations: ReadonlyArray<{ readonly at: number; readonly toTier: string }>
  /** Public replies before the first resolution (all of them while never resolved). */
  readonly repliesBeforeFirstResolution: number
  /** Instants a workaround was applied. */
  readonly workaroundsApplied: ReadonlyArray<number>
  /** When the workaround in force at the as-of instant was applied, if the ticket runs on one. */
  readonly onWorkaroundSince: number | undefined
  /** A problem with a workaround or a root cause, not yet resolved, closed or cancelled. */
  readonly knownErrorOpen: boolean
  readonly ratings: ReadonlyArray<{ readonly score: number; readonly at: number }>
  /** The SLA clocks at the as-of instant. */
  readonly clocks: ReadonlyArray<MetricResult>
  /**
   * The clocks under the reopen rule `restart` that have run more than one cycle by the as-of
   * instant: how many cycles, and the first cycle that breached, if any (its evaluation at the
   * instant the cycle stopped). Empty for most tickets.
   */
  readonly restarted: ReadonlyArray<Restarted>
}

/** A clock that restarts at each reopening and has run more than one cycle. @internal */
export interface Restarted {
  readonly metric: MetricResult['metric']
  /** Cycles run by the as-of instant, the current one included (1 = until the first stop). */
  readonly cycles: number
  /** The first cycle whose target ran out, and the clock as it stood when that cycle stopped (or as of now, for the current cycle). */
  readonly firstBreach?: { readonly cycle: number; readonly clock: MetricResult }
}

/** Options of {@link factsOf}. @internal */
export interface FactsOptions {
  readonly kinds?: KindRules
  /** Explain (counted and paused intervals, holidays) the clocks whose target ran out in `[from, to)`. */
  readonly explainBreaches?: { readonly from: Instant; readonly to: Instant }
  /** Makes the agreement of only some metrics (default: anew each time; a combiner keeps one {@link restrictor}). */
  readonly restrict?: (agreement: Agreement, wanted: ReadonlyArray<string>) => Agreement
}

/**
 * The facts of one ticket as of `asOf`: events after `asOf` are ignored. The history is read
 * through its checked timeline (every rule checked once), and one that breaks a rule gives the
 * ticket's error. The facts come from one pass over the events that follows
 * `Ticket.evolve`'s status rules (a test holds the two together).
 *
 * @internal
 */
export const factsOf = (
  history: ReadonlyArray<TicketEvent>,
  agreement: Agreement,
  asOf: number,
  options: FactsOptions = {}
): E.Either<TicketError | Sla.SlaError, TicketFacts | undefined> => {
  if (history.length === 0) return E.map((): undefined => undefined)(Ticket.replay()([]))
  const first = history[0] as TicketEvent
  // a ticket opened after the as-of instant does not exist yet
  if (first.at > asOf) return E.right(undefined)
  let cut = history.length
  for (let i = 0; i < history.length; i++)
    if ((history[i] as TicketEvent).at > asOf) {
      cut = i
      break
    }
  const events = cut === history.length ? history : history.slice(0, cut)
  const context =
    options.kinds === undefined ? Ticket.defaultContext : { ...Ticket.defaultContext, kinds: options.kinds }
  const timeline = Ticket.timeline(context)(events)
  if (E.isLeft(timeline)) return timeline
  // the timeline stays inside the report: the evaluations below need not check it again
  const lastAt = (events[events.length - 1] as TicketEvent).at
  trustTimeline(timeline.right, lastAt)
  if (first._tag !== 'TicketOpened') return E.right(undefined)
  let kind = first.kind
  let category: string | undefined
  let priority: string | undefined
  // New, InProgress, Awaiting are open; the resolution code matters to a withdrawn workaround
  let standing = 'open' as Standing
  let resolvedCode: string | undefined
  let workaroundSince: number | undefined
  let rootCause = false
  let replies = 0
  const openSpans: Array<[number, number | undefined]> = [[first.at, undefined]]
  const resolutions: number[] = []
  const reopenings: number[] = []
  const escalations: Array<{ at: number; toTier: string }> = []
  const workaroundsApplied: number[] = []
  const ratings: Array<{ score: number; at: number }> = []
  for (let i = 1; i < events.length; i++) {
    const e = events[i] as TicketEvent
    // the standing the event takes the ticket to, if it changes it, and whether that reopens a
    // resolved ticket (a loop of its own, no closure: this runs for every event of every ticket)
    let next: Standing | undefined
    let progress = false
    switch (e._tag) {
      case 'TicketClassified':
        kind = e.kind
        if (e.category !== undefined) category = e.category
        break
      case 'PrioritySet':
      case 'PriorityOverridden':
        priority = e.name
        break
      case 'TicketEscalated':
        escalations.push({ at: e.at, toTier: e.toTier })
        break
      case 'PublicReplySent':
        if (resolutions.length === 0) replies++
        break
      case 'AwaitingStarted':
        next = 'open'
        break
      case 'WorkResumed':
      case 'ResolutionRejected':
      case 'TicketReopened':
        next = 'open'
        progress = true
        break
      case 'WorkaroundApplied':
        workaroundsApplied.push(e.at)
        workaroundSince = e.at
        break
      case 'WorkaroundWithdrawn':
        workaroundSince = undefined
        if (standing === 'resolved' && resolvedCode === 'workaround') {
          next = 'open'
          progress = true
        }
        break
      case 'RootCauseIdentified':
        rootCause = true
        break
      case 'TicketResolved':
        resolutions.push(e.at)
        resolvedCode = e.code
        next = 'resolved'
        break
      case 'TicketClosed':
        next = 'closed'
        break
      case 'TicketCancelled':
        next = 'cancelled'
        break
      case 'TicketRated':
        ratings.push({ score: e.score, at: e.at })
        break
      default:
        break
    }
    if (next === undefined) continue
    if (standing === 'resolved' && next === 'open' && progress) reopenings.push(e.at)
    if (next === 'open' && standing !== 'open') openSpans.push([e.at, undefined])
    else if (next !== 'open' && standing === 'open')
      (openSpans[openSpans.length - 1] as [number, number | undefined])[1] = e.at
    standing = next
  }
  // the clocks whose target ran out in the window are explained (explanations cost more than
  // the evaluation, so only those)
  const window = options.explainBreaches
  const evaluated = Sla.evaluateTimeline(
    agreement,
    asOf as Instant,
    window === undefined ? { context } : { context, explainBreaches: window, explainLimit: breachExplanationLimit }
  )(timeline.right)
  if (E.isLeft(evaluated)) return evaluated
  const clocks = evaluated.right.metrics
  const restarted = restartedClocks(
    timeline.right,
    agreement,
    asOf,
    context,
    clocks,
    window !== undefined,
    options.restrict ?? restricted,
    lastAt
  )
  if (E.isLeft(restarted)) return restarted
  const finished = standing === 'closed' || standing === 'cancelled'
  return E.right({
    ticketId: first.ticketId,
    customer: first.customer,
    openedAt: first.at,
    channel: first.channel,
    kind,
    category,
    priority,
    standing,
    openSpans,
    resolutions,
    reopenings,
    firstTier: first.tier,
    escalations,
    repliesBeforeFirstResolution: replies,
    workaroundsApplied,
    onWorkaroundSince: workaroundSince !== undefined && kind !== 'problem' && !finished ? workaroundSince : undefined,
    knownErrorOpen: kind === 'problem' && (workaroundSince !== undefined || rootCause) && standing === 'open',
    ratings,
    clocks,
    restarted: restarted.right
  })
}

/**
 * The agreement with a policy of only the given metrics (`tier:<name>` for a tier). The SLA
 * evaluation measures each metric on its own, except that a tier pauses as the resolution
 * metric does: with a tier the resolution metric's rules are kept too.
 */
const restricted = (agreement: Agreement, wanted: ReadonlyArray<string>): Agreement => {
  const policy = agreement.policy
  const metrics: Partial<Record<Sla.Metric, MetricPolicy>> = {}
  const tiers: Record<string, Sla.Target> = {}
  for (const w of wanted) {
    if (w.startsWith('tier:')) {
      const t = policy.tiers?.[w.slice(5)]
      if (t !== undefined) tiers[w.slice(5)] = t
      if (policy.metrics.resolution !== undefined) metrics.resolution = policy.metrics.resolution
    } else {
      const m = policy.metrics[w as Sla.Metric]
      if (m !== undefined) metrics[w as Sla.Metric] = m
    }
  }
  return { ...agreement, policy: { ...policy, metrics, tiers } }
}

/** {@link restricted}, each agreement and list of metrics made once: one per combiner. @internal */
export const restrictor = (): ((agreement: Agreement, wanted: ReadonlyArray<string>) => Agreement) => {
  const cache = new Map<Agreement, Map<string, Agreement>>()
  return (agreement, wanted) => {
    let byKey = cache.get(agreement)
    if (byKey === undefined) cache.set(agreement, (byKey = new Map<string, Agreement>()))
    const key = wanted.join('\u0000')
    let out = byKey.get(key)
    if (out === undefined) byKey.set(key, (out = restricted(agreement, wanted)))
    return out
  }
}

/** Metrics whose clocks stop and restart: resolution at resolutions, restore also at workarounds. */
const restartable = ['resolution', 'restore'] as const

const noneRestarted: ReadonlyArray<Restarted> = []

/**
 * The stops of a clock as of the timeline's end, as sorted disjoint intervals (`to` absent while a
 * stop lasts): resolutions for `resolution`; resolutions and workarounds for `restore`.
 */
const stopsOf = (t: Ticket.Timeline, metric: (typeof restartable)[number]): ReadonlyArray<Ticket.Interval> => {
  return metric === 'resolution' || t.workarounds.length === 0
    ? t.resolutions
    : unionSpans(t.resolutions, t.workarounds)
}

/** A copy of an interval without its end (`to`), the other fields in their order. */
const withoutEnd = <I extends Ticket.Interval>(x: I): I => {
  const open: { -readonly [K in keyof I]: I[K] } = { ...x }
  delete open.to
  return open
}

/** The intervals that start and end at `at` left open (without `to`). */
const openAt = <I extends Ticket.Interval>(list: ReadonlyArray<I>, at: number): ReadonlyArray<I> =>
  list.some((x) => x.from === at && x.to === at)
    ? list.map((x) => (x.from === at && x.to === at ? withoutEnd(x) : x))
    : list

/** The timeline with the stretches that start and end at `at` left open, so cutting it at `at` shows the clock stopped there. */
const stoppedAt = (t: Ticket.Timeline, at: number): Ticket.Timeline => ({
  ...t,
  resolutions: openAt(t.resolutions, at),
  workarounds: openAt(t.workarounds, at)
})

/**
 * For each clock under the reopen rule `restart` with more than one cycle as of `asOf`: the first
 * cycle whose target ran out. The SLA evaluation of a restarting clock measures only its current
 * cycle, so each earlier cycle is evaluated on the same timeline at the instant it stopped (where
 * the evaluation's current cycle is that one), with a policy of that one metric. No replay.
 */
const restartedClocks = (
  t: Ticket.Timeline,
  agreement: Agreement,
  asOf: number,
  context: Ticket.DecideContext,
  clocks: ReadonlyArray<MetricResult>,
  explain: boolean,
  restrict: (agreement: Agreement, wanted: ReadonlyArray<string>) => Agreement,
  lastAt: number
): E.Either<TicketError | Sla.SlaError, ReadonlyArray<Restarted>> => {
  if (t.resolutions.length === 0 && t.workarounds.length === 0) return E.right(noneRestarted)
  let out: Restarted[] | undefined
  for (const metric of restartable) {
    const m = agreement.policy.metrics[metric]
    if (m === undefined || m.reopen !== 'restart') continue
    const now = clocks.find((c) => c.metric === metric)
    if (now === undefined || now.state === 'NotApplicable') continue
    const stops = stopsOf(t, metric)
    // each stop that ended (the ticket reopened) closes one earlier cycle
    const ends: number[] = []
    for (const s of stops) if (s.to !== undefined) ends.push(s.from)
    if (ends.length === 0) continue
    const cycles = ends.length + 1
    let firstBreach: Restarted['firstBreach']
    const one = restrict(agreement, [metric])
    for (let k = 0; k < ends.length && firstBreach === undefined; k++) {
      const end = ends[k] as number
      // a copy of the report's own timeline, never seen by a caller either
      const stopped = stoppedAt(t, end)
      trustTimeline(stopped, lastAt)
      const e = Sla.evaluateTimeline(one, end as Instant, { context, explain, explainLimit: breachExplanationLimit })(
        stopped
      )
      if (E.isLeft(e)) return e
      const clock = e.right.metrics.find((c) => c.metric === metric)
      if (clock?.breachedAt !== undefined) firstBreach = { cycle: k + 1, clock }
    }
    if (firstBreach === undefined && now.breachedAt !== undefined) firstBreach = { cycle: cycles, clock: now }
    ;(out ??= []).push(firstBreach === undefined ? { metric, cycles } : { metric, cycles, firstBreach })
  }
  return E.right(out ?? noneRestarted)
}
