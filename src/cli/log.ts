// Reading NDJSON event logs: one encoded event per line, a ticket's events anywhere in the files.
//
// The text is read in chunks and never held as JavaScript strings: each line's bytes are copied
// into large blocks (so the store is about the size of the log), with four numbers per line (its
// ticket, block offset, length and place). Once every file is read, the lines are grouped by
// ticket and each ticket's lines are parsed, decoded and handed on, one ticket at a time.
import * as E from 'fp-ts/lib/Either.js'
import type { Readable } from 'node:stream'
import { Sla, Ticket } from '../index.js'
import type * as Codec from '../codec/index.js'
import { count, inputError, openStream, progress, sizeOf, type Io } from './io.js'

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

/** Where a line is. @internal */
export interface Place {
  readonly file: string
  readonly line: number
}

const LINE = 2 ** 32
const BLOCK = 8 * 2 ** 20
/** The longest line read: longer ones are a problem, skipped without being held. @internal */
export const MAX_LINE = 64 * 2 ** 20

/** A log read into lines per ticket (the lines' bytes in blocks, four numbers per line). @internal */
export interface Log {
  readonly files: ReadonlyArray<string>
  /** Lines read (all of them). */
  readonly lines: number
  /** Ticket ids, by ticket number. */
  readonly ids: ReadonlyArray<string>
  /** Lines kept. */
  readonly kept: number
  readonly ticketOf: Int32Array
  /** Block × 2^32 + offset of each kept line. */
  readonly offsetOf: Float64Array
  readonly lengthOf: Int32Array
  /** File index × 2^32 + line number of each kept line. */
  readonly placeOf: Float64Array
  readonly blocks: ReadonlyArray<Buffer>
  /** Lines that are not JSON or have no ticket id (with its event's problems). */
  readonly problems: ReadonlyArray<Problem>
}

/** Options of {@link readLog}. @internal */
export interface ReadOptions {
  /** Standard input, for the file `-`. */
  readonly stdin?: Readable
  /** Called after each chunk with the bytes read (of all files, as stored) and the lines read. */
  readonly tick?: (bytes: number, lines: number) => void
}

/** The FNV-1a hash of an ASCII id given as bytes, as an int32: how {@link asciiIds} finds it. @internal */
export const fnv = (buf: Buffer, from: number, to: number): number => {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193)
  return h
}

const freeText = new Set([
  'title',
  'note',
  'message',
  'reason',
  'comment',
  'description',
  'summary',
  'text',
  'rootCause',
  'label'
])

/** `1 character`, `3 characters`. */
const characters = (n: number): string => count(n, 'character')

/** A ticket id fit to print: short printable ids verbatim, others by their length. @internal */
export const showId = (id: unknown): string =>
  // U+FFFD stands for bytes that were not UTF-8: such an id is given by its length too
  typeof id === 'string' &&
  id.length <= 60 &&
  !id.includes('\uFFFD') &&
  /^[\p{L}\p{N}\p{P}\p{S}][\p{L}\p{N}\p{P}\p{S} ]*$/u.test(id)
    ? id
    : typeof id === 'string'
      ? `(an id of ${characters(id.length)})`
      : `(no ticket id)`

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
  const last =
    issue.path
      .split(/[.[\]]+/u)
      .filter((p) => p !== '')
      .pop() ?? ''
  // a line that is a bare JSON value (`"…"`) could be any text: described like free text
  const root = issue.path === '$'
  const v = root ? raw : valueAt(raw, issue.path)
  // nor is a value with bytes that were not UTF-8 (U+FFFD) or control characters quoted
  const unprintable = typeof v === 'string' && /[\uFFFD\p{Cc}\p{Cf}]/u.test(v)
  if (!root && !unprintable && !freeText.has(last)) return issue.message
  const received =
    typeof v === 'string'
      ? `text of ${characters(v.length)}`
      : v === undefined
        ? 'nothing'
        : Array.isArray(v)
          ? 'a list'
          : typeof v === 'object'
            ? 'an object'
            : `a ${typeof v}`
  return `${issue.path}: expected ${issue.expected}, received ${received}`
}

