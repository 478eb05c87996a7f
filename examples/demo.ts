/**
 * A small Oslo service desk: when are these tickets due?
 *
 * Run it with `npm run demo`. Every due date is checked with `node:assert`, so a wrong answer
 * stops the demo with an error instead of printing something plausible.
 */
import * as assert from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Time } from 'itsm-kit'

/** Unwraps a Right; a Left means the demo itself is wrong, so it stops with the error message. */
const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// Mon–Fri 08:00–16:00 in Oslo, closed on Norwegian public holidays, half day on Christmas Eve
const desk = orFail(
  Calendar.make(
    Calendar.weekdays({
      zone: 'Europe/Oslo',
      opens: '08:00',
      closes: '16:00',
      holidays: Calendar.publicHolidays.NO,
      exceptions: [
        { on: { _tag: 'FixedDate', month: 12, day: 24 }, hours: [{ opens: '08:00', closes: '12:00' }], whenOpen: true }
      ]
    })
  )
)
// a 24/7 contract: open round the clock, read in Oslo time
const roundTheClock = orFail(Calendar.make({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo' }))

interface Ticket {
  readonly id: string
  readonly what: string
  readonly calendar: Calendar.BusinessCalendar
  /** Local wall time in the calendar's zone. */
  readonly opened: string
  readonly targetHours: number
  /** The due time we expect, as ISO-8601 local time with offset. */
  readonly expectedDue: string
  readonly note?: string
}

const tickets: ReadonlyArray<Ticket> = [
  {
    id: 'INC-101',
    what: 'Friday afternoon',
    calendar: desk,
    opened: '2025-03-07T15:30',
    targetHours: 4,
    expectedDue: '2025-03-10T11:30:00+01:00'
  },
  {
    id: 'INC-102',
    what: 'evening before Easter',
    calendar: desk,
    opened: '2025-04-16T18:00',
    targetHours: 8,
    expectedDue: '2025-04-22T16:00:00+02:00',
    note: 'closed Maundy Thursday to Easter Monday; due at closing time, not 08:00 the next day'
  },
  {
    id: 'INC-103',
    what: 'during the autumn DST change',
    calendar: desk,
    opened: '2025-10-26T02:30',
    targetHours: 2,
    expectedDue: '2025-10-27T10:00:00+01:00',
    note: '02:30 happens twice that night; the earlier one (summer time) is taken'
  },
  {
    id: 'INC-104',
    what: 'Christmas Eve',
    calendar: desk,
    opened: '2025-12-24T11:00',
    targetHours: 4,
    expectedDue: '2025-12-29T11:00:00+01:00',
    note: 'open 08:00–12:00 on Christmas Eve, closed 25–28 December'
  },
  {
    id: 'INC-105',
    what: '24/7 contract, spring DST change',
    calendar: roundTheClock,
    opened: '2025-03-29T22:00',
    targetHours: 8,
    expectedDue: '2025-03-30T07:00:00+02:00',
    note: 'clocks skip 02:00–03:00: the wall clock moves 9 hours, 8 real hours pass'
  }
]

const local =
  (calendar: Calendar.BusinessCalendar) =>
  (at: Time.Instant): string =>
    pipe(
      Time.toDateTime(calendar.zone)(at),
      O.match(
        () => Time.toISO(at),
        (dt) => dt.toFormat('ccc yyyy-MM-dd HH:mm ZZ', { locale: 'en-GB' })
      )
    )

/** The end of a counted interval: only the time when it is on the same local day as its start. */
const until =
  (calendar: Calendar.BusinessCalendar, start: Time.Instant) =>
  (end: Time.Instant): string => {
    const toDateTime = Time.toDateTime(calendar.zone)
    const [from, to] = [toDateTime(start), toDateTime(end)]
    return O.isSome(from) && O.isSome(to) && to.value.hasSame(from.value, 'day')
      ? to.value.toFormat('HH:mm')
      : local(calendar)(end)
  }

const hoursAndMinutes = (ms: number): string => {
  const minutes = Math.round(ms / 60_000)
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

console.log('Oslo service desk: Mon–Fri 08:00–16:00 Europe/Oslo, Norwegian public holidays,')
console.log('Christmas Eve 08:00–12:00. INC-105 runs on a 24/7 contract.')

for (const ticket of tickets) {
  const { calendar } = ticket
  const opened = orFail(Time.fromLocal(calendar.zone)(ticket.opened))
  const target = Time.hours(ticket.targetHours)
  const due = pipe(calendar, Calendar.addBusinessTime(opened, target))
  assert.strictEqual(Time.toLocalISO(calendar.zone)(due), ticket.expectedDue, `${ticket.id} due time`)

  const counted = pipe(calendar, Calendar.openIntervals(opened, due))
  // the counted intervals add up to the target, and so does businessTimeBetween
  assert.strictEqual(
    counted.reduce((sum, i) => sum + (i.end - i.start), 0),
    target
  )
  assert.strictEqual(pipe(calendar, Calendar.businessTimeBetween(opened, due)), target)

  console.log('')
  console.log(`${ticket.id}  ${ticket.what}, target ${ticket.targetHours} business hours`)
  console.log(`  opened   ${local(calendar)(opened)}`)
  console.log(`  due      ${local(calendar)(due)}`)
  counted.forEach((interval, i) => {
    const span = `${local(calendar)(interval.start)} – ${until(calendar, interval.start)(interval.end)}`
    console.log(
      `  ${i === 0 ? 'counted' : '       '}  ${hoursAndMinutes(interval.end - interval.start).padStart(11)}  ${span}`
    )
  })
  if (ticket.note !== undefined) console.log(`  note     ${ticket.note}`)
}
