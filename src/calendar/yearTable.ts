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
import { type TabledZoneRules, type ZoneRules, localToUtc, offsetAt, transitionsIn } from '../internal/zone.js'
import { sortPairsIn } from './intervalIndex.js'
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
    return localToUtc(zone, x) - x
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
 * The open intervals, mapped to UTC, that the hours of one local day produce, written into `out`
 * from `k` on as `[start, end, …]`; returns where the next pair goes. `out` must have room for
 * every interval of the day. A wall time a spring-forward gap skips moves forward by the gap, so
 * an interval may end up empty (dropped).
 */
const mapDay = (zone: ZoneRules, day: number, h: HoursList, out: Float64Array, k: number): number => {
  const n = h.opens.length
  if (n === 0) return k
  const base = day * DAY_MS
  const [oa, ob, oi] = splitShift(zone, base, h.opens)
  const [ca, cb, ci] = splitShift(zone, base, h.closes)
  return placeShifted(out, k, base, h.opens, h.closes, oi, oa, ob, ci, ca, cb)
}

/**
 * Writes the intervals of one day's hours at `base` (local midnight read as UTC) into `out` from
 * `k` on: openings before index `oi` shifted by `oa`, the others by `ob`, closings likewise by
 * `ci`, `ca`, `cb`; empty ones dropped. Returns where the next pair goes. A leaf with the loop
 * alone: V8 optimises the hot loop of a dense day without the zone lookups around it.
 */
const placeShifted = (
  out: Float64Array,
  k: number,
  base: number,
  opens: Float64Array,
  closes: Float64Array,
  oi: number,
  oa: number,
  ob: number,
  ci: number,
  ca: number,
  cb: number
): number => {
  for (let j = 0; j < opens.length; j++) {
    const s = base + (opens[j] as number) * 1000 + (j < oi ? oa : ob)
    const e = base + (closes[j] as number) * 1000 + (j < ci ? ca : cb)
    if (e > s) {
      out[k++] = s
      out[k++] = e
    }
  }
  return k
}

