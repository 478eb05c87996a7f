/**
 * The report explains only the clocks that breached in the period (the SLA evaluation's
 * `explainBreaches`); each explanation must be the one the explained SLA evaluation of the whole
 * policy gives, whatever the period, but for a list longer than 50 entries: the report keeps its
 * first 50 and counts the rest in `omitted`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Calendar, Report, Sla, type Ticket, type Time } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import { agreements, at } from './desk.js'
import { denseMarch, tett } from './dense.js'
import { customers, historiesArb } from './histories.js'
import { march } from './march.js'

const M = 60_000
// tiers too, and a resolution metric that pauses for third parties as well: a tier clock pauses as it does
const resolution = {
  ...Sla.examplePolicy.metrics.resolution,
  targets: Sla.examplePolicy.metrics.resolution?.targets ?? {},
  pauseWhileAwaiting: ['customer', 'thirdParty'] as const
}
const policy: Sla.SlaPolicy = {
  ...Sla.examplePolicy,
  metrics: { ...Sla.examplePolicy.metrics, resolution },
  tiers: {
    L1: { _tag: 'BusinessTime', duration: (30 * M) as Time.Duration },
    L2: { _tag: 'BusinessTime', duration: (120 * M) as Time.Duration }
  }
}
const tiered = agreements.map((a) => ({ ...a, policy }))
const asOf = at('2025-04-01T00:00')

describe('breach explanations', () => {
  it('equal those of the explained SLA evaluation of the whole policy', () => {
    const seen = { breaches: 0, tiers: 0, updates: 0, paused: 0 }
    fc.assert(
      fc.property(historiesArb(8), (hs) => {
        const r = getRight(
          Report.serviceLevel({ agreements: tiered, period: { _tag: 'Month', year: 2025, month: 3 } })(hs)
        )
        for (const c of r.customers)
          for (const b of c.breaches) {
            const h = hs.find((x) => x[0]?.ticketId === b.ticketId) ?? []
            const agreement = tiered.find((a) => a.customer === c.customer) as Sla.Agreement
            const full = getRight(
              Sla.evaluate(agreement, asOf, { explain: true, explainLimit: Infinity })(h)
            ).metrics.find((m) => m.metric === b.metric)
            expect(b.explanation).toStrictEqual(full?.explanation)
            expect([b.dueAt, b.stoppedAt]).toStrictEqual([full?.breachedAt, full?.metAt])
            seen.breaches++
            if (b.metric.startsWith('tier:')) seen.tiers++
            if (b.metric === 'update') seen.updates++
            if ((b.explanation?.pauses.length ?? 0) > 0) seen.paused++
          }
      }),
      { numRuns: 100, seed: 7 }
    )
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(10)
  })

  it('are given for a period that reaches past 2200 too (a window the SLA evaluation accepts)', () => {
    let breaches = 0
    fc.assert(
      fc.property(historiesArb(8), (hs) => {
        const to = Date.UTC(2300, 0, 1) as Time.Instant
        const wide = { _tag: 'Range', from: at('2025-03-01T00:00'), to } as const
        const r = getRight(Report.serviceLevel({ agreements: tiered, period: wide, asOf })(hs))
        expect(r.rejected).toStrictEqual([])
        for (const c of r.customers)
          for (const b of c.breaches) {
            expect(b.explanation).toBeDefined()
            breaches++
          }
      }),
      { numRuns: 20, seed: 7 }
    )
    expect(breaches).toBeGreaterThan(10)
  })
})

/** The lists of an explanation, by name. */
const lists = ['counted', 'closed', 'pauses'] as const

/**
 * Checks each breach of a report against the explained SLA evaluation of its ticket (the oracle):
 * each list kept is the first entries of the full list, at most 50, and `omitted` counts the rest.
 * The breaches whose explanation was cut.
 */
const checkAgainstEvaluate = (
  r: Report.ServiceLevelReport,
  hs: ReadonlyArray<ReadonlyArray<Ticket.TicketEvent>>,
  agreementOf: (customer: string) => Sla.Agreement
): number => {
  let cut = 0
  for (const c of r.customers)
    for (const b of c.breaches) {
      const h = hs.find((x) => x[0]?.ticketId === b.ticketId) ?? []
      const full = getRight(
        Sla.evaluate(agreementOf(c.customer), c.asOf, { explain: true, explainLimit: Infinity })(h)
      ).metrics.find((m) => m.metric === b.metric)?.explanation
      if (full === undefined || b.explanation === undefined) throw new Error(`${b.ticketId} ${b.metric} unexplained`)
      const left = { counted: 0, closed: 0, pauses: 0 }
      for (const k of lists) {
        const kept = b.explanation[k]
        expect(kept.length).toBe(Math.min(full[k].length, 50))
        expect(kept).toStrictEqual(full[k].slice(0, kept.length))
        left[k] = full[k].length - kept.length
      }
      if (left.counted + left.closed + left.pauses === 0) expect(b).not.toHaveProperty('omitted')
      else {
        expect(b.omitted).toStrictEqual(left)
        cut++
      }
    }
  return cut
}

