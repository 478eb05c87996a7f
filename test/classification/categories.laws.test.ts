import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as O from 'fp-ts/lib/Option.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Classification } from '../../src/index.js'
import * as Arb from '../arbitraries/classification.js'

const numRuns = Arb.runs
const ids = (cs: ReadonlyArray<Classification.Category>): ReadonlyArray<string> => cs.map((c) => c.id)

describe('category tree laws', () => {
  it('every generated tree spec compiles', () => {
    fc.assert(
      fc.property(Arb.categoryTreeSpec(), (spec) => {
        expect(E.isRight(Classification.makeCategoryTree(spec))).toBe(true)
      }),
      { numRuns }
    )
  })

  it('a node is under each of its ancestors, and never under itself or its descendants', () => {
    fc.assert(
      fc.property(Arb.categoryTree(), (tree) => {
        for (const c of tree.categories) {
          const above = pipe(
            tree,
            Classification.ancestors(c.id),
            O.getOrElseW(() => [])
          )
          for (const a of above) {
            expect(pipe(tree, Classification.isUnder(c.id, a.id))).toBe(true)
            expect(pipe(tree, Classification.isUnder(a.id, c.id))).toBe(false)
          }
          expect(pipe(tree, Classification.isUnder(c.id, c.id))).toBe(false)
          // under exactly its ancestors
          const under = tree.categories.filter((o) => pipe(tree, Classification.isUnder(c.id, o.id)))
          expect(new Set(ids(under))).toStrictEqual(new Set(ids(above)))
        }
      }),
      { numRuns }
    )
  })

  it('no cycles: every path starts at a service, ends at the node, never repeats an id and is at most 3 long', () => {
    fc.assert(
      fc.property(Arb.categoryTree(), (tree) => {
        for (const c of tree.categories) {
          const p = pipe(
            tree,
            Classification.path(c.id),
            O.map(ids),
            O.getOrElseW(() => [])
          )
          expect(p[p.length - 1]).toBe(c.id)
          expect(
            pipe(
              tree,
              Classification.findCategory(p[0] as string),
              O.map((s) => s.parent)
            )
          ).toStrictEqual(O.some(undefined))
          expect(new Set(p).size).toBe(p.length)
          expect(p.length).toBeLessThanOrEqual(3)
          expect(c.level).toBe(['service', 'category', 'subcategory'][p.length - 1])
          expect(
            pipe(
              tree,
              Classification.serviceOf(c.id),
              O.map((s) => s.id)
            )
          ).toStrictEqual(O.some(p[0]))
        }
      }),
      { numRuns }
    )
  })

  it('children and parents agree, and every node is a service or someone’s child', () => {
    fc.assert(
      fc.property(Arb.categoryTree(), (tree) => {
        const reached = [...ids(Classification.services(tree))]
        for (const c of tree.categories) {
          for (const child of pipe(tree, Classification.children(c.id))) expect(child.parent).toBe(c.id)
          reached.push(...ids(pipe(tree, Classification.children(c.id))))
        }
        expect([...reached].sort()).toStrictEqual(ids(tree.categories).slice().sort())
      }),
      { numRuns }
    )
  })

  it('the order of the nodes in the spec changes no answer', () => {
    fc.assert(
      fc.property(
        Arb.categoryTreeSpec().chain((spec) =>
          fc
            .shuffledSubarray([...spec.categories], {
              minLength: spec.categories.length,
              maxLength: spec.categories.length
            })
            .map((shuffled) => ({ spec, shuffled }))
        ),
        ({ spec, shuffled }) => {
          const a = Classification.makeCategoryTree(spec)
          const b = Classification.makeCategoryTree({ categories: shuffled })
          if (E.isLeft(a) || E.isLeft(b)) throw new Error('generated trees compile')
          for (const c of spec.categories) {
            expect(pipe(b.right, Classification.findCategory(c.id))).toStrictEqual(
              pipe(a.right, Classification.findCategory(c.id))
            )
            expect(new Set(ids(pipe(b.right, Classification.children(c.id))))).toStrictEqual(
              new Set(ids(pipe(a.right, Classification.children(c.id))))
            )
          }
        }
      ),
      { numRuns }
    )
  })

  it('any list of nodes with arbitrary parents either compiles into a tree or is refused with a known error, never throws', () => {
    const node = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      name: fc.constant('N'),
      parent: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'z'), { nil: undefined })
    })
    const clean = (n: { id: string; name: string; parent: string | undefined }): Classification.CategoryNode =>
      n.parent === undefined ? { id: n.id, name: n.name } : { id: n.id, name: n.name, parent: n.parent }
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), (nodes) => {
        const r = Classification.makeCategoryTree({ categories: nodes.map(clean) })
        if (E.isRight(r)) {
          for (const c of r.right.categories) expect(c.path.length).toBeLessThanOrEqual(3)
        } else
          expect(['DuplicateCategoryId', 'UnknownParent', 'CategoryCycle', 'CategoryTooDeep']).toContain(r.left._tag)
      }),
      { numRuns }
    )
  })

  it('a chain of parents that closes on itself is always refused as a cycle naming its ids', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { minLength: 1, maxLength: 7 }),
        (ring) => {
          const categories = ring.map((id, i) => ({ id, name: id, parent: ring[(i + 1) % ring.length] as string }))
          const r = Classification.makeCategoryTree({ categories: [{ id: 'root', name: 'Root' }, ...categories] })
          expect(
            pipe(
              r,
              E.mapLeft((e) => e._tag)
            )
          ).toStrictEqual(E.left('CategoryCycle'))
          if (E.isLeft(r) && r.left._tag === 'CategoryCycle') expect(new Set(r.left.cycle)).toStrictEqual(new Set(ring))
        }
      ),
      { numRuns }
    )
  })
})
