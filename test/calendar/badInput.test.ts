import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Time } from '../../src/index.js'
import { throwingObject } from '../helpers/hostile.js'
import { compile, deepFreeze, getLeft, hours, instant } from '../helpers/unsafe.js'

// Bad input must give a clear Left or a documented result, never a hang. These tests assert
// results only; the suite's timeout is the guard against an endless search.
const weekdays = compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))

describe('bad input', () => {
  it('an empty calendar is refused when compiled', () => {
    expect(getLeft(Calendar.make({ zone: 'Europe/Oslo', weekly: {} }))._tag).toBe('NoOpenTime')
  })

  it('a NaN duration is refused by every checked duration constructor, and the literal ones give the invalid duration', () => {
    for (const made of [Time.makeDuration(Number.NaN), Time.fromISODuration('PTNaNH')])
      expect(getLeft(made)._tag).toBe('InvalidDuration')
    for (const made of [Time.hours(Number.NaN), Time.minutes(Number.NaN)])
      expect(Time.toISODuration(made)).toBe('Invalid Duration')
  })

  it('a negative duration counts backwards (documented), so add and subtract stay inverse', () => {
    const at = instant('2025-03-10T10:00:00+01:00')
    const minusTwo = Time.hours(-2)
    expect(pipe(weekdays, Calendar.addBusinessTime(at, minusTwo))).toBe(
      pipe(weekdays, Calendar.subtractBusinessTime(at, hours(2)))
    )
    expect(Time.toISO(pipe(weekdays, Calendar.addBusinessTime(at, minusTwo)))).toBe('2025-03-10T07:00:00Z')
  })

  it('values cast past the constructors are clamped instead of searched for ever', () => {
    const huge = 1e300 as Time.Duration
    expect(pipe(weekdays, Calendar.addBusinessTime(instant('2025-01-01T00:00:00Z'), huge))).toBe(Time.maxInstant)
    expect(pipe(weekdays, Calendar.addBusinessTime(instant('2025-01-01T00:00:00Z'), -huge as Time.Duration))).toBe(
      Time.minInstant
    )
    expect(pipe(weekdays, Calendar.nextOpening(1e300 as Time.Instant))).toBe(Time.maxInstant)
  })

  it("an invalid instant or duration (NaN, the literals' invalid value) gives the invalid answer, never a plausible one", () => {
    // before: NaN instants were read as 1900-01-01 and NaN durations as zero, so a bad literal
    // turned into a due date that looked right
    const at = instant('2025-03-10T10:00:00+01:00')
    const badAt = Time.instant("10 March, ten o'clock")
    const badHours = Time.hours(Number.NaN)
    const invalid = [
      pipe(weekdays, Calendar.addBusinessTime(at, badHours)),
      pipe(weekdays, Calendar.subtractBusinessTime(at, badHours)),
      pipe(weekdays, Calendar.addBusinessTime(badAt, hours(2))),
      pipe(weekdays, Calendar.subtractBusinessTime(badAt, hours(2))),
      pipe(weekdays, Calendar.nextOpening(badAt)),
      pipe(weekdays, Calendar.previousClosing(badAt)),
      pipe(weekdays, Calendar.endOfBusinessDay(badAt)),
      pipe(weekdays, Calendar.addBusinessDays(badAt, 1)),
      pipe(weekdays, Calendar.addBusinessDays(at, Number.NaN))
    ]
    expect(invalid.map(Time.toISO)).toStrictEqual(invalid.map(() => 'Invalid Instant'))
    expect(Time.toISODuration(pipe(weekdays, Calendar.businessTimeBetween(badAt, at)))).toBe('Invalid Duration')
    expect(Time.toISODuration(pipe(weekdays, Calendar.businessTimeBetween(at, badAt)))).toBe('Invalid Duration')
    for (const query of [Calendar.isOpen, Calendar.isHoliday, Calendar.isBusinessDay])
      expect(pipe(weekdays, query(badAt))).toBe(false)
    expect(pipe(weekdays, Calendar.openIntervals(badAt, at))).toStrictEqual([])
    expect(pipe(weekdays, Calendar.openIntervals(at, badAt))).toStrictEqual([])
    expect(pipe(weekdays, Calendar.closedStretches(badAt, at))).toStrictEqual([])
    expect(pipe(weekdays, Calendar.closedStretches(Time.instant('2025-03-01T00:00:00Z'), badAt))).toStrictEqual([])
    expect(pipe(weekdays, Calendar.tiles(badAt, at))).toStrictEqual({ open: [], closed: [] })
    // what a JavaScript caller may pass in place of a number is no number either
    expect(
      Time.toISO(pipe(weekdays, Calendar.addBusinessTime('2025-03-10' as unknown as Time.Instant, hours(2))))
    ).toBe('Invalid Instant')
    expect(Time.toISO(pipe(weekdays, Calendar.addBusinessTime(at, undefined as unknown as Time.Duration)))).toBe(
      'Invalid Instant'
    )
  })

  it('an instant far outside 1900–2200 is refused', () => {
    expect(getLeft(Time.fromISO('+275760-09-13T00:00:00Z'))._tag).toBe('InvalidInstant')
    expect(getLeft(Time.fromISO('1066-10-14T09:00:00Z'))._tag).toBe('InvalidInstant')
    expect(getLeft(Time.fromEpochMillis(-8.64e15))._tag).toBe('InvalidInstant')
  })

  it('arithmetic that would leave the supported range stops at its end', () => {
    const lastDay = instant('2199-12-31T12:00:00Z')
    expect(pipe(weekdays, Calendar.addBusinessTime(lastDay, hours(100)))).toBe(Time.maxInstant)
    expect(pipe(weekdays, Calendar.subtractBusinessTime(instant('1900-01-02T12:00:00Z'), hours(100)))).toBe(
      Time.minInstant
    )
    expect(pipe(weekdays, Calendar.addBusinessDays(lastDay, 10))).toBe(Time.maxInstant)
  })

  it('a calendar open on one day only answers a huge target with the end of the range', () => {
    const once = compile({
      zone: 'UTC',
      weekly: {},
      exceptions: [{ on: { _tag: 'ExactDate', date: '2025-06-02' }, hours: [{ opens: '10:00', closes: '12:00' }] }]
    })
    const from = instant('2025-01-01T00:00:00Z')
    expect(Time.toISO(pipe(once, Calendar.addBusinessTime(from, hours(2))))).toBe('2025-06-02T12:00:00Z')
    expect(pipe(once, Calendar.addBusinessTime(from, hours(3)))).toBe(Time.maxInstant)
    expect(Time.toISO(pipe(once, Calendar.nextOpening(from)))).toBe('2025-06-02T10:00:00Z')
    expect(pipe(once, Calendar.nextOpening(instant('2025-07-01T00:00:00Z')))).toBe(Time.maxInstant)
  })

  it('a calendar with 10 000 holidays compiles and answers', () => {
    // every day from 2000-01-01 on for 10 000 days (until 2027-05-18) is a holiday
    const start = Date.UTC(2000, 0, 1)
    const holidays = Array.from({ length: 10_000 }, (_, i) => ({
      _tag: 'ExactDate' as const,
      date: new Date(start + i * 86_400_000).toISOString().slice(0, 10)
    }))
    const cal = compile(Calendar.weekdays({ zone: 'Europe/Stockholm', opens: '08:00', closes: '16:00', holidays }))
    expect(pipe(cal, Calendar.isOpen(instant('2015-06-10T10:00:00+02:00')))).toBe(false)
    expect(Time.toLocalISO(cal.zone)(pipe(cal, Calendar.nextOpening(instant('2010-01-01T00:00:00Z'))))).toBe(
      '2027-05-19T08:00:00+02:00'
    )
    expect(
      Time.toLocalISO(cal.zone)(pipe(cal, Calendar.addBusinessTime(instant('2001-01-01T00:00:00Z'), hours(8))))
    ).toBe('2027-05-19T16:00:00+02:00')
  })

  it('compiling never mutates its input', () => {
    const spec = deepFreeze(
      Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
    )
    const cal = compile(spec)
    expect(Time.toISO(pipe(cal, Calendar.nextOpening(instant('2025-04-17T10:00:00+02:00'))))).toBe(
      '2025-04-22T06:00:00Z'
    )
  })
})

