/**
 * The queries of the calendar engine over year tables and interval indexes: one search routine
 * serves both directions (adding is the mirror image of subtracting).
 *
 * Cost: locating an instant is a bucket lookup in its index; moving past an index skips whole
 * local years with their totals and whole days with their running totals, then searches one
 * index. No query lists more than two indexes' worth of intervals, whatever the span.
 *
 * @internal
 * @packageDocumentation
 */
import { DAY_MS, daysFromCivil, yearOfDay } from '../internal/civil.js'
import type { Compiled } from './compiled.js'
import { CACHE_INTERVALS, YEARS_PER_INDEX } from './compiled.js'
import { cumFrom, indexAt, makeIndex, type IntervalIndex } from './intervalIndex.js'
import {
  closedDay,
  hoursIn,
  MAX_DAY,
  MAX_YEAR,
  MIN_DAY,
  MIN_YEAR,
  yearDays,
  type HoursList,
  type YearDays
} from './plan.js'
import { buildYearTable, dayIntervals, windowOpen, yearTotal, type WindowFn, type YearTable } from './yearTable.js'
import { localToUtc, offsetAt, transitionsIn, utcToLocal } from '../internal/zone.js'

/** Holidays and exception days of a local year (`MIN_YEAR - 1` … `MAX_YEAR`), kept. */
const daysOf = (c: Compiled, year: number): YearDays => {
  const k = year - MIN_YEAR + 1
  const cached = c.cache.days[k]
  if (cached !== undefined) return cached
  const d = yearDays(c.plan, year)
  c.cache.days[k] = d
  return d
}

const idOf = (c: Compiled, h: HoursList): number => {
  const ids = c.cache.hoursIds
  let id = ids.get(h)
  if (id === undefined) {
    id = ids.size
    ids.set(h, id)
  }
  return id
}

/**
 * {@link windowOpen} remembered by what decides it: the hours of the three days and the zone's
 * offset changes within five days of the window, relative to its local midnight (every probe of
 * the zone that measuring makes lies within four days). The answer is a difference of instants,
 * so moving all of them by whole days changes nothing: Oslo's spring change costs one
 * measurement per kind of Sunday, not one per year.
 */
const windowOf: WindowFn<Compiled> = (c, day, prev2, prev, cur, lo, hi) => {
  const base = day * DAY_MS
  const tr = transitionsIn(c.zone, base - 5 * DAY_MS, base + 6 * DAY_MS)
  let key = `${idOf(c, prev2)},${idOf(c, prev)},${idOf(c, cur)}`
  if (tr.length === 0) key += `|${offsetAt(c.zone, base)}`
  for (let j = 0; j < tr.length; j += 3)
    key += `|${(tr[j] as number) - base},${tr[j + 1] as number},${tr[j + 2] as number}`
  const known = c.cache.windows.get(key)
  if (known !== undefined) return known
  const open = windowOpen(c.zone, day, prev2, prev, cur, lo, hi)
  c.cache.windows.set(key, open)
  return open
}

/** The table of a local year (built on first use). @internal */
export const tableOf = (c: Compiled, year: number): YearTable => {
  const k = year - MIN_YEAR
  const cached = c.cache.tables[k]
  if (cached !== undefined) return cached
  const t = buildYearTable(c.plan, c.zone, daysOf(c, year), daysOf(c, year - 1), c, windowOf)
  c.cache.tables[k] = t
  c.cache.totals[k] = t.total
  return t
}

/** The open time of a local year: from its table when built, else summed without building it. @internal */
export const totalOf = (c: Compiled, year: number): number => {
  const k = year - MIN_YEAR
  const known = c.cache.totals[k] as number
  if (known === known) return known
  const total = yearTotal(c.plan, c.zone, daysOf(c, year), daysOf(c, year - 1), c, windowOf)
  c.cache.totals[k] = total
  return total
}

const inRange = (day: number): boolean => day >= MIN_DAY && day <= MAX_DAY

