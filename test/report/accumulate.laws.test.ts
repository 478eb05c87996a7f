import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Report, type Ticket } from '../../src/index.js'
import { deepFreeze, getRight } from '../helpers/unsafe.js'
import { agreements, at } from './desk.js'
import { historiesArb } from './histories.js'

const params: Report.ServiceLevelParams = { agreements, period: { _tag: 'Month', year: 2025, month: 3 } }
const c = getRight(Report.combiner(params))
const whole = (hs: ReadonlyArray<ReadonlyArray<Ticket.TicketEvent>>) => c.result(c.addAll(hs)(c.empty))

/** Splits a list into shards by the given shard number of each item. */
const shardsOf = <A>(xs: ReadonlyArray<A>, labels: ReadonlyArray<number>, n: number): A[][] => {
  const out: A[][] = Array.from({ length: n }, () => [])
  xs.forEach((x, i) => out[(labels[i] ?? 0) % n]?.push(x))
  return out
}

const runs = { numRuns: 60 }

describe('service-level accumulators form a commutative monoid', () => {
  it('the generator reaches the states the laws are about', () => {
    const seen = {
      breaches: 0,
      resolvedInPeriod: 0,
      reopened: 0,
      rated: 0,
      escalated: 0,
      previous: 0,
      backlog: 0,
      running: 0,
      critical: 0,
      needAttention: 0,
      good: 0
    }
    fc.assert(
      fc.property(historiesArb(12), (hs) => {
        for (const day of ['03', '07', '12', '18', '25'])
          for (const c of getRight(Report.dailyStatus({ agreements, at: at(`2025-03-${day}T10:00`) })(hs)).customers)
            seen[c.health === 'Critical' ? 'critical' : c.health === 'NeedAttention' ? 'needAttention' : 'good']++
        for (const r of whole(hs).customers) {
          seen.breaches += r.breaches.length
          seen.resolvedInPeriod += r.volume.resolved
          seen.reopened += r.resolution.reopened
          seen.rated += r.satisfaction.ratings
          seen.escalated += r.escalations.reduce((n, e) => n + e.escalated, 0)
          seen.previous += r.comparison.find((x) => x.figure === 'opened')?.previous ?? 0
          seen.backlog += r.volume.backlogAtFrom
          seen.running += r.workarounds.running.length
        }
      }),
      { numRuns: 100, seed: 20250301 }
    )
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(10)
  })

  it('random shards, reduced separately and merged in any order, give exactly the report of the whole', () => {
    fc.assert(
      fc.property(
        historiesArb(14).chain((hs) =>
          fc.tuple(
            fc.constant(hs),
            fc.integer({ min: 1, max: 5 }),
            fc.array(fc.nat(), { minLength: hs.length, maxLength: hs.length }),
            fc.nat()
          )
        ),
        ([hs, n, labels, seed]) => {
          deepFreeze(hs)
          const accs = shardsOf(hs, labels, n).map((s) => c.addAll(s)(c.empty))
          // merge in a shuffled order, as a tree or a fold depending on the seed
          const order = accs
            .map((a, i) => [a, (i * 7919 + seed) % 101] as const)
            .sort((x, y) => x[1] - y[1])
            .map(([a]) => a)
          const merged =
            seed % 2 === 0
              ? order.reduce((acc, a) => c.merge(a)(acc), c.empty)
              : order.reduceRight((acc, a) => c.merge(acc)(a), c.empty)
          expect(c.result(merged)).toStrictEqual(whole(hs))
        }
      ),
      runs
    )
  })

  it('empty is the identity of merge, and add equals addAll of one', () => {
    fc.assert(
      fc.property(historiesArb(8), (hs) => {
        const a = c.addAll(hs)(c.empty)
        expect(c.result(c.merge(c.empty)(a))).toStrictEqual(c.result(a))
        expect(c.result(c.merge(a)(c.empty))).toStrictEqual(c.result(a))
        expect(c.result(hs.reduce((acc, h) => c.add(h)(acc), c.empty))).toStrictEqual(c.result(a))
      }),
      runs
    )
  })

  it('addAll reads any iterable as it reads an array, asking for each history once and in order', () => {
    fc.assert(
      fc.property(historiesArb(8), fc.integer({ min: 1, max: 20 }), (hs, n) => {
        const asked: number[] = []
        // a generator that makes each history when asked, as the command line's decoder does
        const lazily = function* () {
          for (let i = 0; i < hs.length; i++) {
            asked.push(i)
            yield hs[i] as ReadonlyArray<Ticket.TicketEvent>
          }
        }
        expect(c.result(c.addAll(lazily())(c.empty))).toStrictEqual(whole(hs))
        expect(asked).toStrictEqual(hs.map((_, i) => i))
        // a Set, and chunks of any size added one after another
        expect(c.result(c.addAll(new Set(hs))(c.empty))).toStrictEqual(whole(hs))
        let acc = c.empty
        for (let i = 0; i < hs.length; i += n) acc = c.addAll(hs.slice(i, i + n).values())(acc)
        expect(c.result(acc)).toStrictEqual(whole(hs))
        const s = getRight(Report.statusCombiner({ agreements, at: at('2025-03-20T10:00') }))
        const status = getRight(Report.dailyStatus({ agreements, at: at('2025-03-20T10:00') })(hs))
        expect(s.result(s.addAll(hs.values())(s.empty))).toStrictEqual(status)
      }),
      runs
    )
  })

  it('an iterable that throws part of the way counts the histories before it and is listed as rejected', () => {
    fc.assert(
      fc.property(historiesArb(8), fc.nat(), (hs, k) => {
        const before = k % (hs.length + 1)
        const failing = function* () {
          yield* hs.slice(0, before)
          throw new Error('the export broke: customer text that must never be shown')
        }
        const report = c.result(c.addAll(failing())(c.empty))
        const expected = whole(hs.slice(0, before))
        const unread = {
          ticketId: '(unknown)',
          message: 'the iterable of ticket histories failed part of the way; the histories before it count'
        }
        expect(report.customers).toStrictEqual(expected.customers)
        expect(report.rejected).toStrictEqual(
          [...expected.rejected, unread].sort((a, b) => (a.ticketId < b.ticketId ? -1 : 1))
        )
        expect(JSON.stringify(report)).not.toContain('must never be shown')
        const s = getRight(Report.statusCombiner({ agreements, at: at('2025-03-20T10:00') }))
        expect(s.result(s.addAll(failing())(s.empty)).rejected).toContainEqual(unread)
      }),
      runs
    )
  })

  it('addAll of a value that is not iterable lists it as rejected and adds nothing', () => {
    const unread = { ticketId: '(unknown)', message: 'expected an array or other iterable of ticket histories' }
    const s = getRight(Report.statusCombiner({ agreements, at: at('2025-03-20T10:00') }))
    // what a JavaScript caller may pass, a revoked Proxy included
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    for (const u of [undefined, null, 42, { length: 1 }, { [Symbol.iterator]: 'no' }, revoked.proxy]) {
      expect(c.result(c.addAll(u as never)(c.empty))).toStrictEqual({ ...whole([]), rejected: [unread] })
      expect(s.result(s.addAll(u as never)(s.empty)).rejected).toStrictEqual([unread])
    }
  })

  it('operations leave their arguments as they were', () => {
    fc.assert(
      fc.property(historiesArb(6), historiesArb(6), (xs, ys) => {
        const a = c.addAll(xs)(c.empty)
        const before = c.result(a)
        c.merge(c.addAll(ys)(c.empty))(a)
        c.addAll(ys)(a)
        expect(c.result(a)).toStrictEqual(before)
      }),
      runs
    )
  })

  it('accumulators grown from one accumulator are independent (copies share the times they hold)', () => {
    const renamed = (hs: ReadonlyArray<ReadonlyArray<Ticket.TicketEvent>>, tail: string) =>
      hs.map((h) => h.map((e) => ({ ...e, ticketId: `${e.ticketId}${tail}` as Ticket.TicketId })))
    fc.assert(
      fc.property(historiesArb(6), historiesArb(6), historiesArb(6), (xs, ys0, zs0) => {
        const ys = renamed(ys0, 'y')
        const zs = renamed(zs0, 'z')
        const a = c.addAll(xs)(c.empty)
        const b1 = c.addAll(ys)(a)
        const b2 = c.addAll(zs)(a)
        // b2 appended where b1 had: each still reads its own values
        const b3 = c.merge(b1)(b2)
        const b4 = c.merge(a)(a)
        // the same operations on accumulators made afresh, sharing nothing
        const fresh = (hs: ReadonlyArray<ReadonlyArray<Ticket.TicketEvent>>) => c.addAll(hs)(c.empty)
        expect(c.result(b1)).toStrictEqual(whole([...xs, ...ys]))
        expect(c.result(b2)).toStrictEqual(whole([...xs, ...zs]))
        expect(c.result(c.addAll(ys)(b2))).toStrictEqual(whole([...xs, ...zs, ...ys]))
        expect(c.result(b3)).toStrictEqual(c.result(c.merge(fresh([...xs, ...ys]))(fresh([...xs, ...zs]))))
        expect(c.result(b4)).toStrictEqual(c.result(c.merge(fresh(xs))(fresh(xs))))
        expect(c.result(a)).toStrictEqual(whole(xs))
      }),
      runs
    )
  })

  it('the report does not depend on the order of the histories', () => {
    fc.assert(
      fc.property(historiesArb(10), (hs) => {
        expect(whole([...hs].reverse())).toStrictEqual(whole(hs))
      }),
      runs
    )
  })

  it('counts in the period never drop when histories are added', () => {
    fc.assert(
      fc.property(historiesArb(8), historiesArb(8), (xs, ys) => {
        const ys2 = ys.map((h) => h.map((e) => ({ ...e, ticketId: `${e.ticketId}b` as Ticket.TicketId })))
        const small = whole(xs).customers
        const big = whole([...xs, ...ys2]).customers
        small.forEach((r, i) => {
          const b = big[i] as Report.CustomerReport
          expect(b.volume.opened).toBeGreaterThanOrEqual(r.volume.opened)
          expect(b.volume.resolved).toBeGreaterThanOrEqual(r.volume.resolved)
          expect(b.times.resolution.overall.count).toBeGreaterThanOrEqual(r.times.resolution.overall.count)
          expect(b.satisfaction.ratings).toBeGreaterThanOrEqual(r.satisfaction.ratings)
          expect(b.breaches.length).toBeGreaterThanOrEqual(r.breaches.length)
        })
      }),
      runs
    )
  })

  it('a report as of t ignores events after t: it equals the report of the histories cut at t', () => {
    fc.assert(
      fc.property(
        historiesArb(10),
        fc.integer({ min: at('2025-03-01T00:00'), max: at('2025-04-01T00:00') }),
        (hs, t) => {
          const p = { ...params, asOf: t as never }
          const cut = hs.map((h) => h.filter((e) => e.at <= t)).filter((h) => h.length > 0)
          expect(getRight(Report.serviceLevel(p)(cut))).toStrictEqual(getRight(Report.serviceLevel(p)(hs)))
        }
      ),
      runs
    )
  })

  it('daily status: random shards merged in any order give exactly the status of the whole', () => {
    fc.assert(
      fc.property(
        historiesArb(12).chain((hs) =>
          fc.tuple(
            fc.constant(hs),
            fc.integer({ min: 1, max: 4 }),
            fc.array(fc.nat(), { minLength: hs.length, maxLength: hs.length }),
            fc.integer({ min: at('2025-03-01T00:00'), max: at('2025-04-01T00:00') })
          )
        ),
        ([hs, n, labels, t]) => {
          const s = getRight(Report.statusCombiner({ agreements, at: t as never }))
          const accs = shardsOf(hs, labels, n).map((x) => s.addAll(x)(s.empty))
          const merged = [...accs].reverse().reduce((acc, a) => s.merge(acc)(a), s.empty)
          expect(s.result(merged)).toStrictEqual(getRight(Report.dailyStatus({ agreements, at: t as never })(hs)))
        }
      ),
      runs
    )
  })

  it('the daily status does not depend on the order of the histories', () => {
    fc.assert(
      fc.property(
        historiesArb(10),
        fc.integer({ min: at('2025-03-01T00:00'), max: at('2025-04-01T00:00') }),
        (hs, t) => {
          const s = Report.dailyStatus({ agreements, at: t as never })
          expect(s([...hs].reverse())).toStrictEqual(s(hs))
          expect(E.isRight(s(hs))).toBe(true)
        }
      ),
      runs
    )
  })
})
