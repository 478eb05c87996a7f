import { DAY_MS, daysFromCivil, parseDay, parseSeconds, weekdayOfDay, yearOfDay } from '../time/civil.js'
import { maxInstant, minInstant } from '../time/model.js'
import type { ZoneRules } from '../time/zone.js'
import type { Instant } from '../time/index.js'
import type { CalendarSpec, DateRule, OpenInterval, OpeningHours } from './model.js'
import { allWeekdays } from './model.js'
import { dayOfRule } from './rules.js'

/**
 * The compiled form of a calendar: open intervals as epoch-millisecond pairs with running
 * totals, generated per local year on first use and cached.
 *
 * Every public query reads instants only inside `[loComplete, hiComplete]`, the part of the
 * time line whose open intervals are all generated; a query outside it extends the generated
 * years first. Because the cached set is always the union of whole generated years, a result
 * never depends on which years happened to be generated before.
 *
 * @internal
 */
export interface Engine {
  readonly isOpen: (t: number) => boolean
  readonly between: (a: number, b: number) => number
  readonly add: (t: number, d: number) => number
  readonly subtract: (t: number, d: number) => number
  readonly nextOpening: (t: number) => number
  readonly previousClosing: (t: number) => number
  readonly intervals: (from: number, to: number) => ReadonlyArray<OpenInterval>
  /** Local epoch day of an instant in the calendar's zone. */
  readonly localDay: (t: number) => number
  /** Opening hours (seconds since local midnight; `closes` may exceed 86 400) of a local day. */
  readonly hoursOn: (day: number) => ReadonlyArray<readonly [number, number]>
  readonly isHolidayDay: (day: number) => boolean
  readonly localToUtc: (localMs: number) => number
  readonly utcToLocal: (utcMs: number) => number
  /** Local years generated so far, for memory measurements. */
  readonly generatedYears: () => number
}

/** First and last local year the engine generates; instants are limited to 1900–2200 UTC. @internal */
export const MIN_YEAR = 1899
/** @internal */
export const MAX_YEAR = 2200
/** First and last local epoch day covered (1899-01-01, 2200-12-31). @internal */
export const MIN_DAY = daysFromCivil(MIN_YEAR, 1, 1)
/** @internal */
export const MAX_DAY = daysFromCivil(MAX_YEAR, 12, 31)

type Hours = ReadonlyArray<readonly [number, number]>

/** Seconds since local midnight of an interval; an overnight `closes` is moved to the next day. @internal */
export const toSeconds = (h: OpeningHours): readonly [number, number] => {
  const opens = parseSeconds(h.opens, false) as number
  const closes = parseSeconds(h.closes, true) as number
  return [opens, closes <= opens ? closes + 86400 : closes]
}

const sortHours = (hours: ReadonlyArray<OpeningHours>): Hours => hours.map(toSeconds).sort((x, y) => x[0] - y[0])

interface YearInfo {
  readonly holidays: ReadonlySet<number>
  readonly exceptions: ReadonlyMap<number, Hours>
  /** Raw open intervals whose opening falls on a local day of this year, as [start, end, …]. */
  raw?: Float64Array
}

const MARGIN = 15 * 3_600_000 // larger than any UTC offset
const PER_DAY = 1 / DAY_MS

