import * as E from 'fp-ts/lib/Either.js'
import * as Calendar from '../calendar/index.js'
import type { KindRules } from '../kind/index.js'
import * as Sla from '../sla/index.js'
import * as Time from '../time/index.js'
import type { Duration, Instant } from '../time/index.js'
import type { TicketEvent } from '../ticket/index.js'
import { invalid, type ReportError } from './errors.js'
import { keptOf } from './explanation.js'
import { factsOf, restrictor, type FactsOptions, type TicketFacts } from './facts.js'
import { agreementsByCustomer, checkInstant, combineAll, customerOf, historyProblem, idOf, visitAll } from './input.js'
import type {
  AttainmentRow,
  Breach,
  Change,
  CombineFn,
  CustomerReport,
  EscalationRow,
  Headline,
  MetricTimes,
  Parameters,
  Period,
  Rejected,
  SatisfactionScale,
  ServiceLevelReport,
  TimeSummary
} from './model.js'
import { localDates, resolvePeriod, type Resolved } from './period.js'
import { summarise } from './stats.js'
import { definitions } from './definitions.js'

/**
 * What a service-level report needs: every customer's agreement (naming the customer), the
 * period (resolved in each customer's zone), the as-of instant (default: the period's end in each
 * customer's zone), the satisfaction scale (default 1–5: positive 4–5, negative 1–2) and the
 * kind rules.
 *
 * @category models
 * @since 0.2.0
 */
export interface ServiceLevelParams {
  readonly agreements: ReadonlyArray<Sla.Agreement>
  readonly period: Period
  readonly asOf?: Instant
  readonly satisfaction?: SatisfactionScale
  readonly kinds?: KindRules
}

/** Exact values kept compactly: a growable typed array. @internal */
export interface Series {
  values: Float64Array
  length: number
}

/** Counts of one period of one customer. @internal */
export interface Part {
  opened: number
  byKind: Record<string, number>
  byPriority: Record<string, number>
  byCategory: Record<string, number>
  byChannel: Record<string, number>
  resolved: number
  backlogFrom: number
  backlogEnd: number
  /** Opened and resolved per local day of the period, interleaved; empty until a ticket counts. */
  days: Int32Array
  times: Record<string, Series>
  sla: Record<string, [number, number, number]>
  tierIn: Record<string, number>
  breaches: Breach[]
  firstLine: number
  firstContact: number
  reopened: number
  restored: number
  scores: Record<string, number>
}

/** One customer's counts: the period, the previous period, and what stands at the as-of instant. @internal */
export interface CustomerPart {
  current: Part
  previous: Part
  running: Array<{ ticketId: string; since: Instant; age: Duration }>
  knownErrors: string[]
}

/**
 * A service-level accumulator: the partial figures of the histories added so far, per customer.
 * Opaque: make it with {@link Combiner}'s `empty`, `add`, `addAll` and `merge`, read it with `result`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Accumulator {
  readonly _tag: 'ServiceLevelAccumulator'
  /** @internal */
  readonly customers: Readonly<Record<string, CustomerPart>>
  /** @internal */
  readonly rejected: ReadonlyArray<Rejected>
}

/**
 * The combine function of the service-level report ({@link CombineFn}): shards of histories
 * reduce separately and merge to exactly the figures of the whole; the report lists everything
 * in a fixed order, so equal inputs give equal reports.
 *
 * @category models
 * @since 0.2.0
 */
export type Combiner = CombineFn<Accumulator, ServiceLevelReport>

/**
 * A record without a prototype: keys come from tickets (categories, priorities), and one named
 * `__proto__` must be counted like any other. @internal
 */
export const rec = <A>(): Record<string, A> => Object.create(null) as Record<string, A>
/** A copy of a record, key by key in its order (for-in copies these prototype-less records faster than Object.assign). */
const copyRec = <A>(r: Readonly<Record<string, A>>): Record<string, A> => {
  const out = rec<A>()
  for (const k in r) out[k] = r[k] as A
  return out
}
/** @internal */
export const mapRec = <A, B>(r: Readonly<Record<string, A>>, f: (a: A) => B): Record<string, B> => {
  const out = rec<B>()
  for (const k in r) out[k] = f(r[k] as A)
  return out
}

const emptyPart = (): Part => ({
  opened: 0,
  byKind: rec(),
  byPriority: rec(),
  byCategory: rec(),
  byChannel: rec(),
  resolved: 0,
  backlogFrom: 0,
  backlogEnd: 0,
  days: new Int32Array(0),
  times: rec(),
  sla: rec(),
  tierIn: rec(),
  breaches: [],
  firstLine: 0,
  firstContact: 0,
  reopened: 0,
  restored: 0,
  scores: rec()
})

const bump = (r: Record<string, number>, k: string, n = 1): void => {
  r[k] = (r[k] ?? 0) + n
}

// The copies of a series share its buffer (each reads only its own `length` values), so copying
// an accumulator costs no copy of its times: a series appends in place when it ends where its
// buffer is written up to (no other copy has appended there), and otherwise moves to a buffer of
// its own first. A buffer not in `written` (one decoded from JSON) is copied before it is written.
const written = new WeakMap<Float64Array, number>()

