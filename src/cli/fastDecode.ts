// A fast path for decoding stored ticket events: plain checks written for the common case,
// with the io-ts codec (`Ticket.decodeEvent`) as the judge of everything else. The fast path only
// ever *accepts*: whenever it is unsure or sees a problem it hands the input to the codec, which
// gives the Right or the Left with its paths and messages. So a rejection is always the codec's
// own, and the property test (test/cli/fastDecode.test.ts) checks that every acceptance equals
// the codec's on valid and mutated events.
import * as E from 'fp-ts/lib/Either.js'
import { Kind, Ticket } from '../index.js'
import type * as Codec from '../codec/index.js'

const FAIL: unique symbol = Symbol('fail')
type Check = (u: unknown) => unknown

const ID = /^[\x21-\x7e](?:[\x20-\x7e]{0,98}[\x21-\x7e])?$/u
const id: Check = (u) => (typeof u === 'string' && ID.test(u) ? u : FAIL)
const text: Check = (u) => (typeof u === 'string' && u.length <= 100_000 ? u : FAIL)
const name: Check = (u) => (typeof u === 'string' && u.length >= 1 && u.length <= 200 ? u : FAIL)
const oneOf = (values: ReadonlyArray<string>): Check => {
  const set = new Set(values)
  return (u) => (typeof u === 'string' && set.has(u) ? u : FAIL)
}
const int =
  (min: number, max: number): Check =>
  (u) =>
    typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max ? u : FAIL
const kind = oneOf(Kind.allKinds)
const channel = oneOf(Kind.allChannels)
const role = oneOf(['agent', 'customer', 'system'])