/** Measure of the union of the `[start, end, …]` pairs in `xs[0 … k)`, clipped to `[lo, hi)`; sorts them in place (a spring-forward gap moves only a few intervals past their neighbours). */
const unionWithin = (xs: Float64Array, k: number, lo: number, hi: number): number => {
  sortPairsIn(xs, 2, k)
  let total = 0
  let reach = lo
  for (let j = 0; j < k; j += 2) {
    const s = Math.max(xs[j] as number, reach)
    const e = Math.min(xs[j + 1] as number, hi)
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
  const xs = new Float64Array(2 * (prev2.opens.length + prev.opens.length + cur.opens.length))
  let k = mapDay(zone, day - 2, prev2, xs, 0)
  k = mapDay(zone, day - 1, prev, xs, k)
  k = mapDay(zone, day, cur, xs, k)
  return unionWithin(xs, k, lo, hi)
}

/**
 * {@link windowOpen} with the zone fixed, possibly remembered, reading its context `C`. Callers
 * pass a module-level function and the context beside it rather than a closure made per call, so
 * that the builders below always call the same function (V8 keeps the code it optimised for them).
 *
 * @internal
 */
export type WindowFn<C> = (
  ctx: C,
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
export const buildYearTable = <C>(
  plan: Plan,
  zone: ZoneRules,
  days: YearDays,
  before: YearDays,
  ctx: C,
  window: WindowFn<C>
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
    const u = i > 0 && offsetAt(zone, guess) === off ? guess : localToUtc(zone, local)
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
        : window(ctx, day, prev2, prev, cur, lo, hi)
    cum[i + 1] = (cum[i] as number) + open
    prev2 = prev
    prev = cur
  }
  return { days, midnights: mids.subarray(1), cum, total: cum[n] as number }
}

/** The hours of a day of `days` or, before its first day, of `before`. */
const hoursNear = (plan: Plan, days: YearDays, before: YearDays, d: number): HoursList =>
  hoursIn(plan, d >= days.first ? days : before, d)

/**
 * The open time of the window of day `d`, as {@link buildYearTable} would have it, given the UTC
 * instants of the midnights that start days `d - 1`, `d` and `d + 1`. It and its two callers
 * take the year's days and window as separate arguments: gathered in one record, the cold query
 * of the dense calendar spent 10–20 ms more on its main thread (four alternating runs).
 */
const windowBetween = <C>(
  plan: Plan,
  days: YearDays,
  before: YearDays,
  ctx: C,
  window: WindowFn<C>,
  d: number,
  m0: number,
  lo: number,
  hi: number
): number => {
  const cur = hoursNear(plan, days, before, d)
  const prev = hoursNear(plan, days, before, d - 1)
  return hi - lo === DAY_MS && lo - m0 === DAY_MS && (prev.spillMs === 0 || prev.spillEnd <= cur.firstOpen)
    ? cur.inDayMs + prev.spillMs
    : window(ctx, d, hoursNear(plan, days, before, d - 2), prev, cur, lo, hi)
}

/**
 * The exact open time of the window of day `d`, as {@link buildYearTable} would have it; `moved`:
 * whether an offset change may have moved the midnights around it.
 */
const exactWindow = <C>(
  plan: Plan,
  zone: ZoneRules,
  days: YearDays,
  before: YearDays,
  ctx: C,
  window: WindowFn<C>,
  d: number,
  moved: boolean
): number => {
  if (!moved) {
    // midnights 24 hours apart: the weekly sums, unless the day before reaches into this one
    const cur = hoursNear(plan, days, before, d)
    const prev = hoursNear(plan, days, before, d - 1)
    if (prev.spillMs === 0 || prev.spillEnd <= cur.firstOpen) return cur.inDayMs + prev.spillMs
  }
  const m0 = localToUtc(zone, (d - 1) * DAY_MS)
  return windowBetween(
    plan,
    days,
    before,
    ctx,
    window,
    d,
    m0,
    localToUtc(zone, d * DAY_MS),
    localToUtc(zone, (d + 1) * DAY_MS)
  )
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
export const yearTotal = <C>(
  plan: Plan,
  zone: TabledZoneRules,
  days: YearDays,
  before: YearDays,
  ctx: C,
  window: WindowFn<C>
): number => {
  const first = days.first
  const n = days.length
  const last = first + n - 1
  const W = plan.plainWindow
  let total = 0
  const w0 = weekdayOfDay(first)
  const whole = Math.floor(n / 7)
  for (let k = 0; k < 7; k++) total += (whole + (k < n % 7 ? 1 : 0)) * (W[(w0 + k) % 7] as number)
  if (total !== total) {
    // a weekly window that overlaps itself (compile rejects it): measure every day
    total = 0
    for (let d = first; d <= last; d++) total += exactWindow(plan, zone, days, before, ctx, window, d, true)
    return total
  }
  // an offset change moves the midnights of the days around it (at most a day and a half away);
  // elsewhere three midnights in a row are 24 hours apart
  const tr = transitionsIn(zone, (first - 3) * DAY_MS, (last + 4) * DAY_MS)
  const changes = tr.length / 3
  // the days whose window may differ from their weekday's plain window: around an offset change,
  // on and after a holiday or an exception, and the first covered day (the day before it counts
  // as closed); listed with repeats, then sorted so that each is corrected once
  const odd = new Float64Array(7 * changes + 2 * (days.odd.length + before.odd.length) + 1)
  let k = 0
  for (let j = 0; j < tr.length; j += 3) {
    const at = Math.floor((tr[j] as number) / DAY_MS)
    for (let d = Math.max(first, at - 3); d <= Math.min(last, at + 3); d++) odd[k++] = d
  }
  if (first - 1 < MIN_DAY) odd[k++] = first
  for (let y = 0; y < 2; y++) {
    const list = y === 0 ? days.odd : before.odd
    for (let i = 0; i < list.length; i++) {
      const d = list[i] as number
      if (d >= first && d <= last) odd[k++] = d
      if (d + 1 >= first && d + 1 <= last) odd[k++] = d + 1
    }
  }
  const sorted = odd.subarray(0, k).sort()
  for (let i = 0; i < k; i++) {
    const d = sorted[i] as number
    if (i > 0 && d === sorted[i - 1]) continue
    // the offset changes whose UTC day lies within three days of this one
    let near = -1
    let count = 0
    for (let j = 0; j < tr.length; j += 3) {
      const at = tr[j] as number
      if (at >= (d - 3) * DAY_MS && at < (d + 4) * DAY_MS) {
        near = j
        count++
      }
    }
    const open =
      count === 1
        ? besideChange(
            plan,
            days,
            before,
            ctx,
            window,
            d,
            tr[near] as number,
            tr[near + 1] as number,
            tr[near + 2] as number
          )
        : exactWindow(plan, zone, days, before, ctx, window, d, count > 0)
    total += open - (W[weekdayOfDay(d)] as number)
  }
  return total
}

/**
 * The UTC instant of local milliseconds `local` when the only offset change within a day of it
 * is at `at`, from `b` to `a`: what {@link localToUtc} answers there, by arithmetic (the earlier
 * of two occurrences; forward by the gap in a gap).
 */
const midnightBeside = (local: number, at: number, b: number, a: number): number => {
  const u1 = local - b
  const u2 = local - a
  const ok1 = u1 < at
  const ok2 = u2 >= at
  return ok1 && ok2 ? Math.min(u1, u2) : ok1 ? u1 : ok2 ? u2 : u1
}

/**
 * {@link exactWindow} of day `d` when exactly one offset change, at `at` from `b` to `a`, lies
 * within three days of it: the midnights around the day come from the change by arithmetic.
 */
const besideChange = <C>(
  plan: Plan,
  days: YearDays,
  before: YearDays,
  ctx: C,
  window: WindowFn<C>,
  d: number,
  at: number,
  b: number,
  a: number
): number =>
  windowBetween(
    plan,
    days,
    before,
    ctx,
    window,
    d,
    midnightBeside((d - 1) * DAY_MS, at, b, a),
    midnightBeside(d * DAY_MS, at, b, a),
    midnightBeside((d + 1) * DAY_MS, at, b, a)
  )

/**
 * The open intervals, as `[start, end, …]` in UTC, of the local days `from … to`: each day's
 * hours, mapped with a plain shift where the offset does not change and through the zone
 * otherwise. `hours(ctx, day)` and `midnight(ctx, day)` give a day's hours and the UTC instant
 * of its midnight.
 *
 * @internal
 */
export const dayIntervals = <C>(
  zone: ZoneRules,
  from: number,
  to: number,
  ctx: C,
  hours: (ctx: C, day: number) => HoursList,
  midnight: (ctx: C, day: number) => number
): Float64Array => {
  let count = 0
  for (let d = from; d <= to; d++) count += hours(ctx, d).opens.length
  const out = new Float64Array(count * 2)
  let k = 0
  let m0 = midnight(ctx, from)
  let m1 = midnight(ctx, from + 1)
  for (let d = from; d <= to; d++) {
    const h = hours(ctx, d)
    const m2 = midnight(ctx, d + 2)
    if (h.opens.length > 0) {
      if (m1 - m0 === DAY_MS && (h.spillMs === 0 || m2 - m1 === DAY_MS))
        k = placeShifted(out, k, m0, h.opens, h.closes, 0, 0, 0, 0, 0, 0)
      else k = mapDay(zone, d, h, out, k)
    }
    m0 = m1
    m1 = m2
  }
  return k === out.length ? out : out.slice(0, k)
}