/** UTC instant of the local midnight that starts a day. @internal */
export const midnightOf = (c: Compiled, day: number): number => {
  if (!inRange(day)) return localToUtc(c.zone, day * DAY_MS)
  const t = tableOf(c, yearOfDay(day))
  return t.midnights[day - t.days.first] as number
}

/** The opening hours of a local day after holidays and exceptions. @internal */
export const hoursOf = (c: Compiled, day: number): HoursList => {
  if (!inRange(day)) return closedDay
  return hoursIn(c.plan, tableOf(c, yearOfDay(day)).days, day)
}

/** Whether a local day is a holiday by a rule or an explicit date. @internal */
export const isHolidayDay = (c: Compiled, day: number): boolean =>
  inRange(day) && tableOf(c, yearOfDay(day)).days.holidays.has(day)

/** Local epoch day of an instant. @internal */
export const localDay = (c: Compiled, t: number): number => Math.floor(utcToLocal(c.zone, t) / DAY_MS)

const rangeOf = (c: Compiled, key: number): readonly [number, number] => {
  if (c.chunkDays === 0)
    return [
      daysFromCivil(MIN_YEAR + key * YEARS_PER_INDEX, 1, 1),
      Math.min(MAX_DAY, daysFromCivil(MIN_YEAR + (key + 1) * YEARS_PER_INDEX, 1, 1) - 1)
    ]
  const first = MIN_DAY + key * c.chunkDays
  return [first, Math.min(MAX_DAY, first + c.chunkDays - 1)]
}

const keyOf = (c: Compiled, day: number): number => {
  const k =
    c.chunkDays === 0
      ? Math.floor((yearOfDay(day) - MIN_YEAR) / YEARS_PER_INDEX)
      : Math.floor((day - MIN_DAY) / c.chunkDays)
  return k < 0 ? 0 : k >= c.chunkCount ? c.chunkCount - 1 : k
}

const chunkByKey = (c: Compiled, key: number): IntervalIndex => {
  const cache = c.cache
  const cached = cache.chunks[key]
  if (cached !== undefined) return cached
  const [first, last] = rangeOf(c, key)
  const ix = makeIndex(
    key,
    dayIntervals(c.zone, first - 2, last, c, hoursOf, midnightOf),
    first,
    last,
    midnightOf(c, first),
    midnightOf(c, last + 1)
  )
  while (cache.held + ix.n > CACHE_INTERVALS && cache.order.length > 0) {
    const old = cache.order.shift() as number
    cache.held -= (cache.chunks[old] as IntervalIndex).n
    cache.chunks[old] = undefined
  }
  cache.chunks[key] = ix
  cache.order.push(key)
  cache.held += ix.n
  return ix
}

/** The index whose stretch `[lo, hi)` holds `t`. @internal */
export const chunkAt = (c: Compiled, t: number): IntervalIndex => {
  // the hot path: a query near the last one, or near the one before (a query over two indexes
  // alternates between them); kept small, so that callers can inline it
  const cache = c.cache
  const last = cache.last
  if (last !== undefined && t >= last.lo && t < last.hi) return last
  const prev = cache.prev
  return prev !== undefined && t >= prev.lo && t < prev.hi ? prev : chunkAtMiss(c, t)
}

const chunkAtMiss = (c: Compiled, t: number): IntervalIndex => {
  const cache = c.cache
  const last = cache.last
  // the UTC day is at most one day off the local one, so the guess is the right index or a neighbour
  let key = keyOf(c, Math.floor(t / DAY_MS))
  let ix = chunkByKey(c, key)
  while (t < ix.lo && key > 0) ix = chunkByKey(c, --key)
  while (t >= ix.hi && key < c.chunkCount - 1) ix = chunkByKey(c, ++key)
  cache.prev = last
  cache.last = ix
  return ix
}

const chunkOfDay = (c: Compiled, day: number): IntervalIndex => chunkByKey(c, keyOf(c, day))

