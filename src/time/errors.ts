import { describe } from '../internal/describe.js'

/**
 * A value that is not an instant itsm-kit accepts: not a valid date-time, missing its UTC
 * offset, not a whole number of milliseconds, or outside 1900–2200.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidInstant {
  readonly _tag: 'InvalidInstant'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * A value that is not a duration itsm-kit accepts: not finite, not whole milliseconds, longer
 * than {@link maxDuration}, or an ISO-8601 duration with calendar units.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidDuration {
  readonly _tag: 'InvalidDuration'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * A zone name that is not an IANA time zone known to this JavaScript runtime.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownZone {
  readonly _tag: 'UnknownZone'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * A value that is not a calendar date `YYYY-MM-DD` between 1900 and 2199 (or a local date-time
 * `YYYY-MM-DDTHH:mm[:ss]`, where one is expected).
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidLocalDate {
  readonly _tag: 'InvalidLocalDate'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * Everything that can go wrong when making a time value.
 *
 * @category errors
 * @since 0.1.0
 */
export type TimeError = InvalidInstant | InvalidDuration | UnknownZone | InvalidLocalDate

/** @internal */
export const invalidInstant = (path: string, expected: string, received: unknown): InvalidInstant => ({
  _tag: 'InvalidInstant',
  path,
  received: describe(received),
  message: `${path}: expected ${expected}, received ${describe(received)}`
})

/** @internal */
export const invalidDuration = (path: string, expected: string, received: unknown): InvalidDuration => ({
  _tag: 'InvalidDuration',
  path,
  received: describe(received),
  message: `${path}: expected ${expected}, received ${describe(received)}`
})

/** @internal */
export const unknownZone = (path: string, received: unknown): UnknownZone => ({
  _tag: 'UnknownZone',
  path,
  received: describe(received),
  message: `${path}: expected an IANA time zone known to this runtime (such as "Europe/Oslo"), received ${describe(received)}`
})

/** @internal */
export const invalidLocalDate = (path: string, expected: string, received: unknown): InvalidLocalDate => ({
  _tag: 'InvalidLocalDate',
  path,
  received: describe(received),
  message: `${path}: expected ${expected}, received ${describe(received)}`
})
