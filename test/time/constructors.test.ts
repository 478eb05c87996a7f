import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { Time } from '../../src/index.js'
import { getLeft, instant, zone } from '../helpers/unsafe.js'

describe('instants', () => {
  it('reads an ISO-8601 date-time with an offset as the same instant in UTC', () => {
    expect(pipe(Time.fromISO('2025-03-07T15:30:00+01:00'), E.map(Time.toISO))).toStrictEqual(
      E.right('2025-03-07T14:30:00Z')
    )
    expect(pipe(Time.fromISO('2025-03-07T14:30Z'), E.map(Time.toISO))).toStrictEqual(E.right('2025-03-07T14:30:00Z'))
    expect(pipe(Time.fromISO('2025-03-07T20:00:00+0530'), E.map(Time.toISO))).toStrictEqual(
      E.right('2025-03-07T14:30:00Z')
    )
  })

  it('refuses a date-time without an offset instead of guessing the host zone', () => {
    const e = getLeft(Time.fromISO('2025-03-07T15:30:00'))
    expect(e._tag).toBe('InvalidInstant')
    expect(e.message).toBe(
      'instant: expected an ISO-8601 date-time with a UTC offset, such as "2025-03-07T15:30:00+01:00" or "2025-03-07T14:30:00Z", received "2025-03-07T15:30:00"'
    )
    expect(E.isLeft(Time.fromISO('2025-03-07'))).toBe(true)
  })

  it('refuses impossible dates and times', () => {
    expect(E.isLeft(Time.fromISO('2025-02-30T10:00:00Z'))).toBe(true)
    expect(E.isLeft(Time.fromISO('2025-03-07T25:00:00Z'))).toBe(true)
  })

  it('drops fractions of a millisecond', () => {
    expect(pipe(Time.fromISO('2014-04-07T05:00:00.000200Z'), E.map(Time.toISO))).toStrictEqual(
      E.right('2014-04-07T05:00:00Z')
    )
    expect(pipe(Time.fromISO('2014-04-07T05:00:00.1239Z'), E.map(Time.toISO))).toStrictEqual(
      E.right('2014-04-07T05:00:00.123Z')
    )
  })

  it('accepts 1900 to 2200 and refuses instants far outside it', () => {
    expect(pipe(Time.fromISO('1900-01-01T00:00:00Z'), E.map(Time.toISO))).toStrictEqual(E.right('1900-01-01T00:00:00Z'))
    expect(pipe(Time.fromISO('2200-01-01T00:00:00Z'), E.map(Time.toISO))).toStrictEqual(E.right('2200-01-01T00:00:00Z'))
    expect(getLeft(Time.fromISO('1899-12-31T23:59:59Z')).message).toContain(
      'expected an instant between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z'
    )
    expect(getLeft(Time.fromEpochMillis(8.64e15)).message).toBe(
      'instant: expected an instant between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z, received 8640000000000000'
    )
    expect(getLeft(Time.fromEpochMillis(Number.NaN)).message).toBe(
      'instant: expected a finite number of milliseconds since 1970-01-01T00:00:00Z, received NaN'
    )
    expect(getLeft(Time.fromEpochMillis(1.5)).message).toBe(
      'instant: expected a whole number of milliseconds, received 1.5'
    )
  })

  it('converts from and to Date and luxon DateTime', () => {
    const at = instant('2025-06-01T12:00:00Z')
    expect(Time.fromDate(Time.toDate(at))).toStrictEqual(E.right(at))
    expect(E.isLeft(Time.fromDate(new Date(Number.NaN)))).toBe(true)
    const oslo = zone('Europe/Oslo')
    const dt = Time.toDateTime(oslo)(at)
    expect(O.isSome(dt) && [dt.value.hour, dt.value.zoneName]).toStrictEqual([14, 'Europe/Oslo'])
    expect(O.isSome(dt) && Time.fromDateTime(dt.value)).toStrictEqual(E.right(at))
    expect(E.isLeft(Time.fromDateTime(DateTime.invalid('broken')))).toBe(true)
  })

  it('writes local ISO-8601 with the offset of the zone at that instant', () => {
    const oslo = zone('Europe/Oslo')
    expect(Time.toLocalISO(oslo)(instant('2025-01-15T12:00:00Z'))).toBe('2025-01-15T13:00:00+01:00')
    expect(Time.toLocalISO(oslo)(instant('2025-07-15T12:00:00Z'))).toBe('2025-07-15T14:00:00+02:00')
    expect(Time.toLocalDate(zone('Pacific/Kiritimati'))(instant('2025-12-31T11:00:00Z'))).toBe('2026-01-01')
  })
})

