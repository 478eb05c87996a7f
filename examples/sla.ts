/**
 * SLA clocks over a ticket's life: a P3 at a customer open weekdays 08–16 in Oslo, opened on
 * Friday at 15:45, waiting for the customer over the weekend.
 *
 * Run it with `npx tsx examples/sla.ts` (also part of `npm run demo`). Every figure is checked
 * with `node:assert`.
 */
import * as assert from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Sla, Ticket, Time } from 'itsm-kit'

const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// #region setup
const agreement = orFail(
  Sla.makeAgreement({
    customer: 'Fjord Regnskap AS',
    calendar: Calendar.weekdays({
      zone: 'Europe/Oslo',
      opens: '08:00',
      closes: '16:00',
      holidays: Calendar.publicHolidays.NO
    }),
    policy: Sla.examplePolicy
  })
)
const zone = agreement.calendar.zone
const at = (wall: string): Time.Instant => orFail(Time.fromLocal(zone)(wall))
const kari = { role: 'agent', id: 'kari' } as const
const ola = { role: 'customer', id: 'ola' } as const
// #endregion setup

// #region history
const { events } = orFail(
  Ticket.runEvents(Ticket.defaultContext)([
    {
      _tag: 'Open',
      at: at('2025-03-07T15:45'),
      actor: kari,
      ticketId: orFail(Ticket.makeTicketId('INC-310')),
      channel: 'portal',
      customer: 'Fjord Regnskap AS',
      requester: 'ola',
      title: 'Invoices print blank',
      kind: 'incident'
    },
    { _tag: 'Prioritise', at: at('2025-03-07T15:45'), actor: kari, urgency: 'medium', impact: 'medium' },
    {
      _tag: 'Reply',
      at: at('2025-03-07T15:50'),
      actor: kari,
      message: 'Could you send a screenshot of the print dialog?'
    },
    { _tag: 'Await', at: at('2025-03-07T15:55'), actor: kari, party: 'customer', reason: 'Screenshot requested' },
    { _tag: 'Resume', at: at('2025-03-10T10:00'), actor: ola },
    { _tag: 'Resolve', at: at('2025-03-11T09:30'), actor: kari, code: 'fixed', note: 'Reinstalled the printer driver' }
  ])
)
// #endregion history

// #region evaluate
const hhmm = (t: Time.Instant | undefined): string =>
  t === undefined ? '—' : Time.toLocalISO(zone)(t).slice(0, 16).replace('T', ' ')
const hours = (d: number): string =>
  `${Math.floor(d / 3_600_000)} h ${String(Math.round((d % 3_600_000) / 60_000)).padStart(2, '0')} min`
const show = (wall: string) => {
  const evaluation = orFail(pipe(events, Sla.evaluate(agreement, at(wall))))
  const resolution = evaluation.metrics.find((m) => m.metric === 'resolution') as Sla.MetricResult
  console.log(
    `${wall.replace('T', ' ')}  resolution ${resolution.state.padEnd(8)} elapsed ${hours(resolution.elapsed)}, paused ${hours(resolution.paused)}, due ${hhmm(resolution.dueAt)}`
  )
  return resolution
}
console.log(`INC-310 (P3, resolution target 24 h of business time) at ${agreement.customer ?? ''}\n`)
const friday = show('2025-03-07T16:00')
const saturday = show('2025-03-08T12:00')
const monday = show('2025-03-10T12:00')
const done = show('2025-03-12T12:00')
// #endregion evaluate

// the clock paused over the weekend and consumed nothing while the customer was awaited
assert.deepStrictEqual([friday.state, saturday.state, saturday.elapsed], ['Paused', 'Paused', friday.elapsed])
assert.deepStrictEqual([monday.state, hhmm(monday.dueAt)], ['Running', '2025-03-13 09:50'])
assert.deepStrictEqual([done.state, hhmm(done.metAt), hours(done.elapsed)], ['Met', '2025-03-11 09:30', '7 h 40 min'])

// #region explain
const explained = orFail(pipe(events, Sla.evaluate(agreement, at('2025-03-12T12:00'), { explain: true }))).metrics.find(
  (m) => m.metric === 'resolution'
)
const x = explained?.explanation
assert.ok(x !== undefined)
console.log('\nWhy 7 h 40 min:')
for (const i of x.counted) console.log(`  counted  ${hhmm(i.start)} – ${hhmm(i.end).slice(11)}`)
for (const p of x.pauses) console.log(`  paused   ${hhmm(p.from)} – ${hhmm(p.to)} (awaiting the ${p.party})`)
assert.deepStrictEqual(
  x.counted.map((i) => hhmm(i.start)),
  ['2025-03-07 15:45', '2025-03-10 10:00', '2025-03-11 08:00']
)
// #endregion explain

// #region instants
// Systems re-evaluate right after each event, at the event's own instant: the event counts.
const atTheWait = show('2025-03-07T15:55')
assert.deepStrictEqual([atTheWait.state, atTheWait.dueAt], ['Paused', undefined])
const atTheResume = show('2025-03-10T10:00')
assert.deepStrictEqual([atTheResume.state, hhmm(atTheResume.dueAt)], ['Running', '2025-03-13 09:50'])
// a met clock keeps the due instant it had when it stopped, and says when it passed 25 %
console.log(`\nMet at ${hhmm(done.metAt)}, due ${hhmm(done.dueAt)}`)
assert.deepStrictEqual(hhmm(done.dueAt), '2025-03-13 09:50')
const quarter = orFail(
  pipe(events, Sla.evaluate(agreement, at('2025-03-12T12:00'), { thresholds: [0.25] }))
).metrics.find((m) => m.metric === 'resolution')
console.log(`25 % of the target used at ${hhmm(quarter?.warnings[0]?.passedAt)}`)
assert.deepStrictEqual(
  quarter?.warnings.map((w) => [w.threshold, hhmm(w.passedAt)]),
  [[0.25, '2025-03-10 15:50']]
)
// #endregion instants

// #region timeline
// the same checked timeline the clocks read: the waits, as intervals
const timeline = orFail(Ticket.timeline(Ticket.defaultContext)(events))
assert.deepStrictEqual(
  timeline.pauses.map((p) => [p.party, hhmm(p.from), hhmm(p.to)]),
  [['customer', '2025-03-07 15:55', '2025-03-10 10:00']]
)
// a history that does not replay is an error, not an empty evaluation
const broken = [events[0], events[3]] as ReadonlyArray<Ticket.TicketEvent>
assert.deepStrictEqual(
  pipe(
    broken,
    Sla.evaluate(agreement, at('2025-03-12T12:00')),
    E.mapLeft((e) => e._tag)
  ),
  E.left('OutOfOrder')
)
// #endregion timeline
