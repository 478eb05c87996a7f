import fc from 'fast-check'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Escalation, Sla } from '../../src/index.js'
import { clockCase } from '../arbitraries/clocks.js'
import { decisionsAt, stateTally } from '../helpers/clocks.js'
import { compile } from '../helpers/unsafe.js'
import { oracle, type OracleCalendar } from '../sla/oracle.js'

const numRuns = process.env.CI ? 1000 : 600
const calendars: Record<OracleCalendar, Calendar.BusinessCalendar> = {
  always: compile({ ...Calendar.alwaysOpen, zone: 'UTC' }),
  weekdays: compile(Calendar.weekdays({ zone: 'UTC', opens: '08:00', closes: '16:00' }))
}
// notices at a share the SLA policy does not warn at (0.6), and at breaches; sent at once
const policy: Escalation.EscalationPolicy = {
  ...Escalation.examplePolicy,
  notices: [
    { metric: 'resolution', threshold: 0.6, audience: 'teamLead' },
    { metric: 'resolution', threshold: 'breach', audience: 'manager' },
    { metric: 'response', threshold: 'breach', audience: 'teamLead' }
  ],
  holdUntilOpen: false
}
/** The SLA: the example targets, warning at a quarter and three quarters of the target. */
const sla: Sla.SlaPolicy = { ...Sla.examplePolicy, warnings: [0.25, 0.75] }

describe('escalation notices against the minute-by-minute oracle', () => {
  it('each notice is decided exactly when the oracle says its threshold was passed or its clock breached, due since that instant', () => {
    const tally = stateTally()
    fc.assert(
      fc.property(clockCase, fc.constantFrom<OracleCalendar>('always', 'weekdays'), ({ events, now }, which) => {
        const decisions = pipe(events, decisionsAt(policy, { policy: sla, calendar: calendars[which] }, now))
        const resolution = oracle(events, which, 'resolution', now, [0.6])
        const response = oracle(events, which, 'response', now)
        const closed = events.some((e) => e._tag === 'TicketClosed' && e.at <= now)
        const running = (s: string | undefined) =>
          s === 'Running' || s === 'AtRisk' || s === 'Paused' || s === 'Breached'
        const expected: Array<{ reason: string; audience: string; dueSince: number }> = []
        if (!closed && resolution !== undefined && response !== undefined) {
          const passed = resolution.warnings.find((w) => w.threshold === 0.6)
          if (running(resolution.state) && passed !== undefined)
            expected.push({ reason: 'resolution:0.6', audience: 'teamLead', dueSince: passed.passedAt })
          if (resolution.state === 'Breached')
            expected.push({
              reason: 'resolution:breach',
              audience: 'manager',
              dueSince: resolution.breachedAt as number
            })
          if (response.state === 'Breached')
            expected.push({ reason: 'response:breach', audience: 'teamLead', dueSince: response.breachedAt as number })
        }
        const notices = decisions.flatMap((d) =>
          d._tag === 'NoticeDue' && !d.reason.startsWith('priority:')
            ? [{ reason: d.reason, audience: d.audience, dueSince: d.dueSince as number }]
            : []
        )
        expect(notices).toStrictEqual(expected)
        for (const d of decisions) if (d._tag === 'NoticeDue') expect(d.sendAt).toBe(now)
        const state = oracle(events, which, 'resolution', now, sla.warnings)?.state
        if (state !== undefined) tally.count(state)
      }),
      { numRuns }
    )
    // the histories reach every state of the resolution clock: each at least 5 % of the cases
    tally.expectEvery(0.05)
  })
})