describe('wall times in a zone', () => {
  const local = (wall: string, z: string) => pipe(Time.fromLocal(zone(z))(wall), E.map(Time.toLocalISO(zone(z))))

  it('moves a wall time in the spring-forward gap forward by the length of the gap', () => {
    expect(local('2025-03-30T02:30', 'Europe/Oslo')).toStrictEqual(E.right('2025-03-30T03:30:00+02:00'))
    expect(local('2025-03-09T02:15', 'America/New_York')).toStrictEqual(E.right('2025-03-09T03:15:00-04:00'))
  })

  it('moves a wall time in Lord Howe Island’s 30-minute gap forward by 30 minutes', () => {
    // Australia/Lord_Howe goes from +10:30 to +11:00 at 02:00 on the first Sunday of October
    expect(local('2025-10-05T02:10', 'Australia/Lord_Howe')).toStrictEqual(E.right('2025-10-05T02:40:00+11:00'))
  })

  it('takes the earlier of two occurrences of an autumn wall time', () => {
    expect(local('2025-10-26T02:30', 'Europe/Oslo')).toStrictEqual(E.right('2025-10-26T02:30:00+02:00'))
    expect(local('2025-11-02T01:30', 'America/New_York')).toStrictEqual(E.right('2025-11-02T01:30:00-04:00'))
  })

  it('moves the whole of 30 December 2011 in Samoa, which the islands skipped, forward by a day', () => {
    expect(local('2011-12-30T10:00', 'Pacific/Apia')).toStrictEqual(E.right('2011-12-31T10:00:00+14:00'))
  })

  it('reads Asia/Kolkata’s half-hour offset', () => {
    expect(pipe(Time.fromLocal(zone('Asia/Kolkata'))('2025-03-07T09:00'), E.map(Time.toISO))).toStrictEqual(
      E.right('2025-03-07T03:30:00Z')
    )
  })

  it('refuses malformed wall times', () => {
    expect(getLeft(Time.fromLocal(zone('UTC'))('2025-03-07 09:00')).message).toBe(
      'wallTime: expected a local date-time "YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss", received "2025-03-07 09:00"'
    )
  })
})

describe('zones and dates', () => {
  it('knows IANA zones and refuses others with the name it received', () => {
    expect(Time.makeZone('America/Sao_Paulo')).toStrictEqual(E.right('America/Sao_Paulo'))
    expect(getLeft(Time.makeZone('Europe/Atlantis')).message).toBe(
      'zone: expected an IANA time zone known to this runtime (such as "Europe/Oslo"), received "Europe/Atlantis"'
    )
  })

  it('checks calendar dates, leap years included', () => {
    expect(Time.fromISODate('2024-02-29')).toStrictEqual(E.right('2024-02-29'))
    expect(getLeft(Time.fromISODate('2100-02-29')).message).toBe(
      'date: expected a calendar date "YYYY-MM-DD" between 1900-01-01 and 2199-12-31, received "2100-02-29"'
    )
  })
})

