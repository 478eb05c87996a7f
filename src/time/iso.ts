/**
 * ISO-8601 / RFC 3339 / RFC 9557 text of instants, read and written with arithmetic only: no
 * luxon `DateTime` (whose global `Settings` a host application may change, and which reads the
 * clock on every parse) and no `Date` beyond what its constructor is given.
 *
 * @internal
 * @packageDocumentation
 */
import { DAY_MS, parseDay } from '../internal/civil.js'
import { formatWall } from '../internal/instantText.js'
import { type ZoneRules, offsetAt } from '../internal/zone.js'

/** `YYYY-MM-DDTHH:mm:ss[.SSS]` of "local milliseconds" (now in the internal layer, for messages). @internal */
export { formatWall }

/**
 * Date, `T` or a space (RFC 3339 §5.6 allows the space), time with an optional fraction, a
 * mandatory offset, then at most one RFC 9557 zone annotation (`[Europe/Oslo]`, `[!Europe/Oslo]`
 * or `[+01:00]`).
 */
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)(?:\[!?([^[\]\s]{1,64})\])?$/i

const OFFSET_RE = /^([+-])(\d{2}):?(\d{2})?$/

/** Milliseconds of an offset `±HH[:MM]` (or `Z`), `undefined` when out of range. @internal */
export const parseOffset = (s: string): number | undefined => {
  if (s === 'Z' || s === 'z') return 0
  const m = OFFSET_RE.exec(s)
  if (m === null) return undefined
  const h = Number(m[2])
  const min = m[3] === undefined ? 0 : Number(m[3])
  if (h > 23 || min > 59) return undefined
  const ms = (h * 60 + min) * 60_000
  return m[1] === '-' ? -ms : ms
}

/** The parts of an ISO instant, before the zone annotation is checked. @internal */
export interface ParsedInstant {
  /** Epoch milliseconds. */
  readonly ms: number
  /** The offset written, in milliseconds; `undefined` for `Z` (the local offset is not stated). */
  readonly offset: number | undefined
  /** The RFC 9557 annotation, without brackets and `!`, if any. */
  readonly annotation: string | undefined
}

/** Reads an ISO instant, or says in a few words what is wrong with it. @internal */
export const readISO = (s: string): ParsedInstant | string => {
  const m = ISO_RE.exec(s)
  if (m === null) return 'malformed'
  const day = parseDay(`${m[1]}-${m[2]}-${m[3]}`)
  if (day === undefined) return `${m[1]}-${m[2]}-${m[3]} is not a calendar date`
  const h = Number(m[4])
  const min = Number(m[5])
  const sec = m[6] === undefined ? 0 : Number(m[6])
  if (h > 23 || min > 59 || sec > 59)
    return `${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`} is not a time of day`
  // a fraction finer than a millisecond is cut, not rounded
  const frac = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3))
  const offsetText = m[8] as string
  const offset = parseOffset(offsetText)
  if (offset === undefined) return `${offsetText} is not a UTC offset`
  const ms = day * DAY_MS + ((h * 60 + min) * 60 + sec) * 1000 + frac - offset
  return { ms, offset: offsetText.toUpperCase() === 'Z' ? undefined : offset, annotation: m[9] }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** `±HH:MM` of an offset in milliseconds (seconds shown when the offset has them). @internal */
export const formatOffset = (offset: number): string => {
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const h = Math.floor(abs / 3_600_000)
  const min = Math.floor((abs % 3_600_000) / 60_000)
  const sec = Math.floor((abs % 60_000) / 1000)
  return `${sign}${pad(h, 2)}:${pad(min, 2)}${sec > 0 ? `:${pad(sec, 2)}` : ''}`
}

/** Whether a zone name means UTC itself, which is written `Z` (as luxon writes it). */
const isUtcName = (name: string): boolean => /^(utc|gmt)$/i.test(name)

/** ISO text of an instant in a zone, with its offset: `2025-03-07T15:30:00+01:00`. @internal */
export const formatIn = (rules: ZoneRules, t: number): string => {
  const offset = offsetAt(rules, t)
  return `${formatWall(t + offset)}${isUtcName(rules.name) ? 'Z' : formatOffset(offset)}`
}
