/** Checks on the test oracle for zone offsets (test/arbitraries/calendar.ts), built apart from src/. */
import { describe, expect, it } from 'vitest'
import * as Arb from '../arbitraries/calendar.js'

describe('the zone-offset oracle', () => {
  it('finds each change at the exact second: the second before still has the old offset', () => {
    for (const zone of Arb.zoneNames) {
      const at = Arb.transitionsOf(zone)
      for (const t of at) {
        const after = Arb.utcToLocal(zone, t) - t
        expect(Arb.offsetJustBefore(zone, t), `${zone} ${new Date(t).toISOString()}`).not.toBe(after)
        expect(Arb.utcToLocal(zone, t - 1000) - (t - 1000)).toBe(Arb.offsetJustBefore(zone, t))
      }
    }
  })

  it('sees the changes these zones are known for', () => {
    const years = Arb.LAST_YEAR + 6 - (Arb.FIRST_YEAR - 5)
    // Oslo: two changes a year throughout (EU summer time since 1980)
    expect(Arb.transitionsOf('Europe/Oslo').length).toBe(2 * years)
    // Kolkata: none since 1945
    expect(Arb.transitionsOf('Asia/Kolkata')).toStrictEqual([])
    // Apia skipped 30 December 2011: from −10:00 to +14:00 at 2011-12-30T10:00:00Z
    const apia = Arb.transitionsOf('Pacific/Apia')
    expect(apia).toContain(Date.UTC(2011, 11, 30, 10))
    expect(Arb.utcToLocal('Pacific/Apia', Date.UTC(2011, 11, 30, 10)) - Date.UTC(2011, 11, 30, 10)).toBe(14 * 3_600_000)
  })

  it('reads wall times by the documented gap and fold rules', () => {
    const local = (y: number, mo: number, d: number, h: number, mi: number): number => Date.UTC(y, mo - 1, d, h, mi)
    // Oslo 2025-03-30 02:30 does not exist: it moves forward by the hour to 03:30 +02:00 = 01:30Z
    expect(Arb.localToUtc('Europe/Oslo', local(2025, 3, 30, 2, 30))).toBe(Date.UTC(2025, 2, 30, 1, 30))
    // Oslo 2025-10-26 02:30 exists twice: the earlier, +02:00, is 00:30Z
    expect(Arb.localToUtc('Europe/Oslo', local(2025, 10, 26, 2, 30))).toBe(Date.UTC(2025, 9, 26, 0, 30))
    // Lord Howe's half-hour change: 2025-10-05 02:15 does not exist (02:00 → 02:30 at +11:00)
    expect(Arb.localToUtc('Australia/Lord_Howe', local(2025, 10, 5, 2, 15))).toBe(Date.UTC(2025, 9, 4, 15, 45))
  })
})
