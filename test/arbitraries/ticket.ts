import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { Ticket, type Time } from '../../src/index.js'

const agents = [
  { role: 'agent', id: 'kari' },
  { role: 'agent', id: 'lars' }
] as const
const customer = { role: 'customer', id: 'ola' } as const
const system = { role: 'system', id: 'scheduler' } as const
const text = fc.constantFrom(
  'Checked the logs',
  'Asked for a screenshot',
  'Restarted the service',
  'VPN client 5.2 drops on Wi-Fi',
  '  '
)

/** One command payload, without its instant; some are invalid in some states, on purpose. */
const payload: fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>> = fc.oneof(
  fc.record({
    _tag: fc.constant('Classify' as const),
    actor: fc.constantFrom(...agents),
    kind: fc.constantFrom('incident', 'serviceRequest', 'question', 'problem', 'feedback' as const)
  }),
  fc.record({
    _tag: fc.constant('Prioritise' as const),
    actor: fc.constantFrom(...agents),
    urgency: fc.constantFrom('high', 'medium', 'low', 'urgent'),
    impact: fc.constantFrom('high', 'medium', 'low')
  }),
  fc.record({
    _tag: fc.constant('OverridePriority' as const),
    actor: fc.constantFrom(...agents),
    priority: fc.constantFrom('P1', 'P2', 'P9'),
    reason: text
  }),
  fc.record({
    _tag: fc.constant('Assign' as const),
    actor: fc.constantFrom(...agents),
    assignee: fc.constantFrom('kari', 'lars', 'per')
  }),
  fc.record({
    _tag: fc.constant('Escalate' as const),
    actor: fc.constantFrom(...agents),
    toTier: fc.constantFrom('L1', 'L2', 'solution team', 'vendor'),
    note: text
  }),
  fc.record({ _tag: fc.constant('Reply' as const), actor: fc.constantFrom(...agents), message: text }),
  fc.record({ _tag: fc.constant('AddNote' as const), actor: fc.constantFrom(...agents), note: text }),
  fc.record({
    _tag: fc.constant('Await' as const),
    actor: fc.constantFrom(...agents),
    party: fc.constantFrom('customer', 'thirdParty', 'vendor' as const)
  }),
  fc.record({ _tag: fc.constant('Resume' as const), actor: fc.constantFrom(...agents) }),
  fc.record({ _tag: fc.constant('ApplyWorkaround' as const), actor: fc.constantFrom(...agents), description: text }),
  fc.record({
    _tag: fc.constant('Notify' as const),
    actor: fc.constant(system),
    audience: fc.constantFrom('assignee', 'teamLead', 'manager' as const),
    reason: fc.constantFrom('resolution:0.75', 'resolution:breach')
  }),
  fc.record({ _tag: fc.constant('WithdrawWorkaround' as const), actor: fc.constantFrom(...agents), reason: text }),
  fc.record({ _tag: fc.constant('IdentifyRootCause' as const), actor: fc.constantFrom(...agents), rootCause: text }),
  fc.record({
    _tag: fc.constant('Resolve' as const),
    actor: fc.constantFrom(...agents),
    code: fc.constantFrom('fixed', 'workaround', 'answered' as const),
    note: text
  }),
  fc.record({ _tag: fc.constant('Confirm' as const), actor: fc.constant(customer) }),
  fc.record({ _tag: fc.constant('Reject' as const), actor: fc.constant(customer), reason: text }),
  fc.record({ _tag: fc.constant('Reopen' as const), actor: fc.constantFrom(...agents), reason: text }),
  fc.record({ _tag: fc.constant('Close' as const), actor: fc.constant(system) }),
  fc.record({ _tag: fc.constant('Cancel' as const), actor: fc.constantFrom(...agents), reason: text }),
  fc.record({
    _tag: fc.constant('Rate' as const),
    actor: fc.constant(customer),
    score: fc.integer({ min: 0, max: 6 })
  }),
  fc.record({
    _tag: fc.constant('LinkProblem' as const),
    actor: fc.constantFrom(...agents),
    problemId: fc.constantFrom('PRB-1', 'PRB-2', 'INC-1') as fc.Arbitrary<Ticket.TicketId>
  })
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
export const acceptedEvents = (
  commands: ReadonlyArray<Ticket.TicketCommand>,
  context: Ticket.DecideContext
): ReadonlyArray<Ticket.TicketEvent> => {
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

// ---------------------------------------------------------------------------------------------
// Storable walks: command sequences whose values sit on both sides of every limit the wire keeps
// (lengths, ranges, id shapes, real dates, instants), in the default context or in one with
// generated kind rules and a generated priority matrix.

const long = (n: number, c = 'x'): string => c.repeat(n)
const edgeText = fc.constantFrom(
  'Printer on fire',
  '',
  'ünïcödé 🖨️ \u202e\u0000',
  '\ud800 lone surrogate',
  long(100_000, 'a'),
  long(100_001, 'b')
)
const edgeName = fc.constantFrom('ACME', 'ola', ' ', long(200, 'n'), long(201, 'n'), '', 'Å\u200fB', '__proto__')
const edgeActor = fc.constantFrom(
  { role: 'agent', id: 'kari' } as const,
  { role: 'agent', id: '' } as const,
  { role: 'agent', id: long(201) } as const,
  { role: 'system', id: 'monitor' } as const,
  { role: 'customer', id: 'ola' } as const
)
const edgeId = fc.constantFrom(
  'INC-1',
  'INC 1',
  ' INC-1',
  'INC-1\n',
  long(100, 'I'),
  long(101, 'I'),
  'PRB-7'
) as fc.Arbitrary<Ticket.TicketId>
const edgeUsers = fc.constantFrom(0, 1, 250, 1e9, 2e9, -1, 1.5, -0, Number.NaN)
const edgeDate = fc.constantFrom(
  '2025-02-28',
  '2024-02-29',
  '2025-02-30',
  '1899-12-31',
  '2199-12-31',
  '2200-01-01'
) as fc.Arbitrary<Time.LocalDate>
const edgeGap = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 2 * 86_400_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 0.5, -1, 1e15) }
)

