// Argument parsing and value readers shared by the commands.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Time } from '../index.js'
import { inputError, usageError } from './io.js'
import { issuesOf, located, readJson } from './json.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** parseArgs in strict mode; an unknown or malformed option is a usage error (exit status 2). @internal */
export const parse = <O extends Options>(command: string, args: ReadonlyArray<string>, options: O) => {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' }, quiet: { type: 'boolean', short: 'q' } },
      allowPositionals: true,
      strict: true
    })
  } catch (e) {
    const message = String((e as Error).message).split('\n')[0] ?? ''
    throw usageError(
      `${command}: ${message.replace(/\. To specify a positional.*$/u, '')} (see itsm-kit ${command} --help)`
    )
  }
}

/** A string option's value. @internal */
export const str = (values: Record<string, unknown>, name: string): string | undefined => {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

/** An instant: ISO 8601 with an offset, or a local wall time read in `zone`. @internal */
export const parseInstant = (option: string, text: string, zone: Time.IanaZone | undefined): Time.Instant => {
  const hasOffset = /(?:[zZ]|[+-]\d\d(?::?\d\d)?)$/u.test(text) && text.includes('T')
  const parsed = hasOffset || zone === undefined ? Time.fromISO(text) : Time.fromLocal(zone)(text)
  if (E.isLeft(parsed))
    throw usageError(
      `--${option}: expected an ISO 8601 instant such as 2026-03-02T09:00:00+01:00${zone === undefined ? '' : ` (or a local time in ${zone})`}, received ${JSON.stringify(text.slice(0, 40))}`
    )
  return parsed.right
}

/** A duration: ISO 8601 (`PT4H30M`) or hours and minutes (`4h`, `90m`, `1h30m`). @internal */
export const parseDuration = (option: string, text: string): Time.Duration => {
  const short = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+)m(?:in)?)?$/u.exec(text)
  const ms = short !== null && text !== '' ? (Number(short[1] ?? 0) * 60 + Number(short[2] ?? 0)) * 60_000 : undefined
  const d = ms === undefined ? Time.fromISODuration(text) : Time.makeDuration(ms)
  if (E.isLeft(d))
    throw usageError(
      `--${option}: expected a duration such as PT4H, 4h, 90m or 1h30m, received ${JSON.stringify(text.slice(0, 40))}`
    )
  return d.right
}

/** A duration in words: `7 h 20 min`, `-1 h 30 min`. @internal */
export const showDuration = (ms: number): string => {
  const sign = ms < 0 ? '-' : ''
  const minutes = Math.round(Math.abs(ms) / 60_000)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return sign + (h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`)
}

/** A zone name checked. @internal */
export const parseZone = (option: string, text: string): Time.IanaZone => {
  const z = Time.makeZone(text)
  if (E.isLeft(z))
    throw usageError(
      `--${option}: expected an IANA time zone such as Europe/Oslo, received ${JSON.stringify(text.slice(0, 60))}`
    )
  return z.right
}

/** The countries with built-in public holidays. @internal */
export const countries = Object.keys(Calendar.publicHolidays) as ReadonlyArray<Calendar.HolidayCountry>

/** A country code with built-in holidays. @internal */
export const parseCountry = (option: string, text: string): Calendar.HolidayCountry => {
  const c = text.toUpperCase()
  if (!(countries as ReadonlyArray<string>).includes(c))
    throw usageError(
      `--${option}: expected one of ${countries.join(', ')}, received ${JSON.stringify(text.slice(0, 20))}`
    )
  return c as Calendar.HolidayCountry
}

/** A calendar spec from `--calendar file.json`, or from `--zone`, `--hours` and `--holidays`. @internal */
export const calendarSpec = async (values: Record<string, unknown>): Promise<Calendar.CalendarSpec> => {
  const file = str(values, 'calendar')
  if (file !== undefined) {
    const json = await readJson(file)
    const spec = Calendar.decodeCalendarSpec(json.value)
    if (E.isLeft(spec)) throw inputError(located(json, issuesOf(spec.left)).join('\n'))
    return spec.right
  }
  const zone = str(values, 'zone')
  if (zone === undefined) throw usageError('expected --calendar file.json, or --zone (with --hours and --holidays)')
  parseZone('zone', zone)
  const hours = str(values, 'hours') ?? '08:00-16:00'
  const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/u.exec(hours)
  if (m === null)
    throw usageError(
      `--hours: expected opening hours such as 08:00-16:00, received ${JSON.stringify(hours.slice(0, 20))}`
    )
  const country = str(values, 'holidays')
  return Calendar.weekdays({
    zone,
    opens: m[1] as string,
    closes: m[2] as string,
    ...(country === undefined ? {} : { holidays: Calendar.publicHolidays[parseCountry('holidays', country)] })
  })
}

/** A compiled calendar from the options. @internal */
export const calendarOf = async (values: Record<string, unknown>): Promise<Calendar.BusinessCalendar> =>
  compile(values, await calendarSpec(values))

/** A calendar spec compiled, or the failure that names what is wrong with it (a zone, hours never open). @internal */
export const compile = (values: Record<string, unknown>, spec: Calendar.CalendarSpec): Calendar.BusinessCalendar => {
  const compiled = Calendar.make(spec)
  if (E.isLeft(compiled)) throw inputError(`${str(values, 'calendar') ?? '--hours'}: ${compiled.left.message}`)
  return compiled.right
}

/** Calendar options shared by `due` and `between`. @internal */
export const calendarOptions = {
  calendar: { type: 'string' },
  zone: { type: 'string' },
  hours: { type: 'string' },
  holidays: { type: 'string' }
} as const
