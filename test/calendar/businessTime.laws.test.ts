/**
 * The laws of business time (DESIGN.md, "Business time: how it must be computed"), checked
 * with fast-check over random valid calendars in zones with awkward DST rules.
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Calendar, Time } from '../../src/index.js'
import * as Arb from '../arbitraries/calendar.js'
import { readCompiled } from '../../src/calendar/compiled.js'

const numRuns = process.env['CI'] ? 1000 : 200
const run = <A>(arb: fc.Arbitrary<A>, predicate: (x: A) => void): void =>
  fc.assert(
    fc.property(arb, (x) => {
      predicate(x)
    }),
    { numRuns }
  )

type Instant = Time.Instant
type Duration = Time.Duration
const I = (ms: number): Instant => ms as Instant
const D = (ms: number): Duration => ms as Duration
const iso = (t: number): string => Time.toISO(I(t))

// ---------------------------------------------------------------------------------------------
// scenarios: a valid spec, instants near each other (so a run generates few years), durations

/** Where an instant sits: as generated, or moved to a nearby opening or closing of the calendar. */
type Snap = 'none' | 'nextOpening' | 'previousClosing' | 'beforeOpening' | 'beforeClosing'
const snap: fc.Arbitrary<Snap> = fc.constantFrom<Snap>(
  'none',
  'none',
  'none',
  'nextOpening',
  'previousClosing',
  'beforeOpening',
  'beforeClosing'
)

const place = (cal: Calendar.BusinessCalendar, t: Instant, how: Snap): Instant => {
  switch (how) {
    case 'none':
      return t
    case 'nextOpening':
      return pipe(cal, Calendar.nextOpening(t))
    case 'previousClosing':
      return pipe(cal, Calendar.previousClosing(t))
    case 'beforeOpening':
      return I(pipe(cal, Calendar.nextOpening(t)) - 1)
    case 'beforeClosing':
      return I(pipe(cal, Calendar.previousClosing(t)) - 1)
  }
}

interface Scenario {
  readonly spec: Calendar.CalendarSpec
  readonly t: Instant
  readonly u: Instant
  readonly v: Instant
  readonly d: Duration
  readonly e: Duration
  readonly snapT: Snap
  readonly snapU: Snap
}

const scenarioOf = (specs: fc.Arbitrary<Calendar.CalendarSpec>): fc.Arbitrary<Scenario> =>
  specs.chain((spec) => {
    const zone = Arb.ianaZone(spec.zone)
    return Arb.instantIn(zone).chain((t) =>
      fc.record({
        spec: fc.constant(spec),
        t: fc.constant(t),
        u: Arb.instantNear(zone, t),
        v: Arb.instantNear(zone, t),
        d: Arb.durationFor(spec),
        e: Arb.durationFor(spec),
        snapT: snap,
        snapU: snap
      })
    )
  })

const scenario = scenarioOf(Arb.calendarSpec)

/** Compiles the scenario's spec (fresh, so no run shares a cache) and places its instants. */
const setUp = (s: Scenario) => {
  const cal = Arb.compileOrThrow(s.spec)
  return { cal, t: place(cal, s.t, s.snapT), u: place(cal, s.u, s.snapU), v: s.v }
}

const between = (cal: Calendar.BusinessCalendar, a: number, b: number): number =>
  pipe(cal, Calendar.businessTimeBetween(I(a), I(b)))
const add = (cal: Calendar.BusinessCalendar, t: number, d: number): number =>
  pipe(cal, Calendar.addBusinessTime(I(t), D(d)))
const subtract = (cal: Calendar.BusinessCalendar, t: number, d: number): number =>
  pipe(cal, Calendar.subtractBusinessTime(I(t), D(d)))
const isOpen = (cal: Calendar.BusinessCalendar, t: number): boolean => pipe(cal, Calendar.isOpen(I(t)))

// ---------------------------------------------------------------------------------------------

describe('generated calendars', () => {
  it('every generated spec compiles', () => {
    fc.assert(
      fc.property(fc.oneof(Arb.calendarSpec, Arb.alwaysOpenSpec, Arb.exceptionOnlySpec), (spec) => {
        const c = Calendar.make(spec)
        expect(E.isRight(c) ? 'compiles' : c.left.message).toBe('compiles')
      }),
      { numRuns }
    )
  })
})

// ---------------------------------------------------------------------------------------------
// oracles read from the spec by hand (model.ts), independent of the engine

const epochDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / Arb.DAY
const dateOf = (day: number): string => new Date(day * Arb.DAY).toISOString().slice(0, 10)
const weekdayOf = (day: number): Calendar.Weekday => Calendar.allWeekdays[(((day + 3) % 7) + 7) % 7] as Calendar.Weekday

