// Reading a log over several threads, played in one: the threads' logs as the threads of
// `report --jobs N` make them, and the tickets across them as each thread sees them.
import { expect } from 'vitest'
import type { Tickets } from '../../src/cli/log.js'
import {
  placesOf,
  planSegments,
  readSegments,
  ticketsAcross,
  type Places,
  type ReadResult,
  type Segment,
  type SegmentRead
} from '../../src/cli/segments.js'

/** What the threads read, played in turn by `schedule`: each takes the next segment when its turn comes. */
export interface SharedRead {
  readonly plan: ReadonlyArray<Segment>
  readonly results: ReadonlyArray<ReadResult>
  /** What was found in each segment, by every thread. */
  readonly read: ReadonlyArray<SegmentRead>
  readonly places: Places
  readonly tickets: Tickets
  readonly segments: number
  /** Threads that read at least one segment. */
  readonly readers: number
}

export const readShared = async (
  files: ReadonlyArray<string>,
  threads: number,
  size: number,
  schedule: ReadonlyArray<number>
): Promise<SharedRead> => {
  const plan = planSegments(files, size)
  const turns = plan.map((_, k) => (schedule[k % Math.max(1, schedule.length)] ?? 0) % threads)
  const results: ReadResult[] = []
  let taken = 0
  for (let reader = 0; reader < threads; reader++) {
    const mine = turns.flatMap((r, k) => (r === reader ? [k] : []))
    let i = 0
    results.push(await readSegments(files, plan, () => (i < mine.length ? (mine[i++] as number) : -1)))
    taken += mine.length
  }
  expect(taken).toBe(plan.length)
  const read = results.flatMap((r) => r.read)
  const places = placesOf(files, plan, read)
  return {
    plan,
    results,
    read,
    places,
    tickets: ticketsAcross(results, files, places.place),
    segments: plan.length,
    readers: new Set(turns).size
  }
}
