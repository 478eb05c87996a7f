/**
 * The year-table builder of the calendar engine: pure functions from a plan, a zone and a year
 * (or a run of days) to typed arrays.
 *
 * A year table holds, for each local day, the UTC instant of its midnight and the open time
 * from 1 January's midnight to it (running totals), without listing the intervals: a day whose
 * offset does not change costs a few additions whatever its number of intervals, so years can
 * be skipped arithmetically. {@link dayIntervals} lists the open intervals of a run of days for
 * the interval index.
 *
 * @internal
 * @packageDocumentation
 */
import { DAY_MS, weekdayOfDay } from '../internal/civil.js'
import type { TabledZoneRules, ZoneRules } from '../internal/zone.js'
import { sortPairs } from './intervalIndex.js'
import { hoursIn, MIN_DAY, type HoursList, type Plan, type YearDays } from './plan.js'

/** One local year: midnights and running totals of open time per day. @internal */
export interface YearTable {
  readonly days: YearDays
  /** `midnights[i]`: UTC instant of the local midnight starting day `first + i` (`length + 1` entries). */
  readonly midnights: Float64Array
  /** `cum[i]`: open time from `midnights[0]` to `midnights[i]` (`length + 1` entries). */
  readonly cum: Float64Array
  /** Open time in the whole year, `cum[length]`. */
  readonly total: number
}

/**
 * The shift (UTC minus local) of wall times in a monotone list: the offset changes at most once
 * over a day and a half, so the list splits at one index into the old and the new shift, found
 * by bisection. Wall times a gap skips keep the old shift (they move forward by the gap).
 */
const splitShift = (zone: ZoneRules, base: number, xs: Float64Array): readonly [number, number, number] => {
  const n = xs.length
  const shift = (j: number): number => {
    const x = base + (xs[j] as number) * 1000
    return zone.localToUtc(x) - x
  }
  const a = shift(0)
  const b = shift(n - 1)
  if (a === b) return [a, b, n]
  // first index with the new shift
  let lo = 0
  let hi = n - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (shift(mid) === a) lo = mid
    else hi = mid
  }
  return [a, b, hi]
}

/**
 * The open intervals, mapped to UTC, that the hours of one local day produce. A wall time a
 * spring-forward gap skips moves forward by the gap, so an interval may end up empty (dropped).
 */
const mapDay = (zone: ZoneRules, day: number, h: HoursList, out: number[]): void => {
  const n = h.opens.length
  if (n === 0) return
  const base = day * DAY_MS
  const [oa, ob, oi] = splitShift(zone, base, h.opens)
  const [ca, cb, ci] = splitShift(zone, base, h.closes)
  for (let j = 0; j < n; j++) {
    const s = base + (h.opens[j] as number) * 1000 + (j < oi ? oa : ob)
    const e = base + (h.closes[j] as number) * 1000 + (j < ci ? ca : cb)
    if (e > s) out.push(s, e)
  }
}

/** Measure of the union of `[start, end, …]` pairs clipped to `[lo, hi)`. */
const unionWithin = (pairs: ReadonlyArray<number>, lo: number, hi: number): number => {
  const flat = sortPairs(Float64Array.from(pairs))
  let total = 0
  let reach = lo
  for (let j = 0; j < flat.length; j += 2) {
    const s = Math.max(flat[j] as number, reach)
    const e = Math.min(flat[j + 1] as number, hi)
    if (e > s) {
      total += e - s
      reach = e
    }
  }
  return total
}

/**
 * Open time in the window `[lo, hi)` of local day `day` (its midnight to the next), measured
 * from the mapped intervals of the day and of the two days before (overnight parts, and a
 * skipped day such as Samoa's 30 December 2011, which maps the two days before into the window).
 * The slow way, for windows an offset change or an overlap makes irregular.
 *
 * @internal
 */
export const windowOpen = (
  zone: ZoneRules,
  day: number,
  prev2: HoursList,
  prev: HoursList,
  cur: HoursList,
  lo: number,
  hi: number
): number => {
  const scratch: number[] = []
  mapDay(zone, day - 2, prev2, scratch)
  mapDay(zone, day - 1, prev, scratch)
  mapDay(zone, day, cur, scratch)
  return unionWithin(scratch, lo, hi)
}

/** {@link windowOpen} with the zone fixed, possibly remembered. @internal */
export type WindowFn = (
  day: number,
  prev2: HoursList,
  prev: HoursList,
  cur: HoursList,
  lo: number,
  hi: number
) => number

/**
 * Builds the table of one local year, given its days and those of the year before. Open time in
 * the window of a day `[midnight, next midnight)` comes from that day's hours and the overnight
 * part of the day before; when the offset is the same at both midnights the window is a plain
 * shift of wall time and its open time is the sums kept in the plan, otherwise `window` measures
 * it.
 *
 * @internal
 */
