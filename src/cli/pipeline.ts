// From log files to report accumulators, on one thread or with tickets sharded over worker threads.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import { Report, Ticket, type Sla, type Time } from '../index.js'
import { loadAgreements } from './agreements.js'
import { inputError, progress, type Io } from './io.js'
import { timer, timingWanted, type Phase, type Timer } from './timing.js'
import {
  assemble,
  planSegments,
  readSegments,
  transferOf,
  type ReadResult,
  type Segment,
  type SegmentRead,
  type Store
} from './segments.js'
import {
  readLogShowing,
  replayProblem,
  ticketsOf,
  totalSize,
  unknownCustomer,
  type Decoded,
  type Log,
  type Problem,
  type Tickets
} from './log.js'

/** What a shard sends back. @internal */
export interface ShardResult {
  readonly accumulator: Report.Accumulator
  readonly problems: ReadonlyArray<Problem>
  readonly events: number
  readonly tickets: number
  /** Lines read (of every shard). */
  readonly lines: number
  /** The thread's phases, when timings are wanted. */
  readonly timings?: ReadonlyArray<Phase>
}

/** The job (plain data: it crosses to the worker threads). @internal */
export interface ShardJob {
  readonly files: ReadonlyArray<string>
  readonly agreements: string
  readonly period: Report.Period
  readonly asOf?: Time.Instant
  readonly quiet: boolean
}

/**
 * What a worker thread is given: the job, its shard of `shards`, the counters shared by the
 * threads, the tickets in a chunk, and a port to each other thread (by shard; none to itself).
 * @internal
 */
export interface WorkerTask {
  readonly job: ShardJob
  readonly shard: number
  readonly shards: number
  readonly counters: Int32Array
  readonly chunk: number
  readonly peers: ReadonlyArray<MessagePort | undefined>
}

