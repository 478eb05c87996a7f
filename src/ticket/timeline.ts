import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type { TicketKind } from '../kind/index.js'
import { decodeError, makeIssue, type Issue } from '../internal/decodeError.js'
import { maxInstant, minInstant } from '../time/index.js'
import type { Instant } from '../time/index.js'
import { builder, push, replayEvents } from './apply.js'
import { resolveContext, type ReadContext } from './context.js'
import { defaultContext } from './decide.js'
import type { TicketError } from './errors.js'
import { eventTags, type NoticeSent, type TicketEvent, type TicketOpened } from './events.js'
import { statusAfter } from './evolve.js'
import {
  initial,
  type AwaitingParty,
  type ResolutionCode,
  type Status,
  type TicketId,
  type TicketPriority
} from './model.js'
import { isWellFormedEvent } from './wellFormed.js'
import { isArrayValue } from '../internal/primitives.js'

/**
 * A stretch of a ticket's timeline: from an instant, to an instant (exclusive), or without `to`
 * while it still lasts at the end of the timeline. A stretch may be empty (`from = to`) when two
 * events came at the same instant.
 *
 * @category models
 * @since 0.2.0
 */
export interface Interval {
  readonly from: Instant
  /** Absent while the stretch lasts. */
  readonly to?: Instant
}

/**
 * A status the ticket was in, and when.
 *
 * @category models
 * @since 0.2.0
 */
export interface StatusInterval extends Interval {
  readonly status: Status
}

/**
 * A kind the ticket had, and when (a new interval each time the kind changes).
 *
 * @category models
 * @since 0.2.0
 */
export interface KindInterval extends Interval {
  readonly kind: TicketKind
}

/**
 * A priority the ticket had, and when (a new interval each time the priority's name changes).
 *
 * @category models
 * @since 0.2.0
 */
export interface PriorityInterval extends Interval {
  readonly priority: TicketPriority
}

/**
 * A tier that held the ticket, and when.
 *
 * @category models
 * @since 0.2.0
 */
export interface TierInterval extends Interval {
  readonly tier: string
}

/**
 * A wait for the customer, a third party or the vendor.
 *
 * @category models
 * @since 0.2.0
 */
export interface PauseInterval extends Interval {
  readonly party: AwaitingParty
}

/**
 * A resolution: from the instant the ticket was resolved until it was reopened (no `to` while it
 * stands, including after the ticket closed).
 *
 * @category models
 * @since 0.2.0
 */
export interface ResolutionInterval extends Interval {
  readonly code: ResolutionCode
}

/**
 * A workaround in force: from the instant it was applied until it was withdrawn or replaced.
 *
 * @category models
 * @since 0.2.0
 */
export interface WorkaroundInterval extends Interval {
  readonly problemId?: TicketId
}

/**
 * A notice sent up the line (hierarchical escalation).
 *
 * @category models
 * @since 0.2.0
 */
export interface TimelineNotice {
  readonly at: Instant
  readonly audience: NoticeSent['audience']
  readonly reason: string
}

/**
 * A ticket's checked timeline: what its history says, as intervals on the UTC time line — the
 * statuses, kinds, priorities and tiers it had, the waits, resolutions and workarounds, the
 * public replies and the notices. Plain JSON-serialisable data; SLA clocks, escalation decisions
 * and workaround queries all read it.
 *
 * @category models
 * @since 0.2.0
 */
