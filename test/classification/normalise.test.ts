import { describe, expect, it } from 'vitest'
import { Classification } from '../../src/index.js'

const n = Classification.normalise

describe('normalisation for matching', () => {
  it('ignores case and accents', () => {
    expect(n('Jag har glömt mitt LÖSENORD')).toBe('jag har glomt mitt losenord')
    expect(n('Å Ä Ö å ä ö é è ê ë ñ ç ü')).toBe('a a o a a o e e e e n c u')
    expect(n('Zażółć gęślą jaźń')).toBe('zazolc gesla jazn')
  })

  it('folds the letters Unicode does not decompose', () => {
    expect(n('ø Ø æ Æ ł Ł đ Đ ð Ð ß ẞ œ Œ þ Þ ı')).toBe('o o ae ae l l d d d d ss ss oe oe th th i')
  })

  it('folds compatibility forms: ligatures, full-width letters, superscripts', () => {
    expect(n('ﬁle ＷＩＦＩ m²')).toBe('file wifi m2')
  })

  it('folds combining marks typed separately (decomposed input) like precomposed letters', () => {
    expect(n('lo\u0308senord')).toBe(n('lösenord'))
    expect(n('has\u0142o')).toBe('haslo')
  })

  it('turns every run of punctuation, symbols and spaces into one space and trims the ends', () => {
    expect(n('  --E-post!!!  fungerer\t\nikke?? ')).toBe('e post fungerer ikke')
    expect(n('!!! ...')).toBe('')
    expect(n('')).toBe('')
  })

  it('keeps digits and letters of other scripts', () => {
    expect(n('Office365 ошибка 404 ΟΔΟΣ')).toBe('office365 ошибка 404 οδοσ')
  })
})
