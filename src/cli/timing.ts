// Phase timings of `report` (and its worker threads), for finding the serial part of --jobs N:
// the wall clock and the thread's own CPU time of each phase, printed on standard error at the
// end. Off unless the environment variable ITSM_KIT_TIMING is set to something other than ''.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/** One phase of one thread: wall-clock instants (ms since the epoch) and the thread's CPU time in it (ms). @internal */
export interface Phase {
  readonly thread: string
  readonly name: string
  readonly start: number
  readonly end: number
  readonly cpu: number
}

/** Timings are wanted (ITSM_KIT_TIMING set and not empty). @internal */
export const timingWanted = (): boolean => (process.env.ITSM_KIT_TIMING ?? '') !== ''

/**
 * CPU time of the calling thread alone in ms (user + system, from /proc/thread-self/stat, in
 * ticks of 10 ms), or NaN where that file does not exist. `process.cpuUsage` counts every thread
 * of the process, V8's garbage collector and compiler threads included.
 */
const threadCpu = (): number => {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

const now = () => performance.timeOrigin + performance.now()

/** Marks the phases of a thread. @internal */
export interface Timer {
  /** Ends the current phase and starts the next one. */
  readonly phase: (name: string) => void
  /** Ends the current phase; the phases so far. */
  readonly done: () => ReadonlyArray<Phase>
}

const off: Timer = { phase: () => undefined, done: () => [] }

/**
 * A timer for the calling thread; its first phase, `boot`, runs from `performance.timeOrigin`
 * (the process's start, in worker threads too on Node 20) to now: its CPU time is the thread's
 * own since it started. Does nothing unless `on`.
 * @internal
 */
export const timer = (thread: string, on: boolean): Timer => {
  if (!on) return off
  const phases: Phase[] = []
  let name = 'boot'
  let start = performance.timeOrigin
  let cpu = 0
  const close = () => {
    const t = now()
    const c = threadCpu()
    phases.push({ thread, name, start, end: t, cpu: c - cpu })
    start = t
    cpu = c
  }
  return {
    phase: (next) => {
      close()
      name = next
    },
    done: () => {
      close()
      name = 'after'
      return phases
    }
  }
}

/**
 * The phases as a table: when each starts (ms after the process started), its wall time and its
 * thread's CPU time; then the CPU time of every thread of the process against the sum of the
 * JavaScript threads' (the rest is V8's helper threads: garbage collection, compilation).
 * @internal
 */
export const timingTable = (phases: ReadonlyArray<Phase>, processCpuMs: number): string => {
  const origin = performance.timeOrigin
  const ms = (n: number) => (Number.isNaN(n) ? '?' : Math.round(n).toString()).padStart(7)
  const rows = phases.map(
    (p) => `${p.thread.padEnd(8)} ${p.name.padEnd(12)} ${ms(p.start - origin)} ${ms(p.end - p.start)} ${ms(p.cpu)}`
  )
  const threads = new Map<string, number>()
  for (const p of phases) threads.set(p.thread, (threads.get(p.thread) ?? 0) + p.cpu)
  const js = [...threads.values()].reduce((a, b) => a + b, 0)
  const end = Math.max(...phases.map((p) => p.end)) - origin
  return [
    `timing   phase          start    wall     cpu  (ms; cpu = the thread's own)`,
    ...rows,
    ...[...threads].map(([t, c]) => `timing   ${t.padEnd(8)} thread cpu ${ms(c)}`),
    `timing   wall ${ms(end)}; process cpu ${ms(processCpuMs)} = JavaScript threads ${ms(js)} + helper threads ${ms(processCpuMs - js)}`
  ]
    .map((l) => (l.startsWith('timing') ? l : `timing   ${l}`))
    .join('\n')
}