const combinerOf = (job: ShardJob, agreements: ReadonlyArray<Sla.Agreement>): Report.Combiner => {
  const combiner = Report.combiner({
    agreements,
    period: job.period,
    ...(job.asOf === undefined ? {} : { asOf: job.asOf })
  })
  if (E.isLeft(combiner)) throw inputError(combiner.left.message)
  return combiner.right
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/**
 * An instant no later than any customer's as-of instant: `--as-of`, else the end of the period
 * in UTC less 15 hours (no zone is ahead of UTC by more than 14). A history whose events all lie
 * at or before it is replayed whole by the report itself.
 * @internal
 */
export const coveredUntil = (period: Report.Period, asOf: number | undefined): number => {
  if (asOf !== undefined) return asOf
  let end: number
  switch (period._tag) {
    case 'Range':
      return period.to
    case 'Month':
      end = Date.UTC(period.year, period.month, 1)
      break
    case 'Quarter':
      end = Date.UTC(period.year, period.quarter * 3, 1)
      break
    case 'Week': {
      const jan4 = Date.UTC(period.year, 0, 4)
      end = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + period.week * 7 * DAY
      break
    }
    case 'Day':
      end = Date.parse(`${period.date}T00:00:00Z`) + DAY
      break
    default:
      return -Infinity
  }
  return Number.isFinite(end) ? end - 15 * HOUR : -Infinity
}

/** Tickets given to the report in one `addAll`, and taken by a thread at a time. @internal */
export const CHUNK = 500

/**
 * Where a thread of a fold finds the logs of the shards and claims their chunks of tickets (the
 * tickets of a log in the order first met, {@link CHUNK} at a time). Each chunk is claimed by one
 * thread, so the threads together fold every ticket once.
 * @internal
 */
export interface Claims {
  readonly shards: number
  /** Tickets in a chunk. */
  readonly size: number
  /** Shard `s`'s log: the thread's own at once, another's once posted; undefined when not to be had. */
  readonly log: (s: number) => Log | undefined
  /** How many chunks shard `s` has; undefined while its log is not made. */
  readonly chunks: (s: number) => number | undefined
  /** The next chunk of shard `s` not yet claimed, without claiming it. */
  readonly peek: (s: number) => number
  /** Claims the next chunk of shard `s` (no chunk when it is the count or more). */
  readonly claim: (s: number) => number
}

/** The tickets in a chunk: {@link CHUNK}, or fewer for tests of the command on small logs. */
const chunkSize = (): number => {
  const n = Number(process.env.ITSM_KIT_CHUNK_TICKETS ?? '')
  return Number.isInteger(n) && n > 0 ? n : CHUNK
}

/** The claims of one thread folding one log alone. @internal */
export const aloneOn = (log: Log, size = CHUNK): Claims => {
  let next = 0
  return {
    shards: 1,
    size,
    log: () => log,
    chunks: () => Math.ceil(log.ids.length / size),
    peek: () => next,
    claim: () => next++
  }
}

/**
 * Decodes, checks and folds histories into an accumulator, each history replayed once: the
 * chunks of tickets of shard `own` that this thread claims, then those of the other shards that
 * are left (a thread that is done early takes over the rest of another's work). The problems of
 * the lines of shard `own` without a ticket are its own.
 *
 * A history that lies wholly before every as-of instant, of a customer with an agreement, goes to
 * the report at once: the report replays it (its timeline) with every rule checked and leaves out
 * one that breaks a rule. Only when the report leaves one out are the histories of that chunk
 * decoded and replayed again here, to name the event at fault, and the chunk is added again
 * without the impossible ones. Any other history (events after the as-of instant, an unknown
 * customer, not opened first) is replayed here before it is added, as `replay` does. The report
 * reads each chunk's histories from an iterable that decodes one as it is asked for, so one
 * history at a time is held, not a chunk of them.
 * @internal
 */
export const fold = (
  own: number,
  claims: Claims,
  agreements: ReadonlyArray<Sla.Agreement>,
  c: Report.Combiner,
  covered: number,
  others: () => void = () => undefined
): ShardResult => {
  const customers = new Set(agreements.map((a) => a.customer))
  const mine = claims.log(own) as Log
  const problems: Problem[] = [...mine.problems]
  let accumulator = c.empty
  let events = 0
  let count = 0
  /** Whether a history goes to the report (else its problem is reported here). */
  const admitted = (d: Decoded, files: ReadonlyArray<string>): boolean => {
    const opened = d.events[0] as Ticket.TicketEvent
    let last = -Infinity
    for (const e of d.events) if (e.at > last) last = e.at
    const known = opened._tag === 'TicketOpened' && customers.has(opened.customer)
    if (known && last <= covered) return true
    const replayed = Ticket.replay()(d.events)
    if (E.isLeft(replayed)) problems.push(replayProblem(d, replayed.left, files))
    else if (opened._tag === 'TicketOpened' && !known) problems.push(unknownCustomer(d, opened, files))
    else return true
    return false
  }
  const chunk = (tickets: Tickets, files: ReadonlyArray<string>, from: number, to: number) => {
    const given: number[] = []
    const histories: Iterable<ReadonlyArray<Ticket.TicketEvent>> = {
      *[Symbol.iterator]() {
        for (let k = from; k < to; k++) {
          const d = tickets.decode(k, problems)
          if (d === undefined) continue
          events += d.events.length
          count++
          if (!admitted(d, files)) continue
          given.push(k)
          yield d.events
        }
      }
    }
    const next = c.addAll(histories)(accumulator)
    if (next.rejected.length === accumulator.rejected.length) {
      accumulator = next
      return
    }
    // the report left some out: decode the chunk's histories again (their lines' problems are
    // reported already) and name the event at fault of each impossible one
    const batch = given.map((k) => tickets.decode(k, []) as Decoded)
    const good = batch.filter((d) => {
      const replayed = Ticket.replay()(d.events)
      if (E.isRight(replayed)) return true
      problems.push(replayProblem(d, replayed.left, files))
      return false
    })
    accumulator = good.length === batch.length ? next : c.addAll(good.map((d) => d.events))(accumulator)
  }
  for (let i = 0; i < claims.shards; i++) {
    const s = (own + i) % claims.shards
    const n = claims.chunks(s)
    if (n === undefined || claims.peek(s) >= n) continue
    const log = claims.log(s)
    if (log === undefined) continue
    if (s !== own) others()
    const tickets = ticketsOf(log, false)
    for (let k = claims.claim(s); k < n; k = claims.claim(s))
      chunk(tickets, log.files, k * claims.size, Math.min(tickets.count, (k + 1) * claims.size))
  }
  return { accumulator, problems, events, tickets: count, lines: mine.lines }
}

/** Messages from a worker: what it read, then its result or why it failed. @internal */
export type FromWorker =
  | { readonly read: ReadResult }
  | { readonly ok: ShardResult }
  | { readonly failure: { readonly kind: 'usage' | 'input'; readonly message: string } }

/** Messages to a worker: the segments to read, then the lines of its shard. @internal */
export type ToWorker =
  | { readonly plan: ReadonlyArray<Segment> }
  | { readonly inputs: ReadonlyArray<Input>; readonly read: ReadonlyArray<SegmentRead> }

/** The lines one thread read for a shard, and the memory they lie in. @internal */
export interface Input {
  readonly buffers: ReadonlyArray<SharedArrayBuffer>
  readonly store: Store
}

/**
 * The counters the threads share: the next segment to read, KiB read, lines read; then for each
 * shard, the next chunk of its tickets to fold and its number of chunks + 1 (0 until its log is made).
 */
const NEXT = 0
const KIB = 1
const LINES = 2
const CLAIMED = (shard: number) => 3 + 2 * shard
const CHUNKS = (shard: number) => 4 + 2 * shard

/** Something to wait on for a millisecond. */
const nap = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))

