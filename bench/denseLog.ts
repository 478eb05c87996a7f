/**
 * A log for measuring the memory of `itsm-kit report` on a dense calendar (not part of `npm run
 * bench`): DENSE_HISTORIES ticket histories (default 3 000) in March 2026, most of them never
 * resolved, so their clocks breach and run for weeks; and the agreements of 50 customers on a
 * calendar open DENSE_OPENINGS times every weekday (default 48: the first half of every half-hour).
 * Writes tmp/dense-report/log-<histories>.ndjson and agreements-<openings>.json, then measure:
 *
 *     npx tsx bench/denseLog.ts
 *     /usr/bin/time -f '%e s %M KB' node dist/cli/main.js report tmp/dense-report/log-3000.ndjson \
 *       --agreements tmp/dense-report/agreements-48.json --period 2026-03 --format json --out /tmp/x.json
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Sla, Ticket } from '../src/index.js'
import { historiesOf } from './histories.js'
import { mulberry32 } from './prng.js'

const HISTORIES = Number(process.env.DENSE_HISTORIES ?? 3000)
const OPENINGS = Number(process.env.DENSE_OPENINGS ?? 48)
const CUSTOMERS = 50
const dir = join(resolve(import.meta.dirname, '..'), 'tmp/dense-report')
mkdirSync(dir, { recursive: true })

const rand = mulberry32(20260302)
const history = historiesOf(rand, {
  start: Date.UTC(2026, 2, 1),
  days: 10,
  anyTimeOfDay: true,
  customers: CUSTOMERS,
  rejected: 0,
  confirmed: false,
  rated: 0,
  scores: []
})
/** Three tickets in four are never resolved: their events before the resolution. */
const unresolved = (events: ReadonlyArray<Ticket.TicketEvent>): ReadonlyArray<Ticket.TicketEvent> => {
  const i = events.findIndex((e) => e._tag === 'TicketResolved')
  return i < 0 || rand() < 0.25 ? events : events.slice(0, i)
}
const lines: string[] = []
for (let start = 0; start < HISTORIES; start += 1000) {
  const batch = Array.from({ length: Math.min(1000, HISTORIES - start) }, (_, i) =>
    unresolved(history(start + i))
  ).flat()
  batch.sort((a, b) => a.at - b.at)
  for (const e of batch) lines.push(JSON.stringify(Ticket.encodeEvent(e)))
}
writeFileSync(join(dir, `log-${HISTORIES}.ndjson`), lines.join('\n') + '\n')

/** `HH:mm:ss` of a second of the day. */
const clock = (s: number): string =>
  [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':')
const step = 86_400 / OPENINGS
const hours = Array.from({ length: OPENINGS }, (_, i) => ({
  opens: clock(Math.round(i * step)),
  closes: clock(Math.round(i * step + step / 2))
}))
const calendar = { zone: 'Europe/Oslo', weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } }
writeFileSync(
  join(dir, `agreements-${OPENINGS}.json`),
  JSON.stringify({
    agreements: Array.from({ length: CUSTOMERS }, (_, i) => ({
      customer: `C${i}`,
      calendar,
      policy: Sla.encodePolicy(Sla.examplePolicy)
    }))
  })
)
