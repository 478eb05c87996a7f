import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Priority } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'

// Custom matrices of other shapes: the published defaults of two open-source service desks,
// reproduced cell by cell. Level names are the peers' own ids, so their tables can be pasted.

describe("GLPI's default 5 × 5 matrix", () => {
  // Source: glpi-project/glpi, install/empty_data.php (commit 0041a2e0b7624e723d3488ec51988c3203ead0f8),
  // config 'priority_matrix', the value of a new installation, verbatim. GLPI reads it as
  // $CFG_GLPI['priority_matrix'][$urgency][$impact] (CommonITILObject::computePriority in
  // src/CommonITILObject.php). Levels 1..5 are named by CommonITILObject::getUrgencyName,
  // getImpactName and getPriorityName: 5 "Very high", 4 "High", 3 "Medium", 2 "Low", 1 "Very low";
  // priority 6 "Major" is outside the matrix (set by hand, glpi-project/doc
  // source/modules/assistance/prioritymatrix.rst).
  const glpiPriorityMatrix =
    '{"1":{"1":1,"2":1,"3":2,"4":2,"5":2},"2":{"1":1,"2":2,"3":2,"4":3,"5":3},"3":{"1":2,"2":2,"3":3,"4":4,"5":4},"4":{"1":2,"2":3,"3":4,"4":4,"5":5},"5":{"1":2,"2":3,"3":4,"4":5,"5":5}}'
  const table = JSON.parse(glpiPriorityMatrix) as Record<string, Record<string, number>>
  const levels = ['5', '4', '3', '2', '1'] as const // most urgent / widest first
  const spec: Priority.MatrixSpec = {
    urgencies: levels,
    impacts: levels,
    priorities: [
      { name: '6', label: 'Major' },
      { name: '5', label: 'Very high' },
      { name: '4', label: 'High' },
      { name: '3', label: 'Medium' },
      { name: '2', label: 'Low' },
      { name: '1', label: 'Very low' }
    ],
    cells: Object.fromEntries(
      Object.entries(table).map(([u, row]) => [
        u,
        Object.fromEntries(Object.entries(row).map(([i, p]) => [i, String(p)]))
      ])
    )
  }
  const glpi = getRight(Priority.make(spec, { monotone: true }))

  it('is a valid, monotone matrix, with Major above every cell', () => {
    expect(Priority.isMonotone(glpi)).toBe(true)
    expect(pipe(glpi, Priority.priorityNamed('6'))).toStrictEqual(E.right({ rank: 1, name: '6', label: 'Major' }))
  })

  it('gives every one of the 25 urgency × impact pairs the priority GLPI gives it', () => {
    for (const u of levels)
      for (const i of levels)
        expect([u, i, getRight(pipe(glpi, Priority.lookup(u, i))).name]).toStrictEqual([u, i, String(table[u]?.[i])])
  })

  it('reads as GLPI’s settings page: rows urgency very high … very low, columns impact very high … very low', () => {
    expect(levels.map((u) => levels.map((i) => getRight(pipe(glpi, Priority.lookup(u, i))).label))).toStrictEqual([
      ['Very high', 'Very high', 'High', 'Medium', 'Low'],
      ['Very high', 'High', 'High', 'Medium', 'Low'],
      ['High', 'High', 'Medium', 'Low', 'Low'],
      ['Medium', 'Medium', 'Low', 'Low', 'Very low'],
      ['Low', 'Low', 'Low', 'Very low', 'Very low']
    ])
  })

  it('a very urgent fault for one person (very low impact) is only a Low priority in GLPI', () => {
    expect(pipe(glpi, Priority.lookup('5', '1'))).toStrictEqual(E.right({ rank: 5, name: '2', label: 'Low' }))
  })
})

describe("iTop's default 3 × 4 matrix (impact × urgency)", () => {
  // Source: Combodo/iTop, datamodels/2.x/itop-incident-mgmt-itil/datamodel.itop-incident-mgmt-itil.xml
  // (commit 0135573956b62d0fb76a8a1cde5d503d26bef3bd), method Incident::ComputePriority,
  // $aPriorities[impact][urgency], copied below. The level names come from
  // datamodels/2.x/itop-incident-mgmt-itil/en.dict.itop-incident-mgmt-itil.php (commit
  // 065895aa7348cd19f5c768e2c69098558972aa5e): impact 1 "A department", 2 "A service",
  // 3 "A person"; urgency and priority 1 "critical", 2 "high", 3 "medium", 4 "low".
  // (The comments inside ComputePriority label impact 1 "single person" and 3 "a departement";
  // we follow the dictionary, the labels users see, under which the matrix is monotone.)
  const aPriorities: Record<string, Record<string, number>> = {
    1: { 1: 1, 2: 1, 3: 2, 4: 4 },
    2: { 1: 1, 2: 2, 3: 3, 4: 4 },
    3: { 1: 2, 2: 3, 3: 3, 4: 4 }
  }
  const impacts = ['1', '2', '3'] as const // a department, a service, a person: widest first
  const urgencies = ['1', '2', '3', '4'] as const // critical first
  const names = { 1: 'critical', 2: 'high', 3: 'medium', 4: 'low' } as const
  // the same table turned urgency-first, as itsm-kit writes cells; the tests compare it with aPriorities
  const itop = getRight(
    Priority.make(
      {
        urgencies,
        impacts,
        priorities: [
          { name: '1', label: names[1] },
          { name: '2', label: names[2] },
          { name: '3', label: names[3] },
          { name: '4', label: names[4] }
        ],
        cells: {
          1: { 1: '1', 2: '1', 3: '2' },
          2: { 1: '1', 2: '2', 3: '3' },
          3: { 1: '2', 2: '3', 3: '3' },
          4: { 1: '4', 2: '4', 3: '4' }
        }
      },
      { monotone: true }
    )
  )

  it('is a valid, monotone matrix of 4 urgencies × 3 impacts', () => {
    expect([itop.urgencies.length, itop.impacts.length]).toStrictEqual([4, 3])
    expect(Priority.isMonotone(itop)).toBe(true)
  })

  it('gives every one of the 12 impact × urgency pairs the priority iTop computes', () => {
    for (const i of impacts)
      for (const u of urgencies)
        expect([i, u, pipe(itop, Priority.priorityOf(u, i)).name]).toStrictEqual([i, u, String(aPriorities[i]?.[u])])
  })

  it('a critical fault for a whole department is critical; a low-urgency one is low whoever it hits', () => {
    expect(pipe(itop, Priority.priorityOf('1', '1'))).toStrictEqual({ rank: 1, name: '1', label: 'critical' })
    expect(impacts.map((i) => pipe(itop, Priority.priorityOf('4', i)).label)).toStrictEqual(['low', 'low', 'low'])
  })

  it('a high-urgency fault for one person is medium', () => {
    expect(pipe(itop, Priority.priorityOf('2', '3'))).toStrictEqual({ rank: 3, name: '3', label: 'medium' })
  })
})
