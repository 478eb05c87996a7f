/**
 * The report explains only the clocks that breached in the period, evaluating them again with a
 * policy of just those metrics; each explanation must be the one the SLA evaluation of the whole
 * policy gives.
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
})