const push = (r: Record<string, Series>, k: string, v: number): void => {
  let s = r[k]
  if (s === undefined) r[k] = s = { values: new Float64Array(8), length: 0 }
  else if (s.length === s.values.length || written.get(s.values) !== s.length) {
    const grown = new Float64Array(Math.max(8, 2 * s.length))
    grown.set(s.values.subarray(0, s.length))
    s.values = grown
  }
  s.values[s.length++] = v
  written.set(s.values, s.length)
}

const copySeries = (s: Series): Series => ({ values: s.values, length: s.length })

const clonePart = (p: Part): Part => ({
  ...p,
  byKind: copyRec(p.byKind),
  byPriority: copyRec(p.byPriority),
  byCategory: copyRec(p.byCategory),
  byChannel: copyRec(p.byChannel),
  days: p.days.slice(),
  times: mapRec(p.times, copySeries),
  sla: mapRec(p.sla, (v): [number, number, number] => [v[0], v[1], v[2]]),
  tierIn: copyRec(p.tierIn),
  breaches: [...p.breaches],
  scores: copyRec(p.scores)
})

const mergePart = (into: Part, p: Part): void => {
  into.opened += p.opened
  for (const k in p.byKind) bump(into.byKind, k, p.byKind[k])
  for (const k in p.byPriority) bump(into.byPriority, k, p.byPriority[k])
  for (const k in p.byCategory) bump(into.byCategory, k, p.byCategory[k])
  for (const k in p.byChannel) bump(into.byChannel, k, p.byChannel[k])
  into.resolved += p.resolved
  into.backlogFrom += p.backlogFrom
  into.backlogEnd += p.backlogEnd
  if (into.days.length === 0) into.days = p.days.slice()
  else {
    // the same combiner gives every part of a customer the same days; a decoded one may differ
    if (p.days.length > into.days.length) {
      const grown = new Int32Array(p.days.length)
      grown.set(into.days)
      into.days = grown
    }
    for (let i = 0; i < p.days.length; i++) into.days[i] = (into.days[i] as number) + (p.days[i] as number)
  }
  for (const k in p.times) {
    const s = p.times[k] as Series
    for (let i = 0; i < s.length; i++) push(into.times, k, s.values[i] as number)
  }
  for (const k in p.sla) {
    const d = (into.sla[k] ??= [0, 0, 0])
    const e = p.sla[k] as [number, number, number]
    d[0] += e[0]
    d[1] += e[1]
    d[2] += e[2]
  }
  for (const k in p.tierIn) bump(into.tierIn, k, p.tierIn[k])
  for (const b of p.breaches) into.breaches.push(b)
  into.firstLine += p.firstLine
  into.firstContact += p.firstContact
  into.reopened += p.reopened
  into.restored += p.restored
  for (const k in p.scores) bump(into.scores, k, p.scores[k])
}

const emptyCustomer = (): CustomerPart => ({
  current: emptyPart(),
  previous: emptyPart(),
  running: [],
  knownErrors: []
})
/** A copy of a customer's counts to change, but for the previous period, which is shared until it changes (few tickets count in it). */
const cloneCustomer = (c: CustomerPart): CustomerPart => ({
  current: clonePart(c.current),
  previous: c.previous,
  running: [...c.running],
  knownErrors: [...c.knownErrors]
})

/** Per customer: its agreement, its resolved period and its as-of instant. */
interface Setting {
  readonly agreement: Sla.Agreement
  readonly period: Resolved
  readonly asOf: number
  readonly days: Days
  readonly factsOptions: FactsOptions
}

/** The local days of a period: their names and the instants they start (local midnights), in order. */
interface Days {
  readonly names: ReadonlyArray<string>
  readonly starts: ReadonlyArray<number>
}

const daysOf = (from: number, to: number, zone: Time.IanaZone): Days => {
  const names = localDates(from, to, zone)
  const starts = names.map((d, i) => {
    if (i === 0) return from
    const r = Time.fromLocal(zone)(`${d}T00:00`)
    return E.isRight(r) ? r.right : from
  })
  return { names, starts }
}