/**
 * The opening hours of a local date under the spec (model.ts, DayException): the first listed
 * exception that applies wins, a `whenOpen` one applying only to a day that weekly hours and
 * holidays leave open; otherwise a holiday is closed; otherwise the weekly hours.
 */
const hoursOf = (spec: Calendar.CalendarSpec) => {
  const picked = new Map<string, ReadonlySet<string>>()
  const picks = (rule: Calendar.DateRule, date: string): boolean => {
    const key = `${JSON.stringify(rule)}|${date.slice(0, 4)}`
    let dates = picked.get(key)
    if (dates === undefined) {
      dates = new Set(Calendar.holidaysIn(Number(date.slice(0, 4)))([rule]).map((h) => h.date as string))
      picked.set(key, dates)
    }
    return dates.has(date)
  }
  const memo = new Map<string, ReadonlyArray<Calendar.OpeningHours>>()
  return (date: string): ReadonlyArray<Calendar.OpeningHours> => {
    const cached = memo.get(date)
    if (cached !== undefined) return cached
    const holiday = (spec.holidays ?? []).some((r) => picks(r, date))
    const weekly = spec.weekly[weekdayOf(epochDay(date))] ?? []
    const regular = holiday ? [] : weekly
    const exception = (spec.exceptions ?? []).find(
      (x) => picks(x.on, date) && (x.whenOpen !== true || regular.length > 0)
    )
    const result = exception !== undefined ? exception.hours : regular
    memo.set(date, result)
    return result
  }
}

/**
 * Whether the spec says the desk is open at `t`: `t` lies in an interval of its local date or
 * of the two dates before (overnight intervals, and a day the zone skipped, which moves forward),
 * with wall times read by the DST rule of DESIGN.md. Valid from 1985 to 2045.
 */
const openByHand = (
  spec: Calendar.CalendarSpec,
  hours: (date: string) => ReadonlyArray<Calendar.OpeningHours>,
  t: number
): boolean => {
  const today = Math.floor(Arb.utcToLocal(spec.zone, t) / Arb.DAY)
  for (let day = today - 2; day <= today; day++)
    for (const h of hours(dateOf(day))) {
      const o = Arb.parseTime(h.opens)
      const c = Arb.parseTime(h.closes)
      const start = Arb.localToUtc(spec.zone, day * Arb.DAY + o * 1000)
      const end = Arb.localToUtc(spec.zone, day * Arb.DAY + (c <= o ? c + 86400 : c) * 1000)
      if (start <= t && t < end) return true
    }
  return false
}

