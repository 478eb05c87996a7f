import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Kind, Report } from '../../src/index.js'
import { deepFreeze, getLeft, getRight } from '../helpers/unsafe.js'
import { agreements, at } from './desk.js'
import { march } from './march.js'

const M = 60_000
const H = 60 * M
const fjord = agreements.filter((a) => a.customer === 'Fjord AS')
const report = (extra: Partial<Report.ServiceLevelParams> = {}) =>
  getRight(
    pipe(
      deepFreeze(march),
      Report.serviceLevel({ agreements: fjord, period: { _tag: 'Month', year: 2025, month: 3 }, ...extra })
    )
  )
const only = (r: Report.ServiceLevelReport) => r.customers[0] as Report.CustomerReport

describe('the March report of Fjord AS', () => {
  const r = only(report())

  it('covers March in Oslo, as of its end', () => {
    expect([r.period, r.previous.label, r.asOf, r.zone, r.policy]).toStrictEqual([
      { label: '2025-03', from: at('2025-03-01T00:00'), to: at('2025-04-01T00:00') },
      '2025-02',
      at('2025-04-01T00:00'),
      'Europe/Oslo',
      'Standard (ITIL P1–P5)'
    ])
  })

  it('counts four tickets opened, four resolved (each once), one in the backlog at each end', () => {
    const v = r.volume
    expect([v.opened, v.resolved, v.backlogAtFrom, v.backlogAtAsOf]).toStrictEqual([4, 4, 1, 1])
    expect(v.byPriority).toStrictEqual({ P2: 1, P3: 2, P5: 1 })
    expect(v.byKind).toStrictEqual({ incident: 3, serviceRequest: 1 })
    expect(v.byChannel).toStrictEqual({ chat: 1, email: 1, phone: 1, portal: 1 })
    expect(v.days.length).toBe(31)
    expect(v.days.filter((d) => d.opened + d.resolved > 0)).toStrictEqual([
      { date: '2025-03-03', opened: 1, resolved: 2 },
      { date: '2025-03-04', opened: 1, resolved: 0 },
      { date: '2025-03-05', opened: 0, resolved: 1 },
      { date: '2025-03-10', opened: 1, resolved: 0 },
      { date: '2025-03-11', opened: 0, resolved: 1 },
      { date: '2025-03-28', opened: 1, resolved: 0 }
    ])
  })

  it('response times 5, 30, 30 and 120 minutes: mean 46.25 min, median 30 min (mean of the middle two), p90 the 4th value', () => {
    expect(r.times.response.overall).toStrictEqual({
      count: 4,
      mean: 46.25 * M,
      median: 30 * M,
      p90: 120 * M,
      max: 120 * M
    })
    expect(r.times.response.byPriority['P3']).toStrictEqual({
      count: 2,
      mean: 30 * M,
      median: 30 * M,
      p90: 30 * M,
      max: 30 * M
    })
  })

  it('resolution times 80 min, 4 h, 8 h and 16 h (the reopened request counts both stretches, the February ticket its whole time)', () => {
    expect(r.times.resolution.overall).toStrictEqual({
      count: 4,
      mean: 440 * M,
      median: 6 * H,
      p90: 16 * H,
      max: 16 * H
    })
  })

  it('kept the agreement: response 3 of 4 (one breached, stopped late), resolution 4 of 4', () => {
    const row = (metric: string, priority = '*') =>
      r.attainment.find((x) => x.metric === metric && x.priority === priority)
    expect(row('response')).toStrictEqual({
      metric: 'response',
      priority: '*',
      met: 3,
      breached: 1,
      stoppedLate: 1,
      attainment: 0.75
    })
    expect(row('response', 'P2')).toStrictEqual({
      metric: 'response',
      priority: 'P2',
      met: 0,
      breached: 1,
      stoppedLate: 1,
      attainment: 0
    })
    expect(row('resolution')).toStrictEqual({
      metric: 'resolution',
      priority: '*',
      met: 4,
      breached: 0,
      stoppedLate: 0,
      attainment: 1
    })
    expect(r.attainment.filter((x) => x.priority === '*').map((x) => x.metric)).toStrictEqual([
      'response',
      'resolution',
      'update',
      'restore'
    ])
  })

  it('lists every breach with due, stop, overrun and explanation', () => {
    expect(r.breaches.map((b) => [b.ticketId, b.metric, b.priority, b.dueAt, b.stoppedAt, b.overrun])).toStrictEqual([
      ['INC-2', 'response', 'P2', at('2025-03-04T16:00'), at('2025-03-05T09:00'), 1 * H],
      ['INC-2', 'update', 'P2', at('2025-03-05T11:00'), at('2025-03-05T15:00'), 4 * H],
      ['INC-2', 'restore', 'P2', at('2025-03-05T13:00'), at('2025-03-05T15:00'), 2 * H],
      // P3 updates every 8 h: last reply Friday 14:30, so 1.5 h that day and 6.5 h on Monday 31 March; still running at the end of the month
      ['INC-4', 'update', 'P3', at('2025-03-31T14:30'), undefined, 1.5 * H]
    ])
    const closed = r.breaches[0]?.explanation?.closed ?? []
    expect(closed.map((c) => [c.from, c.to])).toStrictEqual([[at('2025-03-04T16:00'), at('2025-03-05T08:00')]])
  })

  it('first-line 3 of 4, first-contact 2 of 4 (the request took two replies), reopen rate 1 of 4', () => {
    expect(r.resolution).toStrictEqual({
      resolved: 4,
      firstLine: 3,
      firstContact: 2,
      reopened: 1,
      firstLineRate: 0.75,
      firstContactRate: 0.5,
      reopenRate: 0.25
    })
    expect(r.escalations.map((e) => [e.tier, e.escalated])).toStrictEqual([['L2', 1]])
  })

  it('satisfaction: 5, 3 and 1 give CSAT 33.3, Net CSAT 0, mean 3, response rate 3 of 4, and few ratings', () => {
    expect(r.satisfaction).toStrictEqual({
      ratings: 3,
      positive: 1,
      neutral: 1,
      negative: 1,
      byScore: { '1': 1, '3': 1, '5': 1 },
      csat: 100 / 3,
      netCsat: 0,
      mean: 3,
      responseRate: 0.75,
      fewRatings: true
    })
  })

  it('compares with February: one ticket opened then, four now', () => {
    expect(r.comparison.find((c) => c.figure === 'opened')).toStrictEqual({
      figure: 'opened',
      current: 4,
      previous: 1,
      change: 3
    })
    expect(r.comparison.find((c) => c.figure === 'responseMedian')).toStrictEqual({
      figure: 'responseMedian',
      current: 30 * M,
      previous: 10 * M,
      change: 20 * M
    })
  })

  it('records its parameters and definitions', () => {
    const p = report().parameters
    expect(p.period).toStrictEqual({ _tag: 'Month', year: 2025, month: 3 })
    expect(p.satisfaction).toStrictEqual({ positiveFrom: 4, negativeTo: 2 })
    expect(p.definitions).toContain('nearest rank')
    expect('kinds' in p).toBe(false)
  })

  it('records the kind rules it was given', () => {
    const kinds = Kind.defaultKindRules
    expect(report({ kinds }).parameters.kinds).toStrictEqual(kinds.kinds)
  })
})

