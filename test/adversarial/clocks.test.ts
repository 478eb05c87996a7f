import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Escalation, Sla, Ticket, Workaround, type Time } from '../../src/index.js'
import { compile, getRight } from '../helpers/unsafe.js'

/**
 * The SLA, escalation and workaround functions called the way a JavaScript caller can call them:
 * every argument position replaced by bypass values (NaN, ±Infinity, null, nothing, unknown tags,
 * missing fields, wrong types). Nothing may throw; a result that is an `Either` must be a `Left`
 * with a message that says where and what, or a documented total result.
 */

const always = compile({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo' })
const agreement: Sla.Agreement = { policy: Sla.examplePolicy, calendar: always }
const at = (h: number) => Date.UTC(2025, 2, 10, h) as Time.Instant
const kari = { role: 'agent', id: 'kari' } as const
const run = (commands: ReadonlyArray<Ticket.TicketCommand>) =>
  getRight(Ticket.runEvents(Ticket.defaultContext)(commands))
const incident = run([
  {
    _tag: 'Open',
    at: at(8),
    actor: kari,
    ticketId: 'INC-1' as Ticket.TicketId,
    channel: 'phone',
    customer: 'Fjord AS',
    requester: 'ola',
    title: 'VPN down',
    kind: 'incident'
  },
  { _tag: 'Prioritise', at: at(8), actor: kari, urgency: 'high', impact: 'high' },
  { _tag: 'LinkProblem', at: at(8), actor: kari, problemId: 'PRB-1' as Ticket.TicketId },
  { _tag: 'ApplyWorkaround', at: at(9), actor: kari, description: 'Use the web client' }
])
const problem = run([
  {
    _tag: 'Open',
    at: at(8),
    actor: kari,
    ticketId: 'PRB-1' as Ticket.TicketId,
    channel: 'monitoring',
    customer: 'Fjord AS',
    requester: 'kari',
    title: 'VPN drops',
    kind: 'problem'
  },
  { _tag: 'ApplyWorkaround', at: at(9), actor: kari, description: 'Use the web client' }
])
const fixedProblem = getRight(
  Ticket.runEvents(
    Ticket.defaultContext,
    problem.ticket
  )([{ _tag: 'Resolve', at: at(11), actor: kari, code: 'fixed', note: 'MTU corrected' }])
).ticket
const events = incident.events
const opened = events[0] as Ticket.TicketEvent

const bypass: ReadonlyArray<unknown> = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  null,
  undefined,
  {},
  [],
  '',
  'x',
  42,
  true,
  { _tag: 'Nope' },
  [null],
  [{ _tag: 'Nope' }],
  [{ ...opened, at: Number.NaN }],
  [{ ...opened, _tag: 'TicketExploded' }],
  [{ ...opened, actor: undefined }],
  { ...agreement, calendar: {} },
  { ...agreement, calendar: { _tag: 'BusinessCalendar' } },
  { ...agreement, policy: {} },
  { ...agreement, policy: { ...Sla.examplePolicy, warnings: [Number.NaN] } },
  {
    ...agreement,
    policy: {
      ...Sla.examplePolicy,
      metrics: { resolution: { targets: { P1: { _tag: 'BusinessTime', duration: Number.NaN } } } }
    }
  },
  {
    ...agreement,
    policy: {
      ...Sla.examplePolicy,
      metrics: { resolution: { targets: { P1: { _tag: 'BusinessTime', duration: -1 } } } }
    }
  },
  { ...agreement, policy: { ...Sla.examplePolicy, metrics: { resolution: { targets: { P1: { _tag: 'Forever' } } } } } },
  { ...Escalation.examplePolicy, tiers: [] },
  { ...Escalation.examplePolicy, tiers: [{ name: 'L1', timebox: Number.NaN }] },
  { ...Escalation.examplePolicy, notices: [{ metric: 'resolution', threshold: Number.NaN, audience: 'manager' }] },
  { ...incident.ticket, status: null },
  { ...incident.ticket, problemIds: null },
  { ...incident.ticket, workaround: { appliedAt: Number.NaN } },
  [{ ...incident.ticket, status: undefined }],
  { at: Number.NaN, actor: kari, reason: 'gone' },
  { at: at(10), actor: null, reason: 'gone' },
  { at: at(10) }
]

/** Whether a value is an fp-ts Either. */
const isEither = (u: unknown): u is E.Either<unknown, unknown> =>
  typeof u === 'object' &&
  u !== null &&
  ((u as { _tag?: unknown })._tag === 'Left' || (u as { _tag?: unknown })._tag === 'Right')

/** What went wrong in the calls so far: each call that threw or gave a Left without a proper message. */
let failures: Array<string> = []

/** Calls a function (and its curried result) and returns what it gave, recording a throw as a failure. */
const call = (name: string, f: () => unknown): unknown => {
  let out: unknown
  try {
    out = f()
  } catch (e) {
    failures.push(`${name} threw ${String(e).slice(0, 120)}`)
    return undefined
  }
  if (isEither(out) && E.isLeft(out)) {
    const message = (out.left as { message?: unknown }).message
    if (typeof message !== 'string' || /undefined|\[object Object\]|NaN-|PTInfinity/.test(message))
      failures.push(`${name} gave the Left ${String(message).slice(0, 120)}`)
  }
  // results (encodings included) never carry NaN or Infinity as text
  if (!(isEither(out) && E.isLeft(out)) && /Infinity|NaN/.test(JSON.stringify(out) ?? ''))
    failures.push(`${name} wrote NaN or Infinity: ${String(JSON.stringify(out)).slice(0, 120)}`)
  return out
}

type Positions = ReadonlyArray<unknown>
/** A public function with valid arguments: outer arguments, then those of the curried call (if any). */
interface Subject {
  readonly name: string
  readonly outer: Positions
  readonly inner?: Positions
  readonly f: (...outer: Array<never>) => unknown
}

const withdrawOptions = { at: at(10), actor: kari, reason: 'The web client is down too' }
const subjects: ReadonlyArray<Subject> = [
  { name: 'Sla.evaluate', f: Sla.evaluate as never, outer: [agreement, at(10), {}], inner: [events] },
  {
    name: 'Sla.evaluateTimeline',
    f: Sla.evaluateTimeline as never,
    outer: [agreement, at(10), {}],
    inner: [getRight(Ticket.timeline()(events))]
  },
  { name: 'Sla.dueDates', f: Sla.dueDates as never, outer: [agreement, { openedAt: at(8), priority: 'P1' }] },
  { name: 'Sla.make', f: Sla.make as never, outer: [Sla.examplePolicy, {}] },
  { name: 'Sla.decodePolicy', f: Sla.decodePolicy as never, outer: [Sla.encodePolicy(Sla.examplePolicy), {}] },
  { name: 'Sla.encodePolicy', f: Sla.encodePolicy as never, outer: [Sla.examplePolicy] },
  {
    name: 'Sla.makeAgreement',
    f: Sla.makeAgreement as never,
    outer: [{ calendar: Calendar.alwaysOpen, policy: Sla.examplePolicy }, {}]
  },
  {
    name: 'Sla.decodeAgreement',
    f: Sla.decodeAgreement as never,
    outer: [{ calendar: Calendar.alwaysOpen, policy: Sla.encodePolicy(Sla.examplePolicy) }, {}]
  },
  {
    name: 'Sla.targetFor',
    f: Sla.targetFor as never,
    outer: ['resolution', 'P1', 'incident'],
    inner: [Sla.examplePolicy]
  },
  { name: 'Sla.pausingParties', f: Sla.pausingParties as never, outer: ['resolution'], inner: [Sla.examplePolicy] },
  {
    name: 'Escalation.evaluate',
    f: Escalation.evaluate as never,
    outer: [Escalation.examplePolicy, agreement, at(10), {}],
    inner: [events]
  },
  { name: 'Escalation.make', f: Escalation.make as never, outer: [Escalation.examplePolicy] },
  { name: 'Escalation.makeTiers', f: Escalation.makeTiers as never, outer: [Escalation.examplePolicy.tiers] },
  {
    name: 'Escalation.decodePolicy',
    f: Escalation.decodePolicy as never,
    outer: [Escalation.encodePolicy(Escalation.examplePolicy)]
  },
  {
    name: 'Escalation.decodeTiers',
    f: Escalation.decodeTiers as never,
    outer: [Escalation.encodeTiers(Escalation.examplePolicy.tiers)]
  },
  { name: 'Escalation.encodePolicy', f: Escalation.encodePolicy as never, outer: [Escalation.examplePolicy] },
  { name: 'Escalation.encodeTiers', f: Escalation.encodeTiers as never, outer: [Escalation.examplePolicy.tiers] },
  { name: 'Escalation.tierTargets', f: Escalation.tierTargets as never, outer: [Escalation.examplePolicy.tiers] },
  {
    name: 'Escalation.toCommands',
    f: Escalation.toCommands as never,
    outer: [{ at: at(10), actor: kari, note: 'Logs attached' }],
    inner: [[]]
  },
  { name: 'Escalation.missingHandoverNotes', f: Escalation.missingHandoverNotes as never, outer: [[events]] },
  {
    name: 'Escalation.checkComposition',
    f: Escalation.checkComposition as never,
    outer: [Sla.examplePolicy, {}],
    inner: [Escalation.examplePolicy]
  },
  { name: 'Workaround.isKnownError', f: Workaround.isKnownError as never, outer: [problem.ticket] },
  { name: 'Workaround.knownErrorStatus', f: Workaround.knownErrorStatus as never, outer: [problem.ticket] },
  {
    name: 'Workaround.knownError',
    f: Workaround.knownError as never,
    outer: [[incident.ticket]],
    inner: [problem.ticket]
  },
  { name: 'Workaround.knownErrors', f: Workaround.knownErrors as never, outer: [[incident.ticket, problem.ticket]] },
  {
    name: 'Workaround.withoutRootCause',
    f: Workaround.withoutRootCause as never,
    outer: [[incident.ticket, problem.ticket]]
  },
  { name: 'Workaround.recurring', f: Workaround.recurring as never, outer: [[incident.ticket, problem.ticket]] },
  {
    name: 'Workaround.rollOut',
    f: Workaround.rollOut as never,
    outer: [[incident.ticket], { at: at(10), actor: kari }],
    inner: [problem.ticket]
  },
  {
    name: 'Workaround.withdraw',
    f: Workaround.withdraw as never,
    outer: [[incident.ticket], withdrawOptions],
    inner: [problem.ticket]
  },
  { name: 'Workaround.followUps', f: Workaround.followUps as never, outer: [[incident.ticket]], inner: [fixedProblem] },
  {
    name: 'Workaround.toEvents',
    f: Workaround.toEvents as never,
    outer: [{ _tag: 'Rollout', problemId: 'PRB-1', incidents: [], refused: [] }]
  },
  { name: 'Workaround.isOnWorkaround', f: Workaround.isOnWorkaround as never, outer: [incident.ticket] },
  { name: 'Workaround.age', f: Workaround.age as never, outer: [at(10), always], inner: [incident.ticket] },
  {
    name: 'Workaround.onWorkaround',
    f: Workaround.onWorkaround as never,
    outer: [at(10), always],
    inner: [[incident.ticket]]
  },
  {
    name: 'Workaround.timeOnWorkaround',
    f: Workaround.timeOnWorkaround as never,
    outer: [at(10), always, Ticket.defaultContext],
    inner: [events]
  }
]

const invoke = (s: Subject, outer: Positions, inner: Positions | undefined): unknown => {
  const first = (s.f as (...a: Positions) => unknown)(...outer)
  return inner === undefined ? first : (first as (...a: Positions) => unknown)(...inner)
}

describe('clocks, escalation and workarounds with bypass values', () => {
  it('valid arguments give a result (the harness is sound)', () => {
    failures = []
    for (const s of subjects) {
      const out = call(s.name, () => invoke(s, s.outer, s.inner))
      if (isEither(out)) expect(E.isRight(out), s.name).toBe(true)
    }
    expect(failures).toStrictEqual([])
  })

  it('no function throws, whatever value takes any argument position', () => {
    failures = []
    let calls = 0
    for (const s of subjects)
      for (const [position, inner] of [
        ...s.outer.map((_, i) => [i, false] as const),
        ...(s.inner ?? []).map((_, i) => [i, true] as const)
      ])
        for (const value of bypass) {
          const outer = inner ? s.outer : s.outer.map((a, i) => (i === position ? value : a))
          const innerArgs = inner ? (s.inner ?? []).map((a, i) => (i === position ? value : a)) : s.inner
          call(
            `${s.name} with ${inner ? 'inner' : 'outer'} argument ${position} = ${String(JSON.stringify(value))?.slice(0, 80)}`,
            () => invoke(s, outer, innerArgs)
          )
          calls++
        }
    expect(failures).toStrictEqual([])
    if (process.env.SHOW_COUNTS) console.log(`${calls} calls`)
    expect(calls).toBeGreaterThan(2000)
  })

  it('the cases the review reported are a Left naming the field', () => {
    const message = (u: unknown) =>
      pipe(
        u as E.Either<{ readonly message: string }, unknown>,
        E.mapLeft((e) => e.message)
      )
    expect(message(pipe([null] as never, Sla.evaluate(agreement, at(10))))).toStrictEqual(
      E.left('events[0]: expected a ticket event (an object), received null')
    )
    expect(
      message(pipe([...events, null] as never, Escalation.evaluate(Escalation.examplePolicy, agreement, at(10))))
    ).toStrictEqual(E.left('events[4]: expected a ticket event (an object), received null'))
    expect(message(pipe(events, Sla.evaluate(agreement, Number.NaN as Time.Instant)))).toStrictEqual(
      E.left('now: expected an instant (epoch milliseconds) from 1900 to 2200, received NaN')
    )
    expect(
      message(
        pipe(events, Escalation.evaluate(Escalation.examplePolicy, agreement, Number.POSITIVE_INFINITY as Time.Instant))
      )
    ).toStrictEqual(E.left('now: expected an instant (epoch milliseconds) from 1900 to 2200, received Infinity'))
    expect(E.isLeft(Sla.make({} as never))).toBe(true)
    expect(
      pipe(
        Sla.make({} as never),
        E.mapLeft((e) => e.message.split('\n')[0])
      )
    ).toStrictEqual(E.left('_tag: expected "SlaPolicy", received nothing'))
    expect(
      pipe(
        Sla.makeAgreement({ calendar: Calendar.alwaysOpen } as never),
        E.mapLeft((e) => e.message)
      )
    ).toStrictEqual(E.left('policy: expected an SLA policy (made by Sla.make or Sla.decodePolicy), received nothing'))
    const hacked = {
      ...agreement,
      policy: {
        ...Sla.examplePolicy,
        metrics: { resolution: { targets: { P1: { _tag: 'BusinessTime', duration: Number.NaN } } } }
      }
    }
    expect(message(pipe(events, Sla.evaluate(hacked as never, at(10))))).toStrictEqual(
      E.left(
        'agreement.policy.metrics.resolution.targets.P1.duration: expected a business duration in milliseconds, 0 or more, received NaN'
      )
    )
  })
})
