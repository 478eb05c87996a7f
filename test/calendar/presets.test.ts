import Holidays from 'date-holidays'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar } from '../../src/index.js'
import { compile, instant } from '../helpers/unsafe.js'

type Country = keyof typeof Calendar.publicHolidays

const countries: ReadonlyArray<Country> = ['SE', 'NO', 'FI', 'PL']
const years: ReadonlyArray<number> = Array.from({ length: 2100 - 2000 + 1 }, (_, i) => 2000 + i)

const datesIn = (year: number, rules: ReadonlyArray<Calendar.DateRule>): ReadonlyArray<string> =>
  pipe(rules, Calendar.holidaysIn(year)).map((h) => h.date)

// ---------------------------------------------------------------------------------------------
// What date-holidays reports
// ---------------------------------------------------------------------------------------------

/**
 * The date-holidays types we compare with.
 *
 * - `public`: the statutory days.
 * - `bank`: where date-holidays puts the eves our SE and FI sets include on purpose (Swedish
 *   Midsummer Eve, Christmas Eve, New Year's Eve; Finnish Midsummer Eve, Christmas Eve), and
 *   three eves we leave out on purpose (declared below).
 *
 * Not compared: `optional` (Swedish half days from 12:00 before Epiphany, on Walpurgis Night and
 * before All Saints' Day, which a desk adds as exceptions; Norwegian Olsok; Polish Flag Day),
 * `school` (Polish Maundy Thursday and Good Friday: only schools close) and `observance` (name
 * days, Mother's Day and the like, but also Swedish Whit Monday: see the declared differences).
 */
const comparedTypes: ReadonlySet<string> = new Set(['public', 'bank'])

interface ReportedDay {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string
  /** Local start time, `hh:mm:ss`: `00:00:00` for a whole day. */
  readonly time: string
  readonly name: string
}

// date-holidays reports `date` as local wall time, "YYYY-MM-DD hh:mm:ss", optionally followed by
// an offset; we compare on the date part only and keep the time to find part-day entries.
const localDateTime = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/

const readReported = (country: Country): ReadonlyMap<number, ReadonlyArray<ReportedDay>> => {
  const source = new Holidays(country)
  return new Map(
    years.map((year) => [
      year,
      source
        .getHolidays(year)
        .filter((h) => comparedTypes.has(h.type))
        .map((h): ReportedDay => {
          const [, date, time] = localDateTime.exec(h.date) ?? []
          if (date === undefined || time === undefined)
            throw new Error(`date-holidays ${country} ${year}: unexpected date ${JSON.stringify(h.date)}`)
          return { date, time, name: h.name }
        })
    ])
  )
}

const reportedDays: ReadonlyMap<Country, ReadonlyMap<number, ReadonlyArray<ReportedDay>>> = new Map(
  countries.map((country) => [country, readReported(country)])
)

const reported = (country: Country, year: number): ReadonlyArray<ReportedDay> =>
  reportedDays.get(country)?.get(year) ?? []

// ---------------------------------------------------------------------------------------------
// Deliberate differences
// ---------------------------------------------------------------------------------------------

interface DeclaredDifference {
  readonly country: Country
  /** The days that differ, as a date rule with the name the listing side gives them. */
  readonly days: Calendar.DateRule
  /** The side that lists these days: our set only, or date-holidays' public/bank days only. */
  readonly onlyIn: 'itsm-kit' | 'date-holidays'
  readonly reason: string
}

const declaredDifferences: ReadonlyArray<DeclaredDifference> = [
  {
    country: 'SE',
    days: { _tag: 'EasterRelative', offset: 50, name: 'Annandag pingst', lastYear: 2004 },
    onlyIn: 'itsm-kit',
    reason:
      'Whit Monday was an allmän helgdag under Lag (1989:253) until SFS 2004:1320 replaced it with the National Day from 2005; ' +
      'date-holidays types it `observance` in every year, 2000–2004 included'
  },
  {
    country: 'NO',
    days: { _tag: 'FixedDate', month: 12, day: 24, name: 'Julaften' },
    onlyIn: 'date-holidays',
    reason:
      'not a helligdag in Norway (date-holidays types it `bank`); a desk that closes or closes early adds an exception'
  },
  {
    country: 'NO',
    days: { _tag: 'FixedDate', month: 12, day: 31, name: 'Nyttårsaften' },
    onlyIn: 'date-holidays',
    reason:
      'not a helligdag in Norway; date-holidays types it `bank` from 14:00 (a whole day when it falls on a Sunday), ' +
      'a half day that a whole-day holiday cannot express: a desk adds an exception'
  },
  {
    country: 'FI',
    days: { _tag: 'FixedDate', month: 12, day: 31, name: 'Uudenvuodenaatto' },
    onlyIn: 'date-holidays',
    reason:
      'an ordinary working day in Finland: not a church holiday, not among the days Vuosilomalaki (162/2005) skips, ' +
      'and not a day off under most collective agreements (date-holidays types it `bank`)'
  }
]

