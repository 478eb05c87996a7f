import { IANAZone } from 'luxon'
import { DAY_MS, daysFromCivil, yearOfDay } from './civil.js'

/**
 * Where the offsets of one IANA zone come from: `Intl`'s `longOffset` name when the runtime has
 * it, otherwise luxon. Plain data read by {@link sourceOffset}, one function for every zone, so
 * that the engine's loops call the same function whatever the zone (V8 keeps the code it
 * optimised for the first zone instead of discarding it for the next).
 *
 * @internal
 */
interface OffsetSource {
  readonly luxon: IANAZone
  /** A formatter printing the narrow weekday and the `longOffset` name, or undefined (luxon only). */
  readonly format: Intl.DateTimeFormat | undefined
  /**
   * Offsets (ms) of the texts `format` has printed. A zone prints a few dozen distinct ones (the
   * weekday letter times its offsets), so a lookup replaces parsing on all but the first of each:
   * in a fresh process the parser runs unoptimised for the thousands of calls of the first years.
   */
  readonly parsed: Map<string, number>
}

/**
 * Offset rules of one IANA zone, as data read by {@link offsetAt}, {@link localToUtc},
 * {@link utcToLocal} and {@link transitionsIn}.
 *
 * Tabled rules (`makeZoneRules`) answer with arithmetic from per-year transition tables. luxon
 * asks `Intl` for each offset, too slow to convert every opening and closing of a year; the
 * tables ask it about 66 times a year instead: the offset is sampled every `SAMPLE_MS` (six
 * days) and each change is bisected, first to the whole hour and then, unless it falls on one, to
 * the second (or confirmed in two calls where it recurs from a neighbouring year). Two
 * transitions closer together than the sampling step would be missed; in the tz data of Node 20's
 * ICU no zone has such a pair between 1899 and 2201 (the closest are 6.96 days apart: Brazil's
 * Recife, Noronha and Boa Vista in October 2000, Gaza and Hebron in 2040; a scan of all 418
 * zones, which also found exactly the transitions the former four-day sampling found:
 * docs/performance.md). The tables are kept per zone name for the life of the process, so every
 * calendar of a zone shares them.
 *
 * Direct rules (`makeDirectZoneRules`) ask luxon for every offset, for a single conversion.
 *
 * @internal
 */
export interface ZoneRules {
  readonly name: string
  readonly source: OffsetSource
  /** The zone's shared transition tables; undefined for direct rules. */
  readonly years: ZoneYears | undefined
  /** The table read last (calendars ask about nearby instants many times in a row). */
  last: YearTable | undefined
}

/**
 * Zone rules that can also list their transitions, for calendars that skip whole years.
 *
 * @internal
 */
export interface TabledZoneRules extends ZoneRules {
  readonly years: ZoneYears
}

const SAMPLE_MS = 6 * DAY_MS
const HOUR_MS = 3_600_000

interface YearTable {
  /** The UTC instants the table covers, `[start, end)`. */
  readonly start: number
  readonly end: number
  /** UTC instants where the offset changes, ascending. */
  readonly at: ReadonlyArray<number>
  /** Offset (ms) from each transition on; `offsets[0]` holds before the first one. */
  readonly offsets: ReadonlyArray<number>
}

const utcYearStart = (year: number): number => daysFromCivil(year, 1, 1) * DAY_MS

const RECUR_DAYS = [364, 371, 365, 366]

/**
 * A change in `(lo, hi]` from `before` to `after` at the instant a change of a neighbouring year
 * recurs, if the offsets just around that instant confirm it: with a single change in the window
 * (the sampling assumption), the offset just before it being `before` and at it `after` pins it.
 */
const recurring = (
  src: OffsetSource,
  near: YearTable | undefined,
  lo: number,
  hi: number,
  before: number,
  after: number
): number | undefined => {
  if (near === undefined) return undefined
  for (let i = 0; i < near.at.length; i++) {
    if (near.offsets[i] !== before || near.offsets[i + 1] !== after) continue
    const t = near.at[i] as number
    const sign = t < lo ? 1 : -1
    for (const days of RECUR_DAYS) {
      const c = t + sign * days * DAY_MS
      if (c > lo && c <= hi && sourceOffset(src, c) === after && sourceOffset(src, c - 1000) === before) return c
    }
  }
  return undefined
}

/** The digit at `i` of `s`, NaN if there is none. */
const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : Number.NaN
}

/**
 * Milliseconds of the offset that ends an `Intl` `longOffset` text ("… GMT", "… GMT+01:00",
 * "… GMT-00:44:30"), NaN for anything else: read character by character, as a regular expression
 * would allocate a match and four strings on each of the thousands of calls a year table makes.
 */
