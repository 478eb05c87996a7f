// The civil-date arithmetic against the host's own calendar (Date in UTC), an independent oracle.
import { describe, expect, it } from 'vitest'
import { civilFromDays, yearOfDay } from '../../src/internal/civil.js'

const DAY = 86_400_000

describe('civil dates of epoch days', () => {
  it('agree with Date for every day from 1800 to 2300 and for days far either side', () => {
    const first = Math.floor(Date.UTC(1800, 0, 1) / DAY)
    const last = Math.floor(Date.UTC(2300, 11, 31) / DAY)
    const far = [-1_000_000, -719_468, -719_469, 1_000_000, 2_932_896]
    let checked = 0
    for (const d of [...far, ...Array.from({ length: last - first + 1 }, (_, i) => first + i)]) {
      const date = new Date(d * DAY)
      const expected = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
      expect(civilFromDays(d)).toStrictEqual(expected)
      expect(yearOfDay(d)).toBe(expected[0])
      checked++
    }
    expect(checked).toBe(last - first + 1 + far.length)
  })
})
