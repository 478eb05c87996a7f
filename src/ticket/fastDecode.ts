// The fast path of `Ticket.decodeEvent` and `Ticket.decodeCommand`: plain checks for the common
// spellings of stored events and commands, with the io-ts codecs as the judge of everything else.
// The fast path only ever *accepts*: when it is unsure (an unusual instant spelling) or sees any
// problem it hands the input to the codec, which gives the value or the Left with its paths and
// messages. So acceptance, values and rejections are the codec's own; a property test
// (test/ticket/fastDecode.laws.test.ts) checks the two agree on valid and mutated inputs.
//
// The field checks are the codecs' own guards (`limits.ts`), except the instants: ISO strings in
// the shape `YYYY-MM-DDTHH:MM:SS[.f|.ff|.fff](Z|±HH:MM)` between 1901 and 2198 are read here;
// every other spelling, and the range ends, go to the codec (luxon).
import * as E from 'fp-ts/lib/Either.js'
import type { DecodeError } from '../internal/decodeError.js'
import { decodeCommand as codecDecodeCommand, decodeEvent as codecDecodeEvent } from './codec.js'
import type { TicketCommand } from './commands.js'
import type { TicketEvent } from './events.js'
import {
  Audience,
  Channel,
  CloseReasonJson,
  Code,
  Day,
  Id,
  Kind,
  limits,
  Name,
  NoticeReason,
  Party,
  Rank,
  Score,
  Seq,
  Users
} from './limits.js'

const FAIL: unique symbol = Symbol('fail')
type Check = (u: unknown) => unknown
const guard =
  (is: (u: unknown) => boolean): Check =>
  (u) =>
    is(u) ? u : FAIL

const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/** Two decimal digits at `i`, or -1. */
const two = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}
/** Milliseconds at midnight UTC of `YYYY-MM-DD` at the start of `s`, or NaN; years 1901–2198 only (the codec judges the ends). */
const dayOf = (s: string): number => {
  // a memo of the last day read (a log holds few distinct days); it changes no answer
  if (s.startsWith(lastDay) && lastDay !== '') return lastDayMs
  const ms = readDay(s)
  if (!Number.isNaN(ms)) {
    lastDay = s.slice(0, 10)
    lastDayMs = ms
  }
  return ms
}
let lastDay = ''
let lastDayMs = NaN
const readDay = (s: string): number => {
  const hi = two(s, 0)
  const lo = two(s, 2)
  const month = two(s, 5)
  const day = two(s, 8)
  if (hi < 0 || lo < 0 || month < 0 || day < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN
  const year = hi * 100 + lo
  if (year < 1901 || year > 2198 || month < 1 || month > 12) return NaN
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0
  if (day < 1 || day > (days[month - 1] as number) + leap) return NaN
  return Date.UTC(year, month - 1, day)
}
/** The common spellings of an ISO instant, read without luxon; FAIL sends anything else to the codec. */
const instant: Check = (u) => {
  if (typeof u !== 'string' || u.length < 20 || u.length > 29 || u.charCodeAt(10) !== 84 /* T */) return FAIL
  const day = dayOf(u)
  const hour = two(u, 11)
  const minute = two(u, 14)
  const second = two(u, 17)
  if (
    Number.isNaN(day) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    u.charCodeAt(13) !== 58 ||
    u.charCodeAt(16) !== 58
  )
    return FAIL
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

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)
const isName = Name.is
const actor: Check = (u) => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return FAIL
  const o = u as Record<string, unknown>
  let n = 0
  for (const k in o) {
    if (k !== 'role' && k !== 'id') return FAIL
    n++
  }
  if (n !== 2 || !has(o, 'role') || !has(o, 'id')) return FAIL
  const role = o.role
  const id = o.id
  return (role === 'agent' || role === 'customer' || role === 'system') && isName(id) ? { role, id } : FAIL
}

type Fields = ReadonlyArray<readonly [string, Check]>
interface Spec {
  readonly required: Fields
  readonly optional: Fields
  readonly known: ReadonlySet<string>
}
const specOf = (header: Fields, required: Fields, optional: Fields = []): Spec => ({
  required: [...header, ...required],
  optional,
  known: new Set(['_tag', ...header.map((f) => f[0]), ...required.map((f) => f[0]), ...optional.map((f) => f[0])])
})

