/**
 * The command line's path from a stored log to a report. Writes a generated NDJSON log of
 * BENCH_CLI_HISTORIES ticket histories (default 100 000, about 20 events each) and measures, as
 * ratios to a floor measured in the same run — reading the text, splitting it into lines and
 * `JSON.parse` of every line, nothing else:
 *
 * - decoding every event with the io-ts codec alone (`src/ticket/codec.ts`) and with
 *   `Ticket.decodeEvent`, which reads the common spellings on a fast path (`src/ticket/fastDecode.ts`);
 * - the whole `itsm-kit report` command (the built bin, a child process: read, decode, check,
 *   report, render JSON) on one thread and with `--jobs 2` (three runs of each, taken in turn;
 *   the fastest of each counts);
 * - beside each pair of runs, two one-thread commands started at once: how much faster than one
 *   after the other the machine runs them right now is the most `--jobs 2` could gain on it, as
 *   two copies share nothing and wait for nothing;
 * - the command's peak resident memory (`/usr/bin/time -f %M`) against the size of the log;
 * - each thread's CPU time (the command's ITSM_KIT_TIMING phase timings) and, from them, the
 *   speed-up `--jobs 2` would have on two idle cores (which a busy machine cannot show).
 *
 * Run by `npm run bench` (it builds the bin into tmp/bench-cli/ with scripts/build-cli.mjs, as
 * `npm run build`). Measures; never fails on a figure. On a shared machine the figures are noisy.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Sla, Ticket } from '../src/index.js'
import { decodeEvent as codecDecodeEvent } from '../src/ticket/codec.js'
import { historiesOf } from './histories.js'
import { mulberry32 } from './prng.js'

const HISTORIES = Number(process.env.BENCH_CLI_HISTORIES ?? 100_000)
const CUSTOMERS = 50
const root = resolve(import.meta.dirname, '..')
const dir = join(root, 'tmp/bench-cli')
mkdirSync(dir, { recursive: true })
const rand = mulberry32(20260301)
const history = historiesOf(rand, {
  start: Date.UTC(2026, 2, 1),
  days: 28,
  anyTimeOfDay: true,
  customers: CUSTOMERS,
  rejected: 0,
  confirmed: false,
  rated: 0.7,
  scores: [5, 5, 4, 3, 1]
})

const log = join(dir, `log-${HISTORIES}.ndjson`)
const agreementsFile = join(dir, 'agreements.json')
if (!existsSync(log)) {
  const lines: string[] = []
  // a day's batch of tickets at a time, their events interleaved (sorted by instant)
  for (let start = 0; start < HISTORIES; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, HISTORIES - start) }, (_, i) => history(start + i)).flat()
    batch.sort((a, b) => a.at - b.at)
    for (const e of batch) lines.push(JSON.stringify(Ticket.encodeEvent(e)))
  }
  writeFileSync(log, lines.join('\n') + '\n')
}
const calendar = Calendar.weekdays({
  zone: 'Europe/Oslo',
  opens: '08:00',
  closes: '16:00',
  holidays: Calendar.publicHolidays.NO
})
writeFileSync(
  agreementsFile,
  JSON.stringify({
    agreements: Array.from({ length: CUSTOMERS }, (_, i) => ({
      customer: `C${i}`,
      calendar,
      policy: Sla.encodePolicy(Sla.examplePolicy)
    }))
  })
)

/** The fastest of `runs` runs: wall time and CPU time (user + system) in ms. */
const best = (runs: number, f: () => void): { ms: number; cpu: number } => {
  let min = { ms: Infinity, cpu: Infinity }
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    f()
    const c = process.cpuUsage(c0)
    const ms = performance.now() - t0
    if (ms < min.ms) min = { ms, cpu: (c.user + c.system) / 1000 }
  }
  return min
}
const text = () => readFileSync(log, 'utf8')
let sink = 0
const floor = best(3, () => {
  for (const line of text().split('\n')) if (line !== '') sink += (JSON.parse(line) as { seq: number }).seq
})
const codec = best(2, () => {
  for (const line of text().split('\n')) if (line !== '' && E.isRight(codecDecodeEvent(JSON.parse(line)))) sink++
})
const fast = best(3, () => {
  for (const line of text().split('\n')) if (line !== '' && E.isRight(Ticket.decodeEvent(JSON.parse(line)))) sink++
})