const KEY = [34, 116, 105, 99, 107, 101, 116, 73, 100, 34, 58, 34] // "ticketId":"
const NO_ID = -1
/**
 * The ticket id of a line without parsing it: the text after the first `"ticketId":"` up to the
 * next quote, when it has no escape. In JSON text that key cannot occur inside a string, and a
 * valid event has no other object that could hold it, so this is its id; any other line still
 * goes to exactly one ticket (and shard). Returns the end of the id, and `from` its start, or
 * NO_ID: parse the line.
 */
const quickId = (buf: Buffer, s: number, end: number, found: { from: number; ascii: boolean }): number => {
  const last = end - KEY.length
  outer: for (let i = s; i <= last; i++) {
    if (buf[i] !== 34) continue
    for (let j = 1; j < KEY.length; j++) if (buf[i + j] !== KEY[j]) continue outer
    const from = i + KEY.length
    let high = 0
    for (let k = from; k < end; k++) {
      const c = buf[k] as number
      if (c === 34) {
        found.from = from
        found.ascii = high < 128
        return k
      }
      if (c === 92) return NO_ID
      high |= c
    }
    return NO_ID
  }
  return NO_ID
}

/** A line that is not JSON: see {@link parseLine}. */
const NOT_JSON = Symbol('not JSON')

/** A line's text parsed, or NOT_JSON. */
const parseLine = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return NOT_JSON
  }
}

/** The problem of a line that is not JSON, at its place. */
const notJson = (where: Place, text: string): Problem => ({
  ...where,
  rule: 'json',
  message: `not valid JSON (a line of ${characters(text.length)})`
})

/** The problems of a parsed line the decoder rejects, at its place. */
const decodeProblems = (where: Place, raw: unknown, issues: ReadonlyArray<Codec.Issue>): ReadonlyArray<Problem> => {
  const id = typeof raw === 'object' && raw !== null ? (raw as { ticketId?: unknown }).ticketId : undefined
  const seq = typeof raw === 'object' && raw !== null ? (raw as { seq?: unknown }).seq : undefined
  return issues.map((issue) => ({
    file: where.file,
    line: where.line,
    ...(typeof id === 'string' ? { ticket: showId(id) } : {}),
    ...(typeof seq === 'number' ? { index: seq } : {}),
    rule: 'decode',
    message: issueMessage(raw, issue)
  }))
}

/** Hands on the lines of a stream of chunks; see {@link lineSplitter}. @internal */
export interface LineSplitter {
  /** Takes the next chunk; false once a line starting at or after the limit is met (read no more). */
  readonly push: (chunk: Buffer) => boolean
  /** The input ended: hands on its unfinished last line. */
  readonly end: () => void
}

/**
 * Cuts chunks of bytes into lines at `\n`: `line(buf, start, end)` for each line (without its
 * `\n`; `buf` is the chunk or, for a line across chunks, the line's bytes joined), `long()` for a
 * line longer than {@link MAX_LINE}, which is skipped without being held. Lines that start `limit`
 * bytes or more after the first chunk's first byte are not handed on. A chunk may be reused by
 * the caller after `push`: what is kept of it is copied.
 * @internal
 */
