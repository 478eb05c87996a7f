/**
 * The wire form of the accumulators: shards encoded, sent as JSON text, decoded and merged give
 * exactly what merging the shards themselves gives; decoding reads back exactly and never throws.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Report, type Ticket } from '../../src/index.js'
import { deepFreeze, getLeft, getRight } from '../helpers/unsafe.js'
import { agreements, at, history } from './desk.js'
import { tett } from './dense.js'
import { customers, historiesArb } from './histories.js'

// the desk's three customers, and Tett AS on a calendar open 48 times a day, whose breaches
// leave entries of their explanations out
const c = getRight(
  Report.combiner({ agreements: [...agreements, tett], period: { _tag: 'Month', year: 2025, month: 3 } })
)
const wire = <A>(a: A): unknown => JSON.parse(JSON.stringify(a))
/** Fjord AS's INC-2 (urgency high, impact medium): opened Tuesday 4 March 15:00, answered Wednesday 09:00, resolved at `resolvedAt`. */
const inc2 = (resolvedAt: string) =>
  history([
    [
      '2025-03-04T15:00',
      {
        _tag: 'Open',
        ticketId: 'INC-2' as Ticket.TicketId,
        channel: 'email',
        customer: 'Fjord AS',
        requester: 'ola',
        title: 'x',
        kind: 'incident'
      }
    ],
    ['2025-03-04T15:00', { _tag: 'Prioritise', urgency: 'high', impact: 'medium' }],
    ['2025-03-05T09:00', { _tag: 'Reply', message: 'Looking' }],
    [resolvedAt, { _tag: 'Resolve', code: 'fixed', note: 'Fixed' }]
  ])

const shardsOf = <A>(xs: ReadonlyArray<A>, labels: ReadonlyArray<number>, n: number): A[][] => {
  const out: A[][] = Array.from({ length: n }, () => [])
  xs.forEach((x, i) => out[(labels[i] ?? 0) % n]?.push(x))
  return out
}
const sharded = historiesArb(12, [...customers, 'Tett AS']).chain((hs) =>
  fc.tuple(
    fc.constant(hs),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.nat(), { minLength: hs.length, maxLength: hs.length })
  )
)

