import type * as Eq_ from 'fp-ts/lib/Eq.js'
import * as N from 'fp-ts/lib/number.js'
import * as Ord_ from 'fp-ts/lib/Ord.js'
import * as S from 'fp-ts/lib/string.js'
import type { Priority } from './model.js'

const byRank: Ord_.Ord<Priority> = Ord_.contramap((p: Priority) => p.rank)(N.Ord)
const byName: Ord_.Ord<Priority> = Ord_.contramap((p: Priority) => p.name)(S.Ord)
const byLabel: Ord_.Ord<Priority> = Ord_.contramap((p: Priority) => p.label)(S.Ord)

/**
 * Orders priorities from the most to the least pressing: by rank (1 first), then, for
 * priorities of different matrices with equal ranks, by name and label, so that only equal
 * priorities compare as equal.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as RA from 'fp-ts/lib/ReadonlyArray.js'
 * import { Priority } from 'itsm-kit'
 * const m = Priority.itilDefault
 * const queue = [Priority.priorityOf('low', 'low')(m), Priority.priorityOf('high', 'high')(m), Priority.priorityOf('medium', 'low')(m)]
 * assert.deepStrictEqual(pipe(queue, RA.sort(Priority.Ord), RA.map((p) => p.name)), ['P1', 'P4', 'P5'])
 * ```
 * @category instances
 * @since 0.1.0
 */
export const Ord: Ord_.Ord<Priority> = {
  equals: (x, y) => x.rank === y.rank && x.name === y.name && x.label === y.label,
  compare: (x, y) => byRank.compare(x, y) || byName.compare(x, y) || byLabel.compare(x, y)
}

/**
 * Tells whether two priorities are the same: same rank, name and label.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Priority } from 'itsm-kit'
 * const m = Priority.itilDefault
 * assert.strictEqual(Priority.Eq.equals(Priority.priorityOf('high', 'medium')(m), Priority.priorityOf('medium', 'high')(m)), true)
 * ```
 * @category instances
 * @since 0.1.0
 */
export const Eq: Eq_.Eq<Priority> = { equals: Ord.equals }
