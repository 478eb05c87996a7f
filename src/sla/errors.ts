import type { DecodeError } from '../internal/decodeError.js'
import { describe } from '../internal/describe.js'

/**
 * A policy that leaves a priority without a target for a metric it defines.
 *
 * @category errors
 * @since 0.1.0
 */
export interface MissingTarget {
  readonly _tag: 'MissingTarget'
  readonly path: string
  readonly message: string
}

/**
 * A policy whose response target is longer than its resolution target for a priority.
 *
 * @category errors
 * @since 0.1.0
 */
export interface ResponseAfterResolution {
  readonly _tag: 'ResponseAfterResolution'
  readonly path: string
  readonly message: string
}

/**
 * Warning thresholds that are not fractions strictly between 0 and 1 in increasing order.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidWarningThreshold {
  readonly _tag: 'InvalidWarningThreshold'
  readonly path: string
  readonly message: string
}

/**
 * Everything that can be wrong with an SLA policy.
 *
 * @category errors
 * @since 0.1.0
 */
export type SlaError = DecodeError | MissingTarget | ResponseAfterResolution | InvalidWarningThreshold

/** @internal */
export const missingTarget = (path: string, priority: string, known: ReadonlyArray<string>): MissingTarget => ({
  _tag: 'MissingTarget',
  path,
  message: `${path}: expected a target for every priority of the matrix (${known.map((p) => JSON.stringify(p)).join(', ')}), received none for ${describe(priority)}`
})

/** @internal */
export const responseAfterResolution = (
  path: string,
  response: string,
  resolution: string
): ResponseAfterResolution => ({
  _tag: 'ResponseAfterResolution',
  path,
  message: `${path}: expected a response target no longer than the resolution target (${resolution}), received ${response}`
})

/** @internal */
export const invalidWarningThreshold = (
  path: string,
  received: unknown,
  previous?: number
): InvalidWarningThreshold => ({
  _tag: 'InvalidWarningThreshold',
  path,
  message: `${path}: expected a fraction strictly between 0 and 1${previous === undefined ? '' : `, above the previous threshold ${previous}`}, received ${describe(received)}`
})
