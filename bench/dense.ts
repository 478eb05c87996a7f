/**
 * The dense calendar of issue 9: every day cut into 1 440 short intervals (30 s open in every
 * minute), Europe/Oslo with Norwegian holidays. Measures business-time queries over spans up to
 * 200 years, first on a freshly compiled calendar (cold: the years skipped are summed without
 * their tables, the zone's offset changes are looked up on the way) and then on one in use
 * (warm), and the memory the calendar holds afterwards.
 *
 * `npx tsx bench/dense.ts` runs it alone, in a fresh process: then the cold queries also pay for
 * compiling the engine's code (JIT) and for the first look at Oslo's offsets. In `bench/index.ts`
 * it runs after the other workloads, as a calendar compiled in a server already at work would.
 */
import * as fs from 'node:fs'
import { Calendar, Time } from '../src/index.js'
import { generatedYears, getGc, usedBytes } from './extras.js'
import { unwrap } from './impls.js'
import { mulberry32 } from './prng.js'

const pad = (n: number): string => String(n).padStart(2, '0')
const minuteSlices: ReadonlyArray<Calendar.OpeningHours> = Array.from({ length: 1440 }, (_, i) => ({
  opens: `${pad(Math.floor(i / 60))}:${pad(i % 60)}:00`,
  closes: `${pad(Math.floor(i / 60))}:${pad(i % 60)}:30`
}))

/** Every day of the week cut into 1 440 intervals of 30 seconds. */
export const denseSpec: Calendar.CalendarSpec = {
  zone: 'Europe/Oslo',
  weekly: Object.fromEntries(Calendar.allWeekdays.map((w) => [w, minuteSlices])),
  holidays: Calendar.publicHolidays.NO
}

const YEAR = 365.2425 * 86_400_000
let keep = 0

/**
 * Nanoseconds the main thread has spent on a CPU (Linux `schedstat`), NaN elsewhere: unlike wall
 * time it leaves out waiting for a core, and unlike `process.cpuUsage` it leaves out V8's
 * compiler and GC threads, so it shows what a query costs on a loaded machine.
 */
const mainThreadNs = (): number => {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0])
  } catch {
    return Number.NaN
  }
}

export interface DenseFigures {
  readonly compileMs: number
  /** Slowest of the cold queries (add, between, subtract over ~190 years), ms. */
  readonly coldMs: number
  /** Each cold query: label, wall-clock ms, CPU ms of the process, CPU ms of the main thread (NaN off Linux). */
  readonly coldEach: ReadonlyArray<readonly [string, number, number, number]>
  /**
   * Where a cold query's time goes, after the figures above: the cold add on a second fresh dense
   * calendar of the zone, whose offsets the process knows by then, and a between over 190 years
   * on a fresh sparse calendar in a zone the process has not met (it learns the zone's offsets as
   * a dense one would). Each as in `coldEach`.
   */
  readonly coldParts: ReadonlyArray<readonly [string, number, number, number]>
  /** Year tables the cold add built (the years it only passed through are summed, not built). */
  readonly coldTables: number
  /** Median and slowest warm query (every year's total known) over random spans up to 200 years, ms. */
  readonly warmMedianMs: number
  readonly warmMaxMs: number
  readonly warmQueries: number
  /** Heap + array buffers held by the calendar after all queries, MB. */
  readonly heldMb: number
  readonly years: number
}

