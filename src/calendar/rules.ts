import { absurd } from 'fp-ts/lib/function.js'
import { civilFromDays, daysFromCivil, daysInMonth, parseDay, weekdayOfDay } from '../internal/civil.js'
import type { DateRule, Weekday } from './model.js'

const weekdayIndex: Readonly<Record<Weekday, number>> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 }

/** Index 0 (Monday) … 6 (Sunday) of a weekday name. @internal */
export const indexOfWeekday = (w: Weekday): number => weekdayIndex[w]

/**
 * Epoch day of Western Easter Sunday, by the anonymous Gregorian algorithm (Meeus, *Astronomical
 * Algorithms*, ch. 8; also known as the Meeus/Jones/Butcher algorithm).
 *
 * @internal
 */
export const easterSunday = (year: number): number => {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return daysFromCivil(year, month, day)
}

const appliesIn = (rule: Exclude<DateRule, { _tag: 'ExactDate' }>, year: number): boolean =>
  (rule.firstYear === undefined || year >= rule.firstYear) && (rule.lastYear === undefined || year <= rule.lastYear)

/**
 * The epoch day a rule picks for its anchor `year`, or `undefined` when it picks none that year.
 * An Easter-relative or on-or-after rule may land in the next or previous civil year.
 *
 * @internal
 */
export const dayOfRule = (rule: DateRule, year: number): number | undefined => {
  switch (rule._tag) {
    case 'ExactDate': {
      const day = parseDay(rule.date)
      return day !== undefined && civilFromDays(day)[0] === year ? day : undefined
    }
    case 'FixedDate':
      return appliesIn(rule, year) && rule.day <= daysInMonth(year, rule.month)
        ? daysFromCivil(year, rule.month, rule.day)
        : undefined
    case 'EasterRelative':
      return appliesIn(rule, year) ? easterSunday(year) + rule.offset : undefined
    case 'WeekdayOnOrAfter': {
      if (!appliesIn(rule, year) || rule.day > daysInMonth(year, rule.month)) return undefined
      const from = daysFromCivil(year, rule.month, rule.day)
      return from + ((indexOfWeekday(rule.weekday) - weekdayOfDay(from) + 7) % 7)
    }
    case 'NthWeekday': {
      if (!appliesIn(rule, year)) return undefined
      const want = indexOfWeekday(rule.weekday)
      const length = daysInMonth(year, rule.month)
      if (rule.nth > 0) {
        const first = daysFromCivil(year, rule.month, 1)
        const day = first + ((want - weekdayOfDay(first) + 7) % 7) + (rule.nth - 1) * 7
        return day < first + length ? day : undefined
      }
      const last = daysFromCivil(year, rule.month, length)
      const day = last - ((weekdayOfDay(last) - want + 7) % 7) + (rule.nth + 1) * 7
      return day > last - length ? day : undefined
    }
    default:
      return absurd(rule)
  }
}