const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/** Two decimal digits at `i`, or -1. */
const two = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}
/** Midnight UTC of recent dates, by their `YYYY-MM-DD` text (a log holds few distinct days). */
const dayCache = new Map<string, number>()
const dayOf = (s: string): number => {
  const key = s.slice(0, 10)
  const cached = dayCache.get(key)
  if (cached !== undefined) return cached
  const hi = two(s, 0)
  const lo = two(s, 2)
  const month = two(s, 5)
  const day = two(s, 8)
  if (hi < 0 || lo < 0 || month < 0 || day < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN
  const year = hi * 100 + lo
  // stay well inside the instant range (1900–2200): the codec judges the ends
  if (year < 1901 || year > 2198 || month < 1 || month > 12) return NaN
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0
  if (day < 1 || day > (days[month - 1] as number) + leap) return NaN
  const ms = Date.UTC(year, month - 1, day)
  if (dayCache.size > 4096) dayCache.clear()
  dayCache.set(key, ms)
  return ms
}
/**
 * The common spellings of an ISO instant — `YYYY-MM-DDTHH:MM:SS`, an optional `.f`, `.ff` or
 * `.fff`, then `Z` or `±HH:MM` — read without luxon; anything else goes to the codec.
 */
const instant: Check = (u) => {
  if (typeof u !== 'string' || u.length < 20 || u.length > 29 || u.charCodeAt(10) !== 84 /* T */) return FAIL
  const day = dayOf(u)
  const hour = two(u, 11)
  const minute = two(u, 14)
  const second = two(u, 17)
  if (Number.isNaN(day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || u.charCodeAt(13) !== 58 || u.charCodeAt(16) !== 58) return FAIL
  let i = 19
  let ms = 0
  if (u.charCodeAt(i) === 46 /* . */) {
    let digits = 0
    i++
    for (; digits < 4; digits++, i++) {
      const d = u.charCodeAt(i) - 48
      if (!(d >= 0 && d <= 9)) break
      ms = ms * 10 + d
    }
    if (digits === 0 || digits > 3) return FAIL
    ms *= digits === 1 ? 100 : digits === 2 ? 10 : 1
  }
  let offset = 0
  const sign = u.charCodeAt(i)
  if (sign === 90 /* Z */) {
    if (u.length !== i + 1) return FAIL
  } else if (sign === 43 || sign === 45) {
    const oh = two(u, i + 1)
    const om = two(u, i + 4)
    if (u.length !== i + 6 || u.charCodeAt(i + 3) !== 58 || oh < 0 || oh > 14 || om < 0 || om > 59) return FAIL
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000
  } else return FAIL
  return day + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset
}
const actor: Check = (u) => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return FAIL
  const o = u as Record<string, unknown>
  let n = 0
  for (const k in o) {
    if (k !== 'role' && k !== 'id') return FAIL
    n++
  }
  if (n !== 2 || !Object.prototype.hasOwnProperty.call(o, 'role') || !Object.prototype.hasOwnProperty.call(o, 'id')) return FAIL
  const r = role(o.role)
  const i = name(o.id)
  return r === FAIL || i === FAIL ? FAIL : { role: r, id: i }
}

type Fields = ReadonlyArray<readonly [string, Check]>
const header: Fields = [
  ['ticketId', id],
  ['seq', int(1, Number.MAX_SAFE_INTEGER)],
  ['at', instant],
  ['actor', actor]
]
const never: Check = () => FAIL
const spec = (required: Fields, optional: Fields = []) => ({ required: [...header, ...required], optional, known: new Set(['_tag', ...header.map((f) => f[0]), ...required.map((f) => f[0]), ...optional.map((f) => f[0])]) })
const specs: Readonly<Record<string, ReturnType<typeof spec>>> = {
  TicketOpened: spec(
    [
      ['channel', channel],
      ['customer', name],
      ['requester', name],
      ['title', text],
      ['tier', name]
    ],
    [
      ['service', name],
      ['affectedUsers', int(0, 1e9)],
      ['kind', kind],
      ['requestedBy', never]
    ]
  ),
  TicketClassified: spec([['kind', kind]], [['category', name]]),
  PrioritySet: spec([
    ['urgency', name],
    ['impact', name],
    ['rank', int(1, 1000)],
    ['name', name],
    ['label', text]
  ]),
  PriorityOverridden: spec([
    ['rank', int(1, 1000)],
    ['name', name],
    ['label', text],
    ['reason', text]
  ]),
  TicketAssigned: spec([['assignee', name]]),
  TicketEscalated: spec(
    [
      ['toTier', name],
      ['note', text]
    ],
    [['assignee', name]]
  ),
  PublicReplySent: spec([['message', text]]),
  InternalNoteAdded: spec([['note', text]]),
  AwaitingStarted: spec([['party', oneOf(['customer', 'thirdParty', 'vendor'])]], [['reason', text]]),
  WorkResumed: spec([]),
  WorkaroundApplied: spec([['description', text]], [['problemId', id]]),
  WorkaroundWithdrawn: spec([['reason', text]]),
  RootCauseIdentified: spec([['rootCause', text]]),
  TicketResolved: spec([
    ['code', oneOf(['fixed', 'workaround', 'answered', 'fulfilled', 'noFaultFound', 'duplicate', 'cancelledByCustomer', 'other'])],
    ['note', text]
  ]),
  ResolutionRejected: spec([['reason', text]]),
  TicketReopened: spec([['reason', text]]),
  TicketClosed: spec([['reason', oneOf(['confirmed', 'silence'])]]),
  TicketCancelled: spec([['reason', text]]),
  TicketRated: spec([['score', int(1, 5)]], [['comment', text]]),
  LinkedToProblem: spec([['problemId', id]]),
  NoticeSent: spec([
    ['audience', oneOf(['assignee', 'teamLead', 'manager'])],
    ['reason', name]
  ])
}

/** The fast path alone: the decoded event, or undefined when it cannot vouch for the input. @internal */
export const tryFast = (u: unknown): Ticket.TicketEvent | undefined => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined
  const o = u as Record<string, unknown>
  const tag = o._tag
  if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(specs, tag)) return undefined
  const s = specs[tag] as ReturnType<typeof spec>
  for (const k in o) if (!s.known.has(k) || !Object.prototype.hasOwnProperty.call(o, k)) return undefined
  if (Object.getPrototypeOf(o) !== Object.prototype && Object.getPrototypeOf(o) !== null) return undefined
  const out: Record<string, unknown> = { _tag: tag }
  for (const [k, check] of s.required) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) return undefined
    const v = check(o[k])
    if (v === FAIL) return undefined
    out[k] = v
  }
  for (const [k, check] of s.optional) {
    const raw = o[k]
    if (raw === undefined) continue
    const v = check(raw)
    if (v === FAIL) return undefined
    out[k] = v
  }
  return out as unknown as Ticket.TicketEvent
}

/**
 * Decodes one ticket event as `Ticket.decodeEvent` does — the same acceptance, the same value,
 * the same Left — faster for the common case.
 * @internal
 */
export const decodeEvent = (u: unknown): E.Either<Codec.DecodeError, Ticket.TicketEvent> => {
  const fast = tryFast(u)
  return fast === undefined ? Ticket.decodeEvent(u) : E.right(fast)
}