/** Builds the engine of a validated spec. @internal */
export const makeEngine = (spec: CalendarSpec, zone: ZoneRules): Engine => {
  const weekly: ReadonlyArray<Hours> = allWeekdays.map((w) => sortHours(spec.weekly[w] ?? []))
  const holidays = spec.holidays ?? []
  const exceptions = (spec.exceptions ?? []).map((e) => ({ on: e.on, hours: sortHours(e.hours), whenOpen: e.whenOpen === true }))

  // explicit dates are indexed by year once, so 10 000 of them cost nothing per generated year
  interface Dated {
    readonly day: number
    readonly order: number
    readonly exception?: { readonly hours: Hours; readonly whenOpen: boolean }
  }
  const exactByYear = new Map<number, Array<Dated>>()
  const indexExact = (rule: DateRule, order: number, exception?: Dated['exception']): boolean => {
    if (rule._tag !== 'ExactDate') return false
    const day = parseDay(rule.date) as number
    const year = yearOfDay(day)
    const list = exactByYear.get(year) ?? []
    list.push(exception === undefined ? { day, order } : { day, order, exception })
    exactByYear.set(year, list)
    return true
  }
  const holidayRules = holidays.filter((r) => !indexExact(r, -1))
  const exceptionRules = exceptions.map((e, order) => ({ ...e, order })).filter((e) => !indexExact(e.on, e.order, e))

  const years = new Map<number, YearInfo>()
  const yearInfo = (year: number): YearInfo => {
    const cached = years.get(year)
    if (cached !== undefined) return cached
    const hol = new Set<number>()
    const exc = new Map<number, Array<{ order: number; hours: Hours; whenOpen: boolean }>>()
    const put = (day: number, order: number, e: { readonly hours: Hours; readonly whenOpen: boolean }): void => {
      const list = exc.get(day) ?? []
      list.push({ order, hours: e.hours, whenOpen: e.whenOpen })
      exc.set(day, list)
    }
    // a rule anchored in a neighbouring year may land in this one (Easter offsets, on-or-after)
    for (const anchor of [year - 1, year, year + 1]) {
      for (const rule of holidayRules) {
        const day = dayOfRule(rule, anchor)
        if (day !== undefined && yearOfDay(day) === year) hol.add(day)
      }
      for (const e of exceptionRules) {
        const day = dayOfRule(e.on, anchor)
        if (day !== undefined && yearOfDay(day) === year) put(day, e.order, e)
      }
    }
    for (const x of exactByYear.get(year) ?? []) {
      if (x.exception === undefined) hol.add(x.day)
      else put(x.day, x.order, x.exception)
    }
    // the first listed exception that applies wins; a "when open" one applies only to a day the
    // weekly hours and holidays leave open
    const effective = new Map<number, Hours>()
    for (const [day, list] of exc) {
      const open = !hol.has(day) && (weekly[weekdayOfDay(day)] as Hours).length > 0
      const winner = list.sort((a, b) => a.order - b.order).find((x) => !x.whenOpen || open)
      if (winner !== undefined) effective.set(day, winner.hours)
    }
    const info: YearInfo = { holidays: hol, exceptions: effective }
    years.set(year, info)
    return info
  }

  const hoursOn = (day: number): Hours => {
    const info = yearInfo(yearOfDay(day))
    const exception = info.exceptions.get(day)
    if (exception !== undefined) return exception
    if (info.holidays.has(day)) return []
    return weekly[weekdayOfDay(day)] as Hours
  }

  const isHolidayDay = (day: number): boolean => yearInfo(yearOfDay(day)).holidays.has(day)

  const rawYear = (year: number): Float64Array => {
    const info = yearInfo(year)
    if (info.raw !== undefined) return info.raw
    const out: number[] = []
    const first = daysFromCivil(year, 1, 1)
    const last = daysFromCivil(year + 1, 1, 1)
    for (let day = first; day < last; day++) {
      for (const [o, c] of hoursOn(day)) {
        const start = zone.localToUtc(day * DAY_MS + o * 1000)
        const end = zone.localToUtc(day * DAY_MS + c * 1000)
        if (end > start) out.push(start, end)
      }
    }
    info.raw = Float64Array.from(out)
    return info.raw
  }

  // the generated, merged intervals: starts[i] < ends[i] <= starts[i + 1]; cum[i] is the open
  // time before interval i (relative to the first one), cum[n] the total
  let loYear = 0
  let hiYear = -1
  let n = 0
  let starts = new Float64Array(0)
  let ends = new Float64Array(0)
  let cum = new Float64Array(1)
  // bucket[k] = index of the last interval starting at or before UTC midnight of day baseDay + k
  // (or -1), so locating an instant is a lookup plus a search among that day's few intervals
  let baseDay = 0
  let bucket = new Int32Array(0)
  let loComplete = Infinity
  let hiComplete = -Infinity

  const rebuild = (lo: number, hi: number): void => {
    const parts: Float64Array[] = []
    let total = 0
    for (let y = lo; y <= hi; y++) {
      const r = rawYear(y)
      parts.push(r)
      total += r.length / 2
    }
    // collect pairs, sort by start if needed (a spring-forward gap can reorder a day's ends)
    let pairs = new Float64Array(total * 2)
    let k = 0
    let sorted = true
    for (const p of parts) {
      for (let j = 0; j < p.length; j += 2) {
        if (k > 0 && (p[j] as number) < (pairs[k - 2] as number)) sorted = false
        pairs[k++] = p[j] as number
        pairs[k++] = p[j + 1] as number
      }
    }
    if (!sorted) {
      const idx = Array.from({ length: total }, (_, i) => i).sort((x, y) => (pairs[2 * x] as number) - (pairs[2 * y] as number))
      const copy = new Float64Array(total * 2)
      idx.forEach((from, to) => {
        copy[2 * to] = pairs[2 * from] as number
        copy[2 * to + 1] = pairs[2 * from + 1] as number
      })
      pairs = copy
    }
    // merge overlapping and touching intervals into maximal ones
    const s = new Float64Array(total)
    const e = new Float64Array(total)
    let m = 0
    for (let j = 0; j < total; j++) {
      const a = pairs[2 * j] as number
      const b = pairs[2 * j + 1] as number
      if (m > 0 && a <= (e[m - 1] as number)) {
        if (b > (e[m - 1] as number)) e[m - 1] = b
      } else {
        s[m] = a
        e[m] = b
        m++
      }
    }
    const c = new Float64Array(m + 1)
    for (let j = 0; j < m; j++) c[j + 1] = (c[j] as number) + (e[j] as number) - (s[j] as number)
    // keep exactly the m merged intervals: reads past the end must see undefined, not stale zeros
    starts = s.slice(0, m)
    ends = e.slice(0, m)
    cum = c
    n = m
    baseDay = m > 0 ? Math.floor((s[0] as number) / DAY_MS) : 0
    const days = m > 0 ? Math.floor((e[m - 1] as number) / DAY_MS) - baseDay + 2 : 0
    const b = new Int32Array(days)
    for (let k = 0, i = -1; k < days; k++) {
      const midnight = (baseDay + k) * DAY_MS
      while (i + 1 < m && (s[i + 1] as number) <= midnight) i++
      b[k] = i
    }
    bucket = b
    loYear = lo
    hiYear = hi
    loComplete = lo <= MIN_YEAR ? -Infinity : daysFromCivil(lo, 1, 3) * DAY_MS + MARGIN
    hiComplete = hi >= MAX_YEAR ? Infinity : daysFromCivil(hi + 1, 1, 1) * DAY_MS - MARGIN
  }

  const yearOfInstant = (t: number): number => yearOfDay(Math.floor(t / DAY_MS))
  const clampYear = (y: number): number => Math.min(MAX_YEAR, Math.max(MIN_YEAR, y))

  /** Extends the generated years so that `t` lies inside the complete range. */
  const cover = (t: number): void => {
    if (t >= loComplete && t <= hiComplete) return
    // the year of t, plus a neighbour only when t is within two days of the turn of the year
    const y = yearOfInstant(t)
    const yLo = t < daysFromCivil(y, 1, 3) * DAY_MS + MARGIN ? clampYear(y - 1) : clampYear(y)
    const yHi = t > daysFromCivil(y + 1, 1, 1) * DAY_MS - MARGIN ? clampYear(y + 1) : clampYear(y)
    rebuild(hiYear < loYear ? yLo : Math.min(loYear, yLo), hiYear < loYear ? yHi : Math.max(hiYear, yHi))
  }

  /** Extends by `years` more years after (or, if negative, before) the generated range; false at the horizon. */
  const grow = (years: number): boolean => {
    if (years > 0) {
      if (hiYear >= MAX_YEAR) return false
      rebuild(loYear, clampYear(hiYear + years))
    } else {
      if (loYear <= MIN_YEAR) return false
      rebuild(clampYear(loYear + years), hiYear)
    }
    return true
  }

  /** Years to generate to find `missing` more open time, from the average so far. */
  const yearsFor = (missing: number): number => {
    const perYear = (cum[n] as number) / (hiYear - loYear + 1)
    return perYear > 0 ? Math.min(400, Math.max(1, Math.ceil(missing / perYear) + 1)) : 8
  }

  /** Index of the last interval that starts at or before `t`, or -1. */
  const indexAt = (t: number): number => {
    // a multiplication instead of a division; at an exact midnight it may round to the day before,
    // which still brackets the answer (bucket[k] <= answer <= bucket[k + 1] for t in that closed range)
    const k = Math.floor(t * PER_DAY) - baseDay
    let lo: number
    let hi: number
    if (k >= 0 && k + 1 < bucket.length) {
      // the answer lies between the last start before t's UTC midnight and the last before the next
      lo = bucket[k] as number
      hi = bucket[k + 1] as number
      if (lo === hi) return lo
    } else if (k < 0) return -1
    else {
      lo = -1
      hi = n - 1
    }
    // largest i in [lo, hi] with starts[i] <= t (starts[lo] <= t holds, or lo = -1)
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= t) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** Open time before `t` (relative to the first interval), given `i = indexAt(t)`. */
  const cumFrom = (t: number, i: number): number => {
    if (i < 0) return 0
    const e = ends[i] as number
    return (cum[i] as number) + (t < e ? t : e) - (starts[i] as number)
  }

  const cumAt = (t: number): number => cumFrom(t, indexAt(t))

  const isOpen = (t: number): boolean => {
    cover(t)
    const i = indexAt(t)
    return i >= 0 && t < (ends[i] as number)
  }

  const between = (a: number, b: number): number => {
    cover(a)
    cover(b)
    const d = cumAt(b) - cumAt(a)
    return d === 0 ? 0 : d
  }

  const add = (t: number, d: number): number => {
    if (d === 0) return t
    if (d < 0) return subtract(t, -d)
    cover(t)
    for (;;) {
      const it = indexAt(t)
      const target = cumFrom(t, it) + d
      if (target <= (cum[n] as number)) {
        // smallest i with cum[i + 1] >= target: gallop forward from t's interval, then bisect
        let lo = it < 0 ? 0 : it
        let step = 1
        let hi = lo
        while (hi < n - 1 && (cum[hi + 1] as number) < target) {
          lo = hi + 1
          hi = Math.min(n - 1, hi + step)
          step *= 2
        }
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          if ((cum[mid + 1] as number) >= target) hi = mid
          else lo = mid + 1
        }
        const u = (starts[lo] as number) + target - (cum[lo] as number)
        if (u <= hiComplete) return Math.min(u, maxInstant)
        if (u > maxInstant) return maxInstant
      }
      if (!grow(yearsFor(target - (cum[n] as number)))) return maxInstant
    }
  }

  const subtract = (t: number, d: number): number => {
    if (d === 0) return t
    if (d < 0) return add(t, -d)
    cover(t)
    for (;;) {
      const it = indexAt(t)
      const target = cumFrom(t, it) - d
      if (target >= 0) {
        // largest i with cum[i] <= target: gallop backward from t's interval, then bisect
        let hi = it < 0 ? 0 : it
        let lo = hi
        let step = 1
        while (lo > 0 && (cum[lo] as number) > target) {
          hi = lo - 1
          lo = Math.max(0, lo - step)
          step *= 2
        }
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1
          if ((cum[mid] as number) <= target) lo = mid
          else hi = mid - 1
        }
        const u = (starts[lo] as number) + target - (cum[lo] as number)
        if (u >= loComplete) return Math.max(u, minInstant)
        if (u < minInstant) return minInstant
      }
      if (!grow(-yearsFor(-target))) return minInstant
    }
  }

  const nextOpening = (t: number): number => {
    cover(t)
    for (;;) {
      const i = indexAt(t)
      if (i >= 0 && t < (ends[i] as number)) return t
      const next = starts[i + 1]
      if (next !== undefined && next <= hiComplete) return Math.min(next, maxInstant)
      if (!grow(8)) return next === undefined ? maxInstant : Math.min(next, maxInstant)
    }
  }

  const previousClosing = (t: number): number => {
    cover(t)
    for (;;) {
      const i = indexAt(t)
      if (i >= 0 && t <= (ends[i] as number)) return t
      const prev = ends[i]
      if (prev !== undefined && prev >= loComplete) return Math.max(prev, minInstant)
      if (!grow(-8)) return prev === undefined ? minInstant : Math.max(prev, minInstant)
    }
  }

  const intervals = (from: number, to: number): ReadonlyArray<OpenInterval> => {
    if (!(from < to)) return []
    cover(from)
    cover(to)
    const out: OpenInterval[] = []
    for (let i = Math.max(indexAt(from), 0); i < n && (starts[i] as number) < to; i++) {
      const s = Math.max(starts[i] as number, from)
      const e = Math.min(ends[i] as number, to)
      if (e > s) out.push({ start: s as Instant, end: e as Instant })
    }
    return out
  }

  const localDay = (t: number): number => Math.floor(zone.utcToLocal(t) / DAY_MS)

  return {
    isOpen,
    between,
    add,
    subtract,
    nextOpening,
    previousClosing,
    intervals,
    localDay,
    hoursOn,
    isHolidayDay,
    localToUtc: zone.localToUtc,
    utcToLocal: zone.utcToLocal,
    generatedYears: () => years.size
  }
}
