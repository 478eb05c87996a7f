import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Classification, Kind, Priority, Ticket } from '../../src/index.js'
import { instant } from '../helpers/unsafe.js'

// Every public function of the ticket, classification and priority modules is called with
// "bypass" values (what a JavaScript caller or a type cast can pass) in every argument position,
// and again on what a curried function returns: none may throw.

const numRuns = process.env.CI ? 400 : 80

const kari = { role: 'agent', id: 'kari' } as const
const opened: Ticket.TicketEvent = {
  _tag: 'TicketOpened',
  ticketId: 'INC-1' as Ticket.TicketId,
  seq: 1,
  at: instant('2025-03-07T08:00:00Z'),
  actor: kari,
  channel: 'phone',
  customer: 'ACME',
  requester: 'ola',
  title: 'Printer jam',
  tier: 'L1'
}
const ticket = (Ticket.replay()([opened]) as E.Right<Ticket.Ticket>).right

/** Values that pass a type check only by a cast, or not at all. */
const bypass: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    '',
    ' ',
    'urgnet',
    '__proto__',
    'constructor',
    'toString',
    [],
    {},
    Object.create(null),
    { _tag: 'Ticket' },
    { _tag: 'Unopened' },
    { _tag: 'TicketTeleported' },
    { _tag: 'KindRules' },
    { _tag: 'PriorityMatrix' },
    { matrix: null, kinds: null },
    { ...opened, at: Number.NaN },
    { ...opened, actor: undefined },
    { ...ticket, status: null },
    { ...ticket, kind: 'gossip' },
    { ...ticket, notices: 'x' },
    { ...Ticket.defaultContext, firstTier: 42 },
    { ...Ticket.defaultContext, autoClose: {} },
    { _tag: 'Open', at: Number.NaN, actor: kari },
    { _tag: 'Reply', at: Date.UTC(2025, 2, 7), actor: null, message: 'hi' },
    { _tag: 'Nonsense', at: Date.UTC(2025, 2, 7), actor: kari },
    Ticket.defaultContext,
    Ticket.initial,
    ticket,
    opened,
    [opened],
    [null],
    Priority.itilDefault,
    Kind.defaultKindRules,
    'incident',
    'high',
    'P1'
  ),
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true
  })
)

const modules = { Classification, Kind, Priority, Ticket } as const
const functions = Object.entries(modules).flatMap(([module, m]) =>
  Object.entries(m as Record<string, unknown>)
    .filter((entry): entry is [string, (...args: ReadonlyArray<unknown>) => unknown] => typeof entry[1] === 'function')
    .map(([name, f]) => [`${module}.${name}`, f] as const)
)

describe('no public ticket, kind, classification or priority function throws on bypass values', () => {
  it('the list of functions under test is the public surface', () => {
    // a new export joins the test by itself; this pins that the list is not empty by accident
    expect(functions.length).toBeGreaterThanOrEqual(60)
    expect(functions.map(([n]) => n)).toContain('Ticket.replay')
    expect(functions.map(([n]) => n)).toContain('Priority.lookup')
    expect(functions.map(([n]) => n)).toContain('Classification.classify')
    expect(functions.map(([n]) => n)).toContain('Kind.makeKindRules')
  })

  for (const [name, f] of functions)
    it(`${name} returns for any arguments, and so does the function it returns`, () => {
      fc.assert(
        fc.property(
          fc.array(bypass, { minLength: 0, maxLength: 3 }),
          fc.array(bypass, { minLength: 0, maxLength: 2 }),
          (args, more) => {
            const r = f(...args)
            if (typeof r === 'function') (r as (...a: ReadonlyArray<unknown>) => unknown)(...more)
          }
        ),
        { numRuns }
      )
    })
})

describe('bypass values give a Left that says what is wrong', () => {
  const left = (r: E.Either<{ readonly message: string }, unknown>): string =>
    E.isLeft(r) ? r.left.message : 'a Right'

  it('an event whose instant is NaN', () => {
    expect(left(Ticket.replay()([{ ...opened, at: Number.NaN as never }]))).toBe(
      '[0].at: expected a whole number of milliseconds from 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z, received NaN'
    )
  })

  it('a command whose instant is NaN is refused, so the next command cannot trip on it', () => {
    const open = {
      _tag: 'Open',
      at: Number.NaN,
      actor: kari,
      ticketId: 'INC-1',
      channel: 'phone',
      customer: 'ACME',
      requester: 'ola',
      title: 'VPN'
    }
    expect(left(Ticket.decide(open as never, Ticket.defaultContext)(Ticket.initial))).toBe(
      'at: expected a whole number of milliseconds from 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z, received NaN'
    )
  })

  it('an unknown _tag, a missing actor, a null event', () => {
    expect(
      left(Ticket.decide({ _tag: 'Teleport', at: opened.at, actor: kari } as never, Ticket.defaultContext)(ticket))
    ).toMatch(/^_tag: expected one of "Open" \| "Classify"/)
    expect(
      left(Ticket.decide({ _tag: 'Reply', at: opened.at, message: 'On it' } as never, Ticket.defaultContext)(ticket))
    ).toBe('actor: expected an actor, received nothing')
    expect(left(Ticket.replay()([opened, null as never]))).toBe(
      '[1]: expected an object with a "_tag" (one of "TicketOpened" | "TicketClassified" | "PrioritySet" | "PriorityOverridden" | "TicketAssigned" | "TicketEscalated" | "PublicReplySent" | "InternalNoteAdded" | "AwaitingStarted" | "WorkResumed" | "WorkaroundApplied" | "WorkaroundWithdrawn" | "RootCauseIdentified" | "TicketResolved" | "ResolutionRejected" | "TicketReopened" | "TicketClosed" | "TicketCancelled" | "TicketRated" | "LinkedToProblem" | "NoticeSent"), received null'
    )
  })

  it('a context, a state or a list that is not one', () => {
    expect(left(Ticket.replay({ matrix: null, kinds: null } as never)([opened])).split('\n')).toStrictEqual([
      'context.matrix: expected a priority matrix made by Priority.make or Priority.decodeMatrix, received null',
      'context.kinds: expected kind rules made by Kind.makeKindRules or decodeKindRules, received null'
    ])
    expect(
      left(
        Ticket.decide(
          { _tag: 'Resume', at: opened.at, actor: kari },
          Ticket.defaultContext
        )({ _tag: 'Ticket' } as never)
      )
    ).toBe('state: expected a ticket state (Ticket.initial or a ticket), received an object')
    expect(left(Ticket.replay()('events' as never))).toBe('events: expected a list of ticket events, received "events"')
  })

  it('evolve is total: it leaves the state as it is for a value that is not an event', () => {
    expect(Ticket.evolve(ticket, { ...opened, _tag: 'TicketTeleported', seq: 2 } as never)).toBe(ticket)
    expect(Ticket.evolve(ticket, null as never)).toBe(ticket)
    expect(
      Ticket.evolve(ticket, {
        ...opened,
        _tag: 'NoticeSent',
        seq: 2,
        audience: 'manager',
        reason: Object.create(null)
      } as never)
    ).toBe(ticket)
    expect(Ticket.evolve(null as never, opened)).toBe(null)
  })
})
