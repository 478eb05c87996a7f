import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Classification } from '../../src/index.js'
import * as Arb from '../arbitraries/classification.js'

const numRuns = Arb.runs
const n = Classification.normalise

// Latin text with the letters Nordic and Polish desks see, decomposed marks and punctuation
const latin = fc.string({
  unit: fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789åäöæøéèüßłąęćńóśźżđðþœıĳǅ ÅÄÖÆØŁŚŻ -.,!?\t\n\u0301\u0308\u030a'
      .split('')
      .concat(['ﬁ', 'Ｗ'])
  )
})

describe('normalisation laws', () => {
  it('is idempotent on any text (every Unicode code point, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), latin), (s) => {
        expect(n(n(s))).toBe(n(s))
      }),
      { numRuns }
    )
  })

  it('gives words of letters and digits separated by single spaces', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), latin), (s) => {
        expect(n(s)).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u)
        expect(n(s)).not.toMatch(/\p{M}/u)
      }),
      { numRuns }
    )
  })

  it('is accent-insensitive: a text and its accent-stripped copy normalise the same', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), latin), (s) => {
        expect(n(Arb.stripAccents(s))).toBe(n(s))
      }),
      { numRuns }
    )
  })

  it('is case-insensitive on Latin text', () => {
    fc.assert(
      fc.property(latin, (s) => {
        expect(n(s.toUpperCase())).toBe(n(s))
        expect(n(s.toLowerCase())).toBe(n(s))
      }),
      { numRuns }
    )
  })

  it('is a function of each character alone: normalising a concatenation joins the parts with at most a space', () => {
    fc.assert(
      fc.property(latin, latin, (a, b) => {
        const joined = n(a + b)
        expect([`${n(a)}${n(b)}`, `${n(a)} ${n(b)}`.trim()]).toContain(joined)
      }),
      { numRuns }
    )
  })
})