/** The local day (of the period) an instant in `[from, to)` falls on: a binary search. */
const dayOf = (days: Days, t: number): number => {
  let lo = 0
  let hi = days.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((days.starts[mid] as number) <= t) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Counts a ticket on a local day: opened (0) or resolved (1). */
const countDay = (p: Part, days: Days, t: number, which: 0 | 1): void => {
  if (p.days.length === 0) p.days = new Int32Array(2 * days.names.length)
  const i = 2 * dayOf(days, t) + which
  p.days[i] = (p.days[i] as number) + 1
}

const within = (x: number | undefined, from: number, to: number): x is number => x !== undefined && x >= from && x < to
const openAt = (f: TicketFacts, x: number): boolean => {
  for (const [a, b] of f.openSpans) if (a <= x && (b === undefined || x < b)) return true
  return false
}

/** `metric|priority`, the key of a clock's counts: a function that makes each pair's key once. */
type KeyOf = (metric: string, priority: string | undefined) => string
const makeKeyOf = (): KeyOf => {
  const keys = new Map<string, Map<string, string>>()
  return (metric, priority) => {
    let byPriority = keys.get(metric)
    if (byPriority === undefined) keys.set(metric, (byPriority = new Map<string, string>()))
    const p = priority ?? 'none'
    let k = byPriority.get(p)
    if (k === undefined) byPriority.set(p, (k = `${metric}|${p}`))
    return k
  }
}

// Staged counts. While `addAll` runs, the counts by key of each part it changes (by kind, priority,
// category, channel, tier, score, and the clocks met, breached and stopped late) add up in one
// typed array per part, a few cache lines, instead of in its records of counts, a dozen objects
// each read from memory for every ticket; when `addAll` ends, they are written to the records,
// each key in the order it first came, so the records are exactly what adding to them directly
// makes. The slots of the keys are shared by a combiner's parts and few: past MAX_SLOTS, a new
// key is counted in its record directly (after what the part has staged).

const KIND = 0
const PRIORITY = 1
const CATEGORY = 2
const CHANNEL = 3
const TIER = 4
const SCORE = 5
/** A clock key's met, breached and stopped-late counts: three slots in a row. */
const SLA = 6
const MAX_SLOTS = 4096

/** The slots of a combiner's keys: per field, the slot of each key; per slot, its field and key. */
interface Slots {
  readonly byKey: ReadonlyArray<Map<string, number>>
  /** Scores by their number, so no string is made for a score already seen. */
  readonly byScore: Map<number, number>
  readonly field: number[]
  readonly key: string[]
  size: number
}

const makeSlots = (): Slots => ({
  byKey: [KIND, PRIORITY, CATEGORY, CHANNEL, TIER, SCORE, SLA].map(() => new Map<string, number>()),
  byScore: new Map<number, number>(),
  field: [],
  key: [],
  size: 0
})

/** A new slot (three for a clock key) for a key of a field, or -1 when there are too many. */
const newSlot = (sl: Slots, field: number, key: string): number => {
  const width = field === SLA ? 3 : 1
  if (sl.size + width > MAX_SLOTS) return -1
  const slot = sl.size
  sl.size += width
  ;(sl.byKey[field] as Map<string, number>).set(key, slot)
  sl.field[slot] = field
  sl.key[slot] = key
  return slot
}

const slotOf = (sl: Slots, field: number, key: string): number => {
  const slot = (sl.byKey[field] as Map<string, number>).get(key)
  return slot === undefined ? newSlot(sl, field, key) : slot
}

const scoreSlot = (sl: Slots, score: number): number => {
  let slot = sl.byScore.get(score)
  if (slot === undefined) {
    const key = String(score)
    slot = slotOf(sl, SCORE, key)
    if (slot >= 0) sl.byScore.set(score, slot)
  }
  return slot
}

/**
 * A part's staged counts, by slot, and the slots in the order they were first counted; and its
 * staged stopped-clock times, in order, as pairs of a clock key's slot and a time.
 */
interface Stage {
  counts: Float64Array
  readonly order: number[]
  times: Float64Array
  timesLength: number
}

const noCounts = new Float64Array(0)
const makeStage = (): Stage => ({ counts: noCounts, order: [], times: noCounts, timesLength: 0 })

/** The counts of a stage, with room for `slot` and the two after it. */
const room = (st: Stage, slot: number, sl: Slots): Float64Array => {
  const c = st.counts
  if (slot + 3 <= c.length) return c
  const grown = new Float64Array(Math.max(16, 2 * c.length, sl.size + 3))
  grown.set(c)
  st.counts = grown
  return grown
}

const recordOf = (p: Part, field: number): Record<string, number> =>
  field === KIND
    ? p.byKind
    : field === PRIORITY
      ? p.byPriority
      : field === CATEGORY
        ? p.byCategory
        : field === CHANNEL
          ? p.byChannel
          : field === TIER
            ? p.tierIn
            : p.scores

/** Writes a part's staged counts to its records, each key in the order it was first counted, and empties the stage. */
const flush = (p: Part, st: Stage, sl: Slots): void => {
  const c = st.counts
  for (let i = 0; i < st.order.length; i++) {
    const slot = st.order[i] as number
    const key = sl.key[slot] as string
    const field = sl.field[slot] as number
    if (field === SLA) {
      const v = (p.sla[key] ??= [0, 0, 0])
      v[0] += c[slot] as number
      v[1] += c[slot + 1] as number
      v[2] += c[slot + 2] as number
      c[slot] = c[slot + 1] = c[slot + 2] = 0
    } else {
      bump(recordOf(p, field), key, c[slot] as number)
      c[slot] = 0
    }
  }
  st.order.length = 0
  const t = st.times
  for (let i = 0; i < st.timesLength; i += 2) push(p.times, sl.key[t[i] as number] as string, t[i + 1] as number)
  st.timesLength = 0
}

/** Counts one in a slot of a part's stage, or in its record when the key has no slot. */
const count = (p: Part, st: Stage, sl: Slots, slot: number, field: number, key: string | number): void => {
  if (slot < 0) {
    flush(p, st, sl)
    bump(recordOf(p, field), String(key))
    return
  }
  const c = room(st, slot, sl)
  if (c[slot] === 0) st.order.push(slot)
  c[slot] = (c[slot] as number) + 1
}

/** Counts a clock key met, breached and stopped late (0 or 1 each, at least one of them 1); the key's slot. */
const countClock = (
  p: Part,
  st: Stage,
  sl: Slots,
  key: string,
  met: number,
  breached: number,
  late: number
): number => {
  const slot = slotOf(sl, SLA, key)
  if (slot < 0) {
    flush(p, st, sl)
    const v = (p.sla[key] ??= [0, 0, 0])
    v[0] += met
    v[1] += breached
    v[2] += late
    return slot
  }
  const c = room(st, slot, sl)
  if (c[slot] === 0 && c[slot + 1] === 0 && c[slot + 2] === 0) st.order.push(slot)
  c[slot] = (c[slot] as number) + met
  c[slot + 1] = (c[slot + 1] as number) + breached
  c[slot + 2] = (c[slot + 2] as number) + late
  return slot
}

/** Adds a stopped clock's time under its key (whose slot is given, -1 for none). */
const addTime = (p: Part, st: Stage, sl: Slots, slot: number, key: string, time: number): void => {
  if (slot < 0) {
    flush(p, st, sl)
    push(p.times, key, time)
    return
  }
  let t = st.times
  const n = st.timesLength
  if (n + 2 > t.length) {
    const grown = new Float64Array(Math.max(16, 2 * t.length))
    grown.set(t)
    st.times = t = grown
  }
  t[n] = slot
  t[n + 1] = time
  st.timesLength = n + 2
}

/** Adds one ticket's facts to one period's counts. */
const addFacts = (
  p: Part,
  f: TicketFacts,
  from: number,
  to: number,
  asOf: number,
  days: Days | undefined,
  keyOf: KeyOf,
  st: Stage,
  sl: Slots
): void => {
  if (within(f.openedAt, from, to)) {
    p.opened++
    const kind = f.kind ?? 'unclassified'
    const priority = f.priority ?? 'none'
    const category = f.category ?? 'none'
    count(p, st, sl, slotOf(sl, KIND, kind), KIND, kind)
    count(p, st, sl, slotOf(sl, PRIORITY, priority), PRIORITY, priority)
    count(p, st, sl, slotOf(sl, CATEGORY, category), CATEGORY, category)
    count(p, st, sl, slotOf(sl, CHANNEL, f.channel), CHANNEL, f.channel)
    if (days !== undefined) countDay(p, days, f.openedAt, 0)
  }
  let lastResolution: number | undefined
  for (const r of f.resolutions) if (within(r, from, to)) lastResolution = r
  if (lastResolution !== undefined) {
    p.resolved++
    if (days !== undefined) countDay(p, days, lastResolution, 1)
    if (f.escalations.length === 0) {
      p.firstLine++
      if (f.repliesBeforeFirstResolution <= 1) p.firstContact++
    }
    if (f.reopenings.length > 0) p.reopened++
  }
  if (openAt(f, Math.min(from, asOf))) p.backlogFrom++
  if (openAt(f, Math.min(to, asOf))) p.backlogEnd++
  for (const e of f.escalations)
    if (within(e.at, from, to)) count(p, st, sl, slotOf(sl, TIER, e.toTier), TIER, e.toTier)
  for (const c of f.clocks) {
    if (c.state === 'NotApplicable') continue
    const key = keyOf(c.metric, c.priority)
    // a restarting clock that breached in an earlier cycle is ever breached: counted breached at
    // that cycle's breach, and stopped late (never met) when a later cycle stops within target
    const r = f.restarted.length === 0 ? undefined : f.restarted.find((x) => x.metric === c.metric)
    const first = r?.firstBreach
    const breachClock = first === undefined ? c : first.clock
    const everBreached = r !== undefined && first !== undefined && first.cycle < r.cycles
    const stopped = (c.state === 'Met' || c.state === 'MetLate') && within(c.metAt, from, to)
    const breached = within(breachClock.breachedAt, from, to)
    const slot =
      stopped || breached
        ? countClock(
            p,
            st,
            sl,
            key,
            stopped && c.state === 'Met' && !everBreached ? 1 : 0,
            breached ? 1 : 0,
            stopped && (c.state === 'MetLate' || everBreached) ? 1 : 0
          )
        : -1
    // a stopped clock was counted just above, so its key has its slot (or none, -1)
    if (stopped && c.metric !== 'update' && c.metric !== 'restore') addTime(p, st, sl, slot, key, c.elapsed)
    if (breached) {
      const b: { -readonly [K in keyof Breach]: Breach[K] } = {
        ticketId: f.ticketId,
        metric: c.metric,
        dueAt: breachClock.breachedAt,
        overrun: (breachClock.elapsed - (breachClock.targetTime ?? 0)) as Duration
      }
      if (c.priority !== undefined) b.priority = c.priority
      if (breachClock.metAt !== undefined) b.stoppedAt = breachClock.metAt
      if (r !== undefined && first !== undefined) {
        b.cycle = first.cycle
        b.cycles = r.cycles
      }
      // the accumulator keeps a bounded part of the explanation: a clock's lists grow with its
      // length and the calendar's openings a day, and the accumulator keeps every breach
      if (breachClock.explanation !== undefined) {
        const kept = keptOf(breachClock.explanation)
        b.explanation = kept.explanation
        if (kept.omitted !== undefined) b.omitted = kept.omitted
      }
      p.breaches.push(b)
    }
  }
  for (const w of f.workaroundsApplied)
    if (within(w, from, to)) {
      p.restored++
      break
    }
  for (const r of f.ratings) if (within(r.at, from, to)) count(p, st, sl, scoreSlot(sl, r.score), SCORE, r.score)
}

const byKey = <A>(r: Readonly<Record<string, A>>): Record<string, A> =>
  Object.fromEntries(
    Object.keys(r)
      .sort(compareNames)
      .map((k) => [k, r[k] as A])
  )

/** Names in natural order (P2 before P10), then plainly. @internal */
export const compareNames = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)

