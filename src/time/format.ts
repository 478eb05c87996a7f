import { DAY_MS, formatDay } from '../internal/civil.js'
import { toISO } from './constructors.js'
import type { Duration, IanaZone, Instant } from './model.js'
import { isKnownZone, makeDirectZoneRules, offsetAt } from '../internal/zone.js'

/**
 * Writes a business duration in words for messages and reports: `8 h 30 min`, `45 min`,
 * `2 h 15 s`, `0 min`; a negative one starts with `-`. Total: a value that is no finite number
 * gives `"Invalid Duration"`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * assert.strictEqual(Time.formatBusinessDuration(Time.minutes(510)), '8 h 30 min')
 * assert.deepStrictEqual(pipe(Time.makeDuration(-45_000), E.map(Time.formatBusinessDuration)), E.right('-45 s'))
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const formatBusinessDuration = (self: Duration): string => {
  if (typeof self !== 'number' || !Number.isFinite(self)) return 'Invalid Duration'
  const sign = self < 0 ? '-' : ''
  const ms = Math.abs(self)
  const h = Math.floor(ms / 3_600_000)
  const min = Math.floor((ms % 3_600_000) / 60_000)
  const s = (ms % 60_000) / 1000
  const parts = [h > 0 ? `${h} h` : '', min > 0 ? `${min} min` : '', s > 0 ? `${s} s` : ''].filter((p) => p !== '')
  return parts.length === 0 ? '0 min' : `${sign}${parts.join(' ')}`
}

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * Writes an instant for a message that concerns a calendar or a customer: UTC as ISO-8601, then
 * the wall time in their zone, such as `2026-03-02T07:25:00Z (2026-03-02 08:25 Europe/Oslo)`.
 * Total: a zone this runtime does not know shows UTC only, and a value that is no instant shows
 * `Invalid Instant`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Time } from 'itsm-kit'
 * const at = Time.instant('2026-03-02T07:25:00Z')
 * const text = pipe(Time.makeZone('Europe/Oslo'), E.map((oslo) => Time.describeInstant(oslo)(at)))
 * assert.deepStrictEqual(text, E.right('2026-03-02T07:25:00Z (2026-03-02 08:25 Europe/Oslo)'))
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const describeInstant =
  (zone: IanaZone) =>
  (self: Instant): string => {
    const utc = toISO(self)
    if (utc === 'Invalid Instant' || !isKnownZone(zone)) return utc
    const local = Math.floor(self) + offsetAt(makeDirectZoneRules(zone), Math.floor(self))
    const day = Math.floor(local / DAY_MS)
    const secs = Math.floor((local - day * DAY_MS) / 1000)
    const wall = `${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}${secs % 60 === 0 ? '' : `:${pad(secs % 60)}`}`
    return `${utc} (${formatDay(day)} ${wall} ${zone})`
  }
