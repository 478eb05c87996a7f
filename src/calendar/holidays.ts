import { isArrayValue } from '../internal/primitives.js'
import type { LocalDate } from '../time/index.js'
import { formatDay, yearOfDay } from '../internal/civil.js'
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
  /** The names of the rules that pick the day, in rule order (empty when none has a name). */
  readonly names: ReadonlyArray<string>
}

/**
 * Lists the days that a set of date rules picks in one year, in date order; a day picked by
 * several rules is listed once, with all their names (Norway's 17 May and Ascension Day fell
 * together in 2007).
 *
 * Total: a year that is not a whole number from 1900 to 2199 (the years a `LocalDate` can
 * name) picks no day, so the list is empty.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar } from 'itsm-kit'
 * const easter = pipe(Calendar.publicHolidays.NO, Calendar.holidaysIn(2025)).filter((h) => h.date.startsWith('2025-04'))
 * assert.deepStrictEqual(easter.map((h) => h.date), ['2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21'])
 * const may17 = pipe(Calendar.publicHolidays.NO, Calendar.holidaysIn(2007)).find((h) => h.date === '2007-05-17')
 * assert.deepStrictEqual(may17?.names, ['Grunnlovsdagen', 'Kristi himmelfartsdag'])
 * ```
 * @category queries
 * @since 0.1.0
 */
export const holidaysIn =
  (year: number) =>
  (self: ReadonlyArray<DateRule>): ReadonlyArray<HolidayDate> => {
    if (!Number.isInteger(year) || year < 1900 || year > 2199 || !isArrayValue(self)) return []
    const found = new Map<number, string[]>()
    for (const anchor of [year - 1, year, year + 1])
      for (const rule of self) {
        const day = dayOfRule(rule, anchor)
        if (day === undefined || yearOfDay(day) !== year) continue
        const names = found.get(day) ?? []
        if (rule.name !== undefined && !names.includes(rule.name)) names.push(rule.name)
        found.set(day, names)
      }
    return [...found.keys()]
      .sort((a, b) => a - b)
      .map((day) => ({ date: formatDay(day) as LocalDate, names: found.get(day) ?? [] }))
  }

/**
 * Public holidays of Sweden ("allmänna helgdagar") and the three eves a Swedish desk closes on.
 *
 * The statutory days, Easter Sunday and Whit Sunday included (24/7 contracts with holidays need
 * them), follow Lag (1989:253) om allmänna helgdagar: Whit Monday until 2004 and the National
 * Day (6 June) from 2005, the change made by SFS 2004:1320. Midsummer Eve, Christmas Eve and
 * New Year's Eve are not holidays in law but are days off in practice: Lag (1930:173) om
 * beräkning av lagstadgad tid moves deadlines off them as off a holiday, and most collective
 * agreements give them off, so a desk calendar wants them closed. Easter Eve and Whitsun Eve
 * always fall on a Saturday and are left out; Twelfth Night, Walpurgis Night and All Saints'
 * Eve are at most half days, which a desk adds as an exception.
 *
 * @internal
 */
const SE: ReadonlyArray<DateRule> = [
  // Lag (1989:253) om allmänna helgdagar, 1–2 §§
  { _tag: 'FixedDate', month: 1, day: 1, name: 'Nyårsdagen' },
  { _tag: 'FixedDate', month: 1, day: 6, name: 'Trettondedag jul' },
  { _tag: 'EasterRelative', offset: -2, name: 'Långfredagen' },
  { _tag: 'EasterRelative', offset: 0, name: 'Påskdagen' },
  { _tag: 'EasterRelative', offset: 1, name: 'Annandag påsk' },
  { _tag: 'FixedDate', month: 5, day: 1, name: 'Första maj' },
  { _tag: 'EasterRelative', offset: 39, name: 'Kristi himmelsfärdsdag' },
  { _tag: 'EasterRelative', offset: 49, name: 'Pingstdagen' },
  // removed from the list by SFS 2004:1320 (in force 1 April 2005)
  { _tag: 'EasterRelative', offset: 50, name: 'Annandag pingst', lastYear: 2004 },
  // added to the list by SFS 2004:1320
  { _tag: 'FixedDate', month: 6, day: 6, name: 'Nationaldagen', firstYear: 2005 },
  // de-facto day off: Lag (1930:173) om beräkning av lagstadgad tid, 2 §; the Friday 19–25 June
  { _tag: 'WeekdayOnOrAfter', month: 6, day: 19, weekday: 'fri', name: 'Midsommarafton' },
  // Lag (1989:253): the Saturday 20–26 June
  { _tag: 'WeekdayOnOrAfter', month: 6, day: 20, weekday: 'sat', name: 'Midsommardagen' },
  // Lag (1989:253): the Saturday 31 October – 6 November
  { _tag: 'WeekdayOnOrAfter', month: 10, day: 31, weekday: 'sat', name: 'Alla helgons dag' },
  // de-facto day off: Lag (1930:173), 2 §
  { _tag: 'FixedDate', month: 12, day: 24, name: 'Julafton' },
  { _tag: 'FixedDate', month: 12, day: 25, name: 'Juldagen' },
  { _tag: 'FixedDate', month: 12, day: 26, name: 'Annandag jul' },
  // de-facto day off: Lag (1930:173), 2 §
  { _tag: 'FixedDate', month: 12, day: 31, name: 'Nyårsafton' }
]

