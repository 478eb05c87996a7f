import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, describeFree, pathKey } from './describe.js'

/**
 * One problem found while decoding: where it is, what was expected and what was received.
 *
 * @category models
 * @since 0.1.0
 */
export interface Issue {
  /** Dotted path from the root, such as `weekly.mon[0].closes` (`$` for the root itself). */
  readonly path: string
  readonly expected: string
  /**
   * The received value, described: short scalars quoted with control and bidi characters as
   * `\uXXXX`, free text and strings over 60 characters by their length only.
   */
  readonly received: string
  readonly message: string
}

/**
 * Every problem found in one input, as io-ts collects them.
 *
 * @category errors
 * @since 0.1.0
 */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  readonly issues: ReadonlyArray<Issue>
  /** The issues one per line (the first 50, then how many more there are). */
  readonly message: string
}

/**
 * An issue; a `free` value (a title, a note, any text that may hold ticket content) is described
 * by its length only, never quoted.
 *
 * @internal
 */
export const makeIssue = (path: string, expected: string, received: unknown, free = false): Issue => {
  const shown = free ? describeFree(received) : describe(received)
  return { path, expected, received: shown, message: `${path}: expected ${expected}, received ${shown}` }
}

/** Most issues a message lists one per line; the rest are counted. @internal */
export const MESSAGE_ISSUES = 50

const joinIssues = (issues: ReadonlyArray<Issue>): string => {
  const lines = issues.slice(0, MESSAGE_ISSUES).map((i) => i.message)
  const more = issues.length - MESSAGE_ISSUES
  return more > 0 ? `${lines.join('\n')}\n… and ${more} more problem${more === 1 ? '' : 's'}` : lines.join('\n')
}

/** @internal */
export const decodeError = (issues: ReadonlyArray<Issue>): DecodeError => ({
  _tag: 'DecodeError',
  issues,
  message: joinIssues(issues)
})

const FREE = new WeakSet<object>()

/**
 * Marks a codec as one of free text (titles, notes, messages, reasons, comments): decode errors
 * then describe the received value by its length only, never quote it.
 *
 * @internal
 */
export const markFree = <T extends object>(type: T): T => {
  FREE.add(type)
  return type
}

// unions and intersections validate each member under an index key ("0", "1", …) that is not
// part of the data's path; refinements, exact, readonly and recursive types add no step at all
const transparent = new Set(['UnionType', 'IntersectionType'])
const indexed = new Set(['ArrayType', 'ReadonlyArrayType', 'TupleType', 'ReadonlyArrayType'])

// io-ts codecs are classes with a `_tag` (and wrappers an inner `type`) that its `Decoder`
// interface does not declare: read them as unknown data
const tagOf = (type: unknown): string =>
  typeof type === 'object' && type !== null && '_tag' in type && typeof type._tag === 'string' ? type._tag : ''

const innerOf = (type: unknown): unknown =>
  typeof type === 'object' && type !== null && 'type' in type ? type.type : undefined

/** The `_tag` of the type under refinement, readonly and exact wrappers (which validate their inner type in place). */
const unwrappedTag = (type: unknown): string => {
  let x = type
  let tag = tagOf(x)
  while (tag === 'RefinementType' || tag === 'ReadonlyType' || tag === 'ExactType') {
    const inner = innerOf(x)
    if (inner === undefined) break
    x = inner
    tag = tagOf(x)
  }
  return tag
}

const pathOf = (context: t.Context): string => {
  let path = ''
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]
    const parent = unwrappedTag(context[i - 1]?.type)
    if (entry === undefined || entry.key === '' || transparent.has(parent)) continue
    const key = pathKey(entry.key)
    path += indexed.has(parent) ? `[${key}]` : path === '' ? key : `.${key}`
  }
  return path === '' ? '$' : path
}

/**
 * Converts io-ts validation errors into a {@link DecodeError}, one issue per distinct path.
 *
 * @internal
 */
export const fromValidationErrors = (errors: t.Errors): DecodeError => {
  const seen = new Set<string>()
  const issues: Issue[] = []
  for (const e of errors) {
    const last = e.context[e.context.length - 1]
    const path = pathOf(e.context)
    const expected = e.message ?? last?.type.name ?? 'a valid value'
    const key = `${path}\u0000${expected}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(makeIssue(path, expected, e.value, last !== undefined && FREE.has(last.type)))
  }
  return decodeError(issues)
}

/**
 * Runs an io-ts codec and converts its errors; never throws, whatever the input.
 *
 * @internal
 */
export const decodeWith =
  <A, O>(codec: t.Type<A, O, unknown>) =>
  (u: unknown): E.Either<DecodeError, A> => {
    try {
      return E.mapLeft(fromValidationErrors)(codec.decode(u))
    } catch {
      // a getter or proxy on the input threw: report it instead of letting it escape
      return E.left(decodeError([makeIssue('$', 'plain JSON data', u)]))
    }
  }

/**
 * Formats a decode error with one issue per line: the first 50, then how many more there are.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * const result = Calendar.decodeCalendarSpec({ zone: 42, weekly: {} })
 * assert.deepStrictEqual(pipe(result, E.mapLeft(Codec.formatDecodeError)), E.left('zone: expected an IANA time zone name, received 42'))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const formatDecodeError = (self: DecodeError): string => joinIssues(self.issues)
