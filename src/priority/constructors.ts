import type * as E from 'fp-ts/lib/Either.js'
import { decodeMatrix } from './codec.js'
import type { PriorityError } from './errors.js'
import type { MakeOptions, Matrix, MatrixSpec } from './model.js'

/**
 * Checks a priority matrix spec and returns the {@link Matrix}, or the first problem.
 *
 * Rejects, with its path: malformed data (every issue, as {@link decodeMatrix} reports them), a
 * level name used twice, a cell for an urgency or impact the lists do not have, a missing cell
 * (a matrix is total), a cell naming an unknown priority and, with `{ monotone: true }`, a cell
 * less pressing than a less urgent or lower-impact neighbour.
 *
 * Written in code, the level names keep their literal types, so {@link priorityOf} can look up
 * the made matrix without an `Either`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * const spec = {
 *   urgencies: ['stopped', 'degraded'],
 *   impacts: ['site', 'person'],
 *   priorities: [{ name: 'A', label: 'at once' }, { name: 'B', label: 'today' }, { name: 'C', label: 'this week' }],
 *   cells: { stopped: { site: 'A', person: 'B' }, degraded: { site: 'B', person: 'C' } }
 * } as const
 * const matrix = Priority.make(spec, { monotone: true })
 * assert.deepStrictEqual(pipe(matrix, E.map(Priority.priorityOf('degraded', 'site'))), E.right({ rank: 2, name: 'B', label: 'today' }))
 * const missing = Priority.make({ ...spec, cells: { ...spec.cells, degraded: { site: 'B' } } } as Priority.MatrixSpec)
 * assert.deepStrictEqual(pipe(missing, E.mapLeft((e) => e.message)), E.left(
 *   'cells.degraded.person: expected the priority for urgency "degraded" and impact "person", received nothing'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const make = <const U extends string, const I extends string, const P extends string>(
  spec: MatrixSpec<U, I, P>,
  options?: MakeOptions
): E.Either<PriorityError, Matrix<U, I, P>> => decodeMatrix(spec, options) as E.Either<PriorityError, Matrix<U, I, P>>
