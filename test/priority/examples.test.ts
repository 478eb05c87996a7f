import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Priority } from '../../src/index.js'
import { deepFreeze, getRight } from '../helpers/unsafe.js'

const itil = deepFreeze(Priority.itilDefault)
const of = (effect: Priority.BusinessEffect, scope: Priority.AffectedScope): Priority.Priority =>
  pipe(itil, Priority.priorityOf(Priority.urgencyFromEffect(effect), Priority.impactFromScope(scope)))

describe('the ITIL default matrix', () => {
  it('an outage for the whole company that stops all work is P1 critical', () => {
    expect(of('nobody-can-work', 'whole-company')).toStrictEqual({ rank: 1, name: 'P1', label: 'critical' })
  })

  it('one user who cannot work at all is P3 moderate', () => {
    expect(of('nobody-can-work', 'one-user')).toStrictEqual({ rank: 3, name: 'P3', label: 'moderate' })
  })

  it('the whole company working with reduced function is P2 high', () => {
    expect(of('reduced-function', 'whole-company')).toStrictEqual({ rank: 2, name: 'P2', label: 'high' })
  })

  it('some users working with reduced function is P3 moderate', () => {
    expect(of('reduced-function', 'some-users')).toStrictEqual({ rank: 3, name: 'P3', label: 'moderate' })
  })

  it('one user who can keep working is P5 planning', () => {
    expect(of('can-keep-working', 'one-user')).toStrictEqual({ rank: 5, name: 'P5', label: 'planning' })
  })

  it('reads as the published table, row by row (urgency high, medium, low × impact high, medium, low)', () => {
    const table = itil.urgencies.map((u) => itil.impacts.map((i) => getRight(pipe(itil, Priority.lookup(u, i))).name))
    expect(table).toStrictEqual([
      ['P1', 'P2', 'P3'],
      ['P2', 'P3', 'P4'],
      ['P3', 'P4', 'P5']
    ])
  })

  it('is a valid, monotone matrix', () => {
    expect(Priority.make(itil, { monotone: true })).toStrictEqual(E.right(itil))
    expect(Priority.isMonotone(itil)).toBe(true)
  })

  it('a level name typed in a form is looked up with lookup, and a typo is an error, not a priority', () => {
    expect(pipe(itil, Priority.lookup('low', 'medium'))).toStrictEqual(E.right({ rank: 4, name: 'P4', label: 'low' }))
    expect(
      pipe(
        itil,
        Priority.lookup('High', 'medium'),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('UnknownUrgency'))
    expect(
      pipe(
        itil,
        Priority.lookup('low', 'everyone'),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('UnknownImpact'))
  })

  it('a queue of tickets sorts most pressing first', () => {
    const queue = [
      of('can-keep-working', 'one-user'),
      of('nobody-can-work', 'whole-company'),
      of('reduced-function', 'one-user')
    ]
    expect(
      pipe(
        queue,
        RA.sort(Priority.Ord),
        RA.map((p) => `${p.name} ${p.label}`)
      )
    ).toStrictEqual(['P1 critical', 'P4 low', 'P5 planning'])
  })
})

describe('impact from the affected scope and urgency from the business effect', () => {
  it('maps each scope and effect to the ITIL level', () => {
    expect((['whole-company', 'some-users', 'one-user'] as const).map(Priority.impactFromScope)).toStrictEqual([
      'high',
      'medium',
      'low'
    ])
    expect(
      (['nobody-can-work', 'reduced-function', 'can-keep-working'] as const).map(Priority.urgencyFromEffect)
    ).toStrictEqual(['high', 'medium', 'low'])
  })
})

describe('impact from counts of users, with the default thresholds (half the users: high; 2 or more: some)', () => {
  const impact = (affected: number, total: number) => Priority.impactFromUsers({ affected, total })

  it('all 40 users of a customer is high', () => expect(impact(40, 40)).toStrictEqual(E.right('high')))
  it('20 of 40 users (half) is high', () => expect(impact(20, 40)).toStrictEqual(E.right('high')))
  it('19 of 40 users is medium', () => expect(impact(19, 40)).toStrictEqual(E.right('medium')))
  it('2 of 100 users is medium', () => expect(impact(2, 100)).toStrictEqual(E.right('medium')))
  it('one user of 40 is low', () => expect(impact(1, 40)).toStrictEqual(E.right('low')))
  it('nobody yet (monitoring saw it first) is low', () => expect(impact(0, 40)).toStrictEqual(E.right('low')))
  it('one user of a two-person customer is low, not half the company', () =>
    expect(impact(1, 2)).toStrictEqual(E.right('low')))
  it('2 users of a four-person customer is high', () => expect(impact(2, 4)).toStrictEqual(E.right('high')))
  it('the only user of a one-person customer is the whole company: high', () =>
    expect(impact(1, 1)).toStrictEqual(E.right('high')))

  it('thresholds are a parameter: a desk that calls a quarter of the users high', () => {
    const quarter = { highShare: 0.25, someUsers: 2 }
    expect(Priority.impactFromUsers({ affected: 10, total: 40 }, quarter)).toStrictEqual(E.right('high'))
    expect(Priority.impactFromUsers({ affected: 9, total: 40 }, quarter)).toStrictEqual(E.right('medium'))
  })

  it('thresholds are a parameter: a desk for which a handful of users is still one person’s problem', () => {
    const handful = { highShare: 0.5, someUsers: 5 }
    expect(Priority.impactFromUsers({ affected: 4, total: 300 }, handful)).toStrictEqual(E.right('low'))
    expect(Priority.impactFromUsers({ affected: 5, total: 300 }, handful)).toStrictEqual(E.right('medium'))
  })
})

describe('custom matrices', () => {
  // a 2 × 4 matrix with its own level names and a priority no cell reaches (set by hand)
  const spec = {
    urgencies: ['service down', 'service degraded'],
    impacts: ['all customers', 'one customer', 'internal only', 'nobody yet'],
    priorities: [
      { name: 'SEV0', label: 'major incident' },
      { name: 'SEV1', label: 'page the on-call engineer' },
      { name: 'SEV2', label: 'next business hour' },
      { name: 'SEV3', label: 'next sprint' }
    ],
    cells: {
      'service down': {
        'all customers': 'SEV1',
        'one customer': 'SEV1',
        'internal only': 'SEV2',
        'nobody yet': 'SEV2'
      },
      'service degraded': {
        'all customers': 'SEV1',
        'one customer': 'SEV2',
        'internal only': 'SEV3',
        'nobody yet': 'SEV3'
      }
    }
  } as const

  it('a 2 × 4 matrix with names of its own is made, checked and looked up like the ITIL one', () => {
    const m = getRight(Priority.make(deepFreeze(spec), { monotone: true }))
    expect(pipe(m, Priority.priorityOf('service degraded', 'all customers'))).toStrictEqual({
      rank: 2,
      name: 'SEV1',
      label: 'page the on-call engineer'
    })
    expect(pipe(m, Priority.lookup('service down', 'nobody yet'))).toStrictEqual(
      E.right({ rank: 3, name: 'SEV2', label: 'next business hour' })
    )
  })

  it('a priority that no cell reaches (a major incident set by hand) is still a priority of the matrix, and the most pressing', () => {
    const m = getRight(Priority.make(spec))
    const major = getRight(pipe(m, Priority.priorityNamed('SEV0')))
    expect(major).toStrictEqual({ rank: 1, name: 'SEV0', label: 'major incident' })
    expect(Priority.Ord.compare(major, pipe(m, Priority.priorityOf('service down', 'all customers')))).toBe(-1)
  })

  it('a matrix decoded from JSON is the same matrix', () => {
    const m = getRight(Priority.make(spec))
    expect(Priority.decodeMatrix(JSON.parse(JSON.stringify(spec)))).toStrictEqual(E.right(m))
    expect(Priority.encodeMatrix(m)).toStrictEqual(spec)
  })

  it('ITIL levels map onto a custom matrix through a table of your own', () => {
    const m = getRight(Priority.make(spec))
    const urgency: Record<Priority.ItilUrgency, 'service down' | 'service degraded'> = {
      high: 'service down',
      medium: 'service degraded',
      low: 'service degraded'
    }
    const impact: Record<Priority.ItilImpact, 'all customers' | 'one customer' | 'internal only'> = {
      high: 'all customers',
      medium: 'one customer',
      low: 'internal only'
    }
    const p = pipe(
      m,
      Priority.priorityOf(
        urgency[Priority.urgencyFromEffect('reduced-function')],
        impact[Priority.impactFromScope('one-user')]
      )
    )
    expect(p.name).toBe('SEV3')
  })

  it('a level named like an Object.prototype property is just a name', () => {
    const spec: Priority.MatrixSpec = {
      urgencies: ['constructor', 'toString'],
      impacts: ['hasOwnProperty'],
      priorities: [
        { name: 'valueOf', label: 'first' },
        { name: '__proto__', label: 'second' }
      ],
      cells: Object.fromEntries([
        ['constructor', { hasOwnProperty: 'valueOf' }],
        ['toString', Object.fromEntries([['hasOwnProperty', '__proto__']])]
      ])
    }
    const odd = getRight(Priority.make(spec))
    expect(pipe(odd, Priority.lookup('toString', 'hasOwnProperty'))).toStrictEqual(
      E.right({ rank: 2, name: '__proto__', label: 'second' })
    )
    expect(
      pipe(
        odd,
        Priority.lookup('valueOf', 'hasOwnProperty'),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('UnknownUrgency'))
    expect(
      pipe(
        Priority.itilDefault,
        Priority.lookup('constructor', 'high'),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('UnknownUrgency'))
    expect(
      pipe(
        Priority.itilDefault,
        Priority.priorityNamed('toString'),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('UnknownPriority'))
  })
})

describe('types', () => {
  it('priorityOf is total for literal level names, and a misspelt level does not compile', () => {
    expectTypeOf(pipe(Priority.itilDefault, Priority.priorityOf('high', 'low'))).toEqualTypeOf<
      Priority.Priority<Priority.ItilPriorityName>
    >()
    // @ts-expect-error: 'urgent' is not an urgency of the ITIL matrix
    pipe(Priority.itilDefault, Priority.priorityOf('urgent', 'low'))
    const custom = getRight(
      Priority.make({
        urgencies: ['service down'],
        impacts: ['all customers'],
        priorities: [{ name: 'P', label: 'p' }],
        cells: { 'service down': { 'all customers': 'P' } }
      })
    )
    // @ts-expect-error: impact and urgency swapped in a custom matrix do not type-check
    Priority.priorityOf('all customers', 'service down')(custom)
  })

  it('priorityOf does not accept plain strings or a decoded matrix: those go through lookup', () => {
    const decoded = getRight(Priority.decodeMatrix(Priority.encodeMatrix(Priority.itilDefault)))
    const fromForm: string = 'high'
    // @ts-expect-error: a decoded matrix has no literal level names
    Priority.priorityOf('high', 'low')(decoded)
    // @ts-expect-error: a plain string is not known to be a level
    Priority.priorityOf(fromForm, 'low')(Priority.itilDefault)
    expectTypeOf(pipe(decoded, Priority.lookup(fromForm, 'low'))).toEqualTypeOf<
      E.Either<Priority.PriorityError, Priority.Priority<string>>
    >()
  })

  it('make keeps the literal level names of a spec written in code', () => {
    const m = Priority.make({
      urgencies: ['now', 'later'],
      impacts: ['all'],
      priorities: [{ name: 'A', label: 'a' }],
      cells: { now: { all: 'A' }, later: { all: 'A' } }
    })
    expectTypeOf(m).toEqualTypeOf<E.Either<Priority.PriorityError, Priority.Matrix<'now' | 'later', 'all', 'A'>>>()
  })
})
