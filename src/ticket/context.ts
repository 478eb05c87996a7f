import * as E from 'fp-ts/lib/Either.js'
import { decodeError, makeIssue, type DecodeError } from '../internal/decodeError.js'
import { defaultKindRules, isKind, makeKindRules } from '../kind/index.js'
import type { KindRules, KindRulesSpec } from '../kind/index.js'
import { isMatrix } from '../priority/index.js'
import { itilDefault } from '../priority/index.js'
import type { Matrix } from '../priority/index.js'
import { isTicketId } from './constructors.js'
import type { TicketState } from './model.js'
import { isArrayValue } from '../internal/primitives.js'

/**
 * What reading a ticket's history needs besides the events: the priority matrix the levels and
 * priorities of its events must come from, and the kind rules that say what each kind of ticket
 * may carry. Pass the same values `decide` was given (a `DecideContext` is one).
 *
 * @category models
 * @since 0.2.0
 */
export interface ReadContext {
  readonly matrix: Matrix
  readonly kinds: KindRules
}

/**
 * The context histories are read with unless another is given: the ITIL 3 × 3 matrix and the
 * default kind rules, as in `Ticket.defaultContext`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Kind, Priority, Ticket } from 'itsm-kit'
 * assert.deepStrictEqual(Ticket.defaultReadContext, { matrix: Priority.itilDefault, kinds: Kind.defaultKindRules })
 * ```
 * @category constants
 * @since 0.2.0
 */
export const defaultReadContext: ReadContext = { matrix: itilDefault, kinds: defaultKindRules }

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !isArrayValue(u)

// a context is usually a constant: check each matrix and kind-rules object once
const checkedKinds = new WeakSet<object>([defaultKindRules])

const safely = <A>(f: () => A, otherwise: A): A => {
  try {
    return f()
  } catch {
    // a hostile getter or a revoked proxy
    return otherwise
  }
}

/** A property of a value a caller passed, or undefined when reading it throws (a hostile getter, a revoked proxy). */
const read = (u: Record<string, unknown>, key: string): unknown => {
  try {
    return u[key]
  } catch {
    return undefined
  }
}

const matrixOk = isMatrix

const kindsOk = (u: unknown): u is KindRules =>
  isObject(u) &&
  (checkedKinds.has(u) ||
    (safely(() => u['_tag'] === 'KindRules' && E.isRight(makeKindRules(u['kinds'] as KindRulesSpec)), false) &&
      (checkedKinds.add(u), true)))

/**
 * The context to read with: the default one when none is given, kind rules alone (as `replay`
 * took them before 0.2.0) with the default matrix, or a checked context; a value that is none of
 * these is a decode error naming the part at fault.
 *
 * @internal
 */
export const resolveContext = (u: unknown, path = 'context'): E.Either<DecodeError, ReadContext> => {
  if (u === undefined) return E.right(defaultReadContext)
  if (!isObject(u)) return E.left(decodeError([makeIssue(path, 'a context with a priority matrix and kind rules', u)]))
  const tag = read(u, '_tag')
  if (tag === 'KindRules')
    return kindsOk(u)
      ? E.right({ matrix: itilDefault, kinds: u })
      : E.left(decodeError([makeIssue(path, 'checked kind rules', u)]))
  const matrix = read(u, 'matrix')
  const kinds = read(u, 'kinds')
  // every replay and timeline resolves its context: nothing more is made for a good one
  const matrixGood = matrixOk(matrix)
  const kindsGood = kindsOk(kinds)
  if (matrixGood && kindsGood) return E.right({ matrix, kinds })
  const issues = [
    ...(matrixGood
      ? []
      : [makeIssue(`${path}.matrix`, 'a priority matrix made by Priority.make or Priority.decodeMatrix', matrix)]),
    ...(kindsGood
      ? []
      : [makeIssue(`${path}.kinds`, 'kind rules made by Kind.makeKindRules or decodeKindRules', kinds)])
  ]
  return E.left(decodeError(issues))
}

const STATUS_TAGS = ['New', 'InProgress', 'Awaiting', 'Resolved', 'Closed', 'Cancelled']
const optionalOf = (u: unknown, type: 'string' | 'number' | 'object'): boolean =>
  u === undefined || (type === 'object' ? isObject(u) : typeof u === type)

/**
 * Whether a value looks like a ticket state in every field the transitions read: constant time,
 * so a long history stays linear (list items and text contents are not inspected).
 *
 * @internal
 */
export const isTicketState = (u: unknown): u is TicketState => {
  if (!isObject(u)) return false
  return safely(() => {
    if (u['_tag'] === 'Unopened') return true
    if (u['_tag'] !== 'Ticket') return false
    const s = u['status']
    return (
      isTicketId(u['id']) &&
      Number.isSafeInteger(u['version']) &&
      (u['version'] as number) >= 1 &&
      Number.isFinite(u['updatedAt']) &&
      Number.isFinite(u['openedAt']) &&
      typeof u['tier'] === 'string' &&
      Number.isSafeInteger(u['reopenCount']) &&
      Number.isSafeInteger(u['escalationCount']) &&
      Array.isArray(u['problemIds']) &&
      Array.isArray(u['notices']) &&
      isObject(s) &&
      STATUS_TAGS.includes(s['_tag'] as string) &&
      Number.isFinite(s['since']) &&
      (u['kind'] === undefined || isKind(u['kind'])) &&
      optionalOf(u['priority'], 'object') &&
      optionalOf(u['workaround'], 'object') &&
      optionalOf(u['rating'], 'object') &&
      optionalOf(u['requestedBy'], 'string') &&
      optionalOf(u['firstResponseAt'], 'number')
    )
  }, false)
}

/**
 * Whether a value is enough of a ticket state for `evolve` to apply an event to it without
 * throwing (the checks `evolve` can afford on every event).
 *
 * @internal
 */
export const isStateLike = (u: unknown): u is TicketState => {
  if (typeof u !== 'object' || u === null) return false
  const s = u as {
    readonly _tag?: unknown
    readonly status?: unknown
    readonly problemIds?: unknown
    readonly notices?: unknown
  }
  if (s._tag === 'Unopened') return true
  return (
    s._tag === 'Ticket' &&
    typeof s.status === 'object' &&
    s.status !== null &&
    Array.isArray(s.problemIds) &&
    Array.isArray(s.notices)
  )
}
