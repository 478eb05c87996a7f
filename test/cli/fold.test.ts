// Folding a log over several threads (`report --jobs N`): the threads read the segments into logs
// of their own, then fold the tickets across all the logs a chunk at a time, each chunk claimed
// by one thread. Whichever thread read which segment and folds which chunk, the merged
// accumulators give the report one thread gives, with the same problems. The threads are played
// here in one: their logs made as the threads make them (test/helpers/shards.ts), the chunks
// shared out by a generated assignment, and once over the real claims (an atomic counter, the
// logs posted over message ports).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { Report, Ticket, type Sla } from '../../src/index.js'
import { loadAgreements } from '../../src/cli/agreements.js'
import { demoAgreements, demoEvents } from '../../src/cli/demo.js'
import { readLog, ticketsOf } from '../../src/cli/log.js'
import {
  counter,
  coveredUntil,
  fold,
  foldShared,
  handOverFrom,
  sharedOf,
  sortProblems,
  startShards,
  WORKER_YOUNG_MB,
  type SharedLog,
  type ShardJob,
  type ShardResult
} from '../../src/cli/pipeline.js'
import { readShared } from '../helpers/shards.js'

const dir = mkdtempSync(join(tmpdir(), 'itsm-fold-'))
const period: Report.Period = { _tag: 'Month', year: 2026, month: 3 }
let agreements: ReadonlyArray<Sla.Agreement> = []
let files: ReadonlyArray<string> = []
let combiner: Report.Combiner

beforeAll(async () => {
  // the demo month, then the broken fixture log: unreadable lines, impossible histories, an unknown customer
  const demo = demoEvents()
    .map((e) => JSON.stringify(Ticket.encodeEvent(e)))
    .join('\n')
  const broken = readFileSync(new URL('../fixtures/cli/broken.ndjson', import.meta.url), 'utf8')
  files = [join(dir, 'demo.ndjson'), join(dir, 'broken.ndjson')]
  writeFileSync(files[0] as string, demo + '\n')
  writeFileSync(files[1] as string, broken)
  const file = join(dir, 'agreements.json')
  writeFileSync(file, JSON.stringify({ agreements: demoAgreements() }))
  agreements = await loadAgreements(file)
  const c = Report.combiner({ agreements, period })
  if (E.isLeft(c)) throw new Error(c.left.message)
  combiner = c.right
})

const covered = () => coveredUntil(period, undefined)

/** The report and the problems of folded threads, merged in the order given (with accumulators handed over before). */
const outcome = (results: ReadonlyArray<ShardResult>, parts: ReadonlyArray<Report.Accumulator> = []) => ({
  report: combiner.result(
    [...parts, ...results.map((r) => r.accumulator)].reduce((acc, a) => combiner.merge(a)(acc), combiner.empty)
  ),
  problems: sortProblems(
    files,
    results.flatMap((r) => r.problems)
  ),
  events: results.reduce((n, r) => n + r.events, 0),
  tickets: results.reduce((n, r) => n + r.tickets, 0)
})

/** One thread alone, as `--jobs 1` folds. */
const alone = async () => {
  const log = await readLog(files)
  const r = fold(ticketsOf(log, false), files, log.problems, counter(), 7, agreements, combiner, covered())
  return { log, ...outcome([r]) }
}