// the bin as `npm run build` makes it, built afresh from the sources
execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outdir', join(dir, 'bin')], { cwd: root })
const bin = join(dir, 'bin/cli/main.js')
/** The bin's arguments for the report of the log with `jobs` threads, written to `out` in `dir`. */
const reportArgs = (jobs: number, out: string) => [
  bin,
  'report',
  log,
  '--agreements',
  agreementsFile,
  '--period',
  '2026-03',
  '--format',
  'json',
  '--out',
  join(dir, out),
  '--jobs',
  String(jobs),
  '--quiet'
]
const command = (jobs: number) => {
  const t0 = performance.now()
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %U %S', process.execPath, ...reportArgs(jobs, `report-${jobs}.json`)],
    // the command's phase timings (each thread's own CPU time) on standard error
    { encoding: 'utf8', env: { ...process.env, ITSM_KIT_TIMING: '1' } }
  )
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`report --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
  const lines = r.stderr.trim().split('\n')
  const [kb, user, system] = (lines.pop() ?? '').split(' ').map(Number) as [number, number, number]
  // `timing   main     thread cpu    5830` and `timing   wall …; process cpu   15097 = …`
  const threads = lines.flatMap((l) => {
    const m = /^timing +(\S+) +thread cpu +(\d+)/u.exec(l)
    return m === null ? [] : [{ thread: m[1] as string, cpu: Number(m[2]) }]
  })
  const processCpu = Number(/process cpu +(\d+)/u.exec(lines.find((l) => l.includes('process cpu')) ?? '')?.[1])
  return { ms, cpu: (user + system) * 1000, peakKb: kb, threads, processCpu }
}
/**
 * The wall time a run would take on two idle cores, from its CPU times: no less than its busiest
 * JavaScript thread, and no less than all its CPU time (V8's garbage collector and compiler
 * threads included) shared by the two cores.
 */
const twoCoreWall = (run: { threads: ReadonlyArray<{ cpu: number }>; processCpu: number }): number =>
  Math.max(...run.threads.map((t) => t.cpu), run.processCpu / 2)
type Run = ReturnType<typeof command>
/**
 * How much of a second core the machine gives right now: plain computation on two worker threads
 * against one (2× on two idle cores; about 1× when other work holds the second core). Measured
 * next to the --jobs runs, so their speed-up can be read against it.
 */
const capacity = (): number => {
  const code = `const { parentPort } = require('node:worker_threads'); let x = 0; for (let i = 0; i < 3e8; i++) x = (x + Math.imul(i, 2654435761)) | 0; parentPort.postMessage(x)`
  const time = (n: number) =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `const { Worker } = require('node:worker_threads'); const t0 = performance.now(); let left = ${n}; for (let i = 0; i < ${n}; i++) new Worker(${JSON.stringify(code)}, { eval: true }).on('message', () => { if (--left === 0) console.log(performance.now() - t0) })`
      ],
      { encoding: 'utf8' }
    )
  const ms = (n: number) => Number(time(n).stdout.trim())
  const one = Math.min(ms(1), ms(1))
  const two = Math.min(ms(2), ms(2))
  return (2 * one) / two
}
/** Two one-thread commands started at once (reports `report-1a.json` and `report-1b.json`): wall time until both are done. */
const twoAtOnce = async (): Promise<{ ms: number }> => {
  const t0 = performance.now()
  await Promise.all(
    ['a', 'b'].map(
      (name) =>
        new Promise<void>((done, fail) => {
          const p = spawn(process.execPath, reportArgs(1, `report-1${name}.json`), { stdio: 'ignore' })
          p.on('error', fail)
          p.on('close', (code) => (code === 0 ? done() : fail(new Error(`two at once: exited ${code}`))))
        })
    )
  )
  return { ms: performance.now() - t0 }
}
const parallel = capacity()
// one thread, two, and two one-thread commands at once, in turn, three times, so that a slow
// minute of the machine falls on all three
const rounds: Array<{ one: Run; two: Run; atOnce: { ms: number } }> = []
for (let i = 0; i < 3; i++) rounds.push({ one: command(1), two: command(2), atOnce: await twoAtOnce() })
const fastest = <A extends { ms: number }>(runs: ReadonlyArray<A>): A => [...runs].sort((a, b) => a.ms - b.ms)[0] as A
const one = fastest(rounds.map((r) => r.one))
const two = fastest(rounds.map((r) => r.two))
const atOnce = fastest(rounds.map((r) => r.atOnce))
const report = (name: string) => readFileSync(join(dir, `report-${name}.json`), 'utf8')
const same = report('1') === report('2')
const sameAtOnce = report('1') === report('1a') && report('1') === report('1b')
const size = statSync(log).size
const events = text()
  .split('\n')
  .filter((l) => l !== '').length

const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const load = (): string => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return 'unknown'
  }
}
// wall time is what the targets name; CPU time (user + system, of every thread) is printed beside
// it because on a shared machine it is far steadier than wall time
console.log(
  `itsm-kit report from a stored log: ${HISTORIES} histories, ${events} events, ${(size / 1e6).toFixed(1)} MB of NDJSON (${sink > 0 ? 'checked' : ''}); load average ${load()}`
)
console.log(
  `  floor (read, split, JSON.parse)   ${f(floor.ms)}  ${((floor.ms * 1e6) / events).toFixed(0)} ns/event   CPU ${f(floor.cpu)}`
)
console.log(
  `  + the io-ts codec alone           ${f(codec.ms)}  ${(codec.ms / floor.ms).toFixed(2)}× the floor   CPU ${(codec.cpu / floor.cpu).toFixed(2)}×`
)
console.log(
  `  + Ticket.decodeEvent (fast path)  ${f(fast.ms)}  ${(fast.ms / floor.ms).toFixed(2)}× the floor   CPU ${(fast.cpu / floor.cpu).toFixed(2)}×   (target ≤ 2×)`
)
console.log(
  `  report command, 1 thread          ${f(one.ms)}  ${(one.ms / floor.ms).toFixed(2)}× the floor   CPU ${(one.cpu / floor.cpu).toFixed(2)}×   (target ≤ 5×; includes Node start-up and rendering)`
)
console.log(
  `  report command, --jobs 2          ${f(two.ms)}  ${(one.ms / two.ms).toFixed(2)}× faster than 1 thread   CPU ${(two.cpu / one.cpu).toFixed(2)}× one thread's   (target ≥ 1.6×), reports identical: ${same}`
)
console.log(
  `  two 1-thread commands at once     ${f(atOnce.ms)}  ${((2 * one.ms) / atOnce.ms).toFixed(2)}× as fast as one after the other (the most --jobs 2 could gain on this machine now), reports identical: ${sameAtOnce}`
)
const walls = (runs: ReadonlyArray<{ ms: number }>) => runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ')
/** Ratios, each round's, and their median. */
const perRound = (ratios: ReadonlyArray<number>) =>
  `${ratios.map((r) => r.toFixed(2)).join(', ')} (median ${([...ratios].sort((a, b) => a - b)[1] ?? NaN).toFixed(2)}×)`