describe('open time: businessTimeBetween, openIntervals, isOpen, nextOpening, previousClosing', () => {
  it('between is zero from an instant to itself, antisymmetric, additive over a middle point, and at most the elapsed time', () => {
    run(scenario, (s) => {
      const { cal, t, u, v } = setUp(s)
      expect(between(cal, t, t), 'between(t, t) = 0').toBe(0)
      expect(between(cal, u, t) + between(cal, t, u), 'between(u, t) = −between(t, u)').toBe(0)
      expect(between(cal, t, u) + between(cal, u, v), 'between(t, u) + between(u, v) = between(t, v)').toBe(
        between(cal, t, v)
      )
      const b = between(cal, t, u)
      expect(Math.sign(b) === 0 || Math.sign(b) === Math.sign(u - t), 'between has the sign of u − t').toBe(true)
      expect(Math.abs(b), '|between(t, u)| ≤ |u − t|').toBeLessThanOrEqual(Math.abs(u - t))
      // the open intervals of [t, u): ordered, separated, clipped, and they sum to between
      const [from, to] = t <= u ? [t, u] : [u, t]
      expect(
        pipe(cal, Calendar.openIntervals(to, from)),
        'openIntervals(to, from) is empty when to ≥ from'
      ).toStrictEqual([])
      const xs = pipe(cal, Calendar.openIntervals(from, to))
      // plain checks collected into one assertion: a long span has hundreds of intervals
      const problems: string[] = []
      let sum = 0
      let prevEnd = -Infinity
      for (const [i, x] of xs.entries()) {
        const at = `interval ${i} [${iso(x.start)}, ${iso(x.end)})`
        if (!(x.start < x.end)) problems.push(`${at} is empty`)
        if (!(x.start > prevEnd))
          problems.push(`${at} touches or overlaps the one before (touching intervals are merged)`)
        if (x.start < from || x.end > to) problems.push(`${at} is not clipped to [${iso(from)}, ${iso(to)})`)
        if (i < 4 || i >= xs.length - 4) {
          // the ends of the list: enough to catch an off-by-one, without four queries per interval
          if (!isOpen(cal, x.start)) problems.push(`${at}: closed at its start`)
          if (!isOpen(cal, x.end - 1)) problems.push(`${at}: closed 1 ms before its end`)
          if (x.start > from && isOpen(cal, x.start - 1)) problems.push(`${at}: open 1 ms before its start`)
          if (x.end < to && isOpen(cal, x.end)) problems.push(`${at}: open at its end`)
        }
        sum += x.end - x.start
        prevEnd = x.end
      }
      expect(problems, 'openIntervals are well formed').toStrictEqual([])
      expect(sum, 'openIntervals(from, to) sum to between(from, to)').toBe(between(cal, from, to))
    })
  })

  it('isOpen(t) agrees with the spec read by hand and holds exactly inside an open interval; nextOpening(t) is the first open instant ≥ t; previousClosing(t), its mirror, is t when open time lies immediately before t, else the last closing (so at an opening it is the previous close)', () => {
    run(scenario, (s) => {
      const { cal, t } = setUp(s)
      const open = isOpen(cal, t)
      expect(open, `isOpen(${Time.toLocalISO(cal.zone)(t)}) agrees with the spec read by hand`).toBe(
        openByHand(s.spec, hoursOf(s.spec), t)
      )
      const around = pipe(cal, Calendar.openIntervals(I(t - Arb.DAY), I(t + Arb.DAY)))
      expect(open, 'isOpen(t) iff t lies in an open interval around it').toBe(
        around.some((x) => x.start <= t && t < x.end)
      )
      expect(open, 'isOpen(t) iff between(t, t + 1 ms) = 1 ms').toBe(between(cal, t, t + 1) === 1)
      const n = pipe(cal, Calendar.nextOpening(t))
      expect(n, 'nextOpening(t) ≥ t').toBeGreaterThanOrEqual(t)
      expect(isOpen(cal, n), 'nextOpening(t) is open').toBe(true)
      expect(between(cal, t, n), 'nothing is open in [t, nextOpening(t))').toBe(0)
      if (open) expect(n, 'nextOpening(t) = t when t is open').toBe(t)
      const p = pipe(cal, Calendar.previousClosing(t))
      expect(p, 'previousClosing(t) ≤ t').toBeLessThanOrEqual(t)
      expect(between(cal, p, t), 'nothing is open in [previousClosing(t), t)').toBe(0)
      if (isOpen(cal, t - 1)) expect(p, 'previousClosing(t) = t when open time lies immediately before t').toBe(t)
      else {
        expect(p, 'previousClosing(t) < t when t − 1 ms is closed (an opening instant included)').toBeLessThan(t)
        expect(isOpen(cal, p - 1), 'previousClosing(t) closes an open interval').toBe(true)
        expect(isOpen(cal, p), 'previousClosing(t) is closed').toBe(false)
      }
    })
  })
})

/**
 * Open time by the spec read day by day: every local date's hours (and the two dates before, for
 * overnight intervals and a skipped date) mapped to UTC by the DST rule of DESIGN.md, merged into
 * one sorted list with running totals. Valid from 1985 to 2045.
 */
const dayByDay = (spec: Calendar.CalendarSpec, from: number, to: number) => {
  const hours = hoursOf(spec)
  const raw: Array<readonly [number, number]> = []
  const first = Math.floor(Arb.utcToLocal(spec.zone, from) / Arb.DAY) - 2
  const last = Math.floor(Arb.utcToLocal(spec.zone, to) / Arb.DAY) + 1
  const changes = Arb.transitionsOf(spec.zone)
  let k = 0
  for (let day = first; day <= last; day++) {
    // far from any offset change (three days either way) every wall time of the day and the next
    // exists once, at the offset of the day: no need to ask the rule
    while (k < changes.length && (changes[k] as number) < (day - 3) * Arb.DAY) k++
    const plain = k >= changes.length || (changes[k] as number) > (day + 3) * Arb.DAY
    const offset = Arb.utcToLocal(spec.zone, day * Arb.DAY) - day * Arb.DAY
    const toUtc = (local: number): number => (plain ? local - offset : Arb.localToUtc(spec.zone, local))
    for (const h of hours(dateOf(day))) {
      const o = Arb.parseTime(h.opens)
      const c = Arb.parseTime(h.closes)
      const start = toUtc(day * Arb.DAY + o * 1000)
      const end = toUtc(day * Arb.DAY + (c <= o ? c + 86400 : c) * 1000)
      if (end > start) raw.push([start, end])
    }
  }
  raw.sort((x, y) => x[0] - y[0])
  const starts: number[] = []
  const ends: number[] = []
  for (const [s, e] of raw) {
    const n = ends.length
    if (n > 0 && s <= (ends[n - 1] as number)) ends[n - 1] = Math.max(ends[n - 1] as number, e)
    else {
      starts.push(s)
      ends.push(e)
    }
  }
  const cum = [0]
  for (let i = 0; i < starts.length; i++) cum.push((cum[i] as number) + (ends[i] as number) - (starts[i] as number))
  /** Open time before `t`, counted from the first interval. */
  const before = (t: number): number => {
    let i = 0
    let j = starts.length
    while (i < j) {
      const m = (i + j) >> 1
      if ((starts[m] as number) <= t) i = m + 1
      else j = m
    }
    return i === 0 ? 0 : (cum[i - 1] as number) + Math.min(t, ends[i - 1] as number) - (starts[i - 1] as number)
  }
  /** The instant inside the interval where the running total reaches `c`: its start when `latest` and `c` is an interval's total. */
  const reach = (c: number, latest: boolean): number => {
    let i = 0
    while (i < starts.length && (latest ? (cum[i + 1] as number) <= c : (cum[i + 1] as number) < c)) i++
    return (starts[i] as number) + c - (cum[i] as number)
  }
  return { before, reach }
}