describe('satisfaction as SmileBack counts it', () => {
  it('175 positive and 6 neutral of 181 ratings give Net CSAT 96.7 and no few-ratings flag', async () => {
    const { history } = await import('./desk.js')
    const rated = Array.from({ length: 181 }, (_, i) =>
      history([
        [
          '2025-03-03T09:00',
          {
            _tag: 'Open',
            ticketId: `R-${i}` as never,
            channel: 'phone',
            customer: 'Fjord AS',
            requester: 'ola',
            title: 'x',
            kind: 'question'
          }
        ],
        ['2025-03-03T09:01', { _tag: 'Resolve', code: 'answered', note: 'ok' }],
        ['2025-03-03T09:02', { _tag: 'Rate', score: i < 175 ? 5 : 3, actor: { role: 'customer', id: 'ola' } }]
      ])
    )
    const s = only(
      getRight(Report.serviceLevel({ agreements: fjord, period: { _tag: 'Month', year: 2025, month: 3 } })(rated))
    ).satisfaction
    expect([
      s.ratings,
      s.positive,
      s.neutral,
      s.negative,
      Math.round((s.netCsat ?? 0) * 10) / 10,
      s.fewRatings
    ]).toStrictEqual([181, 175, 6, 0, 96.7, false])
  })
})

