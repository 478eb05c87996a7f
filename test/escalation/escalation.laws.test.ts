import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Sla, Ticket, type Time } from '../../src/index.js'
import { decisionsAt } from '../helpers/clocks.js'
import * as Escalation from '../../src/escalation/index.js'
import { clockCase } from '../arbitraries/clocks.js'
import { acceptedEvents, commandWalk } from '../arbitraries/ticket.js'
import { compile, deepFreeze, getRight } from '../helpers/unsafe.js'
import * as Arb from './arbitraries.js'
import { allAsCommands, system } from './helpers.js'

const numRuns = process.env.CI ? 1000 : 200
const calendars = [
  compile(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  ),
  compile({ ...Calendar.alwaysOpen, zone: 'America/New_York' }),
  compile({
    zone: 'Australia/Lord_Howe',
    weekly: {
      mon: [
        { opens: '07:00', closes: '12:00' },
        { opens: '13:00', closes: '17:30' }
      ],
      sat: [{ opens: '22:00', closes: '06:00' }]
    }
  })
]
const resolution = Sla.examplePolicy.metrics.resolution as Sla.MetricPolicy
const slaPolicies: ReadonlyArray<Sla.SlaPolicy> = [
  Sla.examplePolicy,
  {
    ...Sla.examplePolicy,
    metrics: {
      ...Sla.examplePolicy.metrics,
      resolution: { ...resolution, pauseWhileAwaiting: ['customer', 'thirdParty', 'vendor'] }
    }
  }
]
const context: Ticket.DecideContext = {
  ...Ticket.defaultContext,
  autoClose: { calendar: calendars[0] as Calendar.BusinessCalendar, businessDays: 2 }
}
const policies = fc.oneof(
  { weight: 1, arbitrary: fc.constant(Escalation.examplePolicy) },
  { weight: 2, arbitrary: Arb.policy }
)

/** A ticket history, an escalation policy, an agreement, and two instants t1 ≤ t2 with no event between them. */
const scenario = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: Arb.activeWalk.map((commands) => acceptedEvents(commands, context)) },
      { weight: 1, arbitrary: commandWalk.map((commands) => acceptedEvents(commands, context)) },
      // realistic incidents: replies, waits, escalations up the example ladder, resolutions, reopenings
      { weight: 3, arbitrary: clockCase.map((c) => c.events) }
    ),
    policies,
    fc.integer({ min: 0, max: calendars.length - 1 }),
    fc.integer({ min: 0, max: slaPolicies.length - 1 }),
    fc.oneof(
      fc.constant(0),
      fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((i) => i / 1_000_000)
    ),
    fc.oneof(fc.constant(0), fc.noBias(fc.integer({ min: 0, max: 2 * 86_400_000 })))
  )
  .map(([events, policy, c, s, where, gap]) => {
    const first = (events[0] as Ticket.TicketEvent).at
    const last = (events[events.length - 1] as Ticket.TicketEvent).at
    const t1 = Math.floor(first + where * (last - first + 3 * 86_400_000))
    const nextEvent = events.find((e) => e.at > t1)?.at
    const t2 = Math.min(t1 + gap, nextEvent === undefined ? Infinity : nextEvent - 1)
    const agreement = { policy: slaPolicies[s] as Sla.SlaPolicy, calendar: calendars[c] as Calendar.BusinessCalendar }
    return { events, policy, agreement, t1: t1 as Time.Instant, t2: Math.max(t1, t2) as Time.Instant }
  })

const rankIn = (policy: Escalation.EscalationPolicy) => (tier: string) => policy.tiers.findIndex((t) => t.name === tier)
const tierAt = (events: ReadonlyArray<Ticket.TicketEvent>, at: Time.Instant): string | undefined => {
  const state = events.filter((e) => e.at <= at).reduce(Ticket.evolve, Ticket.initial)
  return state._tag === 'Ticket' ? state.tier : undefined
}
const key = (d: Escalation.Decision): string =>
  d._tag === 'EscalationDue' ? `escalate/${d.toTier}` : `${d.audience}/${d.reason}`

