/**
 * `npm run bench`: business-time arithmetic of itsm-kit against peers and an O(1) floor, on the
 * same seeded inputs. See docs/performance.md for what is measured and how.
 *
 * Knobs (environment): BENCH_TIME_MS (measured time per task, default 500), BENCH_SEED
 * (default 20250101), BENCH_INPUTS (inputs per workload, a power of two, default 4096),
 * BENCH_CHECK_MS (cross-check budget per peer and workload, default 3000), BENCH_ROUNDS (rounds for the
 * floor and itsm-kit, best kept, default 3).
 */
import * as os from 'node:os'
import { DateTime } from 'luxon'
import { Calendar } from '../src/index.js'
import { extrasSink, firstUse, memoryFor10Years } from './extras.js'
import { measure, sink, timeCalls, type Measurement } from './harness.js'
import {
  dayjsBusinessTimeImpl,
  floor,
  itsmKit,
  luxonDayWalk,
  momentBusinessTime,
  stockholmSpec,
  swedishHolidays,
  utcSpec,
  ZONE,
  type Impl
} from './impls.js'
import { mulberry32 } from './prng.js'
import { cases, render, runCases } from './boundaries.js'
import { denseFigures, denseSink } from './dense.js'

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}
const TIME_MS = env('BENCH_TIME_MS', 500)
const SEED = env('BENCH_SEED', 20250101)
const N = env('BENCH_INPUTS', 4096)
const CHECK_MS = env('BENCH_CHECK_MS', 3000)
const ROUNDS = env('BENCH_ROUNDS', 3)
if ((N & (N - 1)) !== 0) throw new Error('BENCH_INPUTS must be a power of two')

