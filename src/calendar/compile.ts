import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { daysInMonth, formatSeconds, parseSeconds } from '../internal/civil.js'
import { makeZone } from '../time/index.js'
import type { IanaZone } from '../time/index.js'
import { makeZoneRules } from '../internal/zone.js'
import { decodeCalendarSpec } from './codec.js'
import { compiledKey, makeCompiled, readCompiled, type Compiled } from './compiled.js'
import { MAX_YEAR, MIN_YEAR, makePlan, toSeconds } from './plan.js'
import { dayOfRule } from './rules.js'
import { emptyInterval, impossibleDate, noOpenTime, overlappingHours, type CalendarError } from './errors.js'
import { allWeekdays, type BusinessCalendar, type CalendarSpec, type DateRule, type OpeningHours } from './model.js'

const WEEK = 7 * 86400

interface Placed {
  readonly path: string
  readonly from: number
  readonly to: number
}

const checkHours = (
  hours: ReadonlyArray<OpeningHours>,
  path: string,
  dayOffset: number,
  into: Placed[]
): CalendarError | undefined => {
  for (const [i, h] of hours.entries()) {
    if (parseSeconds(h.opens, false) === parseSeconds(h.closes, true))
      return emptyInterval(`${path}[${i}]`, h.opens, h.closes)
    const [from, to] = toSeconds(h)
    into.push({ path: `${path}[${i}]`, from: from + dayOffset, to: to + dayOffset })
  }
  return undefined
}

const firstOverlap = (placed: ReadonlyArray<Placed>, circular: boolean): CalendarError | undefined => {
  const sorted = [...placed].sort((a, b) => a.from - b.from)
  const describeSpan = (p: Placed): string =>
    `${formatSeconds(p.from % 86400)}–${formatSeconds(p.to % 86400 === 0 && p.to > p.from ? 86400 : p.to % 86400)}`
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as Placed
    const b = sorted[i] as Placed
    if (a.to > b.from) return overlappingHours(b.path, a.path, `${describeSpan(b)}, which overlaps ${describeSpan(a)}`)
  }
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (circular && first !== undefined && last !== undefined && last !== first && last.to - WEEK > first.from)
    return overlappingHours(
      first.path,
      last.path,
      `${describeSpan(first)}, which overlaps ${describeSpan(last)} running over from Sunday`
    )
  return undefined
}

const checkRule = (rule: DateRule, path: string): CalendarError | undefined => {
  if (rule._tag === 'FixedDate' || rule._tag === 'WeekdayOnOrAfter') {
    // 29 February is allowed (leap years only); 30 February or 31 April never exist
    if (rule.day > daysInMonth(2000, rule.month))
      return impossibleDate(
        `${path}.day`,
        `a day that month ${rule.month} has (at most ${daysInMonth(2000, rule.month)})`,
        String(rule.day)
      )
  }
  if (
    rule._tag !== 'ExactDate' &&
    rule.firstYear !== undefined &&
    rule.lastYear !== undefined &&
    rule.firstYear > rule.lastYear
  )
    return impossibleDate(
      `${path}.lastYear`,
      `a year no earlier than firstYear ${rule.firstYear}`,
      String(rule.lastYear)
    )
  return undefined
}

/** Whether a rule picks at least one day in the years the engine covers (29 February 2100 does not). */
const picksSomeDay = (rule: DateRule): boolean => {
  if (rule._tag === 'ExactDate') return true
  const first = Math.max(rule.firstYear ?? MIN_YEAR, MIN_YEAR)
  const last = Math.min(rule.lastYear ?? MAX_YEAR, MAX_YEAR)
  for (let y = first; y <= last; y++) if (dayOfRule(rule, y) !== undefined) return true
  return false
}

const validate = (spec: CalendarSpec): CalendarError | undefined => {
  const week: Placed[] = []
  for (const [d, w] of allWeekdays.entries()) {
    const err = checkHours(spec.weekly[w] ?? [], `weekly.${w}`, d * 86400, week)
    if (err !== undefined) return err
  }
  const overlap = firstOverlap(week, true)
  if (overlap !== undefined) return overlap
  for (const [i, rule] of (spec.holidays ?? []).entries()) {
    const err = checkRule(rule, `holidays[${i}]`)
    if (err !== undefined) return err
  }
  let extraOpen = false
  for (const [i, e] of (spec.exceptions ?? []).entries()) {
    const err = checkRule(e.on, `exceptions[${i}].on`)
    if (err !== undefined) return err
    const placed: Placed[] = []
    const bad = checkHours(e.hours, `exceptions[${i}].hours`, 0, placed) ?? firstOverlap(placed, false)
    if (bad !== undefined) return bad
    // a whenOpen exception only shortens open days, so it never opens a calendar by itself
    if (e.hours.length > 0 && e.whenOpen !== true && picksSomeDay(e.on)) extraOpen = true
  }
  if (week.length === 0 && !extraOpen) return noOpenTime()
  return undefined
}