describe('a value that is no calendar, from a JavaScript caller', () => {
  const at = instant('2025-03-10T10:00:00+01:00')
  const later = instant('2025-03-11T10:00:00+01:00')
  const queries: ReadonlyArray<readonly [string, (c: Calendar.BusinessCalendar) => unknown]> = [
    ['isOpen', Calendar.isOpen(at)],
    ['nextOpening', Calendar.nextOpening(at)],
    ['previousClosing', Calendar.previousClosing(at)],
    ['addBusinessTime', Calendar.addBusinessTime(at, hours(2))],
    ['subtractBusinessTime', Calendar.subtractBusinessTime(at, hours(2))],
    ['businessTimeBetween', Calendar.businessTimeBetween(at, later)],
    ['openIntervals', Calendar.openIntervals(at, later)],
    ['closedStretches', Calendar.closedStretches(at, later)],
    ['tiles', Calendar.tiles(at, later)],
    ['addBusinessDays', Calendar.addBusinessDays(at, 2)],
    ['endOfBusinessDay', Calendar.endOfBusinessDay(at)],
    ['isHoliday', Calendar.isHoliday(at)],
    ['isBusinessDay', Calendar.isBusinessDay(at)]
  ]
  const strangers: ReadonlyArray<unknown> = [
    undefined,
    null,
    42,
    'Europe/Oslo',
    {},
    { spec: null },
    { spec: {} },
    { _tag: 'BusinessCalendar' },
    throwingObject()
  ]
  it('is answered as a calendar that is never open, by every query, without a throw', () => {
    // before: closedStretches threw on most of these, and every query on an object whose reads throw
    for (const [name, query] of queries)
      for (const stranger of strangers) {
        let answer: unknown
        expect(
          () => {
            answer = query(stranger as Calendar.BusinessCalendar)
          },
          `${name} of ${typeof stranger}`
        ).not.toThrow()
        if (name === 'isOpen' || name === 'isBusinessDay') expect(answer, name).toBe(false)
        if (name === 'openIntervals') expect(answer, name).toStrictEqual([])
        if (name === 'businessTimeBetween') expect(answer, name).toBe(0)
        if (name === 'closedStretches') expect(answer, name).toStrictEqual([{ from: at, to: later, holidays: [] }])
        if (name === 'tiles')
          expect(answer, name).toStrictEqual({ open: [], closed: [{ from: at, to: later, holidays: [] }] })
        if (name === 'nextOpening') expect(answer, name).toBe(Time.maxInstant)
      }
  })
})
