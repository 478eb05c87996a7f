import type { Duration, Instant } from '../time/index.js'
import { maxDuration, maxInstant, minInstant } from '../time/index.js'
import type { Compiled } from './compiled.js'
import type { BusinessCalendar, OpenInterval } from './model.js'
import { compiledFast, recompiled } from './compile.js'
import { betweenAt, intervalsAt, isOpenAt, shiftAt } from './search.js'

/** The longest duration, as a plain number. */
const LIMIT: number = maxDuration

/**
 * An instant that bypassed the constructors (a cast) is clamped into range, NaN to the start:
 * arithmetic on it returns a value instead of searching without end.
 *
 * @internal
 */
export const safeInstant = (t: number): number => (t >= minInstant ? (t <= maxInstant ? t : maxInstant) : minInstant)

/**
 * Whether a value stands for no number at all (`NaN`, or not a number, from a cast or a JavaScript
 * caller): the queries answer the invalid value for it (`NaN`, `false`, an empty list) instead of
 * a plausible instant. @internal
 */
export const isNoNumber = (x: unknown): boolean => typeof x !== 'number' || x !== x

/** @internal */
export const safeDuration = (d: number): number => (d >= -LIMIT ? (d <= LIMIT ? d : LIMIT) : d < 0 ? -LIMIT : 0)

const clamp = (u: number): number => (u > maxInstant ? maxInstant : u < minInstant ? minInstant : u)

/** `add` (d > 0) or `subtract` (d < 0) of business time, clamped to the instants itsm-kit accepts. @internal */
export const shiftBy = (c: Compiled, t: number, d: number): number =>
  d === 0 ? t : clamp(d > 0 ? shiftAt(c, t, d, 1) : shiftAt(c, t, -d, -1))

/** `t` when open, else the next opening; {@link Time.maxInstant} past the last one. @internal */
export const nextOpeningAt = (c: Compiled, t: number): number => {
  // the earliest instant after one open millisecond, less that millisecond
  const u = shiftAt(c, t, 1, 1)
  return u === Infinity ? maxInstant : clamp(u - 1)
}

/** `t` when open time lies immediately before it, else the last closing before it. @internal */
export const previousClosingAt = (c: Compiled, t: number): number => {
  // the mirror image: the latest instant before one open millisecond, plus that millisecond
  const u = shiftAt(c, t, 1, -1)
  return u === -Infinity ? minInstant : clamp(u + 1)
}

/**
 * Tells whether the desk is open at an instant. Intervals are half-open: the opening instant is
 * open, the closing instant is closed.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const oslo = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * assert.deepStrictEqual(pipe(oslo, E.map(Calendar.isOpen(Time.instant('2025-03-07T08:00:00+01:00')))), E.right(true))
 * assert.deepStrictEqual(pipe(oslo, E.map(Calendar.isOpen(Time.instant('2025-03-07T16:00:00+01:00')))), E.right(false))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const isOpen =
  (at: Instant) =>
  (self: BusinessCalendar): boolean => {
    if (isNoNumber(at)) return false
    const t = safeInstant(at)
    try {
      return isOpenAt(compiledFast(self), t)
    } catch {
      return isOpenAt(recompiled(self), t)
    }
  }

/**
 * Returns `at` itself when the desk is open then, otherwise the next instant it opens
 * ({@link Time.maxInstant} if it never opens again before it).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const oslo = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * const friday = Time.instant('2025-03-07T16:00:00+01:00')
 * assert.deepStrictEqual(pipe(oslo, E.map(Calendar.nextOpening(friday)), E.map(Time.toISO)), E.right('2025-03-10T07:00:00Z'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const nextOpening =
  (at: Instant) =>
  (self: BusinessCalendar): Instant => {
    if (isNoNumber(at)) return Number.NaN as Instant
    const t = safeInstant(at)
    try {
      return nextOpeningAt(compiledFast(self), t) as Instant
    } catch {
      return nextOpeningAt(recompiled(self), t) as Instant
    }
  }

/**
 * Returns `at` itself when open time lies immediately before it (the desk is open just before
 * `at`, or closes exactly at `at`), otherwise the end of the last open interval before `at`
 * ({@link Time.minInstant} if it was never open before). It is the mirror image of
 * {@link nextOpening}: at an opening instant it answers the previous close, not `at`.
 *
 * Changed in 0.2.0: at an opening instant it used to return `at` itself.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const made = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * if (E.isLeft(made)) assert.fail(made.left.message)
 * const oslo = made.right
 * const closing = (iso: string) => pipe(oslo, Calendar.previousClosing(Time.instant(iso)), Time.toLocalISO(oslo.zone))
 * assert.strictEqual(closing('2025-03-09T12:00:00+01:00'), '2025-03-07T16:00:00+01:00')
 * assert.strictEqual(closing('2025-03-10T08:00:00+01:00'), '2025-03-07T16:00:00+01:00')
 * assert.strictEqual(closing('2025-03-10T16:00:00+01:00'), '2025-03-10T16:00:00+01:00')
 * assert.strictEqual(closing('2025-03-10T10:00:00+01:00'), '2025-03-10T10:00:00+01:00')
 * ```
 * @category queries
 * @since 0.1.0
 */
