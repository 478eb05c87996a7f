/** Whether a value is not a text with something besides white space in it. @internal */
export const isBlank = (s: unknown): boolean => typeof s !== 'string' || s.trim().length === 0

/**
 * Describes a received value for an error message without leaking free text: short scalars are
 * quoted verbatim (cut at 60 characters), long strings are summarised by their length.
 *
 * @internal
 */
export const describe = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (u === null) return 'null'
  if (typeof u === 'string') {
    if (u.length > 60) return `a string of ${u.length} characters`
    return JSON.stringify(u)
  }
  if (typeof u === 'number') {
    if (Number.isNaN(u)) return 'NaN'
    return String(u)
  }
  if (typeof u === 'boolean' || typeof u === 'bigint') return String(u)
  if (Array.isArray(u)) return `an array of ${u.length} item${u.length === 1 ? '' : 's'}`
  if (u instanceof Date) return Number.isNaN(u.getTime()) ? 'an invalid Date' : `the Date ${u.toISOString()}`
  if (typeof u === 'function') return 'a function'
  if (typeof u === 'symbol') return 'a symbol'
  return 'an object'
}
