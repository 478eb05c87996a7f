import type { TextMatch } from './model.js'

// Letters that Unicode does not decompose into a base letter and a mark, folded by hand
// (after lower-casing). ς (final sigma) folds to σ, so Greek matches whatever the position.
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ς: 'σ'
}
const SPECIAL = /[øæłđðßœþıς]/gu
const MARKS = /\p{M}/gu
const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** Folds one code point: lower case, NFKD, no combining marks, special letters; to a fixed point. */
const fold = (ch: string): string => {
  const code = ch.charCodeAt(0)
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch
  let s = ch
  // one round is enough for almost every character; a few compatibility characters need two
  for (let round = 0; round < 4; round++) {
    const next = s
      .toLowerCase()
      .normalize('NFKD')
      .replace(MARKS, '')
      .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    if (next === s) break
    s = next
  }
  return s
}

/**
 * A normalised text with, for each of its UTF-16 code units, the range of the source text it
 * came from, so that a match can be shown as written.
 *
 * @internal
 */
export interface Normalised {
  readonly text: string
  readonly starts: ReadonlyArray<number>
  readonly ends: ReadonlyArray<number>
}

/** @internal */
export const normaliseWithOffsets = (source: string): Normalised => {
  let text = ''
  const starts: number[] = []
  const ends: number[] = []
  let gap = false
  let at = 0
  for (const ch of source) {
    const from = at
    at += ch.length
    for (const c of fold(ch)) {
      if (!WORD_CHAR.test(c)) {
        gap = true
        continue
      }
      if (gap && text.length > 0) {
        text += ' '
        starts.push(from)
        ends.push(from)
      }
      gap = false
      text += c
      for (let k = 0; k < c.length; k++) {
        starts.push(from)
        ends.push(at)
      }
    }
  }
  return { text, starts, ends }
}

/**
 * Normalises text the way classifier patterns and ticket texts are compared: case-insensitive
 * and accent-insensitive, with words separated by single spaces.
 *
 * Each character is lower-cased, decomposed (Unicode NFKD, so ligatures and full-width forms
 * become plain letters) and stripped of combining marks (ö → o, å → a, ń → n); letters that do
 * not decompose are folded by hand: ø → o, æ → ae, ł → l, đ and ð → d, ß → ss, œ → oe,
 * þ → th, ı → i, ς → σ. Every run of characters that are neither letters nor digits (spaces,
 * punctuation, symbols) becomes one space, and the ends are trimmed. The result is a fixed
 * point: normalising it again changes nothing. A value that is not a string normalises to `''`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Classification } from 'itsm-kit'
 * assert.strictEqual(Classification.normalise('Jag har glömt mitt LÖSENORD!'), 'jag har glomt mitt losenord')
 * assert.strictEqual(Classification.normalise('Zapomniałem hasła'), 'zapomnialem hasla')
 * assert.strictEqual(Classification.normalise('Størrelse: Æbleøl, Straße — e-post'), 'storrelse aebleol strasse e post')
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const normalise = (text: string): string => (typeof text === 'string' ? normaliseWithOffsets(text).text : '')

/**
 * The index of the first place a normalised pattern sits in a normalised text as `match`
 * requires, or -1.
 *
 * @internal
 */
export const findPattern = (text: string, pattern: string, match: TextMatch): number => {
  for (let from = 0; from <= text.length;) {
    const i = text.indexOf(pattern, from)
    if (i < 0) return -1
    const startsWord = i === 0 || text[i - 1] === ' '
    const endsWord = i + pattern.length === text.length || text[i + pattern.length] === ' '
    if (match === 'substring' || (startsWord && (match === 'wordStart' || endsWord))) return i
    from = i + 1
  }
  return -1
}

/**
 * The source text of the whole words a match touches, or of the match alone when those words
 * are longer than 60 characters.
 *
 * @internal
 */
export const fragmentOf = (source: string, n: Normalised, at: number, length: number): string => {
  const wordStart = n.text.lastIndexOf(' ', at - 1) + 1
  const space = n.text.indexOf(' ', at + length)
  const wordEnd = space < 0 ? n.text.length : space
  const words = source.slice(n.starts[wordStart] ?? 0, n.ends[wordEnd - 1] ?? source.length)
  return words.length <= 60 ? words : source.slice(n.starts[at] ?? 0, n.ends[at + length - 1] ?? source.length)
}
