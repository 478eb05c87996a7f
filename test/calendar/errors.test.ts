import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Calendar } from '../../src/index.js'
import * as Codec from '../../src/codec/index.js'
import { getLeft } from '../helpers/unsafe.js'

// Pins the wording of every calendar error: users read these, and tests elsewhere switch on _tag.
const fail = (spec: unknown) => getLeft(Calendar.make(spec as Calendar.CalendarSpec))
const monFri = { mon: [{ opens: '08:00', closes: '16:00' }] }

describe('calendar errors name the path, what was expected and what was received', () => {
  it('an unknown zone', () => {
    expect(fail({ zone: 'Europe/Atlantis', weekly: monFri })).toStrictEqual({
      _tag: 'UnknownZone',
      path: 'zone',
      received: '"Europe/Atlantis"',
      message:
        'zone: expected an IANA time zone known to this runtime (such as "Europe/Oslo"), received "Europe/Atlantis"'
    })
  })

  it('malformed times, every one of them, with their paths', () => {
    const e = fail({
      zone: 'UTC',
      weekly: { mon: [{ opens: '8:00', closes: '16:00' }], tue: [{ opens: '24:00', closes: '16:60' }] }
    })
    expect(e._tag).toBe('DecodeError')
    expect(e.message).toBe(
      [
        'weekly.mon[0].opens: expected a local time "HH:mm" or "HH:mm:ss" from 00:00 to 23:59:59, received "8:00"',
        'weekly.tue[0].opens: expected a local time "HH:mm" or "HH:mm:ss" from 00:00 to 23:59:59, received "24:00"',
        'weekly.tue[0].closes: expected a local time "HH:mm" or "HH:mm:ss" from 00:00 to 24:00, received "16:60"'
      ].join('\n')
    )
  })

  it('an interval that closes when it opens', () => {
    expect(fail({ zone: 'UTC', weekly: { wed: [{ opens: '09:00', closes: '09:00:00' }] } })).toStrictEqual({
      _tag: 'EmptyInterval',
      path: 'weekly.wed[0]',
      opens: '09:00',
      closes: '09:00:00',
      message:
        'weekly.wed[0]: expected an interval that closes at another time than it opens, received opens "09:00" and closes "09:00:00"'
    })
  })

  it('overlapping intervals on one day', () => {
    const e = fail({
      zone: 'UTC',
      weekly: {
        mon: [
          { opens: '08:00', closes: '12:00' },
          { opens: '11:00', closes: '16:00' }
        ]
      }
    })
    expect(e.message).toBe(
      'weekly.mon[1]: expected opening hours that do not overlap weekly.mon[0], received 11:00–16:00, which overlaps 08:00–12:00'
    )
  })

  it('an overnight interval that runs into the next day’s hours', () => {
    const e = fail({
      zone: 'UTC',
      weekly: { mon: [{ opens: '22:00', closes: '06:00' }], tue: [{ opens: '05:00', closes: '12:00' }] }
    })
    expect(e).toMatchObject({ _tag: 'OverlappingHours', path: 'weekly.tue[0]', other: 'weekly.mon[0]' })
  })

  it('a Sunday night shift that runs into Monday morning', () => {
    const e = fail({
      zone: 'UTC',
      weekly: { mon: [{ opens: '05:00', closes: '12:00' }], sun: [{ opens: '22:00', closes: '06:00' }] }
    })
    expect(e.message).toBe(
      'weekly.mon[0]: expected opening hours that do not overlap weekly.sun[0], received 05:00–12:00, which overlaps 22:00–06:00 running over from Sunday'
    )
  })

  it('a calendar that is never open', () => {
    expect(fail({ zone: 'UTC', weekly: {} })).toStrictEqual({
      _tag: 'NoOpenTime',
      path: 'weekly',
      message:
        'weekly: expected at least one opening interval in the week or in an exception, received a calendar that is never open'
    })
    expect(
      fail({
        zone: 'UTC',
        weekly: { mon: [] },
        exceptions: [{ on: { _tag: 'ExactDate', date: '2025-01-01' }, hours: [] }]
      })._tag
    ).toBe('NoOpenTime')
  })

  it('a calendar opened only by exceptions that never fall or only shorten open days is never open', () => {
    const only = (e: Calendar.DayException) => fail({ zone: 'UTC', weekly: {}, exceptions: [e] })._tag
    const hours = [{ opens: '08:00', closes: '16:00' }]
    expect(only({ on: { _tag: 'FixedDate', month: 2, day: 29, firstYear: 2100, lastYear: 2100 }, hours })).toBe(
      'NoOpenTime'
    )
    expect(only({ on: { _tag: 'ExactDate', date: '2025-01-01' }, hours, whenOpen: true })).toBe('NoOpenTime')
  })

  it('a calendar open only through an exception compiles', () => {
    const cal = Calendar.make({
      zone: 'UTC',
      weekly: {},
      exceptions: [{ on: { _tag: 'ExactDate', date: '2025-01-04' }, hours: [{ opens: '10:00', closes: '12:00' }] }]
    })
    expect(E.isRight(cal)).toBe(true)
  })

  it('30 February, which no year has', () => {
    expect(fail({ zone: 'UTC', weekly: monFri, holidays: [{ _tag: 'FixedDate', month: 2, day: 30 }] })).toStrictEqual({
      _tag: 'ImpossibleDate',
      path: 'holidays[0].day',
      received: '30',
      message: 'holidays[0].day: expected a day that month 2 has (at most 29), received 30'
    })
  })

  it('an explicit date that does not exist', () => {
    expect(fail({ zone: 'UTC', weekly: monFri, holidays: [{ _tag: 'ExactDate', date: '2025-02-29' }] }).message).toBe(
      'holidays[0].date: expected a calendar date "YYYY-MM-DD" between 1900-01-01 and 2199-12-31, received "2025-02-29"'
    )
  })

  it('a rule whose last year is before its first', () => {
    const e = fail({
      zone: 'UTC',
      weekly: monFri,
      exceptions: [{ on: { _tag: 'EasterRelative', offset: 0, firstYear: 2030, lastYear: 2020 }, hours: [] }]
    })
    expect(e.message).toBe('exceptions[0].on.lastYear: expected a year no earlier than firstYear 2030, received 2020')
  })

  it('an unknown rule kind, a bad weekday and a misspelt field', () => {
    const e = fail({
      zone: 'UTC',
      weekley: monFri,
      weekly: monFri,
      holidays: [
        { _tag: 'Easter', offset: 1 },
        { _tag: 'NthWeekday', month: 11, weekday: 'thursday', nth: 4 }
      ]
    })
    expect(e._tag).toBe('DecodeError')
    if (e._tag === 'DecodeError') expect(Codec.formatDecodeError(e)).toBe(e.message)
    expect(e.message.split('\n')).toStrictEqual([
      'holidays[0]._tag: expected one of "FixedDate" | "EasterRelative" | "NthWeekday" | "WeekdayOnOrAfter" | "ExactDate", received "Easter"',
      'holidays[1].weekday: expected one of "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", received "thursday"',
      'weekley: expected no property "weekley" here (known: zone, weekly, holidays, exceptions), received an object'
    ])
  })

  it('free text is summarised, never echoed', () => {
    const e = fail({ zone: 'x'.repeat(500), weekly: monFri })
    expect(e.message).toBe('zone: expected an IANA time zone name, received a string of 500 characters')
  })

  it('not a spec at all', () => {
    expect(fail(null).message).toBe('$: expected a calendar spec, received null')
    expect(fail([1, 2]).message).toBe('$: expected a calendar spec, received an array of 2 items')
  })
})

