/**
 * Ticket replay throughput: 100 000 generated ticket histories of about 20 events each, rebuilt
 * with `Ticket.replay` (every rule checked), read into their checked timelines (`Ticket.timeline`),
 * folded with `Ticket.evolve` (unchecked) and evaluated (`Sla.evaluate`). Run by
 * `npm run bench` after the business-time benchmark. Measures; never fails.
 */
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Sla, Ticket, type Time } from '../src/index.js'
import { historiesOf } from './histories.js'
import { mulberry32 } from './prng.js'

const HISTORIES = Number(process.env.BENCH_TICKETS ?? 100_000)
const rand = mulberry32(Number(process.env.BENCH_SEED ?? 20250101))
const agent = { role: 'agent', id: 'kari' } as const
const history = historiesOf(rand, {
  start: Date.UTC(2025, 0, 1),
  days: 300,
  anyTimeOfDay: false,
  customers: 500,
  rejected: 0,
  confirmed: true,
  rated: 0,
  scores: []
})

const histories = Array.from({ length: HISTORIES }, (_, n) => history(n))
const events = histories.reduce((sum, h) => sum + h.length, 0)
const time = (label: string, f: () => number): number => {
  f() // warm up
  const runs: number[] = []
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now()
    const check = f()
    runs.push(performance.now() - t0)
    if (check !== HISTORIES) throw new Error(`${label}: ${check} of ${HISTORIES} histories rebuilt`)
  }
  runs.sort((a, b) => a - b)
  const median = runs[2] as number
  console.log(
    `${label.padEnd(44)} ${median.toFixed(0).padStart(6)} ms  (${((median * 1e6) / events).toFixed(0)} ns per event)`
  )
  return median
}

console.log(
  `\nticket replay: ${HISTORIES.toLocaleString('en-US')} histories, ${events.toLocaleString('en-US')} events (${(events / HISTORIES).toFixed(1)} per history), median of 5 runs`
)
time('Ticket.replay (every rule checked)', () => histories.filter((h) => E.isRight(Ticket.replay()(h))).length)
time('Ticket.timeline (checked, one pass)', () => histories.filter((h) => E.isRight(Ticket.timeline()(h))).length)
time(
  'Ticket.evolve fold (unchecked)',
  () => histories.filter((h) => h.reduce(Ticket.evolve, Ticket.initial)._tag === 'Ticket').length
)

// SLA clocks of every history at one instant, on a weekdays calendar with Norwegian holidays
const oslo = Calendar.make(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
if (E.isLeft(oslo)) throw new Error(oslo.left.message)
const agreement = { policy: Sla.examplePolicy, calendar: oslo.right }
const evaluateAt = Date.UTC(2025, 11, 31) as Time.Instant
const evaluateMs = time(
  'Sla.evaluate (4 metrics, at one instant)',
  () =>
    histories.filter((h) =>
      E.exists((e: Sla.Evaluation) => e.metrics.length === 4)(Sla.evaluate(agreement, evaluateAt)(h))
    ).length
)
// the target of 0.1.0, for 100 000 histories: wall time, so a shared machine may miss it
if (HISTORIES === 100_000)
  console.log(`target: Sla.evaluate of 100 000 histories ≤ 1 000 ms: ${evaluateMs <= 1000 ? 'PASS' : 'FAIL'}`)

// ---------------------------------------------------------------------------------------------
// One long ticket: 100 000 events of one kind after the opening, decided (Ticket.runEvents, each
// command checked as Ticket.decide checks it) and replayed (Ticket.replay). Both must stay linear:
// the targets are replay ≤ 0.2 s and decide ≤ 0.5 s for each kind.
const LONG = Number(process.env.BENCH_LONG ?? 100_000)
const system = { role: 'system', id: 'monitor' } as const
const longStart = Date.UTC(2025, 0, 6, 8)
const longKinds: ReadonlyArray<readonly [string, (i: number) => Ticket.TicketCommand]> = [
  ['notes', (i) => ({ _tag: 'AddNote', at: (longStart + i) as Time.Instant, actor: agent, note: `Checked log ${i}` })],
  [
    'notices',
    (i) => ({
      _tag: 'Notify',
      at: (longStart + i) as Time.Instant,
      actor: system,
      audience: 'manager',
      reason: `resolution:${i}`
    })
  ],
  [
    'problem links',
    (i) => ({
      _tag: 'LinkProblem',
      at: (longStart + i) as Time.Instant,
      actor: agent,
      problemId: `PRB-${i}` as Ticket.TicketId
    })
  ],
  ['replies', (i) => ({ _tag: 'Reply', at: (longStart + i) as Time.Instant, actor: agent, message: `Update ${i}` })],
  [
    'reassignments',
    (i) => ({
      _tag: 'Assign',
      at: (longStart + i) as Time.Instant,
      actor: agent,
      assignee: i % 2 === 0 ? 'kari' : 'lars'
    })
  ]
]
/** Median wall time and median CPU time (user + system) of `runs` runs, in ms. */
const medianOf = (runs: number, f: () => void): { readonly wall: number; readonly cpu: number } => {
  const walls: number[] = []
  const cpus: number[] = []
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    f()
    walls.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpus.push((c.user + c.system) / 1000)
  }
  walls.sort((a, b) => a - b)
  cpus.sort((a, b) => a - b)
  return { wall: walls[Math.floor(runs / 2)] as number, cpu: cpus[Math.floor(runs / 2)] as number }
}
console.log(
  `\none long ticket: ${LONG.toLocaleString('en-US')} events of one kind after the opening, median of 3 runs, wall time (targets: replay ≤ 200 ms, decide ≤ 500 ms)`
)
for (const [label, make] of longKinds) {
  const commands: Ticket.TicketCommand[] = [
    {
      _tag: 'Open',
      at: (longStart - 1) as Time.Instant,
      actor: agent,
      ticketId: 'INC-LONG' as Ticket.TicketId,
      channel: 'monitoring',
      customer: 'ACME',
      requester: 'ola',
      title: 'Flapping link',
      kind: 'incident'
    }
  ]
  for (let i = 0; i < LONG; i++) commands.push(make(i))
  let decided: ReadonlyArray<Ticket.TicketEvent> = []
  const decideMs = medianOf(3, () => {
    const r = Ticket.runEvents(Ticket.defaultContext)(commands)
    if (E.isLeft(r)) throw new Error(`${label}: ${r.left.message}`)
    decided = r.right.events
  })
  const replayMs = medianOf(3, () => {
    const r = Ticket.replay(Ticket.defaultContext)(decided)
    if (E.isLeft(r) || r.right.version !== LONG + 1) throw new Error(`${label}: replay failed`)
  })
  const verdict = replayMs.wall <= 200 && decideMs.wall <= 500 ? 'PASS' : 'FAIL'
  // CPU time as well: on a shared machine the wall time also counts the waits for a core
  const ms = (m: { readonly wall: number; readonly cpu: number }): string =>
    `${m.wall.toFixed(0).padStart(5)} ms (CPU ${m.cpu.toFixed(0).padStart(5)} ms)`
  console.log(`${label.padEnd(16)} decide ${ms(decideMs)}   replay ${ms(replayMs)}   ${verdict}`)
}
