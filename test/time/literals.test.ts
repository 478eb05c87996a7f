import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Escalation, Sla, Ticket, Time, Workaround } from '../../src/index.js'
import { getLeft, getRight } from '../helpers/unsafe.js'

/** What a JavaScript caller may pass where a string is typed. */
const oddValues: ReadonlyArray<unknown> = [
  undefined,
  null,
  Number.NaN,
  0,
  1741593600000,
  true,
  {},
  [],
  ['2025-03-10T08:00:00Z'],
  new Date(0),
  Symbol('at'),
  10n,
  () => '2025-03-10T08:00:00Z',
  { toString: () => '2025-03-10T08:00:00Z' }
]

describe('Time.instant', () => {
  it('gives the instant fromISO reads, for every spelling fromISO accepts', () => {
    for (const text of [
      '2025-03-10T08:00:00+01:00',
      '2025-03-10T07:00:00Z',
      '2025-03-10 08:00:00+01:00',
      '2025-03-10T08:00:00+01:00[Europe/Oslo]',
      '2025-03-10T07:00:00.250Z',
      '1900-01-01T00:00:00Z',
      '2200-01-01T00:00:00Z'
    ])
      expect(Time.instant(text)).toBe(getRight(Time.fromISO(text)))
    expect(Time.instant('2025-03-10T08:00:00+01:00')).toBe(Date.UTC(2025, 2, 10, 7))
  })

  it('gives NaN, never a throw, for text that is no instant', () => {
    for (const text of [
      '',
      '2025-03-10T08:00:00',
      '2025-02-30T08:00:00Z',
      '1899-12-31T23:59:59Z',
      '2200-01-01T00:00:00.001Z',
      '2025-03-10T08:00:00+02:00[Europe/Oslo]',
      'x'.repeat(100_000)
    ]) {
      expect(E.isLeft(Time.fromISO(text))).toBe(true)
      expect(Number.isNaN(Time.instant(text))).toBe(true)
    }
  })

  it('gives NaN, never a throw, for any value a JavaScript caller passes', () => {
    for (const u of oddValues) expect(Number.isNaN(Time.instant(u as string))).toBe(true)
  })

  it('leaves an invalid result to be refused by what checks its input, and written as invalid', () => {
    const bad = Time.instant('2025-03-10T08:00:00')
    expect(Time.toISO(bad)).toBe('Invalid Instant')
    const open = (at: Time.Instant): Ticket.TicketCommand => ({
      _tag: 'Open',
      at,
      actor: { role: 'agent', id: 'kari' },
      ticketId: Ticket.ticketId('INC-1'),
      channel: 'phone',
      customer: 'ACME',
      requester: 'ola',
      title: 'VPN',
      kind: 'incident'
    })
    expect(getLeft(Ticket.run(Ticket.defaultContext)([open(bad)])).message).toMatch(/^at: .*received NaN/)
    const calendar = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })
    const agreement = getRight(Sla.makeAgreement({ policy: Sla.examplePolicy, calendar }))
    expect(getLeft(Sla.evaluate(agreement, bad)([])).message).toMatch(/^now: /)
    const { events } = getRight(
      Ticket.runEvents(Ticket.defaultContext)([open(Time.instant('2025-03-10T08:00:00+01:00'))])
    )
    expect(
      E.isRight(
        Escalation.evaluate(Escalation.examplePolicy, agreement, Time.instant('2025-03-10T09:00:00+01:00'))(events)
      )
    ).toBe(true)
    expect(getLeft(Escalation.evaluate(Escalation.examplePolicy, agreement, bad)(events)).message).toMatch(/^now: /)
    const forged = events.map((e) => ({ ...e, at: bad }))
    expect(events.map(Ticket.encodeEvent)).not.toContain(null)
    expect(forged.map(Ticket.encodeEvent)).toStrictEqual([null])
    expect(getLeft(Ticket.replay()(forged)).message).toMatch(/\bat: .*received NaN/)
    expect(getLeft(Ticket.timeline()(forged)).message).toMatch(/\bat: .*received NaN/)
    expect(
      getLeft(Escalation.toCommands({ at: bad, actor: { role: 'system', id: 'x' }, note: 'n' })([])).message
    ).toMatch(/^options\.at: /)
    const ticket = getRight(
      Ticket.run(Ticket.defaultContext)([
        open(Time.instant('2025-03-10T08:00:00+01:00')),
        {
          _tag: 'ApplyWorkaround',
          at: Time.instant('2025-03-10T09:00:00+01:00'),
          actor: { role: 'agent', id: 'kari' },
          description: 'Use the web client'
        }
      ])
    )
    expect(O.isSome(pipe(ticket, Workaround.age(Time.instant('2025-03-10T10:00:00+01:00'), agreement.calendar)))).toBe(
      true
    )
    expect(O.isNone(pipe(ticket, Workaround.age(bad, agreement.calendar)))).toBe(true)
  })
})

describe('Time.hours and Time.minutes', () => {
  it('leave an invalid duration to be refused by the constructors that take durations', () => {
    const bad = Time.hours(Number.NaN)
    expect(Time.toISODuration(bad)).toBe('Invalid Duration')
    expect(E.isRight(Escalation.makeTiers([{ name: 'L1', timebox: Time.minutes(30) }, { name: 'L2' }]))).toBe(true)
    expect(getLeft(Escalation.makeTiers([{ name: 'L1', timebox: bad }, { name: 'L2' }])).message).toMatch(
      /^tiers\[0\]\.timebox: /
    )
    const withResponse = (duration: Time.Duration): Sla.SlaPolicy => ({
      ...Sla.examplePolicy,
      metrics: { ...Sla.examplePolicy.metrics, response: { targets: { P1: { _tag: 'BusinessTime', duration } } } }
    })
    expect(E.isRight(Sla.make(withResponse(Time.minutes(15))))).toBe(true)
    expect(getLeft(Sla.make(withResponse(bad))).message).toMatch(/^metrics\.response\.targets\.P1\.duration: /)
  })
})
