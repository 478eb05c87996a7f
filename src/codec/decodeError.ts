import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe } from './describe.js'

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
  /** The received value, described: short scalars verbatim, long text by its length. */
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
  /** All issues, one per line. */
  readonly message: string
}

/** @internal */
export const makeIssue = (path: string, expected: string, received: unknown): Issue => ({
  path,
  expected,
  received: describe(received),
  message: `${path}: expected ${expected}, received ${describe(received)}`
})

/** @internal */
export const decodeError = (issues: ReadonlyArray<Issue>): DecodeError => ({
  _tag: 'DecodeError',
  issues,
  message: issues.map((i) => i.message).join('\n')
})

// unions and intersections validate each member under an index key ("0", "1", …) that is not
// part of the data's path; refinements, exact, readonly and recursive types add no step at all
const transparent = new Set(['UnionType', 'IntersectionType'])
const indexed = new Set(['ArrayType', 'ReadonlyArrayType', 'TupleType', 'ReadonlyArrayType'])

type Tagged = { readonly _tag?: string; readonly type?: Tagged }

/** The type under refinement, readonly and exact wrappers (which validate their inner type in place). */
const unwrap = (type: Tagged): Tagged => {
  let x = type
  while ((x._tag === 'RefinementType' || x._tag === 'ReadonlyType' || x._tag === 'ExactType') && x.type !== undefined) x = x.type
  return x
}

const pathOf = (context: t.Context): string => {
  let path = ''
  for (let i = 1; i < context.length; i++) {
    const entry = context[i] as t.ContextEntry
    const parent = unwrap((context[i - 1] as t.ContextEntry).type as unknown as Tagged)
    if (entry.key === '' || transparent.has(parent._tag ?? '')) continue
    path += indexed.has(parent._tag ?? '') ? `[${entry.key}]` : path === '' ? entry.key : `.${entry.key}`
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
    issues.push(makeIssue(path, expected, e.value))
  }
  return decodeError(issues)
}

/**
 * Runs an io-ts codec and converts its errors; never throws, whatever the input.
 *
 * @internal
 */
export const decodeWith = <A, O>(codec: t.Type<A, O, unknown>) => (u: unknown): E.Either<DecodeError, A> => {
  try {
    return E.mapLeft(fromValidationErrors)(codec.decode(u))
  } catch {
    // a getter or proxy on the input threw: report it instead of letting it escape
    return E.left(decodeError([makeIssue('$', 'plain JSON data', u)]))
  }
}

/**
 * Formats a decode error with one issue per line.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Codec } from 'itsm-kit'
 * const result = Calendar.decodeCalendarSpec({ zone: 42, weekly: {} })
 * assert.deepStrictEqual(pipe(result, E.mapLeft(Codec.formatDecodeError)), E.left('zone: expected an IANA time zone name, received 42'))
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const formatDecodeError = (self: DecodeError): string => self.issues.map((i) => i.message).join('\n')
