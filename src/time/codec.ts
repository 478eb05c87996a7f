import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decodeWith, type DecodeError } from '../internal/decodeError.js'
import { checkInstant, parseDuration, parseInstant, parseLocalDate, toISO, toISODuration } from './constructors.js'
import type { Duration, Instant, LocalDate } from './model.js'

/**
 * io-ts codec of an instant on the wire: an ISO-8601 string with its UTC offset.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.InstantJson.decode('1970-01-01T01:00:00+01:00'), E.right(0))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const InstantJson: t.Type<Instant, string, unknown> = new t.Type<Instant, string, unknown>(
  'an ISO-8601 date-time with a UTC offset',
  // a guard never throws: NaN, ±Infinity and fractions are simply not instants
  (u): u is Instant => E.isRight(checkInstant(u, '')),
  (u, c) => {
    const r = parseInstant(u, '')
    return E.isRight(r)
      ? t.success(r.right)
      : t.failure(u, c, r.left.message.replace(/^: expected /, '').replace(/, received .*$/s, ''))
  },
  toISO
)

/**
 * io-ts codec of a duration on the wire: an ISO-8601 duration in hours, minutes and seconds.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.DurationJson.decode('PT1M'), E.right(60_000))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const DurationJson: t.Type<Duration, string, unknown> = new t.Type<Duration, string, unknown>(
  'an ISO-8601 duration such as "PT4H"',
  (u): u is Duration => typeof u === 'number' && Number.isInteger(u),
  (u, c) => {
    const r = parseDuration(u, '')
    return E.isRight(r)
      ? t.success(r.right)
      : t.failure(u, c, r.left.message.replace(/^: expected /, '').replace(/, received .*$/s, ''))
  },
  toISODuration
)

/**
 * io-ts codec of a calendar date `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.LocalDateJson.decode('2025-12-24'), E.right('2025-12-24'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const LocalDateJson: t.Type<LocalDate, string, unknown> = new t.Type<LocalDate, string, unknown>(
  'a calendar date "YYYY-MM-DD" between 1900-01-01 and 2199-12-31',
  (u): u is LocalDate => E.isRight(parseLocalDate(u, '')),
  (u, c) => {
    const r = parseLocalDate(u, '')
    return E.isRight(r) ? t.success(r.right) : t.failure(u, c)
  },
  (a) => a
)

/**
 * Reads an instant from JSON (an ISO-8601 string with offset), collecting the problem with its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.decodeInstant('1970-01-01T00:00:01Z'), E.right(1000))
 * assert.strictEqual(E.isLeft(Time.decodeInstant(1000)), true)
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeInstant: (u: unknown) => E.Either<DecodeError, Instant> = decodeWith(InstantJson)

/**
 * Writes an instant for JSON (ISO-8601 in UTC).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Time.decodeInstant('2025-01-01T01:00:00+01:00'), E.map(Time.encodeInstant)), E.right('2025-01-01T00:00:00Z'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeInstant: (a: Instant) => string = InstantJson.encode

/**
 * Reads a duration from JSON (an ISO-8601 duration in hours, minutes and seconds).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.decodeDuration('PT30M'), E.right(1_800_000))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeDuration: (u: unknown) => E.Either<DecodeError, Duration> = decodeWith(DurationJson)

/**
 * Writes a duration for JSON (ISO-8601, hours, minutes and seconds).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.encodeDuration(Time.minutes(90)), 'PT1H30M')
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeDuration: (a: Duration) => string = DurationJson.encode
