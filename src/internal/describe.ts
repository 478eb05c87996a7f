/** Whether a value is not a text with something besides white space in it. @internal */
export const isBlank = (s: unknown): boolean => typeof s !== 'string' || s.trim().length === 0

/** Longest text or key quoted in a message; longer ones are summarised or cut. @internal */
export const QUOTE_LIMIT = 60

// C0 and C1 controls, DEL, soft hyphen, Arabic letter mark, zero-width and bidi marks,
// embeddings, overrides and isolates, line and paragraph separators, word joiner and friends,
// the byte-order mark, interlinear annotations, and surrogates that are not part of a pair
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const hex = (c: string): string => `\\u${(c.charCodeAt(0) + 0x10000).toString(16).slice(1)}`

/**
 * A string with every control, bidi, invisible and lone-surrogate character written as
 * `\uXXXX`, and quotes and backslashes escaped: safe inside a quoted message on one log line.
 *
 * @internal
 */
export const escapeText = (s: string): string => s.replace(/["\\]/g, (c) => `\\${c}`).replace(UNSAFE, hex)

/** The first `n` UTF-16 units of a string, never splitting a surrogate pair. */
const cut = (s: string, n: number): string => {
  if (s.length <= n) return s
  const code = s.charCodeAt(n - 1)
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n)
}

/**
 * A property name or other short scalar, quoted and escaped, cut at 60 characters (with its
 * length when cut): `"weekly"`, `"a\u000ab"`, `"xxxx…" (10000 characters)`.
 *
 * @internal
 */
export const quote = (s: string): string =>
  s.length <= QUOTE_LIMIT ? `"${escapeText(s)}"` : `"${escapeText(cut(s, QUOTE_LIMIT))}…" (${s.length} characters)`

/** One segment of a path: the key as is when it is a plain name, otherwise quoted and escaped. @internal */
export const pathKey = (key: string): string => (/^[A-Za-z0-9_$-]{1,60}$/.test(key) ? key : quote(key))

const length = (n: number): string => `a string of ${n} character${n === 1 ? '' : 's'}`

/**
 * Describes a received value for an error message without leaking free text: short strings
 * (60 characters at most) are quoted with control and bidi characters escaped, longer ones are
 * summarised by their length; numbers, booleans and `null` as they are; objects, arrays and
 * functions by what they are, never by their content.
 *
 * @internal
 */
export const describe = (u: unknown): string => {
  if (typeof u === 'string') return u.length > QUOTE_LIMIT ? length(u.length) : `"${escapeText(u)}"`
  return describeShape(u)
}

/**
 * Describes a value that may be free text (a title, a note, a message, a reason, a comment):
 * a string only by its length, whatever its length; anything else as {@link describe} does.
 *
 * @internal
 */
export const describeFree = (u: unknown): string => (typeof u === 'string' ? length(u.length) : describeShape(u))

const describeShape = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (u === null) return 'null'
  if (typeof u === 'string') return length(u.length)
  if (typeof u === 'number') {
    if (Number.isNaN(u)) return 'NaN'
    if (Object.is(u, -0)) return '-0'
    return String(u)
  }
  if (typeof u === 'boolean') return String(u)
  if (typeof u === 'bigint') return `the bigint ${u}`
  if (typeof u === 'function') return 'a function'
  if (typeof u === 'symbol') return 'a symbol'
  try {
    if (Array.isArray(u)) return `an array of ${u.length} item${u.length === 1 ? '' : 's'}`
    if (u instanceof Date) {
      const ms = u.getTime()
      return Number.isFinite(ms) ? `the Date ${new Date(ms).toISOString()}` : 'an invalid Date'
    }
  } catch {
    // a revoked proxy or a hostile getter
  }
  return 'an object'
}