/** Sample values that the limits refuse: used to tell whether a walk tried one. @internal */
export const overLimit = { text: 100_001, name: 201 } as const

const storablePayload = (ctx: Ticket.DecideContext): fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>> => {
  const { urgencies, impacts, priorities } = ctx.matrix
  const level = (xs: ReadonlyArray<string>) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...xs) },
      { weight: 1, arbitrary: fc.constantFrom('urgnet', long(201)) }
    )
  const actor = fc.oneof(
    { weight: 6, arbitrary: fc.constant({ role: 'agent', id: 'kari' } as const) },
    { weight: 1, arbitrary: edgeActor }
  )
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('Checked the logs', 'Asked for a screenshot') },
    { weight: 1, arbitrary: edgeText }
  )
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('kari', 'L2', 'network') },
    { weight: 1, arbitrary: edgeName }
  )
  return fc.oneof(
    fc.record(
      {
        _tag: fc.constant('Classify' as const),
        actor,
        kind: fc.constantFrom('incident', 'serviceRequest', 'question', 'problem', 'feedback' as const),
        category: fc.option(name, { nil: undefined })
      },
      { requiredKeys: ['_tag', 'actor', 'kind'] }
    ),
    // three times as likely as the others: the matrix is half of what a context changes
    fc.record({ _tag: fc.constant('Prioritise' as const), actor, urgency: level(urgencies), impact: level(impacts) }),
    fc.record({ _tag: fc.constant('Prioritise' as const), actor, urgency: level(urgencies), impact: level(impacts) }),
    fc.record({ _tag: fc.constant('Prioritise' as const), actor, urgency: level(urgencies), impact: level(impacts) }),
    fc.record({
      _tag: fc.constant('OverridePriority' as const),
      actor,
      priority: level(priorities.map((p) => p.name)),
      reason: text
    }),
    fc.record({ _tag: fc.constant('Assign' as const), actor, assignee: name }),
    fc.record(
      {
        _tag: fc.constant('Escalate' as const),
        actor,
        toTier: fc.constantFrom('L2', 'L3', long(200, 't'), long(201, 't')),
        note: text,
        assignee: fc.option(name, { nil: undefined })
      },
      { requiredKeys: ['_tag', 'actor', 'toTier', 'note'] }
    ),
    fc.record({ _tag: fc.constant('Reply' as const), actor, message: text }),
    fc.record({ _tag: fc.constant('AddNote' as const), actor, note: text }),
    fc.record(
      {
        _tag: fc.constant('Await' as const),
        actor,
        party: fc.constantFrom('customer', 'thirdParty', 'vendor' as const),
        reason: fc.option(text, { nil: undefined })
      },
      { requiredKeys: ['_tag', 'actor', 'party'] }
    ),
    fc.record({ _tag: fc.constant('Resume' as const), actor }),
    fc.record(
      {
        _tag: fc.constant('ApplyWorkaround' as const),
        actor,
        description: text,
        problemId: fc.option(edgeId, { nil: undefined })
      },
      { requiredKeys: ['_tag', 'actor', 'description'] }
    ),
    fc.record({
      _tag: fc.constant('Notify' as const),
      actor: fc.constant({ role: 'system', id: 'monitor' } as const),
      audience: fc.constantFrom('assignee', 'teamLead', 'manager' as const),
      reason: fc.constantFrom('resolution:0.75', 'resolution:breach', long(200, 'r'), long(201, 'r'), '')
    }),
    fc.record({ _tag: fc.constant('WithdrawWorkaround' as const), actor, reason: text }),
    fc.record({ _tag: fc.constant('IdentifyRootCause' as const), actor, rootCause: text }),
    fc.record({
      _tag: fc.constant('Resolve' as const),
      actor,
      code: fc.constantFrom('fixed', 'workaround', 'answered' as const),
      note: text
    }),
    fc.record({ _tag: fc.constant('Confirm' as const), actor: fc.constant({ role: 'customer', id: 'ola' } as const) }),
    fc.record({
      _tag: fc.constant('Reject' as const),
      actor: fc.constant({ role: 'customer', id: 'ola' } as const),
      reason: text
    }),
    fc.record({ _tag: fc.constant('Reopen' as const), actor, reason: text }),
    fc.record({ _tag: fc.constant('Cancel' as const), actor, reason: text }),
    fc.record(
      {
        _tag: fc.constant('Rate' as const),
        actor: fc.constant({ role: 'customer', id: 'ola' } as const),
        score: fc.constantFrom(1, 3, 5, 0, 6, 2.5),
        comment: fc.option(text, { nil: undefined })
      },
      { requiredKeys: ['_tag', 'actor', 'score'] }
    ),
    fc.record({ _tag: fc.constant('LinkProblem' as const), actor, problemId: edgeId })
  ) as fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>>
}

