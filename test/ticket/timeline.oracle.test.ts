import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeError } from '../../src/internal/decodeError.js'
import { Calendar, Sla, Ticket, type Time } from '../../src/index.js'
import { runs } from '../arbitraries/classification.js'
import { maybeBrokenHistory } from '../arbitraries/brokenHistory.js'
import { getRight } from '../helpers/unsafe.js'

// Ticket.timeline and Ticket.replay check, replay and record a history in one pass. The oracle
// here takes the slow, obvious road: it applies the events one at a time with Ticket.apply
// (which checks one event against one state), and reads the timeline off the successive ticket
// states, never off the code that builds it.

type Step = { readonly ticket: Ticket.Ticket; readonly event: Ticket.TicketEvent }
type Checked =
  | { readonly _tag: 'Valid'; readonly steps: ReadonlyArray<Step> }
  | { readonly _tag: 'Broken'; readonly index: number; readonly error: Ticket.TicketError }

/** Applies the events one by one: every state on the way, or the first event refused and why. */
const stepwise = (events: ReadonlyArray<unknown>): Checked => {
  let state: Ticket.TicketState = Ticket.initial
  const steps: Step[] = []
  for (let i = 0; i < events.length; i++) {
    const next = Ticket.apply(events[i] as Ticket.TicketEvent)(state)
    if (E.isLeft(next)) return { _tag: 'Broken', index: i, error: next.left }
    state = next.right
    steps.push({ ticket: next.right, event: events[i] as Ticket.TicketEvent })
  }
  return { _tag: 'Valid', steps }
}

/** What the timeline documents as not even a ticket event: not an object, an unknown tag, a bad instant, sequence number or actor. */
const notAnEvent = (u: unknown): boolean => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return true
  const e = u as Record<string, unknown>
  const actor = e['actor'] as Record<string, unknown> | null | undefined
  return (
    !(Ticket.eventTags as ReadonlyArray<unknown>).includes(e['_tag']) ||
    !(typeof e['at'] === 'number' && e['at'] >= Date.UTC(1900, 0, 1) && e['at'] <= Date.UTC(2200, 0, 1)) ||
    !Number.isInteger(e['seq']) ||
    typeof actor !== 'object' ||
    actor === null ||
    Array.isArray(actor) ||
    typeof actor['role'] !== 'string' ||
    typeof actor['id'] !== 'string'
  )
}

type Open<A> = { -readonly [K in keyof A]: A[K] }

