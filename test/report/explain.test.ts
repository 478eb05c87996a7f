/**
 * The report explains only the clocks that breached in the period (the SLA evaluation's
 * `explainBreaches`); each explanation must be the one the explained SLA evaluation of the whole
 * policy gives, whatever the period.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Report, Sla, type Time } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import { agreements, at } from './desk.js'
import { historiesArb } from './histories.js'

const M = 60_000
// tiers too, and a resolution metric that pauses for third parties as well: a tier clock pauses as it does
const resolution = {
  ...Sla.examplePolicy.metrics.resolution,
  targets: Sla.examplePolicy.metrics.resolution?.targets ?? {},
  pauseWhileAwaiting: ['customer', 'thirdParty'] as const
}
const policy: Sla.SlaPolicy = {
  ...Sla.examplePolicy,
  metrics: { ...Sla.examplePolicy.metrics, resolution },
  tiers: {
    L1: { _tag: 'BusinessTime', duration: (30 * M) as Time.Duration },
    L2: { _tag: 'BusinessTime', duration: (120 * M) as Time.Duration }
  }
}
const tiered = agreements.map((a) => ({ ...a, policy }))
const asOf = at('2025-04-01T00:00')

describe('breach explanations', () => {
  it('equal those of the explained SLA evaluation of the whole policy', () => {
    const seen = { breaches: 0, tiers: 0, updates: 0, paused: 0 }
    fc.assert(
      fc.property(historiesArb(8), (hs) => {
        const r = getRight(
          Report.serviceLevel({ agreements: tiered, period: { _tag: 'Month', year: 2025, month: 3 } })(hs)
        )
        for (const c of r.customers)
          for (const b of c.breaches) {
            const h = hs.find((x) => x[0]?.ticketId === b.ticketId) ?? []
            const agreement = tiered.find((a) => a.customer === c.customer) as Sla.Agreement
            const full = getRight(Sla.evaluate(agreement, asOf, { explain: true })(h)).metrics.find(
              (m) => m.metric === b.metric
            )
            expect(b.explanation).toStrictEqual(full?.explanation)
            expect([b.dueAt, b.stoppedAt]).toStrictEqual([full?.breachedAt, full?.metAt])
            seen.breaches++
            if (b.metric.startsWith('tier:')) seen.tiers++
            if (b.metric === 'update') seen.updates++
            if ((b.explanation?.pauses.length ?? 0) > 0) seen.paused++
          }
      }),
      { numRuns: 100, seed: 7 }
    )
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(10)
  })

  it('are given for a period that reaches past 2200 too (a window the SLA evaluation accepts)', () => {
    let breaches = 0
    fc.assert(
      fc.property(historiesArb(8), (hs) => {
        const to = Date.UTC(2300, 0, 1) as Time.Instant
        const wide = { _tag: 'Range', from: at('2025-03-01T00:00'), to } as const
        const r = getRight(Report.serviceLevel({ agreements: tiered, period: wide, asOf })(hs))
        expect(r.rejected).toStrictEqual([])
        for (const c of r.customers)
          for (const b of c.breaches) {
            expect(b.explanation).toBeDefined()
            breaches++
          }
      }),
      { numRuns: 20, seed: 7 }
    )
    expect(breaches).toBeGreaterThan(10)
  })
})
