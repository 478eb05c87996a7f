import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Priority } from '../../src/index.js'
import { getLeft } from '../helpers/unsafe.js'

// Pins the wording of every priority error: users read these, and tests elsewhere switch on _tag.
const base = {
  urgencies: ['high', 'low'],
  impacts: ['wide', 'narrow'],
  priorities: [
    { name: 'P1', label: 'critical' },
    { name: 'P2', label: 'high' },
    { name: 'P3', label: 'low' }
  ],
  cells: { high: { wide: 'P1', narrow: 'P2' }, low: { wide: 'P2', narrow: 'P3' } }
}
const fail = (spec: unknown, options?: Priority.MakeOptions) => getLeft(Priority.decodeMatrix(spec, options))

describe('matrix errors name the path, what was expected and what was received', () => {
  it('malformed data: every problem, with its path', () => {
    const e = fail({
      urgencies: 'high',
      impacts: [],
      priorities: [{ name: ' P1', label: '' }, { name: 'P2' }],
      cells: { high: { wide: 1, narrow: null }, low: 'P3' },
      colour: 'red'
    })
    expect(e._tag).toBe('DecodeError')
    expect(e.message).toBe(
      [
        'urgencies: expected a list of 1 to 20 urgency names, most urgent first, received "high"',
        'impacts: expected a list of 1 to 20 impact names, widest first, received an array of 0 items',
        'priorities[0].name: expected a name of 1 to 60 characters, without blanks at either end, received " P1"',
        'priorities[0].label: expected a label of 1 to 100 characters, received ""',
        'priorities[1].label: expected a label of 1 to 100 characters, received nothing',
        'cells.high.wide: expected a priority name of 1 to 60 characters, without blanks at either end, received 1',
        'cells.high.narrow: expected a priority name of 1 to 60 characters, without blanks at either end, received null',
        'cells.low: expected an object from impact name to priority name, received "P3"',
        'colour: expected no property "colour" here (known: urgencies, impacts, priorities, cells, _tag), received a string of 3 characters'
      ].join('\n')
    )
  })

  it('not a matrix at all', () => {
    expect(fail(42).message).toBe('$: expected a priority matrix, received 42')
    expect(fail({ ...base, _tag: 'Matrix' }).message).toBe('_tag: expected "PriorityMatrix", received "Matrix"')
  })

  it('more than 20 levels, and a level name too long to quote', () => {
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`)
    expect(fail({ ...base, urgencies: many }).message).toBe(
      'urgencies: expected a list of 1 to 20 urgency names, most urgent first, received an array of 21 items'
    )
    expect(fail({ ...base, impacts: ['x'.repeat(61)] }).message).toBe(
      'impacts[0]: expected a name of 1 to 60 characters, without blanks at either end, received a string of 61 characters'
    )
  })

  it('a cell key that is not a valid name', () => {
    expect(fail({ ...base, cells: { ...base.cells, '': { wide: 'P1' } } }).message).toBe(
      'cells: expected an urgency name of 1 to 60 characters, without blanks at either end, received ""'
    )
  })

  it('an urgency listed twice', () => {
    expect(fail({ ...base, urgencies: ['high', 'low', 'high'] })).toStrictEqual({
      _tag: 'DuplicateLevel',
      path: 'urgencies[2]',
      other: 'urgencies[0]',
      received: '"high"',
      message: 'urgencies[2]: expected a name not already used at urgencies[0], received "high"'
    })
  })

  it('an impact listed twice', () => {
    expect(fail({ ...base, impacts: ['wide', 'wide'] }).message).toBe(
      'impacts[1]: expected a name not already used at impacts[0], received "wide"'
    )
  })

  it('two priorities with one name', () => {
    const priorities = [...base.priorities, { name: 'P2', label: 'again' }]
    expect(fail({ ...base, priorities }).message).toBe(
      'priorities[3].name: expected a name not already used at priorities[1].name, received "P2"'
    )
  })

  it('cells for an urgency the matrix does not list', () => {
    expect(fail({ ...base, cells: { ...base.cells, urgent: { wide: 'P1', narrow: 'P1' } } })).toStrictEqual({
      _tag: 'UnknownUrgency',
      path: 'cells.urgent',
      received: '"urgent"',
      message: 'cells.urgent: expected one of the urgencies "high" | "low", received "urgent"'
    })
  })

  it('a cell for an impact the matrix does not list', () => {
    expect(fail({ ...base, cells: { ...base.cells, low: { ...base.cells.low, everyone: 'P1' } } })).toStrictEqual({
      _tag: 'UnknownImpact',
      path: 'cells.low.everyone',
      received: '"everyone"',
      message: 'cells.low.everyone: expected one of the impacts "wide" | "narrow", received "everyone"'
    })
  })

  it('a missing cell, and a missing row', () => {
    expect(fail({ ...base, cells: { ...base.cells, low: { wide: 'P2' } } })).toStrictEqual({
      _tag: 'MissingCell',
      path: 'cells.low.narrow',
      urgency: 'low',
      impact: 'narrow',
      message: 'cells.low.narrow: expected the priority for urgency "low" and impact "narrow", received nothing'
    })
    expect(fail({ ...base, cells: { high: base.cells.high } }).message).toBe(
      'cells.low.wide: expected the priority for urgency "low" and impact "wide", received nothing'
    )
  })

  it('a cell naming a priority the matrix does not list', () => {
    expect(fail({ ...base, cells: { ...base.cells, high: { wide: 'P0', narrow: 'P2' } } })).toStrictEqual({
      _tag: 'UnknownPriority',
      path: 'cells.high.wide',
      received: '"P0"',
      message: 'cells.high.wide: expected one of the priorities "P1" | "P2" | "P3", received "P0"'
    })
  })

  it('a more urgent cell that is less pressing, when the matrix must be monotone', () => {
    const cells = { high: { wide: 'P1', narrow: 'P3' }, low: { wide: 'P2', narrow: 'P2' } }
    expect(fail({ ...base, cells }, { monotone: true })).toStrictEqual({
      _tag: 'NonMonotonicMatrix',
      path: 'cells.high.narrow',
      other: 'cells.low.narrow',
      message:
        'cells.high.narrow: expected "P2" or a more pressing priority (the less urgent cell cells.low.narrow is "P2"), received "P3"'
    })
    expect(Priority.decodeMatrix({ ...base, cells })._tag).toBe('Right')
  })

  it('a wider-impact cell that is less pressing, when the matrix must be monotone', () => {
    const cells = { high: { wide: 'P2', narrow: 'P1' }, low: { wide: 'P2', narrow: 'P3' } }
    expect(fail({ ...base, cells }, { monotone: true }).message).toBe(
      'cells.high.wide: expected "P1" or a more pressing priority (the lower-impact cell cells.high.narrow is "P1"), received "P2"'
    )
  })
})

describe('lookup errors', () => {
  const itil = Priority.itilDefault

  it('an unknown urgency', () => {
    expect(getLeft(pipe(itil, Priority.lookup('urgent', 'high')))).toStrictEqual({
      _tag: 'UnknownUrgency',
      path: 'urgency',
      received: '"urgent"',
      message: 'urgency: expected one of the urgencies "high" | "medium" | "low", received "urgent"'
    })
  })

  it('an unknown impact, and something that is not a name at all', () => {
    expect(getLeft(pipe(itil, Priority.lookup('high', 'huge'))).message).toBe(
      'impact: expected one of the impacts "high" | "medium" | "low", received "huge"'
    )
    expect(getLeft(pipe(itil, Priority.lookup(undefined as unknown as string, 'high'))).message).toBe(
      'urgency: expected one of the urgencies "high" | "medium" | "low", received nothing'
    )
  })

  it('free text is summarised, not quoted', () => {
    expect(
      getLeft(
        pipe(itil, Priority.lookup('the whole finance department has been down since early this morning', 'high'))
      ).message
    ).toBe('urgency: expected one of the urgencies "high" | "medium" | "low", received a string of 67 characters')
  })

  it('an unknown priority name', () => {
    expect(getLeft(pipe(itil, Priority.priorityNamed('P0')))).toStrictEqual({
      _tag: 'UnknownPriority',
      path: 'priority',
      received: '"P0"',
      message: 'priority: expected one of the priorities "P1" | "P2" | "P3" | "P4" | "P5", received "P0"'
    })
  })
})

describe('user count and threshold errors', () => {
  it('a customer without users', () => {
    expect(getLeft(Priority.impactFromUsers({ affected: 0, total: 0 }))).toStrictEqual({
      _tag: 'InvalidUserCount',
      path: 'total',
      received: '0',
      message: 'total: expected a whole number of users, at least 1, received 0'
    })
  })

  it('more affected users than there are, or a fraction of a user', () => {
    expect(getLeft(Priority.impactFromUsers({ affected: 41, total: 40 })).message).toBe(
      'affected: expected a whole number of users from 0 to total (40), received 41'
    )
    expect(getLeft(Priority.impactFromUsers({ affected: 2.5, total: 40 })).message).toBe(
      'affected: expected a whole number of users from 0 to total (40), received 2.5'
    )
    expect(getLeft(Priority.impactFromUsers({ affected: 1, total: Number.NaN })).message).toBe(
      'total: expected a whole number of users, at least 1, received NaN'
    )
  })

  it('a share that is not a share', () => {
    expect(getLeft(Priority.impactFromUsers({ affected: 1, total: 4 }, { highShare: 50, someUsers: 2 }))).toStrictEqual(
      {
        _tag: 'InvalidImpactThreshold',
        path: 'thresholds.highShare',
        received: '50',
        message: 'thresholds.highShare: expected a share of all users greater than 0 and at most 1, received 50'
      }
    )
  })

  it('"some users" that is one user', () => {
    expect(getLeft(Priority.impactFromUsers({ affected: 1, total: 4 }, { highShare: 0.5, someUsers: 1 })).message).toBe(
      'thresholds.someUsers: expected a whole number of users, at least 2, received 1'
    )
  })
})
