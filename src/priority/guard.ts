import * as E from 'fp-ts/lib/Either.js'
import { decodeError, makeIssue, type DecodeError } from '../internal/decodeError.js'
import { decodeMatrix } from './codec.js'
import type { Matrix } from './model.js'

// a matrix is usually a constant: each object is checked once
const checked = new WeakSet<object>()

/**
 * Whether a value is a checked priority matrix (as `make` or `decodeMatrix` returns it): what a
 * type cast cannot smuggle in. Never throws.
 *
 * @internal
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
