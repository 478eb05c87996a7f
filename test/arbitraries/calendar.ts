/**
 * fast-check generators of VALID business calendars and of the instants and durations to ask
 * them about.
 *
 * Specs are valid by construction (no filtering): weekly intervals are cut from disjoint
 * stretches of a circular week, so they never overlap, and a stretch longer than a day is split
 * at midnight into `…–24:00` / `00:00–…` pieces. `test/calendar/businessTime.laws.test.ts` checks
 * that every generated spec compiles.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { Calendar, Time } from '../../src/index.js'

// ---------------------------------------------------------------------------------------------
// zones

/**
 * Zones with awkward rules: DST at 02:00 (Oslo, Stockholm, New York), DST at midnight until 2019
 * (São Paulo), a 30-minute DST shift (Lord Howe), a half-hour offset without DST (Kolkata) and a
 * skipped calendar day (Apia, 30 December 2011).
 */
export const zoneNames = [
  'Europe/Oslo',
  'Europe/Stockholm',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Apia'
] as const

export type ZoneName = (typeof zoneNames)[number]

export const zoneName: fc.Arbitrary<ZoneName> = fc.constantFrom(...zoneNames)

/** A zone name checked through the public constructor. */
export const ianaZone = (name: string): Time.IanaZone => {
  const z = Time.makeZone(name)
  if (E.isLeft(z)) throw new Error(z.left.message)
  return z.right
}

// ---------------------------------------------------------------------------------------------
// instants and durations

export const FIRST_YEAR = 1990
export const LAST_YEAR = 2040
export const HOUR = 3_600_000
export const DAY = 86_400_000

/** The earliest and latest instants the laws ask about (1990-01-01 to 2041-01-01 UTC). */
export const minT = Date.UTC(FIRST_YEAR, 0, 1)
export const maxT = Date.UTC(LAST_YEAR + 1, 0, 1)

export const asInstant = (ms: number): Time.Instant => {
  const t = Time.fromEpochMillis(ms)
  if (E.isLeft(t)) throw new Error(t.left.message)
  return t.right
}

export const asDuration = (ms: number): Time.Duration => {
  const d = Time.makeDuration(ms)
  if (E.isLeft(d)) throw new Error(d.left.message)
  return d.right
}

interface ZoneTable {
  /** UTC instants (whole seconds) at which the offset changes, ascending. */
  readonly at: ReadonlyArray<number>
  /** Offset in ms before the first change, then after each change. */
  readonly offsets: ReadonlyArray<number>
}

const zoneTables = new Map<string, ZoneTable>()
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * The zone's offset at an instant, read from the wall-clock fields `Intl` prints for it (not
 * from luxon, and not from an offset name as `src/internal/zone.ts` does): wall time read as UTC,
 * minus the instant.
 */
const wallOffset = (zone: string, t: number): number => {
  let f = formatters.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formatters.set(zone, f)
  }
  const whole = Math.floor(t / 1000) * 1000
  const n: Record<string, number> = {}
  for (const p of f.formatToParts(whole)) if (p.type !== 'literal') n[p.type] = Number(p.value)
  return (
    Date.UTC(
      n['year'] as number,
      (n['month'] as number) - 1,
      n['day'] as number,
      n['hour'] as number,
      n['minute'] as number,
      n['second'] as number
    ) - whole
  )
}

const QUARTER = 15 * 60_000

/**
 * The zone's offset changes between 1985 and 2045, found by a linear scan, unlike the engine's
 * sampling and bisection: day by day at UTC midnight, then quarter-hour by quarter-hour through
 * a day whose offset changed (every change of these zones in those years falls on a UTC quarter
 * hour; the calendar tests check that the offset just before each change is the old one).
 * Computed once per zone.
 */
