/**
 * The one adapter between reports and tickets: a ticket's history becomes the facts reports need,
 * with one checked replay (`Ticket.apply` event by event) and one SLA evaluation (`Sla.evaluate`)
 * at the as-of instant. Everything else in `report/` works on these facts only, so the adapter can
 * switch to the checked ticket timeline without touching the rest.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import type { KindRules, TicketKind } from '../classification/index.js'
import * as Sla from '../sla/index.js'
import * as Ticket from '../ticket/index.js'
import * as Workaround from '../workaround/index.js'
import type { Instant } from '../time/index.js'
import type { Agreement, MetricResult } from '../sla/index.js'
import type { TicketEvent, TicketError, Ticket as TicketModel, TicketState } from '../ticket/index.js'

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
  readonly standingSince: number
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
  /** Skip the rule check of every event (`Ticket.evolve` instead of `Ticket.apply`): for histories checked when stored or decoded. */
  readonly trusted?: boolean
  /** Explain (counted and paused intervals, holidays) the clocks whose target ran out in `[from, to)`. */
  readonly explainBreaches?: { readonly from: number; readonly to: number }
}

const standingOf = (s: TicketModel['status']['_tag']): Standing =>
  s === 'Resolved' ? 'resolved' : s === 'Closed' ? 'closed' : s === 'Cancelled' ? 'cancelled' : 'open'

/**
 * The facts of one ticket as of `asOf`: events after `asOf` are ignored. A history that does not
 * replay gives the ticket's error.
 *
 * @internal
 */
export const factsOf = (history: ReadonlyArray<TicketEvent>, agreement: Agreement, asOf: number, options: FactsOptions = {}): E.Either<TicketError, TicketFacts | undefined> => {
  if (history.length === 0) return E.map((): undefined => undefined)(Ticket.replay([]))
  // a ticket opened after the as-of instant does not exist yet
  if ((history[0] as TicketEvent).at > asOf) return E.right(undefined)
  let state: TicketState = Ticket.initial
  const trusted = options.trusted === true
  let cut = history.length
  const openSpans: Array<[number, number | undefined]> = []
  const resolutions: number[] = []
  const reopenings: number[] = []
  const escalations: Array<{ at: number; toTier: string }> = []
  const workaroundsApplied: number[] = []
  const ratings: Array<{ score: number; at: number }> = []
  let replies = 0
  let open = false
  for (let i = 0; i < history.length; i++) {
    const e = history[i] as TicketEvent
    if (e.at > asOf) {
      cut = i
      break
    }
    const before = state._tag === 'Ticket' ? state.status._tag : undefined
    if (trusted) state = Ticket.evolve(state, e)
    else {
      const next = Ticket.apply(e, options.kinds)(state)
      if (E.isLeft(next)) return next
      state = next.right
    }
    if (state._tag !== 'Ticket') continue
    const after = state.status._tag
    const nowOpen = after === 'New' || after === 'InProgress' || after === 'Awaiting'
    if (nowOpen && !open) openSpans.push([e.at, undefined])
    else if (!nowOpen && open) (openSpans[openSpans.length - 1] as [number, number | undefined])[1] = e.at
    if (before === 'Resolved' && nowOpen) reopenings.push(e.at)
    open = nowOpen
    switch (e._tag) {
      case 'TicketResolved':
        resolutions.push(e.at)
        break
      case 'TicketEscalated':
        escalations.push({ at: e.at, toTier: e.toTier })
        break
      case 'PublicReplySent':
        if (resolutions.length === 0) replies++
        break
      case 'WorkaroundApplied':
        workaroundsApplied.push(e.at)
        break
      case 'TicketRated':
        ratings.push({ score: e.score, at: e.at })
        break
      default:
        break
    }
  }
  if (state._tag !== 'Ticket') return E.right(undefined)
  const t = state
  const events = cut === history.length ? history : history.slice(0, cut)
  let clocks = Sla.evaluate(agreement, asOf as Instant, options.kinds === undefined ? {} : { kinds: options.kinds })(events).metrics
  const window = options.explainBreaches
  if (window !== undefined && clocks.some((c) => c.breachedAt !== undefined && c.breachedAt >= window.from && c.breachedAt < window.to))
    clocks = Sla.evaluate(agreement, asOf as Instant, { ...(options.kinds === undefined ? {} : { kinds: options.kinds }), explain: true })(events).metrics
  const first = history[0] as Extract<TicketEvent, { _tag: 'TicketOpened' }>
  return E.right({
    ticketId: t.id,
    customer: t.customer,
    openedAt: t.openedAt,
    channel: t.channel,
    kind: t.kind,
    category: t.category,
    priority: t.priority?.name,
    standing: standingOf(t.status._tag),
    standingSince: t.status.since,
    openSpans,
    resolutions,
    reopenings,
    firstTier: first.tier,
    escalations,
    repliesBeforeFirstResolution: replies,
    workaroundsApplied,
    onWorkaroundSince: Workaround.isOnWorkaround(t) ? t.workaround?.appliedAt : undefined,
    knownErrorOpen: Workaround.isKnownError(t) && standingOf(t.status._tag) === 'open',
    ratings,
    clocks
  })
}

