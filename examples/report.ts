/**
 * Reports of a small Oslo desk: the March 2025 service-level report of each customer (one of
 * them written to a self-contained HTML file), then Tuesday 1 April's morning status.
 *
 * Run it with `npx tsx examples/report.ts` (also the end of `npm run demo`). Every figure is
 * checked with `node:assert`.
 */
import * as assert from 'node:assert'
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Report, Sla, Ticket, Time } from '../src/index.js'

const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// #region agreements
const oslo = orFail(
  Calendar.make(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  )
)
const roundTheClock = orFail(Calendar.make({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo' }))
const agreements: ReadonlyArray<Sla.Agreement> = [
  { customer: 'Bryggen Hotell', policy: Sla.examplePolicy, calendar: oslo },
  { customer: 'Fjord Regnskap AS', policy: Sla.examplePolicy, calendar: oslo },
  { customer: 'Nordlys Logistikk', policy: Sla.examplePolicy, calendar: roundTheClock }
]
// #endregion agreements

const zone = oslo.zone
const at = (wall: string): Time.Instant => orFail(Time.fromLocal(zone)(wall))
const kari = { role: 'agent', id: 'kari' } as const
const customerActor = { role: 'customer', id: 'requester' } as const
const levels = ['high', 'medium', 'low'] as const
const pad = (n: number) => String(n).padStart(2, '0')

/** A ticket of March: opened on a weekday, answered, fixed (some escalated, some rated). */
const marchTicket = (i: number): ReadonlyArray<Ticket.TicketEvent> => {
  const day = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28][i % 20] as number
  const minute = 8 * 60 + 5 + ((i * 37) % 420)
  const opened = at(`2025-03-${pad(day)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`)
  const later = (min: number): Time.Instant => orFail(Time.fromEpochMillis(opened + min * 60_000))
  const customer = agreements[i % 3]?.customer ?? ''
  const replyAfter = 5 + ((i * 13) % 70) + (i % 9 === 0 ? 300 : 0)
  const fixAfter = replyAfter + 20 + ((i * 71) % 600)
  const commands: Ticket.TicketCommand[] = [
    {
      _tag: 'Open',
      at: opened,
      actor: kari,
      ticketId: Ticket.ticketId(`INC-${500 + i}`),
      channel: (['phone', 'email', 'portal', 'chat'] as const)[i % 4] ?? 'phone',
      customer,
      requester: 'requester',
      title: 'Demo ticket',
      kind: i % 5 === 0 ? 'serviceRequest' : 'incident'
    },
    {
      _tag: 'Prioritise',
      at: opened,
      actor: kari,
      urgency: levels[(i + 1) % 3] ?? 'low',
      impact: levels[Math.floor(i / 3) % 3 === 0 ? 1 : 2] ?? 'low'
    },
    { _tag: 'Reply', at: later(replyAfter), actor: kari, message: 'We are looking at it' }
  ]
  if (i % 7 === 3)
    commands.push({
      _tag: 'Escalate',
      at: later(replyAfter + 10),
      actor: kari,
      toTier: 'L2',
      note: 'Needs the network team'
    })
  commands.push({ _tag: 'Resolve', at: later(fixAfter), actor: kari, code: 'fixed', note: 'Fixed' })
  if (i % 4 !== 1)
    commands.push({
      _tag: 'Rate',
      at: later(fixAfter + 30),
      actor: customerActor,
      score: i % 11 === 0 ? 3 : i % 13 === 0 ? 2 : 5
    })
  return pipe(
    Ticket.runEvents(Ticket.defaultContext)(commands),
    E.map((r) => r.events),
    orFail
  )
}

const history = (steps: ReadonlyArray<Ticket.TicketCommand>) =>
  pipe(
    Ticket.runEvents(Ticket.defaultContext)(steps),
    E.map((r) => r.events),
    orFail
  )

// #region morning
// Tuesday 1 April, 07:40: the hotel's internet is down for everyone (a P1)...
const hotelDown = history([
  {
    _tag: 'Open',
    at: at('2025-04-01T07:40'),
    actor: { role: 'system', id: 'monitoring' },
    ticketId: Ticket.ticketId('INC-900'),
    channel: 'monitoring',
    customer: 'Bryggen Hotell',
    requester: 'monitoring',
    title: 'Internet down',
    kind: 'incident'
  },
  { _tag: 'Prioritise', at: at('2025-04-01T07:41'), actor: kari, urgency: 'high', impact: 'high' }
])
// ...and Fjord Regnskap's Outlook licence problem, fixed on Monday, came back in the evening
const outlook = history([
  {
    _tag: 'Open',
    at: at('2025-03-31T09:00'),
    actor: kari,
    ticketId: Ticket.ticketId('INC-901'),
    channel: 'email',
    customer: 'Fjord Regnskap AS',
    requester: 'ola',
    title: 'Outlook asks for a licence',
    kind: 'incident'
  },
  { _tag: 'Classify', at: at('2025-03-31T09:02'), actor: kari, kind: 'incident', category: 'licence' },
  { _tag: 'Prioritise', at: at('2025-03-31T09:02'), actor: kari, urgency: 'low', impact: 'low' },
  { _tag: 'Reply', at: at('2025-03-31T09:10'), actor: kari, message: 'Licence assigned' },
  { _tag: 'Resolve', at: at('2025-03-31T09:15'), actor: kari, code: 'fixed', note: 'Licence assigned' },
  { _tag: 'Reject', at: at('2025-03-31T19:30'), actor: { role: 'customer', id: 'ola' }, reason: 'Still asks' }
])
// #endregion morning

const histories = [...Array.from({ length: 60 }, (_, i) => marchTicket(i)), hotelDown, outlook]
const events = histories.reduce((n, h) => n + h.length, 0)

// #region march
const march = orFail(
  pipe(histories, Report.serviceLevel({ agreements, period: { _tag: 'Month', year: 2025, month: 3 } }))
)
console.log(`March 2025: ${histories.length} histories, ${events} events\n`)
for (const c of march.customers) {
  const response = c.attainment.find((a) => a.metric === 'response' && a.priority === '*')
  console.log(
    `${c.customer.padEnd(18)} opened ${String(c.volume.opened).padStart(2)}  resolved ${String(c.volume.resolved).padStart(2)}  ` +
      `median response ${String(Math.round((c.times.response.overall.median ?? 0) / 60_000)).padStart(3)} min  ` +
      `response kept ${((response?.attainment ?? 0) * 100).toFixed(1).padStart(5)} %  Net CSAT ${(c.satisfaction.netCsat ?? 0).toFixed(1)}${c.satisfaction.fewRatings ? ' (fewer than 30 ratings)' : ''}`
  )
}
// 60 March tickets, 20 per customer; INC-901 (opened 31 March) counts for Fjord Regnskap
assert.deepStrictEqual(
  march.customers.map((c) => [c.customer, c.volume.opened]),
  [
    ['Bryggen Hotell', 20],
    ['Fjord Regnskap AS', 21],
    ['Nordlys Logistikk', 20]
  ]
)
// a report as of 31 March 12:00 knows nothing of the evening's reopening
const noon = orFail(
  pipe(
    histories,
    Report.serviceLevel({ agreements, period: { _tag: 'Month', year: 2025, month: 3 }, asOf: at('2025-03-31T12:00') })
  )
)
assert.strictEqual(noon.customers[1]?.resolution.reopened, 0)
// as of the end of March it was resolved in March (counted once) and has been reopened
assert.strictEqual(march.customers[1]?.resolution.reopened, 1)
// #endregion march

// the hotel's March report, in Norwegian, as one self-contained HTML file
const hotel = march.customers[0] as Report.CustomerReport
const file = resolve('tmp', 'report-2025-03-bryggen-hotell.html')
mkdirSync(resolve('tmp'), { recursive: true })
writeFileSync(file, Report.toHtml({ labels: Report.nb })(hotel))
console.log(`\nThe March report of ${hotel.customer} (Norwegian): ${file}`)

// #region status
const status = orFail(pipe(histories, Report.dailyStatus({ agreements, at: at('2025-04-01T08:00') })))
console.log(`\nMorning status, Tuesday 1 April 2025 08:00 (Europe/Oslo)\n`)
console.log(Report.statusTable({ zone })(status))
assert.deepStrictEqual(
  status.customers.map((c) => [c.customer, c.health]),
  [
    ['Bryggen Hotell', 'Critical'],
    ['Fjord Regnskap AS', 'NeedAttention'],
    ['Nordlys Logistikk', 'Good']
  ]
)
// #endregion status