const zoneTable = (zone: string): ZoneTable => {
  const cached = zoneTables.get(zone)
  if (cached !== undefined) return cached
  const at: number[] = []
  // a few years beyond the instants generated, for oracles that count business days onwards
  const from = Date.UTC(FIRST_YEAR - 5, 0, 1)
  const to = Date.UTC(LAST_YEAR + 6, 0, 1)
  const offsets: number[] = [wallOffset(zone, from)]
  let current = offsets[0] as number
  for (let day = from; day < to; day += DAY) {
    if (wallOffset(zone, day + DAY) === current) continue
    for (let q = day + QUARTER; q <= day + DAY; q += QUARTER) {
      const o = wallOffset(zone, q)
      if (o !== current) {
        at.push(q)
        offsets.push(o)
        current = o
      }
    }
  }
  const table = { at, offsets }
  zoneTables.set(zone, table)
  return table
}

/** The UTC instants at which the zone's offset changes between 1985 and 2045. */
export const transitionsOf = (zone: string): ReadonlyArray<number> => zoneTable(zone).at

/** The offset just before a change, read afresh from `Intl` (for the check that changes fall on quarter hours). */
export const offsetJustBefore = (zone: string, t: number): number => wallOffset(zone, t - 1000)

const offsetAt = (table: ZoneTable, t: number): number => {
  let i = 0
  while (i < table.at.length && (table.at[i] as number) <= t) i++
  return table.offsets[i] as number
}

/**
 * The instant of a local wall time given as "local milliseconds" (the wall time read as if it
 * were UTC), by the documented rule (DESIGN.md): a wall time that does not exist moves forward by
 * the length of the gap; one that exists twice takes the earlier occurrence. Written here from
 * the table above, independently of `src/`: every offset the zone had within two days is tried,
 * and a wall time no offset explains lies in the gap of a change, read with the offset before it.
 * Valid from 1985 to 2045.
 */
export const localToUtc = (zone: string, local: number): number => {
  const table = zoneTable(zone)
  const near = new Set<number>([offsetAt(table, local)])
  table.at.forEach((t, i) => {
    if (Math.abs(t - local) <= 2 * DAY) {
      near.add(table.offsets[i] as number)
      near.add(table.offsets[i + 1] as number)
    }
  })
  const fits = [...near].map((o) => local - o).filter((u) => offsetAt(table, u) === local - u)
  if (fits.length > 0) return Math.min(...fits)
  // in a gap: the change at T moved the wall clock from T + before to T + after, skipping local
  const i = table.at.findIndex(
    (t, k) => t + (table.offsets[k] as number) <= local && local < t + (table.offsets[k + 1] as number)
  )
  return local - (table.offsets[i < 0 ? 0 : i] as number)
}

/** Local milliseconds (wall time read as UTC) of an instant in a zone; valid from 1985 to 2045. */
export const utcToLocal = (zone: string, t: number): number => t + offsetAt(zoneTable(zone), t)

/** The first instant at or after local midnight of an epoch day (a skipped midnight moves forward). */
const localMidnight = (zone: string, day: number): number => localToUtc(zone, day * DAY)

/** A small signed offset in milliseconds: exact, a few ms, minutes, or hours. */
const jitter: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 2 }) },
  { weight: 3, arbitrary: fc.integer({ min: -180, max: 180 }).map((m) => m * 60_000) },
  { weight: 2, arbitrary: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) }
)

const uniformInstant: fc.Arbitrary<number> = fc.integer({ min: minT, max: maxT })

/** A local midnight of the zone (± jitter): the day boundary every interval generator cuts at. */
const nearMidnight = (zone: string): fc.Arbitrary<number> =>
  fc
    .tuple(fc.integer({ min: minT / DAY + 1, max: maxT / DAY - 1 }), jitter)
    .map(([day, j]) => Math.min(maxT, Math.max(minT, localMidnight(zone, day) + j)))

/** An instant at or near one of the zone's offset changes. */
const nearTransition = (zone: string): fc.Arbitrary<number> => {
  const ts = transitionsOf(zone).filter((t) => t >= minT && t <= maxT)
  return ts.length === 0
    ? uniformInstant
    : fc.tuple(fc.integer({ min: 0, max: ts.length - 1 }), jitter).map(([i, j]) => (ts[i] as number) + j)
}

const instantArbs = new Map<string, fc.Arbitrary<Time.Instant>>()

/**
 * An instant between 1990 and 2040, concentrated around the zone's DST changes and local
 * midnights (wall times that are skipped or repeated, days that are not 24 hours long).
 */
