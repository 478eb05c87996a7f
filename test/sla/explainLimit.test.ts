import fc from 'fast-check'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Sla, Ticket, Time } from '../../src/index.js'
import { clockCase } from '../arbitraries/clocks.js'
import { slaAt } from '../helpers/clocks.js'
import { cutTally, everyOtherSecond } from '../helpers/limits.js'
import { compile, getLeft, getRight, instant } from '../helpers/unsafe.js'

const numRuns = process.env.CI ? 400 : 200

/** Two openings a weekday (a lunch break) in Oslo, Norwegian holidays closed: lists of some length. */
const lunch = compile({
  ...Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO }),
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [
      d,
      [
        { opens: '08:00', closes: '11:30' },
        { opens: '12:00', closes: '16:00' }
      ]
    ])
  )
})

const explained = (m: Sla.MetricResult): Sla.Explanation => {
  if (m.explanation === undefined) throw new Error(`${m.metric}: no explanation`)
  return m.explanation
}

describe('Sla.evaluate explainLimit', () => {
  it('keeps the first n entries of each list and counts the rest, the clocks otherwise unchanged', () => {
    const tally = cutTally()
    fc.assert(
      fc.property(clockCase, fc.integer({ min: 0, max: 3 }), ({ events, now }, n) => {
        const agreement = { policy: Sla.examplePolicy, calendar: lunch }
        // the oracle: every entry (explainLimit Infinity), then cut by slicing
        const full = pipe(events, slaAt(agreement, now, { explain: true, explainLimit: Infinity }))
        const kept = pipe(events, slaAt(agreement, now, { explain: true, explainLimit: n }))
        expect(kept.metrics.length).toBe(full.metrics.length)
        full.metrics.forEach((f, i) => {
          const k = kept.metrics[i] as Sla.MetricResult
          const { explanation: fe, ...fRest } = f
          const { explanation: ke, ...kRest } = k
          expect(kRest).toStrictEqual(fRest)
          if (fe === undefined) return void expect(ke).toBeUndefined()
          const all = explained(f)
          expect(all.omitted).toBeUndefined()
          const left = {
            counted: Math.max(0, all.counted.length - n),
            closed: Math.max(0, all.closed.length - n),
            pauses: Math.max(0, all.pauses.length - n)
          }
          const expected: Sla.Explanation = {
            counted: all.counted.slice(0, n),
            closed: all.closed.slice(0, n),
            pauses: all.pauses.slice(0, n),
            ...(left.counted + left.closed + left.pauses > 0 ? { omitted: left } : {})
          }
          expect(ke).toStrictEqual(expected)
          tally.count(expected.omitted !== undefined)
        })
      }),
      { numRuns }
    )
    // the generator makes both: answers cut and answers kept whole
    tally.expectBoth()
  })

  it('counts the intervals of a long clock on a calendar open 43 199 times a day, without listing them', () => {
    const dense = everyOtherSecond()
    const kari = { role: 'agent', id: 'kari' } as const
    const at = instant('2026-03-02T00:00:00Z')
    const opened = getRight(
      Ticket.runEvents(Ticket.defaultContext)([
        {
          _tag: 'Open',
          at,
          actor: kari,
          ticketId: Ticket.ticketId('INC-1'),
          channel: 'phone',
          customer: 'ACME',
          requester: 'ola',
          title: 'Down',
          kind: 'incident'
        },
        { _tag: 'Prioritise', at, actor: kari, urgency: 'high', impact: 'high' }
      ])
    ).events
    const days = 30
    const now = (at + days * 86_400_000) as Time.Instant
    const evaluation = pipe(opened, slaAt({ policy: Sla.examplePolicy, calendar: dense }, now, { explain: true }))
    // each day has 43 199 intervals, none touching the next (the last closes 3 s before midnight);
    // the clock opens with the first interval, so a closed stretch follows each one
    const intervals = 43_199 * days
    expect(evaluation.metrics.length).toBe(4)
    for (const m of evaluation.metrics) {
      const x = explained(m)
      expect([x.counted.length, x.closed.length, x.pauses.length]).toStrictEqual([
        Sla.explanationLimit,
        Sla.explanationLimit,
        0
      ])
      expect(x.omitted).toStrictEqual({
        counted: intervals - Sla.explanationLimit,
        closed: intervals - Sla.explanationLimit,
        pauses: 0
      })
      // the entries kept are the first ones
      expect(x.counted[0]).toStrictEqual({ start: at, end: at + 1000 })
      expect(x.closed[0]).toStrictEqual({ from: at + 1000, to: at + 2000, holidays: [] })
      expect(m.elapsed).toBe(intervals * 1000)
    }
  })

  it('refuses a limit that is not a whole number of entries, naming the option', () => {
    const agreement = { policy: Sla.examplePolicy, calendar: lunch }
    const now = instant('2026-03-02T08:00:00Z')
    for (const bad of [-1, 1.5, Number.NaN, '10', null])
      expect(
        getLeft(Sla.evaluate(agreement, now, { explain: true, explainLimit: bad as number })([])).message
      ).toContain('options.explainLimit: expected a whole number of entries, 0 or more, or Infinity')
  })
})