/**
 * The claims of thread `own` of a fold over threads: it posts its log to the others (the log's
 * memory is shared, not copied; its problems stay its own), then says how many chunks it has;
 * another's log is read from its port when the thread comes to take that shard's chunks. Every
 * claim is an atomic add on the shard's counter, so no chunk is folded twice or left out.
 * @internal
 */
export const claimsOver = (
  counters: Int32Array,
  peers: ReadonlyArray<MessagePort | undefined>,
  own: number,
  log: Log,
  size: number
): Claims => {
  const logs = new Map<number, Log>([[own, log]])
  for (const port of peers) port?.postMessage({ ...log, problems: [] } satisfies Log)
  Atomics.store(counters, CHUNKS(own), Math.ceil(log.ids.length / size) + 1)
  const received = (s: number): Log | undefined => {
    const port = peers[s]
    // a log is posted before its chunks are counted, so it is at hand or on its way
    for (let naps = 0; port !== undefined && naps < 1000; naps++) {
      const m = receiveMessageOnPort(port)
      if (m === undefined) {
        Atomics.wait(nap, 0, 0, 1)
        continue
      }
      const l = m.message as Log
      // the blocks arrive as plain byte arrays over the same memory
      return { ...l, blocks: l.blocks.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)) }
    }
    return undefined
  }
  return {
    shards: peers.length,
    size,
    log: (s) => {
      if (!logs.has(s)) {
        const l = received(s)
        if (l !== undefined) logs.set(s, l)
      }
      return logs.get(s)
    },
    chunks: (s) => {
      const n = Atomics.load(counters, CHUNKS(s))
      return n === 0 ? undefined : n - 1
    },
    peek: (s) => Atomics.load(counters, CLAIMED(s)),
    claim: (s) => Atomics.add(counters, CLAIMED(s), 1)
  }
}

/** The next segment not yet taken by any thread. */
const taker = (counters: Int32Array) => () => Atomics.add(counters, NEXT, 1)

/** Adds a segment read to the shared counters. */
const counted = (counters: Int32Array) => (bytes: number, lines: number) => {
  Atomics.add(counters, KIB, Math.round(bytes / 1024))
  Atomics.add(counters, LINES, lines)
}

/**
 * A worker thread's side: it starts its library and reads the agreements while the main thread
 * plans the segments; then it reads segments until none is left, sends each line to its shard,
 * and folds the lines of its own shard (from every thread) into an accumulator, which it sends
 * back (structured clone keeps the typed arrays).
 * @internal
 */
export const serveShard = (task: WorkerTask, port: MessagePort): void => {
  const { job, shard, shards, counters, chunk, peers } = task
  const t = timer(`worker${shard}`, timingWanted())
  const inbox: ToWorker[] = []
  let waiting: ((m: ToWorker) => void) | undefined
  port.on('message', (m: ToWorker) => {
    if (waiting === undefined) inbox.push(m)
    else {
      const w = waiting
      waiting = undefined
      w(m)
    }
  })
  const next = () =>
    new Promise<ToWorker>((resolve) => {
      const m = inbox.shift()
      if (m === undefined) waiting = resolve
      else resolve(m)
    })
  const run = async () => {
    t.phase('agreements')
    const as = await loadAgreements(job.agreements)
    const c = combinerOf(job, as)
    t.phase('plan')
    const planned = await next()
    if (!('plan' in planned)) throw inputError('a worker thread was sent no plan')
    t.phase('read')
    const mine = await readSegments(job.files, planned.plan, shard, shards, taker(counters), counted(counters))
    port.postMessage({ read: mine } satisfies FromWorker, mine.stores.flatMap(transferOf))
    t.phase('exchange')
    // the lines of this shard as a log; what they came in is garbage once it is made
    const log = await next().then((lines) => {
      if (!('inputs' in lines)) throw inputError('a worker thread was sent no lines')
      t.phase('assemble')
      return assemble(job.files, planned.plan, lines.read, lines.inputs, shard)
    })
    t.phase('fold')
    const claims = claimsOver(counters, peers, shard, log, chunk)
    const r = fold(shard, claims, as, c, coveredUntil(job.period, job.asOf), () => t.phase('others'))
    for (const p of peers) p?.close()
    t.phase('post')
    const timings = t.done()
    port.postMessage({ ok: timings.length === 0 ? r : { ...r, timings } } satisfies FromWorker)
  }
  run().catch((e: unknown) => {
    const f = e as { kind?: unknown; message?: unknown }
    port.postMessage({
      failure: {
        kind: f.kind === 'usage' ? 'usage' : 'input',
        message: typeof f.message === 'string' ? f.message : 'failed'
      }
    } satisfies FromWorker)
  })
}

