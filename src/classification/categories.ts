import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { decodeWith } from '../internal/decodeError.js'
import { isNonEmpty } from '../internal/nonEmpty.js'
import { CategoryTreeJson } from './codec.js'
import {
  categoryCycle,
  categoryTooDeep,
  duplicateCategoryId,
  unknownParent,
  type ClassificationError
} from './errors.js'
import type { Category, CategoryLevel, CategoryNode, CategoryTree, CategoryTreeSpec } from './model.js'
import { own } from '../internal/primitives.js'

// each tree object is checked once: the tree itself when it is well formed, else its rebuild
const checkedTrees = new WeakMap<object, CategoryTree>()

const levels: ReadonlyArray<CategoryLevel> = ['service', 'category', 'subcategory']
const MAX_DEPTH = levels.length

const build = (nodes: ReadonlyArray<CategoryNode>): E.Either<ClassificationError, CategoryTree> => {
  const first = new Map<string, number>()
  for (const [i, node] of nodes.entries()) {
    const seen = first.get(node.id)
    if (seen !== undefined) return E.left(duplicateCategoryId(`categories[${i}].id`, node.id, `categories[${seen}]`))
    first.set(node.id, i)
  }
  const parentIndex: number[] = []
  for (const [i, node] of nodes.entries()) {
    if (node.parent === undefined) {
      parentIndex.push(-1)
      continue
    }
    const p = first.get(node.parent)
    if (p === undefined) return E.left(unknownParent(`categories[${i}].parent`, node.id, node.parent))
    parentIndex.push(p)
  }
  // depth of every node, walking up each chain once; a chain that meets itself is a cycle
  const depth: number[] = nodes.map(() => 0)
  const onStack: boolean[] = nodes.map(() => false)
  for (let i = 0; i < nodes.length; i++) {
    const stack: number[] = []
    let j = i
    while (j >= 0 && depth[j] === 0 && !onStack[j]) {
      onStack[j] = true
      stack.push(j)
      j = parentIndex[j] ?? -1
    }
    if (j >= 0 && onStack[j]) {
      const around = stack.slice(stack.indexOf(j))
      // start the cycle at its node that comes first in the spec
      const start = around.indexOf(Math.min(...around))
      const cycle = [...around.slice(start), ...around.slice(0, start)]
      const ids = [...cycle, cycle[0] as number].map((k) => (nodes[k] as CategoryNode).id)
      return E.left(categoryCycle(`categories[${cycle[0]}].parent`, ids[0] as string, ids))
    }
    let d = j >= 0 ? (depth[j] as number) : 0
    for (let k = stack.length - 1; k >= 0; k--) {
      const n = stack[k] as number
      depth[n] = ++d
      onStack[n] = false
    }
  }
  const tooDeep = depth.indexOf(MAX_DEPTH + 1)
  if (tooDeep >= 0) {
    const node = nodes[tooDeep] as CategoryNode
    return E.left(categoryTooDeep(`categories[${tooDeep}].parent`, node.id, node.parent ?? ''))
  }
  const categories: Category[] = []
  for (const [i, node] of nodes.entries()) {
    // the ids from the service down to this node: at most three, so each step copies the list
    let path: ReadonlyNonEmptyArray<string> = [node.id]
    for (let k = parentIndex[i] ?? -1; k >= 0; k = parentIndex[k] ?? -1) path = [(nodes[k] as CategoryNode).id, ...path]
    categories.push({
      id: node.id,
      name: node.name,
      ...(node.parent === undefined ? {} : { parent: node.parent }),
      level: levels[(depth[i] as number) - 1] as CategoryLevel,
      path
    })
  }
  const tree: CategoryTree = {
    _tag: 'CategoryTree',
    categories,
    index: Object.fromEntries(nodes.map((n, i) => [n.id, i]))
  }
  checkedTrees.set(tree, tree)
  return E.right(tree)
}

// what makeCategoryTree and decodeCategoryTree share: a JavaScript caller may pass anything to either
const fromJson = (u: unknown): E.Either<ClassificationError, CategoryTree> =>
  pipe(
    decodeWith(CategoryTreeJson)(u),
    E.flatMap((decoded) => build(decoded.categories))
  )