describe('folding over threads', () => {
  it('the report and its problems are one thread’s, whichever thread read which segment, folds which chunk, and hands over its accumulator', async () => {
    const one = await alone()
    expect(one.problems.length).toBeGreaterThanOrEqual(5)
    expect(one.tickets).toBeGreaterThan(100)
    const tally = { runs: 0, chunks: 0, threads: 0, idle: 0, split: 0, handedOver: 0, foldedAfter: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 500, max: 200_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        fc.nat(),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        async (threads, size, segment, schedule, picks, rotate, handing) => {
          const { results: reads, places, tickets } = await readShared(files, threads, segment, schedule)
          const chunks = Math.ceil(tickets.count / size)
          // chunk k is folded by the thread the generated picks name
          const owner = (k: number) => (picks[k % picks.length] as number) % threads
          const parts: Report.Accumulator[] = []
          const results = reads.map((r, t) => {
            const mine = Array.from({ length: chunks }, (_, k) => k).filter((k) => owner(k) === t)
            let i = 0
            const claim = () => mine[i++] ?? chunks
            const own = [...r.log.problems.map(places.relocate), ...(t === 0 ? places.long : [])]
            let between = 0
            let handed = 0
            const handOver = (a: Report.Accumulator) => {
              parts.push(a)
              tally.handedOver++
              // a thread hands over once, on claiming one of the last chunks, then folds it
              expect(mine[i - 1]).toBeGreaterThanOrEqual(handOverFrom(chunks))
              expect(++handed).toBe(1)
              between = 0
            }
            const hooks = handing[t] === true ? { handOver, between: () => void between++ } : {}
            const result = fold(tickets, files, own, claim, size, agreements, combiner, covered(), hooks)
            if (handed > 0 && between > 0) tally.foldedAfter++
            return result
          })
          // merged in any order
          const merged = outcome(
            results.map((_, i) => results[(i + rotate) % results.length] as ShardResult),
            parts
          )
          expect(merged.report).toEqual(one.report)
          expect(merged.problems).toEqual(one.problems)
          expect([merged.events, merged.tickets]).toEqual([one.events, one.tickets])
          tally.runs++
          tally.chunks += chunks
          tally.threads += threads
          tally.idle += results.filter((r) => r.tickets === 0).length
          if (results.filter((r) => r.tickets > 0).length > 1) tally.split++
        }
      ),
      { numRuns: 60, seed: 20261130 }
    )
    console.log(`folding over threads: ${JSON.stringify(tally)}`)
    // the tickets are shared out among several threads in most runs, and a thread folds none now and then
    expect(tally.split / tally.runs).toBeGreaterThan(0.5)
    expect(tally.idle).toBeGreaterThan(3)
    expect(tally.chunks / tally.runs).toBeGreaterThan(10)
    // accumulators handed over, and chunks folded after a hand-over, are common
    expect(tally.handedOver).toBeGreaterThan(20)
    expect(tally.foldedAfter).toBeGreaterThan(20)
  })

  it('hands over once, on claiming one of the last 4 % of the chunks (at least 4)', () => {
    expect([1, 4, 5, 25, 100, 200, 1000].map(handOverFrom)).toEqual([-3, 0, 1, 21, 96, 192, 960])
  })

  it('over the real claims and logs posted between threads, a thread done first leaves the others none', async () => {
    const one = await alone()
    const threads = 3
    const { plan, results: reads, read } = await readShared(files, threads, 4000, [0, 1, 2])
    // each thread's log crosses to the others as the threads post it
    const { port1, port2 } = new MessageChannel()
    const posted = reads.map((r): SharedLog => {
      port1.postMessage(sharedOf(r))
      return receiveMessageOnPort(port2)?.message as SharedLog
    })
    port1.close()
    const job: ShardJob = { files, agreements: '', period, quiet: true }
    const task = { counters: new Int32Array(new SharedArrayBuffer(4 * 4)), chunk: 5 }
    // thread 1 folds first, then 2, then 0
    const results = [1, 2, 0].map((t) =>
      foldShared(
        job,
        plan,
        t,
        reads[t] as (typeof reads)[number],
        posted.map((l, i) => (i === t ? undefined : l)),
        read,
        task,
        agreements,
        combiner
      )
    )
    expect(results.map((r) => r.tickets)).toEqual([one.tickets, 0, 0])
    expect(results.map((r) => r.lines)).toEqual([one.log.lines, one.log.lines, one.log.lines])
    const merged = outcome(results)
    expect(merged.report).toEqual(one.report)
    expect(merged.problems).toEqual(one.problems)
    // the logs crossed as shared memory: a line's bytes are the same bytes, not a copy
    expect(posted[0]?.log.blocks[0]?.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(posted[0]?.log.ticketOf.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(posted[0]?.grouping.order.buffer).toBeInstanceOf(SharedArrayBuffer)
  })

  it('starts each worker thread with a young generation of at most WORKER_YOUNG_MB MiB, whatever Node would give it', async () => {
    // a stand-in worker that answers with the limits it was started with, as a failure the main thread reports
    const worker = join(dir, 'limits-worker.cjs')
    writeFileSync(
      worker,
      `const { workerData, resourceLimits } = require('node:worker_threads')
workerData.itsmKitShard.port.postMessage({ failure: { kind: 'input', message: JSON.stringify(resourceLimits) } })`
    )
    const job: ShardJob = { files, agreements: '', period, quiet: true }
    const limits = async (...young: [] | [number]) => {
      const shards = startShards(job, 2, worker, ...young)
      try {
        const failure = await shards.reads.then(
          () => undefined,
          (e: unknown) => e as { message: string }
        )
        return JSON.parse(failure?.message ?? '{}') as { maxYoungGenerationSizeMb?: number }
      } finally {
        shards.stop()
      }
    }
    // 48 MiB is Node 20's own default, so a limit of another size shows the option reaches the thread
    expect((await limits(40)).maxYoungGenerationSizeMb).toBe(40)
    expect(WORKER_YOUNG_MB).toBe(48)
    expect((await limits()).maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_MB)
  })
})