export const previousClosing =
  (at: Instant) =>
  (self: BusinessCalendar): Instant => {
    if (isNoNumber(at)) return Number.NaN as Instant
    const t = safeInstant(at)
    try {
      return previousClosingAt(compiledFast(self), t) as Instant
    } catch {
      return previousClosingAt(recompiled(self), t) as Instant
    }
  }

/**
 * Returns the earliest instant `u ≥ at` such that exactly `duration` of open time lies between
 * `at` and `u`: the due time of a target counted in business time.
 *
 * - `add(at, 0)` is `at`, even when the desk is closed then.
 * - Counting from a closed instant starts at the next opening.
 * - A due time that lands exactly on a closing time is that closing time (16:00, not 08:00
 *   the next working day).
 * - Open time is real elapsed time, so a 24/7 calendar's spring-forward day counts 23 hours.
 * - A negative duration counts backwards, as {@link subtractBusinessTime} with its size.
 * - If the calendar has too little open time left before {@link Time.maxInstant}, the result is
 *   `maxInstant`.
 *
 * The cost is a binary search, whatever the duration.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const due = pipe(
 *   Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })),
 *   E.map((oslo) => pipe(oslo, Calendar.addBusinessTime(Time.instant('2025-03-07T15:30:00+01:00'), Time.hours(4)), Time.toLocalISO(oslo.zone)))
 * )
 * assert.deepStrictEqual(due, E.right('2025-03-10T11:30:00+01:00'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const addBusinessTime =
  (at: Instant, duration: Duration) =>
  (self: BusinessCalendar): Instant => {
    if (isNoNumber(at) || isNoNumber(duration)) return Number.NaN as Instant
    const t = safeInstant(at)
    const d = safeDuration(duration)
    try {
      return shiftBy(compiledFast(self), t, d) as Instant
    } catch {
      return shiftBy(recompiled(self), t, d) as Instant
    }
  }

/**
 * Returns the latest instant `u ≤ at` such that exactly `duration` of open time lies between
 * `u` and `at`. Landing on a boundary gives the opening, not the previous day's close; a
 * negative duration counts forwards as {@link addBusinessTime}.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const start = pipe(
 *   Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })),
 *   E.map((oslo) => pipe(oslo, Calendar.subtractBusinessTime(Time.instant('2025-03-10T16:00:00+01:00'), Time.hours(8)), Time.toLocalISO(oslo.zone)))
 * )
 * assert.deepStrictEqual(start, E.right('2025-03-10T08:00:00+01:00'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const subtractBusinessTime =
  (at: Instant, duration: Duration) =>
  (self: BusinessCalendar): Instant => {
    if (isNoNumber(at) || isNoNumber(duration)) return Number.NaN as Instant
    const t = safeInstant(at)
    const d = -safeDuration(duration)
    try {
      return shiftBy(compiledFast(self), t, d) as Instant
    } catch {
      return shiftBy(recompiled(self), t, d) as Instant
    }
  }

/**
 * Returns the open time between two instants, signed: negative when `to` is before `from`.
 *
 * It is additive over any middle point, `between(a, a)` is zero, and
 * `between(at, addBusinessTime(at, d)) = d`. The cost is two binary searches, however far apart
 * the instants are.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const spent = pipe(
 *   Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })),
 *   E.map(Calendar.businessTimeBetween(Time.instant('2025-03-07T15:30:00+01:00'), Time.instant('2025-03-10T09:00:00+01:00'))),
 *   E.map(Time.toISODuration)
 * )
 * assert.deepStrictEqual(spent, E.right('PT1H30M'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const businessTimeBetween =
  (from: Instant, to: Instant) =>
  (self: BusinessCalendar): Duration => {
    if (isNoNumber(from) || isNoNumber(to)) return Number.NaN as Duration
    const a = safeInstant(from)
    const b = safeInstant(to)
    try {
      return betweenAt(compiledFast(self), a, b) as Duration
    } catch {
      return betweenAt(recompiled(self), a, b) as Duration
    }
  }

/**
 * Returns the open intervals that overlap `[from, to)`, clipped to it, in order: the time
 * that counts, for explanations and timelines. Touching intervals are merged, so a 24/7
 * calendar yields one interval. Empty when `to` is not after `from`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const spans = pipe(
 *   Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })),
 *   E.map(Calendar.openIntervals(Time.instant('2025-03-07T15:30:00+01:00'), Time.instant('2025-03-10T11:30:00+01:00'))),
 *   E.map((xs) => xs.map((i) => [Time.toISO(i.start), Time.toISO(i.end)]))
 * )
 * assert.deepStrictEqual(spans, E.right([
 *   ['2025-03-07T14:30:00Z', '2025-03-07T15:00:00Z'],
 *   ['2025-03-10T07:00:00Z', '2025-03-10T10:30:00Z']
 * ]))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const openIntervals =
  (from: Instant, to: Instant) =>
  (self: BusinessCalendar): ReadonlyArray<OpenInterval> => {
    if (isNoNumber(from) || isNoNumber(to)) return []
    const a = safeInstant(from)
    const b = safeInstant(to)
    let flat: number[]
    try {
      flat = intervalsAt(compiledFast(self), a, b)
    } catch {
      flat = intervalsAt(recompiled(self), a, b)
    }
    const out: OpenInterval[] = []
    for (let i = 0; i < flat.length; i += 2) out.push({ start: flat[i] as Instant, end: flat[i + 1] as Instant })
    return out
  }
