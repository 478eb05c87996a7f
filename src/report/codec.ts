/**
 * The wire form of the report accumulators: plain JSON, so shards can be shipped between
 * machines or kept by an engine such as Apache Beam, and decoded back exactly.
 */
import * as E from 'fp-ts/lib/Either.js'
import { metrics as slaMetrics } from '../sla/model.js'
import type { Explanation } from '../sla/index.js'
import type { Duration, Instant } from '../time/index.js'
import { rec, type Accumulator, type CustomerPart, type Part, type Series } from './accumulate.js'
import type { StatusAccumulator } from './daily.js'
import { invalid, type ReportError } from './errors.js'
import type { Breach, Rejected, StatusReason, StatusRule } from './model.js'

/** JSON numbers, strings, booleans, null, arrays and objects. */
type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

/**
 * A service-level accumulator as JSON (`Report.encodeAccumulator`): counts, the exact stopped-clock
 * times as arrays of numbers, breaches, workarounds and rejections, per customer. Version 1.
 *
 * @category models
 * @since 0.2.0
 */
export interface EncodedAccumulator {
  readonly _tag: 'ServiceLevelAccumulator'
  readonly version: 1
  readonly customers: { readonly [customer: string]: Json }
  readonly rejected: ReadonlyArray<Json>
}

/**
 * A daily-status accumulator as JSON (`Report.encodeStatusAccumulator`): the reasons found so
 * far per customer, and the rejections. Version 1.
 *
 * @category models
 * @since 0.2.0
 */
export interface EncodedStatusAccumulator {
  readonly _tag: 'StatusAccumulator'
  readonly version: 1
  readonly reasons: { readonly [customer: string]: Json }
  readonly rejected: ReadonlyArray<Json>
}

// ---------------------------------------------------------------------------------------------
// encoding: every field written in a fixed order, optional ones only when present

const encodeSeries = (s: Series): number[] => Array.from(s.values.subarray(0, s.length))

const encodeExplanation = (x: Explanation): Json => ({
  counted: x.counted.map((i) => ({ start: i.start, end: i.end })),
  closed: x.closed.map((c) => ({ from: c.from, to: c.to, holidays: [...c.holidays] })),
  pauses: x.pauses.map((p) => (p.to === undefined ? { from: p.from, party: p.party } : { from: p.from, to: p.to, party: p.party }))
})

const encodeBreach = (b: Breach): Json => {
  const out: Record<string, Json> = { ticketId: b.ticketId, metric: b.metric }
  if (b.priority !== undefined) out['priority'] = b.priority
  out['dueAt'] = b.dueAt
  if (b.stoppedAt !== undefined) out['stoppedAt'] = b.stoppedAt
  out['overrun'] = b.overrun
  if (b.cycle !== undefined) out['cycle'] = b.cycle
  if (b.cycles !== undefined) out['cycles'] = b.cycles
  if (b.explanation !== undefined) out['explanation'] = encodeExplanation(b.explanation)
  return out
}

const plain = <A, B extends Json>(r: Readonly<Record<string, A>>, f: (a: A) => B): { [k: string]: B } => {
  // own data properties even for a key named __proto__
  const out: { [k: string]: B } = {}
  for (const k in r) Object.defineProperty(out, k, { value: f(r[k] as A), enumerable: true, writable: true, configurable: true })
  return out
}

const id = (n: number): number => n

