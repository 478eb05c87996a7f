import * as E from 'fp-ts/lib/Either.js'
import { decodeError, makeIssue, type DecodeError } from '../internal/decodeError.js'
import { decodeMatrix } from './codec.js'
import type { Matrix } from './model.js'

// a matrix is usually a constant: each object is checked once
const checked = new WeakSet<object>()

/**
 * Whether a value is a checked priority matrix (as {@link make} or {@link decodeMatrix} returns
 * it, or a copy of one): what a type cast cannot smuggle in. For values from JavaScript callers,
 * like `Calendar.isBusinessCalendar`. Never throws.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Priority } from 'itsm-kit'
 * assert.strictEqual(Priority.isMatrix(Priority.itilDefault), true)
 * assert.strictEqual(Priority.isMatrix({ _tag: 'PriorityMatrix' }), false)
 * ```
 * @category guards
 * @since 0.3.0
 */
export const isMatrix = (u: unknown): u is Matrix => {
  if (typeof u !== 'object' || u === null) return false
  if (checked.has(u)) return true
  try {
    if ((u as { readonly _tag?: unknown })._tag !== 'PriorityMatrix' || E.isLeft(decodeMatrix(u))) return false
  } catch {
    return false
  }
  checked.add(u)
  return true
}

/** The decode error of a value that is not a matrix, at `path`. @internal */
export const notAMatrix = (path: string, u: unknown): DecodeError =>
  decodeError([makeIssue(path, 'a priority matrix made by Priority.make or Priority.decodeMatrix', u)])
