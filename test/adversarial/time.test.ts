/**
 * Time and calendar under a hostile host: values that bypass the constructors, luxon's global
 * `Settings` changed by the application, and a clock that must never be read.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Settings } from 'luxon'
import { afterEach, describe, expect, it } from 'vitest'
import { Calendar, Time } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import * as Codec from '../../src/codec/index.js'

const bypass = <A>(x: number): A => x as A
const oslo = 'Europe/Oslo' as Time.IanaZone

describe('values that bypass the constructors', () => {
  const odd = [Number.NaN, Infinity, -Infinity, 1e300, -1e300]

  it('Time.toISO, toLocalISO and describeInstant write "Invalid Instant" instead of throwing', () => {
    for (const x of odd) {
      expect(Time.toISO(bypass(x))).toBe('Invalid Instant')
      expect(Time.toLocalISO(oslo)(bypass(x))).toBe('Invalid Instant')
      expect(Time.describeInstant(oslo)(bypass(x))).toBe('Invalid Instant')
    }
  })

  it('Time.toLocalDate writes "Invalid Date", never "0NaN-NaN-NaN"', () => {
    for (const x of odd) expect(Time.toLocalDate(oslo)(bypass(x))).toBe('Invalid Date')
    expect(Time.toLocalDate('Mars/Olympus' as Time.IanaZone)(bypass(0))).toBe('Invalid Date')
  })

  it('Time.toISODuration writes "Invalid Duration", never "PTInfinityH"', () => {
    for (const x of odd.slice(0, 3)) expect(Time.toISODuration(bypass(x))).toBe('Invalid Duration')
  })

  it('Calendar.holidaysIn of a year no LocalDate can name picks no day, never "00-1-01-01"', () => {
    for (const y of [-1, 0, 1899, 2200, 2025.5, Number.NaN, Infinity])
      expect(pipe(Calendar.publicHolidays.NO, Calendar.holidaysIn(y))).toStrictEqual([])
    expect(pipe(Calendar.publicHolidays.NO, Calendar.holidaysIn(1900)).length).toBeGreaterThan(0)
  })

  it('the io-ts guard Codec.InstantJson.is answers false for what is no instant', () => {
    for (const x of [...odd, 1.5, '2025-01-01T00:00:00Z', null, undefined, {}])
      expect(Codec.InstantJson.is(x)).toBe(false)
    expect(Codec.InstantJson.is(0)).toBe(true)
  })

  it('encoders never write NaN or Infinity text', () => {
    for (const x of odd) {
      expect(Time.encodeInstant(bypass(x))).not.toMatch(/NaN|Infinity/)
      expect(Time.encodeDuration(bypass(x))).not.toMatch(/NaN|Infinity/)
    }
  })
})

/** A battery of time and calendar results, as JSON, computed on a fresh calendar. */
const battery = (): string => {
  const out: unknown[] = []
  const cal = pipe(
    Calendar.make(
      Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
    ),
    E.getOrElseW((e) => {
      throw new Error(e.message)
    })
  )
  for (const s of [
    '2025-02-30T00:00:00Z',
    '2025-03-07T15:30:00+01:00',
    '2026-03-02 09:00:00+01:00',
    '2026-03-02T09:00:00+01:00[Europe/Oslo]',
    '2026-03-02T09:00:00+02:00[Europe/Oslo]',
    'yesterday'
  ])
    out.push(
      pipe(
        Time.fromISO(s),
        E.mapLeft((e) => e.message)
      )
    )
  out.push(
    Time.fromLocal(oslo)('2025-03-30T02:30'),
    Time.fromLocal(oslo)('2025-10-26T02:30'),
    Time.fromLocal(oslo)('2025-12-31T24:00')
  )
  out.push(
    Time.fromISODuration('PT4H30M'),
    Time.hours(2),
    Time.makeZone('Europe/Oslo'),
    Time.makeZone('Nowhere/Else'),
    Time.fromISODate('2025-02-29')
  )
  const t = 1741357800000 as Time.Instant
  out.push(
    Time.toISO(t),
    Time.toLocalISO(oslo)(t),
    Time.toLocalDate(oslo)(t),
    Time.toISODuration(bypass(90_500)),
    Time.describeInstant(oslo)(t)
  )
  const d = (4 * 3_600_000) as Time.Duration
  out.push(
    pipe(cal, Calendar.addBusinessTime(t, d)),
    pipe(cal, Calendar.subtractBusinessTime(t, d)),
    pipe(cal, Calendar.businessTimeBetween(t, bypass(t + 400 * 86_400_000))),
    pipe(cal, Calendar.nextOpening(bypass(t + 86_400_000))),
    pipe(cal, Calendar.previousClosing(bypass(t + 86_400_000))),
    pipe(cal, Calendar.addBusinessDays(t, 3)),
    pipe(cal, Calendar.endOfBusinessDay(t)),
    pipe(cal, Calendar.isHoliday(bypass(Date.UTC(2025, 4, 17, 10)))),
    pipe(cal, Calendar.closedStretches(t, bypass(t + 7 * 86_400_000))),
    pipe(cal, Calendar.openIntervals(t, bypass(t + 3 * 86_400_000))),
    pipe(Calendar.publicHolidays.SE, Calendar.holidaysIn(2025))
  )
  out.push(
    pipe(Time.decodeInstant('2025-03-07T15:30:00+01:00')),
    pipe(
      Time.decodeInstant('2025-02-30T00:00:00Z'),
      E.mapLeft((e) => e.issues.map((i) => i.message))
    )
  )
  return JSON.stringify(out)
}

