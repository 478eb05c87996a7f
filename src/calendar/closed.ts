import type { Instant } from '../time/index.js'
import { parseDay, yearOfDay } from '../internal/civil.js'
import { isNoNumber, safeInstant } from './businessTime.js'
import { compiledOf } from './compile.js'
import type { Compiled } from './compiled.js'
import { holidaysIn } from './holidays.js'
import type { BusinessCalendar, DateRule } from './model.js'
import { MAX_YEAR, MIN_YEAR } from './plan.js'
import { intervalsAt, isHolidayDay, localDay } from './search.js'

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
    if (!(a < b)) return []
    const c = compiledOf(self)
    const rules = holidayRulesOf(self)
    const open = intervalsAt(c, a, b)
    const out: ClosedStretch[] = []
    // the gaps before each open interval, then the one after the last (a loop, no closure)
    let at = a
    for (let i = 0; i <= open.length; i += 2) {
      const s = i < open.length ? (open[i] as number) : b
      if (s > at)
        out.push({
          from: at as Instant,
          to: s as Instant,
          holidays: namesOn(c, rules, localDay(c, at), localDay(c, s - 1))
        })
      if (i < open.length) at = open[i + 1] as number
    }
    return out
  }