describe('instants in calendar errors', () => {
  // issue 9: an error that concerns a calendar shows each instant in the calendar's zone as well
  // as in UTC (Time.describeInstant). No calendar error carries an instant today (they name
  // local dates and wall times); this pins that every instant one might carry is written that way.
  const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g
  const bad: ReadonlyArray<unknown> = [
    { zone: 'Europe/Atlantis', weekly: monFri },
    { zone: 'Europe/Oslo', weekly: { mon: [{ opens: '8:00', closes: '16:00' }] } },
    { zone: 'Europe/Oslo', weekly: { wed: [{ opens: '09:00', closes: '09:00' }] } },
    {
      zone: 'Europe/Oslo',
      weekly: {
        mon: [
          { opens: '08:00', closes: '12:00' },
          { opens: '11:00', closes: '16:00' }
        ]
      }
    },
    { zone: 'Europe/Oslo', weekly: {} },
    { zone: 'Europe/Oslo', weekly: monFri, holidays: [{ _tag: 'FixedDate', month: 2, day: 30 }] },
    { zone: 'Europe/Oslo', weekly: monFri, holidays: [{ _tag: 'ExactDate', date: '2026-03-02T07:25:00Z' }] },
    { zone: 'Europe/Oslo', weekly: monFri, exceptions: [{ on: { _tag: 'ExactDate', date: '2026-02-30' }, hours: [] }] }
  ]

  it('are written in UTC and in the calendar zone, for every kind of calendar error', () => {
    const tags = new Set<string>()
    for (const spec of bad) {
      const e = fail(spec)
      tags.add(e._tag)
      const zone = (spec as { readonly zone: string }).zone
      for (const m of e.message.matchAll(ISO_INSTANT)) {
        // a received value is quoted input, not an instant the library describes
        if (e.message.slice(Math.max(0, m.index - 1), m.index) === '"') continue
        expect(e.message.slice(m.index + m[0].length), `${e._tag}: ${e.message}`).toMatch(
          new RegExp(`^ \\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})? ${zone}\\)`)
        )
      }
    }
    // every kind of calendar error was produced
    expect([...tags].sort()).toStrictEqual([
      'DecodeError',
      'EmptyInterval',
      'ImpossibleDate',
      'NoOpenTime',
      'OverlappingHours',
      'UnknownZone'
    ])
  })
})
