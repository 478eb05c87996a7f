import * as t from 'io-ts'
import { AudienceJson } from '../internal/audience.js'
import { markFree } from '../internal/decodeError.js'
import { freeText, intBetween, literals, record, stringWhere, tag } from '../internal/primitives.js'
import { ChannelJson, TicketKindJson } from '../kind/codec.js'
import { toISO } from '../time/index.js'
import { InstantJson, LocalDateJson } from '../time/codec.js'
import { maxInstant, minInstant, type Instant } from '../time/index.js'
import { isTicketId } from './constructors.js'
import { awaitingParties, type Notice, type TicketId } from './model.js'

/**
 * The limits every ticket event and command keeps, on the wire and in memory alike: `decide`
 * refuses a command, and `replay` and `decodeHistory` a history, that break one of them, so what
 * `decide` produces can always be stored and read back.
 *
 * - `ticketId`: 1 to 100 printable ASCII characters, no blank at either end (`INC-42`);
 * - `text`: free text (titles, notes, messages, reasons, descriptions, root causes, comments),
 *   at most 100 000 characters;
 * - `name`: names (customer, requester, tier, service, category, assignee, actor id, urgency,
 *   impact, priority), 1 to 200 characters; a notice's reason is free text of this length;
 * - `rank`: 1 to 1000; `affectedUsers`: a whole number, 0 to 1 000 000 000; `score`: 1 to 5;
 * - instants: whole milliseconds from 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z;
 *   dates (`requestedBy`): real calendar dates from 1900-01-01 to 2199-12-31.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket } from 'itsm-kit'
 * assert.deepStrictEqual(Ticket.limits, {
 *   ticketIdLength: 100, textLength: 100_000, nameLength: 200, maxRank: 1000, maxAffectedUsers: 1_000_000_000,
 *   minInstant: '1900-01-01T00:00:00Z', maxInstant: '2200-01-01T00:00:00Z', minDate: '1900-01-01', maxDate: '2199-12-31'
 * })
 * ```
 * @category constants
 * @since 0.2.0
 */
export const limits = {
  ticketIdLength: 100,
  textLength: 100_000,
  nameLength: 200,
  maxRank: 1000,
  maxAffectedUsers: 1_000_000_000,
  minInstant: '1900-01-01T00:00:00Z',
  maxInstant: '2200-01-01T00:00:00Z',
  minDate: '1900-01-01',
  maxDate: '2199-12-31'
} as const

// checkInstant's rule as a predicate (no Either to allocate: replay runs it on every event)
const isInstant = (u: unknown): u is Instant =>
  typeof u === 'number' && Number.isInteger(u) && u >= minInstant && u <= maxInstant

/** An instant in memory: a whole number of milliseconds in range (what `is` of the wire codec checks too). @internal */
export const InstantValue: t.Type<Instant, Instant, unknown> = new t.Type<Instant, Instant, unknown>(
  `a whole number of milliseconds from ${limits.minInstant} to ${limits.maxInstant}`,
  isInstant,
  (u, c) => (isInstant(u) ? t.success(u) : t.failure(u, c)),
  (a) => a
)

/**
 * An instant on the wire. Its writer is `Time.toISO`, total as every writer: a value that is no
 * instant (a cast let it in) is written as `"Invalid Instant"`, never as `"NaN"` text, and reads
 * back as an error (`Ticket.encodeEvent` and `encodeTicket` write such a value as `null` whole).
 *
 * @internal
 */
export const InstantWire: t.Type<Instant, string, unknown> = new t.Type<Instant, string, unknown>(
  InstantJson.name,
  isInstant,
  InstantJson.validate,
  toISO
)

/** A ticket id: the codec of the brand, its guard the one rule of ticket ids. @internal */
export const Id: t.Type<TicketId, TicketId, unknown> = new t.Type<TicketId, TicketId, unknown>(
  `a ticket id of 1 to ${limits.ticketIdLength} printable characters`,
  isTicketId,
  (u, c) => (isTicketId(u) ? t.success(u) : t.failure(u, c)),
  (a) => a
)
const textOk = (s: string): boolean => s.length <= limits.textLength
const nameOk = (s: string): boolean => s.length >= 1 && s.length <= limits.nameLength
/** Free text: never quoted in an error. @internal */
export const Text = freeText('a text of at most 100 000 characters', textOk)
/** A priority label (from the matrix, not free text). @internal */
export const Label = stringWhere('a text of at most 100 000 characters', textOk)
/** @internal */
export const Name = stringWhere(`a name of 1 to ${limits.nameLength} characters`, nameOk)
/** A notice's reason: free text with the length of a name. @internal */
export const NoticeReason = freeText(`a name of 1 to ${limits.nameLength} characters`, nameOk)
/** The parties a ticket can await. @internal */
export const Party = literals(awaitingParties)
/** @internal */
export const Code = literals([
  'fixed',
  'workaround',
  'answered',
  'fulfilled',
  'noFaultFound',
  'duplicate',
  'cancelledByCustomer',
  'other'
] as const)
/** Who a notice goes to: the one list of audiences. @internal */
export const Audience = AudienceJson