// the hot checks written out (the same rules as Id, Name, Text and Label in limits.ts; the
// property test holds them equal), the rest through the codecs' guards
const isId = Id.is
const id: Check = (u) => (isId(u) ? u : FAIL)
const name: Check = (u) => (typeof u === 'string' && u.length >= 1 && u.length <= limits.nameLength ? u : FAIL)
const text: Check = (u) => (typeof u === 'string' && u.length <= limits.textLength ? u : FAIL)
const label = text
const kind = guard(Kind.is)
const channel = guard(Channel.is)
const rank = guard(Rank.is)
const users = guard(Users.is)
const score = guard(Score.is)
const party = guard(Party.is)
const code = guard(Code.is)
const audience = guard(Audience.is)
const noticeReason = guard(NoticeReason.is)
const day = guard(Day.is)

const eventHeader: Fields = [
  ['ticketId', id],
  ['seq', guard(Seq.is)],
  ['at', instant],
  ['actor', actor]
]
const event = (required: Fields, optional: Fields = []) => specOf(eventHeader, required, optional)
// one entry per member of `eventMembers` in limits.ts, with the same fields and checks
const eventSpecs: Readonly<Record<string, Spec>> = {
  TicketOpened: event(
    [
      ['channel', channel],
      ['customer', name],
      ['requester', name],
      ['title', text],
      ['tier', name]
    ],
    [
      ['service', name],
      ['affectedUsers', users],
      ['kind', kind],
      ['requestedBy', day]
    ]
  ),
  TicketClassified: event([['kind', kind]], [['category', name]]),
  PrioritySet: event([
    ['urgency', name],
    ['impact', name],
    ['rank', rank],
    ['name', name],
    ['label', label]
  ]),
  PriorityOverridden: event([
    ['rank', rank],
    ['name', name],
    ['label', label],
    ['reason', text]
  ]),
  TicketAssigned: event([['assignee', name]]),
  TicketEscalated: event(
    [
      ['toTier', name],
      ['note', text]
    ],
    [['assignee', name]]
  ),
  PublicReplySent: event([['message', text]]),
  InternalNoteAdded: event([['note', text]]),
  AwaitingStarted: event([['party', party]], [['reason', text]]),
  WorkResumed: event([]),
  WorkaroundApplied: event([['description', text]], [['problemId', id]]),
  WorkaroundWithdrawn: event([['reason', text]]),
  RootCauseIdentified: event([['rootCause', text]]),
  TicketResolved: event([
    ['code', code],
    ['note', text]
  ]),
  ResolutionRejected: event([['reason', text]]),
  TicketReopened: event([['reason', text]]),
  TicketClosed: event([['reason', guard(CloseReasonJson.is)]]),
  TicketCancelled: event([['reason', text]]),
  TicketRated: event([['score', score]], [['comment', text]]),
  LinkedToProblem: event([['problemId', id]]),
  NoticeSent: event([
    ['audience', audience],
    ['reason', noticeReason]
  ])
}

const commandHeader: Fields = [
  ['at', instant],
  ['actor', actor]
]
const command = (required: Fields, optional: Fields = []) => specOf(commandHeader, required, optional)
// one entry per member of `commandMembers` in limits.ts, with the same fields and checks
const commandSpecs: Readonly<Record<string, Spec>> = {
  Open: command(
    [
      ['ticketId', id],
      ['channel', channel],
      ['customer', name],
      ['requester', name],
      ['title', text]
    ],
    [
      ['tier', name],
      ['service', name],
      ['affectedUsers', users],
      ['kind', kind],
      ['requestedBy', day]
    ]
  ),
  Classify: command([['kind', kind]], [['category', name]]),
  Prioritise: command([
    ['urgency', name],
    ['impact', name]
  ]),
  OverridePriority: command([
    ['priority', name],
    ['reason', text]
  ]),
  Assign: command([['assignee', name]]),
  Escalate: command(
    [
      ['toTier', name],
      ['note', text]
    ],
    [['assignee', name]]
  ),
  Reply: command([['message', text]]),
  AddNote: command([['note', text]]),
  Await: command([['party', party]], [['reason', text]]),
  Resume: command([]),
  ApplyWorkaround: command([['description', text]], [['problemId', id]]),
  Notify: command([
    ['audience', audience],
    ['reason', noticeReason]
  ]),
  WithdrawWorkaround: command([['reason', text]]),
  IdentifyRootCause: command([['rootCause', text]]),
  Resolve: command([
    ['code', code],
    ['note', text]
  ]),
  Confirm: command([]),
  Reject: command([['reason', text]]),
  Reopen: command([['reason', text]]),
  Close: command([]),
  Cancel: command([['reason', text]]),
  Rate: command([['score', score]], [['comment', text]]),
  LinkProblem: command([['problemId', id]])
}

