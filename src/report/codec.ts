/**
 * The wire form of the report accumulators: plain JSON, so shards can be shipped between
 * machines or kept by an engine such as Apache Beam, and decoded back exactly.
 */
import * as E from 'fp-ts/lib/Either.js'
import { metrics as slaMetrics } from '../sla/index.js'
import type { Explanation } from '../sla/index.js'
import type { Duration, Instant } from '../time/index.js'
import { rec, type Accumulator, type CustomerPart, type Part, type Series } from './accumulate.js'
import type { StatusAccumulator } from './daily.js'
import { decodeError, makeIssue, type DecodeError, type Issue } from '../internal/decodeError.js'
import { pathKey } from '../internal/describe.js'
import type { Breach, Rejected, StatusReason, StatusRule } from './model.js'

/** JSON numbers, strings, booleans, null, arrays and objects. */
/**
 * A JSON value: what the encoded accumulators are made of.
 *
 * @category codecs
 * @since 0.3.0
 */
export type JsonValue =
  null | boolean | number | string | ReadonlyArray<JsonValue> | { readonly [k: string]: JsonValue }

/**
 * A service-level accumulator as JSON (`Report.encodeAccumulator`): counts, the exact stopped-clock
 * times as arrays of numbers, breaches, workarounds and rejections, per customer. Version 1.
 *
 * @category models
 * @since 0.3.0
 */
export interface EncodedAccumulator {
  readonly _tag: 'ServiceLevelAccumulator'
  readonly version: 1
  readonly customers: { readonly [customer: string]: JsonValue }
  readonly rejected: ReadonlyArray<JsonValue>
}

/**
 * A daily-status accumulator as JSON (`Report.encodeStatusAccumulator`): the reasons found so
 * far per customer, and the rejections. Version 1.
 *
 * @category models
 * @since 0.3.0
 */
export interface EncodedStatusAccumulator {
  readonly _tag: 'StatusAccumulator'
  readonly version: 1
  readonly reasons: { readonly [customer: string]: JsonValue }
  readonly rejected: ReadonlyArray<JsonValue>
}

// ---------------------------------------------------------------------------------------------
// encoding: every field written in a fixed order, optional ones only when present

const encodeSeries = (s: Series): number[] => Array.from(s.values.subarray(0, s.length))

const encodeExplanation = (x: Explanation): JsonValue => ({
  counted: x.counted.map((i) => ({ start: i.start, end: i.end })),
  closed: x.closed.map((c) => ({ from: c.from, to: c.to, holidays: [...c.holidays] })),
  pauses: x.pauses.map((p) =>
    p.to === undefined ? { from: p.from, party: p.party } : { from: p.from, to: p.to, party: p.party }
  )
})

const encodeBreach = (b: Breach): JsonValue => {
  const out: Record<string, JsonValue> = { ticketId: b.ticketId, metric: b.metric }
  if (b.priority !== undefined) out['priority'] = b.priority
  out['dueAt'] = b.dueAt
  if (b.stoppedAt !== undefined) out['stoppedAt'] = b.stoppedAt
  out['overrun'] = b.overrun
  if (b.cycle !== undefined) out['cycle'] = b.cycle
  if (b.cycles !== undefined) out['cycles'] = b.cycles
  if (b.explanation !== undefined) out['explanation'] = encodeExplanation(b.explanation)
  if (b.omitted !== undefined)
    out['omitted'] = { counted: b.omitted.counted, closed: b.omitted.closed, pauses: b.omitted.pauses }
  return out
}

const plain = <A, B extends JsonValue>(r: Readonly<Record<string, A>>, f: (a: A) => B): { [k: string]: B } => {
  // own data properties even for a key named __proto__
  const out: { [k: string]: B } = {}
  for (const k in r)
    Object.defineProperty(out, k, { value: f(r[k] as A), enumerable: true, writable: true, configurable: true })
  return out
}

const id = (n: number): number => n

