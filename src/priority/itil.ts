import * as E from 'fp-ts/lib/Either.js'
import { invalidImpactThreshold, invalidUserCount, type PriorityError } from './errors.js'
import type {
  AffectedScope,
  AffectedUsers,
  BusinessEffect,
  ImpactThresholds,
  ItilImpact,
  ItilPriorityName,
  ItilUrgency,
  Matrix
} from './model.js'

/**
 * The ITIL default matrix: urgency and impact high / medium / low give P1 (critical) to P5
 * (planning); the priority is `1 + (urgency step) + (impact step)`.
 *
 * | urgency ↓ · impact → | high | medium | low |
 * |---|---|---|---|
 * | **high** | P1 critical | P2 high | P3 moderate |
 * | **medium** | P2 high | P3 moderate | P4 low |
 * | **low** | P3 moderate | P4 low | P5 planning |
 *
 * This is ServiceNow's published default priority lookup (impact and urgency 1 – 3 →
 * 1 - Critical … 5 - Planning). It is checked (total and monotone) by the test suite, not when
 * the module loads.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * const whole = Priority.impactFromScope('whole-company')
 * const stopped = Priority.urgencyFromEffect('nobody-can-work')
 * assert.deepStrictEqual(pipe(Priority.itilDefault, Priority.priorityOf(stopped, whole)), { rank: 1, name: 'P1', label: 'critical' })
 * ```
 * @category constants
 * @since 0.1.0
 */
export const itilDefault: Matrix<ItilUrgency, ItilImpact, ItilPriorityName> = {
  // Source: ServiceNow product documentation, "Define priority lookup rules" (Incident
  // Management, Xanadu release, 2024-08-01), ServiceNow/ServiceNowDocs
  // markdown/it-service-management/incident-management/def-prio-lookup-rules.md, and "Data lookup
  // for prioritizing problems", markdown/it-service-management/problem-management/prioritise-problems.md.
  // Both tables: 1-High × 1-High → 1 - Critical, … 3-Low × 3-Low → 5 - Planning. (A later release
  // of the incident page shows a "sample" ending in 3-Low × 3-Low → 4 - Low; the problem table
  // keeps 5 - Planning, which ITIL's 3 × 3 → 5-level scheme uses.)
  _tag: 'PriorityMatrix',
  urgencies: ['high', 'medium', 'low'],
  impacts: ['high', 'medium', 'low'],
  priorities: [
    { name: 'P1', label: 'critical' },
    { name: 'P2', label: 'high' },
    { name: 'P3', label: 'moderate' },
    { name: 'P4', label: 'low' },
    { name: 'P5', label: 'planning' }
  ],
  cells: {
    high: { high: 'P1', medium: 'P2', low: 'P3' },
    medium: { high: 'P2', medium: 'P3', low: 'P4' },
    low: { high: 'P3', medium: 'P4', low: 'P5' }
  }
}

/**
 * Returns the ITIL impact of a fault from who it hits: the whole company → `high`, some users →
 * `medium`, one user → `low`.
 *
 * For a matrix with other impact levels, map the result to yours (see the priority guide).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Priority } from 'itsm-kit'
 * assert.strictEqual(Priority.impactFromScope('some-users'), 'medium')
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const impactFromScope = (scope: AffectedScope): ItilImpact =>
  scope === 'whole-company' ? 'high' : scope === 'some-users' ? 'medium' : 'low'

/**
 * Returns the ITIL urgency of a fault from what it does to the business: nobody can work →
 * `high`, reduced function → `medium`, people can keep working → `low`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Priority } from 'itsm-kit'
 * assert.strictEqual(Priority.urgencyFromEffect('reduced-function'), 'medium')
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const urgencyFromEffect = (effect: BusinessEffect): ItilUrgency =>
  effect === 'nobody-can-work' ? 'high' : effect === 'reduced-function' ? 'medium' : 'low'

/**
 * The thresholds {@link impactFromUsers} uses unless told otherwise: high from half of all
 * users, "some users" from 2.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Priority } from 'itsm-kit'
 * assert.deepStrictEqual(Priority.defaultImpactThresholds, { highShare: 0.5, someUsers: 2 })
 * ```
 * @category constants
 * @since 0.1.0
 */
export const defaultImpactThresholds: ImpactThresholds = { highShare: 0.5, someUsers: 2 }

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/**
 * Returns the ITIL impact of a fault from how many of a customer's users it hits, checked in this
 * order:
 *
 * 1. all users (`affected = total`, a one-person company included) → `high`;
 * 2. fewer than `someUsers` (default 2: one user, or nobody yet) → `low`;
 * 3. at least `highShare` of all users (default 0.5) → `high`;
 * 4. otherwise → `medium`.
 *
 * So with the defaults, 1 of 2 users is `low`, 2 of 4 `high`, 2 of 100 `medium`, 50 of 100
 * `high`. Counts must be whole numbers with `0 ≤ affected ≤ total` and `total ≥ 1`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * assert.deepStrictEqual(Priority.impactFromUsers({ affected: 12, total: 40 }), E.right('medium'))
 * assert.deepStrictEqual(Priority.impactFromUsers({ affected: 12, total: 40 }, { highShare: 0.25, someUsers: 2 }), E.right('high'))
 * assert.deepStrictEqual(pipe(Priority.impactFromUsers({ affected: 41, total: 40 }), E.mapLeft((e) => e.message)), E.left(
 *   'affected: expected a whole number of users from 0 to total (40), received 41'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const impactFromUsers = (
  users: AffectedUsers,
  thresholds: ImpactThresholds = defaultImpactThresholds
): E.Either<PriorityError, ItilImpact> => {
  try {
    const { affected, total } = (typeof users === 'object' && users !== null ? users : {}) as Partial<AffectedUsers>
    const { highShare, someUsers } = (
      typeof thresholds === 'object' && thresholds !== null ? thresholds : {}
    ) as Partial<ImpactThresholds>
    if (!isCount(total) || total < 1)
      return E.left(invalidUserCount('total', 'a whole number of users, at least 1', total))
    if (!isCount(affected) || affected > total)
      return E.left(invalidUserCount('affected', `a whole number of users from 0 to total (${total})`, affected))
    if (typeof highShare !== 'number' || !(highShare > 0 && highShare <= 1))
      return E.left(
        invalidImpactThreshold('thresholds.highShare', 'a share of all users greater than 0 and at most 1', highShare)
      )
    if (!isCount(someUsers) || someUsers < 2)
      return E.left(invalidImpactThreshold('thresholds.someUsers', 'a whole number of users, at least 2', someUsers))
    if (affected === total) return E.right('high')
    if (affected < someUsers) return E.right('low')
    return E.right(affected >= highShare * total ? 'high' : 'medium')
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller)
    return E.left(invalidUserCount('users', 'affected and total users whose properties can be read', users))
  }
}