/** The value of a tagged record by its spec, or undefined when the fast path cannot vouch for it. */
const tryWith = (specs: Readonly<Record<string, Spec>>, u: unknown): Record<string, unknown> | undefined => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined
  const proto: unknown = Object.getPrototypeOf(u)
  if (proto !== Object.prototype && proto !== null) return undefined
  const o = u as Record<string, unknown>
  const tag = o._tag
  if (typeof tag !== 'string' || !has(specs, tag)) return undefined
  const s = specs[tag] as Spec
  for (const k in o) if (!s.known.has(k) || !has(o, k)) return undefined
  const out: Record<string, unknown> = { _tag: tag }
  const required = s.required
  for (let i = 0; i < required.length; i++) {
    const [k, check] = required[i] as readonly [string, Check]
    if (!has(o, k)) return undefined
    const v = check(o[k])
    if (v === FAIL) return undefined
    out[k] = v
  }
  const optional = s.optional
  for (let i = 0; i < optional.length; i++) {
    const [k, check] = optional[i] as readonly [string, Check]
    const raw = o[k]
    if (raw === undefined) continue
    const v = check(raw)
    if (v === FAIL) return undefined
    out[k] = v
  }
  return out
}

// Events are built by one function per type, each a single object literal with the fields in
// the order of the spec (the optional ones added after it when present): objects of one shape
// per type, made in one allocation, where adding the fields one by one to `{ _tag }` grew each
// object's property store several times. The keys are checked first by the spec (every key known
// and own, none required missing), so a builder reads each field once and only checks its value.
type Raw = Record<string, unknown>
type Out = Record<string, unknown>
/** The header of the event being built (set by {@link header}, read by the builder at once). */
let hId: unknown
let hSeq: unknown
let hAt: unknown
let hActor: unknown
const seq = guard(Seq.is)
const header = (o: Raw): boolean => {
  hId = id(o.ticketId)
  if (hId === FAIL) return false
  hSeq = seq(o.seq)
  if (hSeq === FAIL) return false
  hAt = instant(o.at)
  if (hAt === FAIL) return false
  hActor = actor(o.actor)
  return hActor !== FAIL
}
/** An optional field: undefined when absent, else its checked value or FAIL. */
const opt = (check: Check, raw: unknown): unknown => (raw === undefined ? undefined : check(raw))
const closeReason = guard(CloseReasonJson.is)
type Build = (o: Raw) => Out | undefined
// one per member of `eventSpecs`, with the same fields and checks, in the same order. Written out
// on purpose: checking the fields generically from the spec and only placing them here made
// decoding 25–30 % slower (each check then called through one shared call site); the law test in
// fastDecode.laws.test.ts holds every builder to the codec
const builders: Readonly<Record<string, Build>> = {
  TicketOpened: (o) => {
    const channel_ = channel(o.channel)
    if (channel_ === FAIL) return undefined
    const customer = name(o.customer)
    if (customer === FAIL) return undefined
    const requester = name(o.requester)
    if (requester === FAIL) return undefined
    const title = text(o.title)
    if (title === FAIL) return undefined
    const tier = name(o.tier)
    if (tier === FAIL) return undefined
    const service = opt(name, o.service)
    if (service === FAIL) return undefined
    const affectedUsers = opt(users, o.affectedUsers)
    if (affectedUsers === FAIL) return undefined
    const kind_ = opt(kind, o.kind)
    if (kind_ === FAIL) return undefined
    const requestedBy = opt(day, o.requestedBy)
    if (requestedBy === FAIL) return undefined
    const e: Out = {
      _tag: 'TicketOpened',
      ticketId: hId,
      seq: hSeq,
      at: hAt,
      actor: hActor,
      channel: channel_,
      customer,
      requester,
      title,
      tier
    }
    if (service !== undefined) e.service = service
    if (affectedUsers !== undefined) e.affectedUsers = affectedUsers
    if (kind_ !== undefined) e.kind = kind_
    if (requestedBy !== undefined) e.requestedBy = requestedBy
    return e
  },
  TicketClassified: (o) => {
    const kind_ = kind(o.kind)
    if (kind_ === FAIL) return undefined
    const category = opt(name, o.category)
    if (category === FAIL) return undefined
    const e: Out = { _tag: 'TicketClassified', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, kind: kind_ }
    if (category !== undefined) e.category = category
    return e
  },
  PrioritySet: (o) => {
    const urgency = name(o.urgency)
    if (urgency === FAIL) return undefined
    const impact = name(o.impact)
    if (impact === FAIL) return undefined
    const rank_ = rank(o.rank)
    if (rank_ === FAIL) return undefined
    const name_ = name(o.name)
    if (name_ === FAIL) return undefined
    const label_ = label(o.label)
    if (label_ === FAIL) return undefined
    return {
      _tag: 'PrioritySet',
      ticketId: hId,
      seq: hSeq,
      at: hAt,
      actor: hActor,
      urgency,
      impact,
      rank: rank_,
      name: name_,
      label: label_
    }
  },
  PriorityOverridden: (o) => {
    const rank_ = rank(o.rank)
    if (rank_ === FAIL) return undefined
    const name_ = name(o.name)
    if (name_ === FAIL) return undefined
    const label_ = label(o.label)
    if (label_ === FAIL) return undefined
    const reason = text(o.reason)
    if (reason === FAIL) return undefined
    return {
      _tag: 'PriorityOverridden',
      ticketId: hId,
      seq: hSeq,
      at: hAt,
      actor: hActor,
      rank: rank_,
      name: name_,
      label: label_,
      reason
    }
  },
  TicketAssigned: (o) => {
    const assignee = name(o.assignee)
    if (assignee === FAIL) return undefined
    return { _tag: 'TicketAssigned', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, assignee }
  },
  TicketEscalated: (o) => {
    const toTier = name(o.toTier)
    if (toTier === FAIL) return undefined
    const note = text(o.note)
    if (note === FAIL) return undefined
    const assignee = opt(name, o.assignee)
    if (assignee === FAIL) return undefined
    const e: Out = { _tag: 'TicketEscalated', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, toTier, note }
    if (assignee !== undefined) e.assignee = assignee
    return e
  },
  PublicReplySent: (o) => {
    const message = text(o.message)
    if (message === FAIL) return undefined
    return { _tag: 'PublicReplySent', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, message }
  },
  InternalNoteAdded: (o) => {
    const note = text(o.note)
    if (note === FAIL) return undefined
    return { _tag: 'InternalNoteAdded', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, note }
  },
  AwaitingStarted: (o) => {
    const party_ = party(o.party)
    if (party_ === FAIL) return undefined
    const reason = opt(text, o.reason)
    if (reason === FAIL) return undefined
    const e: Out = { _tag: 'AwaitingStarted', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, party: party_ }
    if (reason !== undefined) e.reason = reason
    return e
  },
  WorkResumed: () => ({ _tag: 'WorkResumed', ticketId: hId, seq: hSeq, at: hAt, actor: hActor }),
  WorkaroundApplied: (o) => {
    const description = text(o.description)
    if (description === FAIL) return undefined
    const problemId = opt(id, o.problemId)
    if (problemId === FAIL) return undefined
    const e: Out = { _tag: 'WorkaroundApplied', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, description }
    if (problemId !== undefined) e.problemId = problemId
    return e
  },
  WorkaroundWithdrawn: (o) => {
    const reason = text(o.reason)
    if (reason === FAIL) return undefined
    return { _tag: 'WorkaroundWithdrawn', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, reason }
  },
  RootCauseIdentified: (o) => {
    const rootCause = text(o.rootCause)
    if (rootCause === FAIL) return undefined
    return { _tag: 'RootCauseIdentified', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, rootCause }
  },
  TicketResolved: (o) => {
    const code_ = code(o.code)
    if (code_ === FAIL) return undefined
    const note = text(o.note)
    if (note === FAIL) return undefined
    return { _tag: 'TicketResolved', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, code: code_, note }
  },
  ResolutionRejected: (o) => {
    const reason = text(o.reason)
    if (reason === FAIL) return undefined
    return { _tag: 'ResolutionRejected', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, reason }
  },
  TicketReopened: (o) => {
    const reason = text(o.reason)
    if (reason === FAIL) return undefined
    return { _tag: 'TicketReopened', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, reason }
  },
  TicketClosed: (o) => {
    const reason = closeReason(o.reason)
    if (reason === FAIL) return undefined
    return { _tag: 'TicketClosed', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, reason }
  },
  TicketCancelled: (o) => {
    const reason = text(o.reason)
    if (reason === FAIL) return undefined
    return { _tag: 'TicketCancelled', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, reason }
  },
  TicketRated: (o) => {
    const score_ = score(o.score)
    if (score_ === FAIL) return undefined
    const comment = opt(text, o.comment)
    if (comment === FAIL) return undefined
    const e: Out = { _tag: 'TicketRated', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, score: score_ }
    if (comment !== undefined) e.comment = comment
    return e
  },
  LinkedToProblem: (o) => {
    const problemId = id(o.problemId)
    if (problemId === FAIL) return undefined
    return { _tag: 'LinkedToProblem', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, problemId }
  },
  NoticeSent: (o) => {
    const audience_ = audience(o.audience)
    if (audience_ === FAIL) return undefined
    const reason = noticeReason(o.reason)
    if (reason === FAIL) return undefined
    return { _tag: 'NoticeSent', ticketId: hId, seq: hSeq, at: hAt, actor: hActor, audience: audience_, reason }
  }
}