export const lineSplitter = (
  line: (buf: Buffer, start: number, end: number) => void,
  long: () => void,
  limit = Infinity
): LineSplitter => {
  // the unfinished last line of the chunks so far, in parts (joined once, when it ends)
  let carry: Buffer[] = []
  let carried = 0
  let skipping = false
  // bytes before the current chunk
  let offset = 0
  let stopped = false
  const push = (chunk: Buffer): boolean => {
    if (stopped) return false
    let pos = 0
    let nl = chunk.indexOf(10)
    if (skipping || carried > 0) {
      if (nl < 0) {
        if (!skipping) {
          carry.push(Buffer.from(chunk))
          carried += chunk.length
          if (carried > MAX_LINE) {
            skipping = true
            carry = []
            carried = 0
          }
        }
        offset += chunk.length
        return true
      }
      if (skipping || carried + nl > MAX_LINE) {
        long()
        skipping = false
      } else {
        const joined = Buffer.concat([...carry, chunk.subarray(0, nl)])
        line(joined, 0, joined.length)
      }
      carry = []
      carried = 0
      pos = nl + 1
      nl = chunk.indexOf(10, pos)
    }
    while (nl >= 0) {
      if (offset + pos >= limit) return !(stopped = true)
      if (nl - pos > MAX_LINE) long()
      else line(chunk, pos, nl)
      pos = nl + 1
      nl = chunk.indexOf(10, pos)
    }
    if (pos < chunk.length) {
      if (offset + pos >= limit) return !(stopped = true)
      // the unfinished last line, copied so the chunk can go
      carry = [Buffer.from(chunk.subarray(pos))]
      carried = chunk.length - pos
    }
    offset += chunk.length
    return true
  }
  const end = () => {
    if (stopped) return
    if (skipping) long()
    else if (carried > 0) {
      const joined = Buffer.concat(carry)
      line(joined, 0, joined.length)
    }
    carry = []
    carried = 0
  }
  return { push, end }
}

/** A block of bytes that lines are kept in by reference: its index in the log's blocks, once it has one. @internal */
export interface Held {
  readonly buf: Buffer
  index: number
}

/** Builds a {@link Log} line by line; see {@link logBuilder}. @internal */
export interface LogBuilder {
  /**
   * One line (its bytes `buf[start, end)`, without `\n`) of file `fileIndex` at line number
   * `line`: kept under its ticket (by reference when `held` is the block it lies in, else copied),
   * or a problem when it is not JSON or has no ticket id. A `\r` at its end is dropped; blank
   * lines are skipped.
   */
  readonly line: (fileIndex: number, line: number, buf: Buffer, start: number, end: number, held?: Held) => void
  /** The number of the ticket with this id (a new one when it is new). */
  readonly ticket: (id: string) => number
  /**
   * A line (without `\r`, not blank) of ticket `t` (from {@link ticket}, its id found as
   * {@link line} finds it): kept under it by reference in `held`.
   */
  readonly keepAt: (t: number, fileIndex: number, line: number, held: Held, start: number, end: number) => void
  /** A problem found outside the lines (a line too long to hold). */
  readonly problem: (p: Problem) => void
  /** The log, given the number of lines read. */
  readonly log: (lines: number) => Log
}

/**
 * A {@link LogBuilder} for lines of `files`, with room for `expected` lines to begin with; with
 * `shared`, the log's numbers and the blocks it copies lines into lie in shared memory, so another
 * thread can be given the log without a copy. `at` names the place of a line's problem (by
 * default file `fileIndex` of `files`, line `line`).
 * @internal
 */
