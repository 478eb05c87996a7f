// due, between, holidays: business-time arithmetic and holiday lists from the command line.
import { pipe } from 'fp-ts/lib/function.js'
import { Calendar, Time } from '../index.js'
import {
  calendarOptions,
  calendarSpec,
  calendarOf,
  compile,
  parse,
  parseCountry,
  parseDuration,
  parseInstant,
  showDuration,
  str
} from './common.js'
import { bold, inputError, table, usageError, type Io } from './io.js'

/** The most open intervals `--explain` lists; the rest is summed on one line. */
const EXPLAIN_ROWS = 1000

const DAY = 86_400_000

/** What `--explain` shows of the open intervals between two instants. */
interface Explained {
  /** The first {@link EXPLAIN_ROWS} open intervals, each with the business time up to its end. */
  readonly intervals: ReadonlyArray<{ readonly start: number; readonly end: number; readonly total: number }>
  /** What is left after them: from the end of the last listed one to the end. */
  readonly rest?: { readonly from: number; readonly to: number; readonly businessTime: number }
}

/**
 * The open intervals counted between two instants: the first {@link EXPLAIN_ROWS}, then the
 * business time of the rest. They are asked for in windows that double from a day, so a dense
 * calendar over centuries costs a few thousand intervals, not millions.
 */
const explained = (cal: Calendar.BusinessCalendar, from: Time.Instant, to: Time.Instant): Explained => {
  let total = 0
  const intervals: Array<{ start: number; end: number; total: number }> = []
  let at: number = from
  for (let span = DAY; at < to && intervals.length < EXPLAIN_ROWS; span *= 2) {
    const end = to - at > span ? at + span : to
    for (const i of pipe(cal, Calendar.openIntervals(at as Time.Instant, end as Time.Instant))) {
      total += i.end - i.start
      const last = intervals[intervals.length - 1]
      // an interval the last window cut at its end goes on in this one: one row
      if (last !== undefined && last.end === i.start && i.start === at) Object.assign(last, { end: i.end, total })
      else if (intervals.length === EXPLAIN_ROWS) {
        total -= i.end - i.start
        break
      } else intervals.push({ start: i.start, end: i.end, total })
      at = i.end
    }
    if (intervals.length < EXPLAIN_ROWS) at = end
  }
  return at < to
    ? {
        intervals,
        rest: { from: at, to, businessTime: pipe(cal, Calendar.businessTimeBetween(at as Time.Instant, to)) }
      }
    : { intervals }
}

/** The counted intervals as a table: the last row sums what is left when there are more than {@link EXPLAIN_ROWS}. */
const explainTable = (cal: Calendar.BusinessCalendar, e: Explained): string => {
  const local = (t: number) => Time.toLocalISO(cal.zone)(t as Time.Instant)
  const rows = e.intervals.map((i) => [
    local(i.start),
    local(i.end),
    showDuration(i.end - i.start),
    showDuration(i.total)
  ])
  const last = e.intervals[e.intervals.length - 1]?.total ?? 0
  if (e.rest !== undefined)
    rows.push([
      local(e.rest.from),
      local(e.rest.to),
      showDuration(e.rest.businessTime),
      `${showDuration(last + e.rest.businessTime)} (first ${EXPLAIN_ROWS} intervals listed)`
    ])
  return table([['from', 'to', 'counted', 'total'], ...rows])
}

/** The counted intervals for `--json`: local instants and ISO 8601 durations. */
const explainJson = (cal: Calendar.BusinessCalendar, e: Explained) => {
  const local = (t: number) => Time.toLocalISO(cal.zone)(t as Time.Instant)
  const span = (from: number, to: number, d: number) => ({
    from: local(from),
    to: local(to),
    businessTime: Time.toISODuration(d as Time.Duration)
  })
  return {
    intervals: e.intervals.map((i) => span(i.start, i.end, i.end - i.start)),
    ...(e.rest === undefined ? {} : { rest: span(e.rest.from, e.rest.to, e.rest.businessTime) })
  }
}