describe('long spans on a freshly compiled calendar (whole years skipped by their totals)', () => {
  it('between, add and subtract over up to 50 years agree with the spec read day by day', () => {
    const spans: number[] = []
    let skipped = 0
    const long = fc.tuple(
      fc.integer({ min: Arb.minT, max: Arb.minT + 3 * 365 * Arb.DAY }),
      fc.integer({ min: Arb.maxT - 3 * 365 * Arb.DAY, max: Arb.maxT })
    )
    const any = fc.tuple(fc.integer({ min: Arb.minT, max: Arb.maxT }), fc.integer({ min: Arb.minT, max: Arb.maxT }))
    fc.assert(
      fc.property(
        Arb.calendarSpec,
        fc.oneof(long, any),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (spec, [x, y], share) => {
          const [a, b] = x <= y ? [x, y] : [y, x]
          spans.push(b - a)
          const oracle = dayByDay(spec, a, b)
          const open = oracle.before(b) - oracle.before(a)
          // each query on a calendar of its own, so each is the first (nothing built before it)
          const cal = Arb.compileOrThrow(spec)
          expect(between(cal, a, b), `between(${iso(a)}, ${iso(b)})`).toBe(open)
          const years = Math.round((b - a) / (365.25 * Arb.DAY))
          if ((readCompiled(cal)?.cache.tables.filter((t) => t !== undefined).length ?? 0) < years) skipped++
          const d = Math.max(1, Math.floor(open * share))
          if (open === 0) return
          const u = add(Arb.compileOrThrow(spec), a, d)
          expect(iso(u), `add(${iso(a)}, ${d})`).toBe(iso(oracle.reach(oracle.before(a) + d, false)))
          const v = subtract(Arb.compileOrThrow(spec), b, d)
          expect(iso(v), `subtract(${iso(b)}, ${d})`).toBe(iso(oracle.reach(oracle.before(b) - d, true)))
        }
      ),
      { numRuns: numRuns / 10 }
    )
    // the generator's spans (expected: about 68 % over 20 years, 52 % over 40), and the engine skipped years
    // without building them in most runs
    const runs = spans.length
    expect(spans.filter((s) => s > 20 * 365 * Arb.DAY).length).toBeGreaterThan(runs / 3)
    expect(spans.filter((s) => s > 40 * 365 * Arb.DAY).length).toBeGreaterThan(runs / 8)
    expect(skipped).toBeGreaterThan(runs / 3)
  })
})

describe('addBusinessTime', () => {
  it('add(t, 0) = t; between(t, add(t, d)) = d; add is the EARLIEST such instant; monotonic in d and in t; additive; a negative d subtracts', () => {
    run(scenario, (s) => {
      const { cal, t, u: t2 } = setUp(s)
      expect(add(cal, t, 0), 'add(t, 0) = t').toBe(t)
      const u = add(cal, t, s.d)
      expect(between(cal, t, u), 'between(t, add(t, d)) = d').toBe(s.d)
      if (s.d > 0) {
        // no u' in [t, u) has between(t, u') = d: one millisecond earlier there is 1 ms less
        expect(u, 'add(t, d) > t for d > 0').toBeGreaterThan(t)
        expect(between(cal, t, u - 1), 'between(t, add(t, d) − 1 ms) = d − 1 ms').toBe(s.d - 1)
        expect(isOpen(cal, u - 1), 'the last millisecond counted is open').toBe(true)
      }
      const [d1, d2] = s.d <= s.e ? [s.d, s.e] : [s.e, s.d]
      if (d1 < d2) expect(add(cal, t, d1), 'add is strictly monotonic in d').toBeLessThan(add(cal, t, d2))
      const [a, b] = t <= t2 ? [t, t2] : [t2, t]
      expect(add(cal, a, s.d), 'add is monotonic in t').toBeLessThanOrEqual(add(cal, b, s.d))
      expect(add(cal, u, s.e), 'add(add(t, d), e) = add(t, d + e)').toBe(add(cal, t, s.d + s.e))
      expect(add(cal, t, -s.d), 'add(t, −d) = subtract(t, d)').toBe(subtract(cal, t, s.d))
    })
  })
})

