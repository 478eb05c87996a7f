import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Kind, Ticket, Time } from '../../src/index.js'
import { compile, getLeft, getRight, instant } from '../helpers/unsafe.js'

// A morning at a Norwegian service desk: three calls at once.
const oslo = compile(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
const at = (hhmm: string, day = '2025-03-10') => instant(`${day}T${hhmm}:00+01:00`)
const kari = { role: 'agent', id: 'kari' } as const
const lars = { role: 'agent', id: 'lars' } as const
const id = (s: string) => getRight(Ticket.makeTicketId(s))
const context: Ticket.DecideContext = { ...Ticket.defaultContext, autoClose: { calendar: oslo, businessDays: 3 } }
const run = (commands: ReadonlyArray<Ticket.TicketCommand>) => getRight(Ticket.runEvents(context)(commands))

describe('a morning at a Norwegian desk with three calls at once', () => {
  it('a forgotten password: a low-priority service request the first line resolves and the customer confirms', () => {
    const ola = { role: 'customer', id: 'ola.nordmann' } as const
    const { ticket, events } = run([
      {
        _tag: 'Open',
        at: at('08:02'),
        actor: kari,
        ticketId: id('REQ-101'),
        channel: 'phone',
        customer: 'Fjord Regnskap AS',
        requester: 'ola.nordmann',
        title: 'Har glemt passordet'
      },
      { _tag: 'Classify', at: at('08:03'), actor: kari, kind: 'serviceRequest', category: 'accounts/password-reset' },
      { _tag: 'Prioritise', at: at('08:03'), actor: kari, urgency: 'low', impact: 'low' },
      { _tag: 'Assign', at: at('08:03'), actor: kari, assignee: 'kari' },
      { _tag: 'Reply', at: at('08:06'), actor: kari, message: 'Nytt passord er sendt på SMS.' },
      { _tag: 'Resolve', at: at('08:07'), actor: kari, code: 'fulfilled', note: 'Password reset, sent by SMS' },
      { _tag: 'Confirm', at: at('08:15'), actor: ola }
    ])
    const t = ticket as Ticket.Ticket
    expect(t.status).toStrictEqual({ _tag: 'Closed', since: at('08:15'), reason: 'confirmed' })
    expect(t.kind).toBe('serviceRequest')
    expect(t.priority).toStrictEqual({ rank: 5, name: 'P5', label: 'planning', source: 'matrix' })
    expect(Ticket.firstResponseAt(t)).toStrictEqual(O.some(at('08:06')))
    expect(Ticket.resolvedAtFirstLine(t)).toBe(true)
    expect(events.map((e) => e.seq)).toStrictEqual([1, 2, 3, 4, 5, 6, 7])
    expect(Ticket.replay()(events)).toStrictEqual(E.right(t))
  })

  it('the internet is down for everyone at a customer: a P1 incident handed to the provider as a third party', () => {
    const { ticket } = run([
      {
        _tag: 'Open',
        at: at('08:04'),
        actor: lars,
        ticketId: id('INC-102'),
        channel: 'phone',
        customer: 'Bryggen Hotell',
        requester: 'resepsjon',
        title: 'Internett er nede for alle',
        kind: 'incident',
        affectedUsers: 40
      },
      { _tag: 'Prioritise', at: at('08:05'), actor: lars, urgency: 'high', impact: 'high' },
      { _tag: 'Assign', at: at('08:05'), actor: lars, assignee: 'lars' },
      { _tag: 'Reply', at: at('08:09'), actor: lars, message: 'Vi har meldt feilen til leverandøren.' },
      {
        _tag: 'Await',
        at: at('08:12'),
        actor: lars,
        party: 'thirdParty',
        reason: 'Fibre cut reported to the internet provider, case 55-1234'
      }
    ])
    const t = ticket as Ticket.Ticket
    expect(t.priority).toStrictEqual({ rank: 1, name: 'P1', label: 'critical', source: 'matrix' })
    expect(t.status).toStrictEqual({ _tag: 'Awaiting', since: at('08:12'), party: 'thirdParty' })
    expect(Ticket.holder(t)).toStrictEqual({ tier: 'L1', assignee: 'lars' })
    expect(Ticket.timeInStatus(at('09:12'))(t)).toBe(3_600_000)
  })

  it('a suspicious e-mail: a security incident resolved at the first line by blocking the sender’s domain', () => {
    const { ticket } = run([
      {
        _tag: 'Open',
        at: at('08:05'),
        actor: kari,
        ticketId: id('INC-103'),
        channel: 'email',
        customer: 'Fjord Regnskap AS',
        requester: 'kari.regnskap',
        title: 'Mistenkelig e-post med vedlegg'
      },
      { _tag: 'Classify', at: at('08:10'), actor: kari, kind: 'incident', category: 'security/phishing' },
      { _tag: 'Prioritise', at: at('08:10'), actor: kari, urgency: 'medium', impact: 'medium' },
      { _tag: 'AddNote', at: at('08:14'), actor: kari, note: 'Sender domain seen in two other tenants this week' },
      { _tag: 'Reply', at: at('08:16'), actor: kari, message: 'Ikke åpne vedlegget. Vi blokkerer avsenderen.' },
      {
        _tag: 'Resolve',
        at: at('08:25'),
        actor: kari,
        code: 'fixed',
        note: 'Blocked the sender domain in the mail filter'
      }
    ])
    const t = ticket as Ticket.Ticket
    expect([t.status._tag, t.priority?.name, Ticket.resolvedAtFirstLine(t), t.firstResponseAt]).toStrictEqual([
      'Resolved',
      'P3',
      true,
      at('08:16')
    ])
  })
})

describe('the rules of the lifecycle', () => {
  const opened = run([
    {
      _tag: 'Open',
      at: at('09:00', '2025-03-07'),
      actor: kari,
      ticketId: id('INC-42'),
      channel: 'portal',
      customer: 'ACME',
      requester: 'ola',
      title: 'VPN drops',
      kind: 'incident'
    }
  ]).ticket
  const resolvedFriday = getRight(
    Ticket.runEvents(
      context,
      opened
    )([{ _tag: 'Resolve', at: at('15:00', '2025-03-07'), actor: kari, code: 'fixed', note: 'Updated the VPN client' }])
  ).ticket

  it('an internal note is never a first response', () => {
    const t = getRight(
      Ticket.runEvents(
        context,
        opened
      )([{ _tag: 'AddNote', at: at('09:05', '2025-03-07'), actor: kari, note: 'Checked logs' }])
    ).ticket as Ticket.Ticket
    expect(Ticket.firstResponseAt(t)).toStrictEqual(O.none)
  })

  it('a resolved ticket closes for silence only after 3 business days: Friday 15:00 → Wednesday 15:00, said in the calendar zone too', () => {
    const tooEarly = getLeft(
      Ticket.decide(
        { _tag: 'Close', at: at('14:59', '2025-03-12'), actor: { role: 'system', id: 'scheduler' } },
        context
      )(resolvedFriday)
    )
    expect(tooEarly).toStrictEqual({
      _tag: 'TooEarlyToClose',
      ticketId: 'INC-42',
      resolvedAt: at('15:00', '2025-03-07'),
      earliest: at('15:00', '2025-03-12'),
      message:
        'ticket INC-42: expected 3 business days of silence after the resolution at 2025-03-07T14:00:00Z (2025-03-07 15:00 Europe/Oslo), that is a close at 2025-03-12T14:00:00Z (2025-03-12 15:00 Europe/Oslo) or later, received a close at 2025-03-12T13:59:00Z (2025-03-12 14:59 Europe/Oslo)'
    })
    const closed = Ticket.decide(
      { _tag: 'Close', at: at('15:00', '2025-03-12'), actor: { role: 'system', id: 'scheduler' } },
      context
    )(resolvedFriday)
    expect(
      pipe(
        closed,
        E.map((es) => es.map((e) => [e._tag, e.seq]))
      )
    ).toStrictEqual(E.right([['TicketClosed', 3]]))
  })

  it('an open ticket cannot be closed, and closing needs an auto-close policy', () => {
    const e = getLeft(
      Ticket.decide(
        { _tag: 'Confirm', at: at('10:00', '2025-03-07'), actor: { role: 'customer', id: 'ola' } },
        context
      )(opened)
    )
    expect(e.message).toBe(
      'ticket INC-42, event 2 (TicketClosed at 2025-03-07T09:00:00Z): expected a resolved ticket (a ticket closes only after its resolution), received a new ticket since 2025-03-07T08:00:00Z'
    )
    expect(
      getLeft(
        Ticket.decide(
          { _tag: 'Close', at: at('10:00', '2025-03-20'), actor: kari },
          Ticket.defaultContext
        )(resolvedFriday)
      )._tag
    ).toBe('InvalidCommand')
  })

  it('a rejected resolution reopens the ticket and keeps its whole history', () => {
    const { ticket, events } = getRight(
      Ticket.runEvents(
        context,
        resolvedFriday
      )([
        {
          _tag: 'Reject',
          at: at('08:30', '2025-03-10'),
          actor: { role: 'customer', id: 'ola' },
          reason: 'Still drops after lunch'
        },
        { _tag: 'Resolve', at: at('11:00', '2025-03-10'), actor: kari, code: 'fixed', note: 'Replaced the router' },
        { _tag: 'Reopen', at: at('12:00', '2025-03-10'), actor: kari, reason: 'Monitoring shows drops again' }
      ])
    )
    const t = ticket as Ticket.Ticket
    expect([t.status._tag, t.reopenCount, t.resolvedAt, t.version]).toStrictEqual([
      'InProgress',
      2,
      at('11:00', '2025-03-10'),
      5
    ])
    expect(events.map((e) => e.seq)).toStrictEqual([3, 4, 5])
  })

  it('escalation needs a handover note and moves the ticket to the new tier', () => {
    const missing = getLeft(
      Ticket.decide(
        { _tag: 'Escalate', at: at('09:40', '2025-03-07'), actor: kari, toTier: 'L2', note: '  ' },
        context
      )(opened)
    )
    expect(missing).toMatchObject({ _tag: 'InvalidEvent', path: 'note', seq: 2 })
    const t = getRight(
      Ticket.runEvents(
        context,
        opened
      )([
        {
          _tag: 'Escalate',
          at: at('09:40', '2025-03-07'),
          actor: kari,
          toTier: 'L2',
          note: 'VPN client 5.2 drops on Wi-Fi; logs in the attachment',
          assignee: 'per'
        }
      ])
    ).ticket as Ticket.Ticket
    expect([t.tier, t.assignee, t.escalationCount, t.handoverNote, t.status._tag]).toStrictEqual([
      'L2',
      'per',
      1,
      'VPN client 5.2 drops on Wi-Fi; logs in the attachment',
      'InProgress'
    ])
    expect(Ticket.resolvedAtFirstLine(t)).toBe(false)
  })

  it('a major incident is an override above the matrix with a mandatory reason, visible in the ticket', () => {
    const t = getRight(
      Ticket.runEvents(
        context,
        opened
      )([
        { _tag: 'Prioritise', at: at('09:01', '2025-03-07'), actor: kari, urgency: 'medium', impact: 'medium' },
        {
          _tag: 'OverridePriority',
          at: at('09:02', '2025-03-07'),
          actor: kari,
          priority: 'P1',
          reason: 'Major incident: payroll run today'
        }
      ])
    ).ticket as Ticket.Ticket
    expect(t.priority).toStrictEqual({
      rank: 1,
      name: 'P1',
      label: 'critical',
      source: 'override',
      reason: 'Major incident: payroll run today'
    })
    expect(t.urgency).toBe('medium')
    const noReason = getLeft(
      Ticket.decide(
        { _tag: 'OverridePriority', at: at('09:02', '2025-03-07'), actor: kari, priority: 'P1', reason: '' },
        context
      )(opened)
    )
    expect(noReason).toMatchObject({ _tag: 'InvalidEvent', path: 'reason' })
  })

  it('urgency and impact outside the matrix are refused with the matrix’s levels', () => {
    const e = getLeft(
      Ticket.decide(
        { _tag: 'Prioritise', at: at('09:01', '2025-03-07'), actor: kari, urgency: 'urgent', impact: 'high' },
        context
      )(opened)
    )
    expect(e).toMatchObject({ _tag: 'InvalidCommand', path: 'urgency' })
    expect(e.message).toBe(
      'ticket INC-42: urgency: expected one of the urgencies "high" | "medium" | "low", received "urgent"'
    )
  })

  it('a workaround resolves with code "workaround" only once it is applied', () => {
    expect(
      getLeft(
        Ticket.decide(
          {
            _tag: 'Resolve',
            at: at('10:00', '2025-03-07'),
            actor: kari,
            code: 'workaround',
            note: 'Use the web client'
          },
          context
        )(opened)
      )
    ).toMatchObject({
      _tag: 'InvalidEvent',
      path: 'code'
    })
    const t = getRight(
      Ticket.runEvents(
        context,
        opened
      )([
        {
          _tag: 'ApplyWorkaround',
          at: at('10:00', '2025-03-07'),
          actor: kari,
          description: 'Use the web client until the fix',
          problemId: id('PRB-7')
        },
        { _tag: 'LinkProblem', at: at('10:00', '2025-03-07'), actor: kari, problemId: id('PRB-7') },
        { _tag: 'Resolve', at: at('10:01', '2025-03-07'), actor: kari, code: 'workaround', note: 'Web client works' }
      ])
    ).ticket as Ticket.Ticket
    expect([t.status._tag, t.workaround?.problemId, t.problemIds]).toStrictEqual(['Resolved', 'PRB-7', ['PRB-7']])
  })

  it('a resolved ticket is rated once, from 1 to 5', () => {
    const ola = { role: 'customer', id: 'ola' } as const
    const rated = getRight(
      Ticket.runEvents(
        context,
        resolvedFriday
      )([{ _tag: 'Rate', at: at('16:00', '2025-03-07'), actor: ola, score: 4, comment: 'Quick help' }])
    ).ticket as Ticket.Ticket
    expect(rated.rating).toStrictEqual({ score: 4, comment: 'Quick help', at: at('16:00', '2025-03-07') })
    expect(
      getLeft(Ticket.decide({ _tag: 'Rate', at: at('16:01', '2025-03-07'), actor: ola, score: 5 }, context)(rated))._tag
    ).toBe('ImpossibleEvent')
    // a score outside 1–5 breaks the same limit the wire codec keeps: a decode error naming the field
    expect(
      getLeft(
        Ticket.decide({ _tag: 'Rate', at: at('16:01', '2025-03-07'), actor: ola, score: 0 }, context)(resolvedFriday)
      ).message
    ).toBe('score: expected a score from 1 to 5, received 0')
  })

  it('time in status can be counted in business time', () => {
    const inStatus = Ticket.businessTimeInStatus(at('09:00', '2025-03-10'), oslo)(resolvedFriday as Ticket.Ticket)
    expect(Time.toISODuration(inStatus)).toBe('PT2H')
  })
})

describe('what each kind of ticket may carry comes from the kind rules', () => {
  const openAs = (kind: 'feedback' | 'problem' | 'question' | 'incident') =>
    run([
      {
        _tag: 'Open',
        at: at('09:00', '2025-03-07'),
        actor: kari,
        ticketId: id('T-1'),
        channel: 'portal',
        customer: 'ACME',
        requester: 'ola',
        title: 'Something',
        kind
      }
    ]).ticket

  it('feedback takes no priority', () => {
    const e = getLeft(
      Ticket.decide(
        { _tag: 'Prioritise', at: at('09:01', '2025-03-07'), actor: kari, urgency: 'low', impact: 'low' },
        context
      )(openAs('feedback'))
    )
    expect(e).toMatchObject({ _tag: 'InvalidEvent', path: 'kind' })
    expect(e.message).toBe(
      'ticket T-1, event 2 (PrioritySet at 2025-03-07T08:01:00Z): kind: expected a kind that takes a priority, received "feedback"'
    )
  })

  it('a question takes no workaround, and a problem has no requester to rate it', () => {
    expect(
      getLeft(
        Ticket.decide(
          { _tag: 'ApplyWorkaround', at: at('09:01', '2025-03-07'), actor: kari, description: 'Use the web client' },
          context
        )(openAs('question'))
      )
    ).toMatchObject({ path: 'kind' })
    const resolvedProblem = getRight(
      Ticket.runEvents(
        context,
        openAs('problem')
      )([{ _tag: 'Resolve', at: at('10:00', '2025-03-07'), actor: kari, code: 'fixed', note: 'Root cause removed' }])
    ).ticket
    expect(
      getLeft(
        Ticket.decide(
          { _tag: 'Rate', at: at('10:01', '2025-03-07'), actor: { role: 'customer', id: 'ola' }, score: 5 },
          context
        )(resolvedProblem)
      )
    ).toMatchObject({ path: 'kind' })
  })

  it('a ticket cannot be reclassified into a kind that refuses what it already carries', () => {
    const prioritised = getRight(
      Ticket.runEvents(
        context,
        openAs('incident')
      )([{ _tag: 'Prioritise', at: at('09:01', '2025-03-07'), actor: kari, urgency: 'low', impact: 'low' }])
    ).ticket
    const e = getLeft(
      Ticket.decide(
        { _tag: 'Classify', at: at('09:02', '2025-03-07'), actor: kari, kind: 'feedback' },
        context
      )(prioritised)
    )
    expect(e.message).toBe(
      'ticket T-1, event 3 (TicketClassified at 2025-03-07T08:02:00Z): kind: expected a kind that takes a priority, as the ticket has one, received "feedback"'
    )
  })

  it('custom kind rules replace the defaults, in decide and in replay', () => {
    const lenient = getRight(
      Kind.makeKindRules({
        ...Kind.defaultKindRules.kinds,
        feedback: { ...Kind.defaultKindRules.kinds.feedback, priority: 'optional' }
      })
    )
    const { events } = getRight(
      Ticket.runEvents({ ...context, kinds: lenient })([
        {
          _tag: 'Open',
          at: at('09:00', '2025-03-07'),
          actor: kari,
          ticketId: id('T-2'),
          channel: 'portal',
          customer: 'ACME',
          requester: 'ola',
          title: 'Idea',
          kind: 'feedback'
        },
        { _tag: 'Prioritise', at: at('09:01', '2025-03-07'), actor: kari, urgency: 'low', impact: 'low' }
      ])
    )
    expect(E.isRight(Ticket.replay(lenient)(events))).toBe(true)
    expect(getLeft(Ticket.replay()(events))).toMatchObject({ _tag: 'InvalidEvent', path: 'kind', seq: 2 })
  })
})

describe('workarounds that are withdrawn, and problems that find their cause', () => {
  const start = (kind: 'incident' | 'problem') =>
    run([
      {
        _tag: 'Open',
        at: at('09:00', '2025-03-07'),
        actor: kari,
        ticketId: id(kind === 'problem' ? 'PRB-7' : 'INC-9'),
        channel: 'portal',
        customer: 'ACME',
        requester: 'ola',
        title: 'VPN drops',
        kind
      }
    ]).ticket

  it('withdrawing the workaround an incident was resolved with reopens it', () => {
    const t = getRight(
      Ticket.runEvents(
        context,
        start('incident')
      )([
        {
          _tag: 'ApplyWorkaround',
          at: at('10:00', '2025-03-07'),
          actor: kari,
          description: 'Use the web client',
          problemId: id('PRB-7')
        },
        { _tag: 'Resolve', at: at('10:05', '2025-03-07'), actor: kari, code: 'workaround', note: 'Web client works' },
        { _tag: 'WithdrawWorkaround', at: at('12:00', '2025-03-10'), actor: kari, reason: 'The web client is retired' }
      ])
    ).ticket as Ticket.Ticket
    expect([t.status._tag, t.reopenCount, t.workaround]).toStrictEqual(['InProgress', 1, undefined])
  })

  it('a ticket without a workaround has none to withdraw', () => {
    const e = getLeft(
      Ticket.decide(
        { _tag: 'WithdrawWorkaround', at: at('10:00', '2025-03-07'), actor: kari, reason: 'x' },
        context
      )(start('incident'))
    )
    expect(e).toMatchObject({ _tag: 'ImpossibleEvent', event: 'WorkaroundWithdrawn' })
  })

  it('only a problem records a root cause', () => {
    const t = getRight(
      Ticket.runEvents(
        context,
        start('problem')
      )([
        {
          _tag: 'IdentifyRootCause',
          at: at('10:00', '2025-03-07'),
          actor: kari,
          rootCause: 'MTU mismatch on the new firewall'
        }
      ])
    ).ticket as Ticket.Ticket
    expect(t.rootCause).toBe('MTU mismatch on the new firewall')
    expect(
      getLeft(
        Ticket.decide(
          { _tag: 'IdentifyRootCause', at: at('10:00', '2025-03-07'), actor: kari, rootCause: 'x' },
          context
        )(start('incident'))
      )
    ).toMatchObject({ path: 'kind' })
  })
})

describe('notices up the line', () => {
  it('a manager is told once per reason', () => {
    const opened = run([
      {
        _tag: 'Open',
        at: at('09:00', '2025-03-07'),
        actor: kari,
        ticketId: id('INC-5'),
        channel: 'phone',
        customer: 'ACME',
        requester: 'ola',
        title: 'Down'
      }
    ]).ticket
    const notify = {
      _tag: 'Notify',
      at: at('13:00', '2025-03-07'),
      actor: { role: 'system', id: 'escalation' },
      audience: 'manager',
      reason: 'resolution:breach'
    } as const
    const told = getRight(Ticket.runEvents(context, opened)([notify])).ticket as Ticket.Ticket
    expect(told.notices).toStrictEqual([{ audience: 'manager', reason: 'resolution:breach' }])
    expect(getLeft(Ticket.decide(notify, context)(told))).toMatchObject({ _tag: 'InvalidEvent', path: 'reason' })
  })
})
