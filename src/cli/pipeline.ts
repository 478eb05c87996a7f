// From log files to report accumulators, on one thread or with tickets sharded over worker threads.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import { Report, Ticket, type Sla, type Time } from '../index.js'
import { loadAgreements } from './agreements.js'
import { inputError, progress, usageError, type Io } from './io.js'
import { timer, timingWanted, type Phase, type Timer } from './timing.js'
import {
  placesOf,
  planSegments,
  readSegments,
  ticketsAcross,
  type ReadResult,
  type Segment,
  type SegmentRead
} from './segments.js'
import {
  readLogShowing,
  replayProblem,
  ticketsOf,
  totalSize,
  unknownCustomer,
  type Decoded,
  type Grouping,
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
 * What a worker thread is given: the job, its number of `shards` threads (the main thread is 0),
 * the counters shared by the threads, the tickets in a chunk, and its port to the main thread
 * (every message goes through it, so the main thread can take the worker's messages while it folds).
 * @internal
 */
export interface WorkerTask {
  readonly job: ShardJob
  readonly shard: number
  readonly shards: number
  readonly counters: Int32Array
  readonly chunk: number
  readonly port: MessagePort
}

const combinerOf = (job: ShardJob, agreements: ReadonlyArray<Sla.Agreement>): Report.Combiner => {
  const combiner = Report.combiner({
    agreements,
    period: job.period,
    ...(job.asOf === undefined ? {} : { asOf: job.asOf })
  })
  if (E.isLeft(combiner))
    // a period the report cannot take (month 13, week 53 of a year without one) is a bad --period
    throw combiner.left.message.startsWith('period')
      ? usageError(`--${combiner.left.message}`)
      : inputError(combiner.left.message)
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

/** The tickets in a chunk: {@link CHUNK}, or fewer for tests of the command on small logs. */
const chunkSize = (): number => {
  const n = Number(process.env.ITSM_KIT_CHUNK_TICKETS ?? '')
  return Number.isInteger(n) && n > 0 ? n : CHUNK
}

/** Hands out chunks 0, 1, 2, … to one thread alone. @internal */
export const counter = (): (() => number) => {
  let next = 0
  return () => next++
}

/**
 * What a thread does between chunks of a fold: `between` after each chunk; with `handOver`, once
 * it claims one of the last chunks ({@link handOverFrom}), it gives away the accumulator so far
 * and goes on from an empty one, so that what it has folded can cross to another thread while
 * both still fold.
 * @internal
 */
export interface FoldHooks {
  readonly between?: () => void
  readonly handOver?: (a: Report.Accumulator) => void
}

/** The chunk from which a worker hands over its accumulator: the last 4 %, at least 4 chunks, are left. @internal */
export const handOverFrom = (chunks: number): number => chunks - Math.max(4, Math.ceil(chunks / 25))

/**
 * Decodes, checks and folds histories into an accumulator, each history replayed once: the
 * chunks of `size` tickets that `claim` hands this thread (each chunk is claimed by one thread, so
 * threads that share a claim counter fold every ticket once between them), with `problems`, the
 * problems of lines without a ticket that are this thread's to report.
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
  tickets: Tickets,
  files: ReadonlyArray<string>,
  lineProblems: ReadonlyArray<Problem>,
  claim: () => number,
  size: number,
  agreements: ReadonlyArray<Sla.Agreement>,
  c: Report.Combiner,
  covered: number,
  hooks: FoldHooks = {}
): ShardResult => {
  const customers = new Set(agreements.map((a) => a.customer))
  const problems: Problem[] = [...lineProblems]
  let accumulator = c.empty
  let events = 0
  let count = 0
  /** Whether a history goes to the report (else its problem is reported here). */
  const admitted = (d: Decoded): boolean => {
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
  const chunk = (from: number, to: number) => {
    const given: number[] = []
    const histories: Iterable<ReadonlyArray<Ticket.TicketEvent>> = {
      *[Symbol.iterator]() {
        for (let k = from; k < to; k++) {
          const d = tickets.decode(k, problems)
          if (d === undefined) continue
          events += d.events.length
          count++
          if (!admitted(d)) continue
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
  const chunks = Math.ceil(tickets.count / size)
  const from = handOverFrom(chunks)
  let handOver = hooks.handOver
  for (let k = claim(); k < chunks; k = claim()) {
    if (handOver !== undefined && k >= from) {
      handOver(accumulator)
      accumulator = c.empty
      handOver = undefined
    }
    chunk(k * size, Math.min(tickets.count, (k + 1) * size))
    hooks.between?.()
  }
  return { accumulator, problems, events, tickets: count }
}

/**
 * Messages from a worker: what it read, then perhaps the accumulator of most of its chunks (handed
 * over while the main thread still folds), then its result or why it failed.
 * @internal
 */
export type FromWorker =
  | { readonly read: ReadResult }
  | { readonly part: Report.Accumulator }
  | { readonly ok: ShardResult }
  | { readonly failure: { readonly kind: 'usage' | 'input'; readonly message: string } }

/** A thread's log as the others see it: its lines by ticket, without its problems (they stay its own). @internal */
export interface SharedLog {
  readonly log: Log
  readonly grouping: Grouping
}

/**
 * Messages to a worker: the segments to read, then the other threads' logs (by thread; its own is
 * left out) and what every thread found in each segment.
 * @internal
 */
export type ToWorker =
  | { readonly plan: ReadonlyArray<Segment> }
  | { readonly logs: ReadonlyArray<SharedLog | undefined>; readonly read: ReadonlyArray<SegmentRead> }

/** The counters the threads share: the next segment to read, KiB read, lines read, the next chunk of tickets to fold. */
const NEXT = 0
const KIB = 1
const LINES = 2
const CLAIMED = 3
const COUNTERS = 4

/** A thread's log as it gives it to the others. @internal */
export const sharedOf = (r: ReadResult): SharedLog => ({ log: { ...r.log, problems: [] }, grouping: r.grouping })
/** Another thread's log as received: its memory is the same, its blocks arrive as plain byte arrays over it. */
const received = (l: SharedLog): SharedLog => ({
  ...l,
  log: { ...l.log, blocks: l.log.blocks.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)) }
})

/** The next segment not yet taken by any thread. */
const taker = (counters: Int32Array) => () => Atomics.add(counters, NEXT, 1)

/** Adds a segment read to the shared counters. */
const counted = (counters: Int32Array) => (bytes: number, lines: number) => {
  Atomics.add(counters, KIB, Math.round(bytes / 1024))
  Atomics.add(counters, LINES, lines)
}

/**
 * One thread's fold over the logs of all the threads (its own `mine`, the others' as shared), once
 * every segment is read: the tickets of all the logs, in chunks claimed from the shared counter;
 * the thread reports the problems of its own lines without a ticket (thread 0 also the lines too
 * long to hold).
 * @internal
 */
export const foldShared = (
  job: ShardJob,
  plan: ReadonlyArray<Segment>,
  shard: number,
  mine: ReadResult,
  logs: ReadonlyArray<SharedLog | undefined>,
  read: ReadonlyArray<SegmentRead>,
  task: { readonly counters: Int32Array; readonly chunk: number },
  agreements: ReadonlyArray<Sla.Agreement>,
  c: Report.Combiner,
  hooks: FoldHooks = {}
): ShardResult & { readonly lines: number } => {
  const places = placesOf(job.files, plan, read)
  const all = logs.map((l, i) => (i === shard ? mine : received(l as SharedLog)))
  const tickets = ticketsAcross(all, job.files, places.place)
  const own = [...mine.log.problems.map(places.relocate), ...(shard === 0 ? places.long : [])]
  const claim = () => Atomics.add(task.counters, CLAIMED, 1)
  const covered = coveredUntil(job.period, job.asOf)
  return { ...fold(tickets, job.files, own, claim, task.chunk, agreements, c, covered, hooks), lines: places.lines }
}

/**
 * A worker thread's side: once the main thread has planned the segments, it reads segments until
 * none is left and sends its log to the main thread; then it reads the agreements (while the main
 * thread hands out the logs: a worker that starts later than the main thread reads its share of
 * the log first), and once given the others' logs folds the chunks of tickets it claims into an
 * accumulator, which it sends back (structured clone keeps the typed arrays).
 * @internal
 */
export const serveShard = (task: WorkerTask, port: MessagePort): void => {
  const { job, shard, counters } = task
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
    // the agreements file is read while the thread reads the log; it is checked after
    const agreements = loadAgreements(job.agreements)
    agreements.catch(() => undefined)
    t.phase('plan')
    const planned = await next()
    if (!('plan' in planned)) throw inputError('a worker thread was sent no plan')
    t.phase('read')
    const mine = await readSegments(job.files, planned.plan, taker(counters), counted(counters))
    port.postMessage({ read: { ...sharedOf(mine), read: mine.read } } satisfies FromWorker)
    t.phase('agreements')
    const as = await agreements
    const c = combinerOf(job, as)
    t.phase('exchange')
    const given = await next()
    if (!('logs' in given)) throw inputError('a worker thread was sent no logs')
    t.phase('fold')
    const handOver = (part: Report.Accumulator) => {
      port.postMessage({ part } satisfies FromWorker)
      t.phase('handed over')
    }
    const { lines: _, ...r } = foldShared(job, planned.plan, shard, mine, given.logs, given.read, task, as, c, {
      handOver
    })
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

/** Worker threads at work on a job with the main thread (thread 0). @internal */
export interface Shards {
  readonly count: number
  /** Shared with the workers: the next segment, KiB read, lines read, the next chunk of tickets. */
  readonly counters: Int32Array
  /** Tickets in a chunk. */
  readonly chunk: number
  /** Sends the plan: the workers start reading. */
  readonly begin: (plan: ReadonlyArray<Segment>) => void
  /** What the workers read, by worker (thread 1 first). */
  readonly reads: Promise<ReadonlyArray<ReadResult>>
  /** Sends every worker the others' logs and what was found in each segment: they start folding. */
  readonly deliver: (logs: ReadonlyArray<SharedLog>, read: ReadonlyArray<SegmentRead>) => void
  /** Takes the workers' messages that have come, at once (while the main thread folds). */
  readonly poll: () => void
  /** The accumulators the workers handed over before their results. */
  readonly parts: ReadonlyArray<Report.Accumulator>
  readonly results: Promise<ReadonlyArray<ShardResult>>
  readonly stop: () => void
}

/**
 * The most memory, in MiB, a worker thread's young generation (where new objects are made) may
 * take: Node 20's and 22's default. Node 24 lets a worker's grow to 192 MiB, and then two threads
 * of `report --jobs 2` held 3.1× the log text at their peak instead of 2.7×, for no gain in speed
 * (docs/performance.md).
 * @internal
 */
export const WORKER_YOUNG_MB = 48

/**
 * Starts `jobs − 1` worker threads on a job, before the main thread reads the agreements, so
 * their start-up overlaps it; the main thread is thread 0. Each worker talks to the main thread
 * over a channel of its own, which the main thread can read at once between chunks of its fold.
 * Each worker's young generation may take `youngMb` MiB ({@link WORKER_YOUNG_MB}).
 * @internal
 */
export const startShards = (job: ShardJob, jobs: number, workerFile: string, youngMb = WORKER_YOUNG_MB): Shards => {
  const chunk = chunkSize()
  const counters = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT))
  const parts: Report.Accumulator[] = []
  const workers = Array.from({ length: jobs - 1 }, (_, i) => {
    const { port1, port2 } = new MessageChannel()
    const task: WorkerTask = { job, shard: i + 1, shards: jobs, counters, chunk, port: port2 }
    const worker = new Worker(workerFile, {
      workerData: { itsmKitShard: task },
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: youngMb }
    })
    return { worker, port: port1 }
  })
  const reads: Array<Promise<ReadResult>> = []
  const results: Array<Promise<ShardResult>> = []
  const handlers: Array<(m: FromWorker) => void> = []
  for (const { worker, port } of workers) {
    let read: (r: ReadResult) => void = () => undefined
    let result: (r: ShardResult) => void = () => undefined
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
    const fail = (e: unknown) => failures.forEach((f) => f(e))
    const handle = (m: FromWorker) =>
      'read' in m
        ? read(m.read)
        : 'part' in m
          ? void parts.push(m.part)
          : 'ok' in m
            ? result(m.ok)
            : fail({ _tag: 'CliFailure', ...m.failure })
    handlers.push(handle)
    port.on('message', handle)
    worker.once('error', fail)
    // a worker that ends without answering is a failure, never a hang
    worker.once('exit', (code) =>
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
    begin: (plan) => workers.forEach((w) => w.port.postMessage({ plan } satisfies ToWorker)),
    reads: all(reads),
    deliver: (logs, read) =>
      workers.forEach((w, i) =>
        w.port.postMessage({ logs: logs.map((l, j) => (j === i + 1 ? undefined : l)), read } satisfies ToWorker)
      ),
    poll: () =>
      workers.forEach((w, i) => {
        for (let m = receiveMessageOnPort(w.port); m !== undefined; m = receiveMessageOnPort(w.port))
          (handlers[i] as (m: FromWorker) => void)(m.message as FromWorker)
      }),
    parts,
    results: all(results),
    stop: () =>
      workers.forEach((w) => {
        w.port.close()
        void w.worker.terminate()
      })
  }
}

/**
 * The service-level report of the log: folded on the main thread, or with `shards` the threads
 * read the segments of the files between them, each into a log of its own, then fold the tickets
 * of all the logs a chunk at a time; the main thread merges the workers' accumulators into its
 * own. The result is the same exactly (the accumulators form a commutative monoid, and problems
 * are sorted by file and line).
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
  if (shards === undefined) {
    t.phase('read')
    const log = await readLogShowing(job.files, io, job.quiet)
    t.phase('fold')
    const r = fold(
      ticketsOf(log, false),
      log.files,
      log.problems,
      counter(),
      chunkSize(),
      agreements,
      c,
      coveredUntil(job.period, job.asOf)
    )
    t.phase('result')
    return {
      report: c.result(r.accumulator),
      problems: sortProblems(job.files, r.problems),
      lines: log.lines,
      events: r.events,
      tickets: r.tickets
    }
  }
  t.phase('plan')
  // ITSM_KIT_SEGMENT_BYTES: smaller segments, for tests of the command on small logs
  const size = Number(process.env.ITSM_KIT_SEGMENT_BYTES ?? '')
  const plan = planSegments(job.files, Number.isInteger(size) && size > 0 ? size : undefined)
  shards.begin(plan)
  t.phase('read')
  const { counters } = shards
  const bar = progress(io, job.quiet, totalSize(job.files))
  const add = counted(counters)
  const mine = await readSegments(job.files, plan, taker(counters), (bytes, lines) => {
    add(bytes, lines)
    bar.tick(Atomics.load(counters, KIB) * 1024, Atomics.load(counters, LINES))
  })
  t.phase('exchange')
  const reads = [mine, ...(await shards.reads)]
  bar.done()
  const read = reads.flatMap((r) => r.read)
  const logs = reads.map(sharedOf)
  shards.deliver(logs, read)
  t.phase('fold')
  const own = foldShared(job, plan, 0, mine, logs, read, shards, agreements, c, { between: shards.poll })
  t.phase('wait')
  const results = [own, ...(await shards.results)]
  t.phase('merge')
  const accumulator = [...shards.parts, ...results.slice(1).map((r) => r.accumulator)].reduce(
    (acc, a) => c.merge(a)(acc),
    own.accumulator
  )
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
