import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Sla, Ticket, type Time } from '../../src/index.js'
import { slaAt, stateTally } from '../helpers/clocks.js'
import { clockCase } from '../arbitraries/clocks.js'
import { acceptedEvents, commandWalk } from '../arbitraries/ticket.js'
import { compile } from '../helpers/unsafe.js'

const numRuns = process.env.CI ? 1000 : 500
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
// warnings at a quarter and three quarters of the target
const policy: Sla.SlaPolicy = {
  ...Sla.examplePolicy,
  warnings: [0.25, 0.75],
  tiers: { L1: { _tag: 'BusinessTime', duration: 1_800_000 as Time.Duration }, L2: { _tag: 'BusinessDays', days: 1 } }
}
const context: Ticket.DecideContext = {
  ...Ticket.defaultContext,
  autoClose: { calendar: calendars[0] as Calendar.BusinessCalendar, businessDays: 2 }
}

/** Any command walk (every kind, refusals skipped), evaluated anywhere from the opening to five days after the last event. */
const walk = fc
  .tuple(commandWalk, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: calendars.length - 1 }))
  .map(([commands, where, c]) => {
    const events = acceptedEvents(commands, context)
    const first = (events[0] as Ticket.TicketEvent).at
    const last = (events[events.length - 1] as Ticket.TicketEvent).at
    return { events, t1: Math.floor(first + where * (last - first + 5 * 86_400_000)), c }
  })

/** Realistic incidents (replies, waits, escalations, resolutions, reopenings) that reach every clock state, in Oslo or New York. */
const realistic = fc
  .tuple(clockCase, fc.integer({ min: 0, max: 1 }))
  .map(([{ events, now }, c]) => ({ events, t1: now as number, c }))

/** A ticket history, a calendar, and two instants t1 ≤ t2 with no event between them. */
const scenario = fc
  .tuple(
    fc.oneof({ weight: 6, arbitrary: realistic }, { weight: 1, arbitrary: walk }),
    fc.integer({ min: 0, max: 10 * 86_400_000 })
  )
  .map(([{ events, t1, c }, gap]) => {
    const nextEvent = events.find((e) => e.at > t1)?.at
    const t2 = Math.min(t1 + gap, nextEvent === undefined ? Infinity : nextEvent - 1)
    return {
      events,
      calendar: calendars[c] as Calendar.BusinessCalendar,
      t1: t1 as Time.Instant,
      t2: Math.max(t1, t2) as Time.Instant
    }
  })

const active = (m: Sla.MetricResult) =>
  m.state === 'Running' || m.state === 'AtRisk' || m.state === 'Paused' || m.state === 'Breached'

describe('SLA clock laws', () => {
  it('evaluating at now equals evaluating the history cut at now', () => {
    fc.assert(
      fc.property(scenario, ({ events, calendar, t1 }) => {
        const agreement = { policy, calendar }
        expect(pipe(events, slaAt(agreement, t1))).toStrictEqual(
          pipe(
            events.filter((e) => e.at <= t1),
            slaAt(agreement, t1)
          )
        )
      }),
      { numRuns }
    )
  })

  it('with no new event, remaining never grows, a paused clock consumes no time, and a met clock stays met', () => {
    // the states these laws are about, counted over the resolution clocks at t1
    const tally = stateTally()
    fc.assert(
      fc.property(scenario, ({ events, calendar, t1, t2 }) => {
        const agreement = { policy, calendar }
        const a = pipe(events, slaAt(agreement, t1))
        const resolution = a.metrics.find((m) => m.metric === 'resolution')
        if (resolution !== undefined) tally.count(resolution.state)
        const b = pipe(events, slaAt(agreement, t2))
        expect(b.metrics.map((m) => m.metric)).toStrictEqual(a.metrics.map((m) => m.metric))
        a.metrics.forEach((m, i) => {
          const n = b.metrics[i] as Sla.MetricResult
          if (m.state === 'Met' || m.state === 'MetLate' || m.state === 'NotApplicable') expect(n).toStrictEqual(m)
          if (active(m)) expect(n.remaining as number).toBeLessThanOrEqual(m.remaining as number)
          if (m.state === 'Paused') expect(n.elapsed).toBe(m.elapsed)
          if (m.state === 'Breached') expect(n.state).toBe('Breached')
        })
      }),
      { numRuns }
    )
    tally.expectEvery(0.05)
  })

  it('elapsed and paused time are never negative and elapsed never exceeds the real time since the start', () => {
    fc.assert(
      fc.property(scenario, ({ events, calendar, t1 }) => {
        for (const m of pipe(events, slaAt({ policy, calendar }, t1)).metrics) {
          expect(m.elapsed).toBeGreaterThanOrEqual(0)
          expect(m.paused).toBeGreaterThanOrEqual(0)
          if (m.startedAt !== undefined) expect(m.elapsed).toBeLessThanOrEqual(t1 - m.startedAt)
          if (m.targetTime !== undefined && m.remaining !== undefined)
            expect(m.remaining).toBe(m.targetTime - m.elapsed)
          // a running clock is due from now on; one that reached its target was due when it did; a met one keeps its due
          if ((m.state === 'Running' || m.state === 'AtRisk') && (m.remaining as number) > 0)
            expect(m.dueAt as number).toBeGreaterThanOrEqual(t1)
          if (m.state === 'Breached' || m.state === 'MetLate') expect(m.breachedAt).toBeDefined()
          // (an update metric's due is the next update's, even after an earlier stretch went too long)
          if ((m.state === 'Breached' || m.state === 'MetLate') && m.metric !== 'update')
            expect(m.dueAt).toBe(m.breachedAt)
          // (a met clock whose target was used up exactly was due when it was, maybe before the stop in closed time)
          if (m.state === 'Met' && (m.remaining as number) > 0)
            expect(m.dueAt as number).toBeGreaterThanOrEqual(m.metAt as number)
          if (m.state === 'Met' && m.remaining === 0) expect(m.dueAt as number).toBeLessThanOrEqual(m.metAt as number)
          if (m.state === 'Paused') expect(m.dueAt).toBeUndefined()
        }
      }),
      { numRuns }
    )
  })

  it('the explanation accounts for the elapsed time: the counted intervals add up to it', () => {
    fc.assert(
      fc.property(scenario, ({ events, calendar, t1 }) => {
        for (const m of pipe(events, slaAt({ policy, calendar }, t1, { explain: true })).metrics) {
          if (m.metric === 'update' || m.explanation === undefined) continue
          const counted = m.explanation.counted.reduce((sum, i) => sum + (i.end - i.start), 0)
          expect(counted).toBe(m.elapsed)
        }
      }),
      { numRuns }
    )
  })
})