/** Per event type: 1 for each required key (and `_tag`), 2 for each optional one; and the number of 1s. */
interface Keys {
  readonly of: ReadonlyMap<string, number>
  readonly required: number
}
const keysOf = (s: Spec): Keys => ({
  of: new Map([['_tag', 1], ...s.required.map(([k]) => [k, 1] as const), ...s.optional.map(([k]) => [k, 2] as const)]),
  required: 1 + s.required.length
})
const eventKeys: ReadonlyMap<string, Keys> = new Map(Object.entries(eventSpecs).map(([tag, s]) => [tag, keysOf(s)]))

/** The fast path alone: the decoded event, or undefined when it cannot vouch for the input (the codec then judges). @internal */
export const tryFastEvent = (u: unknown): TicketEvent | undefined => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined
  const proto: unknown = Object.getPrototypeOf(u)
  if (proto !== Object.prototype && proto !== null) return undefined
  const o = u as Raw
  const tag = o._tag
  if (typeof tag !== 'string') return undefined
  const keys = eventKeys.get(tag)
  const build = keys === undefined ? undefined : builders[tag]
  if (keys === undefined || build === undefined) return undefined
  // every key enumerated is known and own; with as many required ones as the type has, none is missing
  let required = 0
  for (const k in o) {
    const which = keys.of.get(k)
    if (which === undefined || !Object.prototype.hasOwnProperty.call(o, k)) return undefined
    if (which === 1) required++
  }
  if (required !== keys.required || !header(o)) return undefined
  return build(o) as TicketEvent | undefined
}

