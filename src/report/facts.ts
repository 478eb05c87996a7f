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
import type { Agreement, MetricResult } from '../sla/index.js'
import type { TicketEvent, TicketError } from '../ticket/index.js'

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
}

/** Options of {@link factsOf}. @internal */
export interface FactsOptions {
  readonly kinds?: KindRules
  /** Explain (counted and paused intervals, holidays) the clocks whose target ran out in `[from, to)`. */
  readonly explainBreaches?: { readonly from: number; readonly to: number }
}

/**
 * The facts of one ticket as of `asOf`: events after `asOf` are ignored. The history is read
 * through its checked timeline (every rule checked once), and one that breaks a rule gives the
 * ticket's error. The facts come from one pass over the events that follows
 * `Ticket.evolve`'s status rules (a test holds the two together).
 *
 * @internal
 */
export const factsOf = (history: ReadonlyArray<TicketEvent>, agreement: Agreement, asOf: number, options: FactsOptions = {}): E.Either<TicketError | Sla.SlaError, TicketFacts | undefined> => {
  if (history.length === 0) return E.map((): undefined => undefined)(Ticket.replay([]))
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
  const context = options.kinds === undefined ? Ticket.defaultContext : { ...Ticket.defaultContext, kinds: options.kinds }
  const timeline = Ticket.timeline(events, context)
  if (E.isLeft(timeline)) return timeline
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
  const become = (next: Standing, at: number, progress: boolean): void => {
    if (standing === 'resolved' && next === 'open' && progress) reopenings.push(at)
    if (next === 'open' && standing !== 'open') openSpans.push([at, undefined])
    else if (next !== 'open' && standing === 'open') (openSpans[openSpans.length - 1] as [number, number | undefined])[1] = at
    standing = next
  }
  for (let i = 1; i < events.length; i++) {
    const e = events[i] as TicketEvent
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
        become('open', e.at, false)
        break
      case 'WorkResumed':
      case 'ResolutionRejected':
      case 'TicketReopened':
        become('open', e.at, true)
        break
      case 'WorkaroundApplied':
        workaroundsApplied.push(e.at)
        workaroundSince = e.at
        break
      case 'WorkaroundWithdrawn':
        workaroundSince = undefined
        if (standing === 'resolved' && resolvedCode === 'workaround') become('open', e.at, true)
        break
      case 'RootCauseIdentified':
        rootCause = true
        break
      case 'TicketResolved':
        resolutions.push(e.at)
        resolvedCode = e.code
        become('resolved', e.at, false)
        break
      case 'TicketClosed':
        become('closed', e.at, false)
        break
      case 'TicketCancelled':
        become('cancelled', e.at, false)
        break
      case 'TicketRated':
        ratings.push({ score: e.score, at: e.at })
        break
      default:
        break
    }
  }
  const evaluated = Sla.evaluateTimeline(agreement, asOf as Instant, { context })(timeline.right)
  if (E.isLeft(evaluated)) return evaluated
  let clocks = evaluated.right.metrics
  const window = options.explainBreaches
  if (window !== undefined && clocks.some((c) => c.breachedAt !== undefined && c.breachedAt >= window.from && c.breachedAt < window.to)) {
    const explained = Sla.evaluateTimeline(agreement, asOf as Instant, { context, explain: true })(timeline.right)
    if (E.isLeft(explained)) return explained
    clocks = explained.right.metrics
  }
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
    clocks
  })
}
