// itsm-kit demo: a deterministic March 2026 of a Nordic desk, written to files, then every command on them.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Escalation, Sla, Ticket, Time } from '../index.js'
import { parse, str } from './common.js'
import { bold, inputError, makeDir, usageError, type Io } from './io.js'

/** A small deterministic generator (mulberry32); the seed is fixed, nothing comes from the host. @internal */
export const prng = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const h = (n: number): Sla.Target => ({ _tag: 'BusinessTime', duration: (n * 3_600_000) as Time.Duration })

const gold: Sla.SlaPolicy = {
  _tag: 'SlaPolicy',
  name: 'Gold (ITIL P1–P5, halved targets)',
  metrics: {
    response: { targets: { P1: h(0.25), P2: h(0.5), P3: h(2), P4: h(4), P5: h(8) }, reopen: 'firstCloseOnly' },
    resolution: {
      targets: { P1: h(2), P2: h(4), P3: h(12), P4: h(20), P5: h(40) },
      pauseWhileAwaiting: ['customer', 'vendor']
    },
    update: { targets: { P1: h(0.5), P2: h(1), P3: h(4) } },
    restore: { targets: { P1: h(1), P2: h(3) } }
  },
  warnings: [0.5, 0.75]
}

/** The demo desk's agreements, in the agreements-file form (plain JSON data). @internal */
export const demoAgreements = () => {
  const withTiers: Sla.SlaPolicy = {
    ...Sla.examplePolicy,
    name: 'Standard with escalation tiers',
    tiers: Escalation.tierTargets(Escalation.examplePolicy.tiers)
  }
  return [
    {
      customer: 'Fjord Regnskap AS',
      calendar: Calendar.weekdays({
        zone: 'Europe/Oslo',
        opens: '08:00',
        closes: '16:00',
        holidays: Calendar.publicHolidays.NO
      }),
      policy: withTiers
    },
    {
      customer: 'Bryggen Hotell',
      calendar: { ...Calendar.alwaysOpen, zone: 'Europe/Oslo' },
      policy: Sla.examplePolicy
    },
    {
      customer: 'Svea Logistik AB',
      calendar: Calendar.weekdays({
        zone: 'Europe/Stockholm',
        opens: '08:00',
        closes: '17:00',
        holidays: Calendar.publicHolidays.SE
      }),
      policy: gold
    },
    {
      customer: 'Kuopio Kone Oy',
      calendar: Calendar.weekdays({
        zone: 'Europe/Helsinki',
        opens: '08:00',
        closes: '16:00',
        holidays: Calendar.publicHolidays.FI
      }),
      policy: Sla.examplePolicy
    }
  ].map((a) => ({ ...a, policy: Sla.encodePolicy(a.policy) }))
}

const pad = (n: number) => String(n).padStart(2, '0')
const orFail = <A>(r: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(r)) throw inputError(`demo: ${r.left.message}`)
  return r.right
}

