import { expect } from 'vitest'
import type { Calendar } from '../../src/index.js'
import { compile } from './unsafe.js'

const pad = (x: number) => String(x).padStart(2, '0')
const hms = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`

/**
 * A calendar in UTC open during every other second of every day: [0 s, 1 s), [2 s, 3 s), …
 * [86 396 s, 86 397 s), 43 199 intervals a day, none touching the next day's (3 s to midnight).
 */
export const everyOtherSecond = (): Calendar.BusinessCalendar => {
  const day = Array.from({ length: 43_199 }, (_, i) => ({ opens: hms(2 * i), closes: hms(2 * i + 1) }))
  return compile({
    zone: 'UTC',
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }
  } as Calendar.CalendarSpec)
}

/**
 * Counts the answers of a property about a limit that were cut and those kept whole; `expectBoth`
 * asserts each kind was at least a fifth of them (`SHOW_SHARES=1` prints the counts).
 */
export const cutTally = () => {
  let cut = 0
  let whole = 0
  return {
    count: (wasCut: boolean): void => void (wasCut ? cut++ : whole++),
    expectBoth: (): void => {
      if (process.env.SHOW_SHARES) console.log({ cut, whole })
      const share = cut / (cut + whole)
      expect(share).toBeGreaterThan(0.2)
      expect(share).toBeLessThan(0.8)
    }
  }
}