/** A P1 incident opened and left alone: its clocks run out. */
const breachingCommands: ReadonlyArray<Ticket.TicketCommand> = [
  {
    _tag: 'Open',
    at: Date.UTC(2025, 2, 10, 8) as Time.Instant,
    actor: { role: 'agent', id: 'kari' },
    ticketId: 'INC-1' as Ticket.TicketId,
    channel: 'phone',
    customer: 'ACME',
    requester: 'ola',
    title: 'VPN down',
    kind: 'incident'
  },
  {
    _tag: 'Prioritise',
    at: Date.UTC(2025, 2, 10, 8) as Time.Instant,
    actor: { role: 'agent', id: 'kari' },
    urgency: 'high',
    impact: 'high'
  }
]

const withoutExplanation = (m: Sla.MetricResult): Sla.MetricResult => {
  const { explanation: _explanation, ...rest } = m
  return rest
}

describe('explaining only the breaches of a window', () => {
  it('explainBreaches explains exactly the metrics whose target ran out in [from, to), as explain does', () => {
    let explained = 0
    let unexplained = 0
    fc.assert(
      fc.property(
        scenario,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ events, calendar, t1 }, a, b) => {
          // a window somewhere between the opening and now
          const first = (events[0] as Ticket.TicketEvent).at
          const from = Math.floor(first + Math.min(a, b) * (t1 - first + 1)) as Time.Instant
          const to = Math.floor(first + Math.max(a, b) * (t1 - first + 1)) as Time.Instant
          const agreement = { policy, calendar }
          const none = pipe(events, slaAt(agreement, t1)).metrics
          const every = pipe(events, slaAt(agreement, t1, { explain: true })).metrics
          const some = pipe(events, slaAt(agreement, t1, { explainBreaches: { from, to } })).metrics
          const inWindow = (m: Sla.MetricResult) =>
            m.breachedAt !== undefined && m.breachedAt >= from && m.breachedAt < to
          expect(some).toStrictEqual(
            none.map((m, i) => (inWindow(m) ? { ...m, explanation: every[i]?.explanation } : m))
          )
          if (some.some((m) => m.explanation !== undefined)) explained++
          if (some.some((m) => m.breachedAt !== undefined && !inWindow(m))) unexplained++
        }
      ),
      { numRuns }
    )
    // the windows catch some breaches and miss others
    expect(explained).toBeGreaterThan(numRuns / 20)
    expect(unexplained).toBeGreaterThan(numRuns / 20)
  })

  it('a window reaching past 1900 and 2200 explains every breach; one that is not two numbers is a Left naming options.explainBreaches', () => {
    const [events, calendar] = [acceptedEvents(breachingCommands, context), calendars[1] as Calendar.BusinessCalendar]
    const now = ((events[events.length - 1] as Ticket.TicketEvent).at + 30 * 86_400_000) as Time.Instant
    const all = pipe(events, slaAt({ policy, calendar }, now, { explain: true })).metrics
    const wide = { from: -Infinity as Time.Instant, to: 8.64e15 as Time.Instant }
    const some = pipe(events, slaAt({ policy, calendar }, now, { explainBreaches: wide })).metrics
    expect(some.filter((m) => m.breachedAt !== undefined).length).toBeGreaterThan(0)
    expect(some).toStrictEqual(all.map((m) => (m.breachedAt === undefined ? withoutExplanation(m) : m)))
    const none = acceptedEvents([], context)
    for (const bad of [null, 1, { from: 0 }, { from: Number.NaN, to: 0 }, { from: 0, to: '1' }])
      expect(
        pipe(
          Sla.evaluate({ policy, calendar: calendars[0] as Calendar.BusinessCalendar }, 0 as Time.Instant, {
            explainBreaches: bad as never
          })(none),
          E.mapLeft((e) => e.message.split(':')[0])
        )
      ).toStrictEqual(E.left('options.explainBreaches'))
  })
})

describe('SLA policies on the wire', () => {
  it('round-trip through JSON and never throw on anything', () => {
    const json = JSON.parse(JSON.stringify(Sla.encodePolicy(policy)))
    expect(Sla.decodePolicy(json)).toStrictEqual(E.right(policy))
    fc.assert(
      fc.property(fc.anything(), (u) => {
        expect(() => Sla.decodePolicy(u)).not.toThrow()
      }),
      { numRuns }
    )
  })
})