const encodePart = (p: Part): Json => ({
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

const encodeRejected = (r: Rejected): Json => ({ ticketId: r.ticketId, message: r.message })

/**
 * The JSON form of a service-level accumulator ({@link Combiner}), for shipping shards between
 * machines or handing them to an engine's coder; {@link decodeAccumulator} reads it back
 * exactly. Decode with a combiner made from the same parameters before merging.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla } from 'itsm-kit'
 * const calendar = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const c = pipe(Report.combiner({ agreements: [{ customer: 'Fjord AS', policy: Sla.examplePolicy, calendar }], period: { _tag: 'Month', year: 2025, month: 3 } }), E.getOrElseW(() => assert.fail()))
 * const wire = JSON.stringify(Report.encodeAccumulator(c.empty))
 * const back = pipe(Report.decodeAccumulator(JSON.parse(wire)), E.getOrElseW(() => assert.fail()))
 * assert.deepStrictEqual(c.result(c.merge(back)(c.empty)), c.result(c.empty))
 * ```
 * @category codecs
 * @since 0.2.0
 */
export const encodeAccumulator = (self: Accumulator): EncodedAccumulator => ({
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

const encodeReason = (r: StatusReason): Json => {
  const out: Record<string, Json> = {}
  for (const k of reasonFields) {
    const v = r[k]
    if (v !== undefined) out[k] = k === 'warningsPassed' ? [...(v as ReadonlyArray<number>)] : (v as Json)
  }
  return out
}

/**
 * The JSON form of a daily-status accumulator ({@link StatusCombiner}); {@link decodeStatusAccumulator}
 * reads it back exactly.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla, Time } from 'itsm-kit'
 * const calendar = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const at = pipe(Time.fromISO('2025-03-10T08:00:00+01:00'), E.getOrElseW(() => assert.fail()))
 * const s = pipe(Report.statusCombiner({ agreements: [{ customer: 'Fjord AS', policy: Sla.examplePolicy, calendar }], at }), E.getOrElseW(() => assert.fail()))
 * const back = Report.decodeStatusAccumulator(JSON.parse(JSON.stringify(Report.encodeStatusAccumulator(s.empty))))
 * assert.deepStrictEqual(pipe(back, E.map((a) => s.result(a).customers)), E.right([{ customer: 'Fjord AS', health: 'Good', reasons: [] }]))
 * ```
 * @category codecs
 * @since 0.2.0
 */
export const encodeStatusAccumulator = (self: StatusAccumulator): EncodedStatusAccumulator => ({
  _tag: 'StatusAccumulator',
  version: 1,
  reasons: plain(self.reasons, (rs: ReadonlyArray<StatusReason>) => rs.map(encodeReason)),
  rejected: self.rejected.map(encodeRejected)
})

// ---------------------------------------------------------------------------------------------
// decoding: every field checked, nothing else accepted; the first problem is reported with its path

/** A decoding failure on its way up to {@link run}, which turns it into a Left: no exception crosses the API. */
interface Bad {
  readonly [bad]: ReportError
}
const bad = Symbol('decoding failure')
const isBad = (e: unknown): e is Bad => typeof e === 'object' && e !== null && bad in e
const fail = (path: string, expected: string, received: unknown): never => {
  const b: Bad = { [bad]: invalid(path, expected, received) }
  throw b
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** A key as it appears in a path: short printable keys as they are, others by position. */
const keyPath = (path: string, k: string, i: number): string => (/^[\w .:|/-]{1,40}$/u.test(k) ? `${path}[${JSON.stringify(k)}]` : `${path}[#${i}]`)

const object = (u: unknown, path: string, fields: ReadonlyArray<string>, required: ReadonlyArray<string>): Readonly<Record<string, unknown>> => {
  if (!isObject(u)) return fail(path, 'an object', u)
  for (const k of Object.keys(u)) if (!fields.includes(k)) fail(`${path}.${/^\w{1,40}$/u.test(k) ? k : '?'}`, `no such field (fields: ${fields.join(', ')})`, u[k])
  for (const k of required) if (!Object.hasOwn(u, k)) fail(`${path}.${k}`, 'a value', undefined)
  return u
}

const array = (u: unknown, path: string): ReadonlyArray<unknown> => (Array.isArray(u) ? u : fail(path, 'an array', u))
const count = (u: unknown, path: string): number => (typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? u : fail(path, 'a count (a whole number, at least 0)', u))
const finite = (u: unknown, path: string): number => (typeof u === 'number' && Number.isFinite(u) ? u : fail(path, 'a finite number', u))
const instant = (u: unknown, path: string): Instant => (typeof u === 'number' && Number.isInteger(u) && Math.abs(u) <= 8.64e15 ? (u as Instant) : fail(path, 'an instant (epoch milliseconds)', u))
const string = (u: unknown, path: string): string => (typeof u === 'string' ? u : fail(path, 'a string', u))
const positive = (u: unknown, path: string): number => (typeof u === 'number' && Number.isSafeInteger(u) && u >= 1 ? u : fail(path, 'a whole number, at least 1', u))

const record = <A>(u: unknown, path: string, f: (v: unknown, path: string) => A): Record<string, A> => {
  if (!isObject(u)) return fail(path, 'an object', u)
  const out = rec<A>()
  Object.keys(u).forEach((k, i) => {
    out[k] = f(u[k], keyPath(path, k, i))
  })
  return out
}

const metricName = (u: unknown, path: string): Breach['metric'] =>
  typeof u === 'string' && ((slaMetrics as ReadonlyArray<string>).includes(u) || (u.startsWith('tier:') && u.length > 5))
    ? (u as Breach['metric'])
    : fail(path, 'a metric (response, resolution, update, restore or tier:<name>)', u)

const clockKey = (path: string, k: string): void => {
  if (!k.includes('|')) fail(path, 'a clock key metric|priority', k)
}

const series = (u: unknown, path: string): Series => {
  const xs = array(u, path)
  const values = new Float64Array(Math.max(8, xs.length))
  xs.forEach((x, i) => {
    values[i] = finite(x, `${path}[${i}]`)
  })
  return { values, length: xs.length }
}

const parties: ReadonlyArray<string> = ['customer', 'thirdParty', 'vendor']

const explanation = (u: unknown, path: string): Explanation => {
  const x = object(u, path, ['counted', 'closed', 'pauses'], ['counted', 'closed', 'pauses'])
  return {
    counted: array(x['counted'], `${path}.counted`).map((c, i) => {
      const p = `${path}.counted[${i}]`
      const o = object(c, p, ['start', 'end'], ['start', 'end'])
      return { start: instant(o['start'], `${p}.start`), end: instant(o['end'], `${p}.end`) }
    }),
    closed: array(x['closed'], `${path}.closed`).map((c, i) => {
      const p = `${path}.closed[${i}]`
      const o = object(c, p, ['from', 'to', 'holidays'], ['from', 'to', 'holidays'])
      return { from: instant(o['from'], `${p}.from`), to: instant(o['to'], `${p}.to`), holidays: array(o['holidays'], `${p}.holidays`).map((h, j) => string(h, `${p}.holidays[${j}]`)) }
    }),
    pauses: array(x['pauses'], `${path}.pauses`).map((c, i) => {
      const p = `${path}.pauses[${i}]`
      const o = object(c, p, ['from', 'to', 'party'], ['from', 'party'])
      const party = parties.includes(o['party'] as string) ? (o['party'] as 'customer') : fail(`${p}.party`, 'customer, thirdParty or vendor', o['party'])
      return o['to'] === undefined ? { from: instant(o['from'], `${p}.from`), party } : { from: instant(o['from'], `${p}.from`), to: instant(o['to'], `${p}.to`), party }
    })
  }
}

const breach = (u: unknown, path: string): Breach => {
  const o = object(u, path, ['ticketId', 'metric', 'priority', 'dueAt', 'stoppedAt', 'overrun', 'cycle', 'cycles', 'explanation'], ['ticketId', 'metric', 'dueAt', 'overrun'])
  // the same field order as the report makes
  const ordered: { -readonly [K in keyof Breach]: Breach[K] } = {
    ticketId: string(o['ticketId'], `${path}.ticketId`),
    metric: metricName(o['metric'], `${path}.metric`),
    dueAt: instant(o['dueAt'], `${path}.dueAt`),
    overrun: finite(o['overrun'], `${path}.overrun`) as Duration
  }
  if (o['priority'] !== undefined) ordered.priority = string(o['priority'], `${path}.priority`)
  if (o['stoppedAt'] !== undefined) ordered.stoppedAt = instant(o['stoppedAt'], `${path}.stoppedAt`)
  if ((o['cycle'] === undefined) !== (o['cycles'] === undefined)) fail(`${path}.cycles`, 'cycle and cycles together', o['cycles'])
  if (o['cycle'] !== undefined) {
    ordered.cycle = positive(o['cycle'], `${path}.cycle`)
    ordered.cycles = positive(o['cycles'], `${path}.cycles`)
    if (ordered.cycle > ordered.cycles) fail(`${path}.cycle`, `a cycle at most cycles (${ordered.cycles})`, ordered.cycle)
  }
  if (o['explanation'] !== undefined) ordered.explanation = explanation(o['explanation'], `${path}.explanation`)
  return ordered
}

const partFields = ['opened', 'byKind', 'byPriority', 'byCategory', 'byChannel', 'resolved', 'backlogFrom', 'backlogEnd', 'days', 'times', 'sla', 'tierIn', 'breaches', 'firstLine', 'firstContact', 'reopened', 'restored', 'scores']

const part = (u: unknown, path: string): Part => {
  const o = object(u, path, partFields, partFields)
  const days = array(o['days'], `${path}.days`)
  if (days.length % 2 !== 0) fail(`${path}.days`, 'opened and resolved counts per day (an even length)', days)
  const daysOut = new Int32Array(days.length)
  days.forEach((d, i) => {
    const n = count(d, `${path}.days[${i}]`)
    if (n > 0x7fffffff) fail(`${path}.days[${i}]`, 'a count below 2^31', n)
    daysOut[i] = n
  })
  const times = record(o['times'], `${path}.times`, (v, p) => series(v, p))
  Object.keys(times).forEach((k, i) => clockKey(keyPath(`${path}.times`, k, i), k))
  const sla = record(o['sla'], `${path}.sla`, (v, p): [number, number, number] => {
    const xs = array(v, p)
    if (xs.length !== 3) fail(p, 'met, breached and stopped-late counts', v)
    return [count(xs[0], `${p}[0]`), count(xs[1], `${p}[1]`), count(xs[2], `${p}[2]`)]
  })
  Object.keys(sla).forEach((k, i) => clockKey(keyPath(`${path}.sla`, k, i), k))
  const scores = record(o['scores'], `${path}.scores`, count)
  Object.keys(scores).forEach((k, i) => {
    if (!Number.isFinite(Number(k)) || k.trim() === '') fail(keyPath(`${path}.scores`, k, i), 'a score (a number)', k)
  })
  return {
    opened: count(o['opened'], `${path}.opened`),
    byKind: record(o['byKind'], `${path}.byKind`, count),
    byPriority: record(o['byPriority'], `${path}.byPriority`, count),
    byCategory: record(o['byCategory'], `${path}.byCategory`, count),
    byChannel: record(o['byChannel'], `${path}.byChannel`, count),
    resolved: count(o['resolved'], `${path}.resolved`),
    backlogFrom: count(o['backlogFrom'], `${path}.backlogFrom`),
    backlogEnd: count(o['backlogEnd'], `${path}.backlogEnd`),
    days: daysOut,
    times,
    sla,
    tierIn: record(o['tierIn'], `${path}.tierIn`, count),
    breaches: array(o['breaches'], `${path}.breaches`).map((b, i) => breach(b, `${path}.breaches[${i}]`)),
    firstLine: count(o['firstLine'], `${path}.firstLine`),
    firstContact: count(o['firstContact'], `${path}.firstContact`),
    reopened: count(o['reopened'], `${path}.reopened`),
    restored: count(o['restored'], `${path}.restored`),
    scores
  }
}

const rejectedList = (u: unknown, path: string): Rejected[] =>
  array(u, path).map((r, i) => {
    const p = `${path}[${i}]`
    const o = object(r, p, ['ticketId', 'message'], ['ticketId', 'message'])
    return { ticketId: string(o['ticketId'], `${p}.ticketId`), message: string(o['message'], `${p}.message`) }
  })

const customerPart = (u: unknown, path: string): CustomerPart => {
  const o = object(u, path, ['current', 'previous', 'running', 'knownErrors'], ['current', 'previous', 'running', 'knownErrors'])
  return {
    current: part(o['current'], `${path}.current`),
    previous: part(o['previous'], `${path}.previous`),
    running: array(o['running'], `${path}.running`).map((r, i) => {
      const p = `${path}.running[${i}]`
      const x = object(r, p, ['ticketId', 'since', 'age'], ['ticketId', 'since', 'age'])
      const age = finite(x['age'], `${p}.age`)
      if (age < 0) fail(`${p}.age`, 'a duration of at least 0', age)
      return { ticketId: string(x['ticketId'], `${p}.ticketId`), since: instant(x['since'], `${p}.since`), age: age as Duration }
    }),
    knownErrors: array(o['knownErrors'], `${path}.knownErrors`).map((k, i) => string(k, `${path}.knownErrors[${i}]`))
  }
}

/** Runs a decoder, turning its failure (or anything a hostile value throws, such as a throwing getter) into a Left. */
const run = <A>(f: () => A): E.Either<ReportError, A> => {
  try {
    return E.right(f())
  } catch (e) {
    return E.left(isBad(e) ? e[bad] : invalid('accumulator', 'plain JSON data', 'a value that could not be read'))
  }
}

/**
 * Reads a service-level accumulator from its JSON form ({@link encodeAccumulator}), exactly:
 * `encodeAccumulator(decoded)` equals the input. Any other value gives a `Left` naming the
 * first field that is wrong (its path, what was expected, what was received); it never throws.
 * Merge the result only with accumulators of a combiner made from the same parameters.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Report } from 'itsm-kit'
 * const bad = { _tag: 'ServiceLevelAccumulator', version: 1, customers: { 'Fjord AS': { current: {}, previous: {}, running: [], knownErrors: [] } }, rejected: [] }
 * assert.deepStrictEqual(pipe(Report.decodeAccumulator(bad), E.mapLeft((e) => e.path)), E.left('accumulator.customers["Fjord AS"].current.opened'))
 * assert.strictEqual(E.isLeft(Report.decodeAccumulator('{}')), true)
 * ```
 * @category codecs
 * @since 0.2.0
 */
export const decodeAccumulator = (u: unknown): E.Either<ReportError, Accumulator> =>
  run(() => {
    const o = object(u, 'accumulator', ['_tag', 'version', 'customers', 'rejected'], ['_tag', 'version', 'customers', 'rejected'])
    if (o['_tag'] !== 'ServiceLevelAccumulator') fail('accumulator._tag', '"ServiceLevelAccumulator"', o['_tag'])
    if (o['version'] !== 1) fail('accumulator.version', 'version 1', o['version'])
    return { _tag: 'ServiceLevelAccumulator', customers: record(o['customers'], 'accumulator.customers', customerPart), rejected: rejectedList(o['rejected'], 'accumulator.rejected') }
  })

const rules: ReadonlyArray<StatusRule> = ['criticalPriority', 'criticalCategory', 'breached', 'newOrReopened', 'atRisk', 'workaroundTooLong']
const reasonFields = ['ticketId', 'rule', 'health', 'priority', 'category', 'metric', 'breachedAt', 'dueAt', 'warningsPassed', 'openedAt', 'reopenedAt', 'workaroundSince', 'workaroundAge'] as const

const reason = (u: unknown, path: string): StatusReason => {
  const o = object(u, path, reasonFields, ['ticketId', 'rule', 'health'])
  const rule = rules.includes(o['rule'] as StatusRule) ? (o['rule'] as StatusRule) : fail(`${path}.rule`, `one of ${rules.join(', ')}`, o['rule'])
  const health = o['health'] === 'Critical' || o['health'] === 'NeedAttention' ? o['health'] : fail(`${path}.health`, 'Critical or NeedAttention', o['health'])
  const out: Record<string, unknown> = {}
  for (const k of reasonFields) {
    const v = o[k]
    if (v === undefined) continue
    const p = `${path}.${k}`
    switch (k) {
      case 'ticketId':
      case 'priority':
      case 'category':
        out[k] = string(v, p)
        break
      case 'rule':
        out[k] = rule
        break
      case 'health':
        out[k] = health
        break
      case 'metric':
        out[k] = metricName(v, p)
        break
      case 'warningsPassed':
        out[k] = array(v, p).map((w, i) => finite(w, `${p}[${i}]`))
        break
      case 'workaroundAge':
        out[k] = finite(v, p)
        break
      default:
        out[k] = instant(v, p)
    }
  }
  return out as unknown as StatusReason
}

/**
 * Reads a daily-status accumulator from its JSON form ({@link encodeStatusAccumulator}), exactly;
 * any other value gives a `Left` naming the first field that is wrong, and never throws.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Report } from 'itsm-kit'
 * const bad = { _tag: 'StatusAccumulator', version: 1, reasons: { 'Fjord AS': [{ ticketId: 'INC-1', rule: 'panic', health: 'Critical' }] }, rejected: [] }
 * assert.deepStrictEqual(pipe(Report.decodeStatusAccumulator(bad), E.mapLeft((e) => e.path)), E.left('accumulator.reasons["Fjord AS"][0].rule'))
 * ```
 * @category codecs
 * @since 0.2.0
 */
export const decodeStatusAccumulator = (u: unknown): E.Either<ReportError, StatusAccumulator> =>
  run(() => {
    const o = object(u, 'accumulator', ['_tag', 'version', 'reasons', 'rejected'], ['_tag', 'version', 'reasons', 'rejected'])
    if (o['_tag'] !== 'StatusAccumulator') fail('accumulator._tag', '"StatusAccumulator"', o['_tag'])
    if (o['version'] !== 1) fail('accumulator.version', 'version 1', o['version'])
    return {
      _tag: 'StatusAccumulator',
      reasons: record(o['reasons'], 'accumulator.reasons', (v, p) => array(v, p).map((r, i) => reason(r, `${p}[${i}]`))),
      rejected: rejectedList(o['rejected'], 'accumulator.rejected')
    }
  })
