import type { DecodeError } from '../internal/decodeError.js'
import { describe } from '../internal/describe.js'
import type { UnknownZone } from '../time/index.js'

/**
 * An opening interval that opens and closes at the same wall time, so it is empty.
 *
 * @category errors
 * @since 0.1.0
 */
export interface EmptyInterval {
  readonly _tag: 'EmptyInterval'
  readonly path: string
  readonly opens: string
  readonly closes: string
  readonly message: string
}

/**
 * Two opening intervals that share time (overnight intervals included).
 *
 * @category errors
 * @since 0.1.0
 */
export interface OverlappingHours {
  readonly _tag: 'OverlappingHours'
  readonly path: string
  readonly other: string
  readonly message: string
}

/**
 * A calendar with no open time at all: every business-time search on it would be endless.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NoOpenTime {
  readonly _tag: 'NoOpenTime'
  readonly path: string
  readonly message: string
}

/**
 * A date rule that names a day no year has (30 February) or whose years are reversed.
 *
 * @category errors
 * @since 0.1.0
 */
export interface ImpossibleDate {
  readonly _tag: 'ImpossibleDate'
  readonly path: string
  readonly received: string
  readonly message: string
}

/**
 * Everything that can be wrong with a calendar spec.
 *
 * @category errors
 * @since 0.1.0
 */
export type CalendarError = DecodeError | UnknownZone | EmptyInterval | OverlappingHours | NoOpenTime | ImpossibleDate

/** @internal */
export const emptyInterval = (path: string, opens: string, closes: string): EmptyInterval => ({
  _tag: 'EmptyInterval',
  path,
  opens,
  closes,
  message: `${path}: expected an interval that closes at another time than it opens, received opens ${describe(opens)} and closes ${describe(closes)}`
})

/** @internal */
export const overlappingHours = (path: string, other: string, detail: string): OverlappingHours => ({
  _tag: 'OverlappingHours',
  path,
  other,
  message: `${path}: expected opening hours that do not overlap ${other}, received ${detail}`
})

/** @internal */
export const noOpenTime = (): NoOpenTime => ({
  _tag: 'NoOpenTime',
  path: 'weekly',
  message:
    'weekly: expected at least one opening interval in the week or in an exception, received a calendar that is never open'
})

/** @internal */
export const impossibleDate = (path: string, expected: string, received: string): ImpossibleDate => ({
  _tag: 'ImpossibleDate',
  path,
  received,
  message: `${path}: expected ${expected}, received ${received}`
})
