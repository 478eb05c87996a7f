import {
  Actor,
  Audience,
  Channel,
  CloseReasonJson,
  Code,
  Day,
  Id,
  InstantValue,
  Kind,
  Label,
  Name,
  NoticeReason,
  Party,
  Rank,
  Score,
  Seq,
  Text,
  Users
} from './limits.js'
import type { TicketEvent } from './events.js'
import { TicketEventValue } from './shape.js'

// The guard `replay` and `timeline` run on every event. It accepts exactly what the guard of
// `TicketEventValue` accepts (the record codecs built from the table in limits.ts): the same
// leaf codecs, the same required and optional properties, and no property beyond them. The
// generic record guard looks each property's check up in a list and calls it through a closure
// that differs per property; here each event kind is written out, so V8 can inline the checks.
// test/ticket/wellFormed.test.ts compares the two guards on generated and broken events.

const objectProto = Object.prototype

/** How many own enumerable properties a plain object has, counted as the record guard counts them (for-in): no array of keys is made. */
const ownCount = (u: object): number => {
  let n = 0
  for (const k in u) if (Object.prototype.hasOwnProperty.call(u, k)) n++
  return n
}

/** An optional property that is absent (undefined): 1 when it is still an own property (the record guard counts it), else 0. */
const absent = (u: object, key: string): number => (Object.prototype.hasOwnProperty.call(u, key) ? 1 : 0)

const isActor = (u: unknown): boolean => {
  if (typeof u !== 'object' || u === null) return false
  // an array (whose prototype is Array.prototype) is left to the record guard, which refuses it
  const proto: unknown = Object.getPrototypeOf(u)
  if (proto !== objectProto && proto !== null) return Actor.is(u)
  const a = u as Readonly<Record<string, unknown>>
  const role = a['role']
  return (role === 'agent' || role === 'customer' || role === 'system') && Name.is(a['id']) && ownCount(a) === 2
}

/** The number of properties of a well-formed event of this kind (the header's five and the `_tag` included), or -1. */
const bodyCount = (e: Readonly<Record<string, unknown>>): number => {
  // _tag, ticketId, seq, at, actor
  const h = 5
  switch (e['_tag']) {
    case 'TicketOpened': {
      if (!(
        Channel.is(e['channel']) &&
        Name.is(e['customer']) &&
        Name.is(e['requester']) &&
        Text.is(e['title']) &&
        Name.is(e['tier'])
      ))
        return -1
      const serviceValue = e['service']
      const service = serviceValue === undefined ? absent(e, 'service') : Name.is(serviceValue) ? 1 : -1
      const usersValue = e['affectedUsers']
      const users = usersValue === undefined ? absent(e, 'affectedUsers') : Users.is(usersValue) ? 1 : -1
      const kindValue = e['kind']
      const kind = kindValue === undefined ? absent(e, 'kind') : Kind.is(kindValue) ? 1 : -1
      const byValue = e['requestedBy']
      const by = byValue === undefined ? absent(e, 'requestedBy') : Day.is(byValue) ? 1 : -1
      return service < 0 || users < 0 || kind < 0 || by < 0 ? -1 : h + 5 + service + users + kind + by
    }
    case 'TicketClassified': {
      if (!Kind.is(e['kind'])) return -1
      const categoryValue = e['category']
      const category = categoryValue === undefined ? absent(e, 'category') : Name.is(categoryValue) ? 1 : -1
      return category < 0 ? -1 : h + 1 + category
    }
    case 'PrioritySet':
      return Name.is(e['urgency']) &&
        Name.is(e['impact']) &&
        Rank.is(e['rank']) &&
        Name.is(e['name']) &&
        Label.is(e['label'])
        ? h + 5
        : -1
    case 'PriorityOverridden':
      return Rank.is(e['rank']) && Name.is(e['name']) && Label.is(e['label']) && Text.is(e['reason']) ? h + 4 : -1
    case 'TicketAssigned':
      return Name.is(e['assignee']) ? h + 1 : -1
    case 'TicketEscalated': {
      if (!(Name.is(e['toTier']) && Text.is(e['note']))) return -1
      const assigneeValue = e['assignee']
      const assignee = assigneeValue === undefined ? absent(e, 'assignee') : Name.is(assigneeValue) ? 1 : -1
      return assignee < 0 ? -1 : h + 2 + assignee
    }
    case 'PublicReplySent':
      return Text.is(e['message']) ? h + 1 : -1
    case 'InternalNoteAdded':
      return Text.is(e['note']) ? h + 1 : -1
    case 'AwaitingStarted': {
      if (!Party.is(e['party'])) return -1
      const reasonValue = e['reason']
      const reason = reasonValue === undefined ? absent(e, 'reason') : Text.is(reasonValue) ? 1 : -1
      return reason < 0 ? -1 : h + 1 + reason
    }
    case 'WorkResumed':
      return h
    case 'WorkaroundApplied': {
      if (!Text.is(e['description'])) return -1
      const problemValue = e['problemId']
      const problem = problemValue === undefined ? absent(e, 'problemId') : Id.is(problemValue) ? 1 : -1
      return problem < 0 ? -1 : h + 1 + problem
    }
    case 'WorkaroundWithdrawn':
    case 'ResolutionRejected':
    case 'TicketReopened':
    case 'TicketCancelled':
      return Text.is(e['reason']) ? h + 1 : -1
    case 'RootCauseIdentified':
      return Text.is(e['rootCause']) ? h + 1 : -1
    case 'TicketResolved':
      return Code.is(e['code']) && Text.is(e['note']) ? h + 2 : -1
    case 'TicketClosed':
      return CloseReasonJson.is(e['reason']) ? h + 1 : -1
    case 'TicketRated': {
      if (!Score.is(e['score'])) return -1
      const commentValue = e['comment']
      const comment = commentValue === undefined ? absent(e, 'comment') : Text.is(commentValue) ? 1 : -1
      return comment < 0 ? -1 : h + 1 + comment
    }
    case 'LinkedToProblem':
      return Id.is(e['problemId']) ? h + 1 : -1
    case 'NoticeSent':
      return Audience.is(e['audience']) && NoticeReason.is(e['reason']) ? h + 2 : -1
    default:
      return -1
  }
}

const check = (u: unknown, id: string | undefined): boolean => {
  if (typeof u !== 'object' || u === null) return false
  const proto: unknown = Object.getPrototypeOf(u)
  // an array, or an object made by a class or Object.create: the record guard's own rule for those
  if (proto !== objectProto && proto !== null) return TicketEventValue.is(u)
  const e = u as Readonly<Record<string, unknown>>
  // the id of the ticket's opening, already checked, needs no second look
  const ticketId = e['ticketId']
  if (!((ticketId === id && id !== undefined) || Id.is(ticketId))) return false
  if (!(Seq.is(e['seq']) && InstantValue.is(e['at']) && isActor(e['actor']))) return false
  const n = bodyCount(e)
  return n >= 0 && ownCount(e) === n
}

/**
 * Whether a value is a well-formed in-memory ticket event: the same answer as the guard of the
 * event codec (every limit of `Ticket.limits`, no unknown property), in less time. Never throws.
 * `id` is a ticket id already found well formed (the opening's), if any.
 *
 * @internal
 */
export const isWellFormedEvent = (u: unknown, id?: string): u is TicketEvent => {
  try {
    return check(u, id)
  } catch {
    // a hostile getter or a revoked proxy
    return false
  }
}