const parseLongOffset = (s: string): number => {
  const g = s.lastIndexOf('GMT')
  if (g < 0) return Number.NaN
  const n = s.length - g - 3
  if (n === 0) return 0
  const sign = s.charCodeAt(g + 3)
  if (
    (n !== 6 && n !== 9) ||
    (sign !== 43 && sign !== 45) ||
    s.charCodeAt(g + 6) !== 58 ||
    (n === 9 && s.charCodeAt(g + 9) !== 58)
  )
    return Number.NaN
  const hours = digitAt(s, g + 4) * 10 + digitAt(s, g + 5)
  const minutes = digitAt(s, g + 7) * 10 + digitAt(s, g + 8)
  const seconds = hours * 3600 + minutes * 60 + (n === 9 ? digitAt(s, g + 10) * 10 + digitAt(s, g + 11) : 0)
  return (sign === 45 ? -seconds : seconds) * 1000
}

/** Texts kept per zone: 7 weekdays times the zone's distinct offsets, with room to spare. */
const PARSED_MAX = 1024

/** The texts of a source without a formatter: none are ever added. */
const noTexts: Map<string, number> = new Map()

/** The offset in milliseconds at a UTC instant, read from the source: Intl, or luxon as the fallback. */
const sourceOffset = (src: OffsetSource, t: number): number => {
  const format = src.format
  if (format !== undefined) {
    const text = format.format(t)
    let ms = src.parsed.get(text)
    if (ms === undefined) {
      // -0 (a "GMT-00:00") is 0
      ms = parseLongOffset(text) + 0
      if (src.parsed.size < PARSED_MAX) src.parsed.set(text, ms)
    }
    if (ms === ms) return ms
  }
  return Math.round(src.luxon.offset(t) * 60_000)
}

/**
 * The offset source of a zone. `Intl`'s `longOffset` name ("GMT+01:00", "GMT-00:44:30"), printed
 * with the narrow weekday alone ("W, GMT+01:00", the cheapest field we found: 0.76 µs a call
 * against 1.2 µs with the date), is many times cheaper than luxon's `offset`, which formats every
 * date part; luxon is the fallback for runtimes without `longOffset`. The root locale (`und`)
 * prints the same offsets as `en-US` a fifth faster (0.72 against 0.90 µs a call; the same
 * offset for all 418 zones at 4 instants a year every third year 1890–2210, under Node 20 and
 * 22); it writes UTC as "GMT+00:00" where `en-US` writes "GMT", and both read as 0.
 */
const sourceOf = (zone: IANAZone): OffsetSource => {
  const luxon: OffsetSource = { luxon: zone, format: undefined, parsed: noTexts }
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('und', { timeZone: zone.name, timeZoneName: 'longOffset', weekday: 'narrow' })
  } catch {
    return luxon
  }
  const viaIntl: OffsetSource = { luxon: zone, format, parsed: new Map() }
  const probe = Date.UTC(2020, 6, 1)
  return sourceOffset(viaIntl, probe) === sourceOffset(luxon, probe) ? viaIntl : luxon
}

/**
 * The transitions of one UTC year. `near`, the table of a neighbouring year when known, offers
 * candidates: a change that recurs on the same weekday (52 or 53 weeks away) or the same date
 * (365 or 366 days away) is confirmed with two calls instead of a dozen.
 */
const buildYear = (src: OffsetSource, year: number, near: YearTable | undefined): YearTable => {
  const start = utcYearStart(year)
  const end = utcYearStart(year + 1)
  const at: number[] = []
  const offsets: number[] = [sourceOffset(src, start)]
  let prevT = start
  let prevO = offsets[0] as number
  for (let t = Math.min(start + SAMPLE_MS, end); ; t = Math.min(t + SAMPLE_MS, end)) {
    const o = sourceOffset(src, t)
    const recurs = o === prevO ? undefined : recurring(src, near, prevT, t, prevO, o)
    if (recurs !== undefined) {
      at.push(recurs)
      offsets.push(o)
      prevO = o
    } else if (o !== prevO) {
      // bisect (prevT, t] on the whole hours (both ends are whole hours), then, unless the
      // change falls on that hour, on the seconds before it: tz transitions fall on whole seconds
      let lo = prevT
      let hi = t
      while (hi - lo > HOUR_MS) {
        const mid = lo + Math.floor((hi - lo) / (2 * HOUR_MS)) * HOUR_MS
        if (sourceOffset(src, mid) === prevO) lo = mid
        else hi = mid
      }
      if (sourceOffset(src, hi - 1000) !== prevO) {
        hi -= 1000
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000
          if (sourceOffset(src, mid) === prevO) lo = mid
          else hi = mid
        }
      }
      at.push(hi)
      offsets.push(o)
      prevO = o
    }
    prevT = t
    if (t >= end) break
  }
  return { start, end, at, offsets }
}

/** The UTC year of an instant, by calendar arithmetic (no Date). */
const utcYearOf = (utcMs: number): number => yearOfDay(Math.floor(utcMs / DAY_MS))

