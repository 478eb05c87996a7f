/**
 * The engine's parts seen from outside: a calendar dense enough to be indexed in runs of days
 * (not years) against an arithmetic oracle over 300 years, closed stretches against open
 * intervals, and calendars that crossed a structured clone.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Time } from '../../src/index.js'
import { readCompiled } from '../../src/calendar/compiled.js'
import { MAX_YEAR, MIN_YEAR, makePlan, yearDays } from '../../src/calendar/plan.js'
import { dayOfRule } from '../../src/calendar/rules.js'
import { yearOfDay } from '../../src/internal/civil.js'
import { makeZoneRules, tabledZoneCount, transitionsIn } from '../../src/internal/zone.js'
import { tableOf, totalOf } from '../../src/calendar/search.js'
import * as Arb from '../arbitraries/calendar.js'

const numRuns = process.env['CI'] ? 1000 : 200
const I = (ms: number): Time.Instant => ms as Time.Instant
const D = (ms: number): Time.Duration => ms as Time.Duration
const pad = (n: number): string => String(n).padStart(2, '0')
const MINUTE = 60_000
const HALF = 30_000

/** Every day cut into 1 440 intervals: the first 30 seconds of every minute, in UTC. */
const denseUtc = pipe(
  Calendar.make({
    zone: 'UTC',
    weekly: Object.fromEntries(
      Calendar.allWeekdays.map((w) => [
        w,
        Array.from({ length: 1440 }, (_, i) => ({
          opens: `${pad(Math.floor(i / 60))}:${pad(i % 60)}`,
          closes: `${pad(Math.floor(i / 60))}:${pad(i % 60)}:30`
        }))
      ])
    )
  }),
  E.getOrElseW((e) => {
    throw new Error(e.message)
  })
)

// the oracle: open time before t is 30 s per whole minute plus the open part of t's minute
const openBefore = (t: number): number =>
  Math.floor(t / MINUTE) * HALF + Math.min(t - Math.floor(t / MINUTE) * MINUTE, HALF)
// the earliest u with openBefore(u) = c (c > 0): inside the minute where the count reaches c
const earliestWith = (c: number): number => {
  const minutes = Math.ceil(c / HALF) - 1
  return minutes * MINUTE + (c - minutes * HALF)
}

const instant = fc.integer({ min: Time.minInstant, max: Time.maxInstant })

describe('a dense calendar (1 440 intervals a day) over the whole range', () => {
  it('is indexed in runs of days, not whole years', () => {
    expect(readCompiled(denseUtc)?.chunkDays).toBeGreaterThan(0)
    expect(readCompiled(denseUtc)?.chunkDays).toBeLessThan(30)
  })

  it('between, add and subtract agree with arithmetic for spans up to 300 years', () => {
    const spans: number[] = []
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        spans.push(Math.abs(b - a))
        const between = pipe(denseUtc, Calendar.businessTimeBetween(I(a), I(b)))
        expect(between).toBe(openBefore(b) - openBefore(a))
        const d = Math.abs(between)
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        if (d > 0) {
          expect(pipe(denseUtc, Calendar.addBusinessTime(I(lo), D(d)))).toBe(earliestWith(openBefore(lo) + d))
          // the latest u with d of open time before hi: an opening, or hi itself minus d inside a span
          const v = pipe(denseUtc, Calendar.subtractBusinessTime(I(hi), D(d)))
          expect(openBefore(hi) - openBefore(v)).toBe(d)
          expect(openBefore(hi) - openBefore(v + 1)).toBe(d - 1)
        }
      }),
      { numRuns }
    )
    // the generator reaches long spans: at least a quarter over 100 years
    expect(spans.filter((s) => s > 100 * 365 * 86_400_000).length).toBeGreaterThan(numRuns / 4)
  })

  it('nextOpening and previousClosing are mirror images, up to the ends of the range', () => {
    fc.assert(
      fc.property(
        fc.oneof(instant, fc.constantFrom(Time.minInstant, Time.maxInstant, Time.maxInstant - 1, Time.minInstant + 1)),
        (t) => {
          const inMinute = t - Math.floor(t / MINUTE) * MINUTE
          const next = pipe(denseUtc, Calendar.nextOpening(I(t)))
          // business time ends at the range the library covers (1900–2200): answers are clamped to it
          expect(next).toBe(Math.min(Time.maxInstant, inMinute < HALF ? t : Math.floor(t / MINUTE) * MINUTE + MINUTE))
          const prev = pipe(denseUtc, Calendar.previousClosing(I(t)))
          expect(prev).toBe(
            Math.max(
              Time.minInstant,
              inMinute > 0 && inMinute <= HALF ? t : inMinute === 0 ? t - HALF : Math.floor(t / MINUTE) * MINUTE + HALF
            )
          )
        }
      ),
      { numRuns }
    )
  })
})