/** `itsm-kit due`. @internal */
export const due = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parse('due', args, {
    ...calendarOptions,
    from: { type: 'string' },
    duration: { type: 'string' },
    explain: { type: 'boolean' },
    json: { type: 'boolean' }
  })
  const cal = await calendarOf(values)
  const fromText = str(values, 'from')
  const durationText = str(values, 'duration')
  if (fromText === undefined || durationText === undefined)
    throw usageError('due: expected --from and --duration (see itsm-kit due --help)')
  const from = parseInstant('from', fromText, cal.zone)
  const duration = parseDuration('duration', durationText)
  const dueAt = pipe(cal, Calendar.addBusinessTime(from, duration))
  const local = Time.toLocalISO(cal.zone)
  // the library clamps at the ends of its range; a clamped instant is no due date
  if (dueAt === Time.maxInstant || dueAt === Time.minInstant) {
    const fits = pipe(cal, Calendar.businessTimeBetween(dueAt < from ? dueAt : from, dueAt < from ? from : dueAt))
    if (fits < Math.abs(duration))
      throw inputError(
        `--duration: expected a duration that ends ${dueAt === Time.maxInstant ? 'before' : 'after'} ${Time.toISO(dueAt)} on this calendar (${showDuration(fits)} of business time does), received ${showDuration(Math.abs(duration))}`
      )
  }
  const e =
    values.explain === true ? explained(cal, from <= dueAt ? from : dueAt, from <= dueAt ? dueAt : from) : undefined
  if (values.json === true)
    io.out(
      JSON.stringify({
        from: local(from),
        duration: Time.toISODuration(duration),
        due: local(dueAt),
        zone: cal.zone,
        ...(e === undefined ? {} : { explained: explainJson(cal, e) })
      }) + '\n'
    )
  else {
    io.out(`${bold(io, local(dueAt))}  (${showDuration(duration)} of business time from ${local(from)}, ${cal.zone})\n`)
    if (e !== undefined) io.out('\n' + explainTable(cal, e) + '\n')
  }
  return 0
}

/** `itsm-kit between`. @internal */
export const between = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parse('between', args, {
    ...calendarOptions,
    from: { type: 'string' },
    to: { type: 'string' },
    explain: { type: 'boolean' },
    json: { type: 'boolean' }
  })
  const cal = await calendarOf(values)
  const fromText = str(values, 'from')
  const toText = str(values, 'to')
  if (fromText === undefined || toText === undefined)
    throw usageError('between: expected --from and --to (see itsm-kit between --help)')
  const from = parseInstant('from', fromText, cal.zone)
  const to = parseInstant('to', toText, cal.zone)
  const d = pipe(cal, Calendar.businessTimeBetween(from, to))
  const e = values.explain === true ? explained(cal, from <= to ? from : to, from <= to ? to : from) : undefined
  if (values.json === true)
    io.out(
      JSON.stringify({
        from: Time.toLocalISO(cal.zone)(from),
        to: Time.toLocalISO(cal.zone)(to),
        businessTime: Time.toISODuration(d),
        milliseconds: d,
        ...(e === undefined ? {} : { explained: explainJson(cal, e) })
      }) + '\n'
    )
  else {
    io.out(`${bold(io, showDuration(d))}  (${Time.toISODuration(d)} of business time, ${cal.zone})\n`)
    if (e !== undefined) io.out('\n' + explainTable(cal, e) + '\n')
  }
  return 0
}

interface Day {
  readonly date: string
  readonly name: string
  readonly kind: string
}

const icsEscape = (s: string) => s.replace(/[\\;,]/gu, (c) => `\\${c}`).replace(/\n/gu, '\\n')
/** Folds a content line at 75 octets (RFC 5545 §3.1). */
const fold = (line: string): string => {
  const out: string[] = []
  let current = ''
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (out.length === 0 ? 75 : 74)) {
      out.push(current)
      current = ''
    }
    current += ch
  }
  out.push(current)
  return out.join('\r\n ')
}

