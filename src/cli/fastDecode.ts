// A fast path for decoding stored ticket events: plain checks written for the common case,
// with the io-ts codec (`Ticket.decodeEvent`) as the judge of everything else. The fast path only
// ever *accepts*: whenever it is unsure or sees a problem it hands the input to the codec, which
// gives the Right or the Left with its paths and messages. So a rejection is always the codec's
// own, and the property test (test/cli/fastDecode.test.ts) checks that every acceptance equals
// the codec's on valid and mutated events.
import * as E from 'fp-ts/lib/Either.js'
import { Classification, Ticket, type Codec } from '../index.js'

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
const kind = oneOf(Classification.allKinds)
const channel = oneOf(Classification.allChannels)
const role = oneOf(['agent', 'customer', 'system'])

const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2}):(\d{2}))$/u
/** The common shapes of an ISO instant, computed without luxon; anything else goes to the codec. */
const instant: Check = (u) => {
  if (typeof u !== 'string') return FAIL
  const m = ISO.exec(u)
  if (m === null) return FAIL
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = Number(m[6])
  // stay well inside the instant range (1900–2200) and the plain calendar: the codec judges the rest
  if (year < 1901 || year > 2198 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return FAIL
  const leap = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0
  if (day < 1 || day > (days[month - 1] as number) + leap) return FAIL
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'))
  let offset = 0
  if (m[8] !== 'Z') {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 14 || om > 59) return FAIL
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset
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