describe("luxon's global Settings", () => {
  const saved = {
    throwOnInvalid: Settings.throwOnInvalid,
    defaultZone: Settings.defaultZone,
    now: Settings.now,
    defaultLocale: Settings.defaultLocale
  }
  afterEach(() => {
    Settings.throwOnInvalid = saved.throwOnInvalid
    Settings.defaultZone = saved.defaultZone
    Settings.now = saved.now
    Settings.defaultLocale = saved.defaultLocale
  })

  it('change no result: throwOnInvalid, defaultZone, now and defaultLocale set by the host', () => {
    const before = battery()
    Settings.throwOnInvalid = true
    Settings.defaultZone = 'Pacific/Chatham'
    Settings.now = () => 0
    Settings.defaultLocale = 'ar-EG'
    expect(battery()).toBe(before)
  })

  it('with throwOnInvalid set, an impossible date is still a Left with its path', () => {
    Settings.throwOnInvalid = true
    expect(
      pipe(
        Time.fromISO('2025-02-30T00:00:00Z'),
        E.mapLeft((e) => e.path)
      )
    ).toStrictEqual(E.left('instant'))
  })
})

describe('no clock read', () => {
  const real = { Date: globalThis.Date, performanceNow: performance.now }
  afterEach(() => {
    globalThis.Date = real.Date
    performance.now = real.performanceNow
  })

  it('time and calendar functions run with Date.now, new Date() and performance.now trapped', () => {
    const reads: string[] = []
    const RealDate = real.Date
    // a Date whose clock-reading forms record the read and throw; every other form works
    const Trapped = function (this: unknown, ...args: unknown[]) {
      if (args.length === 0) {
        reads.push('new Date()')
        throw new Error('clock read: new Date()')
      }
      return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args)
    } as unknown as DateConstructor
    Object.setPrototypeOf(Trapped, RealDate)
    ;(Trapped as { prototype: unknown }).prototype = RealDate.prototype
    ;(Trapped as { now: () => number }).now = () => {
      reads.push('Date.now()')
      throw new Error('clock read: Date.now()')
    }
    const expected = battery()
    globalThis.Date = Trapped
    performance.now = () => {
      reads.push('performance.now()')
      throw new Error('clock read: performance.now()')
    }
    // the trap itself works
    expect(() => Date.now()).toThrow('clock read')
    reads.length = 0
    const got = battery()
    expect(reads).toStrictEqual([])
    expect(got).toBe(expected)
  })
})

describe('Time.toDateTime never throws', () => {
  const saved = Settings.throwOnInvalid
  afterEach(() => {
    Settings.throwOnInvalid = saved
  })
  it('gives none for a value that is no instant, or a zone the runtime does not know, whatever luxon is set to', () => {
    const oslo = getRight(Time.makeZone('Europe/Oslo'))
    for (const strict of [false, true]) {
      Settings.throwOnInvalid = strict
      expect(Time.toDateTime(oslo)(Time.instant('not an instant'))).toStrictEqual(O.none)
      expect(Time.toDateTime(oslo)(Number.POSITIVE_INFINITY as Time.Instant)).toStrictEqual(O.none)
      expect(Time.toDateTime('Mars/Olympus' as Time.IanaZone)(Time.instant('2025-07-01T06:00:00Z'))).toStrictEqual(
        O.none
      )
      expect(Time.toDateTime(null as unknown as Time.IanaZone)(Time.instant('2025-07-01T06:00:00Z'))).toStrictEqual(
        O.none
      )
      const dt = Time.toDateTime(oslo)(Time.instant('2025-07-01T06:00:00Z'))
      expect(O.isSome(dt) && [dt.value.hour, dt.value.zoneName]).toStrictEqual([8, 'Europe/Oslo'])
    }
  })
})