/** The demo month's events, every ticket's history checked, in the order they happened (tickets interleaved). @internal */
export const demoEvents = (): ReadonlyArray<Ticket.TicketEvent> => {
  const random = prng(20260301)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)] as A
  const agent = (id: string) => ({ role: 'agent', id }) as const
  const agents = ['kari', 'ole', 'ingrid', 'mikko', 'anna']
  const levels = ['high', 'medium', 'low'] as const
  const customers = [
    { name: 'Fjord Regnskap AS', zone: 'Europe/Oslo', prefix: 'FJR', weekend: false },
    { name: 'Bryggen Hotell', zone: 'Europe/Oslo', prefix: 'BRH', weekend: true },
    { name: 'Svea Logistik AB', zone: 'Europe/Stockholm', prefix: 'SVL', weekend: false },
    { name: 'Kuopio Kone Oy', zone: 'Europe/Helsinki', prefix: 'KKO', weekend: false }
  ]
  const all: Ticket.TicketEvent[] = []
  for (const c of customers) {
    const zone = orFail(Time.makeZone(c.zone))
    for (let i = 1; i <= 30; i++) {
      let day = 2 + Math.floor(random() * 29)
      const weekday = new Date(Date.UTC(2026, 2, day)).getUTCDay()
      if (!c.weekend && (weekday === 0 || weekday === 6)) day += weekday === 6 ? 2 : 1
      if (day > 31) day -= 3
      const opened = orFail(
        Time.fromLocal(zone)(
          `2026-03-${pad(day)}T${pad(7 + Math.floor(random() * 10))}:${pad(Math.floor(random() * 60))}`
        )
      )
      const later = (minutes: number) => (opened + Math.round(minutes) * 60_000) as Time.Instant
      const who = agent(pick(agents))
      const customer = { role: 'customer', id: `user-${1 + Math.floor(random() * 20)}` } as const
      const story = random()
      let t = 5 + random() * 90
      const commands: Ticket.TicketCommand[] = [
        {
          _tag: 'Open',
          at: opened,
          actor: who,
          ticketId: Ticket.ticketId(`${c.prefix}-${1000 + i}`),
          channel: pick(['phone', 'email', 'portal', 'chat', 'monitoring'] as const),
          customer: c.name,
          requester: customer.id,
          title: 'Demo ticket',
          kind: random() < 0.25 ? 'serviceRequest' : 'incident'
        },
        {
          _tag: 'Prioritise',
          at: later(1),
          actor: who,
          urgency: pick(levels),
          impact: random() < 0.15 ? 'high' : pick(['medium', 'low'] as const)
        },
        { _tag: 'Reply', at: later(t), actor: who, message: 'We are on it' }
      ]
      if (story < 0.2) {
        commands.push({
          _tag: 'Await',
          at: later((t += 10)),
          actor: who,
          party: 'customer',
          reason: 'Waiting for a screenshot'
        })
        commands.push({ _tag: 'Resume', at: later((t += 60 + random() * 1200)), actor: customer })
      }
      if (story > 0.7)
        commands.push({
          _tag: 'Escalate',
          at: later((t += 20)),
          actor: who,
          toTier: random() < 0.7 ? 'L2' : 'solution team',
          note: 'Needs a specialist'
        })
      if (story > 0.45 && story < 0.6) {
        commands.push({
          _tag: 'ApplyWorkaround',
          at: later((t += 30 + random() * 120)),
          actor: who,
          description: 'Temporary fix in place'
        })
        if (random() < 0.7)
          commands.push({
            _tag: 'Resolve',
            at: later((t += 600 + random() * 4000)),
            actor: who,
            code: 'fixed',
            note: 'Permanent fix deployed'
          })
      } else if (random() < 0.97) {
        commands.push({
          _tag: 'Resolve',
          at: later((t += 20 + random() * 900)),
          actor: who,
          code: 'fixed',
          note: 'Fixed'
        })
        if (random() < 0.12) {
          commands.push({
            _tag: 'Reject',
            at: later((t += 60 + random() * 600)),
            actor: customer,
            reason: 'Still broken'
          })
          commands.push({
            _tag: 'Resolve',
            at: later((t += 30 + random() * 300)),
            actor: who,
            code: 'fixed',
            note: 'Fixed again'
          })
        }
        if (random() < 0.6)
          commands.push({
            _tag: 'Rate',
            at: later((t += 30 + random() * 600)),
            actor: customer,
            score: pick([5, 5, 5, 4, 4, 3, 2, 1])
          })
      }
      let state: Ticket.TicketState = { _tag: 'Unopened' }
      for (const command of commands) {
        const r = Ticket.runEvents(Ticket.defaultContext, state)([command])
        if (E.isLeft(r)) continue
        state = r.right.ticket
        all.push(...r.right.events)
      }
    }
  }
  // Tuesday 1 April 07:40: the hotel's internet is down (a P1), still open at the morning round
  const oslo = orFail(Time.makeZone('Europe/Oslo'))
  const down = orFail(Time.fromLocal(oslo)('2026-04-01T07:40'))
  const monitoring = { role: 'system', id: 'monitoring' } as const
  const p1 = orFail(
    Ticket.runEvents(Ticket.defaultContext)([
      {
        _tag: 'Open',
        at: down,
        actor: monitoring,
        ticketId: Ticket.ticketId('BRH-2000'),
        channel: 'monitoring',
        customer: 'Bryggen Hotell',
        requester: 'monitoring',
        title: 'Internet down',
        kind: 'incident'
      },
      { _tag: 'Prioritise', at: (down + 60_000) as Time.Instant, actor: agent('kari'), urgency: 'high', impact: 'high' }
    ])
  )
  all.push(...p1.events)
  return all.sort(
    (a, b) => a.at - b.at || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0) || a.seq - b.seq
  )
}

