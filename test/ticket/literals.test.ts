import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Ticket, Time } from '../../src/index.js'
import { getLeft, getRight } from '../helpers/unsafe.js'

const kari = { role: 'agent', id: 'kari' } as const
const open = (ticketId: Ticket.TicketId, kind: 'incident' | 'problem' = 'incident'): Ticket.TicketCommand => ({
  _tag: 'Open',
  at: Time.instant('2025-03-10T08:00:00+01:00'),
  actor: kari,
  ticketId,
  channel: 'phone',
  customer: 'ACME',
  requester: 'ola',
  title: 'VPN',
  kind
})

describe('Ticket.ticketId', () => {
  it('gives the id itself for every id makeTicketId accepts', () => {
    for (const id of ['INC-42', 'x', '~', 'A B', 'a'.repeat(100), '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'])
      expect(Ticket.ticketId(id)).toBe(getRight(Ticket.makeTicketId(id)))
  })

  it('gives the invalid id "", never a throw, for text makeTicketId refuses', () => {
    for (const id of ['', ' ', ' INC-1', 'INC-1 ', 'INC\n1', 'INC-ø', 'a'.repeat(101), 'x'.repeat(100_000)]) {
      expect(E.isLeft(Ticket.makeTicketId(id))).toBe(true)
      expect(Ticket.ticketId(id)).toBe('')
    }
  })

  it('gives "", never a throw, for any value a JavaScript caller passes', () => {
    const odd: ReadonlyArray<unknown> = [undefined, null, Number.NaN, 42, true, {}, ['INC-1'], Symbol('id'), 1n]
    for (const u of odd) expect(Ticket.ticketId(u as string)).toBe('')
    expect(Ticket.ticketId({ toString: () => 'INC-1' } as unknown as string)).toBe('')
  })

  it('leaves the invalid id to the commands and events, which refuse it with a Left', () => {
    expect(E.isRight(Ticket.run(Ticket.defaultContext)([open(Ticket.ticketId('INC-1'))]))).toBe(true)
    const refused = getLeft(Ticket.run(Ticket.defaultContext)([open(Ticket.ticketId('INC-1 '))]))
    expect(refused.message).toMatch(/^ticketId: .*received ""/)
    // a problem link to an invalid id
    const link: Ticket.TicketCommand = {
      _tag: 'LinkProblem',
      at: Time.instant('2025-03-10T09:00:00+01:00'),
      actor: kari,
      problemId: Ticket.ticketId('')
    }
    expect(getLeft(Ticket.run(Ticket.defaultContext)([open(Ticket.ticketId('INC-1')), link])).message).toMatch(
      /^problemId: /
    )
    // an event that carries it, read back by replay and timeline
    const { events } = getRight(Ticket.runEvents(Ticket.defaultContext)([open(Ticket.ticketId('INC-1'))]))
    const forged = events.map((e) => ({ ...e, ticketId: Ticket.ticketId(' ') }))
    expect(getLeft(Ticket.replay()(forged)).message).toMatch(/ticketId: .*received ""/)
    expect(getLeft(Ticket.timeline()(forged)).message).toMatch(/ticketId: .*received ""/)
    expect(E.isRight(Ticket.replay()(events))).toBe(true)
  })
})