describe('as of an instant', () => {
  it('the report as of 4 March knows nothing that happened later', () => {
    const early = only(report({ asOf: at('2025-03-04T12:00') }))
    expect([early.volume.opened, early.volume.resolved, early.volume.backlogAtAsOf]).toStrictEqual([1, 2, 0])
    const cut = march.map((h) => h.filter((e) => e.at <= at('2025-03-04T12:00'))).filter((h) => h.length > 0)
    expect(
      only(
        getRight(
          Report.serviceLevel({
            agreements: fjord,
            period: { _tag: 'Month', year: 2025, month: 3 },
            asOf: at('2025-03-04T12:00')
          })(cut)
        )
      )
    ).toStrictEqual(early)
  })
})

describe('bad input', () => {
  it('names the path of what is wrong, and never throws', () => {
    const bad = (params: unknown) => getLeft(Report.serviceLevel(params as never)([])).message
    expect(bad({ agreements: fjord, period: { _tag: 'Month', year: 2025, month: 13 } })).toBe(
      'period.month: expected a month 1–12, received 13'
    )
    expect(bad({ agreements: fjord, period: { _tag: 'Fortnight' } })).toBe(
      'period._tag: expected one of "Day" | "Week" | "Month" | "Quarter" | "Range", received "Fortnight"'
    )
    expect(bad({ agreements: [{}], period: { _tag: 'Day', date: '2025-03-03' } })).toBe(
      'agreements[0].customer: expected the customer the agreement covers, received nothing'
    )
    expect(bad(null)).toBe('params: expected the service-level parameters, received null')
    expect(
      E.isLeft(Report.serviceLevel({ agreements: fjord, period: { _tag: 'Week', year: 2025, week: 53 } })([]))
    ).toBe(true)
    expect(
      E.isRight(Report.serviceLevel({ agreements: fjord, period: { _tag: 'Week', year: 2026, week: 53 } })([]))
    ).toBe(true)
  })
})

describe('escalations against each tier’s own target', () => {
  it('with L1 30 min and L2 2 h: four March tickets outstayed L1, INC-2 spent 5 h in L2', () => {
    const tiered = fjord.map((a) => ({
      ...a,
      policy: {
        ...a.policy,
        tiers: { L1: { _tag: 'BusinessTime', duration: 30 * M }, L2: { _tag: 'BusinessTime', duration: 2 * H } }
      } as never
    }))
    const r = only(
      getRight(Report.serviceLevel({ agreements: tiered, period: { _tag: 'Month', year: 2025, month: 3 } })(march))
    )
    expect(r.escalations).toStrictEqual([
      // L1 times stopped in March: INC-1 4 h, INC-2 3 h (until escalated), INC-3 16 h, REQ-5 80 min; INC-4 still in L1, breached 28 March
      {
        tier: 'L1',
        escalated: 0,
        time: { count: 4, mean: (4 * H + 3 * H + 16 * H + 80 * M) / 4, median: 3.5 * H, p90: 16 * H, max: 16 * H },
        met: 0,
        breached: 4
      },
      {
        tier: 'L2',
        escalated: 1,
        time: { count: 1, mean: 5 * H, median: 5 * H, p90: 5 * H, max: 5 * H },
        met: 0,
        breached: 1
      }
    ])
  })
})