interface YearDifference {
  readonly year: number
  readonly onlyInItsmKit: ReadonlyArray<string>
  readonly onlyInDateHolidays: ReadonlyArray<string>
}

const sorted = (dates: Iterable<string>): ReadonlyArray<string> => [...new Set(dates)].sort()

const differenceOf = (
  year: number,
  onlyInItsmKit: ReadonlyArray<string>,
  onlyInDateHolidays: ReadonlyArray<string>
): ReadonlyArray<YearDifference> =>
  onlyInItsmKit.length + onlyInDateHolidays.length === 0 ? [] : [{ year, onlyInItsmKit, onlyInDateHolidays }]

const actualDifferences = (country: Country): ReadonlyArray<YearDifference> =>
  years.flatMap((year) => {
    const ours = new Set(datesIn(year, Calendar.publicHolidays[country]))
    const theirs = new Set(reported(country, year).map((d) => d.date))
    return differenceOf(
      year,
      sorted([...ours].filter((d) => !theirs.has(d))),
      sorted([...theirs].filter((d) => !ours.has(d)))
    )
  })

const expectedDifferences = (country: Country): ReadonlyArray<YearDifference> =>
  years.flatMap((year) => {
    const declared = (side: DeclaredDifference['onlyIn']) =>
      sorted(
        declaredDifferences
          .filter((d) => d.country === country && d.onlyIn === side)
          .flatMap((d) => datesIn(year, [d.days]))
      )
    return differenceOf(year, declared('itsm-kit'), declared('date-holidays'))
  })

describe('public holidays compared with date-holidays, 2000–2100', () => {
  it.each(countries)('%s matches date-holidays in every year except the declared differences', (country) => {
    // Fails on an undeclared difference, and on a declared one that no longer is one.
    expect(actualDifferences(country)).toStrictEqual(expectedDifferences(country))
  })

  it('compares 101 years for each of the four countries', () => {
    expect(years.length * countries.length).toBe(404)
    for (const country of countries)
      for (const year of years) expect(reported(country, year).length, `${country} ${year}`).toBeGreaterThanOrEqual(10)
  })

  it('each declared difference falls in 2000–2100 and carries the name its listing side gives the day', () => {
    for (const d of declaredDifferences) {
      const name = d.days.name ?? ''
      const named = years.flatMap((year) =>
        datesIn(year, [d.days]).map((date) =>
          d.onlyIn === 'itsm-kit'
            ? pipe(Calendar.publicHolidays[d.country], Calendar.holidaysIn(year)).some(
                (h) => h.date === date && h.names.includes(name)
              )
            : reported(d.country, year).some((r) => r.date === date && r.name === name)
        )
      )
      expect(named.length, `${d.country} ${name}`).toBeGreaterThan(0)
      expect(named.every(Boolean), `${d.country} ${name}`).toBe(true)
    }
  })

  it("the only part-day public or bank entry is Norway's New Year's Eve from 14:00, a whole day when it is a Sunday", () => {
    // date-holidays starts this entry at 14:00 local time. We compare on the date, so the day is
    // still caught as a difference (declared above: we do not list it, whole or half).
    const partDays = new Set<string>()
    const wholeDayYears: Array<number> = []
    for (const country of countries)
      for (const year of years)
        for (const d of reported(country, year)) {
          if (d.time !== '00:00:00') partDays.add(`${country} ${d.name} from ${d.time}`)
          else if (country === 'NO' && d.name === 'Nyttårsaften') wholeDayYears.push(year)
        }
    expect([...partDays]).toStrictEqual(['NO Nyttårsaften from 14:00:00'])
    expect(wholeDayYears).toStrictEqual(years.filter((y) => new Date(Date.UTC(y, 11, 31)).getUTCDay() === 0))
  })
})

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

const juneAround = (country: Country, year: number) =>
  pipe(Calendar.publicHolidays[country], Calendar.holidaysIn(year)).filter(
    (h) => h.date >= `${year}-06-19` && h.date <= `${year}-06-26`
  )

