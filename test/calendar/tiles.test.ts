import fc from 'fast-check'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Time } from '../../src/index.js'
import { calendarSpec, compileOrThrow, DAY, ianaZone, instantIn } from '../arbitraries/calendar.js'
import { cutTally, everyOtherSecond } from '../helpers/limits.js'
import { compile, instant } from '../helpers/unsafe.js'

const numRuns = process.env.CI ? 300 : 150

describe('Calendar.tiles', () => {
  it('lists the first `limit` open intervals and closed stretches and counts the rest', () => {
    const tally = cutTally()
    fc.assert(
      fc.property(
        calendarSpec.chain((spec) =>
          fc.record({
            spec: fc.constant(spec),
            from: instantIn(ianaZone(spec.zone)),
            span: fc.integer({ min: 0, max: 21 * DAY }),
            limit: fc.oneof(
              { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) },
              { weight: 1, arbitrary: fc.constant(Infinity) },
              { weight: 1, arbitrary: fc.constant(undefined) }
            )
          })
        ),
        ({ spec, from, span, limit }) => {
          const cal = compileOrThrow(spec)
          const to = Math.min(from + span, Time.maxInstant) as Time.Instant
          // the oracle: the two whole lists, cut by slicing
          const open = pipe(cal, Calendar.openIntervals(from, to))
          const closed = pipe(cal, Calendar.closedStretches(from, to))
          const n = limit ?? Calendar.tilesLimit
          const left = { open: Math.max(0, open.length - n), closed: Math.max(0, closed.length - n) }
          const expected: Calendar.Tiles = {
            open: open.slice(0, n),
            closed: closed.slice(0, n),
            ...(left.open + left.closed > 0 ? { omitted: left } : {})
          }
          expect(pipe(cal, Calendar.tiles(from, to, limit))).toStrictEqual(expected)
          tally.count(expected.omitted !== undefined)
        }
      ),
      { numRuns }
    )
    // the generator makes both: answers cut and answers kept whole
    tally.expectBoth()
  })

  it('counts two months of a calendar open every other second without listing them', () => {
    const dense = everyOtherSecond()
    const from = instant('2026-01-01T00:00:00Z')
    const days = 59
    const t = pipe(dense, Calendar.tiles(from, (from + days * DAY) as Time.Instant))
    // each day: 43 199 intervals, a 1 s stretch after each but the last, then 3 s to midnight
    expect([t.open.length, t.closed.length]).toStrictEqual([Calendar.tilesLimit, Calendar.tilesLimit])
    expect(t.omitted).toStrictEqual({
      open: 43_199 * days - Calendar.tilesLimit,
      closed: 43_199 * days - Calendar.tilesLimit
    })
    expect(t.open[Calendar.tilesLimit - 1]).toStrictEqual({
      start: from + 2000 * (Calendar.tilesLimit - 1),
      end: from + 2000 * (Calendar.tilesLimit - 1) + 1000
    })
  })

  it('answers empty lists for an invalid limit or an empty range', () => {
    const weekdays = compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
    const at = instant('2025-03-03T00:00:00Z')
    const later = instant('2025-03-10T00:00:00Z')
    const none = { open: [], closed: [] }
    expect(pipe(weekdays, Calendar.tiles(at, Time.instant('no')))).toStrictEqual(none)
    for (const bad of [-1, 1.5, Number.NaN, '3', null])
      expect(pipe(weekdays, Calendar.tiles(at, later, bad as number)), String(bad)).toStrictEqual(none)
    expect(pipe(weekdays, Calendar.tiles(later, at))).toStrictEqual(none)
  })
})
