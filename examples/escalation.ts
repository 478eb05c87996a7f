/**
 * Escalation at a Norwegian service desk: the first line's 30-minute timebox, a P1 on a
 * Saturday night at a 24/7 customer, a breach found by the 22:00 job that waits until the
 * morning, the composed-agreement check, and an imported history without a handover note.
 *
 * Run it with `npx tsx examples/escalation.ts`. Every outcome is checked with `node:assert`.
 */
import * as assert from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Escalation, Sla, Ticket, Time } from 'itsm-kit'

const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// #region setup
// Fjord AS has a weekdays contract (08–16 Oslo, Norwegian holidays); Nordlys Logistikk has 24/7
const fjord: Sla.Agreement = {
  policy: Sla.examplePolicy,
  calendar: orFail(
    Calendar.make(
      Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
    )
  )
}
const nordlys: Sla.Agreement = {
  policy: Sla.examplePolicy,
  calendar: orFail(Calendar.make({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo' }))
}
// the escalation policy as it would come from a config file
const policy = orFail(
  Escalation.decodePolicy({
    _tag: 'EscalationPolicy',
    name: 'Fjord desk ladder',
    tiers: [
      { name: 'L1', timebox: 'PT30M' },
      { name: 'L2', timebox: 'PT2H' },
      { name: 'solution team', timebox: 'PT8H' },
      {
        name: 'vendor',
        external: { party: 'vendor', underpinning: { P1: 'PT4H', P2: 'PT8H', P3: 'PT16H', P4: 'PT24H', P5: 'PT40H' } }
      }
    ],
    notices: [
      { metric: 'response', threshold: 'breach', audience: 'teamLead' },
      { metric: 'resolution', threshold: 0.75, audience: 'teamLead' },
      { metric: 'resolution', threshold: 'breach', audience: 'manager' }
    ],
    priorities: { P1: { atLeast: 'L2', notify: ['manager'], holdUntilOpen: false } },
    holdUntilOpen: true
  })
)
// the same ladder and rules as Escalation.examplePolicy
assert.deepStrictEqual(policy, { ...Escalation.examplePolicy, name: 'Fjord desk ladder' })
const at = Time.instant
const local = (t: Time.Instant): string => Time.toLocalISO(fjord.calendar.zone)(t).slice(0, 16).replace('T', ' ')
const kari = { role: 'agent', id: 'kari' } as const
const robot = { role: 'system', id: 'escalation-job' } as const
const run = (commands: ReadonlyArray<Ticket.TicketCommand>): ReadonlyArray<Ticket.TicketEvent> =>
  orFail(Ticket.runEvents(Ticket.defaultContext)(commands)).events
/** Records commands on top of a stored history, checking every rule (as an app would before storing). */
const record = (
  events: ReadonlyArray<Ticket.TicketEvent>,
  commands: ReadonlyArray<Ticket.TicketCommand>
): ReadonlyArray<Ticket.TicketEvent> => [
  ...events,
  ...orFail(Ticket.runEvents(Ticket.defaultContext, orFail(Ticket.replay()(events)))(commands)).events
]
const describeDecision = (d: Escalation.Decision): string =>
  d._tag === 'EscalationDue'
    ? `escalate ${d.ticketId} ${d.fromTier} → ${d.toTier} (${d.reason._tag === 'TimeboxExceeded' ? `${d.reason.tier} timebox spent` : `${d.reason.priority} demands ${d.reason.atLeast}`}, due since ${local(d.dueSince)})`
    : `tell the ${d.audience} about ${d.ticketId} (${d.reason}) at ${local(d.sendAt)}`
// #endregion setup

// #region timebox
// Monday 10 March: Ola's VPN drops; Kari (L1) takes the call at 09:00
const vpn = run([
  {
    _tag: 'Open',
    at: at('2025-03-10T09:00:00+01:00'),
    actor: kari,
    ticketId: Ticket.ticketId('INC-101'),
    channel: 'phone',
    customer: 'Fjord AS',
    requester: 'ola',
    title: 'VPN drops every few minutes',
    kind: 'incident'
  },
  { _tag: 'Prioritise', at: at('2025-03-10T09:00:00+01:00'), actor: kari, urgency: 'medium', impact: 'medium' },
  { _tag: 'Assign', at: at('2025-03-10T09:01:00+01:00'), actor: kari, assignee: 'kari' },
  { _tag: 'Reply', at: at('2025-03-10T09:05:00+01:00'), actor: kari, message: 'We are looking at it' }
])
console.log('Monday 09:40, INC-101 after 40 minutes at the first line')
const nine40 = at('2025-03-10T09:40:00+01:00')
const due = orFail(pipe(vpn, Escalation.evaluate(policy, fjord, nine40)))
due.forEach((d) => console.log(`  ${describeDecision(d)}`))
assert.deepStrictEqual(due.map(describeDecision), [
  'escalate INC-101 L1 → L2 (L1 timebox spent, due since 2025-03-10 09:30)'
])
// the decision cannot write the handover note: Kari does
const handedOver = record(
  vpn,
  orFail(
    pipe(
      due,
      Escalation.toCommands({
        at: nine40,
        actor: kari,
        note: 'VPN client 5.2 reinstalled, still drops on Wi-Fi only; logs attached'
      })
    )
  )
)
const atL2 = orFail(Ticket.replay()(handedOver))
assert.deepStrictEqual(
  [atL2.tier, atL2.handoverNote],
  ['L2', 'VPN client 5.2 reinstalled, still drops on Wi-Fi only; logs attached']
)
// recorded, the decision does not fire again
assert.deepStrictEqual(pipe(handedOver, Escalation.evaluate(policy, fjord, nine40)), E.right([]))
// #endregion timebox

// #region p1
// Saturday 15 March, 23:10: monitoring reports Nordlys' warehouse system down
const erp = run([
  {
    _tag: 'Open',
    at: at('2025-03-15T23:10:00+01:00'),
    actor: robot,
    ticketId: Ticket.ticketId('INC-102'),
    channel: 'monitoring',
    customer: 'Nordlys Logistikk',
    requester: 'ops',
    title: 'WMS down',
    kind: 'incident'
  },
  { _tag: 'Prioritise', at: at('2025-03-15T23:10:00+01:00'), actor: robot, urgency: 'high', impact: 'high' }
])
const night = at('2025-03-15T23:11:00+01:00')
console.log('\nSaturday 23:11, INC-102 (P1, 24/7 contract)')
const p1 = orFail(pipe(erp, Escalation.evaluate(policy, nordlys, night)))
p1.forEach((d) => console.log(`  ${describeDecision(d)}`))
assert.deepStrictEqual(p1.map(describeDecision), [
  'escalate INC-102 L1 → L2 (P1 demands L2, due since 2025-03-15 23:10)',
  'tell the manager about INC-102 (priority:P1) at 2025-03-15 23:11'
])
const paged = record(
  erp,
  orFail(
    pipe(
      p1,
      Escalation.toCommands({
        at: night,
        actor: robot,
        note: (d) => `Automatic: ${d.ticketId} is a P1, monitoring alert attached`
      })
    )
  )
)
assert.deepStrictEqual(orFail(Ticket.replay()(paged)).notices, [{ audience: 'manager', reason: 'priority:P1' }])
// #endregion p1

// #region held
// Monday 10 March 10:00, a P3 for Fjord AS that nobody moved; the 22:00 job on Thursday finds it
const printer = run([
  {
    _tag: 'Open',
    at: at('2025-03-10T10:00:00+01:00'),
    actor: kari,
    ticketId: Ticket.ticketId('INC-103'),
    channel: 'email',
    customer: 'Fjord AS',
    requester: 'per',
    title: 'Label printer offline',
    kind: 'incident'
  },
  { _tag: 'Prioritise', at: at('2025-03-10T10:00:00+01:00'), actor: kari, urgency: 'medium', impact: 'medium' },
  {
    _tag: 'Reply',
    at: at('2025-03-10T10:05:00+01:00'),
    actor: kari,
    message: 'Thanks, we will check the print server'
  },
  {
    _tag: 'Escalate',
    at: at('2025-03-10T10:20:00+01:00'),
    actor: kari,
    toTier: 'L2',
    note: 'Print server queue stuck; restart did not help'
  },
  {
    _tag: 'Escalate',
    at: at('2025-03-10T11:00:00+01:00'),
    actor: kari,
    toTier: 'solution team',
    note: 'Driver issue after the weekend update'
  }
])
const thursday22 = at('2025-03-13T22:00:00+01:00')
console.log('\nThursday 22:00, INC-103 (P3, weekdays contract)')
const found = orFail(pipe(printer, Escalation.evaluate(policy, fjord, thursday22)))
found.forEach((d) => console.log(`  ${describeDecision(d)}`))
assert.deepStrictEqual(found.map(describeDecision), [
  'escalate INC-103 solution team → vendor (solution team timebox spent, due since 2025-03-11 11:00)',
  'tell the teamLead about INC-103 (resolution:0.75) at 2025-03-14 08:00',
  'tell the manager about INC-103 (resolution:breach) at 2025-03-14 08:00'
])
// the job records what is due now; the held notices stay out until the morning
const nightly = record(
  printer,
  orFail(
    pipe(
      found,
      Escalation.toCommands({
        at: thursday22,
        actor: robot,
        note: 'Automatic: the solution team timebox is spent; see the notes for the driver analysis'
      })
    )
  )
)
assert.deepStrictEqual(orFail(Ticket.replay()(nightly)).tier, 'vendor')
const morning = at('2025-03-14T08:00:00+01:00')
const sent = record(
  nightly,
  orFail(
    pipe(
      nightly,
      Escalation.evaluate(policy, fjord, morning),
      E.flatMap(Escalation.toCommands({ at: morning, actor: robot }))
    )
  )
)
assert.deepStrictEqual(orFail(Ticket.replay()(sent)).notices, [
  { audience: 'teamLead', reason: 'resolution:0.75' },
  { audience: 'manager', reason: 'resolution:breach' }
])
assert.deepStrictEqual(pipe(sent, Escalation.evaluate(policy, fjord, morning)), E.right([]))
console.log('  recorded: the escalation at 22:00, the notices at 08:00 on Friday')
// #endregion held

// #region composition
console.log('\nDoes the ladder fit inside the example SLA?')
const violations = pipe(policy, Escalation.checkComposition(Sla.examplePolicy))
violations.forEach((v) => console.log(`  ${v.message}`))
assert.deepStrictEqual(
  violations.map((v) => v.message),
  [
    'P1: L2 2 h + solution team 8 h + vendor 4 h = 14 h > resolution 4 h',
    'P2: L1 30 min + L2 2 h + solution team 8 h + vendor 8 h = 18 h 30 min > resolution 8 h',
    'P3: L1 30 min + L2 2 h + solution team 8 h + vendor 16 h = 26 h 30 min > resolution 24 h'
  ]
)
// #endregion composition

// #region handover
// a history imported from the old system: its latest handover has an empty note
const header = (seq: number, iso: string) => ({ ticketId: Ticket.ticketId('OLD-7'), seq, at: at(iso), actor: kari })
const imported: ReadonlyArray<Ticket.TicketEvent> = [
  {
    _tag: 'TicketOpened',
    ...header(1, '2024-11-04T09:00:00+01:00'),
    channel: 'email',
    customer: 'Fjord AS',
    requester: 'per',
    title: 'Scanner',
    tier: 'L1'
  },
  { _tag: 'TicketEscalated', ...header(2, '2024-11-04T10:00:00+01:00'), toTier: 'L2', note: '' }
]
const missing = Escalation.missingHandoverNotes([vpn, handedOver, erp, paged, printer, imported])
console.log('\nHandovers without a note')
missing.forEach((m) => console.log(`  ${m.message}`))
assert.deepStrictEqual(
  missing.map((m) => m.ticketId),
  ['OLD-7']
)
// #endregion handover