describe('subtractBusinessTime', () => {
  it('subtract(t, 0) = t; between(subtract(t, d), t) = d; subtract is the LATEST such instant; monotonic; additive; a negative d adds; subtract(add(t, d), d) = nextOpening(t) and add(subtract(t, d), d) = the end of the last open millisecond before t', () => {
    run(scenario, (s) => {
      const { cal, t, u: t2 } = setUp(s)
      expect(subtract(cal, t, 0), 'subtract(t, 0) = t').toBe(t)
      const v = subtract(cal, t, s.d)
      expect(between(cal, v, t), 'between(subtract(t, d), t) = d').toBe(s.d)
      if (s.d > 0) {
        expect(v, 'subtract(t, d) < t for d > 0').toBeLessThan(t)
        expect(between(cal, v + 1, t), 'between(subtract(t, d) + 1 ms, t) = d − 1 ms').toBe(s.d - 1)
        expect(isOpen(cal, v), 'subtract lands on open time (an opening, not the previous close)').toBe(true)
      }
      const [d1, d2] = s.d <= s.e ? [s.d, s.e] : [s.e, s.d]
      if (d1 < d2)
        expect(subtract(cal, t, d1), 'subtract is strictly monotonic in d').toBeGreaterThan(subtract(cal, t, d2))
      const [a, b] = t <= t2 ? [t, t2] : [t2, t]
      expect(subtract(cal, a, s.d), 'subtract is monotonic in t').toBeLessThanOrEqual(subtract(cal, b, s.d))
      expect(subtract(cal, v, s.e), 'subtract(subtract(t, d), e) = subtract(t, d + e)').toBe(
        subtract(cal, t, s.d + s.e)
      )
      expect(subtract(cal, t, -s.d), 'subtract(t, −d) = add(t, d)').toBe(add(cal, t, s.d))
      // round trips. DESIGN.md's earliest/latest rules imply these exactly; the weaker
      // "subtract(add(t, d), d) ≤ t" holds only when t is open (or d = 0): from a closed t, add
      // counts from the next opening, and subtracting again lands on that opening.
      if (s.d === 0) return
      const back = subtract(cal, add(cal, t, s.d), s.d)
      expect(iso(back), 'subtract(add(t, d), d) = nextOpening(t)').toBe(iso(pipe(cal, Calendar.nextOpening(t))))
      if (isOpen(cal, t)) expect(back, 'subtract(add(t, d), d) = t when t is open').toBe(t)
      const forth = add(cal, v, s.d)
      expect(forth, 'add(subtract(t, d), d) ≤ t').toBeLessThanOrEqual(t)
      expect(between(cal, forth, t), 'nothing open in [add(subtract(t, d), d), t)').toBe(0)
      expect(isOpen(cal, forth - 1), 'add(subtract(t, d), d) is the end of open time').toBe(true)
      // the mirror of subtract(add(t, d), d) = nextOpening(t), at every t (an opening instant included)
      expect(iso(forth), 'add(subtract(t, d), d) = previousClosing(t)').toBe(
        iso(pipe(cal, Calendar.previousClosing(t)))
      )
    })
  })
})

