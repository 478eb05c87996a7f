// From log files to report accumulators, on one thread or with tickets sharded over worker threads.
import { Worker } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import { Report, type Sla, type Ticket, type Time } from '../index.js'
import { loadAgreements } from './agreements.js'
import { inputError, type Io } from './io.js'
import { addLine, checkHistories, readLog, shardOf, type Log, type Problem } from './log.js'

/** What a shard sends back. @internal */
export interface ShardResult {
  readonly accumulator: Report.Accumulator
  readonly problems: ReadonlyArray<Problem>
  readonly events: number
  readonly tickets: number
}

/** The job (plain data: it crosses to the worker threads). @internal */
export interface ShardJob {
  readonly files: ReadonlyArray<string>
  readonly agreements: string
  readonly period: Report.Period
  readonly asOf?: Time.Instant
  readonly quiet: boolean
}

const combinerOf = (job: ShardJob, agreements: ReadonlyArray<Sla.Agreement>): Report.Combiner => {
  const combiner = Report.combiner({ agreements, period: job.period, ...(job.asOf === undefined ? {} : { asOf: job.asOf }) })
  if (E.isLeft(combiner)) throw inputError(combiner.left.message)
  return combiner.right
}

/** Decodes, checks and folds the histories of a log (or of a shard of it) into an accumulator. @internal */
export const fold = (log: Log, agreements: ReadonlyArray<Sla.Agreement>, c: Report.Combiner): ShardResult => {
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
  return { accumulator, problems: checked.problems, events: checked.events, tickets: checked.tickets }
}

/** Messages from the main thread to a worker. @internal */
export type ToWorker = { readonly ids: ReadonlyArray<string>; readonly texts: ReadonlyArray<string>; readonly places: Float64Array } | { readonly done: true }
/** Messages from a worker. @internal */
export type FromWorker = { readonly ok: ShardResult } | { readonly failure: { readonly kind: 'usage' | 'input'; readonly message: string } }

/**
 * A worker thread's side: it receives the lines of its tickets, then `done`, and answers with its
 * accumulator (structured clone keeps the typed arrays).
 * @internal
 */
export const serveShard = (job: ShardJob, port: { on: (e: 'message', f: (m: ToWorker) => void) => unknown; postMessage: (m: FromWorker) => void }): void => {
  const tickets: Log['tickets'] = new Map()
  const agreements = loadAgreements(job.agreements)
  // listen at once: lines may arrive while the agreements are read
  port.on('message', (m) => {
    if ('done' in m) {
      agreements
        .then((as) => port.postMessage({ ok: fold({ files: job.files, lines: 0, tickets, problems: [] }, as, combinerOf(job, as)) }))
        .catch((e: unknown) => {
          const f = e as { kind?: unknown; message?: unknown }
          port.postMessage({ failure: { kind: f.kind === 'usage' ? 'usage' : 'input', message: typeof f.message === 'string' ? f.message : 'failed' } })
        })
      return
    }
    for (let i = 0; i < m.ids.length; i++) addLine(tickets, m.ids[i] as string, m.texts[i] as string, m.places[i] as number)
  })
}

/** Orders problems by file (in the order given), line, then message: the same for any number of threads. @internal */
export const sortProblems = (files: ReadonlyArray<string>, ps: ReadonlyArray<Problem>): ReadonlyArray<Problem> =>
  [...ps].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0))

/**
 * The service-level report of the log. With `jobs` > 1 the main thread reads the files and sends
 * each line to the worker thread of its ticket (by a hash of the ticket id); each worker decodes,
 * checks and folds its tickets and returns its accumulator; the accumulators are merged here. The
 * result equals the one-thread result exactly (the accumulators form a commutative monoid, and
 * problems are sorted by file and line).
 * @internal
 */
export const reportOf = async (job: ShardJob, agreements: ReadonlyArray<Sla.Agreement>, jobs: number, io: Io, workerFile: string) => {
  const c = combinerOf(job, agreements)
  if (jobs <= 1) {
    const log = await readLog(job.files, io, { quiet: job.quiet })
    const r = fold(log, agreements, c)
    return { report: c.result(r.accumulator), problems: sortProblems(job.files, r.problems), lines: log.lines, events: r.events, tickets: r.tickets }
  }
  const workers = Array.from({ length: jobs }, () => new Worker(workerFile, { workerData: { itsmKitShard: job } }))
  try {
    const results = workers.map(
      (w) =>
        new Promise<ShardResult>((resolve, reject) => {
          w.once('message', (m: FromWorker) => ('ok' in m ? resolve(m.ok) : reject({ _tag: 'CliFailure', ...m.failure })))
          w.once('error', reject)
          // a worker that ends without answering is a failure, never a hang
          w.once('exit', (code) => reject({ _tag: 'CliFailure', kind: 'input', message: `a worker thread stopped (exit code ${code}) before it answered` }))
        })
    )
    type Buffer = { ids: string[]; texts: string[]; places: number[] }
    const buffers: Buffer[] = workers.map(() => ({ ids: [], texts: [], places: [] }))
    const flush = (i: number) => {
      const b = buffers[i] as Buffer
      if (b.ids.length === 0) return
      const places = Float64Array.from(b.places)
      ;(workers[i] as Worker).postMessage({ ids: b.ids, texts: b.texts, places } satisfies ToWorker, [places.buffer])
      buffers[i] = { ids: [], texts: [], places: [] }
    }
    const log = await readLog(job.files, io, {
      quiet: job.quiet,
      route: (id, text, place) => {
        const i = shardOf(id, jobs)
        const b = buffers[i] as Buffer
        b.ids.push(id)
        b.texts.push(text)
        b.places.push(place)
        if (b.ids.length === 10_000) flush(i)
      }
    })
    workers.forEach((w, i) => {
      flush(i)
      w.postMessage({ done: true } satisfies ToWorker)
    })
    const shards = await Promise.all(results)
    const accumulator = shards.reduce((acc, r) => c.merge(r.accumulator)(acc), c.empty)
    return {
      report: c.result(accumulator),
      problems: sortProblems(job.files, [...log.problems, ...shards.flatMap((r) => r.problems)]),
      lines: log.lines,
      events: shards.reduce((n, r) => n + r.events, 0),
      tickets: shards.reduce((n, r) => n + r.tickets, 0)
    }
  } finally {
    for (const w of workers) void w.terminate()
  }
}