describe('the open time of a whole year, summed without its table', () => {
  const compiled = (spec: Calendar.CalendarSpec) => {
    const c = readCompiled(Arb.compileOrThrow(spec))
    if (c === undefined) throw new Error('not compiled')
    return c
  }
  // a year's total is summed from the weekly pattern, holidays, exceptions and zone changes when
  // a query skips it, and read from its table otherwise: both must agree to the millisecond
  const fixed: ReadonlyArray<readonly [string, Calendar.CalendarSpec]> = [
    [
      'dense, Oslo, Norwegian holidays',
      {
        zone: 'Europe/Oslo',
        weekly: Object.fromEntries(
          Calendar.allWeekdays.map((w) => [
            w,
            Array.from({ length: 1440 }, (_, i) => ({
              opens: `${pad(Math.floor(i / 60))}:${pad(i % 60)}`,
              closes: `${pad(Math.floor(i / 60))}:${pad(i % 60)}:30`
            }))
          ])
        ),
        holidays: Calendar.publicHolidays.NO
      }
    ],
    [
      "overnight hours over Samoa's skipped day, with exceptions",
      {
        zone: 'Pacific/Apia',
        weekly: {
          mon: [{ opens: '22:00', closes: '06:00' }],
          thu: [{ opens: '20:00', closes: '02:30' }],
          fri: [{ opens: '03:00', closes: '24:00' }],
          sat: [{ opens: '23:30', closes: '01:00' }]
        },
        exceptions: [
          { on: { _tag: 'ExactDate', date: '2011-12-31' }, hours: [{ opens: '00:30', closes: '03:00' }] },
          { on: { _tag: 'EasterRelative', offset: 1 }, hours: [{ opens: '01:00', closes: '23:00' }] }
        ]
      }
    ],
    [
      'always open, Lord Howe',
      {
        zone: 'Australia/Lord_Howe',
        weekly: Object.fromEntries(Calendar.allWeekdays.map((w) => [w, [{ opens: '00:00', closes: '24:00' }]]))
      }
    ],
    [
      'weekdays at midnight DST (São Paulo), Polish holidays and a half day',
      {
        ...Calendar.weekdays({
          zone: 'America/Sao_Paulo',
          opens: '00:00',
          closes: '12:00',
          holidays: Calendar.publicHolidays.PL
        }),
        exceptions: [
          {
            on: { _tag: 'FixedDate', month: 12, day: 24 },
            hours: [{ opens: '00:00', closes: '06:00' }],
            whenOpen: true
          }
        ]
      }
    ]
  ]

  it.each(fixed)('every year 1899–2200: %s', (_, spec) => {
    const skipped = compiled(spec)
    const built = compiled(spec)
    const differ: string[] = []
    for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
      const a = totalOf(skipped, y)
      const b = tableOf(built, y).total
      if (a !== b) differ.push(`${y}: ${a} summed, ${b} from the table`)
    }
    expect(differ).toStrictEqual([])
    expect(skipped.cache.tables.filter((t) => t !== undefined)).toHaveLength(0)
  })

  it('random calendars in the awkward zones, random years', () => {
    const years: number[] = []
    fc.assert(
      fc.property(
        Arb.calendarSpec,
        fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
        fc.integer({ min: 1985, max: 2045 }),
        (spec, far, near) => {
          const skipped = compiled(spec)
          const built = compiled(spec)
          for (const y of [far, near, near + 1]) {
            years.push(y)
            expect(totalOf(skipped, y), `${y}`).toBe(tableOf(built, y).total)
          }
        }
      ),
      { numRuns }
    )
    // the years asked: two thirds in 1985–2046, where the generated rules and zones change most,
    // the rest over the whole range (expected shares: 5.6 % before 1950, 11 % after 2100)
    expect(years.filter((y) => y >= 1985 && y <= 2046).length).toBeGreaterThan(years.length / 2)
    expect(years.filter((y) => y < 1950).length).toBeGreaterThan(years.length / 40)
    expect(years.filter((y) => y > 2100).length).toBeGreaterThan(years.length / 20)
  })
})

