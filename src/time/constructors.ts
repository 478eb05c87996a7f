import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { DateTime } from 'luxon'
import { describe } from '../internal/describe.js'
import { formatIn, formatOffset, formatWall, parseOffset, readISO } from './iso.js'
import { DAY_MS, formatDay, parseDay, parseSeconds } from '../internal/civil.js'
import {
  invalidDuration,
  invalidInstant,
  invalidLocalDate,
  unknownZone,
  type InvalidDuration,
  type InvalidInstant,
  type InvalidLocalDate,
  type UnknownZone
} from './errors.js'
import {
  maxDuration,
  maxInstant,
  minInstant,
  type Duration,
  type IanaZone,
  type Instant,
  type LocalDate
} from './model.js'
import { isKnownZone, localToUtc, makeDirectZoneRules, offsetAt, utcToLocal } from '../internal/zone.js'

/** What the writers return for a value that is no instant (they never throw). */
const INVALID_INSTANT = 'Invalid Instant'
const INVALID_DATE = 'Invalid Date'
/** Whether a number can be written as a date-time (a `Date` holds ±8.64e15 ms). */
const isShowable = (t: number): boolean => typeof t === 'number' && Number.isFinite(t) && Math.abs(t) <= 8.64e15

const RANGE = 'an instant between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z'

/** @internal */
export const checkInstant = (ms: unknown, path: string, shown: unknown = ms): E.Either<InvalidInstant, Instant> => {
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    return E.left(invalidInstant(path, 'a finite number of milliseconds since 1970-01-01T00:00:00Z', shown))
  if (!Number.isInteger(ms)) return E.left(invalidInstant(path, 'a whole number of milliseconds', shown))
  if (ms < minInstant || ms > maxInstant) return E.left(invalidInstant(path, RANGE, shown))
  return E.right(ms as Instant)
}

/**
 * Makes an instant from milliseconds since 1970-01-01T00:00:00Z.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.fromEpochMillis(0), E.right(0))
 * assert.strictEqual(E.isLeft(Time.fromEpochMillis(Number.NaN)), true)
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const fromEpochMillis = (ms: number): E.Either<InvalidInstant, Instant> => checkInstant(ms, 'instant')

/**
 * Reads an ISO-8601 instant with its offset: `T` or (RFC 3339) a space between date and time,
 * and at most one RFC 9557 zone annotation, which must agree with the offset. Plain arithmetic:
 * luxon's global settings and the clock play no part.
 *
 * @internal
 */
export const parseInstant = (s: unknown, path: string): E.Either<InvalidInstant, Instant> => {
  const expected =
    'an ISO-8601 date-time with a UTC offset, such as "2025-03-07T15:30:00+01:00" or "2025-03-07T14:30:00Z"'
  if (typeof s !== 'string') return E.left(invalidInstant(path, expected, s))
  const r = readISO(s)
  if (r === 'malformed') return E.left(invalidInstant(path, expected, s))
  if (typeof r === 'string') return E.left(invalidInstant(path, `${expected} (${r})`, s))
  if (r.annotation !== undefined) {
    const stated = parseOffset(r.annotation)
    if (stated === undefined && !isKnownZone(r.annotation))
      return E.left(
        invalidInstant(
          path,
          `${expected}, whose [zone] suffix names an IANA time zone (${describe(r.annotation)} is unknown)`,
          s
        )
      )
    // "Z" states no local offset (RFC 9557 §4.2), so any zone goes with it
    if (r.offset !== undefined && Number.isFinite(r.ms)) {
      const inZone = stated ?? offsetAt(makeDirectZoneRules(r.annotation), r.ms)
      if (inZone !== r.offset)
        return E.left(
          invalidInstant(
            path,
            `${expected}, whose [zone] suffix agrees with the offset (${r.annotation} is at ${formatOffset(inZone)} then)`,
            s
          )
        )
    }
  }
  return checkInstant(r.ms, path, s)
}

