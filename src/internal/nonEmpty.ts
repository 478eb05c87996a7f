import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as t from 'io-ts'

/**
 * Whether a list has at least one item: the typed guard that narrows it to a non-empty list.
 *
 * @internal
 */
export const isNonEmpty = <A>(as: ReadonlyArray<A>): as is ReadonlyNonEmptyArray<A> => as.length > 0

/**
 * Maps a non-empty list to a non-empty list (`Array.prototype.map` forgets that it is non-empty).
 *
 * @internal
 */
export const mapNonEmpty =
  <A, B>(f: (a: A) => B) =>
  (as: ReadonlyNonEmptyArray<A>): ReadonlyNonEmptyArray<B> => {
    const out = as.map((a) => f(a))
    // as long as its input, so never empty: the fallback only satisfies the type checker
    return isNonEmpty(out) ? out : [f(as[0])]
  }

/**
 * A codec of a list of 1 to `max` items whose items keep their `[i]` in error paths (`patterns[0]`,
 * `urgencies[2]`); named for error messages.
 *
 * @internal
 */
export const nonEmptyList = <A, O>(
  item: t.Type<A, O, unknown>,
  name: string,
  max = Number.POSITIVE_INFINITY
): t.Type<ReadonlyNonEmptyArray<A>, ReadonlyNonEmptyArray<O>, unknown> => {
  const list = t.readonlyArray(item, name)
  const sized = (u: ReadonlyArray<unknown>): boolean => u.length >= 1 && u.length <= max
  return new t.Type<ReadonlyNonEmptyArray<A>, ReadonlyNonEmptyArray<O>, unknown>(
    name,
    (u): u is ReadonlyNonEmptyArray<A> => list.is(u) && sized(u),
    (u, c) => {
      if (!Array.isArray(u) || !sized(u)) return t.failure(u, c)
      // validate as the array type itself, so that item paths read `patterns[0]`
      const last = c[c.length - 1]
      const context: t.Context = last === undefined ? c : [...c.slice(0, -1), { ...last, type: list }]
      const items = list.validate(u, context)
      if (E.isLeft(items)) return items
      return isNonEmpty(items.right) ? t.success(items.right) : t.failure(u, c)
    },
    mapNonEmpty((a: A) => item.encode(a))
  )
}
