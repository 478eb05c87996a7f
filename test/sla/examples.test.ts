import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Sla, Ticket, Time } from '../../src/index.js'
import { slaAt } from '../helpers/clocks.js'
import { compile, getRight, hours, instant, minutes } from '../helpers/unsafe.js'

const oslo = compile(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
const always = compile({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo', holidays: Calendar.publicHolidays.NO })
const kari = { role: 'agent', id: 'kari' } as const
const ola = { role: 'customer', id: 'ola' } as const
const local = (cal: Calendar.BusinessCalendar) => (t: Time.Instant | undefined) =>
  t === undefined ? undefined : Time.toLocalISO(cal.zone)(t)
const eventsOf = (commands: ReadonlyArray<Ticket.TicketCommand>) =>
  getRight(Ticket.runEvents(Ticket.defaultContext)(commands)).events
const metric = (e: Sla.Evaluation, name: string) => e.metrics.find((m) => m.metric === name) as Sla.MetricResult
const open = (at: string, extra: Partial<Ticket.Open> = {}): Ticket.TicketCommand => ({
  _tag: 'Open',
  at: instant(at),
  actor: kari,
  ticketId: 'INC-1' as Ticket.TicketId,
  channel: 'phone',
  customer: 'Fjord AS',
  requester: 'ola',
  title: 'Printer',
  kind: 'incident',
  ...extra
})
const prio = (at: string, urgency: string, impact: string): Ticket.TicketCommand => ({
  _tag: 'Prioritise',
  at: instant(at),
  actor: kari,
  urgency,
  impact
})

describe('a P3 at a weekdays 08–16 customer opened Friday 15:45, waiting for the customer over the weekend', () => {
  const events = eventsOf([
    open('2025-03-07T15:45:00+01:00'),
    prio('2025-03-07T15:45:00+01:00', 'medium', 'medium'),
    { _tag: 'Reply', at: instant('2025-03-07T15:50:00+01:00'), actor: kari, message: 'Can you send a screenshot?' },
    { _tag: 'Await', at: instant('2025-03-07T15:55:00+01:00'), actor: kari, party: 'customer' },
    { _tag: 'Resume', at: instant('2025-03-10T10:00:00+01:00'), actor: ola }
  ])
  const agreement = { policy: Sla.examplePolicy, calendar: oslo }

  it('the response was met five minutes in', () => {
    const r = metric(pipe(events, slaAt(agreement, instant('2025-03-10T12:00:00+01:00'))), 'response')
    expect([r.state, r.elapsed, r.metAt]).toStrictEqual(['Met', minutes(5), instant('2025-03-07T15:50:00+01:00')])
  })

  it('the resolution clock paused from Friday 15:55 until Monday 10:00 and consumed no time meanwhile', () => {
    const saturday = metric(pipe(events, slaAt(agreement, instant('2025-03-08T12:00:00+01:00'))), 'resolution')
    expect([saturday.state, saturday.elapsed, saturday.dueAt]).toStrictEqual(['Paused', minutes(10), undefined])
    const monday = metric(pipe(events, slaAt(agreement, instant('2025-03-10T12:00:00+01:00'))), 'resolution')
    // 10 min on Friday, paused Friday 15:55–16:00 and Monday 08:00–10:00 (2 h 5 min of business time), then 2 h running
    expect([monday.state, monday.elapsed, monday.paused]).toStrictEqual([
      'Running',
      (minutes(10) + hours(2)) as Time.Duration,
      (hours(2) + minutes(5)) as Time.Duration
    ])
    // 24 h − 2 h 10 min left from Monday 12:00: Monday 4 h, Tuesday 8 h, Wednesday 8 h, Thursday 1 h 50 min
    expect(local(oslo)(monday.dueAt)).toBe('2025-03-13T09:50:00+01:00')
  })

  it('the explanation shows what counted, what was closed and the pause', () => {
    const r = metric(
      pipe(events, slaAt(agreement, instant('2025-03-10T12:00:00+01:00'), { explain: true })),
      'resolution'
    )
    const x = r.explanation as Sla.Explanation
    expect(x.counted.map((i) => [local(oslo)(i.start), local(oslo)(i.end)])).toStrictEqual([
      ['2025-03-07T15:45:00+01:00', '2025-03-07T15:55:00+01:00'],
      ['2025-03-10T10:00:00+01:00', '2025-03-10T12:00:00+01:00']
    ])
    expect(x.pauses).toStrictEqual([
      { from: instant('2025-03-07T15:55:00+01:00'), to: instant('2025-03-10T10:00:00+01:00'), party: 'customer' }
    ])
  })
})

describe('a P1 at a 24/7 customer on a Saturday night', () => {
  const events = eventsOf([
    open('2025-05-10T23:10:00+02:00', { channel: 'monitoring' }),
    prio('2025-05-10T23:10:00+02:00', 'high', 'high'),
    { _tag: 'Reply', at: instant('2025-05-10T23:20:00+02:00'), actor: kari, message: 'We are on it' },
    {
      _tag: 'Escalate',
      at: instant('2025-05-10T23:40:00+02:00'),
      actor: kari,
      toTier: 'solution team',
      note: 'ERP batch hangs at step 4; logs attached'
    },
    {
      _tag: 'Escalate',
      at: instant('2025-05-11T01:30:00+02:00'),
      actor: kari,
      toTier: 'vendor',
      note: 'Reproduced; vendor case 77-1 opened'
    },
    { _tag: 'Reply', at: instant('2025-05-11T02:10:00+02:00'), actor: kari, message: 'Vendor is investigating' },
    {
      _tag: 'ApplyWorkaround',
      at: instant('2025-05-11T08:00:00+02:00'),
      actor: kari,
      description: 'Run the batch in two halves'
    },
    {
      _tag: 'Reply',
      at: instant('2025-05-11T08:05:00+02:00'),
      actor: kari,
      message: 'Service restored with a workaround'
    },
    {
      _tag: 'Resolve',
      at: instant('2025-05-18T12:00:00+02:00'),
      actor: kari,
      code: 'fixed',
      note: 'Vendor patch 5.1.2 installed'
    }
  ])
  const policy: Sla.SlaPolicy = { ...Sla.examplePolicy, tiers: { L1: { _tag: 'BusinessTime', duration: minutes(30) } } }
  const e = pipe(events, slaAt({ policy, calendar: always }, instant('2025-05-19T12:00:00+02:00')))

  it('service was restored late (8 h 50 min against 2 h) and the resolution breached after 4 hours', () => {
    expect([metric(e, 'restore').state, metric(e, 'restore').elapsed]).toStrictEqual([
      'MetLate',
      (hours(8) + minutes(50)) as Time.Duration
    ])
    const resolution = metric(e, 'resolution')
    expect([resolution.state, resolution.breachedAt]).toStrictEqual(['MetLate', instant('2025-05-11T03:10:00+02:00')])
  })

  it('the hourly update target was first breached at 00:20, an hour into the silence after 23:20', () => {
    expect([metric(e, 'update').state, metric(e, 'update').breachedAt]).toStrictEqual([
      'MetLate',
      instant('2025-05-11T00:20:00+02:00')
    ])
  })

  it('the first line held it 30 minutes, within its 30-minute timebox', () => {
    const l1 = metric(e, 'tier:L1')
    expect([l1.state, l1.elapsed, l1.metAt]).toStrictEqual(['Met', minutes(30), instant('2025-05-10T23:40:00+02:00')])
  })
})

describe('clock rules', () => {
  const agreement = { policy: Sla.examplePolicy, calendar: oslo }
  const base = [open('2025-03-10T09:00:00+01:00'), prio('2025-03-10T09:00:00+01:00', 'low', 'low')]

  it('a priority change switches to the new targets and keeps the elapsed time', () => {
    const events = eventsOf([...base, prio('2025-03-10T11:00:00+01:00', 'high', 'high')])
    const r = metric(pipe(events, slaAt(agreement, instant('2025-03-10T12:00:00+01:00'))), 'resolution')
    // P1 now: 4 h target, 3 h used since 09:00
    expect([r.priority, r.elapsed, r.remaining, local(oslo)(r.dueAt)]).toStrictEqual([
      'P1',
      hours(3),
      hours(1),
      '2025-03-10T13:00:00+01:00'
    ])
  })

  it('warnings: at risk past 75 % of the target', () => {
    const events = eventsOf([...base, prio('2025-03-10T09:00:00+01:00', 'high', 'high')])
    const r = metric(pipe(events, slaAt(agreement, instant('2025-03-10T12:15:00+01:00'))), 'resolution')
    expect([r.state, r.warningsPassed, r.used]).toStrictEqual(['AtRisk', [0.5, 0.75], 3.25 / 4])
  })

  it('a breached clock has a negative remaining time and the breach instant', () => {
    const events = eventsOf([...base, prio('2025-03-10T09:00:00+01:00', 'high', 'high')])
    const r = metric(pipe(events, slaAt(agreement, instant('2025-03-11T09:00:00+01:00'))), 'resolution')
    expect([r.state, r.remaining, r.breachedAt]).toStrictEqual([
      'Breached',
      -hours(4),
      instant('2025-03-10T13:00:00+01:00')
    ])
  })

  const reopenedEvents = eventsOf([
    ...base,
    { _tag: 'Resolve', at: instant('2025-03-10T10:00:00+01:00'), actor: kari, code: 'fixed', note: 'Reset' },
    { _tag: 'Reject', at: instant('2025-03-10T12:00:00+01:00'), actor: ola, reason: 'Still broken' },
    {
      _tag: 'Resolve',
      at: instant('2025-03-10T15:00:00+01:00'),
      actor: kari,
      code: 'fixed',
      note: 'Replaced the toner'
    }
  ])
  const withReopen = (reopen: Sla.ReopenPolicy) => {
    const resolution = Sla.examplePolicy.metrics.resolution as Sla.MetricPolicy
    const policy: Sla.SlaPolicy = { ...Sla.examplePolicy, metrics: { resolution: { ...resolution, reopen } } }
    return metric(
      pipe(reopenedEvents, slaAt({ policy, calendar: oslo }, instant('2025-03-11T09:00:00+01:00'))),
      'resolution'
    )
  }

  it('a reopened ticket resumes its resolution clock by default (1 h + 3 h)', () => {
    expect([withReopen('resume').elapsed, withReopen('resume').metAt]).toStrictEqual([
      hours(4),
      instant('2025-03-10T15:00:00+01:00')
    ])
  })

  it('or restarts it at the reopening (3 h), or ends it at the first resolution (1 h)', () => {
    expect([withReopen('restart').elapsed, withReopen('restart').startedAt]).toStrictEqual([
      hours(3),
      instant('2025-03-10T12:00:00+01:00')
    ])
    expect([withReopen('firstCloseOnly').elapsed, withReopen('firstCloseOnly').metAt]).toStrictEqual([
      hours(1),
      instant('2025-03-10T10:00:00+01:00')
    ])
  })

  it('a question has no resolution target, and a ticket without a priority has no targets yet', () => {
    const question = eventsOf([
      open('2025-03-10T09:00:00+01:00', { kind: 'question' }),
      prio('2025-03-10T09:00:00+01:00', 'low', 'low')
    ])
    expect(metric(pipe(question, slaAt(agreement, instant('2025-03-10T12:00:00+01:00'))), 'resolution')).toMatchObject({
      state: 'NotApplicable',
      reason: 'a question has no resolution target'
    })
    const unprioritised = eventsOf([open('2025-03-10T09:00:00+01:00')])
    expect(metric(pipe(unprioritised, slaAt(agreement, instant('2025-03-10T12:00:00+01:00'))), 'response').reason).toBe(
      'the ticket has no priority yet'
    )
  })

  it('"the end of the next business day": a Friday-morning request is due Monday 16:00, and Easter is skipped', () => {
    const policy: Sla.SlaPolicy = {
      ...Sla.examplePolicy,
      metrics: {
        resolution: { targets: { P4: { _tag: 'BusinessDays', days: 1 } }, pauseWhileAwaiting: [], reopen: 'resume' }
      }
    }
    const due = Sla.dueDates({ policy, calendar: oslo })({
      openedAt: instant('2025-03-07T10:00:00+01:00'),
      priority: 'P4'
    })
    expect(due.map((d) => local(oslo)(d.dueAt))).toStrictEqual(['2025-03-10T16:00:00+01:00'])
    const easter = Sla.dueDates({ policy, calendar: oslo })({
      openedAt: instant('2025-04-16T10:00:00+02:00'),
      priority: 'P4'
    })
    expect(easter.map((d) => local(oslo)(d.dueAt))).toStrictEqual(['2025-04-22T16:00:00+02:00'])
  })

  it('the same policy evaluated on another customer’s calendar gives that calendar’s due dates', () => {
    const stockholm = compile(
      Calendar.weekdays({
        zone: 'Europe/Stockholm',
        opens: '09:00',
        closes: '17:00',
        holidays: Calendar.publicHolidays.SE
      })
    )
    const opened = instant('2025-06-19T15:00:00+02:00')
    const inOslo = Sla.dueDates({ policy: Sla.examplePolicy, calendar: oslo })({ openedAt: opened, priority: 'P2' })
    const inStockholm = Sla.dueDates({ policy: Sla.examplePolicy, calendar: stockholm })({
      openedAt: opened,
      priority: 'P2'
    })
    // resolution 8 h: Oslo Thursday 1 h + Friday 7 h; Stockholm Thursday 2 h, Midsummer Eve closed, Monday 6 h
    expect([local(oslo)(inOslo[1]?.dueAt), local(stockholm)(inStockholm[1]?.dueAt)]).toStrictEqual([
      '2025-06-20T15:00:00+02:00',
      '2025-06-23T15:00:00+02:00'
    ])
  })
})
