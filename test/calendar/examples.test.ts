import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Time } from '../../src/index.js'
import { compile, hours, instant, minutes } from '../helpers/unsafe.js'

// The Oslo desk of the domain: Mon–Fri 08:00–16:00 Europe/Oslo, Norwegian public holidays,
// Christmas Eve 08:00–12:00 every year.
const osloSpec = Calendar.weekdays({
  zone: 'Europe/Oslo',
  opens: '08:00',
  closes: '16:00',
  holidays: Calendar.publicHolidays.NO,
  exceptions: [
    {
      on: { _tag: 'FixedDate', month: 12, day: 24, name: 'Julaften' },
      hours: [{ opens: '08:00', closes: '12:00' }],
      whenOpen: true
    }
  ]
})
const oslo = compile(osloSpec)
const local = (at: Time.Instant) => Time.toLocalISO(oslo.zone)(at)
const due = (cal: Calendar.BusinessCalendar, opened: string, target: Time.Duration) =>
  Time.toLocalISO(cal.zone)(pipe(cal, Calendar.addBusinessTime(instant(opened), target)))

describe('due dates at the Oslo desk', () => {
  it('a ticket opened Friday 15:30 in Oslo with 4 business hours is due Monday 11:30', () => {
    expect(due(oslo, '2025-03-07T15:30:00+01:00', hours(4))).toBe('2025-03-10T11:30:00+01:00')
  })

  it('a target that ends exactly at closing time is due at 16:00, not at 08:00 the next day', () => {
    expect(due(oslo, '2025-03-07T08:00:00+01:00', hours(8))).toBe('2025-03-07T16:00:00+01:00')
  })

  it('a ticket opened on Saturday starts counting at Monday 08:00', () => {
    expect(due(oslo, '2025-03-08T11:00:00+01:00', minutes(30))).toBe('2025-03-10T08:30:00+01:00')
  })

  it('Maundy Thursday to Easter Monday are closed in Norway', () => {
    // Wednesday 16 April 2025, 15:00: one hour that day, then Tuesday 22 April
    expect(due(oslo, '2025-04-16T15:00:00+02:00', hours(2))).toBe('2025-04-22T09:00:00+02:00')
    for (const day of ['2025-04-17', '2025-04-18', '2025-04-21'])
      expect(pipe(oslo, Calendar.isOpen(instant(`${day}T10:00:00+02:00`)))).toBe(false)
  })

  it('Christmas Eve is a half day and the days after it are closed', () => {
    expect(due(oslo, '2025-12-24T10:00:00+01:00', hours(3))).toBe('2025-12-29T09:00:00+01:00')
    expect(pipe(oslo, Calendar.isOpen(instant('2025-12-24T12:00:00+01:00')))).toBe(false)
  })

  it('a ticket opened during the autumn DST change counts from Monday 08:00', () => {
    expect(due(oslo, '2025-10-26T02:30:00+01:00', hours(2))).toBe('2025-10-27T10:00:00+01:00')
  })

  it('the open intervals that counted explain a due date', () => {
    const opened = instant('2025-03-07T15:30:00+01:00')
    const dueAt = pipe(oslo, Calendar.addBusinessTime(opened, hours(4)))
    const spans = pipe(oslo, Calendar.openIntervals(opened, dueAt)).map((i) => [local(i.start), local(i.end)])
    expect(spans).toStrictEqual([
      ['2025-03-07T15:30:00+01:00', '2025-03-07T16:00:00+01:00'],
      ['2025-03-10T08:00:00+01:00', '2025-03-10T11:30:00+01:00']
    ])
  })

  it('counting backwards lands on an opening, not on the previous close', () => {
    expect(local(pipe(oslo, Calendar.subtractBusinessTime(instant('2025-03-10T16:00:00+01:00'), hours(8))))).toBe(
      '2025-03-10T08:00:00+01:00'
    )
  })

  it('time worked across a weekend is counted in business time, signed', () => {
    const from = instant('2025-03-07T15:30:00+01:00')
    const to = instant('2025-03-10T09:00:00+01:00')
    expect(pipe(oslo, Calendar.businessTimeBetween(from, to))).toBe(hours(1.5))
    expect(pipe(oslo, Calendar.businessTimeBetween(to, from))).toBe(-hours(1.5))
  })
})

