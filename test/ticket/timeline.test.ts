import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Ticket, type Time } from '../../src/index.js'
import { clockCase } from '../arbitraries/clocks.js'
import { acceptedEvents, commandWalk } from '../arbitraries/ticket.js'
import { deepFreeze, getRight } from '../helpers/unsafe.js'

const at = (h: number, m = 0) => Date.UTC(2025, 2, 10, h, m) as Time.Instant
const kari = { role: 'agent', id: 'kari' } as const
const ola = { role: 'customer', id: 'ola' } as const
const eventsOf = (commands: ReadonlyArray<Ticket.TicketCommand>) =>
  getRight(Ticket.runEvents(Ticket.defaultContext)(commands)).events

describe('Ticket.timeline', () => {
  const events = eventsOf([
    {
      _tag: 'Open',
      at: at(8),
      actor: kari,
      ticketId: 'INC-1' as Ticket.TicketId,
      channel: 'phone',
      customer: 'Fjord AS',
      requester: 'ola',
      title: 'VPN drops',
      kind: 'incident'
    },
    { _tag: 'Prioritise', at: at(8), actor: kari, urgency: 'high', impact: 'medium' },
    { _tag: 'Reply', at: at(8, 10), actor: kari, message: 'On it' },
    { _tag: 'Await', at: at(9), actor: kari, party: 'customer' },
    { _tag: 'Resume', at: at(10), actor: ola },
    { _tag: 'Escalate', at: at(10), actor: kari, toTier: 'L2', note: 'Logs attached' },
    { _tag: 'OverridePriority', at: at(10, 30), actor: kari, priority: 'P1', reason: 'Whole office down' },
    { _tag: 'ApplyWorkaround', at: at(11), actor: kari, description: 'Use the web client' },
    { _tag: 'Resolve', at: at(12), actor: kari, code: 'workaround', note: 'Web client works' },
    { _tag: 'WithdrawWorkaround', at: at(13), actor: kari, reason: 'Web client down too' },
    {
      _tag: 'Notify',
      at: at(13),
      actor: { role: 'system', id: 'esc' },
      audience: 'manager',
      reason: 'resolution:breach'
    }
  ])

  it('lists the statuses, priorities, tiers, waits, resolutions, workarounds, replies and notices as intervals', () => {
    const t = getRight(Ticket.timeline()(deepFreeze(events)))
    expect(t.statuses.map((s) => [s.status._tag, s.from, s.to])).toStrictEqual([
      ['New', at(8), at(8, 10)],
      ['InProgress', at(8, 10), at(9)],
      ['Awaiting', at(9), at(10)],
      ['InProgress', at(10), at(12)],
      ['Resolved', at(12), at(13)],
      ['InProgress', at(13), undefined]
    ])
    expect(t.kinds).toStrictEqual([{ kind: 'incident', from: at(8) }])
    expect(t.priorities.map((p) => [p.priority.name, p.priority.source, p.from, p.to])).toStrictEqual([
      ['P2', 'matrix', at(8), at(10, 30)],
      ['P1', 'override', at(10, 30), undefined]
    ])
    expect(t.tiers).toStrictEqual([
      { tier: 'L1', from: at(8), to: at(10) },
      { tier: 'L2', from: at(10) }
    ])
    expect(t.pauses).toStrictEqual([{ party: 'customer', from: at(9), to: at(10) }])
    expect(t.resolutions).toStrictEqual([{ code: 'workaround', from: at(12), to: at(13) }])
    expect(t.workarounds).toStrictEqual([{ from: at(11), to: at(13) }])
    expect([t.replies, t.notices]).toStrictEqual([
      [at(8, 10)],
      [{ at: at(13), audience: 'manager', reason: 'resolution:breach' }]
    ])
    // plain data: it survives JSON
    expect(JSON.parse(JSON.stringify(t))).toStrictEqual(t)
  })

  it('cut at an instant, it is the timeline of the history cut there; none before the opening', () => {
    const t = getRight(Ticket.timeline()(events))
    expect(
      pipe(
        t,
        Ticket.timelineAt(at(9)),
        O.map((x) => x.pauses)
      )
    ).toStrictEqual(O.some([{ party: 'customer', from: at(9) }]))
    expect(Ticket.timelineAt(at(7))(t)).toStrictEqual(O.none)
  })

  it('law: cutting the timeline at any event instant (and a millisecond either side) equals the timeline of the cut history', () => {
    const check = (events: ReadonlyArray<Ticket.TicketEvent>) => {
      const whole = getRight(Ticket.timeline()(events))
      for (const e of events)
        for (const x of [e.at - 1, e.at, e.at + 1]) {
          const cut = events.filter((f) => f.at <= x)
          expect(Ticket.timelineAt(x as Time.Instant)(whole)).toStrictEqual(
            cut.length === 0 ? O.none : O.some(getRight(Ticket.timeline()(cut)))
          )
        }
    }
    fc.assert(
      fc.property(clockCase, ({ events }) => check(events)),
      { numRuns: 200 }
    )
    fc.assert(
      fc.property(commandWalk, (commands) => check(acceptedEvents(commands, Ticket.defaultContext))),
      { numRuns: 200 }
    )
  })

  it('a history that does not replay gives the replay error', () => {
    // a resumption without a wait
    const resumedTwice = [...events.slice(0, 2), { ...(events[4] as Ticket.TicketEvent), seq: 3 }]
    expect(Ticket.timeline()(resumedTwice)).toStrictEqual(Ticket.replay()(resumedTwice))
    expect(
      pipe(
        Ticket.timeline()(resumedTwice),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('ImpossibleEvent'))
    expect(
      pipe(
        Ticket.timeline()([]),
        E.mapLeft((e) => e._tag)
      )
    ).toStrictEqual(E.left('EmptyHistory'))
  })

  it('values a JavaScript caller should not pass are a Left naming the event and field, never a throw', () => {
    const first = events[0] as Ticket.TicketEvent
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [null, 'events: expected an array of ticket events, received null'],
      [[null], 'events[0]: expected a ticket event (an object), received null'],
      [
        [{ ...first, at: Number.NaN }],
        'events[0].at: expected an instant (epoch milliseconds) from 1900 to 2200, received NaN'
      ],
      [
        [{ ...first, at: Number.POSITIVE_INFINITY }],
        'events[0].at: expected an instant (epoch milliseconds) from 1900 to 2200, received Infinity'
      ],
      [
        [first, { ...first, _tag: 'TicketExploded' }],
        'events[1]._tag: expected a ticket event tag (such as "TicketOpened"), received "TicketExploded"'
      ],
      [[{ ...first, actor: undefined }], 'events[0].actor: expected an actor ({ role, id }), received nothing'],
      [[{ ...first, seq: '1' }], 'events[0].seq: expected a whole sequence number, received "1"']
    ]
    for (const [input, message] of cases)
      expect(
        pipe(
          Ticket.timeline()(input as never),
          E.mapLeft((e) => e.message)
        )
      ).toStrictEqual(E.left(message))
  })
})
