// Reading a log once over several threads (`report --jobs N`). The plain files are cut into
// segments of a few MiB (a gzip file is one segment); each thread takes the next segment not yet
// taken until none is left, cuts it into lines (a line belongs to the segment it starts in) and
// sends each line to the shard of its ticket: its bytes are copied into that shard's store. Once
// every segment is read, the stores are exchanged (their memory is transferred, not copied) and
// each shard assembles its lines, in the order of the files, into a Log, as one thread reads it.
import { closeSync, openSync, readSync } from 'node:fs'
import { inputError, openStream, sizeOf } from './io.js'
import {
  asciiId,
  asciiIds,
  lineSplitter,
  logBuilder,
  longLine,
  shardOfOtherLine,
  type Held,
  type IdFound,
  type Log
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

/**
 * The lines one thread sent to one shard: for each, its segment, its line number in the segment
 * (from 1), where its bytes are (buffer × 2^32 + offset, in the reading thread's buffers), its
 * length, and its ticket: an index in `ids`, the ASCII ids this thread met in the lines it sent to
 * the shard (−1 when the id has to be found by parsing the line). Plain data whose memory can be
 * transferred to another thread (the ids are copied).
 * @internal
 */
export interface Store {
  readonly count: number
  readonly segment: Int32Array
  readonly line: Int32Array
  readonly offset: Float64Array
  readonly length: Int32Array
  readonly ticket: Int32Array
  readonly ids: ReadonlyArray<string>
}

/** What a thread found in a segment it read: its lines (blank ones too) and those too long to hold. @internal */
export interface SegmentRead {
  readonly segment: number
  readonly reader: number
  readonly lines: number
  readonly long: ReadonlyArray<number>
}

/**
 * What a thread read: the bytes (shared memory: every thread sees them, none copies them), the
 * lines for each shard, and what it found in each segment it read. @internal
 */
export interface ReadResult {
  readonly buffers: ReadonlyArray<SharedArrayBuffer>
  readonly stores: ReadonlyArray<Store>
  readonly read: ReadonlyArray<SegmentRead>
}

const LINE = 2 ** 32
const BLOCK = 8 * 2 ** 20
const CHUNK = 2 ** 20
const TAIL = 2 ** 16
/** Bytes read past a segment's end for its last line; a longer last line is read in chunks and copied. */
const SLACK = 2 ** 16

const storeWriter = () => {
  let count = 0
  let size = 4096
  let segment = new Int32Array(size)
  let line = new Int32Array(size)
  let offset = new Float64Array(size)
  let length = new Int32Array(size)
  let ticket = new Int32Array(size)
  const ids: string[] = []
  /** The id `buf[from, to)`, ASCII, with its hash: its index in `ids`. */
  const ticketOf = asciiIds((id) => ids.push(id) - 1)
  const grow = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
    const b = make(size)
    b.set(a)
    return b
  }
  const int = (n: number) => new Int32Array(n)
  const add = (seg: number, n: number, where: number, len: number, t: number) => {
    if (count === size) {
      size *= 2
      segment = grow(segment, int)
      line = grow(line, int)
      offset = grow(offset, (k) => new Float64Array(k))
      length = grow(length, int)
      ticket = grow(ticket, int)
    }
    segment[count] = seg
    line[count] = n
    offset[count] = where
    length[count] = len
    ticket[count] = t
    count++
  }
  const store = (): Store => ({ count, segment, line, offset, length, ticket, ids })
  return { add, ticketOf, store }
}

/** The memory of a store, to transfer it. @internal */
export const transferOf = (s: Store): ArrayBuffer[] =>
  [s.segment, s.line, s.offset, s.length, s.ticket].map((a) => a.buffer as ArrayBuffer)

/**
 * Reads segments of `plan` as `take` hands them out (the next one not yet taken, or −1). A plain
 * file's segment is read into shared memory at once, with its lines left where they are; the
 * lines of a gzip file, and a last line longer than the little read past a segment's end, are
 * copied into shared blocks. Each line goes to the store of its ticket's shard
 * ({@link shardOfLine}). `progress` is told of the bytes and lines of each segment once read.
 * @internal
 */