const encodePart = (p: Part): JsonValue => ({
  opened: p.opened,
  byKind: plain(p.byKind, id),
  byPriority: plain(p.byPriority, id),
  byCategory: plain(p.byCategory, id),
  byChannel: plain(p.byChannel, id),
  resolved: p.resolved,
  backlogFrom: p.backlogFrom,
  backlogEnd: p.backlogEnd,
  days: Array.from(p.days),
  times: plain(p.times, encodeSeries),
  sla: plain(p.sla, (v) => [v[0], v[1], v[2]]),
  tierIn: plain(p.tierIn, id),
  breaches: p.breaches.map(encodeBreach),
  firstLine: p.firstLine,
  firstContact: p.firstContact,
  reopened: p.reopened,
  restored: p.restored,
  scores: plain(p.scores, id)
})

const encodeRejected = (r: Rejected): JsonValue => ({ ticketId: r.ticketId, message: r.message })

/**
 * The JSON form of a service-level accumulator ({@link Combiner}), for shipping shards between
 * machines or handing them to an engine's coder; {@link decodeAccumulator} reads it back
 * exactly. Decode with a combiner made from the same parameters before merging. `null` for a
 * value that is no accumulator (from a JavaScript caller), as the library's other encoders write.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const made = pipe(agreement, E.flatMap((a) => Report.combiner({ agreements: [a], period: { _tag: 'Month', year: 2025, month: 3 } })))
 * if (E.isLeft(made)) assert.fail(made.left.message)
 * const c = made.right
 * const wire = JSON.stringify(Report.encodeAccumulator(c.empty))
 * const back = Report.decodeAccumulator(JSON.parse(wire))
 * assert.deepStrictEqual(pipe(back, E.map((b) => c.result(c.merge(b)(c.empty)))), E.right(c.result(c.empty)))
 * ```
 * @category codecs
 * @since 0.3.0
 */
export const encodeAccumulator = (self: Accumulator): EncodedAccumulator | null => {
  try {
    return encodeAccumulatorUnguarded(self)
  } catch {
    // not an accumulator (a JavaScript caller's value, its reads perhaps throwing): nothing to write
    return null
  }
}

const encodeAccumulatorUnguarded = (self: Accumulator): EncodedAccumulator => ({
  _tag: 'ServiceLevelAccumulator',
  version: 1,
  customers: plain(self.customers, (c: CustomerPart) => ({
    current: encodePart(c.current),
    previous: encodePart(c.previous),
    running: c.running.map((r) => ({ ticketId: r.ticketId, since: r.since, age: r.age })),
    knownErrors: [...c.knownErrors]
  })),
  rejected: self.rejected.map(encodeRejected)
})

const encodeReason = (r: StatusReason): JsonValue => {
  const out: Record<string, JsonValue> = {}
  for (const k of reasonFields) {
    const v = r[k]
    if (v !== undefined) out[k] = k === 'warningsPassed' ? [...(v as ReadonlyArray<number>)] : v
  }
  return out
}

/**
 * The JSON form of a daily-status accumulator ({@link StatusCombiner}); {@link decodeStatusAccumulator}
 * reads it back exactly. `null` for a value that is no accumulator (from a JavaScript caller).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const at = Time.instant('2025-03-10T08:00:00+01:00')
 * const made = pipe(agreement, E.flatMap((a) => Report.statusCombiner({ agreements: [a], at })))
 * if (E.isLeft(made)) assert.fail(made.left.message)
 * const s = made.right
 * const back = Report.decodeStatusAccumulator(JSON.parse(JSON.stringify(Report.encodeStatusAccumulator(s.empty))))
 * assert.deepStrictEqual(pipe(back, E.map((a) => s.result(a).customers)), E.right([{ customer: 'Fjord AS', health: 'Good', reasons: [] }]))
 * ```
 * @category codecs
 * @since 0.3.0
 */
export const encodeStatusAccumulator = (self: StatusAccumulator): EncodedStatusAccumulator | null => {
  try {
    return encodeStatusAccumulatorUnguarded(self)
  } catch {
    // not an accumulator (a JavaScript caller's value, its reads perhaps throwing): nothing to write
    return null
  }
}

