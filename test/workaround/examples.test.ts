import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Calendar, Ticket, Time } from '../../src/index.js'
import * as Workaround from '../../src/workaround/index.js'
import { compile, deepFreeze, getLeft, getRight, instant } from '../helpers/unsafe.js'
import { build, extend, id, store, type Built } from './helpers.js'

const allDay = compile(Calendar.alwaysOpen)
const osloOffice = compile(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
/** Nordlys Energi has a 24/7 contract; everyone else has office hours in Oslo. */
const calendarOf = (customer: string) => (customer === 'Nordlys Energi' ? allDay : osloOffice)
const at = (day: string, hhmm: string) => instant(`2025-03-${day}T${hhmm}:00+01:00`)
const kari = { role: 'agent', id: 'kari' } as const
const lars = { role: 'agent', id: 'lars' } as const
const customerOf = (who: string) => ({ role: 'customer', id: who }) as const
const duration = (d: Time.Duration) => Time.toISODuration(d)

const open = (
  ticketId: string,
  when: Time.Instant,
  customer: string,
  title: string,
  kind: 'incident' | 'problem'
): Ticket.TicketCommand => ({
  _tag: 'Open',
  at: when,
  actor: kari,
  ticketId: id(ticketId),
  channel: kind === 'problem' ? 'monitoring' : 'phone',
  customer,
  requester: kind === 'problem' ? 'problem-manager' : 'ola',
  title,
  kind
})
const link = (problemId: string, when: Time.Instant): Ticket.TicketCommand => ({
  _tag: 'LinkProblem',
  at: when,
  actor: kari,
  problemId: id(problemId)
})
const tickets = (...built: ReadonlyArray<Built>) => built.map((b) => b.ticket)

describe('a P1 at a 24/7 customer: a workaround in the morning, the permanent fix a week later', () => {
  // Monday 10 March: after a certificate rotation nobody can log in to the portal
  const inc201 = build([
    open('INC-201', at('10', '07:40'), 'Nordlys Energi', 'Operators cannot log in to the control portal', 'incident'),
    { _tag: 'Prioritise', at: at('10', '07:41'), actor: lars, urgency: 'high', impact: 'high' },
    { _tag: 'Assign', at: at('10', '07:41'), actor: lars, assignee: 'lars' },
    link('PRB-20', at('10', '08:20'))
  ])
  const inc202 = build([
    open('INC-202', at('10', '07:52'), 'Nordlys Energi', 'Control room portal login fails', 'incident'),
    link('PRB-20', at('10', '08:20'))
  ])
  const inc203 = build([
    open('INC-203', at('10', '08:05'), 'Fjord Regnskap AS', 'Cannot log in to the customer portal', 'incident'),
    link('PRB-20', at('10', '08:20'))
  ])
  const inc204 = build([
    open('INC-204', at('10', '08:10'), 'Fjord Regnskap AS', 'Portal login loops', 'incident'),
    link('PRB-20', at('10', '08:20')),
    { _tag: 'Resolve', at: at('10', '08:30'), actor: kari, code: 'fixed', note: 'Cleared the browser cache' },
    { _tag: 'Confirm', at: at('10', '08:40'), actor: customerOf('kari.regnskap') }
  ])
  const problem = build([
    open('PRB-20', at('10', '08:15'), 'internal', 'Portal login fails after the certificate rotation', 'problem'),
    {
      _tag: 'ApplyWorkaround',
      at: at('10', '09:00'),
      actor: lars,
      description: 'Log in through the backup identity provider (sso2)'
    }
  ])

  const rollout = getRight(
    pipe(
      problem.ticket,
      Workaround.rollOut(deepFreeze(tickets(inc201, inc202, inc203, inc204, problem)), {
        at: at('10', '09:05'),
        actor: lars,
        resolve: { note: 'Operators log in through sso2 until the fix' }
      })
    )
  )
  const stored = Workaround.toEvents(rollout)
  // INC-202's control room confirms; INC-205 arrives on Thursday and gets the workaround by hand
  const i201 = store(inc201, stored)
  const i202 = extend(store(inc202, stored), [
    { _tag: 'Confirm', at: at('11', '07:00'), actor: customerOf('driftssentral') }
  ])
  const i203 = store(inc203, stored)
  const i205 = build([
    open('INC-205', at('13', '09:50'), 'Nordlys Energi', 'Portal login fails on the new tablets', 'incident'),
    link('PRB-20', at('13', '09:55')),
    { _tag: 'Assign', at: at('13', '09:56'), actor: lars, assignee: 'lars' },
    {
      _tag: 'ApplyWorkaround',
      at: at('13', '10:00'),
      actor: lars,
      description: 'Log in through the backup identity provider (sso2)',
      problemId: id('PRB-20')
    }
  ])
  const diagnosed = extend(problem, [
    {
      _tag: 'IdentifyRootCause',
      at: at('12', '11:00'),
      actor: lars,
      rootCause: 'The intermediate certificate was left out of the new chain'
    }
  ])
  const fixed = extend(diagnosed, [
    { _tag: 'Resolve', at: at('17', '10:00'), actor: lars, code: 'fixed', note: 'New certificate chain deployed' }
  ])
  const desk = tickets(i201, i202, i203, inc204, i205, fixed)

  it('the rollout applies the workaround to the three open incidents and resolves them; the closed one refuses', () => {
    expect(
      rollout.incidents.map(({ ticketId, events }) => [ticketId, events.map((e) => `#${e.seq} ${e._tag}`)])
    ).toStrictEqual([
      ['INC-201', ['#5 WorkaroundApplied', '#6 TicketResolved']],
      ['INC-202', ['#3 WorkaroundApplied', '#4 TicketResolved']],
      ['INC-203', ['#3 WorkaroundApplied', '#4 TicketResolved']]
    ])
    expect(rollout.incidents[0]?.events[0]).toStrictEqual({
      _tag: 'WorkaroundApplied',
      ticketId: 'INC-201',
      seq: 5,
      at: at('10', '09:05'),
      actor: lars,
      description: 'Log in through the backup identity provider (sso2)',
      problemId: 'PRB-20'
    })
    expect(rollout.refused.map(({ ticketId, error }) => [ticketId, error._tag])).toStrictEqual([
      ['INC-204', 'ImpossibleEvent']
    ])
    expect(i201.ticket.status).toStrictEqual({
      _tag: 'Resolved',
      since: at('10', '09:05'),
      code: 'workaround',
      note: 'Operators log in through sso2 until the fix'
    })
  })

  it('before the fix ships there is nothing to follow up: the problem is not fixed', () => {
    expect(getLeft(pipe(diagnosed.ticket, Workaround.followUps(desk)))).toMatchObject({
      _tag: 'NotFixed',
      ticketId: 'PRB-20',
      status: 'New'
    })
  })

  it('a week later the fix ships, and the incidents still on the workaround are listed for follow-up', () => {
    expect(pipe(fixed.ticket, Workaround.followUps(deepFreeze(desk)))).toStrictEqual(
      E.right([
        {
          ticketId: 'INC-203',
          customer: 'Fjord Regnskap AS',
          title: 'Cannot log in to the customer portal',
          status: 'Resolved',
          appliedAt: at('10', '09:05')
        },
        {
          ticketId: 'INC-201',
          customer: 'Nordlys Energi',
          title: 'Operators cannot log in to the control portal',
          status: 'Resolved',
          appliedAt: at('10', '09:05')
        },
        {
          ticketId: 'INC-205',
          customer: 'Nordlys Energi',
          title: 'Portal login fails on the new tablets',
          status: 'InProgress',
          appliedAt: at('13', '10:00')
        }
      ])
    )
  })

  it('the known error is fixed, with its root cause, its workaround and the five linked incidents', () => {
    expect(pipe(fixed.ticket, Workaround.knownError(desk))).toStrictEqual(
      E.right({
        _tag: 'KnownError',
        problemId: 'PRB-20',
        symptom: 'Portal login fails after the certificate rotation',
        status: 'fixed',
        rootCause: 'The intermediate certificate was left out of the new chain',
        workaround: { description: 'Log in through the backup identity provider (sso2)', appliedAt: at('10', '09:00') },
        incidents: [
          { ticketId: 'INC-201', customer: 'Nordlys Energi', status: 'Resolved', onWorkaround: true },
          { ticketId: 'INC-202', customer: 'Nordlys Energi', status: 'Closed', onWorkaround: false },
          { ticketId: 'INC-203', customer: 'Fjord Regnskap AS', status: 'Resolved', onWorkaround: true },
          { ticketId: 'INC-204', customer: 'Fjord Regnskap AS', status: 'Closed', onWorkaround: false },
          { ticketId: 'INC-205', customer: 'Nordlys Energi', status: 'InProgress', onWorkaround: true }
        ]
      })
    )
  })

  it('workaround ages count round the clock for the 24/7 customer and office hours for the other', () => {
    const report = pipe(desk, Workaround.onWorkaround(at('17', '10:00'), calendarOf))
    expect(
      report.map(({ customer, tickets }) => [customer, tickets.map((t) => [t.ticketId, t.status, duration(t.age)])])
    ).toStrictEqual([
      ['Fjord Regnskap AS', [['INC-203', 'Resolved', 'PT40H55M']]],
      [
        'Nordlys Energi',
        [
          ['INC-201', 'Resolved', 'PT168H55M'],
          ['INC-205', 'InProgress', 'PT96H']
        ]
      ]
    ])
    expect(report[0]?.tickets[0]).toStrictEqual({
      ticketId: 'INC-203',
      title: 'Cannot log in to the customer portal',
      status: 'Resolved',
      description: 'Log in through the backup identity provider (sso2)',
      appliedAt: at('10', '09:05'),
      problemId: 'PRB-20',
      age: Time.hours(40) + Time.minutes(55)
    })
    expect(pipe(i203.ticket, Workaround.age(at('10', '17:00'), osloOffice), O.map(duration))).toStrictEqual(
      O.some('PT6H55M')
    )
    expect(pipe(inc204.ticket, Workaround.age(at('17', '10:00'), osloOffice))).toStrictEqual(O.none)
  })
})

describe('withdrawing a workaround that stopped working', () => {
  const problem = build([
    open('PRB-30', at('11', '08:00'), 'internal', 'Mail to external recipients is delayed', 'problem'),
    { _tag: 'ApplyWorkaround', at: at('11', '09:00'), actor: kari, description: 'Send through the secondary relay' }
  ])
  const linked = (ticketId: string) =>
    build([
      open(ticketId, at('11', '08:30'), 'Fjord Regnskap AS', 'Mail stuck in the outbox', 'incident'),
      link('PRB-30', at('11', '08:31'))
    ])
  const inc304 = build([
    open('INC-304', at('11', '08:40'), 'Fjord Regnskap AS', 'Printer offline', 'incident'),
    { _tag: 'ApplyWorkaround', at: at('11', '08:45'), actor: kari, description: 'Print to the second floor printer' }
  ])
  const awaiting = extend(linked('INC-302'), [
    { _tag: 'Await', at: at('11', '08:50'), actor: kari, party: 'customer', reason: 'Asked for the bounce message' }
  ])
  const rollout = getRight(
    pipe(
      problem.ticket,
      Workaround.rollOut(tickets(linked('INC-301'), awaiting, linked('INC-303'), linked('INC-305')), {
        at: at('11', '09:10'),
        actor: kari
      })
    )
  )
  const stored = Workaround.toEvents(rollout)
  const resolve: Ticket.TicketCommand = {
    _tag: 'Resolve',
    at: at('11', '09:20'),
    actor: kari,
    code: 'workaround',
    note: 'Mail flows through the secondary relay'
  }
  const i301 = extend(store(linked('INC-301'), stored), [resolve])
  const i302 = store(awaiting, stored)
  const i303 = extend(store(linked('INC-303'), stored), [
    resolve,
    { _tag: 'Confirm', at: at('11', '10:00'), actor: customerOf('ola') }
  ])
  const i305 = extend(store(linked('INC-305'), stored), [
    { _tag: 'AddNote', at: at('13', '14:00'), actor: kari, note: 'Customer reports it works' }
  ])
  const withdrawal = getRight(
    pipe(
      problem.ticket,
      Workaround.withdraw(deepFreeze(tickets(i301, i302, i303, inc304, i305)), {
        at: at('13', '13:00'),
        actor: kari,
        reason: 'The secondary relay is on a block list'
      })
    )
  )

  it('the problem and every active ticket relying on it get a WorkaroundWithdrawn event; the closed one and an unrelated workaround are left alone', () => {
    expect(Workaround.toEvents(withdrawal).map((e) => `${e.ticketId} #${e.seq} ${e._tag}`)).toStrictEqual([
      'PRB-30 #3 WorkaroundWithdrawn',
      'INC-301 #5 WorkaroundWithdrawn',
      'INC-302 #5 WorkaroundWithdrawn'
    ])
    expect(withdrawal.refused.map(({ ticketId, error }) => [ticketId, error._tag])).toStrictEqual([
      ['INC-305', 'OutOfOrder']
    ])
  })

  it('the incident resolved by the workaround reopens; the one awaiting the customer keeps waiting without it', () => {
    expect(withdrawal.reopened).toStrictEqual(['INC-301'])
    const t301 = store(i301, Workaround.toEvents(withdrawal)).ticket
    const t302 = store(i302, Workaround.toEvents(withdrawal)).ticket
    expect([t301.status, t301.reopenCount, t301.workaround]).toStrictEqual([
      { _tag: 'InProgress', since: at('13', '13:00') },
      1,
      undefined
    ])
    expect([t302.status._tag, t302.workaround]).toStrictEqual(['Awaiting', undefined])
  })

  it('without a root cause, a problem whose workaround is withdrawn is no longer a known error', () => {
    const withdrawn = store(problem, Workaround.toEvents(withdrawal)).ticket
    expect(pipe(withdrawn, Workaround.knownErrorStatus)).toBe('open')
    expect(getLeft(pipe(withdrawn, Workaround.knownError([])))._tag).toBe('NotAKnownError')
    expect(
      getLeft(pipe(withdrawn, Workaround.withdraw([], { at: at('13', '14:00'), actor: kari, reason: 'again' })))._tag
    ).toBe('NoWorkaround')
  })

  it('a problem that refuses the withdrawal gives no events to anyone', () => {
    const e = getLeft(
      pipe(
        problem.ticket,
        Workaround.withdraw(tickets(i301), { at: at('11', '08:00'), actor: kari, reason: 'too early' })
      )
    )
    expect(e).toMatchObject({ _tag: 'OutOfOrder', ticketId: 'PRB-30' })
  })
})

describe('known errors', () => {
  const problem = (ticketId: string, steps: ReadonlyArray<Ticket.TicketCommand>) =>
    build([open(ticketId, at('07', '08:00'), 'internal', `Symptom of ${ticketId}`, 'problem'), ...steps])
  const workaround = (day: string, hhmm: string): Ticket.TicketCommand => ({
    _tag: 'ApplyWorkaround',
    at: at(day, hhmm),
    actor: kari,
    description: 'Restart the sync agent hourly'
  })
  const cause: Ticket.TicketCommand = {
    _tag: 'IdentifyRootCause',
    at: at('10', '12:00'),
    actor: kari,
    rootCause: 'Memory leak in the sync agent'
  }
  const desk = tickets(
    problem('PRB-1', [workaround('10', '09:00')]),
    problem('PRB-2', [workaround('07', '10:00')]),
    problem('PRB-3', [workaround('07', '09:00'), cause]),
    problem('PRB-4', [
      workaround('07', '09:00'),
      { _tag: 'Resolve', at: at('12', '12:00'), actor: kari, code: 'fixed', note: 'Agent 2.1 deployed' }
    ]),
    problem('PRB-5', []),
    build([
      open('INC-1', at('07', '08:00'), 'Fjord Regnskap AS', 'Files do not sync', 'incident'),
      link('PRB-2', at('07', '08:05'))
    ])
  )

  it('lists every known error with its status, and a problem with neither cause nor workaround is not one', () => {
    expect(
      Workaround.knownErrors(desk).map((k) => [k.problemId, k.status, k.rootCause ?? '-', k.incidents.length])
    ).toStrictEqual([
      ['PRB-1', 'workaroundAvailable', '-', 0],
      ['PRB-2', 'workaroundAvailable', '-', 1],
      ['PRB-3', 'workaroundAvailable', 'Memory leak in the sync agent', 0],
      ['PRB-4', 'fixed', '-', 0]
    ])
  })

  it('the known errors without a root cause, the oldest workaround first; fixed ones are done', () => {
    expect(Workaround.withoutRootCause(desk).map((k) => [k.problemId, k.workaround?.appliedAt])).toStrictEqual([
      ['PRB-2', at('07', '10:00')],
      ['PRB-1', at('10', '09:00')]
    ])
  })

  it('an incident is not a known error', () => {
    const incident = desk[5] as Ticket.Ticket
    expect(Workaround.isKnownError(incident)).toBe(false)
    expect(getLeft(pipe(incident, Workaround.knownError(desk)))).toMatchObject({
      _tag: 'NotAProblem',
      kind: 'incident'
    })
  })
})

describe('the recurring problems to eliminate first', () => {
  const problem = (ticketId: string, steps: ReadonlyArray<Ticket.TicketCommand> = []) =>
    build([open(ticketId, at('03', '08:00'), 'internal', `Symptom of ${ticketId}`, 'problem'), ...steps])
  let n = 0
  const incidents = (problemId: string, count: number, finished = 0) =>
    Array.from({ length: count }, (_, i) => {
      n += 1
      const b = build([
        open(`INC-${n}`, at('04', '08:00'), 'Fjord Regnskap AS', 'Same again', 'incident'),
        link(problemId, at('04', '08:05'))
      ])
      return i < finished
        ? extend(b, [{ _tag: 'Cancel', at: at('04', '09:00'), actor: kari, reason: 'Duplicate of an earlier call' }])
        : b
    })
  const desk = tickets(
    problem('PRB-A'),
    ...incidents('PRB-A', 3, 1),
    problem('PRB-B', [
      { _tag: 'ApplyWorkaround', at: at('03', '09:00'), actor: kari, description: 'Reconnect the dock' }
    ]),
    ...incidents('PRB-B', 3),
    problem('PRB-C'),
    ...incidents('PRB-C', 1),
    problem('PRB-D', [{ _tag: 'Resolve', at: at('05', '09:00'), actor: kari, code: 'fixed', note: 'Firmware 3.2' }]),
    ...incidents('PRB-D', 5),
    problem('PRB-E'),
    ...incidents('PRB-Z', 4)
  )

  it('ranks by linked incidents, then open incidents; fixed problems, problems without incidents and unknown problems are left out', () => {
    expect(Workaround.recurring(desk)).toStrictEqual([
      {
        problemId: 'PRB-B',
        symptom: 'Symptom of PRB-B',
        status: 'workaroundAvailable',
        incidents: 3,
        openIncidents: 3,
        incidentIds: ['INC-4', 'INC-5', 'INC-6']
      },
      {
        problemId: 'PRB-A',
        symptom: 'Symptom of PRB-A',
        status: 'open',
        incidents: 3,
        openIncidents: 2,
        incidentIds: ['INC-1', 'INC-2', 'INC-3']
      },
      {
        problemId: 'PRB-C',
        symptom: 'Symptom of PRB-C',
        status: 'open',
        incidents: 1,
        openIncidents: 1,
        incidentIds: ['INC-7']
      }
    ])
  })
})

describe('rolling out refuses what it must', () => {
  const problem = build([
    open('PRB-9', at('10', '08:00'), 'internal', 'VPN drops every hour', 'problem'),
    { _tag: 'ApplyWorkaround', at: at('10', '09:00'), actor: kari, description: 'Use the web client' }
  ])
  const linked = (ticketId: string, extra: ReadonlyArray<Ticket.TicketCommand> = []) =>
    build([
      open(ticketId, at('10', '08:10'), 'Fjord Regnskap AS', 'VPN down', 'incident'),
      link('PRB-9', at('10', '08:11')),
      ...extra
    ])
  const options = { at: at('10', '09:30'), actor: kari } as const

  it('a ticket that is not a problem, or a problem without a workaround, rolls out nothing', () => {
    expect(getLeft(pipe(linked('INC-1').ticket, Workaround.rollOut([], options)))).toMatchObject({
      _tag: 'NotAProblem'
    })
    const bare = build([open('PRB-10', at('10', '08:00'), 'internal', 'Slow logins', 'problem')])
    expect(getLeft(pipe(bare.ticket, Workaround.rollOut([], options)))._tag).toBe('NoWorkaround')
  })

  it('an incident already on a workaround, one with a later event, and a blank resolution note are refused; unlinked tickets are ignored', () => {
    const own = linked('INC-2', [
      { _tag: 'ApplyWorkaround', at: at('10', '08:20'), actor: kari, description: 'Tether to a phone' }
    ])
    const later = linked('INC-3', [{ _tag: 'AddNote', at: at('10', '10:00'), actor: kari, note: 'Still down' }])
    const unlinked = build([open('INC-4', at('10', '08:10'), 'Fjord Regnskap AS', 'Printer', 'incident')])
    const rollout = getRight(
      pipe(
        problem.ticket,
        Workaround.rollOut(tickets(linked('INC-1'), own, later, unlinked), { ...options, resolve: { note: ' ' } })
      )
    )
    expect(rollout.incidents).toStrictEqual([])
    expect(
      rollout.refused.map(({ ticketId, error }) => [ticketId, error._tag, 'path' in error ? error.path : '-'])
    ).toStrictEqual([
      ['INC-1', 'InvalidEvent', 'note'],
      ['INC-2', 'AlreadyOnWorkaround', 'workaround'],
      ['INC-3', 'OutOfOrder', '-']
    ])
  })

  it('rolling out twice refuses every incident the second time: it is already on the workaround', () => {
    const first = getRight(pipe(problem.ticket, Workaround.rollOut(tickets(linked('INC-1')), options)))
    const after = store(linked('INC-1'), Workaround.toEvents(first))
    const second = getRight(
      pipe(problem.ticket, Workaround.rollOut(tickets(after), { ...options, at: at('10', '10:00') }))
    )
    expect(second.refused).toStrictEqual([
      {
        ticketId: 'INC-1',
        error: {
          _tag: 'AlreadyOnWorkaround',
          ticketId: 'INC-1',
          path: 'workaround',
          appliedAt: at('10', '09:30'),
          problemId: 'PRB-9',
          message:
            'ticket INC-1: workaround: expected a ticket without a workaround in force, received the workaround of PRB-9 applied at 2025-03-10T08:30:00Z'
        }
      }
    ])
  })

  it('a stale snapshot next to the fresh one of the same ticket counts once, as the fresh one', () => {
    const fresh = linked('INC-1', [{ _tag: 'Assign', at: at('10', '09:00'), actor: kari, assignee: 'kari' }])
    const rollout = getRight(pipe(problem.ticket, Workaround.rollOut(tickets(linked('INC-1'), fresh), options)))
    expect(rollout.incidents.map(({ ticketId, events }) => [ticketId, events.map((e) => e.seq)])).toStrictEqual([
      ['INC-1', [4]]
    ])
  })

  it('rollOut and followUps infer inside pipe', () => {
    expectTypeOf(pipe(problem.ticket, Workaround.rollOut([], options))).toEqualTypeOf<
      E.Either<Workaround.WorkaroundError, Workaround.Rollout>
    >()
    expectTypeOf(pipe(problem.ticket, Workaround.followUps([]))).toEqualTypeOf<
      E.Either<Workaround.WorkaroundError, ReadonlyArray<Workaround.FollowUp>>
    >()
    expectTypeOf(pipe([problem.ticket], Workaround.onWorkaround(at('10', '10:00'), allDay))).toEqualTypeOf<
      ReadonlyArray<Workaround.CustomerWorkarounds>
    >()
  })
})
