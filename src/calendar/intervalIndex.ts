/**
 * The immutable interval index of the calendar engine: the merged open intervals of a run of
 * local days, with running totals and a per-day bucket that locates an instant in constant time.
 *
 * @internal
 * @packageDocumentation
 */
import { DAY_MS, daysFromCivil, yearOfDay } from '../internal/civil.js'

/**
 * Open intervals of the local days `firstDay … lastDay` (and the overnight parts of the two days
 * before), merged: `starts[i] < ends[i] <= starts[i + 1]`; `cum[i]` is the open time before
 * interval `i` counted from the first one. Queries read it only inside `[lo, hi]`, the UTC
 * instants of the midnights that start `firstDay` and follow `lastDay`: there it holds every open
 * interval. `base` and `top` are the running totals at `lo` and `hi`.
 *
 * @internal
 */
export interface IntervalIndex {
  /** Position in the cache's list of indexes. */
  readonly key: number
  readonly firstDay: number
  readonly lastDay: number
  readonly lo: number
  readonly hi: number
  readonly n: number
  readonly starts: Float64Array
  readonly ends: Float64Array
  readonly cum: Float64Array
  readonly base: number
  readonly top: number
  /** Intervals per millisecond of open time, `n / cum[n]` (0 without open time): a search's first guess. */
  readonly perOpen: number
  /** Local years of `firstDay` and of the day after `lastDay`, and whether those days are 1 January. */
  readonly startYear: number
  readonly startsYear: boolean
  readonly endYear: number
  readonly endsYear: boolean
  /** `bucket[k]`: index of the last interval starting at or before UTC midnight of day `baseDay + k`, or -1. */
  readonly baseDay: number
  readonly bucket: Int32Array
}

const PER_DAY = 1 / DAY_MS

/** Index of the last interval that starts at or before `t`, or -1. @internal */
export const indexAt = (ix: IntervalIndex, t: number): number => {
  // a multiplication instead of a division; at an exact midnight it may round to the day before,
  // which still brackets the answer (bucket[k] <= answer <= bucket[k + 1])
  const k = Math.floor(t * PER_DAY) - ix.baseDay
  const bucket = ix.bucket
  if (k >= 0 && k + 1 < bucket.length) {
    const lo = bucket[k] as number
    const hi = bucket[k + 1] as number
    // a day with at most one interval starting in it (most calendars): no loop, no call
    if (hi - lo <= 1) return lo === hi || (ix.starts[hi] as number) > t ? lo : hi
    return lastStartIn(ix.starts, t, lo, hi)
  }
  return k < 0 ? -1 : lastStartIn(ix.starts, t, -1, ix.n - 1)
}

/** The last `i` in `lo … hi` with `starts[i] <= t`, given that `lo` is one (or -1). */
const lastStartIn = (starts: Float64Array, t: number, lo: number, hi: number): number => {
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] as number) <= t) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Running total at `t` (relative to the first interval), given `i = indexAt(ix, t)`. @internal */
export const cumFrom = (ix: IntervalIndex, t: number, i: number): number => {
  if (i < 0) return 0
  const e = ix.ends[i] as number
  return (ix.cum[i] as number) + (t < e ? t : e) - (ix.starts[i] as number)
}

/**
 * `[start, end, …]` pairs sorted by start: the input itself when already sorted, else a sorted
 * copy. A spring-forward gap moves a few intervals past their neighbours, so insertion sort
 * (linear in the number of displaced places) is the right tool.
 *
 * @internal
 */
export const sortPairs = (raw: Float64Array): Float64Array => {
  let j = 2
  while (j < raw.length && (raw[j] as number) >= (raw[j - 2] as number)) j += 2
  if (j >= raw.length) return raw
  const out = Float64Array.from(raw)
  sortPairsIn(out, j, out.length)
  return out
}

/**
 * Sorts the `[start, end, …]` pairs of `xs[0 … k)` by start in place, given that those before
 * index `from` are sorted: insertion sort, linear in the number of displaced places.
 *
 * @internal
 */
export const sortPairsIn = (xs: Float64Array, from: number, k: number): void => {
  for (let j = from; j < k; j += 2) {
    const s = xs[j] as number
    const e = xs[j + 1] as number
    let i = j - 2
    while (i >= 0 && (xs[i] as number) > s) {
      xs[i + 2] = xs[i] as number
      xs[i + 3] = xs[i + 1] as number
      i -= 2
    }
    xs[i + 2] = s
    xs[i + 3] = e
  }
}

/*
 * The loops of an index build, each a leaf function: V8 optimises a dense calendar's long loops
 * without compiling the rest of the build with them.
 */

/** Merges sorted `[start, end, …]` pairs, overlapping and touching ones into maximal intervals, into `s` and `e`; returns how many. */
const mergePairs = (pairs: Float64Array, s: Float64Array, e: Float64Array): number => {
  const total = pairs.length / 2
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
  return m
}

/** `cum[i]`: open time of the intervals before `i` (`length + 1` entries). */
const runningTotals = (starts: Float64Array, ends: Float64Array): Float64Array => {
  const m = starts.length
  const cum = new Float64Array(m + 1)
  for (let j = 0; j < m; j++) cum[j + 1] = (cum[j] as number) + (ends[j] as number) - (starts[j] as number)
  return cum
}

/** For `days` UTC midnights from `baseDay` on: the index of the last interval starting at or before each, or -1. */
const bucketsOf = (starts: Float64Array, baseDay: number, days: number): Int32Array => {
  const m = starts.length
  const bucket = new Int32Array(days)
  for (let k = 0, i = -1; k < days; k++) {
    const midnight = (baseDay + k) * DAY_MS
    while (i + 1 < m && (starts[i + 1] as number) <= midnight) i++
    bucket[k] = i
  }
  return bucket
}

/**
 * Builds the index of raw `[start, end, …]` pairs for the days `firstDay … lastDay`, whose
 * complete stretch is `[lo, hi]`.
 *
 * @internal
 */
export const makeIndex = (
  key: number,
  raw: Float64Array,
  firstDay: number,
  lastDay: number,
  lo: number,
  hi: number
): IntervalIndex => {
  const total = raw.length / 2
  const s = new Float64Array(total)
  const e = new Float64Array(total)
  const m = mergePairs(sortPairs(raw), s, e)
  const starts = m === total ? s : s.slice(0, m)
  const ends = m === total ? e : e.slice(0, m)
  const cum = runningTotals(starts, ends)
  const baseDay = Math.floor(Math.min(lo, m > 0 ? (starts[0] as number) : lo) / DAY_MS)
  const bucket = bucketsOf(starts, baseDay, Math.floor(hi / DAY_MS) - baseDay + 2)
  const startYear = yearOfDay(firstDay)
  const endYear = yearOfDay(lastDay + 1)
  const shape = (base: number, top: number): IntervalIndex => ({
    key,
    firstDay,
    lastDay,
    lo,
    hi,
    n: m,
    starts,
    ends,
    cum,
    base,
    top,
    perOpen: m > 0 ? m / (cum[m] as number) : 0,
    startYear,
    startsYear: daysFromCivil(startYear, 1, 1) === firstDay,
    endYear,
    endsYear: daysFromCivil(endYear, 1, 1) === lastDay + 1,
    baseDay,
    bucket
  })
  const draft = shape(0, 0)
  return shape(cumFrom(draft, lo, indexAt(draft, lo)), cumFrom(draft, hi, indexAt(draft, hi)))
}
