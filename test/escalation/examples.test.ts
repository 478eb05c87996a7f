import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Sla, Ticket, type Time } from '../../src/index.js'
import { decisionsAt, slaAt } from '../helpers/clocks.js'
import * as Escalation from '../../src/escalation/index.js'
import { deepFreeze, getRight, hours, instant, minutes } from '../helpers/unsafe.js'
import { always, escalate, eventsOf, kari, ola, open, oslo, prio, record, reply, system } from './helpers.js'

const policy = Escalation.examplePolicy
const desk = { policy: Sla.examplePolicy, calendar: oslo }
const id = 'INC-1' as Ticket.TicketId
const timebox = (tier: string, box: Time.Duration, spent: Time.Duration): Escalation.EscalationReason => ({
  _tag: 'TimeboxExceeded',
  tier,
  timebox: box,
  spent
})

describe('functional escalation: the first line’s 30-minute timebox', () => {
  // a P3 at the Oslo desk, Monday 10 March 2025
  const events = eventsOf([
    open('2025-03-10T09:00:00+01:00'),
    prio('2025-03-10T09:00:00+01:00', 'medium', 'medium'),
    { _tag: 'Assign', at: instant('2025-03-10T09:01:00+01:00'), actor: kari, assignee: 'kari' }
  ])

  it('a case still within 30 minutes at L1 stays there', () => {
    expect(pipe(events, decisionsAt(policy, desk, instant('2025-03-10T09:20:00+01:00')))).toStrictEqual([])
  })

  it('after 45 minutes at L1 the case is due for L2, since 09:30', () => {
    expect(pipe(events, decisionsAt(policy, desk, instant('2025-03-10T09:45:00+01:00')))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: timebox('L1', minutes(30), minutes(45)),
        dueSince: instant('2025-03-10T09:30:00+01:00')
      }
    ])
  })

  it('hands the case to L2 with the agent’s note, and then nothing more is due', () => {
    const now = instant('2025-03-10T09:45:00+01:00')
    const decisions = pipe(events, decisionsAt(policy, desk, now))
    const note = 'Client 5.2 reinstalled, tunnel still drops every 5 minutes on Wi-Fi; logs attached'
    const commands = getRight(pipe(decisions, Escalation.toCommands({ at: now, actor: kari, note })))
    const after = record(events, commands)
    const ticket = getRight(Ticket.replay()(after))
    expect([ticket.tier, ticket.handoverNote, ticket.assignee, ticket.escalationCount]).toStrictEqual([
      'L2',
      note,
      undefined,
      1
    ])
    expect(pipe(after, decisionsAt(policy, desk, now))).toStrictEqual([])
    // L2 has its own timebox (2 h), counted from the handover
    expect(pipe(after, decisionsAt(policy, desk, instant('2025-03-10T11:40:00+01:00')))).toStrictEqual([])
    expect(pipe(after, decisionsAt(policy, desk, instant('2025-03-10T11:50:00+01:00')))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L2',
        toTier: 'solution team',
        reason: timebox('L2', hours(2), (hours(2) + minutes(5)) as Time.Duration),
        dueSince: instant('2025-03-10T11:45:00+01:00')
      }
    ])
  })

  it('waiting for the customer does not count against the timebox (the SLA pauses then)', () => {
    const waited = eventsOf([
      open('2025-03-10T09:00:00+01:00'),
      { _tag: 'Await', at: instant('2025-03-10T09:10:00+01:00'), actor: kari, party: 'customer' },
      { _tag: 'Resume', at: instant('2025-03-10T10:00:00+01:00'), actor: ola }
    ])
    expect(pipe(waited, decisionsAt(policy, desk, instant('2025-03-10T10:15:00+01:00')))).toStrictEqual([])
    expect(pipe(waited, decisionsAt(policy, desk, instant('2025-03-10T10:25:00+01:00')))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: timebox('L1', minutes(30), minutes(35)),
        dueSince: instant('2025-03-10T10:20:00+01:00')
      }
    ])
  })

  it('a case opened Friday 15:50 is due for L2 on Monday at 08:20: the timebox counts business time', () => {
    const friday = eventsOf([open('2025-03-07T15:50:00+01:00')])
    expect(pipe(friday, decisionsAt(policy, desk, instant('2025-03-08T12:00:00+01:00')))).toStrictEqual([])
    expect(pipe(friday, decisionsAt(policy, desk, instant('2025-03-10T08:30:00+01:00')))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: timebox('L1', minutes(30), minutes(40)),
        dueSince: instant('2025-03-10T08:20:00+01:00')
      }
    ])
  })
})

