// Reading NDJSON event logs: one encoded event per line, a ticket's events anywhere in the files.
import * as E from 'fp-ts/lib/Either.js'
import { Sla, Ticket, type Codec } from '../index.js'
import { linesOf, progress, sizeOf, type Io } from './io.js'

/** One finding in a log: where it is and which rule it breaks. Never quotes free text. @internal */
export interface Problem {
  readonly file: string
  readonly line: number
  readonly ticket?: string
  /** The event's index in its ticket's history (its `seq`). */
  readonly index?: number
  readonly rule: string
  readonly message: string
}

interface Entry {
  /** The ticket's lines as stored (decoded once the whole log is read, so memory stays near the text's size). */
  readonly texts: string[]
  /** Where each line is: file index × 2^32 + line number (a number per line, not an object). */
  readonly where: number[]
}

const LINE = 2 ** 32
const placeOf = (files: ReadonlyArray<string>, packed: number) => ({ file: files[Math.floor(packed / LINE)] ?? '-', line: packed % LINE })

/** A log read into lines per ticket. @internal */
export interface Log {
  readonly files: ReadonlyArray<string>
  readonly lines: number
  readonly tickets: Map<string, Entry>
  /** Lines that are not JSON or have no ticket id (with its event's problems). */
  readonly problems: ReadonlyArray<Problem>
}

/** Options of {@link readLog}. @internal */
export interface ReadOptions {
  readonly quiet: boolean
  /** Hand every line with a ticket id to this function instead of keeping it (lines without one stay here). */
  readonly route?: (id: string, text: string, place: number) => void
}

/** FNV-1a hash of a ticket id: the shard of a ticket, the same in every thread. @internal */
export const shardOf = (id: string, count: number): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return (h >>> 0) % count
}

const freeText = new Set(['title', 'note', 'message', 'reason', 'comment', 'description', 'summary', 'text', 'rootCause', 'label'])

/** A ticket id fit to print: short printable ids verbatim, others by their length. @internal */
export const showId = (id: unknown): string =>
  typeof id === 'string' && id.length <= 60 && /^[\p{L}\p{N}\p{P}\p{S}][\p{L}\p{N}\p{P}\p{S} ]*$/u.test(id) ? id : typeof id === 'string' ? `(an id of ${id.length} characters)` : `(no ticket id)`

const valueAt = (root: unknown, path: string): unknown => {
  let x = root
  for (const part of path.split(/[.[\]]+/u).filter((p) => p !== '')) {
    if (typeof x !== 'object' || x === null) return undefined
    x = (x as Record<string, unknown>)[part]
  }
  return x
}