/** Orders problems by file (in the order given), line, then message: the same for any number of threads. @internal */
export const sortProblems = (files: ReadonlyArray<string>, ps: ReadonlyArray<Problem>): ReadonlyArray<Problem> =>
  [...ps].sort(
    (a, b) =>
      files.indexOf(a.file) - files.indexOf(b.file) ||
      a.line - b.line ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  )

/** Worker threads at work on shards 1 … count − 1 of a job (the main thread takes shard 0). @internal */
export interface Shards {
  readonly count: number
  /** Shared with the workers: the next segment, KiB read, lines read, and the chunks of each shard. */
  readonly counters: Int32Array
  /** Tickets in a chunk. */
  readonly chunk: number
  /** The main thread's ports to the workers (by shard; none to itself). */
  readonly peers: ReadonlyArray<MessagePort | undefined>
  /** Sends the plan: the workers start reading. */
  readonly begin: (plan: ReadonlyArray<Segment>) => void
  /** What the workers read, by worker (shard 1 first). */
  readonly reads: Promise<ReadonlyArray<ReadResult>>
  /** Sends a worker the lines of its shard (their memory moves to it). */
  readonly deliver: (shard: number, inputs: ReadonlyArray<Input>, read: ReadonlyArray<SegmentRead>) => void
  readonly results: Promise<ReadonlyArray<ShardResult>>
  readonly stop: () => void
}

/** A channel between each two of `threads` threads: `[i][j]` is thread i's port to thread j. @internal */
export const peersOf = (threads: number): ReadonlyArray<ReadonlyArray<MessagePort | undefined>> => {
  const peers = Array.from({ length: threads }, () => Array.from<MessagePort | undefined>({ length: threads }))
  for (let i = 0; i < threads; i++)
    for (let j = i + 1; j < threads; j++) {
      const { port1, port2 } = new MessageChannel()
      ;(peers[i] as Array<MessagePort | undefined>)[j] = port1
      ;(peers[j] as Array<MessagePort | undefined>)[i] = port2
    }
  return peers
}

/**
 * Starts `jobs − 1` worker threads on a job, before the main thread reads the agreements, so
 * their start-up overlaps it; the main thread takes shard 0 itself.
 * @internal
 */
export const startShards = (job: ShardJob, jobs: number, workerFile: string): Shards => {
  const chunk = chunkSize()
  const counters = new Int32Array(new SharedArrayBuffer((3 + 2 * jobs) * Int32Array.BYTES_PER_ELEMENT))
  const peers = peersOf(jobs)
  const workers = Array.from({ length: jobs - 1 }, (_, i) => {
    const ports = peers[i + 1] as ReadonlyArray<MessagePort | undefined>
    const task: WorkerTask = { job, shard: i + 1, shards: jobs, counters, chunk, peers: ports }
    return new Worker(workerFile, {
      workerData: { itsmKitShard: task },
      transferList: ports.filter((p) => p !== undefined)
    })
  })
  const reads: Array<Promise<ReadResult>> = []
  const results: Array<Promise<ShardResult>> = []
  for (const w of workers) {
    let read: (r: ReadResult) => void = () => undefined
    let result: (r: ShardResult) => void = () => undefined
    let fail: (e: unknown) => void = () => undefined
    const failures: Array<(e: unknown) => void> = []
    reads.push(
      new Promise<ReadResult>((resolve, reject) => {
        read = resolve
        failures.push(reject)
      })
    )
    results.push(
      new Promise<ShardResult>((resolve, reject) => {
        result = resolve
        failures.push(reject)
      })
    )
    fail = (e) => failures.forEach((f) => f(e))
    w.on('message', (m: FromWorker) =>
      'read' in m ? read(m.read) : 'ok' in m ? result(m.ok) : fail({ _tag: 'CliFailure', ...m.failure })
    )
    w.once('error', fail)
    // a worker that ends without answering is a failure, never a hang
    w.once('exit', (code) =>
      fail({
        _tag: 'CliFailure',
        kind: 'input',
        message: `a worker thread stopped (exit code ${code}) before it answered`
      })
    )
  }
  const all = <A>(ps: ReadonlyArray<Promise<A>>) => {
    const p = Promise.all(ps)
    // a failure is read where the results are awaited; until then it is not an unhandled rejection
    p.catch(() => undefined)
    return p
  }
  return {
    count: jobs,
    counters,
    chunk,
    peers: peers[0] as ReadonlyArray<MessagePort | undefined>,
    begin: (plan) => workers.forEach((w) => w.postMessage({ plan } satisfies ToWorker)),
    reads: all(reads),
    deliver: (shard, inputs, read) =>
      workers[shard - 1]?.postMessage(
        { inputs, read } satisfies ToWorker,
        inputs.flatMap((i) => transferOf(i.store))
      ),
    results: all(results),
    stop: () => {
      for (const p of peers[0] ?? []) p?.close()
      workers.forEach((w) => void w.terminate())
    }
  }
}