describe('a P1 on a Saturday night at a 24/7 customer', () => {
  const events = eventsOf([
    open('2025-05-10T23:10:00+02:00', { channel: 'monitoring', title: 'ERP down' }),
    prio('2025-05-10T23:10:00+02:00', 'high', 'high')
  ])
  const contract = { policy: Sla.examplePolicy, calendar: always }

  it('goes straight to L2, and the duty manager is paged at once', () => {
    const now = instant('2025-05-10T23:12:00+02:00')
    expect(pipe(events, decisionsAt(policy, contract, now))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: { _tag: 'PriorityDemands', priority: 'P1', atLeast: 'L2' },
        dueSince: instant('2025-05-10T23:10:00+02:00')
      },
      {
        _tag: 'NoticeDue',
        ticketId: id,
        audience: 'manager',
        reason: 'priority:P1',
        dueSince: instant('2025-05-10T23:10:00+02:00'),
        sendAt: now
      }
    ])
  })

  it('without a public reply within 15 minutes, the team lead is told of the response breach at once too', () => {
    const now = instant('2025-05-10T23:30:00+02:00')
    const decisions = pipe(events, decisionsAt(policy, contract, now))
    expect(decisions.filter((d) => d._tag === 'NoticeDue')).toStrictEqual([
      {
        _tag: 'NoticeDue',
        ticketId: id,
        audience: 'manager',
        reason: 'priority:P1',
        dueSince: instant('2025-05-10T23:10:00+02:00'),
        sendAt: now
      },
      {
        _tag: 'NoticeDue',
        ticketId: id,
        audience: 'teamLead',
        reason: 'response:breach',
        dueSince: instant('2025-05-10T23:25:00+02:00'),
        sendAt: now
      }
    ])
  })

  it('a P1 pages at once even at a weekdays-only customer, while a P3 then waits for Monday 08:00', () => {
    const saturday = instant('2025-05-10T23:12:00+02:00')
    const p1 = pipe(events, decisionsAt(policy, desk, saturday))
    expect(p1.flatMap((d) => (d._tag === 'NoticeDue' ? [d.sendAt] : []))).toStrictEqual([saturday])
    const p3 = eventsOf([open('2025-05-09T14:00:00+02:00'), prio('2025-05-09T14:00:00+02:00', 'medium', 'medium')])
    const lateNotice: Escalation.EscalationPolicy = {
      ...policy,
      notices: [{ metric: 'response', threshold: 0.5, audience: 'assignee' }]
    }
    // half of the P3's 4-hour response target was used by Friday 16:00
    expect(pipe(p3, decisionsAt(lateNotice, desk, saturday)).filter((d) => d._tag === 'NoticeDue')).toStrictEqual([
      {
        _tag: 'NoticeDue',
        ticketId: id,
        audience: 'assignee',
        reason: 'response:0.5',
        dueSince: instant('2025-05-09T16:00:00+02:00'),
        sendAt: instant('2025-05-12T08:00:00+02:00')
      }
    ])
  })
})

