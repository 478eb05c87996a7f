import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import type { Ticket } from '../../src/index.js'
import * as Workaround from '../../src/workaround/index.js'
import { getLeft, getRight, instant } from '../helpers/unsafe.js'
import { build, extend, id } from './helpers.js'

// Pins the wording of workaround errors: where (the ticket and the field), what was expected and
// what was received, never the ticket's free text.
const kari = { role: 'agent', id: 'kari' } as const
const open = (ticketId: string, kind?: 'incident' | 'problem'): Ticket.TicketCommand => ({
  _tag: 'Open',
  at: instant('2025-03-10T08:00:00Z'),
  actor: kari,
  ticketId: id(ticketId),
  channel: 'phone',
  customer: 'ACME',
  requester: 'ola',
  title: 'A long secret title that must never appear in an error message',
  ...(kind === undefined ? {} : { kind })
})
const workaround: Ticket.TicketCommand = {
  _tag: 'ApplyWorkaround',
  at: instant('2025-03-10T09:00:00Z'),
  actor: kari,
  description: 'Use the web client'
}
const options = { at: instant('2025-03-10T10:00:00Z'), actor: kari } as const

describe('workaround errors', () => {
  it('a ticket of another kind, or without a kind, used as a problem', () => {
    expect(getLeft(pipe(build([open('INC-42', 'incident')]).ticket, Workaround.rollOut([], options)))).toStrictEqual({
      _tag: 'NotAProblem',
      ticketId: 'INC-42',
      path: 'kind',
      kind: 'incident',
      message: 'ticket INC-42: kind: expected a problem, received "incident"'
    })
    expect(getLeft(pipe(build([open('T-1')]).ticket, Workaround.knownError([])))).toStrictEqual({
      _tag: 'NotAProblem',
      ticketId: 'T-1',
      path: 'kind',
      message: 'ticket T-1: kind: expected a problem, received an unclassified ticket'
    })
  })

  it('a problem without a workaround to roll out', () => {
    expect(getLeft(pipe(build([open('PRB-7', 'problem')]).ticket, Workaround.rollOut([], options)))).toStrictEqual({
      _tag: 'NoWorkaround',
      ticketId: 'PRB-7',
      path: 'workaround',
      message: 'ticket PRB-7: workaround: expected a problem with a workaround in force, received a problem without one'
    })
  })

  it('a problem that is not a known error yet', () => {
    expect(getLeft(pipe(build([open('PRB-7', 'problem')]).ticket, Workaround.knownError([])))).toStrictEqual({
      _tag: 'NotAKnownError',
      ticketId: 'PRB-7',
      path: 'workaround',
      message:
        'ticket PRB-7: workaround: expected a known error (a problem with a root cause or a workaround), received a problem with neither'
    })
  })

  it('an incident already on a workaround of its own', () => {
    const problem = build([open('PRB-7', 'problem'), workaround]).ticket
    const incident = build([
      open('INC-42', 'incident'),
      { _tag: 'LinkProblem', at: instant('2025-03-10T08:30:00Z'), actor: kari, problemId: id('PRB-7') },
      workaround
    ]).ticket
    expect(getRight(pipe(problem, Workaround.rollOut([incident], options))).refused).toStrictEqual([
      {
        ticketId: 'INC-42',
        error: {
          _tag: 'AlreadyOnWorkaround',
          ticketId: 'INC-42',
          path: 'workaround',
          appliedAt: instant('2025-03-10T09:00:00Z'),
          message:
            'ticket INC-42: workaround: expected a ticket without a workaround in force, received a workaround applied at 2025-03-10T09:00:00Z'
        }
      }
    ])
  })

  it('follow-ups on a problem whose fix has not shipped, with its status and since when', () => {
    const awaiting = build([
      open('PRB-7', 'problem'),
      { _tag: 'Await', at: instant('2025-03-10T08:30:00Z'), actor: kari, party: 'thirdParty' }
    ]).ticket
    expect(getLeft(pipe(awaiting, Workaround.followUps([])))).toStrictEqual({
      _tag: 'NotFixed',
      ticketId: 'PRB-7',
      path: 'status',
      status: 'Awaiting',
      message:
        'ticket PRB-7: status: expected a problem resolved with code "fixed" (the permanent fix shipped), received a ticket awaiting a third party since 2025-03-10T08:30:00Z'
    })
    const duplicate = extend(build([open('PRB-8', 'problem')]), [
      { _tag: 'Resolve', at: instant('2025-03-11T08:00:00Z'), actor: kari, code: 'duplicate', note: 'Same as PRB-7' }
    ])
    expect(getLeft(pipe(duplicate.ticket, Workaround.followUps([]))).message).toBe(
      'ticket PRB-8: status: expected a problem resolved with code "fixed" (the permanent fix shipped), received a ticket resolved with code "duplicate" since 2025-03-11T08:00:00Z'
    )
  })

  it('a ticket refusal comes through as the ticket error', () => {
    const problem = build([open('PRB-7', 'problem'), workaround]).ticket
    const closed = build([
      open('INC-42', 'incident'),
      { _tag: 'LinkProblem', at: instant('2025-03-10T08:30:00Z'), actor: kari, problemId: id('PRB-7') },
      { _tag: 'Resolve', at: instant('2025-03-10T08:40:00Z'), actor: kari, code: 'fixed', note: 'Rebooted' },
      { _tag: 'Confirm', at: instant('2025-03-10T08:50:00Z'), actor: { role: 'customer', id: 'ola' } }
    ]).ticket
    const [refusal] = getRight(pipe(problem, Workaround.rollOut([closed], options))).refused
    expect(refusal?.error.message).toBe(
      'ticket INC-42, event 5 (WorkaroundApplied at 2025-03-10T10:00:00Z): expected a new, in-progress or awaiting ticket, received a ticket closed since 2025-03-10T08:50:00Z'
    )
  })
})