const encodeStatusAccumulatorUnguarded = (self: StatusAccumulator): EncodedStatusAccumulator => ({
  _tag: 'StatusAccumulator',
  version: 1,
  reasons: plain(self.reasons, (rs: ReadonlyArray<StatusReason>) => rs.map(encodeReason)),
  rejected: self.rejected.map(encodeRejected)
})

// ---------------------------------------------------------------------------------------------
// decoding: every field checked, nothing else accepted, every problem reported with its path.
// A decoder returns its value or throws the problems it found (a Bad, never anything else); the
// siblings of a record or an array are all decoded before their problems go up together, and
// {@link run} turns them into a Left: no exception crosses the API.

interface Bad {
  readonly [bad]: ReadonlyArray<Issue>
}
const bad = Symbol('decoding problems')
const isBad = (e: unknown): e is Bad => typeof e === 'object' && e !== null && bad in e
const raise = (issues: ReadonlyArray<Issue>): never => {
  const b: Bad = { [bad]: issues }
  // caught by the decoder that raised it (isBad): a jump out of deep reading, never across the API
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw b
}
const fail = (path: string, expected: string, received: unknown): never => raise([makeIssue(path, expected, received)])

/** Runs every decoder, then throws all their problems together, or returns every value. */
const all = <A>(count: number, f: (i: number) => A): A[] => {
  const out: A[] = []
  let issues: Issue[] | undefined
  for (let i = 0; i < count; i++) {
    try {
      out.push(f(i))
    } catch (e) {
      if (!isBad(e)) throw e
      issues ??= []
      for (const x of e[bad]) issues.push(x)
    }
  }
  return issues === undefined ? out : raise(issues)
}

