import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Priority } from '../../src/index.js'
import * as Arb from '../arbitraries/priority.js'
import { deepFreeze } from '../helpers/unsafe.js'

const opts = { numRuns: Arb.runs }

/**
 * Structural equality for matrices whose level names may be "constructor": vitest's toStrictEqual
 * compares `a.constructor === b.constructor` (the class check), which an own property of that
 * name defeats. toEqual plus equal JSON text (same keys, same order, no undefined) is as strict
 * for plain JSON data.
 */
const expectSame = (actual: unknown, expected: unknown): void => {
  expect(actual).toEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

/** The rank of a cell, read straight from the spec (not through lookup). */
const rankAt = (m: Priority.MatrixSpec, u: string, i: string): number => {
  const row = Object.entries(m.cells).find(([k]) => k === u)?.[1] ?? {}
  const name = Object.entries(row).find(([k]) => k === i)?.[1]
  return m.priorities.findIndex((p) => p.name === name) + 1
}

/** Monotone by the definition, over every pair of cells (not only neighbours). */
const monotoneByDefinition = (m: Priority.MatrixSpec): boolean =>
  m.urgencies.every((u1, a) =>
    m.impacts.every((i1, b) =>
      m.urgencies.every((u2, c) =>
        m.impacts.every((i2, d) => !(a <= c && b <= d) || rankAt(m, u1, i1) <= rankAt(m, u2, i2))
      )
    )
  )

describe('a priority matrix is total', () => {
  it('every urgency × impact pair of a valid matrix looks up to a priority of that matrix', () => {
    fc.assert(
      fc.property(Arb.matrix, (m) => {
        deepFreeze(m)
        for (const u of m.urgencies)
          for (const i of m.impacts) {
            const p = Arb.unsafeRight(pipe(m, Priority.lookup(u, i)))
            expectSame(m.priorities[p.rank - 1], { name: p.name, label: p.label })
            expect(p.rank).toBe(rankAt(m, u, i))
          }
      }),
      opts
    )
  })

  it('a name the matrix does not have is an UnknownUrgency or UnknownImpact, never a priority', () => {
    fc.assert(
      fc.property(Arb.matrix, fc.string(), (m, name) => {
        const u = pipe(m, Priority.lookup(name, m.impacts[0]))
        const i = pipe(m, Priority.lookup(m.urgencies[0], name))
        if (!m.urgencies.includes(name))
          expect(
            pipe(
              u,
              E.mapLeft((e) => e._tag)
            )
          ).toStrictEqual(E.left('UnknownUrgency'))
        if (!m.impacts.includes(name))
          expect(
            pipe(
              i,
              E.mapLeft((e) => e._tag)
            )
          ).toStrictEqual(E.left('UnknownImpact'))
      }),
      opts
    )
  })

  it('removing any one cell makes the spec a MissingCell error naming that cell', () => {
    fc.assert(
      fc.property(Arb.spec, fc.nat(), fc.nat(), (s, a, b) => {
        const u = s.urgencies[a % s.urgencies.length] as string
        const i = s.impacts[b % s.impacts.length] as string
        const cells = Object.fromEntries(
          Object.entries(s.cells).map(([k, row]) => [
            k,
            k === u ? Object.fromEntries(Object.entries(row).filter(([j]) => j !== i)) : row
          ])
        )
        expect(Priority.make({ ...s, cells })).toStrictEqual(
          E.left(expect.objectContaining({ _tag: 'MissingCell', path: `cells.${u}.${i}`, urgency: u, impact: i }))
        )
      }),
      opts
    )
  })
})

describe('monotone matrices', () => {
  it('a matrix made with { monotone: true } never gives a more urgent or wider-impact ticket a less pressing priority', () => {
    fc.assert(
      fc.property(Arb.monotoneMatrix, (m) => {
        expect(Priority.isMonotone(m)).toBe(true)
        expect(monotoneByDefinition(m)).toBe(true)
      }),
      opts
    )
  })

  it('the monotonicity check agrees with the definition over every pair of cells', () => {
    fc.assert(
      fc.property(Arb.spec, (s) => {
        const checked = Priority.make(s, { monotone: true })
        expect(E.isRight(checked)).toBe(monotoneByDefinition(s))
        if (E.isLeft(checked)) expect(checked.left._tag).toBe('NonMonotonicMatrix')
        expect(Priority.isMonotone(Arb.unsafeRight(Priority.make(s)))).toBe(monotoneByDefinition(s))
      }),
      opts
    )
  })

  it('the ITIL default is monotone', () => {
    expect(Priority.make(Priority.itilDefault, { monotone: true })).toStrictEqual(E.right(Priority.itilDefault))
  })
})

describe('the JSON wire form', () => {
  it('decode(encode(m)) = right(m), also through JSON text', () => {
    fc.assert(
      fc.property(Arb.matrix, (m) => {
        deepFreeze(m)
        expectSame(Priority.decodeMatrix(Priority.encodeMatrix(m)), E.right(m))
        expectSame(Priority.decodeMatrix(JSON.parse(JSON.stringify(Priority.encodeMatrix(m)))), E.right(m))
        expectSame(Priority.decodeMatrix(JSON.parse(JSON.stringify(m))), E.right(m))
      }),
      opts
    )
  })

  it('encode gives plain JSON data without the tag', () => {
    fc.assert(
      fc.property(Arb.matrix, (m) => {
        const json = Priority.encodeMatrix(m)
        expect(Object.keys(json ?? {})).toStrictEqual(['urgencies', 'impacts', 'priorities', 'cells'])
        expectSame(JSON.parse(JSON.stringify(json)), json)
      }),
      opts
    )
  })

  it('decode never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        const r = Priority.decodeMatrix(u)
        expect(E.isLeft(r)).toBe(true)
      }),
      opts
    )
  })

  it('decode never throws on a valid matrix with one field replaced by anything', () => {
    fc.assert(
      fc.property(
        Arb.spec,
        fc.constantFrom('urgencies', 'impacts', 'priorities', 'cells'),
        fc.anything(),
        (s, field, junk) => {
          const r = Priority.decodeMatrix({
            ...Priority.encodeMatrix(Arb.unsafeRight(Priority.make(s))),
            [field]: junk
          })
          if (E.isLeft(r)) expect(r.left.message).toMatch(/^[^\n]+: expected .+, received .+/)
        }
      ),
      opts
    )
  })
})