describe('service-level accumulators on the wire', () => {
  it('encode → JSON text → decode → merge equals merging the shards themselves', () => {
    const seen = { values: 0, breaches: 0, explained: 0, omitted: 0, running: 0, shardsOf2: 0 }
    fc.assert(
      fc.property(sharded, ([hs, n, labels]) => {
        deepFreeze(hs)
        const accs = shardsOf(hs, labels, n).map((s) => c.addAll(s)(c.empty))
        const direct = accs.reduce((acc, a) => c.merge(a)(acc), c.empty)
        const shipped = accs.map((a) => getRight(Report.decodeAccumulator(wire(Report.encodeAccumulator(a)))))
        const merged = shipped.reduce((acc, a) => c.merge(a)(acc), c.empty)
        expect(c.result(merged)).toStrictEqual(c.result(direct))
        expect(Report.encodeAccumulator(merged)).toStrictEqual(Report.encodeAccumulator(direct))
        const r = c.result(direct)
        for (const x of r.customers) {
          seen.values += x.times.response.overall.count + x.times.resolution.overall.count
          seen.breaches += x.breaches.length
          seen.explained += x.breaches.filter((b) => b.explanation !== undefined).length
          seen.omitted += x.breaches.filter((b) => b.omitted !== undefined).length
          seen.running += x.workarounds.running.length
        }
        if (n >= 2) seen.shardsOf2++
      }),
      { numRuns: 60, seed: 11 }
    )
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(10)
  })

  it('reads back exactly: encoding the decoded value gives the same JSON', () => {
    fc.assert(
      fc.property(historiesArb(10, [...customers, 'Tett AS']), (hs) => {
        const json = wire(Report.encodeAccumulator(c.addAll(hs)(c.empty)))
        expect(Report.encodeAccumulator(getRight(Report.decodeAccumulator(json)))).toStrictEqual(json)
      }),
      { numRuns: 40 }
    )
  })

  it('keeps times that are not whole numbers exactly, as numbers that JSON carries to the last bit', () => {
    const json = wire(Report.encodeAccumulator(c.addAll([])(c.empty))) as Report.EncodedAccumulator
    const part = {
      opened: 0,
      byKind: {},
      byPriority: {},
      byCategory: {},
      byChannel: {},
      resolved: 0,
      backlogFrom: 0,
      backlogEnd: 0,
      days: [],
      times: { 'response|P3': [0.1, 1 / 3, 2 ** -1074, Number.MAX_VALUE] },
      sla: {},
      tierIn: {},
      breaches: [],
      firstLine: 0,
      firstContact: 0,
      reopened: 0,
      restored: 0,
      scores: {}
    }
    const odd = {
      ...json,
      customers: { 'Fjord AS': { current: part, previous: { ...part, times: {} }, running: [], knownErrors: [] } }
    }
    const back = Report.encodeAccumulator(getRight(Report.decodeAccumulator(wire(odd))))
    expect(back).toStrictEqual(odd)
    expect(
      c.result(getRight(Report.decodeAccumulator(wire(odd)))).customers.find((x) => x.customer === 'Fjord AS')?.times
        .response.overall.max
    ).toBe(Number.MAX_VALUE)
  })

  it('counts a category named __proto__ like any other, and ships it', () => {
    const h = history([
      [
        '2025-03-03T09:00',
        {
          _tag: 'Open',
          ticketId: 'INC-1' as Ticket.TicketId,
          channel: 'phone',
          customer: 'Fjord AS',
          requester: 'ola',
          title: 'x',
          kind: 'incident'
        }
      ],
      ['2025-03-03T09:01', { _tag: 'Classify', kind: 'incident', category: '__proto__' }]
    ])
    const acc = c.addAll([h])(c.empty)
    const fjord = (a: Report.Accumulator) =>
      c.result(a).customers.find((x) => x.customer === 'Fjord AS')?.volume.byCategory
    expect(fjord(acc)).toStrictEqual(JSON.parse('{"__proto__":1}'))
    expect(
      fjord(getRight(Report.decodeAccumulator(JSON.parse(JSON.stringify(Report.encodeAccumulator(acc))))))
    ).toStrictEqual(JSON.parse('{"__proto__":1}'))
  })

  it('any value is a Left or an accumulator, never an exception', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withTypedArray: true }), (u) => {
        expect(E.isLeft(Report.decodeAccumulator(u))).toBe(true)
        expect(E.isLeft(Report.decodeStatusAccumulator(u))).toBe(true)
      }),
      { numRuns: 300 }
    )
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no')
        }
      }
    )
    expect(getLeft(Report.decodeAccumulator(hostile)).issues.map((i) => i.path)).toStrictEqual(['accumulator'])
  })

  it('a valid encoding with one value replaced is read or refused with the path of a field, never thrown', () => {
    const json = wire(Report.encodeAccumulator(c.addAll([inc2('2025-03-05T15:00')])(c.empty)))
    // every path to a value in the encoding
    const paths: Array<ReadonlyArray<string | number>> = []
    const walk = (u: unknown, p: ReadonlyArray<string | number>): void => {
      paths.push(p)
      if (Array.isArray(u)) u.forEach((x, i) => walk(x, [...p, i]))
      else if (typeof u === 'object' && u !== null) for (const [k, v] of Object.entries(u)) walk(v, [...p, k])
    }
    walk(json, [])
    expect(paths.length).toBeGreaterThan(100)
    const replaced = (p: ReadonlyArray<string | number>, v: unknown): unknown => {
      const copy = structuredClone(json) as Record<string | number, unknown>
      if (p.length === 0) return v
      let o = copy
      for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>
      o[p[p.length - 1] as string] = v
      return copy
    }
    let refused = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.oneof(fc.jsonValue(), fc.constantFrom(-1, 0.5, 2 ** 53, '', 'tier:', 'x|y', null)),
        (p, v) => {
          const r = Report.decodeAccumulator(replaced(p, v))
          if (E.isLeft(r)) {
            refused++
            expect(r.left._tag).toBe('DecodeError')
            for (const i of r.left.issues) {
              expect(i.path.startsWith('accumulator')).toBe(true)
              expect(i.message.startsWith(`${i.path}: expected `)).toBe(true)
            }
          } else {
            // what is read can be merged and reported
            expect(c.result(c.merge(r.right)(c.empty))._tag).toBe('ServiceLevelReport')
          }
        }
      ),
      { numRuns: 400, seed: 3 }
    )
    expect(refused).toBeGreaterThan(100)
  })

  it('names every field that is wrong', () => {
    const json = wire(Report.encodeAccumulator(c.empty)) as Record<string, unknown>
    const msg = (u: unknown) => getLeft(Report.decodeAccumulator(u)).message
    expect(msg({ ...json, version: 2 })).toBe('accumulator.version: expected version 1, received 2')
    const part = wire(Report.encodeAccumulator(c.addAll([])(c.empty))) as Record<string, unknown>
    expect(part['customers']).toStrictEqual({})
    const good = {
      opened: 0,
      byKind: {},
      byPriority: {},
      byCategory: {},
      byChannel: {},
      resolved: 0,
      backlogFrom: 0,
      backlogEnd: 0,
      days: [],
      times: {},
      sla: {},
      tierIn: {},
      breaches: [],
      firstLine: 0,
      firstContact: 0,
      reopened: 0,
      restored: 0,
      scores: {}
    }
    const customer = {
      current: { ...good, opened: -1, days: [1], times: { response: [1] } },
      previous: { ...good, resolved: 'many' },
      running: [],
      knownErrors: []
    }
    expect(
      msg({
        ...json,
        customers: { 'Fjord AS': customer },
        rejected: [{ ticketId: 'T-1', message: 'x', extra: 1 }]
      }).split('\n')
    ).toStrictEqual([
      'accumulator.customers."Fjord AS".current.opened: expected a count (a whole number, at least 0), received -1',
      'accumulator.customers."Fjord AS".current.days: expected opened and resolved counts per day (an even length), received an array of 1 item',
      'accumulator.customers."Fjord AS".current.times.response: expected a clock key metric|priority (this key names none), received "response"',
      'accumulator.customers."Fjord AS".previous.resolved: expected a count (a whole number, at least 0), received "many"',
      'accumulator.rejected[0].extra: expected no such field (fields: ticketId, message), received 1'
    ])
  })
})