const HOUR = 3_600_000
const DAY = 24 * HOUR
const local = (t: number): string => DateTime.fromMillis(t, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm ccc')
const localYear = (t: number): number => DateTime.fromMillis(t, { zone: ZONE }).year
const fmtInt = (x: number): string => Math.round(x).toLocaleString('en-US')
const fmtOps = (x: number): string =>
  x >= 1e6
    ? `${(x / 1e6).toFixed(1)} M`
    : x >= 1e3
      ? `${(x / 1e3).toFixed(1)} k`
      : x >= 10
        ? x.toFixed(0)
        : x >= 1
          ? x.toFixed(1)
          : x.toFixed(2)
const fmtRatio = (x: number): string => (x >= 100 ? fmtInt(x) : x.toFixed(x >= 10 ? 0 : 1)) + '×'

// ---------------------------------------------------------------- machine

const loadStart = os.loadavg()
console.log('# itsm-kit business-time benchmark')
console.log(
  `date ${new Date().toISOString()}  node ${process.version}  cpus ${os.availableParallelism()} × ${os.cpus()[0]?.model ?? '?'}`
)
console.log(
  `load average at start ${loadStart.map((x) => x.toFixed(2)).join(' ')}  seed ${SEED}  inputs ${N}  time/task ${TIME_MS} ms  rounds ${ROUNDS}`
)

// ---------------------------------------------------------------- inputs

const rand = mulberry32(SEED)
const yearStart = DateTime.fromObject({ year: 2025 }, { zone: ZONE }).toMillis()
const yearEnd = DateTime.fromObject({ year: 2026 }, { zone: ZONE }).toMillis()
const starts = new Float64Array(N)
// whole minutes: dayjs-business-time counts minutes, so finer inputs would only show its rounding
for (let i = 0; i < N; i++) starts[i] = yearStart + Math.floor((rand() * (yearEnd - yearStart)) / 60_000) * 60_000

interface Workload {
  readonly id: string
  readonly kind: 'add' | 'between'
  readonly xs: Float64Array
  readonly ys: Float64Array
}
const addWorkload = (id: string, d: number): Workload => ({
  id,
  kind: 'add',
  xs: starts,
  ys: new Float64Array(N).fill(d)
})
const betweenWorkload = (id: string, span: number): Workload => ({
  id,
  kind: 'between',
  xs: starts,
  ys: starts.map((t) => t + span)
})
const workloads: ReadonlyArray<Workload> = [
  addWorkload('add 4 h', 4 * HOUR),
  addWorkload('add 40 h', 40 * HOUR),
  addWorkload('add 2000 h', 2000 * HOUR),
  betweenWorkload('between 1 day', DAY),
  betweenWorkload('between 1 year', 365 * DAY),
  betweenWorkload('between 10 years', 3652 * DAY)
]
const opOf = (impl: Impl, w: Workload): ((x: number, y: number) => number) =>
  w.kind === 'add' ? impl.add : impl.between

const kit = itsmKit(stockholmSpec)
const kitUtc = itsmKit(utcSpec, 'itsm-kit (UTC, no holidays)')
const peers: ReadonlyArray<Impl> = [luxonDayWalk, dayjsBusinessTimeImpl, momentBusinessTime]

/** Local years a workload touches (its inputs and itsm-kit's answers): the holiday years peers are given. */
const yearsOf = (w: Workload): readonly [number, number] => {
  let hi = -Infinity
  for (let i = 0; i < N; i++) {
    const x = starts[i] as number
    const y = w.ys[i] as number
    hi = Math.max(hi, w.kind === 'add' ? kit.add(x, y) : y)
  }
  return [localYear(yearStart), localYear(hi)]
}
const years = new Map(workloads.map((w) => [w.id, yearsOf(w)]))
const useYears = (w: Workload): void => {
  const [from, to] = years.get(w.id) ?? [2025, 2026]
  for (const p of peers) p.useYears?.(from, to)
}
const perYear = swedishHolidays(2025, 2025).length
console.log(
  `Swedish public holidays from itsm-kit's SE rules: ${perYear} in 2025${perYear === 0 ? ' (the SE set is still empty: peers and itsm-kit then run without holidays)' : ''}`
)

// ---------------------------------------------------------------- correctness

console.log('\n## Cross-check before timing')
const floorMismatches = workloads.map((w) => {
  let bad = 0
  let example = ''
  for (let i = 0; i < N; i++) {
    const op = w.kind === 'add' ? 'add' : 'between'
    const x = starts[i] as number
    const y = w.ys[i] as number
    const a = kitUtc[op](x, y)
    const b = floor[op](x, y)
    if (a !== b) {
      if (bad++ === 0) example = ` e.g. ${new Date(x).toISOString()}: itsm-kit ${a}, floor ${b}`
    }
  }
  console.log(
    `itsm-kit (UTC Mon–Fri 08–16, no holidays) vs floor, ${w.id}: ${bad === 0 ? `all ${N} agree` : `${bad} of ${N} DISAGREE${example}`}`
  )
  return bad
})

// boundaries too: random minutes seldom land on an opening, a closing, a midnight or a week's end
{
  let bad = 0
  let checked = 0
  const monday = Date.UTC(2025, 2, 3)
  const edges: number[] = []
  for (let day = 0; day < 14; day++)
    for (const h of [0, 8, 12, 16, 24]) for (const e of [-1, 0, 1]) edges.push(monday + day * DAY + h * HOUR + e)
  for (const t of edges) {
    for (const d of [1, 4 * HOUR, 8 * HOUR - 1, 8 * HOUR, 40 * HOUR, 2000 * HOUR]) {
      checked++
      if (kitUtc.add(t, d) !== floor.add(t, d)) bad++
    }
    for (const u of edges) {
      checked++
      if (kitUtc.between(t, u) !== floor.between(t, u)) bad++
    }
  }
  floorMismatches.push(bad)
  console.log(
    `itsm-kit (UTC) vs floor on boundary instants (openings, closings, midnights ± 1 ms): ${bad === 0 ? `all ${checked} agree` : `${bad} of ${checked} DISAGREE`}`
  )
}

/** Rough ns per call of each implementation and workload, from the cross-check, to size batches. */
const estimates = new Map<string, number>()
const key = (impl: Impl, w: Workload): string => `${impl.name}|${w.id}`
interface Disagreement {
  readonly peer: string
  readonly workload: string
  readonly checked: number
  readonly bad: number
  readonly examples: string[]
}
const disagreements: Disagreement[] = []

for (const w of workloads) {
  useYears(w)
  for (const impl of [floor, kit]) estimates.set(key(impl, w), (timeCalls(opOf(impl, w), starts, w.ys, N) * 1e6) / N)
  for (const peer of peers) {
    const op = opOf(peer, w)
    const expect = opOf(kit, w)
    let checked = 0
    let bad = 0
    const examples: string[] = []
    const t0 = performance.now()
    while (checked < Math.min(N, 256) && (checked < 3 || performance.now() - t0 < CHECK_MS)) {
      const x = starts[checked] as number
      const y = w.ys[checked] as number
      const want = expect(x, y)
      const got = op(x, y)
      checked++
      if (got !== want) {
        bad++
        if (examples.length < 3)
          examples.push(
            w.kind === 'add'
              ? `from ${local(x)}: itsm-kit ${local(want)}, peer ${local(got)}`
              : `${local(x)} → ${local(y)}: itsm-kit ${(want / HOUR).toFixed(4)} h, peer ${(got / HOUR).toFixed(4)} h`
          )
      }
    }
    estimates.set(key(peer, w), ((performance.now() - t0) * 1e6) / checked)
    disagreements.push({ peer: peer.name, workload: w.id, checked, bad, examples })
    console.log(
      `itsm-kit vs ${peer.name}, ${w.id}: ${bad === 0 ? `all ${checked} agree` : `${bad} of ${checked} differ`}`
    )
    for (const e of examples) console.log(`    ${e}`)
  }
}

for (const p of peers) p.useYears?.(2025, 2026)
const boundary = runCases([kit, ...peers])
console.log(`\nBoundary cases (Europe/Stockholm local times; "=" agrees with itsm-kit):\n`)
console.log(`| case | itsm-kit | ${peers.map((p) => p.name).join(' | ')} |`)
console.log(`|---|---|${peers.map(() => '---').join('|')}|`)
let boundaryDiffs = 0
cases.forEach((c, i) => {
  const row = boundary[i] ?? []
  const mine = row[0] ?? NaN
  const others = row.slice(1).map((r) => {
    if (r === mine) return '='
    boundaryDiffs++
    return render(c, r)
  })
  console.log(`| ${c.label} | ${render(c, mine)} | ${others.join(' | ')} |`)
})
console.log(`${boundaryDiffs} peer answers differ from itsm-kit's`)

// ---------------------------------------------------------------- timing

console.log('\n## Throughput')
const impls: ReadonlyArray<Impl> = [floor, kit, ...peers]
const results = new Map<string, Measurement>()
const report = (w: Workload, impl: Impl, m: Measurement): void => {
  const ratio = m.nsPerOp / (results.get(key(floor, w))?.nsPerOp ?? NaN)
  console.log(
    `${w.id.padEnd(17)} ${impl.name.padEnd(32)} ${fmtOps(m.opsPerSec).padStart(9)} ops/s  ${m.nsPerOp.toPrecision(4).padStart(10)} ns/op  ${fmtRatio(ratio).padStart(9)} floor  ±${m.rme.toFixed(1)}%  ${m.samples} samples × ${m.batch}`
  )
}
const run = (impl: Impl, w: Workload): Measurement =>
  measure(`${impl.name} ${w.id}`, opOf(impl, w), w.xs, w.ys, {
    timeMs: TIME_MS,
    estimateNs: estimates.get(key(impl, w)) ?? 1000
  })
for (const w of workloads) {
  useYears(w)
  // the floor and itsm-kit take ~50–200 ns a call, where a neighbour's burst on a shared core
  // shows most: they run ROUNDS times, interleaved, and each keeps its best round
  for (let r = 0; r < ROUNDS; r++)
    for (const impl of [floor, kit]) {
      const m = run(impl, w)
      const best = results.get(key(impl, w))
      if (best === undefined || m.nsPerOp < best.nsPerOp) results.set(key(impl, w), m)
    }
  for (const impl of [floor, kit]) {
    const m = results.get(key(impl, w))
    if (m !== undefined) report(w, impl, m)
  }
  for (const impl of peers) {
    const m = run(impl, w)
    results.set(key(impl, w), m)
    report(w, impl, m)
  }
}

const cell = (impl: Impl, w: Workload): string => {
  const m = results.get(key(impl, w))
  const f = results.get(key(floor, w))
  if (m === undefined || f === undefined) return '–'
  return impl === floor ? `${fmtOps(m.opsPerSec)}` : `${fmtOps(m.opsPerSec)} (${fmtRatio(m.nsPerOp / f.nsPerOp)})`
}
console.log('\nops/s (time per call relative to the floor), median of batch means:\n')
console.log(`| implementation | ${workloads.map((w) => w.id).join(' | ')} |`)
console.log(`|---|${workloads.map(() => '---:').join('|')}|`)
for (const impl of impls) console.log(`| ${impl.name} | ${workloads.map((w) => cell(impl, w)).join(' | ')} |`)
console.log(`\ncalls measured per cell (samples × calls per sample; floor and itsm-kit: best of ${ROUNDS} rounds):\n`)
console.log(`| implementation | ${workloads.map((w) => w.id).join(' | ')} |`)
console.log(`|---|${workloads.map(() => '---:').join('|')}|`)
for (const impl of impls)
  console.log(
    `| ${impl.name} | ${workloads
      .map((w) => {
        const m = results.get(key(impl, w))
        return m === undefined ? '–' : `${m.samples} × ${m.batch}`
      })
      .join(' | ')} |`
  )

// ---------------------------------------------------------------- extras

console.log('\n## Extra figures')
const first = firstUse(stockholmSpec)
console.log(
  `(a) first use of a year (median of ${first.samples}): compile ${first.compileMs.toFixed(3)} ms, first query ${first.firstQueryMs.toFixed(2)} ms (generated ${first.firstQueryYears} year(s)), together ${first.totalMs.toFixed(2)} ms`
)
console.log(
  `    query into the next year on a calendar in use (generated ${first.extendYears} year(s)): ${first.extendMs.toFixed(2)} ms`
)
const memSpecs = [
  stockholmSpec,
  utcSpec,
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO }),
  Calendar.weekdays({ zone: 'Europe/Helsinki', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.FI }),
  Calendar.weekdays({ zone: 'Europe/Warsaw', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.PL })
]
const mem = memoryFor10Years(memSpecs)
console.log(
  `(b) memory for ${mem.years} generated years: ${mem.kbPerCalendar.toFixed(1)} KB per calendar (${mem.calendars} calendars, heap + array buffers${mem.exposedGc ? '' : ', gc enabled at run time'})`
)
const d1 = results.get(key(kit, workloads[3] as Workload))
const d10 = results.get(key(kit, workloads[5] as Workload))
const tenVsOneRaw = (d10?.nsPerOp ?? NaN) / (d1?.nsPerOp ?? NaN)
// the two workloads are timed tens of seconds apart, and this machine's speed drifts by up to 2×
// in that time (the O(1) floor, the same code on both, has taken 17 and 52 ns within one run);
// each one's ratio to the floor timed beside it, round by round, takes the drift out
const f1 = results.get(key(floor, workloads[3] as Workload))
const f10 = results.get(key(floor, workloads[5] as Workload))
const tenVsOne = (d10?.nsPerOp ?? NaN) / (f10?.nsPerOp ?? NaN) / ((d1?.nsPerOp ?? NaN) / (f1?.nsPerOp ?? NaN))
console.log(
  `(c) itsm-kit between 10 years vs 1 day: ${tenVsOne.toFixed(2)}× the time per call, each against the floor timed beside it (${tenVsOneRaw.toFixed(2)}× in plain time)`
)
const dense = denseFigures(SEED)
console.log(
  `(d) dense calendar (1 440 intervals a day, Europe/Oslo, NO holidays): compile ${dense.compileMs.toFixed(0)} ms`
)
for (const [label, ms, cpu, main] of dense.coldEach)
  console.log(
    `    cold (fresh calendar, skipped years summed on the way) ${label}: ${ms.toFixed(1)} ms (CPU: main thread ${main.toFixed(1)} ms, process ${cpu.toFixed(1)} ms)`
  )