describe('Ord and Eq of priorities', () => {
  const { Ord, Eq } = Priority

  it('is total and consistent with Eq', () => {
    fc.assert(
      fc.property(Arb.anyPriority, Arb.anyPriority, (x, y) => {
        expect(Ord.compare(x, y) <= 0 || Ord.compare(y, x) <= 0).toBe(true)
        expect(Ord.compare(x, y)).toBe(-Ord.compare(y, x) || 0)
        expect(Ord.compare(x, y) === 0).toBe(Eq.equals(x, y))
        expect(Eq.equals(x, y)).toBe(x.rank === y.rank && x.name === y.name && x.label === y.label)
      }),
      opts
    )
  })

  it('is reflexive and antisymmetric', () => {
    fc.assert(
      fc.property(Arb.anyPriority, Arb.anyPriority, (x, y) => {
        expect(Ord.compare(x, x)).toBe(0)
        if (Ord.compare(x, y) <= 0 && Ord.compare(y, x) <= 0) expect(Eq.equals(x, y)).toBe(true)
      }),
      opts
    )
  })

  it('is transitive', () => {
    fc.assert(
      fc.property(Arb.anyPriority, Arb.anyPriority, Arb.anyPriority, (x, y, z) => {
        if (Ord.compare(x, y) <= 0 && Ord.compare(y, z) <= 0) expect(Ord.compare(x, z) <= 0).toBe(true)
      }),
      opts
    )
  })

  it('Eq is reflexive, symmetric and transitive', () => {
    fc.assert(
      fc.property(Arb.anyPriority, Arb.anyPriority, Arb.anyPriority, (x, y, z) => {
        expect(Eq.equals(x, x)).toBe(true)
        expect(Eq.equals(x, y)).toBe(Eq.equals(y, x))
        if (Eq.equals(x, y) && Eq.equals(y, z)) expect(Eq.equals(x, z)).toBe(true)
      }),
      opts
    )
  })

  it('puts the more pressing priority of one matrix first', () => {
    fc.assert(
      fc.property(Arb.matrix, fc.nat(), fc.nat(), (m, a, b) => {
        const [x, y] = [a % m.priorities.length, b % m.priorities.length]
        const px = Arb.unsafeRight(pipe(m, Priority.priorityNamed(m.priorities[x]?.name ?? '')))
        const py = Arb.unsafeRight(pipe(m, Priority.priorityNamed(m.priorities[y]?.name ?? '')))
        expect(Math.sign(Ord.compare(px, py))).toBe(Math.sign(x - y))
      }),
      opts
    )
  })
})

describe('impact from counts of users', () => {
  const order = { low: 0, medium: 1, high: 2 } as const

  it('more affected users never give a lower impact', () => {
    fc.assert(
      fc.property(Arb.affectedUsers, Arb.thresholds, fc.nat(), (users, th, extra) => {
        const more = { affected: Math.min(users.total, users.affected + extra), total: users.total }
        const a = Arb.unsafeRight(Priority.impactFromUsers(users, th))
        const b = Arb.unsafeRight(Priority.impactFromUsers(more, th))
        expect(order[a] <= order[b]).toBe(true)
      }),
      opts
    )
  })

  it('all users is high, and one user of several is low', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), Arb.thresholds, (total, th) => {
        expect(Priority.impactFromUsers({ affected: total, total }, th)).toStrictEqual(E.right('high'))
        if (total > 1) expect(Priority.impactFromUsers({ affected: 1, total }, th)).toStrictEqual(E.right('low'))
      }),
      opts
    )
  })
})