/** The timeline read off the successive states: an interval begins where a state's part changes. */
const timelineOf = (steps: ReadonlyArray<Step>): Ticket.Timeline => {
  const first = (steps[0] as Step).ticket
  const list = <A extends Ticket.Interval>() => [] as Array<Open<A>>
  const statuses = list<Ticket.StatusInterval>()
  const kinds = list<Ticket.KindInterval>()
  const priorities = list<Ticket.PriorityInterval>()
  const tiers = list<Ticket.TierInterval>()
  const pauses = list<Ticket.PauseInterval>()
  const resolutions = list<Ticket.ResolutionInterval>()
  const workarounds = list<Ticket.WorkaroundInterval>()
  const replies: Time.Instant[] = []
  const notices: Ticket.TimelineNotice[] = []
  const end = (xs: Array<Open<Ticket.Interval>>, at: Time.Instant) => {
    const last = xs[xs.length - 1]
    if (last !== undefined && last.to === undefined) last.to = at
  }
  let before: Ticket.Ticket | undefined
  for (const { ticket: t, event: e } of steps) {
    const at = e.at
    if (before === undefined || t.status._tag !== before.status._tag) {
      if (before !== undefined) end(statuses, at)
      statuses.push({ status: t.status, from: at })
      if (before?.status._tag === 'Awaiting') end(pauses, at)
      if (t.status._tag === 'Awaiting') pauses.push({ party: t.status.party, from: at })
      if (before?.status._tag === 'Resolved' && t.status._tag !== 'Closed') end(resolutions, at)
      if (t.status._tag === 'Resolved') resolutions.push({ code: t.status.code, from: at })
    }
    if (t.kind !== undefined && t.kind !== before?.kind) {
      end(kinds, at)
      kinds.push({ kind: t.kind, from: at })
    }
    if (t.priority !== undefined && t.priority.name !== before?.priority?.name) {
      end(priorities, at)
      priorities.push({ priority: t.priority, from: at })
    }
    if (before === undefined || t.escalationCount !== before.escalationCount) {
      end(tiers, at)
      tiers.push({ tier: t.tier, from: at })
    }
    if (t.workaround !== before?.workaround) {
      end(workarounds, at)
      if (t.workaround !== undefined)
        workarounds.push(
          t.workaround.problemId === undefined ? { from: at } : { from: at, problemId: t.workaround.problemId }
        )
    }
    if (e._tag === 'PublicReplySent') replies.push(at)
    if (t.notices.length > (before?.notices.length ?? 0)) {
      const n = t.notices[t.notices.length - 1] as Ticket.Notice
      notices.push({ at, audience: n.audience, reason: n.reason })
    }
    before = t
  }
  return {
    _tag: 'Timeline',
    ticketId: first.id,
    customer: first.customer,
    openedAt: first.openedAt,
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

/** The issues of a malformed event with their paths under its index in the history (`[3].at`), as replay documents them. */
const underIndex = (error: Ticket.TicketError, index: number): Ticket.TicketError => {
  if (error._tag !== 'DecodeError') return error
  return decodeError(
    error.issues.map((i) => {
      const path = i.path === '$' ? `[${index}]` : `[${index}].${i.path}`
      return { ...i, path, message: `${path}: expected ${i.expected}, received ${i.received}` }
    })
  )
}

const oslo = getRight(
  Calendar.make(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  )
)
const agreement = { policy: Sla.examplePolicy, calendar: oslo }

describe('the one-pass timeline and replay against checking each event in turn', () => {
  it('a history that every step accepts has the timeline its states show; any other gets the Left of its first problem', () => {
    const tally = { valid: 0, notAnEvent: 0, malformed: 0, rule: 0, empty: 0 }
    fc.assert(
      fc.property(maybeBrokenHistory, ({ events }) => {
        const timeline = Ticket.timeline()(events as ReadonlyArray<Ticket.TicketEvent>)
        const replayed = Ticket.replay()(events as ReadonlyArray<Ticket.TicketEvent>)
        const evaluated = Sla.evaluate(
          agreement,
          Date.UTC(2027, 0, 1) as Time.Instant
        )(events as ReadonlyArray<Ticket.TicketEvent>)
        const checked = stepwise(events)
        const firstOdd = events.findIndex(notAnEvent)
        if (firstOdd >= 0) {
          // a value that is not even an event, anywhere, is named before any rule is read
          tally.notAnEvent++
          const left = E.isLeft(timeline) ? timeline.left : undefined
          expect(left?._tag).toBe('DecodeError')
          expect(
            left?._tag === 'DecodeError' && left.issues.map((i) => i.path.startsWith(`events[${firstOdd}]`))
          ).toStrictEqual([true])
        } else if (checked._tag === 'Broken') {
          if (checked.error._tag === 'DecodeError') tally.malformed++
          else tally.rule++
          expect(timeline).toStrictEqual(E.left(underIndex(checked.error, checked.index)))
          expect(replayed).toStrictEqual(timeline)
        } else if (checked.steps.length === 0) {
          tally.empty++
          expect(E.isLeft(timeline) && timeline.left._tag).toBe('EmptyHistory')
        } else {
          tally.valid++
          expect(timeline).toStrictEqual(E.right(timelineOf(checked.steps)))
          // replay's ticket is the one the steps reached (Ticket.evolve applied to checked events)
          const last = (checked.steps[checked.steps.length - 1] as Step).ticket
          expect(replayed).toStrictEqual(E.right(last))
          expect(
            E.isRight(replayed) &&
              checked.steps.reduce((s: Ticket.TicketState, x) => Ticket.evolve(s, x.event), Ticket.initial)
          ).toStrictEqual(last)
        }
        // the SLA evaluation reads the same checked timeline: the same Left for a broken history
        if (E.isLeft(timeline)) expect(evaluated).toStrictEqual(timeline)
        else expect(E.isRight(evaluated)).toBe(true)
      }),
      { numRuns: runs * 3 }
    )
    // the generator reaches every case, valid histories most of all
    expect(tally.valid).toBeGreaterThan(runs)
    expect(tally.notAnEvent).toBeGreaterThan(runs / 20)
    expect(tally.malformed).toBeGreaterThan(runs / 20)
    expect(tally.rule).toBeGreaterThan(runs / 20)
  })
})
