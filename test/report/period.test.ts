import { describe, expect, it } from 'vitest'
import { Calendar, Report, Sla, Time } from '../../src/index.js'
import { compile, getRight, instant } from '../helpers/unsafe.js'

const agreementIn = (zone: string): Sla.Agreement => ({
  customer: 'X',
  policy: Sla.examplePolicy,
  calendar: compile(Calendar.weekdays({ zone, opens: '08:00', closes: '16:00' }))
})
const periodOf = (period: Report.Period, zone = 'Europe/Oslo') => {
  const r = getRight(Report.serviceLevel({ agreements: [agreementIn(zone)], period })([]))
    .customers[0] as Report.CustomerReport
  const z = getRight(Time.makeZone(zone))
  const iso = (t: Time.Instant) => Time.toLocalISO(z)(t)
  return {
    label: r.period.label,
    from: iso(r.period.from),
    to: iso(r.period.to),
    previous: [r.previous.label, iso(r.previous.from), iso(r.previous.to)],
    days: r.volume.days.length
  }
}

describe('report periods in the customer zone', () => {
  it('ISO week 1 of 2025 starts on Monday 30 December 2024; the week before is 2024-W52', () => {
    expect(periodOf({ _tag: 'Week', year: 2025, week: 1 })).toStrictEqual({
      label: '2025-W01',
      from: '2024-12-30T00:00:00+01:00',
      to: '2025-01-06T00:00:00+01:00',
      previous: ['2024-W52', '2024-12-23T00:00:00+01:00', '2024-12-30T00:00:00+01:00'],
      days: 7
    })
  })
  it('2026 has 53 ISO weeks: the week before 2027-W01 is 2026-W53', () => {
    expect(periodOf({ _tag: 'Week', year: 2027, week: 1 }).previous).toStrictEqual([
      '2026-W53',
      '2026-12-28T00:00:00+01:00',
      '2027-01-04T00:00:00+01:00'
    ])
  })
  it('March in Oslo runs from local midnight to local midnight across the spring change', () => {
    expect(periodOf({ _tag: 'Month', year: 2025, month: 3 })).toStrictEqual({
      label: '2025-03',
      from: '2025-03-01T00:00:00+01:00',
      to: '2025-04-01T00:00:00+02:00',
      previous: ['2025-02', '2025-02-01T00:00:00+01:00', '2025-03-01T00:00:00+01:00'],
      days: 31
    })
  })
  it('the spring-change day is one local day of 23 hours', () => {
    const p = periodOf({ _tag: 'Day', date: '2025-03-30' })
    expect([p.from, p.to, p.days, p.previous[0]]).toStrictEqual([
      '2025-03-30T00:00:00+01:00',
      '2025-03-31T00:00:00+02:00',
      1,
      '2025-03-29'
    ])
  })
  it('the first quarter in New York, and the quarter before it', () => {
    expect(periodOf({ _tag: 'Quarter', year: 2025, quarter: 1 }, 'America/New_York')).toStrictEqual({
      label: '2025-Q1',
      from: '2025-01-01T00:00:00-05:00',
      to: '2025-04-01T00:00:00-04:00',
      previous: ['2024-Q4', '2024-10-01T00:00:00-04:00', '2025-01-01T00:00:00-05:00'],
      days: 90
    })
  })
  it('a range is compared with the range of the same length just before it', () => {
    const r = getRight(
      Report.serviceLevel({
        agreements: [agreementIn('Europe/Oslo')],
        period: { _tag: 'Range', from: instant('2025-03-10T00:00:00Z'), to: instant('2025-03-12T00:00:00Z') }
      })([])
    ).customers[0]
    expect([r?.previous.from, r?.previous.to]).toStrictEqual([
      instant('2025-03-08T00:00:00Z'),
      instant('2025-03-10T00:00:00Z')
    ])
  })
  it('the first periods of 1900 have their previous periods in 1899', () => {
    const previous = (period: Report.Period) => {
      const r = Report.serviceLevel({ agreements: [agreementIn('UTC')], period })([])
      return r._tag === 'Left' ? r.left.message : r.right.customers[0]?.previous.label
    }
    expect(previous({ _tag: 'Month', year: 1900, month: 1 })).toBe('1899-12')
    expect(previous({ _tag: 'Quarter', year: 1900, quarter: 1 })).toBe('1899-Q4')
    expect(previous({ _tag: 'Week', year: 1900, week: 1 })).toBe('1899-W52')
    expect(previous({ _tag: 'Day', date: '1900-01-01' })).toBe('1899-12-31')
    expect(previous({ _tag: 'Month', year: 1899, month: 12 })).toBe(
      'period.year: expected a year 1900–9999, received 1899'
    )
  })
  it('impossible periods are a Left naming the field', () => {
    const bad = (period: unknown) => {
      const r = Report.serviceLevel({ agreements: [agreementIn('Europe/Oslo')], period: period as Report.Period })([])
      return r._tag === 'Left' ? r.left.message : 'Right'
    }
    expect(bad({ _tag: 'Day', date: '2025-02-30' })).toBe(
      'period.date: expected a date "YYYY-MM-DD", received "2025-02-30"'
    )
    expect(bad({ _tag: 'Week', year: 2025, week: 53 })).toBe('period.week: expected an ISO week 1–52, received 53')
    expect(bad({ _tag: 'Quarter', year: 2025, quarter: 0 })).toBe('period.quarter: expected a quarter 1–4, received 0')
    expect(bad({ _tag: 'Range', from: instant('2025-03-10T00:00:00Z'), to: instant('2025-03-10T00:00:00Z') })).toBe(
      'period.to: expected an instant after period.from (2025-03-10T00:00:00Z), received 1741564800000 (2025-03-10T00:00:00Z)'
    )
    expect(bad({ _tag: 'Range', from: instant('2025-03-10T00:00:00Z'), to: 'soon' })).toBe(
      'period.to: expected an instant (epoch milliseconds), received "soon"'
    )
    expect(bad('March')).toBe('period: expected a period (Day, Week, Month, Quarter or Range), received "March"')
  })
})
