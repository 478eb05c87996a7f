import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Ticket } from '../../src/index.js'
import { compile, getLeft, instant } from '../helpers/unsafe.js'

// Pins the wording of ticket errors: where (ticket, event number, event, instant), what was
// expected and what was received, with the state and since when.
const kari = { role: 'agent', id: 'kari' } as const
const h = (seq: number, iso: string) => ({ ticketId: 'INC-42' as Ticket.TicketId, seq, at: instant(iso), actor: kari })
const opened: Ticket.TicketEvent = {
  _tag: 'TicketOpened',
  ...h(1, '2024-03-01T09:00:00Z'),
  channel: 'phone',
  customer: 'ACME',
  requester: 'ola',
  title: 'VPN',
  tier: 'L1'
}
const assigned: Ticket.TicketEvent = { _tag: 'TicketAssigned', ...h(2, '2024-03-01T09:05:00Z'), assignee: 'kari' }
const messageOf = (events: ReadonlyArray<Ticket.TicketEvent>) =>
  pipe(
    Ticket.replay()(events),
    E.mapLeft((e) => e.message)
  )

describe('ticket errors', () => {
  it('respond before open', () => {
    const reply: Ticket.TicketEvent = { _tag: 'PublicReplySent', ...h(1, '2024-03-01T09:00:00Z'), message: 'Hello' }
    expect(messageOf([reply])).toStrictEqual(
      E.left(
        'ticket INC-42, event 1 (PublicReplySent at 2024-03-01T09:00:00Z): expected the TicketOpened event first, received a ticket that has not been opened'
      )
    )
  })

  it('close an open ticket', () => {
    const close: Ticket.TicketEvent = { _tag: 'TicketClosed', ...h(3, '2024-03-01T10:00:00Z'), reason: 'confirmed' }
    expect(getLeft(Ticket.replay()([opened, assigned, close]))).toStrictEqual({
      _tag: 'ImpossibleEvent',
      ticketId: 'INC-42',
      seq: 3,
      event: 'TicketClosed',
      state: 'InProgress',
      message:
        'ticket INC-42, event 3 (TicketClosed at 2024-03-01T10:00:00Z): expected a resolved ticket (a ticket closes only after its resolution), received a ticket in progress since 2024-03-01T09:05:00Z'
    })
  })

  it('resolve without a note', () => {
    const resolve: Ticket.TicketEvent = {
      _tag: 'TicketResolved',
      ...h(3, '2024-03-01T10:00:00Z'),
      code: 'fixed',
      note: ''
    }
    expect(messageOf([opened, assigned, resolve])).toStrictEqual(
      E.left(
        'ticket INC-42, event 3 (TicketResolved at 2024-03-01T10:00:00Z): note: expected a resolution note, received a string of 0 characters'
      )
    )
  })

  it('escalate without a note', () => {
    const escalate: Ticket.TicketEvent = {
      _tag: 'TicketEscalated',
      ...h(3, '2024-03-01T10:00:00Z'),
      toTier: 'L2',
      note: ' '
    }
    expect(messageOf([opened, assigned, escalate])).toStrictEqual(
      E.left(
        'ticket INC-42, event 3 (TicketEscalated at 2024-03-01T10:00:00Z): note: expected a handover note, so the next tier can continue without asking again, received a string of 1 character'
      )
    )
  })

  it('resume a ticket that is not waiting', () => {
    const resume: Ticket.TicketEvent = { _tag: 'WorkResumed', ...h(3, '2024-03-01T10:00:00Z') }
    expect(messageOf([opened, assigned, resume])).toStrictEqual(
      E.left(
        'ticket INC-42, event 3 (WorkResumed at 2024-03-01T10:00:00Z): expected a ticket that is awaiting someone, received a ticket in progress since 2024-03-01T09:05:00Z'
      )
    )
  })

  it('events out of order, duplicated, with a gap, or of another ticket', () => {
    const early: Ticket.TicketEvent = { ...assigned, at: instant('2024-03-01T08:59:00Z') }
    expect(messageOf([opened, early])).toStrictEqual(
      E.left(
        'ticket INC-42, event 2 (TicketAssigned at 2024-03-01T08:59:00Z): expected an instant at or after the previous event (2024-03-01T09:00:00Z), received 2024-03-01T08:59:00Z'
      )
    )
    expect(messageOf([opened, assigned, assigned])).toStrictEqual(
      E.left(
        'ticket INC-42, event 2 (TicketAssigned at 2024-03-01T09:05:00Z): expected sequence number 3, received 2, which an earlier event already has'
      )
    )
    expect(messageOf([opened, { ...assigned, seq: 5 }])).toStrictEqual(
      E.left(
        'ticket INC-42, event 5 (TicketAssigned at 2024-03-01T09:05:00Z): expected sequence number 2, received 5, leaving a gap'
      )
    )
    expect(messageOf([opened, { ...assigned, ticketId: 'INC-43' as Ticket.TicketId }])).toStrictEqual(
      E.left(
        'ticket INC-43, event 2 (TicketAssigned at 2024-03-01T09:05:00Z): expected an event of ticket INC-42, received an event of ticket INC-43'
      )
    )
  })

  it('an empty history', () => {
    expect(getLeft(Ticket.replay()([]))).toStrictEqual({
      _tag: 'EmptyHistory',
      message: 'events: expected at least the TicketOpened event, received no events'
    })
  })

  it('malformed stored events: every problem with its path, free text summarised', () => {
    const e = getLeft(
      Ticket.decodeHistory([
        {
          _tag: 'TicketOpened',
          ticketId: 'INC-42',
          seq: 1,
          at: '2024-03-01T09:00:00',
          actor: { role: 'agent', id: 'kari' },
          channel: 'fax',
          customer: 'ACME',
          requester: 'ola',
          title: 'x'.repeat(100_001),
          tier: 'L1'
        },
        { _tag: 'TicketTeleported', ticketId: 'INC-42', seq: 2 }
      ])
    )
    expect(e.message.split('\n')).toStrictEqual([
      '[0].at: expected an ISO-8601 date-time with a UTC offset, such as "2025-03-07T15:30:00+01:00" or "2025-03-07T14:30:00Z", received "2024-03-01T09:00:00"',
      '[0].channel: expected one of "phone" | "chat" | "email" | "portal" | "monitoring", received "fax"',
      '[0].title: expected a text of at most 100 000 characters, received a string of 100001 characters',
      '[1]._tag: expected one of "TicketOpened" | "TicketClassified" | "PrioritySet" | "PriorityOverridden" | "TicketAssigned" | "TicketEscalated" | "PublicReplySent" | "InternalNoteAdded" | "AwaitingStarted" | "WorkResumed" | "WorkaroundApplied" | "WorkaroundWithdrawn" | "RootCauseIdentified" | "TicketResolved" | "ResolutionRejected" | "TicketReopened" | "TicketClosed" | "TicketCancelled" | "TicketRated" | "LinkedToProblem" | "NoticeSent", received "TicketTeleported"'
    ])
  })

  it('a bad ticket id', () => {
    expect(getLeft(Ticket.makeTicketId(' INC-1')).message).toBe(
      'ticketId: expected 1 to 100 printable ASCII characters without leading or trailing spaces, such as "INC-42", received " INC-1"'
    )
  })

  it('a decide context with a first tier that is no name, or an auto-close policy without a calendar or a number', () => {
    const open: Ticket.TicketCommand = {
      _tag: 'Open',
      at: instant('2024-03-01T09:00:00Z'),
      actor: kari,
      ticketId: 'INC-42' as Ticket.TicketId,
      channel: 'phone',
      customer: 'ACME',
      requester: 'ola',
      title: 'VPN'
    }
    const decideIn = (context: unknown) =>
      pipe(
        Ticket.decide(open, context as Ticket.DecideContext)(Ticket.initial),
        E.mapLeft((e) => e.message)
      )
    const policy = 'an auto-close policy: a compiled calendar and a number of business days'
    expect(
      decideIn({
        ...Ticket.defaultContext,
        firstTier: '',
        autoClose: { calendar: compile(Calendar.alwaysOpen), businessDays: '3' }
      })
    ).toStrictEqual(
      E.left(
        `context.firstTier: expected a name of 1 to 200 characters, received ""\ncontext.autoClose: expected ${policy}, received an object`
      )
    )
    expect(
      decideIn({ ...Ticket.defaultContext, autoClose: { calendar: { _tag: 'BusinessCalendar' }, businessDays: 3 } })
    ).toStrictEqual(E.left(`context.autoClose: expected ${policy}, received an object`))
    // the checked context is the one given, in its parts: a calendar and a number pass
    expect(
      E.isRight(
        decideIn({ ...Ticket.defaultContext, autoClose: { calendar: compile(Calendar.alwaysOpen), businessDays: 3 } })
      )
    ).toBe(true)
  })
})