/**
 * The main thread's side of a shared read: it reads segments with the workers, hands each worker
 * the lines of its shard, and makes the log of shard 0 (what the lines came in is garbage once it
 * returns).
 */
const readShared = async (
  job: ShardJob,
  plan: ReadonlyArray<Segment>,
  shards: Shards,
  io: Io,
  t: Timer
): Promise<Log> => {
  t.phase('read')
  const bar = progress(io, job.quiet, totalSize(job.files))
  const { counters } = shards
  const add = counted(counters)
  const mine = await readSegments(job.files, plan, 0, shards.count, taker(counters), (bytes, lines) => {
    add(bytes, lines)
    bar.tick(Atomics.load(counters, KIB) * 1024, Atomics.load(counters, LINES))
  })
  t.phase('exchange')
  const reads = [mine, ...(await shards.reads)]
  bar.done()
  const read = reads.flatMap((r) => r.read)
  const inputsOf = (shard: number): Input[] =>
    reads.map((r) => ({ buffers: r.buffers, store: r.stores[shard] as Store }))
  for (let shard = 1; shard < shards.count; shard++) shards.deliver(shard, inputsOf(shard), read)
  t.phase('assemble')
  return assemble(job.files, plan, read, inputsOf(0), 0)
}

/**
 * The service-level report of the log: folded on the main thread, or with `shards` the threads
 * read the segments of the files between them and each folds the tickets of its shard; the main
 * thread merges the workers' accumulators into its own. The result is the same exactly (the
 * accumulators form a commutative monoid, and problems are sorted by file and line).
 * @internal
 */
export const reportOf = async (
  job: ShardJob,
  agreements: ReadonlyArray<Sla.Agreement>,
  shards: Shards | undefined,
  io: Io,
  t: Timer
) => {
  const c = combinerOf(job, agreements)
  const covered = coveredUntil(job.period, job.asOf)
  if (shards === undefined) {
    t.phase('read')
    const log = await readLogShowing(job.files, io, job.quiet)
    t.phase('fold')
    const r = fold(0, aloneOn(log, chunkSize()), agreements, c, covered)
    t.phase('result')
    return {
      report: c.result(r.accumulator),
      problems: sortProblems(job.files, r.problems),
      lines: r.lines,
      events: r.events,
      tickets: r.tickets
    }
  }
  t.phase('plan')
  // ITSM_KIT_SEGMENT_BYTES: smaller segments, for tests of the command on small logs
  const size = Number(process.env.ITSM_KIT_SEGMENT_BYTES ?? '')
  const plan = planSegments(job.files, Number.isInteger(size) && size > 0 ? size : undefined)
  shards.begin(plan)
  // the log is garbage once folded
  const own = await readShared(job, plan, shards, io, t).then((log) => {
    t.phase('fold')
    const claims = claimsOver(shards.counters, shards.peers, 0, log, shards.chunk)
    const r = fold(0, claims, agreements, c, covered, () => t.phase('others'))
    for (const p of shards.peers) p?.close()
    return r
  })
  t.phase('wait')
  const results = [own, ...(await shards.results)]
  t.phase('merge')
  const accumulator = results.reduce((acc, r) => c.merge(r.accumulator)(acc), c.empty)
  t.phase('result')
  return {
    report: c.result(accumulator),
    problems: sortProblems(
      job.files,
      results.flatMap((r) => r.problems)
    ),
    lines: own.lines,
    events: results.reduce((n, r) => n + r.events, 0),
    tickets: results.reduce((n, r) => n + r.tickets, 0),
    timings: results.flatMap((r) => r.timings ?? [])
  }
}