const collator = new Intl.Collator('en', { numeric: true })

const concat = (ss: ReadonlyArray<Series>): Float64Array => {
  const out = new Float64Array(ss.reduce((n, s) => n + s.length, 0))
  let i = 0
  for (const s of ss) {
    out.set(s.values.subarray(0, s.length), i)
    i += s.length
  }
  return out
}

const MIN = 60_000
/** Upper bounds (inclusive) of the bands of the time distribution. */
const bands = [15 * MIN, 60 * MIN, 240 * MIN, 480 * MIN, 1440 * MIN, 2400 * MIN]

const metricTimes = (p: Part, metric: string): MetricTimes => {
  const keys = Object.keys(p.times).filter((k) => k.startsWith(`${metric}|`))
  const byPriority: Record<string, TimeSummary> = {}
  for (const k of keys.sort((a, b) => compareNames(a, b)))
    byPriority[k.slice(metric.length + 1)] = summarise(concat([p.times[k] as Series]))
  const all = concat(keys.map((k) => p.times[k] as Series))
  // one count per band, the last for values over every bound
  const counts = new Array<number>(bands.length + 1).fill(0)
  for (const v of all) {
    let j = 0
    while (j < bands.length && v > (bands[j] as number)) j++
    counts[j] = (counts[j] as number) + 1
  }
  return {
    overall: summarise(all),
    byPriority,
    distribution: counts.map((count, i) => (i < bands.length ? { upTo: bands[i] as number, count } : { count }))
  }
}

