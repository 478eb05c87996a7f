/**
 * A walkthrough of business calendars: from a JSON spec to due dates, elapsed business time,
 * the open intervals behind them, and DST on a 24/7 calendar.
 *
 * Run it with `npx tsx examples/calendar.ts`. Each section checks its own results with
 * `node:assert`; the `#region` markers let the API docs embed a section.
 */
import * as assert from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Time } from 'itsm-kit'
import * as Codec from 'itsm-kit/codec'

/** Unwraps a Right; a Left means this walkthrough is wrong, so it stops with the error message. */
const orFail = <A>(result: E.Either<{ readonly message: string }, A>): A =>
  pipe(
    result,
    E.getOrElse((error): A => assert.fail(error.message))
  )

// #region decode
// A spec usually arrives as JSON (a file, a database row, an admin UI). This one has two
// mistakes: a misspelt weekday and a closing time that does not exist.
const broken: unknown = JSON.parse(`{
  "zone": "Europe/Oslo",
  "weekly": { "monday": [{ "opens": "08:00", "closes": "16:00" }], "tue": [{ "opens": "08:00", "closes": "16:60" }] }
}`)
const rejected = Calendar.decodeCalendarSpec(broken)
assert.ok(E.isLeft(rejected))
// every problem is reported, each with its path, what was expected and what was received
console.log(`rejected:\n${Codec.formatDecodeError(rejected.left)}\n`)
assert.deepStrictEqual(
  rejected.left.issues.map((issue) => issue.path),
  ['weekly.tue[0].closes', 'weekly.monday']
)

const json: unknown = JSON.parse(`{
  "zone": "Europe/Oslo",
  "weekly": {
    "mon": [{ "opens": "08:00", "closes": "16:00" }],
    "tue": [{ "opens": "08:00", "closes": "16:00" }],
    "wed": [{ "opens": "08:00", "closes": "16:00" }],
    "thu": [{ "opens": "08:00", "closes": "16:00" }],
    "fri": [{ "opens": "08:00", "closes": "11:30" }, { "opens": "12:00", "closes": "16:00" }]
  },
  "holidays": [
    { "_tag": "FixedDate", "month": 5, "day": 17, "name": "Constitution Day" },
    { "_tag": "EasterRelative", "offset": -2, "name": "Good Friday" },
    { "_tag": "FixedDate", "month": 12, "day": 25, "name": "Christmas Day" },
    { "_tag": "FixedDate", "month": 12, "day": 26, "name": "Boxing Day" }
  ],
  "exceptions": [{ "on": { "_tag": "FixedDate", "month": 12, "day": 24 }, "hours": [{ "opens": "08:00", "closes": "12:00" }] }]
}`)
const spec = orFail(Calendar.decodeCalendarSpec(json))
// #endregion decode

// #region compile
// Decoding checks the shape; compiling checks the meaning (a known zone, no overlapping
// hours, some open time at all) and prepares the fast queries.
const overlapping = Calendar.make({
  ...spec,
  weekly: {
    ...spec.weekly,
    mon: [
      { opens: '08:00', closes: '12:00' },
      { opens: '11:00', closes: '16:00' }
    ]
  }
})
assert.deepStrictEqual(
  pipe(
    overlapping,
    E.mapLeft((error) => error.message)
  ),
  E.left(
    'weekly.mon[1]: expected opening hours that do not overlap weekly.mon[0], received 11:00–16:00, which overlaps 08:00–12:00'
  )
)
const desk = orFail(Calendar.make(spec))
// #endregion compile

// small helpers for this walkthrough: local wall times in, local ISO strings out
const at = (wallTime: string): Time.Instant => orFail(Time.fromLocal(desk.zone)(wallTime))
const hours = Time.hours
const local = Time.toLocalISO(desk.zone)

// #region due-dates
// A ticket opened Thursday 15:00 with a 2-hour target: 1 h on Thursday, then Friday 08:00–09:00.
const due = pipe(desk, Calendar.addBusinessTime(at('2025-03-06T15:00'), hours(2)))
assert.strictEqual(local(due), '2025-03-07T09:00:00+01:00')

// Landing exactly on a closing time gives that closing time, not the next opening.
assert.strictEqual(
  local(pipe(desk, Calendar.addBusinessTime(at('2025-03-06T12:00'), hours(4)))),
  '2025-03-06T16:00:00+01:00'
)

// Counting from a closed instant starts at the next opening (Saturday → Monday 08:00).
assert.strictEqual(
  local(pipe(desk, Calendar.addBusinessTime(at('2025-03-08T10:00'), hours(1)))),
  '2025-03-10T09:00:00+01:00'
)

// Friday's lunch break (11:30–12:00) does not count.
assert.strictEqual(
  local(pipe(desk, Calendar.addBusinessTime(at('2025-03-07T11:00'), hours(1)))),
  '2025-03-07T12:30:00+01:00'
)

// Adding nothing changes nothing, even when the desk is closed.
assert.strictEqual(
  local(pipe(desk, Calendar.addBusinessTime(at('2025-03-08T10:00'), hours(0)))),
  '2025-03-08T10:00:00+01:00'
)

