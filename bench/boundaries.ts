/**
 * Hand-picked cases where business-time conventions can differ: an instant on a closing time, a
 * due time that lands on one, closed instants, DST changes, holidays, reversed ranges. Random
 * whole-minute inputs seldom hit these, so they are checked on their own.
 */
import { DateTime } from 'luxon'
import { ZONE, type Impl } from './impls.js'

const HOUR = 3_600_000
const at = (local: string): number => DateTime.fromISO(local, { zone: ZONE }).toMillis()
const show = (t: number): string =>
  DateTime.fromMillis(t, { zone: ZONE }).toFormat(t % 60_000 === 0 ? 'ccc d LLL HH:mm' : 'ccc d LLL HH:mm:ss')
const hours = (ms: number): string =>
  ms % HOUR === 0 ? `${ms / HOUR} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`

export interface Case {
  readonly label: string
  readonly kind: 'add' | 'between'
  readonly x: number
  readonly y: number
}

const add = (label: string, from: string, ms: number): Case => ({
  label: `${label}: ${from.replace('T', ' ')} + ${hours(ms)}`,
  kind: 'add',
  x: at(from),
  y: ms
})
const between = (label: string, from: string, to: string): Case => ({
  label: `${label}: ${from.replace('T', ' ')} → ${to.replace('T', ' ')}`,
  kind: 'between',
  x: at(from),
  y: at(to)
})

export const cases: ReadonlyArray<Case> = [
  add('from a closing instant', '2025-03-07T16:00', 4 * HOUR),
  add('due time on a closing', '2025-03-10T08:00', 8 * HOUR),
  add('due time on a closing', '2025-03-10T15:59', 60_000),
  add('from a closed instant', '2025-03-08T10:00', 4 * HOUR),
  add('zero from a closed instant', '2025-03-08T10:00', 0),
  add('from before opening', '2025-03-10T06:30', HOUR),
  add('seconds', '2025-03-10T15:59:30', HOUR),
  add('across spring-forward', '2025-03-28T11:00', 40 * HOUR),
  add('across fall-back', '2025-10-24T15:00', 40 * HOUR),
  add('before Midsummer', '2025-06-19T14:00', 4 * HOUR),
  add('before Christmas', '2025-12-23T14:00', 4 * HOUR),
  between('closing to next opening', '2025-03-07T16:00', '2025-03-10T08:00'),
  between('inside a weekend', '2025-03-08T10:00', '2025-03-09T10:00'),
  between('reversed', '2025-03-10T12:00', '2025-03-10T10:00'),
  between('empty', '2025-03-10T12:00', '2025-03-10T12:00'),
  between('seconds', '2025-03-10T10:00:30', '2025-03-10T10:01:00'),
  between('ends on a closing', '2025-03-10T12:00', '2025-03-10T16:00'),
  between('across spring-forward', '2025-03-28T12:00', '2025-03-31T12:00'),
  between('across New Year', '2025-12-31T12:00', '2026-01-02T12:00')
]

export const render = (c: Case, r: number | string): string =>
  typeof r === 'string' ? r : c.kind === 'add' ? show(r) : r === 0 ? '0' : (r < 0 ? '−' : '') + hours(Math.abs(r))

/** Runs every case on every implementation; a thrown error becomes its message. */
export const runCases = (impls: ReadonlyArray<Impl>): ReadonlyArray<ReadonlyArray<number | string>> =>
  cases.map((c) =>
    impls.map((impl) => {
      try {
        return c.kind === 'add' ? impl.add(c.x, c.y) : impl.between(c.x, c.y)
      } catch (e) {
        return `error: ${e instanceof Error ? e.message : String(e)}`
      }
    })
  )
