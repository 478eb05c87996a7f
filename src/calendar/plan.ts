/**
 * The first part of the calendar engine: a validated spec turned into a plan (opening hours in
 * seconds with their sums, holiday and exception rules indexed), and the pure function that
 * tells which days of one local year are holidays or have exception hours.
 *
 * @internal
 * @packageDocumentation
 */
import { daysFromCivil, parseDay, parseSeconds, weekdayOfDay, yearOfDay } from '../internal/civil.js'
import type { CalendarSpec, DateRule, OpeningHours } from './model.js'
import { allWeekdays } from './model.js'
import { dayOfRule } from './rules.js'

/** First and last local year the engine covers; instants are limited to 1900–2200 UTC. @internal */
export const MIN_YEAR = 1899
/** @internal */
export const MAX_YEAR = 2200
/** First and last local epoch day covered (1899-01-01, 2200-12-31). @internal */
export const MIN_DAY = daysFromCivil(MIN_YEAR, 1, 1)
/** @internal */
export const MAX_DAY = daysFromCivil(MAX_YEAR, 12, 31)

/** Seconds since local midnight of an interval; an overnight `closes` is moved to the next day. @internal */
export const toSeconds = (h: OpeningHours): readonly [number, number] => {
  const opens = parseSeconds(h.opens, false) as number
  const closes = parseSeconds(h.closes, true) as number
  return [opens, closes <= opens ? closes + 86400 : closes]
}

/**
 * The opening hours of one kind of day, sorted, in seconds since local midnight (`closes` may
 * pass 86 400 for an overnight interval), with the sums a year table needs.
 *
 * @internal
 */
export interface HoursList {
  readonly opens: Float64Array
  readonly closes: Float64Array
  /** Open milliseconds before the next local midnight. */
  readonly inDayMs: number
  /** Open milliseconds after the next local midnight (overnight intervals). */
  readonly spillMs: number
  /** First opening (seconds), `Infinity` when closed all day. */
  readonly firstOpen: number
  /** Latest closing minus 86 400 (seconds into the next day), 0 without an overnight interval. */
  readonly spillEnd: number
}

const hoursList = (hours: ReadonlyArray<OpeningHours>): HoursList => {
  const pairs = hours.map(toSeconds).sort((x, y) => x[0] - y[0])
  let inDay = 0
  let spill = 0
  let spillEnd = 0
  for (const [o, c] of pairs) {
    inDay += Math.min(c, 86400) - o
    if (c > 86400) {
      spill += c - 86400
      spillEnd = Math.max(spillEnd, c - 86400)
    }
  }
  return {
    opens: Float64Array.from(pairs.map((p) => p[0])),
    closes: Float64Array.from(pairs.map((p) => p[1])),
    inDayMs: inDay * 1000,
    spillMs: spill * 1000,
    firstOpen: pairs[0]?.[0] ?? Infinity,
    spillEnd
  }
}

/** A day with no opening hours. @internal */
export const closedDay: HoursList = hoursList([])

interface Dated {
  readonly day: number
  readonly order: number
  readonly exception?: { readonly hours: HoursList; readonly whenOpen: boolean }
}

interface ExceptionRule {
  readonly on: DateRule
  readonly hours: HoursList
  readonly whenOpen: boolean
  readonly order: number
}

/** May land in the year before its anchor year. */
const BEFORE = 1
/** May land in the year after its anchor year. */
const AFTER = 2

/**
 * Which neighbouring years a repeating rule can land in, besides its anchor year: an Easter
 * offset reaches the year before below −79 days (Easter is 22 March at the earliest) and the year
 * after above 249 (25 April at the latest); a weekday on or after 26–31 December may fall in
 * January. Fixed dates and n-th weekdays stay in their year.
 */
const reachOf = (rule: DateRule): number => {
  switch (rule._tag) {
    case 'EasterRelative':
      return (rule.offset < -79 ? BEFORE : 0) | (rule.offset > 249 ? AFTER : 0)
    case 'WeekdayOnOrAfter':
      return rule.month === 12 && rule.day >= 26 ? AFTER : 0
    default:
      return 0
  }
}

/** A compiled spec, before any year is built. @internal */
export interface Plan {
  /** Monday … Sunday. */
  readonly weekly: ReadonlyArray<HoursList>
  readonly holidayRules: ReadonlyArray<DateRule>
  /** `reachOf` each holiday rule, and each exception rule. */
  readonly holidayReach: Uint8Array
  readonly exceptionRules: ReadonlyArray<ExceptionRule>
  readonly exceptionReach: Uint8Array
  /** Explicit dates, indexed by year once, so 10 000 of them cost nothing per year built. */
  readonly exactByYear: ReadonlyMap<number, ReadonlyArray<Dated>>
  /** The most intervals any one day can have. */
  readonly maxPerDay: number
  /**
   * Open milliseconds in the 24-hour window of a day of each weekday (Monday … Sunday) whose day
   * before has its weekly hours too: the day's own hours before midnight plus the overnight part
   * of the day before. NaN where the two overlap (compile rejects that; the engine then measures).
   */
  readonly plainWindow: Float64Array
}