describe('public holidays by country', () => {
  it('Midsummer Eve 2025 in Sweden is Friday 20 June', () => {
    expect(juneAround('SE', 2025)).toStrictEqual([
      { date: '2025-06-20', names: ['Midsommarafton'] },
      { date: '2025-06-21', names: ['Midsommardagen'] }
    ])
  })

  it('Midsummer Eve is 19 June when that is a Friday, in Sweden and Finland (2026)', () => {
    expect(juneAround('SE', 2026)).toStrictEqual([
      { date: '2026-06-19', names: ['Midsommarafton'] },
      { date: '2026-06-20', names: ['Midsommardagen'] }
    ])
    expect(juneAround('FI', 2026)).toStrictEqual([
      { date: '2026-06-19', names: ['Juhannusaatto'] },
      { date: '2026-06-20', names: ['Juhannuspäivä'] }
    ])
  })

  it("All Saints' Day 2026 in Sweden and Finland is Saturday 31 October", () => {
    const allSaints = (country: Country) =>
      pipe(Calendar.publicHolidays[country], Calendar.holidaysIn(2026)).filter(
        (h) => h.date >= '2026-10-01' && h.date <= '2026-11-30'
      )
    expect(allSaints('SE')).toStrictEqual([{ date: '2026-10-31', names: ['Alla helgons dag'] }])
    expect(allSaints('FI')).toStrictEqual([{ date: '2026-10-31', names: ['Pyhäinpäivä'] }])
  })

  it('Maundy Thursday to Easter Monday 2025 are closed in Norway', () => {
    const oslo = compile(
      Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
    )
    const open = ['16', '17', '18', '19', '20', '21', '22'].map((d) =>
      pipe(oslo, Calendar.isBusinessDay(instant(`2025-04-${d}T10:00:00+02:00`)))
    )
    expect(open).toStrictEqual([true, false, false, false, false, false, true])
  })

  it('Sweden swapped Whit Monday for the National Day in 2005', () => {
    const whitAndNational = (year: number) =>
      pipe(Calendar.publicHolidays.SE, Calendar.holidaysIn(year)).filter(
        (h) => h.names.includes('Annandag pingst') || h.names.includes('Nationaldagen')
      )
    expect(whitAndNational(2004)).toStrictEqual([{ date: '2004-05-31', names: ['Annandag pingst'] }])
    expect(whitAndNational(2005)).toStrictEqual([{ date: '2005-06-06', names: ['Nationaldagen'] }])
  })

  it('Epiphany is a day off in Poland from 2011 and Christmas Eve from 2025', () => {
    const has = (date: string) => datesIn(Number(date.slice(0, 4)), Calendar.publicHolidays.PL).includes(date)
    expect(['2010-01-06', '2011-01-06', '2024-12-24', '2025-12-24'].map(has)).toStrictEqual([false, true, false, true])
  })

  it("a Helsinki desk is closed on Midsummer Eve and Christmas Eve 2025 but open on New Year's Eve", () => {
    const helsinki = compile(
      Calendar.weekdays({
        zone: 'Europe/Helsinki',
        opens: '08:00',
        closes: '16:00',
        holidays: Calendar.publicHolidays.FI
      })
    )
    const open = ['2025-06-20', '2025-12-24', '2025-12-31'].map((d) =>
      pipe(helsinki, Calendar.isBusinessDay(instant(`${d}T10:00:00+02:00`)))
    )
    expect(open).toStrictEqual([false, false, true])
  })

  it('a 24/7 contract with Polish holidays is closed on Easter Sunday and Whit Sunday 2025', () => {
    const warsaw = compile({ ...Calendar.alwaysOpen, zone: 'Europe/Warsaw', holidays: Calendar.publicHolidays.PL })
    const open = ['2025-04-19', '2025-04-20', '2025-06-08'].map((d) =>
      pipe(warsaw, Calendar.isOpen(instant(`${d}T12:00:00+02:00`)))
    )
    expect(open).toStrictEqual([true, false, false])
  })

  it('Sweden 2025 has 13 statutory days and 3 eves a desk closes on', () => {
    expect(pipe(Calendar.publicHolidays.SE, Calendar.holidaysIn(2025))).toStrictEqual([
      { date: '2025-01-01', names: ['Nyårsdagen'] },
      { date: '2025-01-06', names: ['Trettondedag jul'] },
      { date: '2025-04-18', names: ['Långfredagen'] },
      { date: '2025-04-20', names: ['Påskdagen'] },
      { date: '2025-04-21', names: ['Annandag påsk'] },
      { date: '2025-05-01', names: ['Första maj'] },
      { date: '2025-05-29', names: ['Kristi himmelsfärdsdag'] },
      { date: '2025-06-06', names: ['Nationaldagen'] },
      { date: '2025-06-08', names: ['Pingstdagen'] },
      { date: '2025-06-20', names: ['Midsommarafton'] },
      { date: '2025-06-21', names: ['Midsommardagen'] },
      { date: '2025-11-01', names: ['Alla helgons dag'] },
      { date: '2025-12-24', names: ['Julafton'] },
      { date: '2025-12-25', names: ['Juldagen'] },
      { date: '2025-12-26', names: ['Annandag jul'] },
      { date: '2025-12-31', names: ['Nyårsafton'] }
    ])
  })

  it('Finland 2025 has 13 public holidays and 2 eves a desk closes on', () => {
    expect(pipe(Calendar.publicHolidays.FI, Calendar.holidaysIn(2025))).toStrictEqual([
      { date: '2025-01-01', names: ['Uudenvuodenpäivä'] },
      { date: '2025-01-06', names: ['Loppiainen'] },
      { date: '2025-04-18', names: ['Pitkäperjantai'] },
      { date: '2025-04-20', names: ['Pääsiäispäivä'] },
      { date: '2025-04-21', names: ['Toinen pääsiäispäivä'] },
      { date: '2025-05-01', names: ['Vappu'] },
      { date: '2025-05-29', names: ['Helatorstai'] },
      { date: '2025-06-08', names: ['Helluntaipäivä'] },
      { date: '2025-06-20', names: ['Juhannusaatto'] },
      { date: '2025-06-21', names: ['Juhannuspäivä'] },
      { date: '2025-11-01', names: ['Pyhäinpäivä'] },
      { date: '2025-12-06', names: ['Itsenäisyyspäivä'] },
      { date: '2025-12-24', names: ['Jouluaatto'] },
      { date: '2025-12-25', names: ['Joulupäivä'] },
      { date: '2025-12-26', names: ['Tapaninpäivä'] }
    ])
  })

  it('Poland 2025 has 14 days off, Christmas Eve the first time', () => {
    expect(pipe(Calendar.publicHolidays.PL, Calendar.holidaysIn(2025))).toStrictEqual([
      { date: '2025-01-01', names: ['Nowy Rok'] },
      { date: '2025-01-06', names: ['Święto Trzech Króli'] },
      { date: '2025-04-20', names: ['Pierwszy dzień Wielkiej Nocy'] },
      { date: '2025-04-21', names: ['Drugi dzień Wielkiej Nocy'] },
      { date: '2025-05-01', names: ['Święto Pracy'] },
      { date: '2025-05-03', names: ['Święto Narodowe Trzeciego Maja'] },
      { date: '2025-06-08', names: ['Zielone Świątki'] },
      { date: '2025-06-19', names: ['Boże Ciało'] },
      { date: '2025-08-15', names: ['Wniebowzięcie Najświętszej Maryi Panny'] },
      { date: '2025-11-01', names: ['Wszystkich Świętych'] },
      { date: '2025-11-11', names: ['Narodowe Święto Niepodległości'] },
      { date: '2025-12-24', names: ['Wigilia Bożego Narodzenia'] },
      { date: '2025-12-25', names: ['Pierwszy dzień Bożego Narodzenia'] },
      { date: '2025-12-26', names: ['Drugi dzień Bożego Narodzenia'] }
    ])
  })

  it.each([
    ['SE', 'Europe/Stockholm'],
    ['NO', 'Europe/Oslo'],
    ['FI', 'Europe/Helsinki'],
    ['PL', 'Europe/Warsaw']
  ] as const)('the %s set compiles and survives the JSON codec in %s', (country, zone) => {
    const spec = Calendar.weekdays({
      zone,
      opens: '08:00',
      closes: '16:00',
      holidays: Calendar.publicHolidays[country]
    })
    expect(compile(spec).spec.holidays).toStrictEqual(Calendar.publicHolidays[country])
    expect(Calendar.decodeCalendarSpec(JSON.parse(JSON.stringify(Calendar.encodeCalendarSpec(spec))))).toStrictEqual({
      _tag: 'Right',
      right: spec
    })
  })
})