export const readSegments = async (
  files: ReadonlyArray<string>,
  plan: ReadonlyArray<Segment>,
  reader: number,
  shards: number,
  take: () => number,
  progress: (bytes: number, lines: number) => void = () => undefined
): Promise<ReadResult> => {
  const writers = Array.from({ length: shards }, storeWriter)
  const buffers: SharedArrayBuffer[] = []
  const read: SegmentRead[] = []
  let scratch: Buffer | undefined
  // where copied lines go
  let block: Buffer = Buffer.alloc(0)
  let blockIndex = -1
  let blockPos = 0
  const copy = (buf: Buffer, s: number, end: number): number => {
    const len = end - s
    if (blockPos + len > block.length) {
      const sab = new SharedArrayBuffer(Math.max(BLOCK, len))
      buffers.push(sab)
      block = Buffer.from(sab)
      blockIndex = buffers.length - 1
      blockPos = 0
    }
    buf.copy(block, blockPos, s, end)
    const where = blockIndex * LINE + blockPos
    blockPos += len
    return where
  }
  let k = -1
  let lines = 0
  let long: number[] = []
  /** A line of segment k: `where` it lies in the buffers, or −1 to copy it there. */
  const found: IdFound = { from: 0, to: 0, hash: 0 }
  const route = (buf: Buffer, s: number, e: number, where: number) => {
    lines++
    const end = e > s && buf[e - 1] === 13 ? e - 1 : e
    if (end === s) return
    const ascii = asciiId(buf, s, end, found)
    const shard = shards === 1 ? 0 : ascii ? (found.hash >>> 0) % shards : shardOfOtherLine(buf, s, end, shards)
    const w = writers[shard] as ReturnType<typeof storeWriter>
    const t = ascii ? w.ticketOf(buf, found.from, found.to, found.hash) : -1
    w.add(k, lines, where < 0 ? copy(buf, s, end) : where, end - s, t)
  }
  const splitFrom = (limit: number) =>
    lineSplitter(
      (buf, s, e) => route(buf, s, e, -1),
      () => void long.push(++lines),
      limit
    )
  const fds = new Map<number, number>()
  /** The lines that start in [from, to) of a plain file: read into shared memory at once. */
  const plain = (fd: number, segment: Segment) => {
    const { from, to } = segment
    const first = from > 0 ? from - 1 : 0
    const want = (to === Infinity ? segment.bytes : to - from) + (from - first) + SLACK
    const sab = new SharedArrayBuffer(want)
    const buf = Buffer.from(sab)
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
    buffers.push(sab)
    const index = buffers.length - 1
    while (s < limit && s < n) {
      const nl = buf.indexOf(10, s)
      if (nl >= 0 && nl < n) {
        route(buf, s, nl, index * LINE + s)
        s = nl + 1
      } else if (eof) {
        route(buf, s, n, index * LINE + s)
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
      read.push({ segment: k, reader, lines, long })
      progress(segment.bytes, lines)
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd)
  }
  return { buffers, stores: writers.map((w) => w.store()), read }
}

/**
 * One shard's log: the lines sent to it by every thread (`inputs`, by reader), in the order of
 * the files, each numbered as in its file. `read` lists every segment read (by any thread); shard
 * 0 also reports the lines too long to hold. The log's numbers lie in shared memory, as its lines
 * do, so the other threads can be given it to take tickets from.
 * @internal
 */
export const assemble = (
  files: ReadonlyArray<string>,
  plan: ReadonlyArray<Segment>,
  read: ReadonlyArray<SegmentRead>,
  inputs: ReadonlyArray<{ readonly buffers: ReadonlyArray<SharedArrayBuffer>; readonly store: Store }>,
  shard: number
): Log => {
  const b = logBuilder(
    files,
    inputs.reduce((n, i) => n + i.store.count, 0),
    true
  )
  const bySegment: Array<SegmentRead | undefined> = []
  for (const r of read) bySegment[r.segment] = r
  const held: Held[][] = inputs.map((i) => i.buffers.map((sab) => ({ buf: Buffer.from(sab), index: -1 })))
  // the builder's ticket of each reader's ids, once met (−1 before)
  const tickets = inputs.map((i) => new Int32Array(i.store.ids.length).fill(-1))
  const at = inputs.map(() => 0)
  let lines = 0
  let base = 0
  plan.forEach((segment, k) => {
    if (k > 0 && (plan[k - 1] as Segment).file !== segment.file) base = 0
    const r = bySegment[k]
    if (r === undefined) return
    const file = segment.file
    const s = inputs[r.reader]?.store
    const blocks = held[r.reader]
    const ticketOf = tickets[r.reader]
    if (s !== undefined && blocks !== undefined && ticketOf !== undefined) {
      let i = at[r.reader] as number
      while (i < s.count && s.segment[i] === k) {
        const offset = s.offset[i] as number
        const start = offset % LINE
        const h = blocks[Math.floor(offset / LINE)] as Held
        const end = start + (s.length[i] as number)
        const n = base + (s.line[i] as number)
        const local = s.ticket[i] as number
        if (local < 0) b.line(file, n, h.buf, start, end, h)
        else {
          let t = ticketOf[local] as number
          if (t < 0) {
            t = b.ticket(s.ids[local] as string)
            ticketOf[local] = t
          }
          b.keepAt(t, file, n, h, start, end)
        }
        i++
      }
      at[r.reader] = i
    }
    if (shard === 0) for (const n of r.long) b.problem(longLine(files[file] as string, base + n))
    base += r.lines
    lines += r.lines
  })
  return b.log(lines)
}