describe("a breach's omitted entries on the wire", () => {
  // Fjord AS's INC-2 breaches its response clock on Tuesday 4 March 16:00 (explained), and no other
  const breached = inc2('2025-03-05T09:30')
  interface Wire {
    customers: Record<string, { current: { breaches: Array<Record<string, unknown>> } }>
  }
  /** The encoding of the accumulator of INC-2, its breach changed by `f`. */
  const withBreach = (f: (b: Record<string, unknown>) => Record<string, unknown>): unknown => {
    const json = wire(Report.encodeAccumulator(c.addAll([breached])(c.empty))) as Wire
    const breaches = json.customers['Fjord AS']?.current.breaches ?? []
    expect(breaches.length).toBe(1)
    breaches[0] = f(breaches[0] as Record<string, unknown>)
    return json
  }
  const msg = (u: unknown): ReadonlyArray<string> => getLeft(Report.decodeAccumulator(u)).message.split('\n')
  const path = 'accumulator.customers."Fjord AS".current.breaches[0]'

  it('reads back exactly what it wrote, and the report shows it', () => {
    const json = withBreach((b) => ({ ...b, omitted: { counted: 3, closed: 0, pauses: 1 } }))
    const acc = getRight(Report.decodeAccumulator(json))
    expect(Report.encodeAccumulator(acc)).toStrictEqual(json)
    const fjord = c.result(acc).customers.find((x) => x.customer === 'Fjord AS')
    expect(fjord?.breaches.map((b) => [b.ticketId, b.omitted])).toStrictEqual([
      ['INC-2', { counted: 3, closed: 0, pauses: 1 }]
    ])
  })

  it('reads an explanation longer than a report keeps now, as versions before 0.3.0 wrote it', () => {
    const closed = Array.from({ length: 120 }, (_, i) => ({ from: 1000 * i, to: 1000 * i + 500, holidays: [] }))
    const json = withBreach((b) => ({ ...b, explanation: { counted: [], closed, pauses: [] } }))
    const acc = getRight(Report.decodeAccumulator(json))
    expect(Report.encodeAccumulator(acc)).toStrictEqual(json)
    expect(
      c.result(acc).customers.find((x) => x.customer === 'Fjord AS')?.breaches[0]?.explanation?.closed
    ).toHaveLength(120)
  })

  it('checks every count, naming its path', () => {
    expect(msg(withBreach((b) => ({ ...b, omitted: { counted: -1, closed: 1.5, extra: 0 } })))).toStrictEqual([
      `${path}.omitted.extra: expected no such field (fields: counted, closed, pauses), received 0`,
      `${path}.omitted.pauses: expected a value, received nothing`
    ])
    expect(msg(withBreach((b) => ({ ...b, omitted: { counted: -1, closed: 1.5, pauses: '2' } })))).toStrictEqual([
      `${path}.omitted.counted: expected a count (a whole number, at least 0), received -1`,
      `${path}.omitted.closed: expected a count (a whole number, at least 0), received 1.5`,
      `${path}.omitted.pauses: expected a count (a whole number, at least 0), received "2"`
    ])
    expect(msg(withBreach((b) => ({ ...b, omitted: [1, 2, 3] })))).toStrictEqual([
      `${path}.omitted: expected an object, received an array of 3 items`
    ])
  })

  it('refuses omitted counts that are all 0, or that have no explanation beside them', () => {
    expect(msg(withBreach((b) => ({ ...b, omitted: { counted: 0, closed: 0, pauses: 0 } })))).toStrictEqual([
      `${path}.omitted: expected at least one count above 0 (the field is absent when nothing was left out), received an object`
    ])
    expect(
      msg(
        withBreach((b) => {
          const { explanation: _, ...rest } = b
          return { ...rest, omitted: { counted: 1, closed: 0, pauses: 0 } }
        })
      )
    ).toStrictEqual([`${path}.omitted: expected omitted entries only beside an explanation, received an object`])
  })
})