// Subtracting lands on an opening: 4 h before Monday 12:00 is Monday 08:00, not Friday 16:00.
assert.strictEqual(
  local(pipe(desk, Calendar.subtractBusinessTime(at('2025-03-10T12:00'), hours(4)))),
  '2025-03-10T08:00:00+01:00'
)

// Holidays and exceptions: Good Friday 2025 is 18 April (this spec keeps Easter Monday open);
// Christmas Eve 2025 is a Wednesday that closes at noon, then Thursday to Sunday are closed.
assert.strictEqual(
  local(pipe(desk, Calendar.addBusinessTime(at('2025-04-17T15:00'), hours(2)))),
  '2025-04-21T09:00:00+02:00'
)
assert.strictEqual(
  local(pipe(desk, Calendar.addBusinessTime(at('2025-12-24T11:00'), hours(2)))),
  '2025-12-29T09:00:00+01:00'
)
console.log(`a 2-hour ticket opened Thursday 15:00 is due ${local(due)}`)
// #endregion due-dates

// #region between
// Business time between two instants is signed and adds up over any middle point.
const thursday = at('2025-03-06T15:00')
const monday = at('2025-03-10T09:00')
const spent = pipe(desk, Calendar.businessTimeBetween(thursday, monday))
assert.strictEqual(Time.toISODuration(spent), 'PT9H30M') // 1 h Thursday + 7 h 30 min Friday (lunch excluded) + 1 h Monday
assert.strictEqual(Time.toISODuration(pipe(desk, Calendar.businessTimeBetween(monday, thursday))), '-PT9H30M')
const saturday = at('2025-03-08T12:00')
assert.strictEqual(
  pipe(desk, Calendar.businessTimeBetween(thursday, saturday)) +
    pipe(desk, Calendar.businessTimeBetween(saturday, monday)),
  spent
)
// and it undoes addBusinessTime
assert.strictEqual(pipe(desk, Calendar.businessTimeBetween(thursday, due)), hours(2))
console.log(`business time from Thursday 15:00 to Monday 09:00: ${Time.toISODuration(spent)}`)
// #endregion between

// #region open-intervals
// The intervals that were counted, clipped to the question: the explanation behind a number.
const counted = pipe(desk, Calendar.openIntervals(thursday, monday)).map((i) => `${local(i.start)} – ${local(i.end)}`)
assert.deepStrictEqual(counted, [
  '2025-03-06T15:00:00+01:00 – 2025-03-06T16:00:00+01:00',
  '2025-03-07T08:00:00+01:00 – 2025-03-07T11:30:00+01:00',
  '2025-03-07T12:00:00+01:00 – 2025-03-07T16:00:00+01:00',
  '2025-03-10T08:00:00+01:00 – 2025-03-10T09:00:00+01:00'
])
console.log(`counted:\n  ${counted.join('\n  ')}`)
assert.strictEqual(pipe(desk, Calendar.isOpen(at('2025-03-07T11:45'))), false) // lunch
assert.strictEqual(local(pipe(desk, Calendar.nextOpening(at('2025-03-07T11:45')))), '2025-03-07T12:00:00+01:00')
// #endregion open-intervals

// #region dst
// On a 24/7 calendar business time is real elapsed time: the spring-forward day in Oslo has
// 23 hours, the autumn day 25.
const always = orFail(Calendar.make({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo' }))
const oslo = always.zone
const day = (from: string, to: string): string =>
  Time.toISODuration(
    pipe(always, Calendar.businessTimeBetween(orFail(Time.fromLocal(oslo)(from)), orFail(Time.fromLocal(oslo)(to))))
  )
assert.strictEqual(day('2025-03-30T00:00', '2025-03-31T00:00'), 'PT23H')
assert.strictEqual(day('2025-10-26T00:00', '2025-10-27T00:00'), 'PT25H')

// 8 hours from Saturday 22:00 before the spring change: the wall clock shows 07:00, 9 hours later.
const night = orFail(Time.fromLocal(oslo)('2025-03-29T22:00'))
assert.strictEqual(
  Time.toLocalISO(oslo)(pipe(always, Calendar.addBusinessTime(night, hours(8)))),
  '2025-03-30T07:00:00+02:00'
)

// Wall times that do not exist move forward by the gap; repeated ones take the earlier occurrence.
assert.deepStrictEqual(
  pipe(Time.fromLocal(oslo)('2025-03-30T02:30'), E.map(Time.toLocalISO(oslo))),
  E.right('2025-03-30T03:30:00+02:00')
)
assert.deepStrictEqual(
  pipe(Time.fromLocal(oslo)('2025-10-26T02:30'), E.map(Time.toLocalISO(oslo))),
  E.right('2025-10-26T02:30:00+02:00')
)
console.log(
  `spring-forward day: ${day('2025-03-30T00:00', '2025-03-31T00:00')}, fall-back day: ${day('2025-10-26T00:00', '2025-10-27T00:00')}`
)
// #endregion dst