export const buildYearTable = (
  plan: Plan,
  zone: ZoneRules,
  days: YearDays,
  before: YearDays,
  window: WindowFn
): YearTable => {
  const n = days.length
  // midnights of the days first - 1 … first + n; the stored table keeps first … first + n
  const mids = new Float64Array(n + 2)
  // a midnight read with the offset of the one before, when that offset holds there, is the
  // answer (the earlier of two occurrences, too); otherwise the zone rules decide
  let off = Number.NaN
  for (let i = 0; i <= n + 1; i++) {
    const local = (days.first - 1 + i) * DAY_MS
    const guess = local - off
    const u = i > 0 && zone.offsetAt(guess) === off ? guess : zone.localToUtc(local)
    mids[i] = u
    off = local - u
  }
  const cum = new Float64Array(n + 1)
  let prev2 = hoursIn(plan, before, days.first - 2)
  let prev = hoursIn(plan, before, days.first - 1)
  for (let i = 0; i < n; i++) {
    const day = days.first + i
    const cur = hoursIn(plan, days, day)
    const lo = mids[i + 1] as number
    const hi = mids[i + 2] as number
    // the day before and this day both plain 24-hour windows: wall time is shifted, nothing more
    const open =
      hi - lo === DAY_MS &&
      lo - (mids[i] as number) === DAY_MS &&
      (prev.spillMs === 0 || prev.spillEnd <= cur.firstOpen)
        ? cur.inDayMs + prev.spillMs
        : window(day, prev2, prev, cur, lo, hi)
    cum[i + 1] = (cum[i] as number) + open
    prev2 = prev
    prev = cur
  }
  return { days, midnights: mids.subarray(1), cum, total: cum[n] as number }
}

/**
 * The open time of a whole local year, what {@link buildYearTable} would sum, without building
 * the table: the weekly windows times the number of each weekday in the year, corrected day by
 * day where a holiday or an exception (or the day after one) breaks the weekly pattern, and where
 * an offset change of the zone makes a day's window irregular. About 30 days a year are looked at
 * one by one; the rest is a dozen multiplications, whatever the number of intervals.
 *
 * @internal
 */
export const yearTotal = (
  plan: Plan,
  zone: TabledZoneRules,
  days: YearDays,
  before: YearDays,
  window: WindowFn
): number => {
  const first = days.first
  const n = days.length
  const last = first + n - 1
  const W = plan.plainWindow
  const hours = (d: number): HoursList => hoursIn(plan, d >= first ? days : before, d)
  // the exact open time of one day's window, as the table would have it; `moved`: whether an
  // offset change may have moved the midnights around it
  const exact = (d: number, moved: boolean): number => {
    const cur = hours(d)
    const prev = hours(d - 1)
    const fits = prev.spillMs === 0 || prev.spillEnd <= cur.firstOpen
    if (!moved && fits) return cur.inDayMs + prev.spillMs
    const m0 = zone.localToUtc((d - 1) * DAY_MS)
    const lo = zone.localToUtc(d * DAY_MS)
    const hi = zone.localToUtc((d + 1) * DAY_MS)
    return hi - lo === DAY_MS && lo - m0 === DAY_MS && fits
      ? cur.inDayMs + prev.spillMs
      : window(d, hours(d - 2), prev, cur, lo, hi)
  }
  // an offset change moves the midnights of the days around it (at most a day and a half away);
  // elsewhere three midnights in a row are 24 hours apart
  const moved = new Set<number>()
  const tr = zone.transitionsIn((first - 3) * DAY_MS, (last + 4) * DAY_MS)
  for (let j = 0; j < tr.length; j += 3) {
    const at = Math.floor((tr[j] as number) / DAY_MS)
    for (let d = Math.max(first, at - 3); d <= Math.min(last, at + 3); d++) moved.add(d)
  }
  // days whose window may differ from their weekday's plain window: after a holiday or an
  // exception, and the first covered day (the day before it counts as closed)
  const odd = new Set<number>(moved)
  if (first - 1 < MIN_DAY) odd.add(first)
  for (const y of [days, before])
    for (const set of [y.holidays, y.exceptions.keys()])
      for (const d of set) {
        if (d >= first && d <= last) odd.add(d)
        if (d + 1 >= first && d + 1 <= last) odd.add(d + 1)
      }
  let total = 0
  const w0 = weekdayOfDay(first)
  const whole = Math.floor(n / 7)
  for (let k = 0; k < 7; k++) {
    const w = (w0 + k) % 7
    total += (whole + (k < n % 7 ? 1 : 0)) * (W[w] as number)
  }
  if (total !== total) {
    // a weekly window that overlaps itself (compile rejects it): measure every day
    total = 0
    for (let d = first; d <= last; d++) total += exact(d, true)
    return total
  }
  for (const d of odd) total += exact(d, moved.has(d)) - (W[weekdayOfDay(d)] as number)
  return total
}

/**
 * The open intervals, as `[start, end, …]` in UTC, of the local days `from … to`: each day's
 * hours, mapped with a plain shift where the offset does not change and through the zone
 * otherwise. `hours(day)` and `midnight(day)` give a day's hours and the UTC instant of its
 * midnight.
 *
 * @internal
 */
export const dayIntervals = (
  zone: ZoneRules,
  from: number,
  to: number,
  hours: (day: number) => HoursList,
  midnight: (day: number) => number
): Float64Array => {
  let count = 0
  for (let d = from; d <= to; d++) count += hours(d).opens.length
  const out = new Float64Array(count * 2)
  const slow: number[] = []
  let k = 0
  let m0 = midnight(from)
  let m1 = midnight(from + 1)
  for (let d = from; d <= to; d++) {
    const h = hours(d)
    const m2 = midnight(d + 2)
    if (h.opens.length > 0) {
      if (m1 - m0 === DAY_MS && (h.spillMs === 0 || m2 - m1 === DAY_MS)) {
        for (let j = 0; j < h.opens.length; j++) {
          out[k++] = m0 + (h.opens[j] as number) * 1000
          out[k++] = m0 + (h.closes[j] as number) * 1000
        }
      } else {
        slow.length = 0
        mapDay(zone, d, h, slow)
        for (const x of slow) out[k++] = x
      }
    }
    m0 = m1
    m1 = m2
  }
  return k === out.length ? out : out.slice(0, k)
}
