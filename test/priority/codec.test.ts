import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Priority } from '../../src/index.js'
import { decodeWith } from '../../src/internal/decodeError.js'
// The raw io-ts codecs are public through itsm-kit/codec (src/codec/index.ts); imported from
// their module here so that this file does not depend on that re-export.
import { MatrixSpecJson, PriorityJson, PriorityLevelJson } from '../../src/priority/codec.js'
import * as Arb from '../arbitraries/priority.js'
import { expectNullOrRoundTrip, viaJson } from '../helpers/nearValid.js'

const opts = { numRuns: Arb.runs }

describe('io-ts codecs of priorities', () => {
  it('a priority round-trips through JSON', () => {
    fc.assert(
      fc.property(Arb.priority, (p) => {
        expect(PriorityJson.decode(JSON.parse(JSON.stringify(PriorityJson.encode(p))))).toStrictEqual(E.right(p))
      }),
      opts
    )
  })

  it('a priority level round-trips through JSON', () => {
    fc.assert(
      fc.property(Arb.matrix, (m) => {
        for (const level of m.priorities)
          expect(PriorityLevelJson.decode(JSON.parse(JSON.stringify(level)))).toStrictEqual(E.right(level))
      }),
      opts
    )
  })

  it('composes into a larger codec with paths that lead into it', () => {
    const TicketJson = t.type({ priority: PriorityJson, matrix: MatrixSpecJson })
    const decode = decodeWith(TicketJson)
    const matrix = Priority.encodeMatrix(Priority.itilDefault)
    expect(
      pipe(
        decode({
          priority: { rank: 0, name: 'P1', label: 'critical' },
          matrix: { ...matrix, urgencies: ['high', ''] }
        }),
        E.mapLeft((e) => e.message)
      )
    ).toStrictEqual(
      E.left(
        [
          'priority.rank: expected a rank from 1 (the most pressing) to 20, received 0',
          'matrix.urgencies[1]: expected a name of 1 to 60 characters, without blanks at either end, received ""'
        ].join('\n')
      )
    )
    expect(
      pipe(
        decode({ priority: { rank: 1, name: 'P1', label: 'critical' }, matrix }),
        E.map((x) => x.matrix)
      )
    ).toStrictEqual(E.right(matrix))
  })

  it('the shape codec accepts a tagged matrix and drops the tag', () => {
    expect(MatrixSpecJson.decode(JSON.parse(JSON.stringify(Priority.itilDefault)))).toStrictEqual(
      E.right(Priority.encodeMatrix(Priority.itilDefault))
    )
  })
})

describe('encodeMatrix', () => {
  it('says in its type that it may write null', () => {
    expectTypeOf(Priority.encodeMatrix).returns.toEqualTypeOf<Priority.MatrixSpec | null>()
    const json = Priority.encodeMatrix(Priority.itilDefault)
    // @ts-expect-error the result may be null: a consumer checks before reading it
    expect(json.urgencies).toStrictEqual(['high', 'medium', 'low'])
    if (json !== null) expectTypeOf(json).toEqualTypeOf<Priority.MatrixSpec>()
  })

  it('writes null exactly for what decodeMatrix rejects, and otherwise JSON that reads back to the same JSON', () => {
    expectNullOrRoundTrip({
      valid: Arb.matrix,
      encode: (u) => Priority.encodeMatrix(u as Priority.Matrix),
      readable: (u) => E.isRight(Priority.decodeMatrix(u)),
      readBack: (json) => E.map(Priority.encodeMatrix)(Priority.decodeMatrix(viaJson(json))),
      numRuns: opts.numRuns
    })
  })

  it('never throws: a value whose properties throw when read is written as null', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no')
        },
        has: () => {
          throw new Error('no')
        },
        ownKeys: () => {
          throw new Error('no')
        },
        getPrototypeOf: () => {
          throw new Error('no')
        }
      }
    )
    expect(Priority.encodeMatrix(hostile as Priority.Matrix)).toBeNull()
    // and a matrix it wrote once it writes again the same way
    const json = Priority.encodeMatrix(Priority.itilDefault)
    expect(Priority.encodeMatrix(Priority.itilDefault)).toStrictEqual(json)
  })
})
