import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Report } from '../../src/index.js'
import { agreements, at, fjordDown } from './desk.js'

const period: Report.Period = { _tag: 'Month', year: 2025, month: 3 }

describe('reports never throw, whatever a JavaScript caller passes', () => {
  it('any value as the histories, or as one history, is a Left or a rejection', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        for (const hs of [u, [u], [fjordDown, u], [[u]]]) {
          const s = Report.dailyStatus({ agreements, at: at('2025-03-10T08:30') })(hs as never)
          const r = Report.serviceLevel({ agreements, period })(hs as never)
          expect(E.isLeft(s) || s.right.customers.length === 3).toBe(true)
          expect(E.isLeft(r) || r.right.customers.length === 3).toBe(true)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('any value as the parameters is a Left whose message names a path and quotes no free text', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (u, v) => {
        for (const params of [
          u,
          { agreements: u, at: v },
          { agreements, at: u, rules: v },
          { agreements, period: u },
          { agreements, period, asOf: u, satisfaction: v }
        ]) {
          const s = Report.dailyStatus(params as never)([fjordDown])
          const r = Report.serviceLevel(params as never)([fjordDown])
          for (const x of [s, r])
            if (E.isLeft(x)) {
              expect(x.left._tag).toBe('InvalidReportInput')
              expect(x.left.message).toMatch(/^[\w.[\]]+: expected /)
              expect(x.left.message).not.toMatch(/undefined|\[object/)
            }
        }
      }),
      { numRuns: 300 }
    )
  })

  it('a long customer name is summarised, never quoted in full', () => {
    const long = 'x'.repeat(500)
    const r = Report.serviceLevel({
      agreements: [agreements[0] as never, { ...(agreements[1] as object), customer: 42 } as never],
      period
    })([])
    expect(E.isLeft(r) && r.left.message).toBe(
      'agreements[1].customer: expected the customer the agreement covers, received 42'
    )
    const s = Report.dailyStatus({ agreements, at: long as never })([])
    expect(E.isLeft(s) && s.left.message).toBe(
      'params.at: expected an instant (epoch milliseconds), received a string of 500 characters'
    )
  })
})

describe('malformed events that look like events', () => {
  it('are rejected and never throw', () => {
    const base = { _tag: 'TicketOpened', at: at('2025-03-03T09:00'), customer: 'Fjord AS' }
    const odd: ReadonlyArray<ReadonlyArray<unknown>> = [
      [base],
      [
        { ...base, ticketId: 'INC-1', seq: 1, tier: 'L1', channel: 'phone' },
        { _tag: 'TicketResolved', at: at('2025-03-03T10:00') }
      ],
      [{ ...fjordDown[0] }, { _tag: 'PrioritySet', at: at('2025-03-03T09:01'), name: 7 }],
      [{ ...fjordDown[0] }, { _tag: 'NoSuchEvent', at: at('2025-03-03T09:01') }]
    ]
    for (const h of odd) {
      const r = Report.serviceLevel({ agreements, period })([h] as never)
      const s = Report.dailyStatus({ agreements, at: at('2025-03-10T08:30') })([h] as never)
      expect(E.isRight(r) && E.isRight(s)).toBe(true)
      if (E.isRight(r)) expect(r.right.rejected.length).toBe(1)
    }
  })
})

describe('renderers', () => {
  it('never throw: a value that is not a report renders as nothing, unknown labels too', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (u, v) => {
        const options = { labels: v } as never
        expect(typeof Report.toJSON(u as never)).toBe('string')
        expect(typeof Report.statusTable(options)(u as never)).toBe('string')
        expect(typeof Report.statusMarkdown(options)(u as never)).toBe('string')
        expect(typeof Report.serviceLevelMarkdown(options)(u as never)).toBe('string')
        expect(typeof Report.serviceLevelCsv(options)(u as never)).toBe('object')
        expect(typeof Report.toHtml(options)(u as never)).toBe('string')
      }),
      { numRuns: 300 }
    )
    expect(Report.toHtml()({} as never)).toBe('')
    expect(Report.toJSON(1n as never)).toBe('')
  })
})