describe('a P3 breach found at 22:00 at a weekdays customer', () => {
  // opened Monday 10:00: 24 business hours run out on Thursday at 10:00; 75 % were used on Wednesday at 12:00
  const events = eventsOf([
    open('2025-03-10T10:00:00+01:00'),
    prio('2025-03-10T10:00:00+01:00', 'medium', 'medium'),
    reply('2025-03-10T10:05:00+01:00')
  ])
  const thursdayNight = instant('2025-03-13T22:00:00+01:00')
  const friday = instant('2025-03-14T08:00:00+01:00')
  const held = (sendAt: Time.Instant): ReadonlyArray<Escalation.Decision> => [
    {
      _tag: 'NoticeDue',
      ticketId: id,
      audience: 'teamLead',
      reason: 'resolution:0.75',
      dueSince: instant('2025-03-12T12:00:00+01:00'),
      sendAt
    },
    {
      _tag: 'NoticeDue',
      ticketId: id,
      audience: 'manager',
      reason: 'resolution:breach',
      dueSince: instant('2025-03-13T10:00:00+01:00'),
      sendAt
    }
  ]

  it('waits until 08:00 the next morning, while the overdue escalation is due at once', () => {
    expect(pipe(events, decisionsAt(policy, desk, thursdayNight))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: timebox('L1', minutes(30), hours(30)),
        dueSince: instant('2025-03-10T10:30:00+01:00')
      },
      ...held(friday)
    ])
  })

  it('recording what is due at 22:00 leaves only the held notices; at 08:00 they are sent, and then nothing is due', () => {
    const night = record(
      events,
      getRight(
        pipe(
          events,
          decisionsAt(policy, desk, thursdayNight),
          Escalation.toCommands({ at: thursdayNight, actor: system, note: 'Open for 30 business hours at L1' })
        )
      )
    )
    expect(pipe(night, decisionsAt(policy, desk, thursdayNight))).toStrictEqual(held(friday))
    const due = pipe(night, decisionsAt(policy, desk, friday))
    expect(due).toStrictEqual(held(friday))
    const morning = record(night, getRight(pipe(due, Escalation.toCommands({ at: friday, actor: system }))))
    expect(getRight(Ticket.replay()(morning)).notices).toStrictEqual([
      { audience: 'teamLead', reason: 'resolution:0.75' },
      { audience: 'manager', reason: 'resolution:breach' }
    ])
    expect(pipe(morning, decisionsAt(policy, desk, friday))).toStrictEqual([])
  })

  it('a notice someone already recorded (the team lead was told by phone) is not decided again', () => {
    const told = record(events, [
      {
        _tag: 'Notify',
        at: instant('2025-03-12T12:30:00+01:00'),
        actor: kari,
        audience: 'teamLead',
        reason: 'resolution:0.75'
      }
    ])
    expect(pipe(told, decisionsAt(policy, desk, thursdayNight)).filter((d) => d._tag === 'NoticeDue')).toStrictEqual(
      held(friday).slice(1)
    )
  })

  it('the threshold instant leaves out the time the clock was paused', () => {
    const paused = record(events, [
      { _tag: 'Await', at: instant('2025-03-11T08:00:00+01:00'), actor: kari, party: 'customer' },
      { _tag: 'Resume', at: instant('2025-03-11T12:00:00+01:00'), actor: ola }
    ])
    // 4 business hours paused on Tuesday: 75 % (18 h) is reached on Wednesday at 16:00
    const notices = pipe(paused, decisionsAt(policy, desk, instant('2025-03-12T16:30:00+01:00'))).filter(
      (d) => d._tag === 'NoticeDue'
    )
    expect(notices).toStrictEqual([
      {
        _tag: 'NoticeDue',
        ticketId: id,
        audience: 'teamLead',
        reason: 'resolution:0.75',
        dueSince: instant('2025-03-12T16:00:00+01:00'),
        sendAt: instant('2025-03-13T08:00:00+01:00')
      }
    ])
  })
})

