/**
 * Instants, business durations, calendar dates and time zones: the values every other module
 * counts with. An {@link Instant} is a point on the UTC time line in whole milliseconds; a
 * {@link Duration} is a signed length of (business) time in milliseconds. Values cross a JSON
 * boundary as ISO-8601 strings that always carry their offset.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * // an instant written in code: a literal
 * const due = Time.instant('2025-03-07T15:30:00+01:00')
 * assert.strictEqual(Time.toISO(due), '2025-03-07T14:30:00Z')
 * // text from elsewhere: checked, with a Left for what is no instant
 * assert.deepStrictEqual(pipe(Time.fromISO('2025-03-07T15:30:00+01:00'), E.map(Time.toISO)), E.right('2025-03-07T14:30:00Z'))
 * assert.ok(E.isLeft(Time.fromISO('2025-03-07T15:30:00')))
 * ```
 * @module Time
 * @since 0.1.0
 */
export type { Duration, IanaZone, Instant, LocalDate } from './model.js'
export { maxDuration, maxInstant, minInstant } from './model.js'
export type { InvalidDuration, InvalidInstant, InvalidLocalDate, TimeError, UnknownZone } from './errors.js'
export {
  fromDate,
  fromDateTime,
  fromEpochMillis,
  fromISO,
  fromISODate,
  fromISODuration,
  fromLocal,
  hours,
  instant,
  makeDuration,
  makeZone,
  minutes,
  toDate,
  toDateTime,
  toISO,
  toISODuration,
  toLocalDate,
  toLocalISO
} from './constructors.js'
export { DurationOrd, InstantOrd, plus } from './operations.js'
export { describeInstant, formatBusinessDuration } from './format.js'
export { decodeDuration, decodeInstant, encodeDuration, encodeInstant } from './codec.js'
