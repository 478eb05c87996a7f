/**
 * Service-level report throughput: 100 000 generated ticket histories (about 2 million events,
 * 500 customers) reported for the whole of 2025, single-threaded, from decoded events; its ratio
 * to `Sla.evaluate` over the same histories (the report's floor: every report reads the SLA
 * evaluation), the heap the accumulator keeps, the merge of 8 shards, and the memory the
 * accumulator of 1 000 000 tickets keeps (`BENCH_REPORT_MEMORY_TICKETS` to change the count). Run by `npm run bench`
 * (with `--expose-gc` and `--max-semi-space-size=64`: the report allocates per history, and a larger
 * young generation keeps the collector from re-marking the 2 million live events; both the floor and
 * the report run under it). Measures; never fails on a figure.
 */
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Report, Sla, type Time } from '../src/index.js'
import { historiesOf } from './histories.js'
import { mulberry32 } from './prng.js'

const HISTORIES = Number(process.env.BENCH_REPORT_TICKETS ?? 100_000)
const CUSTOMERS = 500
const rand = mulberry32(Number(process.env.BENCH_SEED ?? 20250301))
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)
const history = historiesOf(rand, {
  start: Date.UTC(2025, 0, 1),
  days: 330,
  anyTimeOfDay: true,
  customers: CUSTOMERS,
  rejected: 0.1,
  confirmed: true,
  rated: 0.5,
  scores: [5, 5, 5, 4, 4, 3, 2, 1]
})

