/** Figures beyond throughput: first use of a year, and memory of generated years. */
import * as v8 from 'node:v8'
import * as vm from 'node:vm'
import { Calendar, Time } from '../src/index.js'
import { readCompiled } from '../src/calendar/compiled.js'
import { unwrap } from './impls.js'

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** Local years whose table a compiled calendar has built so far (an internal figure, for benchmarks). */
export const generatedYears = (cal: Calendar.BusinessCalendar): number =>
  readCompiled(cal)?.cache.tables.filter((t) => t !== undefined).length ?? 0

const FOUR_HOURS = Time.hours(4)
const midJune = (year: number): Time.Instant => unwrap(Time.fromEpochMillis(Date.UTC(year, 5, 15, 10)))

let keep = 0

export interface FirstUse {
  readonly samples: number
  /** Median of `compile` alone, ms. */
  readonly compileMs: number
  /** Median of the first query on a freshly compiled calendar, ms. */
  readonly firstQueryMs: number
  /** Local years the first query generated (the engine decides). */
  readonly firstQueryYears: number
  /** Median of compile + first query, ms. */
  readonly totalMs: number
  /** Median of a query into the next, not yet generated year on a calendar in use, ms. */
  readonly extendMs: number
  /** Local years each such query generated (median). */
  readonly extendYears: number
}

/**
 * (a) Each sample compiles the calendar afresh and asks `addBusinessTime` once, in a year no
 * earlier sample used (the tables, zone offsets included, belong to the compiled calendar).
 * Then, on one calendar in use, each query moves one year past the generated range.
 */
export const firstUse = (spec: Calendar.CalendarSpec, samples = 51): FirstUse => {
  const compileMs: number[] = []
  const queryMs: number[] = []
  const totalMs: number[] = []
  const firstYears: number[] = []
  for (let i = -8; i < samples; i++) {
    const at = midJune(2030 + 2 * (i + 8))
    const t0 = performance.now()
    const cal = unwrap(Calendar.make(spec))
    const t1 = performance.now()
    keep += Calendar.addBusinessTime(at, FOUR_HOURS)(cal)
    const t2 = performance.now()
    if (i < 0) continue // warm-up: the first compiles also pay for JIT compilation
    compileMs.push(t1 - t0)
    queryMs.push(t2 - t1)
    totalMs.push(t2 - t0)
    firstYears.push(generatedYears(cal))
  }
  const cal = unwrap(Calendar.make(spec))
  keep += Calendar.addBusinessTime(midJune(2025), FOUR_HOURS)(cal)
  const extendMs: number[] = []
  const extendYears: number[] = []
  for (let i = 0; i < samples; i++) {
    const before = generatedYears(cal)
    const at = midJune(2026 + i)
    const t0 = performance.now()
    keep += Calendar.addBusinessTime(at, FOUR_HOURS)(cal)
    extendMs.push(performance.now() - t0)
    extendYears.push(generatedYears(cal) - before)
  }
  return {
    samples,
    compileMs: median(compileMs),
    firstQueryMs: median(queryMs),
    firstQueryYears: median(firstYears),
    totalMs: median(totalMs),
    extendMs: median(extendMs),
    extendYears: median(extendYears)
  }
}

/** `global.gc` when node runs with --expose-gc, otherwise enabled at run time. */
export const getGc = (): (() => void) => {
  const g = (globalThis as { gc?: () => void }).gc
  if (g !== undefined) return g
  v8.setFlagsFromString('--expose-gc')
  return vm.runInNewContext('gc') as () => void
}

export const usedBytes = (gc: () => void): number => {
  for (let i = 0; i < 3; i++) gc()
  const m = process.memoryUsage()
  // typed-array contents live outside the JS heap: count them too
  return m.heapUsed + m.arrayBuffers
}

export interface Memory {
  readonly calendars: number
  readonly years: number
  /** Extra heap + array-buffer bytes per calendar after generating its 10 years, KB. */
  readonly kbPerCalendar: number
  readonly exposedGc: boolean
}

/**
 * (b) Compiles several copies of a few calendars, measures, then makes each generate the local
 * years 2025–2034 (one query in mid-June of each year) and measures again, the calendars still
 * referenced. The years actually generated are read back from the engine.
 */
export const memoryFor10Years = (specs: ReadonlyArray<Calendar.CalendarSpec>, copies = 4): Memory => {
  const exposedGc = (globalThis as { gc?: unknown }).gc !== undefined
  const gc = getGc()
  const cals: Calendar.BusinessCalendar[] = []
  for (let c = 0; c < copies; c++) for (const spec of specs) cals.push(unwrap(Calendar.make(spec)))
  const before = usedBytes(gc)
  for (const cal of cals) for (let y = 2025; y <= 2034; y++) keep += Calendar.isOpen(midJune(y))(cal) ? 1 : 0
  const after = usedBytes(gc)
  const years = Math.max(...cals.map((c) => generatedYears(c)))
  return { calendars: cals.length, years, kbPerCalendar: (after - before) / cals.length / 1024, exposedGc }
}

export const extrasSink = (): number => keep
