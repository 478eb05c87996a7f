// Folding a log over several threads (`report --jobs N`): the tickets of each shard are folded a
// chunk at a time, and a thread that is done early takes the chunks left of the others' shards.
// Whichever thread folds which chunk, the merged accumulators give the report one thread gives,
// with the same problems. The threads are played here in one: their shards' logs made as the
// threads make them (test/helpers/shards.ts), the chunks shared out by a generated assignment, and
// once over the real claims (atomic counters, the logs posted over message ports).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { Report, Ticket, type Sla } from '../../src/index.js'
import { loadAgreements } from '../../src/cli/agreements.js'
import { demoAgreements, demoEvents } from '../../src/cli/demo.js'
import { readLog, type Log } from '../../src/cli/log.js'
import {
  aloneOn,
  claimsOver,
  coveredUntil,
  fold,
  peersOf,
  sortProblems,
  type Claims,
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

/** The report and the problems of folded shards, merged in the order given. */
const outcome = (results: ReadonlyArray<ShardResult>) => ({
  report: combiner.result(results.reduce((acc, r) => combiner.merge(r.accumulator)(acc), combiner.empty)),
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
  const r = fold(0, aloneOn(log, 7), agreements, combiner, covered())
  return { log, ...outcome([r]) }
}

/**
 * The claims of thread `t` when chunk k of shard s is folded by thread `owner(s, k)`: it is handed
 * exactly those chunks, in order.
 */
const assigned = (
  logs: ReadonlyArray<Log>,
  size: number,
  owner: (s: number, k: number) => number,
  t: number
): Claims => {
  const count = (s: number) => Math.ceil((logs[s] as Log).ids.length / size)
  const mine = logs.map((_, s) => Array.from({ length: count(s) }, (_, k) => k).filter((k) => owner(s, k) === t))
  const at = logs.map(() => 0)
  const next = (s: number) => (mine[s] as number[])[at[s] as number] ?? count(s)
  return {
    shards: logs.length,
    size,
    log: (s) => logs[s],
    chunks: count,
    peek: next,
    claim: (s) => {
      const k = next(s)
      at[s] = (at[s] as number) + 1
      return k
    }
  }
}

describe('folding over threads', () => {
  it('the report and its problems are one thread’s, whichever thread folds which chunk', async () => {
    const one = await alone()
    expect(one.problems.length).toBeGreaterThanOrEqual(5)
    expect(one.tickets).toBeGreaterThan(100)
    const tally = { runs: 0, chunks: 0, taken: 0, wholeShardTaken: 0, ownAll: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 500, max: 200_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        fc.nat(),
        async (shards, size, segment, picks, rotate) => {
          const { logs } = await readShared(files, shards, segment, [0, 1, 2, 3])
          // chunk k of shard s: its own thread, or the one the generated picks name
          const owner = (s: number, k: number) => {
            const p = picks[(s * 31 + k) % picks.length] as number
            return p % 3 === 0 ? s : p % shards
          }
          const results = logs.map((_, t) => fold(t, assigned(logs, size, owner, t), agreements, combiner, covered()))
          // merged in any order
          const order = results.map((_, i) => results[(i + rotate) % results.length] as ShardResult)
          const merged = outcome(order)
          expect(merged.report).toEqual(one.report)
          expect(merged.problems).toEqual(one.problems)
          expect([merged.events, merged.tickets]).toEqual([one.events, one.tickets])
          tally.runs++
          logs.forEach((log, s) => {
            const n = Math.ceil(log.ids.length / size)
            const others = Array.from({ length: n }, (_, k) => owner(s, k)).filter((t) => t !== s).length
            tally.chunks += n
            tally.taken += others
            if (n > 0 && others === n) tally.wholeShardTaken++
          })
          if (
            shards > 1 &&
            logs.every((log, s) =>
              Array.from({ length: Math.ceil(log.ids.length / size) }, (_, k) => owner(s, k)).every((t) => t === s)
            )
          )
            tally.ownAll++
        }
      ),
      { numRuns: 60, seed: 20261130 }
    )
    console.log(`folding over threads: ${JSON.stringify(tally)}`)
    // chunks taken by other threads are common, whole shards taken now and then
    expect(tally.taken / tally.chunks).toBeGreaterThan(0.2)
    expect(tally.wholeShardTaken).toBeGreaterThan(3)
    expect(tally.chunks / tally.runs).toBeGreaterThan(10)
  })

  it('over the real claims, a thread done first takes the rest of the other shards, and the others find none left', async () => {
    const one = await alone()
    const shards = 3
    const { logs } = await readShared(files, shards, 4000, [0, 1, 2])
    const counters = new Int32Array(new SharedArrayBuffer((3 + 2 * shards) * 4))
    const peers = peersOf(shards)
    // every thread has made and posted its log; thread 1 folds first, then 2, then 0
    const claims = logs.map((log, t) =>
      claimsOver(counters, peers[t] as ReadonlyArray<MessagePort | undefined>, t, log, 5)
    )
    const tookOthers: number[] = []
    const results = [1, 2, 0].map((t) =>
      fold(t, claims[t] as Claims, agreements, combiner, covered(), () => void tookOthers.push(t))
    )
    for (const ps of peers) for (const p of ps) p?.close()
    // thread 1 turned to each of the two other shards
    expect(tookOthers).toEqual([1, 1])
    // threads 2 and 0 folded nothing: only the problems of thread 0's lines without a ticket
    expect(results.slice(1).map((r) => r.tickets)).toEqual([0, 0])
    expect(results[0]?.tickets).toBe(one.tickets)
    const merged = outcome(results)
    expect(merged.report).toEqual(one.report)
    expect(merged.problems).toEqual(one.problems)
    // the logs crossed as shared memory: a line's bytes are the same bytes, not a copy
    const got = claims[1]?.log(0) as Log
    expect(got.blocks[0]?.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(got.ticketOf.buffer).toBeInstanceOf(SharedArrayBuffer)
  })

  it('a shard whose log never arrives is left to its own thread, after a bounded wait, and nothing of it is claimed', async () => {
    const { logs } = await readShared(files, 2, 4000, [0, 1])
    const counters = new Int32Array(new SharedArrayBuffer((3 + 2 * 2) * 4))
    const { port1, port2 } = new MessageChannel()
    const mine = claimsOver(counters, [undefined, port1], 0, logs[0] as Log, 5)
    // shard 1 says how many chunks it has, as its thread does once it has posted its log, but no log comes
    port2.close()
    Atomics.store(counters, 4 + 2 * 1, 3 + 1)
    const tookOthers: number[] = []
    const r = fold(0, mine, agreements, combiner, covered(), () => void tookOthers.push(1))
    port1.close()
    expect(tookOthers).toEqual([])
    expect(Atomics.load(counters, 3 + 2 * 1)).toBe(0)
    // what thread 0 folds alone, its own shard and nothing else
    const alone0 = fold(0, aloneOn(logs[0] as Log, 5), agreements, combiner, covered())
    expect([r.tickets, r.events, r.problems]).toEqual([alone0.tickets, alone0.events, alone0.problems])
    expect(r.tickets).toBeGreaterThan(10)
  })
})