/**
 * Reads an ISO-8601 date-time that carries its UTC offset (`Z` or `±hh:mm`).
 *
 * A date-time without an offset is rejected rather than read in the host's zone. Fractions of a
 * millisecond are dropped. Also read (since 0.2.0): RFC 3339's space between date and time
 * (`2026-03-02 09:00:00+01:00`, as PostgreSQL prints) and an RFC 9557 zone suffix
 * (`2026-03-02T09:00:00+01:00[Europe/Oslo]`, as Temporal prints), which must name a known zone
 * whose offset at that instant is the one written (after `Z`, any zone goes). The result never
 * depends on luxon's global `Settings`, and no clock is read. The form for text you did not write
 * yourself; for a literal in code, {@link instant} returns the instant itself.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Time.fromISO('2025-03-07T15:30:00+01:00'), E.map(Time.toISO)), E.right('2025-03-07T14:30:00Z'))
 * assert.strictEqual(E.isLeft(Time.fromISO('2025-03-07T15:30:00')), true)
 * // RFC 3339's space (as PostgreSQL prints) and RFC 9557's zone suffix (as Temporal prints)
 * assert.deepStrictEqual(pipe(Time.fromISO('2026-03-02 09:00:00+01:00'), E.map(Time.toISO)), E.right('2026-03-02T08:00:00Z'))
 * assert.deepStrictEqual(pipe(Time.fromISO('2026-03-02T09:00:00+01:00[Europe/Oslo]'), E.map(Time.toISO)), E.right('2026-03-02T08:00:00Z'))
 * assert.strictEqual(E.isLeft(Time.fromISO('2026-03-02T09:00:00+02:00[Europe/Oslo]')), true)
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const fromISO = (s: string): E.Either<InvalidInstant, Instant> => parseInstant(s, 'instant')

/**
 * An instant written in code as ISO-8601 text with its offset
 * (`Time.instant('2025-03-10T08:00:00+01:00')`): the total constructor for literals, as
 * {@link hours} is for durations, so examples and tests read like the timestamps they stand for.
 * It reads exactly what {@link fromISO} reads.
 *
 * Text that makes no instant (no offset, a day that does not exist, outside 1900–2200, or not a
 * string at all from a JavaScript caller) gives the invalid instant `NaN` instead of throwing.
 * What checks its input answers `NaN` with a `Left` naming the field (`Ticket.decide`,
 * `Ticket.replay`, `Sla.evaluate`, `Escalation.evaluate`, `Escalation.toCommands`), the writers
 * print `"Invalid Instant"`, the ticket encoders write `null`, and the calendar's queries answer
 * the invalid value again (`NaN`, `false`, an empty list). For text you did not write yourself,
 * use the checked {@link fromISO}.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.instant('2025-03-10T08:00:00+01:00'), Date.UTC(2025, 2, 10, 7))
 * assert.strictEqual(Time.toISO(Time.instant('2025-03-10T08:00:00+01:00')), '2025-03-10T07:00:00Z')
 * // no offset: not an instant
 * assert.strictEqual(Time.toISO(Time.instant('2025-03-10T08:00:00')), 'Invalid Instant')
 * ```
 * @category constructors
 * @since 0.3.0
 */
export const instant = (iso: string): Instant => {
  const at = parseInstant(iso, 'instant')
  return E.isRight(at) ? at.right : (Number.NaN as Instant)
}