const ratio = (a: number, b: number): number | undefined => (b === 0 ? undefined : a / b)
const opt = <K extends string, A>(k: K, a: A | undefined): { [P in K]?: A } =>
  a === undefined ? {} : ({ [k]: a } as { [P in K]?: A })

const attainmentRows = (p: Part, metricsOfPolicy: ReadonlyArray<string>): AttainmentRow[] => {
  const byMetric = new Map<string, Array<[string, [number, number, number]]>>()
  for (const m of metricsOfPolicy) byMetric.set(m, [])
  for (const [k, v] of Object.entries(p.sla)) {
    const i = k.lastIndexOf('|')
    const m = k.slice(0, i)
    if (!byMetric.has(m)) byMetric.set(m, [])
    byMetric.get(m)?.push([k.slice(i + 1), v])
  }
  const rows: AttainmentRow[] = []
  const row = (
    metric: string,
    priority: string,
    [met, breached, late]: readonly [number, number, number]
  ): AttainmentRow => ({
    metric: metric as AttainmentRow['metric'],
    priority,
    met,
    breached,
    stoppedLate: late,
    ...opt('attainment', ratio(met, met + breached))
  })
  const order = [...byMetric.keys()].sort((a, b) => metricRank(a) - metricRank(b) || compareNames(a, b))
  for (const m of order) {
    const entries = (byMetric.get(m) ?? []).sort((a, b) => compareNames(a[0], b[0]))
    const total: [number, number, number] = [0, 0, 0]
    for (const [, v] of entries) {
      total[0] += v[0]
      total[1] += v[1]
      total[2] += v[2]
    }
    rows.push(row(m, '*', total))
    for (const [prio, v] of entries) rows.push(row(m, prio, v))
  }
  return rows
}

const metricRank = (m: string): number => {
  const i = Sla.metrics.indexOf(m as Sla.Metric)
  return i >= 0 ? i : Sla.metrics.length
}

const compareBreach = (a: Breach, b: Breach): number =>
  a.dueAt - b.dueAt ||
  (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0) ||
  (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0)

interface Figures {
  readonly volume: CustomerReport['volume']
  readonly times: CustomerReport['times']
  readonly attainment: ReadonlyArray<AttainmentRow>
  readonly resolution: CustomerReport['resolution']
  readonly satisfaction: CustomerReport['satisfaction']
}