export const instantIn = (zone: Time.IanaZone): fc.Arbitrary<Time.Instant> => {
  const cached = instantArbs.get(zone)
  if (cached !== undefined) return cached
  const arb = fc
    .oneof(
      { weight: 4, arbitrary: uniformInstant },
      { weight: 3, arbitrary: nearTransition(zone) },
      { weight: 2, arbitrary: nearMidnight(zone) }
    )
    .map(asInstant)
  instantArbs.set(zone, arb)
  return arb
}

/**
 * An instant near `base`: the same minute, day, week or year, or anywhere in 1990–2040. Keeps
 * most property runs within one or two generated years (each costs a few milliseconds).
 */
export const instantNear = (zone: Time.IanaZone, base: Time.Instant): fc.Arbitrary<Time.Instant> =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) },
      { weight: 3, arbitrary: fc.integer({ min: -10 * DAY, max: 10 * DAY }) },
      { weight: 1, arbitrary: fc.integer({ min: -400 * DAY, max: 400 * DAY }) },
      { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }) }
    )
    .chain((off) => (off === 0 ? instantIn(zone) : fc.constant(asInstant(Math.min(maxT, Math.max(minT, base + off))))))

/**
 * A business duration from 0 to 3000 hours: zero, a few milliseconds, whole minutes, any
 * millisecond count, and exact multiples of the calendar's interval lengths (which land exactly
 * on closing times).
 */
export const durationFor = (spec: Calendar.CalendarSpec): fc.Arbitrary<Time.Duration> => {
  const lengths = weeklyLengthsMs(spec)
  const perWeek = lengths.reduce((a, b) => a + b, 0)
  const multiples =
    lengths.length === 0
      ? fc.constant(HOUR)
      : fc
          .tuple(fc.constantFrom(...lengths, perWeek), fc.integer({ min: 1, max: 60 }))
          .map(([l, k]) => Math.min(l * k, 3000 * HOUR))
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) },
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 200 * 60 }).map((m) => m * 60_000) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 3000 * 60 }).map((m) => m * 60_000) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 3000 * HOUR }) },
      { weight: 3, arbitrary: multiples }
    )
    .map(asDuration)
}

// ---------------------------------------------------------------------------------------------
// opening hours

const WEEK_S = 7 * 86400

/** `HH:mm` or `HH:mm:ss` of seconds since midnight; 86 400 is `24:00`. */
export const formatTime = (s: number): string => {
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const pad = (n: number): string => String(n).padStart(2, '0')
  return sec === 0 ? `${pad(h)}:${pad(m)}` : `${pad(h)}:${pad(m)}:${pad(sec)}`
}

/** Seconds since local midnight of `HH:mm[:ss]` (`24:00` is 86 400). */
export const parseTime = (s: string): number => {
  const [h, m, sec] = s.split(':').map(Number)
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (sec ?? 0)
}

/** Length in seconds of one opening interval (an overnight one runs to the next morning). */
export const lengthOf = (h: Calendar.OpeningHours): number => {
  const o = parseTime(h.opens)
  const c = parseTime(h.closes)
  return c > o ? c - o : c + 86400 - o
}

/** Lengths in milliseconds of the weekly intervals, by wall clock. */
export const weeklyLengthsMs = (spec: Calendar.CalendarSpec): ReadonlyArray<number> =>
  Calendar.allWeekdays.flatMap((w) => (spec.weekly[w] ?? []).map((h) => lengthOf(h) * 1000))

/** Steps (seconds) that opening times fall on: quarter hours mostly, sometimes any minute or second. */
const granularity: fc.Arbitrary<number> = fc.constantFrom(900, 900, 900, 1800, 3600, 300, 60, 1)

/**
 * Cuts `[a, b)` (seconds from Monday 00:00, `b - a` at most a week) into pieces that each belong
 * to the day they open on: a piece runs at most to the same wall time the next day, and a whole
 * day is `00:00–24:00`. `midnightAsZero` writes a piece that ends at midnight as `00:00`
 * (overnight form) instead of `24:00` where that is allowed.
 */
