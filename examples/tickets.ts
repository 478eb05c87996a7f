/**
 * A morning at a Norwegian service desk: three calls at once, as event-sourced tickets.
 *
 * Run it with `npx tsx examples/tickets.ts` (also part of `npm run demo`). Every outcome is
 * checked with `node:assert`.
 */
import * as assert from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Ticket, Time } from '../src/index.js'

const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// #region setup
const desk = orFail(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })))
// the ITIL matrix, new tickets at the first line, resolved tickets close after 3 silent business days
const context: Ticket.DecideContext = { ...Ticket.defaultContext, autoClose: { calendar: desk, businessDays: 3 } }
const at = (hhmm: string): Time.Instant => orFail(Time.fromLocal(`2025-03-10T${hhmm}`, desk.zone))
const id = (s: string): Ticket.TicketId => orFail(Ticket.ticketId(s))
const kari = { role: 'agent', id: 'kari' } as const
const lars = { role: 'agent', id: 'lars' } as const
// #endregion setup

// #region password
// 08:02 — a forgotten password: a service request the first line fulfils; the customer confirms
const password = orFail(
  Ticket.runEvents(
    [
      { _tag: 'Open', at: at('08:02'), actor: kari, ticketId: id('REQ-101'), channel: 'phone', customer: 'Fjord Regnskap AS', requester: 'ola', title: 'Har glemt passordet' },
      { _tag: 'Classify', at: at('08:03'), actor: kari, kind: 'serviceRequest', category: 'accounts/password' },
      { _tag: 'Prioritise', at: at('08:03'), actor: kari, urgency: 'low', impact: 'low' },
      { _tag: 'Reply', at: at('08:06'), actor: kari, message: 'Nytt passord er sendt på SMS.' },
      { _tag: 'Resolve', at: at('08:07'), actor: kari, code: 'fulfilled', note: 'Password reset, sent by SMS' },
      { _tag: 'Confirm', at: at('08:15'), actor: { role: 'customer', id: 'ola' } }
    ],
    context
  )
)
// #endregion password

// #region outage
// 08:04 — the internet is down for everyone at a hotel: a P1 incident, waiting for the provider
const outage = orFail(
  Ticket.runEvents(
    [
      { _tag: 'Open', at: at('08:04'), actor: lars, ticketId: id('INC-102'), channel: 'phone', customer: 'Bryggen Hotell', requester: 'resepsjonen', title: 'Internett er nede for alle', kind: 'incident', affectedUsers: 40 },
      { _tag: 'Prioritise', at: at('08:05'), actor: lars, urgency: 'high', impact: 'high' },
      { _tag: 'Assign', at: at('08:05'), actor: lars, assignee: 'lars' },
      { _tag: 'Reply', at: at('08:09'), actor: lars, message: 'Vi har meldt feilen til leverandøren og følger opp.' },
      { _tag: 'Await', at: at('08:12'), actor: lars, party: 'thirdParty', reason: 'Fibre cut, provider case 55-1234' }
    ],
    context
  )
)
// #endregion outage

// #region phishing
// 08:05 — a suspicious e-mail: a security incident the first line resolves by blocking the sender
const phishing = orFail(
  Ticket.runEvents(
    [
      { _tag: 'Open', at: at('08:05'), actor: kari, ticketId: id('INC-103'), channel: 'email', customer: 'Fjord Regnskap AS', requester: 'kari.r', title: 'Mistenkelig e-post med vedlegg' },
      { _tag: 'Classify', at: at('08:10'), actor: kari, kind: 'incident', category: 'security/phishing' },
      { _tag: 'Prioritise', at: at('08:10'), actor: kari, urgency: 'medium', impact: 'medium' },
      { _tag: 'Reply', at: at('08:16'), actor: kari, message: 'Ikke åpne vedlegget. Vi blokkerer avsenderen.' },
      { _tag: 'Resolve', at: at('08:25'), actor: kari, code: 'fixed', note: 'Blocked the sender domain in the mail filter' }
    ],
    context
  )
)
// #endregion phishing

const local = (t: Time.Instant) => Time.toLocalISO(desk.zone)(t).slice(11, 16)
const print = ({ ticket, events }: { readonly ticket: Ticket.TicketState; readonly events: ReadonlyArray<Ticket.TicketEvent> }) => {
  assert.ok(ticket._tag === 'Ticket')
  const firstResponse = ticket.firstResponseAt === undefined ? 'none' : Time.toISODuration(Calendar.businessTimeBetween(ticket.openedAt, ticket.firstResponseAt)(desk))
  console.log(`${ticket.id}  ${ticket.title}`)
  console.log(`  ${ticket.kind ?? 'unclassified'}, ${ticket.priority?.name ?? 'no priority'} ${ticket.priority?.label ?? ''}, ${ticket.status._tag}, tier ${ticket.tier}`)
  console.log(`  first response after ${firstResponse}; resolved at the first line: ${Ticket.resolvedAtFirstLine(ticket)}`)
  for (const e of events) console.log(`    ${local(e.at)}  #${e.seq} ${e._tag} by ${e.actor.id}`)
  // the stored events rebuild the same ticket
  assert.deepStrictEqual(Ticket.replay(events), E.right(ticket))
  return ticket
}

console.log('A morning at the Oslo desk, Monday 10 March 2025\n')
const t1 = print(password)
const t2 = print(outage)
const t3 = print(phishing)
assert.deepStrictEqual([t1.status._tag, t1.priority?.name, Ticket.resolvedAtFirstLine(t1)], ['Closed', 'P5', true])
assert.deepStrictEqual([t2.status._tag, t2.priority?.name, t2.status._tag === 'Awaiting' && t2.status.party], ['Awaiting', 'P1', 'thirdParty'])
assert.deepStrictEqual([t3.status._tag, t3.priority?.name, Ticket.resolvedAtFirstLine(t3)], ['Resolved', 'P3', true])

// #region silence
// the phishing ticket is resolved; with no word from the customer it may close on Thursday 08:25
const tooEarly = Ticket.decide({ _tag: 'Close', at: at('16:00'), actor: { role: 'system', id: 'scheduler' } }, context)(t3)
assert.ok(E.isLeft(tooEarly) && tooEarly.left._tag === 'TooEarlyToClose')
console.log(`\n${tooEarly.left.message}`)
// #endregion silence