/** Decodes the fields of a record with one decoder each, all of them before any problem goes up. */
const fields = <T extends object>(spec: { readonly [K in keyof T]: () => T[K] }): T => {
  const keys = Object.keys(spec) as Array<keyof T & string>
  const values = all(keys.length, (i) => (spec[keys[i] as keyof T & string] as () => unknown)())
  const out: Record<string, unknown> = {}
  keys.forEach((k, i) => {
    out[k] = values[i]
  })
  return out as T
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const at = (path: string, k: string): string => `${path}.${pathKey(k)}`

const object = (
  u: unknown,
  path: string,
  known: ReadonlyArray<string>,
  required: ReadonlyArray<string>
): Readonly<Record<string, unknown>> => {
  if (!isObject(u)) return fail(path, 'an object', u)
  const issues: Issue[] = []
  for (const k of Object.keys(u))
    if (!known.includes(k)) issues.push(makeIssue(at(path, k), `no such field (fields: ${known.join(', ')})`, u[k]))
  for (const k of required) if (!Object.hasOwn(u, k)) issues.push(makeIssue(at(path, k), 'a value', undefined))
  return issues.length === 0 ? u : raise(issues)
}

const array = (u: unknown, path: string): ReadonlyArray<unknown> => (Array.isArray(u) ? u : fail(path, 'an array', u))
const list = <A>(u: unknown, path: string, f: (v: unknown, path: string) => A): A[] => {
  const xs = array(u, path)
  return all(xs.length, (i) => f(xs[i], `${path}[${i}]`))
}
const count = (u: unknown, path: string): number =>
  typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? u : fail(path, 'a count (a whole number, at least 0)', u)
const finite = (u: unknown, path: string): number =>
  typeof u === 'number' && Number.isFinite(u) ? u : fail(path, 'a finite number', u)
const instant = (u: unknown, path: string): Instant =>
  typeof u === 'number' && Number.isInteger(u) && Math.abs(u) <= 8.64e15
    ? (u as Instant)
    : fail(path, 'an instant (epoch milliseconds)', u)
const string = (u: unknown, path: string): string => (typeof u === 'string' ? u : fail(path, 'a string', u))
const positive = (u: unknown, path: string): number =>
  typeof u === 'number' && Number.isSafeInteger(u) && u >= 1 ? u : fail(path, 'a whole number, at least 1', u)

const record = <A>(u: unknown, path: string, f: (v: unknown, path: string, key: string) => A): Record<string, A> => {
  if (!isObject(u)) return fail(path, 'an object', u)
  const keys = Object.keys(u)
  const values = all(keys.length, (i) => f(u[keys[i] as string], at(path, keys[i] as string), keys[i] as string))
  const out = rec<A>()
  keys.forEach((k, i) => {
    out[k] = values[i] as A
  })
  return out
}

const metricName = (u: unknown, path: string): Breach['metric'] =>
  typeof u === 'string' &&
  ((slaMetrics as ReadonlyArray<string>).includes(u) || (u.startsWith('tier:') && u.length > 5))
    ? (u as Breach['metric'])
    : fail(path, 'a metric (response, resolution, update, restore or tier:<name>)', u)

const clockKey = (path: string, k: string): void => {
  if (!k.includes('|')) fail(path, 'a clock key metric|priority (this key names none)', k)
}

const series = (u: unknown, path: string, key: string): Series => {
  clockKey(path, key)
  const xs = list(u, path, finite)
  const values = new Float64Array(Math.max(8, xs.length))
  values.set(xs)
  return { values, length: xs.length }
}

const parties: ReadonlyArray<string> = ['customer', 'thirdParty', 'vendor']

const explanation = (u: unknown, path: string): Explanation => {
  const x = object(u, path, ['counted', 'closed', 'pauses'], ['counted', 'closed', 'pauses'])
  return fields<Explanation>({
    counted: () =>
      list(x['counted'], `${path}.counted`, (c, p) => {
        const o = object(c, p, ['start', 'end'], ['start', 'end'])
        return fields({ start: () => instant(o['start'], `${p}.start`), end: () => instant(o['end'], `${p}.end`) })
      }),
    closed: () =>
      list(x['closed'], `${path}.closed`, (c, p) => {
        const o = object(c, p, ['from', 'to', 'holidays'], ['from', 'to', 'holidays'])
        return fields({
          from: () => instant(o['from'], `${p}.from`),
          to: () => instant(o['to'], `${p}.to`),
          holidays: () => list(o['holidays'], `${p}.holidays`, string)
        })
      }),
    pauses: () =>
      list(x['pauses'], `${path}.pauses`, (c, p) => {
        const o = object(c, p, ['from', 'to', 'party'], ['from', 'party'])
        const v = fields({
          from: () => instant(o['from'], `${p}.from`),
          to: () => (o['to'] === undefined ? undefined : instant(o['to'], `${p}.to`)),
          party: () =>
            parties.includes(o['party'] as string)
              ? (o['party'] as 'customer')
              : fail(`${p}.party`, 'customer, thirdParty or vendor', o['party'])
        })
        return v.to === undefined ? { from: v.from, party: v.party } : { from: v.from, to: v.to, party: v.party }
      })
  })
}

const optional = <A>(u: unknown, f: (u: unknown) => A): A | undefined => (u === undefined ? undefined : f(u))

/** The entries left out of each list of an explanation: counts, at least one above 0. */
const omitted = (u: unknown, path: string): NonNullable<Breach['omitted']> => {
  const o = object(u, path, ['counted', 'closed', 'pauses'], ['counted', 'closed', 'pauses'])
  const v = fields({
    counted: () => count(o['counted'], `${path}.counted`),
    closed: () => count(o['closed'], `${path}.closed`),
    pauses: () => count(o['pauses'], `${path}.pauses`)
  })
  return v.counted + v.closed + v.pauses > 0
    ? v
    : fail(path, 'at least one count above 0 (the field is absent when nothing was left out)', u)
}

const breach = (u: unknown, path: string): Breach => {
  const o = object(
    u,
    path,
    ['ticketId', 'metric', 'priority', 'dueAt', 'stoppedAt', 'overrun', 'cycle', 'cycles', 'explanation', 'omitted'],
    ['ticketId', 'metric', 'dueAt', 'overrun']
  )
  const v = fields({
    ticketId: () => string(o['ticketId'], `${path}.ticketId`),
    metric: () => metricName(o['metric'], `${path}.metric`),
    dueAt: () => instant(o['dueAt'], `${path}.dueAt`),
    overrun: () => finite(o['overrun'], `${path}.overrun`) as Duration,
    priority: () => optional(o['priority'], (x) => string(x, `${path}.priority`)),
    stoppedAt: () => optional(o['stoppedAt'], (x) => instant(x, `${path}.stoppedAt`)),
    cycle: () => optional(o['cycle'], (x) => positive(x, `${path}.cycle`)),
    cycles: () => optional(o['cycles'], (x) => positive(x, `${path}.cycles`)),
    // a list longer than a report keeps now is read as it is: versions before 0.3.0 kept them whole
    explanation: () => optional(o['explanation'], (x) => explanation(x, `${path}.explanation`)),
    omitted: () => optional(o['omitted'], (x) => omitted(x, `${path}.omitted`))
  })
  if ((v.cycle === undefined) !== (v.cycles === undefined))
    fail(`${path}.cycles`, 'cycle and cycles together', o['cycles'])
  if (v.cycle !== undefined && v.cycles !== undefined && v.cycle > v.cycles)
    fail(`${path}.cycle`, `a cycle at most cycles (${v.cycles})`, v.cycle)
  if (v.omitted !== undefined && v.explanation === undefined)
    fail(`${path}.omitted`, 'omitted entries only beside an explanation', o['omitted'])
  // the same field order as the report makes
  const out: { -readonly [K in keyof Breach]: Breach[K] } = {
    ticketId: v.ticketId,
    metric: v.metric,
    dueAt: v.dueAt,
    overrun: v.overrun
  }
  if (v.priority !== undefined) out.priority = v.priority
  if (v.stoppedAt !== undefined) out.stoppedAt = v.stoppedAt
  if (v.cycle !== undefined && v.cycles !== undefined) {
    out.cycle = v.cycle
    out.cycles = v.cycles
  }
  if (v.explanation !== undefined) out.explanation = v.explanation
  if (v.omitted !== undefined) out.omitted = v.omitted
  return out
}

const partFields = [
  'opened',
  'byKind',
  'byPriority',
  'byCategory',
  'byChannel',
  'resolved',
  'backlogFrom',
  'backlogEnd',
  'days',
  'times',
  'sla',
  'tierIn',
  'breaches',
  'firstLine',
  'firstContact',
  'reopened',
  'restored',
  'scores'
]

const days = (u: unknown, path: string): Int32Array => {
  const xs = list(u, path, (d, p) => (count(d, p) <= 0x7fffffff ? (d as number) : fail(p, 'a count below 2^31', d)))
  if (xs.length % 2 !== 0) fail(path, 'opened and resolved counts per day (an even length)', u)
  return Int32Array.from(xs)
}

const part = (u: unknown, path: string): Part => {
  const o = object(u, path, partFields, partFields)
  const n = (k: string) => () => count(o[k], `${path}.${k}`)
  const counts = (k: string) => () => record(o[k], `${path}.${k}`, count)
  return fields<Part>({
    opened: n('opened'),
    byKind: counts('byKind'),
    byPriority: counts('byPriority'),
    byCategory: counts('byCategory'),
    byChannel: counts('byChannel'),
    resolved: n('resolved'),
    backlogFrom: n('backlogFrom'),
    backlogEnd: n('backlogEnd'),
    days: () => days(o['days'], `${path}.days`),
    times: () => record(o['times'], `${path}.times`, series),
    sla: () =>
      record(o['sla'], `${path}.sla`, (v, p, k): [number, number, number] => {
        clockKey(p, k)
        const xs = list(v, p, count)
        return xs.length === 3
          ? [xs[0] as number, xs[1] as number, xs[2] as number]
          : fail(p, 'met, breached and stopped-late counts', v)
      }),
    tierIn: counts('tierIn'),
    breaches: () => list(o['breaches'], `${path}.breaches`, breach),
    firstLine: n('firstLine'),
    firstContact: n('firstContact'),
    reopened: n('reopened'),
    restored: n('restored'),
    scores: () =>
      record(o['scores'], `${path}.scores`, (v, p, k) =>
        k.trim() !== '' && Number.isFinite(Number(k)) ? count(v, p) : fail(p, 'a count under a score (a number)', v)
      )
  })
}

const rejectedList = (u: unknown, path: string): Rejected[] =>
  list(u, path, (r, p) => {
    const o = object(r, p, ['ticketId', 'message'], ['ticketId', 'message'])
    return fields({
      ticketId: () => string(o['ticketId'], `${p}.ticketId`),
      message: () => string(o['message'], `${p}.message`)
    })
  })

const customerPart = (u: unknown, path: string): CustomerPart => {
  const o = object(
    u,
    path,
    ['current', 'previous', 'running', 'knownErrors'],
    ['current', 'previous', 'running', 'knownErrors']
  )
  return fields<CustomerPart>({
    current: () => part(o['current'], `${path}.current`),
    previous: () => part(o['previous'], `${path}.previous`),
    running: () =>
      list(o['running'], `${path}.running`, (r, p) => {
        const x = object(r, p, ['ticketId', 'since', 'age'], ['ticketId', 'since', 'age'])
        return fields({
          ticketId: () => string(x['ticketId'], `${p}.ticketId`),
          since: () => instant(x['since'], `${p}.since`),
          age: () =>
            finite(x['age'], `${p}.age`) >= 0
              ? (x['age'] as Duration)
              : fail(`${p}.age`, 'a duration of at least 0', x['age'])
        })
      }),
    knownErrors: () => list(o['knownErrors'], `${path}.knownErrors`, string)
  })
}

/** Runs a decoder: its problems (or anything a hostile value throws, such as a throwing getter) become a Left. */
const run = <A>(f: () => A): E.Either<DecodeError, A> => {
  try {
    return E.right(f())
  } catch (e) {
    return E.left(
      decodeError(isBad(e) ? e[bad] : [makeIssue('accumulator', 'plain JSON data', 'a value that could not be read')])
    )
  }
}

const header = (u: unknown, tag: string, body: string): Readonly<Record<string, unknown>> => {
  const o = object(u, 'accumulator', ['_tag', 'version', body, 'rejected'], ['_tag', 'version', body, 'rejected'])
  if (o['_tag'] !== tag) fail('accumulator._tag', JSON.stringify(tag), o['_tag'])
  if (o['version'] !== 1) fail('accumulator.version', 'version 1', o['version'])
  return o
}

/**
 * Reads a service-level accumulator from its JSON form ({@link encodeAccumulator}), exactly:
 * `encodeAccumulator(decoded)` equals the input. Any other value gives a `DecodeError` listing
 * every field that is wrong (its path, what was expected, what was received); it never throws.
 * Merge the result only with accumulators of a combiner made from the same parameters.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Report } from 'itsm-kit'
 * const part = { opened: 1 }
 * const bad = { _tag: 'ServiceLevelAccumulator', version: 1, customers: { 'Fjord AS': { current: part, previous: part, running: [], knownErrors: [] } }, rejected: [] }
 * const paths = pipe(Report.decodeAccumulator(bad), E.mapLeft((e) => e.issues.map((i) => i.path)))
 * assert.deepStrictEqual(pipe(paths, E.mapLeft((ps) => [ps.length, ps[0]])), E.left([34, 'accumulator.customers."Fjord AS".current.byKind']))
 * assert.strictEqual(E.isLeft(Report.decodeAccumulator('{}')), true)
 * ```
 * @category codecs
 * @since 0.3.0
 */
export const decodeAccumulator = (u: unknown): E.Either<DecodeError, Accumulator> =>
  run(() => {
    const o = header(u, 'ServiceLevelAccumulator', 'customers')
    return {
      _tag: 'ServiceLevelAccumulator',
      ...fields({
        customers: () => record(o['customers'], 'accumulator.customers', customerPart),
        rejected: () => rejectedList(o['rejected'], 'accumulator.rejected')
      })
    }
  })

const rules: ReadonlyArray<StatusRule> = [
  'criticalPriority',
  'criticalCategory',
  'breached',
  'newOrReopened',
  'atRisk',
  'workaroundTooLong'
]
const reasonFields = [
  'ticketId',
  'rule',
  'health',
  'priority',
  'category',
  'metric',
  'breachedAt',
  'dueAt',
  'warningsPassed',
  'openedAt',
  'reopenedAt',
  'workaroundSince',
  'workaroundAge'
] as const

const isRule = (u: unknown): u is StatusRule => (rules as ReadonlyArray<unknown>).includes(u)

/** The decoder of each field of a status reason. */
const reasonDecoders: { readonly [K in keyof StatusReason]-?: (v: unknown, path: string) => StatusReason[K] } = {
  ticketId: string,
  rule: (v, p) => (isRule(v) ? v : fail(p, `one of ${rules.join(', ')}`, v)),
  health: (v, p) => (v === 'Critical' || v === 'NeedAttention' ? v : fail(p, 'Critical or NeedAttention', v)),
  priority: string,
  category: string,
  metric: metricName,
  breachedAt: instant,
  dueAt: instant,
  warningsPassed: (v, p) => list(v, p, finite),
  openedAt: instant,
  reopenedAt: instant,
  workaroundSince: instant,
  workaroundAge: (v, p) => finite(v, p) as Duration
}

type ReasonDraft = { -readonly [K in keyof StatusReason]?: StatusReason[K] }

const setReason = <K extends keyof StatusReason>(out: ReasonDraft, k: K, v: StatusReason[K]): void => {
  out[k] = v
}

const reason = (u: unknown, path: string): StatusReason => {
  const o = object(u, path, reasonFields, ['ticketId', 'rule', 'health'])
  const present = reasonFields.filter((k) => o[k] !== undefined)
  // every field decoded before any problem goes up; the fields in reasonFields' order
  const out: ReasonDraft = {}
  all(present.length, (i) => {
    const k = present[i] as (typeof reasonFields)[number]
    setReason(out, k, reasonDecoders[k](o[k], `${path}.${k}`))
  })
  const { ticketId, rule, health } = out
  // object() has found these three keys; a JavaScript caller may still have set one to undefined
  if (ticketId === undefined) return fail(`${path}.ticketId`, 'a value', undefined)
  if (rule === undefined) return fail(`${path}.rule`, 'a value', undefined)
  if (health === undefined) return fail(`${path}.health`, 'a value', undefined)
  return { ...out, ticketId, rule, health }
}

/**
 * Reads a daily-status accumulator from its JSON form ({@link encodeStatusAccumulator}), exactly;
 * any other value gives a `DecodeError` listing every field that is wrong, and never throws.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Report } from 'itsm-kit'
 * const bad = { _tag: 'StatusAccumulator', version: 1, reasons: { 'Fjord AS': [{ ticketId: 'INC-1', rule: 'panic', health: 'Critical' }] }, rejected: [] }
 * assert.deepStrictEqual(pipe(Report.decodeStatusAccumulator(bad), E.mapLeft((e) => e.message)), E.left('accumulator.reasons."Fjord AS"[0].rule: expected one of criticalPriority, criticalCategory, breached, newOrReopened, atRisk, workaroundTooLong, received "panic"'))
 * ```
 * @category codecs
 * @since 0.3.0
 */
export const decodeStatusAccumulator = (u: unknown): E.Either<DecodeError, StatusAccumulator> =>
  run(() => {
    const o = header(u, 'StatusAccumulator', 'reasons')
    return {
      _tag: 'StatusAccumulator',
      ...fields({
        reasons: () => record(o['reasons'], 'accumulator.reasons', (v, p) => list(v, p, reason)),
        rejected: () => rejectedList(o['rejected'], 'accumulator.rejected')
      })
    }
  })
