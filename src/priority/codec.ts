import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as t from 'io-ts'
import { decodeWith } from '../internal/decodeError.js'
import { nonEmptyList } from '../internal/nonEmpty.js'
import { intBetween, record, stringWhere, tag } from '../internal/primitives.js'
import type { PriorityError } from './errors.js'
import type { Cells, MakeOptions, Matrix, MatrixSpec, Priority, PriorityLevel } from './model.js'
import { check } from './validate.js'

const MAX_LEVELS = 20

const isName = (s: string): boolean => s.length >= 1 && s.length <= 60 && s.trim() === s
const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const nameOf = (what: string): string => `${what} name of 1 to 60 characters, without blanks at either end`
const NameJson = stringWhere(nameOf('a'), isName)
const LabelJson = stringWhere('a label of 1 to 100 characters', (s) => s.length >= 1 && s.length <= 100)

/** A list of 1 to 20 items whose elements keep `[i]` paths. */
const listOf = <A, O>(
  item: t.Type<A, O, unknown>,
  name: string
): t.Type<ReadonlyNonEmptyArray<A>, ReadonlyNonEmptyArray<O>, unknown> => nonEmptyList(item, name, MAX_LEVELS)

/**
 * io-ts codec of one priority level `{ name, label }` of a matrix.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Priority } from 'itsm-kit'
 * // itsm-kit/codec exports this codec for your own io-ts codecs; a matrix lists its levels
 * assert.deepStrictEqual(Priority.itilDefault.priorities[0], { name: 'P1', label: 'critical' })
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const PriorityLevelJson: t.Type<PriorityLevel, PriorityLevel, unknown> = record(
  'a priority level',
  { name: NameJson, label: LabelJson },
  {}
)

/**
 * io-ts codec of a priority as a matrix gives it, `{ rank, name, label }`: the form tickets and
 * reports store.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * // itsm-kit/codec exports this codec; a priority is plain JSON data
 * const p1 = pipe(Priority.itilDefault, Priority.priorityOf('high', 'high'))
 * assert.deepStrictEqual(JSON.parse(JSON.stringify(p1)), { rank: 1, name: 'P1', label: 'critical' })
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const PriorityJson: t.Type<Priority, Priority, unknown> = record(
  'a priority',
  {
    rank: intBetween(1, MAX_LEVELS, `a rank from 1 (the most pressing) to ${MAX_LEVELS}`),
    name: NameJson,
    label: LabelJson
  },
  {}
)

const cellsName = 'cells: for each urgency name, an object from impact name to priority name'

const CellsJson: t.Type<Cells, Cells, unknown> = new t.Type<Cells, Cells, unknown>(
  cellsName,
  (u): u is Cells =>
    isObject(u) &&
    Object.entries(u).every(
      ([k, row]) =>
        isName(k) &&
        isObject(row) &&
        Object.entries(row).every(([i, p]) => isName(i) && typeof p === 'string' && isName(p))
    ),
  (u, c) => {
    if (!isObject(u)) return t.failure(u, c)
    const errors: t.ValidationError[] = []
    const rows: Array<readonly [string, Readonly<Record<string, string>>]> = []
    for (const [k, row] of Object.entries(u)) {
      const rowContext: t.Context = [...c, { key: k, type: t.UnknownRecord, actual: row }]
      if (!isName(k)) errors.push({ value: k, context: rowContext, message: nameOf('an urgency') })
      if (!isObject(row)) {
        errors.push({ value: row, context: rowContext, message: `an object from impact name to priority name` })
        continue
      }
      const cells: Array<readonly [string, string]> = []
      for (const [i, p] of Object.entries(row)) {
        const cellContext: t.Context = [...rowContext, { key: i, type: NameJson, actual: p }]
        if (!isName(i)) errors.push({ value: i, context: cellContext, message: nameOf('an impact') })
        if (typeof p === 'string' && isName(p)) cells.push([i, p])
        else errors.push({ value: p, context: cellContext, message: nameOf('a priority') })
      }
      // Object.fromEntries defines own properties, even for a level named "__proto__"
      rows.push([k, Object.fromEntries(cells)])
    }
    return errors.length > 0 ? t.failures(errors) : t.success(Object.fromEntries(rows))
  },
  (a) => Object.fromEntries(Object.entries(a).map(([k, row]) => [k, Object.fromEntries(Object.entries(row))]))
)

const Wire = record(
  'a priority matrix',
  {
    urgencies: listOf(NameJson, `a list of 1 to ${MAX_LEVELS} urgency names, most urgent first`),
    impacts: listOf(NameJson, `a list of 1 to ${MAX_LEVELS} impact names, widest first`),
    priorities: listOf(PriorityLevelJson, `a list of 1 to ${MAX_LEVELS} priority levels, most pressing first`),
    cells: CellsJson
  },
  // a matrix that went through JSON.stringify keeps its tag: accept it, drop it
  { _tag: tag('PriorityMatrix') }
)

/** The spec a well-formed wire value stands for: lists are non-empty once decoded. */
type Decoded = Omit<Matrix, '_tag'>