describe('escalation laws', () => {
  it('decisions at now depend only on the events up to now', () => {
    fc.assert(
      fc.property(scenario, ({ events, policy, agreement, t1 }) => {
        expect(pipe(events, decisionsAt(policy, agreement, t1))).toStrictEqual(
          pipe(
            events.filter((e) => e.at <= t1),
            decisionsAt(policy, agreement, t1)
          )
        )
      }),
      { numRuns }
    )
  })

  it('the tier never drops: an escalation goes up from the current tier, and as time passes without new events its target never falls', () => {
    fc.assert(
      fc.property(scenario, ({ events, policy, agreement, t1, t2 }) => {
        const rank = rankIn(policy)
        const a = pipe(events, decisionsAt(policy, agreement, t1))
        const b = pipe(events, decisionsAt(policy, agreement, t2))
        for (const d of [...a, ...b])
          if (d._tag === 'EscalationDue') {
            expect(d.fromTier).toBe(tierAt(events, t1))
            expect(rank(d.toTier)).toBeGreaterThan(rank(d.fromTier))
            expect(rank(d.fromTier)).toBeGreaterThanOrEqual(0)
          }
        const up = (ds: ReadonlyArray<Escalation.Decision>) =>
          Math.max(-1, ...ds.flatMap((d) => (d._tag === 'EscalationDue' ? [rank(d.toTier)] : [])))
        expect(up(b)).toBeGreaterThanOrEqual(up(a))
        // and nothing decided at t1 is withdrawn by t2: notices stay due
        const later = new Set(b.map(key))
        for (const d of a) if (d._tag === 'NoticeDue') expect(later.has(key(d))).toBe(true)
      }),
      { numRuns }
    )
  })

  it('decisions are idempotent: recorded with Ticket.decide, evaluating again at the same instant returns nothing new', () => {
    fc.assert(
      fc.property(scenario, ({ events, policy, agreement, t1 }) => {
        const upToNow = deepFreeze(events.filter((e) => e.at <= t1))
        const decisions = pipe(upToNow, decisionsAt(deepFreeze(policy), agreement, t1))
        const state = upToNow.reduce(Ticket.evolve, Ticket.initial)
        // every decision is a command the ticket accepts …
        const all = getRight(Ticket.runEvents(Ticket.defaultContext, state)(allAsCommands(decisions, t1))).events
        // … and once recorded, it is not decided again
        expect(pipe([...upToNow, ...all], decisionsAt(policy, agreement, t1))).toStrictEqual([])
        // recording only what toCommands sends at t1 leaves exactly the held notices
        const due = getRight(
          pipe(decisions, Escalation.toCommands({ at: t1, actor: system, note: 'Handed over automatically' }))
        )
        const sent = getRight(Ticket.runEvents(Ticket.defaultContext, state)(due)).events
        expect(pipe([...upToNow, ...sent], decisionsAt(policy, agreement, t1))).toStrictEqual(
          decisions.filter((d) => d._tag === 'NoticeDue' && d.sendAt > t1)
        )
      }),
      { numRuns }
    )
  })

  it('a notice is due no earlier than its cause and sent no earlier than now, and decisions never repeat', () => {
    fc.assert(
      fc.property(scenario, ({ events, policy, agreement, t1 }) => {
        const decisions = pipe(events, decisionsAt(policy, agreement, t1))
        expect(new Set(decisions.map(key)).size).toBe(decisions.length)
        for (const d of decisions) {
          expect(d.dueSince).toBeLessThanOrEqual(t1)
          expect(d.dueSince).toBeGreaterThanOrEqual((events[0] as Ticket.TicketEvent).at)
          if (d._tag === 'NoticeDue') expect(d.sendAt).toBeGreaterThanOrEqual(t1)
        }
      }),
      { numRuns }
    )
  })

  it('the number of escalation decisions is at most one, and it comes first', () => {
    fc.assert(
      fc.property(scenario, ({ events, policy, agreement, t1 }) => {
        const tags = pipe(events, decisionsAt(policy, agreement, t1)).map((d) => d._tag)
        expect(tags.filter((t) => t === 'EscalationDue').length).toBeLessThanOrEqual(1)
        if (tags.includes('EscalationDue')) expect(tags[0]).toBe('EscalationDue')
      }),
      { numRuns }
    )
  })
})

describe('escalation policies on the wire', () => {
  it('round-trip through JSON', () => {
    fc.assert(
      fc.property(Arb.policy, (policy) => {
        expect(Escalation.decodePolicy(JSON.parse(JSON.stringify(Escalation.encodePolicy(policy))))).toStrictEqual(
          E.right(policy)
        )
        expect(Escalation.decodeTiers(JSON.parse(JSON.stringify(Escalation.encodeTiers(policy.tiers))))).toStrictEqual(
          E.right(policy.tiers)
        )
      }),
      { numRuns }
    )
  })

  it('never throw, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        expect(() => Escalation.decodePolicy(u)).not.toThrow()
        expect(() => Escalation.decodeTiers(u)).not.toThrow()
        expect(() =>
          Escalation.decodePolicy({ ...(Escalation.encodePolicy(Escalation.examplePolicy) as object), tiers: u })
        ).not.toThrow()
      }),
      { numRuns }
    )
  })

  it('the composed-agreement check adds up what it reports', () => {
    fc.assert(
      fc.property(Arb.policy, fc.constantFrom(...slaPolicies), (policy, sla) => {
        for (const v of pipe(policy, Escalation.checkComposition(sla)))
          if (v._tag === 'TargetExceeded') {
            expect(v.total).toBe(v.parts.reduce((s, p) => s + p.duration, 0))
            expect(v.total).toBeGreaterThan(v.target)
          }
      }),
      { numRuns }
    )
  })
})
