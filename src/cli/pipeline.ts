// From log files to report accumulators, on one thread or sharded over worker threads.
import { Worker } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import { Report, type Ticket, type Time } from '../index.js'
import { loadAgreements } from './agreements.js'
import { inputError, type Io } from './io.js'
import { checkHistories, readLog, type Problem } from './log.js'

/** What a shard sends back. @internal */
export interface ShardResult {
  readonly accumulator: Report.Accumulator
  readonly problems: ReadonlyArray<Problem>
  readonly lines: number
  readonly events: number
  readonly tickets: number
  readonly lastAt: number | undefined
}

/** The job of one shard (plain data: it crosses to a worker thread). @internal */
export interface ShardJob {
  readonly files: ReadonlyArray<string>
  readonly agreements: string
  readonly period: Report.Period
  readonly asOf?: Time.Instant
  readonly shard?: { readonly index: number; readonly count: number }
  readonly quiet: boolean
}

/** Reads, checks and accumulates the histories of one shard (or of everything). @internal */
export const runShard = async (job: ShardJob, io: Io): Promise<ShardResult> => {
  const agreements = await loadAgreements(job.agreements)
  const combiner = Report.combiner({ agreements, period: job.period, trusted: true, ...(job.asOf === undefined ? {} : { asOf: job.asOf }) })
  if (E.isLeft(combiner)) throw inputError(combiner.left.message)
  const log = await readLog(job.files, io, { quiet: job.quiet, ...(job.shard === undefined ? {} : { shard: job.shard }) })
  const c = combiner.right
  // fold the histories in batches as they are checked: none is kept after it is added
  let accumulator = c.empty
  let batch: Array<ReadonlyArray<Ticket.TicketEvent>> = []
  const checked = checkHistories(log, agreements, (h) => {
    batch.push(h.events)
    if (batch.length === 2000) {
      accumulator = c.addAll(batch)(accumulator)
      batch = []
    }
  })
  accumulator = c.addAll(batch)(accumulator)
  return {
    accumulator,
    problems: checked.problems,
    lines: log.lines,
    events: checked.events,
    tickets: checked.tickets,
    lastAt: checked.lastAt
  }
}

/** Orders problems by file (in the order given), line, then message: the same for any number of threads. @internal */
export const sortProblems = (files: ReadonlyArray<string>, ps: ReadonlyArray<Problem>): ReadonlyArray<Problem> =>
  [...ps].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0))

/**
 * The service-level report of the log: with `jobs` > 1 every worker thread reads the files,
 * keeps the tickets of its shard (by a hash of the ticket id) and returns its accumulator; the
 * accumulators are merged here. The result equals the one-thread result exactly.
 * @internal
 */
export const reportOf = async (job: ShardJob, jobs: number, io: Io, workerFile: string) => {
  const agreements = await loadAgreements(job.agreements)
  const combiner = Report.combiner({ agreements, period: job.period, trusted: true, ...(job.asOf === undefined ? {} : { asOf: job.asOf }) })
  if (E.isLeft(combiner)) throw inputError(combiner.left.message)
  const c = combiner.right
  let results: ReadonlyArray<ShardResult>
  if (jobs <= 1) results = [await runShard(job, io)]
  else
    results = await Promise.all(
      Array.from(
        { length: jobs },
        (_, index) =>
          new Promise<ShardResult>((resolve, reject) => {
            const worker = new Worker(workerFile, { workerData: { itsmKitShard: { ...job, shard: { index, count: jobs } } } })
            worker.once('message', (m: { readonly ok: ShardResult } | { readonly failure: { readonly kind: 'usage' | 'input'; readonly message: string } }) =>
              'ok' in m ? resolve(m.ok) : reject({ _tag: 'CliFailure', ...m.failure })
            )
            worker.once('error', reject)
          })
      )
    )
  const accumulator = results.reduce((acc, r) => c.merge(r.accumulator)(acc), c.empty)
  return {
    report: c.result(accumulator),
    problems: sortProblems(job.files, results.flatMap((r) => r.problems)),
    lines: results[0]?.lines ?? 0,
    events: results.reduce((n, r) => n + r.events, 0),
    tickets: results.reduce((n, r) => n + r.tickets, 0)
  }
}
