import fc from 'fast-check'
import type { Ticket, Time } from '../../src/index.js'
import * as Escalation from '../../src/escalation/index.js'
import { getRight } from '../helpers/unsafe.js'

const names = ['L1', 'L2', 'solution team', 'vendor', 'internet provider', 'network team'] as const
const priorities = ['P1', 'P2', 'P3', 'P4', 'P5'] as const
const audience = fc.constantFrom('assignee', 'teamLead', 'manager' as const)
const duration = fc.integer({ min: 0, max: 40 * 3_600_000 }) as fc.Arbitrary<Time.Duration>

const tier = (name: string): fc.Arbitrary<Escalation.EscalationTier> =>
  fc
    .record(
      {
        timebox: duration,
        external: fc.record(
          {
            party: fc.constantFrom('vendor', 'thirdParty' as const),
            underpinning: fc.dictionary(fc.constantFrom(...priorities), duration)
          },
          { requiredKeys: ['party'] }
        )
      },
      { requiredKeys: [] }
    )
    .map((t) => ({ name, ...t }))

/** A valid ladder: 1–4 tiers with distinct names (names that `commandWalk` escalates to, and one it does not). */
export const tiers: fc.Arbitrary<Escalation.Tiers> = fc
  .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 4 })
  .chain((ns) => fc.tuple(...ns.map(tier)))
  .map((ts) => getRight(Escalation.makeTiers(ts)))

/** A valid escalation policy, built through the smart constructor. */
export const policy: fc.Arbitrary<Escalation.EscalationPolicy> = tiers.chain((ts) =>
  fc
    .record({
      name: fc.constantFrom('Gold', 'Standard ladder'),
      notices: fc.array(
        fc.record({
          metric: fc.constantFrom('response', 'resolution', 'update', 'restore' as const),
          threshold: fc.oneof(
            fc.constant('breach' as const),
            fc.constantFrom(0.5, 0.75),
            fc.double({ min: 0.01, max: 0.99, noNaN: true })
          ),
          audience
        }),
        { maxLength: 5 }
      ),
      priorities: fc.dictionary(
        fc.constantFrom(...priorities),
        fc.record(
          {
            atLeast: fc.constantFrom(...ts.map((t) => t.name)),
            notify: fc.array(audience, { maxLength: 3 }),
            holdUntilOpen: fc.boolean()
          },
          { requiredKeys: [] }
        )
      ),
      holdUntilOpen: fc.boolean()
    })
    .map((p) => getRight(Escalation.make({ _tag: 'EscalationPolicy', tiers: ts, ...p })))
)

const agent = { role: 'agent', id: 'kari' } as const
const note = fc.constantFrom(
  'Checked the logs; steps so far in the notes',
  'Reproduced on staging',
  'Vendor case 77-1 opened'
)

/** One command payload of an active ticket's life, without its instant; some are refused in some states, on purpose. */
const step: fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      _tag: fc.constant('Escalate' as const),
      actor: fc.constant(agent),
      toTier: fc.constantFrom(...names),
      note
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      _tag: fc.constant('Await' as const),
      actor: fc.constant(agent),
      party: fc.constantFrom('customer', 'thirdParty', 'vendor' as const)
    })
  },
  { weight: 2, arbitrary: fc.record({ _tag: fc.constant('Resume' as const), actor: fc.constant(agent) }) },
  {
    weight: 1,
    arbitrary: fc.record({ _tag: fc.constant('Reply' as const), actor: fc.constant(agent), message: note })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('Assign' as const),
      actor: fc.constant(agent),
      assignee: fc.constantFrom('kari', 'lars')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('Notify' as const),
      actor: fc.constant(agent),
      audience,
      reason: fc.constantFrom(
        'priority:P1',
        'priority:P2',
        'response:breach',
        'resolution:0.75',
        'resolution:0.5',
        'resolution:breach'
      )
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('OverridePriority' as const),
      actor: fc.constant(agent),
      priority: fc.constantFrom(...priorities),
      reason: note
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('Resolve' as const),
      actor: fc.constant(agent),
      code: fc.constant('fixed' as const),
      note
    })
  },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('Reopen' as const), actor: fc.constant(agent), reason: note }) }
) as fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>>

/**
 * A walk of commands on one ticket that mostly stays open: opened (usually at `L1`), prioritised,
 * then escalated, paused, resumed, answered, notified, re-prioritised at gaps of minutes to hours.
 */
export const activeWalk: fc.Arbitrary<ReadonlyArray<Ticket.TicketCommand>> = fc
  .tuple(
    // without bias: instants spread over weeks and nights, not piled on the range's ends
    fc.noBias(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) })),
    fc.constantFrom('L1', 'L1', 'L1', 'L2', 'network team'),
    fc.constantFrom('high', 'medium', 'low'),
    fc.constantFrom('high', 'medium', 'low'),
    fc.array(fc.tuple(fc.noBias(fc.integer({ min: 0, max: 4 * 3_600_000 })), step), { maxLength: 12 })
  )
  .map(([start, tier, urgency, impact, steps]) => {
    let at = start
    const head: ReadonlyArray<Ticket.TicketCommand> = [
      {
        _tag: 'Open',
        at: at as Time.Instant,
        actor: agent,
        ticketId: 'INC-1' as Ticket.TicketId,
        channel: 'phone',
        customer: 'ACME',
        requester: 'ola',
        title: 'VPN drops',
        kind: 'incident',
        tier
      },
      { _tag: 'Prioritise', at: at as Time.Instant, actor: agent, urgency, impact }
    ]
    return [
      ...head,
      ...steps.map(([gap, p]) => {
        at += gap
        return { ...p, at: at as Time.Instant } as Ticket.TicketCommand
      })
    ]
  })
