// From log files to report accumulators, on one thread or with tickets sharded over worker threads.
import { Worker } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import { Report, Ticket, type Sla, type Time } from '../index.js'
import { loadAgreements } from './agreements.js'
import { inputError, progress, type Io } from './io.js'
import {
  eachTicket,
  readLog,
  readLogShowing,
  replayProblem,
  totalSize,
  unknownCustomer,
  type Decoded,
  type Log,
  type Problem
} from './log.js'

/** What a shard sends back. @internal */
export interface ShardResult {
  readonly accumulator: Report.Accumulator
  readonly problems: ReadonlyArray<Problem>
  readonly events: number
  readonly tickets: number
  /** Lines read (every shard reads every line). */
  readonly lines: number
}

/** The job (plain data: it crosses to the worker threads). @internal */
export interface ShardJob {
  readonly files: ReadonlyArray<string>
  readonly agreements: string
  readonly period: Report.Period
  readonly asOf?: Time.Instant
  readonly quiet: boolean
}

/** What a worker thread is given: the job and its shard of `shards`. @internal */
export interface WorkerTask {
  readonly job: ShardJob
  readonly shard: number
  readonly shards: number
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

/**
 * Decodes, checks and folds the histories of a log (or of a shard of it) into an accumulator,
 * each history replayed once. A history that lies wholly before every as-of instant, of a
 * customer with an agreement, goes to the report at once: the report replays it (its timeline)
 * with every rule checked and leaves out one that breaks a rule. Only when the report leaves one
 * out are the histories of that batch replayed here, to name the event at fault, and the batch is
 * added again without the impossible ones. Any other history (events after the as-of instant,
 * an unknown customer, not opened first) is replayed here before it is added, as `replay` does.
 * @internal
 */
export const fold = (
  log: Log,
  agreements: ReadonlyArray<Sla.Agreement>,
  c: Report.Combiner,
  covered: number
): ShardResult => {
  const customers = new Set(agreements.map((a) => a.customer))
  const problems: Problem[] = [...log.problems]
  let accumulator = c.empty
  let events = 0
  let tickets = 0
  let batch: Decoded[] = []
  const add = (list: ReadonlyArray<Decoded>) => c.addAll(list.map((d) => d.events))
  const flush = () => {
    if (batch.length === 0) return
    const next = add(batch)(accumulator)
    if (next.rejected.length === accumulator.rejected.length) accumulator = next
    else {
      const good = batch.filter((d) => {
        const replayed = Ticket.replay()(d.events)
        if (E.isRight(replayed)) return true
        problems.push(replayProblem(d, replayed.left, log.files))
        return false
      })
      accumulator = good.length === batch.length ? next : add(good)(accumulator)
    }
    batch = []
  }
  eachTicket(log, false, problems, (d) => {
    events += d.events.length
    tickets++
    const opened = d.events[0] as Ticket.TicketEvent
    let last = -Infinity
    for (const e of d.events) if (e.at > last) last = e.at
    const known = opened._tag === 'TicketOpened' && customers.has(opened.customer)
    if (!known || last > covered) {
      const replayed = Ticket.replay()(d.events)
      if (E.isLeft(replayed)) return void problems.push(replayProblem(d, replayed.left, log.files))
      if (opened._tag === 'TicketOpened' && !known) return void problems.push(unknownCustomer(d, opened, log.files))
    }
    batch.push(d)
    if (batch.length === 2000) flush()
  })
  flush()
  return { accumulator, problems, events, tickets, lines: log.lines }
}

/** Messages from a worker. @internal */
export type FromWorker =
  { readonly ok: ShardResult } | { readonly failure: { readonly kind: 'usage' | 'input'; readonly message: string } }

/**
 * A worker thread's side: it reads the files itself, keeps the lines of its shard's tickets, folds
 * them, and answers with its accumulator (structured clone keeps the typed arrays).
 * @internal
 */
export const serveShard = (task: WorkerTask, port: { postMessage: (m: FromWorker) => void }): void => {
  const { job, shard, shards } = task
  Promise.all([loadAgreements(job.agreements), readLog(job.files, { shard, shards })])
    .then(([as, log]) =>
      port.postMessage({ ok: fold(log, as, combinerOf(job, as), coveredUntil(job.period, job.asOf)) })
    )
    .catch((e: unknown) => {
      const f = e as { kind?: unknown; message?: unknown }
      port.postMessage({
        failure: {
          kind: f.kind === 'usage' ? 'usage' : 'input',
          message: typeof f.message === 'string' ? f.message : 'failed'
        }
      })
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

/** Worker threads at work on shards 1 … count − 1 of a job (the main thread takes shard 0): their results, and a way to stop them. @internal */
export interface Shards {
  readonly count: number
  readonly results: Promise<ReadonlyArray<ShardResult>>
  readonly stop: () => void
}

/**
 * Starts `jobs − 1` worker threads on a job, before the main thread reads the agreements, so
 * their start-up overlaps it; the main thread takes the first shard itself. Each reads the files
 * itself, keeps the lines of the tickets of its shard (by a hash of the ticket id), and decodes,
 * checks and folds them.
 * @internal
 */
export const startShards = (job: ShardJob, jobs: number, workerFile: string): Shards => {
  const workers = Array.from(
    { length: jobs - 1 },
    (_, i) =>
      new Worker(workerFile, { workerData: { itsmKitShard: { job, shard: i + 1, shards: jobs } satisfies WorkerTask } })
  )
  const results = Promise.all(
    workers.map(
      (w) =>
        new Promise<ShardResult>((resolve, reject) => {
          w.once('message', (m: FromWorker) =>
            'ok' in m ? resolve(m.ok) : reject({ _tag: 'CliFailure', ...m.failure })
          )
          w.once('error', reject)
          // a worker that ends without answering is a failure, never a hang
          w.once('exit', (code) =>
            reject({
              _tag: 'CliFailure',
              kind: 'input',
              message: `a worker thread stopped (exit code ${code}) before it answered`
            })
          )
        })
    )
  )
  // a failure is read where the results are awaited; until then it is not an unhandled rejection
  results.catch(() => undefined)
  return { count: jobs, results, stop: () => workers.forEach((w) => void w.terminate()) }
}

/**
 * The service-level report of the log: folded on the main thread, or with `shards` the main
 * thread folds the first shard and merges the worker threads' accumulators into it. The result
 * is the same exactly (the accumulators form a commutative monoid, and problems are sorted by
 * file and line).
 * @internal
 */
export const reportOf = async (
  job: ShardJob,
  agreements: ReadonlyArray<Sla.Agreement>,
  shards: Shards | undefined,
  io: Io
) => {
  const c = combinerOf(job, agreements)
  const covered = coveredUntil(job.period, job.asOf)
  if (shards === undefined) {
    const log = await readLogShowing(job.files, io, job.quiet)
    const r = fold(log, agreements, c, covered)
    return {
      report: c.result(r.accumulator),
      problems: sortProblems(job.files, r.problems),
      lines: r.lines,
      events: r.events,
      tickets: r.tickets
    }
  }
  const bar = progress(io, job.quiet, totalSize(job.files))
  const log = await readLog(job.files, { shard: 0, shards: shards.count, tick: bar.tick })
  bar.done()
  const results = [fold(log, agreements, c, covered), ...(await shards.results)]
  const accumulator = results.reduce((acc, r) => c.merge(r.accumulator)(acc), c.empty)
  return {
    report: c.result(accumulator),
    problems: sortProblems(
      job.files,
      results.flatMap((r) => r.problems)
    ),
    lines: results[0]?.lines ?? 0,
    events: results.reduce((n, r) => n + r.events, 0),
    tickets: results.reduce((n, r) => n + r.tickets, 0)
  }
}