/**
 * Public holidays of Norway (statutory "helligdager" and the two national days).
 *
 * Christmas Eve and New Year's Eve are not public holidays in Norway; desks that close early
 * then add an exception.
 *
 * @internal
 */
const NO: ReadonlyArray<DateRule> = [
  // lov om helligdager og helligdagsfred (LOV-1995-02-24-12) § 2 for the church days;
  // lov om 1. og 17. mai som høgtidsdager (LOV-1947-04-26-1) for 1 and 17 May
  { _tag: 'FixedDate', month: 1, day: 1, name: 'Første nyttårsdag' },
  { _tag: 'EasterRelative', offset: -3, name: 'Skjærtorsdag' },
  { _tag: 'EasterRelative', offset: -2, name: 'Langfredag' },
  { _tag: 'EasterRelative', offset: 0, name: 'Første påskedag' },
  { _tag: 'EasterRelative', offset: 1, name: 'Andre påskedag' },
  { _tag: 'FixedDate', month: 5, day: 1, name: 'Arbeidernes dag' },
  { _tag: 'FixedDate', month: 5, day: 17, name: 'Grunnlovsdagen' },
  { _tag: 'EasterRelative', offset: 39, name: 'Kristi himmelfartsdag' },
  { _tag: 'EasterRelative', offset: 49, name: 'Første pinsedag' },
  { _tag: 'EasterRelative', offset: 50, name: 'Andre pinsedag' },
  { _tag: 'FixedDate', month: 12, day: 25, name: 'Første juledag' },
  { _tag: 'FixedDate', month: 12, day: 26, name: 'Andre juledag' }
]

/**
 * Public holidays of Finland ("kirkolliset juhlapäivät", May Day and Independence Day) and the
 * two eves a Finnish desk closes on.
 *
 * The church holidays, Easter Sunday and Whit Sunday included (24/7 contracts with holidays
 * need them), follow Kirkkolaki (1054/1993) 4 luku 3 §, which lists no Whit Monday. Midsummer
 * Eve and Christmas Eve are not holidays in law but are paid days off under most collective
 * agreements, and Vuosilomalaki (162/2005) does not count them as working days of annual
 * leave, so a desk calendar wants them closed. Easter Saturday, which that act treats the same
 * way, always falls on a Saturday and is left out. New Year's Eve is an ordinary working day in
 * Finland and is left out too.
 *
 * @internal
 */
const FI: ReadonlyArray<DateRule> = [
  // Kirkkolaki (1054/1993) 4:3 (church holidays, dated as in the Western church)
  { _tag: 'FixedDate', month: 1, day: 1, name: 'Uudenvuodenpäivä' },
  { _tag: 'FixedDate', month: 1, day: 6, name: 'Loppiainen' },
  { _tag: 'EasterRelative', offset: -2, name: 'Pitkäperjantai' },
  { _tag: 'EasterRelative', offset: 0, name: 'Pääsiäispäivä' },
  { _tag: 'EasterRelative', offset: 1, name: 'Toinen pääsiäispäivä' },
  // Vuosilomalaki (162/2005): vapunpäivä is not a working day
  { _tag: 'FixedDate', month: 5, day: 1, name: 'Vappu' },
  { _tag: 'EasterRelative', offset: 39, name: 'Helatorstai' },
  { _tag: 'EasterRelative', offset: 49, name: 'Helluntaipäivä' },
  // de-facto day off: collective agreements; Vuosilomalaki (162/2005). The Friday 19–25 June
  { _tag: 'WeekdayOnOrAfter', month: 6, day: 19, weekday: 'fri', name: 'Juhannusaatto' },
  // Kirkkolaki 4:3: the Saturday after 19 June
  { _tag: 'WeekdayOnOrAfter', month: 6, day: 20, weekday: 'sat', name: 'Juhannuspäivä' },
  // Kirkkolaki 4:3: the Saturday after 30 October
  { _tag: 'WeekdayOnOrAfter', month: 10, day: 31, weekday: 'sat', name: 'Pyhäinpäivä' },
  // Laki itsenäisyyspäivän viettämisestä yleisenä juhla- ja vapaapäivänä (388/1937)
  { _tag: 'FixedDate', month: 12, day: 6, name: 'Itsenäisyyspäivä' },
  // de-facto day off: collective agreements; Vuosilomalaki (162/2005)
  { _tag: 'FixedDate', month: 12, day: 24, name: 'Jouluaatto' },
  { _tag: 'FixedDate', month: 12, day: 25, name: 'Joulupäivä' },
  { _tag: 'FixedDate', month: 12, day: 26, name: 'Tapaninpäivä' }
]

