import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Report, Time } from '../../src/index.js'
import { deepFreeze, getLeft, getRight } from '../helpers/unsafe.js'
import { agreements, at, bergDone, fjordDown, history, vikOutlook } from './desk.js'

const morning = at('2025-03-10T08:30')
const status = (histories: ReadonlyArray<ReadonlyArray<unknown>>, extra: Partial<Report.DailyStatusParams> = {}) =>
  getRight(pipe(deepFreeze(histories) as never, Report.dailyStatus({ agreements, at: morning, ...extra })))

describe('the morning status of the seed desk', () => {
  it('a P1 with downtime at Fjord AS makes it Critical; a reopened Outlook licence problem makes Vik Regnskap Need attention; Berg Bygg is Good', () => {
    const s = status([bergDone, vikOutlook, fjordDown])
    expect(s.customers).toStrictEqual([
      {
        customer: 'Fjord AS',
        health: 'Critical',
        reasons: [
          { ticketId: 'INC-101', rule: 'criticalPriority', health: 'Critical', priority: 'P1' },
          {
            ticketId: 'INC-101',
            rule: 'newOrReopened',
            health: 'NeedAttention',
            priority: 'P1',
            openedAt: at('2025-03-10T07:50')
          }
        ]
      },
      {
        customer: 'Vik Regnskap',
        health: 'NeedAttention',
        reasons: [
          {
            ticketId: 'INC-202',
            rule: 'newOrReopened',
            health: 'NeedAttention',
            priority: 'P5',
            reopenedAt: at('2025-03-09T20:00')
          }
        ]
      },
      { customer: 'Berg Bygg', health: 'Good', reasons: [] }
    ])
    expect(s.rejected).toStrictEqual([])
    expect(s.rules).toStrictEqual({ criticalPriorities: ['P1', 'P2'], criticalCategories: [], lookBack: 86_400_000 })
  })

  it('a clock past a warning threshold is at risk: the hourly P1 update, 35 minutes after the last reply', () => {
    const s = status([fjordDown], { at: at('2025-03-10T08:40') })
    expect(s.customers[0]?.reasons.filter((r) => r.rule === 'atRisk')).toStrictEqual([
      {
        ticketId: 'INC-101',
        rule: 'atRisk',
        health: 'NeedAttention',
        priority: 'P1',
        metric: 'update',
        warningsPassed: [0.5],
        dueAt: at('2025-03-10T09:05')
      }
    ])
  })

  it('the order of the histories does not change the status', () => {
    expect(status([fjordDown, vikOutlook, bergDone])).toStrictEqual(status([bergDone, vikOutlook, fjordDown]))
  })

  it('a reopening older than the look-back window no longer needs attention', () => {
    const s = status([vikOutlook], { rules: { lookBack: Time_hours(6) } })
    expect(s.customers.find((c) => c.customer === 'Vik Regnskap')?.health).toBe('Good')
  })

  it('as of Sunday noon, before the reopening, Vik Regnskap is Good: events after `at` are ignored', () => {
    const s = status([vikOutlook], { at: at('2025-03-09T12:00') })
    expect(s.customers.map((c) => [c.customer, c.health])).toStrictEqual([
      ['Berg Bygg', 'Good'],
      ['Fjord AS', 'Good'],
      ['Vik Regnskap', 'Good']
    ])
  })

  it('a breached resolution clock is Critical and names when it breached', () => {
    const late = history([
      [
        '2025-03-07T09:00',
        {
          _tag: 'Open',
          ticketId: 'INC-9' as never,
          channel: 'portal',
          customer: 'Berg Bygg',
          requester: 'ola',
          title: 'Printer',
          kind: 'incident'
        }
      ],
      ['2025-03-07T09:00', { _tag: 'Prioritise', urgency: 'medium', impact: 'low' }],
      ['2025-03-07T09:10', { _tag: 'Reply', message: 'Looking' }]
    ])
    const s = status([late])
    const berg = s.customers.find((c) => c.customer === 'Berg Bygg')
    // P4: 40 business hours from Friday 09:00 run out at Friday 09:00 a week later; P4 is not critical; at 08:30 Monday nothing has breached
    expect(berg?.health).toBe('Good')
    const later = status([late], { at: at('2025-03-14T10:00') })
    expect(later.customers.find((c) => c.customer === 'Berg Bygg')?.reasons).toStrictEqual([
      {
        ticketId: 'INC-9',
        rule: 'breached',
        health: 'Critical',
        priority: 'P4',
        metric: 'resolution',
        breachedAt: at('2025-03-14T09:00')
      }
    ])
  })

  it('a critical category makes an open ticket Critical', () => {
    const s = status([vikOutlook], { rules: { criticalCategories: ['licence'] } })
    expect(s.customers[0]?.customer).toBe('Vik Regnskap')
    expect(s.customers[0]?.reasons.map((r) => r.rule)).toStrictEqual(['criticalCategory', 'newOrReopened'])
  })

  it('a ticket on a workaround longer than the limit needs attention, with its age in business time', () => {
    const patched = history([
      [
        '2025-03-06T09:00',
        {
          _tag: 'Open',
          ticketId: 'INC-5' as never,
          channel: 'phone',
          customer: 'Berg Bygg',
          requester: 'ola',
          title: 'VPN drops',
          kind: 'incident'
        }
      ],
      ['2025-03-06T09:00', { _tag: 'Prioritise', urgency: 'low', impact: 'low' }],
      ['2025-03-06T10:00', { _tag: 'ApplyWorkaround', description: 'Use the web client' }]
    ])
    const s = status([patched], { rules: { workaroundLimit: Time_hours(8) } })
    const reasons = s.customers.find((c) => c.customer === 'Berg Bygg')?.reasons ?? []
    // Thursday 10:00 → Monday 08:30: 6 h Thursday + 8 h Friday + 0.5 h Monday
    expect(reasons.filter((r) => r.rule === 'workaroundTooLong')).toStrictEqual([
      {
        ticketId: 'INC-5',
        rule: 'workaroundTooLong',
        health: 'NeedAttention',
        priority: 'P5',
        workaroundSince: at('2025-03-06T10:00'),
        workaroundAge: 14.5 * 3_600_000
      }
    ])
  })

  it('histories that do not replay, or of customers without an agreement, are rejected with a reason', () => {
    const stranger = history([
      [
        '2025-03-06T09:00',
        {
          _tag: 'Open',
          ticketId: 'INC-7' as never,
          channel: 'phone',
          customer: 'Nobody AS',
          requester: 'ola',
          title: 'x',
          kind: 'incident'
        }
      ]
    ])
    const broken = [...fjordDown.slice(0, 1), { ...fjordDown[0], seq: 2 }]
    const s = status([stranger, broken, 42 as never])
    expect(s.rejected.map((r) => r.ticketId)).toStrictEqual(['(unknown)', 'INC-101', 'INC-7'])
    expect(s.rejected.find((r) => r.ticketId === 'INC-7')?.message).toBe('its customer has no agreement')
  })

  it('bad parameters are a Left naming the path, never a throw', () => {
    for (const bad of [
      undefined,
      null,
      3,
      { agreements: 'x', at: morning },
      { agreements, at: 'monday' },
      { agreements, at: morning, rules: { lookBack: -1 } }
    ]) {
      const e = getLeft(Report.dailyStatus(bad as never)([]))
      expect(e._tag).toBe('InvalidReportInput')
      expect(e.message).not.toMatch(/undefined|\[object/)
    }
    expect(getLeft(Report.dailyStatus({ agreements, at: 'monday' as never })([])).message).toBe(
      'params.at: expected an instant (epoch milliseconds), received "monday"'
    )
    expect(E.isLeft(Report.dailyStatus({ agreements, at: morning })('nope' as never))).toBe(true)
  })
})

function Time_hours(n: number): Time.Duration {
  return Time.hours(n)
}