const pieces = (
  a: number,
  b: number,
  midnightAsZero: boolean
): Array<{ day: number; hours: Calendar.OpeningHours }> => {
  const out: Array<{ day: number; hours: Calendar.OpeningHours }> = []
  while (a < b) {
    const day = Math.floor(a / 86400)
    const o = a - day * 86400
    const len = b - a
    if (len < 86400 || (len === 86400 && o === 0)) {
      const end = o + len
      const closes =
        end < 86400
          ? formatTime(end)
          : end === 86400
            ? midnightAsZero && o > 0
              ? '00:00'
              : '24:00'
            : formatTime(end - 86400)
      out.push({ day: day % 7, hours: { opens: formatTime(o), closes } })
      break
    }
    out.push({ day: day % 7, hours: { opens: formatTime(o), closes: midnightAsZero && o > 0 ? '00:00' : '24:00' } })
    a = (day + 1) * 86400
  }
  return out
}

const emptyWeek = (): Record<Calendar.Weekday, Calendar.OpeningHours[]> => ({
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: []
})

/** Turns disjoint stretches of the circular week into weekly hours; empty days are left out or kept as `[]`. */
const weekOf = (
  stretches: ReadonlyArray<readonly [number, number]>,
  midnightAsZero: boolean,
  keepEmpty: boolean,
  reverse: boolean
): Calendar.WeeklyHours => {
  const week = emptyWeek()
  for (const [a, b] of stretches)
    for (const p of pieces(a, b, midnightAsZero)) week[Calendar.allWeekdays[p.day] as Calendar.Weekday].push(p.hours)
  const out: Partial<Record<Calendar.Weekday, ReadonlyArray<Calendar.OpeningHours>>> = {}
  for (const w of Calendar.allWeekdays) {
    const hours = reverse ? [...week[w]].reverse() : week[w]
    if (hours.length > 0 || keepEmpty) out[w] = hours
  }
  return out
}

/**
 * Weekly hours with 1–10 disjoint stretches anywhere in the week (several per day, overnight,
 * running over from Sunday into Monday, whole days written `00:00–24:00`), with at least two
 * hours open per week so that 3000 business hours stay within the instants we can represent.
 */
export const weeklyHours: fc.Arbitrary<Calendar.WeeklyHours> = fc
  .record({
    g: granularity,
    k: fc.integer({ min: 1, max: 10 }),
    rotation: fc.nat({ max: WEEK_S - 1 }),
    midnightAsZero: fc.boolean(),
    keepEmpty: fc.boolean(),
    reverse: fc.boolean()
  })
  .chain(({ g, k, rotation, midnightAsZero, keepEmpty, reverse }) =>
    fc.uniqueArray(fc.integer({ min: 0, max: WEEK_S / g - 1 }), { minLength: 2 * k, maxLength: 2 * k }).map((raw) => {
      const points = [...raw].sort((x, y) => x - y).map((p) => p * g)
      const r = Math.floor(rotation / g) * g
      const stretches: Array<readonly [number, number]> = []
      for (let i = 0; i + 1 < points.length; i += 2) {
        let a = (points[i] as number) + r
        let b = (points[i + 1] as number) + r
        if (a >= WEEK_S) {
          a -= WEEK_S
          b -= WEEK_S
        }
        stretches.push([a, b])
      }
      return { stretches, midnightAsZero, keepEmpty, reverse }
    })
  )
  .filter(({ stretches }) => stretches.reduce((s, [a, b]) => s + b - a, 0) >= 2 * 3600)
  .map(({ stretches, midnightAsZero, keepEmpty, reverse }) => weekOf(stretches, midnightAsZero, keepEmpty, reverse))

/** Round the clock, written as seven whole days or as one week-long stretch starting at any wall time. */
export const alwaysOpenWeekly: fc.Arbitrary<Calendar.WeeklyHours> = fc.oneof(
  fc.constant(Calendar.alwaysOpen.weekly),
  fc
    .tuple(fc.nat({ max: WEEK_S / 60 - 1 }), fc.boolean())
    .map(([m, z]) => weekOf([[m * 60, m * 60 + WEEK_S]], z, false, false))
)

/**
 * The opening hours of one day for an exception: a closure (`[]`), a half day, or up to three
 * intervals, the last one possibly overnight (an exception may overlap the next day's hours;
 * the engine merges them).
 */