describe('daily-status accumulators on the wire', () => {
  it('encode → JSON text → decode → merge equals merging the shards themselves, and reads back exactly', () => {
    let reasons = 0
    fc.assert(
      fc.property(
        sharded,
        fc.integer({ min: at('2025-03-01T00:00'), max: at('2025-04-01T00:00') }),
        ([hs, n, labels], t) => {
          const s = getRight(Report.statusCombiner({ agreements, at: t as never }))
          const accs = shardsOf(hs, labels, n).map((x) => s.addAll(x)(s.empty))
          const direct = accs.reduce((acc, a) => s.merge(a)(acc), s.empty)
          const shipped = accs.map((a) => wire(Report.encodeStatusAccumulator(a)))
          for (const j of shipped)
            expect(Report.encodeStatusAccumulator(getRight(Report.decodeStatusAccumulator(j)))).toStrictEqual(j)
          const merged = shipped
            .map((j) => getRight(Report.decodeStatusAccumulator(j)))
            .reduce((acc, a) => s.merge(a)(acc), s.empty)
          expect(s.result(merged)).toStrictEqual(s.result(direct))
          reasons += s.result(direct).customers.reduce((k, x) => k + x.reasons.length, 0)
        }
      ),
      { numRuns: 60, seed: 12 }
    )
    expect(reasons).toBeGreaterThan(50)
  })

  it('a reason whose ticketId, rule or health is set to undefined (a JavaScript value) is refused at that field', () => {
    const good = { ticketId: 'INC-1', rule: 'breached', health: 'Critical' }
    for (const field of ['ticketId', 'rule', 'health'])
      expect(
        E.mapLeft((e: { message: string }) => e.message)(
          Report.decodeStatusAccumulator({
            _tag: 'StatusAccumulator',
            version: 1,
            reasons: { 'Fjord AS': [{ ...good, [field]: undefined }] },
            rejected: []
          })
        )
      ).toStrictEqual(E.left(`accumulator.reasons."Fjord AS"[0].${field}: expected a value, received nothing`))
  })
})