export interface Timeline {
  readonly _tag: 'Timeline'
  readonly ticketId: TicketId
  readonly customer: string
  readonly openedAt: Instant
  /** Never empty: the first is `New` from the opening. */
  readonly statuses: ReadonlyArray<StatusInterval>
  readonly kinds: ReadonlyArray<KindInterval>
  readonly priorities: ReadonlyArray<PriorityInterval>
  /** Never empty: the first is the tier the ticket was opened in. */
  readonly tiers: ReadonlyArray<TierInterval>
  readonly pauses: ReadonlyArray<PauseInterval>
  readonly resolutions: ReadonlyArray<ResolutionInterval>
  readonly workarounds: ReadonlyArray<WorkaroundInterval>
  /** The instants of the public replies, in order. */
  readonly replies: ReadonlyArray<Instant>
  readonly notices: ReadonlyArray<TimelineNotice>
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const tags: ReadonlySet<unknown> = new Set(eventTags)

/** The first problem in the shape of an event that the rules cannot even look at. */
const shapeIssue = (u: unknown, i: number): Issue | undefined => {
  if (!isRecord(u)) return makeIssue(`events[${i}]`, 'a ticket event (an object)', u)
  if (!tags.has(u['_tag']))
    return makeIssue(`events[${i}]._tag`, 'a ticket event tag (such as "TicketOpened")', u['_tag'])
  const at = u['at']
  if (!(typeof at === 'number' && Number.isFinite(at) && at >= minInstant && at <= maxInstant))
    return makeIssue(`events[${i}].at`, 'an instant (epoch milliseconds) from 1900 to 2200', at)
  if (!(typeof u['seq'] === 'number' && Number.isInteger(u['seq'])))
    return makeIssue(`events[${i}].seq`, 'a whole sequence number', u['seq'])
  const actor = u['actor']
  if (!isRecord(actor) || typeof actor['role'] !== 'string' || typeof actor['id'] !== 'string')
    return makeIssue(`events[${i}].actor`, 'an actor ({ role, id })', actor)
  return undefined
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Closes the last interval of a list at `at`, if it is open (the list and its intervals are the builder's own, fresh values). */
const close = <I extends Interval>(list: Array<I>, at: Instant): void => {
  const last = list[list.length - 1] as Mutable<Interval> | undefined
  if (last !== undefined && last.to === undefined) last.to = at
}

/** The lists of a timeline being built, event by event (each list and interval the builder's own). */
interface Lists {
  readonly first: TicketOpened
  readonly statuses: Array<StatusInterval>
  readonly kinds: Array<KindInterval>
  readonly priorities: Array<PriorityInterval>
  readonly tiers: Array<TierInterval>
  readonly pauses: Array<PauseInterval>
  readonly resolutions: Array<ResolutionInterval>
  readonly workarounds: Array<WorkaroundInterval>
  readonly replies: Array<Instant>
  readonly notices: Array<TimelineNotice>
}

/** The lists after the opening, with the ticket's first status. */
const start = (first: TicketOpened, status: Status): Lists => ({
  first,
  statuses: [{ status, from: first.at }],
  kinds: first.kind === undefined ? [] : [{ kind: first.kind, from: first.at }],
  priorities: [],
  tiers: [{ tier: first.tier, from: first.at }],
  pauses: [],
  resolutions: [],
  workarounds: [],
  replies: [],
  notices: []
})

/** Records one event after the opening, which took the ticket from `status` to `next` (the same object when it stayed). */
const record = (l: Lists, e: TicketEvent, status: Status, next: Status): void => {
  if (next !== status) {
    close(l.statuses, e.at)
    l.statuses.push({ status: next, from: e.at })
    if (status._tag === 'Awaiting') close(l.pauses, e.at)
    if (next._tag === 'Awaiting') l.pauses.push({ party: next.party, from: e.at })
    if (status._tag === 'Resolved' && next._tag !== 'Closed') close(l.resolutions, e.at)
    if (next._tag === 'Resolved') l.resolutions.push({ code: next.code, from: e.at })
  }
  switch (e._tag) {
    case 'TicketClassified':
      if (l.kinds[l.kinds.length - 1]?.kind !== e.kind) {
        close(l.kinds, e.at)
        l.kinds.push({ kind: e.kind, from: e.at })
      }
      break
    case 'PrioritySet':
    case 'PriorityOverridden':
      if (l.priorities[l.priorities.length - 1]?.priority.name !== e.name) {
        close(l.priorities, e.at)
        const priority: Mutable<TicketPriority> = {
          rank: e.rank,
          name: e.name,
          label: e.label,
          source: e._tag === 'PrioritySet' ? 'matrix' : 'override'
        }
        if (e._tag === 'PriorityOverridden') priority.reason = e.reason
        l.priorities.push({ priority, from: e.at })
      }
      break
    case 'TicketEscalated':
      close(l.tiers, e.at)
      l.tiers.push({ tier: e.toTier, from: e.at })
      break
    case 'PublicReplySent':
      l.replies.push(e.at)
      break
    case 'NoticeSent':
      l.notices.push({ at: e.at, audience: e.audience, reason: e.reason })
      break
    case 'WorkaroundApplied':
      close(l.workarounds, e.at)
      l.workarounds.push(e.problemId === undefined ? { from: e.at } : { from: e.at, problemId: e.problemId })
      break
    case 'WorkaroundWithdrawn':
      close(l.workarounds, e.at)
      break
    default:
      break
  }
}

const done = (l: Lists): Timeline => {
  const { first, statuses, kinds, priorities, tiers, pauses, resolutions, workarounds, replies, notices } = l
  return {
    _tag: 'Timeline',
    ticketId: first.ticketId,
    customer: first.customer,
    openedAt: first.at,
    statuses,
    kinds,
    priorities,
    tiers,
    pauses,
    resolutions,
    workarounds,
    replies,
    notices
  }
}

/** The timeline of a history that replays; every event is applied in constant time. */
const build = (events: ReadonlyArray<TicketEvent>): Timeline => {
  const first = events[0] as TicketOpened
  let status: Status = { _tag: 'New', since: first.at }
  const l = start(first, status)
  for (let i = 1; i < events.length; i++) {
    const e = events[i] as TicketEvent
    const next = statusAfter(status, e)
    record(l, e, status, next)
    status = next
  }
  return done(l)
}

/**
 * The timeline of a history whose every event is well formed and keeps every rule, made in one
 * pass: each event is checked (its shape, then the rules, as `replay` checks it), applied to the
 * ticket being rebuilt and recorded. Undefined at the first problem (or for a context that is
 * not one): {@link timeline} then finds the error the documented way.
 */
const checkedTimeline = (events: ReadonlyArray<unknown>, context: unknown): Timeline | undefined => {
  const ctx = resolveContext(context)
  if (E.isLeft(ctx) || events.length === 0) return undefined
  const b = builder(ctx.right, initial)
  const e0 = events[0]
  if (!isWellFormedEvent(e0) || push(b, e0, 0, true) !== undefined || b.t === undefined) return undefined
  // the rules accept only an opening first, and the builder changes this draft in place from now on
  const t = b.t
  let status = t.status
  const l = start(e0 as TicketOpened, status)
  for (let i = 1; i < events.length; i++) {
    const e = events[i]
    if (!isWellFormedEvent(e, t.id) || push(b, e, i, true) !== undefined) return undefined
    const next = t.status
    record(l, e, status, next)
    status = next
  }
  return done(l)
}

/**
 * Turns a ticket's events into its checked timeline: the history is checked as {@link replay}
 * checks it (with the context's kind rules, `defaultContext` unless given), so a history that
 * does not replay gives the replay's `Left`; before that, values a JavaScript caller should not
 * pass anywhere in the history (a `null` event, an instant that is `NaN` or infinite, an unknown
 * tag) give a `DecodeError` naming `events[i]` and the field. A history that replays is checked,
 * replayed and listed in one pass, each event in constant time (about 0.4 µs an event on the
 * benchmark's histories, see docs/performance.md).
 *
 * The timeline then lists, as intervals, the statuses, kinds, priorities and tiers the ticket
 * had, its waits (pauses), resolutions (until reopened) and workarounds (until withdrawn), the
 * instants of its public replies and its notices. An interval that still lasts after the last
 * event has no `to`. Events at the same instant all count, in their order: a wait that starts
 * and ends at one instant is an empty interval. Use {@link timelineAt} for the timeline as it
 * stood at an earlier instant.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const at = (hhmm: string) => Time.instant(`2025-03-10T${hhmm}:00Z`)
 * const recorded = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('08:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'Await', at: at('09:00'), actor: kari, party: 'customer' },
 *   { _tag: 'Resume', at: at('11:00'), actor: kari }
 * ])
 * const timeline = pipe(recorded, E.flatMap(({ events }) => Ticket.timeline()(events)))
 * assert.deepStrictEqual(pipe(timeline, E.map((t) => t.pauses)), E.right([{ party: 'customer', from: at('09:00'), to: at('11:00') }]))
 * // what a JavaScript caller may pass: a Left naming the event, never a throw
 * assert.deepStrictEqual(pipe(Ticket.timeline()([null as never]), E.mapLeft((e) => e.message)), E.left('events[0]: expected a ticket event (an object), received null'))
 * ```
 * @category event sourcing
 * @since 0.2.0 (`timeline(events, context)` until 0.3.0)
 */
export const timeline =
  (context: ReadContext = defaultContext) =>
  (events: ReadonlyArray<TicketEvent>): E.Either<TicketError, Timeline> =>
    timelineOf(events, context)

/** {@link timeline} with its data first, as the library calls it inside. @internal */
export const timelineOf = (
  events: ReadonlyArray<TicketEvent>,
  context: ReadContext = defaultContext
): E.Either<TicketError, Timeline> => {
  if (!isArrayValue(events)) return E.left(decodeError([makeIssue('events', 'an array of ticket events', events)]))
  // the common case, a history that replays, in one pass
  const fast = checkedTimeline(events, context)
  if (fast !== undefined) return E.right(fast)
  // a problem somewhere: a malformed event anywhere comes first, then what replay finds
  for (let i = 0; i < events.length; i++) {
    const issue = shapeIssue(events[i], i)
    if (issue !== undefined) return E.left(decodeError([issue]))
  }
  const replayed = replayEvents(events, context)
  if (E.isLeft(replayed)) return replayed
  return E.right(build(events))
}

/** The intervals that began at or before `at`, those still lasting at `at` without `to`. */
const clip = <I extends Interval>(list: ReadonlyArray<I>, at: number): ReadonlyArray<I> => {
  let n = list.length
  while (n > 0 && (list[n - 1] as I).from > at) n--
  // only the last interval can reach past `at` (each ends before the next begins): often nothing changes
  const lastOne = list[n - 1]
  if (n === list.length && (lastOne === undefined || lastOne.to === undefined || lastOne.to <= at)) return list
  const out: Array<I> = list.slice(0, n)
  for (let i = out.length - 1; i >= 0; i--) {
    const x = out[i] as I
    if (x.to === undefined || x.to <= at) break
    out[i] = withoutEnd(x)
  }
  return out
}

/** A copy of an interval without its end (`to`), the other fields in their order. */
const withoutEnd = <I extends Interval>(x: I): I => {
  const open: Mutable<I> = { ...x }
  delete open.to
  return open
}

const timelineLists = [
  'statuses',
  'kinds',
  'priorities',
  'tiers',
  'pauses',
  'resolutions',
  'workarounds',
  'replies',
  'notices'
] as const

/** A value a JavaScript caller passes as a timeline has the shape `timelineAt` reads. */
const isTimelineUnguarded = (u: unknown): u is Timeline =>
  isRecord(u) && typeof u['openedAt'] === 'number' && timelineLists.every((k) => Array.isArray(u[k]))

/** {@link isTimelineUnguarded}, total: a value whose reads throw (a `Proxy` from a JavaScript caller) gives false. @internal */
const isTimeline = (u: unknown): u is Timeline => {
  try {
    return isTimelineUnguarded(u)
  } catch {
    return false
  }
}

/**
 * Returns a timeline as it stood at `at`: what the events at or before `at` made, with the
 * intervals that still lasted at `at` left without `to`; none before the ticket was opened, and none
 * for a value that is not a timeline.
 * Cutting a timeline at `at` gives the timeline of the history cut at `at`, so an event at `at`
 * counts (a wait that starts at `at` is an ongoing pause at `at`).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const at = (hhmm: string) => Time.instant(`2025-03-10T${hhmm}:00Z`)
 * const recorded = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('08:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'Await', at: at('09:00'), actor: kari, party: 'customer' },
 *   { _tag: 'Resume', at: at('11:00'), actor: kari }
 * ])
 * const atNine = pipe(recorded, E.flatMap(({ events }) => Ticket.timeline()(events)), E.map(Ticket.timelineAt(at('09:00'))))
 * assert.deepStrictEqual(pipe(atNine, E.map(O.map((t) => t.pauses))), E.right(O.some([{ party: 'customer', from: at('09:00') }])))
 * ```
 * @category event sourcing
 * @since 0.2.0
 */
export const timelineAt =
  (at: Instant) =>
  (self: Timeline): O.Option<Timeline> => {
    if (!isTimeline(self) || !(at >= self.openedAt)) return O.none
    const upTo = <A extends { readonly at: Instant } | Instant>(
      list: ReadonlyArray<A>,
      instant: (a: A) => number
    ): ReadonlyArray<A> => {
      let n = list.length
      while (n > 0 && instant(list[n - 1] as A) > at) n--
      return n === list.length ? list : list.slice(0, n)
    }
    return O.some({
      ...self,
      statuses: clip(self.statuses, at),
      kinds: clip(self.kinds, at),
      priorities: clip(self.priorities, at),
      tiers: clip(self.tiers, at),
      pauses: clip(self.pauses, at),
      resolutions: clip(self.resolutions, at),
      workarounds: clip(self.workarounds, at),
      replies: upTo(self.replies, (r) => r),
      notices: upTo(self.notices, (n) => n.at)
    })
  }