export const dayHours: fc.Arbitrary<ReadonlyArray<Calendar.OpeningHours>> = fc.oneof(
  { weight: 2, arbitrary: fc.constant([]) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      [{ opens: '08:00', closes: '12:00' }],
      [{ opens: '09:00', closes: '13:00' }],
      [{ opens: '00:00', closes: '24:00' }]
    )
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(granularity, fc.integer({ min: 1, max: 3 }), fc.boolean())
      .chain(([g, m, overnight]) =>
        fc.tuple(
          fc.uniqueArray(fc.integer({ min: 0, max: 86400 / g }), { minLength: 2 * m, maxLength: 2 * m }),
          fc.constant(g),
          fc.constant(overnight),
          fc.nat()
        )
      )
      .map(([raw, g, overnight, x]) => {
        const points = [...raw].sort((a, b) => a - b).map((p) => p * g)
        const out: Calendar.OpeningHours[] = []
        for (let i = 0; i + 1 < points.length; i += 2) {
          const a = points[i] as number
          const b = points[i + 1] as number
          out.push({ opens: formatTime(a), closes: formatTime(b) })
        }
        const last = out[out.length - 1] as Calendar.OpeningHours
        const lastOpens = parseTime(last.opens)
        if (overnight && lastOpens < 86400 && lastOpens > 0)
          out[out.length - 1] = { opens: last.opens, closes: formatTime(x % lastOpens) }
        // an interval cannot open at 24:00
        return out.filter((h) => parseTime(h.opens) < 86400)
      })
  }
)

// ---------------------------------------------------------------------------------------------
// date rules

const month = fc.integer({ min: 1, max: 12 })
const weekday: fc.Arbitrary<Calendar.Weekday> = fc.constantFrom(...Calendar.allWeekdays)
const daysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const monthDay = month.chain((m) =>
  fc.record({ month: fc.constant(m), day: fc.integer({ min: 1, max: daysIn[m - 1] as number }) })
)
const ruleName = fc.constantFrom('Christmas Day', 'Grunnlovsdag', 'Midsommarafton', 'Ascension Day', 'a day off')

