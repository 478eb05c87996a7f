import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as All from '../../src/index.js'
import { Calendar, Classification, Kind, Priority, Ticket, type Time } from '../../src/index.js'
import * as Codec from '../../src/codec/index.js'

// Every public decoder (every `decode…` function of every module, and `decode` and `is` of every
// raw codec of itsm-kit/codec) against fc.anything() and against structured mutations of valid
// inputs: dropped, extra and wrong-typed fields, `__proto__` keys, huge and deeply nested values,
// NaN, -0 and ±Infinity, and unicode. None may throw; a refusal is a Left whose message is text
// on bounded lines; an acceptance is a value the decoder's own guard accepts.

const numRuns = process.env.CI ? 300 : 60

type Decoder = (u: unknown) => E.Either<{ readonly message: string }, unknown>

const categories = E.getOrElseW(() => expect.fail('tree'))(
  Classification.makeCategoryTree({
    categories: [
      { id: 'network', name: 'Network' },
      { id: 'network.vpn', name: 'VPN', parent: 'network' }
    ]
  })
)
const curried: Record<string, Decoder> = {
  'Classification.decodeClassifier': (u: unknown) => Classification.decodeClassifier(u, { categories })
}

const decoders: ReadonlyArray<readonly [string, Decoder]> = Object.entries(All).flatMap(([module, m]) =>
  Object.entries(m as Record<string, unknown>)
    .filter(([name, f]) => name.startsWith('decode') && typeof f === 'function')
    .map(([name, f]) => [`${module}.${name}`, curried[`${module}.${name}`] ?? (f as Decoder)] as const)
)
interface RawCodec {
  readonly decode: Decoder
  readonly is: (u: unknown) => boolean
}
const codecs: ReadonlyArray<readonly [string, RawCodec]> = Object.entries(Codec as Record<string, unknown>)
  .filter(([, c]) => typeof c === 'object' && c !== null && 'decode' in c)
  .map(([name, c]) => [name, c as RawCodec] as const)

// valid inputs to mutate, one per kind of wire document
const kari = { role: 'agent', id: 'kari' } as const
const opened = {
  _tag: 'TicketOpened',
  ticketId: 'INC-1',
  seq: 1,
  at: '2025-03-07T08:00:00Z',
  actor: kari,
  channel: 'phone',
  customer: 'ACME',
  requester: 'ola',
  title: 'VPN',
  tier: 'L1'
}
const prioritised = {
  _tag: 'PrioritySet',
  ticketId: 'INC-1',
  seq: 2,
  at: '2025-03-07T08:01:00Z',
  actor: kari,
  urgency: 'high',
  impact: 'low',
  rank: 3,
  name: 'P3',
  label: 'moderate'
}
const history = [opened, prioritised]
const ticket = Ticket.encodeTicket(E.getOrElseW(() => expect.fail('history'))(Ticket.decodeHistory(history)).ticket)
const valid: ReadonlyArray<readonly [string, Decoder, unknown]> = [
  ['Ticket.decodeEvent', Ticket.decodeEvent, opened],
  [
    'Ticket.decodeCommand',
    Ticket.decodeCommand,
    { _tag: 'Reply', at: '2025-03-07T09:00:00Z', actor: kari, message: 'On it' }
  ],
  ['Ticket.decodeHistory', (u) => Ticket.decodeHistory(u, Ticket.defaultContext), history],
  ['Ticket.decodeTicket', Ticket.decodeTicket, ticket],
  ['Priority.decodeMatrix', (u) => Priority.decodeMatrix(u), Priority.encodeMatrix(Priority.itilDefault)],
  ['Kind.decodeKindRules', Kind.decodeKindRules, Kind.encodeKindRules(Kind.defaultKindRules)],
  [
    'Classification.decodeCategoryTree',
    Classification.decodeCategoryTree,
    Classification.encodeCategoryTree(categories)
  ],
  [
    'Classification.decodeClassifier',
    curried['Classification.decodeClassifier'] as Decoder,
    {
      rules: [
        { id: 'vpn', when: { _tag: 'Text', patterns: ['vpn'] }, then: { kind: 'incident', category: 'network.vpn' } }
      ]
    }
  ],
  [
    'Calendar.decodeCalendarSpec',
    Calendar.decodeCalendarSpec,
    JSON.parse(JSON.stringify(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })))
  ],
  ['Time.decodeInstant', All.Time.decodeInstant, '2025-03-07T08:00:00+01:00'],
  ['Time.decodeDuration', All.Time.decodeDuration, 'PT4H']
]

