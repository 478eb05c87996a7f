import type { Instant } from '../time/index.js'
import { DAY_MS } from '../internal/civil.js'
import { maxInstant, minInstant } from '../time/index.js'
import { isNoNumber, nextOpeningAt, previousClosingAt, safeInstant } from './businessTime.js'
import { compiledOf } from './compile.js'
import type { Compiled } from './compiled.js'
import type { BusinessCalendar } from './model.js'
import { MAX_DAY, MIN_DAY } from './plan.js'
import { hoursOf, isHolidayDay, isOpenAt, localDay } from './search.js'
import { localToUtc, utcToLocal } from '../internal/zone.js'

/**
 * Whether a local date has opening hours and exists in the zone at all: Samoa skipped 30
 * December 2011, so it is no business day whatever the weekly hours say.
 */
const isBusinessDate = (c: Compiled, day: number): boolean =>
  hoursOf(c, day).opens.length > 0 && localDay(c, localToUtc(c.zone, day * DAY_MS)) === day

/**
 * Moves a number of business days (local dates with any open time) keeping the wall time.
 *
 * The local date of `at` moves to the `days`-th business date after it (before it when `days`
 * is negative); the date of `at` itself does not count, whether or not it is a business day.
 * The wall time of `at` is kept (a wall time the new date skips moves forward by the gap). If
 * the desk is closed at the result, it snaps into open time: forward to the next opening when
 * `days > 0`, back to the previous closing when `days < 0`; a result exactly at a closing time
 * stays there either way (Friday 16:00 + 1 is Monday 16:00). `days = 0` returns `at` unchanged.
 * `days` is truncated to a whole number; NaN counts as 0.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const oslo = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * const nextDay = (iso: string) => pipe(oslo, E.map((cal) => pipe(cal, Calendar.addBusinessDays(Time.instant(iso), 1), Time.toLocalISO(cal.zone))))
 * assert.deepStrictEqual(nextDay('2025-03-07T10:15:00+01:00'), E.right('2025-03-10T10:15:00+01:00'))
 * // Monday 19:00 is closed: it snaps forward to the next opening
 * assert.deepStrictEqual(nextDay('2025-03-07T19:00:00+01:00'), E.right('2025-03-11T08:00:00+01:00'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const addBusinessDays =
  (at: Instant, days: number) =>
  (self: BusinessCalendar): Instant => {
    if (isNoNumber(at) || isNoNumber(days)) return Number.NaN as Instant
    const t = safeInstant(at)
    const n = Math.trunc(days)
    if (n === 0) return t as Instant
    const c = compiledOf(self)
    const local = utcToLocal(c.zone, t)
    const day = Math.floor(local / DAY_MS)
    const wall = local - day * DAY_MS
    const step = n > 0 ? 1 : -1
    let d = day
    for (let k = 0; k !== n;) {
      d += step
      if (d < MIN_DAY || d > MAX_DAY) return n > 0 ? maxInstant : minInstant
      if (isBusinessDate(c, d)) k += step
    }
    const u = safeInstant(localToUtc(c.zone, d * DAY_MS + wall))
    // an open instant stays; forward, a closing instant stays too (as a due time landing on 16:00
    // does); otherwise it snaps to the next opening (forward) or the previous closing (backward)
    if (isOpenAt(c, u)) return u as Instant
    if (n > 0) return (previousClosingAt(c, u) === u ? u : nextOpeningAt(c, u)) as Instant
    return previousClosingAt(c, u) as Instant
  }

/**
 * Returns the closing instant of a business day: the end of the last opening interval of the
 * local date of `at`, or of the next business date when that date is closed. It may be earlier
 * than `at` (asked at 17:00, it answers 16:00 the same day). An overnight interval closes on
 * the next morning, and asked during the morning part of an overnight interval it answers that
 * interval's close (the business day that began the evening before).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const saturday = Time.instant('2025-03-08T10:00:00+01:00')
 * const end = pipe(Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.map((oslo) => pipe(oslo, Calendar.endOfBusinessDay(saturday), Time.toLocalISO(oslo.zone))))
 * assert.deepStrictEqual(end, E.right('2025-03-10T16:00:00+01:00'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const endOfBusinessDay =
  (at: Instant) =>
  (self: BusinessCalendar): Instant => {
    if (isNoNumber(at)) return Number.NaN as Instant
    const c = compiledOf(self)
    const t = safeInstant(at)
    const today = localDay(c, t)
    const closing = (d: number): number | undefined => {
      if (!isBusinessDate(c, d)) return undefined
      const closes = hoursOf(c, d).closes
      let last = 0
      for (const x of closes) if (x > last) last = x
      return safeInstant(localToUtc(c.zone, d * DAY_MS + last * 1000))
    }
    // inside yesterday's overnight interval, the business day is still yesterday's
    const yesterday = today > MIN_DAY ? closing(today - 1) : undefined
    if (yesterday !== undefined && yesterday > t) return yesterday as Instant
    for (let d = today; d <= MAX_DAY; d++) {
      const c = closing(d)
      if (c !== undefined) return c as Instant
    }
    return maxInstant
  }

/**
 * Tells whether the local date of an instant is a holiday of the calendar (by a rule or an
 * explicit date), whatever hours an exception may give that day.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const spec = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: [{ _tag: 'FixedDate', month: 5, day: 17 }] })
 * const may17 = Time.instant('2025-05-17T10:00:00+02:00')
 * assert.deepStrictEqual(pipe(Calendar.make(spec), E.map(Calendar.isHoliday(may17))), E.right(true))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const isHoliday =
  (at: Instant) =>
  (self: BusinessCalendar): boolean => {
    if (isNoNumber(at)) return false
    const c = compiledOf(self)
    return isHolidayDay(c, localDay(c, safeInstant(at)))
  }

/**
 * Tells whether the local date of an instant is a business day: a date with some opening hours
 * after holidays and exceptions.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const saturday = Time.instant('2025-03-08T10:00:00+01:00')
 * assert.deepStrictEqual(pipe(Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.map(Calendar.isBusinessDay(saturday))), E.right(false))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const isBusinessDay =
  (at: Instant) =>
  (self: BusinessCalendar): boolean => {
    if (isNoNumber(at)) return false
    const c = compiledOf(self)
    return hoursOf(c, localDay(c, safeInstant(at))).opens.length > 0
  }