/**
 * The one search: in running totals `cum`, from index `from`, the first index `i` (going in
 * direction `dir`) where the goal is reached: going forward the smallest `i ≥ from` with
 * `cum[i + 1] ≥ goal`, going backward the largest `i ≤ from` with `cum[i] ≤ goal`. Gallops from
 * `hint` (a guess, clamped to the range; `from` when there is none) towards the answer, then
 * bisects. The caller guarantees that such an index exists between `from` and `0 … last`.
 */
const seek = (cum: Float64Array, last: number, from: number, goal: number, dir: 1 | -1, hint: number): number => {
  // one rule, two branches: the predicate is `cum[i + 1] >= goal` going forward and
  // `cum[i] <= goal` going backward, the same comparison seen from either end; `good` holds it,
  // `bad` does not (or lies just outside the range)
  let good: number
  let bad: number
  if (dir > 0) {
    const g = hint > from ? (hint < last ? hint : last) : from
    if ((cum[g + 1] as number) >= goal) {
      good = g
      bad = from - 1
      for (let step = 1; good - bad > 1; step *= 2) {
        const cand = good - step > bad ? good - step : bad + 1
        if ((cum[cand + 1] as number) < goal) {
          bad = cand
          break
        }
        good = cand
      }
    } else {
      bad = g
      good = last
      for (let step = 1; good - bad > 1; step *= 2) {
        const cand = bad + step < good ? bad + step : good - 1
        if ((cum[cand + 1] as number) >= goal) {
          good = cand
          break
        }
        bad = cand
      }
    }
    while (good - bad > 1) {
      const mid = (good + bad) >> 1
      if ((cum[mid + 1] as number) >= goal) good = mid
      else bad = mid
    }
    return good
  }
  const g = hint < from ? (hint > 0 ? hint : 0) : from
  if ((cum[g] as number) <= goal) {
    good = g
    bad = from + 1
    for (let step = 1; bad - good > 1; step *= 2) {
      const cand = good + step < bad ? good + step : bad - 1
      if ((cum[cand] as number) > goal) {
        bad = cand
        break
      }
      good = cand
    }
  } else {
    bad = g
    good = 0
    for (let step = 1; bad - good > 1; step *= 2) {
      const cand = bad - step > good ? bad - step : good + 1
      if ((cum[cand] as number) <= goal) {
        good = cand
        break
      }
      bad = cand
    }
  }
  while (bad - good > 1) {
    const mid = (good + bad) >> 1
    if ((cum[mid] as number) <= goal) good = mid
    else bad = mid
  }
  return good
}

/** Open time in the local years `from … to - 1`. */
const yearsSpan = (c: Compiled, from: number, to: number): number => {
  const cache = c.cache
  if (from === cache.spanFrom && to === cache.spanTo) return cache.spanSum
  // the totals of built years are kept in one typed array (NaN until built)
  const totals = cache.totals
  let s = 0
  for (let k = from - MIN_YEAR; k < to - MIN_YEAR; k++) s += totals[k] as number
  if (s !== s) {
    s = 0
    for (let y = from; y < to; y++) s += totalOf(c, y)
  }
  cache.spanFrom = from
  cache.spanTo = to
  cache.spanSum = s
  return s
}

/** Open time between the midnights of local days `a ≤ b`, from the year tables. */
const span = (c: Compiled, a: number, b: number): number => {
  if (a === b) return 0
  const ya = yearOfDay(a)
  const yb = yearOfDay(b)
  const ta = tableOf(c, ya)
  if (ya === yb) return (ta.cum[b - ta.days.first] as number) - (ta.cum[a - ta.days.first] as number)
  let s = ta.total - (ta.cum[a - ta.days.first] as number)
  for (let y = ya + 1; y < yb; y++) s += totalOf(c, y)
  const tb = tableOf(c, yb)
  return s + (tb.cum[b - tb.days.first] as number)
}

/** Whether `t` lies in an open interval. @internal */
export const isOpenAt = (c: Compiled, t: number): boolean => {
  const ix = chunkAt(c, t)
  const i = indexAt(ix, t)
  return i >= 0 && t < (ix.ends[i] as number)
}

