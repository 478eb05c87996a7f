import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Time } from '../../src/index.js'
import { getLeft, zone } from '../helpers/unsafe.js'

const utc = (s: string): E.Either<string, string> =>
  pipe(
    Time.fromISO(s),
    E.bimap((e) => e.message, Time.toISO)
  )

describe('ISO forms from other systems', () => {
  it('reads the RFC 3339 form with a space between date and time, as PostgreSQL prints it', () => {
    expect(utc('2026-03-02 09:00:00+01:00')).toStrictEqual(E.right('2026-03-02T08:00:00Z'))
    expect(utc('2026-03-02 08:00:00.250Z')).toStrictEqual(E.right('2026-03-02T08:00:00.250Z'))
    expect(utc('2026-03-02 09:00:00+01')).toStrictEqual(E.right('2026-03-02T08:00:00Z'))
  })

  it('reads an RFC 9557 zone suffix that agrees with the offset, as Temporal prints it', () => {
    expect(utc('2026-03-02T09:00:00+01:00[Europe/Oslo]')).toStrictEqual(E.right('2026-03-02T08:00:00Z'))
    expect(utc('2026-07-02T09:00:00+02:00[!Europe/Oslo]')).toStrictEqual(E.right('2026-07-02T07:00:00Z'))
    expect(utc('2026-03-02T09:00:00+01:00[+01:00]')).toStrictEqual(E.right('2026-03-02T08:00:00Z'))
    // Z states no local offset (RFC 9557 §4.2): any zone goes with it
    expect(utc('2026-03-02T08:00:00Z[America/New_York]')).toStrictEqual(E.right('2026-03-02T08:00:00Z'))
  })

  it('rejects a zone suffix that contradicts the offset, or names no zone', () => {
    expect(getLeft(Time.fromISO('2026-07-02T09:00:00+01:00[Europe/Oslo]')).message).toBe(
      'instant: expected an ISO-8601 date-time with a UTC offset, such as "2025-03-07T15:30:00+01:00" or "2025-03-07T14:30:00Z", whose [zone] suffix agrees with the offset (Europe/Oslo is at +02:00 then), received "2026-07-02T09:00:00+01:00[Europe/Oslo]"'
    )
    expect(getLeft(Time.fromISO('2026-03-02T09:00:00+01:00[+02:00]'))._tag).toBe('InvalidInstant')
    expect(getLeft(Time.fromISO('2026-03-02T09:00:00+01:00[Mars/Olympus]')).message).toContain(
      '"Mars/Olympus" is unknown'
    )
    expect(getLeft(Time.fromISO('2026-03-02T09:00:00+01:00[u-ca=iso8601]'))._tag).toBe('InvalidInstant')
    expect(getLeft(Time.fromISO('2026-03-02T09:00:00+01:00[Europe/Oslo][Europe/Oslo]'))._tag).toBe('InvalidInstant')
  })

  it('still refuses what it refused: no offset, impossible dates and times, bad offsets', () => {
    for (const s of [
      '2026-03-02 09:00:00',
      '2026-02-30 09:00:00Z',
      '2026-03-02T24:00:00Z',
      '2026-03-02T09:60Z',
      '2026-03-02T09:00+24:00',
      '2026-03-02  09:00Z',
      ' 2026-03-02T09:00Z'
    ])
      expect(E.isLeft(Time.fromISO(s)), s).toBe(true)
    expect(getLeft(Time.fromISO('2025-02-30T00:00:00Z')).message).toContain('(2025-02-30 is not a calendar date)')
  })
})

describe('fromLocal at 24:00', () => {
  it("reads 24:00 as the next day's 00:00", () => {
    const oslo = zone('Europe/Oslo')
    expect(pipe(Time.fromLocal(oslo)('2025-12-31T24:00'), E.map(Time.toLocalISO(oslo)))).toStrictEqual(
      E.right('2026-01-01T00:00:00+01:00')
    )
    expect(Time.fromLocal(oslo)('2025-12-31T24:00')).toStrictEqual(Time.fromLocal(oslo)('2026-01-01T00:00'))
    expect(E.isLeft(Time.fromLocal(oslo)('2025-12-31T24:01'))).toBe(true)
    expect(E.isLeft(Time.fromLocal(oslo)('2025-12-31T24:00:01'))).toBe(true)
  })

  it('moves a 24:00 that falls in a spring-forward gap forward by the gap (São Paulo skipped 4 November 2018, 00:00–01:00)', () => {
    const sp = zone('America/Sao_Paulo')
    expect(pipe(Time.fromLocal(sp)('2018-11-03T24:00'), E.map(Time.toLocalISO(sp)))).toStrictEqual(
      E.right('2018-11-04T01:00:00-02:00')
    )
  })
})

describe('instants in a zone for messages', () => {
  it('shows UTC and the wall time in the zone', () => {
    const oslo = zone('Europe/Oslo')
    const show = (s: string): E.Either<string, string> =>
      pipe(
        Time.fromISO(s),
        E.bimap((e) => e.message, Time.describeInstant(oslo))
      )
    expect(show('2026-03-02T07:25:00Z')).toStrictEqual(E.right('2026-03-02T07:25:00Z (2026-03-02 08:25 Europe/Oslo)'))
    expect(show('2026-06-30T22:30:15Z')).toStrictEqual(
      E.right('2026-06-30T22:30:15Z (2026-07-01 00:30:15 Europe/Oslo)')
    )
    expect(Time.describeInstant(oslo)(Number.NaN as Time.Instant)).toBe('Invalid Instant')
  })
})

describe('business durations in words', () => {
  it('writes hours, minutes and seconds', () => {
    const words = (ms: number): string => Time.formatBusinessDuration(ms as Time.Duration)
    expect([0, 45 * 60_000, 8.5 * 3_600_000, 2 * 3_600_000 + 15_000, 1500, -45_000].map(words)).toStrictEqual([
      '0 min',
      '45 min',
      '8 h 30 min',
      '2 h 15 s',
      '1.5 s',
      '-45 s'
    ])
    expect([Number.NaN, Infinity].map(words)).toStrictEqual(['Invalid Duration', 'Invalid Duration'])
  })
})