/** An iCalendar file of all-day events (RFC 5545), importable into calendar apps. @internal */
export const toIcs = (days: ReadonlyArray<Day>, source: string): string => {
  const next = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  const compact = (date: string) => date.replace(/-/gu, '')
  const stamp = `${compact(days[0]?.date ?? '1970-01-01')}T000000Z`
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//itsm-kit//holidays//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icsEscape(source)}`
  ]
  for (const d of days)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${d.date}-${source.replace(/[^A-Za-z0-9]/gu, '')}@itsm-kit`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(d.date)}`,
      `DTEND;VALUE=DATE:${compact(next(d.date))}`,
      `SUMMARY:${icsEscape(d.name)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT'
    )
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}

/** `itsm-kit holidays`. @internal */
export const holidays = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse('holidays', args, {
    calendar: { type: 'string' },
    year: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', short: 'f' }
  })
  const format = str(values, 'format') ?? 'table'
  if (!['table', 'json', 'ics'].includes(format))
    throw usageError(`--format: expected table, json or ics, received ${JSON.stringify(format.slice(0, 20))}`)
  const file = str(values, 'calendar')
  const yearText = str(values, 'year') ?? (file === undefined ? positionals[1] : positionals[0])
  const year = Number(yearText)
  // the years of the library's local dates (1900–2199), written in decimal
  if (yearText === undefined)
    throw usageError('holidays: expected a country (SE, NO, FI, PL) and a year, or --calendar file.json --year 2026')
  if (!/^\d{4}$/u.test(yearText) || year < 1900 || year > 2199)
    throw usageError(`holidays: expected a year from 1900 to 2199, received ${JSON.stringify(yearText.slice(0, 20))}`)
  const toText = str(values, 'to')
  const last = toText === undefined ? year : Number(toText)
  const lastAllowed = Math.min(2199, year + 100)
  if ((toText !== undefined && !/^\d{4}$/u.test(toText)) || last < year || last > lastAllowed)
    throw usageError(
      `--to: expected a year from ${year} to ${lastAllowed}, received ${JSON.stringify(String(toText).slice(0, 20))}`
    )
  let source: string
  let rules: ReadonlyArray<Calendar.DateRule>
  let exceptions: ReadonlyArray<Calendar.DayException> = []
  if (file !== undefined) {
    const spec = await calendarSpec(values)
    // a calendar `check` refuses (an unknown zone, never open) is refused here too
    compile(values, spec)
    rules = spec.holidays ?? []
    exceptions = spec.exceptions ?? []
    source = file.replace(/^.*\//u, '')
  } else {
    const country = positionals[0]
    if (country === undefined)
      throw usageError('holidays: expected a country (SE, NO, FI, PL) and a year, or --calendar file.json --year 2026')
    rules = Calendar.publicHolidays[parseCountry('country', country)]
    source = country.toUpperCase()
  }
  const days: Day[] = []
  for (let y = year; y <= last; y++) {
    const picked = new Map<string, Day>()
    for (const h of pipe(rules, Calendar.holidaysIn(y)))
      picked.set(h.date, { date: h.date, name: h.names.join(' / ') || 'holiday', kind: 'holiday' })
    for (const ex of exceptions)
      for (const h of pipe([ex.on], Calendar.holidaysIn(y))) {
        const hours = ex.hours.map((o) => `${o.opens}-${o.closes}`).join(', ')
        picked.set(h.date, {
          date: h.date,
          name: h.names.join(' / ') || (ex.hours.length === 0 ? 'closed' : `open ${hours}`),
          kind: ex.hours.length === 0 ? 'closed (exception)' : `open ${hours} (exception)`
        })
      }
    days.push(...[...picked.values()].sort((a, b) => (a.date < b.date ? -1 : 1)))
  }
  if (format === 'json') io.out(JSON.stringify(days, null, 2) + '\n')
  else if (format === 'ics') io.out(toIcs(days, source))
  else {
    const weekday = (d: string) =>
      new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })
    io.out(
      table([
        ['date', 'day', file === undefined ? 'holiday' : 'closed day', ...(file === undefined ? [] : ['kind'])],
        ...days.map((d) => [d.date, weekday(d.date), d.name, ...(file === undefined ? [] : [d.kind])])
      ]) + '\n'
    )
  }
  return 0
}
