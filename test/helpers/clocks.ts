import * as E from 'fp-ts/lib/Either.js'
import { flow } from 'fp-ts/lib/function.js'
import { expect } from 'vitest'
import { Escalation, Sla } from '../../src/index.js'

const right = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a Right, received the Left: ${e.left.message}`)
  return e.right
}

/** `Sla.evaluate` for histories the test knows to be valid: the evaluation, or the test fails. */
export const slaAt = (...args: Parameters<typeof Sla.evaluate>) => flow(Sla.evaluate(...args), right)

/** `Escalation.evaluate` for histories the test knows to be valid: the decisions, or the test fails. */
export const decisionsAt = (...args: Parameters<typeof Escalation.evaluate>) =>
  flow(Escalation.evaluate(...args), right)

/** The clock states the SLA and escalation laws talk about: a generator must reach each of them. */
export const clockStates = ['Running', 'Paused', 'AtRisk', 'Breached', 'Met', 'MetLate'] as const

/**
 * Counts the clock states a property test saw; `expectEvery` then asserts that each of
 * {@link clockStates} was at least `minShare` of them (`SHOW_SHARES=1` prints the shares).
 */
export const stateTally = () => {
  const seen = new Map<string, number>()
  let total = 0
  return {
    count: (state: string): void => {
      seen.set(state, (seen.get(state) ?? 0) + 1)
      total++
    },
    expectEvery: (minShare = 0.05): void => {
      const shares = Object.fromEntries(clockStates.map((s) => [s, (seen.get(s) ?? 0) / total]))
      if (process.env.SHOW_SHARES) console.log(JSON.stringify(shares))
      for (const s of clockStates) expect(shares[s], `${s}: ${JSON.stringify(shares)}`).toBeGreaterThanOrEqual(minShare)
    }
  }
}
