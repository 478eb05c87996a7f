import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { markFree } from './decodeError.js'
import { quote } from './describe.js'

/**
 * An integer codec with inclusive bounds, named for error messages.
 *
 * @internal
 */
export const intBetween = (
  min: number,
  max: number,
  name = `a whole number from ${min} to ${max}`
): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max,
    (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max ? t.success(u) : t.failure(u, c)),
    (a) => a
  )

/**
 * A string codec checked by a predicate, named for error messages.
 *
 * @internal
 */
export const stringWhere = (name: string, ok: (s: string) => boolean): t.Type<string, string, unknown> =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && ok(u),
    (u, c) => (typeof u === 'string' && ok(u) ? t.success(u) : t.failure(u, c)),
    (a) => a
  )

/**
 * A codec narrowed by a predicate on its decoded value (`ok`), named for error messages; encodes
 * as the codec it narrows.
 *
 * @internal
 */
export const refine = <A, O>(
  codec: t.Type<A, O, unknown>,
  name: string,
  ok: (a: A) => boolean
): t.Type<A, O, unknown> =>
  new t.Type<A, O, unknown>(
    name,
    (u): u is A => codec.is(u) && ok(u),
    (u, c) => {
      const r = codec.validate(u, c)
      return r._tag === 'Right' && !ok(r.right) ? t.failure(u, c, name) : r
    },
    codec.encode
  )

/**
 * A free-text codec (a title, a note, a message, a reason, a comment) checked by a predicate:
 * its decode errors give the received text's length, never the text.
 *
 * @internal
 */
export const freeText = (name: string, ok: (s: string) => boolean): t.Type<string, string, unknown> =>
  markFree(stringWhere(name, ok))

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

// an unknown property: its name is quoted escaped and cut; its value may be misfiled free text, so a
// string there is described by its length only
const Excess = markFree(
  new t.Type<never, never, unknown>(
    'no such property',
    (_u): _u is never => false,
    (u, c) => t.failure(u, c),
    (a) => a
  )
)

type Check = readonly [string, (u: unknown) => boolean]

/** The decoded value of a {@link record}: readonly, optional properties absent rather than `undefined`. @internal */
export type RecordOf<R extends t.Props, O extends t.Props> = { readonly [K in keyof R]: t.TypeOf<R[K]> } & {
  readonly [K in keyof O]?: t.TypeOf<O[K]>
}

/** The wire form of a {@link record}. @internal */
export type RecordWire<R extends t.Props, O extends t.Props> = { readonly [K in keyof R]: t.OutputOf<R[K]> } & {
  readonly [K in keyof O]?: t.OutputOf<O[K]>
}

/**
 * A record codec with required and optional properties that rejects unknown properties, so a
 * misspelt field is reported instead of silently ignored.
 *
 * @internal
 */
export const record = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O
): t.Type<RecordOf<R, O>, RecordWire<R, O>, unknown> => {
  const req = t.type(required)
  const opt = t.partial(optional)
  const reqKeys = Object.keys(required)
  const optKeys = Object.keys(optional)
  // each property with its guard, looked up once here rather than on every check
  const reqChecks: ReadonlyArray<Check> = reqKeys.map((k) => [k, (required[k] as t.Any).is])
  const optChecks: ReadonlyArray<Check> = optKeys.map((k) => [k, (optional[k] as t.Any).is])
  const known = [...reqKeys, ...optKeys]
  const knownSet = new Set(known)
  const isRecordOf = (u: Readonly<Record<string, unknown>>): boolean => {
    for (let i = 0; i < reqChecks.length; i++) {
      const [k, is] = reqChecks[i] as Check
      if (!is(u[k])) return false
    }
    let own = reqChecks.length
    for (let i = 0; i < optChecks.length; i++) {
      const [k, is] = optChecks[i] as Check
      const v = u[k]
      if (v !== undefined) {
        if (!is(v)) return false
        own++
      } else if (Object.prototype.hasOwnProperty.call(u, k)) own++
    }
    // a plain object has no other property when it has exactly as many as counted
    const proto: unknown = Object.getPrototypeOf(u)
    if (proto === Object.prototype || proto === null) {
      let n = 0
      for (const k in u) if (Object.prototype.hasOwnProperty.call(u, k)) n++
      return n === own
    }
    for (const k in u) if (Object.prototype.hasOwnProperty.call(u, k) && !knownSet.has(k)) return false
    return true
  }
  return new t.Type(
    name,
    // strict, like decoding: every required property, optional ones when present, nothing else
    (u): u is RecordOf<R, O> => {
      try {
        return isPlainObject(u) && isRecordOf(u)
      } catch {
        // an object whose reads throw (a Proxy from a JavaScript caller) is no such record
        return false
      }
    },
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c)
      const excess = Object.keys(u).filter((k) => !knownSet.has(k))
      // validate both halves in the caller's context, so paths read `weekly.mon`, not `0.weekly`
      const a = req.validate(u, c)
      const b = opt.validate(u, c)
      const problems = [...(E.isLeft(a) ? a.left : []), ...(E.isLeft(b) ? b.left : [])]
      let result: t.Validation<RecordOf<R, O>> = t.failures(problems)
      if (E.isRight(a) && E.isRight(b)) {
        // each half's own keys from that half: the decoded value, never the raw input's
        const out: Record<string, unknown> = {}
        for (const k of Object.keys(required)) out[k] = (a.right as Record<string, unknown>)[k]
        for (const k of Object.keys(optional))
          if ((b.right as Record<string, unknown>)[k] !== undefined) out[k] = (b.right as Record<string, unknown>)[k]
        result = t.success(out as RecordOf<R, O>)
      }
      if (excess.length === 0) return result
      const excessErrors: t.Errors = excess.map((k) => ({
        value: (u as Record<string, unknown>)[k],
        context: [...c, { key: k, type: Excess, actual: (u as Record<string, unknown>)[k] }],
        message: `no property ${quote(k)} here (known: ${known.join(', ')})`
      }))
      return E.isLeft(result) ? t.failures([...result.left, ...excessErrors]) : t.failures(excessErrors)
    },
    (a) => {
      // known properties only, optional ones only when defined, so the wire form stays plain
      // JSON that decodes again; a value that is not a record at all (a cast let it in) has no
      // properties to write (the public encoders check their value first and write null)
      const out: Record<string, unknown> = {}
      if (isPlainObject(a)) {
        for (const k of reqKeys) out[k] = (required[k] as t.Any).encode(a[k])
        for (const k of optKeys) {
          const v = a[k]
          if (v !== undefined) out[k] = (optional[k] as t.Any).encode(v)
        }
      }
      return out as RecordWire<R, O>
    }
  )
}

