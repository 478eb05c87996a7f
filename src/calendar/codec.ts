import type * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decodeWith, type DecodeError } from '../internal/decodeError.js'
import { intBetween, literals, record, stringWhere, tag, taggedUnion } from '../internal/primitives.js'
import { parseDay, parseSeconds } from '../internal/civil.js'
import type { CalendarSpec, DateRule, DayException, OpeningHours, Weekday } from './model.js'

const WeekdayJson = literals<Weekday>(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])

const OpensJson = stringWhere(
  'a local time "HH:mm" or "HH:mm:ss" from 00:00 to 23:59:59',
  (s) => parseSeconds(s, false) !== undefined
)
const ClosesJson = stringWhere(
  'a local time "HH:mm" or "HH:mm:ss" from 00:00 to 24:00',
  (s) => parseSeconds(s, true) !== undefined
)
const DateJson = stringWhere('a calendar date "YYYY-MM-DD" between 1900-01-01 and 2199-12-31', (s) => {
  const day = parseDay(s)
  return day !== undefined && day >= -25567 && day <= 84005
})
const Month = intBetween(1, 12, 'a month from 1 to 12')
const Day = intBetween(1, 31, 'a day of the month from 1 to 31')
const Year = intBetween(1900, 2199, 'a year from 1900 to 2199')
const Name = stringWhere('a name of at most 200 characters', (s) => s.length <= 200)
const years = { name: Name, firstYear: Year, lastYear: Year }

/**
 * io-ts codec of one opening interval `{ opens, closes }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.OpeningHoursJson.decode({ opens: '22:00', closes: '06:00' }), E.right({ opens: '22:00', closes: '06:00' }))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const OpeningHoursJson: t.Type<OpeningHours, OpeningHours, unknown> = record(
  'opening hours',
  { opens: OpensJson, closes: ClosesJson },
  {}
)

const rules = {
  FixedDate: record('a fixed date rule', { _tag: tag('FixedDate'), month: Month, day: Day }, years),
  EasterRelative: record(
    'an Easter-relative rule',
    { _tag: tag('EasterRelative'), offset: intBetween(-200, 200, 'a whole number of days from -200 to 200') },
    years
  ),
  NthWeekday: record(
    'an n-th weekday rule',
    { _tag: tag('NthWeekday'), month: Month, weekday: WeekdayJson, nth: stringlessNth() },
    years
  ),
  WeekdayOnOrAfter: record(
    'a weekday-on-or-after rule',
    { _tag: tag('WeekdayOnOrAfter'), month: Month, day: Day, weekday: WeekdayJson },
    years
  ),
  ExactDate: record('an exact date', { _tag: tag('ExactDate'), date: DateJson }, { name: Name })
}

function stringlessNth(): t.Type<number, number, unknown> {
  return new t.Type<number, number, unknown>(
    'a whole number from 1 to 5, or from -1 to -5 counting from the end of the month',
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u !== 0 && Math.abs(u) <= 5,
    (u, c) =>
      typeof u === 'number' && Number.isInteger(u) && u !== 0 && Math.abs(u) <= 5 ? t.success(u) : t.failure(u, c),
    (a) => a
  )
}

/**
 * io-ts codec of a date rule (holiday or exception day), told apart by `_tag`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.strictEqual(E.isRight(Codec.DateRuleJson.decode({ _tag: 'EasterRelative', offset: -2, name: 'Good Friday' })), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const DateRuleJson: t.Type<DateRule, DateRule, unknown> = taggedUnion(rules)

/**
 * io-ts codec of an exception `{ on, hours }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * const halfDay = { on: { _tag: 'FixedDate', month: 12, day: 24 }, hours: [{ opens: '08:00', closes: '12:00' }] }
 * assert.deepStrictEqual(Codec.DayExceptionJson.decode(halfDay), E.right(halfDay))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const DayExceptionJson: t.Type<DayException, DayException, unknown> = record(
  'an exception',
  { on: DateRuleJson, hours: t.readonlyArray(OpeningHoursJson, 'a list of opening hours') },
  { whenOpen: t.boolean }
)

const Hours = t.readonlyArray(OpeningHoursJson, 'a list of opening hours')

/**
 * io-ts codec of a calendar spec: the JSON wire form of {@link CalendarSpec}.
 *
 * It checks shape and formats (every problem, with its path); `compile` then checks the
 * meaning (known zone, no overlaps, some open time).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Calendar } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * assert.strictEqual(E.isRight(Codec.CalendarSpecJson.decode(Calendar.alwaysOpen)), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const CalendarSpecJson: t.Type<CalendarSpec, CalendarSpec, unknown> = record(
  'a calendar spec',
  {
    zone: stringWhere('an IANA time zone name', (s) => s.length > 0 && s.length <= 100),
    weekly: record(
      'weekly hours',
      {},
      { mon: Hours, tue: Hours, wed: Hours, thu: Hours, fri: Hours, sat: Hours, sun: Hours }
    )
  },
  {
    holidays: t.readonlyArray(DateRuleJson, 'a list of date rules'),
    exceptions: t.readonlyArray(DayExceptionJson, 'a list of exceptions')
  }
)

/**
 * Reads a calendar spec from JSON, reporting every problem with its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar } from 'itsm-kit'
 * const json = { zone: 'Europe/Oslo', weekly: { mon: [{ opens: '08:00', closes: '25:00' }] }, holidays: [{ _tag: 'Easter' }] }
 * const messages = pipe(Calendar.decodeCalendarSpec(json), E.mapLeft((e) => e.issues.map((i) => i.message)))
 * assert.deepStrictEqual(messages, E.left([
 *   'weekly.mon[0].closes: expected a local time "HH:mm" or "HH:mm:ss" from 00:00 to 24:00, received "25:00"',
 *   'holidays[0]._tag: expected one of "FixedDate" | "EasterRelative" | "NthWeekday" | "WeekdayOnOrAfter" | "ExactDate", received "Easter"'
 * ]))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeCalendarSpec: (u: unknown) => E.Either<DecodeError, CalendarSpec> = decodeWith(CalendarSpecJson)

/**
 * Writes a calendar spec as plain JSON data (the inverse of {@link decodeCalendarSpec}); a value
 * that {@link decodeCalendarSpec} would not read back (a malformed spec, or not a spec at all) is
 * written as `null`. Never throws.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Calendar } from 'itsm-kit'
 * const spec = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })
 * assert.deepStrictEqual(JSON.parse(JSON.stringify(Calendar.encodeCalendarSpec(spec))), Calendar.encodeCalendarSpec(spec))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeCalendarSpec = (spec: CalendarSpec): CalendarSpec | null => {
  try {
    return CalendarSpecJson.is(spec) ? CalendarSpecJson.encode(spec) : null
  } catch {
    // a hostile getter or proxy (a JavaScript caller may pass one): not a spec
    return null
  }
}
