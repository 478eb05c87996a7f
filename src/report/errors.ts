import { isArrayValue } from '../internal/primitives.js'

/**
 * What is wrong with a report's input: where (the argument path), what was expected and what was
 * received. Free text is never quoted.
 *
 * @category errors
 * @since 0.2.0
 */
export interface InvalidReportInput {
  readonly _tag: 'InvalidReportInput'
  readonly path: string
  readonly message: string
}

/**
 * Everything a report can fail with.
 *
 * @category errors
 * @since 0.2.0
 */
export type ReportError = InvalidReportInput

const show = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (u === null) return 'null'
  if (isArrayValue(u) && Array.isArray(u)) return `an array of ${u.length} items`
  if (typeof u === 'string') return u.length <= 60 ? JSON.stringify(u) : `a string of ${u.length} characters`
  if (typeof u === 'number' || typeof u === 'boolean') return String(u)
  return `a value of type ${typeof u}`
}

/** @internal */
export const invalid = (path: string, expected: string, received: unknown): InvalidReportInput => ({
  _tag: 'InvalidReportInput',
  path,
  message: `${path}: expected ${expected}, received ${show(received)}`
})
