import * as E from 'fp-ts/lib/Either.js'
import * as Time from '../time/index.js'
import type { IanaZone, Instant } from '../time/index.js'
import { invalid, type ReportError } from './errors.js'
import type { Period } from './model.js'

/** A period resolved in a zone: instants and a label, with the previous period. @internal */
export interface Resolved {
  readonly from: number
  readonly to: number
  readonly label: string
  readonly previous: { readonly from: number; readonly to: number; readonly label: string }
}

const DAY = 86_400_000
const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
const ymd = (epochDay: number): string => {
  const d = new Date(epochDay * DAY)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
const epochDay = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / DAY)
const isInt = (u: unknown, lo: number, hi: number): u is number =>
  typeof u === 'number' && Number.isInteger(u) && u >= lo && u <= hi

/**
 * Local days `[first, last)` (epoch days) of a calendar period, and its label; its year at least
 * `lo` (a period of 1900 has its previous period in 1899).
 */
const daysOf = (
  p: Exclude<Period, { _tag: 'Range' }>,
  lo = 1900
): E.Either<ReportError, { first: number; end: number; label: string }> => {
  switch (p._tag) {
    case 'Day': {
      const m = typeof p.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.date) : null
      const d = m === null ? undefined : epochDay(Number(m[1]), Number(m[2]), Number(m[3]))
      if (m === null || d === undefined || ymd(d) !== p.date)
        return E.left(invalid('period.date', 'a date "YYYY-MM-DD"', p.date))
      return E.right({ first: d, end: d + 1, label: p.date })
    }
    case 'Week': {
      if (!isInt(p.year, lo, 9999)) return E.left(invalid('period.year', 'a year 1900–9999', p.year))
      // ISO week 1 holds 4 January; weeks start on Monday
      const jan4 = epochDay(p.year, 1, 4)
      const monday1 = jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7)
      const nextJan4 = epochDay(p.year + 1, 1, 4)
      const weeks = (nextJan4 - ((new Date(nextJan4 * DAY).getUTCDay() + 6) % 7) - monday1) / 7
      if (!isInt(p.week, 1, weeks)) return E.left(invalid('period.week', `an ISO week 1–${weeks}`, p.week))
      const first = monday1 + (p.week - 1) * 7
      return E.right({ first, end: first + 7, label: `${p.year}-W${pad(p.week)}` })
    }
    case 'Month':
      if (!isInt(p.year, lo, 9999)) return E.left(invalid('period.year', 'a year 1900–9999', p.year))
      if (!isInt(p.month, 1, 12)) return E.left(invalid('period.month', 'a month 1–12', p.month))
      return E.right({
        first: epochDay(p.year, p.month, 1),
        end: epochDay(p.year, p.month + 1, 1),
        label: `${p.year}-${pad(p.month)}`
      })
    case 'Quarter':
      if (!isInt(p.year, lo, 9999)) return E.left(invalid('period.year', 'a year 1900–9999', p.year))
      if (!isInt(p.quarter, 1, 4)) return E.left(invalid('period.quarter', 'a quarter 1–4', p.quarter))
      return E.right({
        first: epochDay(p.year, p.quarter * 3 - 2, 1),
        end: epochDay(p.year, p.quarter * 3 + 1, 1),
        label: `${p.year}-Q${p.quarter}`
      })
  }
}

const previousOf = (p: Exclude<Period, { _tag: 'Range' | 'Day' }>): Exclude<Period, { _tag: 'Range' | 'Day' }> => {
  switch (p._tag) {
    case 'Week': {
      if (p.week > 1) return { _tag: 'Week', year: p.year, week: p.week - 1 }
      // the last ISO week of the previous year: the week holding 28 December
      const dec28 = epochDay(p.year - 1, 12, 28)
      const jan4 = epochDay(p.year - 1, 1, 4)
      const monday1 = jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7)
      return { _tag: 'Week', year: p.year - 1, week: Math.floor((dec28 - monday1) / 7) + 1 }
    }
    case 'Month':
      return p.month > 1
        ? { _tag: 'Month', year: p.year, month: p.month - 1 }
        : { _tag: 'Month', year: p.year - 1, month: 12 }
    case 'Quarter':
      return p.quarter > 1
        ? { _tag: 'Quarter', year: p.year, quarter: p.quarter - 1 }
        : { _tag: 'Quarter', year: p.year - 1, quarter: 4 }
  }
}

const midnight = (day: number, zone: IanaZone): number => {
  const r = Time.fromLocal(zone)(`${ymd(day)}T00:00`)
  return E.isRight(r) ? r.right : day * DAY
}

const isInstant = (u: unknown): u is Instant => typeof u === 'number' && Number.isFinite(u) && Number.isInteger(u)

/**
 * Resolves a period in a zone: local midnights for calendar periods; the previous period is the
 * previous calendar unit (day, ISO week, month, quarter), or the range of the same length just before.
 *
 * @internal
 */
export const resolvePeriod = (period: Period, zone: IanaZone): E.Either<ReportError, Resolved> => {
  if (typeof period !== 'object' || period === null)
    return E.left(invalid('period', 'a period (Day, Week, Month, Quarter or Range)', period))
  if (period._tag === 'Range') {
    if (!isInstant(period.from)) return E.left(invalid('period.from', 'an instant (epoch milliseconds)', period.from))
    if (!isInstant(period.to)) return E.left(invalid('period.to', 'an instant (epoch milliseconds)', period.to))
    if (period.to <= period.from)
      return E.left({
        _tag: 'InvalidReportInput',
        path: 'period.to',
        message: `period.to: expected an instant after period.from (${Time.toISO(period.from)}), received ${period.to} (${Time.toISO(period.to)})`
      })
    const len = period.to - period.from
    const label = `${Time.toLocalISO(zone)(period.from)} – ${Time.toLocalISO(zone)(period.to)}`
    const prevLabel = `${Time.toLocalISO(zone)((period.from - len) as Instant)} – ${Time.toLocalISO(zone)(period.from)}`
    return E.right({
      from: period.from,
      to: period.to,
      label,
      previous: { from: period.from - len, to: period.from, label: prevLabel }
    })
  }
  if (!['Day', 'Week', 'Month', 'Quarter'].includes((period as { _tag: unknown })._tag as string))
    return E.left(
      invalid(
        'period._tag',
        'one of "Day" | "Week" | "Month" | "Quarter" | "Range"',
        (period as { _tag: unknown })._tag
      )
    )
  const here = daysOf(period)
  if (E.isLeft(here)) return here
  // the day before a valid date is a valid day, whatever its year
  const there =
    period._tag === 'Day'
      ? E.right({ first: here.right.first - 1, end: here.right.first, label: ymd(here.right.first - 1) })
      : daysOf(previousOf(period), 1899)
  if (E.isLeft(there)) return there
  return E.right({
    from: midnight(here.right.first, zone),
    to: midnight(here.right.end, zone),
    label: here.right.label,
    previous: { from: midnight(there.right.first, zone), to: midnight(there.right.end, zone), label: there.right.label }
  })
}

/** The local dates `[from, to)` covers in a zone. @internal */
export const localDates = (from: number, to: number, zone: IanaZone): ReadonlyArray<string> => {
  const out: string[] = []
  const first = Time.toLocalDate(zone)(from as Instant)
  const last = Time.toLocalDate(zone)((to - 1) as Instant)
  const [y, m, d] = first.split('-').map(Number) as [number, number, number]
  for (let day = epochDay(y, m, d); out.length < 1000; day++) {
    const s = ymd(day)
    out.push(s)
    if (s >= last) break
  }
  return out
}