/** Optional `name`, `firstYear`, `lastYear` (firstYear ≤ lastYear), with absent keys left out. */
const ruleYears = fc
  .record({
    name: fc.option(ruleName, { nil: undefined }),
    years: fc.option(
      fc.tuple(
        fc.integer({ min: 1985, max: 2045 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('first', 'last', 'both')
      ),
      { nil: undefined }
    )
  })
  .map(({ name, years }) => {
    const out: { name?: string; firstYear?: number; lastYear?: number } = {}
    if (name !== undefined) out.name = name
    if (years !== undefined) {
      const [first, span, which] = years
      if (which !== 'last') out.firstYear = first
      if (which !== 'first') out.lastYear = first + span
    }
    return out
  })

const dateIn = (fromYear: number, toYear: number): fc.Arbitrary<string> =>
  fc
    .integer({ min: Date.UTC(fromYear, 0, 1) / DAY, max: Date.UTC(toYear, 11, 31) / DAY })
    .map((d) => new Date(d * DAY).toISOString().slice(0, 10))

export const exactDate: fc.Arbitrary<Calendar.ExactDate> = fc
  .tuple(dateIn(1989, 2041), fc.option(ruleName, { nil: undefined }))
  .map(([date, name]) => (name === undefined ? { _tag: 'ExactDate', date } : { _tag: 'ExactDate', date, name }))

/** Any date rule: fixed dates (29 February included), Easter offsets, n-th weekdays, weekday on or after, exact dates. */
export const dateRule: fc.Arbitrary<Calendar.DateRule> = fc.oneof(
  fc.tuple(monthDay, ruleYears).map(([md, y]): Calendar.DateRule => ({ _tag: 'FixedDate', ...md, ...y })),
  fc
    .tuple(fc.integer({ min: -60, max: 70 }), ruleYears)
    .map(([offset, y]): Calendar.DateRule => ({ _tag: 'EasterRelative', offset, ...y })),
  fc
    .tuple(month, weekday, fc.constantFrom(1, 2, 3, 4, 5, -1, -2, -5), ruleYears)
    .map(([m, w, nth, y]): Calendar.DateRule => ({ _tag: 'NthWeekday', month: m, weekday: w, nth, ...y })),
  fc
    .tuple(monthDay, weekday, ruleYears)
    .map(([md, w, y]): Calendar.DateRule => ({ _tag: 'WeekdayOnOrAfter', ...md, weekday: w, ...y })),
  exactDate
)

/** Holidays: repeating rules and explicit dates. */
export const holidays: fc.Arbitrary<ReadonlyArray<Calendar.DateRule>> = fc
  .tuple(fc.array(dateRule, { maxLength: 6 }), fc.array(exactDate, { maxLength: 10 }))
  .map(([rules, dates]) => [...rules, ...dates])

/**
 * Exceptions: half days, closures and extra openings on rule-picked or explicit days; some only
 * `whenOpen` (they shorten a day that would be open, and leave a closed day closed).
 */
export const exceptions: fc.Arbitrary<ReadonlyArray<Calendar.DayException>> = fc.array(
  fc
    .record({
      on: fc.oneof({ weight: 1, arbitrary: dateRule }, { weight: 2, arbitrary: exactDate }),
      hours: dayHours,
      whenOpen: fc.constantFrom<boolean | undefined>(undefined, undefined, true, false)
    })
    .map(({ on, hours, whenOpen }): Calendar.DayException =>
      whenOpen === undefined ? { on, hours } : { on, hours, whenOpen }
    ),
  { maxLength: 6 }
)

// ---------------------------------------------------------------------------------------------
// calendar specs

const specOf = (
  zone: string,
  weekly: Calendar.WeeklyHours,
  hs: ReadonlyArray<Calendar.DateRule> | undefined,
  xs: ReadonlyArray<Calendar.DayException> | undefined
): Calendar.CalendarSpec => ({
  zone,
  weekly,
  ...(hs === undefined ? {} : { holidays: hs }),
  ...(xs === undefined ? {} : { exceptions: xs })
})

/**
 * A valid calendar spec over the awkward zones: random weekly hours (or 24/7), holidays and
 * exceptions, each list sometimes absent.
 */
export const calendarSpec: fc.Arbitrary<Calendar.CalendarSpec> = fc
  .tuple(
    zoneName,
    fc.oneof({ weight: 9, arbitrary: weeklyHours }, { weight: 1, arbitrary: alwaysOpenWeekly }),
    fc.option(holidays, { nil: undefined }),
    fc.option(exceptions, { nil: undefined })
  )
  .map(([zone, weekly, hs, xs]) => specOf(zone, weekly, hs, xs))

/** A round-the-clock calendar without holidays or exceptions. */
export const alwaysOpenSpec: fc.Arbitrary<Calendar.CalendarSpec> = fc
  .tuple(zoneName, alwaysOpenWeekly)
  .map(([zone, weekly]) => specOf(zone, weekly, undefined, undefined))

/**
 * Valid specs that are open only on exception days (no weekly hours): compile accepts them, so
 * decoding and compiling must handle them, but most laws need steady open time and skip them.
 */
export const exceptionOnlySpec: fc.Arbitrary<Calendar.CalendarSpec> = fc
  .tuple(
    zoneName,
    fc.array(
      fc.tuple(exactDate, dayHours).map(([on, hours]): Calendar.DayException => ({ on, hours })),
      { minLength: 1, maxLength: 4 }
    ),
    fc.boolean()
  )
  .filter(([, xs]) => xs.some((x) => x.hours.length > 0))
  .map(([zone, xs, keepEmpty]) => specOf(zone, keepEmpty ? { mon: [], sun: [] } : {}, undefined, xs))

/** Compiles a spec the generators made; a Left here is a bug in the generator or in compile. */
export const compileOrThrow = (spec: Calendar.CalendarSpec): Calendar.BusinessCalendar => {
  const c = Calendar.make(spec)
  if (E.isLeft(c)) throw new Error(`generated spec does not compile: ${c.left.message}\n${JSON.stringify(spec)}`)
  return c.right
}
