import {
  duplicateLevel,
  missingCell,
  nonMonotonicMatrix,
  unknownImpact,
  unknownPriority,
  unknownUrgency,
  type PriorityError
} from './errors.js'
import type { MakeOptions, MatrixSpec, PriorityLevel } from './model.js'

import { own } from '../internal/primitives.js'

/** @internal */
export const cellPath = (urgency: string, impact: string): string => `cells.${urgency}.${impact}`

/** The 0-based rank of a priority name, or -1. @internal */
export const rankOf = (priorities: ReadonlyArray<PriorityLevel>, name: string): number =>
  priorities.findIndex((p) => p.name === name)

const firstDuplicate = (names: ReadonlyArray<string>, path: (i: number) => string): PriorityError | undefined => {
  for (const [i, name] of names.entries()) {
    const first = names.indexOf(name)
    if (first < i) return duplicateLevel(path(i), path(first), name)
  }
  return undefined
}

const checkCells = (spec: MatrixSpec): PriorityError | undefined => {
  const { urgencies, impacts, priorities, cells } = spec
  const names = priorities.map((p) => p.name)
  for (const u of Object.keys(cells)) if (!urgencies.includes(u)) return unknownUrgency(`cells.${u}`, urgencies, u)
  for (const u of urgencies) {
    const row = own(cells, u)
    if (row !== undefined)
      for (const i of Object.keys(row)) if (!impacts.includes(i)) return unknownImpact(cellPath(u, i), impacts, i)
    for (const i of impacts) {
      const name = row === undefined ? undefined : own(row, i)
      if (name === undefined) return missingCell(cellPath(u, i), u, i)
      if (!names.includes(name)) return unknownPriority(cellPath(u, i), names, name)
    }
  }
  return undefined
}

/**
 * The first place where a total matrix breaks monotonicity: a cell less pressing than its less
 * urgent neighbour (the next row) or its lower-impact neighbour (the next column).
 *
 * @internal
 */
export const firstNonMonotonic = (spec: MatrixSpec): PriorityError | undefined => {
  const { urgencies, impacts, priorities } = spec
  const cells = spec.cells
  const at = (u: string, i: string): string => own(own(cells, u) ?? {}, i) ?? ''
  for (const [ui, u] of urgencies.entries())
    for (const [ii, i] of impacts.entries()) {
      const here = at(u, i)
      const rank = rankOf(priorities, here)
      const lessUrgent = urgencies[ui + 1]
      if (lessUrgent !== undefined) {
        const there = at(lessUrgent, i)
        if (rankOf(priorities, there) < rank)
          return nonMonotonicMatrix(cellPath(u, i), cellPath(lessUrgent, i), 'less urgent', there, here)
      }
      const lowerImpact = impacts[ii + 1]
      if (lowerImpact !== undefined) {
        const there = at(u, lowerImpact)
        if (rankOf(priorities, there) < rank)
          return nonMonotonicMatrix(cellPath(u, i), cellPath(u, lowerImpact), 'lower-impact', there, here)
      }
    }
  return undefined
}

/**
 * Checks the meaning of a well-formed spec: no duplicate levels, every cell present and naming a
 * known priority, no cell for an unknown level, and (if asked) monotone. Stops at the first
 * problem.
 *
 * @internal
 */
export const check = (spec: MatrixSpec, options: MakeOptions | undefined): PriorityError | undefined =>
  firstDuplicate(spec.urgencies, (i) => `urgencies[${i}]`) ??
  firstDuplicate(spec.impacts, (i) => `impacts[${i}]`) ??
  firstDuplicate(
    spec.priorities.map((p) => p.name),
    (i) => `priorities[${i}].name`
  ) ??
  checkCells(spec) ??
  (options?.monotone === true ? firstNonMonotonic(spec) : undefined)