/**
 * A walk of commands on one ticket in a given context: an Open whose fields sit on both sides
 * of the limits, then up to 30 commands at mostly non-decreasing instants (now and then a NaN,
 * fractional or out-of-range one).
 */
export const storableWalk = (ctx: Ticket.DecideContext): fc.Arbitrary<ReadonlyArray<Ticket.TicketCommand>> =>
  fc
    .tuple(
      fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
      fc.record(
        {
          ticketId: fc.oneof(
            { weight: 12, arbitrary: fc.constant('INC-1' as Ticket.TicketId) },
            { weight: 1, arbitrary: edgeId }
          ),
          actor: fc.oneof(
            { weight: 12, arbitrary: fc.constant({ role: 'agent', id: 'kari' } as const) },
            { weight: 1, arbitrary: edgeActor }
          ),
          channel: fc.constantFrom('phone', 'chat', 'email', 'portal', 'monitoring' as const),
          customer: fc.oneof({ weight: 8, arbitrary: fc.constant('ACME') }, { weight: 1, arbitrary: edgeName }),
          requester: fc.constant('ola'),
          title: fc.oneof({ weight: 3, arbitrary: fc.constant('VPN drops') }, { weight: 1, arbitrary: edgeText }),
          tier: fc.option(fc.constantFrom('L1', 'L1', 'L1', long(200, 't'), long(201, 't'), ''), {
            nil: undefined,
            freq: 2
          }),
          service: fc.option(
            fc.oneof({ weight: 3, arbitrary: fc.constant('network') }, { weight: 1, arbitrary: edgeName }),
            { nil: undefined, freq: 2 }
          ),
          affectedUsers: fc.option(
            fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 5000 }) }, { weight: 1, arbitrary: edgeUsers }),
            { nil: undefined, freq: 2 }
          ),
          kind: fc.option(fc.constantFrom('incident', 'serviceRequest', 'question', 'problem', 'feedback' as const), {
            nil: undefined,
            freq: 3
          }),
          requestedBy: fc.option(
            fc.oneof(
              { weight: 2, arbitrary: fc.constant('2025-06-30' as Time.LocalDate) },
              { weight: 1, arbitrary: edgeDate }
            ),
            { nil: undefined, freq: 3 }
          )
        },
        { requiredKeys: ['ticketId', 'actor', 'channel', 'customer', 'requester', 'title'] }
      ),
      fc.array(fc.tuple(edgeGap, storablePayload(ctx)), { maxLength: 30 })
    )
    .map(([start, open, steps]) => {
      let at = start
      return [
        { _tag: 'Open', at: at as Time.Instant, ...open } as Ticket.TicketCommand,
        ...steps.map(([gap, p]) => {
          at = Number.isFinite(gap) && Number.isInteger(gap) && gap >= 0 && gap < 1e12 ? at + gap : at
          return {
            ...p,
            at: (Number.isFinite(gap) && Number.isInteger(gap) && gap >= 0 && gap < 1e12
              ? at
              : at + gap) as Time.Instant
          } as Ticket.TicketCommand
        })
      ]
    })
