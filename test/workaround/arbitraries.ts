import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { Ticket, type Time } from '../../src/index.js'

/** A ticket with the events that built it. */
export interface History {
  readonly ticket: Ticket.Ticket
  readonly events: ReadonlyArray<Ticket.TicketEvent>
}

/** A desk: one or two problems and the incidents around them, each with its history. */
export interface Desk {
  readonly problems: ReadonlyArray<History>
  readonly incidents: ReadonlyArray<History>
  /** The instant of the latest event at the desk. */
  readonly latest: Time.Instant
}

export const problemIds: ReadonlyArray<Ticket.TicketId> = ['PRB-1' as Ticket.TicketId, 'PRB-2' as Ticket.TicketId]
export const customers = ['Fjord Regnskap AS', 'Nordlys Energi', 'Bryggen Hotell'] as const
const agent = { role: 'agent', id: 'kari' } as const
const customer = { role: 'customer', id: 'ola' } as const
const start = Date.UTC(2025, 2, 3, 7)

/**
 * Runs commands one by one with `Ticket.runEvents` from the ticket's state so far, keeping the
 * accepted ones: random walks contain refused commands on purpose.
 */
const history = (commands: ReadonlyArray<Ticket.TicketCommand>): History => {
  let state: Ticket.TicketState = Ticket.initial
  const events: Array<Ticket.TicketEvent> = []
  for (const c of commands) {
    const r = Ticket.runEvents(Ticket.defaultContext, state)([c])
    if (E.isRight(r)) {
      state = r.right.ticket
      events.push(...r.right.events)
    }
  }
  return { ticket: state as Ticket.Ticket, events }
}

type Step = Omit<Ticket.TicketCommand, 'at'>
const problemId = fc.constantFrom(...problemIds)
const note = fc.constantFrom('Checked the logs', 'Restarted the service')

const incidentStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ _tag: fc.constant('LinkProblem' as const), actor: fc.constant(agent), problemId })
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        _tag: fc.constant('ApplyWorkaround' as const),
        actor: fc.constant(agent),
        description: fc.constantFrom('Use the web client', 'Reboot daily'),
        problemId: fc.option(problemId, { nil: undefined })
      })
      .map(({ problemId: p, ...rest }) => (p === undefined ? rest : { ...rest, problemId: p }))
  },
  {
    weight: 2,
    arbitrary: fc.record({
      _tag: fc.constant('Resolve' as const),
      actor: fc.constant(agent),
      code: fc.constantFrom('fixed', 'workaround' as const),
      note
    })
  },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('Confirm' as const), actor: fc.constant(customer) }) },
  {
    weight: 1,
    arbitrary: fc.record({ _tag: fc.constant('Cancel' as const), actor: fc.constant(agent), reason: note })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('Await' as const),
      actor: fc.constant(agent),
      party: fc.constantFrom('customer', 'vendor' as const)
    })
  },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('Resume' as const), actor: fc.constant(agent) }) },
  {
    weight: 1,
    arbitrary: fc.record({ _tag: fc.constant('Reopen' as const), actor: fc.constant(agent), reason: note })
  },
  {
    weight: 1,
    arbitrary: fc.record({ _tag: fc.constant('WithdrawWorkaround' as const), actor: fc.constant(agent), reason: note })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('Assign' as const),
      actor: fc.constant(agent),
      assignee: fc.constant('kari')
    })
  }
) as fc.Arbitrary<Step>

const problemStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      _tag: fc.constant('ApplyWorkaround' as const),
      actor: fc.constant(agent),
      description: fc.constantFrom('Use the web client', 'Reboot daily')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('IdentifyRootCause' as const),
      actor: fc.constant(agent),
      rootCause: fc.constant('MTU mismatch')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('Resolve' as const),
      actor: fc.constant(agent),
      code: fc.constantFrom('fixed', 'duplicate' as const),
      note
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({ _tag: fc.constant('WithdrawWorkaround' as const), actor: fc.constant(agent), reason: note })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('Assign' as const),
      actor: fc.constant(agent),
      assignee: fc.constant('lars')
    })
  }
) as fc.Arbitrary<Step>

/** Steps at non-decreasing instants (gaps up to 2 days) after `from`. */
const timed = (from: number, steps: ReadonlyArray<readonly [number, Step]>): ReadonlyArray<Ticket.TicketCommand> => {
  let at = from
  return steps.map(([gap, s]) => {
    at += gap
    return { ...s, at: at as Time.Instant } as Ticket.TicketCommand
  })
}
const gap = fc.integer({ min: 0, max: 2 * 86_400_000 })

const ticket = (
  ticketId: string,
  kind: 'incident' | 'problem' | undefined,
  step: fc.Arbitrary<Step>,
  maxSteps: number
): fc.Arbitrary<History> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 86_400_000 }),
      fc.constantFrom(...customers),
      fc.array(fc.tuple(gap, step), { maxLength: maxSteps })
    )
    .map(([offset, customerName, steps]) =>
      history([
        {
          _tag: 'Open',
          at: (start + offset) as Time.Instant,
          actor: agent,
          ticketId: ticketId as Ticket.TicketId,
          channel: 'phone',
          customer: customerName,
          requester: 'ola',
          title: `Symptom of ${ticketId}`,
          ...(kind === undefined ? {} : { kind })
        },
        ...timed(start + offset, steps)
      ])
    )

/** A desk of one or two problems and up to 8 incidents (some unclassified), built by random walks. */
export const desk: fc.Arbitrary<Desk> = fc
  .tuple(
    ticket('PRB-1', 'problem', problemStep, 5),
    fc.option(ticket('PRB-2', 'problem', problemStep, 5), { nil: undefined }),
    fc
      .integer({ min: 0, max: 8 })
      .chain((n) =>
        fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            ticket(`INC-${i + 1}`, i % 4 === 3 ? undefined : 'incident', incidentStep, 10)
          )
        )
      )
  )
  .map(([p1, p2, incidents]) => {
    const problems = p2 === undefined ? [p1] : [p1, p2]
    const all = [...problems, ...incidents]
    return { problems, incidents, latest: Math.max(...all.map((h) => h.ticket.updatedAt)) as Time.Instant }
  })

/** All tickets of a desk. */
export const ticketsOf = (d: Desk): ReadonlyArray<Ticket.Ticket> => [...d.problems, ...d.incidents].map((h) => h.ticket)

/** A desk and its tickets in another order. */
export const shuffledDesk: fc.Arbitrary<readonly [Desk, ReadonlyArray<Ticket.Ticket>]> = desk.chain((d) => {
  const tickets = ticketsOf(d)
  return fc.tuple(
    fc.constant(d),
    fc.shuffledSubarray([...tickets], { minLength: tickets.length, maxLength: tickets.length })
  )
})