const figuresOf = (
  p: Part,
  days: ReadonlyArray<string>,
  metricsOfPolicy: ReadonlyArray<string>,
  scale: SatisfactionScale
): Figures => {
  let ratings = 0
  let sum = 0
  let positive = 0
  let negative = 0
  for (const [k, n] of Object.entries(p.scores)) {
    const score = Number(k)
    ratings += n
    sum += score * n
    if (score >= scale.positiveFrom) positive += n
    else if (score <= scale.negativeTo) negative += n
  }
  return {
    volume: {
      opened: p.opened,
      byKind: byKey(p.byKind),
      byPriority: byKey(p.byPriority),
      byCategory: byKey(p.byCategory),
      byChannel: byKey(p.byChannel),
      resolved: p.resolved,
      backlogAtFrom: p.backlogFrom,
      backlogAtAsOf: p.backlogEnd,
      days: days.map((date, i) => ({
        date: date as Time.LocalDate,
        opened: p.days[2 * i] ?? 0,
        resolved: p.days[2 * i + 1] ?? 0
      }))
    },
    times: { response: metricTimes(p, 'response'), resolution: metricTimes(p, 'resolution') },
    attainment: attainmentRows(p, metricsOfPolicy),
    resolution: {
      resolved: p.resolved,
      firstLine: p.firstLine,
      firstContact: p.firstContact,
      reopened: p.reopened,
      ...opt('firstLineRate', ratio(p.firstLine, p.resolved)),
      ...opt('firstContactRate', ratio(p.firstContact, p.resolved)),
      ...opt('reopenRate', ratio(p.reopened, p.resolved))
    },
    satisfaction: {
      ratings,
      positive,
      neutral: ratings - positive - negative,
      negative,
      byScore: byKey(p.scores),
      ...opt('csat', ratings === 0 ? undefined : (100 * positive) / ratings),
      ...opt('netCsat', ratings === 0 ? undefined : (100 * (positive - negative)) / ratings),
      ...opt('mean', ratio(sum, ratings)),
      ...opt('responseRate', ratio(ratings, p.resolved)),
      fewRatings: ratings < 30
    }
  }
}

const headlines = (f: Figures): Readonly<Record<Headline, number | undefined>> => {
  const all = (m: string) => f.attainment.find((r) => r.metric === m && r.priority === '*')?.attainment
  return {
    opened: f.volume.opened,
    resolved: f.volume.resolved,
    backlogAtAsOf: f.volume.backlogAtAsOf,
    responseMedian: f.times.response.overall.median,
    resolutionMedian: f.times.resolution.overall.median,
    responseAttainment: all('response'),
    resolutionAttainment: all('resolution'),
    firstLineRate: f.resolution.firstLineRate,
    reopenRate: f.resolution.reopenRate,
    csat: f.satisfaction.csat,
    netCsat: f.satisfaction.netCsat
  }
}

const scaleOf = (u: unknown): E.Either<ReportError, SatisfactionScale> => {
  if (u === undefined) return E.right({ positiveFrom: 4, negativeTo: 2 })
  const s = u as Partial<SatisfactionScale> | null
  if (typeof s !== 'object' || s === null)
    return E.left(invalid('params.satisfaction', 'a scale { positiveFrom, negativeTo }', u))
  if (typeof s.positiveFrom !== 'number' || !Number.isFinite(s.positiveFrom))
    return E.left(invalid('params.satisfaction.positiveFrom', 'a number', s.positiveFrom))
  if (typeof s.negativeTo !== 'number' || !(s.negativeTo < s.positiveFrom))
    return E.left(invalid('params.satisfaction.negativeTo', 'a number below positiveFrom', s.negativeTo))
  return E.right({ positiveFrom: s.positiveFrom, negativeTo: s.negativeTo })
}

/**
 * The combine function of the service-level report for the given parameters, or what is wrong
 * with them. See {@link Combiner} and {@link serviceLevel}, which is
 * `result(addAll(histories)(empty))`.
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
 * const combiner = made.right
 * // two shards, reduced separately and merged, give the figures of the whole
 * const a = combiner.addAll([])(combiner.empty)
 * const b = combiner.addAll([])(combiner.empty)
 * const report = combiner.result(pipe(a, combiner.merge(b)))
 * assert.deepStrictEqual(report.customers.map((c) => [c.customer, c.period.label, c.volume.opened]), [['Fjord AS', '2025-03', 0]])
 * ```
 * @category constructors
 * @since 0.2.0
 */
