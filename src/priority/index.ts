/**
 * Priority from urgency × impact through a checked matrix: how soon the business needs a fix
 * (urgency) and how much of it is hit (impact) give how soon the desk works on it (priority).
 *
 * A {@link Matrix} is data: its levels are lists of names (most pressing end first), its cells
 * name a priority for every urgency × impact pair. {@link make} and {@link decodeMatrix} check
 * it (total, no unknown or duplicate levels, optionally monotone); {@link lookup} and
 * {@link priorityOf} read it; {@link Ord} sorts priorities, most pressing first.
 * {@link itilDefault} is the usual ITIL 3 × 3 → P1–P5 matrix, and {@link impactFromScope},
 * {@link impactFromUsers} and {@link urgencyFromEffect} give its levels from plain facts.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * // 30 of a customer's 45 users cannot work at all
 * const priority = pipe(
 *   Priority.impactFromUsers({ affected: 30, total: 45 }),
 *   E.map((impact) => pipe(Priority.itilDefault, Priority.priorityOf(Priority.urgencyFromEffect('nobody-can-work'), impact)))
 * )
 * assert.deepStrictEqual(priority, E.right({ rank: 1, name: 'P1', label: 'critical' }))
 * ```
 * @module Priority
 * @since 0.1.0
 */
export type {
  AffectedScope,
  AffectedUsers,
  BusinessEffect,
  Cells,
  ImpactThresholds,
  ItilImpact,
  ItilLevel,
  ItilPriorityName,
  ItilUrgency,
  MakeOptions,
  Matrix,
  MatrixSpec,
  Priority,
  PriorityLevel
} from './model.js'
export type {
  DuplicateLevel,
  InvalidImpactThreshold,
  InvalidUserCount,
  MissingCell,
  NonMonotonicMatrix,
  PriorityError,
  UnknownImpact,
  UnknownPriority,
  UnknownUrgency
} from './errors.js'
export { make } from './constructors.js'
export { isMonotone, lookup, priorityNamed, priorityOf } from './matrix.js'
export { Eq, Ord } from './instances.js'
export { defaultImpactThresholds, impactFromScope, impactFromUsers, itilDefault, urgencyFromEffect } from './itil.js'
export { decodeMatrix, encodeMatrix } from './codec.js'
export { isMatrix } from './guard.js'