/** Open time between two instants, signed. @internal */
export const betweenAt = (c: Compiled, a: number, b: number): number => {
  const x = a < b ? a : b
  const y = a < b ? b : a
  const ix = chunkAt(c, x)
  const iy = y < ix.hi ? ix : chunkAt(c, y)
  // kept small, with the gap between two indexes remembered, so that callers can inline it
  const r =
    cumFrom(iy, y, indexAt(iy, y)) -
    cumFrom(ix, x, indexAt(ix, x)) +
    (iy === ix ? 0 : ix.top - iy.base + gap(c, ix, iy))
  return r === 0 ? 0 : a < b ? r : -r
}

/** Open time from the end of index `ix` to the start of a later index `iy`. */
const gap = (c: Compiled, ix: IntervalIndex, iy: IntervalIndex): number => {
  const cache = c.cache
  if (!(ix.endsYear && iy.startsYear)) return span(c, ix.lastDay + 1, iy.firstDay)
  return ix.endYear === cache.spanFrom && iy.startYear === cache.spanTo
    ? cache.spanSum
    : yearsSpan(c, ix.endYear, iy.startYear)
}

/**
 * The instant where `goal` (a running total of `ix`) is reached, searching from interval `from`
 * in direction `dir`. Most answers lie in the interval the search starts from or the next one, or
 * where the mean length of the index's intervals puts them (exactly, on a calendar whose
 * intervals all last as long): a few comparisons, no loop and no call, so that the whole query
 * can be inlined into its caller. The caller guarantees that an answer lies between `from` and
 * the end it goes to.
 */
const solve = (ix: IntervalIndex, goal: number, dir: 1 | -1, from: number): number => {
  const cum = ix.cum
  let j = from < 0 ? 0 : from
  if (dir > 0) {
    // j + 1 and then j + 2 exist: cum[j + 1] < goal <= cum[n] means j + 1 < n
    if ((cum[j + 1] as number) < goal) {
      if ((cum[j + 2] as number) < goal) {
        // the guess, or the one before it when the goal is a closing time (and rounding)
        const g = (goal * ix.perOpen) | 0
        j =
          g > j + 1 && g < ix.n && (cum[g] as number) < goal && (cum[g + 1] as number) >= goal
            ? g
            : g > j + 2 && g <= ix.n && (cum[g - 1] as number) < goal && (cum[g] as number) >= goal
              ? g - 1
              : seek(cum, ix.n - 1, j + 2, goal, 1, g)
      } else j++
    }
  } else if ((cum[j] as number) > goal) {
    // j - 1 and then j - 2 exist: cum[0] <= goal < cum[j] means j > 0
    if ((cum[j - 1] as number) > goal) {
      // the guess, or the one after it (rounding)
      const g = (goal * ix.perOpen) | 0
      j =
        g >= 0 && g < j - 1 && (cum[g] as number) <= goal && (cum[g + 1] as number) > goal
          ? g
          : g >= -1 && g < j - 2 && (cum[g + 1] as number) <= goal && (cum[g + 2] as number) > goal
            ? g + 1
            : seek(cum, ix.n - 1, j - 2, goal, -1, g)
    } else j--
  }
  return (ix.starts[j] as number) + goal - (cum[j] as number)
}

/**
 * Moves `d > 0` of open time from `t`, forward (`dir = 1`: the earliest instant reached) or
 * backward (`dir = -1`: the latest). Past the covered years it returns `±Infinity`.
 *
 * @internal
 */
export const shiftAt = (c: Compiled, t: number, d: number, dir: 1 | -1): number => {
  // the hot path, within the index of `t`, is kept small so that callers can inline it
  const ix = chunkAt(c, t)
  const i = indexAt(ix, t)
  const goal = cumFrom(ix, t, i) + dir * d
  return (dir > 0 ? goal <= ix.top : goal >= ix.base) ? solve(ix, goal, dir, i) : shiftFar(c, ix, goal, dir)
}

