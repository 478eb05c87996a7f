// Reading a log over several threads, played in one: the shards' logs as the threads of
// `report --jobs N` make them.
import { expect } from 'vitest'
import type { Log } from '../../src/cli/log.js'
import { assemble, planSegments, readSegments, type ReadResult } from '../../src/cli/segments.js'

/** Plays `shards` threads in turn by `schedule`: each takes the next segment when its turn comes. */
export const readShared = async (
  files: ReadonlyArray<string>,
  shards: number,
  size: number,
  schedule: ReadonlyArray<number>
): Promise<{ readonly logs: ReadonlyArray<Log>; readonly segments: number; readonly readers: number }> => {
  const plan = planSegments(files, size)
  let next = 0
  // each thread reads one segment a turn: its `take` hands out the next one only on its turn
  const turns = plan.map((_, k) => (schedule[k % Math.max(1, schedule.length)] ?? 0) % shards)
  const results: ReadResult[] = []
  for (let reader = 0; reader < shards; reader++) {
    const mine = turns.flatMap((r, k) => (r === reader ? [k] : []))
    let i = 0
    results.push(await readSegments(files, plan, reader, shards, () => (i < mine.length ? (mine[i++] as number) : -1)))
    next += mine.length
  }
  expect(next).toBe(plan.length)
  const read = results.flatMap((r) => r.read)
  const logs = Array.from({ length: shards }, (_, shard) =>
    assemble(
      files,
      plan,
      read,
      results.map((r) => ({ buffers: r.buffers, store: r.stores[shard] as (typeof r.stores)[number] })),
      shard
    )
  )
  return { logs, segments: plan.length, readers: new Set(turns).size }
}
