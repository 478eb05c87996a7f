import * as E from 'fp-ts/lib/Either.js'
import { unknownImpact, unknownPriority, unknownUrgency, type PriorityError } from './errors.js'
import type { Matrix, Priority, PriorityLevel } from './model.js'
import { own } from '../internal/primitives.js'
import { firstNonMonotonic, rankOf } from './validate.js'
import { isMatrix, notAMatrix } from './guard.js'

const toPriority = <P extends string>(level: PriorityLevel<P>, index: number): Priority<P> => ({
  rank: index + 1,
  name: level.name,
  label: level.label
})

const find = <P extends string>(self: Matrix<string, string, P>, name: string): Priority<P> | undefined => {
  const index = rankOf(self.priorities, name)
  const level = self.priorities[index]
  return level === undefined ? undefined : toPriority(level, index)
}

const cell = (self: Matrix, urgency: string, impact: string): string | undefined => {
  const row = own(self.cells, urgency)
  return row === undefined ? undefined : own(row, impact)
}

/**
 * Returns the priority a matrix gives an urgency and an impact named by strings from outside the
 * program (a form, a database row), or which of the two the matrix does not know.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Priority.itilDefault, Priority.lookup('medium', 'high')), E.right({ rank: 2, name: 'P2', label: 'high' }))
 * assert.deepStrictEqual(pipe(Priority.itilDefault, Priority.lookup('urgent', 'high'), E.mapLeft((e) => e.message)), E.left(
 *   'urgency: expected one of the urgencies "high" | "medium" | "low", received "urgent"'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const lookup =
  (urgency: string, impact: string) =>
  <P extends string>(self: Matrix<string, string, P>): E.Either<PriorityError, Priority<P>> => {
    if (!isMatrix(self)) return E.left(notAMatrix('matrix', self))
    if (typeof urgency !== 'string' || !self.urgencies.includes(urgency))
      return E.left(unknownUrgency('urgency', self.urgencies, urgency))
    if (typeof impact !== 'string' || !self.impacts.includes(impact))
      return E.left(unknownImpact('impact', self.impacts, impact))
    const p = find(self, cell(self, urgency, impact) ?? '')
    // a made matrix is total: every cell names one of its priorities
    return p === undefined
      ? E.left(
          unknownPriority(
            `cells.${urgency}.${impact}`,
            self.priorities.map((l) => l.name),
            undefined
          )
        )
      : E.right(p)
  }

/**
 * Returns the priority a matrix gives an urgency and an impact whose names its type knows: no
 * `Either`, and a misspelt level does not compile.
 *
 * It needs a matrix whose level names are literal types ({@link itilDefault}, or one made by
 * {@link make} from a spec written in code); for a matrix decoded from JSON, or names from
 * outside the program, use {@link lookup}. Should a type cast smuggle in a name the matrix does
 * not have, it returns the most pressing priority rather than throw (an unknown case is looked
 * at first); given a value that is not a matrix at all, it returns `{ rank: 1, name: '', label: '' }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * const p = pipe(Priority.itilDefault, Priority.priorityOf('high', 'low'))
 * assert.deepStrictEqual(p, { rank: 3, name: 'P3', label: 'moderate' })
 * ```
 * @category queries
 * @since 0.1.0
 */
export const priorityOf =
  <U extends string, I extends string>(urgency: U, impact: I) =>
  <P extends string>(
    self: (string extends U ? never : unknown) &
      (string extends I ? never : unknown) &
      Matrix<string, string, P> & { readonly cells: Readonly<Record<U, Readonly<Record<I, P>>>> }
  ): Priority<P> =>
    isMatrix(self)
      ? (find(self, cell(self, urgency, impact) ?? '') ?? toPriority(self.priorities[0], 0))
      : { rank: 1, name: '' as P, label: '' }

/**
 * Returns the priority of a matrix that has a given name, with its rank: for a priority stored
 * on a ticket, or set by hand (a major incident), rather than looked up from a cell.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Priority.itilDefault, Priority.priorityNamed('P4')), E.right({ rank: 4, name: 'P4', label: 'low' }))
 * assert.deepStrictEqual(pipe(Priority.itilDefault, Priority.priorityNamed('P0'), E.mapLeft((e) => e._tag)), E.left('UnknownPriority'))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const priorityNamed =
  (name: string) =>
  <P extends string>(self: Matrix<string, string, P>): E.Either<PriorityError, Priority<P>> => {
    if (!isMatrix(self)) return E.left(notAMatrix('matrix', self))
    const p = typeof name === 'string' ? find(self, name) : undefined
    return p === undefined
      ? E.left(
          unknownPriority(
            'priority',
            self.priorities.map((l) => l.name),
            name
          )
        )
      : E.right(p)
  }

/**
 * Tells whether no cell of a matrix is less pressing than a less urgent or lower-impact cell:
 * raising the urgency or widening the impact never lowers the priority (false for a value that is
 * not a matrix).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Priority } from 'itsm-kit'
 * assert.strictEqual(Priority.isMonotone(Priority.itilDefault), true)
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isMonotone = (self: Matrix): boolean => isMatrix(self) && firstNonMonotonic(self) === undefined