describe('breach explanations on a calendar open many times a day', () => {
  const period = { _tag: 'Month', year: 2025, month: 3 } as const

  it('keep the first 50 entries of each list and count the rest', () => {
    const r = getRight(Report.serviceLevel({ agreements: [tett], period })(denseMarch))
    expect(checkAgainstEvaluate(r, denseMarch, () => tett)).toBe(4)
    const byClock = Object.fromEntries(
      (r.customers[0]?.breaches ?? []).map((b) => [`${b.ticketId} ${b.metric}`, b.omitted])
    )
    // worked out by hand in dense.ts: INC-1's clocks count 990 intervals and skip 990 closed
    // stretches; INC-2's 912 and 912, and it waited 60 times; INC-3's response clock ran two hours
    expect(byClock).toStrictEqual({
      'INC-1 resolution': { counted: 940, closed: 940, pauses: 0 },
      'INC-1 update': { counted: 940, closed: 940, pauses: 0 },
      'INC-2 resolution': { counted: 862, closed: 862, pauses: 10 },
      'INC-2 update': { counted: 862, closed: 862, pauses: 10 },
      'INC-3 response': undefined
    })
    expect(Report.breachExplanationLimit).toBe(50)
  })

  it('keep the first 50 entries after merging shards and through the accumulator codec', () => {
    const c = getRight(Report.combiner({ agreements: [tett], period }))
    const shards = denseMarch.map((h) => c.addAll([h])(c.empty))
    const shipped = shards.map((a) =>
      getRight(Report.decodeAccumulator(JSON.parse(JSON.stringify(Report.encodeAccumulator(a)))))
    )
    const merged = shipped.reduce((acc, a) => c.merge(a)(acc), c.empty)
    expect(c.result(merged)).toStrictEqual(getRight(Report.serviceLevel({ agreements: [tett], period })(denseMarch)))
    expect(checkAgainstEvaluate(c.result(merged), denseMarch, () => tett)).toBe(4)
  })

  it('of a clock open seven months on a calendar of 720 intervals a day keep 50 of about 150 000', () => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    const day = Array.from({ length: 720 }, (_, k) => ({ opens: hhmm(2 * k), closes: hhmm(2 * k + 1) }))
    const weekly = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, day]))
    const calendar = getRight(Calendar.make({ zone: 'Europe/Oslo', weekly }))
    const agreement = { ...tett, calendar }
    const h = [(denseMarch[0] ?? []).slice(0, 2)]
    const asOf = at('2025-10-01T00:00')
    const r = getRight(Report.serviceLevel({ agreements: [agreement], period, asOf })(h))
    expect(r.customers[0]?.breaches.map((b) => b.metric)).toStrictEqual(['response', 'update', 'resolution'])
    expect(checkAgainstEvaluate(r, h, () => agreement)).toBe(3)
    const resolution = r.customers[0]?.breaches[2]
    expect(resolution?.explanation?.closed.length).toBe(50)
    expect(resolution?.omitted?.closed).toBeGreaterThan(150_000)
  })

  it('are whole, with nothing omitted, on a calendar open once a day', () => {
    const fjord = agreements.find((a) => a.customer === 'Fjord AS') as Sla.Agreement
    const r = getRight(Report.serviceLevel({ agreements: [fjord], period })(march))
    expect(r.customers[0]?.breaches.length).toBeGreaterThan(0)
    expect(checkAgainstEvaluate(r, march, () => fjord)).toBe(0)
  })

  it('are cut the same way in generated histories of both desks', () => {
    const both = [...tiered, { ...tett, policy }]
    const seen = { cut: 0, whole: 0 }
    fc.assert(
      fc.property(historiesArb(6, [...customers, 'Tett AS']), (hs) => {
        const r = getRight(Report.serviceLevel({ agreements: both, period })(hs))
        const cut = checkAgainstEvaluate(r, hs, (name) => both.find((a) => a.customer === name) as Sla.Agreement)
        seen.cut += cut
        seen.whole += r.customers.reduce((n, c) => n + c.breaches.length, 0) - cut
      }),
      { numRuns: 60, seed: 8 }
    )
    // the generator reaches both kinds of breach (a generated history waits a few times at most:
    // pauses past the limit are the example's)
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(10)
  })
})