const toSpec = (w: Decoded): Decoded => ({
  urgencies: w.urgencies,
  impacts: w.impacts,
  priorities: w.priorities,
  cells: w.cells
})

/**
 * io-ts codec of the JSON wire form of a priority matrix, {@link MatrixSpec}: the shape only,
 * every problem with its path. {@link decodeMatrix} runs it and then checks the meaning.
 *
 * An optional `"_tag": "PriorityMatrix"` is accepted (a matrix written with `JSON.stringify`)
 * and dropped.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Priority } from 'itsm-kit'
 * // itsm-kit/codec exports this codec; Priority.decodeMatrix runs it, then checks the matrix
 * const json = JSON.parse(JSON.stringify(Priority.itilDefault))
 * assert.deepStrictEqual(Priority.decodeMatrix(json), E.right(Priority.itilDefault))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const MatrixSpecJson: t.Type<Omit<Matrix, '_tag'>, MatrixSpec, unknown> = new t.Type<
  Decoded,
  MatrixSpec,
  unknown
>(
  Wire.name,
  (u): u is Decoded => Wire.is(u),
  (u, c) => pipe(Wire.validate(u, c), E.map(toSpec)),
  (a) => Wire.encode(toSpec(a))
)

/**
 * Reads a priority matrix from JSON and checks it, as {@link make} does: first its shape
 * (every problem, with its path), then its meaning (the first problem).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority } from 'itsm-kit'
 * const json = {
 *   urgencies: ['high', 'low'],
 *   impacts: ['all', 'one'],
 *   priorities: [{ name: 'P1', label: 'now' }, { name: 'P2', label: 'soon' }],
 *   cells: { high: { all: 'P1', one: 'P2' }, low: { all: 'P2', one: 'P2' } }
 * }
 * const p = pipe(Priority.decodeMatrix(json), E.flatMap(Priority.lookup('low', 'all')))
 * assert.deepStrictEqual(p, E.right({ rank: 2, name: 'P2', label: 'soon' }))
 * const messages = pipe(Priority.decodeMatrix({ ...json, urgencies: [], cells: { high: { all: 3 } } }), E.mapLeft((e) => e.message))
 * assert.deepStrictEqual(messages, E.left([
 *   'urgencies: expected a list of 1 to 20 urgency names, most urgent first, received an array of 0 items',
 *   'cells.high.all: expected a priority name of 1 to 60 characters, without blanks at either end, received 3'
 * ].join('\n')))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeMatrix = (u: unknown, options?: MakeOptions): E.Either<PriorityError, Matrix> =>
  pipe(
    decodeWith(MatrixSpecJson)(u),
    E.flatMap((spec): E.Either<PriorityError, Matrix> => {
      const problem = check(spec, options)
      return problem === undefined ? E.right({ _tag: 'PriorityMatrix', ...spec }) : E.left(problem)
    })
  )

/**
 * Writes a priority matrix as plain JSON data (the inverse of {@link decodeMatrix}); a value that
 * {@link decodeMatrix} would not read back (not a matrix, or one whose cells a type cast broke) is
 * written as `null`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Priority } from 'itsm-kit'
 * const json = Priority.encodeMatrix(Priority.itilDefault)
 * assert.deepStrictEqual(json?.urgencies, ['high', 'medium', 'low'])
 * assert.deepStrictEqual(Priority.decodeMatrix(JSON.parse(JSON.stringify(json))), E.right(Priority.itilDefault))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeMatrix = (self: Matrix): MatrixSpec | null => (isReadable(self) ? MatrixSpecJson.encode(self) : null)

// a matrix is usually a constant: each object that decodeMatrix would read is checked once
const readable = new WeakSet<object>()

// the shape and the meaning, as decodeMatrix reads them: what encodeMatrix writes reads back
const isReadable = (u: unknown): u is Omit<Matrix, '_tag'> => {
  if (typeof u !== 'object' || u === null) return false
  if (readable.has(u)) return true
  try {
    if (!MatrixSpecJson.is(u) || check(u, undefined) !== undefined) return false
  } catch {
    // a hostile getter or proxy: not a matrix
    return false
  }
  readable.add(u)
  return true
}
