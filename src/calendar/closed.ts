import type { Instant } from '../time/index.js'
import { parseDay, yearOfDay } from '../internal/civil.js'
import { isNoNumber, safeInstant } from './businessTime.js'
import { compiledOf } from './compile.js'
import type { Compiled } from './compiled.js'
import { holidaysIn } from './holidays.js'
import type { BusinessCalendar, DateRule, OpenInterval } from './model.js'
import { MAX_YEAR, MIN_YEAR } from './plan.js'
import { intervalsKept, isHolidayDay, localDay } from './search.js'

/**
 * A half-open stretch `[from, to)` of closed time, with the names of the calendar's holidays on
 * the local dates it covers.
 *
 * @category models
 * @since 0.2.0
 */
export interface ClosedStretch {
  readonly from: Instant
  readonly to: Instant
  /** Names of the holiday rules picking the local dates the stretch covers, in date then rule order, each once. */
  readonly holidays: ReadonlyArray<string>
}

type HolidayTable = ReadonlyArray<readonly [number, ReadonlyArray<string>]>

/**
 * The holiday days (epoch days) and names of a list of rules, by year, made once per list: the
 * rules of a calendar never change, and explanations ask for the same years again and again.
 */
const tablesByRules = new WeakMap<ReadonlyArray<unknown>, Map<number, HolidayTable>>()

/** A calendar's holiday rules; none for what is no calendar (a JavaScript caller's value, whose reads may even throw). */
const holidayRulesOf = (calendar: unknown): ReadonlyArray<DateRule> => {
  try {
    const spec =
      typeof calendar === 'object' && calendar !== null ? (calendar as { readonly spec?: unknown }).spec : undefined
    const rules =
      typeof spec === 'object' && spec !== null ? (spec as { readonly holidays?: unknown }).holidays : undefined
    return Array.isArray(rules) ? (rules as ReadonlyArray<DateRule>) : []
  } catch {
    return []
  }
}

/** Names of the holidays on local days `first … last`, year by year, not day by day. */
const namesOn = (c: Compiled, rules: ReadonlyArray<DateRule>, first: number, last: number): string[] => {
  const out: string[] = []
  if (rules.length === 0) return out
  let tables = tablesByRules.get(rules)
  if (tables === undefined) tablesByRules.set(rules, (tables = new Map<number, HolidayTable>()))
  for (let y = Math.max(yearOfDay(first), MIN_YEAR), end = Math.min(yearOfDay(last), MAX_YEAR); y <= end; y++) {
    let table = tables.get(y)
    if (table === undefined) {
      table = holidaysIn(y)(rules).map((h): readonly [number, ReadonlyArray<string>] => [
        parseDay(h.date) as number,
        h.names
      ])
      tables.set(y, table)
    }
    for (const [day, names] of table) {
      if (day < first || day > last || !isHolidayDay(c, day)) continue
      for (const n of names) if (!out.includes(n)) out.push(n)
    }
  }
  return out
}

/**
 * Lists the closed stretches inside `[from, to)`, in order, each clipped to it and named after
 * the holidays on the local dates it covers (a weekend stretch has no names; Easter in Norway
 * has four). The stretches and {@link openIntervals} together tile `[from, to)`. Empty when `to`
 * is not after `from`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const spec = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
 * const stretches = pipe(
 *   Calendar.make(spec),
 *   E.map(Calendar.closedStretches(Time.instant('2025-05-16T15:00:00+02:00'), Time.instant('2025-05-19T09:00:00+02:00'))),
 *   E.map((xs) => xs.map((s) => [Time.toISO(s.from), Time.toISO(s.to), s.holidays]))
 * )
 * assert.deepStrictEqual(stretches, E.right([['2025-05-16T14:00:00Z', '2025-05-19T06:00:00Z', ['Grunnlovsdagen']]]))
 * ```
 * @category queries
 * @since 0.2.0
 */
export const closedStretches =
  (from: Instant, to: Instant) =>
  (self: BusinessCalendar): ReadonlyArray<ClosedStretch> => {
    if (isNoNumber(from) || isNoNumber(to)) return []
    const a = safeInstant(from)
    const b = safeInstant(to)
    return tilesOf(self, a, b, 0, Infinity).closed
  }

/**
 * The most entries of each list {@link tiles} returns unless it is told otherwise: the closed
 * stretches of 38 years of a desk open every weekday.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Calendar } from 'itsm-kit'
 * assert.strictEqual(Calendar.tilesLimit, 10_000)
 * ```
 * @category constants
 * @since 0.3.0
 */
