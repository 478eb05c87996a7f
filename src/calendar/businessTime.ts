import type { Duration, Instant } from '../time/index.js'
import { maxDuration, maxInstant, minInstant } from '../time/model.js'
import type { BusinessCalendar, OpenInterval } from './model.js'

/**
 * An instant that bypassed the constructors (a cast) is clamped into range, NaN to the start:
 * arithmetic on it returns a value instead of searching without end.
 *
 * @internal
 */
export const safeInstant = (t: number): number => (t >= minInstant ? (t <= maxInstant ? t : maxInstant) : minInstant)

/** @internal */
export const safeDuration = (d: number): number => (d >= -maxDuration ? (d <= maxDuration ? d : maxDuration) : d < 0 ? -maxDuration : 0)

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
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const at = (iso: string) => pipe(Time.fromISO(iso), E.getOrElseW(() => assert.fail()))
 * assert.strictEqual(pipe(oslo, Calendar.isOpen(at('2025-03-07T08:00:00+01:00'))), true)
 * assert.strictEqual(pipe(oslo, Calendar.isOpen(at('2025-03-07T16:00:00+01:00'))), false)
 * ```
 * @category queries
 * @since 0.1.0
 */
export const isOpen = (at: Instant) => (self: BusinessCalendar): boolean => self.engine.isOpen(safeInstant(at))

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
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const friday = pipe(Time.fromISO('2025-03-07T16:00:00+01:00'), E.getOrElseW(() => assert.fail()))
 * assert.strictEqual(Time.toISO(pipe(oslo, Calendar.nextOpening(friday))), '2025-03-10T07:00:00Z')
 * ```
 * @category queries
 * @since 0.1.0
 */
export const nextOpening = (at: Instant) => (self: BusinessCalendar): Instant => self.engine.nextOpening(safeInstant(at)) as Instant

/**
 * Returns `at` itself when the desk is open then or closes exactly then, otherwise the instant it
 * last closed before `at` ({@link Time.minInstant} if it was never open before).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const sunday = pipe(Time.fromISO('2025-03-09T12:00:00+01:00'), E.getOrElseW(() => assert.fail()))
 * assert.strictEqual(Time.toISO(pipe(oslo, Calendar.previousClosing(sunday))), '2025-03-07T15:00:00Z')
 * ```
 * @category queries
 * @since 0.1.0
 */
export const previousClosing = (at: Instant) => (self: BusinessCalendar): Instant => self.engine.previousClosing(safeInstant(at)) as Instant

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
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const due = pipe(
 *   E.Do,
 *   E.apS('at', Time.fromISO('2025-03-07T15:30:00+01:00')),
 *   E.apSW('target', Time.hours(4)),
 *   E.map(({ at, target }) => pipe(oslo, Calendar.addBusinessTime(at, target))),
 *   E.map(Time.toLocalISO(oslo.zone))
 * )
 * assert.deepStrictEqual(due, E.right('2025-03-10T11:30:00+01:00'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const addBusinessTime = (at: Instant, duration: Duration) => (self: BusinessCalendar): Instant =>
  self.engine.add(safeInstant(at), safeDuration(duration)) as Instant

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
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const start = pipe(
 *   E.Do,
 *   E.apS('at', Time.fromISO('2025-03-10T16:00:00+01:00')),
 *   E.apSW('back', Time.hours(8)),
 *   E.map(({ at, back }) => pipe(oslo, Calendar.subtractBusinessTime(at, back))),
 *   E.map(Time.toLocalISO(oslo.zone))
 * )
 * assert.deepStrictEqual(start, E.right('2025-03-10T08:00:00+01:00'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const subtractBusinessTime = (at: Instant, duration: Duration) => (self: BusinessCalendar): Instant =>
  self.engine.subtract(safeInstant(at), safeDuration(duration)) as Instant

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
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const spent = pipe(
 *   E.Do,
 *   E.apS('from', Time.fromISO('2025-03-07T15:30:00+01:00')),
 *   E.apS('to', Time.fromISO('2025-03-10T09:00:00+01:00')),
 *   E.map(({ from, to }) => pipe(oslo, Calendar.businessTimeBetween(from, to))),
 *   E.map(Time.toISODuration)
 * )
 * assert.deepStrictEqual(spent, E.right('PT1H30M'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const businessTimeBetween = (from: Instant, to: Instant) => (self: BusinessCalendar): Duration =>
  self.engine.between(safeInstant(from), safeInstant(to)) as Duration

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
 * const oslo = pipe(Calendar.compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })), E.getOrElseW(() => assert.fail()))
 * const spans = pipe(
 *   E.Do,
 *   E.apS('from', Time.fromISO('2025-03-07T15:30:00+01:00')),
 *   E.apS('to', Time.fromISO('2025-03-10T11:30:00+01:00')),
 *   E.map(({ from, to }) => pipe(oslo, Calendar.openIntervals(from, to))),
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
export const openIntervals = (from: Instant, to: Instant) => (self: BusinessCalendar): ReadonlyArray<OpenInterval> =>
  self.engine.intervals(safeInstant(from), safeInstant(to))
