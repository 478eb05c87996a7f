import fc from 'fast-check'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Sla } from '../../src/index.js'
import { clockCase } from '../arbitraries/clocks.js'
import { slaAt, stateTally } from '../helpers/clocks.js'
import { compile } from '../helpers/unsafe.js'
import { oracle, type OracleCalendar } from './oracle.js'

const numRuns = process.env.CI ? 1000 : 600
const calendars: Record<OracleCalendar, Calendar.BusinessCalendar> = {
  always: compile({ ...Calendar.alwaysOpen, zone: 'UTC' }),
  weekdays: compile(Calendar.weekdays({ zone: 'UTC', opens: '08:00', closes: '16:00' }))
}
/** The example targets, warning at a quarter and at three quarters of the target. */
const policy: Sla.SlaPolicy = { ...Sla.examplePolicy, warnings: [0.25, 0.75] }

/** The library's reading of a metric, in the oracle's terms. */
const reading = (m: Sla.MetricResult) => ({
  state: m.state,
  elapsed: m.elapsed,
  dueAt: m.dueAt,
  breachedAt: m.breachedAt,
  metAt: m.metAt,
  warnings: m.warnings
})

describe('SLA clocks against a minute-by-minute oracle', () => {
  it('every clock state, due instant, breach, stop and warning agrees with the oracle, over histories that reach every state', () => {
    const tally = stateTally()
    fc.assert(
      fc.property(clockCase, fc.constantFrom<OracleCalendar>('always', 'weekdays'), ({ events, now }, which) => {
        const evaluation = pipe(events, slaAt({ policy, calendar: calendars[which] }, now))
        for (const metric of ['response', 'resolution'] as const) {
          const expected = oracle(events, which, metric, now, policy.warnings)
          const m = evaluation.metrics.find((r) => r.metric === metric) as Sla.MetricResult
          expect(reading(m)).toStrictEqual({
            state: expected?.state,
            elapsed: expected?.elapsed,
            dueAt: expected?.dueAt,
            breachedAt: expected?.breachedAt,
            metAt: expected?.metAt,
            warnings: expected?.warnings
          })
          if (metric === 'resolution') tally.count(m.state)
        }
      }),
      { numRuns }
    )
    // the generator reaches every state the laws talk about: each at least 5 % of the resolution clocks evaluated
    tally.expectEvery(0.05)
  })
})