export const logBuilder = (
  files: ReadonlyArray<string>,
  expected = 1024,
  shared = false,
  at: (fileIndex: number, line: number) => Place = (fileIndex, line) => ({ file: files[fileIndex] ?? '-', line })
): LogBuilder => {
  const index = new Map<string, number>()
  const ids: string[] = []
  const problems: Problem[] = []
  const blocks: Buffer[] = []
  let block: Buffer = Buffer.alloc(0)
  let blockOf = -1
  let blockPos = 0
  let kept = 0
  const room = Math.max(16, expected)
  const memory = (n: number, bytes: number) => (shared ? new SharedArrayBuffer(n * bytes) : new ArrayBuffer(n * bytes))
  const ints = (n: number) => new Int32Array(memory(n, 4))
  const floats = (n: number) => new Float64Array(memory(n, 8))
  let ticketOf = ints(room)
  let offsetOf = floats(room)
  let lengthOf = ints(room)
  let placeOf = floats(room)
  const found = { from: 0, ascii: true }
  const record = (t: number, offset: number, len: number, place: number) => {
    if (kept === ticketOf.length) {
      const grow = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
        const b = make(Math.ceil(a.length * 1.5))
        b.set(a)
        return b
      }
      ticketOf = grow(ticketOf, ints)
      offsetOf = grow(offsetOf, floats)
      lengthOf = grow(lengthOf, ints)
      placeOf = grow(placeOf, floats)
    }
    ticketOf[kept] = t
    offsetOf[kept] = offset
    lengthOf[kept] = len
    placeOf[kept] = place
    kept++
  }
  const ticketOfId = (id: string): number => {
    let t = index.get(id)
    if (t === undefined) {
      t = ids.length
      ids.push(id)
      index.set(id, t)
    }
    return t
  }
  // ASCII ids found without parsing are looked up by their bytes; one first met in a line that
  // had to be parsed is known to ticketOfId already
  const ticketOfAscii = asciiIds(ticketOfId)
  const keep = (t: number, buf: Buffer, s: number, end: number, place: number, held: Held | undefined) => {
    const len = end - s
    if (held !== undefined) {
      if (held.index < 0) {
        blocks.push(held.buf)
        held.index = blocks.length - 1
      }
      return record(t, held.index * LINE + s, len, place)
    }
    if (blockPos + len > block.length) {
      block = shared
        ? Buffer.from(new SharedArrayBuffer(Math.max(BLOCK, len)))
        : Buffer.allocUnsafeSlow(Math.max(BLOCK, len))
      blocks.push(block)
      blockOf = blocks.length - 1
      blockPos = 0
    }
    buf.copy(block, blockPos, s, end)
    record(t, blockOf * LINE + blockPos, len, place)
    blockPos += len
  }
  const line = (fileIndex: number, line: number, buf: Buffer, s: number, e: number, held?: Held): void => {
    const end = e > s && buf[e - 1] === 13 ? e - 1 : e
    if (end === s) return
    const place = fileIndex * LINE + line
    const to = quickId(buf, s, end, found)
    if (to !== NO_ID)
      return keep(
        found.ascii
          ? ticketOfAscii(buf, found.from, to, fnv(buf, found.from, to))
          : ticketOfId(buf.toString('utf8', found.from, to)),
        buf,
        s,
        end,
        place,
        held
      )
    const text = buf.toString('utf8', s, end)
    if (text.trim() === '') return
    const raw = parseLine(text)
    if (raw === NOT_JSON) return void problems.push(notJson(at(fileIndex, line), text))
    const parsedId = typeof raw === 'object' && raw !== null ? (raw as { ticketId?: unknown }).ticketId : undefined
    if (typeof parsedId === 'string') return keep(ticketOfId(parsedId), buf, s, end, place, held)
    const decoded = Ticket.decodeEvent(raw)
    if (E.isLeft(decoded)) problems.push(...decodeProblems(at(fileIndex, line), raw, decoded.left.issues))
  }
  return {
    line,
    ticket: ticketOfId,
    keepAt: (t, fileIndex, line, held, s, end) => keep(t, held.buf, s, end, fileIndex * LINE + line, held),
    problem: (p) => void problems.push(p),
    log: (lines) => ({ files, lines, ids, kept, ticketOf, offsetOf, lengthOf, placeOf, blocks, problems })
  }
}

/** The problem of a line longer than {@link MAX_LINE}. @internal */
export const longLine = (file: string, line: number): Problem => ({
  file,
  line,
  rule: 'json',
  message: `a line of more than ${MAX_LINE / 2 ** 20} MiB (skipped)`
})

/**
 * A table of ASCII ticket ids, looked up by their bytes `buf[from, to)` and {@link fnv} hash `h`
 * (open addressing), so no string is made for an id met before: the number `intern` gave the id
 * when it was first met.
 * @internal
 */
