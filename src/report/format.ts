import * as Time from '../time/index.js'
import type { Labels } from './labels.js'

/** Formats numbers, shares, business durations and instants for a locale and zone. @internal */
export interface Format {
  /** Plain values for spreadsheets: numbers unformatted, durations in minutes, instants in ISO-8601. */
  readonly raw: boolean
  readonly int: (n: number | undefined) => string
  readonly num: (n: number | undefined, digits?: number) => string
  readonly pct: (share: number | undefined) => string
  readonly dur: (ms: number | undefined) => string
  readonly dateTime: (t: number | undefined) => string
  readonly date: (t: number | undefined) => string
  readonly signed: (n: number | undefined, f: (n: number) => string) => string
}

/** At most this many formatters are kept: label sets are caller data, so the cache must not grow with them. @internal */
export const FORMAT_CACHE_LIMIT = 64

const cache = new Map<string, Format>()

/** How many formatters the cache holds (for tests). @internal */
export const formatCacheSize = (): number => cache.size

/** A formatter for the labels' locale and a zone (cached per locale and zone, the least recently made dropped first). @internal */
export const formatFor = (labels: Labels, zone: string): Format => {
  const key = `${labels.locale}|${zone}|${labels.hours}|${labels.minutes}|${labels.none}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  if (cache.size >= FORMAT_CACHE_LIMIT) {
    const oldest = cache.keys().next()
    if (oldest.done !== true) cache.delete(oldest.value)
  }
  const ints = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 0 })
  const nums = [0, 1, 2].map(
    (d) => new Intl.NumberFormat(labels.locale, { minimumFractionDigits: d, maximumFractionDigits: d })
  )
  const pcts = new Intl.NumberFormat(labels.locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  })
  const dts = new Intl.DateTimeFormat(labels.locale, {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  })
  const ds = new Intl.DateTimeFormat(labels.locale, {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  })
  const none = labels.none
  const f: Format = {
    raw: false,
    int: (n) => (n === undefined ? none : ints.format(n)),
    num: (n, digits = 1) => (n === undefined ? none : (nums[digits] ?? (nums[1] as Intl.NumberFormat)).format(n)),
    pct: (s) => (s === undefined ? none : pcts.format(s)),
    dur: (ms) => {
      if (ms === undefined) return none
      const sign = ms < 0 ? '−' : ''
      const total = Math.round(Math.abs(ms) / 60_000)
      const h = Math.floor(total / 60)
      const m = total % 60
      if (h === 0) return `${sign}${m} ${labels.minutes}`
      return m === 0
        ? `${sign}${ints.format(h)} ${labels.hours}`
        : `${sign}${ints.format(h)} ${labels.hours} ${String(m).padStart(2, '0')} ${labels.minutes}`
    },
    dateTime: (t) => (t === undefined ? none : dts.format(t)),
    date: (t) => (t === undefined ? none : ds.format(t)),
    signed: (n, g) => (n === undefined ? none : n > 0 ? `+${g(n)}` : n < 0 ? g(n).replace('-', '−') : g(0))
  }
  cache.set(key, f)
  return f
}

/** Plain values for spreadsheets: numbers as JavaScript writes them, shares as per cent with `%`, durations in minutes, instants as local ISO-8601 with offset. @internal */
export const rawFormat = (labels: Labels, zone: string): Format => {
  const z = Time.makeZone(zone)
  const iso = (t: number): string =>
    z._tag === 'Right' ? Time.toLocalISO(z.right)(t as Time.Instant) : Time.toISO(t as Time.Instant)
  const none = ''
  void labels
  return {
    raw: true,
    int: (n) => (n === undefined ? none : String(n)),
    num: (n) => (n === undefined ? none : String(n)),
    pct: (s) => (s === undefined ? none : `${s * 100}%`),
    dur: (ms) => (ms === undefined ? none : String(ms / 60_000)),
    dateTime: (t) => (t === undefined ? none : iso(t)),
    date: (t) => (t === undefined ? none : iso(t).slice(0, 10)),
    signed: (n, g) => (n === undefined ? none : g(n))
  }
}
