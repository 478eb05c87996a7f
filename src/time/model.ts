/**
 * A point on the UTC time line, in whole milliseconds since 1970-01-01T00:00:00Z.
 *
 * Made only by a constructor ({@link fromISO}, {@link fromEpochMillis}, {@link fromDate}, …),
 * which checks that it lies between {@link minInstant} and {@link maxInstant}.
 *
 * @category models
 * @since 0.1.0
 */
export type Instant = number & { readonly Instant: unique symbol }

/**
 * A signed length of (business) time in whole milliseconds.
 *
 * Business durations are real elapsed time inside open intervals, so one business hour is always
 * 3 600 000 ms. Negative values arise from `businessTimeBetween(a, b)` when `b` is before `a`.
 *
 * @category models
 * @since 0.1.0
 */
export type Duration = number & { readonly Duration: unique symbol }

/**
 * The name of an IANA time zone that this runtime knows, such as `Europe/Oslo`.
 *
 * @category models
 * @since 0.1.0
 */
export type IanaZone = string & { readonly IanaZone: unique symbol }

/**
 * A calendar date without a time or zone, written `YYYY-MM-DD`, between 1900 and 2199.
 *
 * @category models
 * @since 0.1.0
 */
export type LocalDate = string & { readonly LocalDate: unique symbol }

/**
 * The earliest instant itsm-kit accepts: 1900-01-01T00:00:00Z.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.toISO(Time.minInstant), '1900-01-01T00:00:00Z')
 * ```
 * @category constants
 * @since 0.1.0
 */
export const minInstant = -2208988800000 as Instant

/**
 * The latest instant itsm-kit accepts: 2200-01-01T00:00:00Z.
 *
 * Calendar arithmetic that would run past it stops there (see `Calendar.addBusinessTime`).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.toISO(Time.maxInstant), '2200-01-01T00:00:00Z')
 * ```
 * @category constants
 * @since 0.1.0
 */
export const maxInstant = 7258118400000 as Instant

/**
 * The longest duration itsm-kit accepts, in either direction: the span from
 * {@link minInstant} to {@link maxInstant} (300 years).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.maxDuration, 9467107200000)
 * ```
 * @category constants
 * @since 0.1.0
 */
export const maxDuration = (maxInstant - minInstant) as Duration