export const asciiIds = (intern: (id: string) => number) => {
  // each slot holds an entry + 1 and its id's hash
  let slots = new Int32Array(4096)
  let hashes = new Int32Array(4096)
  const keys: string[] = []
  const values: number[] = []
  return (buf: Buffer, from: number, to: number, h: number): number => {
    const mask = slots.length - 1
    let slot = h & mask
    for (let e = slots[slot] as number; e !== 0; e = slots[slot] as number) {
      if (hashes[slot] === h) {
        const id = keys[e - 1] as string
        if (id.length === to - from) {
          let j = 0
          while (j < id.length && id.charCodeAt(j) === buf[from + j]) j++
          if (j === id.length) return values[e - 1] as number
        }
      }
      slot = (slot + 1) & mask
    }
    const id = buf.toString('latin1', from, to)
    const v = intern(id)
    keys.push(id)
    values.push(v)
    slots[slot] = keys.length
    hashes[slot] = h
    if (keys.length * 2 > slots.length) {
      const [oldSlots, oldHashes] = [slots, hashes]
      slots = new Int32Array(oldSlots.length * 2)
      hashes = new Int32Array(oldSlots.length * 2)
      const m = slots.length - 1
      for (let i = 0; i < oldSlots.length; i++) {
        if (oldSlots[i] === 0) continue
        let k = (oldHashes[i] as number) & m
        while (slots[k] !== 0) k = (k + 1) & m
        slots[k] = oldSlots[i] as number
        hashes[k] = oldHashes[i] as number
      }
    }
    return v
  }
}

/**
 * Reads every file (`-` = standard input; gzip read transparently) into lines per ticket. Lines
 * end at `\n` (a `\r` before it is dropped); empty lines are skipped.
 * @internal
 */
export const readLog = async (files: ReadonlyArray<string>, options: ReadOptions = {}): Promise<Log> => {
  const b = logBuilder(files)
  let lines = 0
  let before = 0
  for (const [fileIndex, file] of files.entries()) {
    let line = 0
    // the chunk being read: its lines are kept by reference rather than copied
    let held: Held = { buf: Buffer.alloc(0), index: -1 }
    const split = lineSplitter(
      (buf, s, e) => {
        line++
        lines++
        b.line(fileIndex, line, buf, s, e, buf === held.buf ? held : undefined)
      },
      () => {
        line++
        lines++
        b.problem(longLine(file, line))
      }
    )
    const opened = openStream(file, options.stdin)
    try {
      for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
        held = { buf: chunk, index: -1 }
        split.push(chunk)
        options.tick?.(before + opened.bytes(), lines)
      }
    } catch (e) {
      const failure = (e as { failure?: unknown }).failure
      throw failure ?? inputError(`${file}: cannot be read`)
    }
    split.end()
    before += opened.bytes()
  }
  return b.log(lines)
}

/** Every kept line with its ticket id and place, in the order read (for tests and debugging). @internal */
export const keptLines = (
  log: Log
): Array<{ readonly id: string; readonly file: string; readonly line: number; readonly text: string }> =>
  Array.from({ length: log.kept }, (_, i) => ({
    id: log.ids[log.ticketOf[i] as number] as string,
    ...placeAt(log.files, log.placeOf[i] as number),
    text: lineText(log, i)
  }))

/** The text of kept line `i` of a log. */
const lineText = (log: Log, i: number): string => {
  const offset = log.offsetOf[i] as number
  const start = offset % LINE
  return (log.blocks[Math.floor(offset / LINE)] as Buffer).toString('utf8', start, start + (log.lengthOf[i] as number))
}

/** The total size of the files in bytes, unless one is standard input. @internal */
export const totalSize = (files: ReadonlyArray<string>): number | undefined =>
  files.reduce<number | undefined>(
    (n, f) => (n === undefined ? undefined : ((s) => (s === undefined ? undefined : n + s))(sizeOf(f))),
    0
  )

/** {@link readLog} with the progress line of a terminal. @internal */
export const readLogShowing = async (files: ReadonlyArray<string>, io: Io, quiet: boolean): Promise<Log> => {
  const bar = progress(io, quiet, totalSize(files))
  const log = await readLog(files, { stdin: io.stdin, tick: bar.tick })
  bar.done()
  return log
}

/** One ticket's events decoded and ordered by `seq` (stable), each with its place. @internal */
export interface Decoded {
  readonly id: string
  readonly events: ReadonlyArray<Ticket.TicketEvent>
  /** The place of each event: file index × 2^32 + line number (see {@link placeAt}). */
  readonly where: ReadonlyArray<number>
}