describe('durations', () => {
  it('reads ISO-8601 durations in hours, minutes and seconds, signed', () => {
    expect(Time.fromISODuration('PT4H')).toStrictEqual(E.right(14_400_000))
    expect(Time.fromISODuration('-PT1H30M')).toStrictEqual(E.right(-5_400_000))
    expect(Time.fromISODuration('PT0.5S')).toStrictEqual(E.right(500))
    expect(Time.fromISODuration('PT2161H')).toStrictEqual(E.right(2161 * 3_600_000))
  })

  it('refuses days, weeks, months and years, since a business day is not 24 hours', () => {
    for (const s of ['P1D', 'P1W', 'P1M', 'P1Y', 'PT', 'P', '4h', ''])
      expect(getLeft(Time.fromISODuration(s)).message).toContain(
        'expected an ISO-8601 duration in hours, minutes and seconds'
      )
  })

  it('writes durations back without days', () => {
    const cases: ReadonlyArray<readonly [number, string]> = [
      [0, 'PT0S'],
      [34 * 3_600_000, 'PT34H'],
      [-3 * 3_600_000, '-PT3H'],
      [90_000, 'PT1M30S'],
      [3_600_001, 'PT1H0.001S']
    ]
    for (const [ms, iso] of cases)
      expect(pipe(Time.makeDuration(ms), E.map(Time.toISODuration))).toStrictEqual(E.right(iso))
  })

  it('refuses NaN, infinities, fractions of a millisecond and more than 300 years', () => {
    expect(getLeft(Time.makeDuration(Number.NaN)).message).toBe(
      'duration: expected a finite number of milliseconds, received NaN'
    )
    expect(getLeft(Time.makeDuration(Number.POSITIVE_INFINITY)).path).toBe('duration')
    expect(Time.toISODuration(Time.hours(Number.POSITIVE_INFINITY))).toBe('Invalid Duration')
    expect(getLeft(Time.makeDuration(0.5)).message).toBe(
      'duration: expected a whole number of milliseconds, received 0.5'
    )
    expect(E.isLeft(Time.makeDuration(24 * 366 * 301 * 3_600_000))).toBe(true)
    expect(Number.isNaN(Time.hours(24 * 366 * 301))).toBe(true)
  })

  it('adds durations and orders them', () => {
    const total = pipe(Time.hours(1), Time.plus(Time.minutes(30)))
    expect(total).toBe(5_400_000)
    expect(Time.DurationOrd.compare(Time.hours(1), Time.minutes(90))).toBe(-1)
  })
})

describe('codecs', () => {
  it('round-trips instants and durations through JSON', () => {
    const at = instant('2025-03-07T14:30:00.250Z')
    expect(pipe(Time.encodeInstant(at), Time.decodeInstant)).toStrictEqual(E.right(at))
    const d = Time.minutes(95)
    expect(pipe(Time.encodeDuration(d), Time.decodeDuration)).toStrictEqual(E.right(d))
  })

  it('reports a bad instant on the wire with what it expected', () => {
    const e = getLeft(Time.decodeInstant('yesterday'))
    expect(e.issues).toStrictEqual([
      {
        path: '$',
        expected:
          'an ISO-8601 date-time with a UTC offset, such as "2025-03-07T15:30:00+01:00" or "2025-03-07T14:30:00Z"',
        received: '"yesterday"',
        message:
          '$: expected an ISO-8601 date-time with a UTC offset, such as "2025-03-07T15:30:00+01:00" or "2025-03-07T14:30:00Z", received "yesterday"'
      }
    ])
  })
})

describe('messages show what the caller passed', () => {
  it('an out-of-range ISO instant is quoted as written', () => {
    expect(getLeft(Time.fromISO('2200-01-01T00:00:01Z')).message).toBe(
      'instant: expected an instant between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z, received "2200-01-01T00:00:01Z"'
    )
    expect(getLeft(Time.makeDuration(3e6 * 3_600_000)).message).toBe(
      'duration: expected a duration of at most 300 years either way (9467107200000 ms), received 10800000000000'
    )
  })
})
