/**
 * A morning at a Norwegian service desk: three calls at once, as event-sourced tickets.
 *
 * Run it with `npx tsx examples/tickets.ts` (also part of `npm run demo`). Every outcome is
 * checked with `node:assert`.
 */
import * as assert from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Classification, Kind, Sla, Ticket, Time } from 'itsm-kit'

const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// #region setup
const desk = orFail(
  Calendar.make(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  )
)
// the ITIL matrix, new tickets at the first line, resolved tickets close after 3 silent business days
const context: Ticket.DecideContext = { ...Ticket.defaultContext, autoClose: { calendar: desk, businessDays: 3 } }
const at = (hhmm: string): Time.Instant => orFail(Time.fromLocal(desk.zone)(`2025-03-10T${hhmm}`))
const id = (s: string): Ticket.TicketId => orFail(Ticket.makeTicketId(s))
const kari = { role: 'agent', id: 'kari' } as const
const lars = { role: 'agent', id: 'lars' } as const
// #endregion setup

// #region classifier
// the desk's categories and a few classifier rules (customers write Norwegian, Swedish, Finnish, Polish)
const categories = orFail(
  Classification.decodeCategoryTree({
    categories: [
      { id: 'workplace', name: 'Workplace' },
      { id: 'workplace.password', name: 'Password reset', parent: 'workplace' },
      { id: 'network', name: 'Network' },
      { id: 'network.internet', name: 'Internet access', parent: 'network' },
      { id: 'security', name: 'Security' },
      { id: 'security.phishing', name: 'Suspicious e-mail', parent: 'security' }
    ]
  })
)
const levels = ['high', 'medium', 'low']
const classifier = orFail(
  Classification.decodeClassifier(
    {
      rules: [
        {
          id: 'suspicious-email',
          when: {
            _tag: 'Text',
            patterns: [
              'mistenkelig e-post',
              'misstänkt mejl',
              'epäilyttävä sähköposti',
              'podejrzany e-mail',
              'phishing'
            ]
          },
          then: { kind: 'incident', category: 'security.phishing', urgency: 'medium' },
          stop: true
        },
        {
          id: 'password',
          when: { _tag: 'Text', patterns: ['passord', 'lösenord', 'salasana', 'hasło', 'hasła', 'password'] },
          then: { kind: 'serviceRequest', category: 'workplace.password', urgency: 'low', impact: 'low' }
        },
        {
          id: 'internet-down',
          when: {
            _tag: 'All',
            conditions: [
              { _tag: 'Text', patterns: ['internett', 'internet', 'nätet'] },
              { _tag: 'Text', patterns: ['nede', 'down', 'ei toimi', 'nie działa'] }
            ]
          },
          then: { kind: 'incident', category: 'network.internet', urgency: 'high' }
        },
        {
          id: 'everyone',
          when: { _tag: 'Text', patterns: ['for alle', 'för alla', 'kaikilla', 'wszyscy'], match: 'word' },
          then: { impact: 'high' }
        }
      ]
    },
    { categories, urgencies: levels, impacts: levels }
  )
)
/** The Classify and Prioritise commands a proposal stands for; the agent fills what the rules left open. */
const fromProposal = (
  proposal: Classification.Proposal,
  when: Time.Instant,
  actor: Ticket.Actor,
  agentSays: { readonly urgency?: string; readonly impact?: string } = {}
): ReadonlyArray<Ticket.TicketCommand> => {
  const { kind, category, urgency = agentSays.urgency, impact = agentSays.impact } = proposal.fields
  assert.ok(kind !== undefined && urgency !== undefined && impact !== undefined)
  return [
    { _tag: 'Classify', at: when, actor, kind, ...(category === undefined ? {} : { category }) },
    { _tag: 'Prioritise', at: when, actor, urgency, impact }
  ]
}
const classify = (title: string, channel: Kind.Channel) => {
  const proposal = Classification.classify({ channel, text: title })(classifier)
  console.log(`"${title}"\n  ${Classification.explain(proposal).join('\n  ')}`)
  return proposal
}
// #endregion classifier

