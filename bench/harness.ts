/**
 * Timing with tinybench. One call of a business-time function takes from ~20 ns to seconds, far
 * below the timer's resolution at the fast end, so each tinybench iteration runs a batch of calls
 * (about 1 ms of work, at most one pass over the inputs) and reports the mean per call through
 * `overriddenDuration`. Figures are medians of those batch means, robust to other processes
 * stealing the CPU now and then.
 */
import { Bench, type FnReturnedObject } from 'tinybench'

export type Op = (x: number, y: number) => number

interface LoopState {
  i: number
  sink: number
}
type Loop = (op: Op, xs: Float64Array, ys: Float64Array, count: number, state: LoopState) => void

/**
 * A fresh copy of the batch loop per task. Compiled separately, each copy keeps its own type
 * feedback, so its call to `op` stays monomorphic and can be inlined, as it would be in an
 * application: a loop shared by all tasks would add a megamorphic call to every measurement
 * and flatten the differences near the floor.
 */
const makeLoop = (): Loop =>
  new Function(
    'op',
    'xs',
    'ys',
    'count',
    'state',
    `let i = state.i
     let s = 0
     const mask = xs.length - 1
     for (let k = 0; k < count; k++) {
       s += op(xs[i], ys[i])
       i = (i + 1) & mask
     }
     state.i = i
     state.sink += s`
  ) as Loop

/** Keeps every result alive, so no call can be optimised away. */
export let sink = 0

/** Times `op` by calls spread over the inputs, cycling; `xs.length` must be a power of two. */
export const timeCalls = (op: Op, xs: Float64Array, ys: Float64Array, count: number): number => {
  const loop = makeLoop()
  const state: LoopState = { i: 0, sink: 0 }
  const t0 = performance.now()
  loop(op, xs, ys, count, state)
  const elapsed = performance.now() - t0
  sink += state.sink
  return elapsed
}

export interface Measurement {
  /** Median of the batch means, ns per call. */
  readonly nsPerOp: number
  readonly opsPerSec: number
  /** Relative margin of error of the mean, %. */
  readonly rme: number
  readonly samples: number
  readonly batch: number
  readonly calls: number
}

export interface MeasureOptions {
  /** Time budget of the measured phase, ms. */
  readonly timeMs: number
  /** A rough cost of one call (ns), to size the batches. */
  readonly estimateNs: number
}

export const measure = (name: string, op: Op, xs: Float64Array, ys: Float64Array, o: MeasureOptions): Measurement => {
  const loop = makeLoop()
  const state: LoopState = { i: 0, sink: 0 }
  const batch = Math.max(1, Math.min(xs.length, Math.round(1e6 / o.estimateNs)))
  const sampleMs = (batch * o.estimateNs) / 1e6
  // slow peers (a call of 0.1 s or more) get fewer samples: measured, but not for minutes
  const slow = sampleMs >= 100
  const bench = new Bench({
    name,
    time: o.timeMs,
    iterations: slow ? 3 : 10,
    warmupTime: Math.min(200, o.timeMs / 2),
    warmupIterations: slow ? 1 : 10,
    throws: true
  })
  bench.add(name, (): FnReturnedObject => {
    const t0 = performance.now()
    loop(op, xs, ys, batch, state)
    const elapsed = performance.now() - t0
    return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed }
  })
  bench.runSync()
  sink += state.sink
  const r = bench.tasks[0]?.result
  if (r === undefined || r.state !== 'completed') throw new Error(`${name}: ${r?.state ?? 'no task'}`)
  const nsPerOp = r.latency.p50 * 1e6
  return {
    nsPerOp,
    opsPerSec: 1e9 / nsPerOp,
    rme: r.latency.rme,
    samples: r.latency.samplesCount,
    batch,
    calls: r.latency.samplesCount * batch
  }
}