describe('the zone transitions the engine sees', () => {
  it('spellings of one zone share its tables: the cache grows with zones, not with what callers write', () => {
    // IANA names are case-insensitive; a server taking zone names from its users must not
    // keep a table per spelling (2^9 spellings of Europe/Oslo)
    const tables = (zone: string) => transitionsIn(makeZoneRules(zone), Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))
    const reference = tables('Europe/Oslo')
    const before = tabledZoneCount()
    for (let mask = 0; mask < 64; mask++) {
      const spelt = [...'europe/oslo'].map((c, i) => ((mask >> (i % 6)) & 1 ? c.toUpperCase() : c)).join('')
      expect(tables(spelt)).toStrictEqual(reference)
    }
    expect(tabledZoneCount()).toBe(before)
  })

  // sampled every six days and bisected (src/internal/zone.ts), against the oracle's day-by-day scan;
  // Cairo and Casablanca suspend summer time for Ramadan
  it.each([...Arb.zoneNames, 'Africa/Cairo', 'Africa/Casablanca'])(
    '%s, 1985–2045: every change at the same second',
    (zone) => {
      const from = Date.UTC(Arb.FIRST_YEAR - 5, 0, 1)
      const to = Date.UTC(Arb.LAST_YEAR + 6, 0, 1)
      const seen = transitionsIn(makeZoneRules(zone), from, to).filter((_, i) => i % 3 === 0)
      expect(seen.map((t) => new Date(t).toISOString())).toStrictEqual(
        Arb.transitionsOf(zone).map((t) => new Date(t).toISOString())
      )
    }
  )

  it('Gaza, whose changes 6.96 days apart in October 2040 are the closest pair in the tz data, and some at a minute past the hour', () => {
    // the oracle's scan assumes quarter hours (Gaza changed at 00:01 in 2010 and 2011), so each
    // change is checked against Intl directly: the old offset one second before, the new one at it
    const flat = transitionsIn(makeZoneRules('Asia/Gaza'), Date.UTC(2005, 0, 1), Date.UTC(2046, 0, 1))
    const at: number[] = []
    for (let i = 0; i < flat.length; i += 3) {
      const t = flat[i] as number
      at.push(t)
      expect(Arb.offsetJustBefore('Asia/Gaza', t), new Date(t).toISOString()).toBe(flat[i + 1])
      expect(Arb.offsetJustBefore('Asia/Gaza', t + 1000), new Date(t).toISOString()).toBe(flat[i + 2])
    }
    const closest = Math.min(...at.slice(1).map((t, i) => t - (at[i] as number)))
    expect(closest).toBeLessThan(7 * 86_400_000)
    expect(at.some((t) => t % 3_600_000 !== 0)).toBe(true)
  })
})