console.log('A morning at the Oslo desk, Monday 10 March 2025: what the classifier proposes\n')

// #region password
// 08:02 — a forgotten password: a service request the first line fulfils; the customer confirms
const password = orFail(
  Ticket.runEvents(context)([
    {
      _tag: 'Open',
      at: at('08:02'),
      actor: kari,
      ticketId: id('REQ-101'),
      channel: 'phone',
      customer: 'Fjord Regnskap AS',
      requester: 'ola',
      title: 'Har glemt passordet'
    },
    ...fromProposal(classify('Har glemt passordet', 'phone'), at('08:03'), kari),
    { _tag: 'Reply', at: at('08:06'), actor: kari, message: 'Nytt passord er sendt på SMS.' },
    { _tag: 'Resolve', at: at('08:07'), actor: kari, code: 'fulfilled', note: 'Password reset, sent by SMS' },
    { _tag: 'Confirm', at: at('08:15'), actor: { role: 'customer', id: 'ola' } }
  ])
)
// #endregion password

// #region outage
// 08:04 — the internet is down for everyone at a hotel: a P1 incident, waiting for the provider
const outage = orFail(
  Ticket.runEvents(context)([
    {
      _tag: 'Open',
      at: at('08:04'),
      actor: lars,
      ticketId: id('INC-102'),
      channel: 'phone',
      customer: 'Bryggen Hotell',
      requester: 'resepsjonen',
      title: 'Internett er nede for alle',
      affectedUsers: 40
    },
    ...fromProposal(classify('Internett er nede for alle', 'phone'), at('08:05'), lars),
    { _tag: 'Assign', at: at('08:05'), actor: lars, assignee: 'lars' },
    { _tag: 'Reply', at: at('08:09'), actor: lars, message: 'Vi har meldt feilen til leverandøren og følger opp.' },
    { _tag: 'Await', at: at('08:12'), actor: lars, party: 'thirdParty', reason: 'Fibre cut, provider case 55-1234' }
  ])
)
// #endregion outage

// #region phishing
// 08:05 — a suspicious e-mail: a security incident the first line resolves by blocking the sender
const phishing = orFail(
  Ticket.runEvents(context)([
    {
      _tag: 'Open',
      at: at('08:05'),
      actor: kari,
      ticketId: id('INC-103'),
      channel: 'email',
      customer: 'Fjord Regnskap AS',
      requester: 'kari.r',
      title: 'Mistenkelig e-post med vedlegg'
    },
    // the rule stops at the urgency; the agent judges the impact: one person's mailbox
    ...fromProposal(classify('Mistenkelig e-post med vedlegg', 'email'), at('08:10'), kari, { impact: 'low' }),
    { _tag: 'Reply', at: at('08:16'), actor: kari, message: 'Ikke åpne vedlegget. Vi blokkerer avsenderen.' },
    {
      _tag: 'Resolve',
      at: at('08:25'),
      actor: kari,
      code: 'fixed',
      note: 'Blocked the sender domain in the mail filter'
    }
  ])
)
// #endregion phishing

const local = (t: Time.Instant) => Time.toLocalISO(desk.zone)(t).slice(11, 16)
const print = ({
  ticket,
  events
}: {
  readonly ticket: Ticket.TicketState
  readonly events: ReadonlyArray<Ticket.TicketEvent>
}) => {
  assert.ok(ticket._tag === 'Ticket')
  const firstResponse =
    ticket.firstResponseAt === undefined
      ? 'none'
      : Time.toISODuration(Calendar.businessTimeBetween(ticket.openedAt, ticket.firstResponseAt)(desk))
  console.log(`${ticket.id}  ${ticket.title}`)
  console.log(
    `  ${ticket.kind ?? 'unclassified'}, ${ticket.priority?.name ?? 'no priority'} ${ticket.priority?.label ?? ''}, ${ticket.status._tag}, tier ${ticket.tier}`
  )
  console.log(
    `  first response after ${firstResponse}; resolved at the first line: ${Ticket.resolvedAtFirstLine(ticket)}`
  )
  for (const e of events) console.log(`    ${local(e.at)}  #${e.seq} ${e._tag} by ${e.actor.id}`)
  // the stored events rebuild the same ticket
  assert.deepStrictEqual(Ticket.replay()(events), E.right(ticket))
  return ticket
}