export const denseFigures = (seed: number, queries = 2000): DenseFigures => {
  const gc = getGc()
  const before = usedBytes(gc)
  const t0 = performance.now()
  const cal = unwrap(Calendar.make(denseSpec))
  const compileMs = performance.now() - t0
  // the compile's garbage is the compile's cost: collect it so the cold queries pay only their own
  gc()
  const from = Date.UTC(2000, 0, 3, 9, 0, 7) as Time.Instant
  const far = (from + 190 * YEAR) as Time.Instant
  const coldEach: Array<readonly [string, number, number, number]> = []
  const time = (label: string, f: () => number, into = coldEach): void => {
    const cpu = process.cpuUsage()
    const main = mainThreadNs()
    const s = performance.now()
    keep += f()
    const wall = performance.now() - s
    const onCpu = (mainThreadNs() - main) / 1e6
    const used = process.cpuUsage(cpu)
    into.push([label, wall, (used.user + used.system) / 1000, onCpu])
  }
  time('add 90 years of business time (≈ 180 years)', () =>
    Calendar.addBusinessTime(from, (90 * YEAR) as Time.Duration)(cal)
  )
  const coldTables = generatedYears(cal)
  time('between over 190 years', () => Calendar.businessTimeBetween(from, far)(cal))
  time('subtract 90 years of business time', () =>
    Calendar.subtractBusinessTime(far, (90 * YEAR) as Time.Duration)(cal)
  )
  // warm: every year's total known (what a calendar in use for a while holds); tables are built
  // for the years where the queries below start and end
  keep += Calendar.businessTimeBetween(Time.minInstant, Time.maxInstant)(cal)
  const rand = mulberry32(seed)
  const warm: number[] = []
  for (let i = 0; i < queries; i++) {
    const a = (Date.UTC(1990, 0, 1) + Math.floor(rand() * 200 * YEAR)) as Time.Instant
    const span = Math.floor(rand() * 200 * YEAR)
    const b = Math.min(a + span, Time.maxInstant) as Time.Instant
    const s = performance.now()
    if (i % 3 === 0) keep += Calendar.addBusinessTime(a, (span / 2) as Time.Duration)(cal)
    else if (i % 3 === 1) keep += Calendar.businessTimeBetween(a, b)(cal)
    else keep += Calendar.subtractBusinessTime(b, (span / 2) as Time.Duration)(cal)
    warm.push(performance.now() - s)
  }
  const sorted = [...warm].sort((x, y) => x - y)
  const heldMb = (usedBytes(gc) - before) / 1024 / 1024
  keep += cal._tag.length
  const coldParts: Array<readonly [string, number, number, number]> = []
  const again = unwrap(Calendar.make(denseSpec))
  const sparse = unwrap(Calendar.make(Calendar.weekdays({ zone: 'Europe/Tallinn', opens: '08:00', closes: '16:00' })))
  gc()
  time(
    'dense, the zone known: add 90 years of business time',
    () => Calendar.addBusinessTime(from, (90 * YEAR) as Time.Duration)(again),
    coldParts
  )
  time(
    'sparse (weekdays 08–16), a zone not met before: between over 190 years',
    () => Calendar.businessTimeBetween(from, far)(sparse),
    coldParts
  )
  return {
    compileMs,
    coldMs: Math.max(...coldEach.map(([, ms]) => ms)),
    coldEach,
    coldParts,
    coldTables,
    warmMedianMs: sorted[sorted.length >> 1] as number,
    warmMaxMs: sorted[sorted.length - 1] as number,
    warmQueries: queries,
    heldMb,
    years: generatedYears(cal)
  }
}

export const denseSink = (): number => keep

if (process.argv[1]?.endsWith('dense.ts') === true) {
  const os = await import('node:os')
  const f = denseFigures(0x5eed, 500)
  // the same spec in a zone not used yet, once V8 has compiled the engine: a server meeting a new zone
  const berlin = unwrap(Calendar.make({ ...denseSpec, zone: 'Europe/Berlin' }))
  const from = Date.UTC(2000, 0, 3, 9, 0, 7) as Time.Instant
  const main = mainThreadNs()
  const s = performance.now()
  keep += Calendar.addBusinessTime(from, (90 * YEAR) as Time.Duration)(berlin)
  const wall = performance.now() - s
  const onCpu = (mainThreadNs() - main) / 1e6
  console.log(
    `dense calendar alone, in a fresh process (load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')})`
  )
  console.log(`  compile ${f.compileMs.toFixed(0)} ms`)
  for (const [label, ms, cpu, main] of f.coldEach)
    console.log(
      `  cold ${label}: ${ms.toFixed(1)} ms (CPU: main thread ${main.toFixed(1)} ms, process ${cpu.toFixed(1)} ms)`
    )
  console.log(`  year tables the cold add built: ${f.coldTables}`)
  for (const [label, ms, , main] of f.coldParts)
    console.log(`  where it goes, cold ${label}: ${ms.toFixed(1)} ms (CPU: main thread ${main.toFixed(1)} ms)`)
  console.log(
    `  then, engine compiled, the same spec in Europe/Berlin (offsets not known yet): cold add ${wall.toFixed(1)} ms (CPU: main thread ${onCpu.toFixed(1)} ms)`
  )
  console.log(
    `  warm, ${f.warmQueries} queries: median ${f.warmMedianMs.toFixed(3)} ms, slowest ${f.warmMaxMs.toFixed(2)} ms`
  )
  console.log(`  held afterwards: ${f.heldMb.toFixed(1)} MB, ${f.years} year tables`)
  if (keep === 42) console.log('')
}