describe('tiers, priorities and states', () => {
  it('the higher target wins; on a tie, the decision due first', () => {
    const events = eventsOf([open('2025-03-10T09:00:00+01:00'), prio('2025-03-10T09:45:00+01:00', 'high', 'medium')])
    const now = instant('2025-03-10T09:50:00+01:00')
    const toL2: Escalation.EscalationPolicy = { ...policy, priorities: { P2: { atLeast: 'L2' } } }
    const toTeam: Escalation.EscalationPolicy = { ...policy, priorities: { P2: { atLeast: 'solution team' } } }
    expect(pipe(events, decisionsAt(toL2, desk, now))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: timebox('L1', minutes(30), minutes(50)),
        dueSince: instant('2025-03-10T09:30:00+01:00')
      }
    ])
    expect(pipe(events, decisionsAt(toTeam, desk, now))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'solution team',
        reason: { _tag: 'PriorityDemands', priority: 'P2', atLeast: 'solution team' },
        dueSince: instant('2025-03-10T09:45:00+01:00')
      }
    ])
  })

  it('a P1 sent back to L1 is not pulled up again by its priority, but the L1 timebox counts anew', () => {
    const events = eventsOf([
      open('2025-05-10T23:10:00+02:00'),
      prio('2025-05-10T23:10:00+02:00', 'high', 'high'),
      reply('2025-05-10T23:11:00+02:00'),
      {
        _tag: 'Notify',
        at: instant('2025-05-10T23:11:00+02:00'),
        actor: system,
        audience: 'manager',
        reason: 'priority:P1'
      },
      escalate('2025-05-10T23:12:00+02:00', 'L2'),
      escalate('2025-05-10T23:20:00+02:00', 'L1', 'Only a password reset; the user is locked out of the ERP')
    ])
    const contract = { policy: Sla.examplePolicy, calendar: always }
    expect(pipe(events, decisionsAt(policy, contract, instant('2025-05-10T23:40:00+02:00')))).toStrictEqual([])
    expect(pipe(events, decisionsAt(policy, contract, instant('2025-05-10T23:55:00+02:00')))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: timebox('L1', minutes(30), minutes(35)),
        dueSince: instant('2025-05-10T23:50:00+02:00')
      }
    ])
  })

  it('but a P3 that L2 sent back becomes a P1: now its priority demands L2', () => {
    const events = eventsOf([
      open('2025-05-10T23:10:00+02:00'),
      prio('2025-05-10T23:10:00+02:00', 'medium', 'medium'),
      reply('2025-05-10T23:11:00+02:00'),
      escalate('2025-05-10T23:12:00+02:00', 'L2'),
      escalate('2025-05-10T23:20:00+02:00', 'L1', 'Looks like a local network issue'),
      {
        _tag: 'OverridePriority',
        at: instant('2025-05-10T23:25:00+02:00'),
        actor: kari,
        priority: 'P1',
        reason: 'The whole warehouse is down'
      }
    ])
    const decisions = pipe(
      events,
      decisionsAt(policy, { policy: Sla.examplePolicy, calendar: always }, instant('2025-05-10T23:26:00+02:00'))
    )
    expect(decisions.filter((d) => d._tag === 'EscalationDue')).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'L2',
        reason: { _tag: 'PriorityDemands', priority: 'P1', atLeast: 'L2' },
        dueSince: instant('2025-05-10T23:25:00+02:00')
      }
    ])
  })

  it('an external tier: the hand-over says whom the desk now awaits, and awaiting it counts against its own timebox', () => {
    const ladder: Escalation.EscalationPolicy = {
      ...policy,
      tiers: [
        { name: 'L1', timebox: minutes(30) },
        { name: 'internet provider', timebox: hours(4), external: { party: 'thirdParty' } },
        { name: 'L2' }
      ]
    }
    const resolution = Sla.examplePolicy.metrics.resolution as Sla.MetricPolicy
    const sla: Sla.SlaPolicy = {
      ...Sla.examplePolicy,
      metrics: { resolution: { ...resolution, pauseWhileAwaiting: ['customer', 'thirdParty'] } }
    }
    const contract = { policy: sla, calendar: oslo }
    const events = eventsOf([open('2025-03-10T09:00:00+01:00'), prio('2025-03-10T09:00:00+01:00', 'medium', 'medium')])
    const first = pipe(events, decisionsAt(ladder, contract, instant('2025-03-10T09:40:00+01:00')))
    expect(first).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'L1',
        toTier: 'internet provider',
        reason: timebox('L1', minutes(30), minutes(40)),
        dueSince: instant('2025-03-10T09:30:00+01:00'),
        awaiting: 'thirdParty'
      }
    ])
    const atIsp = record(events, [
      escalate('2025-03-10T09:40:00+01:00', 'internet provider'),
      { _tag: 'Await', at: instant('2025-03-10T09:40:00+01:00'), actor: kari, party: 'thirdParty' }
    ])
    const now = instant('2025-03-10T13:50:00+01:00')
    expect(pipe(atIsp, decisionsAt(ladder, contract, now))).toStrictEqual([
      {
        _tag: 'EscalationDue',
        ticketId: id,
        fromTier: 'internet provider',
        toTier: 'L2',
        reason: timebox('internet provider', hours(4), (hours(4) + minutes(10)) as Time.Duration),
        dueSince: instant('2025-03-10T13:40:00+01:00')
      }
    ])
    // meanwhile the customer's resolution clock stood still
    const resolutionClock = pipe(atIsp, slaAt(contract, now)).metrics.find((m) => m.metric === 'resolution')
    expect([resolutionClock?.state, resolutionClock?.elapsed]).toStrictEqual(['Paused', minutes(40)])
  })

  it('the last tier and tiers the ladder does not know are never escalated; notices still come', () => {
    const atVendor = eventsOf([
      open('2025-03-10T09:00:00+01:00', { tier: 'vendor' }),
      prio('2025-03-10T09:00:00+01:00', 'medium', 'medium')
    ])
    expect(
      pipe(atVendor, decisionsAt(policy, desk, instant('2025-03-20T09:00:00+01:00'))).map((d) => d._tag)
    ).toStrictEqual(['NoticeDue', 'NoticeDue', 'NoticeDue'])
    const elsewhere = eventsOf([
      open('2025-03-10T09:00:00+01:00', { tier: 'network team' }),
      prio('2025-03-10T09:00:00+01:00', 'high', 'high'),
      reply('2025-03-10T09:01:00+01:00')
    ])
    expect(pipe(elsewhere, decisionsAt(policy, desk, instant('2025-03-10T09:02:00+01:00')))).toStrictEqual([
      {
        _tag: 'NoticeDue',
        ticketId: id,
        audience: 'manager',
        reason: 'priority:P1',
        dueSince: instant('2025-03-10T09:00:00+01:00'),
        sendAt: instant('2025-03-10T09:02:00+01:00')
      }
    ])
  })

  it('a resolved ticket is not escalated; a closed or cancelled one gets nothing at all', () => {
    const base = [open('2025-03-10T09:00:00+01:00'), prio('2025-03-10T09:00:00+01:00', 'high', 'high')]
    const resolved = eventsOf([
      ...base,
      {
        _tag: 'Resolve',
        at: instant('2025-03-10T09:05:00+01:00'),
        actor: kari,
        code: 'fixed',
        note: 'Restarted the VPN concentrator'
      }
    ])
    // still without a public reply: the response clock runs on, and its breach is told
    expect(pipe(resolved, decisionsAt(policy, desk, instant('2025-03-10T12:00:00+01:00')))).toStrictEqual([
      {
        _tag: 'NoticeDue',
        ticketId: id,
        audience: 'teamLead',
        reason: 'response:breach',
        dueSince: instant('2025-03-10T09:15:00+01:00'),
        sendAt: instant('2025-03-10T12:00:00+01:00')
      }
    ])
    const cancelled = eventsOf([
      ...base,
      { _tag: 'Cancel', at: instant('2025-03-10T09:05:00+01:00'), actor: kari, reason: 'Duplicate of INC-0' }
    ])
    expect(pipe(cancelled, decisionsAt(policy, desk, instant('2025-03-12T12:00:00+01:00')))).toStrictEqual([])
  })

  it('an empty history is the replay error; events that all lie after now give nothing', () => {
    expect(
      pipe(
        [],
        Escalation.evaluate(policy, desk, instant('2025-03-10T09:00:00+01:00')),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('EmptyHistory'))
    const later = eventsOf([open('2025-03-10T09:00:00+01:00')])
    expect(pipe(later, decisionsAt(policy, desk, instant('2025-03-10T08:00:00+01:00')))).toStrictEqual([])
  })

  it('never touches its inputs, and infers inside pipe', () => {
    const events = deepFreeze(
      eventsOf([open('2025-03-10T09:00:00+01:00'), prio('2025-03-10T09:00:00+01:00', 'high', 'high')])
    )
    const decisions = pipe(events, decisionsAt(deepFreeze({ ...policy }), desk, instant('2025-03-10T12:00:00+01:00')))
    expect(decisions.map((d) => (d._tag === 'EscalationDue' ? d.toTier : d.reason))).toStrictEqual([
      'L2',
      'priority:P1',
      'response:breach',
      'resolution:0.75'
    ])
    expectTypeOf(decisions).toEqualTypeOf<ReadonlyArray<Escalation.Decision>>()
    expectTypeOf(
      pipe(decisions, Escalation.toCommands({ at: instant('2025-03-10T12:00:00+01:00'), actor: system, note: 'n' }))
    ).toEqualTypeOf<E.Either<Escalation.EscalationError, ReadonlyArray<Ticket.TicketCommand>>>()
  })
})

