import type { Explanation } from '../sla/index.js'
import type { Breach } from './model.js'

/**
 * The most entries a report keeps of each list of a breach's explanation (`counted`, `closed`,
 * `pauses`): the first 50 in time order; `Breach.omitted` counts the rest. A clock that runs for
 * weeks on a calendar open many times a day has thousands of open intervals and closed
 * stretches, and a report keeps every breach, so without a limit its memory would grow with
 * breaches × clock length × openings a day. The report asks the evaluation for no more
 * (`explainLimit`), so the entries left out are counted, never made. `Sla.evaluate` with
 * `{ explain: true }` keeps up to `Sla.explanationLimit` entries of each list.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report } from 'itsm-kit'
 * assert.strictEqual(Report.breachExplanationLimit, 50)
 * ```
 * @category constants
 * @since 0.3.0
 */
export const breachExplanationLimit = 50

/** What a report keeps of a clock's explanation, and how much of it was left out (absent when nothing was). @internal */
export interface Kept {
  readonly explanation: Explanation
  readonly omitted?: NonNullable<Breach['omitted']>
}

/**
 * A clock's explanation cut to the first {@link breachExplanationLimit} entries of each list,
 * with the number of entries left out of each; the explanation itself when no list is longer.
 *
 * @internal
 */
export const keptOf = (self: Explanation): Kept => {
  const n = breachExplanationLimit
  const { counted, closed, pauses, omitted } = self
  // an evaluation with an explainLimit has cut the lists already, and counted what it left out
  const before = omitted ?? { counted: 0, closed: 0, pauses: 0 }
  if (counted.length <= n && closed.length <= n && pauses.length <= n)
    return omitted === undefined ? { explanation: self } : { explanation: { counted, closed, pauses }, omitted }
  return {
    explanation: {
      counted: counted.length <= n ? counted : counted.slice(0, n),
      closed: closed.length <= n ? closed : closed.slice(0, n),
      pauses: pauses.length <= n ? pauses : pauses.slice(0, n)
    },
    omitted: {
      counted: before.counted + Math.max(0, counted.length - n),
      closed: before.closed + Math.max(0, closed.length - n),
      pauses: before.pauses + Math.max(0, pauses.length - n)
    }
  }
}