describe('addBusinessDays', () => {
  it('moves the local date to the n-th business date (the start date does not count), keeps the wall time, then snaps into open time unless exactly at a closing', () => {
    run(fc.tuple(scenario, fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -40, max: 40 }))), ([s, n]) => {
      const { cal, t } = setUp(s)
      const zone = cal.zone
      const r = pipe(cal, Calendar.addBusinessDays(t, n))
      if (n === 0) {
        expect(r).toBe(t)
        return
      }
      const hours = hoursOf(s.spec)
      // a business date has opening hours and exists in the zone (Samoa skipped 30 December 2011)
      const exists = (d: number): boolean =>
        Math.floor(Arb.utcToLocal(s.spec.zone, Arb.localToUtc(s.spec.zone, d * Arb.DAY)) / Arb.DAY) === d
      const business = (d: number): boolean => hours(dateOf(d)).length > 0 && exists(d)
      // count n business dates from the local date of t, which itself does not count
      const local = Arb.utcToLocal(s.spec.zone, t)
      let day = Math.floor(local / Arb.DAY)
      const wall = local - day * Arb.DAY
      for (let k = 0; k !== n;) {
        day += Math.sign(n)
        if (business(day)) k += Math.sign(n)
      }
      // the same wall time on that date, read by the DST rule
      const u = I(Arb.localToUtc(s.spec.zone, day * Arb.DAY + wall))
      // closed there: forward to the next opening, backward to the previous closing; a result
      // exactly at a closing time stays (Friday 16:00 + 1 is Monday 16:00)
      const atClosing = !isOpen(cal, u) && isOpen(cal, u - 1)
      const want = isOpen(cal, u)
        ? u
        : n > 0 && !atClosing
          ? pipe(cal, Calendar.nextOpening(u))
          : pipe(cal, Calendar.previousClosing(u))
      expect(`${Time.toLocalISO(zone)(r)} (${r})`).toBe(`${Time.toLocalISO(zone)(want)} (${want})`)
      if (n > 0) expect(r).toBeGreaterThan(t)
      else expect(r).toBeLessThan(t)
    })
  })
})

// ---------------------------------------------------------------------------------------------

type Query =
  | { readonly op: 'between'; readonly a: Instant; readonly b: Instant }
  | { readonly op: 'add' | 'subtract'; readonly a: Instant; readonly d: Duration }
  | { readonly op: 'isOpen' | 'nextOpening' | 'previousClosing' | 'isHoliday'; readonly a: Instant }
  | { readonly op: 'addBusinessDays'; readonly a: Instant; readonly n: number }
  | { readonly op: 'openIntervals'; readonly a: Instant; readonly b: Instant }

const answer = (cal: Calendar.BusinessCalendar, q: Query): unknown => {
  switch (q.op) {
    case 'between':
      return between(cal, q.a, q.b)
    case 'add':
      return add(cal, q.a, q.d)
    case 'subtract':
      return subtract(cal, q.a, q.d)
    case 'isOpen':
      return isOpen(cal, q.a)
    case 'nextOpening':
      return pipe(cal, Calendar.nextOpening(q.a))
    case 'previousClosing':
      return pipe(cal, Calendar.previousClosing(q.a))
    case 'isHoliday':
      return pipe(cal, Calendar.isHoliday(q.a))
    case 'addBusinessDays':
      return pipe(cal, Calendar.addBusinessDays(q.a, q.n))
    case 'openIntervals':
      return pipe(cal, Calendar.openIntervals(q.a, q.b))
  }
}

/** A handful of queries, often in different years (at most about a year apart, so one run stays cheap). */
const queriesFor = (spec: Calendar.CalendarSpec): fc.Arbitrary<ReadonlyArray<Query>> => {
  const zone = Arb.ianaZone(spec.zone)
  const instant = Arb.instantIn(zone)
  return instant.chain((base) => {
    const near = fc.oneof(
      { weight: 3, arbitrary: Arb.instantNear(zone, base) },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: -400, max: 400 })
          .map((k) => Arb.asInstant(Math.min(Arb.maxT, Math.max(Arb.minT, base + k * Arb.DAY))))
      }
    )
    const duration = Arb.durationFor(spec)
    const query: fc.Arbitrary<Query> = fc.oneof(
      fc.record({ op: fc.constant('between' as const), a: near, b: near }),
      fc.record({ op: fc.constantFrom('add' as const, 'subtract' as const), a: near, d: duration }),
      fc.record({
        op: fc.constantFrom(
          'isOpen' as const,
          'nextOpening' as const,
          'previousClosing' as const,
          'isHoliday' as const
        ),
        a: near
      }),
      fc.record({ op: fc.constant('addBusinessDays' as const), a: near, n: fc.integer({ min: -30, max: 30 }) }),
      fc.record({ op: fc.constant('openIntervals' as const), a: near, b: near })
    )
    return fc.array(query, { minLength: 2, maxLength: 5 })
  })
}

describe('results do not depend on the order of queries (years are generated lazily and cached)', () => {
  it('two compilations of one spec, asked the same questions in different orders, agree', () => {
    const arb = Arb.calendarSpec.chain((spec) =>
      fc.tuple(fc.constant(spec), queriesFor(spec)).chain(([sp, qs]) =>
        fc.tuple(
          fc.constant(sp),
          fc.constant(qs),
          fc.shuffledSubarray(
            qs.map((_, i) => i),
            { minLength: qs.length, maxLength: qs.length }
          )
        )
      )
    )
    run(arb, ([spec, qs, order]) => {
      const first = Arb.compileOrThrow(spec)
      const second = Arb.compileOrThrow(spec)
      const inOrder = qs.map((q) => answer(first, q))
      const shuffled: unknown[] = new Array<unknown>(qs.length)
      for (const i of order) shuffled[i] = answer(second, qs[i] as Query)
      expect(shuffled).toStrictEqual(inOrder)
      // and asked again, the first calendar (now with more years cached) still agrees
      expect(qs.map((q) => answer(first, q))).toStrictEqual(inOrder)
    })
  })
})

