/**
 * fast-check generators of VALID priority matrices (any shape from 1 × 1 to 5 × 5, 1 to 6
 * priorities) and of the values to ask them about.
 *
 * Specs are valid by construction (no filtering of whole matrices): level names are unique per
 * list, every cell is filled with one of the priorities. Monotone specs are built cell by cell:
 * each cell is at least as far down the priority list as its more urgent and its wider-impact
 * neighbour. Names include ones that are also properties of `Object.prototype`.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { Priority } from '../../src/index.js'

export const runs = process.env.CI ? 1000 : 200

/** Names that a careless `record[name]` would resolve to something inherited. */
export const trickyNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const

/** A valid level name: 1 to 60 characters, no blanks at either end. */
export const levelName: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('high', 'medium', 'low', 'very high', 'P1', 'a.b', 'å', ...trickyNames) },
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0) }
)

const uniqueNames = (min: number, max: number): fc.Arbitrary<ReadonlyArray<string>> =>
  fc.uniqueArray(levelName, { minLength: min, maxLength: max })

const label: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 20 })

/** The Right of an Either, or an exception that fails the property (a generator bug). */
export const unsafeRight = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`generator produced an invalid value: ${e.left.message}`)
  return e.right
}

const asNonEmpty = <A>(as: ReadonlyArray<A>): readonly [A, ...A[]] => as as readonly [A, ...A[]]

/** Builds cells from a grid of 0-based priority indices, rows in urgency order. */
export const cellsOf = (
  urgencies: ReadonlyArray<string>,
  impacts: ReadonlyArray<string>,
  priorities: ReadonlyArray<string>,
  grid: ReadonlyArray<ReadonlyArray<number>>
): Priority.Cells =>
  // Object.fromEntries defines own properties, even for the name "__proto__"
  Object.fromEntries(
    urgencies.map((u, ui) => [
      u,
      Object.fromEntries(impacts.map((i, ii) => [i, priorities[grid[ui]?.[ii] ?? 0] as string]))
    ])
  )

interface Shape {
  readonly urgencies: ReadonlyArray<string>
  readonly impacts: ReadonlyArray<string>
  readonly priorities: ReadonlyArray<Priority.PriorityLevel>
}

const shape: fc.Arbitrary<Shape> = fc
  .record({
    urgencies: uniqueNames(1, 5),
    impacts: uniqueNames(1, 5),
    names: uniqueNames(1, 6),
    labels: fc.array(label, { minLength: 6, maxLength: 6 })
  })
  .map(({ urgencies, impacts, names, labels }) => ({
    urgencies,
    impacts,
    priorities: names.map((name, k) => ({ name, label: labels[k] ?? name }))
  }))

const specOf = (s: Shape, grid: ReadonlyArray<ReadonlyArray<number>>): Priority.MatrixSpec => ({
  urgencies: asNonEmpty(s.urgencies),
  impacts: asNonEmpty(s.impacts),
  priorities: asNonEmpty(s.priorities),
  cells: cellsOf(
    s.urgencies,
    s.impacts,
    s.priorities.map((p) => p.name),
    grid
  )
})

/** A valid spec of any shape; its cells may or may not be monotone. */
export const spec: fc.Arbitrary<Priority.MatrixSpec> = shape.chain((s) =>
  fc
    .array(fc.array(fc.nat(s.priorities.length - 1), { minLength: s.impacts.length, maxLength: s.impacts.length }), {
      minLength: s.urgencies.length,
      maxLength: s.urgencies.length
    })
    .map((grid) => specOf(s, grid))
)

/** A valid monotone spec: a cell is never more pressing than its more urgent or wider-impact neighbours. */
export const monotoneSpec: fc.Arbitrary<Priority.MatrixSpec> = shape.chain((s) =>
  fc
    .array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: s.impacts.length, maxLength: s.impacts.length }), {
      minLength: s.urgencies.length,
      maxLength: s.urgencies.length
    })
    .map((steps) => {
      const last = s.priorities.length - 1
      const grid: number[][] = []
      for (const [ui, row] of steps.entries()) {
        const out: number[] = []
        for (const [ii, step] of row.entries()) {
          const base = Math.max(grid[ui - 1]?.[ii] ?? 0, out[ii - 1] ?? 0)
          out.push(Math.min(last, base + step))
        }
        grid.push(out)
      }
      return specOf(s, grid)
    })
)

/** A valid matrix of any shape, made through the public constructor. */
export const matrix: fc.Arbitrary<Priority.Matrix> = spec.map((x) => unsafeRight(Priority.make(x)))

/** A valid monotone matrix, made with `{ monotone: true }`. */
export const monotoneMatrix: fc.Arbitrary<Priority.Matrix> = monotoneSpec.map((x) =>
  unsafeRight(Priority.make(x, { monotone: true }))
)

/** A priority some generated matrix gives to some cell. */
export const priority: fc.Arbitrary<Priority.Priority> = matrix.chain((m) =>
  fc
    .tuple(fc.constantFrom(...m.urgencies), fc.constantFrom(...m.impacts))
    .map(([u, i]) => unsafeRight(Priority.lookup(u, i)(m)))
)

/** A priority of the ITIL default matrix or of a generated one (ranks and names collide often). */
export const anyPriority: fc.Arbitrary<Priority.Priority> = fc.oneof(
  priority,
  fc.record({
    rank: fc.integer({ min: 1, max: 3 }),
    name: fc.constantFrom('P1', 'P2', 'x'),
    label: fc.constantFrom('critical', 'high', 'y')
  })
)

export const itilLevel: fc.Arbitrary<Priority.ItilLevel> = fc.constantFrom('high', 'medium', 'low')
export const scope: fc.Arbitrary<Priority.AffectedScope> = fc.constantFrom('whole-company', 'some-users', 'one-user')
export const effect: fc.Arbitrary<Priority.BusinessEffect> = fc.constantFrom(
  'nobody-can-work',
  'reduced-function',
  'can-keep-working'
)

/** Valid counts of affected users out of a customer's users. */
export const affectedUsers: fc.Arbitrary<Priority.AffectedUsers> = fc
  .integer({ min: 1, max: 100_000 })
  .chain((total) => fc.integer({ min: 0, max: total }).map((affected) => ({ affected, total })))

/** Valid impact thresholds. */
export const thresholds: fc.Arbitrary<Priority.ImpactThresholds> = fc.record({
  highShare: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
  someUsers: fc.integer({ min: 2, max: 1000 })
})