/**
 * Checks a category tree and makes it queryable.
 *
 * Rejects, with the path and the id of the first problem: malformed data (every issue, with
 * its path), a duplicate id, a parent that does not exist, a chain of parents that loops, and a
 * node deeper than a subcategory (service → category → subcategory). Nodes may come in any
 * order.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({
 *   categories: [
 *     { id: 'network.wifi', name: 'Wi-Fi', parent: 'network' },
 *     { id: 'network', name: 'Network' }
 *   ]
 * })
 * assert.deepStrictEqual(pipe(tree, E.map((t) => t.categories.map((c) => c.level))), E.right(['category', 'service']))
 * const loop = Classification.makeCategoryTree({
 *   categories: [{ id: 'a', name: 'A', parent: 'b' }, { id: 'b', name: 'B', parent: 'a' }]
 * })
 * assert.deepStrictEqual(pipe(loop, E.mapLeft((e) => e.message)), E.left(
 *   'categories[0].parent: expected a chain of parents that ends at a service, received "b", which leads back to "a" ("a" → "b" → "a")'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const makeCategoryTree = (spec: CategoryTreeSpec): E.Either<ClassificationError, CategoryTree> => fromJson(spec)

/**
 * Reads a category tree from JSON (`{ categories: [{ id, name, parent? }, …] }`) and checks
 * it as {@link makeCategoryTree} does; malformed data is reported with every issue and its path.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const json = { categories: [{ id: 'network', name: 'Network' }, { id: 'wifi', title: 'Wi-Fi', parent: 'network' }] }
 * assert.deepStrictEqual(pipe(Classification.decodeCategoryTree(json), E.mapLeft((e) => e.message.split('\n'))), E.left([
 *   'categories[1].name: expected a name of 1–200 characters, not only spaces, received nothing',
 *   'categories[1].title: expected no property "title" here (known: id, name, parent), received a string of 5 characters'
 * ]))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeCategoryTree = (u: unknown): E.Either<ClassificationError, CategoryTree> => fromJson(u)

/**
 * Writes a category tree as plain JSON data, nodes in their original order (the inverse of
 * {@link decodeCategoryTree}). The queries of this module read a value that is not a checked
 * tree (a type cast let it in) as the tree its categories make, or as an empty tree.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const spec = { categories: [{ id: 'network', name: 'Network' }, { id: 'network.vpn', name: 'VPN', parent: 'network' }] }
 * assert.deepStrictEqual(pipe(Classification.makeCategoryTree(spec), E.map(Classification.encodeCategoryTree)), E.right(spec))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeCategoryTree = (self: CategoryTree): CategoryTreeSpec =>
  CategoryTreeJson.encode({
    categories: treeOf(self).categories.map((c) =>
      c.parent === undefined ? { id: c.id, name: c.name } : { id: c.id, name: c.name, parent: c.parent }
    )
  })

const EMPTY: CategoryTree = { _tag: 'CategoryTree', categories: [], index: {} }

/**
 * The tree to query: the value itself when it is a checked tree, one rebuilt from its categories
 * when it was put together by hand, or an empty tree when it is not a tree at all (a type cast
 * let it in). Never throws.
 *
 * @internal
 */
export const treeOf = (self: CategoryTree): CategoryTree => {
  if (typeof self !== 'object' || self === null) return EMPTY
  const known = checkedTrees.get(self)
  if (known !== undefined) return known
  let tree = EMPTY
  try {
    if (self._tag === 'CategoryTree' && Array.isArray(self.categories)) {
      const rebuilt = makeCategoryTree({
        categories: self.categories.map((c: Category) =>
          c?.parent === undefined ? { id: c?.id, name: c?.name } : { id: c.id, name: c.name, parent: c.parent }
        )
      })
      if (E.isRight(rebuilt)) tree = rebuilt.right
    }
  } catch {
    // a hostile getter: not a tree
  }
  checkedTrees.set(self, tree)
  return tree
}

const at = (id: string, self: CategoryTree): Category | undefined => {
  if (typeof id !== 'string') return undefined
  const tree = treeOf(self)
  const i = own(tree.index, id)
  return i === undefined ? undefined : tree.categories[i]
}

/**
 * The category with this id, if the tree has one.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [{ id: 'network', name: 'Network' }] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.findCategory('network'))), E.right(O.some({ id: 'network', name: 'Network', level: 'service', path: ['network'] })))
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.findCategory('toString'))), E.right(O.none))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const findCategory =
  (id: string) =>
  (self: CategoryTree): O.Option<Category> =>
    O.fromNullable(at(id, self))

/**
 * Whether the tree has a category with this id.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [{ id: 'network', name: 'Network' }] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.hasCategory('network'))), E.right(true))
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.hasCategory('email'))), E.right(false))
 * ```
 * @category guards
 * @since 0.1.0
 */
