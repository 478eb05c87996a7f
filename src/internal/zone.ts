import { IANAZone } from 'luxon'
import { DAY_MS } from './civil.js'

/**
 * Offset rules of one IANA zone, answered with arithmetic from per-year transition tables.
 *
 * luxon asks `Intl` for each offset (about 9 µs a call on our machine), too slow to convert
 * every opening and closing of a year. We ask it a few hundred times per year instead: the
 * offset is sampled every `SAMPLE_MS` and each change is bisected to the millisecond. Two
 * transitions closer together than the sampling step would be missed; no zone in the tz
 * database has had such a pair since 1900.
 *
 * @internal
 */
export interface ZoneRules {
  readonly name: string
  /** Offset from UTC in milliseconds at a UTC instant. */
  readonly offsetAt: (utcMs: number) => number
  /**
   * The UTC instant of a local wall time given as "local milliseconds" (the wall time read as
   * if it were UTC). A wall time skipped by a forward transition moves forward by the length
   * of the gap; a wall time that occurs twice takes the earlier occurrence.
   */
  readonly localToUtc: (localMs: number) => number
  /** Local milliseconds (wall time read as UTC) of a UTC instant. */
  readonly utcToLocal: (utcMs: number) => number
}

const SAMPLE_MS = 4 * DAY_MS

interface YearTable {
  /** The UTC instants the table covers, `[start, end)`. */
  readonly start: number
  readonly end: number
  /** UTC instants where the offset changes, ascending. */
  readonly at: ReadonlyArray<number>
  /** Offset (ms) from each transition on; `offsets[0]` holds before the first one. */
  readonly offsets: ReadonlyArray<number>
}

const utcYearStart = (year: number): number => Date.UTC(year, 0, 1)

const OFFSET_RE = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * An offset function for a zone. `Intl`'s `longOffset` name ("GMT+01:00", "GMT-00:44:30") is
 * about four times cheaper than luxon's `offset`, which formats every date part; luxon is the
 * fallback for runtimes without `longOffset`.
 */
const offsetFunction = (zone: IANAZone): ((t: number) => number) => {
  const viaLuxon = (t: number): number => Math.round(zone.offset(t) * 60_000)
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone.name, timeZoneName: 'longOffset' })
  } catch {
    return viaLuxon
  }
  const viaIntl = (t: number): number => {
    const m = OFFSET_RE.exec(format.format(t))
    if (m === null) return viaLuxon(t)
    if (m[1] === undefined) return 0
    const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)
    return (m[1] === '-' ? -seconds : seconds) * 1000
  }
  const probe = Date.UTC(2020, 6, 1)
  return viaIntl(probe) === viaLuxon(probe) ? viaIntl : viaLuxon
}

const buildYear = (offsetMs: (t: number) => number, year: number): YearTable => {
  const start = utcYearStart(year)
  const end = utcYearStart(year + 1)
  const at: number[] = []
  const offsets: number[] = [offsetMs(start)]
  let prevT = start
  let prevO = offsets[0] as number
  for (let t = Math.min(start + SAMPLE_MS, end); ; t = Math.min(t + SAMPLE_MS, end)) {
    const o = offsetMs(t)
    if (o !== prevO) {
      // bisect (prevT, t] to the second: tz database transitions fall on whole seconds
      let lo = prevT
      let hi = t
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000
        if (offsetMs(mid) === prevO) lo = mid
        else hi = mid
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

const rulesFrom = (name: string, offsetAt: (utcMs: number) => number): ZoneRules => {
  const localToUtc = (localMs: number): number => {
    const before = offsetAt(localMs - DAY_MS)
    const after = offsetAt(localMs + DAY_MS)
    const u1 = localMs - before
    const u2 = localMs - after
    const ok1 = offsetAt(u1) === before
    const ok2 = offsetAt(u2) === after
    if (ok1 && ok2) return Math.min(u1, u2)
    if (ok1) return u1
    if (ok2) return u2
    // in a gap: read the wall time with the offset in force before it, i.e. move forward by the gap
    return u1
  }
  const utcToLocal = (utcMs: number): number => utcMs + offsetAt(utcMs)
  return { name, offsetAt, localToUtc, utcToLocal }
}

/**
 * Makes the offset rules of a zone that luxon knows, backed by per-year transition tables: for
 * calendars, which convert thousands of wall times a year.
 *
 * @internal
 */
export const makeZoneRules = (name: string): ZoneRules => {
  const offsetMs = offsetFunction(IANAZone.create(name))
  const years = new Map<number, YearTable>()
  const table = (year: number): YearTable => {
    let t = years.get(year)
    if (t === undefined) {
      t = buildYear(offsetMs, year)
      years.set(year, t)
    }
    return t
  }
  // the table asked last: calendars ask about nearby instants many times in a row
  let last: YearTable | undefined
  return rulesFrom(name, (utcMs: number): number => {
    let t = last
    if (t === undefined || utcMs < t.start || utcMs >= t.end) {
      // the UTC year of an instant, without allocating a Date
      let year = 1970 + Math.floor(utcMs / (365.2425 * DAY_MS))
      if (utcMs < utcYearStart(year)) year -= 1
      else if (utcMs >= utcYearStart(year + 1)) year += 1
      t = table(year)
      last = t
    }
    const { at, offsets } = t
    let i = 0
    while (i < at.length && (at[i] as number) <= utcMs) i++
    return offsets[i] as number
  })
}

/**
 * Makes the offset rules of a zone that ask luxon directly, without tables: for a single
 * conversion (`Time.fromLocal`, `Time.toLocalDate`), where building a year's table would cost
 * more than the few offsets needed.
 *
 * @internal
 */
export const makeDirectZoneRules = (name: string): ZoneRules => {
  // luxon keeps its Intl formatters between calls, so a handful of offsets costs less through it
  // than creating a formatter of our own
  const zone = IANAZone.create(name)
  return rulesFrom(name, (t: number): number => Math.round(zone.offset(t) * 60_000))
}

/** Whether luxon (through Intl) knows a zone name. @internal */
export const isKnownZone = (name: string): boolean => IANAZone.isValidZone(name)