/** A decode issue as a message, with free-text fields described by their length only. @internal */
export const issueMessage = (raw: unknown, issue: Codec.Issue): string => {
  const last = issue.path.split(/[.[\]]+/u).filter((p) => p !== '').pop() ?? ''
  if (!freeText.has(last)) return issue.message
  const v = valueAt(raw, issue.path)
  const received = typeof v === 'string' ? `text of ${v.length} characters` : v === undefined ? 'nothing' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`
  return `${issue.path}: expected ${issue.expected}, received ${received}`
}

const KEY = '"ticketId":"'
/**
 * The ticket id of a line without parsing it: the text after the first `"ticketId":"` up to the
 * next quote, when it has no escape. A valid event has no other object that could hold that key,
 * so this is its id; any other line still goes to exactly one shard. Undefined: parse the line.
 */
const quickId = (text: string): string | undefined => {
  const at = text.indexOf(KEY)
  if (at < 0) return undefined
  const from = at + KEY.length
  const to = text.indexOf('"', from)
  if (to < 0) return undefined
  const id = text.slice(from, to)
  return id.includes('\\') ? undefined : id
}

const decodeProblems = (file: string, line: number, raw: unknown, issues: ReadonlyArray<Codec.Issue>): ReadonlyArray<Problem> => {
  const id = typeof raw === 'object' && raw !== null ? (raw as { ticketId?: unknown }).ticketId : undefined
  const seq = typeof raw === 'object' && raw !== null ? (raw as { seq?: unknown }).seq : undefined
  return issues.map((issue) => ({ file, line, ...(typeof id === 'string' ? { ticket: showId(id) } : {}), ...(typeof seq === 'number' ? { index: seq } : {}), rule: 'decode', message: issueMessage(raw, issue) }))
}

/** Files a line under its ticket. @internal */
export const addLine = (tickets: Map<string, Entry>, id: string, text: string, place: number): void => {
  const entry = tickets.get(id)
  if (entry === undefined) tickets.set(id, { texts: [text], where: [place] })
  else {
    entry.texts.push(text)
    entry.where.push(place)
  }
}

/** Reads every file (`-` = standard input; gzip read transparently) into lines per ticket. @internal */
export const readLog = async (files: ReadonlyArray<string>, io: Io, options: ReadOptions): Promise<Log> => {
  const tickets = new Map<string, Entry>()
  const problems: Problem[] = []
  let lines = 0
  const total = files.reduce<number | undefined>((n, f) => (n === undefined ? undefined : ((s) => (s === undefined ? undefined : n + s))(sizeOf(f))), 0)
  const bar = progress(io, options.quiet, total)
  let before = 0
  for (const [fileIndex, file] of files.entries()) {
    let line = 0
    let bytes = 0
    for await (const text of linesOf(file, io, (b) => (bytes = b))) {
      line++
      lines++
      if ((line & 1023) === 0) bar.tick(before + bytes, lines)
      let id = quickId(text)
      if (id === undefined) {
        if (text.trim() === '') continue
        let raw: unknown
        try {
          raw = JSON.parse(text)
        } catch {
          problems.push({ file, line, rule: 'json', message: `not valid JSON (a line of ${text.length} characters)` })
          continue
        }
        const parsedId = typeof raw === 'object' && raw !== null ? (raw as { ticketId?: unknown }).ticketId : undefined
        if (typeof parsedId !== 'string') {
          const decoded = Ticket.decodeEvent(raw)
          if (E.isLeft(decoded)) problems.push(...decodeProblems(file, line, raw, decoded.left.issues))
          continue
        }
        id = parsedId
      }
      if (options.route === undefined) addLine(tickets, id, text, fileIndex * LINE + line)
      else options.route(id, text, fileIndex * LINE + line)
    }
    before += bytes
  }
  bar.done()
  return { files, lines, tickets, problems }
}

/** A checked history: its events in order, its ticket, and its customer. @internal */
export interface History {
  readonly id: string
  readonly events: ReadonlyArray<Ticket.TicketEvent>
  readonly ticket: Ticket.Ticket
}

/** What {@link checkHistories} finds. @internal */
export interface Checked {
  readonly good: ReadonlyArray<History>
  /** Problems of the log: unreadable lines, impossible histories, unknown customers. */
  readonly problems: ReadonlyArray<Problem>
  readonly events: number
  /** Tickets with at least one readable event. */
  readonly tickets: number
  readonly lastAt: number | undefined
}

/**
 * Decodes each ticket's lines, orders its events by `seq` (stable), replays them with every rule
 * checked, and returns the good histories (by ticket id) and a problem for each unreadable line
 * and impossible history: the file and line of the event at fault, the ticket, the event index
 * and the rule broken. With agreements, a ticket whose customer has none is a problem too.
 * `each`, when given, receives every good history instead of the list (which is then empty), so a
 * caller can fold them without keeping them.
 * @internal
 */
export const checkHistories = (log: Log, agreements?: ReadonlyArray<Sla.Agreement>, each?: (h: History) => void): Checked => {
  const customers = agreements === undefined ? undefined : new Set(agreements.map((a) => a.customer))
  const good: History[] = []
  const problems: Problem[] = [...log.problems]
  let count = 0
  let tickets = 0
  let lastAt: number | undefined
  const ids = [...log.tickets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const id of ids) {
    const entry = log.tickets.get(id) as Entry
    const decoded: Ticket.TicketEvent[] = []
    const where: Array<{ readonly file: string; readonly line: number }> = []
    entry.texts.forEach((text, i) => {
      const at = placeOf(log.files, entry.where[i] as number)
      let raw: unknown
      try {
        raw = JSON.parse(text)
      } catch {
        problems.push({ ...at, rule: 'json', message: `not valid JSON (a line of ${text.length} characters)` })
        return
      }
      const event = Ticket.decodeEvent(raw)
      if (E.isLeft(event)) return problems.push(...decodeProblems(at.file, at.line, raw, event.left.issues))
      decoded.push(event.right)
      where.push(at)
    })
    count += decoded.length
    for (const e of decoded) if (lastAt === undefined || e.at > lastAt) lastAt = e.at
    if (decoded.length === 0) continue
    tickets++
    const order = decoded.map((_, i) => i).sort((a, b) => (decoded[a] as Ticket.TicketEvent).seq - (decoded[b] as Ticket.TicketEvent).seq || a - b)
    const events = order.map((i) => decoded[i] as Ticket.TicketEvent)
    const replayed = Ticket.replay(events)
    if (E.isLeft(replayed)) {
      const e = replayed.left
      const seq = 'seq' in e && typeof e.seq === 'number' ? e.seq : undefined
      const at = seq === undefined ? order.length - 1 : Math.max(0, events.findIndex((ev) => ev.seq === seq))
      const place = where[order[at] as number] ?? { file: log.files[0] ?? '-', line: 0 }
      problems.push({ ...place, ticket: showId(id), ...(seq === undefined ? {} : { index: seq }), rule: e._tag, message: e.message })
      continue
    }
    const opened = events[0]
    if (customers !== undefined && opened !== undefined && opened._tag === 'TicketOpened' && !customers.has(opened.customer)) {
      const place = where[order[0] as number] as { file: string; line: number }
      problems.push({ ...place, ticket: showId(id), index: opened.seq, rule: 'UnknownCustomer', message: `customer: expected a customer of the agreements, received ${showId(opened.customer)}` })
      continue
    }
    const history = { id, events, ticket: replayed.right }
    if (each === undefined) good.push(history)
    else each(history)
  }
  return { good, problems, events: count, tickets, lastAt }
}

/** A problem as one line: `file:line: ticket T, event N: rule: message`. @internal */
export const formatProblem = (p: Problem): string =>
  `${p.file}:${p.line}: ${p.ticket === undefined ? '' : `ticket ${p.ticket}, `}${p.index === undefined ? '' : `event ${p.index}, `}${p.rule}: ${p.message}`