const attach = (spec: CalendarSpec, zone: IanaZone): BusinessCalendar => {
  const cal = { _tag: 'BusinessCalendar' as const, spec, zone }
  // the engine state is kept under a symbol the public type does not name
  Object.defineProperty(cal, compiledKey, {
    value: makeCompiled(makePlan(spec), makeZoneRules(zone)),
    enumerable: false
  })
  return cal
}

/**
 * Checks a calendar spec and compiles it into a {@link BusinessCalendar}.
 *
 * Rejects, with the path of the first problem: malformed data (every issue, as
 * {@link decodeCalendarSpec} reports them), an unknown zone, an empty or overlapping opening
 * interval (overnight intervals included), a rule for a day that never exists, and a calendar
 * that is never open. Compiling is cheap: intervals are generated per year on first use.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar } from 'itsm-kit'
 * const ok = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * assert.strictEqual(E.isRight(ok), true)
 * const overlapping = Calendar.make({ zone: 'Europe/Oslo', weekly: { mon: [{ opens: '08:00', closes: '12:00' }, { opens: '11:00', closes: '16:00' }] } })
 * assert.deepStrictEqual(pipe(overlapping, E.mapLeft((e) => e.message)), E.left(
 *   'weekly.mon[1]: expected opening hours that do not overlap weekly.mon[0], received 11:00–16:00, which overlaps 08:00–12:00'))
 * const never = Calendar.make({ zone: 'Europe/Oslo', weekly: {} })
 * assert.deepStrictEqual(pipe(never, E.mapLeft((e) => e._tag)), E.left('NoOpenTime'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const compile = (spec: CalendarSpec): E.Either<CalendarError, BusinessCalendar> =>
  pipe(
    decodeCalendarSpec(spec),
    E.flatMap((decoded) =>
      pipe(
        makeZone(decoded.zone),
        E.flatMap((zone): E.Either<CalendarError, BusinessCalendar> => {
          const err = validate(decoded)
          return err === undefined ? E.right(attach(decoded, zone)) : E.left(err)
        })
      )
    )
  )

/**
 * Whether a value is a business calendar: one that {@link make} made, or a copy of one (a
 * `structuredClone`d calendar keeps its spec and is compiled again where it is used). A guard for
 * arguments that come from JavaScript callers; it never throws.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Calendar } from 'itsm-kit'
 * const oslo = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * assert.strictEqual(E.isRight(oslo) && Calendar.isBusinessCalendar(oslo.right), true)
 * assert.strictEqual(Calendar.isBusinessCalendar({ zone: 'Europe/Oslo' }), false)
 * ```
 * @category guards
 * @since 0.2.0
 */
export const isBusinessCalendar = (u: unknown): u is BusinessCalendar => {
  if (typeof u !== 'object' || u === null) return false
  try {
    const r = u as { readonly _tag?: unknown; readonly zone?: unknown; readonly spec?: unknown }
    return r._tag === 'BusinessCalendar' && typeof r.zone === 'string' && typeof r.spec === 'object' && r.spec !== null
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller) is no calendar
    return false
  }
}

/** A calendar that is never open, for a value that did not come from {@link make}. */
const neverOpen = (): Compiled => makeCompiled(makePlan({ zone: 'UTC', weekly: {} }), makeZoneRules('UTC'))

/**
 * The engine state of a calendar. A value that did not come from {@link make} (a
 * `structuredClone`d or hand-made one, or one frozen together with its cache) is compiled again
 * from its spec, on every call; one whose spec does not compile is treated as never open.
 *
 * @internal
 */
export const compiledOf = (cal: BusinessCalendar): Compiled => {
  try {
    const c = readCompiled(cal)
    // a calendar frozen deeply by its holder (symbol keys included) cannot fill its cache
    return c !== undefined && !Object.isFrozen(c.cache) ? c : recompiled(cal)
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller) is no calendar
    return recompiled(cal)
  }
}

/**
 * The engine state of a calendar, trusting its cache to be writable: for the queries that run
 * millions of times, where asking whether the cache is frozen costs about as much as the search
 * and keeps V8 from inlining the query into its caller. Such a query runs inside `try` and, if a
 * frozen cache throws when the engine writes to it, runs again on {@link recompiled}: every cache
 * entry is a pure function of its key, so what a frozen cache holds is still right to read.
 *
 * @internal
 */
export const compiledFast = (cal: BusinessCalendar): Compiled => readCompiled(cal) ?? recompiled(cal)

/** The engine state compiled afresh from a calendar's spec; never open if the spec does not compile. @internal */
export const recompiled = (cal: BusinessCalendar): Compiled => {
  try {
    const spec = typeof cal === 'object' && cal !== null ? (cal as { readonly spec?: unknown }).spec : undefined
    const again = compile(spec as CalendarSpec)
    return E.isRight(again) ? (readCompiled(again.right) ?? neverOpen()) : neverOpen()
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller) is no calendar
    return neverOpen()
  }
}