const histories = Array.from({ length: HISTORIES }, (_, n) => history(n))
const events = histories.reduce((sum, h) => sum + h.length, 0)
const oslo = Calendar.make(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
if (E.isLeft(oslo)) throw new Error(oslo.left.message)
const agreements = Array.from({ length: CUSTOMERS }, (_, i) => ({
  customer: `C${i}`,
  policy: Sla.examplePolicy,
  calendar: oslo.right
}))
const from = Date.UTC(2024, 11, 31, 23) as Time.Instant // 2025-01-01T00:00 in Oslo
const to = Date.UTC(2025, 11, 31, 23) as Time.Instant
const params: Report.ServiceLevelParams = { agreements, period: { _tag: 'Range', from, to } }
const combiner = Report.combiner(params)
if (E.isLeft(combiner)) throw new Error(combiner.left.message)
const c = combiner.right

const median = (label: string, runs: number, f: () => void): number => {
  f() // warm up
  const times: number[] = []
  for (let r = 0; r < runs; r++) {
    gc()
    const t0 = performance.now()
    f()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const m = times[Math.floor(runs / 2)] as number
  console.log(`${label.padEnd(52)} ${m.toFixed(0).padStart(7)} ms  (${((m * 1e6) / events).toFixed(0)} ns per event)`)
  return m
}

console.log(
  `\nservice-level report: ${HISTORIES.toLocaleString('en-US')} histories, ${events.toLocaleString('en-US')} events, ${CUSTOMERS} customers, period 2025; median of 3 runs`
)
let evaluated = 0
const floor = median('Sla.evaluate of every history (the floor)', 3, () => {
  evaluated = 0
  for (const h of histories)
    evaluated += E.exists((e: Sla.Evaluation) => e.metrics.length > 0)(
      Sla.evaluate({ policy: Sla.examplePolicy, calendar: oslo.right }, to)(h)
    )
      ? 1
      : 0
})
let report: Report.ServiceLevelReport | undefined
const whole = median('Report.serviceLevel (one thread)', 3, () => {
  report = c.result(c.addAll(histories)(c.empty))
})
console.log(`${'ratio to Sla.evaluate (target ≤ 2)'.padEnd(52)} ${(whole / floor).toFixed(2).padStart(7)}`)
const opened = report?.customers.reduce((n, r) => n + r.volume.opened, 0) ?? 0
if (opened !== HISTORIES || (report?.rejected.length ?? 1) !== 0 || evaluated === 0)
  throw new Error(`report covered ${opened} of ${HISTORIES} histories`)

// heap kept by the accumulator of every history, and the peak while building it
gc()
const base = process.memoryUsage().heapUsed
let peak = base
const shards = Array.from({ length: 8 }, (_, i) => histories.filter((_, j) => j % 8 === i))
const accs = shards.map((s) => {
  const a = c.addAll(s)(c.empty)
  peak = Math.max(peak, process.memoryUsage().heapUsed)
  return a
})
gc()
const kept = process.memoryUsage().heapUsed - base
console.log(
  `${'heap kept by 8 shard accumulators'.padEnd(52)} ${(kept / 2 ** 20).toFixed(1).padStart(7)} MB  (${(kept / HISTORIES).toFixed(0)} bytes per ticket)`
)
console.log(
  `${'peak heap above the histories while reducing'.padEnd(52)} ${((peak - base) / 2 ** 20).toFixed(1).padStart(7)} MB`
)
console.log(
  `${'process peak resident set (whole run)'.padEnd(52)} ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(7)} MB`
)
let mergedAcc = c.empty
median('merge of 8 shard accumulators', 3, () => {
  mergedAcc = accs.reduce((acc, a) => c.merge(a)(acc), c.empty)
})
let merged: Report.ServiceLevelReport | undefined
median('result of the merged accumulator', 3, () => {
  merged = c.result(mergedAcc)
})
if (JSON.stringify(merged) !== JSON.stringify(report)) throw new Error('the merged shards differ from the whole')
console.log('merged shards equal the whole: yes')

// the accumulator of 1 000 000 tickets, measured: histories generated and added in batches (each
// batch dropped once added), then the heap and array buffers the accumulator keeps after a full
// collection, against the budget of 500 MB
const MANY = Number(process.env.BENCH_REPORT_MEMORY_TICKETS ?? 1_000_000)
const BATCH = 50_000
const manyRand = mulberry32(Number(process.env.BENCH_SEED ?? 20250301) + 1)
const manyHistory = historiesOf(manyRand, {
  start: Date.UTC(2025, 0, 1),
  days: 330,
  anyTimeOfDay: true,
  customers: CUSTOMERS,
  rejected: 0.1,
  confirmed: true,
  rated: 0.5,
  scores: [5, 5, 5, 4, 4, 3, 2, 1]
})
const retained = (): number => {
  gc()
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
if (MANY > 0) {
  mergedAcc = c.empty
  accs.length = 0
  const before = retained()
  // in a function of its own, so no frame holds on to the last batch once it returns
  const accumulateMany = (): { acc: Report.Accumulator; events: number; ms: number } => {
    let acc = c.empty
    let events = 0
    const t0 = performance.now()
    for (let n = 0; n < MANY; n += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, MANY - n) }, (_, i) => manyHistory(HISTORIES + n + i))
      for (const h of batch) events += h.length
      acc = c.addAll(batch)(acc)
    }
    return { acc, events, ms: performance.now() - t0 }
  }
  const many = accumulateMany()
  const big = many.acc
  const manyEvents = many.events
  const built = many.ms
  const held = retained() - before
  const bigReport = c.result(big)
  const covered = bigReport.customers.reduce((k, r) => k + r.volume.opened, 0)
  if (covered !== MANY || bigReport.rejected.length !== 0)
    throw new Error(`the large accumulator covered ${covered} of ${MANY} histories`)
  const breachCount = bigReport.customers.reduce((k, r) => k + r.breaches.length, 0)
  console.log(
    `\naccumulator of ${MANY.toLocaleString('en-US')} tickets (${manyEvents.toLocaleString('en-US')} events, ${breachCount.toLocaleString('en-US')} breaches), added in batches of ${BATCH.toLocaleString('en-US')}: ${(built / 1000).toFixed(1)} s with generation`
  )
  console.log(
    `${'heap + array buffers kept by the accumulator (budget 500 MB)'.padEnd(52)} ${(held / 2 ** 20).toFixed(1).padStart(7)} MB  (${(held / MANY).toFixed(0)} bytes per ticket)`
  )
  console.log(
    `${'process peak resident set (whole run)'.padEnd(52)} ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(7)} MB`
  )
}