describe('a calendar with no open time at all', () => {
  it('is rejected when compiled (NoOpenTime): no weekly hours, and exceptions that are closures or apply only "whenOpen"', () => {
    // a whenOpen exception only shortens a day the weekly hours leave open, so with no weekly
    // hours it never opens anything (model.ts, DayException)
    const neverOpen: fc.Arbitrary<Calendar.CalendarSpec> = fc
      .tuple(
        Arb.zoneName,
        fc.constantFrom<Calendar.WeeklyHours>({}, { mon: [], sun: [] }),
        fc.array(
          fc
            .tuple(Arb.dateRule, Arb.dayHours, fc.boolean())
            .map(([on, hours, closure]): Calendar.DayException =>
              closure ? { on, hours: [] } : { on, hours, whenOpen: true }
            ),
          { maxLength: 4 }
        ),
        Arb.holidays
      )
      .map(([zone, weekly, exceptions, holidays]) => ({ zone, weekly, holidays, exceptions }))
    fc.assert(
      fc.property(neverOpen, (spec) => {
        const c = Calendar.make(spec)
        expect(E.isLeft(c) ? c.left._tag : 'compiled', JSON.stringify(spec)).toBe('NoOpenTime')
      }),
      { numRuns }
    )
  })
})

describe('round-the-clock calendars', () => {
  it('count real elapsed time: between = b − a, add = t + d, subtract = t − d, always open', () => {
    run(scenarioOf(Arb.alwaysOpenSpec), (s) => {
      const cal = Arb.compileOrThrow(s.spec)
      const { t, u } = s
      expect(between(cal, t, u)).toBe(u - t)
      expect(add(cal, t, s.d)).toBe(t + s.d)
      expect(subtract(cal, t, s.d)).toBe(t - s.d)
      expect(isOpen(cal, t)).toBe(true)
      expect(pipe(cal, Calendar.nextOpening(t))).toBe(t)
      if (t < u) expect(pipe(cal, Calendar.openIntervals(t, u))).toStrictEqual([{ start: t, end: u }])
    })
  })
})

// ---------------------------------------------------------------------------------------------

describe('regressions found by these laws', () => {
  const get = <A>(e: E.Either<{ readonly message: string }, A>): A =>
    pipe(
      e,
      E.getOrElseW((err) => {
        throw new Error(err.message)
      })
    )

  it('nextOpening (and addBusinessDays) after the last opening of a year, in a calendar whose touching intervals merge, is the first opening of the next year', () => {
    // Monday 00:00–24:00 touches Tuesday 00:00–01:00, so the engine merges them. Asked on
    // Wednesday 27 December 2023 (nothing open later in 2023, only 2023 generated), nextOpening
    // answered 1970-01-01T00:00:00Z; with 2024 generated first it answered correctly.
    const spec: Calendar.CalendarSpec = {
      zone: 'UTC',
      weekly: { mon: [{ opens: '00:00', closes: '24:00' }], tue: [{ opens: '00:00', closes: '01:00' }] }
    }
    const wednesday = get(Time.fromISO('2023-12-27T00:00:00Z'))
    const fresh = get(Calendar.make(spec))
    expect(Time.toISO(pipe(fresh, Calendar.nextOpening(wednesday)))).toBe('2024-01-01T00:00:00Z')
    // an SLA desk open Monday–Friday round the clock, asked on a Saturday at the end of the year
    const fiveByTwentyFour = get(
      Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '00:00', closes: '24:00' }))
    )
    const saturday = get(Time.fromISO('2023-12-30T12:00:00+01:00'))
    expect(pipe(fiveByTwentyFour, Calendar.nextOpening(saturday), Time.toLocalISO(fiveByTwentyFour.zone))).toBe(
      '2024-01-01T00:00:00+01:00'
    )
    // addBusinessDays snaps with nextOpening: Monday 18 December + 3 business days is Tuesday
    // 26 December 12:00, closed, so the next opening, Monday 1 January 2024 00:00
    const again = get(Calendar.make(spec))
    expect(Time.toISO(pipe(again, Calendar.addBusinessDays(get(Time.fromISO('2023-12-18T12:00:00Z')), 3)))).toBe(
      '2024-01-01T00:00:00Z'
    )
  })

  it('a calendar whose only opening is a "whenOpen" exception (and no weekly hours) is rejected when compiled', () => {
    // DESIGN.md: "A calendar with no open time at all is rejected when compiled (no endless
    // search)". This one compiles; every query then searches to the horizon of 1900/2200.
    const spec: Calendar.CalendarSpec = {
      zone: 'UTC',
      weekly: {},
      exceptions: [
        { on: { _tag: 'ExactDate', date: '2025-01-01' }, hours: [{ opens: '08:00', closes: '16:00' }], whenOpen: true }
      ]
    }
    const c = Calendar.make(spec)
    expect(
      E.isLeft(c)
        ? c.left._tag
        : `compiled; nextOpening(2025-01-01T10:00Z) = ${Time.toISO(pipe(get(c), Calendar.nextOpening(get(Time.fromISO('2025-01-01T10:00:00Z')))))}`
    ).toBe('NoOpenTime')
  })

  it('a calendar open only on a day its rule never picks (29 February in 2100 only, not a leap year) is rejected when compiled', () => {
    const spec: Calendar.CalendarSpec = {
      zone: 'UTC',
      weekly: {},
      exceptions: [
        {
          on: { _tag: 'FixedDate', month: 2, day: 29, firstYear: 2100, lastYear: 2100 },
          hours: [{ opens: '08:00', closes: '16:00' }]
        }
      ]
    }
    const c = Calendar.make(spec)
    expect(
      E.isLeft(c)
        ? c.left._tag
        : `compiled; nextOpening(2099-12-31T00:00Z) = ${Time.toISO(pipe(get(c), Calendar.nextOpening(get(Time.fromISO('2099-12-31T00:00:00Z')))))}`
    ).toBe('NoOpenTime')
  })
})

