/**
 * ISO-8601 text of epoch milliseconds, by arithmetic alone: what `Time.toISO` writes, and how
 * every concept's messages show an instant. It sits below `time/` so that messages of any layer
 * can print instants without importing a concept.
 *
 * @internal
 * @packageDocumentation
 */
import { DAY_MS, civilFromDays } from './civil.js'
import { describe } from './describe.js'

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** `YYYY-MM-DDTHH:mm:ss[.SSS]` of "local milliseconds" (a wall time read as UTC). @internal */
export const formatWall = (local: number): string => {
  const day = Math.floor(local / DAY_MS)
  const [y, mo, d] = civilFromDays(day)
  let rest = local - day * DAY_MS
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const min = Math.floor(rest / 60_000)
  rest -= min * 60_000
  const sec = Math.floor(rest / 1000)
  const ms = rest - sec * 1000
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(min, 2)}:${pad(sec, 2)}${ms > 0 ? `.${pad(ms, 3)}` : ''}`
}

/** Whether a number of milliseconds is one a `Date` can show (and so `formatWall` can write). @internal */
export const isShowable = (t: unknown): t is number =>
  typeof t === 'number' && Number.isFinite(t) && Math.abs(t) <= 8.64e15

/**
 * An instant as messages show it: ISO-8601 in UTC (`2025-03-07T10:00:00Z`), or, for a value
 * that is no instant, described as `describe` does (`NaN`, `nothing`).
 *
 * @internal
 */
export const showInstant = (at: unknown): string => (isShowable(at) ? `${formatWall(Math.floor(at))}Z` : describe(at))
