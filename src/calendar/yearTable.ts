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
import { DAY_MS } from '../internal/civil.js'
import type { ZoneRules } from '../internal/zone.js'
import { sortPairs } from './intervalIndex.js'
import { hoursIn, yearDays, type HoursList, type Plan, type YearDays } from './plan.js'

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
 * Builds the table of one local year. Open time in the window of a day `[midnight, next
 * midnight)` comes from that day's hours and the overnight part of the day before; when the
 * offset is the same at both midnights the window is a plain shift of wall time and its open
 * time is the sums kept in the plan, otherwise the intervals are mapped and measured.
 *
 * @internal
 */
export const buildYearTable = (plan: Plan, zone: ZoneRules, year: number): YearTable => {
  const days = yearDays(plan, year)
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
  const before = yearDays(plan, year - 1)
  let prev2 = hoursIn(plan, before, days.first - 2)
  let prev = hoursIn(plan, before, days.first - 1)
  const scratch: number[] = []
  for (let i = 0; i < n; i++) {
    const day = days.first + i
    const cur = hoursIn(plan, days, day)
    const lo = mids[i + 1] as number
    const hi = mids[i + 2] as number
    let open: number
    // the day before and this day both plain 24-hour windows: wall time is shifted, nothing more
    if (hi - lo === DAY_MS && lo - (mids[i] as number) === DAY_MS && (prev.spillMs === 0 || prev.spillEnd <= cur.firstOpen)) open = cur.inDayMs + prev.spillMs
    else {
      // a skipped day (Samoa, 30 December 2011) maps the two days before it into this window
      scratch.length = 0
      mapDay(zone, day - 2, prev2, scratch)
      mapDay(zone, day - 1, prev, scratch)
      mapDay(zone, day, cur, scratch)
      open = unionWithin(scratch, lo, hi)
    }
    cum[i + 1] = (cum[i] as number) + open
    prev2 = prev
    prev = cur
  }
  return { days, midnights: mids.subarray(1), cum, total: cum[n] as number }
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