/**
 * A union of records told apart by `_tag`: an unknown tag gives one clear issue instead of one
 * per member.
 *
 * @internal
 */
export const taggedUnion = <M extends Readonly<Record<string, t.Mixed>>>(
  members: M
): t.Type<t.TypeOf<M[keyof M]>, t.OutputOf<M[keyof M]>, unknown> => {
  type A = t.TypeOf<M[keyof M]>
  type O = t.OutputOf<M[keyof M]>
  const tags = Object.keys(members)
  const expected = `one of ${tags.map((x) => `"${x}"`).join(' | ')}`
  return new t.Type<A, O, unknown>(
    tags.join(' | '),
    (u): u is A => {
      try {
        if (!isPlainObject(u)) return false
        const tag = u['_tag']
        const member = typeof tag === 'string' ? own(members, tag) : undefined
        return member !== undefined && member.is(u)
      } catch {
        // an object whose reads throw (a Proxy from a JavaScript caller) is none of the members
        return false
      }
    },
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u))
        return t.failure(u, c, `an object with a "_tag" (${expected})`)
      const tag = (u as Record<string, unknown>)['_tag']
      const member =
        typeof tag === 'string' && Object.prototype.hasOwnProperty.call(members, tag) ? members[tag] : undefined
      if (member === undefined)
        return t.failures([
          { value: tag, context: [...c, { key: '_tag', type: t.string, actual: tag }], message: expected }
        ])
      return member.validate(u, c)
    },
    (a) => {
      // a value without a known tag (a cast let it in) encodes to null rather than throw
      const tag: unknown = isPlainObject(a) ? a['_tag'] : undefined
      const member = typeof tag === 'string' ? own(members, tag) : undefined
      // io-ts types a member's encoder loosely (t.Mixed encodes to any); its output is the union's
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
      const out: O = member === undefined ? null : member.encode(a)
      return out
    }
  )
}

/**
 * A codec of one of a fixed set of strings, named `one of "a" | "b"` for error messages.
 *
 * @internal
 */
export const literals = <K extends string>(values: ReadonlyArray<K>): t.Type<K, K, unknown> => {
  const name = `one of ${values.map((v) => `"${v}"`).join(' | ')}`
  const is = (u: unknown): u is K => typeof u === 'string' && (values as ReadonlyArray<string>).includes(u)
  return new t.Type<K, K, unknown>(
    name,
    is,
    (u, c) => (is(u) ? t.success(u) : t.failure(u, c)),
    (a) => a
  )
}

/**
 * The value a record holds under its own key, never one inherited through `Object.prototype`
 * (records come from JSON, so a key may well be `constructor` or `__proto__`).
 *
 * @internal
 */
export const own = <A>(record: Readonly<Record<string, A>>, key: string): A | undefined =>
  // a key that is not a string (a type cast let it in) is no key: converting it could throw
  typeof key === 'string' &&
  typeof record === 'object' &&
  record !== null &&
  Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined

/** A literal `_tag` codec. @internal */
export const tag = <T extends string>(value: T): t.LiteralC<T> => t.literal(value)

/**
 * Whether a value is an array, without narrowing its type: for the defensive checks of values
 * typed as lists (`Array.isArray` would narrow a `ReadonlyArray<A>` to `any[]`).
 *
 * @internal
 */
export const isArrayValue = (u: unknown): boolean => {
  try {
    return Array.isArray(u)
  } catch {
    // a revoked Proxy from a JavaScript caller throws even here: it is no array
    return false
  }
}

/**
 * Visits the items of an array or any other iterable (read once, in order): `'done'` when every
 * item was visited, `'not iterable'` when the value is neither, `'failed'` when reading it threw
 * part of the way (the items before were visited). `visit` itself must not throw.
 *
 * @internal
 */
export const eachItem = <A>(u: Iterable<A>, visit: (a: A) => void): 'done' | 'not iterable' | 'failed' => {
  if (isArrayValue(u)) {
    const xs = u as ReadonlyArray<A>
    for (let i = 0; i < xs.length; i++) visit(xs[i] as A)
    return 'done'
  }
  let iterator: Iterator<A>
  try {
    const make = (u as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator]
    if (typeof make !== 'function') return 'not iterable'
    iterator = (make as () => Iterator<A>).call(u)
  } catch {
    return 'not iterable'
  }
  for (;;) {
    let step: IteratorResult<A>
    try {
      step = iterator.next()
      if (typeof step !== 'object' || step === null) return 'failed'
      if (step.done === true) return 'done'
    } catch {
      return 'failed'
    }
    visit(step.value)
  }
}