/** The transition tables of one zone, by UTC year, built on first use. @internal */
interface ZoneYears {
  readonly source: OffsetSource
  readonly tables: Map<number, YearTable>
}

/** Transition tables per zone name, shared by every calendar of the zone (a pure function of the name and the runtime's tz data). */
const zoneYears = new Map<string, ZoneYears>()

/** How many zones have transition tables (for tests). @internal */
export const tabledZoneCount = (): number => zoneYears.size

const yearsOf = (name: string): ZoneYears => {
  // zone names are case-insensitive (IANA), so the key is too: spellings of one zone share its
  // tables, and the cache is bounded by the zones the runtime knows, whatever callers write
  const key = name.toLowerCase()
  const known = zoneYears.get(key)
  if (known !== undefined) return known
  const made: ZoneYears = { source: sourceOf(IANAZone.create(name)), tables: new Map() }
  zoneYears.set(key, made)
  return made
}

/** The transition table of a UTC year of a zone (built on first use). */
const tableOf = (years: ZoneYears, year: number): YearTable => {
  const tables = years.tables
  let t = tables.get(year)
  if (t === undefined) {
    t = buildYear(years.source, year, tables.get(year - 1) ?? tables.get(year + 1))
    tables.set(year, t)
  }
  return t
}

/**
 * Offset from UTC in milliseconds at a UTC instant.
 *
 * @internal
 */
export const offsetAt = (z: ZoneRules, utcMs: number): number => {
  const years = z.years
  if (years === undefined) return Math.round(z.source.luxon.offset(utcMs) * 60_000)
  let t = z.last
  if (t === undefined || utcMs < t.start || utcMs >= t.end) {
    t = tableOf(years, utcYearOf(utcMs))
    z.last = t
  }
  const at = t.at
  let i = 0
  while (i < at.length && (at[i] as number) <= utcMs) i++
  return t.offsets[i] as number
}

/**
 * The UTC instant of a local wall time given as "local milliseconds" (the wall time read as if it
 * were UTC). A wall time skipped by a forward transition moves forward by the length of the gap;
 * a wall time that occurs twice takes the earlier occurrence.
 *
 * @internal
 */
export const localToUtc = (z: ZoneRules, localMs: number): number => {
  const before = offsetAt(z, localMs - DAY_MS)
  const after = offsetAt(z, localMs + DAY_MS)
  const u1 = localMs - before
  const u2 = localMs - after
  const ok1 = offsetAt(z, u1) === before
  const ok2 = offsetAt(z, u2) === after
  if (ok1 && ok2) return Math.min(u1, u2)
  if (ok1) return u1
  if (ok2) return u2
  // in a gap: read the wall time with the offset in force before it, i.e. move forward by the gap
  return u1
}

/**
 * Local milliseconds (wall time read as UTC) of a UTC instant.
 *
 * @internal
 */
export const utcToLocal = (z: ZoneRules, utcMs: number): number => utcMs + offsetAt(z, utcMs)

/**
 * The transitions at UTC instants in `[fromUtc, toUtc)`, flat: `[at, offsetBefore, offsetAfter,
 * …]` in ascending order, as {@link offsetAt} sees them.
 *
 * @internal
 */
export const transitionsIn = (z: TabledZoneRules, fromUtc: number, toUtc: number): ReadonlyArray<number> => {
  const out: number[] = []
  if (!(fromUtc < toUtc)) return out
  for (let y = utcYearOf(fromUtc), end = utcYearOf(toUtc); y <= end; y++) {
    const { at, offsets } = tableOf(z.years, y)
    for (let i = 0; i < at.length; i++) {
      const a = at[i] as number
      if (a >= fromUtc && a < toUtc) out.push(a, offsets[i] as number, offsets[i + 1] as number)
    }
  }
  return out
}

/**
 * Makes the offset rules of a zone that luxon knows, backed by per-year transition tables: for
 * calendars, which convert thousands of wall times a year.
 *
 * @internal
 */
export const makeZoneRules = (name: string): TabledZoneRules => {
  const years = yearsOf(name)
  return { name, source: years.source, years, last: undefined }
}

/**
 * Makes the offset rules of a zone that ask luxon directly, without tables: for a single
 * conversion (`Time.fromLocal`, `Time.toLocalDate`), where building a year's table would cost
 * more than the few offsets needed.
 *
 * @internal
 */
export const makeDirectZoneRules = (name: string): ZoneRules =>
  // luxon keeps its Intl formatters between calls, so a handful of offsets costs less through it
  // than creating a formatter of our own
  ({
    name,
    source: { luxon: IANAZone.create(name), format: undefined, parsed: noTexts },
    years: undefined,
    last: undefined
  })

/** Whether luxon (through Intl) knows a zone name. @internal */
export const isKnownZone = (name: string): boolean => IANAZone.isValidZone(name)
