import type { DecodeError } from '../internal/decodeError.js'
import { describe } from '../internal/describe.js'

/**
 * A level name used twice in one list: two urgencies, two impacts or two priorities alike.
 *
 * @category errors
 * @since 0.1.0
 */
export interface DuplicateLevel {
  readonly _tag: 'DuplicateLevel'
  readonly path: string
  /** Where the name was first used. */
  readonly other: string
  readonly received: string
  readonly message: string
}

/**
 * An urgency name the matrix does not have, in its cells or in a lookup.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownUrgency {
  readonly _tag: 'UnknownUrgency'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * An impact name the matrix does not have, in its cells or in a lookup.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownImpact {
  readonly _tag: 'UnknownImpact'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * A priority name the matrix does not list, in a cell or in a query.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownPriority {
  readonly _tag: 'UnknownPriority'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * An urgency × impact pair without a priority: a matrix must be total.
 *
 * @category errors
 * @since 0.1.0
 */
export interface MissingCell {
  readonly _tag: 'MissingCell'
  readonly path: string
  readonly urgency: string
  readonly impact: string
  readonly message: string
}

/**
 * A cell less pressing than a less urgent or lower-impact neighbour, in a matrix that must be
 * monotone.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NonMonotonicMatrix {
  readonly _tag: 'NonMonotonicMatrix'
  readonly path: string
  /** The neighbouring cell that is more pressing. */
  readonly other: string
  readonly message: string
}

/**
 * A count of users that is not a whole number in range (`0 ≤ affected ≤ total`, `total ≥ 1`).
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidUserCount {
  readonly _tag: 'InvalidUserCount'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * An impact threshold out of range (`0 < highShare ≤ 1`, `someUsers` a whole number ≥ 2).
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidImpactThreshold {
  readonly _tag: 'InvalidImpactThreshold'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * Everything that can be wrong with a priority matrix, a lookup in one, or the counts behind an
 * impact.
 *
 * @category errors
 * @since 0.1.0
 */
export type PriorityError =
  | DecodeError
  | DuplicateLevel
  | UnknownUrgency
  | UnknownImpact
  | UnknownPriority
  | MissingCell
  | NonMonotonicMatrix
  | InvalidUserCount
  | InvalidImpactThreshold

const oneOf = (what: string, names: ReadonlyArray<string>): string =>
  `one of the ${what} ${names.map((n) => describe(n)).join(' | ')}`

/** @internal */
export const duplicateLevel = (path: string, other: string, received: string): DuplicateLevel => ({
  _tag: 'DuplicateLevel',
  path,
  other,
  received: describe(received),
  message: `${path}: expected a name not already used at ${other}, received ${describe(received)}`
})

/** @internal */
export const unknownUrgency = (path: string, known: ReadonlyArray<string>, received: unknown): UnknownUrgency => ({
  _tag: 'UnknownUrgency',
  path,
  received: describe(received),
  message: `${path}: expected ${oneOf('urgencies', known)}, received ${describe(received)}`
})

/** @internal */
export const unknownImpact = (path: string, known: ReadonlyArray<string>, received: unknown): UnknownImpact => ({
  _tag: 'UnknownImpact',
  path,
  received: describe(received),
  message: `${path}: expected ${oneOf('impacts', known)}, received ${describe(received)}`
})

/** @internal */
export const unknownPriority = (path: string, known: ReadonlyArray<string>, received: unknown): UnknownPriority => ({
  _tag: 'UnknownPriority',
  path,
  received: describe(received),
  message: `${path}: expected ${oneOf('priorities', known)}, received ${describe(received)}`
})

/** @internal */
export const missingCell = (path: string, urgency: string, impact: string): MissingCell => ({
  _tag: 'MissingCell',
  path,
  urgency,
  impact,
  message: `${path}: expected the priority for urgency ${describe(urgency)} and impact ${describe(impact)}, received nothing`
})

/** @internal */
export const nonMonotonicMatrix = (
  path: string,
  other: string,
  neighbour: 'less urgent' | 'lower-impact',
  expected: string,
  received: string
): NonMonotonicMatrix => ({
  _tag: 'NonMonotonicMatrix',
  path,
  other,
  message: `${path}: expected ${describe(expected)} or a more pressing priority (the ${neighbour} cell ${other} is ${describe(expected)}), received ${describe(received)}`
})

/** @internal */
export const invalidUserCount = (path: string, expected: string, received: unknown): InvalidUserCount => ({
  _tag: 'InvalidUserCount',
  path,
  received: describe(received),
  message: `${path}: expected ${expected}, received ${describe(received)}`
})

/** @internal */
export const invalidImpactThreshold = (path: string, expected: string, received: unknown): InvalidImpactThreshold => ({
  _tag: 'InvalidImpactThreshold',
  path,
  received: describe(received),
  message: `${path}: expected ${expected}, received ${describe(received)}`
})