console.log(
  `  every run, in turn (s)            1 thread ${walls(rounds.map((r) => r.one))}; --jobs 2 ${walls(rounds.map((r) => r.two))}; two at once ${walls(rounds.map((r) => r.atOnce))}`
)
console.log(
  `  each round's speed-up             --jobs 2 ${perRound(rounds.map((r) => r.one.ms / r.two.ms))}; two at once ${perRound(rounds.map((r) => (2 * r.one.ms) / r.atOnce.ms))}`
)
console.log(
  `  two threads of plain computation did ${parallel.toFixed(2)}× the work of one in the same time (2× on two idle cores)`
)
const cpuOf = (r: Run) =>
  `${r.threads.map((t) => `${t.thread} ${f(t.cpu)}`).join(', ')}; the process ${f(r.processCpu)} (with V8's helper threads)`
console.log(`  CPU by thread, 1 thread          ${cpuOf(one)}`)
console.log(`  CPU by thread, --jobs 2          ${cpuOf(two)}`)
console.log(
  `  --jobs 2 predicted from CPU times on two idle cores: ${(twoCoreWall(one) / twoCoreWall(two)).toFixed(2)}× faster (max(busiest thread, process CPU / 2): ${f(twoCoreWall(one))} against ${f(twoCoreWall(two))})`
)
console.log(
  `  peak memory, 1 thread             ${(one.peakKb / 1024).toFixed(0)} MiB = ${((one.peakKb * 1024) / size).toFixed(2)}× the log text   (target ≤ 3×)`
)
console.log(
  `  peak memory, --jobs 2 (process)   ${(two.peakKb / 1024).toFixed(0)} MiB = ${((two.peakKb * 1024) / size).toFixed(2)}× the log text`
)
console.log(`  load average at the end           ${load()}`)
