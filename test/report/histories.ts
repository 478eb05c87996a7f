/**
 * Generated ticket histories for report laws: valid histories (refused commands are dropped) of
 * three customers around February–March 2025, with replies, waits, escalations, workarounds,
 * resolutions, rejections, reopenings and ratings, at instants that often fall on closed hours.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { Ticket, type Time } from '../../src/index.js'

const kari = { role: 'agent', id: 'kari' } as const
const ola = { role: 'customer', id: 'ola' } as const
export const customers = ['Berg Bygg', 'Fjord AS', 'Vik Regnskap'] as const

const step: fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>> = fc.oneof(
  {
    arbitrary: fc.record({
      _tag: fc.constant('Reply' as const),
      actor: fc.constant(kari),
      message: fc.constant('Update')
    }),
    weight: 4
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Await' as const),
      actor: fc.constant(kari),
      party: fc.constantFrom('customer', 'thirdParty' as const)
    }),
    weight: 1
  },
  { arbitrary: fc.record({ _tag: fc.constant('Resume' as const), actor: fc.constant(kari) }), weight: 1 },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Escalate' as const),
      actor: fc.constant(kari),
      toTier: fc.constantFrom('L2', 'solution team'),
      note: fc.constant('Over to you')
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('ApplyWorkaround' as const),
      actor: fc.constant(kari),
      description: fc.constant('Use the web client')
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Resolve' as const),
      actor: fc.constant(kari),
      code: fc.constant('fixed' as const),
      note: fc.constant('Fixed')
    }),
    weight: 3
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Reject' as const),
      actor: fc.constant(ola),
      reason: fc.constant('Not fixed')
    }),
    weight: 2
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Reopen' as const),
      actor: fc.constant(kari),
      reason: fc.constant('Came back')
    }),
    weight: 1
  },
  { arbitrary: fc.record({ _tag: fc.constant('Confirm' as const), actor: fc.constant(ola) }), weight: 1 },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Rate' as const),
      actor: fc.constant(ola),
      score: fc.integer({ min: 1, max: 5 })
    }),
    weight: 2
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Cancel' as const),
      actor: fc.constant(kari),
      reason: fc.constant('Duplicate')
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('WithdrawWorkaround' as const),
      actor: fc.constant(kari),
      reason: fc.constant('Stopped working')
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('IdentifyRootCause' as const),
      actor: fc.constant(kari),
      rootCause: fc.constant('Bad driver')
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Resolve' as const),
      actor: fc.constant(kari),
      code: fc.constant('workaround' as const),
      note: fc.constant('Workaround')
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant('Classify' as const),
      actor: fc.constant(kari),
      kind: fc.constantFrom('incident', 'problem' as const),
      category: fc.constantFrom('backup', 'licence')
    }),
    weight: 1
  }
) as fc.Arbitrary<Omit<Ticket.TicketCommand, 'at'>>

const levels = ['high', 'medium', 'low'] as const

/** One valid history of one of the customers (default: the desk's three); `n` makes its ticket id unique. */
export const historyArb = (
  n: number,
  names: ReadonlyArray<string> = customers
): fc.Arbitrary<ReadonlyArray<Ticket.TicketEvent>> =>
  fc
    .tuple(
      fc.integer({ min: Date.UTC(2025, 1, 10), max: Date.UTC(2025, 3, 5) }),
      fc.constantFrom(...names),
      fc.constantFrom(...levels),
      fc.constantFrom(...levels),
      fc.constantFrom('phone', 'email', 'portal' as const),
      fc.constantFrom('incident', 'incident', 'incident', 'problem' as const),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * 3_600_000 }), step), { maxLength: 12 })
    )
    .map(([start, customer, urgency, impact, channel, kind, steps]) => {
      let at = Math.floor(start / 60_000) * 60_000
      let state: Ticket.TicketState = Ticket.initial
      const events: Ticket.TicketEvent[] = []
      const commands: Ticket.TicketCommand[] = [
        {
          _tag: 'Open',
          at: at as Time.Instant,
          actor: kari,
          ticketId: `T-${n}` as Ticket.TicketId,
          channel,
          customer,
          requester: 'ola',
          title: 'Generated',
          kind
        },
        { _tag: 'Prioritise', at: at as Time.Instant, actor: kari, urgency, impact }
      ]
      for (const [gap, s] of steps) {
        at += Math.floor(gap / 60_000) * 60_000
        commands.push({ ...s, at: at as Time.Instant } as Ticket.TicketCommand)
      }
      for (const c of commands) {
        const r = Ticket.decide(c, Ticket.defaultContext)(state)
        if (E.isLeft(r)) continue
        for (const e of r.right) {
          events.push(e)
          state = Ticket.evolve(state, e)
        }
      }
      return events
    })

/** A list of histories with distinct ticket ids, of the given customers (default: the desk's three). */
export const historiesArb = (
  max: number,
  names: ReadonlyArray<string> = customers
): fc.Arbitrary<ReadonlyArray<ReadonlyArray<Ticket.TicketEvent>>> =>
  fc.integer({ min: 0, max }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => historyArb(i, names))))
