import type { IanaZone, Instant } from '../time/index.js'

/**
 * A day of the week, as written in calendar specs.
 *
 * @category models
 * @since 0.1.0
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

/**
 * The days of the week from Monday to Sunday.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Calendar } from 'itsm-kit'
 * assert.deepStrictEqual(Calendar.allWeekdays, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
 * ```
 * @category constants
 * @since 0.1.0
 */
export const allWeekdays: ReadonlyArray<Weekday> = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/**
 * One opening interval of a day in local wall time, `[opens, closes)`.
 *
 * Times are `HH:mm` or `HH:mm:ss`; `closes` may be `24:00` (the end of the day). A `closes`
 * earlier than `opens` is an overnight interval: it belongs to the day it opens on and closes
 * the next morning (`22:00`–`06:00`).
 *
 * @category models
 * @since 0.1.0
 */
export interface OpeningHours {
  readonly opens: string
  readonly closes: string
}

/**
 * Opening intervals per weekday; a missing or empty day is closed.
 *
 * @category models
 * @since 0.1.0
 */
export type WeeklyHours = Readonly<Partial<Record<Weekday, ReadonlyArray<OpeningHours>>>>

/** Fields every repeating date rule may carry. @category models @since 0.1.0 */
export interface RuleYears {
  /** A label, such as `Christmas Day`, shown in explanations. */
  readonly name?: string
  /** The first year the rule applies (inclusive). */
  readonly firstYear?: number
  /** The last year the rule applies (inclusive). */
  readonly lastYear?: number
}

/**
 * The same month and day every year, such as 17 May (`month` 1–12). A rule for 29 February
 * falls only in leap years.
 *
 * @category models
 * @since 0.1.0
 */
export interface FixedDate extends RuleYears {
  readonly _tag: 'FixedDate'
  readonly month: number
  readonly day: number
}

/**
 * A day counted from Western (Gregorian) Easter Sunday: `-3` Maundy Thursday, `-2` Good Friday,
 * `1` Easter Monday, `39` Ascension Day, `49` Whit Sunday, `50` Whit Monday, `60` Corpus Christi.
 *
 * @category models
 * @since 0.1.0
 */
export interface EasterRelative extends RuleYears {
  readonly _tag: 'EasterRelative'
  readonly offset: number
}

/**
 * The n-th weekday of a month: `nth` 1–5 counts from the start, −1 to −5 from the end
 * (−1 = the last). A fifth weekday that a month does not have falls on no day that year.
 *
 * @category models
 * @since 0.1.0
 */
export interface NthWeekday extends RuleYears {
  readonly _tag: 'NthWeekday'
  readonly month: number
  readonly weekday: Weekday
  readonly nth: number
}

/**
 * The first given weekday on or after a month and day, such as "the Saturday between 20 and
 * 26 June" (`month` 6, `day` 20, `weekday` `sat`); it may fall in the next month.
 *
 * @category models
 * @since 0.1.0
 */
export interface WeekdayOnOrAfter extends RuleYears {
  readonly _tag: 'WeekdayOnOrAfter'
  readonly month: number
  readonly day: number
  readonly weekday: Weekday
}

/**
 * One explicit calendar date, `YYYY-MM-DD`.
 *
 * @category models
 * @since 0.1.0
 */
export interface ExactDate {
  readonly _tag: 'ExactDate'
  readonly date: string
  readonly name?: string
}

/**
 * A rule that picks calendar days: a holiday, or the days an exception applies to.
 *
 * @category models
 * @since 0.1.0
 */
export type DateRule = FixedDate | EasterRelative | NthWeekday | WeekdayOnOrAfter | ExactDate

/**
 * Replacement hours for the days a rule picks: a half day on Christmas Eve, an extra Saturday
 * opening, or a closure (`hours: []`). An exception wins over holidays and weekly hours; when
 * several exceptions pick the same day, the first one listed wins.
 *
 * With `whenOpen: true` the exception only shortens days that would otherwise be open (weekly
 * hours, not a holiday): a yearly "Christmas Eve 08:00–12:00" then leaves a Christmas Eve that
 * falls on a Saturday closed instead of opening it.
 *
 * @category models
 * @since 0.1.0
 */
export interface DayException {
  readonly on: DateRule
  readonly hours: ReadonlyArray<OpeningHours>
  readonly whenOpen?: boolean
}

/**
 * A business calendar as plain JSON-serialisable data: the zone, the weekly opening hours,
 * the holidays (whole local days closed) and the exceptions.
 *
 * @category models
 * @since 0.1.0
 */
export interface CalendarSpec {
  /** IANA zone in which the wall times, dates and holidays are read. */
  readonly zone: string
  readonly weekly: WeeklyHours
  readonly holidays?: ReadonlyArray<DateRule>
  readonly exceptions?: ReadonlyArray<DayException>
}

/**
 * A compiled calendar: the validated spec and its zone, made by `compile`, which also attaches
 * (out of sight of this type) the tables that answer business-time questions.
 *
 * Compiled calendars are values: the only state inside is a cache of year tables and interval
 * indexes built on first use, which never changes a result. They cannot cross a worker or
 * process boundary as they are: send `spec` (plain JSON) and compile it again there. A copy made
 * by `structuredClone` keeps `spec` but loses the tables, so every query on it compiles the spec
 * again.
 *
 * @category models
 * @since 0.1.0
 */
export interface BusinessCalendar {
  readonly _tag: 'BusinessCalendar'
  readonly spec: CalendarSpec
  readonly zone: IanaZone
}

/**
 * A half-open stretch of open time `[start, end)` on the UTC time line.
 *
 * @category models
 * @since 0.1.0
 */
export interface OpenInterval {
  readonly start: Instant
  readonly end: Instant
}