describe('rules that land in a neighbouring year', () => {
  it('are found from the anchors they can reach: every anchor tried gives the same days', () => {
    let crossing = 0
    const rule: fc.Arbitrary<Calendar.DateRule> = fc.oneof(
      fc.integer({ min: -200, max: 200 }).map((offset): Calendar.DateRule => ({ _tag: 'EasterRelative', offset })),
      fc
        .tuple(fc.integer({ min: 20, max: 31 }), fc.constantFrom<Calendar.Weekday>(...Calendar.allWeekdays))
        .map(([day, weekday]): Calendar.DateRule => ({ _tag: 'WeekdayOnOrAfter', month: 12, day, weekday })),
      fc
        .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
        .map(([month, day]): Calendar.DateRule => ({ _tag: 'FixedDate', month, day }))
    )
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
        (rules, year) => {
          const plan = makePlan({
            zone: 'UTC',
            weekly: { mon: [{ opens: '08:00', closes: '16:00' }] },
            holidays: rules,
            exceptions: rules.map((on) => ({ on, hours: [] }))
          })
          // by hand: every rule at the three anchors around the year
          const want = new Set<number>()
          for (const r of rules)
            for (const anchor of [year - 1, year, year + 1]) {
              const day = dayOfRule(r, anchor)
              if (day !== undefined && yearOfDay(day) === year) {
                want.add(day)
                if (anchor !== year) crossing++
              }
            }
          const got = yearDays(plan, year)
          expect([...got.holidays].sort((a, b) => a - b)).toStrictEqual([...want].sort((a, b) => a - b))
          expect([...got.exceptions.keys()].sort((a, b) => a - b)).toStrictEqual([...want].sort((a, b) => a - b))
        }
      ),
      { numRuns }
    )
    // the generator reaches rules that do cross a year boundary
    expect(crossing).toBeGreaterThan(numRuns / 10)
  })
})

describe('closedStretches', () => {
  const oslo = pipe(
    Calendar.make(
      Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
    ),
    E.getOrElseW((e) => {
      throw new Error(e.message)
    })
  )
  const at = (s: string): Time.Instant =>
    pipe(
      Time.fromISO(s),
      E.getOrElseW(() => I(Number.NaN))
    )

  it('names the holidays that close Easter in Norway', () => {
    const stretches = pipe(
      oslo,
      Calendar.closedStretches(at('2025-04-16T15:00:00+02:00'), at('2025-04-22T09:00:00+02:00'))
    )
    expect(stretches.map((s) => [Time.toISO(s.from), Time.toISO(s.to), s.holidays])).toStrictEqual([
      [
        '2025-04-16T14:00:00Z',
        '2025-04-22T06:00:00Z',
        ['Skjærtorsdag', 'Langfredag', 'Første påskedag', 'Andre påskedag']
      ]
    ])
  })

  it('and openIntervals tile [from, to) exactly, closed stretches never open', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        (a, span) => {
          const from = I(a)
          const to = I(a + span)
          const open = pipe(oslo, Calendar.openIntervals(from, to)).map(
            (i) => [i.start as number, i.end as number, 'open'] as const
          )
          const closed = pipe(oslo, Calendar.closedStretches(from, to)).map(
            (s) => [s.from as number, s.to as number, 'closed'] as const
          )
          const all = [...open, ...closed].sort((x, y) => x[0] - y[0])
          let reach: number = from
          for (const [s, e] of all) {
            expect(s).toBe(reach)
            expect(e).toBeGreaterThan(s)
            reach = e
          }
          expect(reach).toBe(span === 0 ? from : to)
          for (const [s, e] of closed) expect(pipe(oslo, Calendar.businessTimeBetween(I(s), I(e)))).toBe(0)
        }
      ),
      { numRuns }
    )
  })
})

/** An Oslo office: weekdays 08–16, Norwegian public holidays. */
const osloOffice = Calendar.weekdays({
  zone: 'Europe/Oslo',
  opens: '08:00',
  closes: '16:00',
  holidays: Calendar.publicHolidays.NO
})

describe('a calendar that crossed a structured clone', () => {
  it('keeps its spec, loses its tables, and answers the same (compiled again on every call)', () => {
    const spec = osloOffice
    const cal = pipe(
      Calendar.make(spec),
      E.getOrElseW(() => denseUtc)
    )
    const clone = structuredClone(cal)
    expect(clone).toStrictEqual(cal)
    expect(readCompiled(clone)).toBeUndefined()
    const t = at0()
    expect(pipe(clone, Calendar.addBusinessTime(t, D(4 * 3_600_000)))).toBe(
      pipe(cal, Calendar.addBusinessTime(t, D(4 * 3_600_000)))
    )
    // the way the guide recommends: compile the spec again where it is used
    const again = pipe(
      Calendar.make(clone.spec),
      E.getOrElseW(() => denseUtc)
    )
    expect(readCompiled(again)).toBeDefined()
    expect(pipe(again, Calendar.isOpen(t))).toBe(pipe(cal, Calendar.isOpen(t)))
  })

  it('a hand-made value whose spec does not compile is never open, and nothing throws', () => {
    const fake = {
      _tag: 'BusinessCalendar',
      spec: { zone: 'Nowhere', weekly: {} },
      zone: 'Nowhere'
    } as unknown as Calendar.BusinessCalendar
    expect(pipe(fake, Calendar.isOpen(at0()))).toBe(false)
    expect(pipe(fake, Calendar.businessTimeBetween(at0(), I(at0() + 86_400_000)))).toBe(0)
    expect(pipe(null as unknown as Calendar.BusinessCalendar, Calendar.isOpen(at0()))).toBe(false)
  })
})