export const hasCategory =
  (id: string) =>
  (self: CategoryTree): boolean =>
    at(id, self) !== undefined

/**
 * The categories from the service down to this one (inclusive), if the tree has it.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [
 *   { id: 'workplace', name: 'Workplace' },
 *   { id: 'accounts', name: 'Accounts', parent: 'workplace' },
 *   { id: 'password', name: 'Password reset', parent: 'accounts' }
 * ] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.path('password')), E.map(O.map((p) => p.map((c) => c.name)))), E.right(O.some(['Workplace', 'Accounts', 'Password reset'])))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const path =
  (id: string) =>
  (self: CategoryTree): O.Option<ReadonlyNonEmptyArray<Category>> => {
    const c = at(id, self)
    if (c === undefined) return O.none
    // every id on a checked tree's path is a category of that tree, and the path is never empty
    const categories: Category[] = []
    for (const k of c.path) {
      const category = at(k, self)
      if (category === undefined) return O.none
      categories.push(category)
    }
    return isNonEmpty(categories) ? O.some(categories) : O.none
  }

/**
 * The ancestors of a category, from its service down to its parent (empty for a service), if
 * the tree has it.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [
 *   { id: 'workplace', name: 'Workplace' },
 *   { id: 'accounts', name: 'Accounts', parent: 'workplace' },
 *   { id: 'password', name: 'Password reset', parent: 'accounts' }
 * ] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.ancestors('password')), E.map(O.map((a) => a.map((c) => c.id)))), E.right(O.some(['workplace', 'accounts'])))
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.ancestors('workplace'))), E.right(O.some([])))
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.ancestors('printers'))), E.right(O.none))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const ancestors =
  (id: string) =>
  (self: CategoryTree): O.Option<ReadonlyArray<Category>> =>
    pipe(
      self,
      path(id),
      O.map((p) => p.slice(0, -1))
    )

/**
 * The direct children of a category, in the order of the spec (empty for a subcategory or an
 * unknown id).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [
 *   { id: 'network', name: 'Network' },
 *   { id: 'network.wifi', name: 'Wi-Fi', parent: 'network' },
 *   { id: 'network.vpn', name: 'VPN', parent: 'network' }
 * ] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.children('network')), E.map((cs) => cs.map((c) => c.id))), E.right(['network.wifi', 'network.vpn']))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const children =
  (id: string) =>
  (self: CategoryTree): ReadonlyArray<Category> =>
    typeof id === 'string' ? treeOf(self).categories.filter((c) => c.parent === id) : []

/**
 * The services: the roots of the tree, in the order of the spec.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [
 *   { id: 'network', name: 'Network' },
 *   { id: 'network.wifi', name: 'Wi-Fi', parent: 'network' },
 *   { id: 'email', name: 'E-mail' }
 * ] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.services), E.map((cs) => cs.map((c) => c.id))), E.right(['network', 'email']))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const services = (self: CategoryTree): ReadonlyArray<Category> =>
  treeOf(self).categories.filter((c) => c.parent === undefined)

/**
 * The service a category belongs to (itself, for a service), if the tree has it.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [
 *   { id: 'network', name: 'Network' },
 *   { id: 'network.wifi', name: 'Wi-Fi', parent: 'network' }
 * ] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.serviceOf('network.wifi')), E.map(O.map((c) => c.id))), E.right(O.some('network')))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const serviceOf =
  (id: string) =>
  (self: CategoryTree): O.Option<Category> => {
    const c = at(id, self)
    return c === undefined ? O.none : O.fromNullable(at(c.path[0], self))
  }

/**
 * Whether category `id` lies strictly below category `ancestor` (a category is not under
 * itself; unknown ids are under nothing).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const tree = Classification.makeCategoryTree({ categories: [
 *   { id: 'workplace', name: 'Workplace' },
 *   { id: 'accounts', name: 'Accounts', parent: 'workplace' },
 *   { id: 'password', name: 'Password reset', parent: 'accounts' }
 * ] })
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.isUnder('password', 'workplace'))), E.right(true))
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.isUnder('workplace', 'password'))), E.right(false))
 * assert.deepStrictEqual(pipe(tree, E.map(Classification.isUnder('accounts', 'accounts'))), E.right(false))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const isUnder =
  (id: string, ancestor: string) =>
  (self: CategoryTree): boolean => {
    const c = at(id, self)
    return c !== undefined && c.id !== ancestor && c.path.includes(ancestor)
  }