/** A packed place as file and line. @internal */
export const placeAt = (files: ReadonlyArray<string>, packed: number): Place => ({
  file: files[Math.floor(packed / LINE)] ?? '-',
  line: packed % LINE
})

/** The tickets of a log, each decoded when asked for; see {@link ticketsOf}. @internal */
export interface Tickets {
  /** How many tickets have lines. */
  readonly count: number
  /**
   * Ticket `k` (from 0): its lines parsed and decoded, in the order read (or by `seq` when they
   * are not in that order); unreadable lines are reported to `problems`. Undefined when it has
   * no readable line. Deterministic: asking again gives equal events.
   */
  readonly decode: (k: number, problems: Problem[]) => Decoded | undefined
}

/** A log's kept lines grouped by ticket: ticket t's are `order[starts[t]]` … `order[starts[t + 1] − 1]`, in the order read. @internal */
export interface Grouping {
  readonly starts: Int32Array
  readonly order: Int32Array
}

/** Groups a log's kept lines by ticket (a counting sort); in shared memory with `shared`. @internal */
export const groupingOf = (log: Log, shared = false): Grouping => {
  const n = log.ids.length
  const ints = (k: number) => new Int32Array(shared ? new SharedArrayBuffer(k * 4) : new ArrayBuffer(k * 4))
  const starts = ints(n + 1)
  for (let i = 0; i < log.kept; i++) (starts[(log.ticketOf[i] as number) + 1] as number)++
  for (let t = 0; t < n; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number)
  const cursor = starts.slice(0, n)
  const order = ints(log.kept)
  for (let i = 0; i < log.kept; i++) {
    const t = log.ticketOf[i] as number
    order[cursor[t] as number] = i
    cursor[t] = (cursor[t] as number) + 1
  }
  return { starts, order }
}

/** Where a ticket's events go as its lines are decoded; see {@link decodeLine}. @internal */
export interface Decoding {
  readonly events: Ticket.TicketEvent[]
  readonly where: number[]
}

/**
 * Parses and decodes kept line `i` of `log`, whose place is `place` (file index × 2^32 + line
 * number, in `files`): its event goes to `into`, or its problems to `problems`.
 * @internal
 */
export const decodeLine = (
  log: Log,
  i: number,
  place: number,
  files: ReadonlyArray<string>,
  into: Decoding,
  problems: Problem[]
): void => {
  const text = lineText(log, i)
  const raw = parseLine(text)
  if (raw === NOT_JSON) return void problems.push(notJson(placeAt(files, place), text))
  const event = Ticket.decodeEvent(raw)
  if (E.isLeft(event)) {
    problems.push(...decodeProblems(placeAt(files, place), raw, event.left.issues))
    return
  }
  into.events.push(event.right)
  into.where.push(place)
}

/** A ticket's decoded events ordered by `seq` (stable), or undefined when none could be read. @internal */
export const decodedOf = (id: string, d: Decoding): Decoded | undefined => {
  const { events, where } = d
  if (events.length === 0) return undefined
  let ordered = true
  for (let i = 1; i < events.length && ordered; i++)
    ordered = (events[i - 1] as Ticket.TicketEvent).seq <= (events[i] as Ticket.TicketEvent).seq
  if (ordered) return { id, events, where }
  const o = events
    .map((_, i) => i)
    .sort((a, b) => (events[a] as Ticket.TicketEvent).seq - (events[b] as Ticket.TicketEvent).seq || a - b)
  return { id, events: o.map((i) => events[i] as Ticket.TicketEvent), where: o.map((i) => where[i] as number) }
}

/**
 * The tickets of a log (by ticket id when `sorted`, else in the order first met), decoded one at
 * a time: only the lines are held, so a caller that lets go of each ticket holds one at a time.
 * @internal
 */