/**
 * Writes an instant as ISO-8601 in UTC, with milliseconds only when there are any.
 *
 * Total: a value that is no instant (`NaN`, `±Infinity`, a number past what a `Date` can show,
 * cast past the constructors) gives the text `"Invalid Instant"` instead of throwing.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Time.fromEpochMillis(1500), E.map(Time.toISO)), E.right('1970-01-01T00:00:01.500Z'))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toISO = (self: Instant): string =>
  isShowable(self) ? `${formatWall(Math.floor(self))}Z` : INVALID_INSTANT

/**
 * Makes an instant from a JavaScript `Date`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.fromDate(new Date(Date.UTC(2025, 0, 1))), E.right(Date.UTC(2025, 0, 1)))
 * assert.strictEqual(E.isLeft(Time.fromDate(new Date(Number.NaN))), true)
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const fromDate = (date: Date): E.Either<InvalidInstant, Instant> => {
  try {
    return date instanceof Date
      ? checkInstant(date.getTime(), 'instant')
      : E.left(invalidInstant('instant', 'a Date', date))
  } catch {
    // a proxy whose prototype cannot be read is no Date
    return E.left(invalidInstant('instant', 'a Date', date))
  }
}

/**
 * Converts an instant to a new JavaScript `Date`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Time.fromISO('2025-01-01T00:00:00Z'), E.map(Time.toDate)), E.right(new Date('2025-01-01T00:00:00Z')))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toDate = (self: Instant): Date => new Date(typeof self === 'number' ? self : Number.NaN)

/**
 * Makes an instant from a luxon `DateTime` (the zone of the `DateTime` does not matter).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { DateTime } from 'luxon'
 * import { Time } from 'itsm-kit'
 * const dt = DateTime.fromObject({ year: 2025, month: 3, day: 7, hour: 15, minute: 30 }, { zone: 'Europe/Oslo' })
 * assert.deepStrictEqual(Time.fromDateTime(dt), E.right(Date.UTC(2025, 2, 7, 14, 30)))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const fromDateTime = (dateTime: DateTime): E.Either<InvalidInstant, Instant> => {
  try {
    return DateTime.isDateTime(dateTime) && dateTime.isValid
      ? checkInstant(dateTime.toMillis(), 'instant')
      : E.left(
          invalidInstant(
            'instant',
            'a valid luxon DateTime',
            DateTime.isDateTime(dateTime) ? (dateTime.invalidExplanation ?? 'an invalid DateTime') : dateTime
          )
        )
  } catch {
    // a proxy or a hostile getter is no DateTime
    return E.left(invalidInstant('instant', 'a valid luxon DateTime', dateTime))
  }
}

/**
 * Converts an instant to a luxon `DateTime` in a zone: `none` for a value that is no instant (such
 * as the invalid instant `NaN` of {@link instant}) or a zone this runtime does not know. It is an
 * `Option` because luxon cannot hold an invalid `DateTime` without throwing when its host sets
 * `Settings.throwOnInvalid`; the `DateTime` inside is always valid.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * const hour = pipe(
 *   Time.makeZone('Europe/Oslo'),
 *   E.map((oslo) => pipe(Time.toDateTime(oslo)(Time.instant('2025-07-01T06:00:00Z')), O.map((dt) => dt.hour)))
 * )
 * assert.deepStrictEqual(hour, E.right(O.some(8)))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toDateTime =
  (zone: IanaZone) =>
  (self: Instant): O.Option<DateTime<true>> => {
    if (!isShowable(self) || typeof zone !== 'string' || !isKnownZone(zone)) return O.none
    const dt = DateTime.fromMillis(self, { zone })
    return dt.isValid ? O.some(dt) : O.none
  }

/**
 * Writes an instant as ISO-8601 local time in a zone, with the offset, such as
 * `2025-03-07T15:30:00+01:00` (`Z` for the zone `UTC`). A value that is no instant (`NaN`, a
 * cast past the constructors) gives `"Invalid Instant"`, as {@link toISO} does; a zone this
 * runtime does not know gives UTC.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * const at = Time.instant('2025-03-07T14:30:00Z')
 * assert.deepStrictEqual(pipe(Time.makeZone('Europe/Oslo'), E.map((oslo) => Time.toLocalISO(oslo)(at))), E.right('2025-03-07T15:30:00+01:00'))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toLocalISO =
  (zone: IanaZone) =>
  (self: Instant): string =>
    isShowable(self) && isKnownZone(zone)
      ? formatIn(makeDirectZoneRules(zone), Math.floor(self))
      : isShowable(self)
        ? toISO(self)
        : INVALID_INSTANT

/** @internal */
export const parseZone = (name: unknown, path: string): E.Either<UnknownZone, IanaZone> =>
  typeof name === 'string' && name.length > 0 && isKnownZone(name)
    ? E.right(name as IanaZone)
    : E.left(unknownZone(path, name))

/**
 * Checks that a name is an IANA time zone this runtime knows.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.makeZone('Europe/Oslo'), E.right('Europe/Oslo'))
 * assert.strictEqual(E.isLeft(Time.makeZone('Europe/Atlantis')), true)
 * ```
 * @category constructors
 * @since 0.3.0 (0.1.0 as `zone`)
 */
export const makeZone = (name: string): E.Either<UnknownZone, IanaZone> => parseZone(name, 'zone')

const LOCAL_DATE_EXPECTED = 'a calendar date "YYYY-MM-DD" between 1900-01-01 and 2199-12-31'
const MIN_DAY = -25567 // 1900-01-01
const MAX_DAY = 84005 // 2199-12-31

/** @internal */
export const parseLocalDate = (s: unknown, path: string): E.Either<InvalidLocalDate, LocalDate> => {
  const day = typeof s === 'string' ? parseDay(s) : undefined
  return day === undefined || day < MIN_DAY || day > MAX_DAY
    ? E.left(invalidLocalDate(path, LOCAL_DATE_EXPECTED, s))
    : E.right(s as LocalDate)
}