describe('decisions into commands', () => {
  const now = instant('2025-03-10T09:40:00Z')
  const decisions: ReadonlyArray<Escalation.Decision> = [
    {
      _tag: 'EscalationDue',
      ticketId: id,
      fromTier: 'L1',
      toTier: 'L2',
      reason: timebox('L1', minutes(30), minutes(40)),
      dueSince: instant('2025-03-10T09:30:00Z')
    },
    {
      _tag: 'NoticeDue',
      ticketId: id,
      audience: 'teamLead',
      reason: 'resolution:0.75',
      dueSince: instant('2025-03-10T09:00:00Z'),
      sendAt: now
    },
    {
      _tag: 'NoticeDue',
      ticketId: id,
      audience: 'manager',
      reason: 'resolution:breach',
      dueSince: instant('2025-03-10T09:10:00Z'),
      sendAt: instant('2025-03-11T07:00:00Z')
    }
  ]

  it('the caller writes the note (from the decision) and may pick the assignee; held notices are left out', () => {
    const commands = pipe(
      decisions,
      Escalation.toCommands({
        at: now,
        actor: system,
        note: (d) => `Automatic: the ${d.fromTier} timebox is spent`,
        assignee: () => 'lars'
      })
    )
    expect(commands).toStrictEqual(
      E.right([
        {
          _tag: 'Escalate',
          at: now,
          actor: system,
          toTier: 'L2',
          note: 'Automatic: the L1 timebox is spent',
          assignee: 'lars'
        },
        { _tag: 'Notify', at: now, actor: system, audience: 'teamLead', reason: 'resolution:0.75' }
      ])
    )
  })

  it('notices alone need no note; an escalation without one is an error', () => {
    expect(
      pipe(
        decisions.slice(1),
        Escalation.toCommands({ at: now, actor: system }),
        E.map((cs) => cs.length)
      )
    ).toStrictEqual(E.right(1))
    expect(
      pipe(
        decisions,
        Escalation.toCommands({ at: now, actor: system, note: () => '  ' }),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('HandoverNoteRequired'))
  })
})

describe('handover notes in imported histories', () => {
  const header = (ticketId: string, seq: number, at: string) => ({
    ticketId: ticketId as Ticket.TicketId,
    seq,
    at: instant(at),
    actor: kari
  })
  const opened = (ticketId: string): Ticket.TicketEvent => ({
    _tag: 'TicketOpened',
    ...header(ticketId, 1, '2025-03-10T09:00:00Z'),
    channel: 'phone',
    customer: 'ACME',
    requester: 'ola',
    title: 'Printer',
    tier: 'L1'
  })
  const escalated = (ticketId: string, seq: number, toTier: string, note: unknown): Ticket.TicketEvent =>
    ({
      _tag: 'TicketEscalated',
      ...header(ticketId, seq, `2025-03-10T09:${10 + seq}:00Z`),
      toTier,
      note
    }) as Ticket.TicketEvent

  it('lists the tickets whose latest handover has a blank or missing note', () => {
    const histories = [
      [opened('INC-1'), escalated('INC-1', 2, 'L2', 'Logs attached')],
      [
        opened('INC-2'),
        escalated('INC-2', 2, 'L2', ''),
        escalated('INC-2', 3, 'solution team', 'Reproduced on staging')
      ],
      [opened('INC-3'), escalated('INC-3', 2, 'L2', 'Logs attached'), escalated('INC-3', 3, 'vendor', '   ')],
      [opened('INC-4'), escalated('INC-4', 2, 'L2', undefined)],
      [opened('INC-5')],
      []
    ]
    expect(Escalation.missingHandoverNotes(histories)).toStrictEqual([
      {
        _tag: 'MissingHandoverNote',
        ticketId: 'INC-3',
        seq: 3,
        at: instant('2025-03-10T09:13:00Z'),
        toTier: 'vendor',
        message:
          'ticket INC-3, event 3 (TicketEscalated at 2025-03-10T09:13:00Z): expected a handover note for "vendor", received "   "'
      },
      {
        _tag: 'MissingHandoverNote',
        ticketId: 'INC-4',
        seq: 2,
        at: instant('2025-03-10T09:12:00Z'),
        toTier: 'L2',
        message:
          'ticket INC-4, event 2 (TicketEscalated at 2025-03-10T09:12:00Z): expected a handover note for "L2", received nothing'
      }
    ])
    // replay refuses such a history; the query works on raw events instead
    expect(
      pipe(
        Ticket.replay()(histories[2] as ReadonlyArray<Ticket.TicketEvent>),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('InvalidEvent'))
  })
})

describe('composed agreements: the ladder inside the customer’s targets', () => {
  const gold = getRight(
    Escalation.decodePolicy({
      _tag: 'EscalationPolicy',
      name: 'Gold',
      notices: [],
      priorities: {},
      holdUntilOpen: true,
      tiers: [
        { name: 'L1', timebox: 'PT30M' },
        { name: 'L2', timebox: 'PT2H' },
        { name: 'solution team', timebox: 'PT2H' },
        {
          name: 'vendor',
          external: { party: 'vendor', underpinning: { P1: 'PT4H', P2: 'PT4H', P3: 'PT8H', P4: 'PT16H', P5: 'PT40H' } }
        }
      ]
    })
  )

  it('P1: L1 30 min + L2 2 h + solution team 2 h + vendor 4 h = 8 h 30 min > resolution 4 h', () => {
    expect(pipe(gold, Escalation.checkComposition(Sla.examplePolicy))).toStrictEqual([
      {
        _tag: 'TargetExceeded',
        priority: 'P1',
        parts: [
          { tier: 'L1', duration: minutes(30), source: 'timebox' },
          { tier: 'L2', duration: hours(2), source: 'timebox' },
          { tier: 'solution team', duration: hours(2), source: 'timebox' },
          { tier: 'vendor', duration: hours(4), source: 'underpinning' }
        ],
        total: hours(8.5),
        target: hours(4),
        message: 'P1: L1 30 min + L2 2 h + solution team 2 h + vendor 4 h = 8 h 30 min > resolution 4 h'
      },
      {
        _tag: 'TargetExceeded',
        priority: 'P2',
        parts: [
          { tier: 'L1', duration: minutes(30), source: 'timebox' },
          { tier: 'L2', duration: hours(2), source: 'timebox' },
          { tier: 'solution team', duration: hours(2), source: 'timebox' },
          { tier: 'vendor', duration: hours(4), source: 'underpinning' }
        ],
        total: hours(8.5),
        target: hours(8),
        message: 'P2: L1 30 min + L2 2 h + solution team 2 h + vendor 4 h = 8 h 30 min > resolution 8 h'
      }
    ])
  })

  it('a P1 that goes straight to L2 spends nothing at L1; the example policy still cannot promise P1–P3', () => {
    expect(pipe(policy, Escalation.checkComposition(Sla.examplePolicy)).map((v) => v.message)).toStrictEqual([
      'P1: L2 2 h + solution team 8 h + vendor 4 h = 14 h > resolution 4 h',
      'P2: L1 30 min + L2 2 h + solution team 8 h + vendor 8 h = 18 h 30 min > resolution 8 h',
      'P3: L1 30 min + L2 2 h + solution team 8 h + vendor 16 h = 26 h 30 min > resolution 24 h'
    ])
  })

  it('vendor time the customer’s clock pauses for is not counted; an unbounded tier is reported', () => {
    const resolution = Sla.examplePolicy.metrics.resolution as Sla.MetricPolicy
    const pausing: Sla.SlaPolicy = {
      ...Sla.examplePolicy,
      metrics: { resolution: { ...resolution, pauseWhileAwaiting: ['customer', 'vendor'] } }
    }
    expect(pipe(gold, Escalation.checkComposition(pausing)).map((v) => v.message)).toStrictEqual([
      'P1: L1 30 min + L2 2 h + solution team 2 h = 4 h 30 min > resolution 4 h'
    ])
    const open: Escalation.EscalationPolicy = {
      ...gold,
      tiers: [{ name: 'L1', timebox: minutes(30) }, { name: 'solution team' }]
    }
    const onlyP1: Sla.SlaPolicy = {
      ...Sla.examplePolicy,
      metrics: { resolution: { ...resolution, targets: { P1: { _tag: 'BusinessTime', duration: hours(4) } } } }
    }
    expect(pipe(open, Escalation.checkComposition(onlyP1))).toStrictEqual([
      {
        _tag: 'UnboundedTier',
        priority: 'P1',
        tier: 'solution team',
        message: 'P1: expected a timebox on every tier a P1 may pass, received none on "solution team"'
      }
    ])
  })

  it('a target in business days counts as that many full business days', () => {
    const resolution = Sla.examplePolicy.metrics.resolution as Sla.MetricPolicy
    const days: Sla.SlaPolicy = {
      ...Sla.examplePolicy,
      metrics: { resolution: { ...resolution, targets: { P4: { _tag: 'BusinessDays', days: 1 } } } }
    }
    expect(pipe(gold, Escalation.checkComposition(days)).map((v) => v.message)).toStrictEqual([
      'P4: L1 30 min + L2 2 h + solution team 2 h + vendor 16 h = 20 h 30 min > resolution 1 business day (8 h)'
    ])
    expect(pipe(gold, Escalation.checkComposition(days, { businessDay: hours(24) }))).toStrictEqual([])
  })
})

describe('tier targets for SLA reports', () => {
  it('the same numbers drive the tier:<name> metrics of Sla.evaluate', () => {
    const sla: Sla.SlaPolicy = { ...Sla.examplePolicy, tiers: Escalation.tierTargets(policy.tiers) }
    const events = eventsOf([
      open('2025-03-10T09:00:00+01:00'),
      prio('2025-03-10T09:00:00+01:00', 'medium', 'medium'),
      escalate('2025-03-10T09:20:00+01:00', 'L2')
    ])
    const l1 = pipe(events, slaAt({ policy: sla, calendar: oslo }, instant('2025-03-10T10:00:00+01:00'))).metrics.find(
      (m) => m.metric === 'tier:L1'
    )
    expect([l1?.state, l1?.elapsed]).toStrictEqual(['Met', minutes(20)])
  })
})
