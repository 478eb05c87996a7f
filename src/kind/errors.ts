import type { DecodeError } from '../internal/decodeError.js'
import { describe } from '../internal/describe.js'
import type { TicketKind } from './model.js'

/**
 * Kind rules that contradict the domain: a response target on a kind without a requester, or
 * a `problem` with a requester or a problem link.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InconsistentKindRule {
  readonly _tag: 'InconsistentKindRule'
  readonly path: string
  readonly kind: TicketKind
  readonly message: string
}

/**
 * Everything checking kind rules can fail with: malformed data, or rules that contradict the
 * domain.
 *
 * @category errors
 * @since 0.3.0
 */
export type KindError = DecodeError | InconsistentKindRule

/** @internal */
export const inconsistentKindRule = (
  kind: TicketKind,
  field: string,
  expected: string,
  received: unknown
): InconsistentKindRule => ({
  _tag: 'InconsistentKindRule',
  path: `${kind}.${field}`,
  kind,
  message: `${kind}.${field}: expected ${expected}, received ${describe(received)}`
})