describe('the search for a due time, from its first guess', () => {
  // The engine guesses where a running total is reached from the mean length of an index's
  // intervals: exact when they all last as long, one off when the goal is a closing time, wrong
  // otherwise (then it searches from the guess). Durations of whole intervals from openings and
  // closings meet each of those cases; the answers are checked against the spec read day by day.
  const uniform = Calendar.weekdays({
    zone: 'Europe/Oslo',
    opens: '08:00',
    closes: '16:00',
    holidays: Calendar.publicHolidays.NO
  })
  const uneven: Calendar.CalendarSpec = {
    zone: 'Europe/Oslo',
    weekly: {
      mon: [{ opens: '08:00', closes: '16:00' }],
      tue: [
        { opens: '09:00', closes: '12:00' },
        { opens: '13:00', closes: '17:30' }
      ],
      fri: [{ opens: '08:00', closes: '11:00' }],
      sat: [{ opens: '10:00', closes: '10:45' }]
    },
    holidays: Calendar.publicHolidays.NO
  }
  const HOUR = 3_600_000
  const start = fc.record({
    day: fc.integer({ min: 0, max: 3 * 365 }),
    at: fc.constantFrom('08:00', '16:00', '00:00', '11:00', '09:17'),
    intervals: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 250 })),
    extra: fc.constantFrom(0, 0, 1, -1, HOUR / 2)
  })
  it.each([
    ['every interval 8 hours', uniform],
    ['intervals of 45 minutes to 8 hours', uneven]
  ])('add and subtract agree with the spec read day by day: %s', (_, spec) => {
    const cal = Arb.compileOrThrow(spec)
    const base = Date.UTC(2024, 0, 1)
    // 250 intervals are at most 2 000 hours: under two years of the uneven calendar's 20 a week
    const oracle = dayByDay(spec, base - 3 * 365 * Arb.DAY, base + 6 * 365 * Arb.DAY)
    let whole = 0
    let other = 0
    let short = 0
    run(start, ({ day, at, intervals, extra }) => {
      const [h, m] = at.split(':').map(Number) as [number, number]
      // the local wall time `at` of the day (the oracle's zone table, not the engine's)
      const t = Arb.localToUtc(spec.zone, base + day * Arb.DAY + h * HOUR + m * 60_000)
      const d = Math.max(1, intervals * 8 * HOUR + extra)
      expect(iso(add(cal, t, d)), `add(${iso(t)}, ${d})`).toBe(iso(oracle.reach(oracle.before(t) + d, false)))
      expect(iso(subtract(cal, t, d)), `subtract(${iso(t)}, ${d})`).toBe(iso(oracle.reach(oracle.before(t) - d, true)))
      if (intervals <= 4) short++
      else if (d % (8 * HOUR) === 0) whole++
      else other++
    })
    // the generator's mix: whole multiples of 8 hours over many intervals, others, and short spans
    expect(Math.min(whole, other, short)).toBeGreaterThan(numRuns / 10)
  })
})