/** {@link shiftAt} when the answer lies past the index of the start (`goal` beyond its totals). */
const shiftFar = (c: Compiled, ix: IntervalIndex, goal: number, dir: 1 | -1): number => {
  let need = dir > 0 ? goal - ix.top : ix.base - goal
  const edge = dir > 0 ? ix.lastDay + 1 : ix.firstDay
  // the neighbouring index, when it is built and holds the answer
  const nearKey = ix.key + dir
  const near = nearKey >= 0 && nearKey < c.chunkCount ? c.cache.chunks[nearKey] : undefined
  if (near !== undefined && need <= near.top - near.base)
    return dir > 0
      ? solve(near, near.base + need, 1, indexAt(near, near.lo))
      : solve(near, near.top - need, -1, near.n - 1)
  // past this index: skip whole years by their totals (no table built for them), then days by
  // the running totals of the year where the answer lies
  let year = yearOfDay(edge)
  if (year > MAX_YEAR || year < MIN_YEAR) return dir * Infinity
  let tb = tableOf(c, year)
  let p = edge - tb.days.first
  for (;;) {
    const pos = tb.cum[p] as number
    const avail = dir > 0 ? tb.total - pos : pos
    if (need <= avail) {
      const target = pos + dir * need
      const from = p < tb.days.length ? p : tb.days.length - 1
      const w = seek(tb.cum, tb.days.length - 1, from, target, dir, from)
      const day = tb.days.first + w
      const iy = chunkOfDay(c, day)
      const rel = span(c, iy.firstDay, day) + target - (tb.cum[w] as number)
      return solve(
        iy,
        iy.base + rel,
        dir,
        indexAt(iy, dir > 0 ? (tb.midnights[w] as number) : (tb.midnights[w + 1] as number))
      )
    }
    need -= avail
    for (;;) {
      year += dir
      if (year > MAX_YEAR || year < MIN_YEAR) return dir * Infinity
      const total = totalOf(c, year)
      if (need <= total) break
      need -= total
    }
    tb = tableOf(c, year)
    p = dir > 0 ? 0 : tb.days.length
  }
}

/** Open intervals overlapping `[from, to)`, clipped to it, touching ones merged, as `[start, end, …]`. @internal */
export const intervalsAt = (c: Compiled, from: number, to: number): number[] => {
  const out: number[] = []
  intervalsKept(c, from, to, Infinity, out)
  return out
}

/** How many intervals {@link intervalsKept} found, and where the last one ends (NaN: none). @internal */
export interface IntervalCount {
  readonly count: number
  readonly lastEnd: number
}

/**
 * The open intervals of {@link intervalsAt}, of which only the first `keep` are pushed onto `out`
 * (as `start, end` pairs); the rest are only counted, so a long range on a calendar open many
 * times a day costs time but no memory.
 * @internal
 */
export const intervalsKept = (c: Compiled, from: number, to: number, keep: number, out: number[]): IntervalCount => {
  let count = 0
  let lastEnd = NaN
  if (!(from < to)) return { count, lastEnd }
  const first = out.length
  let ix = chunkAt(c, from)
  for (;;) {
    const lo = Math.max(from, ix.lo)
    const hi = Math.min(to, ix.hi)
    for (let i = Math.max(indexAt(ix, lo), 0); i < ix.n && (ix.starts[i] as number) < hi; i++) {
      const s = Math.max(ix.starts[i] as number, lo)
      const e = Math.min(ix.ends[i] as number, hi)
      if (e <= s) continue
      if (s === lastEnd) {
        // it goes on from the one before: the same interval, extended (in `out` if kept there)
        if (out.length - first === 2 * count) out[out.length - 1] = e
      } else {
        count++
        if (count <= keep) out.push(s, e)
      }
      lastEnd = e
    }
    if (to <= ix.hi || ix.lastDay >= MAX_DAY) return { count, lastEnd }
    ix = chunkOfDay(c, ix.lastDay + 1)
  }
}
