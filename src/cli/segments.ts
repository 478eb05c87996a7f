// Reading a log once over several threads (`report --jobs N`). The plain files are cut into
// segments of a few MiB (a gzip file is one segment); each thread takes the next segment not yet
// taken until none is left, cuts it into lines (a line belongs to the segment it starts in) and
// keeps them in a log of its own, by ticket, as one thread reads a whole log: a plain file's
// segment is read into shared memory and its lines are left where they are. Once every segment is
// read, the threads give each other their logs (shared memory: nothing is copied but the ids), and
// each sees the tickets of all the logs together ({@link ticketsAcross}): a ticket whose lines
// fell in segments read by different threads is one ticket, its lines in the order of the files.
import { closeSync, openSync, readSync } from 'node:fs'
import { inputError, openStream, sizeOf } from './io.js'
import {
  decodedOf,
  decodeLine,
  groupingOf,
  lineSplitter,
  logBuilder,
  longLine,
  type Decoded,
  type Decoding,
  type Grouping,
  type Log,
  type Problem,
  type Tickets
} from './log.js'

/** A part of a file: bytes `from` to `to` of a plain file (the lines that start there), or a whole gzip file. @internal */
export interface Segment {
  readonly file: number
  readonly from: number
  /** Infinity: to the end of the file. */
  readonly to: number
  readonly gzip: boolean
  /** Its size in bytes (as stored), for the progress line. */
  readonly bytes: number
}

/** The size of a plain file's segments. @internal */
export const SEGMENT = 4 * 2 ** 20

