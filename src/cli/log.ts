// Reading NDJSON event logs: one encoded event per line, a ticket's events anywhere in the files.
import * as E from 'fp-ts/lib/Either.js'
import { Sla, Ticket, type Codec } from '../index.js'
import { decodeEvent } from './fastDecode.js'
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
  readonly events: Ticket.TicketEvent[]
  readonly where: Array<{ readonly file: string; readonly line: number }>
}

/** A log read into histories per ticket. @internal */
export interface Log {
  readonly files: ReadonlyArray<string>
  readonly lines: number
  readonly events: number
  readonly tickets: ReadonlyMap<string, Entry>
  readonly problems: ReadonlyArray<Problem>
  /** The latest event instant seen. */
  readonly lastAt: number | undefined
}

/** Options of {@link readLog}. @internal */
export interface ReadOptions {
  readonly quiet: boolean
  /** Keep only the tickets of this shard (by a hash of the ticket id); unreadable lines go to shard 0. */
  readonly shard?: { readonly index: number; readonly count: number }
}

/** FNV-1a hash of a ticket id: the shard of a ticket, the same in every thread. @internal */
export const shardOf = (id: string, count: number): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return (h >>> 0) % count
}

const freeText = new Set(['title', 'note', 'message', 'reason', 'comment', 'description', 'summary', 'text'])

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

/** Reads every file (`-` = standard input; gzip read transparently) into histories per ticket. @internal */
export const readLog = async (files: ReadonlyArray<string>, io: Io, options: ReadOptions): Promise<Log> => {
  const tickets = new Map<string, Entry>()
  const problems: Problem[] = []
  let lines = 0
  let events = 0
  let lastAt: number | undefined
  const shard = options.shard
  const total = files.reduce<number | undefined>((n, f) => (n === undefined ? undefined : ((s) => (s === undefined ? undefined : n + s))(sizeOf(f))), 0)
  const bar = progress(io, options.quiet || shard !== undefined, total)
  let before = 0
  for (const file of files) {
    let line = 0
    let bytes = 0
    for await (const text of linesOf(file, io, (b) => (bytes = b))) {
      line++
      lines++
      if ((line & 1023) === 0) bar.tick(before + bytes, events)
      if (text.trim() === '') continue
      let raw: unknown
      try {
        raw = JSON.parse(text)
      } catch {
        if (shard === undefined || shard.index === 0) problems.push({ file, line, rule: 'json', message: `not valid JSON (a line of ${text.length} characters)` })
        continue
      }
      const id = typeof raw === 'object' && raw !== null ? (raw as { ticketId?: unknown }).ticketId : undefined
      if (shard !== undefined && (typeof id === 'string' ? shardOf(id, shard.count) : 0) !== shard.index) continue
      const decoded = decodeEvent(raw)
      if (E.isLeft(decoded)) {
        const index = typeof raw === 'object' && raw !== null && typeof (raw as { seq?: unknown }).seq === 'number' ? { index: (raw as { seq: number }).seq } : {}
        for (const issue of decoded.left.issues)
          problems.push({ file, line, ...(typeof id === 'string' ? { ticket: showId(id) } : {}), ...index, rule: 'decode', message: issueMessage(raw, issue) })
        continue
      }
      const event = decoded.right
      events++
      if (lastAt === undefined || event.at > lastAt) lastAt = event.at
      const entry = tickets.get(event.ticketId)
      if (entry === undefined) tickets.set(event.ticketId, { events: [event], where: [{ file, line }] })
      else {
        entry.events.push(event)
        entry.where.push({ file, line })
      }
    }
    before += bytes
  }
  bar.done()
  return { files, lines, events, tickets, problems, lastAt }
}

/** A checked history: its events in order, its ticket, and its customer. @internal */
export interface History {
  readonly id: string
  readonly events: ReadonlyArray<Ticket.TicketEvent>
  readonly ticket: Ticket.Ticket
}

/**
 * Orders each ticket's events by `seq` (stable), replays them with every rule checked, and
 * returns the good histories (by ticket id) and a problem for each impossible one: the file
 * and line of the event at fault, the ticket, the event index and the rule broken. With
 * agreements, a ticket whose customer has none is a problem too.
 * @internal
 */
export const checkHistories = (log: Log, agreements?: ReadonlyArray<Sla.Agreement>): { readonly good: ReadonlyArray<History>; readonly problems: ReadonlyArray<Problem> } => {
  const customers = agreements === undefined ? undefined : new Set(agreements.map((a) => a.customer))
  const good: History[] = []
  const problems: Problem[] = []
  const ids = [...log.tickets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const id of ids) {
    const entry = log.tickets.get(id) as Entry
    const order = entry.events.map((_, i) => i).sort((a, b) => (entry.events[a] as Ticket.TicketEvent).seq - (entry.events[b] as Ticket.TicketEvent).seq || a - b)
    const events = order.map((i) => entry.events[i] as Ticket.TicketEvent)
    const replayed = Ticket.replay(events)
    if (E.isLeft(replayed)) {
      const e = replayed.left
      const seq = 'seq' in e && typeof e.seq === 'number' ? e.seq : undefined
      const at = seq === undefined ? order.length - 1 : Math.max(0, events.findIndex((ev) => ev.seq === seq))
      const where = entry.where[order[at] as number] ?? { file: log.files[0] ?? '-', line: 0 }
      problems.push({ ...where, ticket: showId(id), ...(seq === undefined ? {} : { index: seq }), rule: e._tag, message: e.message })
      continue
    }
    const opened = events[0]
    if (customers !== undefined && opened !== undefined && opened._tag === 'TicketOpened' && !customers.has(opened.customer)) {
      const where = entry.where[order[0] as number] as { file: string; line: number }
      problems.push({ ...where, ticket: showId(id), index: opened.seq, rule: 'UnknownCustomer', message: `customer: expected a customer of the agreements, received ${showId(opened.customer)}` })
      continue
    }
    good.push({ id, events, ticket: replayed.right })
  }
  return { good, problems }
}

/** A problem as one line: `file:line: ticket T, event N: rule: message`. @internal */
export const formatProblem = (p: Problem): string =>
  `${p.file}:${p.line}: ${p.ticket === undefined ? '' : `ticket ${p.ticket}, `}${p.index === undefined ? '' : `event ${p.index}, `}${p.rule}: ${p.message}`