export const ticketsOf = (log: Log, sorted: boolean): Tickets => {
  const { starts, order } = groupingOf(log)
  const tickets = sorted
    ? [...log.ids.keys()].sort((a, b) =>
        (log.ids[a] as string) < (log.ids[b] as string) ? -1 : (log.ids[a] as string) > (log.ids[b] as string) ? 1 : 0
      )
    : undefined
  const decode = (k: number, problems: Problem[]): Decoded | undefined => {
    const t = tickets === undefined ? k : (tickets[k] as number)
    const into: Decoding = { events: [], where: [] }
    for (let j = starts[t] as number; j < (starts[t + 1] as number); j++) {
      const i = order[j] as number
      decodeLine(log, i, log.placeOf[i] as number, log.files, into, problems)
    }
    return decodedOf(log.ids[t] as string, into)
  }
  return { count: log.ids.length, decode }
}

/**
 * Visits each ticket of the log (by ticket id when `sorted`, else in the order first met): its
 * lines parsed and decoded, unreadable lines reported to `problems`; tickets with no readable
 * line are skipped.
 * @internal
 */
export const eachTicket = (log: Log, sorted: boolean, problems: Problem[], visit: (d: Decoded) => void): void => {
  const tickets = ticketsOf(log, sorted)
  for (let k = 0; k < tickets.count; k++) {
    const d = tickets.decode(k, problems)
    if (d !== undefined) visit(d)
  }
}

/** The problem of a history that breaks a rule: the place of the event at fault. @internal */
export const replayProblem = (d: Decoded, e: Ticket.TicketError, files: ReadonlyArray<string>): Problem => {
  const seq = 'seq' in e && typeof e.seq === 'number' ? e.seq : undefined
  const packed = d.where[failingEvent(d.events)]
  const place = packed === undefined ? { file: files[0] ?? '-', line: 0 } : placeAt(files, packed)
  return {
    ...place,
    ticket: showId(d.id),
    ...(seq === undefined ? {} : { index: seq }),
    rule: e._tag,
    message: e.message
  }
}

/**
 * The index of the event a history's replay fails at: replay stops at its first failing event, so
 * the shortest prefix that fails ends with it (found by halving, in O(n log n) events replayed).
 * Not the first event with the failing `seq`: with a duplicate `seq`, that one was fine.
 * @internal
 */
export const failingEvent = (events: ReadonlyArray<Ticket.TicketEvent>): number => {
  let lo = 0
  let hi = events.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (E.isLeft(Ticket.replay()(events.slice(0, mid + 1)))) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The problem of a history whose customer has no agreement. @internal */
export const unknownCustomer = (d: Decoded, opened: Ticket.TicketOpened, files: ReadonlyArray<string>): Problem => ({
  ...placeAt(files, d.where[0] as number),
  ticket: showId(d.id),
  index: opened.seq,
  rule: 'UnknownCustomer',
  message: `customer: expected a customer of the agreements, received ${showId(opened.customer)}`
})

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
 * @internal
 */
export const checkHistories = (log: Log, agreements?: ReadonlyArray<Sla.Agreement>): Checked => {
  const customers = agreements === undefined ? undefined : new Set(agreements.map((a) => a.customer))
  const good: History[] = []
  const problems: Problem[] = [...log.problems]
  let count = 0
  let tickets = 0
  let lastAt: number | undefined
  eachTicket(log, true, problems, (d) => {
    count += d.events.length
    tickets++
    for (const e of d.events) if (lastAt === undefined || e.at > lastAt) lastAt = e.at
    const replayed = Ticket.replay()(d.events)
    if (E.isLeft(replayed)) return void problems.push(replayProblem(d, replayed.left, log.files))
    const opened = d.events[0]
    if (
      customers !== undefined &&
      opened !== undefined &&
      opened._tag === 'TicketOpened' &&
      !customers.has(opened.customer)
    )
      return void problems.push(unknownCustomer(d, opened, log.files))
    good.push({ id: d.id, events: d.events, ticket: replayed.right })
  })
  return { good, problems, events: count, tickets, lastAt }
}

/** A problem as one line: `file:line: ticket T, event N: rule: message`. @internal */
export const formatProblem = (p: Problem): string =>
  `${p.file}:${p.line}: ${p.ticket === undefined ? '' : `ticket ${p.ticket}, `}${p.index === undefined ? '' : `event ${p.index}, `}${p.rule}: ${p.message}`
