import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Calendar, Ticket } from '../../src/index.js'
import { acceptedEvents, commandWalk } from '../arbitraries/ticket.js'
import { compile, deepFreeze } from '../helpers/unsafe.js'

const numRuns = process.env.CI ? 1000 : 200
const context: Ticket.DecideContext = {
  ...Ticket.defaultContext,
  autoClose: {
    calendar: compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })),
    businessDays: 2
  }
}

describe('ticket lifecycle laws', () => {
  it('replaying the decided events equals evolving them step by step', () => {
    fc.assert(
      fc.property(commandWalk, (commands) => {
        const events = acceptedEvents(commands, context)
        const stepwise = events.reduce(Ticket.evolve, Ticket.initial)
        expect(Ticket.replay()(events)).toStrictEqual(E.right(stepwise))
      }),
      { numRuns }
    )
  })

  it('every history made of accepted commands replays, and a refused command changes nothing', () => {
    fc.assert(
      fc.property(commandWalk, (commands) => {
        let state: Ticket.TicketState = Ticket.initial
        for (const c of commands) {
          const frozen = deepFreeze(state)
          const r = Ticket.decide(c, context)(frozen)
          if (E.isRight(r)) state = r.right.reduce(Ticket.evolve, frozen)
          else expect(state).toBe(frozen)
        }
        expect(E.isRight(Ticket.replay()(acceptedEvents(commands, context)))).toBe(true)
      }),
      { numRuns }
    )
  })

  it('events and ticket snapshots round-trip through JSON, and the decoded history rebuilds the same ticket', () => {
    fc.assert(
      fc.property(commandWalk, (commands) => {
        const events = acceptedEvents(commands, context)
        const json = JSON.parse(JSON.stringify(events.map(Ticket.encodeEvent)))
        expect(E.sequenceArray(json.map(Ticket.decodeEvent))).toStrictEqual(E.right(events))
        expect(E.map((h: { readonly ticket: Ticket.Ticket }) => h.ticket)(Ticket.decodeHistory(json))).toStrictEqual(
          Ticket.replay()(events)
        )
        // and so does the ticket snapshot
        const ticket = Ticket.replay()(events)
        if (ticket._tag === 'Right')
          expect(Ticket.decodeTicket(JSON.parse(JSON.stringify(Ticket.encodeTicket(ticket.right))))).toStrictEqual(
            ticket
          )
      }),
      { numRuns }
    )
  })

  it('commands round-trip through JSON; a rating outside 1–5 is refused on the wire', () => {
    fc.assert(
      fc.property(commandWalk, (commands) => {
        const wireValid = commands.filter((c) => c._tag !== 'Rate' || (c.score >= 1 && c.score <= 5))
        const json = JSON.parse(JSON.stringify(wireValid.map(Ticket.encodeCommand)))
        expect(E.sequenceArray(json.map(Ticket.decodeCommand))).toStrictEqual(E.right(wireValid))
        for (const c of commands)
          if (c._tag === 'Rate' && (c.score < 1 || c.score > 5))
            expect(E.isLeft(Ticket.decodeCommand(Ticket.encodeCommand(c)))).toBe(true)
      }),
      { numRuns }
    )
  })

  it('sequence numbers count 1, 2, 3, … and instants never go back', () => {
    fc.assert(
      fc.property(commandWalk, (commands) => {
        const events = acceptedEvents(commands, context)
        events.forEach((e, i) => expect(e.seq).toBe(i + 1))
        events.slice(1).forEach((e, i) => expect(e.at).toBeGreaterThanOrEqual((events[i] as Ticket.TicketEvent).at))
      }),
      { numRuns }
    )
  })

  it('a history with one event removed, duplicated or moved is refused (unless it was the last event)', () => {
    fc.assert(
      fc.property(commandWalk, fc.nat(), (commands, pick) => {
        const events = acceptedEvents(commands, context)
        fc.pre(events.length >= 3)
        const i = pick % (events.length - 1)
        const without = [...events.slice(0, i), ...events.slice(i + 1)]
        const twice = [...events.slice(0, i + 1), events[i] as Ticket.TicketEvent, ...events.slice(i + 1)]
        expect(E.isLeft(Ticket.replay()(without))).toBe(true)
        expect(E.isLeft(Ticket.replay()(twice))).toBe(true)
      }),
      { numRuns }
    )
  })

  it('decoders never throw, whatever they are given', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        expect(() => [
          Ticket.decodeEvent(u),
          Ticket.decodeCommand(u),
          Ticket.decodeHistory(u),
          Ticket.decodeHistory([u]),
          Ticket.decodeTicket(u)
        ]).not.toThrow()
      }),
      { numRuns }
    )
  })
})

describe('the command walk explores the lifecycle', () => {
  it('reaches every status, escalations, reopenings and ratings across 500 walks', () => {
    const seen = new Set<string>()
    for (const commands of fc.sample(commandWalk, { numRuns: 500, seed: 42 })) {
      let state: Ticket.TicketState = Ticket.initial
      for (const e of acceptedEvents(commands, context)) {
        state = Ticket.evolve(state, e)
        if (state._tag === 'Ticket') {
          seen.add(state.status._tag)
          if (state.escalationCount > 0) seen.add('escalated')
          if (state.reopenCount > 0) seen.add('reopened')
          if (state.rating !== undefined) seen.add('rated')
          if (state.status._tag === 'Closed') seen.add(`closed:${state.status.reason}`)
          if (state.rootCause !== undefined) seen.add('root cause')
          if (state.notices.length > 0) seen.add('noticed')
        }
      }
    }
    expect([...seen].sort()).toStrictEqual(
      [
        'Awaiting',
        'Cancelled',
        'Closed',
        'InProgress',
        'New',
        'Resolved',
        'closed:confirmed',
        'closed:silence',
        'escalated',
        'noticed',
        'rated',
        'reopened',
        'root cause'
      ].sort()
    )
  })
})