const NoticeRecord = record('a notice ({ audience, reason })', { audience: Audience, reason: NoticeReason }, {})

const OLD_NOTICE = `a notice as text before 0.3.0: "audience/reason", the audience ${AudienceJson.name} and the reason 1 to ${limits.nameLength} characters`

/**
 * A notice in a ticket snapshot: `{ "audience": "manager", "reason": "resolution:breach" }`, as
 * written since 0.3.0. The text `"manager/resolution:breach"` that 0.1 and 0.2 wrote reads as
 * the same notice: the audience is the text before the first `/` (no audience has one), the
 * reason all after it, each checked as in the record. Such text is free text (it holds the
 * reason), so an error gives its length only.
 *
 * @internal
 */
export const NoticeJson: t.Type<Notice, Notice, unknown> = markFree(
  new t.Type<Notice, Notice, unknown>(
    NoticeRecord.name,
    NoticeRecord.is,
    (u, c) => {
      // a well-formed record, the common case, is copied without the record codec's generic walk
      if (NoticeRecord.is(u)) return t.success({ audience: u.audience, reason: u.reason })
      if (typeof u !== 'string') return NoticeRecord.validate(u, c)
      const slash = u.indexOf('/')
      const audience = u.slice(0, slash)
      const reason = u.slice(slash + 1)
      return slash >= 0 && Audience.is(audience) && NoticeReason.is(reason)
        ? t.success({ audience, reason })
        : t.failure(u, c, OLD_NOTICE)
    },
    (a) => (NoticeRecord.is(a) ? { audience: a.audience, reason: a.reason } : NoticeRecord.encode(a))
  )
)
/** @internal */
export const CloseReasonJson = literals(['confirmed', 'silence'] as const)
/** @internal */
export const Actor = record('an actor', { role: literals(['agent', 'customer', 'system'] as const), id: Name }, {})
/** @internal */
export const Rank = intBetween(1, limits.maxRank, `a rank from 1 (most pressing) to ${limits.maxRank}`)
/** @internal */
export const Users = intBetween(0, limits.maxAffectedUsers, 'a whole number of users, 0 to 1 000 000 000')
/** @internal */
export const Score = intBetween(1, 5, 'a score from 1 to 5')
/** @internal */
export const Seq = intBetween(1, Number.MAX_SAFE_INTEGER, 'a sequence number, 1 or more')
/** @internal */
export const Kind = TicketKindJson
/** @internal */
export const Channel = ChannelJson
/** @internal */
export const Day = LocalDateJson

/**
 * The record codec of every ticket event, with instants as the given codec: ISO strings on the
 * wire, milliseconds in memory. One table, so the wire and `replay` check the same limits.
 *
 * @internal
 */
export const eventMembers = (at: t.Type<Instant, Instant | string, unknown>) => {
  const header = { ticketId: Id, seq: Seq, at, actor: Actor }
  return {
    TicketOpened: record(
      'a TicketOpened event',
      {
        _tag: tag('TicketOpened'),
        ...header,
        channel: Channel,
        customer: Name,
        requester: Name,
        title: Text,
        tier: Name
      },
      { service: Name, affectedUsers: Users, kind: Kind, requestedBy: Day }
    ),
    TicketClassified: record(
      'a TicketClassified event',
      { _tag: tag('TicketClassified'), ...header, kind: Kind },
      { category: Name }
    ),
    PrioritySet: record(
      'a PrioritySet event',
      { _tag: tag('PrioritySet'), ...header, urgency: Name, impact: Name, rank: Rank, name: Name, label: Label },
      {}
    ),
    PriorityOverridden: record(
      'a PriorityOverridden event',
      { _tag: tag('PriorityOverridden'), ...header, rank: Rank, name: Name, label: Label, reason: Text },
      {}
    ),
    TicketAssigned: record('a TicketAssigned event', { _tag: tag('TicketAssigned'), ...header, assignee: Name }, {}),
    TicketEscalated: record(
      'a TicketEscalated event',
      { _tag: tag('TicketEscalated'), ...header, toTier: Name, note: Text },
      { assignee: Name }
    ),
    PublicReplySent: record('a PublicReplySent event', { _tag: tag('PublicReplySent'), ...header, message: Text }, {}),
    InternalNoteAdded: record(
      'an InternalNoteAdded event',
      { _tag: tag('InternalNoteAdded'), ...header, note: Text },
      {}
    ),
    AwaitingStarted: record(
      'an AwaitingStarted event',
      { _tag: tag('AwaitingStarted'), ...header, party: Party },
      { reason: Text }
    ),
    WorkResumed: record('a WorkResumed event', { _tag: tag('WorkResumed'), ...header }, {}),
    WorkaroundApplied: record(
      'a WorkaroundApplied event',
      { _tag: tag('WorkaroundApplied'), ...header, description: Text },
      { problemId: Id }
    ),
    WorkaroundWithdrawn: record(
      'a WorkaroundWithdrawn event',
      { _tag: tag('WorkaroundWithdrawn'), ...header, reason: Text },
      {}
    ),
    RootCauseIdentified: record(
      'a RootCauseIdentified event',
      { _tag: tag('RootCauseIdentified'), ...header, rootCause: Text },
      {}
    ),
    TicketResolved: record(
      'a TicketResolved event',
      { _tag: tag('TicketResolved'), ...header, code: Code, note: Text },
      {}
    ),
    ResolutionRejected: record(
      'a ResolutionRejected event',
      { _tag: tag('ResolutionRejected'), ...header, reason: Text },
      {}
    ),
    TicketReopened: record('a TicketReopened event', { _tag: tag('TicketReopened'), ...header, reason: Text }, {}),
    TicketClosed: record('a TicketClosed event', { _tag: tag('TicketClosed'), ...header, reason: CloseReasonJson }, {}),
    TicketCancelled: record('a TicketCancelled event', { _tag: tag('TicketCancelled'), ...header, reason: Text }, {}),
    TicketRated: record(
      'a TicketRated event',
      { _tag: tag('TicketRated'), ...header, score: Score },
      { comment: Text }
    ),
    LinkedToProblem: record('a LinkedToProblem event', { _tag: tag('LinkedToProblem'), ...header, problemId: Id }, {}),
    NoticeSent: record(
      'a NoticeSent event',
      { _tag: tag('NoticeSent'), ...header, audience: Audience, reason: NoticeReason },
      {}
    )
  }
}

