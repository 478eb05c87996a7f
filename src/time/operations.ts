import type * as Ord_ from 'fp-ts/lib/Ord.js'
import * as N from 'fp-ts/lib/number.js'
import type { Duration, Instant } from './model.js'

/**
 * Adds two durations.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(pipe(Time.hours(1), Time.plus(Time.minutes(30))), 5_400_000)
 * ```
 * @category combinators
 * @since 0.1.0
 */
export const plus =
  (that: Duration) =>
  (self: Duration): Duration =>
    // a value that is no number (from a JavaScript caller) gives the invalid duration, never a coercion
    typeof self === 'number' && typeof that === 'number' ? ((self + that) as Duration) : (Number.NaN as Duration)

/**
 * Orders instants from earliest to latest.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * const [a, b] = [Time.instant('2025-01-01T00:00:00Z'), Time.instant('2025-01-02T00:00:00Z')]
 * assert.strictEqual(Time.InstantOrd.compare(a, b), -1)
 * ```
 * @category instances
 * @since 0.1.0
 */
export const InstantOrd: Ord_.Ord<Instant> = N.Ord

/**
 * Orders durations from shortest (most negative) to longest.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.DurationOrd.compare(Time.hours(1), Time.minutes(30)), 1)
 * ```
 * @category instances
 * @since 0.1.0
 */
export const DurationOrd: Ord_.Ord<Duration> = N.Ord