/**
 * Public holidays of Poland ("dni wolne od pracy").
 *
 * The days listed in the Ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy, Easter
 * Sunday and Whit Sunday included (24/7 contracts with holidays need them): Epiphany from 2011
 * and Christmas Eve from 2025. Maundy Thursday and Good Friday are working days (only schools
 * close), and there are no de-facto days off to add.
 *
 * @internal
 */
const PL: ReadonlyArray<DateRule> = [
  // Ustawa o dniach wolnych od pracy (1951), art. 1
  { _tag: 'FixedDate', month: 1, day: 1, name: 'Nowy Rok' },
  // added by the ustawa of 24 September 2010 (Dz. U. Nr 224, poz. 1459), in force 1 January 2011
  { _tag: 'FixedDate', month: 1, day: 6, name: 'Święto Trzech Króli', firstYear: 2011 },
  { _tag: 'EasterRelative', offset: 0, name: 'Pierwszy dzień Wielkiej Nocy' },
  { _tag: 'EasterRelative', offset: 1, name: 'Drugi dzień Wielkiej Nocy' },
  { _tag: 'FixedDate', month: 5, day: 1, name: 'Święto Pracy' },
  { _tag: 'FixedDate', month: 5, day: 3, name: 'Święto Narodowe Trzeciego Maja' },
  { _tag: 'EasterRelative', offset: 49, name: 'Zielone Świątki' },
  { _tag: 'EasterRelative', offset: 60, name: 'Boże Ciało' },
  { _tag: 'FixedDate', month: 8, day: 15, name: 'Wniebowzięcie Najświętszej Maryi Panny' },
  { _tag: 'FixedDate', month: 11, day: 1, name: 'Wszystkich Świętych' },
  { _tag: 'FixedDate', month: 11, day: 11, name: 'Narodowe Święto Niepodległości' },
  // added by the ustawa of 6 December 2024, first observed on 24 December 2025
  { _tag: 'FixedDate', month: 12, day: 24, name: 'Wigilia Bożego Narodzenia', firstYear: 2025 },
  { _tag: 'FixedDate', month: 12, day: 25, name: 'Pierwszy dzień Bożego Narodzenia' },
  { _tag: 'FixedDate', month: 12, day: 26, name: 'Drugi dzień Bożego Narodzenia' }
]

/**
 * A country with a public-holiday preset: Sweden, Norway, Finland or Poland (ISO 3166 codes).
 *
 * @category models
 * @since 0.1.0
 */
export type HolidayCountry = 'SE' | 'NO' | 'FI' | 'PL'

/**
 * Public-holiday rules for Sweden (`SE`), Norway (`NO`), Finland (`FI`) and Poland (`PL`), to use
 * as a calendar's `holidays`. See the holidays guide for the days each set includes and how
 * they compare with the `date-holidays` package.
 *
 * Each set holds the statutory days, Sundays such as Easter Sunday included, with the years a
 * rule applied. The Swedish set adds Midsummer Eve, Christmas Eve and New Year's Eve and the
 * Finnish set Midsummer Eve and Christmas Eve: not holidays in law, but days a desk there is
 * closed. Half days (such as New Year's Eve afternoon in Norway) are exceptions, not holidays.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar } from 'itsm-kit'
 * const may = pipe(Calendar.publicHolidays.NO, Calendar.holidaysIn(2025)).filter((h) => h.date.startsWith('2025-05'))
 * assert.deepStrictEqual(may.map((h) => h.date), ['2025-05-01', '2025-05-17', '2025-05-29'])
 * const midsummer = pipe(Calendar.publicHolidays.SE, Calendar.holidaysIn(2025)).filter((h) => h.date.startsWith('2025-06-2'))
 * assert.deepStrictEqual(midsummer, [{ date: '2025-06-20', names: ['Midsommarafton'] }, { date: '2025-06-21', names: ['Midsommardagen'] }])
 * ```
 * @category constants
 * @since 0.1.0
 */
export const publicHolidays: Readonly<Record<HolidayCountry, ReadonlyArray<DateRule>>> = {
  SE,
  NO,
  FI,
  PL
}
