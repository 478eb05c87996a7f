/**
 * A week with a known error: a certificate rotation locks operators out of a portal at a 24/7
 * customer (and an office-hours customer); a workaround restores service in the morning, stops
 * working two days later and is replaced, and the permanent fix ships a week later. The desk
 * follows up every incident still running on the workaround.
 *
 * Run it with `npx tsx examples/workarounds.ts`. Every outcome is checked with `node:assert`.
 */
import * as assert from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Ticket, Time, Workaround } from 'itsm-kit'

const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// #region setup
// Nordlys Energi has a 24/7 contract; Fjord Regnskap AS has office hours in Oslo
const allDay = orFail(Calendar.make(Calendar.alwaysOpen))
const oslo = orFail(
  Calendar.make(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  )
)
const calendarOf = (customer: string) => (customer === 'Nordlys Energi' ? allDay : oslo)
const at = (local: string): Time.Instant => orFail(Time.fromLocal(oslo.zone)(local))
const id = (s: string): Ticket.TicketId => orFail(Ticket.makeTicketId(s))
const lars = { role: 'agent', id: 'lars' } as const

// the app's event store: one list of events per ticket (a database table in real life)
const store = new Map<string, ReadonlyArray<Ticket.TicketEvent>>()
const save = (events: ReadonlyArray<Ticket.TicketEvent>): void => {
  for (const e of events) store.set(e.ticketId, [...(store.get(e.ticketId) ?? []), e])
}
const ticket = (ticketId: string): Ticket.Ticket => orFail(Ticket.replay()(store.get(ticketId) ?? []))
const tickets = (): ReadonlyArray<Ticket.Ticket> => [...store.keys()].map(ticket)
const run = (ticketId: string, commands: ReadonlyArray<Ticket.TicketCommand>): void => {
  const from: Ticket.TicketState = store.has(ticketId) ? ticket(ticketId) : Ticket.initial
  save(orFail(Ticket.runEvents(Ticket.defaultContext, from)(commands)).events)
}
const incident = (ticketId: string, local: string, customer: string, title: string): void =>
  run(ticketId, [
    {
      _tag: 'Open',
      at: at(local),
      actor: lars,
      ticketId: id(ticketId),
      channel: 'phone',
      customer,
      requester: 'operator',
      title,
      kind: 'incident'
    },
    {
      _tag: 'Prioritise',
      at: at(local),
      actor: lars,
      urgency: 'high',
      impact: customer === 'Nordlys Energi' ? 'high' : 'medium'
    },
    { _tag: 'LinkProblem', at: at(local), actor: lars, problemId: id('PRB-20') }
  ])
// #endregion setup

// #region rollout
// Monday 10 March: after the night's certificate rotation nobody can log in
incident('INC-201', '2025-03-10T07:40', 'Nordlys Energi', 'Operators cannot log in to the control portal')
incident('INC-202', '2025-03-10T07:52', 'Nordlys Energi', 'Control room portal login fails')
incident('INC-203', '2025-03-10T08:05', 'Fjord Regnskap AS', 'Cannot log in to the customer portal')
run('PRB-20', [
  {
    _tag: 'Open',
    at: at('2025-03-10T08:15'),
    actor: lars,
    ticketId: id('PRB-20'),
    channel: 'monitoring',
    customer: 'internal',
    requester: 'problem-manager',
    title: 'Portal login fails after the certificate rotation',
    kind: 'problem'
  },
  {
    _tag: 'ApplyWorkaround',
    at: at('2025-03-10T09:00'),
    actor: lars,
    description: 'Log in through the backup identity provider (sso2)'
  }
])
// one step: the problem's workaround on every linked incident, each resolved with code `workaround`
const rollout = orFail(
  pipe(
    ticket('PRB-20'),
    Workaround.rollOut(tickets(), {
      at: at('2025-03-10T09:05'),
      actor: lars,
      resolve: { note: 'Log in through sso2 until the fix' }
    })
  )
)
save(Workaround.toEvents(rollout))
assert.deepStrictEqual(
  rollout.incidents.map((i) => i.ticketId),
  ['INC-201', 'INC-202', 'INC-203']
)
assert.deepStrictEqual(rollout.refused, [])
assert.deepStrictEqual(ticket('INC-201').status, {
  _tag: 'Resolved',
  since: at('2025-03-10T09:05'),
  code: 'workaround',
  note: 'Log in through sso2 until the fix'
})
// #endregion rollout

// #region knownError
const knownError = orFail(pipe(ticket('PRB-20'), Workaround.knownError(tickets())))
console.log('The known error on Monday 09:05:')
console.log(
  JSON.stringify(
    {
      ...knownError,
      workaround: knownError.workaround && {
        ...knownError.workaround,
        appliedAt: Time.toISO(knownError.workaround.appliedAt)
      }
    },
    null,
    2
  )
)
assert.deepStrictEqual(
  [knownError.status, knownError.rootCause, knownError.incidents.filter((i) => i.onWorkaround).length],
  ['workaroundAvailable', undefined, 3]
)
assert.deepStrictEqual(
  Workaround.withoutRootCause(tickets()).map((k) => k.problemId),
  ['PRB-20']
)
// #endregion knownError