describe('Midsummer Eve in Sweden', () => {
  const stockholm = compile(
    Calendar.weekdays({
      zone: 'Europe/Stockholm',
      opens: '08:00',
      closes: '16:00',
      holidays: [{ _tag: 'WeekdayOnOrAfter', month: 6, day: 19, weekday: 'fri', name: 'Midsommarafton' }]
    })
  )
  it('Midsummer Eve 2025 (Friday 20 June) is closed, so Thursday 15:00 + 2 h is due Monday 09:00', () => {
    expect(pipe(stockholm, Calendar.isHoliday(instant('2025-06-20T10:00:00+02:00')))).toBe(true)
    expect(due(stockholm, '2025-06-19T15:00:00+02:00', hours(2))).toBe('2025-06-23T09:00:00+02:00')
  })
})

describe('a 24/7 contract across both DST changes', () => {
  const always = compile({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo' })

  it('the spring-forward day has 23 business hours', () => {
    const day = pipe(
      always,
      Calendar.businessTimeBetween(instant('2025-03-30T00:00:00+01:00'), instant('2025-03-31T00:00:00+02:00'))
    )
    expect(Time.toISODuration(day)).toBe('PT23H')
  })

  it('the fall-back day has 25 business hours', () => {
    const day = pipe(
      always,
      Calendar.businessTimeBetween(instant('2025-10-26T00:00:00+02:00'), instant('2025-10-27T00:00:00+01:00'))
    )
    expect(Time.toISODuration(day)).toBe('PT25H')
  })

  it('a 4-hour target opened at 00:30 on the spring-forward night is due at 05:30 local', () => {
    expect(due(always, '2025-03-30T00:30:00+01:00', hours(4))).toBe('2025-03-30T05:30:00+02:00')
  })

  it('on a 24/7 calendar, business time is real elapsed time', () => {
    const a = instant('2024-02-28T13:00:00Z')
    const b = instant('2025-11-02T05:00:00Z')
    expect(pipe(always, Calendar.businessTimeBetween(a, b))).toBe(b - a)
    expect(pipe(always, Calendar.openIntervals(a, b))).toStrictEqual([{ start: a, end: b }])
  })
})

describe('opening hours beyond the simple day', () => {
  it('an overnight shift belongs to the day it starts on: a Friday holiday closes Friday night', () => {
    const night = compile({
      zone: 'Europe/Oslo',
      weekly: { thu: [{ opens: '22:00', closes: '06:00' }], fri: [{ opens: '22:00', closes: '06:00' }] },
      holidays: [{ _tag: 'ExactDate', date: '2025-03-07' }]
    })
    expect(pipe(night, Calendar.isOpen(instant('2025-03-07T05:00:00+01:00')))).toBe(true) // Thursday's shift
    expect(pipe(night, Calendar.isOpen(instant('2025-03-07T23:00:00+01:00')))).toBe(false) // Friday's, a holiday
    expect(pipe(night, Calendar.isOpen(instant('2025-03-08T05:00:00+01:00')))).toBe(false)
  })

  it('several intervals a day: a lunch break is not counted', () => {
    const lunch = compile({
      zone: 'Europe/Helsinki',
      weekly: {
        mon: [
          { opens: '08:00', closes: '11:30' },
          { opens: '12:00', closes: '16:00' }
        ]
      }
    })
    expect(due(lunch, '2025-03-10T11:00:00+02:00', hours(1))).toBe('2025-03-10T12:30:00+02:00')
  })

  it('24:00 closes at midnight and touching intervals count as one', () => {
    const late = compile({
      zone: 'UTC',
      weekly: { mon: [{ opens: '18:00', closes: '24:00' }], tue: [{ opens: '00:00', closes: '02:00' }] }
    })
    const spans = pipe(late, Calendar.openIntervals(instant('2025-03-10T00:00:00Z'), instant('2025-03-12T00:00:00Z')))
    expect(spans.map((s) => [Time.toISO(s.start), Time.toISO(s.end)])).toStrictEqual([
      ['2025-03-10T18:00:00Z', '2025-03-11T02:00:00Z']
    ])
  })

  it('an exception wins over a holiday, and the first listed exception wins over later ones', () => {
    const cal = compile({
      zone: 'UTC',
      weekly: { sat: [] },
      holidays: [{ _tag: 'ExactDate', date: '2025-03-08' }],
      exceptions: [
        { on: { _tag: 'ExactDate', date: '2025-03-08' }, hours: [{ opens: '10:00', closes: '12:00' }] },
        { on: { _tag: 'NthWeekday', month: 3, weekday: 'sat', nth: 2 }, hours: [{ opens: '09:00', closes: '17:00' }] }
      ]
    })
    const spans = pipe(cal, Calendar.openIntervals(instant('2025-03-08T00:00:00Z'), instant('2025-03-09T00:00:00Z')))
    expect(spans.map((s) => [Time.toISO(s.start), Time.toISO(s.end)])).toStrictEqual([
      ['2025-03-08T10:00:00Z', '2025-03-08T12:00:00Z']
    ])
    expect(pipe(cal, Calendar.isHoliday(instant('2025-03-08T11:00:00Z')))).toBe(true)
  })

  it('seconds are honoured in opening hours', () => {
    const cal = compile({ zone: 'UTC', weekly: { mon: [{ opens: '08:00:30', closes: '08:01:15' }] } })
    expect(
      pipe(cal, Calendar.businessTimeBetween(instant('2025-03-10T00:00:00Z'), instant('2025-03-11T00:00:00Z')))
    ).toBe(45_000)
  })
})

describe('business days', () => {
  it('one business day after Friday 10:15 is Monday 10:15', () => {
    expect(local(pipe(oslo, Calendar.addBusinessDays(instant('2025-03-07T10:15:00+01:00'), 1)))).toBe(
      '2025-03-10T10:15:00+01:00'
    )
  })

  it('a result outside opening hours snaps forward to the next opening, or back to the previous closing', () => {
    expect(local(pipe(oslo, Calendar.addBusinessDays(instant('2025-03-07T19:00:00+01:00'), 1)))).toBe(
      '2025-03-11T08:00:00+01:00'
    )
    expect(local(pipe(oslo, Calendar.addBusinessDays(instant('2025-03-11T07:00:00+01:00'), -1)))).toBe(
      '2025-03-07T16:00:00+01:00'
    )
  })

  it('business days skip Easter and keep the wall time across a DST change', () => {
    // Wednesday 26 March 2025 10:00 (+01:00) + 5 business days = Wednesday 2 April 10:00 (+02:00)
    expect(local(pipe(oslo, Calendar.addBusinessDays(instant('2025-03-26T10:00:00+01:00'), 5)))).toBe(
      '2025-04-02T10:00:00+02:00'
    )
    expect(local(pipe(oslo, Calendar.addBusinessDays(instant('2025-04-16T10:00:00+02:00'), 1)))).toBe(
      '2025-04-22T10:00:00+02:00'
    )
  })

  it('zero business days is the instant itself', () => {
    const sunday = instant('2025-03-09T12:00:00+01:00')
    expect(pipe(oslo, Calendar.addBusinessDays(sunday, 0))).toBe(sunday)
  })

  it('the end of the next business day after a Friday-morning ticket is Monday 16:00; after a Friday-evening one, Tuesday 16:00', () => {
    const next = (at: string) =>
      local(pipe(oslo, Calendar.endOfBusinessDay(pipe(oslo, Calendar.addBusinessDays(instant(at), 1)))))
    expect(next('2025-03-07T10:00:00+01:00')).toBe('2025-03-10T16:00:00+01:00')
    // Friday 19:00 + 1 business day keeps the wall time (Monday 19:00) and snaps to Tuesday 08:00
    expect(next('2025-03-07T19:00:00+01:00')).toBe('2025-03-11T16:00:00+01:00')
    expect(local(pipe(oslo, Calendar.endOfBusinessDay(instant('2025-12-24T09:00:00+01:00'))))).toBe(
      '2025-12-24T12:00:00+01:00'
    )
  })

  it('knows business days and holidays by local date', () => {
    expect(pipe(oslo, Calendar.isBusinessDay(instant('2025-05-16T23:30:00Z')))).toBe(false) // 17 May locally
    expect(pipe(oslo, Calendar.isHoliday(instant('2025-05-16T23:30:00Z')))).toBe(true)
    expect(pipe(oslo, Calendar.isBusinessDay(instant('2025-05-16T21:30:00Z')))).toBe(true)
  })
})

describe('exceptions that only shorten open days', () => {
  const halfDay = (whenOpen: boolean) =>
    compile(
      Calendar.weekdays({
        zone: 'Europe/Oslo',
        opens: '08:00',
        closes: '16:00',
        exceptions: [
          { on: { _tag: 'FixedDate', month: 12, day: 24 }, hours: [{ opens: '08:00', closes: '12:00' }], whenOpen }
        ]
      })
    )

  it('a yearly Christmas Eve half day opens a Saturday Christmas Eve unless it is marked whenOpen', () => {
    const saturday = instant('2022-12-24T10:00:00+01:00')
    expect(pipe(halfDay(false), Calendar.isOpen(saturday))).toBe(true)
    expect(pipe(halfDay(true), Calendar.isOpen(saturday))).toBe(false)
    expect(pipe(halfDay(true), Calendar.isOpen(instant('2025-12-24T11:00:00+01:00')))).toBe(true)
    expect(pipe(halfDay(true), Calendar.isOpen(instant('2025-12-24T12:00:00+01:00')))).toBe(false)
  })

  it('when a whenOpen exception does not apply, the next listed exception for that day does', () => {
    const cal = compile({
      zone: 'UTC',
      weekly: { mon: [{ opens: '08:00', closes: '16:00' }] },
      exceptions: [
        { on: { _tag: 'ExactDate', date: '2025-03-08' }, hours: [{ opens: '09:00', closes: '10:00' }], whenOpen: true },
        { on: { _tag: 'ExactDate', date: '2025-03-08' }, hours: [{ opens: '11:00', closes: '12:00' }] }
      ]
    })
    const spans = pipe(cal, Calendar.openIntervals(instant('2025-03-08T00:00:00Z'), instant('2025-03-09T00:00:00Z')))
    expect(spans.map((s) => [Time.toISO(s.start), Time.toISO(s.end)])).toStrictEqual([
      ['2025-03-08T11:00:00Z', '2025-03-08T12:00:00Z']
    ])
  })
})

describe('business days at the edges of the day', () => {
  it('Friday 16:00 + 1 business day is Monday 16:00 (a closing time stays a closing time)', () => {
    expect(local(pipe(oslo, Calendar.addBusinessDays(instant('2025-03-07T16:00:00+01:00'), 1)))).toBe(
      '2025-03-10T16:00:00+01:00'
    )
    expect(local(pipe(oslo, Calendar.addBusinessDays(instant('2025-03-11T16:00:00+01:00'), -1)))).toBe(
      '2025-03-10T16:00:00+01:00'
    )
  })

  it('during the morning part of a night shift, the business day ends when that shift closes', () => {
    const night = compile({ zone: 'Europe/Oslo', weekly: { fri: [{ opens: '22:00', closes: '06:00' }] } })
    const at = instant('2025-03-08T03:00:00+01:00')
    expect(Time.toLocalISO(night.zone)(pipe(night, Calendar.endOfBusinessDay(at)))).toBe('2025-03-08T06:00:00+01:00')
    expect(
      Time.toLocalISO(night.zone)(pipe(night, Calendar.endOfBusinessDay(instant('2025-03-08T07:00:00+01:00'))))
    ).toBe('2025-03-15T06:00:00+01:00')
  })
})

describe('a local date the zone skipped is no business day', () => {
  // Samoa moved across the date line and skipped Friday 30 December 2011
  const apia = compile({
    zone: 'Pacific/Apia',
    weekly: { fri: [{ opens: '00:00', closes: '24:00' }], sat: [{ opens: '00:00', closes: '20:00' }] }
  })
  const samoa = (at: Time.Instant) => Time.toLocalISO(apia.zone)(at)

  it('one business day before Saturday 31 December 2011 is Saturday 24 December, not the skipped Friday', () => {
    expect(samoa(pipe(apia, Calendar.addBusinessDays(instant('2011-12-31T00:00:00+14:00'), -1)))).toBe(
      '2011-12-24T00:00:00-10:00'
    )
  })

  it('the business day after Thursday 29 December 2011 ends on Saturday at 20:00', () => {
    expect(samoa(pipe(apia, Calendar.endOfBusinessDay(instant('2011-12-29T12:00:00-10:00'))))).toBe(
      '2011-12-31T20:00:00+14:00'
    )
  })
})