export const tilesLimit = 10_000

/**
 * The open intervals and closed stretches of a range, as {@link tiles} gives them.
 *
 * @category models
 * @since 0.3.0
 */
export interface Tiles {
  /** The first open intervals, as {@link openIntervals} lists them. */
  readonly open: ReadonlyArray<OpenInterval>
  /** The first closed stretches, as {@link closedStretches} lists them. */
  readonly closed: ReadonlyArray<ClosedStretch>
  /** How many of each were left out past the limit; absent when none was. */
  readonly omitted?: { readonly open: number; readonly closed: number }
}

const NO_TILES: Tiles = { open: [], closed: [] }

/**
 * The open intervals ({@link openIntervals}) and closed stretches ({@link closedStretches}) that
 * tile `[from, to)`: the first `limit` of each ({@link tilesLimit} unless given; `Infinity` for
 * all), and in `omitted` how many of each come after them. The ones left out are counted as the
 * calendar is walked, never made: a range of years on a calendar open many times a day takes
 * time in proportion to its intervals, but no more memory than a short one. An instant that is
 * `NaN`, or a limit that is not a whole number, 0 or more, or `Infinity`, gives empty lists.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const spec = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })
 * // the working days of March 2025, two of each listed
 * const march = pipe(
 *   Calendar.make(spec),
 *   E.map(Calendar.tiles(Time.instant('2025-03-01T00:00:00+01:00'), Time.instant('2025-04-01T00:00:00+02:00'), 2)),
 *   E.map((t) => [t.open.map((x) => Time.toISO(x.start)), t.omitted])
 * )
 * assert.deepStrictEqual(march, E.right([['2025-03-03T07:00:00Z', '2025-03-04T07:00:00Z'], { open: 19, closed: 20 }]))
 * ```
 * @category queries
 * @since 0.3.0
 */
export const tiles =
  (from: Instant, to: Instant, limit: number = tilesLimit) =>
  (self: BusinessCalendar): Tiles => {
    if (isNoNumber(from) || isNoNumber(to)) return NO_TILES
    if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 0))) return NO_TILES
    const t = tilesOf(self, safeInstant(from), safeInstant(to), limit, limit)
    const open = t.openCount - t.open.length
    const closed = t.closedCount - t.closed.length
    return open === 0 && closed === 0
      ? { open: t.open, closed: t.closed }
      : { open: t.open, closed: t.closed, omitted: { open, closed } }
  }

/** {@link Tiles} with both counts, kept apart. */
interface Tiling {
  readonly open: ReadonlyArray<OpenInterval>
  readonly closed: ReadonlyArray<ClosedStretch>
  readonly openCount: number
  readonly closedCount: number
}

/**
 * The tiles of `[from, to)` (valid instants), keeping the first `keepOpen` open intervals and
 * `keepClosed` closed stretches; the others are counted, not made.
 */
const tilesOf = (self: BusinessCalendar, from: number, to: number, keepOpen: number, keepClosed: number): Tiling => {
  if (!(from < to)) return { open: [], closed: [], openCount: 0, closedCount: 0 }
  const c = compiledOf(self)
  // the closed stretch before each open interval needs that interval's start
  const flat: number[] = []
  const { count, lastEnd } = intervalsKept(c, from, to, Math.max(keepOpen, keepClosed + 1), flat)
  const open: OpenInterval[] = []
  for (let i = 0; i < flat.length && i < 2 * keepOpen; i += 2)
    open.push({ start: flat[i] as Instant, end: flat[i + 1] as Instant })
  // a stretch before every open interval but one starting at `from`, and one after the last
  // unless it ends at `to`
  const closedCount = count === 0 ? 1 : count + 1 - (flat[0] === from ? 1 : 0) - (lastEnd === to ? 1 : 0)
  const rules = holidayRulesOf(self)
  const closed: ClosedStretch[] = []
  // the gaps before each kept open interval, then the one after the last (when it is the last
  // of all); a loop, no closure
  let at = from
  for (let i = 0; i <= flat.length && closed.length < keepClosed; i += 2) {
    if (i === flat.length && flat.length < 2 * count) break
    const s = i < flat.length ? (flat[i] as number) : to
    if (s > at)
      closed.push({
        from: at as Instant,
        to: s as Instant,
        holidays: namesOn(c, rules, localDay(c, at), localDay(c, s - 1))
      })
    if (i < flat.length) at = flat[i + 1] as number
  }
  return { open, closed, openCount: count, closedCount }
}