const isGzip = (file: string): boolean => {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const head = Buffer.alloc(2)
    const n = readSync(fd, head, 0, 2, 0)
    return n === 2 && head[0] === 0x1f && head[1] === 0x8b
  } catch {
    throw inputError(`${file}: cannot be read`)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * The segments of the files (not standard input), in the order of the files and of their bytes;
 * the last one of a file reads to its end. Fails as reading the files on one thread fails.
 * @internal
 */
export const planSegments = (files: ReadonlyArray<string>, size = SEGMENT): ReadonlyArray<Segment> => {
  const out: Segment[] = []
  files.forEach((file, i) => {
    const bytes = sizeOf(file) ?? 0
    if (isGzip(file)) return void out.push({ file: i, from: 0, to: Infinity, gzip: true, bytes })
    for (let from = 0; from < bytes; from += size)
      out.push({
        file: i,
        from,
        to: from + size >= bytes ? Infinity : from + size,
        gzip: false,
        bytes: Math.min(size, bytes - from)
      })
  })
  return out
}

/** What a thread found in a segment it read: its lines (blank ones too) and those too long to hold. @internal */
export interface SegmentRead {
  readonly segment: number
  readonly lines: number
  readonly long: ReadonlyArray<number>
}

/**
 * What a thread read: its log (in shared memory), with its lines grouped by ticket, and what it
 * found in each segment it read. The log's places are segment × 2^32 + line number in the segment,
 * its problems' lines likewise, until the segments before are counted ({@link placesOf}).
 * @internal
 */
export interface ReadResult {
  readonly log: Log
  readonly grouping: Grouping
  readonly read: ReadonlyArray<SegmentRead>
}

const LINE = 2 ** 32
const CHUNK = 2 ** 20
const TAIL = 2 ** 16
/** Bytes read past a segment's end for its last line; a longer last line is read in chunks and copied. */
const SLACK = 2 ** 16

/**
 * Reads segments of `plan` as `take` hands them out (the next one not yet taken, or −1) into a
 * log of this thread's own. A plain file's segment is read into shared memory at once, its lines
 * kept where they are; the lines of a gzip file, and a last line longer than the little read past
 * a segment's end, are copied into the log's shared blocks. `progress` is told of the bytes and
 * lines of each segment once read.
 * @internal
 */
export const readSegments = async (
  files: ReadonlyArray<string>,
  plan: ReadonlyArray<Segment>,
  take: () => number,
  progress: (bytes: number, lines: number) => void = () => undefined
): Promise<ReadResult> => {
  const b = logBuilder(files, 1024, true, (k, n) => ({
    file: files[(plan[k] as Segment).file] ?? '-',
    line: k * LINE + n
  }))
  const read: SegmentRead[] = []
  let scratch: Buffer | undefined
  let k = -1
  let lines = 0
  let long: number[] = []
  const splitFrom = (limit: number) =>
    lineSplitter(
      (buf, s, e) => b.line(k, ++lines, buf, s, e),
      () => void long.push(++lines),
      limit
    )
  const fds = new Map<number, number>()
  /** The lines that start in [from, to) of a plain file: read into shared memory at once. */
  const plain = (fd: number, segment: Segment) => {
    const { from, to } = segment
    const first = from > 0 ? from - 1 : 0
    const want = (to === Infinity ? segment.bytes : to - from) + (from - first) + SLACK
    const buf = Buffer.from(new SharedArrayBuffer(want))
    let n = 0
    for (let r = -1; n < want && r !== 0; n += r) r = readSync(fd, buf, n, want - n, first + n)
    const eof = n < want
    // lines that start before index `limit` of buf are this segment's
    const limit = to - first
    let s = 0
    if (from > 0) {
      const nl = buf.indexOf(10)
      if (nl < 0 || nl >= n || nl + 1 >= limit) return
      s = nl + 1
    }
    const held = { buf, index: -1 }
    while (s < limit && s < n) {
      const nl = buf.indexOf(10, s)
      if (nl >= 0 && nl < n) {
        b.line(k, ++lines, buf, s, nl, held)
        s = nl + 1
      } else if (eof) {
        b.line(k, ++lines, buf, s, n, held)
        s = n
      } else {
        // the last line goes on past what was read: read it in chunks, from its start
        let pos = first + s
        const split = splitFrom(to - pos)
        scratch ??= Buffer.allocUnsafeSlow(CHUNK)
        for (;;) {
          const got = readSync(fd, scratch, 0, pos < to ? Math.min(CHUNK, to - pos) : TAIL, pos)
          if (got === 0) return split.end()
          pos += got
          if (!split.push(got === scratch.length ? scratch : scratch.subarray(0, got))) return
        }
      }
    }
  }
  try {
    for (k = take(); k >= 0 && k < plan.length; k = take()) {
      const segment = plan[k] as Segment
      const file = files[segment.file] as string
      lines = 0
      long = []
      if (segment.gzip) {
        const split = splitFrom(Infinity)
        const opened = openStream(file, undefined)
        try {
          for await (const chunk of opened.stream as AsyncIterable<Buffer>) split.push(chunk)
        } catch (e) {
          const failure = (e as { failure?: unknown }).failure
          throw failure ?? inputError(`${file}: cannot be read`)
        }
        split.end()
      } else {
        let fd = fds.get(segment.file)
        try {
          if (fd === undefined) {
            fd = openSync(file, 'r')
            fds.set(segment.file, fd)
          }
        } catch {
          throw inputError(`${file}: cannot be read`)
        }
        try {
          plain(fd, segment)
        } catch (e) {
          throw (e as { code?: unknown }).code === undefined ? e : inputError(`${file}: cannot be read`)
        }
      }
      read.push({ segment: k, lines, long })
      progress(segment.bytes, lines)
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd)
  }
  const log = b.log(read.reduce((n, r) => n + r.lines, 0))
  return { log, grouping: groupingOf(log, true), read }
}

/** Places in the files of places in segments, once every segment is read; see {@link placesOf}. @internal */
export interface Places {
  /** Lines read, in all. */
  readonly lines: number
  /** The place (file index × 2^32 + line number) of segment × 2^32 + line number in it. */
  readonly place: (packed: number) => number
  /** A problem of a line of a segment, at its place in its file. */
  readonly relocate: (p: Problem) => Problem
  /** The lines too long to hold, of every segment. */
  readonly long: ReadonlyArray<Problem>
}

/** The places of the segments' lines, given what was found in every segment (read by any thread). @internal */
export const placesOf = (
  files: ReadonlyArray<string>,
  plan: ReadonlyArray<Segment>,
  read: ReadonlyArray<SegmentRead>
): Places => {
  const bySegment: Array<SegmentRead | undefined> = []
  for (const r of read) bySegment[r.segment] = r
  // segment k's line n is base[k] + n
  const base = new Float64Array(plan.length)
  const long: Problem[] = []
  let before = 0
  let lines = 0
  plan.forEach((segment, k) => {
    if (k > 0 && (plan[k - 1] as Segment).file !== segment.file) before = 0
    base[k] = segment.file * LINE + before
    const r = bySegment[k]
    if (r === undefined) return
    for (const n of r.long) long.push(longLine(files[segment.file] as string, before + n))
    before += r.lines
    lines += r.lines
  })
  const place = (packed: number) => (base[Math.floor(packed / LINE)] as number) + (packed % LINE)
  return {
    lines,
    place,
    relocate: (p) => ({ ...p, line: place(p.line) % LINE }),
    long
  }
}

/**
 * The tickets of several threads' logs as one log's: a ticket is counted once, where it is first
 * met (in the logs' order), and decoded from its lines in every log, in the order of the files.
 * Places are translated by `place` and named in `files`.
 * @internal
 */
export const ticketsAcross = (
  logs: ReadonlyArray<{ readonly log: Log; readonly grouping: Grouping }>,
  files: ReadonlyArray<string>,
  place: (packed: number) => number
): Tickets => {
  const offsets: number[] = []
  let count = 0
  for (const { log } of logs) {
    offsets.push(count)
    count += log.ids.length
  }
  // each ticket's next meeting in a later log (−1: none), and whether it is its first
  const next = new Int32Array(count).fill(-1)
  const first = new Uint8Array(count)
  const last = new Map<string, number>()
  logs.forEach(({ log }, r) => {
    const offset = offsets[r] as number
    log.ids.forEach((id, t) => {
      const g = offset + t
      const before = last.get(id)
      if (before === undefined) first[g] = 1
      else next[before] = g
      last.set(id, g)
    })
  })
  const logOf = (g: number): number => {
    let r = logs.length - 1
    while ((offsets[r] as number) > g) r--
    return r
  }
  const decode = (g: number, problems: Problem[]): Decoded | undefined => {
    if (first[g] !== 1) return undefined
    const r = logOf(g)
    const { log, grouping } = logs[r] as (typeof logs)[number]
    const t = g - (offsets[r] as number)
    const into: Decoding = { events: [], where: [] }
    if (next[g] === -1) {
      for (let j = grouping.starts[t] as number; j < (grouping.starts[t + 1] as number); j++) {
        const i = grouping.order[j] as number
        decodeLine(log, i, place(log.placeOf[i] as number), files, into, problems)
      }
      return decodedOf(log.ids[t] as string, into)
    }
    // lines in several logs: in the order of their places
    const lines: Array<{ readonly log: Log; readonly i: number; readonly at: number }> = []
    for (let h = g; h !== -1; h = next[h] as number) {
      const q = logOf(h)
      const l = logs[q] as (typeof logs)[number]
      const u = h - (offsets[q] as number)
      for (let j = l.grouping.starts[u] as number; j < (l.grouping.starts[u + 1] as number); j++) {
        const i = l.grouping.order[j] as number
        lines.push({ log: l.log, i, at: l.log.placeOf[i] as number })
      }
    }
    lines.sort((a, b) => a.at - b.at)
    for (const l of lines) decodeLine(l.log, l.i, place(l.at), files, into, problems)
    return decodedOf(log.ids[t] as string, into)
  }
  return { count, decode }
}