/** Builds the plan of a validated spec. @internal */
export const makePlan = (spec: CalendarSpec): Plan => {
  const weekly = allWeekdays.map((w) => hoursList(spec.weekly[w] ?? []))
  const exactByYear = new Map<number, Dated[]>()
  const indexExact = (rule: DateRule, order: number, exception?: Dated['exception']): boolean => {
    if (rule._tag !== 'ExactDate') return false
    const day = parseDay(rule.date) as number
    const year = yearOfDay(day)
    const list = exactByYear.get(year) ?? []
    list.push(exception === undefined ? { day, order } : { day, order, exception })
    exactByYear.set(year, list)
    return true
  }
  const holidayRules = (spec.holidays ?? []).filter((r) => !indexExact(r, -1))
  const exceptions = (spec.exceptions ?? []).map((e, order): ExceptionRule => ({
    on: e.on,
    hours: hoursList(e.hours),
    whenOpen: e.whenOpen === true,
    order
  }))
  const exceptionRules = exceptions.filter((e) => !indexExact(e.on, e.order, e))
  const maxPerDay = Math.max(1, ...weekly.map((h) => h.opens.length), ...exceptions.map((e) => e.hours.opens.length))
  const plainWindow = Float64Array.from(weekly, (cur, w) => {
    const prev = weekly[(w + 6) % 7] as HoursList
    return prev.spillMs === 0 || prev.spillEnd <= cur.firstOpen ? cur.inDayMs + prev.spillMs : Number.NaN
  })
  const holidayReach = Uint8Array.from(holidayRules, reachOf)
  const exceptionReach = Uint8Array.from(exceptionRules, (e) => reachOf(e.on))
  return { weekly, holidayRules, holidayReach, exceptionRules, exceptionReach, exactByYear, maxPerDay, plainWindow }
}

/** The holidays and exception days of one local year. @internal */
export interface YearDays {
  readonly year: number
  /** Epoch day of 1 January. */
  readonly first: number
  /** Days in the year. */
  readonly length: number
  readonly holidays: ReadonlySet<number>
  /** The hours that win on each exception day. */
  readonly exceptions: ReadonlyMap<number, HoursList>
  /** The holidays and exception days, ascending, each once: where the weekly pattern breaks. */
  readonly odd: Int32Array
}

/** Which days of a local year are holidays and which have exception hours: a pure function of the plan. @internal */
export const yearDays = (plan: Plan, year: number): YearDays => {
  const hol = new Set<number>()
  const exc = new Map<number, Array<{ order: number; hours: HoursList; whenOpen: boolean }>>()
  const put = (day: number, order: number, e: { readonly hours: HoursList; readonly whenOpen: boolean }): void => {
    const list = exc.get(day) ?? []
    list.push({ order, hours: e.hours, whenOpen: e.whenOpen })
    exc.set(day, list)
  }
  // a rule anchored in a neighbouring year may land in this one (Easter offsets, on-or-after):
  // anchored in the year before, it must reach the year after its anchor, and the other way round
  for (const [anchor, needs] of [
    [year - 1, AFTER],
    [year, 0],
    [year + 1, BEFORE]
  ] as const) {
    for (let i = 0; i < plan.holidayRules.length; i++) {
      if ((needs & (plan.holidayReach[i] as number)) !== needs) continue
      const day = dayOfRule(plan.holidayRules[i] as DateRule, anchor)
      if (day !== undefined && yearOfDay(day) === year) hol.add(day)
    }
    for (let i = 0; i < plan.exceptionRules.length; i++) {
      if ((needs & (plan.exceptionReach[i] as number)) !== needs) continue
      const e = plan.exceptionRules[i] as ExceptionRule
      const day = dayOfRule(e.on, anchor)
      if (day !== undefined && yearOfDay(day) === year) put(day, e.order, e)
    }
  }
  for (const x of plan.exactByYear.get(year) ?? []) {
    if (x.exception === undefined) hol.add(x.day)
    else put(x.day, x.order, x.exception)
  }
  // the first listed exception that applies wins; a "when open" one applies only to a day the
  // weekly hours and holidays leave open
  const effective = new Map<number, HoursList>()
  for (const [day, list] of exc) {
    const open = !hol.has(day) && (plan.weekly[weekdayOfDay(day)] as HoursList).opens.length > 0
    const winner = [...list].sort((a, b) => a.order - b.order).find((x) => !x.whenOpen || open)
    if (winner !== undefined) effective.set(day, winner.hours)
  }
  const first = daysFromCivil(year, 1, 1)
  const odd = Int32Array.from(new Set([...hol, ...effective.keys()])).sort()
  return { year, first, length: daysFromCivil(year + 1, 1, 1) - first, holidays: hol, exceptions: effective, odd }
}

/** The hours of a day of a year (outside the covered days: closed). @internal */
export const hoursIn = (plan: Plan, days: YearDays, day: number): HoursList => {
  if (day < MIN_DAY || day > MAX_DAY) return closedDay
  const exception = days.exceptions.get(day)
  if (exception !== undefined) return exception
  if (days.holidays.has(day)) return closedDay
  return plan.weekly[weekdayOfDay(day)] as HoursList
}
