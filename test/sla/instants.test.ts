import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Sla, Ticket, type Time } from '../../src/index.js'
import { clockCase } from '../arbitraries/clocks.js'
import { slaAt } from '../helpers/clocks.js'
import { compile, getRight, hours, instant, minutes } from '../helpers/unsafe.js'
import { oracle, type OracleCalendar } from './oracle.js'

const oslo = compile(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
const agreement = { policy: Sla.examplePolicy, calendar: oslo }
const kari = { role: 'agent', id: 'kari' } as const
const ola = { role: 'customer', id: 'ola' } as const
const eventsOf = (commands: ReadonlyArray<Ticket.TicketCommand>) =>
  getRight(Ticket.runEvents(Ticket.defaultContext)(commands)).events
const resolutionAt = (events: ReadonlyArray<Ticket.TicketEvent>, now: Time.Instant, explain = false) =>
  pipe(events, slaAt(agreement, now, { explain })).metrics.find((m) => m.metric === 'resolution') as Sla.MetricResult

// a P2 (8 h) opened Monday 10 March 09:00 in Oslo, awaiting the customer 10:00–11:00
const base: ReadonlyArray<Ticket.TicketCommand> = [
  {
    _tag: 'Open',
    at: instant('2025-03-10T09:00:00+01:00'),
    actor: kari,
    ticketId: 'INC-1' as Ticket.TicketId,
    channel: 'phone',
    customer: 'Fjord AS',
    requester: 'ola',
    title: 'VPN drops',
    kind: 'incident'
  },
  { _tag: 'Prioritise', at: instant('2025-03-10T09:00:00+01:00'), actor: kari, urgency: 'high', impact: 'medium' },
  { _tag: 'Await', at: instant('2025-03-10T10:00:00+01:00'), actor: kari, party: 'customer' }
]
const resumed = [...base, { _tag: 'Resume', at: instant('2025-03-10T11:00:00+01:00'), actor: ola } as const]

describe('an evaluation at an event includes the event', () => {
  it('at the instant of an Await the clock is Paused, with no due date, and its pause has no end', () => {
    const r = resolutionAt(eventsOf(base), instant('2025-03-10T10:00:00+01:00'), true)
    expect([r.state, r.dueAt, r.elapsed, r.explanation?.pauses]).toStrictEqual([
      'Paused',
      undefined,
      hours(1),
      [{ from: instant('2025-03-10T10:00:00+01:00'), party: 'customer' }]
    ])
  })

  it('at the instant of a Resume the clock runs again, due 8 business hours minus the hour used', () => {
    const r = resolutionAt(eventsOf(resumed), instant('2025-03-10T11:00:00+01:00'), true)
    expect([r.state, r.dueAt, r.elapsed, r.paused]).toStrictEqual([
      'Running',
      instant('2025-03-11T10:00:00+01:00'),
      hours(1),
      hours(1)
    ])
    // the pause that ended at the evaluation instant has its end
    expect(r.explanation?.pauses).toStrictEqual([
      { from: instant('2025-03-10T10:00:00+01:00'), to: instant('2025-03-10T11:00:00+01:00'), party: 'customer' }
    ])
  })

  it('an ongoing pause has no end; one that ended has it', () => {
    const during = resolutionAt(eventsOf(base), instant('2025-03-10T10:30:00+01:00'), true)
    expect(during.explanation?.pauses).toStrictEqual([
      { from: instant('2025-03-10T10:00:00+01:00'), party: 'customer' }
    ])
  })

  it('at the instant of a resolution the clock is met and keeps the due instant it had', () => {
    const solved = eventsOf([
      ...resumed,
      { _tag: 'Resolve', at: instant('2025-03-10T12:00:00+01:00'), actor: kari, code: 'fixed', note: 'New VPN profile' }
    ])
    const r = resolutionAt(solved, instant('2025-03-10T12:00:00+01:00'))
    // 2 h used of 8 h: 6 h left at 12:00 Monday, that is 10:00 Tuesday
    expect([r.state, r.metAt, r.dueAt]).toStrictEqual([
      'Met',
      instant('2025-03-10T12:00:00+01:00'),
      instant('2025-03-11T10:00:00+01:00')
    ])
    // and keeps it a week later
    expect(resolutionAt(solved, instant('2025-03-17T12:00:00+01:00')).dueAt).toStrictEqual(
      instant('2025-03-11T10:00:00+01:00')
    )
  })

  it('a breached clock, and one met late, are due when the target ran out', () => {
    const late = eventsOf([
      ...resumed,
      { _tag: 'Resolve', at: instant('2025-03-11T12:00:00+01:00'), actor: kari, code: 'fixed', note: 'New VPN profile' }
    ])
    const breached = resolutionAt(eventsOf(resumed), instant('2025-03-11T11:00:00+01:00'))
    expect([breached.state, breached.dueAt, breached.breachedAt]).toStrictEqual([
      'Breached',
      instant('2025-03-11T10:00:00+01:00'),
      instant('2025-03-11T10:00:00+01:00')
    ])
    const metLate = resolutionAt(late, instant('2025-03-12T12:00:00+01:00'))
    expect([metLate.state, metLate.dueAt, metLate.breachedAt, metLate.remaining]).toStrictEqual([
      'MetLate',
      instant('2025-03-11T10:00:00+01:00'),
      instant('2025-03-11T10:00:00+01:00'),
      -hours(2)
    ])
  })

  it('reports when each warning threshold was passed, and any extra share asked for', () => {
    const r = pipe(
      eventsOf(resumed),
      slaAt(agreement, instant('2025-03-10T15:30:00+01:00'), { thresholds: [0.6] })
    ).metrics.find((m) => m.metric === 'resolution')
    // 4 h used at 14:00 (one hour paused): 50 % at 14:00, 60 % at 14:48; 75 % not yet
    expect([r?.state, r?.warningsPassed, r?.warnings]).toStrictEqual([
      'AtRisk',
      [0.5],
      [
        { threshold: 0.5, passedAt: instant('2025-03-10T14:00:00+01:00') },
        { threshold: 0.6, passedAt: instant('2025-03-10T14:48:00+01:00') }
      ]
    ])
    expect(minutes(48)).toBe(48 * 60_000)
  })

  it('at the instant of a public reply the update clock starts a fresh stretch', () => {
    const replied = eventsOf([
      ...resumed,
      { _tag: 'Reply', at: instant('2025-03-10T12:00:00+01:00'), actor: kari, message: 'A new profile is on its way' }
    ])
    const update = pipe(replied, slaAt(agreement, instant('2025-03-10T12:00:00+01:00'))).metrics.find(
      (m) => m.metric === 'update'
    )
    // P2: an update every 2 business hours, counted from the reply at 12:00
    expect([update?.state, update?.elapsed, update?.startedAt, update?.dueAt]).toStrictEqual([
      'Running',
      0,
      instant('2025-03-10T12:00:00+01:00'),
      instant('2025-03-10T14:00:00+01:00')
    ])
  })

  it('a history that does not replay gives the replay error, not an empty evaluation', () => {
    const events = eventsOf(resumed)
    const broken = [
      events[0],
      { ...(events[2] as Ticket.TicketEvent), seq: 2 },
      events[1]
    ] as ReadonlyArray<Ticket.TicketEvent>
    expect(
      pipe(
        broken,
        Sla.evaluate(agreement, instant('2025-03-10T12:00:00+01:00')),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('OutOfOrder'))
    expect(
      pipe(
        [],
        Sla.evaluate(agreement, instant('2025-03-10T12:00:00+01:00')),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('EmptyHistory'))
  })
})

const calendars: Record<OracleCalendar, Calendar.BusinessCalendar> = {
  always: compile({ ...Calendar.alwaysOpen, zone: 'UTC' }),
  weekdays: compile(Calendar.weekdays({ zone: 'UTC', opens: '08:00', closes: '16:00' }))
}

describe('exact at every instant (property)', () => {
  it('at every event instant and one millisecond either side, the clocks agree with the oracle and with the history cut there', () => {
    let paused = 0
    let evaluated = 0
    fc.assert(
      fc.property(clockCase, fc.constantFrom<OracleCalendar>('always', 'weekdays'), ({ events }, which) => {
        const agreement = { policy: Sla.examplePolicy, calendar: calendars[which] }
        const instants = [...new Set(events.map((e) => e.at as number))]
        for (const t of instants)
          for (const x of [t - 1, t, t + 1]) {
            const now = x as Time.Instant
            const evaluation = pipe(events, slaAt(agreement, now))
            // evaluating at now equals evaluating the history cut at now (events at now included);
            // before the opening there is nothing to evaluate
            const cut = events.filter((e) => e.at <= now)
            if (cut.length > 0) expect(pipe(cut, slaAt(agreement, now))).toStrictEqual(evaluation)
            else expect(evaluation.metrics).toStrictEqual([])
            const r = evaluation.metrics.find((m) => m.metric === 'resolution')
            const expected = oracle(events, which, 'resolution', now)
            expect(
              r === undefined
                ? undefined
                : { state: r.state, elapsed: r.elapsed, dueAt: r.dueAt, breachedAt: r.breachedAt, metAt: r.metAt }
            ).toStrictEqual(
              expected === undefined
                ? undefined
                : {
                    state: expected.state,
                    elapsed: expected.elapsed,
                    dueAt: expected.dueAt,
                    breachedAt: expected.breachedAt,
                    metAt: expected.metAt
                  }
            )
            evaluated++
            if (x === t && r?.state === 'Paused') paused++
          }
      }),
      { numRuns: process.env.CI ? 200 : 60 }
    )
    // the evaluations at event instants include clocks paused by the event at that very instant
    expect(paused / evaluated).toBeGreaterThan(0.01)
  })
})