const nested = (depth: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v }
  return v
}
const protoKey = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}') as Record<
  string,
  unknown
>
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    -0,
    Infinity,
    -Infinity,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    '\u202e\u0000\n',
    '\ud800',
    'x'.repeat(1_000_000),
    nested(10_000),
    protoKey,
    [],
    {},
    null
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constant(opened), { minLength: 0, maxLength: 3 }),
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    withObjectString: true
  })
)

type Json = unknown
/** A deep copy of arrays and plain objects (own keys, `__proto__` included); other values shared. */
const clone = (v: Json, depth = 0): Json => {
  if (depth > 40) return v
  if (Array.isArray(v)) return v.map((x) => clone(x, depth + 1))
  if (typeof v !== 'object' || v === null) return v
  const proto: unknown = Object.getPrototypeOf(v)
  if (proto !== Object.prototype && proto !== null) return v
  const out = Object.create(proto as object | null) as Record<string, unknown>
  for (const k of Object.keys(v))
    Object.defineProperty(out, k, {
      value: clone((v as Record<string, unknown>)[k], depth + 1),
      enumerable: true,
      configurable: true,
      writable: true
    })
  return out
}
type Step = readonly ['drop' | 'extra' | 'replace' | 'proto', number, unknown]
/** Applies one mutation at a node chosen by `pick` among the nodes of a JSON value. */
const mutate = (value: Json, [op, pick, payload]: Step): Json => {
  const nodes: Array<{ readonly parent: Record<string, unknown> | unknown[]; readonly key: string | number }> = []
  const walk = (v: Json, depth = 0): void => {
    if (depth > 40) return
    if (Array.isArray(v))
      v.forEach((x, i) => {
        nodes.push({ parent: v, key: i })
        walk(x, depth + 1)
      })
    else if (typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v)))
      for (const [k, x] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k })
        walk(x, depth + 1)
      }
  }
  const copy = clone(value)
  walk(copy)
  const node = nodes[pick % Math.max(1, nodes.length)]
  if (node === undefined) return payload
  const { parent, key } = node
  if (Array.isArray(parent)) {
    if (op === 'drop') parent.splice(key as number, 1)
    else parent[key as number] = payload
  } else if (op === 'drop') delete parent[key as string]
  else if (op === 'extra') parent[`x${String(pick)}`] = payload
  else if (op === 'proto')
    Object.defineProperty(parent, '__proto__', { value: payload, enumerable: true, configurable: true, writable: true })
  else parent[key as string] = payload
  return copy
}
const steps = fc.array(
  fc.tuple(fc.constantFrom('drop' as const, 'extra' as const, 'replace' as const, 'proto' as const), fc.nat(), nasty),
  { minLength: 1, maxLength: 3 }
)

/** What a refusal must look like: text, one problem per line, lines of bounded length. */
const wellFormedLeft = (r: E.Either<{ readonly message: string }, unknown>): void => {
  if (E.isRight(r)) return
  expect(typeof r.left.message).toBe('string')
  expect(r.left.message).not.toMatch(/\[object Object\]|received undefined|NaN-NaN/)
  const lines = r.left.message.split('\n')
  expect(lines.length).toBeLessThanOrEqual(51)
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(2500)
}

let tried = 0

