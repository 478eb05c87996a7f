import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'

/**
 * One priority a matrix can give: its `name` (the code people write, such as `P1` or `5`) and a
 * `label` shown to people (such as `critical` or `Very high`).
 *
 * @category models
 * @since 0.1.0
 */
export interface PriorityLevel<P extends string = string> {
  readonly name: P
  readonly label: string
}

/**
 * A priority as a matrix gives it: the level plus its `rank`, where 1 is the most pressing
 * priority of the matrix, 2 the next, and so on (its place in {@link Matrix.priorities}).
 *
 * Ranks compare priorities of one matrix; the `name` is what tickets and SLA policies store.
 *
 * @category models
 * @since 0.1.0
 */
export interface Priority<P extends string = string> {
  readonly rank: number
  readonly name: P
  readonly label: string
}

/**
 * The cells of a matrix: for each urgency, for each impact, the name of a priority.
 *
 * Written urgency first, as in `cells.high.low`: the priority of a highly urgent ticket with a
 * low impact.
 *
 * @category models
 * @since 0.1.0
 */
export type Cells<U extends string = string, I extends string = string, P extends string = string> = Readonly<
  Record<U, Readonly<Record<I, P>>>
>

/**
 * A priority matrix as plain JSON-serialisable data, before it is checked: the input of
 * {@link make} and the wire form that {@link encodeMatrix} writes.
 *
 * Levels are data: any number of urgencies, impacts and priorities (1 to 20 of each), named as
 * you like (1 to 60 characters, no blanks at either end). Each list is ordered from the most
 * to the least pressing end: urgencies most urgent first, impacts widest first, priorities most
 * pressing first. A priority that no cell names is allowed (a "major incident" level that only
 * a manual override reaches, for example).
 *
 * @category models
 * @since 0.1.0
 */
export interface MatrixSpec<U extends string = string, I extends string = string, P extends string = string> {
  /** Urgency levels, most urgent first. */
  readonly urgencies: ReadonlyArray<U>
  /** Impact levels, widest (most people or business hit) first. */
  readonly impacts: ReadonlyArray<I>
  /** Priority levels, most pressing first: the first one has rank 1. */
  readonly priorities: ReadonlyArray<PriorityLevel<P>>
  /** The priority name of every urgency × impact pair. */
  readonly cells: Cells<U, I, P>
}

/**
 * A checked priority matrix: total (every urgency × impact pair has a priority of the matrix),
 * without duplicate or unknown levels, and monotone if it was made with `{ monotone: true }`.
 *
 * Made only by {@link make} or {@link decodeMatrix}. The type parameters are the level names:
 * literal unions for a matrix written in code (so {@link priorityOf} can be total), `string` for
 * one decoded from JSON (use {@link lookup}).
 *
 * @category models
 * @since 0.1.0
 */
export interface Matrix<
  U extends string = string,
  I extends string = string,
  P extends string = string
> extends MatrixSpec<U, I, P> {
  readonly _tag: 'PriorityMatrix'
  readonly urgencies: ReadonlyNonEmptyArray<U>
  readonly impacts: ReadonlyNonEmptyArray<I>
  readonly priorities: ReadonlyNonEmptyArray<PriorityLevel<P>>
}

/**
 * Options for {@link make} and {@link decodeMatrix}.
 *
 * @category models
 * @since 0.1.0
 */
export interface MakeOptions {
  /**
   * Also reject a matrix in which a more urgent or wider-impact cell is less pressing than its
   * neighbour (default `false`).
   */
  readonly monotone?: boolean
}

/**
 * The ITIL default urgency and impact levels.
 *
 * @category models
 * @since 0.1.0
 */
export type ItilLevel = 'high' | 'medium' | 'low'

/**
 * The urgency levels of the ITIL default matrix: how soon the business needs the fix.
 *
 * @category models
 * @since 0.1.0
 */
export type ItilUrgency = ItilLevel

/**
 * The impact levels of the ITIL default matrix: how much of the business is hit.
 *
 * @category models
 * @since 0.1.0
 */
export type ItilImpact = ItilLevel

/**
 * The priority names of the ITIL default matrix, `P1` (critical) to `P5` (planning).
 *
 * @category models
 * @since 0.1.0
 */
export type ItilPriorityName = 'P1' | 'P2' | 'P3' | 'P4' | 'P5'

/**
 * Who is affected: the whole company (all its users), some users, or one user.
 *
 * @category models
 * @since 0.1.0
 */
export type AffectedScope = 'whole-company' | 'some-users' | 'one-user'

/**
 * What the fault does to the business: nobody can work, work goes on with reduced function,
 * or people can keep working (an annoyance, or a workaround exists).
 *
 * @category models
 * @since 0.1.0
 */
export type BusinessEffect = 'nobody-can-work' | 'reduced-function' | 'can-keep-working'

/**
 * How many of a customer's users a fault hits: `affected` of `total` (whole numbers,
 * `0 ≤ affected ≤ total`, `total ≥ 1`).
 *
 * @category models
 * @since 0.1.0
 */
export interface AffectedUsers {
  readonly affected: number
  readonly total: number
}

/**
 * Where {@link impactFromUsers} draws its lines.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImpactThresholds {
  /**
   * The share of all users (more than 0, at most 1) from which impact is high, provided at least
   * `someUsers` are affected. Default 0.5.
   */
  readonly highShare: number
  /** The number of affected users from which a fault hits "some users" rather than one (≥ 2). Default 2. */
  readonly someUsers: number
}