/**
 * The record codec of every ticket command, with instants as the given codec.
 *
 * @internal
 */
export const commandMembers = (at: t.Type<Instant, Instant | string, unknown>) => {
  const cmd = { at, actor: Actor }
  return {
    Open: record(
      'an Open command',
      { _tag: tag('Open'), ...cmd, ticketId: Id, channel: Channel, customer: Name, requester: Name, title: Text },
      { tier: Name, service: Name, affectedUsers: Users, kind: Kind, requestedBy: Day }
    ),
    Classify: record('a Classify command', { _tag: tag('Classify'), ...cmd, kind: Kind }, { category: Name }),
    Prioritise: record('a Prioritise command', { _tag: tag('Prioritise'), ...cmd, urgency: Name, impact: Name }, {}),
    OverridePriority: record(
      'an OverridePriority command',
      { _tag: tag('OverridePriority'), ...cmd, priority: Name, reason: Text },
      {}
    ),
    Assign: record('an Assign command', { _tag: tag('Assign'), ...cmd, assignee: Name }, {}),
    Escalate: record(
      'an Escalate command',
      { _tag: tag('Escalate'), ...cmd, toTier: Name, note: Text },
      { assignee: Name }
    ),
    Reply: record('a Reply command', { _tag: tag('Reply'), ...cmd, message: Text }, {}),
    AddNote: record('an AddNote command', { _tag: tag('AddNote'), ...cmd, note: Text }, {}),
    Await: record('an Await command', { _tag: tag('Await'), ...cmd, party: Party }, { reason: Text }),
    Resume: record('a Resume command', { _tag: tag('Resume'), ...cmd }, {}),
    ApplyWorkaround: record(
      'an ApplyWorkaround command',
      { _tag: tag('ApplyWorkaround'), ...cmd, description: Text },
      { problemId: Id }
    ),
    Notify: record('a Notify command', { _tag: tag('Notify'), ...cmd, audience: Audience, reason: NoticeReason }, {}),
    WithdrawWorkaround: record(
      'a WithdrawWorkaround command',
      { _tag: tag('WithdrawWorkaround'), ...cmd, reason: Text },
      {}
    ),
    IdentifyRootCause: record(
      'an IdentifyRootCause command',
      { _tag: tag('IdentifyRootCause'), ...cmd, rootCause: Text },
      {}
    ),
    Resolve: record('a Resolve command', { _tag: tag('Resolve'), ...cmd, code: Code, note: Text }, {}),
    Confirm: record('a Confirm command', { _tag: tag('Confirm'), ...cmd }, {}),
    Reject: record('a Reject command', { _tag: tag('Reject'), ...cmd, reason: Text }, {}),
    Reopen: record('a Reopen command', { _tag: tag('Reopen'), ...cmd, reason: Text }, {}),
    Close: record('a Close command', { _tag: tag('Close'), ...cmd }, {}),
    Cancel: record('a Cancel command', { _tag: tag('Cancel'), ...cmd, reason: Text }, {}),
    Rate: record('a Rate command', { _tag: tag('Rate'), ...cmd, score: Score }, { comment: Text }),
    LinkProblem: record('a LinkProblem command', { _tag: tag('LinkProblem'), ...cmd, problemId: Id }, {})
  }
}