/**
 * Reads a calendar date written `YYYY-MM-DD` (ISO 8601), checking that it is a real date between
 * 1900 and 2199.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.fromISODate('2024-02-29'), E.right('2024-02-29'))
 * assert.strictEqual(E.isLeft(Time.fromISODate('2025-02-29')), true)
 * ```
 * @category constructors
 * @since 0.3.0 (0.1.0 as `localDate`)
 */
export const fromISODate = (s: string): E.Either<InvalidLocalDate, LocalDate> => parseLocalDate(s, 'date')

/**
 * Returns the calendar date of an instant in a zone.
 *
 * Total: a value that is no instant (`NaN`, a cast past the constructors) or a zone this runtime
 * does not know gives the text `"Invalid Date"`, which no decoder accepts as a date.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * const at = Time.instant('2025-12-31T23:30:00Z')
 * assert.deepStrictEqual(pipe(Time.makeZone('Europe/Oslo'), E.map((oslo) => Time.toLocalDate(oslo)(at))), E.right('2026-01-01'))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toLocalDate =
  (zone: IanaZone) =>
  (self: Instant): LocalDate =>
    !isShowable(self) || !isKnownZone(zone)
      ? (INVALID_DATE as LocalDate)
      : (formatDay(Math.floor(utcToLocal(makeDirectZoneRules(zone), self) / DAY_MS)) as LocalDate)

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/

/**
 * Returns the instant of a local wall time (`YYYY-MM-DDTHH:mm[:ss]`) in a zone: data-last, so
 * `pipe('2025-03-07T09:00', Time.fromLocal(oslo))`.
 *
 * `24:00` (since 0.2.0) is the next day's `00:00`, as calendar specs read it; if that midnight
 * falls in a spring-forward gap it moves forward like any other wall time.
 *
 * A wall time skipped by a spring-forward change moves forward by the length of the gap
 * (02:30 becomes 03:30 in Europe/Oslo); a wall time that occurs twice in the autumn takes the
 * earlier occurrence (the one still on summer time).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * const inOslo = (wallTime: string) =>
 *   pipe(Time.makeZone('Europe/Oslo'), E.flatMap((oslo) => pipe(wallTime, Time.fromLocal(oslo), E.map(Time.toLocalISO(oslo)))))
 * assert.deepStrictEqual(inOslo('2025-03-30T02:30'), E.right('2025-03-30T03:30:00+02:00')) // in the gap
 * assert.deepStrictEqual(inOslo('2025-10-26T02:30'), E.right('2025-10-26T02:30:00+02:00')) // twice: the earlier
 * assert.deepStrictEqual(inOslo('2025-03-07T24:00'), E.right('2025-03-08T00:00:00+01:00'))
 * ```
 * @category constructors
 * @since 0.1.0 (`fromLocal(wallTime, zone)` until 0.3.0)
 */
export const fromLocal =
  (zone: IanaZone) =>
  (wallTime: string): E.Either<InvalidLocalDate | InvalidInstant, Instant> => {
    const m = typeof wallTime === 'string' ? LOCAL_RE.exec(wallTime) : null
    const day = m === null ? undefined : parseDay(m[1] as string)
    const seconds = m === null ? undefined : parseSeconds(m[2] as string, true)
    if (day === undefined || seconds === undefined)
      return E.left(
        invalidLocalDate('wallTime', 'a local date-time "YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss"', wallTime)
      )
    if (!isKnownZone(zone)) return E.left(invalidInstant('zone', 'an IANA time zone known to this runtime', zone))
    return checkInstant(localToUtc(makeDirectZoneRules(zone), day * DAY_MS + seconds * 1000), 'wallTime')
  }

/** @internal */
export const checkDuration = (
  ms: unknown,
  path: string,
  shown: unknown = ms,
  unit = 'milliseconds'
): E.Either<InvalidDuration, Duration> => {
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    return E.left(invalidDuration(path, `a finite number of ${unit}`, shown))
  if (!Number.isInteger(ms)) return E.left(invalidDuration(path, 'a whole number of milliseconds', shown))
  if (Math.abs(ms) > maxDuration)
    return E.left(invalidDuration(path, `a duration of at most 300 years either way (${maxDuration} ms)`, shown))
  return E.right((ms === 0 ? 0 : ms) as Duration)
}

