/**
 * Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01), with no Date
 * object and no zone. The day/civil conversions follow Howard Hinnant's public-domain
 * "chrono-compatible low-level date algorithms" (howardhinnant.github.io/date_algorithms.html).
 *
 * @internal
 * @packageDocumentation
 */

/** Milliseconds in a 24-hour day. @internal */
export const DAY_MS = 86_400_000

/** Epoch day of a civil date (month 1–12). @internal */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * Civil date of an epoch day packed in one number, `year × 512 + month × 32 + day` (Howard
 * Hinnant's days-to-civil algorithm): one computation for {@link yearOfDay}, which runs in hot
 * loops and allocates nothing, and {@link civilFromDays}.
 */
const packedCivil = (epochDay: number): number => {
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 512 + month * 32 + day
}

/** Civil year of an epoch day. @internal */
export const yearOfDay = (epochDay: number): number => Math.floor(packedCivil(epochDay) / 512)

/** Civil date of an epoch day as `[year, month, day]`. @internal */
export const civilFromDays = (epochDay: number): readonly [number, number, number] => {
  const packed = packedCivil(epochDay)
  const year = Math.floor(packed / 512)
  const rest = packed - year * 512
  return [year, rest >> 5, rest & 31]
}

/** Weekday of an epoch day: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). @internal */
export const weekdayOfDay = (epochDay: number): number => (((epochDay + 3) % 7) + 7) % 7

/** Whether a Gregorian year is a leap year. @internal */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** Number of days in a month (1–12) of a year. @internal */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** `YYYY-MM-DD` of an epoch day. @internal */
export const formatDay = (epochDay: number): string => {
  const [y, m, d] = civilFromDays(epochDay)
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
}

/** `HH:mm` or `HH:mm:ss` of a number of seconds since local midnight (up to 24:00). @internal */
export const formatSeconds = (seconds: number): string => {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return s === 0 ? `${pad(h, 2)}:${pad(m, 2)}` : `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Epoch day of a `YYYY-MM-DD` string, or `undefined` if it is not a real date. @internal */
export const parseDay = (s: string): number | undefined => {
  const m = DATE_RE.exec(s)
  if (m === null) return undefined
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return daysFromCivil(year, month, day)
}

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * Seconds since local midnight of `HH:mm` or `HH:mm:ss` (00:00–23:59:59, and `24:00` when
 * `allowEndOfDay`), or `undefined` when malformed. @internal
 */
export const parseSeconds = (s: string, allowEndOfDay: boolean): number | undefined => {
  const m = TIME_RE.exec(s)
  if (m === null) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  const sec = m[3] === undefined ? 0 : Number(m[3])
  if (h === 24 && min === 0 && sec === 0) return allowEndOfDay ? 86400 : undefined
  if (h > 23 || min > 59 || sec > 59) return undefined
  return h * 3600 + min * 60 + sec
}