/** The fast path alone: the decoded command, or undefined when it cannot vouch for the input (the codec then judges). @internal */
export const tryFastCommand = (u: unknown): TicketCommand | undefined =>
  tryWith(commandSpecs, u) as TicketCommand | undefined

/**
 * Reads one ticket event from JSON, reporting every problem with its path. Stored events in the
 * usual spelling (instants as `2025-03-07T09:00:00Z` or with an offset) are read by plain checks
 * at about the cost of `JSON.parse`; anything else, and every rejection, is judged by the io-ts
 * codec (`Codec.TicketEventJson`), so the answer is always the codec's.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const stored = { _tag: 'TicketAssigned', ticketId: 'INC-7', seq: 3, at: '2025-03-07T10:15:00+01:00', actor: { role: 'agent', id: 'kari' }, assignee: 'per' }
 * assert.deepStrictEqual(pipe(Ticket.decodeEvent(stored), E.map((e) => e.at)), E.right(Date.UTC(2025, 2, 7, 9, 15)))
 * const unknown = { ...stored, _tag: 'TicketTeleported' }
 * assert.deepStrictEqual(pipe(Ticket.decodeEvent(unknown), E.mapLeft((e) => e.issues.map((i) => i.path))), E.left(['_tag']))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeEvent = (u: unknown): E.Either<DecodeError, TicketEvent> => {
  let fast: TicketEvent | undefined
  try {
    fast = tryFastEvent(u)
  } catch {
    // a getter or proxy on the input threw: the codec reports it at its path
    fast = undefined
  }
  return fast === undefined ? codecDecodeEvent(u) : E.right(fast)
}

/**
 * Reads a ticket command from JSON, reporting every problem with its path. Commands in the usual
 * spelling are read by plain checks; anything else, and every rejection, is judged by the io-ts
 * codec (`Codec.TicketCommandJson`), so the answer is always the codec's.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket } from 'itsm-kit'
 * const rate = { _tag: 'Rate', at: '2025-03-07T09:00:00Z', actor: { role: 'customer', id: 'ola' }, score: 4 }
 * assert.deepStrictEqual(pipe(Ticket.decodeCommand(rate), E.map((c) => c._tag)), E.right('Rate'))
 * assert.deepStrictEqual(pipe(Ticket.decodeCommand({ ...rate, score: 7 }), E.mapLeft((e) => e.message)), E.left('score: expected a score from 1 to 5, received 7'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeCommand = (u: unknown): E.Either<DecodeError, TicketCommand> => {
  let fast: TicketCommand | undefined
  try {
    fast = tryFastCommand(u)
  } catch {
    // a getter or proxy on the input threw: the codec reports it at its path
    fast = undefined
  }
  return fast === undefined ? codecDecodeCommand(u) : E.right(fast)
}