// #region withdraw
// Wednesday 12 March 10:00: sso2 rejects the old certificate too; the workaround is withdrawn everywhere
const withdrawal = orFail(
  pipe(
    ticket('PRB-20'),
    Workaround.withdraw(tickets(), {
      at: at('2025-03-12T10:00'),
      actor: lars,
      reason: 'sso2 rejects the rotated certificate too'
    })
  )
)
save(Workaround.toEvents(withdrawal))
assert.deepStrictEqual(withdrawal.reopened, ['INC-201', 'INC-202', 'INC-203'])
assert.deepStrictEqual([ticket('INC-201').status._tag, ticket('INC-201').reopenCount], ['InProgress', 1])
console.log(`\nWednesday 10:00: workaround withdrawn, reopened ${withdrawal.reopened.join(', ')}`)
// the root cause is found, a new workaround is rolled out (without resolving this time)
run('PRB-20', [
  {
    _tag: 'IdentifyRootCause',
    at: at('2025-03-12T11:00'),
    actor: lars,
    rootCause: 'The intermediate certificate was left out of the new chain'
  },
  {
    _tag: 'ApplyWorkaround',
    at: at('2025-03-12T11:30'),
    actor: lars,
    description: 'Pin the previous certificate chain on the load balancer'
  }
])
incident('INC-204', '2025-03-12T11:10', 'Fjord Regnskap AS', 'Portal login loops')
const second = orFail(
  pipe(ticket('PRB-20'), Workaround.rollOut(tickets(), { at: at('2025-03-12T11:45'), actor: lars }))
)
save(Workaround.toEvents(second))
assert.deepStrictEqual(
  second.incidents.map((i) => i.ticketId),
  ['INC-201', 'INC-202', 'INC-203', 'INC-204']
)
// Nordlys' control room is satisfied: INC-202 is resolved and confirmed
run('INC-202', [
  {
    _tag: 'Resolve',
    at: at('2025-03-12T12:00'),
    actor: lars,
    code: 'workaround',
    note: 'Login works with the pinned chain'
  },
  { _tag: 'Confirm', at: at('2025-03-12T12:30'), actor: { role: 'customer', id: 'operator' } }
])
// #endregion withdraw

// #region aging
// Friday 14 March 15:45: who still runs on a workaround, and for how long in their contract's hours?
const friday = pipe(tickets(), Workaround.onWorkaround(at('2025-03-14T15:45'), calendarOf))
console.log('\nOn a workaround, Friday 15:45:')
for (const { customer, tickets: running } of friday)
  for (const t of running) console.log(`  ${customer}  ${t.ticketId}  ${t.status}  ${Time.toISODuration(t.age)}`)
assert.deepStrictEqual(
  friday.map(({ customer, tickets: running }) => [
    customer,
    running.map((t) => [t.ticketId, Time.toISODuration(t.age)])
  ]),
  [
    // office hours: Wed 11:45–16:00, Thu 08–16, Fri 08–15:45
    [
      'Fjord Regnskap AS',
      [
        ['INC-203', 'PT20H'],
        ['INC-204', 'PT20H']
      ]
    ],
    // round the clock: Wed 11:45 to Fri 15:45
    ['Nordlys Energi', [['INC-201', 'PT52H']]]
  ]
)
// #endregion aging

// #region fix
// Monday 17 March 10:00: the new certificate chain ships, the problem is resolved as fixed
run('PRB-20', [
  {
    _tag: 'Resolve',
    at: at('2025-03-17T10:00'),
    actor: lars,
    code: 'fixed',
    note: 'Complete certificate chain deployed'
  }
])
const followUps = orFail(pipe(ticket('PRB-20'), Workaround.followUps(tickets())))
console.log('\nFollow up after the fix:')
for (const f of followUps)
  console.log(`  ${f.customer}  ${f.ticketId}  ${f.status}  on the workaround since ${Time.toISO(f.appliedAt)}`)
assert.deepStrictEqual(
  followUps.map((f) => [f.ticketId, f.customer, f.status]),
  [
    ['INC-203', 'Fjord Regnskap AS', 'InProgress'],
    ['INC-204', 'Fjord Regnskap AS', 'New'],
    ['INC-201', 'Nordlys Energi', 'InProgress']
  ]
)
assert.strictEqual(pipe(ticket('PRB-20'), Workaround.knownErrorStatus), 'fixed')
// fixed problems are no longer recurring issues to eliminate
assert.deepStrictEqual(Workaround.recurring(tickets()), [])
// #endregion fix

// #region timeline
// from one ticket's stored events: how long it ran on workarounds in all, on its customer's calendar
// (24/7: the first from Monday 09:05 to its withdrawal on Wednesday at 10:00, 48 h 55 min;
// the second from Wednesday 11:45 to Friday 15:45, 52 h)
const onLoanCar = orFail(
  pipe(store.get('INC-201') ?? [], Workaround.timeOnWorkaround(at('2025-03-14T15:45'), calendarOf('Nordlys Energi')))
)
console.log(`\nINC-201 has run on workarounds for ${Time.toISODuration(onLoanCar)} of business time`)
assert.strictEqual(Time.toISODuration(onLoanCar), 'PT100H55M')
// #endregion timeline