console.log('\n')
const t1 = print(password)
const t2 = print(outage)
const t3 = print(phishing)
assert.deepStrictEqual([t1.status._tag, t1.priority?.name, Ticket.resolvedAtFirstLine(t1)], ['Closed', 'P5', true])
assert.deepStrictEqual(
  [t2.status._tag, t2.priority?.name, t2.status._tag === 'Awaiting' && t2.status.party],
  ['Awaiting', 'P1', 'thirdParty']
)
assert.deepStrictEqual(
  [t3.status._tag, t3.priority?.name, t3.category, Ticket.resolvedAtFirstLine(t3)],
  ['Resolved', 'P4', 'security.phishing', true]
)

// #region silence
// the phishing ticket is resolved; with no word from the customer it may close on Thursday 08:25
const tooEarly = Ticket.decide(
  { _tag: 'Close', at: at('16:00'), actor: { role: 'system', id: 'scheduler' } },
  context
)(t3)
assert.ok(E.isLeft(tooEarly) && tooEarly.left._tag === 'TooEarlyToClose')
console.log(`\n${tooEarly.left.message}`)
// #endregion silence

// #region sla
// where the three tickets stand at noon against a typical P1–P5 agreement
const noon = at('12:00')
console.log('\nSLA at 12:00 (Sla.examplePolicy on the Oslo calendar)')
const slaLine = (m: Sla.MetricResult): string => {
  const due = m.dueAt === undefined ? '' : `, due ${local(m.dueAt)}`
  const used = m.used === undefined ? '' : `, ${Math.round(m.used * 100)} % used`
  return m.state === 'NotApplicable' ? `${m.metric}: n/a (${m.reason ?? ''})` : `${m.metric}: ${m.state}${used}${due}`
}
const slaOf = (events: ReadonlyArray<Ticket.TicketEvent>) =>
  orFail(pipe(events, Sla.evaluate({ policy: Sla.examplePolicy, calendar: desk }, noon)))
for (const { events } of [password, outage, phishing]) {
  const evaluation = slaOf(events)
  console.log(
    `  ${evaluation.ticketId} (${evaluation.priority ?? 'no priority'}): ${evaluation.metrics.map(slaLine).join('; ')}`
  )
}
const outageResolution = slaOf(outage.events).metrics.find((m) => m.metric === 'resolution')
// the P1 has waited for the provider since 08:12, and a third-party wait does not pause this policy:
// four minutes before its 4-hour target runs out
assert.deepStrictEqual(
  [outageResolution?.state, outageResolution?.dueAt && local(outageResolution.dueAt)],
  ['AtRisk', '12:04']
)
// the timeline behind the phishing ticket's resolution clock: the open time that counted
const explained = orFail(
  pipe(
    phishing.events,
    Sla.evaluate(
      {
        policy: {
          ...Sla.examplePolicy,
          metrics: { resolution: Sla.examplePolicy.metrics.resolution as Sla.MetricPolicy }
        },
        calendar: desk
      },
      noon,
      { explain: true }
    )
  )
)
const timeline = explained.metrics[0]?.explanation
assert.ok(timeline !== undefined)
console.log(
  `  ${explained.ticketId} resolution timeline: ${timeline.counted.map((i) => `${local(i.start)}–${local(i.end)}`).join(', ')} counted; ${timeline.pauses.length} pauses`
)
assert.deepStrictEqual(
  timeline.counted.map((i) => [local(i.start), local(i.end)]),
  [['08:05', '08:25']]
)
// #endregion sla