/**
 * Makes a duration from whole milliseconds (negative allowed, at most 300 years either way),
 * checked: the form for untrusted numbers (for literals in code, {@link hours} and
 * {@link minutes}).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.makeDuration(90_000), E.right(90_000))
 * assert.strictEqual(E.isLeft(Time.makeDuration(Number.NaN)), true)
 * ```
 * @category constructors
 * @since 0.3.0 (0.1.0 as `duration`)
 */
export const makeDuration = (ms: number): E.Either<InvalidDuration, Duration> => checkDuration(ms, 'duration')

/** A literal duration: the checked value, or the invalid duration `NaN` that every function refuses. */
const literal = (n: number, unit: number): Duration => {
  const d = checkDuration(typeof n === 'number' ? Math.round(n * unit) : n, 'duration')
  return E.isRight(d) ? d.right : (Number.NaN as Duration)
}

/**
 * A duration of so many hours, rounded to the millisecond: the total constructor for literals
 * (`Time.hours(2)`), so code reads like the agreement it implements.
 *
 * A number that makes no duration (`NaN`, an infinity, more than 300 years, or not a number at
 * all from a JavaScript caller) gives the invalid duration `NaN` instead of throwing. What checks
 * its input answers it with a `Left` (`Sla.makeAgreement`, `Escalation.makeTiers`,
 * `Time.toISODuration` writes `"Invalid Duration"`), and the calendar's queries answer the invalid
 * instant `NaN` for it. For numbers you did not write yourself, use the checked
 * {@link makeDuration}.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.hours(1.5), 5_400_000)
 * assert.strictEqual(Time.toISODuration(Time.hours(2)), 'PT2H')
 * assert.strictEqual(Time.toISODuration(Time.hours(Number.NaN)), 'Invalid Duration')
 * ```
 * @category constructors
 * @since 0.1.0 (returned an `Either` until 0.3.0)
 */
export const hours = (n: number): Duration => literal(n, 3_600_000)

/**
 * A duration of so many minutes, rounded to the millisecond: total, like {@link hours}.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.minutes(30), 1_800_000)
 * ```
 * @category constructors
 * @since 0.1.0 (returned an `Either` until 0.3.0)
 */
export const minutes = (n: number): Duration => literal(n, 60_000)

const ISO_DURATION = /^([+-])?P(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)$/i
const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s.replace(',', '.')))

/** @internal */
export const parseDuration = (s: unknown, path: string): E.Either<InvalidDuration, Duration> => {
  const expected =
    'an ISO-8601 duration in hours, minutes and seconds, such as "PT4H" or "-PT1H30M" (business days are counted with addBusinessDays)'
  const m = typeof s === 'string' ? ISO_DURATION.exec(s) : null
  if (m === null || (m[2] === undefined && m[3] === undefined && m[4] === undefined))
    return E.left(invalidDuration(path, expected, s))
  const ms = Math.round(num(m[2]) * 3_600_000 + num(m[3]) * 60_000 + num(m[4]) * 1000)
  return checkDuration(m[1] === '-' ? -ms : ms, path, s)
}

/**
 * Reads an ISO-8601 duration written in hours, minutes and seconds (`PT4H`, `-PT1H30M`,
 * `PT0.5S`).
 *
 * Days, weeks, months and years are rejected: a business day is not 24 hours, so count
 * business days with `Calendar.addBusinessDays`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Time } from 'itsm-kit'
 * assert.deepStrictEqual(Time.fromISODuration('PT1H30M'), E.right(5_400_000))
 * assert.strictEqual(E.isLeft(Time.fromISODuration('P1D')), true)
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const fromISODuration = (s: string): E.Either<InvalidDuration, Duration> => parseDuration(s, 'duration')

/**
 * Writes a duration as ISO-8601 in hours, minutes and seconds (never days), such as `PT34H`
 * or `-PT1M30S`. Total: a value that is no finite number (cast past the constructors) gives the
 * text `"Invalid Duration"`, which no decoder accepts.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.toISODuration(Time.hours(34)), 'PT34H')
 * assert.deepStrictEqual(pipe(Time.makeDuration(-90_500), E.map(Time.toISODuration)), E.right('-PT1M30.5S'))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toISODuration = (self: Duration): string => {
  if (typeof self !== 'number' || !Number.isFinite(self)) return 'Invalid Duration'
  if (self === 0) return 'PT0S'
  const sign = self < 0 ? '-' : ''
  let rest = Math.abs(self)
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const s = rest / 1000
  return `${sign}PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${rest > 0 ? `${s}S` : ''}`
}