console.log(`    year tables the cold add built: ${dense.coldTables} (the years it passed through were summed)`)
for (const [label, ms, , main] of dense.coldParts)
  console.log(`    where it goes, cold ${label}: ${ms.toFixed(1)} ms (CPU: main thread ${main.toFixed(1)} ms)`)
console.log(
  `    warm, ${dense.warmQueries} random add/between/subtract over spans up to 200 years: median ${dense.warmMedianMs.toFixed(3)} ms, slowest ${dense.warmMaxMs.toFixed(2)} ms`
)
console.log(`    held afterwards: ${dense.heldMb.toFixed(1)} MB (heap + array buffers, ${dense.years} year tables)`)

// ---------------------------------------------------------------- targets

const loadEnd = os.loadavg()
console.log(`\nload average at end ${loadEnd.map((x) => x.toFixed(2)).join(' ')} (${os.availableParallelism()} cpus)`)
if (Math.max(loadStart[0] ?? 0, loadEnd[0] ?? 0) > 0.5)
  console.log('other processes were using the CPU: treat the figures as provisional')

console.log('\n## Targets')
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL')
for (const w of workloads) {
  const m = results.get(key(kit, w))
  const f = results.get(key(floor, w))
  const ratio = (m?.nsPerOp ?? NaN) / (f?.nsPerOp ?? NaN)
  console.log(
    `${verdict(ratio <= 5)}  itsm-kit within 5× of the floor, ${w.id}: ${ratio.toFixed(2)}× (${fmtOps(m?.opsPerSec ?? NaN)} ops/s)`
  )
}
{
  const kitNs = workloads.map((w) => results.get(key(kit, w))?.nsPerOp ?? NaN)
  const floorNs = workloads.map((w) => results.get(key(floor, w))?.nsPerOp ?? NaN)
  const slowest = 1e9 / Math.max(...kitNs)
  console.log(
    `${verdict(slowest >= 10e6)}  (absolute, depends on the machine) itsm-kit ≥ ~10 M ops/s on every workload: slowest ${fmtOps(slowest)} ops/s; the floor took ${Math.min(...floorNs).toFixed(0)}–${Math.max(...floorNs).toFixed(0)} ns here (the issue assumed ≈ 20 ns)`
  )
}
console.log(
  `${verdict(tenVsOne <= 2)}  between 10 years ≤ 2× between 1 day: ${tenVsOne.toFixed(2)}× against the floor (${tenVsOneRaw.toFixed(2)}× in plain time)`
)
console.log(
  `${verdict(first.firstQueryMs <= 5)}  first use of a new year ≤ 5 ms: first query ${first.firstQueryMs.toFixed(2)} ms (compile + query ${first.totalMs.toFixed(2)} ms)`
)
console.log(
  `${verdict(mem.kbPerCalendar < 1024)}  memory for 10 years < 1 MB: ${mem.kbPerCalendar.toFixed(1)} KB per calendar`
)
console.log(`${verdict(floorMismatches.every((b) => b === 0))}  itsm-kit agrees with the floor on its calendar`)
console.log(
  `${verdict(dense.warmMaxMs <= 50)}  dense calendar, every warm query over ≤ 200 years ≤ 50 ms: slowest ${dense.warmMaxMs.toFixed(2)} ms`
)
{
  // wall time is the bound; the main thread's CPU time beside it tells the query's own work from
  // V8 compiling on its helper threads beside it (docs/performance.md)
  const slowest = dense.coldEach.reduce((a, b) => (b[1] > a[1] ? b : a))
  console.log(
    `${verdict(dense.coldMs <= 50)}  dense calendar, every cold query over ≈ 190 years ≤ 50 ms: slowest ${dense.coldMs.toFixed(1)} ms (main thread on a CPU ${slowest[3].toFixed(1)} ms, process ${slowest[2].toFixed(1)} ms; node ${process.versions.node})`
  )
}
console.log(
  `${verdict(dense.heldMb <= 64)}  dense calendar holds ≤ 64 MB after 200-year queries: ${dense.heldMb.toFixed(1)} MB`
)
if (sink + extrasSink() + denseSink() === 42) console.log('') // keeps every result observable