describe('every public decoder, against anything', () => {
  it('the decoders under test are all of them', () => {
    expect(decoders.map(([n]) => n).sort()).toStrictEqual(
      [
        'Calendar.decodeCalendarSpec',
        'Classification.decodeCategoryTree',
        'Classification.decodeClassifier',
        'Escalation.decodePolicy',
        'Escalation.decodeTiers',
        'Kind.decodeKindRules',
        'Priority.decodeMatrix',
        'Report.decodeAccumulator',
        'Report.decodeStatusAccumulator',
        'Sla.decodeAgreement',
        'Sla.decodePolicy',
        'Ticket.decodeCommand',
        'Ticket.decodeEvent',
        'Ticket.decodeHistory',
        'Ticket.decodeTicket',
        'Time.decodeDuration',
        'Time.decodeInstant'
      ].sort()
    )
    expect(codecs.length).toBeGreaterThanOrEqual(25)
  })

  for (const [name, decode] of decoders)
    it(`${name} returns a well-formed Either for anything`, () => {
      fc.assert(
        fc.property(nasty, (u) => {
          tried++
          wellFormedLeft(decode(u))
        }),
        { numRuns }
      )
    })

  for (const [name, codec] of codecs)
    it(`Codec.${name}: decode returns and is answers a boolean for anything`, () => {
      fc.assert(
        fc.property(nasty, (u) => {
          tried++
          expect(typeof codec.is(u)).toBe('boolean')
          const r = codec.decode(u)
          expect(r._tag === 'Left' || r._tag === 'Right').toBe(true)
        }),
        { numRuns }
      )
    })
})

describe('every decoder with a valid input, against structured mutations of it', () => {
  for (const [name, decode, input] of valid)
    it(`${name}: the valid input decodes, and every mutation of it is read or refused, never thrown`, () => {
      expect(E.isRight(decode(input))).toBe(true)
      fc.assert(
        fc.property(steps, (ss) => {
          tried++
          const mutated = ss.reduce(mutate, input)
          wellFormedLeft(decode(mutated))
        }),
        { numRuns }
      )
    })

  it('the mutations reach refusals of every kind: missing, unknown and wrong-typed fields', () => {
    const messages = fc
      .sample(steps, { numRuns: 400, seed: 3 })
      .map((ss) => Ticket.decodeEvent(ss.reduce(mutate, opened)))
      .flatMap((r) => (E.isLeft(r) ? r.left.issues.map((i) => i.message) : []))
    expect(messages.some((m) => m.includes('received nothing'))).toBe(true)
    expect(messages.some((m) => m.includes('no property'))).toBe(true)
    expect(messages.some((m) => m.includes('no property "__proto__"'))).toBe(true)
    expect(
      messages.some((m) =>
        /expected a name of 1 to 200 characters, received (an object|an array|null|NaN|-?\d|true|false)/.test(m)
      )
    ).toBe(true)
  })
})

describe('guards and encoders of the raw codecs', () => {
  const event = E.getOrElseW(() => expect.fail('event'))(Ticket.decodeEvent(opened))

  it('guards answer false for NaN, ±Infinity and fractional instants, and never throw', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, 0.5, 1e300]) {
      expect(Codec.InstantJson.is(bad)).toBe(false)
      expect(Codec.TicketEventJson.is({ ...event, at: bad })).toBe(false)
    }
    expect(Codec.InstantJson.is(event.at)).toBe(true)
    expect(Codec.TicketEventJson.is(event)).toBe(true)
    expect(Codec.TicketEventJson.is({ ...event, extra: 1 })).toBe(false)
  })

  it('encoders never write NaN or Infinity text', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const text = JSON.stringify([
        Ticket.encodeEvent({ ...event, at: bad as Time.Instant }),
        Codec.TicketEventJson.encode({ ...event, at: bad as Time.Instant })
      ])
      expect(text).not.toMatch(/NaN|Infinity/)
    }
  })

  it('a good share of cases were tried', () => {
    // one more guard that the generators ran: a test that tried nothing would prove nothing
    expect(tried).toBeGreaterThan(decoders.length * numRuns)
  })
})