export const combiner = (params: ServiceLevelParams): E.Either<ReportError, Combiner> => {
  try {
    if (typeof params !== 'object' || params === null)
      return E.left(invalid('params', 'the service-level parameters', params))
    const agreements = agreementsByCustomer(params.agreements)
    if (E.isLeft(agreements)) return agreements
    if (params.asOf !== undefined) {
      const a = checkInstant(params.asOf, 'params.asOf')
      if (E.isLeft(a)) return a
    }
    const scale = scaleOf(params.satisfaction)
    if (E.isLeft(scale)) return scale
    const settings = new Map<string, Setting>()
    const keyOf = makeKeyOf()
    const restrict = restrictor()
    // customers in one zone share the period, so each zone is resolved once
    const zones = new Map<string, { readonly period: Resolved; readonly days: Days }>()
    for (const [customer, agreement] of agreements.right) {
      const zone = agreement.calendar.zone
      let z = zones.get(zone)
      if (z === undefined) {
        const period = resolvePeriod(params.period, zone)
        if (E.isLeft(period)) return period
        z = { period: period.right, days: daysOf(period.right.from, period.right.to, zone) }
        zones.set(zone, z)
      }
      const factsOptions: FactsOptions = {
        ...opt('kinds', params.kinds),
        explainBreaches: { from: z.period.from as Instant, to: z.period.to as Instant },
        restrict
      }
      settings.set(customer, {
        agreement,
        period: z.period,
        asOf: params.asOf ?? z.period.to,
        days: z.days,
        factsOptions
      })
    }
    const parameters: Parameters = {
      period: params.period,
      ...opt('asOf', params.asOf),
      satisfaction: scale.right,
      ...opt('kinds', params.kinds?.kinds),
      definitions
    }
    const empty: Accumulator = { _tag: 'ServiceLevelAccumulator', customers: rec(), rejected: [] }
    // every operation copies before it changes anything, so a new accumulator may share the
    // customers it does not touch with its argument; a customer is copied the first time it changes
    interface Draft {
      readonly customers: Record<string, CustomerPart>
      readonly rejected: Rejected[]
      /** The customers this draft has copied, each with the stages of its two parts. */
      readonly owned: Map<string, Owned>
    }
    interface Owned {
      readonly customer: CustomerPart
      readonly current: Stage
      readonly previous: Stage
      /** The customer's previous period is this draft's own copy (else it is shared, and copied before it changes). */
      ownsPrevious: boolean
    }
    const slots = makeSlots()
    const draftOf = (a: Accumulator): Draft => ({
      customers: copyRec(a.customers),
      rejected: [...a.rejected],
      owned: new Map()
    })
    const own = (d: Draft, k: string): Owned => {
      let o = d.owned.get(k)
      if (o === undefined) {
        const c = d.customers[k]
        const customer = c === undefined ? emptyCustomer() : cloneCustomer(c)
        d.customers[k] = customer
        d.owned.set(k, (o = { customer, current: makeStage(), previous: makeStage(), ownsPrevious: c === undefined }))
      }
      return o
    }
    /** The previous period of an owned customer, copied the first time it changes. */
    const previousOf = (o: Owned): Part => {
      if (!o.ownsPrevious) {
        o.customer.previous = clonePart(o.customer.previous)
        o.ownsPrevious = true
      }
      return o.customer.previous
    }
    const done = (d: Draft): Accumulator => {
      for (const o of d.owned.values()) {
        flush(o.customer.current, o.current, slots)
        // a shared previous period has nothing staged
        if (o.ownsPrevious) flush(o.customer.previous, o.previous, slots)
      }
      return { _tag: 'ServiceLevelAccumulator', customers: d.customers, rejected: d.rejected }
    }
    const addInto = (acc: Draft, h: ReadonlyArray<TicketEvent>): void => {
      const problem = historyProblem(h)
      if (problem !== undefined) {
        acc.rejected.push({ ticketId: idOf(h), message: problem })
        return
      }
      const customer = customerOf(h)
      const s = customer === undefined ? undefined : settings.get(customer)
      if (customer === undefined || s === undefined) {
        acc.rejected.push({
          ticketId: idOf(h),
          message:
            customer === undefined ? 'the history does not start with TicketOpened' : 'its customer has no agreement'
        })
        return
      }
      const facts = factsOf(h, s.agreement, s.asOf, s.factsOptions)
      if (E.isLeft(facts)) {
        acc.rejected.push({ ticketId: idOf(h), message: facts.left.message })
        return
      }
      const f = facts.right
      if (f === undefined) return
      const o = own(acc, customer)
      const c = o.customer
      // every instant a period counts is at or after the opening: a ticket opened after a period's end adds nothing to it
      if (f.openedAt <= s.period.to)
        addFacts(c.current, f, s.period.from, s.period.to, s.asOf, s.days, keyOf, o.current, slots)
      if (f.openedAt <= s.period.previous.to)
        addFacts(
          previousOf(o),
          f,
          s.period.previous.from,
          s.period.previous.to,
          s.asOf,
          undefined,
          keyOf,
          o.previous,
          slots
        )
      if (f.onWorkaroundSince !== undefined)
        c.running.push({
          ticketId: f.ticketId,
          since: f.onWorkaroundSince as Instant,
          age: Calendar.businessTimeBetween(f.onWorkaroundSince as Instant, s.asOf as Instant)(s.agreement.calendar)
        })
      if (f.knownErrorOpen) c.knownErrors.push(f.ticketId)
    }
    const addAll =
      (histories: Iterable<ReadonlyArray<TicketEvent>>) =>
      (self: Accumulator): Accumulator => {
        const acc = draftOf(self)
        visitAll(histories, (h) => addInto(acc, h), acc.rejected)
        return done(acc)
      }
    const merge =
      (that: Accumulator) =>
      (self: Accumulator): Accumulator => {
        const acc = draftOf(self)
        for (const [k, c] of Object.entries(that.customers)) {
          const o = own(acc, k)
          const into = o.customer
          mergePart(into.current, c.current)
          mergePart(previousOf(o), c.previous)
          for (const x of c.running) into.running.push(x)
          for (const x of c.knownErrors) into.knownErrors.push(x)
        }
        for (const x of that.rejected) acc.rejected.push(x)
        return done(acc)
      }
    const result = (self: Accumulator): ServiceLevelReport => {
      const customers: CustomerReport[] = []
      for (const customer of [...settings.keys()].sort(compareNames)) {
        const s = settings.get(customer) as Setting
        const c = self.customers[customer] ?? emptyCustomer()
        const zone = s.agreement.calendar.zone
        const policyMetrics = [
          ...Sla.metrics.filter((m) => s.agreement.policy.metrics[m] !== undefined),
          ...Object.keys(s.agreement.policy.tiers ?? {}).map((t) => `tier:${t}`)
        ]
        const now = figuresOf(c.current, s.days.names, policyMetrics, scale.right)
        const before = figuresOf(c.previous, [], policyMetrics, scale.right)
        const h0 = headlines(now)
        const h1 = headlines(before)
        const comparison: Change[] = (Object.keys(h0) as Headline[]).map((figure) => {
          const a = h0[figure]
          const b = h1[figure]
          return {
            figure,
            ...opt('current', a),
            ...opt('previous', b),
            ...opt('change', a === undefined || b === undefined ? undefined : a - b)
          }
        })
        const tiers = new Set([...Object.keys(c.current.tierIn), ...Object.keys(s.agreement.policy.tiers ?? {})])
        const escalations: EscalationRow[] = [...tiers].sort(compareNames).map((tier) => {
          const row = now.attainment.find((r) => r.metric === `tier:${tier}` && r.priority === '*')
          return {
            tier,
            escalated: c.current.tierIn[tier] ?? 0,
            time: metricTimes(c.current, `tier:${tier}`).overall,
            met: row?.met ?? 0,
            breached: row?.breached ?? 0
          }
        })
        customers.push({
          customer,
          zone,
          policy: s.agreement.policy.name,
          asOf: s.asOf as Instant,
          period: { label: s.period.label, from: s.period.from as Instant, to: s.period.to as Instant },
          previous: {
            label: s.period.previous.label,
            from: s.period.previous.from as Instant,
            to: s.period.previous.to as Instant
          },
          volume: now.volume,
          times: now.times,
          attainment: now.attainment,
          breaches: [...c.current.breaches].sort(compareBreach),
          resolution: now.resolution,
          escalations,
          workarounds: {
            restored: c.current.restored,
            running: [...c.running].sort((a, b) => a.since - b.since || (a.ticketId < b.ticketId ? -1 : 1)),
            knownErrors: [...c.knownErrors].sort(compareNames)
          },
          satisfaction: now.satisfaction,
          comparison
        })
      }
      const rejected = [...self.rejected].sort((a, b) =>
        a.ticketId < b.ticketId
          ? -1
          : a.ticketId > b.ticketId
            ? 1
            : a.message < b.message
              ? -1
              : a.message > b.message
                ? 1
                : 0
      )
      return { _tag: 'ServiceLevelReport', parameters, customers, rejected }
    }
    return E.right({
      empty,
      add: (history) => addAll([history]),
      addAll,
      merge,
      result
    })
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller)
    return E.left(invalid('params', 'service-level parameters whose properties can be read', params))
  }
}

