import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { Classification } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import { categories, categoriesJson } from './nordicDesk.js'

const ids = (cs: ReadonlyArray<Classification.Category>): ReadonlyArray<string> => cs.map((c) => c.id)

describe('a Nordic desk’s category tree', () => {
  it('the password-reset subcategory sits under accounts, under the workplace service', () => {
    expect(pipe(categories, Classification.findCategory('workplace.accounts.password'))).toStrictEqual(
      O.some({
        id: 'workplace.accounts.password',
        name: 'Password reset',
        parent: 'workplace.accounts',
        level: 'subcategory',
        path: ['workplace', 'workplace.accounts', 'workplace.accounts.password']
      })
    )
    expect(pipe(categories, Classification.ancestors('workplace.accounts.password'), O.map(ids))).toStrictEqual(
      O.some(['workplace', 'workplace.accounts'])
    )
    expect(
      pipe(
        categories,
        Classification.path('workplace.accounts.password'),
        O.map((p) => p.map((c) => c.name))
      )
    ).toStrictEqual(O.some(['Workplace', 'Accounts and access', 'Password reset']))
    expect(
      pipe(
        categories,
        Classification.serviceOf('workplace.accounts.password'),
        O.map((c) => c.id)
      )
    ).toStrictEqual(O.some('workplace'))
  })

  it('services are the roots, in the order of the spec', () => {
    expect(ids(Classification.services(categories))).toStrictEqual(['workplace', 'network', 'security', 'erp', 'email'])
    expect(ids(Classification.children('erp')(categories))).toStrictEqual(['erp.availability', 'erp.batch'])
    expect(Classification.children('erp.batch.invoicing')(categories)).toStrictEqual([])
    expect(Classification.children('printers')(categories)).toStrictEqual([])
  })

  it('one category is under another when the other is one of its ancestors', () => {
    const under = (id: string, ancestor: string) => pipe(categories, Classification.isUnder(id, ancestor))
    expect(under('erp.batch.invoicing', 'erp')).toBe(true)
    expect(under('erp.batch.invoicing', 'erp.batch')).toBe(true)
    expect(under('erp.batch', 'erp.batch.invoicing')).toBe(false)
    expect(under('erp', 'erp')).toBe(false)
    expect(under('network.wifi', 'erp')).toBe(false)
    expect(under('nowhere', 'erp')).toBe(false)
  })

  it('unknown ids are answered with none, never with something inherited from Object', () => {
    for (const id of ['printers', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(pipe(categories, Classification.findCategory(id))).toStrictEqual(O.none)
      expect(pipe(categories, Classification.path(id))).toStrictEqual(O.none)
      expect(pipe(categories, Classification.hasCategory(id))).toBe(false)
      expect(pipe(categories, Classification.serviceOf(id))).toStrictEqual(O.none)
    }
  })

  it('nodes may be listed children first; the tree and its JSON keep the given order', () => {
    const reversed = { categories: [...categoriesJson.categories].reverse() }
    const tree = getRight(Classification.makeCategoryTree(reversed))
    expect(pipe(tree, Classification.path('erp.batch.invoicing'), O.map(ids))).toStrictEqual(
      O.some(['erp', 'erp.batch', 'erp.batch.invoicing'])
    )
    expect(Classification.encodeCategoryTree(tree)).toStrictEqual(reversed)
  })

  it('an empty tree is a valid tree with no services', () => {
    const empty = getRight(Classification.makeCategoryTree({ categories: [] }))
    expect(Classification.services(empty)).toStrictEqual([])
  })

  it('the tree round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(Classification.encodeCategoryTree(categories)))
    expect(json).toStrictEqual(categoriesJson)
    expect(Classification.decodeCategoryTree(json)).toStrictEqual(E.right(categories))
  })
})