/** `itsm-kit demo`. @internal */
export const demo = async (
  args: ReadonlyArray<string>,
  io: Io,
  run: (argv: ReadonlyArray<string>, io: Io) => Promise<number>
): Promise<number> => {
  const { values } = parse('demo', args, { out: { type: 'string', short: 'o' } })
  const dir = str(values, 'out') ?? 'itsm-kit-demo'
  if (dir === '') throw usageError('--out: expected a folder, received ""')
  makeDir(join(dir, 'reports'))
  const agreements = demoAgreements()
  const events = demoEvents()
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text)
  write('agreements.json', JSON.stringify({ agreements }, null, 2) + '\n')
  write('calendar-oslo.json', JSON.stringify(agreements[0]?.calendar, null, 2) + '\n')
  write('policy.json', JSON.stringify(Sla.encodePolicy(gold), null, 2) + '\n')
  write('escalation.json', JSON.stringify(Escalation.encodePolicy(Escalation.examplePolicy), null, 2) + '\n')
  write('events.ndjson', events.map((e) => JSON.stringify(Ticket.encodeEvent(e))).join('\n') + '\n')
  io.out(
    `${bold(io, 'itsm-kit demo')}: March 2026 of a Nordic desk, ${events.length} events of ${new Set(events.map((e) => e.ticketId)).size} tickets, 4 customers, written to ${dir}/\n`
  )
  const f = (name: string) => join(dir, name)
  const steps: ReadonlyArray<ReadonlyArray<string>> = [
    ['due', '--calendar', f('calendar-oslo.json'), '--from', '2026-04-01T14:00', '--duration', '8h', '--explain'],
    [
      'between',
      '--zone',
      'Europe/Stockholm',
      '--hours',
      '08:00-17:00',
      '--holidays',
      'SE',
      '--from',
      '2026-04-02T16:00',
      '--to',
      '2026-04-07T09:00'
    ],
    ['holidays', 'NO', '2026'],
    ['check', f('agreements.json'), f('calendar-oslo.json'), f('policy.json'), f('escalation.json')],
    ['replay', f('events.ndjson'), '--agreements', f('agreements.json')],
    ['sla', f('events.ndjson'), '--agreements', f('agreements.json'), '--at', '2026-03-31T15:00:00+02:00'],
    ['status', f('events.ndjson'), '--agreements', f('agreements.json'), '--at', '2026-04-01T08:00:00+02:00'],
    [
      'report',
      f('events.ndjson'),
      '--agreements',
      f('agreements.json'),
      '--period',
      '2026-03',
      '--customer',
      'Fjord Regnskap AS'
    ],
    [
      'report',
      f('events.ndjson'),
      '--agreements',
      f('agreements.json'),
      '--period',
      '2026-03',
      '--format',
      'html',
      '--split',
      '--out',
      f('reports')
    ],
    [
      'report',
      f('events.ndjson'),
      '--agreements',
      f('agreements.json'),
      '--period',
      '2026-03',
      '--format',
      'csv',
      '--split',
      '--out',
      f('reports')
    ]
  ]
  let worst = 0
  for (const step of steps) {
    io.out(`\n${bold(io, `$ itsm-kit ${step.map((a) => (/\s/u.test(a) ? JSON.stringify(a) : a)).join(' ')}`)}\n`)
    worst = Math.max(worst, await run(step, { ...io, err: io.out }))
  }
  io.out(
    `\nThe files are in ${dir}/: try  itsm-kit sla ${f('events.ndjson')} --agreements ${f('agreements.json')} --format json\n`
  )
  return worst
}