/**
 * The periodic service-level report of every customer named in the agreements: volume, response
 * and resolution times (exact), agreement kept per metric and priority, breaches with their
 * explanation, first-line and first-contact resolution, reopen rate, escalations, workarounds,
 * satisfaction and the change from the previous period. Every definition is in `docs/reports.md`
 * and recorded in `parameters.definitions`. A report as of `t` ignores events after `t`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla, Ticket, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const at = Time.instant
 * const kari = { role: 'agent', id: 'kari' } as const
 * const recorded = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('2025-03-10T09:00:00+01:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone', customer: 'Fjord AS', requester: 'ola', title: 'VPN', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-03-10T09:00:00+01:00'), actor: kari, urgency: 'medium', impact: 'medium' },
 *   { _tag: 'Reply', at: at('2025-03-10T09:20:00+01:00'), actor: kari, message: 'On it' },
 *   { _tag: 'Resolve', at: at('2025-03-10T11:00:00+01:00'), actor: kari, code: 'fixed', note: 'Done' }
 * ])
 * const report = pipe(
 *   E.Do,
 *   E.apS('agreement', agreement),
 *   E.apSW('recorded', recorded),
 *   E.flatMap(({ agreement, recorded }) => pipe([recorded.events], Report.serviceLevel({ agreements: [agreement], period: { _tag: 'Month', year: 2025, month: 3 } })))
 * )
 * assert.deepStrictEqual(pipe(report, E.map((r) => [r.customers[0]?.volume.opened, r.customers[0]?.times.response.overall])), E.right([1, { count: 1, mean: 1_200_000, median: 1_200_000, p90: 1_200_000, max: 1_200_000 }]))
 * ```
 * @category queries
 * @since 0.2.0
 */
export const serviceLevel =
  (params: ServiceLevelParams) =>
  (self: ReadonlyArray<ReadonlyArray<TicketEvent>>): E.Either<ReportError, ServiceLevelReport> =>
    combineAll(combiner(params), self)
