/**
 * Business calendars and exact business-time arithmetic: when a desk is open, and how much
 * open time lies between two instants or after one.
 *
 * A {@link CalendarSpec} is plain data (zone, weekly hours, holiday rules, exceptions);
 * {@link make} checks it and returns a {@link BusinessCalendar} whose queries are a binary
 * search over open intervals generated once per year. Intervals are half-open, business time is
 * real elapsed time, {@link addBusinessTime} returns the earliest matching instant and
 * {@link subtractBusinessTime} the latest.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const spec = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
 * const opened = Time.instant('2025-04-16T15:00:00+02:00')
 * const due = pipe(
 *   Calendar.make(spec),
 *   E.map((oslo) => pipe(oslo, Calendar.addBusinessTime(opened, Time.hours(2)), Time.toLocalISO(oslo.zone)))
 * )
 * // Maundy Thursday to Easter Monday are closed in Norway
 * assert.deepStrictEqual(due, E.right('2025-04-22T09:00:00+02:00'))
 * ```
 * @module Calendar
 * @since 0.1.0
 */
export type {
  BusinessCalendar,
  CalendarSpec,
  DateRule,
  DayException,
  EasterRelative,
  ExactDate,
  FixedDate,
  NthWeekday,
  OpenInterval,
  OpeningHours,
  RuleYears,
  Weekday,
  WeekdayOnOrAfter,
  WeeklyHours
} from './model.js'
export { allWeekdays } from './model.js'
export type { CalendarError, EmptyInterval, ImpossibleDate, NoOpenTime, OverlappingHours } from './errors.js'
export { compile as make, isBusinessCalendar } from './compile.js'
export { decodeCalendarSpec, encodeCalendarSpec } from './codec.js'
export {
  addBusinessTime,
  businessTimeBetween,
  isOpen,
  nextOpening,
  openIntervals,
  previousClosing,
  subtractBusinessTime
} from './businessTime.js'
export { closedStretches, tiles, tilesLimit, type ClosedStretch, type Tiles } from './closed.js'
export { addBusinessDays, endOfBusinessDay, isBusinessDay, isHoliday } from './days.js'
export { alwaysOpen, weekdays, type WeekdaysOptions } from './presets.js'
export { holidaysIn, publicHolidays, type HolidayCountry, type HolidayDate } from './holidays.js'