function at0(): Time.Instant {
  return I(Date.UTC(2025, 2, 7, 9, 30))
}

describe('a calendar frozen together with its hidden cache', () => {
  it('still answers, without throwing', () => {
    const cal = pipe(
      Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })),
      E.getOrElseW(() => denseUtc)
    )
    const freezeAll = (x: unknown): void => {
      if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x) || Object.isFrozen(x)) return
      Object.freeze(x)
      for (const k of Reflect.ownKeys(x)) freezeAll((x as Record<PropertyKey, unknown>)[k])
    }
    freezeAll(cal)
    expect(Object.isFrozen(readCompiled(cal)?.cache)).toBe(true)
    expect(pipe(cal, Calendar.addBusinessTime(at0(), D(3_600_000)))).toBe(Date.UTC(2025, 2, 7, 10, 30))
  })
})

describe('a calendar frozen after use, its cache holding some indexes', () => {
  it('answers every query as an unfrozen one does, near the cached years and far from them', () => {
    const spec = osloOffice
    const fresh = Arb.compileOrThrow(spec)
    const used = Arb.compileOrThrow(spec)
    const y2025 = Date.UTC(2025, 5, 2, 10)
    // builds the index around 2025 and sets the last-used indexes, then freezes everything
    expect(pipe(used, Calendar.businessTimeBetween(I(y2025), I(y2025 + 3 * 86_400_000)))).toBeGreaterThan(0)
    const freezeAll = (x: unknown): void => {
      if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x) || Object.isFrozen(x)) return
      Object.freeze(x)
      for (const k of Reflect.ownKeys(x)) freezeAll((x as Record<PropertyKey, unknown>)[k])
    }
    freezeAll(used)
    expect(Object.isFrozen(readCompiled(used)?.cache.chunks)).toBe(true)
    const far = Date.UTC(2150, 2, 3, 9)
    for (const t of [y2025, y2025 + 40 * 86_400_000, far]) {
      for (const d of [1, 4 * 3_600_000, 2000 * 3_600_000]) {
        expect(pipe(used, Calendar.addBusinessTime(I(t), D(d)))).toBe(pipe(fresh, Calendar.addBusinessTime(I(t), D(d))))
        expect(pipe(used, Calendar.subtractBusinessTime(I(t), D(d)))).toBe(
          pipe(fresh, Calendar.subtractBusinessTime(I(t), D(d)))
        )
      }
      for (const u of [y2025, far, Date.UTC(2026, 0, 1)])
        expect(pipe(used, Calendar.businessTimeBetween(I(t), I(u)))).toBe(
          pipe(fresh, Calendar.businessTimeBetween(I(t), I(u)))
        )
      expect(pipe(used, Calendar.isOpen(I(t)))).toBe(pipe(fresh, Calendar.isOpen(I(t))))
      expect(pipe(used, Calendar.nextOpening(I(t)))).toBe(pipe(fresh, Calendar.nextOpening(I(t))))
      expect(pipe(used, Calendar.previousClosing(I(t)))).toBe(pipe(fresh, Calendar.previousClosing(I(t))))
      expect(pipe(used, Calendar.openIntervals(I(t), I(t + 9 * 86_400_000)))).toEqual(
        pipe(fresh, Calendar.openIntervals(I(t), I(t + 9 * 86_400_000)))
      )
    }
  })
})
