import type { CalendarSpec, DateRule, DayException, OpeningHours } from './model.js'
import { allWeekdays } from './model.js'

/**
 * A calendar open round the clock, every day, in UTC: for 24/7 contracts.
 *
 * Business time on it is real elapsed time. Add holidays or a zone with a spread
 * (`{ ...Calendar.alwaysOpen, zone: 'Europe/Oslo', holidays }`) when a 24/7 contract still
 * closes on some local days.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Time } from 'itsm-kit'
 * const sunday = Time.instant('2025-03-09T03:00:00Z')
 * assert.deepStrictEqual(pipe(Calendar.make(Calendar.alwaysOpen), E.map(Calendar.isOpen(sunday))), E.right(true))
 * ```
 * @category constants
 * @since 0.1.0
 */
export const alwaysOpen: CalendarSpec = {
  zone: 'UTC',
  weekly: Object.fromEntries(allWeekdays.map((w) => [w, [{ opens: '00:00', closes: '24:00' }]]))
}

/**
 * Options of {@link weekdays}.
 *
 * @category models
 * @since 0.1.0
 */
export interface WeekdaysOptions {
  readonly zone: string
  /** Local opening time, `HH:mm`. */
  readonly opens: string
  /** Local closing time, `HH:mm` (or `24:00`). */
  readonly closes: string
  readonly holidays?: ReadonlyArray<DateRule>
  readonly exceptions?: ReadonlyArray<DayException>
}

/**
 * Builds the spec of a desk open Monday to Friday between two local times, such as
 * 08:00–16:00 in Europe/Oslo, with optional holidays and exceptions.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Calendar } from 'itsm-kit'
 * const spec = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })
 * assert.deepStrictEqual(spec.weekly.mon, [{ opens: '08:00', closes: '16:00' }])
 * assert.strictEqual(spec.weekly.sat, undefined)
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const weekdays = (options: WeekdaysOptions): CalendarSpec => {
  try {
    const hours: ReadonlyArray<OpeningHours> = [{ opens: options.opens, closes: options.closes }]
    return {
      zone: options.zone,
      weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
      ...(options.holidays === undefined ? {} : { holidays: options.holidays }),
      ...(options.exceptions === undefined ? {} : { exceptions: options.exceptions })
    }
  } catch {
    // options that cannot be read (a JavaScript caller's value, a Proxy): a spec that
    // Calendar.make refuses, naming the zone
    return { zone: '', weekly: {} }
  }
}
