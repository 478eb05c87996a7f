import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { Ticket, type Time } from '../../src/index.js'

const agents = [
  { role: 'agent', id: 'kari' },
  { role: 'agent', id: 'lars' }
] as const
const customer = { role: 'customer', id: 'ola' } as const
const system = { role: 'system', id: 'scheduler' } as const
const text = fc.constantFrom('Checked the logs', 'Asked for a screenshot', 'Restarted the service', 'VPN client 5.2 drops on Wi-Fi', '  ')

/** One command payload, without its instant; some are invalid in some states, on purpose. */
const payload: fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>> = fc.oneof(
  fc.record({ _tag: fc.constant('Classify' as const), actor: fc.constantFrom(...agents), kind: fc.constantFrom('incident', 'serviceRequest', 'question', 'problem', 'feedback' as const) }),
  fc.record({ _tag: fc.constant('Prioritise' as const), actor: fc.constantFrom(...agents), urgency: fc.constantFrom('high', 'medium', 'low', 'urgent'), impact: fc.constantFrom('high', 'medium', 'low') }),
  fc.record({ _tag: fc.constant('OverridePriority' as const), actor: fc.constantFrom(...agents), priority: fc.constantFrom('P1', 'P2', 'P9'), reason: text }),
  fc.record({ _tag: fc.constant('Assign' as const), actor: fc.constantFrom(...agents), assignee: fc.constantFrom('kari', 'lars', 'per') }),
  fc.record({ _tag: fc.constant('Escalate' as const), actor: fc.constantFrom(...agents), toTier: fc.constantFrom('L1', 'L2', 'solution team', 'vendor'), note: text }),
  fc.record({ _tag: fc.constant('Reply' as const), actor: fc.constantFrom(...agents), message: text }),
  fc.record({ _tag: fc.constant('AddNote' as const), actor: fc.constantFrom(...agents), note: text }),
  fc.record({ _tag: fc.constant('Await' as const), actor: fc.constantFrom(...agents), party: fc.constantFrom('customer', 'thirdParty', 'vendor' as const) }),
  fc.record({ _tag: fc.constant('Resume' as const), actor: fc.constantFrom(...agents) }),
  fc.record({ _tag: fc.constant('ApplyWorkaround' as const), actor: fc.constantFrom(...agents), description: text }),
  fc.record({ _tag: fc.constant('Notify' as const), actor: fc.constant(system), audience: fc.constantFrom('assignee', 'teamLead', 'manager' as const), reason: fc.constantFrom('resolution:0.75', 'resolution:breach') }),
  fc.record({ _tag: fc.constant('WithdrawWorkaround' as const), actor: fc.constantFrom(...agents), reason: text }),
  fc.record({ _tag: fc.constant('IdentifyRootCause' as const), actor: fc.constantFrom(...agents), rootCause: text }),
  fc.record({ _tag: fc.constant('Resolve' as const), actor: fc.constantFrom(...agents), code: fc.constantFrom('fixed', 'workaround', 'answered' as const), note: text }),
  fc.record({ _tag: fc.constant('Confirm' as const), actor: fc.constant(customer) }),
  fc.record({ _tag: fc.constant('Reject' as const), actor: fc.constant(customer), reason: text }),
  fc.record({ _tag: fc.constant('Reopen' as const), actor: fc.constantFrom(...agents), reason: text }),
  fc.record({ _tag: fc.constant('Close' as const), actor: fc.constant(system) }),
  fc.record({ _tag: fc.constant('Cancel' as const), actor: fc.constantFrom(...agents), reason: text }),
  fc.record({ _tag: fc.constant('Rate' as const), actor: fc.constant(customer), score: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ _tag: fc.constant('LinkProblem' as const), actor: fc.constantFrom(...agents), problemId: fc.constantFrom('PRB-1', 'PRB-2', 'INC-1') as fc.Arbitrary<Ticket.TicketId> })
) as fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>>

/**
 * A random walk of commands on one ticket: an Open, then commands at non-decreasing instants,
 * some of which the ticket refuses (they are kept, so a test can check that refusals change
 * nothing).
 */
export const commandWalk: fc.Arbitrary<ReadonlyArray<Ticket.TicketCommand>> = fc
  .tuple(
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
    fc.constantFrom('phone', 'chat', 'email', 'portal', 'monitoring' as const),
    fc.option(fc.constantFrom('incident', 'serviceRequest', 'question', 'problem' as const), { nil: undefined }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 86_400_000 }), payload), { maxLength: 40 })
  )
  .map(([start, channel, kind, steps]) => {
    let at = start
    const open: Ticket.TicketCommand = {
      _tag: 'Open',
      at: at as Time.Instant,
      actor: agents[0],
      ticketId: 'INC-1' as Ticket.TicketId,
      channel,
      customer: 'ACME',
      requester: 'ola',
      title: 'Printer on fire',
      ...(kind === undefined ? {} : { kind })
    }
    return [
      open,
      ...steps.map(([gap, p]) => {
        at += gap
        return { ...p, at: at as Time.Instant } as Ticket.TicketCommand
      })
    ]
  })

/** Decides each command in turn, skipping refused ones; the accepted events in order. */
export const acceptedEvents = (commands: ReadonlyArray<Ticket.TicketCommand>, context: Ticket.DecideContext): ReadonlyArray<Ticket.TicketEvent> => {
  let state: Ticket.TicketState = Ticket.initial
  const out: Ticket.TicketEvent[] = []
  for (const c of commands) {
    const r = Ticket.decide(c, context)(state)
    if (E.isRight(r))
      for (const e of r.right) {
        out.push(e)
        state = Ticket.evolve(state, e)
      }
  }
  return out
}
